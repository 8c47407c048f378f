"""Text features for the trained coders: word and character TF-IDF, sentence embeddings, the question.

Word n-grams catch the vocabulary of a theme, character n-grams survive typos and inflection (public
comments are not proof-read), embeddings carry meaning across different wording, and the question a
text answers changes what a short answer means ("Nothing." to "What could we improve?" is praise).
"""

from __future__ import annotations

from collections.abc import Sequence
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
CHAR_WEIGHT = 0.8  # char n-grams overlap the words: down-weighted (best of 0.3-1.0, 5-fold CV on NHS)
SHORT_WORDS = 6  # answers this short are read together with their question ("Nothing" to what?)


def _vectorizer(params: dict[str, Any]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(**params, dtype=np.float32)


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
