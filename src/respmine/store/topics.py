"""Store access for topic discovery: the embedding cache, topic assignments, topics and topic fits.

The embedding cache is keyed by (embedding model, sha256 of the text): a text seen in any earlier run is
never embedded again. A fit replaces topics and assignments as a whole, in one transaction; a late batch
only adds assignments and updates topic sizes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

import numpy as np
from sqlalchemy import delete, func, insert, select

from respmine.store.models import (
    CodeRow,
    EmbeddingRow,
    RespondentRow,
    SegmentRow,
    TopicAssignmentRow,
    TopicModelRow,
    TopicRow,
)
from respmine.store.repository import CHUNK, Store
from respmine.topics.embed import CachedEmbedder, Embedder


class Assignment(NamedTuple):
    """One segment's topic (inserted in bulk: 50,000 ORM objects would cost seconds)."""

    segment: str
    topic: int
    probability: float
    model_version: str
    method: str  # fit | late


def load_embeddings(store: Store, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
    """Cached vectors for these text hashes (those not cached are simply absent)."""
    out: dict[str, np.ndarray] = {}
    with store.session() as s:
        for i in range(0, len(keys), CHUNK):
            rows = s.execute(select(EmbeddingRow.key, EmbeddingRow.vector).where(
                EmbeddingRow.model == model, EmbeddingRow.key.in_(keys[i : i + CHUNK])))
            out.update((key, np.frombuffer(blob, dtype="<f4").copy()) for key, blob in rows)
    return out


def save_embeddings(store: Store, model: str, vectors: Mapping[str, np.ndarray]) -> None:
    """Add vectors to the cache (keys already cached are left as they are)."""
    keys = sorted(vectors)
    with store.session() as s, s.begin():
        known: set[str] = set()
        for i in range(0, len(keys), CHUNK):
            known.update(s.scalars(select(EmbeddingRow.key).where(
                EmbeddingRow.model == model, EmbeddingRow.key.in_(keys[i : i + CHUNK]))))
        fresh = [{"model": model, "key": k, "vector": np.asarray(vectors[k], dtype="<f4").tobytes()}
                 for k in keys if k not in known]
        if fresh:
            s.execute(insert(EmbeddingRow), fresh)


def store_cached(embedder: Embedder, store: Store) -> CachedEmbedder:
    """The embedder behind the store's cache: known texts are read back, new ones embedded and saved."""
    return CachedEmbedder(
        embedder,
        load=lambda name, keys: load_embeddings(store, name, keys),
        save=lambda name, vectors: save_embeddings(store, name, vectors),
    )


def embedding_count(store: Store, model: str | None = None) -> int:
    with store.session() as s:
        query = select(func.count()).select_from(EmbeddingRow)
        if model is not None:
            query = query.where(EmbeddingRow.model == model)
        return int(s.scalar(query) or 0)


def replace_topics(store: Store, topics: Iterable[TopicRow], assignments: Sequence[Assignment],
                   fit: TopicModelRow) -> None:
    """A (re)fit: every topic and assignment replaced at once, and the fit recorded."""
    with store.session() as s, s.begin():
        s.execute(delete(TopicAssignmentRow))
        s.execute(delete(TopicRow))
        s.add_all(topics)
        if assignments:
            s.execute(insert(TopicAssignmentRow), [a._asdict() for a in assignments])
        s.merge(fit)


def add_assignments(store: Store, assignments: Sequence[Assignment], sizes: Mapping[int, int],
                    stale: Sequence[str] = ()) -> None:
    """A late batch: new assignments, updated topic sizes; assignments of vanished segments dropped."""
    with store.session() as s, s.begin():
        for i in range(0, len(stale), CHUNK):
            s.execute(delete(TopicAssignmentRow).where(TopicAssignmentRow.segment.in_(stale[i : i + CHUNK])))
        if assignments:
            s.execute(insert(TopicAssignmentRow), [a._asdict() for a in assignments])
        for row in s.scalars(select(TopicRow)):
            row.size = sizes.get(row.id, row.size)


def assignments(store: Store) -> dict[str, Assignment]:
    """segment -> its topic assignment, read as plain rows (a late run reads them all)."""
    columns = (TopicAssignmentRow.segment, TopicAssignmentRow.topic, TopicAssignmentRow.probability,
               TopicAssignmentRow.model_version, TopicAssignmentRow.method)
    with store.session() as s:
        rows = s.execute(select(*columns).order_by(TopicAssignmentRow.segment))
        return {row[0]: Assignment(*row) for row in rows}


def has_codes(store: Store) -> bool:
    """Whether any segment has a theme code (machine or analyst)."""
    with store.session() as s:
        return s.scalar(select(CodeRow.segment).limit(1)) is not None


def topics(store: Store) -> list[TopicRow]:
    """Topics by id ("other", -1, first)."""
    with store.session() as s:
        return list(s.scalars(select(TopicRow).order_by(TopicRow.id)))


def fits(store: Store) -> list[TopicModelRow]:
    """Every topic fit, oldest first."""
    with store.session() as s:
        query = select(TopicModelRow).order_by(TopicModelRow.created_at, TopicModelRow.version)
        return list(s.scalars(query))


def latest_fit(store: Store) -> TopicModelRow | None:
    found = fits(store)
    return found[-1] if found else None


def new_fit_row(version: str, embedder: str, summary: dict[str, object],
                hierarchy: list[dict[str, object]]) -> TopicModelRow:
    return TopicModelRow(version=version, created_at=datetime.now(UTC), embedder=embedder, summary=summary,
                         hierarchy=hierarchy)


def topic_counts_by(store: Store, by: str) -> list[tuple[str, int, int]]:
    """(question, respondent type or submission; topic; segments), sorted; segments without a respondent:
    "unknown"."""
    with store.session() as s:
        if by in ("question", "submission"):
            column = SegmentRow.question if by == "question" else SegmentRow.submission
            query = (select(column, TopicAssignmentRow.topic, func.count())
                     .join(TopicAssignmentRow, TopicAssignmentRow.segment == SegmentRow.id)
                     .group_by(column, TopicAssignmentRow.topic))
        elif by == "respondent_type":
            kind = func.coalesce(RespondentRow.respondent_type, "unknown")
            query = (select(kind, TopicAssignmentRow.topic, func.count())
                     .select_from(SegmentRow)
                     .join(TopicAssignmentRow, TopicAssignmentRow.segment == SegmentRow.id)
                     .outerjoin(RespondentRow, RespondentRow.submission == SegmentRow.submission)
                     .group_by(kind, TopicAssignmentRow.topic))
        else:
            raise ValueError(f"topic counts by {by!r}: use 'question', 'respondent_type' or 'submission'")
        return sorted((str(k), int(t), int(n)) for k, t, n in s.execute(query))
