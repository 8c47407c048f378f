"""Store access for the structure stage: documents in, respondents/segments/campaigns out.

The structure of a run is replaced as a whole (it is cheap next to extraction and depends on the whole
corpus: campaigns and similarity calibration), inside one transaction so readers never see half a run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, select

from respmine.records import Answer, Campaign, Document, Page, PersonalData, Respondent, Segment
from respmine.store.models import (
    CampaignRow,
    PersonalDataRow,
    RespondentRow,
    SegmentRow,
    SubmissionRow,
)
from respmine.store.repository import Store


def processed_documents(store: Store) -> list[tuple[Document, str | None]]:
    """Every processed submission as a `Document`, with its parent's id (email or form export)."""
    out = []
    for row in store.submissions(status="ok"):
        doc = Document(
            source=row.source, sha256=row.sha256, format=row.format, method=row.method or "",
            text=row.text,
            pages=tuple(Page(int(p["number"]), int(p["start"]), int(p["end"]), str(p["method"]))  # type: ignore[call-overload]
                        for p in row.pages or []),
            metadata=dict(row.meta or {}),
            received=row.received_at, received_from=row.received_from,
            answers=tuple(Answer(a["question"], a["text"], a["source"]) for a in row.answers or []),
            comments=tuple(row.comments or ()),
        )
        out.append((doc, row.parent_sha256))
    return out


def segment_id(segment: Segment) -> str:
    key = f"{segment.submission}:{segment.question}:{segment.span.start}:{segment.span.end}"
    return hashlib.sha256(key.encode()).hexdigest()


def replace_structure(
    store: Store,
    respondents: Iterable[Respondent],
    segments: Iterable[Segment],
    personal: Mapping[str, Sequence[PersonalData]],
    campaigns: Iterable[Campaign],
) -> None:
    with store.session() as s, s.begin():
        for table in (SegmentRow, RespondentRow, PersonalDataRow, CampaignRow):
            s.execute(delete(table))
        s.add_all(
            RespondentRow(
                submission=r.submission, kind=r.kind, respondent_type=r.respondent_type, name=r.name,
                organisation=r.organisation, organisations=list(r.organisations), role=r.role,
                provenance=dict(r.provenance),
            )
            for r in respondents
        )
        s.add_all(
            SegmentRow(
                id=segment_id(seg), submission=seg.submission, question=seg.question,
                start=seg.span.start, end=seg.span.end, page=seg.page, text=seg.text, method=seg.method,
                confidence=seg.confidence,
            )
            for seg in segments
        )
        s.add_all(
            PersonalDataRow(submission=sha, start=p.span.start, end=p.span.end, kind=p.kind, original=p.text)
            for sha, found in personal.items()
            for p in found
        )
        s.add_all(
            CampaignRow(
                id=c.id, template=c.template, size=len(c.members), members=list(c.members),
                added_text=dict(c.added_text),
            )
            for c in campaigns
        )


def segments(store: Store) -> list[SegmentRow]:
    with store.session() as s:
        return list(s.scalars(select(SegmentRow).order_by(SegmentRow.submission, SegmentRow.start)))


def respondents(store: Store) -> dict[str, RespondentRow]:
    with store.session() as s:
        return {r.submission: r for r in s.scalars(select(RespondentRow))}


def campaigns(store: Store) -> list[CampaignRow]:
    with store.session() as s:
        return list(s.scalars(select(CampaignRow).order_by(CampaignRow.size.desc(), CampaignRow.id)))


def submission_index(store: Store) -> dict[str, SubmissionRow]:
    return {row.sha256: row for row in store.submissions()}
