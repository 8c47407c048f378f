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


LIBRARIES_Q = ("Do you agree with the proposal to reduce the number of council-run libraries from 14 to 6, "
               "keeping a library in each of the six main towns?")
HOURS_Q = ("Do you agree that the six council libraries should open longer hours using self-service access, "
           "when no staff are on site?")


@pytest.mark.parametrize(("sentence", "side"), [
    ("Age Concern Hafren Vale opposes the reduction to six libraries.", "oppose"),
    ("The Friends group rejects the closures.", "oppose"),
    ("Neither organisation can support the proposed reduction.", "oppose"),
    ("Neither charity could support the plan.", "oppose"),
    ("We are unable to support the proposal.", "oppose"),
    ("The board would never support these cuts.", "oppose"),
    ("Members voted unanimously against reducing the service to six libraries.", "oppose"),
    ("The committee voted to reject the plan.", "oppose"),
    ("Councillors voted in favour of the proposal.", "support"),
    ("We do not accept that Pontnewydd should lose its council library.", "oppose"),
    ("The parish council cannot accept the closure of its library.", "oppose"),
    ("Members were divided.", "mixed"),
    ("Opinion on the committee was sharply split.", "mixed"),
    ("Oh yes, I'm sure civilisation will collapse if a grown adult has to swipe a card to borrow a book.",
     "support"),
    ("Oh sure, the whole town would fall apart if the library opened on a Sunday.", "support"),
    ("We do not believe six libraries can meet that duty for a county of this size.", "oppose"),
    ("I doubt that volunteers could ever replace trained staff.", "oppose"),
    ("Closing eight branches would put at least 23 posts at risk.", "oppose"),
    ("Rwy'n anghytuno'n llwyr â'r cynnig i gau llyfrgell Abercwm.", "oppose"),  # (Welsh, in a sentence)
    ("Mae'r cyngor yn gwrthwynebu cau llyfrgell y pentref.", "oppose"),
    ("Nid ydym yn cefnogi'r cynnig.", "oppose"),
    ("Rydym yn croesawu'r cynnig.", "support"),
    ("Rydym yn cytuno'n rhannol.", "mixed"),
])
def test_stance_cues_of_bodies_votes_refusals_and_mockery(sentence: str, side: str) -> None:
    """A named body opposing "the reduction", a negated subject ("Neither organisation can support"), a vote
    against, "we do not accept that ...", a divided membership (mixed), sarcasm at the opponents' foretold
    disaster (for what they oppose), doubt that it can work, harm from doing it, and Welsh verbs of
    agreeing and opposing in a sentence (not only as a bare answer)."""
    s, o, m = score_sentence(sentence)
    found = {"support": s, "oppose": o, "mixed": m}
    assert found[side] > 0 and max(found, key=lambda k: found[k]) == side


def test_stance_whom_the_writer_serves_is_no_support() -> None:
    """"For many of the older people we support, ..." names whom the charity serves: no stance; nor do a
    concession, a claim refused, doubt about the current system, harm from keeping things, or a cost split."""
    assert score_sentence("For many of the older people we support, the branch library is the one place "
                          "outside the home they visit each week.") == (0.0, 0.0, 0.0)
    assert score_sentence("For these reasons we support the proposal.")[0] == 1.0
    assert score_sentence("We accept that savings must be made.") == (0.0, 0.0, 0.0)  # (a concession)
    assert score_sentence("We do not accept that a tag is inherently stigmatising.")[1] == 0.0  # (a claim)
    assert score_sentence("We do not think the current system can cope.") == (0.0, 0.0, 0.0)  # (for a change)
    assert score_sentence("Keeping all fourteen libraries would put the budget at risk.") == (0.0, 0.0, 0.0)
    assert score_sentence("The cost of the service is split equally.") == (0.0, 0.0, 0.0)  # (no one divided)
    assert score_sentence("Byddai rhai yn cytuno.") == (0.0, 0.0, 0.0)  # (Welsh: "some would agree")
    assert score_sentence("Rydym yn croesawu'r cyfle i ymateb.") == (0.0, 0.0, 0.0)  # (a courtesy)


def test_stance_keeping_is_read_against_what_the_question_changes(rules: StanceModel) -> None:
    """To cutting libraries "from 14 to 6", keeping "all fourteen" opposes (number words meet the question's
    digits; "keeping a library in each town" is a clause on what the cut spares, not a proposal to keep); to
    opening them longer with no staff, keeping them "open and staffed" shares words with the question but
    keeps nothing it proposes: no side, so "I do not agree that they should be introduced" is not made
    mixed by it."""
    keep_all = "Please keep all fourteen libraries open and staffed."
    assert _stances(rules, [(keep_all, "")], LIBRARIES_Q) == ["oppose"]
    assert _stances(rules, [(keep_all, "")], HOURS_Q) == ["neutral"]
    letter = f"I do not agree that unstaffed hours should be introduced. {keep_all}"
    assert _stances(rules, [(letter, "")], HOURS_Q) == ["oppose"]
    assert _stances(rules, [("Keep the libraries open as they are now.", "")], HOURS_Q) == ["oppose"]
    assert _stances(rules, [("Keep six libraries.", "")], LIBRARIES_Q) == ["support"]


@pytest.mark.parametrize(("answer", "unsure"), [
    ("We take no position on the number of libraries the council should run; that is a decision for elected "
     "members.", False),  # (a considered neutral stance: `says_neither`, test_stance_trial_cues)
    ("We make no comment on the number of libraries Hafren Vale should run, but ask that cross-border users "
     "are counted in the equality impact assessment.", True),
    ("We decline to take a position on this question.", False),
    ("The trust does not wish to comment on the proposal.", True),
    ("We make no comment on the hours, but we oppose the closures.", False),
    ("We have no view on the funding, which must rise.", False),
])
def test_stance_declining_to_take_a_position_is_not_knowing(answer: str, unsure: bool) -> None:
    """"We make no comment on ...", "The trust does not wish to comment": the answer's "did not know", even
    with a request on something else after it; "We take no position on ...; that is a decision for ...",
    "We decline to take a position" are a considered neutral stance (session 30: `says_neither`)."""
    from respmine.themes.stance import says_unsure

    assert says_unsure(answer) is unsure


@pytest.mark.parametrize(("sentence", "side"), [
    ("We do not accept that the service should stay as it is.", "support"),  # (refusing things as they are)
    ("We do not accept that nothing should change.", "support"),
    ("We do not accept that the status quo is the only option.", "support"),
    ("We would not accept such a change lightly, but on balance we support it.", "support"),
    ("We refuse to accept the closure.", "oppose"),
    ("Members voted for the proposal.", "support"),
    ("Members voted not to support the plan.", "oppose"),
    ("Members voted not to oppose the plan.", "support"),
    ("None of our members support the proposal.", "oppose"),
    ("No member of the board supports the plan.", "oppose"),
    ("Nor do we support the closure.", "oppose"),
    ("Nobody we spoke to opposed it.", "support"),
    ("Not one of our members opposes the plan.", "support"),
    ("No, we support the proposal.", "support"),
    ("Oh sure, the town would fall apart if the library opened on a Sunday.", "support"),
    ("Mae'r grŵp yn anghytuno.", "oppose"),
])
def test_stance_cues_read_the_way_the_writer_leans(sentence: str, side: str) -> None:
    """Refusing things as they are is for a change; a vote is negated in its gap ("voted not to support"), and
    "voted for the proposal" supports; a negated subject ("None of our members", "Nobody we spoke to")
    turns every cue of its clause."""
    s, o, m = score_sentence(sentence)
    found = {"support": s, "oppose": o, "mixed": m}
    assert found[side] > 0 and max(found, key=lambda k: found[k]) == side


@pytest.mark.parametrize("sentence", [
    "Oh yes, the shop will collapse if the fee doubles.",  # (earnest, answering "Would it affect you?")
    "Oh yes, and the service will end if nothing is done.",
    "The staff are divided between the two sites.",
    "The community is split between two towns.",
    "We are anxious that the scheme goes ahead quickly.",
    "I do not think the library can cope without this change.",
    "We do not believe anything else will work.",
    "We do not believe that keeping fourteen libraries can work.",
    "Nothing would put children at risk.",
    "Failing to act would put lives at risk.",
    "Parking on pavements would put wheelchair users at risk.",
    "Rydym yn cefnogi pobl hŷn yn yr ardal.",  # (Welsh: "we support older people in the area": a service)
    "Yr ydym yn cefnogi plant ag anghenion arbennig.",
    "Mae llawer o bobl yn anghytuno.",  # ("many people disagree": others' view)
])
def test_stance_cues_that_take_no_side(sentence: str) -> None:
    """Earnest "Oh yes" (no mark of sarcasm), staff split between sites, eagerness ("anxious that it goes
    ahead"), doubt that things work without the change, harm from not acting or from what a ban would end,
    whom a Welsh charity serves and what others think: none opposes (nor supports)."""
    s, o, m = score_sentence(sentence)
    assert o == 0.0 and m == 0.0 and s <= 0.3, (s, o, m)


@pytest.mark.parametrize(("question", "cases"), [
    (BAN_Q, [("I do not think pavement parking should be banned.", "oppose"),
             ("We do not accept that pavement parking should be banned.", "oppose"),
             ("We do not accept that pavement parking should continue as it is.", "support"),
             ("Nobody thinks pavement parking should be banned.", "oppose"),
             ("I think pavement parking should be banned.", "support")]),
    (KEEP_Q, [("We do not accept that the night buses should be scrapped.", "support"),
              ("I do not think you should scrap the night buses.", "support"),
              ("We do not accept that the night buses should stay.", "oppose")]),
])
def test_stance_a_denied_fate_takes_the_other_side(rules: StanceModel, question: str,
                                                   cases: list[tuple[str, str]]) -> None:
    """What should befall the thing, under a frame denying it ("I do not think ... should be banned", "We do
    not accept that ...", "Nobody thinks ..."), takes the other side from the bare command."""
    assert _stances(rules, cases, question) == [expected for _, expected in cases]
