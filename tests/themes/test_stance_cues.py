"""Stance read against what the question proposes: commands to keep or end what it names, a choice of the
option the consultation proposes, Welsh agreement words, and cues a plain sentence gives (dismay, sarcasm,
"only if")."""

from __future__ import annotations

import pytest

from respmine.themes.stance import (
    StanceModel,
    closed_answer,
    only_closed_answer,
    proposed_option,
    score_sentence,
    with_proposed_options,
)
from tests.themes.helpers import WordEmbedder

KEEP_Q = "Do you agree that the night bus service should continue to run on Sundays?"
CHANGE_Q = ("Do you agree that the parking permit fee should rise to £60 a year, rather than the current "
            "£40?")
END_Q = "Do you agree with the proposal to end the use of speed humps on residential roads?"
BAN_Q = "Do you agree that pavement parking should be banned across England?"  # (ends what it names)
OPTIONS_Q = ("Which option do you prefer for collecting garden waste: Option A (a free fortnightly "
             "collection), Option B (a paid weekly collection) or Option C (bring sites only)?")
OPTIONS = {"A": "a free fortnightly collection", "B": "a paid weekly collection", "C": "bring sites only"}


@pytest.fixture(scope="module")
def rules() -> StanceModel:
    return StanceModel(WordEmbedder())


def _stances(model: StanceModel, cases: list[tuple[str, str]], question: str) -> list[str]:
    return [p.stance for p in model.predict([text for text, _ in cases], [question] * len(cases))]


@pytest.mark.parametrize(("question", "cases"), [
    (KEEP_Q, [("Keep the night buses.", "support"), ("The Sunday buses must stay.", "support"),
              ("And keep the night bus, it is the only way home.", "support"),
              ("Take them away.", "oppose"), ("Scrap the night buses.", "oppose"),
              ("I am writing to ask you to end the Sunday night bus service.", "oppose"),
              ("Do not scrap the night buses.", "support"), ("They should go.", "oppose"),
              ("Keep them.", "support")]),  # (session 29: a second `_KEEPS` had shadowed the verbs)
    (CHANGE_Q, [("Keep it at £40.", "oppose"), ("The fee should remain at 40 pounds.", "oppose"),
                ("Scrap the £40 fee and charge £60.", "support"), ("Scrap the proposal.", "oppose"),
                ("Keep it as it is.", "oppose")]),
    (END_Q, [("Keep the speed humps.", "oppose"), ("Get rid of the speed humps.", "support")]),
    (BAN_Q, [("I agree that parking on pavements should be banned.", "support"),
             ("The council agrees that pavement parking should be banned, if buses can pass.", "support"),
             ("Keep pavement parking legal.", "oppose")]),
])
def test_stance_a_command_to_keep_or_end_what_the_question_names(rules: StanceModel, question: str,
                                                                 cases: list[tuple[str, str]]) -> None:
    """A stance is towards what the question proposes: to keep the night buses, "Scrap the night buses"
    opposes; to raise a fee "rather than the current £40", "Keep it at £40" opposes; to end the humps,
    "Keep the speed humps" opposes."""
    assert _stances(rules, cases, question) == [expected for _, expected in cases]


def test_stance_a_command_on_something_else_takes_no_side(rules: StanceModel) -> None:
    """"We must keep people safe" keeps no night bus; a paragraph answering two questions says "the vests
    should be scrapped" of another question's subject, not of the fee asked about."""
    cases = [("We must keep people safe.", "neutral"),
             ("At the end of the day it is about safety.", "neutral"),
             ("The buses should go to the depot at midnight.", "neutral")]
    assert _stances(rules, cases, KEEP_Q) == [expected for _, expected in cases]
    assert _stances(rules, [("Raising the fee is fine, but the speed humps should be scrapped.", "")],
                    CHANGE_Q) != ["oppose"]
    assert rules.predict(["The night buses should be scrapped."])[0].stance == "oppose"  # no question


def test_stance_an_option_choice_against_the_option_proposed(rules: StanceModel) -> None:
    """An answer choosing the option the consultation proposes supports it ("B", "as Option B describes"),
    one choosing another opposes it (an analyst counts a preference for another way as not backing the
    one proposed), a hedge keeps it mixed, and a question whose proposed option is unknown reads as
    before."""
    questions = with_proposed_options({"Q2": OPTIONS_Q}, {"Q2": OPTIONS},
                                      "Proposals: a paid weekly garden waste collection (Option B)")
    asked = questions["Q2"]
    assert asked != OPTIONS_Q
    cases = [("B", "support"), ("Option B, with a discount for pensioners.", "support"),
             ("A weekly collection as Option B describes would suit our residents.", "support"),
             ("A", "oppose"), ("We support option A.", "oppose"), ("Option C. Fewer lorries.", "oppose"),
             ("We support option B in principle, but the charge must be capped.", "mixed")]
    assert _stances(rules, cases, asked) == [expected for _, expected in cases]
    assert _stances(rules, [("B", "")], OPTIONS_Q) == ["neutral"]


def test_proposed_option_by_key_or_by_its_whole_label() -> None:
    assert proposed_option(OPTIONS, "raising fees and a paid weekly collection (Option B)") == "B"
    assert proposed_option(OPTIONS, "moving garden waste to bring sites only") == "C"
    assert proposed_option(OPTIONS, "Option A or Option B") is None
    assert proposed_option(OPTIONS, "better recycling") is None
    assert proposed_option({}, "Option B") is None


@pytest.mark.parametrize(("answer", "stance"), [
    ("Cytuno", "support"), ("Cytuno / Agree", "support"), ("Cytuno'n gryf", "support"),
    ("Rwy'n cytuno.", "support"), ("Anghytuno / Disagree", "oppose"), ("Ddim yn cytuno", "oppose"),
    ("Nid wyf yn cytuno.", "oppose"), ("Cytuno yn rhannol", "mixed"),
    ("Ddim yn cytuno nac yn anghytuno", "neutral"), ("Agree / Disagree", None), ("Yes / No", None),
])
def test_stance_welsh_and_bilingual_agreement_answers(answer: str, stance: str | None) -> None:
    found = closed_answer(answer, KEEP_Q)
    assert (found[0] if found else None) == stance
    assert only_closed_answer(answer) == (stance is not None)


def test_stance_dismay_sarcasm_and_only_if() -> None:
    assert score_sentence("Our members were dismayed to read that the buses might stop.")[1] > 0
    assert score_sentence("Oh wonderful, more paperwork for us all.")[1] > 0
    assert score_sentence("Oh, I see.") == (0.0, 0.0, 0.0)
    assert score_sentence("We were disappointed that the document was published late.") == (0.0, 0.0, 0.0)
    s, _, m = score_sentence("I would support raising the fee only if the money goes to repairs.")
    assert m > s


def test_stage_reads_an_option_answer_with_the_option_proposed() -> None:
    """The theme stage gives an answer to an options question its stance against the option proposed
    (the questions as the pipeline passes them: `with_proposed_options`); without a proposed option, none."""
    from respmine.themes.codebook import Codebook, Theme
    from respmine.themes.stage import SegmentInput, code_segments

    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="waste", label="Garden waste", description="garden waste collection bins",
              phrases=("garden waste",)),))
    segments = [SegmentInput("s1", "Option B. Garden waste piles up otherwise.", "Q2"),
                SegmentInput("s2", "A", "Q2")]
    proposed = with_proposed_options({"Q2": OPTIONS_Q}, {"Q2": OPTIONS},
                                     "a paid weekly collection (Option B)")
    stances = {s.segment: s.stance for s in code_segments(segments, codebook, WordEmbedder(),
                                                            questions=proposed).stances}
    assert stances == {"s1": "support", "s2": "oppose"}
    plain = {s.segment: s.stance for s in code_segments(segments, codebook, WordEmbedder(),
                                                          questions={"Q2": OPTIONS_Q}).stances}
    assert plain == {"s1": "neutral", "s2": "neutral"}
