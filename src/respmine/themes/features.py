"""Text features for the trained coders: word and character TF-IDF, sentence embeddings, the question.

Word n-grams catch the vocabulary of a theme, character n-grams survive typos and inflection (public
comments are not proof-read), embeddings carry meaning across different wording, and the question a
text answers changes what a short answer means ("Nothing." to "What could we improve?" is praise).
Saved as plain arrays and JSON (no pickle): a model file can be inspected and loaded safely.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from respmine.topics.embed import Embedder

_WORD = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True, "max_features": 60000}
_CHAR = {
    "analyzer": "char_wb",
    "ngram_range": (2, 5),
    "min_df": 3,
    "sublinear_tf": True,
    "max_features": 100000,
}
_SHORT = {"binary": True, "use_idf": False, "norm": None, "min_df": 2, "token_pattern": r"\S+"}
CHAR_WEIGHT = 0.5  # character n-grams overlap the words: halved so they do not dominate
SHORT_WORDS = 6  # answers this short are read together with their question ("Nothing" to what?)


def _vectorizer(params: dict[str, Any], vocabulary: dict[str, int] | None = None) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(**params, vocabulary=vocabulary, dtype=np.float32)


def normalise_question(question: str | None) -> str:
    return " ".join((question or "").lower().split())


class TextFeatures:
    """Fit on training texts, then transform any texts the same way."""

    def __init__(self, embedder: Embedder | None) -> None:
        self.embedder = embedder
        self.word: Any = None
        self.char: Any = None
        self.short: Any = None
        self.questions: list[str] = []

    def fit_transform(self, texts: Sequence[str], questions: Sequence[str | None]) -> sparse.csr_matrix:
        self.word = _vectorizer(_WORD)
        self.char = _vectorizer(_CHAR)
        # A question column is only useful when several questions were asked; unseen ones map to none.
        seen = sorted({normalise_question(q) for q in questions})
        self.questions = seen if len(seen) > 1 else []
        if self.questions:
            self.short = _vectorizer(_SHORT)
            self.short.fit(self._short_answers(texts, questions))
        word = self.word.fit_transform(texts)
        char = self.char.fit_transform(texts)
        return self._stack(word, char, texts, questions)

    def transform(self, texts: Sequence[str], questions: Sequence[str | None]) -> sparse.csr_matrix:
        if self.word is None:
            raise RuntimeError("features are not fitted")
        return self._stack(self.word.transform(texts), self.char.transform(texts), texts, questions)

    def _stack(self, word: Any, char: Any, texts: Sequence[str], questions: Sequence[str | None]) -> Any:
        parts = [word, char * CHAR_WEIGHT]
        if self.embedder is not None:
            parts.append(sparse.csr_matrix(self.embedder.embed(list(texts))))
        if self.questions:
            index = {q: i for i, q in enumerate(self.questions)}
            cols = [index.get(normalise_question(q), -1) for q in questions]
            rows = [i for i, c in enumerate(cols) if c >= 0]
            onehot = sparse.csr_matrix(
                (np.ones(len(rows), dtype=np.float32), (rows, [cols[i] for i in rows])),
                shape=(len(texts), len(self.questions)),
            )
            parts.append(onehot)
            if self.short is not None:
                parts.append(self.short.transform(self._short_answers(texts, questions)))
        return sparse.hstack(parts, format="csr", dtype=np.float32)

    def _short_answers(self, texts: Sequence[str], questions: Sequence[str | None]) -> list[str]:
        """Words of short answers tagged with their question: `q2_nothing` means praise, `q0_nothing` not."""
        index = {q: i for i, q in enumerate(self.questions)}
        out = []
        for text, question in zip(texts, questions, strict=True):
            words = text.lower().split()
            k = index.get(normalise_question(question))
            out.append(
                " ".join(f"q{k}_{w.strip('.,!?')}" for w in words)
                if k is not None and len(words) <= SHORT_WORDS
                else ""
            )
        return out

    def save(self, folder: Path) -> None:
        meta = {
            "word": {k: v for k, v in self.word.vocabulary_.items()},
            "char": {k: v for k, v in self.char.vocabulary_.items()},
            "questions": self.questions,
            "short": None if self.short is None else {k: v for k, v in self.short.vocabulary_.items()},
            "embedder": getattr(self.embedder, "name", None),
        }
        (folder / "features.json").write_text(json.dumps(meta), encoding="utf-8")
        np.savez(folder / "idf.npz", word=self.word.idf_, char=self.char.idf_)

    @classmethod
    def load(cls, folder: Path, embedder: Embedder | None) -> TextFeatures:
        meta = json.loads((folder / "features.json").read_text(encoding="utf-8"))
        if (meta["embedder"] is None) != (embedder is None):
            raise ValueError(f"{folder}: model was trained with embedder {meta['embedder']!r}")
        idf = np.load(folder / "idf.npz")
        out = cls(embedder)
        out.word = _vectorizer(_WORD, {str(k): int(v) for k, v in meta["word"].items()})
        out.char = _vectorizer(_CHAR, {str(k): int(v) for k, v in meta["char"].items()})
        out.word.idf_ = idf["word"]
        out.char.idf_ = idf["char"]
        out.questions = list(meta["questions"])
        if meta.get("short") is not None:
            out.short = _vectorizer(_SHORT, {str(k): int(v) for k, v in meta["short"].items()})
            out.short.idf_ = np.ones(len(meta["short"]), dtype=np.float32)  # use_idf=False: never read
        return out
