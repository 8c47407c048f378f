"""The analyst's workbook: theme table, coded responses, codebook, campaigns, emerging themes, quarantine
log and provenance, each sheet a filterable table with a frozen header.

Text is always stored as text (a response starting with "=" never becomes a formula), control characters
Excel refuses are dropped, and document properties and zip entry times are the data time, so the same
data gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from respmine.records import RESPONDENT_TYPES, STANCES
from respmine.report.coded import COLUMNS as CODED_COLUMNS
from respmine.report.coded import coded_rows
from respmine.report.intake import submission_rows
from respmine.report.qdpx import restamp_zip
from respmine.report.summaries import type_name
from respmine.store import Store
from respmine.store import structure as structure_store
from respmine.themes.codebook import Codebook

if TYPE_CHECKING:
    from respmine.report.outputs import Report

HEADER_FILL = PatternFill("solid", fgColor="1D3557")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TOP_WRAP = Alignment(vertical="top", wrap_text=True)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL = 32_000  # Excel's limit is 32,767 characters


def write_workbook(report: Report, store: Store, path: Path, codebook: Codebook) -> None:
    """Write every sheet; `codebook` is the codebook as loaded (the report holds the effective one)."""
    wb = Workbook(write_only=True)
    _sheet(wb, "Theme table", *_theme_table(report), widths={"Theme": 48, "Quote 1": 70, "Quote 2": 70,
                                                                "Quote 3": 70, "Question text": 40})
    coded = [[r[c] for c in CODED_COLUMNS] for r in coded_rows(store, codebook)]
    _sheet(wb, "Coded responses", CODED_COLUMNS, coded,
           widths={"text": 80, "evidence": 60, "source_file": 36, "respondent": 30, "theme_label": 40})
    _sheet(wb, "Codebook", *_codebook(report), widths={"Label": 40, "Description": 70, "Phrases": 50})
    _sheet(wb, "Campaigns", *_campaigns(store), widths={"Template (start)": 80, "Letters": 10, "Sources": 60})
    _sheet(wb, "Emerging themes", *_emerging(report), widths={"Name": 40, "Keywords": 40, "Quotes": 90})
    _sheet(wb, "Quarantine", *_quarantine(store), widths={"Source file": 40, "What to do": 90})
    _sheet(wb, "About", ["Item", "Value"], _about(report), widths={"Item": 28, "Value": 110})
    when = report.info.data_time.replace(tzinfo=None)
    wb.properties.creator = "respmine"
    wb.properties.lastModifiedBy = "respmine"
    wb.properties.title = f"Coded evidence: {report.title}"[:250]
    wb.properties.created = when
    wb.properties.modified = when
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()  # `save_workbook` would stamp the wall clock as "modified"
    restamp_zip(path, report.info.data_time)


def _sheet(wb: Workbook, title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
           widths: dict[str, int] | None = None) -> None:
    """A streamed (write-only) sheet: tens of thousands of coded rows write in seconds, not minutes."""
    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}{len(rows) + 1}"
    wide = set()
    for i, name in enumerate(header, start=1):
        width = (widths or {}).get(name, min(max(10, len(name) + 2), 30))
        ws.column_dimensions[get_column_letter(i)].width = width
        if width >= 40:
            wide.add(i - 1)
    head = []
    for name in header:
        cell = WriteOnlyCell(ws, value=name)
        cell.fill, cell.font, cell.alignment = HEADER_FILL, HEADER_FONT, TOP_WRAP
        head.append(cell)
    ws.append(head)
    for row in rows:
        ws.append([_cell(ws, v, i in wide) for i, v in enumerate(row)])


def _cell(ws: Any, value: object, wrap: bool) -> object:
    """Plain values stay plain (fast); text that looks like a formula, or sits in a wide column, is a
    styled cell (respondents' text is never a formula)."""
    value = _clean(value)
    formula = isinstance(value, str) and value.startswith("=")
    if not (formula or wrap):
        return value
    cell = WriteOnlyCell(ws, value=value)
    if formula:
        cell.data_type = "s"
    if wrap:
        cell.alignment = TOP_WRAP
    return cell


def _clean(value: object) -> object:
    if isinstance(value, str):
        text = _ILLEGAL.sub("", value)
        return text if len(text) <= MAX_CELL else text[:MAX_CELL] + " …[cut]"
    return value


def _theme_table(report: Report) -> tuple[list[str], list[list[object]]]:
    header = ["Question", "Question text", "Theme id", "Theme", "Level", "Respondents", "Campaign letters",
              "Late", *[type_name(t).capitalize() for t in RESPONDENT_TYPES],
              *[s.capitalize() for s in STANCES], "Quote 1", "Quote 2", "Quote 3"]
    texts = {s.id: s.text for s in report.sections}
    rows: list[list[object]] = []
    blocks = [("all", "All questions", [t.row for t in report.themes])]
    blocks += [(s.id, texts[s.id], s.rows) for s in report.sections]
    for qid, qtext, theme_rows in blocks:
        for r in theme_rows:
            level = report.depths.get(r.theme, 0)
            quotes = [f"“{q.text}” ({q.who}; {q.source_file}{f', p. {q.page}' if q.page else ''})"
                      for q in r.quotes]
            rows.append([qid, qtext, r.theme, "    " * level + r.label, level, r.respondents,
                         r.campaign_letters, r.late, *[r.by_type.get(t, 0) for t in RESPONDENT_TYPES],
                         *[r.stance.get(s, 0) for s in STANCES], *[*quotes, "", "", ""][:3]])
    return header, rows


def _codebook(report: Report) -> tuple[list[str], list[list[object]]]:
    cb = report.codebook
    header = ["Theme id", "Label", "Parent", "Level", "Description", "Phrases", "Exclusions", "Fingerprint"]
    from respmine.report.tables import theme_order

    rows: list[list[object]] = [
        [t, cb.theme(t).label, cb.theme(t).parent or "", report.depths.get(t, 0),
         " ".join(cb.theme(t).description.split()), "; ".join(cb.theme(t).phrases),
         "; ".join(cb.theme(t).exclusions), cb.theme(t).fingerprint]
        for t in theme_order(cb)
    ]
    return header, rows


def _campaigns(store: Store) -> tuple[list[str], list[list[object]]]:
    subs = structure_store.submission_index(store)
    header = ["Campaign id", "Kind", "Letters", "Sources", "Template (start)"]
    rows: list[list[object]] = []
    for c in structure_store.campaigns(store):
        kind = "identical copies" if c.id.startswith("duplicate-") else "form-letter campaign"
        sources = "; ".join(sorted(subs[m].source for m in c.members if m in subs))
        rows.append([c.id, kind, c.size, sources, " ".join(c.template.split())[:1000]])
    return header, rows


def _emerging(report: Report) -> tuple[list[str], list[list[object]]]:
    header = ["Topic", "Name", "Keywords", "Segments", "Respondents", "Status", "Quotes"]
    rows: list[list[object]] = [
        [e.id, e.name, "; ".join(e.keywords), e.segments, e.respondents, e.status,
         "\n".join(f"“{q.text}” ({q.who}; {q.source_file})" for q in e.quotes)]
        for e in report.emerging
    ]
    return header, rows


def _quarantine(store: Store) -> tuple[list[str], list[list[object]]]:
    header = ["Source file", "Code", "What to do", "Received at"]
    rows: list[list[object]] = [[r["source_file"], r["code"], r["reason"], r["received_at"]]
                                for r in submission_rows(store) if r["status"] == "quarantined"]
    return header, rows


def _about(report: Report) -> list[list[object]]:
    info = report.info
    return [
        ["Consultation", report.title],
        ["Data as of", info.data_time.isoformat()],
        ["Codebook", info.codebook],
        ["Models", "; ".join(info.models) or "none recorded"],
        ["Software", info.versions],
        ["Respondents", report.respondents],
        ["Letters and forms received (processed)", report.letters],
        ["Late respondents", report.late],
        ["Quarantined files", report.quarantined],
        ["Counting", "Respondents, not letters: an e-mail and its attachment are one respondent; a "
                     "form-letter campaign is one respondent, its letters shown apart; identical copies "
                     "count once. A theme includes everyone coded under its sub-themes."],
        ["Late", "Late = every submission of that respondent arrived after the closing date."],
        ["Stance", "Towards the consultation's proposals: an analyst's decision wins over the machine's."],
    ]
