"""Passages: a list stays with its lead-in, a numbered heading or a short question with the paragraph
under it; footnotes, lists without a lead-in and what describes the respondent stay apart."""

from __future__ import annotations

from respmine.structure.blocks import blocks
from respmine.structure.passages import GROUP_MAX_CHARS, passages


def _texts(text: str, apart: frozenset[int] = frozenset()) -> list[str]:
    found = passages(text, blocks(text), apart)
    for b in found:
        assert text[b.start : b.end] == b.text  # every passage is a span of the document
    return [b.text for b in found]


LEAD_IN = "We ask the Commission to make three changes to the draft:"
ITEMS = ["• drop the ban on research uses;", "• define high risk narrowly;", "• fund the sandboxes."]


def test_passages_a_list_is_joined_to_its_lead_in() -> None:
    text = "\n\n".join(["Some context comes first here.", LEAD_IN, *ITEMS, "Our second point is costs."])
    assert _texts(text) == ["Some context comes first here.", "\n\n".join([LEAD_IN, *ITEMS]),
                            "Our second point is costs."]


def test_passages_list_items_without_a_lead_in_stay_apart() -> None:
    text = "\n\n".join(["We have three concerns.", *ITEMS])  # no colon: each item is a point of its own
    assert _texts(text) == ["We have three concerns.", *ITEMS]
    label = "\n\n".join(["Contact:", "- Jo Bloggs"])  # a label, not a lead-in
    assert _texts(label) == ["Contact:", "- Jo Bloggs"]


def test_passages_a_long_list_is_cut_at_the_size_limit() -> None:
    items = [f"• point {i} about the proposals, set out at some length for the reader." for i in range(40)]
    found = _texts("\n\n".join([LEAD_IN, *items]))
    assert found[0].startswith(LEAD_IN) and len(found) > 1
    assert all(len(t) <= GROUP_MAX_CHARS for t in found)
    assert "\n\n".join(found) == "\n\n".join([LEAD_IN, *items])  # nothing lost or repeated


def test_passages_a_numbered_heading_joins_the_paragraph_under_it() -> None:
    para = ("The Commission should require explanations for every decision about a person. " * 20).strip()
    text = "\n\n".join(["4. Transparency", para, "b) Enforcement", "Regulators need funds."])
    assert _texts(text) == [f"4. Transparency\n\n{para}", "b) Enforcement\n\nRegulators need funds."]


def test_passages_a_short_question_on_its_own_line_heads_its_answer() -> None:
    text = "Why do we need it?\n\nBecause skills are lost when machines decide."
    assert _texts(text) == [text]
    long_question = ("Why should a small charity with six staff carry the whole cost of bidding for a "
                     "contract it cannot win?\n\nIt should not.")
    assert _texts(long_question) == long_question.split("\n\n")  # a question asked, not a heading


def test_passages_a_table_of_contents_and_notes_stay_apart() -> None:
    contents = "\n\n".join(["1. Executive summary", "2. Introduction", "The paper sets out our views."])
    assert _texts(contents) == contents.split("\n\n")  # the last line of a list of headings heads nothing
    notes = "\n\n".join(["VI. Endnotes", "1 See Smith et al. (2019), p. 4."])
    assert _texts(notes) == notes.split("\n\n")
    unnumbered = "\n\n".join(["4 Transparency", "Explanations are needed."])  # "4 ..." may be a footnote
    assert _texts(unnumbered) == unnumbered.split("\n\n")


def test_passages_what_describes_the_respondent_is_never_joined() -> None:
    about = "We are a charity supporting families of prisoners:"
    text = "\n\n".join([about, "• in six prisons;", "• in the community."])
    start = text.index(about)
    assert _texts(text, frozenset({start})) == text.split("\n\n")
    heading = "1. About us\n\nWe are a charity."
    assert _texts(heading, frozenset({heading.index("We")})) == heading.split("\n\n")
