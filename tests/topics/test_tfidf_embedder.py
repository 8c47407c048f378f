"""The light TF-IDF+SVD embedder: deterministic, fingerprinted by its fitted state, saved and loaded."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from respmine.topics.tfidf import TfidfSvdEmbedder
from tests.topics.helpers import synthetic


def test_fit_save_load(tmp_path: Path) -> None:
    texts = [t for _, t in synthetic(["funding", "staffing", "transport", "parking"], 30)]
    a = TfidfSvdEmbedder(dim=16).fit(texts)
    b = TfidfSvdEmbedder(dim=16).fit(list(reversed(texts)))  # order does not matter
    assert a.name == b.name and a.name.startswith("tfidf-svd-16-")
    vectors = a.embed(texts)
    assert vectors.shape == (len(texts), 16) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    a.save(tmp_path)
    loaded = TfidfSvdEmbedder.load(tmp_path)
    assert loaded.name == a.name and np.array_equal(loaded.embed(texts), vectors)
    assert not loaded.embed(["zzzz qqqq"]).any()  # nothing known: the zero vector ("other")


def test_embed_before_fit_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="fit"):
        TfidfSvdEmbedder().embed(["text"])
