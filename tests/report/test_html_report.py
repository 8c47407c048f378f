"""The HTML report: self-contained (no script, nothing fetched), accessible tables and charts, the
headline figures, and no individual named."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from respmine.report.outputs import write_reports
from respmine.store import Store
from tests.report.helpers import CODEBOOK, CONSULTATION, STANCE_CODEBOOK


def test_report_is_self_contained_and_accessible(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    html = write_reports(made[0], CODEBOOK, tmp_path, CONSULTATION)["report_html"].read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and not re.search(r'src="', html)
    assert len(re.findall(r"<table", html)) == len(re.findall(r"<caption>", html))
    charts = re.findall(r'<svg class="chart" role="img" aria-labelledby="([^"]+)"', html)
    assert len(charts) == 3 and all(f'id="{key.split()[0]}"' in html for key in charts)
    assert '<html lang="en-GB">' in html and "@media print" in html


def test_report_has_headline_figures_and_themes(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    html = write_reports(made[0], CODEBOOK, tmp_path, CONSULTATION)["report_html"].read_text(encoding="utf-8")
    assert '<span class="n">7</span><span class="what">respondents' in html
    assert '<span class="n">10</span><span class="what">responses read' in html  # 7 + 3 more campaign letters
    assert "A form-letter campaign of 4 letters is counted as one respondent." in html
    assert "One file received could not be read: it may be a response not yet counted" in html
    assert "Full cost recovery" in html and "Question 1" in html and "How should services be funded?" in html
    assert "“Three-year contracts would give us certainty.”" in html
    assert "hope.pdf, page 2" in html
    assert "prison visits" in html  # emerging theme listed for analysts
    annex = html[html.index('<section id="annex"'):]
    assert "<li>Hope Trust</li>" in annex and "<li>Acme Ltd</li>" in annex  # organisations named, by type
    assert "Also counted, not named: 1 individual, 1 form-letter campaign" in annex
    for name in ("Jane Doe", "Citizen 1", "Sam Copy", "Mary Hope", "John Smith", "Pat Officer"):
        assert name not in html
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", html, flags=re.S))
    assert not re.findall(r"\w[a-z)][.;][A-Z][a-z]+", visible)  # sentences never run together


def test_a_question_asking_for_agreement_says_how_many_agreed(made: tuple[Store, dict[str, str]],
                                                              tmp_path: Path) -> None:
    asked = [q.model_copy(update={"text": "Do you agree with the proposal to fund services fully?"})
             if q.id == "Q1" else q for q in CONSULTATION.questions]
    consultation = CONSULTATION.model_copy(update={"questions": asked})
    html = write_reports(made[0], CODEBOOK, tmp_path, consultation)["report_html"].read_text(encoding="utf-8")
    said = "Of them, 3 agreed, 1 disagreed and 1 partly agreed; 1 did not say clearly."
    assert said in html
    findings = html.split("Key findings", 1)[1].split("</ul>", 1)[0]  # and the key findings open with it
    first = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", findings.split("</li>", 1)[0])).strip()
    assert first == ("Question 1 (Do you agree with the proposal to fund services fully?): 6 respondents "
                     f"answered. {said}")
    docx = Document(str(write_reports(made[0], CODEBOOK, tmp_path / "docx", consultation)["report_docx"]))
    assert sum(said in p.text for p in docx.paragraphs) == 2
    plain = write_reports(made[0], CODEBOOK, tmp_path / "plain", CONSULTATION)["report_html"]
    assert "agreed" not in plain.read_text(encoding="utf-8")  # "How should services be funded?"


def test_only_themes_about_the_proposals_show_a_stance(made: tuple[Store, dict[str, str]],
                                                        tmp_path: Path) -> None:
    """A codebook marking a position on the proposals (contract length): stance columns, the stance chart
    and stance sentences for it and its topic only; other themes show none ("–")."""
    book = STANCE_CODEBOOK
    html = write_reports(made[0], book, tmp_path, CONSULTATION)["report_html"].read_text(encoding="utf-8")
    assert "is given under Funding (the theme about the proposals)" in html
    proposed = CONSULTATION.model_copy(update={"proposals": "fund services in full."})
    again = write_reports(made[0], book, tmp_path / "p", proposed)["report_html"].read_text(encoding="utf-8")
    assert "Stance towards the consultation’s proposals (fund services in full) is given under" in again
    chart = html[html.index('Stance by theme'):html.index('Figure 3')]
    assert "Funding" in chart and "Contract size" not in chart and "Volunteers" not in chart
    assert "by stance towards the proposals in their sentences on it</figcaption>" in html
    topics = write_reports(made[0], CODEBOOK, tmp_path / "t", CONSULTATION)["report_html"]
    assert "by stance towards the proposals where they raised it</figcaption>" in topics.read_text("utf-8")
    q2 = html[html.index('id="q-q2-h"'):]
    contracts = q2[q2.index("Contract size"):q2.index("</tr>", q2.index("Contract size"))]
    assert contracts.count(">–<") == 4  # no stance for a theme about no proposal


def test_stance_cells_are_blank_wherever_a_theme_carries_none(made: tuple[Store, dict[str, str]],
                                                               tmp_path: Path) -> None:
    """The theme table CSV, the workbook and the report's sub-theme tables agree: a theme about no
    proposal has no stance cells (not "no clear position" for everyone); a note names the stance themes
    by the codebook even when nobody raised them."""
    import csv

    from openpyxl import load_workbook

    from respmine.report.outputs import build_report
    from respmine.report.tables import CodingData

    paths = write_reports(made[0], STANCE_CODEBOOK, tmp_path, CONSULTATION)
    table = csv.DictReader(paths["theme_table"].open(encoding="utf-8"))
    rows = {(r["question"], r["theme"]): r for r in table}
    assert rows[("Q2", "contracts")]["stance_neutral"] == ""
    assert rows[("Q1", "funding")]["stance_oppose"] == "2"
    sheet = load_workbook(paths["workbook"])["Theme table"]
    header = [c.value for c in sheet[1]]
    contracts = next(r for r in sheet.iter_rows(min_row=2, values_only=True)
                     if r[0] == "Q2" and r[2] == "contracts")
    assert contracts[header.index("No clear position")] in ("", None)
    html = paths["report_html"].read_text(encoding="utf-8")
    block = html[html.index('id="theme-funding"'):html.index("</table>", html.index('id="theme-funding"'))]
    fcr = block[block.index("Full cost recovery"):block.index("</tr>", block.index("Full cost recovery"))]
    assert fcr.count(">–<") == 4  # a sub-theme about no proposal, under a topic that is about one
    from respmine.themes.codebook import Theme

    nobody = CODEBOOK.model_copy(update={"themes": (*CODEBOOK.themes,
                                                    Theme(id="quality", label="Quality", stance="support"))})
    report = build_report(made[0], CodingData.load(made[0], nobody), CONSULTATION)
    assert report.stanced_labels() == ["Quality"]  # raised by nobody, still named in the note
