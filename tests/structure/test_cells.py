"""A form's stock cells ("No opinion", "N/A", "See above", "Yes - agree") say nothing of their own."""

from __future__ import annotations

import pytest

from respmine.structure.cells import cross_reference, non_answer, only_a_form_cell

CELLS = ["No opinion", "Prefer not to say", "N/A", "n/a", "NA", "Not applicable", "No comment",
         "No comments.", "None", "None.", "Nothing to add", "Nothing further to add.", "See above",
         "As above", "As above.", "Same as above", "Please see above", "See answer to Q3",
         "See my response to question 4.", "As per my previous answer", "No further comments at this time.",
         "-", "Dim sylw", "☒ N/A"]
SCALE = ["Yes - agree", "Yes – agree", "Yes, agree", "Agree", "Disagree", "Strongly agree",
         "Tend to disagree", "No - disagree", "No - not applicable", "Yes", "B", "Cytuno / Agree"]
SAYS_SOMETHING = ["No, because it costs too much", "None of the options work for disabled people",
                  "Nothing will change unless enforcement is funded", "See the attached evidence on damage",
                  "Agree, but only with exemptions for carers", "Yes - the mobile library must stay",
                  "As above, the library is vital", "No opinion on the levy but the library must stay",
                  "Not applicable to rural areas, where lanes are narrow", "Local history collections",
                  "N/A - we run no buses", ""]


@pytest.mark.parametrize("text", CELLS + SCALE)
def test_a_stock_cell_is_only_a_form_cell(text: str) -> None:
    assert only_a_form_cell(text)


@pytest.mark.parametrize("text", SAYS_SOMETHING)
def test_a_cell_that_says_something_is_not(text: str) -> None:
    assert not only_a_form_cell(text)


def test_non_answers_are_not_closed_answers() -> None:
    assert all(non_answer(t) for t in CELLS)
    assert not any(non_answer(t) for t in ("Agree", "Yes", "B", ""))


def test_a_long_run_of_punctuation_is_read_in_linear_time() -> None:
    """A pattern with punctuation allowed around the cell ("[\\W_]*(...)[\\W_]*") backtracked over every
    split of a run of dashes: 1.5 s for a row of 4,000, 25 s for 20,000 (a text-table rule)."""
    import time

    start = time.perf_counter()
    assert not non_answer("-" * 20_000 + " No opinion on the levy, but keep the library")
    assert non_answer("-" * 20_000 + " No opinion " + "." * 20_000)
    assert non_answer("=" * 20_000)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("text", ["No further comments, thank you.", "None, thanks",
                                  "Nothing more to add. Thank you.", "No comment at this time, thank you",
                                  "Nothing else to add - thanks!", "Ditto - thanks",
                                  "None thank you.", "Dim sylw, diolch"])
def test_a_stock_cell_with_thanks_is_still_one(text: str) -> None:
    """"No comment thanks" was a stock cell and "No further comments, thank you." was not: the topic of
    such cells could be an emerging theme, and the coder's fallback gave them a theme."""
    assert only_a_form_cell(text)


@pytest.mark.parametrize("text", ["Thank you", "No comment, thanks, but keep the mobile library",
                                  "Thanks. The library is vital to us."])
def test_thanks_alone_or_beside_a_view_is_no_stock_cell(text: str) -> None:
    assert not only_a_form_cell(text)


@pytest.mark.parametrize("text", ["Dim sylw pellach", "Dim sylwadau pellach", "Dim ateb", "Dim byd pellach",
                                  "Dim i'w ychwanegu", "Gweler uchod", "Fel uchod.", "Gweler yr ateb uchod"])
def test_welsh_stock_cells_as_their_english(text: str) -> None:
    """The Welsh of "No further comment", "No answer", "Nothing further", "Nothing to add", "See above",
    "As above", "See the answer above": their English was a stock cell, they were not."""
    assert non_answer(text) and only_a_form_cell(text)


@pytest.mark.parametrize("text", ["Dim", "Dim mwy o ffioedd", "Dim byd yn newid",
                                  "Fel uchod, mae angen y llyfrgell"])
def test_welsh_that_says_something_is_no_stock_cell(text: str) -> None:
    """"No more fees", "Nothing changes", "As above, the library is needed"."""
    assert not only_a_form_cell(text)


def test_a_long_run_of_spaces_is_read_in_linear_time() -> None:
    """The split of a cell into its parts ("Yes - agree") and of a closed answer into its two languages
    ("Cytuno / Agree") tried a separator at each space of a run, eating the rest of the run each time: a
    50 kB cell of spaces and words took 276 s (`only_a_form_cell`), 22 s (`only_closed_answer`)."""
    import time

    from respmine.themes.stance import only_closed_answer

    words = ["yes", "agree", "B", "we"] * 700
    cell = "".join(f"{word}{' ' * (7 * i % 60 + 1)}" for i, word in enumerate(words))
    start = time.perf_counter()
    assert not only_a_form_cell(cell)
    assert not only_a_form_cell("Yes" + " " * 50_000 + "agree keep the library")
    assert not only_closed_answer("Yes" + " " * 50_000 + "agree keep the library")
    assert only_a_form_cell("Yes" + " " * 20_000 + "-  agree")
    assert only_closed_answer("Cytuno" + " " * 20_000 + "/ Agree")
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("text", ["No thanks", "No thanks.", "No thank you", "no, thanks", "Ditto", "Ditto.",
                                  "Nothing to add", "As above", "As stated above.", "As previously stated",
                                  "As mentioned above", "Same as stated before", "☒ Ditto", "Ditto!"])
def test_a_polite_no_or_a_repeat_is_a_stock_cell(text: str) -> None:
    """"No thanks", "Ditto" and "As stated above" say no view of their own: their topic was an emerging
    theme and the coder gave them a theme."""
    assert non_answer(text) and only_a_form_cell(text)


@pytest.mark.parametrize("text", ["No thanks to the regulator, bills went up", "Ditto the point on fees, and "
                                  "the standing charge must fall", "As stated above, the charge is unfair"])
def test_a_polite_no_or_a_repeat_with_a_view_is_no_stock_cell(text: str) -> None:
    assert not only_a_form_cell(text)


@pytest.mark.parametrize(("text", "target"), [
    ("see above", ""), ("See above.", ""), ("As above", ""), ("Ditto", ""), ("As per my previous answer", ""),
    ("see Q6", "6"), ("See answer to Q3", "3"), ("See our answer to Q2.", "2"), ("as Q6", "6"),
    ("Same as question 4a.", "4a"), ("See my response to question 4.", "4"),
    ("Please refer to our covering letter", "our covering letter"),
    ("See attached letter.", "attached letter"),
    ("Gweler uchod", ""), ("See Q1", "1"), ("See question 1 above", "1"), ("Please see Q1 above.", "1")])
def test_a_cell_only_referring_elsewhere_names_what_it_refers_to(text: str, target: str) -> None:
    """(Trial 31a.) "see above", "see Q6", "as Q6", "Please refer to our covering letter" answer nothing
    of their own: `cross_reference` says where the answer is (a question's number, "" for the answer above,
    or what is named), so filing can show analysts the reference instead of counting a view."""
    assert cross_reference(text) == target
    assert only_a_form_cell(text)


@pytest.mark.parametrize("text", ["See the attached evidence on damage", "As above, the library is vital",
                                  "See our answer to Q2. We would also like a register.", "No comment", "N/A",
                                  "Option C, see above for why it matters to us", ""])
def test_a_cell_saying_more_than_a_reference_is_none(text: str) -> None:
    assert cross_reference(text) is None
