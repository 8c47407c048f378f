"""The consultation definition (YAML): questions, dates and how form-export columns map to questions.

Validated on load with messages that name the file and the field, because policy teams edit it by hand.
"""

from __future__ import annotations

import csv
import difflib
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from respmine.structure.respondent_types import (
    BUILT_IN,
    INDIVIDUAL,
    UNKNOWN,
    RespondentType,
    TypeList,
    built_in,
    type_list,
)
from respmine.yamlfile import read_mapping, unknown_field

BUILT_IN_IDS = tuple(t.id for t in BUILT_IN)


class ConsultationError(ValueError):
    """The consultation file is missing or invalid; the message says what to fix."""


class Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    # "Question 4" headings find it; a sub-question's "4a" (also written "4(a)", "4 A"; kept as "4a") or
    # "4.1"; none given, a sub-question's id ("Q4a") gives it
    number: int | str | None = None
    text: str
    # for a question asking to choose between lettered options: letter -> short label ({A: all-in, ...});
    # none: read from the question's own words when it letters them ("A (all-in), B (...) or C (...)")
    options: dict[str, str] | None = None
    # the question asking agreement with what is proposed itself, whose answer gives a respondent's side on
    # the proposals (none marked: the first asking for agreement with a proposal, `stance.proposal_question`)
    proposal: bool = False

    @field_validator("number", mode="before")
    @classmethod
    def _number(cls, value: object) -> object:
        """A whole number stays an int; a sub-question's is written one way ("4(a)" -> "4a")."""
        if value is None or isinstance(value, int):
            return value
        key = re.sub(r"[\s()]", "", str(value)).lower()
        if re.fullmatch(r"\d{1,3}", key):
            return int(key)
        if re.fullmatch(r"\d{1,2}(?:[a-z]|\.\d{1,2})", key):
            return key
        raise ValueError(f"{value!r} is no question number: write 4, or a sub-question's 4a or 4.1")

    @model_validator(mode="after")
    def _sub_question_number(self) -> Question:
        found = re.fullmatch(r"(?:q|question)?[ _.-]?(\d{1,2}[ _]?\(?[a-z]\)?)", self.id.strip(),
                             re.IGNORECASE)
        if self.number is None and found and not found.group(1).isdigit():
            object.__setattr__(self, "number", re.sub(r"[\s_()]", "", found.group(1)).lower())
        return self

    @field_validator("options", mode="before")
    @classmethod
    def _labelled(cls, value: object) -> object:
        """An option with no label is most often a label with a comma in a YAML `{...}` mapping, which YAML
        splits into a second key ("{C: probation, councils and charities}"): say so, not "a valid string"."""
        if isinstance(value, dict):
            for key, label in value.items():
                if label is None or (isinstance(label, str) and not label.strip()):
                    raise ValueError(f"option {key!r} has no label: in a {{...}} mapping a label with a "
                                     "comma needs quotes ({C: \"probation, councils and charities\"})")
        return value


class RespondentTypeEntry(BaseModel):
    """A consultation's own respondent type: `id` (the column's name), how the report names one and
    several, and the words that mark an organisation as one in its name or a form's type answer (the label
    is one of them). A built-in id here keeps its rules and adds the words."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=30)  # (the store's column holds 30)
    label: str | None = Field(default=None, pattern=r"\S")
    plural: str | None = Field(default=None, pattern=r"\S")
    words: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_typed_by_words(self) -> RespondentTypeEntry:
        if self.id in (INDIVIDUAL, UNKNOWN) and self.words:
            raise ValueError(f"{self.id}: no words (individuals and unknown are never typed by words; "
                             "list them only to place them, or give them a label)")
        return self

    def resolved(self) -> RespondentType:
        known = built_in(self.id)
        label = (self.label or (known.singular if known else self.id.replace("_", " "))).strip()
        many = (self.plural or (known.plural if known and not self.label else _plural(label))).strip()
        own = [] if known and (not self.label or self.id in (INDIVIDUAL, UNKNOWN)) else [label]
        words = [w.strip() for w in own + self.words if w.strip()]
        return RespondentType(self.id, label, many, tuple(dict.fromkeys(words)))


def _plural(label: str) -> str:
    """"bus operators", "bodies", "churches": what "plural:" gives when a label's plural is irregular."""
    head, _, last = label.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


class Consultation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    department: str | None = None
    opens: date | None = None
    closes: date | None = None
    timezone: str = "Europe/London"
    questions: list[Question] = Field(default_factory=list)
    form_columns: dict[str, str] = Field(default_factory=dict)
    received_log: str | None = None
    codebook: str | None = None  # codebook YAML, relative to this file (none: not coded against themes)
    # what the consultation proposes, in a few words: stance is towards it, and the report says so
    proposals: str | None = None
    inbox: str = "inbox"
    # the consultation document itself (PDF, Word, ODT, HTML, text), relative to this file: its own text
    # copied into responses (a response typed into a copy of it) is not what the respondent says
    document: str | None = None
    # the types of respondent counted: built-in ids and the consultation's own (none: the built-in types)
    respondent_types: list[RespondentTypeEntry] | None = None
    base_dir: Path | None = Field(default=None, exclude=True)
    _document_text: str | None = PrivateAttr(default=None)  # (read once)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use e.g. Europe/London)") from exc
        return value

    @field_validator("questions")
    @classmethod
    def _one_proposal_question(cls, value: list[Question]) -> list[Question]:
        marked = [q.id for q in value if q.proposal]
        if len(marked) > 1:
            raise ValueError(f"questions {', '.join(marked)} are all marked `proposal: true`: mark only "
                             "the one asking agreement with what is proposed itself")
        return value

    @field_validator("respondent_types", mode="before")
    @classmethod
    def _bare_ids(cls, value: object) -> object:
        """A bare id names a built-in type ("- charity")."""
        if not isinstance(value, list):
            return value
        for v in value:
            if isinstance(v, str) and built_in(v) is None:
                near = difflib.get_close_matches(v, BUILT_IN_IDS, n=1, cutoff=0.5)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                raise ValueError(f"{v!r} is no built-in type{hint}: the built-in ids are "
                                 f"{', '.join(BUILT_IN_IDS)}; give a type of your own as an entry with an "
                                 "id, a label and the words that identify it")
        return [{"id": v} if isinstance(v, str) else v for v in value]

    @field_validator("respondent_types")
    @classmethod
    def _listed_once(cls, value: list[RespondentTypeEntry] | None) -> list[RespondentTypeEntry] | None:
        ids = [v.id for v in value or []]
        twice = sorted({k for k in ids if ids.count(k) > 1})
        if twice:
            raise ValueError(f"type {twice[0]!r} is listed twice")
        return value

    def offered(self) -> dict[str, dict[str, str]]:
        """Question id -> the options it offers (`structure.choices.question_options`: its `options:`, else
        those its words letter; {} for none): the one reading of them the theme stage codes choices with
        (stored, `store.themes.offered_options`, for the review app) and the report counts them by."""
        from respmine.structure.choices import question_options

        return {q.id: question_options(q.text, q.options) for q in self.questions}

    def respondent_type_list(self) -> TypeList:
        """The types respondents are counted by: the consultation's list, else the built-in types."""
        if self.respondent_types is None:
            return TypeList()
        return type_list(v.resolved() for v in self.respondent_types)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def closes_at(self) -> datetime | None:
        """The end of the closing day in the consultation's time zone: later arrivals are late."""
        if self.closes is None:
            return None
        return datetime.combine(self.closes + timedelta(days=1), time(0, 0), tzinfo=self.tz)

    def is_late(self, received: datetime | None) -> bool | None:
        closes = self.closes_at()
        if closes is None or received is None:
            return None
        return self.aware(received) >= closes

    def aware(self, when: datetime) -> datetime:
        """A time with no offset (a form's timestamp cell, a log entry) is the consultation's local time."""
        return when if when.tzinfo else when.replace(tzinfo=self.tz)

    def codebook_path(self) -> Path | None:
        """The codebook file the consultation names (relative to its own file), if it names one. A relative
        path that finds no file is refused with what it was read against: the sample's `codebook:
        ../../models/codebooks/noms-third-sector.yaml`, in a copy of its consultation file made elsewhere,
        said only "/somewhere/../../models/...: codebook file not found"."""
        if not self.codebook:
            return None
        base = self.base_dir or Path.cwd()
        path = base / self.codebook
        if not Path(self.codebook).is_absolute() and not path.exists():
            from respmine.themes.codebook import CodebookError

            raise CodebookError(
                f"codebook file not found: the consultation file says codebook: {self.codebook}, which is "
                f"read relative to the consultation file's own folder ({base}), so it is {path.resolve()}. "
                "A consultation file copied to another folder keeps the original's relative path: give the "
                "codebook's absolute path, or a path relative to the consultation file's folder")
        return path

    def document_text(self) -> str:
        """The text of the consultation document the file names (`document:`, relative to the file's own
        folder), read by the readers responses are read with; "" when it names none. A document that is
        missing or that no reader can read is refused with why (a run that went on without it would code
        the consultation's own text as its respondents' views)."""
        if not self.document:
            return ""
        if self._document_text is None:
            self._document_text = self._read_document(self.document)
        return self._document_text

    def _read_document(self, document: str) -> str:
        from respmine.ingest.dispatch import extract
        from respmine.records import Quarantined

        base = self.base_dir or Path.cwd()
        path = base / document
        if not path.is_file():
            raise ConsultationError(
                f"consultation document not found: the consultation file says document: {document}, "
                f"read relative to the consultation file's own folder ({base}), so {path.resolve()}: give "
                "its absolute path, or a path relative to that folder")
        read = extract(path)
        if isinstance(read, Quarantined):
            raise ConsultationError(f"{path}: the consultation document could not be read: {read.reason}")
        if not read.text.strip():
            raise ConsultationError(f"{path}: no text was found in the consultation document")
        return read.text

    def inbox_path(self) -> Path:
        return (self.base_dir or Path.cwd()) / self.inbox

    def received_entries(self) -> dict[str, datetime]:
        """The intake log (file name -> received time), if the consultation keeps one."""
        if not self.received_log:
            return {}
        path = (self.base_dir or Path.cwd()) / self.received_log
        if not path.exists():
            raise ConsultationError(f"{path}: the received log named in the consultation file is missing")
        entries: dict[str, datetime] = {}
        with path.open(newline="", encoding="utf-8-sig") as fh:
            for n, row in enumerate(csv.DictReader(fh), start=2):
                try:
                    when = datetime.fromisoformat(row["received"].strip())
                except (KeyError, ValueError, AttributeError) as exc:
                    raise ConsultationError(
                        f"{path}, line {n}: needs columns 'file' and 'received' (ISO date-time)"
                    ) from exc
                entries[row["file"].strip()] = when if when.tzinfo else when.replace(tzinfo=self.tz)
        return entries


def _message(err: Any) -> str:
    """Pydantic's message; for a misspelt field, its likely fix and the fields there are."""
    if err["type"] != "extra_forbidden":
        return str(err["msg"]).removeprefix("Value error, ")
    model: type[BaseModel] = Consultation
    if "questions" in err["loc"]:
        model = Question
    elif "respondent_types" in err["loc"]:
        model = RespondentTypeEntry
    return unknown_field(str(err["loc"][-1]), [f for f in model.model_fields if f != "base_dir"])


def load_consultation(path: Path) -> Consultation:
    """Read and validate a consultation YAML file."""
    raw = read_mapping(path, "consultation", "at least 'title'", ConsultationError)
    try:
        consultation = Consultation.model_validate({**raw, "base_dir": path.parent.resolve()})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {_message(err)}"
                             for err in exc.errors())
        raise ConsultationError(f"{path}: {problems}") from exc
    ids = [q.id for q in consultation.questions]
    if len(ids) != len(set(ids)):
        raise ConsultationError(f"{path}: question ids must be unique")
    unknown = sorted(set(consultation.form_columns.values()) - set(ids))
    if unknown:
        raise ConsultationError(f"{path}: form_columns map to unknown question ids {unknown}")
    return consultation
