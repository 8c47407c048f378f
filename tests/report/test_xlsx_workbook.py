"""The workbook: the sheets analysts filter, each with an autofilter and a frozen header; text is never
turned into a formula."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from respmine.report.outputs import write_reports
from respmine.store import Store
from respmine.store.models import SegmentRow
from tests.report.helpers import CODEBOOK, CONSULTATION, sha

SHEETS = ["Theme table", "Coded responses", "Respondents", "Questions", "Answers by type", "Codebook",
          "Campaigns", "Emerging themes", "Quarantine", "About"]


def test_sheets_have_filters_and_frozen_headers(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    wb = load_workbook(write_reports(made[0], CODEBOOK, tmp_path, CONSULTATION)["workbook"])
    assert wb.sheetnames == SHEETS
    for ws in wb.worksheets:
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws.freeze_panes == "A2", ws.title
    themes = wb["Theme table"]
    header = [c.value for c in themes[1]]
    assert header[:8] == [
        "Question",
        "Question text",
        "Theme id",
        "Theme",
        "Level",
        "Respondents",
        "Campaign letters",
        "Late",
    ]
    fcr = next(
        r for r in themes.iter_rows(min_row=2, values_only=True) if r[0] == "Q1" and r[2] == "funding.fcr"
    )
    assert fcr[5] == 4 and fcr[6] == 4
    # a file that could not be read is cited by its id (files are named after people), with the
    # organisation its name gives, if any
    assert [r[0] for r in wb["Quarantine"].iter_rows(min_row=2, values_only=True)] == [
        f"response {sha('broken.pdf')[:12]}"]
    register = [r[:4] for r in wb["Respondents"].iter_rows(min_row=2, values_only=True)]
    assert register[0][1:] == ("Hope Trust", "charity", "organisation") and len(register) == 7
    assert ("campaign-abc", "form-letter campaign", 4) in {
        r[:3] for r in wb["Campaigns"].iter_rows(min_row=2, values_only=True)
    }
    sources = next(r[3] for r in wb["Campaigns"].iter_rows(min_row=2, values_only=True)
                   if r[0] == "campaign-abc")
    assert "c1.txt" not in sources and sources.count("response ") == 4  # individuals' files by their ids


def test_text_starting_with_equals_stays_text(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    store, segs = made
    with store.session() as s, s.begin():
        s.get(SegmentRow, segs["jane-q1"]).text = '=HYPERLINK("http://x") longer contracts help'  # type: ignore[union-attr]
    wb = load_workbook(write_reports(store, CODEBOOK, tmp_path, CONSULTATION)["workbook"])
    cells = [
        c
        for row in wb["Coded responses"].iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")
    ]
    assert cells and all(c.data_type == "s" for c in cells)


def test_questions_sheet_counts_who_agreed(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    asked = [q.model_copy(update={"text": "Do you agree with the proposal to fund services fully?"})
             if q.id == "Q1" else q for q in CONSULTATION.questions]
    consultation = CONSULTATION.model_copy(update={"questions": asked})
    wb = load_workbook(write_reports(made[0], CODEBOOK, tmp_path, consultation)["workbook"])
    header = next(wb["Questions"].iter_rows(max_row=1, values_only=True))
    assert header[5:11] == ("Agreed", "Disagreed", "Partly agreed", "Neither agreed nor disagreed",
                            "Said they did not know", "Did not say clearly")
    rows = {r[0]: r for r in wb["Questions"].iter_rows(min_row=2, values_only=True)}
    assert rows["Q1"][3:11] == (6, "yes", 3, 1, 1, 0, 0, 1)  # the counts behind the report's lead
    assert "Of them, 3 agreed" in rows["Q1"][12] and rows["Q1"][11] is None  # (no options to choose)
    assert rows["Q2"][3:11] == (2, "no", None, None, None, None, None, None)  # no agreement asked: blank
    # ... and by respondent type (a new user asked for the cross-tabulation): the rows add up to Q1's
    by_type = [r for r in wb["Answers by type"].iter_rows(min_row=2, values_only=True)]
    assert [r[:3] for r in by_type] == [("Q1", "Charities and community groups", 2),
                                         ("Q1", "Local authorities", 1), ("Q1", "Private companies", 1),
                                         ("Q1", "Individuals", 2)]
    assert by_type[0][3:9] == (2, 0, 0, 0, 0, 0) and sum(r[2] for r in by_type) == rows["Q1"][3]
    assert [sum(r[i] for r in by_type) for i in range(3, 9)] == list(rows["Q1"][5:11])


def test_codebook_sheet_says_which_themes_are_positions(made: tuple[Store, dict[str, str]],
                                                        tmp_path: Path) -> None:
    marked = {"stance": "support", "position": True}
    themes = tuple(t.model_copy(update=marked) if t.id == "funding.fcr" else t for t in CODEBOOK.themes)
    codebook = CODEBOOK.model_copy(update={"themes": themes})
    sheet = load_workbook(write_reports(made[0], codebook, tmp_path, CONSULTATION)["workbook"])["Codebook"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert (rows["funding.fcr"]["Implies stance"], rows["funding.fcr"]["Position"]) == ("support", "yes")
    assert not rows["funding"]["Implies stance"] and not rows["funding"]["Position"]


def test_quarantine_sheet_never_shows_a_persons_file_name() -> None:
    from respmine.report.xlsx import _unread_file

    assert _unread_file("Letter from Sarah Jennings.docx", "a" * 64) == "response aaaaaaaaaaaa"
    assert _unread_file("Meadowbank_Community_Trust_response.pdf", "b" * 64) == (
        "Meadowbank Community Trust (response bbbbbbbbbbbb)")
    assert _unread_file("Meadowbank Community Trust - Tom Whitlock.pdf", "c" * 64) == (
        "Meadowbank Community Trust (response cccccccccccc)")


def test_quarantine_sheet_names_a_body_its_file_name_ends_as_only_bodies_names_do() -> None:
    """(A new user's trial.) "Ashdown Cycling Club response.pdf", truncated, was shown as "response
    b22d6b06da13": "Club" is no organisation word, though only bodies' names end with it. A person's name
    so ending is never shown."""
    from respmine.report.xlsx import _unread_file

    assert _unread_file("Ashdown Cycling Club response.pdf", "d" * 64) == (
        "Ashdown Cycling Club (response dddddddddddd)")
    for person in ("Tom Whitlock Club response.pdf", "Jane Baker Club.pdf", "Mary Smith Support.docx"):
        assert _unread_file(person, "e" * 64) == "response eeeeeeeeeeee", person
