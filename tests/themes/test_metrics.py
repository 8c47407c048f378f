"""Theme and stance scores: hand-computed cases, scikit-learn parity, bootstrap intervals, edge cases."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import (
    accuracy_score,
    cohen_kappa_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)
from sklearn.preprocessing import MultiLabelBinarizer

from respmine.themes.labelled import read_labelled
from respmine.themes.metrics import multilabel_scores, stance_scores

GOLD = [("a", "b"), ("a",), ("c",), ("b",)]
PRED = [("a",), ("a", "c"), ("c",), ()]


def _noisy(gold: list[tuple[str, ...]], labels: list[str], seed: int) -> list[tuple[str, ...]]:
    """A prediction that keeps ~75% of gold codes and adds a wrong one now and then."""
    rng = np.random.default_rng(seed)
    out = []
    for codes in gold:
        kept = [c for c in codes if rng.random() < 0.75]
        if rng.random() < 0.3:
            kept.append(labels[rng.integers(len(labels))])
        out.append(tuple(dict.fromkeys(kept)))
    return out


def _random_gold(n: int, n_labels: int, seed: int) -> tuple[list[tuple[str, ...]], list[str]]:
    rng = np.random.default_rng(seed)
    labels = [f"theme {i:02d}" for i in range(n_labels)]
    weights = np.linspace(1, 10, n_labels)
    gold = [tuple(rng.choice(labels, size=rng.integers(1, 4), replace=False, p=weights / weights.sum()))
            for _ in range(n)]
    return gold, labels


def test_metrics_hand_computed_multilabel() -> None:
    s = multilabel_scores(GOLD, PRED, bootstrap=200)
    # a: TP 2; b: TP 0, FN 2 (never predicted); c: TP 1, FP 1
    assert s.micro_precision == pytest.approx(3 / 4)
    assert s.micro_recall == pytest.approx(3 / 5)
    assert s.micro_f1 == pytest.approx(2 * 3 / (2 * 3 + 1 + 2))
    assert s.macro_f1 == pytest.approx((1 + 0 + 2 / 3) / 3)
    assert s.samples_f1 == pytest.approx((2 / 3 + 2 / 3 + 1 + 0) / 4)
    assert s.exact_match == pytest.approx(1 / 4)
    a, b, c = (s.per_theme[t] for t in "abc")
    assert (a.precision, a.recall, a.f1, a.support, a.predicted, a.kappa) == (1, 1, 1, 2, 2, 1)
    assert (b.precision, b.recall, b.f1, b.support, b.predicted) == (0, 0, 0, 2, 0)
    assert b.kappa == pytest.approx(0.0)  # po = 0.5 = pe
    assert c.precision == pytest.approx(0.5) and c.recall == 1 and c.f1 == pytest.approx(2 / 3)
    assert c.kappa == pytest.approx((3 / 4 - 1 / 2) / (1 - 1 / 2))
    assert list(s.per_theme) == ["a", "b", "c"]  # by support, then predicted count


def test_metrics_hand_computed_matches_sklearn() -> None:
    mlb = MultiLabelBinarizer(classes=["a", "b", "c"])
    y, p = mlb.fit_transform(GOLD), mlb.transform(PRED)
    s = multilabel_scores(GOLD, PRED, bootstrap=0)
    for average in ("micro", "macro", "samples"):
        assert getattr(s, f"{average}_f1") == pytest.approx(f1_score(y, p, average=average, zero_division=0))
    for i, label in enumerate("abc"):
        assert s.per_theme[label].kappa == pytest.approx(cohen_kappa_score(y[:, i], p[:, i]))


def test_metrics_match_sklearn_on_random_data() -> None:
    gold, labels = _random_gold(400, 12, seed=3)
    pred = _noisy(gold, labels, seed=4)
    s = multilabel_scores(gold, pred, bootstrap=0)
    mlb = MultiLabelBinarizer(classes=sorted({c for r in gold + pred for c in r}))
    y, p = mlb.fit_transform(gold), mlb.transform(pred)
    for average in ("micro", "macro", "samples"):
        assert getattr(s, f"{average}_f1") == pytest.approx(f1_score(y, p, average=average, zero_division=0))
    assert s.exact_match == pytest.approx(accuracy_score(y, p))
    precision, recall, f1, support = precision_recall_fscore_support(y, p, zero_division=0)
    for i, label in enumerate(mlb.classes_):
        t = s.per_theme[label]
        assert (t.precision, t.recall, t.f1) == pytest.approx((precision[i], recall[i], f1[i]))
        assert t.support == support[i] and t.predicted == p[:, i].sum()
        assert t.kappa == pytest.approx(cohen_kappa_score(y[:, i], p[:, i]))


def test_metrics_interval_contains_point_and_narrows_with_n() -> None:
    widths = []
    for n in (60, 3000):
        gold, labels = _random_gold(n, 10, seed=n)
        s = multilabel_scores(gold, _noisy(gold, labels, seed=n + 1), bootstrap=500)
        for name in ("micro_f1", "macro_f1", "samples_f1"):
            lo, hi = getattr(s, f"{name}_ci")
            assert lo <= getattr(s, name) <= hi, name
        widths.append(s.micro_f1_ci[1] - s.micro_f1_ci[0])
    assert widths[1] < widths[0] / 3  # ~sqrt(50) narrower


def test_metrics_deterministic_for_a_seed() -> None:
    gold, labels = _random_gold(200, 8, seed=1)
    pred = _noisy(gold, labels, seed=2)
    first, again = multilabel_scores(gold, pred, seed=7), multilabel_scores(gold, pred, seed=7)
    assert first.as_dict() == again.as_dict()
    assert multilabel_scores(gold, pred, seed=8).micro_f1_ci != first.micro_f1_ci
    assert multilabel_scores(gold, pred, seed=8).micro_f1 == first.micro_f1


def test_metrics_empty_predictions_score_zero() -> None:
    s = multilabel_scores(GOLD, [()] * len(GOLD), bootstrap=100)
    assert (s.micro_f1, s.macro_f1, s.samples_f1, s.micro_precision, s.exact_match) == (0, 0, 0, 0, 0)
    assert s.micro_f1_ci == (0.0, 0.0)
    assert all(t.kappa == 0 and t.predicted == 0 for t in s.per_theme.values())


def test_metrics_label_only_predicted_counts_in_macro() -> None:
    s = multilabel_scores([("a",), ("a",)], [("a",), ("a", "x")], bootstrap=0)
    x = s.per_theme["x"]
    assert (x.support, x.predicted, x.precision, x.f1) == (0, 1, 0, 0)
    assert s.macro_f1 == pytest.approx(0.5)  # scikit-learn: labels = gold ∪ predicted


def test_metrics_identical_codings_score_one() -> None:
    s = multilabel_scores(GOLD, GOLD)
    assert (s.micro_f1, s.macro_f1, s.samples_f1, s.exact_match) == (1, 1, 1, 1)
    assert s.micro_f1_ci == (1.0, 1.0)
    assert all(t.kappa == 1 for t in s.per_theme.values())


def test_metrics_kappa_is_one_when_both_always_give_the_theme() -> None:
    s = multilabel_scores([("a",), ("a", "b")], [("a",), ("a", "b")], bootstrap=0)
    assert s.per_theme["a"].kappa == 1.0  # scikit-learn says NaN: chance agreement is certain


def test_metrics_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="uncoded"):
        multilabel_scores([("a",), ()], [("a",), ("a",)])
    with pytest.raises(ValueError, match="align"):
        multilabel_scores([("a",)], [("a",), ("b",)])
    with pytest.raises(ValueError, match="no rows"):
        multilabel_scores([], [])
    with pytest.raises(TypeError, match="string"):
        multilabel_scores(["ab"], [("a",)])
    with pytest.raises(ValueError, match="bootstrap"):
        multilabel_scores(GOLD, PRED, bootstrap=-1)


def test_metrics_as_dict_is_json_and_format_is_readable() -> None:
    s = multilabel_scores(GOLD, PRED, bootstrap=100)
    data = json.loads(json.dumps(s.as_dict()))
    assert {"micro_f1", "macro_f1", "samples_f1", "micro_f1_ci", "macro_f1_ci", "samples_f1_ci",
            "per_theme", "n"} <= data.keys()
    assert data["n"] == 4 and len(data["micro_f1_ci"]) == 2
    assert set(data["per_theme"]["c"]) >= {"precision", "recall", "f1", "support", "predicted", "kappa"}
    assert multilabel_scores(GOLD, PRED, bootstrap=0).as_dict()["micro_f1_ci"] is None
    text = s.format()
    assert "micro F1" in text and "samples F1" in text and "100 resamples" in text
    table = text.splitlines()[text.splitlines().index("") + 1:]
    assert table[0].split()[:2] == ["theme", "support"]
    assert [line.split()[0] for line in table[1:]] == ["a", "b", "c"]


def test_metrics_stance_hand_computed() -> None:
    gold = ["support", "support", "oppose", "oppose", "unknown"]
    pred = ["support", "oppose", "oppose", "oppose", "support"]
    s = stance_scores(gold, pred, bootstrap=200)
    assert s.accuracy == pytest.approx(3 / 5)
    assert s.macro_f1 == pytest.approx((0.8 + 0.5 + 0) / 3)
    assert s.kappa == pytest.approx((0.6 - 0.4) / (1 - 0.4))
    assert s.labels == ("oppose", "support", "unknown")
    assert s.confusion == ((2, 0, 0), (1, 1, 0), (0, 1, 0))
    assert s.per_class["oppose"].precision == pytest.approx(2 / 3) and s.per_class["oppose"].recall == 1
    assert s.per_class["unknown"] == type(s.per_class["unknown"])(0, 0, 0, 1, 0)
    assert s.accuracy_ci[0] <= s.accuracy <= s.accuracy_ci[1]


def test_metrics_stance_matches_sklearn() -> None:
    rng = np.random.default_rng(5)
    gold = list(rng.choice(["support", "oppose", "unknown"], size=300, p=[0.5, 0.3, 0.2]))
    pred = [g if rng.random() < 0.7 else str(rng.choice(["support", "oppose", "other"])) for g in gold]
    s = stance_scores(gold, pred)
    assert s.accuracy == pytest.approx(accuracy_score(gold, pred))
    assert s.macro_f1 == pytest.approx(f1_score(gold, pred, average="macro", zero_division=0))
    assert s.kappa == pytest.approx(cohen_kappa_score(gold, pred))
    assert np.array_equal(s.confusion, confusion_matrix(gold, pred, labels=list(s.labels)))
    for name in ("accuracy", "macro_f1"):
        lo, hi = getattr(s, f"{name}_ci")
        assert lo <= getattr(s, name) <= hi


def test_metrics_stance_report_and_errors() -> None:
    s = stance_scores(["a", "b", "b"], ["a", "b", "a"], bootstrap=50)
    data = json.loads(json.dumps(s.as_dict()))
    assert {"accuracy", "macro_f1", "accuracy_ci", "macro_f1_ci", "confusion", "kappa"} <= data.keys()
    text = s.format()
    assert "accuracy" in text and "confusion (rows: gold, columns: predicted)" in text
    with pytest.raises(ValueError, match="gold stance is empty"):
        stance_scores(["a", ""], ["a", "a"])


def test_metrics_bootstrap_speed_on_nhs_fft(datasets: Path) -> None:
    """Quick check, printed not asserted: 1,000 resamples on the whole NHS set (~6,000 rows, 44 themes)."""
    rows = read_labelled(datasets / "nhs-fft" / "train.csv")
    gold = [r.themes for r in rows if r.coded]
    labels = sorted({c for codes in gold for c in codes})
    pred = _noisy(gold, labels, seed=0)
    start = time.perf_counter()
    s = multilabel_scores(gold, pred, bootstrap=1000)
    elapsed = time.perf_counter() - start
    print(f"\nbootstrap: {s.n:,} rows x {len(s.per_theme)} themes, 1,000 resamples in {elapsed:.2f} s")
    assert s.n == len(gold) > 5000
    assert s.micro_f1_ci[0] <= s.micro_f1 <= s.micro_f1_ci[1]
    assert s.micro_f1_ci[1] - s.micro_f1_ci[0] < 0.05
