"""`respmine evaluate --cv`: cross-validated machine coding of one coded file, next to a second coder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from respmine.cli import main
from respmine.themes.crossval import cross_validate, cross_validated_coding
from respmine.themes.labelled import LabelledRow, read_labelled, write_labelled
from tests.themes.helpers import WordEmbedder

_ANSWERS = {
    "What worked?": [("the staff were kind and caring", "staff"), ("kind nurses who cared", "staff"),
                     ("hot tasty food every day", "food"), ("the meals were tasty", "food")],
    "What could be better?": [("waited four hours to be seen", "waiting"), ("a long wait", "waiting"),
                              ("cold food at lunch", "food"), ("rude staff on the ward", "staff")],
}


def _coded(copies: int = 4) -> list[LabelledRow]:
    rows = []
    for q, (question, answers) in enumerate(_ANSWERS.items()):
        for k in range(copies):
            rows += [LabelledRow(f"q{q}.{k}-{i}", f"{text} {k}", (theme,), question=question)
                     for i, (text, theme) in enumerate(answers)]
    return rows


def test_crossval_codes_every_answer_with_a_coder_that_never_saw_it() -> None:
    rows = _coded()
    machine = cross_validated_coding(rows, WordEmbedder(), folds=4)
    assert [r.id for r in machine] == [r.id for r in rows]
    assert sum(m.themes == r.themes for m, r in zip(machine, rows, strict=True)) >= 0.8 * len(rows)
    with pytest.raises(ValueError, match="at least one per fold"):
        cross_validated_coding(rows[:3], WordEmbedder(), folds=5)


def test_crossval_reports_the_machine_next_to_a_second_coder_per_question() -> None:
    rows = _coded()
    # The second coder disagrees on the first answer of each copy and leaves the last one uncoded: of
    # each question's 16 answers it codes 12 and differs on 4.
    second = [LabelledRow(r.id, r.text, {"-0": ("food",), "-3": ()}.get(r.id[-2:], r.themes),
                          question=r.question) for r in rows]
    result = cross_validate(rows, WordEmbedder(), name="coded.csv", second=second, folds=4)
    assert result.vs_second is not None and result.vs_second.micro_f1 == pytest.approx(2 / 3)
    assert [q.question for q in result.per_question] == list(_ANSWERS)
    assert [q.answers for q in result.per_question] == [16, 16]
    assert [q.second_f1 for q in result.per_question] == pytest.approx([2 / 3, 2 / 3])
    # like for like: the machine is also scored on the 24 answers the second coder coded
    assert result.vs_machine.n == 32 and result.vs_machine_shared is not None
    assert result.vs_machine_shared.n == 24
    text = result.format()
    assert "machine (cross-validated)" in text and "second coder (24 answers)" in text
    assert "machine on the second coder's 24" in text
    assert "What could be better?" in text


def test_crossval_cli_writes_the_machine_codes_and_refuses_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _coded()
    write_labelled(tmp_path / "coded.csv", rows)
    write_labelled(tmp_path / "second.csv", rows)
    argv = ["evaluate", "--cv", "--test", str(tmp_path / "coded.csv"), "--folds", "4"]
    assert main([*argv, "--second", str(tmp_path / "second.csv"), "--out", str(tmp_path / "m.csv"),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["task"] == "themes-cv" and out["second_coder"]["micro_f1"] == 1.0
    assert out["machine"]["n"] == len(rows) and len(out["per_question"]) == 2
    assert 0.5 < out["machine"]["micro_f1"] <= 1.0
    assert [r.id for r in read_labelled(tmp_path / "m.csv")] == [r.id for r in rows]

    assert main([*argv, "--train", str(tmp_path / "coded.csv")]) == 2
    assert "no --train" in capsys.readouterr().err
    write_labelled(tmp_path / "tiny.csv", rows[:2])
    assert main(["evaluate", "--cv", "--test", str(tmp_path / "tiny.csv")]) == 2
    assert "at least one per fold" in capsys.readouterr().err
