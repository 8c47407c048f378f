"""Verbs of change read against the way the question would change things (session 30, trial 30a and its
review). To a question proposing to reduce, cut or lower something, ending it goes further the same way
(agrees) and keeping it from falling disagrees; "I want X to come down" says which way X should go; "Yes, and
... should go further and ..." agrees outright; a view declined ("no view on whether X should be reduced;
that is a matter of policy for the regulator") says nothing for X. A verb of change must not take a noun ("No
increase in the charge.", "Increase in the standing charge will hurt ..."), a forecast carried on by "and",
or what someone else wants for a command; what the question changes is what its verb of change acts on (not
"pavement parking" in "more powers to ban pavement parking"); a cue on "the 2025 proposal" is on this
consultation's proposal as often as not."""

from __future__ import annotations

import pytest

from respmine.themes.stance import (
    OFFERED,
    StanceModel,
    _acted,
    closed_answer,
    says_neither,
    says_no_view,
    score_sentence,
)

REDUCE_Q = "Do you agree that standing charges on domestic electricity and gas bills should be reduced?"
FARES_Q = "Do you agree that bus fares in the county should be cut?"
LIMIT_Q = "Do you agree that the speed limit on residential roads should be lowered to 20mph?"
HOURS_Q = "Do you agree with the proposal to extend the opening hours of the swimming pool?"
SAME_Q = "Should prepayment customers pay the same standing charge as direct debit customers?" + OFFERED
FEE_Q = "Do you agree that the garden waste charge should be increased to £60 a year?"
CHARGE_Q = "Do you agree with the proposal to increase the standing charge for electricity?"
LIBRARIES_Q = ("Do you agree with the proposal to reduce the number of council-run libraries from 14 to 6, "
               "keeping a library in each of the six main towns?")
POWERS_Q = "Do you agree that councils should have more powers to ban pavement parking?"
FINES_Q = "Do you agree with the proposal to increase fines for pavement parking?"


@pytest.mark.parametrize(("question", "answer", "side"), [
    (REDUCE_Q, "Scrap the standing charge.", "support"),
    (REDUCE_Q, "Standing charges should be scrapped.", "support"),
    (REDUCE_Q, "STANDING CHARGES SHOULD BE SCRAPPED. I PAY OVER 300 POUNDS A YEAR.", "support"),
    (REDUCE_Q, "I am writing to support the campaign to scrap the standing charge. It is unfair that every "
               "household pays the same daily charge whatever it uses.", "support"),
    (REDUCE_Q, "Get rid of standing charges altogether.", "support"),
    (REDUCE_Q, "Standing charges should not be abolished.", "oppose"),
    (REDUCE_Q, "Don't reduce them. We already pay a fortune in unit costs.", "oppose"),
    (REDUCE_Q, "I don't think standing charges should be cut: the network has to be paid for.", "oppose"),
    (REDUCE_Q, "I think the standing charge should be cut right down.", "support"),
    (REDUCE_Q, "i think the standing charge shoud be cut rite down.", "support"),  # (as typed)
    (REDUCE_Q, "Scrap the reduction.", "oppose"),
    (REDUCE_Q, "Stop cutting standing charges.", "oppose"),
    (REDUCE_Q, "I want the standing charge to come down.", "support"),
    (REDUCE_Q, "Standing charges must come down.", "support"),
    (REDUCE_Q, "Standing charges should not go down.", "oppose"),
    (REDUCE_Q, "Standing charges should go up.", "oppose"),
    (FARES_Q, "Abolish bus fares for everyone.", "support"),
    (FARES_Q, "Bus fares need to come down.", "support"),
    (LIMIT_Q, "Scrap the speed limit.", "oppose"),  # (ending a limit loosens it: the other way)
    (HOURS_Q, "Scrap the opening hours.", "oppose"),
])
def test_ending_what_a_reduction_proposes_goes_further_the_same_way(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """To "should be reduced", ending the thing ("Scrap the standing charge") is the same way, further: it
    agrees (it had read as against, as ending what a question would keep is); ending a limit is loosening
    it, the other way; ending the reduction itself is against it."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize("answer", [
    "We have no view on whether standing charges should be reduced; that is a matter of policy for the "
    "regulator.",
    "We have no view on whether standing charges should be reduced; that is a matter of policy for the "
    "regulator. Our concern is that network costs continue to be recovered in full, whatever structure is "
    "chosen.",
    "We take no position on whether standing charges should be reduced, which is a question of policy for "
    "Parliament.",
])
def test_a_view_declined_wins_over_the_proposal_it_names(rules: StanceModel, answer: str) -> None:
    """The proposal named in "no view on whether X should be reduced" is not restated as the writer's own;
    "a matter of policy for the regulator" says whose decision it is, as "a matter for" does."""
    assert says_no_view(answer.split(". ")[0] + ("" if answer.endswith(".") else "."))
    assert says_neither(answer)
    assert rules.predict([answer], [REDUCE_Q])[0].stance == "neutral"
    found = closed_answer(answer, REDUCE_Q)
    assert found is not None and found[0] == "neutral"


def test_a_whether_clause_restates_nothing(rules: StanceModel) -> None:
    """"The question is whether standing charges should be reduced" states no view of the writer's."""
    assert rules.predict(["The question is whether standing charges on domestic bills should be reduced."],
                         [REDUCE_Q])[0].stance == "neutral"


def test_yes_and_go_further_agrees_outright(rules: StanceModel) -> None:
    """"Yes, and the regulator should go further and stop X" agrees and asks for more the same way: the
    step further is not read as against the proposal (it had made the answer "partly agreed")."""
    answer = ("Yes, and the regulator should go further and stop standing charge debt building up on "
              "prepayment meters while a customer is off supply.")
    assert rules.predict([answer], [SAME_Q])[0].stance == "support"
    assert rules.predict(["Yes, and it should go further and scrap them."], [REDUCE_Q])[0].stance == "support"
    assert rules.predict(["We would go further and scrap the proposal."], [REDUCE_Q])[0].stance == "oppose"


def test_so_yes_i_want_it_to_come_down(rules: StanceModel) -> None:
    """A long personal answer: "So yes I want the standing charge to come down, but please do not just put
    it on the units ..." agrees with reducing it."""
    answer = ("So yes I want the standing charge to come down, but please do not just put it on the units "
              "because families like mine who have to use a lot of electricity will pay more. A cheaper "
              "tariff we could choose would be better for us.")
    assert rules.predict([answer], [REDUCE_Q])[0].stance in ("support", "mixed")


CAPPED_Q = "Do you agree that standing charges should be reduced for households under the price cap?"


@pytest.mark.parametrize(("question", "answer", "side"), [
    (REDUCE_Q, "Scrap the standing charge reduction.", "oppose"),
    (REDUCE_Q, "Stop the proposed standing charge cut.", "oppose"),
    (REDUCE_Q, "Scrap the cut.", "oppose"),
    (REDUCE_Q, "Scrap the standing charge proposal.", "oppose"),
    (REDUCE_Q, "Drop the proposed standing charge changes.", "oppose"),
    (LIMIT_Q, "Scrap the 20mph speed limit proposals.", "oppose"),
    (CAPPED_Q, "Scrap standing charges.", "support"),
    (CAPPED_Q, "Standing charges should be abolished.", "support"),
])
def test_the_change_or_proposal_named_in_several_words_is_not_the_thing(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """(Review.) Ending "the standing charge reduction" or "the standing charge proposal" ends the change
    (against it), not the standing charge (which would go further down: for it), however many words name
    it; and a limit named only in a qualifying phrase ("for households under the price cap") does not make
    the thing a limit (ending standing charges goes further down, not up)."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize("answer", [
    "I expect standing charges to rise under option A.",
    "I expect the standing charge to come down anyway.",
    "The standing charge should fall on the suppliers, not on customers.",
])
def test_a_forecast_or_a_burden_is_no_call_to_move_it(answer: str) -> None:
    """(Review.) "I expect X to rise" forecasts, it does not ask; "X should fall on the suppliers" says who
    should bear it: neither says which way X should go."""
    assert _acted(answer, REDUCE_Q) is None


@pytest.mark.parametrize(("question", "answer", "side"), [
    (FEE_Q, "No increase in the charge.", "neutral"),
    (FEE_Q, "There should be no increase in the charge.", "oppose"),  # (none of the change: `_NONE`)
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
