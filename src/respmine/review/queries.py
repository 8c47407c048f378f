"""Server-side filtering and paging of segments for the review app, in SQL.

A page of 50,000 segments must come back well under a second, so the effective coding (machine codes
with analysts' decisions applied, see `themes.decisions`) is expressed in SQL for the filters: a segment
has theme T when it has a machine code or an analyst's add/accept for T (or a theme merged into T) and
the latest accept/reject/add decision on T is not a reject; filtering by a parent theme also finds its
sub-themes' segments, as the theme tables count them. Only the page's own rows are then run
through `apply_decisions`, so what a page shows is exactly what the reports count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, null, or_, select, text, union
from sqlalchemy.orm import Session

from respmine.records import Code, Span, question_order
from respmine.report.tables import display_name
from respmine.store.models import (
    CodeRow,
    DecisionRow,
    RespondentRow,
    SegmentRow,
    StanceRow,
    SubmissionRow,
)
from respmine.store.repository import Store
from respmine.store.themes import decision_of
from respmine.store.views import RespondentView, named_in_file_names
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import Decision, apply_decisions, effective_codebook, in_force

CODE_ACTIONS = ("accept", "reject", "add")
REVIEW_ACTIONS = ("reviewed", "accept", "add", "reject")  # as `themes.decisions.reviewed_segments`
PER_PAGE = 25
INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_review_segments_submission_start ON segments (submission, start)",
    "CREATE INDEX IF NOT EXISTS ix_review_decisions_segment_at ON decisions (segment, at, id)",
    "CREATE INDEX IF NOT EXISTS ix_review_decisions_segment_action ON decisions (segment, action, theme)",
    "CREATE INDEX IF NOT EXISTS ix_review_codes_theme_segment ON codes (theme, segment)",
)


def ensure_indexes(store: Store) -> None:
    """Indexes the review queries lean on (idempotent; plain SQL so other modules' tables stay theirs)."""
    with store.engine.begin() as conn:
        for ddl in INDEXES:
            conn.execute(text(ddl))


@dataclass(frozen=True)
class SegmentFilter:
    """What the segments page is filtered by; None means no filter on that field."""

    question: str | None = None
    theme: str | None = None
    respondent_type: str | None = None
    stance: str | None = None
    reviewed: bool | None = None
    late: bool | None = None
    text: str | None = None
    submission: str | None = None


@dataclass(frozen=True)
class CodeView:
    """One effective code on a segment, as a page shows it."""

    theme: str
    label: str
    method: str
    confidence: float
    evidence: Span
    evidence_text: str
    reviewed: bool


@dataclass(frozen=True)
class SegmentItem:
    """One segment with who wrote it (name only for analysts), its stance and its effective codes."""

    id: str
    submission: str
    question: str
    text: str  # redacted
    start: int
    end: int
    page: int | None
    source: str
    late: bool
    kind: str
    respondent_type: str
    organisation: str | None
    name: str | None  # personal data: filled for analysts only
    stance: str | None
    reviewed: bool
    codes: tuple[CodeView, ...] = ()
    person_named: bool = False  # its file's name holds a person's name its text names (withheld from viewers)

    @property
    def who(self) -> str:
        """How the respondent is named on a page, as the reports name them (`tables.display_name`)."""
        org = self.organisation
        return display_name(RespondentView(self.submission, self.kind, self.respondent_type, org,
                                           [org] if org else []))


@dataclass(frozen=True)
class SegmentPage:
    items: list[SegmentItem]
    total: int
    page: int
    per_page: int
    filters: SegmentFilter = field(default_factory=SegmentFilter)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def codebook_decisions(session: Session) -> list[Decision]:
    """Decisions that change the codebook (rename, merge, split, promote, dismiss), as they apply (without
    those taken back: `in_force`): few, read each request."""
    rows = session.scalars(select(DecisionRow).where(DecisionRow.segment.is_(None))
                           .order_by(DecisionRow.at, DecisionRow.id))
    return in_force(decision_of(r) for r in rows)


def merges(log: Sequence[Decision]) -> dict[str, str]:
    return {d.theme: str((d.value or {})["into"]) for d in log if d.action == "merge" and d.theme}


def themes_into(merged: dict[str, str], theme: str) -> list[str]:
    """`theme` and every theme merged into it (directly or through a chain)."""
    def follow(t: str) -> str:
        seen = {t}
        while t in merged and merged[t] not in seen:
            t = merged[t]
            seen.add(t)
        return t

    return sorted({t for t in {theme, *merged} if follow(t) == theme})


def _latest_code_action(themes: list[str]) -> ColumnElement[str | None]:
    return (select(DecisionRow.action)
            .where(DecisionRow.segment == SegmentRow.id, DecisionRow.theme.in_(themes),
                   DecisionRow.action.in_(CODE_ACTIONS))
            .order_by(DecisionRow.at.desc(), DecisionRow.id.desc()).limit(1).scalar_subquery())


def _candidates(themes: list[str]) -> Any:
    """Segments with a machine code or an analyst's add/accept for one of `themes` (rejects not applied)."""
    return union(
        select(CodeRow.segment).where(CodeRow.theme.in_(themes)),
        select(DecisionRow.segment).where(DecisionRow.theme.in_(themes),
                                          DecisionRow.action.in_(("accept", "add"))),
    )


def has_theme(themes: list[str]) -> ColumnElement[bool]:
    """SQL: the segment's effective coding includes the theme whose ids (itself and those merged into it)
    are `themes`: a candidate whose latest accept/reject/add decision is not a reject."""
    return and_(SegmentRow.id.in_(_candidates(themes)),
                func.coalesce(_latest_code_action(themes), "") != "reject")


def stance_expr() -> ColumnElement[str | None]:
    """SQL: the segment's effective stance, an analyst's latest stance decision winning."""
    decided = (select(DecisionRow.value["stance"].as_string())
               .where(DecisionRow.segment == SegmentRow.id, DecisionRow.action == "stance")
               .order_by(DecisionRow.at.desc(), DecisionRow.id.desc()).limit(1).scalar_subquery())
    return func.coalesce(decided, StanceRow.stance)


def reviewed_expr() -> ColumnElement[bool]:
    return exists().where(DecisionRow.segment == SegmentRow.id, DecisionRow.action.in_(REVIEW_ACTIONS))


def _respondent_type() -> ColumnElement[str]:
    return func.coalesce(RespondentRow.respondent_type, "unknown")


def theme_condition(book: Codebook, merged: dict[str, str], theme: str) -> ColumnElement[bool]:
    """SQL: the segment is coded with `theme` or one of its sub-themes (a child code implies its parent).

    One candidate list over every theme involved; the exact per-theme check only runs for the few
    segments an analyst rejected one of them on (SQL's OR stops at the first true term)."""
    groups = [themes_into(merged, k) for k in [theme, *descendants(book, theme)]]
    every = sorted({t for g in groups for t in g})
    rejected = exists().where(DecisionRow.segment == SegmentRow.id, DecisionRow.theme.in_(every),
                              DecisionRow.action == "reject")
    return and_(SegmentRow.id.in_(_candidates(every)), or_(~rejected, *(has_theme(g) for g in groups)))


def descendants(book: Codebook, theme: str) -> list[str]:
    out: list[str] = []
    todo = [theme]
    while todo:
        for child in book.children(todo.pop()):
            if child.id not in out and child.id != theme:
                out.append(child.id)
                todo.append(child.id)
    return out


def _conditions(f: SegmentFilter, book: Codebook, merged: dict[str, str], dialect: str
                ) -> tuple[list[ColumnElement[bool]], set[str]]:
    """The filter's SQL conditions, and the tables they need joined (only those: counting is faster)."""
    found: list[ColumnElement[bool]] = []
    joins: set[str] = set()
    if f.question:
        found.append(SegmentRow.question == f.question)
    if f.submission:
        found.append(SegmentRow.submission == f.submission)
    if f.theme:
        found.append(theme_condition(book, merged, f.theme))
    if f.respondent_type:
        found.append(_respondent_type() == f.respondent_type)
        joins.add("respondents")
    if f.stance:
        found.append(stance_expr() == f.stance)
        joins.add("stances")
    if f.reviewed is not None:
        found.append(reviewed_expr() if f.reviewed else ~reviewed_expr())
    if f.late is not None:
        found.append(SubmissionRow.late.is_(True) if f.late
                     else or_(SubmissionRow.late.is_(False), SubmissionRow.late.is_(None)))
        joins.add("submissions")
    if f.text and f.text.strip():
        needle = f.text.strip()
        # SQLite's LIKE ignores ASCII case already; lower() on both sides would cost a full-text rewrite.
        found.append(SegmentRow.text.contains(needle, autoescape=True) if dialect == "sqlite"
                     else SegmentRow.text.icontains(needle, autoescape=True))
    return found, joins


def segment_select(columns: Sequence[Any], joins: set[str] | None = None) -> Select[Any]:
    """`columns` over segments with their submission, respondent and stance joined (all, or `joins`)."""
    query = select(*columns).select_from(SegmentRow)
    if joins is None or "submissions" in joins:
        query = query.join(SubmissionRow, SubmissionRow.sha256 == SegmentRow.submission)
    if joins is None or "respondents" in joins:
        query = query.outerjoin(RespondentRow, RespondentRow.submission == SegmentRow.submission)
    if joins is None or "stances" in joins:
        query = query.outerjoin(StanceRow, StanceRow.segment == SegmentRow.id)
    return query


def segment_columns(analyst: bool) -> list[Any]:
    return [
        SegmentRow.id, SegmentRow.submission, SegmentRow.question, SegmentRow.text, SegmentRow.start,
        SegmentRow.end, SegmentRow.page, SubmissionRow.source, SubmissionRow.late,
        func.coalesce(RespondentRow.kind, "individual"), _respondent_type(), RespondentRow.organisation,
        RespondentRow.name if analyst else null(),
        stance_expr(), reviewed_expr(),
    ]


def find_segments(
    store: Store, codebook: Codebook, filters: SegmentFilter, *, page: int = 1, per_page: int = PER_PAGE,
    analyst: bool = False,
) -> SegmentPage:
    """One page of segments matching `filters`, with the total, ordered by source file then position.

    The page's ids are found first (filter, sort, limit on narrow rows); only those rows are then read
    in full, so the per-row subqueries (stance, reviewed) run 25 times rather than 50,000."""
    page = max(1, page)
    with store.session() as s:
        log = codebook_decisions(s)
        book = effective_codebook(codebook, log)
        where, joins = _conditions(filters, book, merges(log), store.engine.dialect.name)
        total = int(s.scalar(segment_select([func.count()], joins).where(*where)) or 0)
        ids = list(s.scalars(segment_select([SegmentRow.id], joins | {"submissions"}).where(*where)
                             .order_by(SubmissionRow.source, SegmentRow.start, SegmentRow.id)
                             .limit(per_page).offset((page - 1) * per_page)))
        rows = s.execute(segment_select(segment_columns(analyst)).where(SegmentRow.id.in_(ids))).all()
        order = {sid: n for n, sid in enumerate(ids)}
        items = sorted((item_from_row(row) for row in rows), key=lambda i: order[i.id])
        items = mark_named_files(s, attach_codes(s, codebook, log, items))
    return SegmentPage(items, total, page, per_page, filters)


def mark_named_files(session: Session, items: list[SegmentItem]) -> list[SegmentItem]:
    """The items, those whose file is named after a person their text names marked so (`person_named`)."""
    named = named_in_file_names(session, {i.submission: i.source for i in items})
    return [replace(i, person_named=True) if i.submission in named else i for i in items]


def item_from_row(row: Sequence[Any]) -> SegmentItem:
    """A `SegmentItem` from a row of `segment_columns` (no codes yet)."""
    (sid, sub, question, seg_text, start, end, page, source, late, kind, rtype, org, name, stance,
     reviewed) = row
    return SegmentItem(sid, sub, question, seg_text, int(start), int(end), page, source, bool(late), kind,
                       rtype, org, name, stance, bool(reviewed))


def attach_codes(session: Session, codebook: Codebook, log: list[Decision],
                 items: list[SegmentItem]) -> list[SegmentItem]:
    """The items with their effective codes: machine codes and these segments' decisions applied."""
    ids = [i.id for i in items]
    if not ids:
        return items
    machine = [Code(segment=r.segment, theme=r.theme, confidence=r.confidence, method=r.method,
                    evidence=Span(r.evidence_start, r.evidence_end), evidence_text=r.evidence)
               for r in session.scalars(select(CodeRow).where(CodeRow.segment.in_(ids)))]
    rows = session.scalars(select(DecisionRow).where(DecisionRow.segment.in_(ids))
                           .order_by(DecisionRow.at, DecisionRow.id))
    own = [decision_of(r) for r in rows]
    book = effective_codebook(codebook, log)
    labels = {t.id: t.label for t in book.themes}
    texts = {i.id: i.text for i in items}
    codes = apply_decisions(machine, [*log, *own], texts, book)
    by_segment: dict[str, list[CodeView]] = {}
    for c in codes:
        by_segment.setdefault(c.segment, []).append(CodeView(
            c.theme, labels.get(c.theme, c.theme), c.method, c.confidence, c.evidence, c.evidence_text,
            c.reviewed))
    order = {t: n for n, t in enumerate(book.ids)}
    stances = _position_stances(session, book, own, codes, ids)
    return [_with_codes(i, sorted(by_segment.get(i.id, []), key=lambda c: order.get(c.theme, len(order))),
                        stances.get(i.id, i.stance)) for i in items]


def _position_stances(session: Session, book: Codebook, own: Sequence[Decision], codes: Sequence[Code],
                      ids: Sequence[str]) -> dict[str, str]:
    """The stances of these segments whose words take no side (a stance from their position themes, or
    neutral) worked out from their codes as analysts left them, as the theme table and every export do
    (`stance.position_stance`). (The page's stance filter reads the stored stance.)"""
    from respmine.store.themes import unsided
    from respmine.themes.stance import positions, reread

    decided = {d.segment for d in own if d.action == "stance"}
    return reread(unsided(session, ids) - decided, codes, positions(book))


def _with_codes(item: SegmentItem, codes: list[CodeView], stance: str | None) -> SegmentItem:
    return replace(item, codes=tuple(codes), stance=stance)


def segments_starting(store: Store, prefix: str, limit: int = 10) -> list[str]:
    """Ids of segments that start with `prefix` (at most `limit`): coded_responses.csv gives 16 of an id's
    64 hex characters. Anything but hex matches nothing (no LIKE wildcards reach the query)."""
    prefix = prefix.lower()
    if not prefix or any(ch not in "0123456789abcdef" for ch in prefix):
        return []
    with store.session() as s:
        return list(s.scalars(select(SegmentRow.id).where(SegmentRow.id.startswith(prefix))
                              .order_by(SegmentRow.id).limit(limit)))


def question_counts(store: Store) -> list[tuple[str, int]]:
    """Questions present in the store with their segment counts (for the filter menus)."""
    with store.session() as s:
        rows = s.execute(select(SegmentRow.question, func.count()).group_by(SegmentRow.question))
        return sorted(((str(q), int(n)) for q, n in rows), key=lambda qn: question_order(qn[0]))


