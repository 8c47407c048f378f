"""Reading and writing the store. Content-addressed: saving the same submission again updates it in
place, so reruns are idempotent."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, create_engine, delete, event, exists, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from respmine.ingest.dispatch import reader_version
from respmine.records import Document, Quarantined, Status, in_utc
from respmine.store.models import (
    Base,
    PersonalDataRow,
    RespondentRow,
    RunRow,
    SegmentRow,
    SourceRow,
    SubmissionRow,
)

CHUNK = 500  # keys per `IN (...)` query: well under SQLite's variable limit


def segment_exists(column: Any) -> ColumnElement[bool]:
    """`EXISTS` a segment with the id in `column` (negate for rows left behind by re-segmentation).
    Rather than `NOT IN (SELECT id FROM segments)`: PostgreSQL turns NOT IN into a hashed subplan only
    while all ids fit in `work_mem`, else it rescans the list for every row."""
    return exists().where(SegmentRow.id == column)


@dataclass(frozen=True)
class Arrival:
    """When and how a submission arrived, resolved by the ingest stage."""

    received_at: datetime | None
    received_from: str | None
    late: bool | None


@dataclass(frozen=True)
class Saved:
    """One submission to save: the result (its children are saved as their own items), how it arrived,
    its kind (file | attachment | form-row), its parent's id and the inbox path it came under."""

    result: Document | Quarantined
    arrival: Arrival
    kind: str
    parent: str | None = None
    path: str | None = None
    version: str | None = None  # the version of the reader that read it; None: the current version of its
    # format's (`ingest.dispatch.reader_version`). ("" was stamped, so a file saved without one was read
    # again by every run.)


@dataclass
class StoredRead:
    """How a stored submission was read: by its readers' current versions or not, when it arrived, its id
    with every descendant's (attachments, form rows, an archive's files), and which of them are
    quarantined, with their code and format (a quarantine a run's settings lift is read again), and which
    were read with scanned pages left unread (OCR off: a run with OCR on reads them again)."""

    current: bool
    arrival: Arrival
    members: set[str]
    quarantines: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # id -> (code, format,
    # reason)
    not_ocrd: set[str] = field(default_factory=set)  # read, but with scanned pages left without OCR


NOT_OCRD = "image-no-ocr"  # a page's method when it is a scan read without OCR (`ingest.pdf`)


def _not_ocrd(method: str | None) -> bool:
    """Whether a stored document's method (its pages' methods joined by "+") says a scan was left unread."""
    return NOT_OCRD in (method or "").split("+")


def _chunks(keys: Sequence[Any]) -> Iterator[list[Any]]:
    """`keys` by `CHUNK`, for `IN (...)` queries."""
    for i in range(0, len(keys), CHUNK):
        yield list(keys[i : i + CHUNK])


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

    return engine


def add_missing_columns(engine: Engine) -> list[str]:
    """Columns added to a table since the store was created, added in place (with an empty default).

    `create_all` makes missing tables but never alters existing ones; a work folder from an earlier
    version would otherwise fail on its first query. Only additive changes are handled this way.
    """
    from sqlalchemy import inspect, text

    added = []
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in have:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            scalar = getattr(column.default, "is_scalar", False)
            default = getattr(column.default, "arg", None) if scalar else None
            literal = (
                ""
                if default is None
                else f" DEFAULT '{default}'"
                if isinstance(default, str)
                else f" DEFAULT {default}"
            )
            with engine.begin() as conn:
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}{literal}'))
            added.append(f"{table.name}.{column.name}")
    return added


class Store:
    """The pipeline's store. One instance per process; sessions are short and per batch."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        Base.metadata.create_all(self.engine)
        add_missing_columns(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self._session()

    def stored_reads(
        self, sha256s: Iterable[str], current: Callable[[str | None], str]
    ) -> dict[str, StoredRead]:
        """Those of these submissions already stored: whether all of each (with its attachments, form
        rows or archived files) was read by the current version of its format's reader (`current`; a
        stale one is to be read again), its arrival as stored and everything stored under it, with any of
        these that is stored under it (a file of the inbox an e-mail there holds as its attachment)."""
        wanted = sorted(set(sha256s))
        out: dict[str, StoredRead] = {}
        with self.session() as s:
            for i in range(0, len(wanted), CHUNK):
                for sha, fmt, version, when, how, late, code, why, method in s.execute(
                    select(SubmissionRow.sha256, SubmissionRow.format, SubmissionRow.extractor_version,
                           SubmissionRow.received_at, SubmissionRow.received_from, SubmissionRow.late,
                           SubmissionRow.code, SubmissionRow.reason, SubmissionRow.method)
                    .where(SubmissionRow.sha256.in_(wanted[i : i + CHUNK]))
                ):
                    out[sha] = StoredRead(version == current(fmt), Arrival(when, how, late), {sha},
                                          {sha: (code, fmt or "", why or "")} if code else {},
                                          {sha} if _not_ocrd(method) else set())
            root = {sha: sha for sha in out}  # a descendant -> the asked submission it is under
            nested: dict[str, str] = {}  # an asked submission under another (an e-mail's attachment that is
            # a file of the inbox too) -> its parent
            level = sorted(out)
            while level:  # (an attachment read by an old reader makes its e-mail stale)
                below: list[str] = []
                for i in range(0, len(level), CHUNK):
                    for sha, parent, fmt, version, code, why, method in s.execute(
                        select(SubmissionRow.sha256, SubmissionRow.parent_sha256, SubmissionRow.format,
                               SubmissionRow.extractor_version, SubmissionRow.code, SubmissionRow.reason,
                               SubmissionRow.method)
                        .where(SubmissionRow.parent_sha256.in_(level[i : i + CHUNK]))
                    ):
                        if parent is None:
                            continue
                        if sha in root:
                            if root[sha] == sha:
                                nested[sha] = parent
                            continue
                        top = out[root[parent]]
                        root[sha] = root[parent]
                        top.members.add(sha)
                        top.current = top.current and version == current(fmt)
                        if code:
                            top.quarantines[sha] = (code, fmt or "", why or "")
                        if _not_ocrd(method):
                            top.not_ocrd.add(sha)
                        below.append(sha)
                level = below
        for sha in nested:  # as part of what holds it too: read again alone, it was saved as a file of its
            head, passed = sha, {sha}  # own, out of its e-mail (whose stale or lifted attachment it is)
            while head in nested and root[nested[head]] not in passed:
                head = root[nested[head]]
                passed.add(head)
            if head != sha:
                read, into = out[sha], out[head]
                into.members |= read.members
                into.current = into.current and read.current
                into.quarantines.update(read.quarantines)
                into.not_ocrd |= read.not_ocrd
        return out

    def named_elsewhere(self, sha256s: Iterable[str], owner: str, names: Iterable[str] = ()) -> set[str]:
        """Those of these submissions known under a name that is neither one of `owner`'s (its stored names
        and `names`) nor inside one ("batch.zip#reply.txt"): a copy another file holds (a zip archive's
        file that was an e-mail's attachment), or a file once in the inbox."""
        wanted = sorted(set(sha256s))
        with self.session() as s:
            own = set(names) | set(s.scalars(select(SourceRow.path).where(SourceRow.sha256 == owner)))
            found: set[str] = set()
            for i in range(0, len(wanted), CHUNK):
                for sha, path in s.execute(select(SourceRow.sha256, SourceRow.path)
                                           .where(SourceRow.sha256.in_(wanted[i : i + CHUNK]))):
                    if not any(path == name or path.startswith(f"{name}#") for name in own):
                        found.add(sha)
        return found

    def replace_versions(self, current: Mapping[str, str], keep: Iterable[str] = ()) -> list[str]:
        """Names of the inbox (`current`: name -> the sha256 of the file there now) stored for other content:
        a file replaced by a new version under the same name. Each such name is taken off the old content,
        and an old file left with no name (nor in `keep`: content still in the inbox) is forgotten with what
        it holds, so every file of the inbox is one submission, its current content (a too-large file, its
        quarantine kept beside the new version's reading, or a corrected letter counted twice). What the old
        version held that is named elsewhere or in `keep` stays, as a file of its own; what the new version
        holds too is under it already (saved again). Returns the names that held other content, sorted."""
        keep = set(keep)
        names = sorted(current)
        with self.session() as s, s.begin():
            stale: list[tuple[int, str, str]] = []
            for i in range(0, len(names), CHUNK):
                stale += [(id_, sha, path) for id_, sha, path in s.execute(
                    select(SourceRow.id, SourceRow.sha256, SourceRow.path)
                    .where(SourceRow.path.in_(names[i : i + CHUNK]))) if current[path] != sha]
            if not stale:
                return []
            for ids in _chunks([id_ for id_, _, _ in stale]):  # (every `IN` by `CHUNK`: a form's 40,000 rows)
                s.execute(delete(SourceRow).where(SourceRow.id.in_(ids)))
            old = sorted({sha for _, sha, _ in stale} - keep)
            named = {sha for part in _chunks(old)
                     for sha in s.scalars(select(SourceRow.sha256).where(SourceRow.sha256.in_(part)))}
            top = {sha for part in _chunks(old) for sha in s.scalars(select(SubmissionRow.sha256).where(
                SubmissionRow.sha256.in_(part), SubmissionRow.parent_sha256.is_(None)))}
            moved_off = sorted({sha for _, sha, _ in stale})
            left = [row for part in _chunks(moved_off) for row in s.execute(
                select(SourceRow.sha256, SourceRow.path, SourceRow.id).where(SourceRow.sha256.in_(part)))]
            for sha, path, _ in sorted(left, key=lambda row: -row[2]):  # still named: shown under its first
                # name left (the one it arrived under is gone)
                row = s.get(SubmissionRow, sha)
                if row is not None and row.parent_sha256 is None and row.source in current:
                    row.source = path
            gone = [sha for sha in old if sha in top and sha not in named]
            moved = sorted({path for _, _, path in stale})
            if not gone:
                return moved
            was = {sha: [p for _, o, p in stale if o == sha] for sha in gone}
            forget, level = list(gone), list(gone)
            while level:
                below = [sha for part in _chunks(level) for sha in s.scalars(
                    select(SubmissionRow.sha256).where(SubmissionRow.parent_sha256.in_(part)))]
                own: dict[str, list[str]] = {}
                for part in _chunks(below):
                    for sha, path in s.execute(select(SourceRow.sha256, SourceRow.path)
                                               .where(SourceRow.sha256.in_(part))):
                        own.setdefault(sha, []).append(path)
                level = []
                for sha in below:
                    inside = all(any(p.startswith(f"{n}#") for ns in was.values() for n in ns)
                                 for p in own.get(sha, []))
                    holder = next((current[n] for p in own.get(sha, []) for ns in was.values() for n in ns
                                   if p.startswith(f"{n}#") and n in current), None)
                    if sha in keep and inside and holder is not None:  # (an archive's file its new version
                        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == sha)  # holds too: its
                                  .values(parent_sha256=holder))  # copy there was a duplicate of this one)
                    elif sha not in keep and (other := self._other_holder(s, own.get(sha, []), was)):
                        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == sha)  # (an attachment
                                  .values(parent_sha256=other[0], source=other[1]))  # or a form row another
                        # file holds too: its)
                    elif sha in keep or not inside:  # (a file of the inbox, or named elsewhere: its own)
                        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == sha)
                                  .values(parent_sha256=None, kind="file"))
                    else:
                        forget.append(sha)
                        level.append(sha)
            self._forget(s, forget)
            return moved

    @staticmethod
    def _other_holder(
        s: Session, names: Sequence[str], was: Mapping[str, Sequence[str]]
    ) -> tuple[str, str] | None:
        """Of an attachment's or a form row's names, one under another stored file than the versions being
        forgotten (`was`: their names): (that holder's sha256, the name), else None."""
        for name in names:
            if "#" not in name or any(name.startswith(f"{n}#") for ns in was.values() for n in ns):
                continue
            under = name.rsplit("#", 1)[0]
            holder = s.scalar(select(SourceRow.sha256).where(SourceRow.path == under).limit(1)) or s.scalar(
                select(SubmissionRow.sha256).where(SubmissionRow.source == under).limit(1))
            if holder is not None and holder not in was:
                return holder, name
        return None

    def _forget(self, s: Session, sha256s: Sequence[str]) -> None:
        """Remove stored submissions no longer read from their file (a reader's new version reads a form's
        rows differently), with their names, respondents, segments and personal data; the later stages
        drop their codes and topics as orphans and regroup campaigns; analysts' decisions on them stay in
        the audit trail."""
        for i in range(0, len(sha256s), CHUNK):
            chunk = list(sha256s[i : i + CHUNK])
            s.execute(delete(PersonalDataRow).where(PersonalDataRow.submission.in_(chunk)))
            s.execute(delete(SegmentRow).where(SegmentRow.submission.in_(chunk)))
            s.execute(delete(RespondentRow).where(RespondentRow.submission.in_(chunk)))
            s.execute(delete(SourceRow).where(SourceRow.sha256.in_(chunk)))
            s.execute(delete(SubmissionRow).where(SubmissionRow.sha256.in_(chunk)))

    def add_sources(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Record (sha256, path) names of known content, in one transaction; pairs already known are skipped
        (a late run re-sees every earlier file)."""
        wanted = sorted({sha for sha, _ in pairs})
        with self.session() as s, s.begin():
            known: set[tuple[str, str]] = set()
            for i in range(0, len(wanted), CHUNK):
                rows = s.execute(select(SourceRow.sha256, SourceRow.path).where(
                    SourceRow.sha256.in_(wanted[i : i + CHUNK])))
                known.update((sha, path) for sha, path in rows)
            now = datetime.now(UTC)
            fresh = [{"sha256": sha, "path": path, "seen_at": now}
                     for sha, path in dict.fromkeys(pairs) if (sha, path) not in known]
            if fresh:
                s.execute(insert(SourceRow), fresh)

    def redate(self, dates: Sequence[tuple[str, datetime, bool | None]]) -> int:
        """Date stored submissions (sha256, received time, late) that only their file's time dated (a received
        log given after they were read), with their attachments so dated; a document's own date (an e-mail's,
        a form's) or an earlier log entry stays. Returns how many submissions were re-dated."""
        changed = 0
        with self.session() as s, s.begin():
            for sha, when, late in dates:
                rows = s.scalars(select(SubmissionRow).where(
                    (SubmissionRow.sha256 == sha) | (SubmissionRow.parent_sha256 == sha),
                    SubmissionRow.received_from == "file-mtime"))
                export = s.scalar(select(SubmissionRow.sha256).where(  # a form export's own row keeps
                    SubmissionRow.parent_sha256 == sha, SubmissionRow.kind == "form-row").limit(1))  # no flag
                for row in rows:
                    row.received_at, row.received_from = when, "received-log"
                    row.late = None if export is not None and row.sha256 == sha else late
                    changed += row.sha256 == sha
        return changed

    def save(
        self,
        result: Document | Quarantined,
        arrival: Arrival,
        *,
        kind: str,
        parent: str | None = None,
        path: str | None = None,
    ) -> None:
        """Insert or update one submission (not its children) and record the path it came under, stamped
        as read by the current version of its format's reader."""
        self.save_many([Saved(result, arrival, kind, parent, path)])

    def save_many(self, items: Sequence[Saved], forget: Sequence[str] = ()) -> None:
        """Insert or update several submissions in one transaction: a killed run keeps whole batches
        (a file with all its attachments or form rows, never a parent without its children). `forget`:
        submissions a file read again no longer holds, removed in the same transaction (`forget`): a
        run killed in between left the file stamped current with the rows it lost still under it."""
        now = datetime.now(UTC)
        with self.session() as s, s.begin():
            for item in items:
                self._write(s, item, now)
            if forget:
                self._forget(s, forget)

    def _write(self, s: Session, item: Saved, now: datetime) -> None:
        result, arrival = item.result, item.arrival
        row = s.get(SubmissionRow, result.sha256)
        if row is None:
            row = SubmissionRow(sha256=result.sha256, first_seen_at=now, source=result.source)
            s.add(row)
        elif result.format == "form-row" or item.kind == "attachment":  # a row's name is its form's and
            if row.parent_sha256 not in (None, item.parent) and row.source != result.source \
                    and s.get(SubmissionRow, row.parent_sha256) is not None:  # another file holds it too (the
                self._add_source(s, result.sha256, row.source)  # same letter attached to two e-mails):
                # its name there kept, so a new version of this one keeps it theirs (`replace_versions`)
            row.source = result.source  # its place there, an attachment's its e-mail's and its own, not the
            # first seen (a file's is): a re-exported form names its rows alike; a file of the inbox an
            # e-mail also holds is that attachment, the file's name one it also arrived under (`ingest.inbox`)
        row.parent_sha256 = item.parent
        row.kind = item.kind
        row.format = result.format
        row.received_at = in_utc(arrival.received_at)
        row.received_from = arrival.received_from
        row.late = arrival.late
        row.extractor_version = reader_version(result.format) if item.version is None else item.version
        row.updated_at = now
        if isinstance(result, Quarantined):
            row.status, row.code, row.reason, row.method = (
                Status.QUARANTINED.value,
                result.code,
                result.reason,
                None,
            )
            row.text, row.pages, row.meta, row.answers, row.comments, row.warnings = "", [], {}, [], [], []
        else:
            row.status, row.code, row.reason, row.method = Status.OK.value, None, None, result.method
            row.text = result.text
            row.pages = [
                {"number": p.number, "start": p.start, "end": p.end, "method": p.method} for p in result.pages
            ]
            row.meta = dict(result.metadata)
            row.answers = [
                {"question": a.question, "text": a.text, "source": a.source} for a in result.answers
            ]
            row.comments = list(result.comments)
            row.warnings = list(result.warnings)
        s.flush()
        if item.path is not None:
            self._add_source(s, result.sha256, item.path)

    def _add_source(self, s: Session, sha256: str, path: str) -> None:
        exists = s.execute(
            select(SourceRow.id).where(SourceRow.sha256 == sha256, SourceRow.path == path)
        ).first()
        if exists is None:
            s.add(SourceRow(sha256=sha256, path=path, seen_at=datetime.now(UTC)))

    def submissions(self, *, status: str | None = None) -> list[SubmissionRow]:
        with self.session() as s:
            query = select(SubmissionRow).order_by(SubmissionRow.source)
            if status:
                query = query.where(SubmissionRow.status == status)
            return list(s.scalars(query))

    def sources(self) -> dict[str, list[str]]:
        """sha256 -> every path it arrived under, in the order first seen."""
        out: dict[str, list[str]] = {}
        with self.session() as s:
            for sha, path in s.execute(select(SourceRow.sha256, SourceRow.path).order_by(SourceRow.id)):
                out.setdefault(sha, []).append(path)
        return out

    def inboxes(self) -> set[str]:
        """The inbox folders runs read, as absolute paths; one recorded relative (by a version before runs
        recorded them resolved) as recorded: the folder it was given in is not known, so it matches none."""
        with self.session() as s:
            return {str(Path(inbox).resolve()) if Path(inbox).is_absolute() else inbox
                    for inbox in s.scalars(select(RunRow.inbox).distinct())}

    def start_run(self, inbox: str) -> int:
        with self.session() as s, s.begin():
            run = RunRow(inbox=inbox, started_at=datetime.now(UTC), summary={})
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, summary: dict[str, object]) -> None:
        with self.session() as s, s.begin():
            run = s.get(RunRow, run_id)
            if run is not None:
                run.finished_at = datetime.now(UTC)
                run.summary = summary
