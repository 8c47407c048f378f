"""Typed records passed between pipeline stages.

Records are frozen dataclasses: stages return new records rather than mutating shared state, which keeps
reruns reproducible and lets records cross process boundaries (extraction runs in worker processes).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """What happened to an input: every input ends as one of these, nothing is silently dropped."""

    OK = "ok"
    QUARANTINED = "quarantined"


@dataclass(frozen=True)
class Page:
    """One page (or one logical part, e.g. a DOCX body) of a document, as a span of `Document.text`."""

    number: int
    start: int
    end: int
    method: str


@dataclass(frozen=True)
class Answer:
    """A free-text answer read from a structured source (form export column, response-form table)."""

    question: str
    text: str
    source: str  # the column header or table row label the answer came from


@dataclass(frozen=True)
class Document:
    """Extracted text of one submission (file, email attachment or form row) with its provenance.

    `children` holds documents contained in this one: email attachments, or the rows of an online-form
    export (each row is one respondent). A child's `source` is `parent-source#part`.
    """

    source: str
    sha256: str
    format: str
    method: str
    text: str
    pages: tuple[Page, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)
    received: datetime | None = None
    received_from: str | None = None
    answers: tuple[Answer, ...] = ()
    comments: tuple[str, ...] = ()
    children: tuple[Document | Quarantined, ...] = ()
    warnings: tuple[str, ...] = ()

    def page_of(self, offset: int) -> int | None:
        """Page number holding character `offset`, so quotes can be traced to their page."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None

    def walk(self) -> list[Document | Quarantined]:
        """This document followed by all its descendants, depth first."""
        out: list[Document | Quarantined] = [self]
        for child in self.children:
            out.extend(child.walk() if isinstance(child, Document) else [child])
        return out


@dataclass(frozen=True)
class Quarantined:
    """An input that could not be processed, with a reason a person can act on."""

    source: str
    sha256: str
    format: str
    reason: str
    code: str


ExtractResult = Document | Quarantined


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_text(*parts: str) -> str:
    """Content address of derived parts (form rows, attachments already hashed by bytes)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def to_json(result: ExtractResult) -> dict[str, Any]:
    """The one JSON shape of an extraction result (CLI `extract --json`, run artifacts)."""
    if isinstance(result, Quarantined):
        return {
            "file": result.source,
            "sha256": result.sha256,
            "format": result.format,
            "status": Status.QUARANTINED.value,
            "reason": result.reason,
            "code": result.code,
            "method": None,
            "pages": [],
            "text": "",
            "children": [],
        }
    return {
        "file": result.source,
        "sha256": result.sha256,
        "format": result.format,
        "status": Status.OK.value,
        "reason": None,
        "method": result.method,
        "pages": [
            {"number": p.number, "start": p.start, "end": p.end, "method": p.method}
            for p in result.pages
        ],
        "text": result.text,
        "metadata": dict(result.metadata),
        "received": result.received.isoformat() if result.received else None,
        "received_from": result.received_from,
        "answers": [{"question": a.question, "text": a.text, "source": a.source} for a in result.answers],
        "comments": list(result.comments),
        "warnings": list(result.warnings),
        "children": [to_json(child) for child in result.children],
    }


# --- structure stage -------------------------------------------------------------------------------

GENERAL = "general"  # question id for text that answers no consultation question (kept, never dropped)
ABOUT = "about"  # question id for respondents describing themselves, stating no view (kept, not coded)
NOTE = "note"  # question id for footnotes' citations and bare links (`structure.notes`; kept, not coded)
UNCODED = frozenset({ABOUT, NOTE})  # kept with the text, never coded, clustered into topics or quoted
_NOT_QUESTIONS = {GENERAL: "General comments", ABOUT: "About the respondent", NOTE: "Notes and references"}


def question_order(question: str) -> tuple[int, int, str]:
    """Q1 < Q2 < Q4 < Q4a < Q10 < unnumbered ids < general comments < about the respondent < notes: one order
    everywhere."""
    if question in _NOT_QUESTIONS:
        return (3 + list(_NOT_QUESTIONS).index(question), 0, question)
    found = re.fullmatch(r"[A-Za-z_.-]*?(\d+)(?:[a-z]|\([a-z]\)|\.\d+)?", question)  # (Q4a after Q4)
    return (0, int(found.group(1)), question) if found else (1, 0, question)


def question_name(question: str) -> str:
    """How a segment's question is shown: the id, or what GENERAL, ABOUT and NOTE stand for."""
    return _NOT_QUESTIONS.get(question, question)


@dataclass(frozen=True)
class Span:
    """A character span of a submission's (unredacted) text, so every quote traces to its source."""

    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A passage of one submission assigned to one question (or GENERAL), with how it was assigned."""

    submission: str  # sha256 of the submission
    question: str  # question id, or GENERAL / ABOUT / NOTE
    span: Span
    text: str  # redacted text of the span: what every later stage and output sees
    page: int | None
    method: str  # heading | quoted-question | form-table | form-column | similarity | general | about
    confidence: float


@dataclass(frozen=True)
class Respondent:
    """Who a submission is from, with where each field was found (form field, email header, text rule)."""

    submission: str
    kind: str  # "organisation" | "individual" | "unknown" (nothing says which: never taken for a person's)
    respondent_type: str  # a type id (`structure.respondent_types`): charity, ..., individual, unknown
    name: str | None = None  # a person's name (personal data: shown only to analysts)
    organisation: str | None = None
    organisations: tuple[str, ...] = ()  # all organisations named in a joint response
    role: str | None = None
    provenance: Mapping[str, str] = field(default_factory=dict)  # field -> e.g. "form:Organisation"
    # what the respondent asked about publishing (`structure.confidentiality`): "do not publish",
    # "publish anonymously" or None, and the words that ask
    publication: str | None = None
    publication_asked: str | None = None


@dataclass(frozen=True)
class PersonalData:
    """One detected personal identifier in a submission's text."""

    span: Span
    kind: str  # email | phone | postcode | address | person | id_number | url
    text: str


@dataclass(frozen=True)
class Campaign:
    """Near-identical copies of one form letter, counted once with their size in reports."""

    id: str
    template: str  # the shared text (redacted)
    members: tuple[str, ...]  # submission sha256s, sorted
    added_text: Mapping[str, str] = field(default_factory=dict)  # member -> its own added text


# --- themes stage ----------------------------------------------------------------------------------

STANCES = ("support", "oppose", "mixed", "neutral")  # towards the consultation's proposal
SIDES = STANCES[:3]  # the stances that take a side


@dataclass(frozen=True)
class Code:
    """A theme on a segment with the evidence that justifies it: what every theme table counts."""

    segment: str  # segment id
    theme: str  # theme id in the codebook
    confidence: float
    method: str  # rule | similarity | classifier | analyst (combined methods joined by "+")
    evidence: Span  # offsets in the segment's text
    evidence_text: str
    stance: str | None = None  # towards the proposal in the evidence sentence, where the text says so
    codebook: str = ""  # name@version
    fingerprint: str = ""  # the theme's content hash when coded
    model: str = ""
    reviewed: bool = False  # an analyst accepted or added it


@dataclass(frozen=True)
class SegmentStance:
    segment: str
    stance: str  # one of STANCES
    confidence: float
    evidence: str
    method: str
    model: str
    stamp: str = ""  # hash of the segment's text and the coder that coded it


def in_utc(when: datetime | None) -> datetime | None:
    """A time as the store keeps it: UTC. SQLite keeps no offset, so a time stored as it came (a received
    log's 15:00 +01:00 beside an e-mail's 23:40 +00:00) read back as local and UTC times mixed."""
    if when is None or when.tzinfo is None:
        return when
    return when.astimezone(UTC)


def stored_time(when: datetime) -> datetime:
    """A time read back from the store, with its offset: the store keeps UTC (`in_utc`) and SQLite drops
    the offset, so a time without one is UTC."""
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def shown_time(when: datetime | None, tz: tzinfo | None = None) -> str:
    """A stored time as outputs show it: in the consultation's time zone, with its offset, so that
    "late" reads right ("2026-04-26T00:40:12+01:00", not the e-mail's 23:40 UTC). A time without an
    offset is UTC (`in_utc`)."""
    if when is None:
        return ""
    return stored_time(when).astimezone(tz or UTC).isoformat(timespec="seconds")
