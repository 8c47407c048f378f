"""Zero-shot theme scores: how close each sentence is to each theme, with the sentence-embedding model.

Works with no coded examples at all, which is the situation on the first day of a consultation. A theme
is represented by several prototypes (its label and description, each example answer, its phrases
together); a segment's score for a theme is the best match between any of its sentences and any of
the theme's prototypes, and that sentence is the evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from respmine.themes.codebook import Codebook
from respmine.themes.sentences import sentence_spans
from respmine.topics.embed import Embedder


@dataclass(frozen=True)
class SimilarityScores:
    """`scores[i, j]`: segment i against theme j; `evidence[i][j]`: (start, end) of the best sentence."""

    themes: list[str]
    scores: np.ndarray
    evidence: list[list[tuple[int, int]]]


class ThemeSimilarity:
    """Cosine similarity of sentences to theme prototypes (unit vectors, so a dot product)."""

    def __init__(
        self, codebook: Codebook, embedder: Embedder, examples: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        """`examples`: more example answers per theme id (coded segments), beside the codebook's own."""
        self.codebook = codebook
        self.embedder = embedder
        owners: list[int] = []
        texts: list[str] = []
        extra = examples or {}
        for j, theme in enumerate(codebook.themes):
            protos = list(dict.fromkeys([theme.describe(), *theme.examples, *extra.get(theme.id, ())]))
            if theme.phrases:
                protos.append(f"{theme.label}: " + "; ".join(theme.phrases))
            texts += protos
            owners += [j] * len(protos)
        self._owners = np.asarray(owners)
        self._protos = embedder.embed(texts)

    def score(self, texts: Sequence[str]) -> SimilarityScores:
        spans = [sentence_spans(t) or [(0, len(t))] for t in texts]
        flat = [t[a:b] for t, ss in zip(texts, spans, strict=True) for a, b in ss]
        n_themes = len(self.codebook.themes)
        scores = np.zeros((len(texts), n_themes), dtype=np.float32)
        evidence: list[list[tuple[int, int]]] = []
        if not flat:
            return SimilarityScores(self.codebook.ids, scores, [[] for _ in texts])
        sims = self.embedder.embed(flat) @ self._protos.T  # sentences x prototypes
        per_theme = np.full((len(flat), n_themes), -1.0, dtype=np.float32)
        for j in range(n_themes):
            per_theme[:, j] = sims[:, self._owners == j].max(axis=1)
        row = 0
        for i, ss in enumerate(spans):
            block = per_theme[row : row + len(ss)]
            best = block.argmax(axis=0)
            scores[i] = block.max(axis=0)
            evidence.append([ss[k] for k in best])
            row += len(ss)
        return SimilarityScores(self.codebook.ids, scores, evidence)


def zero_shot_labels(
    scores: np.ndarray, threshold: float = 0.45, margin: float = 0.08, max_labels: int = 4
) -> list[list[int]]:
    """Themes whose score clears `threshold` and lies within `margin` of the segment's best theme.

    The margin keeps a segment that is clearly about one theme from collecting every loosely related
    one; the absolute floor keeps off-topic text (thanks, sign-offs) uncoded.
    """
    out = []
    for row in scores:
        best = float(row.max()) if row.size else 0.0
        picked = [
            j
            for j in np.argsort(-row, kind="stable")[:max_labels]
            if row[j] >= threshold and row[j] >= best - margin
        ]
        out.append([int(j) for j in picked])
    return out
