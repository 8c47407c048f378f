"""Plain text in any encoding, and HTML to text."""

from __future__ import annotations

import codecs
from pathlib import Path

from respmine.ingest import extract
from respmine.ingest.source import Source
from respmine.ingest.text import decode_bytes, html_to_text, read_html, read_text
from respmine.records import Document

LETTER = "Dear Sir,\nThe £250 fee is “unfair” – it’s too much for a village hall.\nYours, José"


def _extract(path: Path) -> Document:
    result = extract(path)
    assert isinstance(result, Document), result
    return result


def test_text_cp1252_pound_and_curly_quotes(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(LETTER.replace("\n", "\r\n").encode("cp1252"))
    doc = _extract(path)
    assert doc.text == LETTER
    assert doc.method == "text-cp1252"
    assert doc.format == "txt"


def test_text_short_cp1252_is_not_read_as_central_european(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("I object to the café closing.\n".encode("cp1252"))
    assert _extract(path).text == "I object to the café closing."


def test_text_cp1252_is_not_read_as_a_dos_code_page() -> None:
    """A new user's Windows-1252 file was decoded as cp852: its en dash became "ľ"."""
    text = ("Energy drinks consultation – my response\r\n\r\nQ1: Yes. As a secondary teacher I see the "
            "effect on concentration and attainment every day.\r\n\r\nQ2: Yes, including delivery apps."
            "\r\n\r\nQ3: Option B (18)\r\n\r\nQ4: No comment.\r\n\r\nQ5: Schools should be able to ban them "
            "on site too.\r\n\r\nPriya Shah\r\nTeacher, Leeds\r\n")
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_text_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + LETTER.replace("\n", "\r\n").encode("utf-16-le"))
    doc = _extract(path)
    assert doc.text == LETTER
    assert doc.method == "text-utf-16"


def test_text_utf16_without_bom() -> None:
    text, encoding = decode_bytes("Plain response £5\n".encode("utf-16-le"))
    assert (text, encoding) == ("Plain response £5\n", "utf-16")


def test_text_utf8_bom_and_old_mac_newlines() -> None:
    data = codecs.BOM_UTF8 + "First line\rSecond line – ok\r".encode()
    doc = read_text(Source(name="mac.txt", data=data))
    assert doc.text == "First line\nSecond line – ok"
    assert doc.method == "text-utf-8"
    assert doc.pages[0].start == 0 and doc.pages[0].end == len(doc.text)


def test_text_cyrillic_cp1251_is_recognised() -> None:
    sentence = "Мы против этого предложения, потому что оно повысит цены для всех жителей."
    text, encoding = decode_bytes(sentence.encode("cp1251"))
    assert text == sentence
    assert encoding == "cp1251"


HTML = """<!DOCTYPE html>
<html><head><title>My  response</title><style>p { color: red }</style>
<script>var secret = "do not show";</script></head>
<body><h1>Response&nbsp;to Q1</h1><p>We <b>oppose</b> the plan &amp; its costs.</p>
<ul><li>Too expensive</li><li>Too late</li></ul>
<table><tr><th>Question</th><th>Answer</th></tr><tr><td>Q2</td><td>Yes</td></tr></table>
<pre>keep
  this layout</pre><p>Bye<br>now</p></body></html>"""


def test_text_html_blocks_become_lines_and_scripts_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    doc = _extract(path)
    assert doc.format == "html"
    assert doc.text.split("\n") == [
        "Response to Q1",
        "",
        "We oppose the plan & its costs.",
        "",
        "Too expensive",
        "Too late",
        "",
        "Question | Answer",
        "Q2 | Yes",
        "",
        "keep",
        "  this layout",
        "",
        "Bye",
        "now",
    ]
    assert "secret" not in doc.text and "color" not in doc.text
    assert doc.metadata["title"] == "My response"


def test_text_html_declared_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>Fee: £5 “too high”</p></body></html>'
    doc = read_html(Source(name="x.html", data=html.encode("cp1252")))
    assert doc.text == "Fee: £5 “too high”"


def test_text_html_to_text_fragment() -> None:
    assert html_to_text("<div>One</div><div>Two <i>and</i> three</div>") == "One\nTwo and three"
