"""A small SpreadsheetML writer for the workbook: sheets of plain values, three cell styles, autofilters,
frozen headers and column widths, the parts openpyxl's write-only mode wrote.

Why not openpyxl: it builds a cell object per value and serialises each through lxml, which took ~10 s
for the coded-responses sheet of 1,000 submissions (450,000 cells); joining strings takes well under one.
Text goes to the shared-string table once (a segment's text repeats on each of its theme rows, a source
file on each of its segments), which halves the XML to write and compress. Text is always text (never a
formula or an error value, so a response starting with "=" stays text), control characters XML refuses are
dropped, and the package has fixed entry times, so the same rows give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter
from openpyxl.writer.theme import theme_xml

from respmine.report.zips import write_zip

MAX_CELL = 32_000  # Excel's limit is 32,767 characters
WIDE = 40  # columns at least this wide wrap their text
HEADER_STYLE, WRAP_STYLE = ' s="1"', ' s="2"'  # cell formats in `_STYLES`
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_CT = "application/vnd.openxmlformats-officedocument"


@dataclass(frozen=True)
class Sheet:
    """One filterable table: a header row (frozen, styled) and rows of str, int, float or None."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Mapping[str, int] = field(default_factory=dict)


def write_workbook_package(path: Path, sheets: Sequence[Sheet], title: str, when: datetime) -> None:
    """Write the .xlsx; `when` (the data time) is its creation and modification time."""
    strings: dict[str, int] = {}  # text -> its index in the shared-string table
    core = _CORE.format(title=escape(title), when=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    entries = [("docProps/app.xml", _APP.encode()), ("docProps/core.xml", core.encode()),
               ("xl/theme/theme1.xml", theme_xml.encode())]
    entries += [(f"xl/worksheets/sheet{i}.xml", sheet_xml(s, strings)) for i, s in enumerate(sheets, 1)]
    entries += [("xl/sharedStrings.xml", shared_strings_xml(strings)),
                ("xl/styles.xml", _STYLES.encode()), ("_rels/.rels", _ROOT_RELS.encode()),
                ("xl/workbook.xml", _workbook(sheets).encode()),
                ("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)).encode()),
                ("[Content_Types].xml", _content_types(len(sheets)).encode())]
    write_zip(path, entries, when)


def sheet_xml(sheet: Sheet, strings: dict[str, int]) -> bytes:
    """The worksheet part, its text added to `strings`."""
    width = max(1, len(sheet.header))
    letters = [get_column_letter(i) for i in range(1, width + 1)]
    widths = [sheet.widths.get(name, min(max(10, len(name) + 2), 30)) for name in sheet.header]
    styles = [WRAP_STYLE if w >= WIDE else "" for w in widths]
    cols = "".join(f'<col width="{w}" customWidth="1" min="{i}" max="{i}"/>' for i, w in enumerate(widths, 1))
    parts = [_SHEET_HEAD, f"<cols>{cols}</cols>" if cols else "", "<sheetData>",
             _row(1, sheet.header, letters, [HEADER_STYLE] * width, strings)]
    parts += [_row(n, row, letters, styles, strings) for n, row in enumerate(sheet.rows, start=2)]
    parts += [f'</sheetData><autoFilter ref="A1:{letters[-1]}{len(sheet.rows) + 1}"/>', _SHEET_TAIL]
    return "".join(parts).encode("utf-8")


def _row(
    number: int, values: Sequence[object], letters: Sequence[str], styles: Sequence[str],
    strings: dict[str, int],
) -> str:
    """One row's XML (the hot loop: 450,000 cells on 1,000 submissions)."""
    r = str(number)
    cells = []
    for value, letter, style in zip(values, letters, styles, strict=False):
        if isinstance(value, str):
            if not value:
                cells.append(f'<c r="{letter}{r}"{style} t="inlineStr"></c>')
                continue
            index = strings.get(value)
            if index is None:
                index = strings[value] = len(strings)
            cells.append(f'<c r="{letter}{r}"{style} t="s"><v>{index}</v></c>')
        elif value is None:
            continue
        elif isinstance(value, bool):
            cells.append(f'<c r="{letter}{r}"{style} t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, int | float):
            cells.append(f'<c r="{letter}{r}"{style} t="n"><v>{value:.16g}</v></c>')
        else:
            raise TypeError(f"cannot write {type(value).__name__} to a workbook cell")
    return f'<row r="{r}">{"".join(cells)}</row>'


def shared_strings_xml(strings: dict[str, int]) -> bytes:
    """The shared-string table in index order (a dict keeps insertion order); text is cleaned and cut
    here, once per distinct string."""
    parts = [f'<sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">']
    for value in strings:
        if _ILLEGAL.search(value):
            value = _ILLEGAL.sub("", value)
        if len(value) > MAX_CELL:
            value = value[:MAX_CELL] + " …[cut]"
        space = ' xml:space="preserve"' if value != value.strip() else ""
        text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
        parts.append(f"<si><t{space}>{text}</t></si>")
    parts.append("</sst>")
    return "".join(parts).encode("utf-8")


def _workbook(sheets: Sequence[Sheet]) -> str:
    listed = "".join(f'<sheet xmlns:r="{_REL}" name="{escape(s.title, {chr(34): "&quot;"})}" sheetId="{i}" '
                     f'state="visible" r:id="rId{i}"/>' for i, s in enumerate(sheets, start=1))
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{escape(_quote(s.title))}!$A$1:${get_column_letter(max(1, len(s.header)))}${len(s.rows) + 1}"
        "</definedName>" for i, s in enumerate(sheets))
    return (f'<workbook xmlns="{_MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView '
            'visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" '
            'showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/>'
            f"</bookViews><sheets>{listed}</sheets><definedNames>{names}</definedNames>"
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _quote(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _workbook_rels(n: int) -> str:
    rels = [(f"{_REL}/worksheet", f"/xl/worksheets/sheet{i}.xml") for i in range(1, n + 1)]
    rels += [(f"{_REL}/styles", "styles.xml"), (f"{_REL}/theme", "theme/theme1.xml"),
             (f"{_REL}/sharedStrings", "sharedStrings.xml")]
    body = "".join(f'<Relationship Type="{kind}" Target="{target}" Id="rId{i}"/>'
                   for i, (kind, target) in enumerate(rels, start=1))
    return f'<Relationships xmlns="{_PKG}/relationships">{body}</Relationships>'


def _content_types(n: int) -> str:
    parts = [("/xl/styles.xml", f"{_CT}.spreadsheetml.styles+xml"),
             ("/xl/theme/theme1.xml", f"{_CT}.theme+xml"),
             ("/xl/sharedStrings.xml", f"{_CT}.spreadsheetml.sharedStrings+xml"),
             ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
             ("/docProps/app.xml", f"{_CT}.extended-properties+xml")]
    parts += [(f"/xl/worksheets/sheet{i}.xml", f"{_CT}.spreadsheetml.worksheet+xml") for i in range(1, n + 1)]
    parts.append(("/xl/workbook.xml", f"{_CT}.spreadsheetml.sheet.main+xml"))
    overrides = "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in parts)
    rels = "application/vnd.openxmlformats-package.relationships+xml"
    return (f'<Types xmlns="{_PKG}/content-types"><Default Extension="rels" ContentType="{rels}"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')


_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Type="{_REL}/officeDocument" Target="xl/workbook.xml" Id="rId1"/>'
    f'<Relationship Type="{_PKG}/relationships/metadata/core-properties" Target="docProps/core.xml" '
    'Id="rId2"/>'
    f'<Relationship Type="{_REL}/extended-properties" Target="docProps/app.xml" Id="rId3"/>'
    "</Relationships>"
)
_APP = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>respmine</Application><AppVersion>3.1</AppVersion></Properties>")
_DCTERMS = 'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
_CORE = (
    f'<cp:coreProperties xmlns:cp="{_PKG}/metadata/core-properties">'
    '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">respmine</dc:creator>'
    '<dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">{title}</dc:title>'
    f'<dcterms:created {_DCTERMS} xsi:type="dcterms:W3CDTF">{{when}}</dcterms:created>'
    f'<dcterms:modified {_DCTERMS} xsi:type="dcterms:W3CDTF">{{when}}</dcterms:modified>'
    "<cp:lastModifiedBy>respmine</cp:lastModifiedBy></cp:coreProperties>"
)
_ALIGN = '<alignment vertical="top" wrapText="1"/>'
_XF = 'numFmtId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"'
# fonts: default, bold white (header); fills: the two Excel requires, dark blue (header); cell formats:
# 0 default, 1 header (top-aligned, wrapped), 2 wrapped text
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><numFmts count="0"/><fonts count="2"><font><name val="Calibri"/>'
    '<family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font>'
    '<font><b val="1"/><color rgb="00FFFFFF"/></font></fonts>'
    '<fills count="3"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="001D3557"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="3"><xf fontId="0" fillId="0" {_XF}/>'
    f'<xf fontId="1" fillId="2" applyAlignment="1" {_XF}>{_ALIGN}</xf>'
    f'<xf fontId="0" fillId="0" applyAlignment="1" {_XF}>{_ALIGN}</xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles>'
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
    "</styleSheet>"
)
_SHEET_HEAD = (
    f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/>'
    '</sheetPr><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
    '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
)
_SHEET_TAIL = ('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
               "</worksheet>")
