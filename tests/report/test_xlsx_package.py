"""The workbook writer: what goes in comes back out of openpyxl as the same values, text stays text, and
the same rows give the same bytes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from respmine.report.xlsx_package import MAX_CELL, Sheet, write_workbook_package

WHEN = datetime(2026, 5, 2, 9, 30)
ROWS: list[list[object]] = [
    ["plain", 3, 0.25, None, ""],
    ["=SUM(A1:A2)", "#N/A", " padded ", "a & b < c > d", "line\r\nbreak"],
    ["bell\x07 and form feed\x0c gone", -7, 1e-9, "x" * (MAX_CELL + 10), "plain"],
]


def write(path: Path) -> Path:
    sheets = [Sheet("Data", ["Text", "Count", "Share", "Empty", "Notes"], ROWS, widths={"Notes": 60}),
              Sheet("About", ["Item", "Value"], [["Consultation", "Test's & co"]])]
    write_workbook_package(path, sheets, "Coded evidence: test", WHEN)
    return path


def test_values_round_trip_and_text_stays_text(tmp_path: Path) -> None:
    wb = load_workbook(write(tmp_path / "a.xlsx"))
    assert wb.sheetnames == ["Data", "About"]
    ws = wb["Data"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E4"
    assert ws.column_dimensions["E"].width == 60 and ws["E2"].alignment.wrap_text
    assert ws["A1"].value == "Text" and ws["A1"].font.b
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows[0] == ("plain", 3, 0.25, None, None)
    assert rows[1] == ("=SUM(A1:A2)", "#N/A", " padded ", "a & b < c > d", "line\r\nbreak")
    assert all(c.data_type == "s" for c in ws[3])  # a formula-looking or error-looking answer is text
    assert rows[2][0] == "bell and form feed gone"  # control characters Excel refuses are dropped
    assert rows[2][1:3] == (-7, 1e-9) and rows[2][3].endswith(" …[cut]") and len(rows[2][3]) < 32_767
    assert wb["About"]["B2"].value == "Test's & co"
    assert wb.properties.title == "Coded evidence: test" and wb.properties.created == WHEN


def test_same_rows_same_bytes(tmp_path: Path) -> None:
    assert write(tmp_path / "a.xlsx").read_bytes() == write(tmp_path / "b.xlsx").read_bytes()
