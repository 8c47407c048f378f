"""A form's row of tick boxes whose labels are the question's own scale ("☐ Strongly agree ☐ Agree ☐ Neither
agree nor disagree ☒ Disagree ☐ Strongly disagree", the scale listed in the question's text) is the
respondent's answer, not the question restated: read as a heading, the box ticked was lost (trial 32a's
fillable PDF form: Q1 'unclear')."""

from __future__ import annotations

from respmine.consultation import Question
from respmine.records import Document
from respmine.structure.questions import segment_documents

QUESTIONS = [
    Question(id="Q1", number=1, text="To what extent do you agree or disagree with the case for change? "
             "Strongly agree / Agree / Neither agree nor disagree / Disagree / Strongly disagree"),
    Question(id="Q2", number=2, text="Which option do you prefer?"),
]


def test_a_ticked_row_of_the_questions_scale_is_its_answer() -> None:
    text = ("Question 1: To what extent do you agree or disagree with the case for change?\n\n"
            "☐ Strongly agree ☐ Agree ☐ Neither agree nor disagree ☒ Disagree ☐ Strongly disagree\n\n"
            "Please explain your answer\n\n"
            "Westbury's unit has good results and it should not be changed at all.\n\n"
            "Question 2: Which option do you prefer?\n\n☐ Option 1 ☐ Option 2 ☒ Option 3")
    doc = Document(source="form.pdf", sha256="e" * 64, format="pdf", method="t", text=text)
    segs = segment_documents([doc], QUESTIONS, title="Stroke services")[doc.sha256]
    q1 = [s.text for s in segs if s.question == "Q1"]
    assert any("☒ Disagree" in t for t in q1), [(s.question, s.text) for s in segs]
    q2 = [s.text for s in segs if s.question == "Q2"]
    assert any("☒ Option 3" in t for t in q2), [(s.question, s.text) for s in segs]


def test_a_scale_row_with_no_box_ticked_is_still_the_question_restated() -> None:
    text = ("Question 1: To what extent do you agree or disagree with the case for change?\n\n"
            "☐ Strongly agree ☐ Agree ☐ Neither agree nor disagree ☐ Disagree ☐ Strongly disagree\n\n"
            "We think the case is made.")
    doc = Document(source="form.pdf", sha256="f" * 64, format="pdf", method="t", text=text)
    segs = segment_documents([doc], QUESTIONS, title="Stroke services")[doc.sha256]
    assert [(s.question, s.text) for s in segs] == [("Q1", "We think the case is made.")]
