"""The DOCX report: built-in heading styles (it pastes cleanly), the figures and quotes, fixed metadata."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from respmine.report.outputs import write_reports
from respmine.store import Store
from tests.report.helpers import CODEBOOK, CONSULTATION, DATA_TIME


def test_docx_has_sections_tables_and_quotes(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    doc = Document(str(write_reports(made[0], CODEBOOK, tmp_path, CONSULTATION)["report_docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Executive summary", "Who responded", "Themes across all questions"]
    assert {"Question 1", "Question 2", "Emerging themes", "About this analysis"} <= set(headings)
    assert headings[-1] == "Annex: organisations that responded"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "7 respondents took part (10 responses read)" in text
    assert "“Three-year contracts would give us certainty.”" in text
    assert any(p.style.name == "Quote" for p in doc.paragraphs)
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    fcr = next(r for r in rows if r[:2] == ["Full cost recovery", "4 (4 letters)"])
    assert fcr[-5:] == ["3", "0", "0", "1", ""]  # Hope, River and the campaign support; the council: none
    for name in ("Jane Doe", "Citizen 1", "Sam Copy", "Mary Hope", "John Smith"):
        assert name not in text and not any(name in c for c in cells)
    assert doc.core_properties.created is not None
    assert doc.core_properties.created.replace(tzinfo=None) == DATA_TIME.replace(tzinfo=None)
