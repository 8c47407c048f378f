"""Agreement between two codings: hand-computed figures, alignment, edge cases, and the real coders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sklearn.metrics import cohen_kappa_score

from respmine.themes.agreement import (
    agreement,
    align_rows,
    coded_pairs,
    read_and_compare,
    theme_key,
    unify_spellings,
)
from respmine.themes.labelled import LabelledRow, read_labelled, write_labelled

QUESTIONS = ["No_Only_N3", "Yes_Only_Q11", "Yes_Only_Q12", "Yes_Only_Q14", "Yes_Only_Q16", "Yes_Only_Q8",
             "Yes_and_No_Q5"]


def _rows(codes: dict[str, str]) -> list[LabelledRow]:
    return [LabelledRow(id=i, text=f"answer {i}", themes=tuple(c for c in t.split(";") if c))
            for i, t in codes.items()]


A = _rows({"r1": "x;y", "r2": "x", "r3": "z", "r4": "y"})
B = _rows({"r1": "x", "r2": "x;z", "r3": "z", "r4": "y"})


def test_agreement_hand_computed() -> None:
    r = agreement(A, B, bootstrap=200)
    x, y, z = (r.per_theme[t] for t in "xyz")
    assert (x.count_a, x.count_b, x.both, x.kappa, x.jaccard, x.f1) == (2, 2, 2, 1, 1, 1)
    assert (y.count_a, y.count_b, y.both, y.jaccard) == (2, 1, 1, 0.5)
    assert y.f1 == pytest.approx(2 / 3)
    assert y.kappa == pytest.approx((3 / 4 - 1 / 2) / (1 - 1 / 2))  # po 3/4, pe 1/2
    assert (z.jaccard, z.kappa) == (0.5, pytest.approx(0.5))
    assert r.mean_kappa == pytest.approx(2 / 3)
    assert r.weighted_kappa == pytest.approx((2 * 1 + 1.5 * 0.5 + 1.5 * 0.5) / 5)
    assert r.mean_jaccard == pytest.approx((1 / 2 + 1 / 2 + 1 + 1) / 4)
    assert r.micro_f1 == pytest.approx(2 * 4 / (5 + 5))
    assert r.macro_f1 == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert r.exact_match == 0.5 and r.n == 4 and r.shared == 4
    assert r.micro_f1_ci is not None and r.micro_f1_ci[0] <= r.micro_f1 <= r.micro_f1_ci[1]


def test_agreement_kappa_matches_sklearn_per_theme() -> None:
    r = agreement(A, B, bootstrap=0)
    for theme in "xyz":
        a = [theme in row.themes for row in A]
        b = [theme in row.themes for row in B]
        assert r.per_theme[theme].kappa == pytest.approx(cohen_kappa_score(a, b))


def test_agreement_is_symmetric_except_reference() -> None:
    ab, ba = agreement(A, B, bootstrap=0), agreement(B, A, bootstrap=0)
    assert (ab.mean_kappa, ab.micro_f1, ab.macro_f1, ab.mean_jaccard) == pytest.approx(
        (ba.mean_kappa, ba.micro_f1, ba.macro_f1, ba.mean_jaccard))


def test_agreement_with_itself_is_exactly_one() -> None:
    r = agreement(A, A)
    assert (r.mean_kappa, r.weighted_kappa, r.micro_f1, r.macro_f1, r.mean_jaccard, r.exact_match) == (
        1, 1, 1, 1, 1, 1)


def test_agreement_counts_missing_and_uncoded_ids() -> None:
    a = _rows({"r1": "x", "r2": "x", "r3": "", "r4": "y", "only-a": "x"})
    b = _rows({"r1": "x", "r2": "", "r3": "y", "r4": "y", "only-b1": "x", "only-b2": "y"})
    r = agreement(a, b, bootstrap=0)
    assert (r.n, r.shared, r.only_a, r.only_b, r.uncoded_a, r.uncoded_b) == (2, 4, 1, 2, 1, 1)
    assert r.mean_kappa == 1  # r1 and r4 agree; r2, r3 are left out
    assert "2 answers coded by both, of 4 paired by id" in r.format()
    assert "ids only in A: 1, only in B: 2" in r.format()


def test_agreement_no_common_ids_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="share no ids"):
        agreement(_rows({"a1": "x"}), _rows({"b1": "x"}))


def test_agreement_no_answer_coded_by_both_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no answer is coded in both"):
        agreement(_rows({"r1": "x", "r2": ""}), _rows({"r1": "", "r2": "y"}))


def test_agreement_empty_b_as_no_theme_for_machine_output() -> None:
    machine = _rows({"r1": "x", "r2": "", "r3": "z", "r4": "y"})
    skipped = agreement(A, machine, bootstrap=0)
    scored = agreement(A, machine, empty_b="no theme", bootstrap=0)
    assert (skipped.n, skipped.uncoded_b) == (3, 1)
    assert (scored.n, scored.uncoded_b) == (4, 0)
    assert scored.mean_jaccard == pytest.approx((1 / 2 + 0 + 1 + 1) / 4)


def test_agreement_matches_spellings_of_one_theme() -> None:
    analyst = _rows({"r1": "parent;parent->child", "r2": "Transport to/ from services"})
    machine = _rows({"r1": "parent;parent/child", "r2": "Transport to from services"})
    r = agreement(analyst, machine, bootstrap=0)
    assert r.exact_match == 1
    assert set(r.per_theme) == {"parent", "parent->child", "Transport to/ from services"}  # A's spelling
    assert theme_key("a->b") == theme_key("a/b") == theme_key(" a / b ")


def test_agreement_depth_compares_parent_themes() -> None:
    a = _rows({"r1": "p;p->c1", "r2": "q->c"})
    b = _rows({"r1": "p;p->c2", "r2": "q"})
    assert agreement(a, b, bootstrap=0).exact_match == 0
    r = agreement(a, b, depth=1, bootstrap=0)
    assert r.exact_match == 1 and set(r.per_theme) == {"p", "q"}
    assert "depth 1" in r.format()
    with pytest.raises(ValueError, match="depth"):
        unify_spellings([("a",)], [("a",)], depth=0)


def test_agreement_repeated_ids_pair_in_file_order() -> None:
    a = [LabelledRow("r1", "first", ("x",)), LabelledRow("r1", "second", ("y",))]
    b = [LabelledRow("r1", "first", ("x",)), LabelledRow("r1", "second", ("y",))]
    aligned = align_rows(a, b)
    assert [(x.text, y.text) for x, y in aligned.pairs] == [("first", "first"), ("second", "second")]
    r = agreement(a, b, bootstrap=0)
    assert (r.repeated_ids, r.exact_match, r.text_mismatches) == (1, 1, 0)
    assert "repeated within a file" in r.format()


def test_agreement_notes_texts_that_differ() -> None:
    b = [LabelledRow(r.id, r.text if r.id != "r2" else "something else", r.themes) for r in A]
    r = agreement(A, b, bootstrap=0)
    assert r.text_mismatches == 1 and "different texts" in r.format()


def test_agreement_coded_pairs_for_scoring() -> None:
    gold = _rows({"r1": "a->b", "r2": "", "r3": "c", "r4": "c"})
    pred = _rows({"r1": "a/b", "r2": "c", "r3": "", "r9": "c"})
    pairs = coded_pairs(gold, pred)
    assert pairs.ids == ("r1", "r3", "r4")
    assert pairs.gold == (("a->b",), ("c",), ("c",))
    assert pairs.pred == (("a->b",), (), ())  # r3 predicted nothing, r4 has no prediction row
    assert (pairs.uncoded, pairs.missing, pairs.unmatched) == (1, 1, 1)


def test_agreement_read_and_compare_files(tmp_path: Path) -> None:
    write_labelled(tmp_path / "analyst.csv", A)
    write_labelled(tmp_path / "machine.csv", B)
    r = read_and_compare(tmp_path / "analyst.csv", tmp_path / "machine.csv")
    assert r.names == ("analyst.csv", "machine.csv")
    assert r.mean_kappa == pytest.approx(agreement(A, B).mean_kappa)
    data = json.loads(json.dumps(r.as_dict()))
    assert {"mean_kappa", "weighted_kappa", "micro_f1", "macro_f1", "mean_jaccard", "per_theme", "n",
            "only_a", "only_b", "uncoded_a", "uncoded_b", "micro_f1_ci"} <= data.keys()
    assert data["per_theme"]["y"] == {"count_a": 2, "count_b": 1, "both": 1, "kappa": pytest.approx(0.5),
                                      "jaccard": 0.5, "f1": pytest.approx(2 / 3)}
    assert "analyst.csv (A) vs machine.csv (B)" in r.format()


@pytest.mark.parametrize("question", QUESTIONS)
def test_agreement_exam_proctoring_coders(datasets: Path, question: str) -> None:
    """Primary vs secondary coder: the human ceiling. Bands measured first (kappa 0.63-0.84)."""
    folder = datasets / "exam-proctoring"
    r = read_and_compare(folder / f"{question}.primary.csv", folder / f"{question}.secondary.csv")
    print(f"\n{r.format()}")
    assert r.n >= 20 and r.only_a == r.only_b == 0 and r.text_mismatches == 0
    assert 0.5 <= r.mean_kappa <= 0.95
    assert 0.6 <= r.micro_f1 <= 0.95
    assert 0.6 <= r.mean_jaccard <= 0.95
    assert r.micro_f1_ci is not None and r.micro_f1_ci[0] <= r.micro_f1 <= r.micro_f1_ci[1]
    parents = agreement(read_labelled(folder / f"{question}.primary.csv"),
                        read_labelled(folder / f"{question}.secondary.csv"), depth=1, bootstrap=0)
    assert all("->" not in theme for theme in parents.per_theme)


@pytest.mark.parametrize("question", QUESTIONS)
def test_agreement_exam_proctoring_file_with_itself(datasets: Path, question: str) -> None:
    rows = read_labelled(datasets / "exam-proctoring" / f"{question}.primary.csv")
    r = agreement(rows, rows, bootstrap=100)
    assert (r.mean_kappa, r.weighted_kappa, r.micro_f1, r.macro_f1, r.mean_jaccard) == (1, 1, 1, 1, 1)
    assert r.n == sum(row.coded for row in rows)
