"""(Session 30, review of the stance branch.) Verbs of increase and decrease read against the proposed change
must not take a noun ("No increase in the charge.", "Increase in the standing charge will hurt ..."), a
forecast carried on by "and", or what someone else wants for a command; what the question changes is what
its verb of change acts on (not "pavement parking" in "more powers to ban pavement parking"); a cue on "the
2025 proposal" is on this consultation's proposal as often as not."""

from __future__ import annotations

import pytest

from respmine.themes.stance import StanceModel, score_sentence
from tests.themes.helpers import WordEmbedder

FEE_Q = "Do you agree that the garden waste charge should be increased to £60 a year?"
CHARGE_Q = "Do you agree with the proposal to increase the standing charge for electricity?"
REDUCE_Q = "Do you agree that standing charges on domestic electricity and gas bills should be reduced?"
LIBRARIES_Q = ("Do you agree with the proposal to reduce the number of council-run libraries from 14 to 6, "
               "keeping a library in each of the six main towns?")
POWERS_Q = "Do you agree that councils should have more powers to ban pavement parking?"
FINES_Q = "Do you agree with the proposal to increase fines for pavement parking?"


@pytest.fixture(scope="module")
def rules() -> StanceModel:
    return StanceModel(WordEmbedder())


@pytest.mark.parametrize(("question", "answer", "side"), [
    (FEE_Q, "No increase in the charge.", "neutral"),
    (FEE_Q, "There should be no increase in the charge.", "neutral"),
    (CHARGE_Q, "Increase in the standing charge will hurt poor households.", "neutral"),
    (REDUCE_Q, "Cut after cut to standing charges has not helped.", "neutral"),
    (LIBRARIES_Q, "The plan would close five libraries and reduce the number of libraries further.",
     "neutral"),
    (CHARGE_Q, "Suppliers want to increase the standing charge.", "neutral"),
    (CHARGE_Q, "They want to increase the standing charge again; we object.", "oppose"),
    (CHARGE_Q, "We want the regulator to increase the standing charge.", "support"),
    (POWERS_Q, "Reduce pavement parking by enforcement.", "neutral"),
    (FINES_Q, "Reduce pavement parking by enforcement.", "neutral"),
    (FINES_Q, "Do not increase the fines.", "oppose"),
    (REDUCE_Q, "Reduce standing charges now.", "support"),
    (REDUCE_Q, "We should close the gap and reduce standing charges.", "support"),
    (FEE_Q, "Increase the charge.", "support"),
])
def test_changes_are_commands_on_what_the_question_changes(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    assert rules.predict([answer], [question])[0].stance == side


def test_a_year_does_not_make_a_proposal_an_earlier_one() -> None:
    """"We oppose the 2025 proposal" is most often on the one consulted on; "previous", "old" say earlier."""
    assert score_sentence("We oppose the 2025 proposal.")[1] > 0
    assert score_sentence("We oppose the previous proposal.") == (0.0, 0.0, 0.0)
