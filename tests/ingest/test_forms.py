"""Online-form exports: one child document per respondent row."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from respmine.ingest import Limits, extract
from respmine.ingest.forms import parse_timestamp
from respmine.records import Answer, Document, Quarantined

BST = timezone(timedelta(hours=1))
Q1 = "Do you agree with the proposal to close the library on Sundays? Please explain."
Q2 = "What else should the council consider?"
A1 = "No. Sunday is the only day many working families can visit, and the savings are small."
A2 = "Opening hours could be shared with the community centre to cut staffing costs instead."
A3 = "Yes, provided the mobile library visits the villages on Saturdays and the e-book service grows."
HEADER = ["Timestamp", "Full name", "Email address", "Are you responding as", Q1, Q2]
ROWS = [
    ["26/04/2026 10:15:00", "Alex Example", "alex@example.com", "Individual", A1, A2],
    ["", "", "", "", "", ""],
    ["27/04/2026 08:05:30", "Sam Sample", "sam@example.com", "Organisation", A3, ""],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows([HEADER, *rows])
    return path


def _document(result: Document | Quarantined) -> Document:
    assert isinstance(result, Document), result
    return result


def _rows(doc: Document) -> list[Document]:
    rows = [c for c in doc.children if isinstance(c, Document)]
    assert len(rows) == len(doc.children)
    return rows


def test_forms_csv_one_child_per_row_with_answers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", ROWS)
    doc = _document(extract(path, name="export.csv"))
    assert (doc.format, doc.method, doc.text) == ("csv", "form-csv", "")
    first, second = _rows(doc)
    assert first.source == "export.csv#row-2"
    assert second.source == "export.csv#row-4"  # the empty row 3 is skipped, numbering is kept
    assert first.format == "form-row" and first.method == "form-csv"
    assert first.answers == (Answer(Q1, A1, Q1), Answer(Q2, A2, Q2))
    assert second.answers == (Answer(Q1, A3, Q1),)
    assert first.text == f"{Q1}\n{A1}\n\n{Q2}\n{A2}"
    assert [first.text[p.start:p.end] for p in first.pages] == [f"{Q1}\n{A1}", f"{Q2}\n{A2}"]
    assert doc.metadata["answer_columns"] == f"{Q1} | {Q2}"


def test_forms_csv_other_columns_are_metadata(tmp_path: Path) -> None:
    doc = _document(extract(write_csv(tmp_path / "export.csv", ROWS)))
    first = _rows(doc)[0]
    assert first.metadata == {
        "Timestamp": "26/04/2026 10:15:00",
        "Full name": "Alex Example",
        "Email address": "alex@example.com",
        "Are you responding as": "Individual",
    }


def test_forms_csv_uk_timestamp_is_received_in_london_time(tmp_path: Path) -> None:
    doc = _document(extract(write_csv(tmp_path / "export.csv", ROWS)))
    first, second = _rows(doc)
    assert first.received == datetime(2026, 4, 26, 10, 15, tzinfo=BST)
    assert first.received is not None and first.received.utcoffset() == timedelta(hours=1)
    assert second.received == datetime(2026, 4, 27, 7, 5, 30, tzinfo=UTC)
    assert first.received_from == "form-timestamp"
    assert doc.metadata["timestamp_column"] == "Timestamp"


def test_forms_same_row_in_two_exports_has_one_hash(tmp_path: Path) -> None:
    a = _document(extract(write_csv(tmp_path / "a.csv", ROWS)))
    b = _document(extract(write_csv(tmp_path / "b.csv", [ROWS[2], ROWS[0]], encoding="cp1252",
                                    delimiter=";")))
    a_rows, b_rows = _rows(a), _rows(b)
    assert a_rows[0].sha256 == b_rows[1].sha256
    assert a_rows[1].sha256 == b_rows[0].sha256
    assert a_rows[0].sha256 != a_rows[1].sha256
    assert b.metadata["delimiter"] == "semicolon"


def test_forms_mapped_columns_override_guessing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", ROWS)
    doc = _document(extract(path, form_columns={Q2: "q2-other", "are you responding AS": "q0-type"}))
    first = _rows(doc)[0]
    assert first.answers == (Answer("q0-type", "Individual", "Are you responding as"),
                             Answer("q2-other", A2, Q2))
    assert first.metadata[Q1] == A1  # not mapped, so metadata even though it is long text
    assert first.text == f"Are you responding as\nIndividual\n\n{Q2}\n{A2}"


def test_forms_too_many_rows_is_quarantined(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", [ROWS[0]] * 5)
    result = extract(path, limits=Limits(max_form_rows=3))
    assert isinstance(result, Quarantined)
    assert result.code == "too_many_rows"


def test_forms_header_only_is_quarantined_no_text(tmp_path: Path) -> None:
    result = extract(write_csv(tmp_path / "empty.csv", []))
    assert isinstance(result, Quarantined)
    assert result.code == "no_text"


def test_forms_xlsx_first_sheet_with_header(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Cover"  # an empty first sheet is passed over
    ws = wb.create_sheet("Responses")
    ws.append(["Submitted", "Organisation", "Postcode", Q1])
    ws.append([datetime(2026, 1, 15, 9, 30), "Riverside Trust", "AB1 2CD", A1])
    ws.append([datetime(2026, 6, 1, 12, 0), "Parish Council", "EF3 4GH", A3])
    path = tmp_path / "export.xlsx"
    wb.save(path)
    doc = _document(extract(path, name="export.xlsx"))
    assert (doc.format, doc.method) == ("xlsx", "form-xlsx")
    assert doc.metadata["sheet"] == "Responses"
    first, second = _rows(doc)
    assert first.source == "export.xlsx#row-2"
    assert first.method == "form-xlsx"
    assert first.answers == (Answer(Q1, A1, Q1),)
    assert first.metadata == {"Submitted": "2026-01-15T09:30:00", "Organisation": "Riverside Trust",
                              "Postcode": "AB1 2CD"}
    assert first.received == datetime(2026, 1, 15, 9, 30, tzinfo=UTC)  # GMT in winter
    assert second.received == datetime(2026, 6, 1, 12, 0, tzinfo=BST)


def test_forms_parse_timestamp_formats() -> None:
    assert parse_timestamp("2023-04-30T04:00Z") == datetime(2023, 4, 30, 4, 0, tzinfo=UTC)
    assert parse_timestamp("2026-04-26 10:15:00") == datetime(2026, 4, 26, 10, 15, tzinfo=BST)
    assert parse_timestamp("05/04/2026 10:15") == datetime(2026, 4, 5, 10, 15, tzinfo=BST)
    assert parse_timestamp("04/05/2026 10:15", day_first=False) == datetime(2026, 4, 5, 10, 15, tzinfo=BST)
    assert parse_timestamp("2026/04/26 10:15:00 AM GMT+1") == datetime(2026, 4, 26, 10, 15, tzinfo=BST)
    assert parse_timestamp("26 April 2026") == datetime(2026, 4, 26, tzinfo=BST)
    assert parse_timestamp("soon") is None


def test_forms_month_first_column_is_recognised(tmp_path: Path) -> None:
    rows = [["4/26/2026 10:15:00", *ROWS[0][1:]], ["4/5/2026 09:00:00", *ROWS[2][1:]]]
    first, second = _rows(_document(extract(write_csv(tmp_path / "us.csv", rows))))
    assert first.received == datetime(2026, 4, 26, 10, 15, tzinfo=BST)
    assert second.received == datetime(2026, 4, 5, 9, 0, tzinfo=BST)


def test_forms_regulations_dev_csv_one_child_per_row(datasets: Path) -> None:
    path = datasets / "regulations-comments" / "dev.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        expected = list(csv.DictReader(fh))
    doc = _document(extract(path, name="dev.csv"))
    rows = _rows(doc)
    assert len(rows) == len(expected)
    assert doc.metadata["answer_columns"] == "text"
    for row, record in zip(rows, expected, strict=True):
        assert row.answers == (Answer("text", record["text"].strip(), "text"),)
        assert row.metadata["id"] == record["id"]
        assert row.metadata["stance"] == record["stance"]
    assert rows[0].source == f"dev.csv#{expected[0]['id']}"  # cited by the docket's own id
    assert rows[0].received == datetime.fromisoformat(expected[0]["received"])
    assert len({r.sha256 for r in rows}) == len(rows)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_forms_csv_encodings(tmp_path: Path, encoding: str) -> None:
    row = ["26/04/2026 10:15", "José Núñez", "j@example.com", "Individual",
           "The £5 charge is “unfair” on pensioners who rely on the service every week.", ""]
    doc = _document(extract(write_csv(tmp_path / "enc.csv", [row], encoding=encoding)))
    only = _rows(doc)[0]
    assert only.metadata["Full name"] == "José Núñez"
    assert only.answers[0].text == row[4]
    assert "Timestamp" in only.metadata  # the BOM is not part of the first header


def test_forms_rows_are_cited_by_the_forms_own_response_id(tmp_path: Path) -> None:
    """An analyst traces a quote to the form by its Response ID (R-1004), not a spreadsheet row number
    that is one off from it; a column that is not a clean identifier keeps the row number."""
    answer = "Charities should be funded at full cost with contracts of at least three years."
    def table(path: Path, rows: list[list[str]]) -> Document:
        path.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
        return _document(extract(path, name=path.name))

    rows = [["Response ID", "Name", "Q1"], ["R-1004", "Jo", answer], ["R-1007", "Al", answer + " Yes."]]
    doc = table(tmp_path / "export.csv", rows)
    assert [r.source for r in _rows(doc)] == ["export.csv#R-1004", "export.csv#R-1007"]
    numbers = [["ID", "Q1"], ["17", answer], ["18", answer + " Yes."]]
    doc = table(tmp_path / "n.csv", numbers)
    assert [r.source for r in _rows(doc)] == ["n.csv#id-17", "n.csv#id-18"]
    for bad in (["Jo Bloggs", "Al Smith"], ["R-1", "R-1"], ["R-1", ""]):  # a name, a repeat, a gap
        doc = table(tmp_path / "b.csv", [["Reference", "Q1"], [bad[0], answer], [bad[1], answer + " Yes."]])
        assert [r.source for r in _rows(doc)] == ["b.csv#row-2", "b.csv#row-3"]
