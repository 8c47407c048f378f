"""(Session 32.) Stance readings trial 31a and the review found wanting: a body naming itself as a group,
an OCR'd "I" read as "|", a fee called "a lot of money", a view reported as others' before the writer's
own, a place kept open only until something else is ready, and Welsh commands to keep a place open."""

from __future__ import annotations

import pytest

from respmine.themes.stance import OFFERED, StanceModel

LICENSING_Q = ("Do you agree with the proposal to introduce a selective licensing scheme for private rented "
               "homes in Northam?")
FEE_Q = ("Is the proposed licence fee of 750 pounds per property for five years reasonable?"
         + OFFERED)  # (as its closed answers read it)
LIBRARIES_Q = ("Do you agree with the proposal to reduce the number of council-run libraries from 14 to 6, "
               "keeping a library in each of the six main towns?")


@pytest.mark.parametrize(("question", "answer", "side"), [
    (LICENSING_Q, "The Northam HMO Landlords Group does not agree with the proposal. Houses in multiple "
                  "occupation are already licensed.", "oppose"),
    (LICENSING_Q, "The Eastgate Tenants Group supports the proposal.", "support"),
    (LICENSING_Q, "Some groups do not agree with the proposal, but we support it.", "support"),
])
def test_a_body_naming_itself_as_a_group_takes_a_side(rules: StanceModel, question: str, answer: str,
                                                      side: str) -> None:
    """"The Northam HMO Landlords Group does not agree with the proposal": a body writing of itself in the
    third person, as "The council supports ..." does (not "Some groups ...": others)."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize("answer", [
    "lam a retired landlord with two terraced houses in Brookfield. | do\nnot agree with the licensing "
    "proposal because it punishes those of us\nwho look after our tenants.",
    "| do not agree with the proposal.",
])
def test_an_ocr_bar_for_i_opens_the_writers_own_view(rules: StanceModel, answer: str) -> None:
    """A scanned letter's "I" read by OCR as "|" ("| do not agree with the licensing proposal") still says
    the writer's view."""
    assert rules.predict([answer], [LICENSING_Q])[0].stance == "oppose"


@pytest.mark.parametrize(("answer", "side"), [
    ("750 pounds is a lot of money to me. The fee would take four months of that.", "oppose"),
    ("It is more than I can afford.", "oppose"),
    ("Yes, it is a lot of money but it is reasonable.", "support"),
])
def test_a_fee_called_a_lot_of_money_is_not_reasonable(rules: StanceModel, answer: str, side: str) -> None:
    """To "Is the proposed licence fee ... reasonable?", "750 pounds is a lot of money to me" says no."""
    assert rules.predict([answer], [FEE_Q])[0].stance == side


@pytest.mark.parametrize(("question", "answer", "side"), [
    (LICENSING_Q, "Some say the proposal goes too far, but we welcome it.", "support"),
    (LICENSING_Q, "Some landlords argue that the scheme is unfair, but we support it.", "support"),
    (LICENSING_Q, "Critics claim the proposal goes too far; however, we welcome it.", "support"),
    (LICENSING_Q, "Some say the proposal goes too far, and I agree with them.", "oppose"),
    (LICENSING_Q, "We welcome the aim, but the proposal goes too far.", "mixed"),
])
def test_a_view_reported_as_others_before_the_writers_own_is_not_theirs(
        rules: StanceModel, question: str, answer: str, side: str) -> None:
    """"Some say the proposal goes too far, but we welcome it": the view before the contrast is reported,
    not the writer's, who welcomes it (not mixed); one they go on to share is theirs."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize(("answer", "side"), [
    ("Keep the libraries open until the new hub is ready, then close them.", "support"),
    ("Keep the libraries open until the new community hubs are ready.", "neutral"),  # (not against it)
    ("Keep the libraries open.", "oppose"),
    ("Cadwch y llyfrgelloedd ar agor.", "oppose"),
    ("Cadwch lyfrgell Pontyberem ar agor, os gwelwch yn dda.", "oppose"),
    ("Peidiwch â chau'r llyfrgelloedd.", "oppose"),
    ("Peidiwch a chau ein llyfrgell.", "oppose"),
    ("Caewch y llyfrgelloedd.", "support"),
])
def test_keeping_open_for_now_and_welsh_commands_to_keep_open(rules: StanceModel, answer: str,
                                                              side: str) -> None:
    """To closing libraries, keeping them open "until the new hub is ready" keeps them only for now (for
    the closure, in time: not against it); "Cadwch y llyfrgelloedd ar agor" (keep the libraries open) and
    "Peidiwch â chau" (do not close) are against it, as their English are; "Caewch" (close) is for it."""
    assert rules.predict([answer], [LIBRARIES_Q])[0].stance == side


CONDITIONS_Q = "Do you agree with the proposed licence conditions set out in Annex B?"


@pytest.mark.parametrize(("answer", "side"), [
    ("Some are fine (gas, electrics, alarms).\nOthers, e.g. the ASB condition, are not a landlord's job.",
     "mixed"),
    ("Some of the conditions are sensible, but others are not.", "mixed"),
    ("Some are fine.", "neutral"),
    ("Some landlords are fine, others are not; licensing is the only way to find out.", "neutral"),
])
def test_some_parts_fine_others_not_is_mixed(rules: StanceModel, answer: str, side: str) -> None:
    """"Some are fine (gas, electrics, alarms). Others ... are not a landlord's job.", to whether the
    conditions are agreed: some agreed, others not (trial 31a's form_3, read as no answer). Said of
    something other than what the question asks about (landlords, to the conditions), it takes no side."""
    assert rules.predict([answer], [CONDITIONS_Q])[0].stance == side


STROKE_Q1 = ("To what extent do you agree or disagree with the case for change? Strongly agree / Agree / "
             "Neither agree nor disagree / Disagree / Strongly disagree")


@pytest.mark.parametrize(("answer", "side"), [
    ("North Country Ambulance Service NHS Trust agrees with the case for change.", "support"),
    ("The College strongly agrees with the case for change.", "support"),
    ("The League of Friends does not agree with the case for change.", "oppose"),
    ("The Board supports the proposal.", "support"),
    ("The Society welcomes the proposals.", "support"),
    ("The Committee opposes the proposal.", "oppose"),
    ("The partners of Dalesview Medical Practice agree with the case for change.", "support"),
    ("Healthwatch Northshire broadly agrees with the case for change.", "support"),
])
def test_a_body_named_in_the_third_person_takes_its_side(rules: StanceModel, answer: str, side: str) -> None:
    """(32a) A body writing of itself by its name ("North Country Ambulance Service NHS Trust agrees ...",
    however many words the name has) or by a determiner and a capitalised noun ("The College strongly agrees
    ...", "The League of Friends does not agree ...") takes a side, as "The council supports ..." does."""
    assert rules.predict([answer], [STROKE_Q1])[0].stance == side


@pytest.mark.parametrize("answer", [
    "The Royal College has said it agrees.",
    "NHS England agrees that the case for change has been made.",
    "The Government agrees.",
    "Residents agree.",
])
def test_another_bodys_view_reported_is_not_the_writers(rules: StanceModel, answer: str) -> None:
    """Another body's view reported ("The Royal College has said it agrees", "NHS England agrees that ...",
    the consultor's own, people's) is not the writer's side."""
    assert rules.predict([answer], [STROKE_Q1])[0].stance not in ("support", "oppose")


@pytest.mark.parametrize(("question", "answer", "side"), [
    (STROKE_Q1, "Case for change: I'd give it 4 out of 5. The units are too small.", "support"),
    (STROKE_Q1, "4/5", "support"),
    (STROKE_Q1, "3 out of 5 stars.", "neutral"),
    (STROKE_Q1, "1 out of 5, it is a terrible idea for Westbury.", "oppose"),
    (LICENSING_Q, "10/10 from me.", "support"),
    (STROKE_Q1.replace("Strongly agree /", "1 = Strongly agree /").replace("/ Strongly disagree",
                                                                           "/ 5 = Strongly disagree"),
     "4 out of 5.", "oppose"),
])
def test_a_rating_on_an_agreement_question_is_its_scales_point(rules: StanceModel, question: str,
                                                              answer: str, side: str) -> None:
    """(32a) "I'd give it 4 out of 5" (or "4/5", "3 out of 5 stars", "10/10") to an agreement question is
    the scale's point: higher agrees (5 = strongly agree), unless the question numbers its scale the other
    way ("1 = Strongly agree")."""
    assert rules.predict([answer], [question])[0].stance == side


@pytest.mark.parametrize("answer", ["The unit saw 4/5 of patients within the hour.",
                                    "I was admitted on 4/5/2019."])
def test_a_share_or_a_date_is_no_rating(rules: StanceModel, answer: str) -> None:
    """"4/5 of patients" is a share, "4/5/2019" a date: no rating."""
    assert rules.predict([answer], [STROKE_Q1])[0].stance not in ("support", "oppose")
