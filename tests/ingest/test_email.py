"""E-mail: body only as text, headers as metadata, Date as received, attachments as children."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from respmine.ingest import extract
from respmine.ingest.source import Source
from respmine.records import Document, Quarantined

BODY = "Please find our response attached.\n\nKind regards,\nAlex"


def _docx_bytes(tmp_path: Path) -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Attached response: we oppose the closure of the library.")
    path = tmp_path / "att.docx"
    doc.save(str(path))
    return path.read_bytes()


def make_eml(tmp_path: Path) -> Path:
    """A covering e-mail (plain + HTML) with a DOCX attachment and a forwarded message."""
    forwarded = EmailMessage()
    forwarded["From"] = "neighbour@example.org"
    forwarded["Subject"] = "My view"
    forwarded.set_content("I also object to the library closure.")

    msg = EmailMessage()
    msg["From"] = "Alex Example <alex@example.com>"
    msg["To"] = "consultation@council.example"
    msg["Cc"] = "clerk@council.example"
    msg["Subject"] = "Library consultation – response"
    msg["Date"] = "Sun, 26 Apr 2026 10:15:00 +0100"
    msg["Message-ID"] = "<abc123@example.com>"
    msg.set_content(BODY)
    msg.add_alternative("<p>Please find our <b>HTML</b> response attached.</p>", subtype="html")
    msg.add_attachment(
        _docx_bytes(tmp_path), maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="response#1.docx",
    )
    msg.add_attachment(forwarded)
    path = tmp_path / "response.eml"
    path.write_bytes(msg.as_bytes())
    return path


def _document(result: Document | Quarantined) -> Document:
    assert isinstance(result, Document), result
    return result


def test_email_body_only_in_text(tmp_path: Path) -> None:
    doc = _document(extract(make_eml(tmp_path)))
    assert doc.format == "eml"
    assert doc.text == BODY
    assert doc.method == "email-plain"
    assert "From:" not in doc.text and "HTML" not in doc.text


def test_email_headers_in_metadata_and_date_as_received(tmp_path: Path) -> None:
    doc = _document(extract(make_eml(tmp_path)))
    assert doc.metadata["from"] == "Alex Example <alex@example.com>"
    assert doc.metadata["to"] == "consultation@council.example"
    assert doc.metadata["cc"] == "clerk@council.example"
    assert doc.metadata["subject"] == "Library consultation – response"
    assert doc.metadata["message_id"] == "<abc123@example.com>"
    assert doc.received == datetime(2026, 4, 26, 9, 15, tzinfo=UTC)
    assert doc.received is not None and doc.received.utcoffset() is not None
    assert doc.received_from == "email-date"


def test_email_attachments_extracted_as_children(tmp_path: Path) -> None:
    doc = _document(extract(make_eml(tmp_path)))
    assert [type(c).__name__ for c in doc.children] == ["Document", "Document"]
    docx_child, eml_child = doc.children
    assert isinstance(docx_child, Document) and isinstance(eml_child, Document)
    assert docx_child.source == f"{tmp_path / 'response.eml'}#response_1.docx"
    assert docx_child.format == "docx"
    assert docx_child.text == "Attached response: we oppose the closure of the library."
    assert eml_child.format == "eml"
    assert eml_child.text == "I also object to the library closure."
    assert eml_child.metadata["from"] == "neighbour@example.org"


def test_email_html_only_body_is_converted_and_inline_logo_skipped(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Subject"] = "HTML only"
    msg["Date"] = "Sun, 26 Apr 2026 10:15:00 +0100"
    html = '<html><body><p>First point.</p><p>Second point.</p><img src="cid:logo1"></body></html>'
    msg.set_content(html, subtype="html")
    msg.add_related(b"\x89PNG\r\n\x1a\nfake", maintype="image", subtype="png", cid="<logo1>")
    path = tmp_path / "html.eml"
    path.write_bytes(msg.as_bytes().replace(b"Sun, 26 Apr 2026 10:15:00 +0100", b"sometime in April"))
    doc = _document(extract(path))
    assert doc.text == "First point.\n\nSecond point."
    assert doc.method == "email-html"
    assert doc.children == ()
    assert doc.received is None
    assert any("Date header" in w for w in doc.warnings)


def test_email_inline_text_after_attachment_is_kept(tmp_path: Path) -> None:
    raw = (
        "From: b@example.com\r\nSubject: split\r\nDate: Mon, 27 Apr 2026 09:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        "--XX\r\nContent-Type: text/plain\r\n\r\nFirst half.\r\n"
        "--XX\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition: attachment; "
        "filename=notes.txt\r\n\r\nAttached notes on the plan.\r\n"
        "--XX\r\nContent-Type: text/plain\r\n\r\nSecond half.\r\n--XX--\r\n"
    )
    path = tmp_path / "split.eml"
    path.write_bytes(raw.encode())
    doc = _document(extract(path))
    assert doc.text == "First half.\n\nSecond half."
    assert len(doc.children) == 1
    child = doc.children[0]
    assert isinstance(child, Document) and child.text == "Attached notes on the plan."
    assert child.source.endswith("#notes.txt")


class _FakeAttachment(SimpleNamespace):
    pass


def test_email_msg_read_like_eml(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract_msg's message object stood in for, with an HTML-only body and an attachment (a real .msg,
    written by tests/golden/samples/make.py, is read in the golden extraction test)."""
    import extract_msg
    from extract_msg.enums import AttachmentType

    from respmine.ingest.email import read_msg

    closed: list[bool] = []
    fake = SimpleNamespace(
        sender="Alex <alex@example.com>", to="consult@example.gov", cc=None, subject="Response",
        messageId="<m1@example.com>", date=datetime(2026, 4, 26, 9, 0, tzinfo=UTC),
        body="", htmlBody=b"<p>We <b>support</b> the plan.</p>",
        attachments=[_FakeAttachment(
            type=AttachmentType.DATA, data=b"Attachment text here.", longFilename="note.txt",
            shortFilename=None, displayName=None, mimetype="text/plain", hidden=False, contentId=None,
        )],
        close=lambda: closed.append(True),
    )
    opened: list[Any] = []

    def open_msg(path: str, **kwargs: Any) -> Any:
        opened.append(path)
        return fake

    monkeypatch.setattr(extract_msg, "openMsg", open_msg)
    doc = read_msg(Source(name="mail.msg", data=b"\xd0\xcf\x11\xe0fake"))
    assert opened and closed == [True]
    assert doc.text == "We support the plan."
    assert doc.method == "msg-html"
    assert doc.metadata["from"] == "Alex <alex@example.com>"
    assert doc.metadata["message_id"] == "<m1@example.com>"
    assert "cc" not in doc.metadata
    assert doc.received == datetime(2026, 4, 26, 9, 0, tzinfo=UTC)
    assert doc.received_from == "email-date"
    assert len(doc.children) == 1
    child = doc.children[0]
    assert isinstance(child, Document)
    assert child.source == "mail.msg#note.txt" and child.text == "Attachment text here."


def test_email_damaged_msg_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "broken.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code == "corrupt"
