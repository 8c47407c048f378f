"""Answers read against what the question changes (session 31): going further the same way agrees, keeping
what a closure would end disagrees, a short noun the question changes ("the cap", "the fee") is named, "no
X" is a noun and not a command, "the previous plan and this one" is on this one too, and a condition on a
"Yes" ("as long as", "provided (that)") agrees while "only if", "on condition that", "subject to" and "in
principle" partly agree; a letter's sentence moving only the subject two questions share is filed under the
one whose way of change it answers."""

from __future__ import annotations

import pytest

from respmine.themes.stance import OFFERED, StanceModel, moves_what_it_names, named_words
from tests.themes.helpers import WordEmbedder

REDUCE_Q = "Do you agree that standing charges on domestic electricity and gas bills should be reduced?"
SAME_Q = "Should prepayment customers pay the same standing charge as direct debit customers?"
CLOSE_Q = "Do you agree with the proposal to close eight of the fourteen libraries?"
FEWER_Q = ("Do you agree with the proposal to reduce the number of council-run libraries from 14 to 6, "
           "keeping a library in each of the six main towns?")
CAP_Q = "Do you agree that the cap should be raised?"
PRICE_CAP_Q = "Do you agree that the price cap should be lowered to £1,500?"
FEE_Q = "Do you agree that the fee should be increased to £60 a year?"
BAN_Q = "Do you agree with the proposal to ban pavement parking?"
TIMETABLE_Q = "Do you agree with the proposed timetable for introducing the ban on pavement parking?"
PLAN_Q = "Do you agree with the proposed plan?"
FINE_Q = "Do you agree that councils should be able to fine drivers who park on the pavement?"


@pytest.fixture(scope="module")
def rules() -> StanceModel:
    return StanceModel(WordEmbedder())


@pytest.mark.parametrize(("question", "answer", "side"), [
    (REDUCE_Q, "We would go further and abolish standing charges altogether.", "support"),
    (REDUCE_Q, "We would go further and scrap the proposal.", "oppose"),
    (REDUCE_Q, "The proposal does not go far enough.", "support"),
    (REDUCE_Q, "These changes do not go far enough: standing charges should be abolished.", "support"),
    (REDUCE_Q, "The proposal goes too far.", "oppose"),
])
def test_going_further_the_same_way_agrees(rules: StanceModel, question: str, answer: str, side: str) -> None:
    """"Go further and abolish X" to reducing X is the same way, further (it had taken no side, as the step
    further of one who had already agreed); "does not go far enough" agrees and wants more, as "We agree, but
    the Government should go further" does (no condition: agreed, not partly)."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("question", "answer", "side"), [
    (CLOSE_Q, "Keep the libraries open.", "oppose"),
    (CLOSE_Q, "Keep our library open.", "oppose"),
    (CLOSE_Q, "Keep all fourteen libraries open.", "oppose"),
    (CLOSE_Q, "The libraries must stay open.", "oppose"),
    (CLOSE_Q, "Close them all.", "support"),
    (REDUCE_Q, "Keep the standing charge where it is.", "oppose"),
    (FEWER_Q, "For these reasons the governing body asks the council to keep Cwm Eithin library open and run "
              "by the council.", "oppose"),  # (trial 29a: no side)
    (FEWER_Q, "Keep six libraries.", "support"),
])
def test_keeping_what_a_closure_would_end_disagrees(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """To closing eight of the fourteen libraries, or reducing their number, keeping them (open) is against
    it ("fourteen" is the whole, not the number to close); it had taken no side, or agreed."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("question", "answer", "side"), [
    (CAP_Q, "Scrap the cap.", "support"),  # (ending a limit loosens it: up)
    (CAP_Q, "Raise the cap.", "support"),
    (CAP_Q, "The cap should not be raised.", "oppose"),
    (PRICE_CAP_Q, "The cap must come down.", "support"),
    (PRICE_CAP_Q, "Keep the cap where it is.", "oppose"),
    (FEE_Q, "Do not increase the fee.", "oppose"),
    (FEE_Q, "The fee should go up.", "support"),
])
def test_a_short_noun_the_question_changes_is_named(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """Words under four letters were never read as naming anything: "the cap", "the fee" matched nothing."""
    assert rules.predict([answer], [question])[0].stance == side


def test_a_short_noun_is_named_only_where_it_is_the_subject() -> None:
    """Short words heading what the question names count ("cap", "fee"); "gas" in "electricity and gas
    bills" is no head, and function words never are."""
    assert "cap" in named_words(CAP_Q) and "fee" in named_words(FEE_Q)
    assert "gas" not in named_words(REDUCE_Q) and "the" not in named_words(CAP_Q)


@pytest.mark.parametrize(("question", "answer", "side"), [
    (BAN_Q, "There should be no ban on pavement parking.", "oppose"),
    (BAN_Q, "Scrap the ban.", "oppose"),
    (BAN_Q, "Ban pavement parking everywhere.", "support"),
    (TIMETABLE_Q, "There should be no delay.", "support"),
    (TIMETABLE_Q, "There should be no further delay in introducing the ban.", "support"),
    (REDUCE_Q, "There should be no standing charge at all.", "support"),
])
def test_no_before_a_noun_is_no_command(rules: StanceModel, question: str, answer: str, side: str) -> None:
    """"No ban on X" is no command to ban X (it had agreed with banning it): it ends the ban, the proposal;
    "no delay" urges the proposal on."""
    assert rules.predict([answer], [question])[0].stance == side


def test_the_previous_plan_and_this_one(rules: StanceModel) -> None:
    """A cue on an earlier scheme is not on this one, unless it goes on to name this one too."""
    assert rules.predict(["We support the previous plan and this one."], [PLAN_Q])[0].stance == "support"
    assert rules.predict(["We supported the previous plan as well as this one."])[0].stance == "support"
    assert rules.predict(["We opposed the previous plan."])[0].stance == "neutral"


@pytest.mark.parametrize(("answer", "side"), [
    ("Yes, as long as the money raised is put back into repairing footways.", "support"),
    ("Yes, provided the statutory guidance defines obstruction clearly enough.", "support"),
    ("Yes, provided that funding follows.", "support"),
    ("We support this, so long as the money goes to footways.", "support"),
    ("Yes, but only if the money goes to footways.", "mixed"),
    ("We would support it only if councils are funded.", "mixed"),
    ("Yes, on condition that the money goes to footways.", "mixed"),
    ("We support this, subject to the points below.", "mixed"),
    ("Yes, in principle.", "mixed"),
])
def test_a_condition_on_yes_agrees_only_if_partly(rules: StanceModel, answer: str, side: str) -> None:
    """The five trials' truths count "Yes, as long as ..." and "Yes, provided ..." as agreed (an expectation
    stated with a yes: 5 of 5 answers), as "Option A, as long as ..." already was; "only if", "on condition
    that", "subject to" and "in principle" make the yes conditional: partly."""
    assert rules.predict([answer], [FINE_Q])[0].stance == side


def test_a_sentence_moving_the_shared_subject_answers_the_question_changing_it() -> None:
    """(Trial 30a.) Q1 reduces standing charges, Q3 asks whether prepayment customers pay the same one: both
    name "standing charge", so "Standing charges should be scrapped" had gone under neither. Scrapping them
    answers which way they should go, Q1's question; Q3 asks nothing of the kind."""
    common = named_words(REDUCE_Q) & named_words(SAME_Q + OFFERED)
    for sentence in ("Standing charges should be scrapped.", "Scrap the standing charge.",
                     "I want the standing charge to come down."):
        assert moves_what_it_names(sentence, REDUCE_Q, common) == "support"
        assert moves_what_it_names(sentence, SAME_Q + OFFERED, common) is None
    assert moves_what_it_names("Standing charges are too high.", REDUCE_Q, common) is None
    assert moves_what_it_names("Keep the charge.", REDUCE_Q, common) is None  # (one word: not named)


KEEP_Q = "Do you agree that people carrying out unpaid work in public should continue to wear vests?"


@pytest.mark.parametrize(("question", "answer", "side"), [
    (BAN_Q, "Keep the ban on HGVs.", "neutral"),  # (another ban)
    (BAN_Q, "No, keep the status quo.", "oppose"),
    (BAN_Q, "Keep the status quo.", "oppose"),
    (KEEP_Q, "Keep the status quo.", "support"),
    (CLOSE_Q, "Keep things as they are.", "oppose"),
])
def test_the_status_quo_and_another_ban(rules: StanceModel, question: str, answer: str, side: str) -> None:
    """Keeping "the status quo" keeps what a question to keep or end names, and is against a change; "No,
    keep ..." is read with its "No" (the command had been read without it: no side); "the ban on HGVs" is
    not the ban on pavement parking."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("answer", "side"), [
    ("Prepayment customers must never pay more than anyone else.", "support"),
    ("AND PREPAYMENT PEOPLE SHOULD NOT PAY A PENNY MORE THAN ANYONE ELSE.", "support"),
    ("We were on a prepayment meter for two years. No family should pay more for being on a key meter.",
     "support"),
    ("No. If it costs more to serve a prepayment meter then the people who use one should pay for it.",
     "oppose"),
    ("Suppliers should not pay more for network costs.", "neutral"),  # (not those the question names)
])
def test_paying_no_more_than_others_agrees_with_paying_the_same(rules: StanceModel, answer: str,
                                                                 side: str) -> None:
    """(Trial 30a, Q3: three respondents' "should not pay more" went unclear.)"""
    assert rules.predict([answer], [SAME_Q + OFFERED])[0].stance == side


def test_one_word_of_a_subject_is_not_named_unless_it_is_a_short_noun() -> None:
    """A sentence moving what a question changes must name it in two words, or in its short noun ("the cap"):
    one longer word ("tagging") is not enough to file a letter's sentence under the question."""
    tagging = "Do you agree that GPS tagging should be extended to all prison leavers on licence?"
    assert moves_what_it_names("Extend tagging to everyone.", tagging) is None
    assert moves_what_it_names("Scrap the cap.", CAP_Q) == "support"


def test_keeping_one_of_what_a_question_would_close_files_under_it() -> None:
    """(Trial 29a: a school's letter, "the governing body asks the council to keep Cwm Eithin library open and
    run by the council", was filed under the options question only; its disagreement went uncounted.)"""
    hours = "Do you agree that the six council libraries should open longer hours when no staff are on site?"
    common = named_words(FEWER_Q) & named_words(hours)
    said = ("For these reasons the governing body asks the council to keep Cwm Eithin library open and run "
            "by the council.")
    assert moves_what_it_names(said, FEWER_Q, common) == "oppose"
    assert moves_what_it_names(said, hours, common) is None


INCREASE_Q = "Do you agree that standing charges on domestic electricity and gas bills should be increased?"
DELAY_Q = "Do you agree with the proposal to delay the introduction of the ban until 2026?"
RELAX_Q = "Do you agree that the rules on pavement parking should be relaxed?"


@pytest.mark.parametrize(("question", "answer", "side"), [
    (INCREASE_Q, "We would go further and abolish standing charges altogether.", "neutral"),  # (not the way
    (KEEP_Q, "We would go further and abolish the vests altogether.", "neutral"),  # the question goes)
    (REDUCE_Q, "The regulator should go further and scrap exit fees.", "neutral"),  # (something else)
    (REDUCE_Q, "We would not go further and abolish them.", "neutral"),
    (REDUCE_Q, "We do not think the regulator should go further and abolish standing charges.", "neutral"),
    (REDUCE_Q, "Yes, and it should go further and scrap them.", "support"),
])
def test_a_step_further_agrees_only_the_way_the_question_goes(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """(Review.) A step further is the writer's only where it goes the question's way, on what the question
    names: ending what a question would raise or keep is no step further its way, a step on something else is
    an aside, and a step the writer would not take is no step."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("question", "answer", "side"), [
    (CLOSE_Q, "If the proposal goes ahead there will be no library in my village.", "neutral"),  # (a
    (CLOSE_Q, "There would be no library left in the valley.", "neutral"),  # forecast, not a call: no
    (REDUCE_Q, "Under option B there would be no standing charge for most homes.", "neutral"),  # "support")
    (BAN_Q, "There should be no ban on HGVs using the high street.", "neutral"),  # (another ban)
    (CLOSE_Q, "There should be no closures.", "oppose"),
])
def test_no_x_is_a_call_only_with_should_or_must(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """(Review.) "There will/would be no library" says what would happen, not what the writer wants: it is
    no call to end the libraries, so no agreement with closing them; "no ban on HGVs" is another ban."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("question", "answer", "side"), [
    (DELAY_Q, "There should be no delay.", "oppose"),  # (the question proposes a delay: none of it)
    (TIMETABLE_Q, "There should be no delay in getting rid of this proposal.", "neutral"),
    (TIMETABLE_Q, "There should be no delay in putting a stop to it.", "neutral"),
    (TIMETABLE_Q, "There should be no delay in rolling it out.", "support"),
])
def test_no_delay_urges_on_only_a_proposal_that_is_no_delay(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """(Review.) "No delay" to a proposal to delay is against it, not for it; "no delay in getting rid of /
    putting a stop to it" hurries its end."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("question", "answer", "side"), [
    (RELAX_Q, "The current rules do not go far enough.", "neutral"),  # (not the proposal: `_FAR_ENOUGH`)
    (REDUCE_Q, "The existing protections do not go far enough.", "neutral"),
    (REDUCE_Q, "I do not think the proposal goes too far.", "support"),
    (REDUCE_Q, "We do not believe that these changes go too far.", "support"),
])
def test_far_enough_is_of_the_proposal_and_may_be_denied(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """(Review.) "The current rules do not go far enough" is on the rules as they are, not the proposal (to
    relaxing them it had agreed); "I do not think the proposal goes too far" is for it (it had been against;
    "these changes" had not been read at all)."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("answer", "side"), [
    ("We opposed the previous plan and this is why we now welcome the change.", "support"),
    ("We opposed the previous plan and this one too.", "oppose"),
    ("We supported the previous plan and this one undoes all of it.", "neutral"),
    ("We supported the previous plan and this too.", "support"),
])
def test_and_this_is_this_one_only_as_the_cues_object(rules: StanceModel, answer: str, side: str) -> None:
    """(Review.) "... the previous plan and this is why ..." opens a clause of its own: the cue stays on the
    earlier plan (it had been read as against this one too: mixed)."""
    assert rules.predict([answer], [PLAN_Q])[0].stance == side


def test_keep_on_is_keeping(rules: StanceModel) -> None:
    """(Review.) "Keep on" is a verb ("Keep on making them wear vests": for it), as "ban on" is not."""
    assert rules.predict(["Keep on making them wear vests."], [KEEP_Q])[0].stance == "support"

