"""DOCX reader working on the OOXML itself.

python-docx's `doc.paragraphs` skips tables, text boxes and tracked insertions, and response forms put
most of their content in tables, so the XML is walked directly in document order. Accepted text is
what a reader of the document sees with changes shown as final: insertions kept, deletions dropped.
A response form's fields are read as what the respondent chose: a legacy check box (FORMCHECKBOX) or a
content-control check box as "☒"/"☐" by its state (not the glyph it shows: a Wingdings box is a private-use
character), a drop-down list as the entry chosen, a content control still showing its placeholder ("Click
or tap here to enter text.", "Choose an item.") as nothing, and so a FORMTEXT field still showing its
default text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from respmine.ingest.assemble import assemble
from respmine.ingest.errors import IngestError
from respmine.ingest.source import Source
from respmine.ingest.zipguard import open_zip, parse_xml, read_member
from respmine.records import Answer, Document

METHOD = "ooxml"
W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
TICKED, EMPTY = "☒", "☐"  # a form's check box, as a typed form's are read (`structure.ticks`)
_EMPTY_FORMTEXT = "\u2002" * 5  # what Word shows in a FORMTEXT field left empty
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "created": "{http://purl.org/dc/terms/}created",
    "modified": "{http://purl.org/dc/terms/}modified",
}

# A left-hand cell that asks something: ends in '?', is numbered like a question, or opens with an
# interrogative or a prompt ("Please explain ...").
_QUESTION = re.compile(
    r"\?[\s\"'”’)\]*]*$"
    r"|^\s*(?:q(?:uestion)?\.?\s*\d+[a-z]?\b|\d+(?:\.\d+)*[.)]\s|\(?[a-z]\)\s)"
    r"|^\s*(?:what|why|how|which|who|when|where|do|does|did|is|are|should|would|could|can|will"
    r"|have|has|to what extent|please|describe|explain|tell us)\b",
    re.IGNORECASE,
)

Row = list[str]
Block = str | list[Row]  # a paragraph's text, or a table as rows of cell texts


def looks_like_question(text: str) -> bool:
    """Whether a table cell reads as a question or prompt (so the cell beside it is an answer)."""
    text = text.strip()
    return 0 < len(text) <= 1000 and bool(_QUESTION.search(text))


class _Walker:
    """Turns WordprocessingML elements into blocks; numbers note references in reading order."""

    def __init__(self, ns: str) -> None:
        w = f"{{{ns}}}"
        self.w = w
        self.note_numbers: dict[tuple[str, str], int] = {}
        # open fields: [a FORMTEXT's default text, where its result starts, its state written at its start]
        self.fields: list[list[Any]] = []
        self.skip = {
            w + "del", w + "moveFrom", w + "delText", w + "delInstrText", w + "instrText",
            w + "pPr", w + "rPr", w + "tblPr", w + "trPr", w + "tcPr", w + "sectPr", w + "rt",
            MC + "Fallback",
        }

    def blocks(self, container: Any) -> Iterator[Block]:
        w = self.w
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.skip:
                continue
            if tag == w + "p":
                yield self.paragraph(child)
            elif tag == w + "tbl":
                yield self.table(child)
            elif tag == w + "sdt" and self.placeholder(child):
                continue
            else:  # w:sdt, w:sdtContent, w:customXml, w:ins, mc:AlternateContent ... hold blocks
                yield from self.blocks(child)

    def paragraph(self, p: Any) -> str:
        out: list[str] = []
        self.fields = []
        self._inline(p, out)
        return "".join(out).replace(_EMPTY_FORMTEXT, "").strip(" ")

    def _inline(self, el: Any, out: list[str]) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.skip:
                continue
            if tag == w + "t":
                out.append(child.text or "")
            elif tag == w + "tab":
                out.append("\t")
            elif tag in (w + "br", w + "cr"):
                out.append("\n")
            elif tag == w + "noBreakHyphen":
                out.append("-")
            elif tag in (w + "footnoteReference", w + "endnoteReference"):
                kind = "footnote" if tag == w + "footnoteReference" else "endnote"
                key = (kind, child.get(w + "id", ""))
                number = self.note_numbers.setdefault(key, len(self.note_numbers) + 1)
                out.append(f"[{number}]")
            elif tag == w + "fldChar":
                self.field_char(child, out)
            elif tag == w + "sdt" and (box := child.find(f"{w}sdtPr/{W14}checkbox")) is not None:
                checked = box.find(W14 + "checked")  # (its state, whatever glyph its content shows)
                out.append(TICKED if checked is not None and _true(checked.get(W14 + "val", "1")) else EMPTY)
            elif tag == w + "sdt" and self.placeholder(child):
                continue
            elif tag == w + "txbxContent":
                inner = render(self.blocks(child))
                if inner:
                    out.append("\n" + inner + "\n")
            else:  # runs, hyperlinks, fields, smart tags, insertions, content controls
                self._inline(child, out)

    def placeholder(self, sdt: Any) -> bool:
        """A content control still showing its placeholder ("Click or tap here to enter text.", "Choose an
        item."): the form's prompt, not the respondent's answer."""
        return sdt.find(f"{self.w}sdtPr/{self.w}showingPlcHdr") is not None

    def field_char(self, char: Any, out: list[str]) -> None:
        """A field's begin, separate or end mark: a form field's state written at its start; a FORMTEXT
        field still showing its default text (the form's prompt, "Click here to enter your comments")
        read as nothing. A check box's or drop-down's result (a writer may put its glyph or the entry
        there) is what its state already says: read once."""
        w = self.w
        kind = char.get(w + "fldCharType")
        if kind == "begin":
            state = self.form_field(char)
            out.append(state)
            default = char.find(f"{w}ffData/{w}textInput/{w}default")
            self.fields.append([default.get(w + "val", "") if default is not None else "", None, bool(state)])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = len(out)
        elif kind == "end" and self.fields:
            default, start, stated = self.fields.pop()
            if start is not None and (stated or (default.strip()
                                      and "".join(out[start:]).strip() == default.strip())):
                del out[start:]

    def form_field(self, char: Any) -> str:
        """What a legacy form field shows, at its start (w:fldChar begin with w:ffData): a check box's state
        (w:checked, else w:default), a drop-down list's entry chosen (w:result, else w:default, else the
        first). A text field's value is its result runs, read as text (its w:default is not)."""
        w = self.w
        if char.get(w + "fldCharType") != "begin" or (data := char.find(w + "ffData")) is None:
            return ""
        box = data.find(w + "checkBox")
        if box is not None:
            state = box.find(w + "checked")
            if state is None:
                state = box.find(w + "default")
            return TICKED if state is not None and _true(state.get(w + "val", "1")) else EMPTY
        listed = data.find(w + "ddList")
        if listed is not None:
            entries = [e.get(w + "val", "") for e in listed.findall(w + "listEntry")]
            chosen = listed.find(w + "result")
            if chosen is None:
                chosen = listed.find(w + "default")
            try:
                index = int(chosen.get(w + "val", "0")) if chosen is not None else 0
            except ValueError:
                index = 0
            return entries[index] if 0 <= index < len(entries) else ""
        return ""

    def table(self, tbl: Any) -> list[Row]:
        w = self.w
        rows: list[Row] = []
        for tr in _children(tbl, w + "tr", self.skip):
            cells: Row = []
            for tc in _children(tr, w + "tc", self.skip):
                merge = tc.find(f"{w}tcPr/{w}vMerge")
                if merge is not None and merge.get(w + "val", "continue") == "continue":
                    continue  # continuation of a vertically merged cell: its text is above
                cells.append(render(self.blocks(tc)))
            rows.append(cells)
        return rows


def _true(value: str) -> bool:
    """An OOXML on/off value: "1", "true", "on" (and no value at all, read as "1" by the caller)."""
    return value.strip().lower() in ("1", "true", "on")


def _children(el: Any, tag: str, skip: set[str]) -> Iterator[Any]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag in skip:
            continue
        if child.tag == tag:
            yield child
        elif child.tag.endswith(("}sdt", "}sdtContent", "}customXml", "}ins")):
            yield from _children(child, tag, skip)


LINE_WORDS = 12  # a paragraph this short, not ending a sentence, is a line of a block (address, sign-off)


def _layout_line(paragraph: str) -> bool:
    """A short paragraph that ends no sentence: a name, address line, date, salutation or role."""
    return 0 < len(paragraph.split()) <= LINE_WORDS and not paragraph.rstrip().endswith((".", "!", "?"))


def render(blocks: Iterator[Block] | list[Block], *, apart: bool = False) -> str:
    """Paragraphs one per line; a table as 'cell | cell' lines set off by blank lines. `apart` (a
    document's body): a blank line between paragraphs, as a PDF's are read, except between short lines
    (`_layout_line`), which stay one block like a PDF's address or signature block. A body's paragraphs
    one per line ran together when all were short: a letter's name, address, date and "Dear Minister,"
    were glued to its first paragraph, and a sign-off ("Tom Reilly" / "Head of Supported Housing, ...")
    to its last answer."""
    lines: list[str] = []
    previous_line = False
    for block in blocks:
        if isinstance(block, str):
            line = apart and _layout_line(block)
            if apart and lines and not (line and previous_line):
                lines.append("")
            lines.append(block)
            previous_line = line
            continue
        previous_line = False
        rows = [" | ".join(c for c in row if c) for row in block]
        rows = [r for r in rows if r]
        if rows:
            lines.extend(["", *rows, ""])
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def table_answers(blocks: list[Block]) -> list[Answer]:
    """Question/answer pairs from the tables of a response form.

    Two layouts are common: two columns (question | answer) and one column with the question row
    followed by the answer row. The source names the table (when there are several) and the row.
    """
    tables = [b for b in blocks if not isinstance(b, str)]
    answers: list[Answer] = []
    for t, rows in enumerate(tables, start=1):
        where = "table row" if t == 1 else f"table {t} row"
        width = max((len(r) for r in rows), default=0)
        for n, row in enumerate(rows, start=1):
            if width == 2 and len(row) == 2 and row[1].strip() and looks_like_question(row[0]):
                answers.append(Answer(row[0].strip(), row[1].strip(), f"{where} {n}"))
            elif width == 1 and len(row) == 1 and looks_like_question(row[0]) and n < len(rows):
                following = rows[n]
                if (len(following) == 1 and following[0].strip()
                        and not looks_like_question(following[0])):
                    answers.append(Answer(row[0].strip(), following[0].strip(), f"{where} {n}"))
    return answers


def _rels(zf: Any, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type suffix, zip path) for `part` (e.g. 'word/document.xml')."""
    folder, _, name = part.rpartition("/")
    data = read_member(zf, f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels")
    if data is None:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in parse_xml(data).iter(REL):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
        out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], path)
    return out


def _join(folder: str, target: str) -> str:
    parts = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _main_part(zf: Any) -> str:
    for kind, path in _rels(zf, "").values():
        if kind == "officeDocument" and path in zf.namelist():
            return path
    return "word/document.xml"


def _core_properties(zf: Any) -> dict[str, str]:
    data = read_member(zf, "docProps/core.xml")
    if data is None:
        return {}
    root = parse_xml(data)
    meta: dict[str, str] = {}
    for key, tag in _CORE.items():
        el = root.find(tag)
        if el is not None and (el.text or "").strip():
            meta[key] = el.text.strip()
    return meta


def _notes(walker: _Walker, zf: Any, path: str | None, kind: str) -> dict[int, str]:
    """Display number -> text of the foot/endnotes in `path` (separators dropped)."""
    data = read_member(zf, path) if path else None
    if data is None:
        return {}
    w = walker.w
    out: dict[int, str] = {}
    for note in parse_xml(data).iter(w + kind):
        if note.get(w + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        key = (kind, note.get(w + "id", ""))
        number = walker.note_numbers.setdefault(key, len(walker.note_numbers) + 1)
        text = render(walker.blocks(note))
        if text:
            out[number] = text
    return out


def read_docx(src: Source) -> Document:
    """Body in document order (tables included), headers first, notes and footers last."""
    with open_zip(src) as zf:
        main = _main_part(zf)
        data = read_member(zf, main)
        if data is None:
            raise IngestError(
                "corrupt", "The Word document has no main text part; it is damaged. "
                "Open and re-save it, or ask the sender to resend it."
            )
        root = parse_xml(data)
        ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else W_TRANSITIONAL
        walker = _Walker(ns)
        w = walker.w
        body = root.find(w + "body")
        blocks = list(walker.blocks(body)) if body is not None else []
        rels = _rels(zf, main)

        # Header/footer parts in the order the sections reference them, else in relationship order.
        referenced = [ref.get(R_ID, "") for ref in root.iter(w + "headerReference", w + "footerReference")]
        order = list(dict.fromkeys([*referenced, *rels]))
        headers: list[str] = []
        footers: list[str] = []
        for rid in order:
            kind, path = rels.get(rid, ("", ""))
            if kind not in ("header", "footer") or (part := read_member(zf, path)) is None:
                continue
            text = render(walker.blocks(parse_xml(part)))
            bucket = headers if kind == "header" else footers
            if text and text not in bucket:
                bucket.append(text)

        by_kind = {kind: path for kind, path in rels.values()}
        notes = _notes(walker, zf, by_kind.get("footnotes", "word/footnotes.xml"), "footnote")
        notes.update(_notes(walker, zf, by_kind.get("endnotes", "word/endnotes.xml"), "endnote"))

        comments: list[str] = []
        comments_data = read_member(zf, by_kind.get("comments", "word/comments.xml"))
        if comments_data is not None:
            for comment in parse_xml(comments_data).iter(w + "comment"):
                text = render(walker.blocks(comment))
                if text:
                    comments.append(text)
        metadata = _core_properties(zf)

    parts = [
        ("\n".join(headers), METHOD),
        (render(blocks, apart=True), METHOD),
        ("\n".join(f"[{n}] {text}" for n, text in sorted(notes.items())), METHOD),
        ("\n".join(footers), METHOD),
    ]
    return assemble(
        src, "docx", [p for p in parts if p[0]], metadata=metadata,
        answers=table_answers(blocks), comments=comments,
    )
