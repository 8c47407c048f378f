"""Embeddings are cached in the store by (model, text hash): nothing is embedded twice across runs."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.store.topics import store_cached
from respmine.topics.embed import text_key
from respmine.topics.stage import run_topics
from tests.topics.helpers import CountingEmbedder, add_segments, synthetic


def test_vectors_round_trip_exactly(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/s.db")
    vectors = {text_key(t): np.random.default_rng(i).random(8, dtype=np.float32) for i, t in enumerate("abc")}
    topic_store.save_embeddings(store, "m", vectors)
    topic_store.save_embeddings(store, "m", vectors)  # saving again adds nothing
    back = topic_store.load_embeddings(store, "m", [*vectors, "unknown"])
    assert set(back) == set(vectors) and all(np.array_equal(back[k], v) for k, v in vectors.items())
    assert topic_store.load_embeddings(store, "other-model", list(vectors)) == {}
    assert topic_store.embedding_count(store, "m") == 3


def test_nothing_is_embedded_twice_across_runs(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/s.db")
    data = synthetic(["funding", "staffing", "transport"], 30)
    texts = [t for _, t in data]
    add_segments(store, [(f"a{i}", "Q1", t, "individual") for i, t in enumerate(texts)])
    add_segments(store, [(f"dup{i}", "Q2", t, "individual") for i, t in enumerate(texts[:10])])  # repeats
    embedder = CountingEmbedder()
    run_topics(store, None, tmp_path / "model", embedder=embedder)
    assert sorted(embedder.embedded) == sorted(texts)  # each distinct text once, repeats not again
    embedder.embedded.clear()
    run_topics(store, None, tmp_path / "model", embedder=embedder, refit=True)  # a new process would too
    assert embedder.embedded == []
    store_cached(embedder, store).embed(texts[:5])
    assert embedder.embedded == []
