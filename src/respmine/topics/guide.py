"""Guidance from the codebook: theme vectors seed the clustering, theme words weigh more in keywords, and
each topic is matched to the theme it is closest to (its zero-shot name) or surfaced as an emerging theme.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from respmine.themes.codebook import Codebook, Theme
from respmine.topics.cluster import unit
from respmine.topics.embed import Embedder

MATCH = {"minilm": 0.5, "tfidf-svd": 0.3}  # cosine, topic centre to theme, to call a topic the theme's
SEED = {"minilm": 0.35, "tfidf-svd": 0.15}  # cosine, segment to theme, for a theme to seed a topic


def embedder_kind(embedder: Embedder) -> str:
    return "tfidf-svd" if embedder.name.startswith("tfidf-svd") else "minilm"


@dataclass(frozen=True)
class ThemeVectors:
    ids: list[str]
    labels: list[str]
    vectors: np.ndarray  # unit rows, one per theme

    @property
    def empty(self) -> bool:
        return not self.ids


def theme_texts(theme: Theme) -> list[str]:
    """What a theme is, in words: label and description, its phrases, its examples."""
    out = [theme.describe()]
    if theme.phrases:
        out.append(", ".join(theme.phrases))
    out.extend(theme.examples)
    return out


def theme_vectors(codebook: Codebook | None, embedder: Embedder) -> ThemeVectors:
    """One unit vector per theme: the mean of its description, phrases and examples."""
    if codebook is None or not codebook.themes:
        return ThemeVectors([], [], np.zeros((0, 0), np.float32))
    texts = [theme_texts(t) for t in codebook.themes]
    flat = [text for group in texts for text in group]
    vectors = embedder.embed(flat)
    rows, start = [], 0
    for group in texts:
        rows.append(vectors[start : start + len(group)].mean(axis=0))
        start += len(group)
    return ThemeVectors(codebook.ids, [t.label for t in codebook.themes], unit(np.stack(rows)))


def codebook_words(codebook: Codebook | None) -> set[str]:
    """Seed words for c-TF-IDF: the themes' phrases and the words of their labels."""
    if codebook is None:
        return set()
    words: set[str] = set()
    for theme in codebook.themes:
        words.update(" ".join(p.lower().split()) for p in theme.phrases)
        words.update(w for w in re.findall(r"[a-z][a-z'-]+", theme.label.lower()) if len(w) > 2)
    return words


def supported_seeds(themes: ThemeVectors, x: np.ndarray, weights: np.ndarray, floor: float,
                    min_size: int) -> np.ndarray:
    """Theme vectors that at least `min_size` segments are nearest to (above `floor`), in codebook order."""
    if themes.empty or len(x) == 0:
        return np.zeros((0, x.shape[1] if x.ndim == 2 else 0), np.float32)
    sims = x @ themes.vectors.T
    nearest = np.argmax(sims, axis=1)
    close = sims[np.arange(len(x)), nearest] >= floor
    support = np.bincount(nearest[close], weights=weights[close], minlength=len(themes.ids))
    return themes.vectors[support >= min_size]


@dataclass(frozen=True)
class Match:
    theme: str | None
    label: str | None
    similarity: float


def match_topics(centroids: np.ndarray, themes: ThemeVectors, threshold: float) -> list[Match]:
    """Each topic's closest theme; a topic below `threshold` matches none (an emerging theme)."""
    if themes.empty or len(centroids) == 0:
        return [Match(None, None, 0.0) for _ in range(len(centroids))]
    sims = centroids @ themes.vectors.T
    out = []
    for row in sims:
        best = int(np.argmax(row))
        score = round(float(row[best]), 4)
        hit = score >= threshold
        out.append(Match(themes.ids[best] if hit else None, themes.labels[best] if hit else None, score))
    return out


def suggested_theme(name: str, keywords: Sequence[str], quotes: Sequence[str], taken: Sequence[str]) -> Theme:
    """An emerging topic as a codebook entry an analyst can promote (id made unique among `taken`)."""
    base = re.sub(r"[^\w ]+", " ", name).strip() or "emerging theme"
    base = " ".join(base.split())[:60]
    if not re.match(r"[A-Za-z0-9]", base):
        base = f"emerging {base}"
    theme_id, n = base, 2
    while theme_id in taken:
        theme_id, n = f"{base} {n}", n + 1
    return Theme(id=theme_id, label=name, description="Emerging theme found by topic discovery.",
                 phrases=tuple(keywords[:8]), examples=tuple(quotes[:3]))
