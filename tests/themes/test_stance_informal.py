"""Informal and plainly worded answers (session 31, trial 31a): contractions written without their
apostrophe ("i dont agree") negate as "don't" does; a yes/no question whose predicate is an adjective ("Is the
fee reasonable?") is answered by asserting or denying it ("not reasonable", "too high", "no way is that
reasonable"); a petition calling on the council to introduce the proposal supports it."""

from __future__ import annotations

import pytest

from respmine.themes.stance import OFFERED, StanceModel, _predicate
from tests.themes.helpers import WordEmbedder

LICENSING_Q = ("Do you agree with the proposal to introduce a selective licensing scheme for private rented "
               "homes in Northam?")


@pytest.fixture(scope="module")
def rules() -> StanceModel:
    return StanceModel(WordEmbedder())


@pytest.mark.parametrize(("answer", "side"), [
    ("this is just a money making scam by the council. i dont agree with it at all, wev got enough rules "
     "allready", "oppose"),  # (trial 31a: support)
    ("I dont support licensing.", "oppose"),
    ("We cant support this proposal.", "oppose"),
    ("I wont support this scheme.", "oppose"),
    ("The council doesnt need this scheme and I dont agree with it.", "oppose"),
    ("I don't agree with it at all.", "oppose"),
    ("I agree with it.", "support"),
])
def test_a_contraction_without_its_apostrophe_negates(rules: StanceModel, answer: str, side: str) -> None:
    """"dont", "cant", "wont", "doesnt" (informal e-mails, OCR dropping the apostrophe) were no negation:
    "i dont agree with it at all" agreed."""
    assert rules.predict([answer], [LICENSING_Q])[0].stance == side


FEE_Q = "Is the proposed licence fee of £750 per property for five years reasonable?" + OFFERED
TIMETABLE_Q = "Is the timetable realistic?" + OFFERED
CLEAR_Q = "Are the conditions clear?" + OFFERED


@pytest.mark.parametrize(("question", "answer", "side"), [
    (FEE_Q, "The fee is not reasonable and our landlords will pass it on to tenants in higher rents.",
     "oppose"),
    (FEE_Q, "The fee is too high. A fee of around 400 pounds would be more reasonable and still cover the "
            "council's costs.", "oppose"),
    (FEE_Q, "750 quid for a peice of paper?? no way is that reasonable", "oppose"),
    (FEE_Q, "The fee of 750 pounds for each house is not reasonable for a pensioner on a fixed income.",
     "oppose"),
    (FEE_Q, "Unreasonable.", "oppose"),
    (FEE_Q, "Too low to pay for proper inspections.", "oppose"),
    (FEE_Q, "It is reasonable.", "support"),
    (FEE_Q, "Fair enough.", "support"),
    (FEE_Q, "The fee is high but reasonable.", "support"),
    (FEE_Q, "It is not unreasonable.", "support"),
    (FEE_Q, "A fee of 750 pounds is among the highest in the country.", "neutral"),
    (TIMETABLE_Q, "The timetable is not realistic.", "oppose"),
    (TIMETABLE_Q, "It looks realistic to us.", "support"),
    (CLEAR_Q, "The conditions are clear.", "support"),
    (CLEAR_Q, "They are unclear.", "oppose"),
])
def test_a_question_asking_whether_something_is_so_is_answered_by_saying_or_denying_it(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """To "Is X reasonable?" (a yes/no question whose predicate is an adjective) "The fee is not reasonable",
    "too high" and "no way is that reasonable" took no side (trial 31a Q3: 4 of 6 unclear)."""
    assert rules.predict([answer], [question])[0].stance == side


def test_a_predicate_is_read_only_from_a_question_asking_whether_something_is_so() -> None:
    assert _predicate(FEE_Q) == "reasonable"
    assert _predicate(CLEAR_Q) == "clear"
    assert _predicate(LICENSING_Q) is None
    assert _predicate("Should the fee be reasonable? (Yes / No)") is None


@pytest.mark.parametrize(("answer", "side"), [
    ("We, the undersigned residents of Ashgrove and Eastgate, call on Northam City Council to introduce "
     "selective licensing without delay. Neglected rented houses, overflowing bins and late-night "
     "disturbances are making our streets worse every year.", "support"),  # (trial 31a: neutral)
    ("We urge the council to bring in licensing for private rented homes now.", "support"),
    ("We call on the council not to introduce selective licensing.", "oppose"),
    ("We call upon the council to scrap these plans.", "oppose"),
    ("We call on the council to abandon the licensing scheme.", "oppose"),
    ("We ask the council to introduce a hardship fund for tenants.", "neutral"),
])
def test_a_call_to_introduce_what_is_proposed_supports_it(rules: StanceModel, answer: str, side: str) -> None:
    """"call on X to introduce <the proposal>" (a petition's statement) took no side; "call on X to
    abandon / scrap" already opposed ("call upon" did not)."""
    assert rules.predict([answer], [LICENSING_Q])[0].stance == side
