"""PDF reader: PDFium for bulk text, column-aware where a page has two columns, OCR for scanned pages.

PDFium (pypdfium2) is ~30x faster than pdfplumber, and its text boxes are enough for layout: two-column
pages whose text stream interleaves the columns are re-read column by column. Tables are read in the
PDF's own stream order (row by row for PDFs made by office software); rebuilding ruled grids cell by
cell was measured to garble merged cells and boxed text more often than it helped. Scanned pages are
detected page by page (no text layer but an image) and OCR'd; the method is recorded per page.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from respmine.ingest.assemble import assemble
from respmine.ingest.cleanup import clean_document
from respmine.ingest.errors import IngestError, protected
from respmine.ingest.ocr import default_engine
from respmine.ingest.pdf_form import filled_lines, form_fields, init_forms, tidy
from respmine.ingest.source import Source
from respmine.records import Document

if TYPE_CHECKING:
    import pypdfium2

MIN_TEXT_CHARS = 25  # fewer non-space characters than this on a page with an image: a scan
OCR_DPI = 300


@dataclass
class RawPage:
    text: str
    method: str


def read_pdf(src: Source) -> Document:
    import pypdfium2 as pdfium

    pdf = _open(pdfium, src)
    try:
        init_forms(pdf)
        count = len(pdf)
        if count > src.limits.max_pages:
            raise IngestError(
                "too_many_pages", f"The PDF has {count} pages, over the {src.limits.max_pages}-page "
                "limit. Split it, or record it by hand."
            )
        raw = [_page_text(pdf, i, src) for i in range(count)]
        metadata = {k.lower(): str(v) for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    finally:
        pdf.close()
    cleaned, head = clean_document([p.text for p in raw])
    kept = {k: v for k, v in metadata.items() if k in ("title", "author", "creator", "creationdate")}
    if head:
        kept["running_head"] = "\n".join(head)  # (a letterhead naming the body on every page)
    warnings = []
    if any(p.method == "image-no-ocr" for p in raw):
        warnings.append("scanned pages were not OCR'd (OCR disabled)")
    return assemble(
        src, "pdf", [(text, p.method) for text, p in zip(cleaned, raw, strict=True)],
        metadata=kept,
        warnings=warnings, flowing=True,
    )


def _open(pdfium: Any, src: Source) -> pypdfium2.PdfDocument:
    try:
        return pdfium.PdfDocument(src.data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise protected("PDF") from exc
        if b"%%EOF" not in src.data[-2048:]:
            raise IngestError(
                "truncated",
                "The PDF is incomplete (truncated: its end is missing), often an interrupted upload or "
                "download. Ask the sender to resend it.",
            ) from exc
        raise IngestError(
            "corrupt", f"The PDF is damaged and cannot be opened ({exc}). Ask the sender to resend it."
        ) from exc


def _page_text(pdf: pypdfium2.PdfDocument, index: int, src: Source) -> RawPage:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            fields = form_fields(pdf, page)
            if len("".join(text.split())) < MIN_TEXT_CHARS:
                if _has_image(page):  # (a scan, with fields laid over it or not: OCR reads both, drawn)
                    if not src.ocr:
                        return RawPage(text, "image-no-ocr")
                    return RawPage(_ocr_page(page, src), default_engine().method)
                if not fields:
                    return RawPage(text, "pdfium")
            shown = None
            if fields:  # (a form's labels and boxes are no columns: its text is read in the stream's order)
                shown = filled_lines(textpage, text, fields)
            else:
                columns = _column_split(page, textpage)
                if columns is not None:
                    return RawPage(columns, "pdfium-columns")
            marked = _mark_paragraph_gaps(textpage, text, page.get_size()[1], _origin(page)[1], shown)
            return RawPage(tidy(marked), "pdfium-form") if fields else RawPage(marked, "pdfium")
        finally:
            textpage.close()
    finally:
        page.close()


def _origin(page: Any) -> tuple[float, float]:
    """The page's lower-left corner in the coordinates its text is placed in (its crop box's, else its
    media box's): PDFium gives text boxes in the page's own space, where the box may not start at 0
    ([20 30 632 822], [-300 -400 312 392]); heights and widths measured from 0 put the margins, the lowest
    quarter and the columns' gutter in the wrong place (a shifted two-column page read its first line
    twice, one shifted down read as no columns)."""
    try:
        left, bottom, _, _ = page.get_cropbox()
    except Exception:  # (no box to read: the default origin)
        return 0.0, 0.0
    return float(left), float(bottom)


def _mark_paragraph_gaps(textpage: Any, text: str, height: float = 0.0, bottom: float = 0.0,
                         shown: list[str] | None = None) -> str:
    """Insert a blank line where the vertical gap between two lines is clearly wider than the usual
    line spacing: PDFium's text has no blank lines, but paragraphs are laid out with space between.

    The usual spacing is the 25th percentile of the steps between visual lines, not the median: on a
    page of short paragraphs (a reference list, one-line questions and answers) half the steps are
    paragraph gaps. It is taken per font size, from steps between two lines of that size, when a size
    has enough of them (`SAME_SIZE_STEPS`): single-spaced footnotes under one-and-a-half-spaced text
    would otherwise make every line of the text a paragraph. A size with fewer (headings: the step to a
    heading is from a line of another size) is spaced as the page, and at least as its font
    (`LINE_HEIGHT`).
    `shown`: the text's lines as they are to be read (a form's lines with its fields' values,
    `pdf_form.filled_lines`), one for each of the text's lines, measured as the text's.
    Lines the PDF draws first but which lie at the foot of the page, beneath all the others (`_drawn_first
    _below`: a footer and footnotes some generators write before the body), are read last, top to bottom.
    """
    if len(text) != textpage.count_chars():  # offsets would not map to characters: leave as is
        return "\r\n".join(shown) if shown is not None else text
    lines = text.split("\r\n")
    marks = _line_baselines(textpage, lines)
    out = shown if shown is not None and len(shown) == len(lines) else lines
    steps = [
        _Step(low.line, high.baseline - low.baseline, _size_key(low.size), _size_key(high.size))
        for high, low in itertools.pairwise(marks)
        if high.baseline is not None and low.baseline is not None and high.baseline - low.baseline > 0
    ]
    if not steps:
        return "\r\n".join(out)
    usual = _usual_spacing(steps)
    if len(steps) < 8:  # too few lines for a quantile to be the usual spacing: bound it by the font
        usual = {size: min(u, SHORT_PAGE_SPACING * size) if size > 0 else u for size, u in usual.items()}
    wide = {s.line for s in steps if s.line is not None and s.step > PARAGRAPH_GAP * usual[s.size]}
    foot = _drawn_first_below(marks, len(lines), height, bottom)
    if foot:
        at = {m.line: m.baseline for m in marks if m.line is not None and m.baseline is not None}
        order = [*range(foot, len(lines)), *sorted(range(foot), key=lambda i: -at.get(i, 0.0))]

        def starts_paragraph(i: int, before: int) -> bool:  # (a foot line: after the body, a note's number,
            # a gap or a line not drawn after it; a footnote wrapped over two lines stays one paragraph)
            if i >= foot or before >= foot:
                return i in wide or i < foot
            return i in wide or before != i - 1 or _NOTE_LINE.match(lines[i]) is not None

        return "".join(("\r\n\r\n" if n and starts_paragraph(i, order[n - 1]) else "\r\n" if n else "")
                       + out[i] for n, i in enumerate(order))
    return "".join(("\r\n\r\n" if i in wide else "\r\n" if i else "") + line for i, line in enumerate(out))


# a footnote's first line: its number ("1 OEMR, ...", "[2] See ...", "³ Assumes ...")
_NOTE_LINE = re.compile(r"\A\s*(?:\d{1,3}|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?=[^\W\d_])")
FOOT_OF_PAGE = 0.25  # of the page's height from its foot: where footers and footnotes drawn first may lie


def _drawn_first_below(marks: list[_VisualLine], count: int, height: float, bottom: float = 0.0) -> int:
    """How many of the page's first text lines lie at its foot (within FOOT_OF_PAGE of the height) beneath
    every later line: a footer and footnotes the PDF drew before the body ("Northern Grid Distribution plc |
    Public Page 1", "1 OEMR, Review of ..."), read first they ran into the letterhead and the answers
    (a trial quoted them as evidence). 0 when the page starts with its top, as nearly all do. `bottom`:
    the page's foot in the baselines' coordinates (`_origin`)."""
    if height <= 0:
        return 0
    lowest: dict[int, float] = {}  # each text line's lowest baseline
    for m in marks:
        if m.baseline is not None:
            line = m.line if m.line is not None else max(lowest, default=0)
            lowest[line] = min(lowest.get(line, m.baseline), m.baseline)
    highest: dict[int, float] = {}
    for m in marks:
        if m.baseline is not None and m.line is not None:
            highest[m.line] = max(highest.get(m.line, m.baseline), m.baseline)
    found, top_so_far = 0, float("-inf")
    for k in range(1, count):
        if k - 1 in highest:
            top_so_far = max(top_so_far, highest[k - 1])
        if top_so_far > bottom + FOOT_OF_PAGE * height:
            break
        below_rest = [b for i, b in lowest.items() if i >= k]
        if below_rest and top_so_far != float("-inf") and top_so_far < min(below_rest):
            found = k
    return found


# A step this many times the usual spacing is a paragraph gap. Single spacing with 6 points after each
# paragraph at 11-12 points is 1.43 times (common in Word documents); on 51 real PDFs steps fall at
# 1.36-1.44 (about 500) or far above, almost none at 1.24-1.34: 1.45 had missed every such break.
PARAGRAPH_GAP = 1.32
SHORT_PAGE_SPACING = 1.45  # on a page of few lines, the usual spacing is at most this times the font size
# (Word's "1.5 lines" is 1.72-1.83 times: at PARAGRAPH_GAP it is no paragraph gap)
SAME_SIZE_STEPS = 4  # steps to lines of one font size that give that size its own usual spacing
LINE_HEIGHT = 1.15  # a font's single line spacing, in its size: a size with few lines is spaced at least so


class _Step(NamedTuple):
    line: int | None  # the text line the lower visual line starts
    step: float  # between the two baselines
    size: float  # the lower line's font size (`_size_key`)
    above: float  # the upper line's


def _usual_spacing(steps: list[_Step]) -> dict[float, float]:
    """Usual line spacing per font size (`_size_key`): the lower quartile of the steps between two lines
    of that size, or of all steps (at least the font's own line height) for a size with few."""
    def quartile(values: list[float]) -> float:
        return sorted(values)[len(values) // 4]

    overall = quartile([s.step for s in steps])
    same: dict[float, list[float]] = {s.size: [] for s in steps}
    for s in steps:
        if s.size == s.above:
            same[s.size].append(s.step)
    return {size: quartile(found) if len(found) >= SAME_SIZE_STEPS else max(overall, LINE_HEIGHT * size)
            for size, found in same.items()}


def _size_key(size: float) -> float:
    """Font sizes compared to the half point (0: unknown)."""
    return round(max(size, 0.0) * 2) / 2


class _VisualLine(NamedTuple):
    line: int | None  # the text line it starts (None: run on after a hyphen break)
    baseline: float | None  # None: a blank line
    size: float  # its first letter's font size (0: unknown)


def _line_baselines(textpage: Any, lines: list[str]) -> list[_VisualLine]:
    """Each visual line in reading order, with the index of the text line it starts (None for a line
    PDFium ran on after a hyphen break: it marks the break U+FFFE without a line break, so one text line
    can hold two visual lines). The baseline and size are those of the first letter: glyph boxes vary
    with the glyph (a quote sits high, a 'p' low) and a superscript footnote number sits above the
    line."""
    out: list[_VisualLine] = []
    offset = 0
    for k, line in enumerate(lines):
        cuts = [0] + [i + 1 for i, ch in enumerate(line) if ch == "\ufffe"]
        for n, start in enumerate(cuts):
            segment = line[start : cuts[n + 1] - 1 if n + 1 < len(cuts) else len(line)]
            at = next((i for i, ch in enumerate(segment) if ch.isalpha()), None)
            if at is None:
                at = next((i for i, ch in enumerate(segment) if not ch.isspace()), None)
            if at is not None:
                index = offset + start + at
                size = _font_size(textpage, index)
                out.append(_VisualLine(None if n else k, _baseline(textpage, index), size))
            elif not n:
                out.append(_VisualLine(k, None, 0.0))
        offset += len(line) + 2
    return out


def _baseline(textpage: Any, index: int) -> float:
    import pypdfium2.raw as pdfium_c

    x, y = ctypes.c_double(), ctypes.c_double()
    if pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y):
        return y.value
    return textpage.get_charbox(index)[1]


def _font_size(textpage: Any, index: int) -> float:
    """A character's font size as drawn: PDFium's size times the character matrix's scale across the
    baseline (a PDF may set the font at size 1 and scale it by the text matrix; a horizontal squeeze,
    rotation or mirroring changes no height)."""
    import pypdfium2.raw as pdfium_c

    size = abs(float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index)))
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage.raw, index, matrix):
        along = math.hypot(matrix.a, matrix.b)  # the baseline's scale; the height is the rest of the area
        size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) / along if along else 0.0
    return size


def _has_image(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))


MARGIN_BAND = 0.07  # of the page's height, top and bottom: where running headers and footers sit


def _column_split(page: Any, textpage: Any) -> str | None:
    """Text of a two-column page, left column then right; None when the page is not two columns.

    Text rectangles (often one per glyph) are merged into line segments; a two-column page has a wide
    vertical gutter near the middle that no segment crosses, with columns side by side on each half.
    Full-width text above or below the columns (titles, footers) is kept in place.
    """
    width, height = page.get_size()
    n = textpage.count_rects()
    if n < 12:
        return None
    x0, y0 = _origin(page)  # (rectangles from the page's lower-left corner, `_origin`)
    segments = _line_segments([(a - x0, b - y0, c - x0, d - y0)
                               for a, b, c, d in (textpage.get_rect(i) for i in range(n))])
    gutter = _find_gutter(segments, width)
    if gutter is None:
        return None
    body = _without_margin_lines(segments, height)
    left = [s for s in body if s[2] <= gutter]
    right = [s for s in body if s[0] >= gutter]
    if min(len(left), len(right)) < max(5, 0.2 * len(segments)):
        return None
    overlap = min(max(s[3] for s in left), max(s[3] for s in right)) - max(
        min(s[1] for s in left), min(s[1] for s in right)
    )
    shorter = min(
        max(s[3] for s in left) - min(s[1] for s in left),
        max(s[3] for s in right) - min(s[1] for s in right),
    )
    if overlap < 0.5 * shorter:
        return None
    if _column_switches(segments, gutter) <= 2:
        return None  # the text stream already reads one column after the other: keep its order
    if _table_rows(left, right):
        return None  # a table's rows (a petition's No. | Name | Street | Signature): read row by row
    col_top = max(s[3] for s in left + right)
    col_bottom = min(s[1] for s in left + right)
    parts = [
        textpage.get_text_bounded(x0, y0 + col_top, x0 + width, y0 + height),
        textpage.get_text_bounded(x0, y0 + col_bottom, x0 + gutter, y0 + col_top),
        textpage.get_text_bounded(x0 + gutter, y0 + col_bottom, x0 + width, y0 + col_top),
        textpage.get_text_bounded(x0, y0, x0 + width, y0 + col_bottom),
    ]
    return "\n".join(p for p in parts if p.strip())


Rect = tuple[float, float, float, float]


def _table_rows(left: list[Rect], right: list[Rect]) -> bool:
    """Whether the two sides of a gutter are a table's cells, not two columns of text: a text column's lines
    fill it, one line segment a side per line, with a gutter narrower than its lines; a table's cells are
    short, several on a side in a row (No. | Name), with an empty band between them wider than the cells
    (a petition's signatories were read as a column of names, then one of streets)."""
    gap = min(s[0] for s in right) - max(s[2] for s in left)
    cell = statistics.median(s[2] - s[0] for s in left + right)
    if gap > cell:
        return True
    line = statistics.median(s[3] - s[1] for s in left + right)
    rows: list[list[float]] = []  # segments on each line: [its lowest bottom, how many]
    for bottom in sorted(s[1] for s in left + right):
        if rows and bottom - rows[-1][0] < 0.5 * line:
            rows[-1][1] += 1
        else:
            rows.append([bottom, 1])
    return 2 * sum(1 for _, n in rows if n >= 3) > len(rows)


def _without_margin_lines(segments: list[Rect], height: float) -> list[Rect]:
    """The segments without a running header or footer: lines in the page's top or bottom margin band
    set apart from the body by a clear gap (more than a line's height). Such lines are often split by the
    gutter ("80 ARTICLE" | "International Data Privacy Law"); left out of the columns, they are read as
    full-width lines above and below them, where running-line detection finds them. A column's first line
    near a narrow top margin has no such gap and stays in its column."""
    line = statistics.median(s[3] - s[1] for s in segments)
    body = segments
    top = [s for s in body if s[1] >= (1 - MARGIN_BAND) * height]
    rest = [s for s in body if s not in top]
    if top and rest and min(s[1] for s in top) - max(s[3] for s in rest) > line:
        body = rest
    bottom = [s for s in body if s[3] <= MARGIN_BAND * height]
    rest = [s for s in body if s not in bottom]
    if bottom and rest and min(s[1] for s in rest) - max(s[3] for s in bottom) > line:
        body = rest
    return body


def _column_switches(segments: list[Rect], gutter: float) -> int:
    """How often the text stream jumps between the left and right column (interleaved lines)."""
    sides = [s[2] <= gutter for s in segments if s[2] <= gutter or s[0] >= gutter]
    return sum(1 for a, b in itertools.pairwise(sides) if a != b)


def _line_segments(rects: list[Rect]) -> list[Rect]:
    """Merge glyph/word rectangles on the same line that are closer than a word gap."""
    segments: list[list[float]] = []
    for left, bottom, right, top in rects:
        height = max(top - bottom, 1.0)
        if segments:
            cur = segments[-1]
            same_line = abs(cur[1] - bottom) < 0.5 * height
            gap = left - cur[2]
            if same_line and -1.0 <= gap < max(4.0, 1.2 * height):
                cur[2] = max(cur[2], right)
                cur[3] = max(cur[3], top)
                cur[1] = min(cur[1], bottom)
                continue
        segments.append([left, bottom, right, top])
    return [(s[0], s[1], s[2], s[3]) for s in segments]


def _find_gutter(segments: list[Rect], width: float, min_gap: float = 8.0, step: float = 2.0) -> float | None:
    """Centre of the widest band in the middle of the page that (almost) no segment crosses."""
    lo, hi = 0.3 * width, 0.7 * width
    bins = int((hi - lo) / step) + 1
    diff = [0] * (bins + 1)
    for left, _, right, _ in segments:
        if right <= lo or left >= hi:
            continue
        start = max(0, int((left - lo) / step) + 1)
        end = min(bins, int((right - lo) / step) + 1)
        if start < end:
            diff[start] += 1
            diff[end] -= 1
    allowed = max(1, len(segments) // 50)
    best = (0, 0)
    run_start, crossing = None, 0
    for i in range(bins + 1):
        crossing += diff[i] if i < bins else 0
        free = i < bins and crossing <= allowed
        if free and run_start is None:
            run_start = i
        elif not free and run_start is not None:
            if i - run_start > best[1] - best[0]:
                best = (run_start, i)
            run_start = None
    if (best[1] - best[0]) * step < min_gap:
        return None
    return lo + (best[0] + best[1]) / 2 * step


def _ocr_page(page: Any, src: Source) -> str:
    """Render one page and OCR it; resolution is capped so a huge page cannot exhaust memory."""
    width, height = page.get_size()
    scale = OCR_DPI / 72
    pixels = width * scale * height * scale
    if pixels > src.limits.max_image_pixels:
        scale *= (src.limits.max_image_pixels / pixels) ** 0.5
    image = page.render(scale=scale, grayscale=True).to_pil()
    with tempfile.TemporaryDirectory(prefix="respmine-ocr-") as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        return default_engine().image_to_text(path)
