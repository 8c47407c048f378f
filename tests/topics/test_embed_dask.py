"""Embedding on a Dask cluster: the same vectors as local MiniLM, in order, spread over the workers; the
store's cache keeps known texts off the cluster; an unreachable scheduler fails with a clear message."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from respmine import pipeline
from respmine.config import Settings
from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.topics.embed import MODEL_NAME, CachedEmbedder, MiniLM, text_key
from respmine.topics.embed_dask import DaskEmbedder, DaskEmbeddingError, minilm_loads

UNREACHABLE = "tcp://127.0.0.1:9"  # nothing listens on the discard port here


def varied_texts(n: int) -> list[str]:
    """Short and long, punctuated, numbered, some repeated: padding and order both matter."""
    subjects = ["The council", "Our charity", "Residents", "The probation service", "Young people", "We"]
    verbs = ["strongly support", "oppose", "are unsure about", "welcome", "have concerns about"]
    objects = ["the new funding formula", "closing the library", "longer opening hours",
               "the proposal in question 3", "reducing staff at night", "transport to the hospital"]
    out = []
    for i in range(n):
        s, v, o = subjects[i % 6], verbs[(i // 6) % 5], objects[(i // 30) % 6]
        text = f"{s} {v} {o}."
        if i % 7 == 0:
            text += f" In {2000 + i} we saw {i} cases; " + "this matters a great deal to us. " * (i % 5)
        if i % 11 == 0:
            text = text.upper()
        out.append(text)
    out[-1] = out[0]  # a repeat
    return out


@pytest.mark.slow
def test_vectors_match_local_minilm_in_order_on_both_workers() -> None:
    from distributed import Client, LocalCluster, get_task_stream

    texts = varied_texts(300)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        embedder = DaskEmbedder(cluster.scheduler_address, batch_size=64)
        assert embedder.name == MiniLM.name  # the store cache is shared with local runs
        with get_task_stream(client) as stream:
            remote = embedder.embed(texts)
            empty = embedder.embed([])
        tasks = [t for t in stream.data if "embed_batch" in str(t["key"])]
        loads = client.run(minilm_loads)
    local = MiniLM().embed(texts)
    assert remote.shape == (300, 384) and remote.dtype == np.float32
    assert np.allclose(remote, local, atol=1e-5)  # same vectors, same order
    assert np.array_equal(remote[0], remote[-1])
    assert empty.shape == (0, 384)
    assert len(tasks) == 5  # 4 x 64 + 44
    assert len({t["worker"] for t in tasks}) == 2
    assert sorted(loads.values()) == [1, 1]  # each worker loaded MiniLM once, for all its batches


class Local:
    name = MODEL_NAME

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.ones((len(texts), 384), dtype=np.float32)


def test_small_inputs_stay_local_and_empty_is_fine() -> None:
    local = Local()
    embedder = DaskEmbedder(UNREACHABLE, batch_size=4, local=local, timeout=0.5)
    assert embedder.embed(["a", "b", "c"]).shape == (3, 384)
    assert embedder.embed([]).shape == (0, 384)
    assert local.calls == [["a", "b", "c"], []]


def test_unreachable_scheduler_says_which_and_how_to_unset() -> None:
    embedder = DaskEmbedder(UNREACHABLE, batch_size=2, local=Local(), timeout=0.5)
    with pytest.raises(DaskEmbeddingError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9") \
            as info:
        embedder.embed(["a", "b", "c"])
    assert "RESPMINE_DASK_ADDRESS" in str(info.value) and "--dask" in str(info.value)


def test_run_embedder_sends_only_uncached_texts_to_the_cluster(tmp_path: Path) -> None:
    settings = Settings(work_dir=tmp_path, store_url=f"sqlite:///{tmp_path}/s.db", dask_address=UNREACHABLE)
    store = Store(settings.store_url)
    texts = varied_texts(300)
    known = {text_key(t): np.full(384, i, dtype=np.float32) for i, t in enumerate(dict.fromkeys(texts))}
    topic_store.save_embeddings(store, MODEL_NAME, known)

    embedder = pipeline.run_embedder(store, settings)
    assert isinstance(embedder, CachedEmbedder) and isinstance(embedder.inner, CachedEmbedder)
    dask = embedder.inner.inner
    assert isinstance(dask, DaskEmbedder) and dask.address == UNREACHABLE and embedder.name == MODEL_NAME
    vectors = embedder.embed(texts)  # all cached: the (unreachable) cluster is never asked
    assert np.array_equal(vectors, np.stack([known[text_key(t)] for t in texts]))
    local = pipeline.run_embedder(store, Settings(work_dir=tmp_path, store_url=settings.store_url))
    assert isinstance(local, CachedEmbedder) and isinstance(local.inner, CachedEmbedder)
    assert isinstance(local.inner.inner, MiniLM)
