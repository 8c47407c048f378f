"""E-mails whose body is only HTML or only RTF: an Outlook message (.msg) written as Outlook saves one (its
properties in streams of a Compound File, extract_msg's `OleWriter`), with no plain-text body, and an .eml
with no text/plain part. Each is read as its text; an RTF-only message was quarantined as having none."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from respmine.ingest import extract
from respmine.records import Document
from tests.golden.samples.make import ole_message

HEADERS = {0x001A: "IPM.Note", 0x0037: "Stroke services consultation", 0x0C1A: "Ann Price",
           0x5D01: "ann@example.com"}
HTML = (b"<html><body><p>We <b>oppose</b> moving hyperacute care to Westfield.</p>"
        b"<p>The journey from the coast is too long.</p></body></html>")
RTF = (rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\f0\fs20 We oppose moving hyperacute care"
       rb" to Westfield.\par\par The journey from the coast is too long.\par}")
SAID = "We oppose moving hyperacute care to Westfield.\n\nThe journey from the coast is too long."


def _read(path: Path) -> Document:
    result = extract(path)
    assert isinstance(result, Document), result
    return result


def test_msg_with_only_an_html_body_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "html.msg"
    path.write_bytes(ole_message(HEADERS, {0x1013: HTML}))
    doc = _read(path)
    assert doc.text == SAID
    assert doc.method == "msg-html" and doc.metadata["subject"] == "Stroke services consultation"


def test_msg_with_only_an_rtf_body_is_read_as_text(tmp_path: Path) -> None:
    import compressed_rtf

    path = tmp_path / "rtf.msg"
    path.write_bytes(ole_message(HEADERS, {0x1009: compressed_rtf.compress(RTF)}))
    doc = _read(path)
    assert doc.text == SAID
    assert doc.method == "msg-rtf"


def test_msg_with_html_wrapped_in_its_rtf_body_is_read_as_the_html(tmp_path: Path) -> None:
    """Outlook keeps an HTML message's body as RTF that encapsulates the HTML (\\fromhtml1)."""
    import compressed_rtf

    wrapped = (rb"{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0\fswiss Arial;}}"
               rb"{\*\htmltag19 <html>}{\*\htmltag34 <body>}{\*\htmltag64 <p>}We oppose the move."
               rb"{\*\htmltag72 </p>}{\*\htmltag64 <p>}Keep the unit open.{\*\htmltag72 </p>}"
               rb"{\*\htmltag42 </body>}{\*\htmltag27 </html>}}")
    path = tmp_path / "wrapped.msg"
    path.write_bytes(ole_message(HEADERS, {0x1009: compressed_rtf.compress(wrapped)}))
    doc = _read(path)
    assert doc.text == "We oppose the move.\n\nKeep the unit open."


def test_eml_with_only_an_html_part_is_read_as_text(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Ann Price <ann@example.com>"
    msg["Subject"] = "Stroke services consultation"
    msg["Date"] = "Mon, 07 Dec 2026 10:15:00 +0000"
    msg.set_content(HTML.decode(), subtype="html")
    path = tmp_path / "html.eml"
    path.write_bytes(msg.as_bytes())
    doc = _read(path)
    assert doc.text == SAID
    assert doc.method == "email-html"
