"""(Session 30.) Stance misreadings found by the trials: a considered "we take no position" is neither for
nor against (not a "don't know"), verbs of increase and decrease read against the way the question would
change things, agreeing with a judgement against the proposal, soft-mutated Welsh verbs, a vote on an
earlier scheme, and the question on the consultation's central proposal."""

from __future__ import annotations

import pytest

from respmine.themes.stance import StanceModel, proposal_question, says_neither, says_unsure, score_sentence

LIBRARIES_Q = ("Do you agree with the proposal to reduce the number of council-run libraries from 14 to 6, "
               "keeping a library in each of the six main towns?")
HOURS_Q = ("Do you agree that the six council libraries should open longer hours using self-service access, "
           "when no staff are on site?")
EXTEND_Q = "Do you agree with the proposal to extend the opening hours of the swimming pool?"
FEE_Q = "Do you agree that the garden waste charge should be increased to £60 a year?"


@pytest.mark.parametrize(("answer", "unsure", "neither"), [
    ("We take no position on whether tagging should be extended; that is a matter for Parliament.",
     False, True),
    ("We take no position on the number of libraries the council should run; that is a decision for elected "
     "members.", False, True),
    ("We decline to take a position on this question.", False, True),
    ("We have no view on this; it is a matter for the council.", False, True),
    ("We have no view on whether charities should form consortia.", True, False),
    ("Don't know.", True, False),
    ("Not sure.", True, False),
    ("Undecided.", True, False),
    ("We are not convinced either way.", True, False),
    ("We make no comment on the number of libraries Hafren Vale should run, but ask that cross-border users "
     "are counted in the equality impact assessment.", True, False),
    ("We take no position on the hours, but we oppose the closures.", False, False),
])
def test_a_considered_no_position_is_neither_not_unsure(answer: str, unsure: bool, neither: bool) -> None:
    """"We take no position on X; that is a matter for Parliament" is a considered neutral stance (counted
    "neither agreed nor disagreed"); "Don't know", "We have no view on whether ...", "not convinced either
    way" stay "did not know"."""
    assert says_unsure(answer) is unsure
    assert says_neither(answer) is neither


@pytest.mark.parametrize(("question", "answer", "side"), [
    (HOURS_Q, "Extend the hours.", "support"),
    (EXTEND_Q, "Extend the hours.", "support"),
    (EXTEND_Q, "Please extend the opening hours.", "support"),
    (EXTEND_Q, "Do not extend the hours.", "oppose"),
    (EXTEND_Q, "The opening hours should not be extended.", "oppose"),
    (EXTEND_Q, "Cut the opening hours instead.", "oppose"),
    (FEE_Q, "Increase the charge.", "support"),
    (FEE_Q, "Do not increase the charge.", "oppose"),
    (LIBRARIES_Q, "Do not close any libraries.", "oppose"),
    (LIBRARIES_Q, "Don't cut our libraries.", "oppose"),
    (LIBRARIES_Q, "Libraries should not be closed.", "oppose"),
    (LIBRARIES_Q, "Close some libraries.", "support"),
    (LIBRARIES_Q, "Keep six libraries.", "support"),
    (HOURS_Q, "Do not close any libraries.", "neutral"),  # (no side on opening longer)
    (HOURS_Q, "Increase the staff on site instead.", "neutral"),  # (the clause after the change)
])
def test_verbs_of_increase_and_decrease_read_against_the_proposed_change(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """A command to change what the question would change, the same way, supports it ("Extend the hours."
    to opening longer); negated, or the other way, opposes ("Do not close any libraries." to cutting
    libraries from 14 to 6)."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("sentence", "side"), [
    ("I agree that the plan is not fair.", "oppose"),
    ("We agree that the proposal is unworkable.", "oppose"),
    ("I agree that the plan is fair.", "support"),
    ("I do not agree that the plan is fair.", "oppose"),
    ("I do not agree that the plan is unfair.", "support"),
])
def test_agreeing_with_a_judgement_takes_its_side(sentence: str, side: str) -> None:
    """"I agree that the plan is not fair" agrees with a judgement against the proposal: it opposes."""
    s, o, m = score_sentence(sentence)
    found = {"support": s, "oppose": o, "mixed": m}
    assert found[side] > 0 and max(found, key=lambda k: found[k]) == side, found


@pytest.mark.parametrize(("sentence", "side"), [
    ("Ni allwn gefnogi'r cynnig.", "oppose"),  # (we cannot support the proposal: soft mutation)
    ("Ni allaf gytuno â'r cynnig.", "oppose"),
    ("Ni fyddwn yn cefnogi'r cynnig.", "oppose"),
    ("Mae'r cyngor am wrthwynebu'r cynnig.", "oppose"),
    ("Rydym am gefnogi'r cynnig.", "support"),
    ("Hoffem groesawu'r cynllun.", "support"),
    ("Rydym yn methu cefnogi'r cynnig.", "oppose"),
])
def test_soft_mutated_welsh_verbs_are_cues(sentence: str, side: str) -> None:
    s, o, m = score_sentence(sentence)
    found = {"support": s, "oppose": o, "mixed": m}
    assert found[side] > 0 and max(found, key=lambda k: found[k]) == side, found


def test_a_vote_on_an_earlier_scheme_takes_no_side(rules: StanceModel) -> None:
    """"We voted against the previous scheme in 2019 but support this one": the contrast clause's object is
    another (earlier) scheme; its side is not the writer's on this one."""
    text = "We voted against the previous scheme in 2019 but support this one."
    s, o, _ = score_sentence(text)
    assert s > 0 and o == 0
    assert rules.predict([text], [LIBRARIES_Q])[0].stance == "support"
    assert score_sentence("We opposed the old plan and we oppose this one.")[1] > 0
    assert score_sentence("We objected to the earlier proposal in 2021.") == (0.0, 0.0, 0.0)
    assert score_sentence("We voted against the scheme.")[1] > 0


def test_the_first_question_on_the_central_proposal_wins_over_a_later_part() -> None:
    """(Trial 27a.) "Do you agree that pavement parking should be banned?" asks about the consultation's
    central proposal; a later "Do you agree with the proposal to allow councils to ...?" about a part of it.
    Only a question naming the proposals as a whole ("... with the proposals set out in this consultation?")
    wins over an earlier one; `named` still overrides."""
    questions = {"Q1": "Do you agree that pavement parking should be banned across England?",
                 "Q2": "Which option do you prefer?",
                 "Q3": "Do you agree with the proposal to allow councils to issue penalty charge notices?"}
    assert proposal_question(questions, []) == "Q1"
    assert proposal_question(questions, [], named="Q3") == "Q3"
    whole = {**questions, "Q4": "Do you agree with the proposals set out in this consultation?"}
    assert proposal_question(whole, []) == "Q4"
