"""`respmine evaluate` and the coder on real coded data: NHS feedback (themes), regulation comments
(stance) and exam-proctoring answers (agreement with two human coders)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from respmine.cli import main
from respmine.themes.agreement import agreement
from respmine.themes.crossval import cross_validate
from respmine.themes.evaluate import evaluate_stance, evaluate_themes
from respmine.themes.labelled import LabelledRow, read_labelled, write_labelled
from respmine.topics.embed import default_embedder


def _split(rows: list[LabelledRow], share: float = 0.2) -> tuple[list[LabelledRow], list[LabelledRow]]:
    """A fixed held-out share, chosen by a hash of the id (no shuffling state to carry around)."""

    def held(r: LabelledRow) -> bool:
        return int(hashlib.sha256(r.id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share

    return [r for r in rows if not held(r)], [r for r in rows if held(r)]


@pytest.mark.slow
def test_evaluate_nhs_themes_beat_the_tfidf_baseline(datasets: Path) -> None:
    """Measured on this split (2026-12-04): micro-F1 0.741, macro 0.539 (TF-IDF + LR 0.675 / 0.338 on the
    same split, see benchmarks/bench_themes.py). The issue's bar (0.78 / 0.60) is not met."""
    train, test = _split(read_labelled(datasets / "nhs-fft" / "train.csv"))
    result = evaluate_themes(train, test, default_embedder())
    figures = result.as_dict()
    print(result.format().splitlines()[0], figures["micro_f1"], figures["macro_f1"])
    assert figures["micro_f1"] >= 0.70 and figures["macro_f1"] >= 0.45
    assert figures["micro_f1_ci"][0] <= figures["micro_f1"] <= figures["micro_f1_ci"][1]


@pytest.mark.slow
def test_evaluate_stance_on_regulation_comments(datasets: Path) -> None:
    train, test = _split(read_labelled(datasets / "regulations-comments" / "dev.csv"), 0.3)
    result = evaluate_stance(train, test, default_embedder())
    assert result.as_dict()["accuracy"] >= 0.92


def test_evaluate_cli_prints_json_and_refuses_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        LabelledRow(f"r{i}", text, (theme,))
        for i, (text, theme) in enumerate(
            [("the staff were kind and caring", "staff"), ("waited four hours to be seen", "waiting")] * 12
        )
    ]
    write_labelled(tmp_path / "train.csv", rows)
    write_labelled(tmp_path / "test.csv", rows[:6])
    assert (
        main(
            [
                "evaluate",
                "--train",
                str(tmp_path / "train.csv"),
                "--test",
                str(tmp_path / "test.csv"),
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert {"micro_f1", "macro_f1", "samples_f1"} <= out.keys() and out["micro_f1"] == 1.0
    (tmp_path / "bad.csv").write_text("id,words\n1,hello\n", encoding="utf-8")
    assert main(["evaluate", "--train", str(tmp_path / "bad.csv"), "--test", str(tmp_path / "test.csv")]) == 2
    assert "missing column" in capsys.readouterr().err


@pytest.mark.slow
def test_evaluate_exam_proctoring_machine_reaches_most_of_the_human_agreement(datasets: Path) -> None:
    """Cross-validated machine coding against the primary coder, next to the second human coder, on the
    same answers (the second coder coded only 20 of N3's 99 answers and 24 of Q5's 125).

    Measured 2026-12-05 (whole codebook known, examples from the training folds; codes with fewer than 6
    examples found by their label's words, else left to similarity), micro-F1 on the answers both
    humans coded, human / machine: N3 0.84 / 0.64, Q11 0.77 / 0.71, Q12 0.76 / 0.65, Q14 0.81 / 0.45,
    Q16 0.88 / 0.63, Q8 0.83 / 0.78, Q5 0.81 / 0.48; mean 0.82 / 0.62 (on all coded answers the
    machine's mean is 0.63). Before codes were found by their labels' words the machine's mean was 0.48
    (0.50 on all answers): analysts name codes with respondents' words ("unaware", "covid->absence",
    "only_option_available->on_blackboard"). Still short of the humans where codes are judgements
    ("next_best_option", "prefers_in_person"). Checked: on all answers it beats coding every answer with
    the most common code, on every question; on the shared answers it reaches at least 70 % of the
    humans' agreement on average.
    """
    folder = datasets / "exam-proctoring"
    ours, humans = [], []
    for path in sorted(folder.glob("*.primary.csv")):
        primary = read_labelled(path)
        second = read_labelled(str(path).replace("primary", "secondary"))
        result = cross_validate(primary, default_embedder(), name=path.name, second=second)
        assert result.vs_second is not None and result.vs_machine_shared is not None
        common = max(
            {c for r in primary for c in r.themes}, key=lambda c: sum(c in r.themes for r in primary)
        )
        naive = [LabelledRow(r.id, r.text, (common,)) for r in primary if r.coded]
        base = agreement(primary, naive, empty_b="no theme").micro_f1
        assert result.vs_machine.micro_f1 > base, path.name
        ours.append(result.vs_machine_shared.micro_f1)
        humans.append(result.vs_second.micro_f1)
        print(f"{path.name}: human {humans[-1]:.2f}, machine {ours[-1]:.2f} on the same "
              f"{result.vs_second.n} answers; machine on all {result.vs_machine.micro_f1:.2f}, "
              f"most-common-code {base:.2f}")
    assert sum(ours) >= 0.7 * sum(humans)
