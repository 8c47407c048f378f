"""Readers for older and non-Microsoft word-processor formats: .doc, .odt and .rtf.

Legacy .doc is a binary format no Python library reads well, so the `antiword` program does it (with
LibreOffice as a fallback); ODT is read from its XML like DOCX; RTF through striprtf.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from respmine.ingest.assemble import assemble
from respmine.ingest.docx import Block, render, table_answers
from respmine.ingest.errors import IngestError, MissingTool, protected
from respmine.ingest.source import Source
from respmine.ingest.text import normalise_newlines
from respmine.ingest.zipguard import open_zip, parse_xml, read_member
from respmine.records import Document

TOOL_TIMEOUT_S = 120.0


def _tidy(text: str) -> str:
    """Newlines as \\n, no trailing spaces, at most one blank line in a row."""
    lines = [line.rstrip() for line in normalise_newlines(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


# --- .doc -----------------------------------------------------------------------------------------


def read_doc(src: Source) -> Document:
    """Legacy Word (.doc) via antiword; LibreOffice converts when antiword is absent or fails."""
    antiword = shutil.which("antiword")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with src.as_file() as path:
        if antiword is None:
            if soffice is None:
                raise MissingTool("antiword", "antiword", "Reading legacy Word (.doc) files")
            return assemble(src, "doc", [(_soffice_text(soffice, path), "soffice")])
        try:
            done = subprocess.run(
                [antiword, "-w", "0", "-m", "UTF-8.txt", str(path)],
                capture_output=True, timeout=TOOL_TIMEOUT_S, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise IngestError(
                "timeout", f"Reading the Word document took over {TOOL_TIMEOUT_S:.0f} s; open and "
                "re-save it as .docx, or record it by hand."
            ) from exc
        err = done.stderr.decode("utf-8", "replace")
        if "Encrypted" in err:
            raise protected("Word document")
        if done.returncode != 0 or not done.stdout.strip():
            if soffice is not None:  # antiword cannot read fast-saved or very old Word files
                return assemble(src, "doc", [(_soffice_text(soffice, path), "soffice")])
            message = (err.strip().splitlines()[-1:] or ["no text produced"])[0]
            message = message.replace(str(path), "the file")
            raise IngestError(
                "corrupt", f"The legacy Word document could not be read ({message}). "
                "Open and re-save it as .docx, or ask the sender to resend it."
            )
    text = _antiword_tables(done.stdout.decode("utf-8", "replace"))
    return assemble(src, "doc", [(_tidy(text), "antiword")])


def _antiword_tables(text: str) -> str:
    """antiword draws table rows as '|cell   |cell   |'; make them 'cell | cell' like other readers."""
    lines = []
    for line in text.split("\n"):
        bare = line.strip()
        if len(bare) > 1 and bare.startswith("|") and bare.endswith("|"):
            line = " | ".join(c.strip() for c in bare[1:-1].split("|") if c.strip())
        lines.append(line)
    return "\n".join(lines)


def _soffice_text(soffice: str, path: Path) -> str:
    """Convert with headless LibreOffice (its own throwaway profile, so runs can be parallel)."""
    with tempfile.TemporaryDirectory(prefix="respmine-soffice-") as tmp:
        cmd = [
            soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
            "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(path),
        ]
        try:
            subprocess.run(
                cmd, capture_output=True, timeout=TOOL_TIMEOUT_S, check=False,
                env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired as exc:
            raise IngestError(
                "timeout", f"Converting the Word document took over {TOOL_TIMEOUT_S:.0f} s; open "
                "and re-save it as .docx, or record it by hand."
            ) from exc
        out = Path(tmp) / (path.stem + ".txt")
        if not out.exists():
            raise IngestError(
                "corrupt", "The legacy Word document could not be converted (it may be damaged or "
                "password-protected). Open and re-save it as .docx, or ask the sender to resend it."
            )
        return _tidy(out.read_bytes().decode("utf-8-sig", "replace"))


# --- .odt -----------------------------------------------------------------------------------------

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_ODF_SKIP = {
    _TEXT + "tracked-changes", _OFFICE + "annotation", _OFFICE + "annotation-end",
    _TEXT + "note-body", _TEXT + "sequence-decls", _TEXT + "variable-decls",
    _TABLE + "covered-table-cell", _OFFICE + "forms",
}
_ROW_GROUPS = {_TABLE + "table-header-rows", _TABLE + "table-rows", _TABLE + "table-row-group"}


class _OdfWalker:
    """ODF text elements to blocks (same shape as the DOCX reader's); notes and comments aside."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.comments: list[str] = []

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in _ODF_SKIP:
                continue
            if tag in (_TEXT + "p", _TEXT + "h"):
                yield self.paragraph(child)
            elif tag == _TABLE + "table":
                yield list(self.rows(child))
            else:  # lists, list items, sections, index bodies
                yield from self.blocks(child)

    def rows(self, table: Any) -> Iterator[list[str]]:
        for child in table:
            if child.tag == _TABLE + "table-row":
                yield [render(self.blocks(cell)) for cell in child if cell.tag == _TABLE + "table-cell"]
            elif child.tag in _ROW_GROUPS:
                yield from self.rows(child)

    def paragraph(self, p: Any) -> str:
        out: list[str] = []
        self._inline(p, out)
        return "".join(out).strip(" ")

    def _inline(self, el: Any, out: list[str]) -> None:
        out.append(_fold(el.text))
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag == _TEXT + "tracked-changes":
                pass
            elif tag == _TEXT + "s":
                out.append(" " * int(child.get(_TEXT + "c", "1") or 1))
            elif tag == _TEXT + "tab":
                out.append("\t")
            elif tag == _TEXT + "line-break":
                out.append("\n")
            elif tag == _OFFICE + "annotation":
                text = render([self.paragraph(p) for p in child.iter(_TEXT + "p")])
                if text:
                    self.comments.append(text)
            elif tag == _TEXT + "note":
                body = child.find(_TEXT + "note-body")
                self.notes.append(render(self.blocks(body)) if body is not None else "")
                out.append(f"[{len(self.notes)}]")
            elif tag == _DRAW + "text-box":
                inner = render(self.blocks(child))
                if inner:
                    out.append("\n" + inner + "\n")
            elif tag not in _ODF_SKIP and tag != _TEXT + "note-citation":
                self._inline(child, out)
            out.append(_fold(child.tail))


def _fold(text: str | None) -> str:
    """ODF collapses runs of whitespace in text content to one space."""
    return re.sub(r"[ \t\r\n]+", " ", text) if text else ""


def read_odt(src: Source) -> Document:
    """OpenDocument text: headings, paragraphs, lists and tables in order; headers and footers too."""
    with open_zip(src) as zf:
        manifest = read_member(zf, "META-INF/manifest.xml") or b""
        if b"encryption-data" in manifest:
            raise protected("OpenDocument file")
        content = read_member(zf, "content.xml")
        if content is None:
            raise IngestError(
                "corrupt", "The OpenDocument file has no content part; it is damaged. Open and "
                "re-save it, or ask the sender to resend it."
            )
        styles = read_member(zf, "styles.xml")
        meta_xml = read_member(zf, "meta.xml")

    walker = _OdfWalker()
    body = parse_xml(content).find(f"{_OFFICE}body/{_OFFICE}text")
    blocks = list(walker.blocks(body)) if body is not None else []
    headers: list[str] = []
    footers: list[str] = []
    if styles is not None:
        for page in parse_xml(styles).iter(_STYLE + "master-page"):
            for child in page:
                bucket = headers if child.tag.startswith(_STYLE + "header") else footers
                if child.tag.startswith((_STYLE + "header", _STYLE + "footer")):
                    text = render(walker.blocks(child))
                    if text and text not in bucket:
                        bucket.append(text)
    metadata: dict[str, str] = {}
    if meta_xml is not None:
        meta = parse_xml(meta_xml)
        for key, tags in (
            ("title", [_DC + "title"]),
            ("author", [_META + "initial-creator", _DC + "creator"]),
            ("created", [_META + "creation-date"]),
            ("modified", [_DC + "date"]),
        ):
            for tag in tags:
                el = next(meta.iter(tag), None)
                if el is not None and (el.text or "").strip():
                    metadata[key] = el.text.strip()
                    break
    notes = "\n".join(f"[{n}] {text}" for n, text in enumerate(walker.notes, start=1) if text)
    parts = [("\n".join(headers), "odf"), (render(blocks, apart=True), "odf"), (notes, "odf"),
             ("\n".join(footers), "odf")]
    return assemble(
        src, "odt", [p for p in parts if p[0]], metadata=metadata,
        answers=table_answers(blocks), comments=walker.comments,
    )


# --- .rtf -----------------------------------------------------------------------------------------

_ANSICPG = re.compile(rb"\\ansicpg(\d+)")
_BULKY_GROUP = re.compile(r"\{(?:\\\*)?\\(?:pict|objdata|datastore|themedata|colorschememapping)\b")
_DELETED = re.compile(r"\\[{}\\]|[{}]|\\deleted(?![a-z0-9-])")  # braces and tracked deletions
_CELL = re.compile(r"\\(?:nest)?cell(?![a-z])")
_CELL_MARK = "\ue000"  # private-use character standing for a cell end while striprtf runs
_BRACE = re.compile(r"\\[{}\\]|[{}]")
_INFO_FIELD = re.compile(r"\{\\(title|author)\s+((?:[^{}\\]|\\.)*)\}")


def _drop_bulky_groups(rtf: str) -> str:
    """Remove picture and embedded-object groups (megabytes of hex no text comes from)."""
    out: list[str] = []
    pos = 0
    for match in _BULKY_GROUP.finditer(rtf):
        if match.start() < pos:
            continue
        out.append(rtf[pos:match.start()])
        depth = 0
        end = len(rtf)
        for brace in _BRACE.finditer(rtf, match.start()):
            token = brace.group()
            depth += 1 if token == "{" else -1 if token == "}" else 0
            if depth == 0:
                end = brace.end()
                break
        pos = end
    out.append(rtf[pos:])
    return "".join(out)


def _skip_deletions(rtf: str) -> str:
    """Put '\\*' after each tracked deletion inside a run group: striprtf then skips the rest of
    the group, which is the deleted run. (At document level it would skip everything after it.)"""
    out: list[str] = []
    depth = pos = 0
    for match in _DELETED.finditer(rtf):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif token.startswith("\\deleted") and depth >= 2:
            out.extend([rtf[pos:match.end()], "\\*"])
            pos = match.end()
    out.append(rtf[pos:])
    return "".join(out)


def read_rtf(src: Source) -> Document:
    """Rich Text Format through striprtf; raw 8-bit bytes decoded in the file's declared codepage."""
    text, metadata = rtf_text(src.data)
    return assemble(src, "rtf", [(text, "striprtf")], metadata=metadata)


def rtf_text(data: bytes) -> tuple[str, dict[str, str]]:
    """RTF's text (table rows as 'cell | cell') and its title and author (an Outlook message's RTF
    body is read by this too)."""
    from striprtf.striprtf import rtf_to_text

    declared = _ANSICPG.search(data[:4096])
    encoding = f"cp{declared.group(1).decode()}" if declared else "cp1252"
    try:
        rtf = data.decode(encoding, "replace")
    except LookupError:
        encoding = "cp1252"
        rtf = data.decode(encoding, "replace")
    rtf = _drop_bulky_groups(rtf)
    metadata = {}
    for key, value in _INFO_FIELD.findall(rtf[:65536]):
        plain = rtf_to_text("{\\rtf1 " + value + "}", encoding=encoding, errors="replace").strip()
        if plain and key not in metadata:
            metadata[key] = plain
    rtf = _skip_deletions(rtf)
    rtf = _CELL.sub(lambda _: f"{{\\uc1\\u{ord(_CELL_MARK)}?}}", rtf)
    text = rtf_to_text(rtf, encoding=encoding, errors="replace")
    lines = [
        " | ".join(c.strip() for c in line.split(_CELL_MARK) if c.strip()) if _CELL_MARK in line else line
        for line in text.split("\n")
    ]
    return _tidy("\n".join(lines)), metadata
