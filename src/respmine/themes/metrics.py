"""Scores for theme coding (multi-label) and stance (single-label), with bootstrap confidence intervals.

A figure from a few hundred coded answers is noisy, so every headline score carries a 95% percentile
bootstrap interval: rows are resampled with a fixed-seed generator and the statistic is recomputed on
each resample. The resampling is one matrix product of resample counts by per-row counts, so 1,000
resamples of thousands of rows take a fraction of a second.

Definitions follow scikit-learn (`zero_division=0`, labels = gold ∪ predicted); Cohen's kappa is
reported as 1.0, not NaN, in the degenerate case where both sides give the same constant answer.

Scoring assumes every gold row was coded: an empty gold row means "not coded" in our labelled files,
not "no theme", so `multilabel_scores` refuses it. `respmine.themes.agreement.coded_pairs` builds the
inputs from labelled rows, dropping uncoded gold rows and unifying code spellings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

Interval = tuple[float, float]
_CHUNK = 250  # resamples per matrix product: bounds memory at 250 x n floats


@dataclass(frozen=True)
class ThemeStat:
    precision: float
    recall: float
    f1: float
    support: int  # rows where gold has the theme
    predicted: int  # rows where the prediction has it
    agreed: int  # rows where both have it
    kappa: float  # Cohen's kappa on presence/absence of the theme


@dataclass(frozen=True)
class ThemeScores:
    n: int
    micro_f1: float
    micro_precision: float
    micro_recall: float
    macro_f1: float
    samples_f1: float
    exact_match: float  # share of rows whose predicted set equals the gold set
    micro_f1_ci: Interval | None
    macro_f1_ci: Interval | None
    samples_f1_ci: Interval | None
    per_theme: Mapping[str, ThemeStat]  # most supported first
    bootstrap: int
    seed: int

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n, "micro_f1": self.micro_f1, "micro_precision": self.micro_precision,
            "micro_recall": self.micro_recall, "macro_f1": self.macro_f1, "samples_f1": self.samples_f1,
            "exact_match": self.exact_match, "micro_f1_ci": _ci_list(self.micro_f1_ci),
            "macro_f1_ci": _ci_list(self.macro_f1_ci), "samples_f1_ci": _ci_list(self.samples_f1_ci),
            "per_theme": {t: vars(s).copy() for t, s in self.per_theme.items()},
            "bootstrap": self.bootstrap, "seed": self.seed,
        }

    def format(self) -> str:
        """Headline figures with intervals, then one line per theme, most supported first."""
        lines = [
            f"Theme scores: {self.n:,} rows, {len(self.per_theme)} themes"
            + _ci_note(self.bootstrap, self.seed),
            _headline("micro F1", self.micro_f1, self.micro_f1_ci,
                      f"precision {self.micro_precision:.3f}, recall {self.micro_recall:.3f}"),
            _headline("macro F1", self.macro_f1, self.macro_f1_ci),
            _headline("samples F1", self.samples_f1, self.samples_f1_ci),
            _headline("exact match", self.exact_match, None),
            "",
        ]
        rows = [(t, s.support, s.predicted, s.precision, s.recall, s.f1, s.kappa)
                for t, s in self.per_theme.items()]
        lines += _table(["theme", "support", "predicted", "precision", "recall", "F1", "kappa"], rows)
        return "\n".join(lines)


@dataclass(frozen=True)
class ClassStat:
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


@dataclass(frozen=True)
class StanceScores:
    n: int
    accuracy: float
    accuracy_ci: Interval | None
    macro_f1: float
    macro_f1_ci: Interval | None
    kappa: float
    labels: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]  # rows: gold label, columns: predicted label (order of labels)
    per_class: Mapping[str, ClassStat]
    bootstrap: int
    seed: int

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n, "accuracy": self.accuracy, "accuracy_ci": _ci_list(self.accuracy_ci),
            "macro_f1": self.macro_f1, "macro_f1_ci": _ci_list(self.macro_f1_ci), "kappa": self.kappa,
            "labels": list(self.labels), "confusion": [list(r) for r in self.confusion],
            "per_class": {c: vars(s).copy() for c, s in self.per_class.items()},
            "bootstrap": self.bootstrap, "seed": self.seed,
        }

    def format(self) -> str:
        """Headline figures, per-class table, then the confusion matrix (gold down, predicted across)."""
        lines = [
            f"Stance scores: {self.n:,} rows, {len(self.labels)} classes"
            + _ci_note(self.bootstrap, self.seed),
            _headline("accuracy", self.accuracy, self.accuracy_ci),
            _headline("macro F1", self.macro_f1, self.macro_f1_ci),
            _headline("kappa", self.kappa, None),
            "",
        ]
        rows = [(c, s.support, s.predicted, s.precision, s.recall, s.f1) for c, s in self.per_class.items()]
        lines += _table(["class", "support", "predicted", "precision", "recall", "F1"], rows)
        lines += ["", "confusion (rows: gold, columns: predicted)"]
        matrix = [(g, *r) for g, r in zip(self.labels, self.confusion, strict=True)]
        lines += _table(["gold", *self.labels], matrix)
        return "\n".join(lines)


def multilabel_scores(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], *, bootstrap: int = 1000, seed: int = 0
) -> ThemeScores:
    """Micro-, macro- and sample-averaged F1 with bootstrap CIs, and per-theme figures.

    Every gold row must hold at least one code (see `agreement.coded_pairs`); prediction rows may be empty.
    """
    _check_inputs(gold, pred, bootstrap)
    labels = sorted({c for row in gold for c in row} | {c for row in pred for c in row})
    y, p = _binarise(gold, labels), _binarise(pred, labels)
    if not y.any(axis=1).all():
        raise ValueError("a gold row has no codes: drop uncoded rows first (agreement.coded_pairs does)")
    agreed = y & p
    row_f1 = 2 * agreed.sum(1) / (y.sum(1) + p.sum(1))  # gold non-empty: never 0/0
    columns = np.hstack([agreed, y, p, row_f1[:, None]]).astype(np.float64)
    n, n_labels = len(gold), len(labels)

    def stats(totals: np.ndarray) -> np.ndarray:
        tp, g, pr = (totals[:, i * n_labels:(i + 1) * n_labels] for i in range(3))
        micro = 2 * tp.sum(1) / (g.sum(1) + pr.sum(1))
        return np.column_stack([micro, _macro_f1(tp, g, pr), totals[:, -1] / n])

    point, cis = _estimate(columns, stats, bootstrap, seed)
    tp, g, pr = agreed.sum(0), y.sum(0), p.sum(0)
    kappa = _binary_kappa(tp, pr - tp, g - tp, n)
    per_theme = {
        labels[i]: ThemeStat(
            precision=_div(tp[i], pr[i]), recall=_div(tp[i], g[i]), f1=_div(2 * tp[i], g[i] + pr[i]),
            support=int(g[i]), predicted=int(pr[i]), agreed=int(tp[i]), kappa=float(kappa[i]),
        )
        for i in sorted(range(n_labels), key=lambda i: (-g[i], -pr[i], labels[i]))
    }
    return ThemeScores(
        n=n, micro_f1=point[0], micro_precision=_div(tp.sum(), pr.sum()),
        micro_recall=_div(tp.sum(), g.sum()), macro_f1=point[1], samples_f1=point[2],
        exact_match=float((y == p).all(1).mean()),
        micro_f1_ci=cis[0], macro_f1_ci=cis[1], samples_f1_ci=cis[2], per_theme=per_theme,
        bootstrap=bootstrap, seed=seed,
    )


def stance_scores(
    gold: Sequence[str], pred: Sequence[str], *, bootstrap: int = 1000, seed: int = 0
) -> StanceScores:
    """Accuracy and macro-F1 with bootstrap CIs, per-class figures, confusion matrix and Cohen's kappa.

    Every gold label must be non-empty (drop uncoded rows first); predicted labels are taken as given,
    so a label only the prediction uses counts as a class (it lowers macro-F1, as in scikit-learn).
    """
    _check_inputs(gold, pred, bootstrap)
    if not all(isinstance(g, str) and g for g in gold):
        raise ValueError("a gold stance is empty: drop rows without a gold stance first")
    labels = sorted(set(gold) | set(pred))
    index = {label: i for i, label in enumerate(labels)}
    n, k = len(gold), len(labels)
    gi, pi = np.array([index[g] for g in gold]), np.array([index[p] for p in pred])
    y, p = np.eye(k, dtype=bool)[gi], np.eye(k, dtype=bool)[pi]
    columns = np.hstack([y & p, y, p]).astype(np.float64)

    def stats(totals: np.ndarray) -> np.ndarray:
        tp, g, pr = totals[:, :k], totals[:, k:2 * k], totals[:, 2 * k:]
        return np.column_stack([tp.sum(1) / n, _macro_f1(tp, g, pr)])

    point, cis = _estimate(columns, stats, bootstrap, seed)
    confusion = np.bincount(gi * k + pi, minlength=k * k).reshape(k, k)
    tp, support, predicted = np.diag(confusion), confusion.sum(1), confusion.sum(0)
    kappa = _kappa(np.array(point[0]), np.array((support * predicted).sum() / n**2))
    per_class = {
        labels[i]: ClassStat(
            precision=_div(tp[i], predicted[i]), recall=_div(tp[i], support[i]),
            f1=_div(2 * tp[i], support[i] + predicted[i]), support=int(support[i]),
            predicted=int(predicted[i]),
        )
        for i in range(k)
    }
    return StanceScores(
        n=n, accuracy=point[0], accuracy_ci=cis[0], macro_f1=point[1], macro_f1_ci=cis[1],
        kappa=float(kappa), labels=tuple(labels),
        confusion=tuple(tuple(int(c) for c in row) for row in confusion), per_class=per_class,
        bootstrap=bootstrap, seed=seed,
    )


# --- computation -----------------------------------------------------------------------------------


def _check_inputs(gold: Sequence[object], pred: Sequence[object], bootstrap: int) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} rows but pred has {len(pred)}: align them first")
    if not gold:
        raise ValueError("nothing to score: no rows")
    if bootstrap < 0:
        raise ValueError("bootstrap must be 0 (no intervals) or a number of resamples")


def _binarise(rows: Sequence[Sequence[str]], labels: Sequence[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    out = np.zeros((len(rows), len(labels)), dtype=bool)
    for r, codes in enumerate(rows):
        if isinstance(codes, str):
            raise TypeError(f"row {r}: expected a sequence of codes, got the string {codes!r}")
        out[r, [index[c] for c in codes]] = True
    return out


def _macro_f1(tp: np.ndarray, g: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Mean F1 over the labels present (in gold or prediction) in each resample."""
    denom = g + p
    present = denom > 0
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(denom), where=present)
    return f1.sum(1) / np.maximum(present.sum(1), 1)


def _estimate(
    columns: np.ndarray, stats: Callable[[np.ndarray], np.ndarray], bootstrap: int, seed: int
) -> tuple[list[float], list[Interval | None]]:
    """Point estimates and 95% percentile intervals of `stats` (column totals -> statistics).

    Every statistic is a function of per-row column totals, so a resample is a weighted total:
    resample counts (resamples x rows) times the per-row columns.
    """
    point = [float(x) for x in stats(columns.sum(0, keepdims=True))[0]]
    if bootstrap == 0:
        return point, [None] * len(point)
    samples = np.vstack([stats(w @ columns) for w in _resample_counts(len(columns), bootstrap, seed)])
    lo, hi = np.percentile(samples, [2.5, 97.5], axis=0)
    return point, [(float(a), float(b)) for a, b in zip(lo, hi, strict=True)]


def _resample_counts(n: int, bootstrap: int, seed: int) -> Iterator[np.ndarray]:
    """How often each row is drawn in each resample, in chunks of at most `_CHUNK` resamples."""
    rng = np.random.default_rng(seed)
    for start in range(0, bootstrap, _CHUNK):
        size = min(_CHUNK, bootstrap - start)
        draws = rng.integers(0, n, size=(size, n)) + (np.arange(size) * n)[:, None]
        yield np.bincount(draws.ravel(), minlength=size * n).reshape(size, n).astype(np.float64)


def _binary_kappa(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, n: int) -> np.ndarray:
    """Cohen's kappa per label from its 2x2 table."""
    tp, fp, fn = (np.asarray(x, dtype=np.float64) for x in (tp, fp, fn))
    tn = n - tp - fp - fn
    expected = ((tp + fp) * (tp + fn) + (tn + fn) * (tn + fp)) / n**2
    return _kappa((tp + tn) / n, expected)


def _kappa(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """(po - pe) / (1 - pe); 1.0 when chance agreement is certain (both sides constant and equal)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = (observed - expected) / (1 - expected)
    return np.where(expected >= 1, 1.0, kappa)


def _div(a: float | np.number, b: float | np.number) -> float:
    return float(a) / float(b) if b else 0.0


# --- formatting ------------------------------------------------------------------------------------


def _ci_list(ci: Interval | None) -> list[float] | None:
    return None if ci is None else [ci[0], ci[1]]


def _ci_note(bootstrap: int, seed: int) -> str:
    return f" (95% bootstrap intervals: {bootstrap:,} resamples, seed {seed})" if bootstrap else ""


def _headline(name: str, value: float, ci: Interval | None, extra: str = "") -> str:
    interval = f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else ""
    return f"  {name:<13}{value:.3f}  {interval:<16}  {extra}".rstrip()


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], width: int = 48) -> list[str]:
    """Plain-text table: first column left-aligned (long names cut), numbers right-aligned."""

    def cell(value: object) -> str:
        if isinstance(value, float):
            return f"{value:.3f}"
        return str(value)

    body = [[_cut(str(r[0]), width), *(cell(v) for v in r[1:])] for r in rows]
    widths = [max([len(h), *(len(r[i]) for r in body)]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        rest = (f"{v:>{w}}" for v, w in zip(cells[1:], widths[1:], strict=True))
        return f"  {cells[0]:<{widths[0]}}  " + "  ".join(rest)

    lines = [line(header), *(line(r) for r in body)]
    return [line.rstrip() for line in lines]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
