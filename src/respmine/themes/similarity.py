"""Zero-shot theme scores: how close each sentence is to each theme, with the sentence-embedding model.

Works with no coded examples at all, which is the situation on the first day of a consultation. A theme
is represented by several prototypes (its label and description, each example answer, its phrases
together); a span (a sentence, or a clause of a short answer) scores for a theme by its best match
with any of the theme's prototypes, and the span is the evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from respmine.themes.codebook import Codebook
from respmine.themes.sentences import clause_spans
from respmine.topics.embed import Embedder


@dataclass(frozen=True)
class SimilarityScores:
    """Per segment, its spans (sentences and short answers' clauses) and their similarity to each theme:
    `matrices[i][k, j]` is span `spans[i][k]` of segment i against theme j."""

    themes: list[str]
    spans: list[list[tuple[int, int]]]
    matrices: list[np.ndarray]


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

    def score(self, texts: Sequence[str], read: Sequence[str] | None = None) -> SimilarityScores:
        """Every span of every text against every theme (a theme's score is its best prototype). `read`:
        the texts as the model should read them, same offsets (organisations' names blanked): the spans
        are the sentences as written ("Southvale Constabulary strongly supports ..." is one sentence, its
        evidence whole; read blanked, it began at "strongly", and a blanked name opening a sentence
        joined it to the one before), their words as `read` has them. A span that `read` leaves blank
        (a name alone) scores -1 for every theme."""
        read = texts if read is None else read
        spans = [clause_spans(t) or [(0, len(t))] if t.strip() else [] for t in texts]
        flat = [r[a:b].strip() for r, ss in zip(read, spans, strict=True) for a, b in ss]
        n_themes = len(self.codebook.themes)
        per_theme = np.full((len(flat), n_themes), -1.0, dtype=np.float32)
        wordy = [k for k, f in enumerate(flat) if any(c.isalnum() for c in f)]
        if wordy:
            sims = self.embedder.embed([flat[k] for k in wordy]) @ self._protos.T  # spans x prototypes
            for j in range(n_themes):
                per_theme[wordy, j] = sims[:, self._owners == j].max(axis=1)
        bounds = np.cumsum([0] + [len(ss) for ss in spans])
        matrices = [per_theme[bounds[i] : bounds[i + 1]] for i in range(len(texts))]
        return SimilarityScores(self.codebook.ids, spans, matrices)
