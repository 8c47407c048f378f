"""SQLAlchemy tables. SQLite by default, PostgreSQL by URL; JSON columns hold small structured parts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
    publication: Mapped[str | None] = mapped_column(String(30))  # a request not to publish, or anonymously
    publication_asked: Mapped[str | None] = mapped_column(Text)  # the words that ask
    # what the respondent and personal-data rules were run on (document, parent, rules' code): a rerun
    # reuses this row and the document's personal data while the stamp is unchanged
    stamp: Mapped[str | None] = mapped_column(String(32))


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


class SegmentationRow(Base):
    """The calibration the stored segments were cut with (one row): a later run segments new documents
    with it, so earlier segments stay put until the corpus outgrows it."""

    __tablename__ = "segmentation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(32))  # segmentation code, embedder, consultation questions
    questions: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    bias: Mapped[list[float] | None] = mapped_column(JSON)
    documents: Mapped[int] = mapped_column(Integer)
    routing: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # `question_matcher.Routing`, if learnt


class CampaignFeatureRow(Base):
    """One text's campaign-detection features (exact key, MinHash, distinct shingles), keyed by a hash of
    the redacted text and the hashing code: a late run hashes only its own texts."""

    __tablename__ = "campaign_features"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    exact: Mapped[str] = mapped_column(String(64))
    signature: Mapped[bytes | None] = mapped_column()  # uint32, little-endian; None under MIN_WORDS words
    shingles: Mapped[bytes | None] = mapped_column()


class CodeRow(Base):
    """A theme code on a segment, with the evidence that justifies it (machine or analyst)."""

    __tablename__ = "codes"
    __table_args__ = (UniqueConstraint("segment", "theme"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    segment: Mapped[str] = mapped_column(String(64), index=True)
    theme: Mapped[str] = mapped_column(String(200), index=True)
    confidence: Mapped[float] = mapped_column()
    method: Mapped[str] = mapped_column(String(30))  # rule | similarity | classifier | analyst
    evidence_start: Mapped[int] = mapped_column(Integer)  # offsets in the segment's text
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    stance: Mapped[str | None] = mapped_column(String(20))  # towards the proposal, where the text says
    codebook: Mapped[str] = mapped_column(String(120))  # name@version
    fingerprint: Mapped[str] = mapped_column(String(16))  # the theme's content hash when coded
    model: Mapped[str] = mapped_column(String(120))


class StanceRow(Base):
    """Stance of a segment towards the proposal (support, oppose, mixed, neutral)."""

    __tablename__ = "stances"

    segment: Mapped[str] = mapped_column(String(64), primary_key=True)
    stance: Mapped[str] = mapped_column(String(20), index=True)
    confidence: Mapped[float] = mapped_column()
    evidence: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(30))
    model: Mapped[str] = mapped_column(String(120))
    stamp: Mapped[str] = mapped_column(String(64), default="")  # hash of text + stance model


class ThemeStateRow(Base):
    """What a segment's machine codes and stance were computed under: a rerun recodes only what changed."""

    __tablename__ = "theme_states"

    segment: Mapped[str] = mapped_column(String(64), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(64))  # text, question, coder logic, embedder, classifier
    codebook: Mapped[str] = mapped_column(String(64), index=True)  # codebook_states.key coded against
    stance: Mapped[str] = mapped_column(String(64))  # text and stance model of its stances


class CodebookStateRow(Base):
    """A codebook's themes as coded against: (id, fingerprint, similarity key) in codebook order, so a
    rerun with an edited codebook can tell which themes changed."""

    __tablename__ = "codebook_states"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(120))  # name@version when first seen
    themes: Mapped[list[list[str]]] = mapped_column(JSON, default=list)


class OptionLinkRow(Base):
    """An option question as the last theme stage read it: its options (key -> label) and, for the options
    it read with the phrase rules (no view's label names them), the views the rules find in each label
    (key -> theme ids), under the codebook's rules (`themes.chosen.rules_key`). The report and the review
    app link options to views from these without building the rules again (spaCy: 10-21 s)."""

    __tablename__ = "option_links"

    question: Mapped[str] = mapped_column(String(200), primary_key=True)
    options: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    phrased: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    rules: Mapped[str] = mapped_column(String(64), default="")


class DecisionRow(Base):
    """An analyst's decision, kept forever (audit trail) and applied over machine codes on every run.

    Segment actions: accept, reject, add (a code), stance, reviewed. Codebook actions (segment empty):
    rename, merge, split, promote (an emerging theme), dismiss.
    """

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(20), index=True)
    segment: Mapped[str | None] = mapped_column(String(64), index=True)
    theme: Mapped[str | None] = mapped_column(String(200))
    value: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)


class EmbeddingRow(Base):
    """A text's embedding under one model, keyed by the text's hash: nothing is embedded twice."""

    __tablename__ = "embeddings"

    model: Mapped[str] = mapped_column(String(120), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the text
    vector: Mapped[bytes] = mapped_column()  # float32, little-endian


class TopicRow(Base):
    """A discovered topic (-1 is the explicit "other" group), named, with keywords and quotes."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    size: Mapped[int] = mapped_column(Integer)
    theme: Mapped[str | None] = mapped_column(String(200))  # the codebook theme it matches, if any
    similarity: Mapped[float] = mapped_column()  # to that theme (or the best theme)
    share: Mapped[float | None] = mapped_column(nullable=True)  # of its respondents coded with that theme (or
    # the commonest); none when matched by similarity (no codes), or in a store from before
    emerging: Mapped[bool] = mapped_column(Boolean)  # matches no theme: a candidate codebook entry
    quotes: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # segment, text
    model_version: Mapped[str] = mapped_column(String(40))


class TopicAssignmentRow(Base):
    """Which topic a segment is in, how close it is to the topic (cosine), and which model put it there."""

    __tablename__ = "topic_assignments"

    segment: Mapped[str] = mapped_column(String(64), primary_key=True)
    topic: Mapped[int] = mapped_column(Integer, index=True)
    probability: Mapped[float] = mapped_column()
    model_version: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(10))  # fit | late


class TopicModelRow(Base):
    """One topic fit (first fit or refit): its summary (what changed) and its topic hierarchy."""

    __tablename__ = "topic_models"

    version: Mapped[str] = mapped_column(String(40), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    embedder: Mapped[str] = mapped_column(String(120))
    summary: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    hierarchy: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)


class UserRow(Base):
    """A local account of the review app: a salted scrypt hash (never the password) and a role.

    Roles: `analyst` (sees personal data, records decisions) or `viewer` (redacted, read only).
    """

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(80), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
