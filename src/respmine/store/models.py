"""SQLAlchemy tables. SQLite by default, PostgreSQL by URL; JSON columns hold small structured parts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SubmissionRow(Base):
    """One submission (file, e-mail attachment or form row), keyed by the hash of its content."""

    __tablename__ = "submissions"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    parent_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # file | attachment | form-row
    source: Mapped[str] = mapped_column(Text)  # first name it was seen under
    format: Mapped[str] = mapped_column(String(20))
    method: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20), index=True)  # ok | quarantined
    code: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    meta: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    answers: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    comments: Mapped[list[str]] = mapped_column(JSON, default=list)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    received_from: Mapped[str | None] = mapped_column(String(40))
    late: Mapped[bool | None] = mapped_column(Boolean, index=True)
    extractor_version: Mapped[str] = mapped_column(String(20))
    first_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SourceRow(Base):
    """Every path a submission arrived under: the same file sent twice is one submission, two sources."""

    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("sha256", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("submissions.sha256"), index=True)
    path: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RunRow(Base):
    """One pipeline run over an inbox, with its summary, so the policy team can see what changed."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inbox: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    summary: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class RespondentRow(Base):
    """Who a submission is from (name is personal data: for analysts only)."""

    __tablename__ = "respondents"

    submission: Mapped[str] = mapped_column(String(64), ForeignKey("submissions.sha256"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    respondent_type: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    organisations: Mapped[list[str]] = mapped_column(JSON, default=list)
    role: Mapped[str | None] = mapped_column(Text)
    provenance: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class SegmentRow(Base):
    """A passage of a submission answering one question (or general comments); text is redacted."""

    __tablename__ = "segments"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # hash of submission, question, span
    submission: Mapped[str] = mapped_column(String(64), ForeignKey("submissions.sha256"), index=True)
    question: Mapped[str] = mapped_column(String(40), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(30))
    confidence: Mapped[float] = mapped_column()


class PersonalDataRow(Base):
    """Where personal data was redacted, with the original: kept in the store for authorised use only."""

    __tablename__ = "personal_data"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    submission: Mapped[str] = mapped_column(String(64), ForeignKey("submissions.sha256"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    original: Mapped[str] = mapped_column(Text)


class CampaignRow(Base):
    """A form-letter campaign and its members (reports count it once, with its size)."""

    __tablename__ = "campaigns"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    template: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    members: Mapped[list[str]] = mapped_column(JSON, default=list)
    added_text: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
