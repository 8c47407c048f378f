"""Online-form exports (CSV, XLSX): one respondent per row, each row a child submission.

Free-text columns become the row's answers and text; the other columns (name, organisation,
tick-box answers) are kept as respondent metadata. A row is content-addressed by its header=value
pairs, so the same response in two overlapping exports is recognised as one submission.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import re
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from respmine.ingest.assemble import assemble
from respmine.ingest.errors import IngestError
from respmine.ingest.source import Source
from respmine.ingest.text import decode_bytes
from respmine.records import Answer, Document, sha256_text

LONDON = "Europe/London"
MIN_ANSWER_CHARS = 40
MIN_ANSWER_WORDS = 6
# Columns whose header names a personal detail hold metadata even when long (postal addresses).
_DETAIL_HEADER = re.compile(
    r"\b(e-?mail|address|post ?code|zip|phone|telephone|mobile|name|organi[sz]ation|url|website)\b",
    re.IGNORECASE,
)
# A column of the form's own reference for each response ("Response ID", "Ref", "Submission number"): rows
# are cited by it, as the form's owners know them, rather than by spreadsheet row ("row-5" is R-1004).
_ID_HEADER = re.compile(
    r"^\s*(?:(?:response|submission|respondent|entry)\s*(?:id|no\.?|number|ref|reference)|ref(?:erence)?"
    r"(?:\s*(?:id|no\.?|number))?|id)\s*$", re.IGNORECASE)
# one short token with a digit: an identifier ("R-1004", "ED-2022-OCR-0143-69633"), never a name or an
# answer ("Jo", "Agree"), nor a path
_ID_VALUE = re.compile(r"(?=[^\d]{0,31}\d)[A-Za-z0-9](?:[\w-]|\.(?!\.)){0,31}")
_TIME_HEADERS = [  # preferred first: the time the response was submitted
    re.compile(r"time ?stamp|submi|receiv|complet|end ?time", re.IGNORECASE),
    re.compile(r"date|time|created", re.IGNORECASE),
]
_NOT_TIME = re.compile(r"birth|dob\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b")
_ZONE_SUFFIX = re.compile(r"\s*(?:(GMT|UTC)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|(BST)|Z)\s*$", re.I)
_DAY_FIRST = [
    f"{d}{t}"
    for d in ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d %B %Y", "%d %b %Y")
    for t in (" %H:%M:%S", " %H:%M", " %I:%M:%S %p", " %I:%M %p", "")
]
_MONTH_FIRST = [f.replace("%d/%m", "%m/%d").replace("%d-%m", "%m-%d").replace("%d.%m", "%m.%d")
                for f in _DAY_FIRST]


@functools.cache
def _london() -> Any:
    """UK civil time (GMT/BST); UTC only if the system has no time-zone database."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(LONDON)
    except ZoneInfoNotFoundError:
        return UTC


def parse_timestamp(value: str, day_first: bool = True) -> datetime | None:
    """An aware datetime from ISO 8601 or a UK-style 'dd/mm/yyyy hh:mm'; naive means UK time."""
    value = value.strip()
    if not value:
        return None
    zone: Any = None
    match = _ZONE_SUFFIX.search(value)
    if match and not re.search(r"[+-]\d{2}:?\d{2}$", value):
        gmt, sign, hours, minutes, bst = match.groups()
        if gmt or bst or value.endswith(("Z", "z")):
            offset = timedelta(hours=int(hours or (1 if bst else 0)), minutes=int(minutes or 0))
            zone = timezone(-offset if sign == "-" else offset)
            value = value[: match.start()].strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        for fmt in _DAY_FIRST if day_first else _MONTH_FIRST:
            try:
                parsed = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone or _london())
    return parsed


def _day_first(values: list[str]) -> bool:
    """Day-first unless the column shows a month-first value (13/.. is day-first, ../13 is not)."""
    month_first = False
    for value in values:
        match = _NUMERIC_DATE.match(value)
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            if first > 12:
                return True
            month_first = month_first or second > 12
    return not month_first


@dataclass
class _Columns:
    answers: dict[int, str]  # column index -> question id
    timestamp: int | None
    day_first: bool
    warnings: list[str]
    ident: int | None = None  # the form's own reference for each row (`_id_column`)


def _id_column(headers: list[str], rows: list[tuple[int, list[str]]], answers: Mapping[int, str],
               ) -> int | None:
    """The column that names each response: headed as one, filled on every row with a short token, no two
    rows alike (else rows are cited by their spreadsheet row)."""
    for i, header in enumerate(headers):
        if i in answers or not _ID_HEADER.match(header):
            continue
        values = [row[i].strip() for _, row in rows]
        if all(_ID_VALUE.fullmatch(v) for v in values) and len(set(values)) == len(values):
            return i
    return None


def _classify(headers: list[str], rows: list[tuple[int, list[str]]], mapping: Mapping[str, str]) -> _Columns:
    """Which columns are free-text answers, and which (if any) holds the submission time."""
    values = [[row[i] for _, row in rows if row[i]] for i in range(len(headers))]
    warnings: list[str] = []
    answers: dict[int, str] = {}
    if mapping:
        wanted = {_key(h): qid for h, qid in mapping.items()}
        answers = {i: wanted[_key(h)] for i, h in enumerate(headers) if _key(h) in wanted}
        if not answers:
            warnings.append("none of the configured form columns is in this export; free-text "
                            "columns were guessed from their content")
    if not answers:
        for i, header in enumerate(headers):
            if not values[i] or (_DETAIL_HEADER.search(header) and len(header.split()) <= 4):
                continue
            chars = statistics.median(len(v) for v in values[i])
            words = statistics.median(len(v.split()) for v in values[i])
            if chars >= MIN_ANSWER_CHARS or words >= MIN_ANSWER_WORDS:
                answers[i] = header
    timestamp, day_first = None, True
    for pattern in _TIME_HEADERS:
        for i, header in enumerate(headers):
            if timestamp is not None or i in answers or not values[i]:
                continue
            if not pattern.search(header) or _NOT_TIME.search(header):
                continue
            first = _day_first(values[i])
            parsed = sum(parse_timestamp(v, first) is not None for v in values[i][:200])
            if parsed >= 0.9 * min(len(values[i]), 200):
                timestamp, day_first = i, first
    return _Columns(answers, timestamp, day_first, warnings, _id_column(headers, rows, answers))


def _key(header: str) -> str:
    return " ".join(header.split()).casefold()


def _headers(raw: list[str], width: int) -> list[str]:
    """Clean, unique headers; unnamed or extra columns are 'column N'."""
    out: list[str] = []
    for i in range(width):
        name = " ".join(raw[i].split()) if i < len(raw) else ""
        name = name or f"column {i + 1}"
        candidate, n = name, 2
        while candidate in out:
            candidate = f"{name} ({n})"
            n += 1
        out.append(candidate)
    return out


def _read_table(src: Source, fmt: str, method: str, records: Iterable[tuple[int, list[str]]],
                extra_meta: Mapping[str, str]) -> Document:
    """Shared by CSV and XLSX: header row, then one child Document per non-empty row."""
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    for number, record in records:
        cells = [c.strip() for c in record]
        if not any(cells):
            continue
        if header is None:
            header = cells
            continue
        rows.append((number, cells))
        if len(rows) > src.limits.max_form_rows:
            raise IngestError(
                "too_many_rows", f"The form export has over {src.limits.max_form_rows} rows. Split it "
                "into smaller exports."
            )
    if header is None:
        return assemble(src, fmt, [])
    width = max([len(header)] + [len(cells) for _, cells in rows])
    headers = _headers(header, width)
    rows = [(n, cells + [""] * (width - len(cells))) for n, cells in rows]
    columns = _classify(headers, rows, src.form_columns)
    warnings = list(columns.warnings)
    if not columns.answers:
        warnings.append("no free-text answer columns found; rows carry metadata only")
    children = [_row_document(src, method, headers, n, cells, columns) for n, cells in rows]
    metadata = {
        **extra_meta,
        "rows": str(len(rows)),
        "answer_columns": " | ".join(headers[i] for i in columns.answers),
    }
    if columns.timestamp is not None:
        metadata["timestamp_column"] = headers[columns.timestamp]
    doc = assemble(src, fmt, [], metadata=metadata, children=children, warnings=warnings)
    return replace(doc, method=method)


def _row_document(src: Source, method: str, headers: list[str], number: int, cells: list[str],
                  columns: _Columns) -> Document:
    pairs = [(h, v) for h, v in zip(headers, cells, strict=True) if v]
    parts: list[tuple[str, str]] = []
    answers: list[Answer] = []
    metadata: dict[str, str] = {}
    for i, (header, value) in enumerate(zip(headers, cells, strict=True)):
        if not value:
            continue
        if i in columns.answers:
            parts.append((f"{header}\n{value}", method))
            answers.append(Answer(question=columns.answers[i], text=value, source=header))
        else:
            metadata[header] = value
    received = None
    warnings: list[str] = []
    if columns.timestamp is not None and cells[columns.timestamp]:
        received = parse_timestamp(cells[columns.timestamp], columns.day_first)
        if received is None:
            warnings.append(f"the timestamp '{cells[columns.timestamp]}' could not be read as a date")
    if not answers:
        warnings.append("this row has no free-text answer")
    ident = cells[columns.ident].strip() if columns.ident is not None else ""
    cited = (ident if any(c.isalpha() for c in ident) else f"id-{ident}") if ident else f"row-{number}"
    row_src = Source(name=f"{src.name}#{cited}", data=b"", limits=src.limits,
                     depth=src.depth + 1, ocr=src.ocr)
    return assemble(
        row_src, "form-row", parts, metadata=metadata, received=received,
        received_from="form-timestamp" if received else None, answers=answers, warnings=warnings,
        sha256=sha256_text(*(f"{h}={v}" for h, v in pairs)),
    )


def _sniff(text: str, suffix: str) -> type[csv.Dialect]:
    """The delimiter is sniffed; quoting follows RFC 4180 (the sniffer often misjudges doubled
    quotes, which splits a long answer into bogus rows)."""
    if suffix == ".tsv":
        return csv.excel_tab
    sample = text[:65536]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel

    class Dialect(csv.excel):
        delimiter = sniffed.delimiter
        quotechar = sniffed.quotechar or '"'

    first = next(csv.reader(io.StringIO(sample, newline=""), Dialect), [])
    return Dialect if len(first) >= 2 else csv.excel


def read_csv(src: Source) -> Document:
    """A CSV/TSV form export in any encoding and dialect."""
    text, encoding = decode_bytes(src.data)
    dialect = _sniff(text, src.suffix)
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))  # long answers
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    delimiter = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}.get(
        dialect.delimiter, repr(dialect.delimiter))
    return _read_table(src, "csv", "form-csv", enumerate(reader, start=1),
                       {"encoding": encoding, "delimiter": delimiter})


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(src: Source) -> Document:
    """An Excel form export: the first sheet that has a header row."""
    import warnings

    import openpyxl

    from respmine.ingest.zipguard import open_zip

    open_zip(src).close()  # limits checked before openpyxl unpacks anything
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles it does not need
        wb = openpyxl.load_workbook(io.BytesIO(src.data), read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            ws.reset_dimensions()  # some exporters record wrong dimensions; read every row
            rows = ((n, [_cell_text(v) for v in row])
                    for n, row in enumerate(ws.iter_rows(values_only=True), start=1))
            first = next(((n, r) for n, r in rows if any(c.strip() for c in r)), None)
            if first is not None:  # the first sheet with a header row
                return _read_table(src, "xlsx", "form-xlsx", itertools.chain([first], rows),
                                   {"sheet": ws.title})
    finally:
        wb.close()
    return assemble(src, "xlsx", [])
