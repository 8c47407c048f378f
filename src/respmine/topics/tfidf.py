"""A light embedder for very large runs: TF-IDF (words and two-word phrases) reduced by truncated SVD.

MiniLM embeds ~50-70 short texts/s on two cores; this one embeds tens of thousands per second once fitted,
at some cost in quality (lexical, not semantic). It must be fitted on the corpus first; its name carries a
fingerprint of the fitted state, so cached vectors are only reused by the very same fitted model, and it is
saved next to the topic model so late responses are embedded in the same space.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from respmine.topics.text import TOKEN_PATTERN, stop_words

FILES = ("tfidf_svd.json", "tfidf_svd.safetensors")


class TfidfSvdEmbedder:
    """TF-IDF (sublinear, 1-2 grams, spaCy stop words) -> truncated SVD -> unit vectors."""

    kind = "tfidf-svd"

    def __init__(self, dim: int = 128, seed: int = 0, max_features: int = 200_000) -> None:
        self.dim = dim
        self.seed = seed
        self.max_features = max_features
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0, dtype=np.float32)
        self.components = np.zeros((0, 0), dtype=np.float32)
        self.name = f"{self.kind}-{dim}-unfitted"

    @property
    def fitted(self) -> bool:
        return bool(self.vocabulary)

    def _vectorizer(self) -> Any:
        from sklearn.feature_extraction.text import TfidfVectorizer

        return TfidfVectorizer(
            lowercase=True, token_pattern=TOKEN_PATTERN, stop_words=sorted(stop_words()),
            ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32,
        )

    def fit(self, texts: Sequence[str]) -> TfidfSvdEmbedder:
        """Learn the vocabulary, idf and SVD basis (deterministic for a given text order and seed)."""
        from sklearn.decomposition import TruncatedSVD

        unique = sorted(set(texts))  # order-independent: the same corpus gives the same model
        vec = self._vectorizer().set_params(min_df=2 if len(unique) > 50 else 1,
                                            max_features=self.max_features)
        matrix = vec.fit_transform(unique)
        dim = max(1, min(self.dim, matrix.shape[1] - 1, len(unique) - 1))
        svd = TruncatedSVD(n_components=dim, algorithm="randomized", n_iter=5, random_state=self.seed)
        svd.fit(matrix)
        self._set(dict(sorted((t, int(i)) for t, i in vec.vocabulary_.items())),
                  vec.idf_.astype(np.float32), svd.components_.astype(np.float32))
        return self

    def _set(self, vocabulary: dict[str, int], idf: np.ndarray, components: np.ndarray) -> None:
        idf = np.ascontiguousarray(idf, dtype=np.float32)  # safetensors writes the raw buffer
        components = np.ascontiguousarray(components, dtype=np.float32)
        self.vocabulary, self.idf, self.components = vocabulary, idf, components
        digest = hashlib.sha256(json.dumps(vocabulary, sort_keys=True).encode())
        digest.update(idf.tobytes())
        digest.update(components.tobytes())
        self.name = f"{self.kind}-{components.shape[0]}-{digest.hexdigest()[:12]}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors; a text with no known term gets the zero vector (it then lands in "other")."""
        if not self.fitted:
            raise RuntimeError("TfidfSvdEmbedder.embed before fit: fit it on the corpus (or load it)")
        if not texts:
            return np.zeros((0, self.components.shape[0]), dtype=np.float32)
        from sklearn.preprocessing import normalize

        vec = self._vectorizer().set_params(vocabulary=self.vocabulary)
        vec.idf_ = self.idf
        reduced = np.asarray(vec.transform(list(texts)) @ self.components.T, dtype=np.float32)
        return np.asarray(normalize(reduced), dtype=np.float32)

    def save(self, folder: Path) -> None:
        from safetensors.numpy import save_file

        folder.mkdir(parents=True, exist_ok=True)
        meta = {"dim": self.dim, "seed": self.seed, "name": self.name, "vocabulary": self.vocabulary}
        (folder / FILES[0]).write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")
        save_file({"idf": self.idf, "components": self.components}, str(folder / FILES[1]))

    @classmethod
    def load(cls, folder: Path) -> TfidfSvdEmbedder:
        from safetensors.numpy import load_file

        meta = json.loads((folder / FILES[0]).read_text(encoding="utf-8"))
        arrays = load_file(str(folder / FILES[1]))
        out = cls(dim=int(meta["dim"]), seed=int(meta["seed"]))
        out._set({str(k): int(v) for k, v in meta["vocabulary"].items()}, arrays["idf"], arrays["components"])
        if out.name != meta["name"]:
            raise ValueError(f"{folder}: TF-IDF+SVD files do not match their fingerprint ({meta['name']})")
        return out
