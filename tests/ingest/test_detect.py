"""Format detection reads content, not names."""

from __future__ import annotations

import io
import zipfile

import pytest

from respmine.ingest.detect import Unsupported, detect


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (b"%PDF-1.7\n...", ".txt", "pdf"),
        (b"{\\rtf1\\ansi hello}", ".doc", "rtf"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "", "image"),
        (b"From: a@example.org\nTo: b@example.org\nSubject: response\n\nbody", ".txt", "eml"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", ".pdf", "html"),
        (b"id,name,answer\n1,a,long text\n2,b,more text\n3,c,x\n", ".txt", "csv"),
        (b"Dear Sir or Madam,\nWe support the proposals.\n", "", "txt"),
        ("Response with £ and “quotes”".encode("utf-16"), ".txt", "txt"),
    ],
)
def test_detect_formats_from_content(data: bytes, suffix: str, expected: str) -> None:
    assert detect(data, suffix) == expected


def test_detect_office_zip_containers() -> None:
    assert detect(_zip({"word/document.xml": b"<w/>"}), ".zip") == "docx"
    assert detect(_zip({"xl/workbook.xml": b"<x/>"}), ".docx") == "xlsx"
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<c/>"})
    assert detect(odt, "") == "odt"


def test_detect_plain_zip_is_an_archive_and_a_bodiless_office_file_is_damaged() -> None:
    assert detect(_zip({"a.txt": b"x"}), ".zip") == "zip"
    with pytest.raises(ValueError, match="Office document missing its main part"):  # its XML parts are no
        detect(_zip({"[Content_Types].xml": b"<T/>", "word/styles.xml": b"<s/>"}), ".docx")  # responses


def test_detect_rejects_unknown_binaries() -> None:
    with pytest.raises(Unsupported, match="GIF"):
        detect(b"GIF89a" + b"\x00" * 30, ".pdf")
    with pytest.raises(ValueError, match="empty"):
        detect(b"  \n", ".txt")
