"""Bad input never crashes: it is quarantined with a reason a person can act on."""

from __future__ import annotations

from pathlib import Path

from respmine.ingest import Limits, extract
from respmine.records import Document, Quarantined


def _quarantined(path: Path, **kwargs: object) -> Quarantined:
    result = extract(path, **kwargs)  # type: ignore[arg-type]
    assert isinstance(result, Quarantined), result
    assert result.reason and result.reason[0].isupper()
    return result


def test_dispatch_quarantines_empty_file(tmp_path: Path) -> None:
    (tmp_path / "blank.docx").write_bytes(b"")
    assert _quarantined(tmp_path / "blank.docx").code == "empty"


def test_dispatch_quarantines_html_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "response.pdf"
    path.write_text("<html><body><h1>502 Bad Gateway</h1></body></html>")
    result = _quarantined(path)
    assert result.code == "wrong_extension" and "named .pdf" in result.reason
    assert "web page" in result.reason and "Download it again" in result.reason  # not only "ask the sender"


def test_dispatch_reads_misnamed_supported_file_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf.txt"
    path.write_bytes(b"{\\rtf1\\ansi We agree.}")
    result = extract(path)
    assert isinstance(result, Document) and result.format == "rtf"
    assert "We agree." in result.text and result.warnings


def test_dispatch_quarantines_unsupported_and_oversized(tmp_path: Path) -> None:
    gif = tmp_path / "photo.gif"
    gif.write_bytes(b"GIF89a" + (800).to_bytes(2, "little") + (600).to_bytes(2, "little") + b"\x00" * 60)
    assert _quarantined(gif).code == "unsupported"
    big = tmp_path / "big.txt"
    big.write_text("word " * 5000)
    result = _quarantined(big, limits=Limits(max_file_bytes=1000))
    assert result.code == "too_large" and "limit" in result.reason


def test_dispatch_says_a_tiny_image_is_no_response(tmp_path: Path) -> None:
    """A 40 x 12 e-mail signature was told to be "converted to PDF or recorded by hand"; a PNG that small
    went to OCR and came back as an illegible scan."""
    import struct
    import zlib

    gif = tmp_path / "signature.gif"
    gif.write_bytes(b"GIF87a" + struct.pack("<HH", 40, 12) + b"\x00" * 60)
    result = _quarantined(gif)
    assert result.code == "not_a_response"
    assert "40 x 12 pixels" in result.reason and "signature" in result.reason
    big = tmp_path / "scan.gif"
    big.write_bytes(b"GIF87a" + struct.pack("<HH", 1700, 2200) + b"\x00" * 60)
    reason = _quarantined(big).reason
    assert "pixels" not in reason and "record the response by hand" in reason

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 120, 40, 8, 0, 0, 0, 0)))
    result = _quarantined(logo)
    assert result.code == "not_a_response" and "120 x 40 pixels" in result.reason


def test_dispatch_quarantines_missing_file(tmp_path: Path) -> None:
    assert _quarantined(tmp_path / "gone.pdf").code == "unreadable"


def test_dispatch_random_bytes_never_raise(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    containers = [b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
    for i, head in enumerate(containers):
        path = tmp_path / f"junk{i}.bin"
        path.write_bytes(head + bytes(rng.randrange(256) for _ in range(4000)))
        assert isinstance(extract(path), Quarantined)
    rtf = tmp_path / "junk.rtf"  # RTF is text: garbage in it is read, not a crash
    rtf.write_bytes(b"{\\rtf1" + bytes(rng.randrange(256) for _ in range(4000)))
    assert isinstance(extract(rtf), Document | Quarantined)


def test_dispatch_quarantines_password_protected_office_file(tmp_path: Path) -> None:
    import io

    import docx
    import msoffcrypto

    plain = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Our confidential response.")
    document.save(plain)
    plain.seek(0)
    locked = io.BytesIO()
    msoffcrypto.OfficeFile(plain).encrypt("secret", locked)
    path = tmp_path / "locked.docx"
    path.write_bytes(locked.getvalue())
    result = _quarantined(path)
    assert result.code == "encrypted" and "password" in result.reason


def test_dispatch_a_missing_program_is_lifted_where_the_files_are_read() -> None:
    """`lifted` for missing_tool asks `found` (the programs of the processes that read files, a Dask
    cluster's workers) when given, not this process's PATH."""
    from respmine.ingest.dispatch import lifted, tools_found
    from respmine.ingest.source import Limits

    assert set(tools_found()) >= {"tesseract", "antiword", "soffice", "libreoffice"}
    def doc(found: dict[str, bool]) -> bool:
        return lifted("missing_tool", "doc", None, Limits(), True, found=found)

    assert not doc({"antiword": False, "soffice": False}) and doc({"antiword": False, "soffice": True})
    assert not doc({})  # (a cluster with no worker)
