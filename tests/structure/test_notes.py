"""Footnotes and references: a citation under a footnote mark, or a bare link, is a note; a numbered
point that cites nothing, and prose, are not."""

from __future__ import annotations

import pytest

from respmine.structure.notes import is_reference_note


@pytest.mark.parametrize("text", [
    "48 Id. at Art. 9(6).",
    "57 See [NAME] et al., White Paper: Value Chain Innovation, Stanford Graduate School of Business (2018).",
    "12 Qiao, L. (2021) PyTorch builds the future of AI. Available at: https://ai.example.org (4 June).",
    "[3] Ministry of Justice (2013) Transforming Rehabilitation, p. 12.",
    "¹ Ibid.",
    "69 [NAME] and others (n 19) 4; [NAME] (n 19) 5.",
    "63 Art. 6(1).",
    "https://www.gov.uk/government/consultations/transforming-rehabilitation",
    "7 https://www.ibm.com/blogs/policy/trust-principles/",
    "https://www.vzbv.de/publikationen/nutzerrechte-sind-ein-must-have [Access: 21.07.2021].",
    "https://arxiv.org/pdf/2001.00973.pdf (link as of 6/4/2021)",
    "https://www.ohchr.org/EN/Issues/Poverty/Pages/DigitalTechnology.aspx 13 UN Convention on the Rights of"
    " Persons with Disabilities (2007), https://www.un.org/crpd",
])
def test_notes_citations_and_links_are_notes(text: str) -> None:
    assert is_reference_note(text)


@pytest.mark.parametrize("text", [
    "1 We support the proposal to commission services locally.",
    "3 Contracts should run for at least three years so that charities can plan and keep staff.",
    "We see real risks for small charities in payment by results (see our 2019 report).",  # no note mark
    "2021 was a difficult year for every charity we know, and see no improvement in 2022.",
    "4 Astonishingly, neither child protection nor suicide prevention are listed in Annex III as high risk.",
    "Full details are on our website, www.example.org, where the evidence is set out.",  # a sentence
    "12 " + "Full cost recovery for charities, (see the detail below). " * 12,  # too long for a weak mark
    "",
])
def test_notes_points_and_prose_are_not_notes(text: str) -> None:
    assert not is_reference_note(text)


@pytest.mark.parametrize("text", [
    "3 See our answer to question 2.",
    "4 Art. 5 of the draft should be deleted because it bans legitimate research.",
    "5 We agree with the Law Society (see their response) that the fee is too high.",
    "2 Contracts let since (2019) should run for five years.",
    "12 Art. 6 is too broad and must be narrowed.",
    "9 The data in Smith et al. show rising costs; we oppose it.",
    "2 We refer you to our full report at https://example.org/report which sets out why we oppose the ban.",
    "1 https://www.anec.eu/position.pdf 2 We also believe that new consumer rights should be enshrined.",
    "https://www.example.org/report sets out why we oppose the ban on research.",
])
def test_notes_a_point_the_respondent_makes_is_never_a_note(text: str) -> None:
    assert not is_reference_note(text)


def test_notes_a_citations_own_words_in_quotes_or_brackets_do_not_count_as_a_view() -> None:
    assert is_reference_note("14 Smith, ‘Why we need rules for AI’ (2020), available at https://example.org.")


def test_notes_a_numbered_footnote_whose_mark_the_body_carries_is_a_note() -> None:
    """(Trial 30a.) Footnotes that cite no source by a citation's marks ("3 Assumes suppliers hedge 80% of
    expected demand 12 months ahead.") were general comments, coded and quoted: a numbered paragraph whose
    mark is set after a word or a year in the body ("assumptions,3 a winter", "in 2022.2") is a note."""
    from respmine.structure.notes import is_footnote

    body = ("Using data for 12,400 homes,1 we estimate the shift. It was introduced in 2022.2 Under our "
            "hedging assumptions,3 a winter 10% warmer would leave a supplier short.")
    for note in ("1 Smart meter consumption data for 12,400 homes, 2023-2025, held under licence.",
                 "2 Northern Grid Distribution, Residual charging and customer bills, technical note, 2025.",
                 "3 Assumes suppliers hedge 80% of expected demand 12 months ahead."):
        assert is_footnote(note, body + "\n\n" + note), note
    assert not is_footnote("4 Assumes nothing.", body)  # (no mark 4 in the body)
    assert not is_footnote("3 We think suppliers should hedge more.", body)  # (the respondent speaks)
    assert not is_footnote("3 Assumes suppliers hedge.", "We paid for 3 years. Costs rose 12.3 per cent.")


def test_notes_a_numbered_point_is_no_footnote_where_the_body_cites_a_paragraph_or_question() -> None:
    """(Review.) A letter of numbered points citing "para.4", "No.3" or "Q.2" carries no footnote mark:
    those are a reference's numbers (the marks quotes keep, `report.quotes`), and the point numbered 4, 3
    or 2 was kept out of coding as a note."""
    from respmine.structure.notes import is_footnote

    doc = ("1 Standing charges fall hardest on low users, as para.4 of the paper shows; see also No.3 and "
           "Q.2 of the consultation.\n\n2 Prepayment customers pay the same charge.\n\n"
           "3 Rural areas see higher network costs.\n\n4 Regional differences are large.")
    for point in doc.split("\n\n")[1:]:
        assert not is_footnote(point, doc), point


def test_notes_a_digit_after_a_comma_in_a_year_or_number_is_no_footnote_mark() -> None:
    """"in 2024,3 million homes" read as the year 2024 carrying footnote 3, and a numbered point "3 ..."
    was then kept out of the answer as a note: digits either side of a comma are a number's."""
    from respmine.structure.notes import footnote_marks, is_footnote

    assert [m[1] for m in footnote_marks("In 2024,3 million homes were cut off.")] == []
    assert [m[1] for m in footnote_marks("Costs rose 12,400,3 times a year.")] == []
    assert [m[1] for m in footnote_marks("homes,1 we estimate; introduced in 2022.2 The")] == ["1", "2"]
    doc = "In 2024,3 million homes were cut off.\n\n3 Prepayment meters were fitted by warrant."
    assert not is_footnote("3 Prepayment meters were fitted by warrant.", doc)


def test_notes_a_numbered_section_heading_is_no_footnote() -> None:
    """(Session 31.) "6 Closing remarks" under an answer ending "... the price setters.6" read as footnote 6
    (a numbered paragraph of few words, no view, its mark in the body) and was kept out of the answer: a
    numbered heading (a few words with no full stop, comma or digit) is a heading, not a note."""
    from respmine.structure.notes import is_footnote

    doc = ("Large suppliers are the price setters.6 Smaller ones follow.\n\n6 Closing remarks\n\n"
           "We support the review.\n\n6 Ofgem, Retail market indicators, 2024.")
    assert not is_footnote("6 Closing remarks", doc)
    assert not is_footnote("6 Closing Remarks And Next Steps", doc)
    assert is_footnote("6 Ofgem, Retail market indicators, 2024.", doc)
    assert is_footnote("6 Assumes suppliers hedge 80% of expected demand.", doc)


def test_notes_a_mark_after_a_dates_year_and_a_comma_is_a_footnote_mark() -> None:
    """(Session 31.) "published in February 2024,5 which" carries footnote 5 after a date's year and its
    comma; since digits either side of a comma were taken for one number ("in 2024,3 million homes") the
    mark was missed and footnote "5 ..." was coded as the answer. A year after a month's name is a date."""
    from respmine.structure.notes import footnote_marks, is_footnote

    assert [m[1] for m in footnote_marks("the review published in February 2024,5 which found")] == ["5"]
    assert [m[1] for m in footnote_marks("as of 3 March 2023,12 a rise")] == ["12"]
    assert [m[1] for m in footnote_marks("In 2024,3 million homes were cut off.")] == []
    doc = ("The review published in February 2024,5 which found costs rising.\n\n"
           "5 Department for Energy Security, Annual fuel poverty statistics, February 2024.")
    assert is_footnote(doc.split("\n\n")[1], doc)
