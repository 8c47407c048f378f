"""The DOCX report: a summary the policy team can paste into the strategy report.

Built only from Word's built-in styles (Title, Heading 1-3, Normal, List Bullet, Quote, Table Grid), so
pasted text takes on the destination document's house style. Tables repeat their header row across pages.
Document properties and package times are the data time, so the same data gives the same bytes.
(Named `docx_report` so it never shadows the python-docx package.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from respmine.records import STANCES
from respmine.report.register import annex_note, organisations_by_type
from respmine.report.summaries import (
    STANCE_NAMES,
    counted_once,
    featured_quotes,
    language_sentence,
    late_sentence,
    letters_note,
    plural,
    quarantine_sentence,
    stance_note,
    type_counts_line,
)
from respmine.report.tables import Quote, ThemeRow
from respmine.report.zips import restamp_zip

if TYPE_CHECKING:
    from respmine.report.outputs import Report

INK = RGBColor(0x0B, 0x0C, 0x0C)
ACCENT = RGBColor(0x1D, 0x35, 0x57)
MUTED = RGBColor(0x50, 0x5A, 0x5F)
HEADER_SHADE = "1D3557"


def write_docx(report: Report, path: Path) -> None:
    doc: Any = Document()
    _styles(doc)
    _page(doc, report)
    _front(doc, report)
    _themes(doc, report)
    for section in report.sections:
        doc.add_heading(section.title, level=1)
        if section.text:
            doc.add_paragraph(section.text).runs[0].italic = True
        doc.add_paragraph(section.summary)
        if section.rows:
            _theme_table(doc, section.rows, section.answered, report.depths, report.carries_stance,
                         f"{section.title}: themes raised by the {plural(section.answered, 'respondent')} "
                         "who answered")
            for row, quotes in featured_quotes(section.rows, report.depths):
                doc.add_heading(row.label, level=3)
                _quotes(doc, quotes)
    _emerging(doc, report)
    _method(doc, report)
    _annex(doc, report)
    props = doc.core_properties
    when = report.info.data_time
    props.title = f"{report.title}: summary of responses"[:250]
    props.author = props.last_modified_by = "respmine"
    # Word caps core properties at 255 characters: the model list is in the method section instead
    info = report.info
    props.comments = f"Data as of {info.stamp} · Codebook {info.codebook} · {info.versions}"[:255]
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    doc.save(str(path))
    restamp_zip(path, when)


def _styles(doc: Any) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size, normal.font.color.rgb = "Arial", Pt(11), INK
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11.5)):
        style = doc.styles[name]
        style.font.name, style.font.size, style.font.bold = "Arial", Pt(size), True
        style.font.color.rgb = ACCENT if name in ("Title", "Heading 1") else INK
        rfonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
        style.paragraph_format.space_before = Pt(18 if name == "Heading 1" else 12)
        style.paragraph_format.space_after = Pt(6)
    quote = doc.styles["Quote"]
    quote.font.name, quote.font.size, quote.font.italic = "Arial", Pt(10.5), False
    quote.font.color.rgb = INK
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.space_after = Pt(2)


def _page(doc: Any, report: Report) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.text = f"Summary of consultation responses · data as of {report.info.stamp} · page "
    footer.runs[0].font.size = Pt(8)
    footer.runs[0].font.color.rgb = MUTED
    _page_field(footer)


def _page_field(paragraph: Any) -> None:
    """A PAGE field, each part in its own run so Word and LibreOffice both size it like the footer."""
    parts = (("w:fldChar", "begin"), ("w:instrText", "PAGE"), ("w:fldChar", "separate"), ("w:t", "1"),
             ("w:fldChar", "end"))
    for tag, text in parts:
        run = paragraph.add_run()
        run.font.size = Pt(8)
        run.font.color.rgb = MUTED
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), text)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _front(doc: Any, report: Report) -> None:
    if report.department:
        _small(doc.add_paragraph(report.department))
    doc.add_heading(report.title, level=0)
    doc.add_paragraph("Summary of consultation responses"
                      + (f" (consultation closed {report.closes})" if report.closes else ""))
    _small(doc.add_paragraph(" · ".join(report.info.lines()[:2])))  # models: under "About this analysis"
    doc.add_heading("Executive summary", level=1)
    campaigns = counted_once(report.campaigns, report.joint)
    read = plural(report.letters, "response")
    text = (f"{plural(report.respondents, 'respondent')} took part ({read} read): "
            f"{type_counts_line(report.bases, report.types)}. {campaigns} "
            + (late_sentence(report.late, report.late_letters, report.late_by_file_time) + " "
               if report.closes else "")
            + quarantine_sentence(report.unread, report.unread_from) + " "
            + language_sentence(report.languages))
    doc.add_paragraph(" ".join(text.split()))
    doc.add_heading("Key findings", level=2)
    for line in report.headlines:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("What changed since the last run", level=2)
    for line in report.changes:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Who responded", level=1)
    rows = [[report.types.heading(t), str(n), _pct(n, report.respondents)]
            for t, n in sorted(report.bases.items(), key=lambda kv: report.types.rank(kv[0])) if n]
    rows.append(["All respondents", str(report.respondents), "100%"])
    _table(doc, ["Respondent type", "Respondents", "Share"], rows, "Respondents by type", [10.0, 3.0, 2.5],
           bold_last=True)


def _themes(doc: Any, report: Report) -> None:
    if not report.themes:  # no codebook, or nothing coded: the key findings say so
        return
    doc.add_heading("Themes across all questions", level=1)
    note = stance_note(report.stanced_labels(), report.proposals)
    doc.add_paragraph("Each main theme counts the respondents who raised it anywhere in their response, "
                      f"including under its sub-themes. {note}")
    cb = report.codebook
    for t in (t for t in report.themes if t.depth == 0):
        doc.add_heading(t.row.label, level=2)
        doc.add_paragraph(t.text)
        kids = [k.row for k in report.themes
                if k.row.theme in cb.ids and t.row.theme in cb.ancestors(k.row.theme)]
        if kids:
            _theme_table(doc, kids, 0, report.depths, report.carries_stance, f"{t.row.label}: sub-themes")
        _quotes(doc, t.row.quotes[:2])


def _theme_table(
    doc: Any, rows: Sequence[ThemeRow], answered: int, depths: dict[str, int],
    carries_stance: Callable[[str], bool], caption: str,
) -> None:
    """Theme rows with sub-themes indented; `answered` > 0 adds the share of those answering. A theme
    carrying no stance on the proposals shows none (`carries_stance`)."""
    header = ["Theme", "Respondents", *(["Share"] if answered else []), *[STANCE_NAMES[s] for s in STANCES],
              "Late"]
    body, levels = [], []
    for r in rows:
        silent = r.respondents - sum(v for k, v in r.stance.items() if k != "neutral")
        stance = {**r.stance, "neutral": silent}
        letters = letters_note(r)
        share = [_pct(r.respondents, answered)] if answered else []
        shown = [str(stance[s]) if carries_stance(r.theme) else "–" for s in STANCES]
        body.append([r.label, f"{r.respondents}{letters}", *share, *shown,
                     str(r.late or "")])
        levels.append(depths.get(r.theme, 0))
    widths = [5.0 if answered else 6.4, 2.4, *([1.4] if answered else []), 1.6, 1.6, 1.5, 1.9, 1.2]
    _table(doc, header, body, caption, widths, levels=levels)


def _table(doc: Any, header: Sequence[str], rows: Sequence[Sequence[str]], caption: str,
           widths: Sequence[float], *, bold_last: bool = False, levels: Sequence[int] = ()) -> None:
    """A captioned Table Grid table: shaded header repeated on each page, numbers right-aligned, small
    tables kept on one page."""
    label = doc.add_paragraph(caption)
    label.runs[0].bold = True
    label.paragraph_format.keep_with_next = True
    label.paragraph_format.space_after = Pt(3)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        _cell(cell, text, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF), numeric=text != header[0])
        _shade(cell, HEADER_SHADE)
    _repeat_header(table.rows[0])
    for i, values in enumerate(rows):
        cells = table.add_row().cells
        level = levels[i] if i < len(levels) else 0
        for j, (cell, text) in enumerate(zip(cells, values, strict=True)):
            bold = (bold_last and i == len(rows) - 1) or (bool(levels) and j == 0 and level == 0)
            _cell(cell, text, bold=bold, numeric=j > 0, indent=level if j == 0 else 0)
    for column, width in zip(table.columns, widths, strict=False):
        column.width = Cm(width)
    for tr in table._tbl.tr_lst:  # no merged cells: a row's cells are the columns in order (and
        for tc, width in zip(tr.tc_lst, widths, strict=False):  # `column.cells` rebuilds the grid each call)
            tc.width = Cm(width)
    if len(rows) <= 15:
        for row in table.rows[:-1]:
            for paragraph in row.cells[0].paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _cell(cell: Any, text: str, *, bold: bool = False, colour: RGBColor | None = None, numeric: bool,
          indent: int = 0) -> None:
    """The cell's paragraph, a copy of one formatted once per kind of cell (formatting each of a
    thousand cells through python-docx was half the document's time)."""
    key = (bold, str(colour), numeric, indent)
    template = _CELLS.get(key)
    if template is None:
        template = _CELLS[key] = _formatted(cell, bold, colour, numeric, indent)
    tc = cell._tc
    p = deepcopy(template)
    tc.replace(tc.p_lst[0], p)
    if text:
        Run(p.r_lst[0], cell).text = text


_CELLS: dict[tuple[bool, str, bool, int], Any] = {}


def _formatted(cell: Any, bold: bool, colour: RGBColor | None, numeric: bool, indent: int) -> Any:
    paragraph = Paragraph(OxmlElement("w:p"), cell)
    run = paragraph.add_run()
    run.font.size, run.bold = Pt(9), bold
    if colour is not None:
        run.font.color.rgb = colour
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(1.5)
    paragraph.paragraph_format.line_spacing = 1.0
    if indent:
        paragraph.paragraph_format.left_indent = Cm(0.4 * indent)
    if numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph._p


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _quotes(doc: Any, quotes: Sequence[Quote]) -> None:
    for q in quotes:
        doc.add_paragraph(f"“{q.text}”", style="Quote")
        source = doc.add_paragraph(f"{q.who} · {q.cite}")
        source.paragraph_format.left_indent = Cm(0.8)
        _small(source)


def _emerging(doc: Any, report: Report) -> None:
    doc.add_heading("Emerging themes", level=1)
    if not report.emerging:
        doc.add_paragraph("Topic discovery has not found any group of answers outside the codebook.")
        return
    doc.add_paragraph("Topic discovery found these groups of answers that no codebook theme covers, those "
                      "raised by most respondents first. Analysts can promote each to the codebook or "
                      "dismiss it in the review app.")
    rows = [[f"{e.name} ({e.note})" if e.note else e.name, ", ".join(e.keywords[:6]), str(e.segments),
             str(e.respondents), e.status.capitalize()]
            for e in report.emerging]
    _table(doc, ["Topic", "Keywords", "Passages", "Respondents", "Status"], rows, "Emerging themes",
           [4.5, 5.5, 1.8, 2.2, 2.6])


def _method(doc: Any, report: Report) -> None:
    doc.add_heading("About this analysis", level=1)
    for text in report.method:
        doc.add_paragraph(text)
    for line in report.info.lines():
        _small(doc.add_paragraph(line))


def _annex(doc: Any, report: Report) -> None:
    doc.add_heading("Annex: organisations that responded", level=1)
    doc.add_paragraph(annex_note(report.register, report.types))
    for kind, names in organisations_by_type(report.register, report.types):
        doc.add_heading(f"{report.types.heading(kind)} ({len(names)})", level=2)
        for name in names:
            doc.add_paragraph(name, style="List Bullet")


def _small(paragraph: Any) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(9)
        run.font.color.rgb = MUTED


def _pct(k: int, n: int) -> str:
    return f"{round(100 * k / n)}%" if n else "–"


