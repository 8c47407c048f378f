"""`page_breaks.runs_on`: which paragraph breaks cut a sentence (a page break), the one rule extraction,
segmentation and sentence splitting join paragraphs by."""

from __future__ import annotations

import pytest

from respmine.ingest.assemble import PART_SEPARATOR, page_separator
from respmine.page_breaks import runs_on
from respmine.themes.sentences import sentence_spans

PROSE = "We would like to see longer contracts, which allow providers to reduce costs over"


@pytest.mark.parametrize(("paragraph", "following", "joined"), [
    (PROSE, "time, combined with a firm floor.", True),
    (PROSE + ",", "and a firm floor.", True),  # a comma runs on
    ("Les associations doivent garder leur indépendance quand elles reçoivent des fonds de", "l'État.", True),
    ("• Small charities cannot bid for large contracts because the tender costs are", "too high.", True),
    (PROSE, "Time, combined with a firm floor.", False),  # a capital: a new sentence
    (PROSE + ".", "time, combined with a firm floor.", False),
    (PROSE + ":", "a) longer contracts", False),
    (PROSE, "b) full cost recovery on every contract;", False),  # list points
    (PROSE, "ii. full cost recovery on every contract;", False),
    (PROSE, "o full cost recovery on every contract;", False),
    ("Funding and contracts", "full cost recovery should be the rule.", False),  # a heading
    ("1 Ministry of Justice, Transforming Rehabilitation consultation, January 2013", "and so on.", False),
    ("[12] Ministry of Justice, Transforming Rehabilitation consultation, January 2013", "and so on.", False),
    ("¹ Ministry of Justice, Transforming Rehabilitation consultation, January 2013", "and so on.", False),
    ("Question 3 - Payment by results and the role of the voluntary sector", "we agree with it.", False),
    (PROSE + " –", "and a firm floor.", True),  # a dash runs on
    (PROSE, "“flexibility” and a firm floor.", True),  # an opening quote before the lower case
    (PROSE + " well-", "being of offenders.", False),  # a hyphenated word: not glued with a space
    (PROSE, "", False),
])
def test_page_breaks_runs_on(paragraph: str, following: str, joined: bool) -> None:
    assert runs_on(paragraph, following) is joined


def test_page_breaks_numbered_paragraph_runs_on_but_only_its_last_paragraph_counts() -> None:
    page = "Question 9\n\n9. We are concerned that decisions on the new contracts will be taken before"
    assert page_separator(page, "small charities have been heard.") == " "
    assert page_separator(PROSE + ".\n\nQuestion 9", "small charities have been heard.") == PART_SEPARATOR


def test_page_breaks_sentence_split_keeps_a_page_cut_sentence_whole() -> None:
    """Text stored before extraction joined page breaks still reads as one sentence (quotes, evidence)."""
    text = f"Question 9\n\n{PROSE}\n\ntime, with a firm floor. Small charities need help.\n\nb) and more"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Question 9", f"{PROSE}\n\ntime, with a firm floor.", "Small charities need help.", "b) and more"]


@pytest.mark.parametrize("blank", ["\n \n", "\r\n\r\n", "\n\n"])
def test_page_breaks_sentence_split_reads_the_paragraph_however_the_blank_line_is_written(blank: str) -> None:
    """The paragraph before a blank line is its own, not everything since the text began ("Funding" is a
    heading whatever line ends the form cell held)."""
    text = f"We agree with the proposal in general terms.{blank}Funding{blank}full cost recovery is the rule."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "We agree with the proposal in general terms.", "Funding", "full cost recovery is the rule."]
    cut = f"{PROSE}{blank}time, with a firm floor."
    assert [cut[a:b] for a, b in sentence_spans(cut)] == [cut]


def test_page_breaks_list_point_after_indentation_is_not_joined() -> None:
    text = f"{PROSE}\n\n           iii) privacy of students at home"
    assert len(sentence_spans(text)) == 2


def test_page_breaks_blank_line_after_an_abbreviation_is_still_a_paragraph_break() -> None:
    text = "We like many things, such as cost, privacy, etc.\n\nFunding\n\nfull cost recovery is the rule."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "We like many things, such as cost, privacy, etc.", "Funding", "full cost recovery is the rule."]
    short = "No.\n\nWe think not."
    assert [short[a:b] for a, b in sentence_spans(short)] == ["No.", "We think not."]
