"""The consultation definition (YAML): questions, dates and how form-export columns map to questions.

Validated on load with messages that name the file and the field, because policy teams edit it by hand.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from respmine.yamlfile import read_mapping


class ConsultationError(ValueError):
    """The consultation file is missing or invalid; the message says what to fix."""


class Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    number: int | None = None
    text: str


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
    base_dir: Path | None = Field(default=None, exclude=True)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r} (use e.g. Europe/London)") from exc
        return value

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
        """The codebook file the consultation names (relative to its own file), if it names one."""
        return (self.base_dir or Path.cwd()) / self.codebook if self.codebook else None

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


def load_consultation(path: Path) -> Consultation:
    """Read and validate a consultation YAML file."""
    raw = read_mapping(path, "consultation", "at least 'title'", ConsultationError)
    try:
        consultation = Consultation.model_validate({**raw, "base_dir": path.parent.resolve()})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConsultationError(f"{path}: {problems}") from exc
    ids = [q.id for q in consultation.questions]
    if len(ids) != len(set(ids)):
        raise ConsultationError(f"{path}: question ids must be unique")
    unknown = sorted(set(consultation.form_columns.values()) - set(ids))
    if unknown:
        raise ConsultationError(f"{path}: form_columns map to unknown question ids {unknown}")
    return consultation
