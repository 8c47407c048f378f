"""Every segment ends in a topic or the explicit "other" group; the outlier share is reported and low."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.topics.cluster import OTHER, SphericalKMeans, assign, min_topic_size, topic_count, unit
from respmine.topics.stage import run_topics
from tests.topics.helpers import CountingEmbedder, add_segments, segment_key, synthetic

NOISE = ["N/A", "?", "-", "ok", "..."]


def test_noise_goes_to_other_and_the_share_is_reported(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/store.db")
    data = [t for _, t in synthetic(["funding", "staffing", "transport"], 40)]
    add_segments(store, [(f"s{i}", "Q1", t, "individual") for i, t in enumerate(data)])
    add_segments(store, [(f"n{i}", "Q1", t, "individual") for i, t in enumerate(NOISE)])
    summary = run_topics(store, None, tmp_path / "model", embedder=CountingEmbedder())
    got = topic_store.assignments(store)
    assert len(got) == len(data) + len(NOISE)  # every segment has a topic or "other"
    assert all(got[segment_key(f"seg:n{i}")].topic == OTHER for i in range(len(NOISE)))
    other = next(t for t in summary.topics if t.id == OTHER)
    assert other.name == "Other" and other.size == len(NOISE)
    assert summary.outlier_share == round(len(NOISE) / len(got), 4) < 0.05
    assert sum(t.size for t in summary.topics) == len(got)
    assert summary.as_dict()["outlier_share"] == summary.outlier_share


def test_assign_floor_and_ties() -> None:
    centroids = unit(np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32))
    x = unit(np.array([[1, 1, 0], [0, 0, 1], [0.9, 0.1, 0]], dtype=np.float32))
    labels, _ = assign(x, centroids, floor=0.3)
    assert labels.tolist() == [0, OTHER, 0]  # a tie goes to the lower index; far goes to OTHER
    labels, _ = assign(x, centroids, floor=0.3, prior=np.array([1, -1, 1]), stickiness=0.02)
    assert labels.tolist() == [1, OTHER, 0]  # stays with its prior topic unless another is clearly closer


def test_kmeans_is_deterministic_and_dissolves_small_groups() -> None:
    rng = np.random.default_rng(0)
    centres = unit(rng.normal(size=(4, 16)).astype(np.float32))
    x = unit(np.concatenate([c + 0.1 * rng.normal(size=(30, 16)) for c in centres]).astype(np.float32))
    x = np.concatenate([x, unit(rng.normal(size=(2, 16)).astype(np.float32))])  # two strays
    weights = np.ones(len(x))
    a = SphericalKMeans(k=8, min_size=5, seed=1).fit(x, weights, np.zeros((0, 16), np.float32))
    b = SphericalKMeans(k=8, min_size=5, seed=1).fit(x, weights, np.zeros((0, 16), np.float32))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert (np.bincount(a[1]) >= 5).all()


def test_sizes_follow_the_corpus() -> None:
    assert topic_count(10) == 3 and topic_count(1000) == 32 and topic_count(100_000) == 60
    assert topic_count(1000, n_seeds=30) > 30  # room for emerging themes next to the codebook's
    assert min_topic_size(50) == 3 and min_topic_size(10_000) == 15


@pytest.mark.slow
def test_density_clusterer_is_an_alternative(tmp_path: Path) -> None:
    """UMAP + HDBSCAN behind the same interface: deterministic, noise still ends in a topic or "other"."""
    from respmine.topics.model import Settings

    data = [t for _, t in synthetic(["funding", "staffing", "transport", "parking"], 40)]
    runs = []
    for name in ("a", "b"):
        store = Store(f"sqlite:///{tmp_path}/{name}.db")
        add_segments(store, [(f"s{i}", "Q1", t, "individual") for i, t in enumerate(data)])
        summary = run_topics(store, None, tmp_path / name, embedder=CountingEmbedder(),
                             settings=Settings(density=True))
        runs.append({s: a.topic for s, a in topic_store.assignments(store).items()})
        assert len(runs[-1]) == len(data) and summary.outlier_share < 0.1
    assert runs[0] == runs[1] and len(set(runs[0].values()) - {OTHER}) >= 2


def test_texts_without_words_go_to_other_whatever_their_vector() -> None:
    from respmine.topics.guide import ThemeVectors
    from respmine.topics.model import fit_model
    from respmine.topics.text import contentless

    assert contentless(["-", "?", "N/A", "...", "ok", "Nothing."]).tolist() == [True] * 4 + [False] * 2

    texts = [t for _, t in synthetic(["funding", "staffing"], 20)] + ["-", "?", "N/A"]
    vectors = CountingEmbedder().embed(texts)
    vectors[-3:] = vectors[0]  # a sentence model gives such texts some vector: it must not matter
    fit = fit_model([f"{i:03d}" for i in range(len(texts))], texts, vectors, kind="minilm", embedder="x",
                    version="v", themes=ThemeVectors([], [], np.zeros((0, 0), np.float32)), seed_words=set())
    assert fit.topics[-3:] == [OTHER] * 3 and OTHER not in fit.topics[:-3]
    assert fit.model.assign(vectors[-3:], texts[-3:])[0] == [OTHER] * 3
