"""Tick boxes typed into a response form are read as the label ticked."""

from __future__ import annotations

from respmine.structure.choices import respondents_choice
from respmine.structure.ticks import unticked
from respmine.themes.stance import StanceModel

AGE = {"A": "16", "B": "18"}
ASKED = "Do you agree that the sale of energy drinks to under-16s should be banned? Yes / No / Don't know"


def test_ticks_leave_the_label_ticked_and_keep_offsets() -> None:
    for text, said in [("☒ Yes ☐ No ☐ Don't know", "Yes"), ("( ) Agree (x) Disagree", "Disagree"),
                       ("[ ] Option A (16) [X] Option B (18)", "Option B (18)")]:
        read = unticked(text)
        assert len(read) == len(text) and read.split() == said.split(), text
    for text in ("☐ Yes ☐ No", "☒ Yes ☒ No", "We agree (x) times over.", "Plain text."):  # none or several
        assert unticked(text) == text
    # (a review's layouts) labels before their boxes, a box to a line, and what is said after the last label
    for text, said in [("Yes ☐ No ☒ Don't know ☐", "No"), ("☐ Yes\n☒ No\n☐ Don't know", "No"),
                       ("Option A (16) ☐ Option B (18) ☒", "Option B (18)"),
                       ("☐ Yes ☒ No ☐ Don't know. It would harm us.", "No It would harm us.")]:
        assert unticked(text).split() == said.split(), text


def test_ticks_decide_closed_answers_and_options() -> None:
    """A form ticking option B was counted as choosing A (the first named), one ticking "Yes" as unclear."""
    assert respondents_choice(["☐ Option A (16) ☒ Option B (18)"], AGE) == "B"
    assert respondents_choice(["[ ] Option A (16) [X] Option B (18)\nSixth formers drink them."], AGE) == "B"
    ticked = ["☒ Yes ☐ No ☐ Don't know", "[ ] Yes [X] No [ ] Don't know\nThe nanny state."]
    got = StanceModel().predict(ticked, [ASKED, ASKED])
    assert [p.stance for p in got] == ["support", "oppose"]
