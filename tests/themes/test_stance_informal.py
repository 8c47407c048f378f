"""Informal and plainly worded answers (session 31, trial 31a): contractions written without their
apostrophe ("i dont agree") negate as "don't" does; a yes/no question whose predicate is an adjective ("Is the
fee reasonable?") is answered by asserting or denying it ("not reasonable", "too high", "no way is that
reasonable"); a petition calling on the council to introduce the proposal supports it."""

from __future__ import annotations

import pytest

from respmine.themes.stance import StanceModel
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
