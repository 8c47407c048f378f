"""One segment in context, the audit trail and the emerging themes, read for the review pages.

Context for everyone is the submission's other segments (redacted, as every output shows them); only
analysts also get the original passage from `submissions.text` and the respondent's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from respmine.report.register import CAMPAIGN_KEY
from respmine.store.models import CampaignRow, DecisionRow, SegmentRow, SubmissionRow
from respmine.store.repository import Store
from respmine.structure import confidentiality, corrections
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import effective_codebook

from .queries import (
    SegmentItem,
    attach_codes,
    codebook_decisions,
    item_from_row,
    mark_named_files,
    segment_columns,
    segment_select,
)

AUDIT_PER_PAGE = 50


@dataclass(frozen=True)
class Neighbour:
    id: str
    question: str
    text: str  # redacted
    current: bool


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user: str
    action: str
    segment: str | None
    theme: str | None
    value: dict[str, Any]
    note: str | None

    @property
    def respondent(self) -> tuple[str, str] | None:
        """(link, id) of the respondent a correction or a publication decision is of: the id as
        respondents.csv gives it, the link by a covered submission (it finds the respondent after a rerun
        too); older corrections recorded only their submissions."""
        subs = self.value.get("submissions") or []
        if self.action not in (corrections.ACTION, confidentiality.ACTION) or not subs:
            return None
        key = str(self.value.get("respondent") or subs[0])
        shown = key.removeprefix(CAMPAIGN_KEY) if key.startswith(CAMPAIGN_KEY) else key[:12]
        return f"/respondents/of/{subs[0]}", shown


@dataclass(frozen=True)
class SegmentDetail:
    item: SegmentItem
    neighbours: list[Neighbour]
    original: str | None  # the unredacted passage: analysts only
    pages: list[int]
    campaign: tuple[str, int] | None  # (campaign id, size) when the submission is a form-letter copy
    history: list[AuditEntry]


def segment_detail(
    store: Store, codebook: Codebook, segment_id: str, *, analyst: bool
) -> SegmentDetail | None:
    """The segment with its codes, its submission's other segments, and every decision on it."""
    with store.session() as s:
        row = s.execute(segment_select(segment_columns(analyst)).where(SegmentRow.id == segment_id)).first()
        if row is None:
            return None
        log = codebook_decisions(s)
        item = mark_named_files(s, attach_codes(s, codebook, log, [item_from_row(row)]))[0]
        sub = s.get(SubmissionRow, item.submission)
        around = s.execute(select(SegmentRow.id, SegmentRow.question, SegmentRow.text)
                           .where(SegmentRow.submission == item.submission)
                           .order_by(SegmentRow.start, SegmentRow.id)).all()
        history = [_entry(r) for r in s.scalars(
            select(DecisionRow).where(DecisionRow.segment == segment_id)
            .order_by(DecisionRow.at.desc(), DecisionRow.id.desc()))]
        campaign = _campaign_of(s.scalars(select(CampaignRow)).all(), item.submission)
    neighbours = [Neighbour(i, q, t, i == segment_id) for i, q, t in around]
    original = sub.text[item.start:item.end] if analyst and sub is not None else None
    pages = sorted({int(p["number"]) for p in (sub.pages if sub else []) or []  # type: ignore[call-overload]
                    if int(p["start"]) < item.end and item.start < int(p["end"])})  # type: ignore[call-overload]
    return SegmentDetail(item, neighbours, original, pages, campaign, history)


def _campaign_of(campaigns: Any, submission: str) -> tuple[str, int] | None:
    for c in campaigns:
        if submission in (c.members or []):
            return c.id, int(c.size)
    return None


def _entry(r: DecisionRow) -> AuditEntry:
    return AuditEntry(r.id, r.at, r.user, r.action, r.segment, r.theme, dict(r.value or {}), r.note)


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int
    page: int
    per_page: int
    users: list[str]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def audit_page(store: Store, *, page: int = 1, user: str | None = None, action: str | None = None,
               per_page: int = AUDIT_PER_PAGE) -> AuditPage:
    """The decision log, newest first: who changed what and when."""
    page = max(1, page)
    where = []
    if user:
        where.append(DecisionRow.user == user)
    if action:
        where.append(DecisionRow.action == action)
    with store.session() as s:
        total = int(s.scalar(select(func.count()).select_from(DecisionRow).where(*where)) or 0)
        newest = (DecisionRow.at.desc(), DecisionRow.id.desc())
        rows = s.scalars(select(DecisionRow).where(*where).order_by(*newest)
                         .limit(per_page).offset((page - 1) * per_page))
        entries = [_entry(r) for r in rows]
        users = sorted(s.scalars(select(DecisionRow.user).distinct()))
    return AuditPage(entries, total, page, per_page, users)


def current_codebook(store: Store, codebook: Codebook) -> Codebook:
    """The codebook with analysts' renames, merges, splits and promotions applied."""
    with store.session() as s:
        return effective_codebook(codebook, codebook_decisions(s))


def settled_topics(store: Store) -> dict[int, str]:
    """Emerging topics an analyst already promoted or dismissed (topic id -> action)."""
    with store.session() as s:
        rows = s.scalars(select(DecisionRow).where(DecisionRow.action.in_(("promote", "dismiss")))
                         .order_by(DecisionRow.at, DecisionRow.id))
        out: dict[int, str] = {}
        for r in rows:
            topic = (r.value or {}).get("topic")
            if isinstance(topic, int) or (isinstance(topic, str) and topic.lstrip("-").isdigit()):
                out[int(topic)] = r.action
        return out
