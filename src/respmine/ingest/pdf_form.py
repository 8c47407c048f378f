"""A fillable PDF response form's answers (AcroForm fields), placed beside the questions they answer.

A fillable form's page text holds its questions and labels; what the respondent typed or ticked is in
the form's fields, which PDFium's page text does not include (a filled form was read as its questions
alone). Each field's widget is placed by its position on the page: a text field's value after the label
on its left ("Your name: Alice Moreton") or, for a box beneath or beside a question, as a paragraph of
its own after the question's last line; a tick box or radio button as "☒ label" / "☐ label" before the
label on its right, or after the label on its left ("Yes ☒ No ☐"), whichever is nearer, the way a typed
form's boxes are read (`structure.ticks`); a box with no text beside it is named by its tooltip (or its
export value, or its name) on a line of its own. A flattened form has no fields: its text is the page's.
Only documents with an AcroForm pay for any of this (`FPDF_GetFormType`).
"""

from __future__ import annotations

import ctypes
import re
from typing import Any, NamedTuple

TICKED, EMPTY = "☒", "☐"
SAME_ROW = 2.0  # points a label's middle may lie outside its box's height and still be beside it
NEAR = 120.0  # points: a label farther from its box than this is not the box's (a page's other text)
_GENERIC_EXPORT = {"yes", "on", "off", "true", "1", "x", "checked"}


class Field(NamedTuple):
    box: bool  # a check box or radio button (else a text, combo or list field)
    multiline: bool  # a text field of several lines (a box to write in, not a line to fill in)
    rect: tuple[float, float, float, float]  # left, bottom, right, top in the page's space
    value: str  # a text field's value; a box's name for when no label is beside it
    checked: bool


def init_forms(pdf: Any) -> None:
    """Set up PDFium's form environment when the document has a form (it must be before pages load)."""
    try:
        pdf.init_forms()
    except Exception:  # (a damaged form: the page text is still read)
        return


def form_fields(pdf: Any, page: Any) -> list[Field]:
    """The page's form fields in the order of their widgets: text fields with a value, every box."""
    import pypdfium2.raw as pdfium_c

    env = getattr(pdf, "formenv", None)
    if env is None:
        return []
    handle = env.raw
    out: list[Field] = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            if pdfium_c.FPDFAnnot_GetFlags(annot) & (pdfium_c.FPDF_ANNOT_FLAG_HIDDEN
                                                      | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW):
                continue
            kind = pdfium_c.FPDFAnnot_GetFormFieldType(handle, annot)
            rect = pdfium_c.FS_RECTF()
            if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
                continue
            where = (min(rect.left, rect.right), min(rect.bottom, rect.top),
                     max(rect.left, rect.right), max(rect.bottom, rect.top))
            if kind in (pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON):
                radio = kind == pdfium_c.FPDF_FORMFIELD_RADIOBUTTON
                export = _string(pdfium_c.FPDFAnnot_GetFormFieldExportValue, handle, annot)
                tooltip = _string(pdfium_c.FPDFAnnot_GetFormFieldAlternateName, handle, annot)
                name = _string(pdfium_c.FPDFAnnot_GetFormFieldName, handle, annot)
                own = export if export.strip().lower() not in _GENERIC_EXPORT else ""
                names = (own, tooltip) if radio else (tooltip, own)  # (a radio group's tooltip: the group's)
                label = next((n for n in names if n.strip()), _readable(name))
                checked = bool(pdfium_c.FPDFAnnot_IsChecked(handle, annot))
                out.append(Field(True, False, where, label.strip(), checked))
            elif kind in (pdfium_c.FPDF_FORMFIELD_TEXTFIELD, pdfium_c.FPDF_FORMFIELD_COMBOBOX,
                          pdfium_c.FPDF_FORMFIELD_LISTBOX):
                value = _chosen(handle, annot) if kind != pdfium_c.FPDF_FORMFIELD_TEXTFIELD else ""
                value = value or _string(pdfium_c.FPDFAnnot_GetFormFieldValue, handle, annot)
                value = "\n".join(line.strip() for line in re.split(r"\r\n|\r|\n", value)).strip()
                flags = pdfium_c.FPDFAnnot_GetFormFieldFlags(handle, annot)
                multiline = bool(flags & pdfium_c.FPDF_FORMFLAG_TEXT_MULTILINE) and kind == (
                    pdfium_c.FPDF_FORMFIELD_TEXTFIELD)
                if value:
                    out.append(Field(False, multiline or "\n" in value, where, value, False))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out


def _string(function: Any, handle: Any, annot: Any) -> str:
    """A UTF-16 string PDFium writes into a buffer it is asked the size of first."""
    import pypdfium2.raw as pdfium_c

    size = function(handle, annot, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    function(handle, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace").replace("\x00", "")


def _chosen(handle: Any, annot: Any) -> str:
    """A drop-down's or list's options chosen, as they are shown ("Agree", not its export value "4": the
    field's value is the export value when the form gives one); "" when none is (a value typed in)."""
    import pypdfium2.raw as pdfium_c

    def label(i: int) -> str:
        return _string(lambda h, a, buffer, size: pdfium_c.FPDFAnnot_GetOptionLabel(h, a, i, buffer, size),
                       handle, annot).strip()

    count = max(pdfium_c.FPDFAnnot_GetOptionCount(handle, annot), 0)
    return "; ".join(x for i in range(count) if pdfium_c.FPDFAnnot_IsOptionSelected(handle, annot, i)
                     and (x := label(i)))


def _readable(name: str) -> str:
    """A field's name as words: its last part, underscores and camel case apart ("q1.agreeYes": "agree
    Yes")."""
    last = name.rsplit(".", 1)[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", re.sub(r"[_\-]+", " ", last)).strip()


class _Char(NamedTuple):
    at: int  # its offset in the page text
    line: int
    left: float
    bottom: float
    right: float
    top: float
    starts: bool = False  # it starts a word (after a space, at a line's start, or drawn apart from the last)
    ends: bool = False  # it ends one


def filled_lines(textpage: Any, text: str, fields: list[Field]) -> list[str]:
    """The text's lines ("\\r\\n" apart, as PDFium gives them) with the fields' values written in, one
    string per line (a value of its own paragraph is joined to the line it follows)."""
    lines = text.split("\r\n")
    if len(text) != textpage.count_chars():  # offsets would not map to characters: the values at the end
        return [*lines[:-1], "\r\n\r\n".join([lines[-1], *_loose(fields)])]
    chars: list[_Char] = []
    offset = 0
    for k, line in enumerate(lines):
        for j, ch in enumerate(line):
            if not ch.isspace() and ch != "\ufffe":
                left, bottom, right, top = textpage.get_charbox(offset + j)
                chars.append(_Char(offset + j, k, left, bottom, right, top))
        offset += len(line) + 2
    chars = _words(chars)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 2)
    fields = [f for f in fields if not _shown(f, chars, text)]
    inserts: list[tuple[int, int, float, str]] = []  # (line, column, x to order by, what to write)
    after_line: dict[int, list[tuple[float, float, str]]] = {}  # line -> (-top, left, paragraph)
    leading: list[str] = []  # values with no text above or beside them: the page's start
    for field in fields:
        left, bottom, right, top = field.rect
        row = [c for c in chars if bottom - SAME_ROW <= (c.bottom + c.top) / 2 <= top + SAME_ROW]
        before = [c for c in row if c.right <= left + 1.0 and left - c.right <= NEAR]
        behind = [c for c in row if c.left >= right - 1.0 and c.left - right <= NEAR]
        if field.box:  # (beside a word, not in one: a label may run on over the next box)
            before = [c for c in before if c.ends]
            behind = [c for c in behind if c.starts]
            mark = TICKED if field.checked else EMPTY
            gap_before = min((left - c.right for c in before), default=None)
            gap_behind = min((c.left - right for c in behind), default=None)
            if gap_behind is not None and (gap_before is None or gap_behind <= gap_before):
                c = min(behind, key=lambda c: c.left - right)
                inserts.append((c.line, c.at - starts[c.line], left, f"{mark} "))
                continue
            if gap_before is not None:
                c = min(before, key=lambda c: left - c.right)
                inserts.append((c.line, c.at - starts[c.line] + 1, left, f" {mark}"))
                continue
            paragraph = f"{mark} {field.value}".rstrip()
        else:
            if before and not field.multiline:
                c = min(before, key=lambda c: left - c.right)
                value = " " + field.value.replace("\n", " ")
                inserts.append((c.line, c.at - starts[c.line] + 1, left, value))
                continue
            paragraph = field.value
        if before and not field.box:  # (a tall box beside its question: after the question's last line)
            after_line.setdefault(max(c.line for c in before), []).append((-top, left, paragraph))
            continue
        above = [c for c in chars if (c.bottom + c.top) / 2 > top]
        if not above:
            leading.append(paragraph)
            continue
        nearest = min(above, key=lambda c: ((c.bottom + c.top) / 2 - top, -c.at))
        after_line.setdefault(nearest.line, []).append((-top, left, paragraph))
    out = list(lines)
    for k, column, _, what in sorted(inserts, key=lambda x: (x[0], -x[1], -x[2])):
        head, tail = out[k][:column], out[k][column:]
        if head and not head[-1].isspace() and not what[0].isspace():  # (words drawn apart, no space between)
            what = " " + what
        if tail and not tail[0].isspace() and not what[-1].isspace():
            what += " "
        out[k] = head + what + tail
    for k in {k for k, *_ in inserts}:  # (a line filled in, a row of boxes: a paragraph of its own, not run
        # into the question above or the next label, however evenly the form spaces its lines)
        out[k] = f"\r\n\r\n{out[k]}\r\n\r\n"
    for k, paragraphs in after_line.items():
        out[k] = "\r\n\r\n".join([out[k], *(p for *_, p in sorted(paragraphs)), ""])  # (`tidy`: once)
    if leading:
        out[0] = "\r\n\r\n".join([*leading, out[0]])
    return out


SHOWN_WORDS = 3  # a text field's value of this many words already in the page's text is not written again


def _shown(field: Field, chars: list[_Char], text: str) -> bool:
    """A text field's value the page already shows as text in the field's own box (a form flattened by
    drawing its values into the page, its fields kept): read once. Elsewhere on the page it is the form's
    words, not the value (a drop-down's choice printed in the scale's legend, an answer echoing the
    question)."""
    words = field.value.split()
    if field.box or len(words) < SHOWN_WORDS:
        return False
    left, bottom, right, top = field.rect
    inside = "".join(text[c.at] for c in chars
                     if left - SAME_ROW <= (c.left + c.right) / 2 <= right + SAME_ROW
                     and bottom - SAME_ROW <= (c.bottom + c.top) / 2 <= top + SAME_ROW)
    return "".join(words) in inside


def _words(chars: list[_Char]) -> list[_Char]:
    """The characters with where words start and end: at a space or a line's end, and where one is drawn
    apart from the one before it (back over it: a label running into the next, "disagreeDisagree"; or a
    gap wider than a letter with no space in the text)."""
    def apart(a: _Char, b: _Char) -> bool:
        return (a.line != b.line or b.at != a.at + 1 or b.left < a.right - 1.0
                or b.left - a.right > 0.5 * max(b.top - b.bottom, 1.0))

    out = []
    for i, c in enumerate(chars):
        before = chars[i - 1] if i else None
        after = chars[i + 1] if i + 1 < len(chars) else None
        out.append(c._replace(starts=before is None or apart(before, c),
                              ends=after is None or apart(c, after)))
    return out


def _loose(fields: list[Field]) -> list[str]:
    """The fields' values as paragraphs, when they cannot be placed."""
    return [(f"{TICKED if f.checked else EMPTY} {f.value}" if f.box else f.value) for f in fields]


def tidy(text: str) -> str:
    """A page's text with the values written in: a value's paragraph is set apart once, not twice."""
    return re.sub(r"(?:\r\n){2,}", "\r\n\r\n", text).strip("\r\n")
