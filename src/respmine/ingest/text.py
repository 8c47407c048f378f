"""Plain text and HTML readers, and the byte-decoding helper other text formats (CSV) share.

Submissions arrive from every kind of machine: UTF-8, UTF-16 from Windows tools, and cp1252 from old
mail clients (where '£' and curly quotes are the bytes most often mangled). Decoding tries what is
certain first (BOM, strict UTF-8) and only then guesses.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from respmine.ingest.assemble import assemble
from respmine.ingest.source import Source
from respmine.records import Document

_BOMS = [  # (BOM, codec, name reported); UTF-32 first since its LE BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
]
# Encodings a short Western text is often mistaken for; when one of these is guessed, cp1252 (the
# Windows default in the UK and western Europe) is the better bet if the bytes are valid cp1252.
_WESTERN_GUESSES = {
    "cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "iso8859_4", "iso8859_10",
    "cp775", "cp437", "cp850", "mac_latin2", "mac_roman", "hp_roman8", "cp932",
}
# ... and, for English with a few dashes and quotes only (under MOSTLY_ASCII of its bytes), these: "–" was
# read as "ľ" in cp852; Polish, Baltic or Turkish text, with accents throughout, keeps its page.
_WESTERN_IF_FEW = {"cp852", "cp857", "cp858", "cp860", "cp861", "cp863", "cp865", "cp1254", "cp1257",
                   "iso8859_9", "iso8859_13", "mac_iceland", "mac_turkish"}
MOSTLY_ASCII = 0.01  # share of bytes above 127 under which a Latin page's guess is taken for cp1252
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text of unknown encoding; returns (text without BOM, encoding name)."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    if len(head) >= 4 and head.count(0) > len(head) // 4:  # UTF-16 without a byte-order mark
        little = head[1::2].count(0) > head[0::2].count(0)
        encoding = "utf-16-le" if little else "utf-16-be"
        return data.decode(encoding, "replace"), "utf-16"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western_ok = not _CP1252_UNDEFINED.search(data)
    few = sum(b > 127 for b in data) < MOSTLY_ASCII * len(data)
    western = _WESTERN_GUESSES | (_WESTERN_IF_FEW if few else set())
    if best is not None and (best.encoding not in western or not western_ok):
        return str(best), best.encoding.replace("_", "-")
    if western_ok:
        return data.decode("cp1252"), "cp1252"
    return data.decode("latin-1"), "latin-1"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(src: Source) -> Document:
    """A plain text file in any common encoding; the method records the encoding used."""
    text, encoding = decode_bytes(src.data)
    text = normalise_newlines(text).replace("\x00", "").replace("\f", "\n")
    return assemble(src, "txt", [(text.strip("\n"), f"text-{encoding}")])


# --- HTML ---------------------------------------------------------------------------------------

_PARAGRAPH = {  # separated from what follows by a blank line
    "address", "article", "aside", "blockquote", "dl", "fieldset", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section",
    "table", "ul",
}
_LINE = {"caption", "dd", "div", "dt", "figcaption", "li", "tbody", "tfoot", "thead", "tr"}
_SKIP = {"script", "style", "head", "template", "noscript", "svg", "object", "iframe"}
_CELL = {"td", "th"}
_SOFT, _PARA, _PRE_NL = "\x02", "\x03", "\x00"  # line break, paragraph break, newline inside <pre>
_BREAKS = re.compile(r"[ \t]*[\x02\x03][\x02\x03 \t\n]*")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


class _TextExtractor(HTMLParser):
    """Collects visible text with break markers; table cells are joined with ' | '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.title = ""
        self._in_title = False
        self._cells_in_row = 0

    def _break(self, tag: str) -> None:
        if tag in _PARAGRAPH:
            self.out.append(_PARA)
        elif tag in _LINE:
            self.out.append(_SOFT)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag == "br":
            self.out.append("\n")
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "tr":
            self._cells_in_row = 0
        elif tag in _CELL:
            if self._cells_in_row:
                self.out.append(" | ")
            self._cells_in_row += 1
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.out.append("\n")
        else:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self.skip_depth:
            return
        if self.pre_depth:
            self.out.append(data.replace("\n", _PRE_NL))  # protected from whitespace folding
        else:
            self.out.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Visible text of an HTML document or fragment: a line per block, blank line per paragraph."""
    return _html_to_text(html)[0]


def _html_to_text(html: str) -> tuple[str, str]:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = _BREAKS.sub(lambda m: "\n\n" if _PARA in m.group() else "\n", "".join(parser.out))
    lines = [line.strip(" \t") for line in raw.split("\n")]
    text = "\n".join(lines).replace(_PRE_NL, "\n").replace("\xa0", " ")
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text, re.sub(r"\s+", " ", parser.title).strip()


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode HTML by BOM, then the declared <meta charset>, then the general guesser."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace").lower()
            try:
                codecs.lookup(name)
            except LookupError:
                pass
            else:
                name = "cp1252" if name in ("iso-8859-1", "latin-1", "us-ascii") else name
                return data.decode(name, "replace"), name
    return decode_bytes(data)


def read_html(src: Source) -> Document:
    """An HTML page (a saved web form or email body): visible text only, title into metadata."""
    html, _ = decode_html(src.data)
    text, title = _html_to_text(normalise_newlines(html))
    return assemble(src, "html", [(text, "html")], metadata={"title": title} if title else {})
