"""Views an option question offers: choosing "Option A" takes the codebook's view that is option A
(`themes.chosen`), linked by the view's label or by the option's own words."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from respmine.store import Store
from respmine.store import themes as themes_store
from respmine.themes.chosen import ASIDE, CHOSE, option_views
from respmine.themes.codebook import Codebook, Theme
from respmine.themes.stage import SegmentInput, code_segments
from tests.themes.helpers import WordEmbedder
from tests.themes.test_incremental import EDITS, _rows, _texts

LIBRARIES = Codebook(name="libraries", version="1", themes=(
    Theme(id="model", label="Future of the branch libraries (Question 2)", description="What should happen."),
    Theme(id="model.community", label="Hand branch libraries to community groups (Option A)", parent="model",
          position=True, phrases=("community group to run",)),
    Theme(id="model.mobile", label="Mobile library and link points", parent="model", position=True,
          phrases=("mobile library", "link point")),
    Theme(id="staff", label="Library staff", phrases=("librarian",)),
))
OPTIONS = {"A": "hand the library to a community group", "B": "replace it with a mobile library visit",
           "C": "close the branch and fund the e-library"}


def test_option_views_link_by_the_views_label_or_the_options_words() -> None:
    """A by the view's label "(Option A)", B by its label's phrase "mobile library"; C names no view; a
    question without options, or an agreement question, links nothing."""
    found = option_views(LIBRARIES, {"Q2": OPTIONS, "Q1": {}})
    assert set(found) == {"Q2"}
    assert found["Q2"].views == {"A": ("model.community", "model"), "B": ("model.mobile", "model")}


def test_options_the_views_labels_name_link_without_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """(Session 30 review: the report and the review app build the links again from the stored codebook, and
    building the phrase rules loads spaCy: 21 s to open a report instead of 0.4 s.) Options every view's label
    names need no rules (an option C no view's label names still needs them: the report's cost remains
    there); an option no label names is still read by them."""
    from respmine.themes import rules

    def no_rules(*args: object, **kwargs: object) -> None:
        raise AssertionError("the phrase rules were built")

    labelled = Codebook(name="l", version="1", themes=(
        LIBRARIES.themes[0], LIBRARIES.themes[1],
        Theme(id="model.mobile", label="Mobile library (Option B)", parent="model", position=True),
    ))
    two = {k: OPTIONS[k] for k in "AB"}
    monkeypatch.setattr(rules, "PhraseRules", no_rules)
    found = option_views(labelled, {"Q2": two})
    assert found["Q2"].views == {"A": ("model.community", "model"), "B": ("model.mobile", "model")}
    with pytest.raises(AssertionError, match="phrase rules"):
        option_views(LIBRARIES, {"Q2": two})  # (B is linked by its phrases)


def test_an_option_naming_two_views_or_a_view_two_options_name_links_neither() -> None:
    both = {**OPTIONS, "C": "a mobile library run by a community group to run it"}  # the label names A's view
    assert option_views(LIBRARIES, {"Q2": both})["Q2"].views == {"A": ("model.community", "model"),
                                                                 "B": ("model.mobile", "model")}
    twice = {**OPTIONS, "C": "a link point in the village hall"}  # B and C both the mobile library view
    assert option_views(LIBRARIES, {"Q2": twice})["Q2"].views == {"A": ("model.community", "model")}


def test_several_questions_offering_option_a_need_the_label_to_name_the_question() -> None:
    """Q2 and Q5 both offer an option A: the view's topic names Question 2, so its A is Q2's only."""
    found = option_views(LIBRARIES, {"Q2": OPTIONS, "Q5": {"A": "more evening opening", "B": "fewer"}})
    assert found["Q2"].views["A"] == ("model.community", "model") and "Q5" not in found
    unnamed = LIBRARIES.model_copy(update={"themes": tuple(
        t.model_copy(update={"label": "Future of the branches"}) if t.id == "model" else t
        for t in LIBRARIES.themes)})
    found = option_views(unnamed, {"Q2": OPTIONS, "Q5": {"A": "more evening opening", "B": "fewer"}})
    assert "A" not in found["Q2"].views  # ambiguous: which question's option A?


def _run(store: Store, segments: list[SegmentInput], codebook: Codebook,
         options: dict[str, dict[str, str]]) -> None:
    result = code_segments(segments, codebook, WordEmbedder(), previous=themes_store.previous_coding(store),
                           options=options)
    themes_store.write_coding(store, result)


def _check(store: Store, segments: list[SegmentInput], codebook: Codebook,
           options: dict[str, dict[str, str]]) -> None:
    scratch = code_segments(segments, codebook, WordEmbedder(), options=options)
    assert _rows(themes_store.machine_codes(store)) == _rows(scratch.codes)


ANSWERS = [
    SegmentInput("a", "Option A. Several members have offered to help with a rota.", "Q2"),
    SegmentInput("cell", "B", "Q2"),
    SegmentInput("c", "C. Close them and spend the money on e-books.", "Q2"),
    SegmentInput("r", "We favour Option A, though a mobile library would help the remote farms.", "Q2"),
    SegmentInput("none", "We reject all three options; librarians are the service.", "Q2"),
    SegmentInput("q6", "Option A would be best for our village.", "Q6"),  # not the option question
    SegmentInput("who", "Our union represents most library workers employed by the council, including the "
                 "library assistants and the mobile library drivers.", "Q6"),
    SegmentInput("for", "We strongly support a mobile library for the villages.", "Q6"),
]


def test_an_answer_choosing_an_option_takes_its_view_with_the_sentence_that_chose(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _run(store, ANSWERS, LIBRARIES, {"Q2": OPTIONS})
    codes = {(c.segment, c.theme): c for c in themes_store.machine_codes(store)}
    assert codes["a", "model.community"].method == CHOSE and codes["a", "model"].method == f"{CHOSE}(child)"
    assert codes["a", "model.community"].evidence_text == "Option A."
    assert codes["cell", "model.mobile"].method == CHOSE
    assert codes["cell", "model.mobile"].evidence_text == "B"
    assert not {k for k in codes if k[0] in ("c", "none", "q6") and k[1].startswith("model.")}
    assert codes["c", "model"].method == CHOSE  # an option that is no view: an answer on their topic
    assert codes["c", "model"].evidence_text == "C."
    assert codes["r", "model.community"].method == CHOSE
    assert codes["r", "model.mobile"].method.startswith("rule")  # its own words argue for B too: they stand
    assert codes["none", "staff"].method.startswith("rule")


def test_another_questions_option_named_in_passing_raises_its_topic(tmp_path: Path) -> None:
    """Outside the option question, "the mobile library drivers" (a sentence taking no side) codes the topic,
    not the view; "We strongly support a mobile library" keeps it; a new stance model leaves the codes of
    coding from scratch."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _run(store, ANSWERS, LIBRARIES, {"Q2": OPTIONS})
    codes = {(c.segment, c.theme): c for c in themes_store.machine_codes(store)}
    assert ("who", "model.mobile") not in codes and codes["who", "model"].method.endswith(f"+{ASIDE}")
    assert codes["for", "model.mobile"].method == "rule" and codes["for", "model.mobile"].stance == "support"
    _check(store, ANSWERS, LIBRARIES, {"Q2": OPTIONS})
    scratch = code_segments(ANSWERS, LIBRARIES, WordEmbedder())  # (no options: the view stands)
    assert "model.mobile" in {c.theme for c in scratch.codes if c.segment == "who"}


def test_a_similarity_code_of_another_options_view_goes(tmp_path: Path) -> None:
    """"A" chosen: a sentence the similarity coder put under the mobile library is no second view."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    segments = [SegmentInput("s", "A. Mobile vans visiting villages would not be the same.", "Q2")]
    scratch = code_segments(segments, LIBRARIES, WordEmbedder(), options={"Q2": OPTIONS})
    assert {c.theme for c in scratch.codes} >= {"model.community", "model"}
    assert not [c for c in scratch.codes if c.theme == "model.mobile" and c.method.startswith("similarity")]
    _run(store, segments, LIBRARIES, {"Q2": OPTIONS})


def test_reruns_follow_the_options_and_the_codebooks_views(tmp_path: Path) -> None:
    """Changing the question's options or the codebook's views recodes the answers to it: the codes are
    those of coding from scratch (the view's label no longer naming option A drops its takers; a reworded
    option B naming no view drops B's)."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    options = {"Q2": OPTIONS}
    _run(store, ANSWERS, LIBRARIES, options)
    unnamed = LIBRARIES.model_copy(update={"version": "2", "themes": tuple(
        t.model_copy(update={"label": "Hand branch libraries to community groups"})
        if t.id == "model.community" else t for t in LIBRARIES.themes)})
    _run(store, ANSWERS, unnamed, options)
    assert ("a", "model.community") not in {(c.segment, c.theme) for c in themes_store.machine_codes(store)}
    _check(store, ANSWERS, unnamed, options)
    reworded = {"Q2": {**OPTIONS, "B": "replace it with a book van"}}
    _run(store, ANSWERS, unnamed, reworded)
    assert ("cell", "model.mobile") not in {(c.segment, c.theme) for c in themes_store.machine_codes(store)}
    _check(store, ANSWERS, unnamed, reworded)
    _run(store, ANSWERS, LIBRARIES, options)  # put back
    assert {("a", "model.community"), ("cell", "model.mobile")} <= {
        (c.segment, c.theme) for c in themes_store.machine_codes(store)}
    _check(store, ANSWERS, LIBRARIES, options)


def test_random_codebook_edits_with_an_option_question_match_coding_from_scratch(tmp_path: Path) -> None:
    """The synthetic codebook's views (ember "a.y", willow "a.w") as options A and B of q1: codebook edits
    (positions toggled, phrases, themes moved or removed) leave exactly the codes of coding from scratch."""
    rng = random.Random(31)
    segments = [replace(s, text=f"{('Option A.', 'B', 'We prefer option B.', '')[k % 4]} {s.text}".strip())
                for k, s in enumerate(_texts(rng, 80))]
    from tests.themes.test_incremental import _codebook

    codebook = _codebook()
    options = {"q1": {"A": "ember", "B": "willow"}}
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _run(store, segments, codebook, options)
    assert {c.theme for c in themes_store.machine_codes(store) if c.method == CHOSE} == {"a.y", "a.w"}
    _check(store, segments, codebook, options)
    for step in range(14):
        codebook = Codebook(name="synthetic", version=str(step + 2),
                            themes=tuple(EDITS[step % len(EDITS)](rng, list(codebook.themes))))
        _run(store, segments, codebook, options)
        _check(store, segments, codebook, options)


def test_a_new_stance_model_leaves_the_codes_of_coding_from_scratch(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Codes moved to a topic by their sentence's stance (`aside`) follow a new stance model."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    _run(store, ANSWERS, LIBRARIES, {"Q2": OPTIONS})
    monkeypatch.setattr("respmine.themes.stance.VERSION", "stance-test")
    _run(store, ANSWERS, LIBRARIES, {"Q2": OPTIONS})
    _check(store, ANSWERS, LIBRARIES, {"Q2": OPTIONS})


def test_a_letter_arguing_for_another_questions_option_in_its_own_words_keeps_the_view() -> None:
    """A general comment "We strongly favour handing libraries to community groups" (similarity: not the
    view's phrases) argues for option A's view: it holds the view, not only its topic; a sentence taking
    the other side, or none, still codes only the topic."""
    segments = [SegmentInput("for", "We strongly favour handing libraries to community groups.", ""),
                SegmentInput("against", "We strongly oppose handing libraries to community groups.", "")]
    plain = {(c.segment, c.theme): c for c in code_segments(segments, LIBRARIES, WordEmbedder()).codes}
    assert plain["for", "model.community"].method == "similarity"  # (what similarity codes, as written)
    codes = {(c.segment, c.theme): c
             for c in code_segments(segments, LIBRARIES, WordEmbedder(), options={"Q2": OPTIONS}).codes}
    assert codes["for", "model.community"].method == "similarity"
    assert codes["for", "model.community"].stance == "support"
    assert ("against", "model.community") not in codes


def test_a_short_sentence_naming_another_questions_option_holds_the_view() -> None:
    """"A mobile library is the answer." (a review: the stance model reads no side on the proposals in it,
    and the view's rule code had gone to its topic): in a short sentence the mention is the point made."""
    segments = [SegmentInput("short", "A mobile library is the answer.", ""),
                SegmentInput("keep", "Please keep the mobile library.", "")]
    codes = {(c.segment, c.theme): c.method
             for c in code_segments(segments, LIBRARIES, WordEmbedder(), options={"Q2": OPTIONS}).codes}
    assert codes["short", "model.mobile"] == "rule" and codes["keep", "model.mobile"] == "rule"


def test_a_view_two_questions_offer_is_no_aside_in_either_questions_answers() -> None:
    """Q7 offers the mobile library too (its option A, by its words): an answer to Q2 naming it is an
    answer to a question offering it, coded as where Q2 alone offers it, not moved to its topic."""
    segments = [SegmentInput("q2", "We have not decided yet; the remote farms need a mobile library.", "Q2"),
                SegmentInput("q7", "Undecided, though the remote farms need a mobile library.", "Q7")]
    both = {"Q2": OPTIONS, "Q7": {"A": "a mobile library visit each week", "B": "no change"}}
    assert option_views(LIBRARIES, both)["Q7"].views == {"A": ("model.mobile", "model")}
    alone = {(c.segment, c.theme): c.method
             for c in code_segments(segments[:1], LIBRARIES, WordEmbedder(), options={"Q2": OPTIONS}).codes}
    assert alone["q2", "model.mobile"] == "rule"
    codes = {(c.segment, c.theme): c.method
             for c in code_segments(segments, LIBRARIES, WordEmbedder(), options=both).codes}
    assert codes["q2", "model.mobile"] == "rule" and codes["q7", "model.mobile"] == "rule"


def test_an_analysts_rename_of_an_options_view_keeps_its_takers() -> None:
    """An analyst tidies "Hand branch libraries to community groups (Option A)" to "Community-run
    libraries" (the effective codebook's label names no option): answers choosing A still take the view,
    read by its label as the codebook file wrote it; a rename naming another option is read as renamed."""
    from datetime import UTC, datetime

    from respmine.themes.decisions import Decision, effective_codebook

    def renamed(label: str) -> Codebook:
        return effective_codebook(LIBRARIES, [Decision(datetime(2026, 1, 1, tzinfo=UTC), "analyst", "rename",
                                                       theme="model.community", value={"label": label})])

    written = {t.id: t.label for t in LIBRARIES.themes}
    assert option_views(renamed("Community-run libraries"), {"Q2": OPTIONS}, written)["Q2"].views["A"] == (
        "model.community", "model")
    assert "A" not in option_views(renamed("Community-run libraries (Option C)"), {"Q2": OPTIONS},
                                   written)["Q2"].views
    codes = code_segments(ANSWERS[:1], renamed("Community-run libraries"), WordEmbedder(),
                          options={"Q2": OPTIONS}, labels=written).codes
    assert ("a", "model.community", CHOSE) in {(c.segment, c.theme, c.method) for c in codes}


PREFERRING = [  # (general comments, each sentence over SHORT_SENTENCE_WORDS words, taking no side)
    ("to", "We would prefer a mobile library to closure, as the farms are far from town and buses rare."),
    ("rather", "A mobile library rather than closure would keep books within reach of the farms up there."),
    ("better", "A mobile library is better than nothing at all for the farms up the valley and old people."),
    ("sooner", "We would rather have a mobile library than lose the service altogether in the upper valley."),
    ("over", "The parish chose a mobile library over closure when the council asked the villages in spring."),
    ("other", "We would prefer closure to a mobile library, as a van once a fortnight helps nobody up here."),
    ("not", "We would not prefer a mobile library to closure, as a van once a fortnight helps nobody here."),
    ("others", "Nobody in the village would prefer a mobile library to a proper branch with staff in it."),
    ("doubt", "It is hard to say whether a mobile library is better than a branch for the farms up there."),
    ("reported", "The council says residents would prefer a mobile library to the branch, which we doubt."),
]


@pytest.mark.parametrize(("key", "text"), PREFERRING)
def test_a_long_sentence_preferring_another_questions_option_holds_the_view(key: str, text: str) -> None:
    """"We would prefer a mobile library to closure, as ..." (a preference between options is a side) holds
    option B's view, though the sentence is long and the stance model reads no side on the proposals; the
    view preferred against ("closure to a mobile library"), or a preference denied, raises only its topic."""
    found = code_segments([SegmentInput(key, text, "")], LIBRARIES, WordEmbedder(), options={"Q2": OPTIONS})
    codes = {c.theme: c.method for c in found.codes}
    if key in ("other", "others", "doubt", "reported"):  # (preferred against, or not the writer's)
        assert "model.mobile" not in codes and codes["model"].endswith(f"+{ASIDE}")
    elif key == "not":
        assert codes.get("model.mobile") != "rule"  # (a negated mention: as the rules leave it)
    else:
        assert codes.get("model.mobile") == "rule"


def test_a_view_taken_by_answering_implies_its_stance_as_a_rules_does() -> None:
    """Option A is what the consultation proposes (its view `stance: support`): a respondent answering "A"
    holds it, and supports, as one whose sentence a rule coded it in does ("We back a community group to
    run it."); not one choosing B (no stance implied), and an agreement's code asserts its view too."""
    from respmine.themes.chosen import CHOSE
    from respmine.themes.stance import asserts, position_stance, theme_stance
    from respmine.themes.stated import AGREED

    proposed = LIBRARIES.model_copy(update={"themes": tuple(
        t.model_copy(update={"stance": "support"}) if t.id == "model.community" else t
        for t in LIBRARIES.themes)})
    segments = [SegmentInput("cell", "A", "Q2"), SegmentInput("other", "B", "Q2")]
    found = code_segments(segments, proposed, WordEmbedder(), options={"Q2": OPTIONS})
    stances = {s.segment: s for s in found.stances}
    assert stances["cell"].stance == "support" and stances["cell"].method == "theme"
    assert stances["other"].stance == "neutral"
    taken = next(c for c in found.codes if c.segment == "cell" and c.theme == "model.community")
    assert taken.method == CHOSE and taken.stance is None
    assert theme_stance(taken, {"model.community": "support"}) == "support"
    assert position_stance([taken], {"model.community": "support"}) == ("support", taken)
    assert asserts(replace(taken, method=AGREED))
    assert not asserts(replace(taken, method=f"{CHOSE}(child)")) and not asserts(
        replace(taken, method=f"{AGREED}(child)"))  # (a topic implied by the view: the view speaks)


def test_the_methods_of_views_taken_by_answering_are_those_stance_knows() -> None:
    from respmine.themes.stance import ANSWERED
    from respmine.themes.stated import AGREED

    assert set(ANSWERED) == {CHOSE, AGREED}


def test_a_choice_made_only_on_a_condition_is_mixed_on_the_proposals() -> None:
    """Option A is proposed: "I would back handing the branches to community groups only if the council
    keeps paying ..." chooses it (`structure.choices`) on a condition, and reads mixed, as "I would support
    X only if ..." does; "Option A, as long as ..." and a plain choice support; the condition on another
    option hedges its opposition the same way."""
    from respmine.themes.stance import StanceModel, with_proposed_options

    question = ("Which option do you prefer: Option A (hand the library to a community group), Option B (a "
                "mobile library visit) or Option C (close it)?")
    asked = with_proposed_options({"Q2": question}, {"Q2": OPTIONS},
                                  "handing branch libraries to community groups (Option A)")
    cases = [("I would back handing the branches to community groups only if the council keeps paying for "
              "the book stock and the insurance.", "mixed"),
             ("Option A, as long as the grant lasts five years.", "support"), ("A", "support"),
             ("Option B, but only if the van comes every week.", "mixed"), ("B", "oppose")]
    found = StanceModel(WordEmbedder()).predict([t for t, _ in cases], [asked["Q2"]] * len(cases))
    assert [p.stance for p in found] == [s for _, s in cases]
