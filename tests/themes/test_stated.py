"""Views a question states: agreeing with "Do you agree that probation should be commissioned locally?"
takes the codebook's local commissioning, read from the default codebook's own phrases."""

from __future__ import annotations

import pytest

from respmine.themes.codebook import load_codebook
from respmine.themes.stated import answered_side, stated_positions
from tests.conftest import ROOT

LOCAL = "Do you agree that probation services should be commissioned locally rather than regionally?"


def test_stated_positions_names_the_one_view_an_agreement_question_states() -> None:
    questions = {
        "q1": LOCAL,
        "q2": "Should services be commissioned locally or commissioned regionally?",  # no agreement asked
        "q3": "Do you agree that commissioning at regional level is the right approach?",
        "q4": "Do you agree that services should be commissioned regionally or locally, as suits each?",
        "q5": "Do you agree that regional commissioning would be a mistake?",  # argued against: no view
        "q6": "Do you agree that contracts should be smaller?",  # no view on local or regional
        "q7": "What would make resettlement more effective?",
        "q8": "Do you agree with the proposal to end local commissioning and move to a national framework?",
        "q9": "Do you agree that local commissioning has failed to deliver value for money?",
        "q10": "Local commissioning was introduced in 2014. Do you agree with the proposals in chapter 3?",
    }  # (q8-q10 propose undoing the view, or name it only in a preamble)
    stated = stated_positions(load_codebook(ROOT / "models/codebooks/noms-third-sector.yaml"), questions)
    assert stated == {"q1": ("commissioning.local", "commissioning"),
                      "q3": ("commissioning.regional", "commissioning")}


@pytest.mark.parametrize(("answer", "span"), [
    ("Yes.", "Yes."),
    ("We agree, with one exception: drug treatment should be commissioned jointly.", "We agree, with one "
     "exception: drug treatment should be commissioned jointly."),
    ("Calderbridge City Council agrees. Councils already run housing.", "Calderbridge City Council agrees."),
    ("Probation should be commissioned locally. Local partners know the area.",
     "Probation should be commissioned locally."),
    ("Strongly agree", "Strongly agree"),
])
def test_answered_side_is_the_opening_sentence_that_agrees(answer: str, span: str) -> None:
    found = answered_side(answer, LOCAL, "support")
    assert found is not None and found[0] == "support" and answer[slice(*found[1])] == span


@pytest.mark.parametrize(("answer", "span"), [
    ("No. Commissioning at regional level has allowed us to invest.", "No. Commissioning at regional level "
     "has allowed us to invest."),  # ("No." kept with what follows: one sentence)
    ("We do not agree that services should be commissioned locally. Local commissioning sounds attractive.",
     "We do not agree that services should be commissioned locally."),
])
def test_answered_side_is_the_opening_sentence_that_disagrees(answer: str, span: str) -> None:
    found = answered_side(answer, LOCAL, "oppose")
    assert found is not None and found[0] == "oppose" and answer[slice(*found[1])] == span


@pytest.mark.parametrize(("answer", "stance"), [
    ("Yes, in principle.", "mixed"),  # partly: no view taken
    ("No. Regional contracts keep standards consistent.", "support"),  # (opens by disagreeing)
    ("Yes.", "oppose"),  # the answer as a whole does not support (a later "So no.")
    ("Prisons draw from a whole region. We welcome local partners being involved in planning.", "support"),
    ("Local. Always local.", "support"),  # a one-word choice, not an agreement
    ("We agree that this is an important question, but regional commissioning works better.", "support"),
])
def test_answered_side_is_none_where_the_answer_does_not_open_so(answer: str, stance: str) -> None:
    assert answered_side(answer, LOCAL, stance) is None


def test_answered_side_needs_an_agreement_question() -> None:
    assert answered_side("Yes.", "What would make resettlement more effective?", "support") is None
