"""The structure stage over a whole run: respondents, personal data, per-question segments, campaigns.

Order matters: respondents are read from the original text (names in sign-offs are evidence), then
personal data is found, and everything later stages and outputs see (segment text, campaign templates)
is redacted. Segment spans stay in the original text's offsets so quotes trace back to the source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from respmine.consultation import Question
from respmine.records import Campaign, Document, PersonalData, Respondent, Segment
from respmine.structure.campaigns import exact_duplicates, find_campaigns
from respmine.structure.questions import segment_documents
from respmine.structure.redact import find_personal_data, redact, redact_span
from respmine.structure.respondents import profile
from respmine.topics.embed import Embedder


@dataclass
class StructureResult:
    respondents: list[Respondent]
    segments: list[Segment]
    personal: dict[str, list[PersonalData]]
    campaigns: list[Campaign]

    def campaign_of(self) -> dict[str, str]:
        """submission id -> campaign (or duplicate group) id."""
        return {member: c.id for c in self.campaigns for member in c.members}


def structure(
    docs: Sequence[tuple[Document, str | None]],
    questions: Sequence[Question],
    embedder: Embedder | None = None,
) -> StructureResult:
    """Structure every processed submission of a run (`docs`: document and its parent's id)."""
    by_id = {d.sha256: d for d, _ in docs}
    readable = [(d, parent) for d, parent in docs if d.text.strip()]
    respondents = [profile(d, parent=by_id.get(parent) if parent else None) for d, parent in readable]
    keep = {r.submission: [o for o in (r.organisation, *r.organisations) if o] for r in respondents}
    personal = {d.sha256: find_personal_data(d.text, keep=keep.get(d.sha256, [])) for d, _ in readable}
    texts = [d for d, _ in readable]
    segments: list[Segment] = []
    for doc_id, found in segment_documents(texts, questions, embedder).items():
        doc = by_id[doc_id]
        segments += [replace(s, text=redact_span(doc.text, personal[doc_id], s.span)) for s in found]
    redacted = {d.sha256: redact(d.text, personal[d.sha256]) for d in texts}
    campaigns = find_campaigns(redacted)
    in_campaign = {m for c in campaigns for m in c.members}
    for group in exact_duplicates(redacted):
        if not in_campaign.intersection(group):
            key = hashlib.sha256(" ".join(sorted(group)).encode()).hexdigest()[:10]
            campaigns.append(Campaign(f"duplicate-{key}", redacted[group[0]], tuple(sorted(group))))
    return StructureResult(respondents, segments, personal, campaigns)
