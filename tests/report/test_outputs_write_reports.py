"""`write_reports`: every output written, byte-identical for identical inputs, provenance stated, and a
change in the coding reported as what changed since the last run."""

from __future__ import annotations

import csv
import gc
from pathlib import Path

import pytest

from respmine.report.outputs import write_reports
from respmine.store import Store
from respmine.store.themes import decide
from tests.report.helpers import CODEBOOK, CONSULTATION

OUTPUTS = {
    "theme_table",
    "emerging_themes",
    "coded_responses",
    "respondents",
    "workbook",
    "report_html",
    "report_docx",
    "qdpx",
    "snapshot",
}


def test_every_output_is_written(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    paths = write_reports(made[0], CODEBOOK, tmp_path / "out", CONSULTATION)
    assert set(paths) == OUTPUTS
    assert all(p.exists() and p.stat().st_size > 0 for p in paths.values())
    emerging = paths["emerging_themes"].read_text(encoding="utf-8")
    assert "prison visits" in emerging and "awaiting decision" in emerging


def test_identical_inputs_give_identical_bytes(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    store = made[0]
    first = write_reports(store, CODEBOOK, tmp_path / "a", CONSULTATION)
    second = write_reports(store, CODEBOOK, tmp_path / "b", CONSULTATION)
    again = {name: path.read_bytes() for name, path in first.items()}
    write_reports(store, CODEBOOK, tmp_path / "a", CONSULTATION)  # a rerun with no new data
    for name, path in first.items():
        assert path.read_bytes() == second[name].read_bytes(), name
        assert path.read_bytes() == again[name], name


def test_outputs_state_codebook_models_and_data_time(
    made: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    html = write_reports(made[0], CODEBOOK, tmp_path, CONSULTATION)["report_html"].read_text(encoding="utf-8")
    assert "2 May 2026, 09:30 UTC" in html  # the run that added data, not the wall clock
    assert "test-book@1" in html and "theme coding rules-test" in html and "stance stance-test" in html


def test_a_decision_shows_as_a_change_since_the_last_run(
    made: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    store, segs = made
    html = write_reports(store, CODEBOOK, tmp_path, CONSULTATION)["report_html"].read_text(encoding="utf-8")
    assert "This is the first report" in html
    decide(store, CODEBOOK, "analyst", "reject", segment=segs["jane-q1"], theme="funding.length")
    html = write_reports(store, CODEBOOK, tmp_path, CONSULTATION)["report_html"].read_text(encoding="utf-8")
    assert "Counts that moved: Contract length 2 → 1; Funding 6 → 5." in html
    rerun = write_reports(store, CODEBOOK, tmp_path, CONSULTATION)["report_html"].read_text(encoding="utf-8")
    assert rerun == html  # nothing new: the same comparison, the same bytes


def test_report_says_whether_analysts_checked_the_coding(
    made: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    """The method section said "checked by analysts" on a store no analyst had touched; it says how many
    passages were checked, in the HTML and the Word report alike: those reviewed, as the app's filter and
    coded_responses.csv's `reviewed` have them (a stance set alone is no review of the coding)."""
    from docx import Document

    store, segs = made
    paths = write_reports(store, CODEBOOK, tmp_path / "a", CONSULTATION)
    html = paths["report_html"].read_text(encoding="utf-8")
    assert "no analyst has checked the coding yet" in html and "checked by analysts" not in html
    decide(store, CODEBOOK, "analyst", "reject", segment=segs["jane-q1"], theme="funding.length")
    decide(store, CODEBOOK, "analyst", "reviewed", segment=segs["jane-q1"])
    decide(store, CODEBOOK, "analyst", "stance", segment=segs["acme-q1"], value={"stance": "support"})
    decide(store, CODEBOOK, "analyst", "reviewed", segment=segs["river-q1"])
    paths = write_reports(store, CODEBOOK, tmp_path / "b", CONSULTATION)
    html = paths["report_html"].read_text(encoding="utf-8")
    passages = len(segs)  # (the fixture has no "about the respondent" segments)
    assert f"analysts checked 2 of the {passages} answers and comments" in html  # segments, not decisions
    word = "\n".join(p.text for p in Document(str(paths["report_docx"])).paragraphs)
    assert f"analysts checked 2 of the {passages} answers and comments" in word
    with paths["coded_responses"].open(encoding="utf-8", newline="") as fh:
        assert len({r["segment_id"] for r in csv.DictReader(fh) if r["reviewed"] == "yes"}) == 2


def test_report_without_a_closing_date_claims_no_late_replies(
    made: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    """With no closing date nothing can be late: the report said "0 respondents replied after the closing
    date" and "Late responses are ... marked"."""
    from docx import Document

    undated = CONSULTATION.model_copy(update={"closes": None})
    paths = write_reports(made[0], CODEBOOK, tmp_path, undated)
    html = paths["report_html"].read_text(encoding="utf-8")
    assert "no closing date given" in html and "respondents replied after the closing date" not in html
    assert "Late responses are included" not in html
    word = "\n".join(p.text for p in Document(str(paths["report_docx"])).paragraphs)
    assert "Late replies" not in word and "quarantine log" in word
    dated = write_reports(made[0], CODEBOOK, tmp_path / "dated", CONSULTATION)["report_html"]
    assert "1</span><span class=\"what\">respondent replied after the closing date" in dated.read_text(
        encoding="utf-8")  # (in the singular: "1 respondents replied" read oddly)


def test_garbage_collection_is_left_as_found(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    """Collection pauses while the outputs are built (see `_no_cycle_sweeps`), then is as it was."""
    assert gc.isenabled()
    write_reports(made[0], CODEBOOK, tmp_path / "a", CONSULTATION)
    assert gc.isenabled()
    gc.disable()
    try:
        write_reports(made[0], CODEBOOK, tmp_path / "b", CONSULTATION)
        assert not gc.isenabled()
    finally:
        gc.enable()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    with pytest.raises(OSError):
        write_reports(made[0], CODEBOOK, blocked, CONSULTATION)
    assert gc.isenabled()


def test_consultations_own_respondent_types_name_columns_and_groups(
    made: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    """Every consultation had the sample's types (a `type_probation` column in a transport one): the
    consultation's own list gives the columns, their order and the names the report and workbook use."""
    from docx import Document
    from openpyxl import load_workbook

    from respmine.consultation import RespondentTypeEntry

    own = CONSULTATION.model_copy(update={"respondent_types": [
        RespondentTypeEntry(id="private_company", label="business"),
        RespondentTypeEntry(id="charity", label="voluntary group"),
        RespondentTypeEntry(id="local_authority")]})
    paths = write_reports(made[0], CODEBOOK, tmp_path, own)
    header = paths["theme_table"].read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [c for c in header if c.startswith("type_")] == [
        "type_private_company", "type_charity", "type_local_authority", "type_individual", "type_unknown"]
    html = paths["report_html"].read_text(encoding="utf-8")
    assert "1 business, 2 voluntary groups, 1 local authority" in html and "probation" not in html
    assert "Businesses (1)" in html  # the annex's headings
    word = "\n".join(p.text for p in Document(str(paths["report_docx"])).paragraphs)
    assert "1 business, 2 voluntary groups, 1 local authority" in word
    sheet = load_workbook(paths["workbook"])["Theme table"]
    names = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "Businesses" in names and "Voluntary groups" in names and "Probation bodies" not in names


def test_a_question_offering_options_is_counted_by_the_option_chosen(
    made: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    """A new user's "Which option do you prefer: A (...), B (...) or C (...)?" was reported with themes
    only: how many chose each option was nowhere (the report, key findings, workbook or register)."""
    from openpyxl import load_workbook
    from sqlalchemy import update

    from respmine.store.models import SegmentRow

    store, segs = made
    answers = {"hope-q2": "Option B. Smaller lots would let us bid.", "dup1.txt-q2": "A",
               "dup2.pdf-q2": "A"}  # (the two identical copies count once)
    with store.session() as s, s.begin():
        for key, text in answers.items():
            s.execute(update(SegmentRow).where(SegmentRow.id == segs[key]).values(text=text))
    asked = [q.model_copy(update={"text": "Which option do you prefer: A (one national contract) or B (local "
                                          "lots)? Please explain."}) if q.id == "Q2" else q
             for q in CONSULTATION.questions]
    paths = write_reports(store, CODEBOOK, tmp_path, CONSULTATION.model_copy(update={"questions": asked}))
    html = paths["report_html"].read_text(encoding="utf-8")
    said = ("2 respondents answered. Of them, 1 chose option A (one national contract) and 1 option B (local "
            "lots).")
    assert said in html and html.index(said) < html.index("Full cost recovery")  # a key finding, first
    register = paths["respondents"].read_text(encoding="utf-8")
    assert "Q2 option B" in register and "Q2 option A" in register
    sheet = load_workbook(paths["workbook"])["Questions"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Q2"][11] == "option A: 1; option B: 1" and rows["Q1"][11] is None
    by_type = {(r[0], r[1]): r[-1] for r in load_workbook(paths["workbook"])["Answers by type"].iter_rows(
        min_row=2, values_only=True) if r[0] == "Q2"}
    assert by_type == {("Q2", "Charities and community groups"): "option B: 1",
                       ("Q2", "Individuals"): "option A: 1"}


def test_a_yes_no_question_its_answers_show_closed_is_counted(
    made: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    """A new user's "Should charities be able to form consortia ...?" listed no "Yes / No", and its answers
    ("Yes.", "No. ...") were counted nowhere: most of its respondents opened with one, so the report counts
    who agreed; the same question answered in prose stays open."""
    from openpyxl import load_workbook
    from sqlalchemy import update

    from respmine.store.models import SegmentRow

    store, segs = made
    asked = [q.model_copy(update={"text": "Should contracts be let in smaller lots?"}) if q.id == "Q2" else q
             for q in CONSULTATION.questions]
    consultation = CONSULTATION.model_copy(update={"questions": asked})
    def counted(paths: dict[str, Path]) -> dict[str, object]:
        sheet = load_workbook(paths["workbook"])["Questions"]
        header, *rows = sheet.iter_rows(values_only=True)
        return dict(zip(header, next(r for r in rows if r[0] == "Q2"), strict=True))

    paths = write_reports(store, CODEBOOK, tmp_path / "prose", consultation)  # answered in prose: open
    assert counted(paths)["Asks for agreement"] == "no"
    answers = {"hope-q2": "No. Contracts are too large for us.", "dup1.txt-q2": "Yes.", "dup2.pdf-q2": "Yes."}
    with store.session() as s, s.begin():
        for key, text in answers.items():
            s.execute(update(SegmentRow).where(SegmentRow.id == segs[key]).values(text=text))
    paths = write_reports(store, CODEBOOK, tmp_path / "closed", consultation)
    row = counted(paths)
    assert (row["Asks for agreement"], row["Agreed"], row["Disagreed"]) == ("yes", 1, 1), row  # (copies once)
    assert "Q2 disagreed" in paths["respondents"].read_text(encoding="utf-8")
