"""Ingest a folder of submissions into the store: every file ends processed or quarantined, once.

Files already stored (same content hash, read by the current version of their format's reader) are not
extracted again, so a rerun only does new work; a file a reader's newer version would read differently is
read again (`ingest.dispatch.READER_VERSIONS`). Extraction runs in worker processes (PDFium and OCR are
not thread-safe).
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from respmine.consultation import Consultation
from respmine.ingest.dispatch import extract, lifted, reader_version
from respmine.ingest.source import Limits
from respmine.records import Document, ExtractResult, Quarantined, stored_time
from respmine.store import Arrival, Store
from respmine.store.repository import Saved, StoredRead

Progress = Callable[[int], None]
BATCH_FILES = 25  # files per store transaction ...
BATCH_SECONDS = 2.0  # ... or this long since the last commit, whichever comes first (slow OCR files)


@dataclass
class IngestSummary:
    """What one ingest run did, for the run summary, the CLI and the flow's artifact."""

    files: int = 0
    new: int = 0
    reread: int = 0  # of them, files read before by an older reader, read again
    retried: int = 0  # of them, files quarantined before for a cause this run lifted (`dispatch.lifted`)
    already_done: int = 0
    duplicates: int = 0
    submissions: int = 0  # everything stored: responses, form exports, attachments
    responses: Counter[str] = field(default_factory=Counter)  # "file" | "form-row" -> responses read
    responses_quarantined: int = 0  # files that could not be read (an attachment is its e-mail's part)
    form_exports: int = 0  # files whose rows are the responses
    attachments: int = 0  # read with the e-mail they came with
    archives: int = 0  # zip files whose files were read as responses of their own
    by_format: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    late: int = 0  # responses (read or quarantined) that arrived after the closing date
    late_by_file_time: int = 0  # of them, dated only by when their file was saved (no document date or log)
    redated: int = 0  # files read before, dated by their file's time, now dated by the received log
    replaced: int = 0  # files of the inbox that replaced another version under the same name (it is dropped)
    replaced_files: list[str] = field(default_factory=list)  # their names, to check none was another's file
    dated: bool = False  # the consultation has a closing date (else nothing is late or on time)
    quarantined: list[dict[str, str]] = field(default_factory=list)
    added: list[dict[str, Any]] = field(default_factory=list)  # the files this run processed

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "new": self.new,
            "reread": self.reread,
            "retried": self.retried,
            "already_done": self.already_done,
            "duplicates": self.duplicates,
            "submissions": self.submissions,
            "responses": dict(sorted(self.responses.items())),
            "responses_quarantined": self.responses_quarantined,
            "form_exports": self.form_exports,
            "attachments": self.attachments,
            "archives": self.archives,
            "by_format": dict(sorted(self.by_format.items())),
            "by_status": dict(sorted(self.by_status.items())),
            "late": self.late,
            "late_by_file_time": self.late_by_file_time,
            "redated": self.redated,
            "replaced": self.replaced,
            "replaced_files": self.replaced_files,
            "dated": self.dated,
            "quarantined": self.quarantined,
            "added": self.added,
        }


def scan_inbox(inbox: Path) -> list[Path]:
    """Every regular file below the inbox, in a stable order; hidden files and folders are skipped."""
    return sorted(
        p for p in inbox.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(inbox).parts)
    )


def file_sha256(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def _extract_job(job: tuple[Path, str, Limits, bool, dict[str, str]]) -> ExtractResult:
    path, name, limits, ocr, form_columns = job
    return extract(path, name=name, limits=limits, ocr=ocr, form_columns=form_columns)


def extract_many(
    jobs: list[tuple[Path, str]],
    *,
    workers: int = 1,
    limits: Limits | None = None,
    ocr: bool = True,
    form_columns: dict[str, str] | None = None,
) -> Iterator[ExtractResult]:
    """Extract files in order, in `workers` processes when more than one (results keep input order)."""
    limits = limits or Limits()
    args = [(path, name, limits, ocr, dict(form_columns or {})) for path, name in jobs]
    if workers <= 1 or len(args) <= 1:
        yield from map(_extract_job, args)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_job, args, chunksize=1)


def ingest_inbox(
    inbox: Path,
    store: Store,
    consultation: Consultation | None = None,
    *,
    workers: int = 1,
    limits: Limits | None = None,
    ocr: bool = True,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest every file of `inbox` not already in `store`; return what happened."""
    plan = plan_ingest(inbox, store, consultation, limits=limits, ocr=ocr)
    results = extract_many(plan.todo, workers=workers, limits=limits, ocr=ocr, form_columns=plan.form_columns)
    store_results(store, plan, zip(plan.todo, results, strict=True), progress=progress)
    return finish_ingest(store, plan, progress=progress)


@dataclass
class IngestPlan:
    """What an ingest run has to do: the new files to extract (in arrival order) and the names under
    which known content arrived again. Extraction may happen anywhere (local processes, a Dask cluster);
    results are stored by `store_results` in the process that owns the store."""

    inbox: Path
    consultation: Consultation | None
    run_id: int
    todo: list[tuple[Path, str]]
    hashes: dict[Path, str | None]
    log: dict[str, datetime]
    more_sources: list[tuple[str, str]]  # (sha256, name): known content under another name
    summary: IngestSummary
    dated: list[tuple[str, datetime, bool | None]] = field(default_factory=list)  # known content the
    # received log dates: (sha256, received, late), for `Store.redate`
    seen: set[str] = field(default_factory=set)  # the inbox files' content, and an archive's files read so
    # far: an archived copy of either is a duplicate (the file in the inbox stays the submission)
    reread: dict[str, StoredRead] = field(default_factory=dict)  # stored content an older reader read,
    # to read again
    lifted: set[str] = field(default_factory=set)  # of it, what was quarantined for a cause this run lifted
    saved: set[str] = field(default_factory=set)  # every submission this run stored so far
    attached: set[str] = field(default_factory=set)  # the attachments this run stored so far: a file of the
    # inbox or an archive holding the same bytes is their copy (as a copy of a file is), not a response
    files: dict[str, tuple[dict[str, Any], list[Saved]]] = field(default_factory=dict)  # the inbox files
    # this run stored so far: their `added` entry and what was stored (and counted) of them
    archived: dict[str, str] = field(default_factory=dict)  # an archive's file this run stored -> the inbox
    # file it came in (in `files`): an e-mail's attachment read later with the same bytes is it, as above

    @property
    def form_columns(self) -> dict[str, str]:
        return dict(self.consultation.form_columns) if self.consultation else {}


def plan_ingest(
    inbox: Path, store: Store, consultation: Consultation | None = None, *, limits: Limits | None = None,
    ocr: bool = True, tools: Mapping[str, bool] | None = None,
) -> IngestPlan:
    """Scan and hash the inbox, skip content already stored (unless quarantined for a cause this run's
    `limits` and `ocr` lift: `dispatch.lifted`; `tools`: the programs the processes that will read the files
    have, when not this one: `dispatch.tools_found` on a Dask cluster's workers), and start a run record."""
    summary = IngestSummary()
    files = scan_inbox(inbox)
    summary.files = len(files)
    hashes = {path: file_sha256(path) for path in files}
    stored = store.stored_reads((h for h in hashes.values() if h), reader_version)
    lifted_now = _lift_quarantines(stored, hashes, limits or Limits(), ocr, tools)
    done = {sha for sha, read in stored.items() if read.current}
    log = consultation.received_entries() if consultation else {}
    summary.dated = bool(consultation and consultation.closes_at() is not None)
    todo: list[tuple[Path, str]] = []
    more_sources: list[tuple[str, str]] = []
    dated: list[tuple[str, datetime, bool | None]] = []
    first_seen: set[str] = set()
    # Of identical copies, the one received first becomes the submission's primary source.
    for path in sorted(files, key=lambda p: (_arrival_hint(p, inbox, log), p)):
        name = path.relative_to(inbox).as_posix()
        sha = hashes[path]
        if sha and sha in done:
            summary.already_done += 1
            more_sources.append((sha, name))
            if consultation and (when := log.get(name) or log.get(path.name)) is not None:
                when = consultation.aware(when)  # (a log given after the file was read: `finish_ingest`)
                dated.append((sha, when, consultation.is_late(when)))
        elif sha and sha in first_seen:
            summary.duplicates += 1
            more_sources.append((sha, name))
        else:
            if sha:
                first_seen.add(sha)
            todo.append((path, name))
    run_id = store.start_run(str(inbox.resolve()))  # (absolute: "inbox" given in two folders is two
    # inboxes, see `finish_ingest`)
    seen = {sha for sha in hashes.values() if sha}
    reread = {sha: read for sha, read in stored.items() if not read.current}
    return IngestPlan(inbox, consultation, run_id, todo, hashes, log, more_sources, summary, dated, seen,
                      reread, lifted=lifted_now)


def _lift_quarantines(
    stored: dict[str, StoredRead], hashes: dict[Path, str | None], limits: Limits, ocr: bool,
    tools: Mapping[str, bool] | None = None,
) -> set[str]:
    """Mark stored files to read again whose quarantine (theirs or an attachment's) this run lifts, and
    return them: a file quarantined as too large, read by a run with a higher --max-file-mb, was skipped
    as done for good. So too a file read with scanned pages left without OCR (OCR off), in a run with OCR
    on: read again whole, its text (and so its segments and codes) replaced."""
    out: set[str] = set()
    for path, sha in hashes.items():
        read = stored.get(sha) if sha else None
        if sha is None or read is None or not read.current:
            continue
        if ocr and read.not_ocrd and lifted("missing_tool", "pdf", None, limits, ocr, "", tools):  # (OCR
            read.current = False  # can run where files are read: else it was quarantined whole, its read
            out.add(sha)  # pages lost till tesseract is installed)
            continue
        if not read.quarantines:
            continue
        try:
            size: int | None = path.stat().st_size
        except OSError:
            size = None
        if any(lifted(code, fmt, size if member == sha else None, limits, ocr, reason, tools)
               for member, (code, fmt, reason) in read.quarantines.items()):
            read.current = False
            out.add(sha)
    return out


def store_results(
    store: Store,
    plan: IngestPlan,
    results: Iterable[tuple[tuple[Path, str], ExtractResult]],
    *,
    progress: Progress | None = None,
    batch_files: int = BATCH_FILES,
    batch_seconds: float = BATCH_SECONDS,
) -> None:
    """Save extraction results, committing a batch every `batch_files` files or `batch_seconds`: a killed
    run keeps what it finished (whole files with their children) and a rerun extracts only the rest."""
    pending: list[Saved] = []
    files, last = 0, time.monotonic()
    for (path, name), result in results:
        if not result.sha256:  # oversized or unreadable: key it by file hash, else by path
            key = plan.hashes.get(path) or hashlib.sha256(f"path:{name}".encode()).hexdigest()
            result = replace(result, sha256=key)
        if result.sha256 in plan.attached:  # an e-mail read before in this run holds the same bytes: that
            plan.summary.duplicates += 1  # attachment (see `_as_copy`), the file a name of it
            plan.more_sources.append((result.sha256, name))
            if progress:
                progress(1)
            continue
        arrival = resolve_arrival(result, path, name, plan.log, plan.consultation)
        before = plan.reread.get(result.sha256)
        if before is not None and arrival.received_from == "file-mtime":
            arrival = _first_arrival(before.arrival, plan.consultation)  # read again: dated as when first
            # read (a copied file's time is not)
        if isinstance(result, Document) and result.format == "zip":  # a file stored before (another
            stored = store.stored_reads((c.sha256 for c in result.walk()[1:]), reader_version)  # archive's)
            own = before.members if before is not None else set()  # (not this archive's own, read again)
            plan.seen |= {sha for sha, read in stored.items() if read.current and sha not in own}
        tree = _tree(result, arrival, name, plan)
        pending += tree
        plan.saved.update(s.result.sha256 for s in tree)
        # What the file no longer holds: not what its new reading still finds (a copy of a file another
        # archive read first in this run stays that one's), nor what another file holds, read in this run
        # or stored under another name (as a copy)
        read = {c.sha256 for c in result.walk()} if isinstance(result, Document) else {result.sha256}
        gone = before.members - read - plan.saved - plan.seen if before is not None else set()
        if gone and (gone := gone - store.named_elsewhere(gone, result.sha256, [name])):
            store.save_many(pending, forget=sorted(gone))  # (one transaction: a killed run loses both or
            pending = []  # neither)
        late = tree[0].arrival.late  # (a form export's own: none, its rows carry theirs)
        entry = {
            "file": name,
            "status": "quarantined" if isinstance(result, Quarantined) else "ok",
            "late": "" if late is None else ("yes" if late else "no"),
            "submissions": [s.result.sha256 for s in tree],  # (who it is from: `pipeline.senders`)
            "responses": sum(s.kind != "attachment" and not _container(s.result) for s in tree),
            "reread": before is not None and result.sha256 not in plan.lifted,  # (a reader's new version)
            "retried": result.sha256 in plan.lifted,  # (a limit raised, OCR turned on, a tool installed)
        }
        plan.summary.added.append(entry)
        plan.files[result.sha256] = (entry, tree)
        plan.archived.update((s.result.sha256, result.sha256) for s in tree if s.kind == "file" and s.parent)
        plan.summary.new += 1
        plan.summary.reread += bool(entry["reread"])
        plan.summary.retried += bool(entry["retried"])
        files += 1
        if files >= batch_files or time.monotonic() - last >= batch_seconds:
            store.save_many(pending)
            pending, files, last = [], 0, time.monotonic()
        if progress:
            progress(1)
    if pending:
        store.save_many(pending)


def finish_ingest(store: Store, plan: IngestPlan, *, progress: Progress | None = None) -> IngestSummary:
    """Record the other names known content arrived under, date known content by a received log given
    since it was read (only what its file's time dated), forget the earlier version of a file replaced under
    its name (`Store.replace_versions`), and close the run record."""
    store.add_sources(plan.more_sources)
    if store.inboxes() <= {str(plan.inbox.resolve())}:  # (another folder's "response.pdf" is another file)
        current = {path.relative_to(plan.inbox).as_posix(): sha for path, sha in plan.hashes.items() if sha}
        replaced = store.replace_versions(current, keep=plan.seen | set(current.values()))
        plan.summary.replaced, plan.summary.replaced_files = len(replaced), replaced
    plan.summary.redated = store.redate(plan.dated) if plan.dated else 0
    if progress:
        progress(len(plan.more_sources))
    store.finish_run(plan.run_id, plan.summary.as_dict())
    return plan.summary


def _arrival_hint(path: Path, inbox: Path, log: dict[str, datetime]) -> float:
    """Cheap received-time estimate (intake log, else file time) used to order identical copies."""
    when = log.get(path.relative_to(inbox).as_posix()) or log.get(path.name)
    if when is not None:
        return when.timestamp()
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")


def resolve_arrival(
    result: ExtractResult,
    path: Path,
    name: str,
    log: dict[str, datetime],
    consultation: Consultation | None,
) -> Arrival:
    """Received time: the document's own date (e-mail, form), else the intake log, else the file time."""
    if isinstance(result, Document) and result.received is not None:
        when, source = result.received, result.received_from or "document"
    elif name in log or path.name in log:
        when, source = log.get(name) or log[path.name], "received-log"
    else:
        try:
            when, source = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC), "file-mtime"
        except OSError:
            when, source = None, None
    if consultation and when is not None:
        when = consultation.aware(when)
    late = consultation.is_late(when) if consultation else None
    return Arrival(received_at=when, received_from=source, late=late)


def _first_arrival(stored: Arrival, consultation: Consultation | None) -> Arrival:
    """A file read again, dated as stored, late or not by the consultation's closing date: a form export's
    or an archive's own row keeps no late flag (its rows or files do), and their undated rows or files
    take it from this arrival."""
    when = stored_time(stored.received_at) if stored.received_at is not None else None
    return Arrival(when, stored.received_from, consultation.is_late(when) if consultation else None)


def _container(result: ExtractResult) -> bool:
    """A form export or a zip archive: its rows or files are the responses, it is none itself."""
    return isinstance(result, Document) and (
        result.format == "zip" or any(c.format == "form-row" for c in result.children))


def _count(summary: IngestSummary, item: Saved, sign: int = 1) -> None:
    """Count one stored item into the summary (`sign` -1: out again, see `_as_copy`): a form export or an
    archive is no response of its own (nor late: its rows or files each count), an attachment is part of
    its e-mail's."""
    result, arrival = item.result, item.arrival
    archive = result.format == "zip" and isinstance(result, Document)
    status = "quarantined" if isinstance(result, Quarantined) else "ok"
    summary.submissions += sign
    _add(summary.by_format, result.format or "unknown", sign)
    _add(summary.by_status, status, sign)
    if _container(result) and not archive:
        summary.form_exports += sign
    elif archive:
        summary.archives += sign
    elif item.kind == "attachment":
        summary.attachments += sign * (status == "ok")
    else:
        if status == "ok":
            _add(summary.responses, item.kind, sign)
        else:
            summary.responses_quarantined += sign
        summary.late += sign * bool(arrival.late)
        summary.late_by_file_time += sign * (bool(arrival.late) and arrival.received_from == "file-mtime")
    if isinstance(result, Quarantined):
        entry = {"file": result.source, "code": result.code, "reason": result.reason}
        if sign > 0:
            summary.quarantined.append(entry)
        else:
            summary.quarantined.remove(entry)


def _add(counter: Counter[str], key: str, sign: int) -> None:
    counter[key] += sign
    if not counter[key]:
        del counter[key]


def _as_copy(plan: IngestPlan, sha256: str) -> None:
    """A file of the inbox read earlier in this run whose bytes an e-mail read now holds as an attachment:
    counted out again, it is that attachment (part of the e-mail's response, as when the e-mail came first:
    one response, not two), its name recorded as one the attachment also arrived under (its row is saved
    again as the attachment)."""
    entry, items = plan.files.pop(sha256)
    for item in items:
        _count(plan.summary, item, -1)
    plan.summary.added.remove(entry)
    plan.summary.new -= 1
    plan.summary.reread -= bool(entry["reread"])
    plan.summary.retried -= bool(entry["retried"])
    plan.summary.duplicates += 1


def _as_archived_copy(plan: IngestPlan, sha256: str) -> None:
    """An archive's file read earlier in this run whose bytes an e-mail read now holds as an attachment:
    as `_as_copy` for a file of the inbox (an e-mail read first made the archive's copy a duplicate), it
    is counted out again with what it holds, and out of its archive's `added` entry (the archive's row
    saved it as a response; the e-mail's saves it again as the attachment: 3 responses counted, 2 stored)."""
    entry, items = plan.files[plan.archived.pop(sha256)]
    gone = {sha256}
    for item in list(items):  # (parents come before their children)
        if item.result.sha256 in gone or item.parent in gone:
            gone.add(item.result.sha256)
            _count(plan.summary, item, -1)
            items.remove(item)
            entry["submissions"].remove(item.result.sha256)
            entry["responses"] -= item.kind != "attachment" and not _container(item.result)
    plan.summary.duplicates += 1


def _tree(
    result: ExtractResult,
    arrival: Arrival,
    name: str,
    plan: IngestPlan,
    *,
    parent: str | None = None,
    kind: str = "file",
) -> list[Saved]:
    """A result and its children as items to save together (attachments and an archive's files inherit
    the parent's arrival; form rows have their own), counted into the summary: a form export or an
    archive is no response of its own (nor late: its rows or files each count), an attachment is part of
    its e-mail's, a file from an archive is a response of its own (an attachment where the archive is)
    unless the inbox, an archive read before or an e-mail's attachment holds the same bytes (then it is a
    copy, its name recorded)."""
    summary, consultation = plan.summary, plan.consultation
    if kind == "file" and parent is not None:
        if result.sha256 in plan.seen or result.sha256 in plan.attached:
            summary.duplicates += 1
            plan.more_sources.append((result.sha256, name))
            return []
        plan.seen.add(result.sha256)
    if kind == "attachment":
        if result.sha256 in plan.files:  # the same bytes read as a file of the inbox earlier in this run
            _as_copy(plan, result.sha256)
        elif plan.archived.get(result.sha256) in plan.files:  # ... or as an archive's file
            _as_archived_copy(plan, result.sha256)
        plan.attached.add(result.sha256)
    archive = result.format == "zip" and isinstance(result, Document)
    export = _container(result) and not archive
    own = replace(arrival, late=None) if export or archive else arrival
    path = name if kind == "file" else None  # (a form row's or an attachment's name is its parent's path)
    items = [Saved(result, own, kind, parent, path, reader_version(result.format))]
    _count(summary, items[0])
    if isinstance(result, Quarantined):
        return items
    for child in result.children:
        child_arrival = arrival
        if isinstance(child, Document) and child.received is not None:
            when = consultation.aware(child.received) if consultation else child.received
            late = consultation.is_late(when) if consultation else None
            child_arrival = Arrival(when, child.received_from, late)
        child_kind = ("form-row" if child.format == "form-row" else "file" if archive and kind == "file"
                      else "attachment")
        items += _tree(child, child_arrival, child.source, plan, parent=result.sha256, kind=child_kind)
    return items
