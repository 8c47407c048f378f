"""The consultation file: what a first-time user gets wrong in it is refused with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.consultation import ConsultationError, load_consultation


def test_consultation_an_option_label_split_by_its_comma_says_to_quote_it(tmp_path: Path) -> None:
    """(A new user's trial.) `{C: regional partnerships between probation, local councils and ...}`: YAML
    reads the comma as the end of the label and the rest as a key with no label, and the error was "Input
    should be a valid string"."""
    path = tmp_path / "consultation.yaml"
    path.write_text("title: T\nquestions:\n  - id: Q2\n    text: Which option?\n    options: {A: one national"
                    " fund, C: regional partnerships between probation, local councils and charities}\n",
                    encoding="utf-8")
    with pytest.raises(ConsultationError, match="option 'local councils and charities' has no label: in a "
                       r"\{\.\.\.\} mapping a label with a comma needs quotes"):
        load_consultation(path)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "C: regional partnerships between probation, local councils and charities",
        'C: "regional partnerships between probation, local councils and charities"'), encoding="utf-8")
    options = load_consultation(path).questions[0].options
    assert options == {"A": "one national fund",
                       "C": "regional partnerships between probation, local councils and charities"}


def test_consultation_marks_at_most_one_question_on_the_proposal_itself(tmp_path: Path) -> None:
    """(Session 29.) `proposal: true` names the question whose answer gives a respondent's side on the
    proposals (`stance.proposal_question`); two marked is refused with the fix."""
    path = tmp_path / "consultation.yaml"
    path.write_text("title: T\nquestions:\n  - id: Q1\n    text: Do you agree with our analysis?\n"
                    "  - id: Q2\n    text: Do you agree with the ban?\n    proposal: true\n",
                    encoding="utf-8")
    assert [q.proposal for q in load_consultation(path).questions] == [False, True]
    marked = path.read_text(encoding="utf-8").replace("analysis?\n", "analysis?\n    proposal: true\n")
    path.write_text(marked, encoding="utf-8")
    with pytest.raises(ConsultationError, match="Q1, Q2 are all marked `proposal: true`: mark only the one"):
        load_consultation(path)


def test_consultation_offered_options_its_file_gives_else_its_words() -> None:
    """One reading of each question's options (the theme stage's, stored for the review app, and the
    report's): the file's `options:`, else the options the question's words letter, else none."""
    from respmine.consultation import Consultation, Question

    consultation = Consultation(title="T", questions=[
        Question(id="Q1", text="Which option do you prefer?", options={"a": "Keep it", "b": "Close it"}),
        Question(id="Q2", text="Which do you prefer: option A (a mobile library) or B (a link point)?"),
        Question(id="Q3", text="Do you agree with the proposal?")])
    assert consultation.offered() == {"Q1": {"A": "Keep it", "B": "Close it"},
                                      "Q2": {"A": "a mobile library", "B": "a link point"}, "Q3": {}}


def test_consultation_sub_question_numbers() -> None:
    """(A new user's trial.) `number: 4a` was refused (an int), so 4a and 4b went unnumbered; "4a", "4(a)",
    "4 A" and "4.1" are kept as sub-question numbers ("4a", "4a", "4a", "4.1"), whole numbers stay ints,
    and an unnumbered sub-question id ("Q4a") gives its number."""
    from respmine.consultation import Question

    assert Question(id="Q4", number=4, text="x").number == 4
    assert Question(id="Q4", number="4", text="x").number == 4
    assert [Question(id="x", number=n, text="x").number for n in ("4a", "4(a)", "4 A", "4.1")] == [
        "4a", "4a", "4a", "4.1"]
    assert Question(id="Q4a", text="x").number == "4a"
    assert Question(id="Q4", text="x").number is None  # (an unnumbered whole question stays unnumbered)
    with pytest.raises(ValueError):
        Question(id="x", number="four", text="x")
