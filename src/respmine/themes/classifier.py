"""A multi-label theme classifier trained from coded examples (analysts' codes or a labelled file).

One logistic regression per theme over `TextFeatures`, class-weighted (most themes are rare), with a
decision threshold per theme tuned on out-of-fold predictions: a fixed 0.5 under-codes rare themes
and over-codes common ones. Themes with too few examples are left to the rules and similarity.

The model that codes is the average of the cross-validation folds' models (their weights and biases),
not a refit on all examples: the thresholds were tuned on exactly these models' out-of-fold scores,
whereas a refit on every example scores higher than the folds did and so over-codes at the same
threshold. Measured in 5-fold cross-validation on NHS feedback: micro-F1 +0.010 (0.724 -> 0.734),
better on every fold, for one fit less.

A text of several sentences scores for a theme by the mean of the whole text's probability and its best
sentence's (SENTENCE_WEIGHT), with the same model: a comment praising the staff at length and saying in one
sentence that the food was cold is about food too, but the food words are a small part of the whole text's
vector (TF-IDF rows and the mean-pooled embedding are normalised over all of it). Out of fold (thresholds
are tuned on these mixed scores) and on held-out comments, NHS feedback: see SENTENCE_WEIGHT.

A text no theme clears takes its relatively strongest theme (`at_least_one`: coders give every answer a
code) only when that pick did not clearly cost out of fold (`_fallback_pays`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from respmine.themes.features import TextFeatures
from respmine.themes.sentences import sentence_spans
from respmine.topics.embed import Embedder

# Positives a theme needs before the classifier learns it; rarer themes are left to similarity with
# their examples, which codes them better (exam-proctoring questions, cross-validated agreement with the
# primary coder 0.40 -> 0.47 against a minimum of 3; NHS feedback unchanged).
MIN_EXAMPLES = 6
FOLDS = 5
C = 10.0
# The at-least-one pick (coders give every answer a code) is kept unless, out of fold, it costs more than
# this much micro-F1 + macro-F1: NHS feedback costs 0.005 out of fold and gains on held-out comments (the
# two are within noise); exam-proctoring folds mostly cost 0.02-0.7.
FALLBACK_MARGIN = 0.01
_GRID = np.round(np.arange(0.05, 0.96, 0.05), 2)
# A text of several sentences: its score for a theme is (1 - this) x the whole text's probability + this x
# its best sentence's. NHS feedback (a quarter of the comments have several sentences), classifier alone,
# 0 -> 0.5: out of fold micro / macro F1 0.739 / 0.544 -> 0.747 / 0.571, held-out 20 % 0.741 / 0.552 ->
# 0.746 / 0.577 (0.3: 0.743 / 0.567 and 0.744 / 0.570; 0.7: 0.747 / 0.575 out of fold but 0.742 / 0.565
# held out; the max of the two, 0.737 / 0.566 out of fold, over-codes). Sentence vectors
# as more features instead (mean- and max-pooled beside the whole text's) scored lower: 0.734 / 0.539.
# The whole coder (bench_themes.py): held-out 0.741 / 0.539 -> 0.744 / 0.546 (the similarity codes of the
# two themes too rare to learn, all wrong here, take part of the gain: a text the mixed scores leave
# uncoded goes to them first), 5-fold CV 0.738 / 0.525 -> 0.745 / 0.540; exam-proctoring CV micro-F1 mean
# 0.630 -> 0.640. Cost: the training texts' sentences are embedded too (3,175 for the benchmark's 4,763
# training comments, 0.65 x the time of embedding the comments; coded texts' sentences are embedded for
# the evidence anyway): bench_themes.py 76.5 -> 77.6 s on idle cores (load varied: take it as +20-30 s).
SENTENCE_WEIGHT = 0.5


@dataclass(frozen=True)
class Prediction:
    theme: str
    confidence: float  # the classifier's probability
    evidence: tuple[int, int]  # the sentence that scores highest for the theme


class ThemeClassifier:
    version = "classifier-3"

    def __init__(self, embedder: Embedder | None = None, seed: int = 0) -> None:
        self.embedder = embedder
        self.seed = seed
        self.features = TextFeatures(embedder)
        self.themes: list[str] = []
        self.weights = np.zeros((0, 0), dtype=np.float32)
        self.bias = np.zeros(0, dtype=np.float32)
        self.thresholds = np.zeros(0, dtype=np.float32)
        self.fallback = True  # whether `at_least_one` picks are worth making (`_fallback_pays`)

    @property
    def fitted(self) -> bool:
        return bool(self.themes)

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[Sequence[str]],
        questions: Sequence[str | None] | None = None,
    ) -> ThemeClassifier:
        questions = list(questions) if questions is not None else [None] * len(texts)
        self.fallback = True
        counts: dict[str, int] = {}
        for row in labels:
            for theme in set(row):
                counts[theme] = counts.get(theme, 0) + 1
        self.themes = sorted(t for t, n in counts.items() if n >= MIN_EXAMPLES)
        if not self.themes:
            return self
        y = np.array([[t in set(row) for t in self.themes] for row in labels], dtype=np.int8)
        x = self.features.fit_transform(texts, questions)
        self.weights, self.bias, self.thresholds = self._fit_folds(x, y, self._sentences(texts, questions))
        return self

    def _fit_folds(
        self, x: Any, y: np.ndarray, sentences: tuple[Any, np.ndarray] | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(weights, bias, thresholds): the folds' models averaged, thresholds tuned on their out-of-fold
        scores (mixed with the best sentence's, `_mixed`, for the texts of several `sentences`). A theme
        whose positives all fell in one fold's held-out part has no model from that fold;
        it averages the folds that saw it (a refit on everything when no fold did). `fit` only gets here
        with at least MIN_EXAMPLES rows, so there are always two folds."""
        from sklearn.model_selection import KFold

        oof = np.zeros(y.shape, dtype=np.float32)
        weights = np.zeros((y.shape[1], x.shape[1]), dtype=np.float64)
        bias = np.zeros(y.shape[1], dtype=np.float64)
        models = np.zeros(y.shape[1], dtype=np.int64)
        folds = KFold(min(FOLDS, len(y)), shuffle=True, random_state=self.seed)
        for train, test in folds.split(y):
            w, b = _fit_linear(x[train], y[train], self.seed)
            oof[test] = _sigmoid(x[test] @ w.T + b)
            if sentences is not None:
                inside = np.isin(sentences[1], test)
                part = (sentences[0][inside], np.searchsorted(test, sentences[1][inside]))
                oof[test] = _mixed(oof[test], part, w, b)
            learned = y[train].min(axis=0) != y[train].max(axis=0)
            weights[learned] += w[learned]
            bias[learned] += b[learned]
            models += learned
        unseen = np.flatnonzero(models == 0)
        if unseen.size:  # no fold saw both classes of these themes (only possible with tiny data)
            w, b = _fit_linear(x, y[:, unseen], self.seed)
            weights[unseen], bias[unseen], models[unseen] = w, b, 1
        thresholds = [_best_threshold(y[:, j], oof[:, j]) for j in range(y.shape[1])]
        self.fallback = _fallback_pays(y, oof, np.array(thresholds, dtype=np.float32))
        return (
            (weights / models[:, None]).astype(np.float32),
            (bias / models).astype(np.float32),
            np.array(thresholds, dtype=np.float32),
        )

    def probabilities(
        self, texts: Sequence[str], questions: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """texts x themes probabilities (columns follow `self.themes`)."""
        if not self.fitted or not texts:
            return np.zeros((len(texts), len(self.themes)), dtype=np.float32)
        questions = list(questions) if questions is not None else [None] * len(texts)
        whole = self._whole(texts, questions)
        return _mixed(whole, self._sentences(texts, questions), self.weights, self.bias)

    def _whole(self, texts: Sequence[str], questions: Sequence[str | None]) -> np.ndarray:
        """Each text's probabilities read as one piece (no sentence mixing)."""
        return _sigmoid(self.features.transform(texts, questions) @ self.weights.T + self.bias)

    def _sentences(
        self, texts: Sequence[str], questions: Sequence[str | None]
    ) -> tuple[Any, np.ndarray] | None:
        """Features of the sentences of the texts of more than one, and the text (row) of each."""
        flat: list[str] = []
        rows: list[int] = []
        for i, text in enumerate(texts):
            spans = [(a, b) for a, b in sentence_spans(text) if text[a:b].strip()]
            if len(spans) > 1:
                flat += [text[a:b] for a, b in spans]
                rows += [i] * len(spans)
        if not flat:
            return None
        return self.features.transform(flat, [questions[i] for i in rows]), np.asarray(rows)

    def decide(self, probabilities: np.ndarray, at_least_one: bool = True) -> list[list[int]]:
        """Columns over each theme's threshold; the relatively strongest one when none clears it (with
        `at_least_one`, and only if that pick pays: `self.fallback`)."""
        if probabilities.size == 0:
            return [[] for _ in range(len(probabilities))]
        ratio = probabilities / np.maximum(self.thresholds, 1e-6)
        out = []
        for row in ratio:
            picked = [int(j) for j in np.flatnonzero(row >= 1.0)]
            if not picked and at_least_one and self.fallback:
                picked = [int(row.argmax())]
            out.append(picked)
        return out

    def predict(
        self,
        texts: Sequence[str],
        questions: Sequence[str | None] | None = None,
        at_least_one: bool = True,
        probs: np.ndarray | None = None,
    ) -> list[list[Prediction]]:
        """Themes per text with evidence; `probs`: these texts' `probabilities`, when already computed."""
        probs = self.probabilities(texts, questions) if probs is None else probs
        chosen = self.decide(probs, at_least_one)
        qs = list(questions) if questions is not None else [None] * len(texts)
        out = []
        for i, cols in enumerate(chosen):
            spans = self.evidence(texts[i], qs[i], cols)
            out.append([Prediction(self.themes[j], float(probs[i, j]), spans[j]) for j in cols])
        return out

    def evidence(self, text: str, question: str | None, columns: Sequence[int]) -> dict[int, tuple[int, int]]:
        """For each theme column, the sentence of `text` the classifier scores highest."""
        spans = sentence_spans(text) or [(0, len(text))]
        if len(spans) == 1 or not columns:
            return {j: spans[0] for j in columns}
        scores = self._whole([text[a:b] for a, b in spans], [question] * len(spans))
        return {j: spans[int(scores[:, j].argmax())] for j in columns}


def _mixed(
    whole: np.ndarray, sentences: tuple[Any, np.ndarray] | None, weights: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    """`whole` (texts x themes) with each text of several sentences (`sentences`: their features and the
    row of each) mixed with its best sentence's probability, by SENTENCE_WEIGHT."""
    if sentences is None or not len(sentences[1]):
        return whole
    features, rows = sentences
    best = np.zeros_like(whole)
    np.maximum.at(best, rows, _sigmoid(features @ weights.T + bias))
    several = np.unique(rows)
    out = whole.copy()
    out[several] = (1 - SENTENCE_WEIGHT) * whole[several] + SENTENCE_WEIGHT * best[several]
    return out


def _fit_linear(x: object, y: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One class-weighted logistic regression per column; returns (themes x features, themes).

    Columns are independent, so they are fitted in parallel processes (one per core, at most 4).
    """
    import os

    from joblib import Parallel, delayed

    jobs = max(1, min(4, os.cpu_count() or 1))
    fitted = Parallel(n_jobs=jobs)(delayed(_fit_one)(x, y[:, j], seed) for j in range(y.shape[1]))
    return np.vstack([w for w, _ in fitted]), np.asarray([b for _, b in fitted], dtype=np.float32)


def _fit_one(x: Any, y: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    if y.min() == y.max():  # a fold without positives (or only positives): a constant decision
        return np.zeros(x.shape[1], dtype=np.float32), (-20.0 if y[0] == 0 else 20.0)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=seed)
    model.fit(x, y)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def _best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The grid threshold with the best out-of-fold F1; among equally good ones the middle one (a theme
    with few examples often scores the same over a wide range, and its lowest end over-codes)."""
    if y.sum() == 0:
        return 0.5
    coded = p[None, :] >= _GRID[:, None]  # thresholds x rows
    f1 = 2 * (coded & (y == 1)).sum(axis=1) / np.maximum(1.0, coded.sum(axis=1) + y.sum())
    best = np.flatnonzero(f1 >= f1.max() - 1e-9)
    return float(_GRID[best[len(best) // 2]])


def _fallback_pays(y: np.ndarray, oof: np.ndarray, thresholds: np.ndarray) -> bool:
    """Whether giving a text that no theme clears its strongest theme does not clearly score worse out of
    fold (micro-F1 plus macro-F1, the two figures analysts are shown, down by at most FALLBACK_MARGIN).
    With thousands of examples (NHS feedback) the pick is right often enough
    (held-out micro / macro 0.737 / 0.526 without it, 0.741 / 0.539 with it);
    with a few dozen answers per question (exam-proctoring) the uncoded answers are mostly about themes
    too rare to learn, and the pick is a wrong code (cross-validated agreement 0.626 -> 0.632 without)."""
    ratio = oof / np.maximum(thresholds, 1e-6)
    coded = ratio >= 1.0
    gaps = np.flatnonzero(~coded.any(axis=1))
    if gaps.size == 0:
        return True
    picked = coded.copy()
    picked[gaps, ratio[gaps].argmax(axis=1)] = True
    return _micro_macro(y, picked) >= _micro_macro(y, coded) - FALLBACK_MARGIN


def _micro_macro(y: np.ndarray, coded: np.ndarray) -> float:
    hits = (coded & (y == 1)).sum(axis=0)
    micro = 2 * hits.sum() / max(1, coded.sum() + y.sum())
    macro = np.mean(2 * hits / np.maximum(1, coded.sum(axis=0) + y.sum(axis=0)))
    return float(micro + macro)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), dtype=np.float32)
