"""Legacy Word (.doc via antiword/LibreOffice), OpenDocument text and RTF."""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from respmine.ingest import Limits, extract
from respmine.ingest.errors import MissingTool
from respmine.ingest.source import Source
from respmine.records import Answer, Document, Quarantined

PARAGRAPHS = [
    f"Paragraph {i}: the proposal would impose costs on small organisations that cannot absorb them."
    for i in range(5)
]


def _document(result: Document | Quarantined) -> Document:
    assert isinstance(result, Document), result
    return result


# --- .doc -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def word97() -> Path:
    """A real Word 97 .doc, committed so the tests run without LibreOffice: written by LibreOffice 7.4
    (`soffice --convert-to doc`) from a python-docx document holding the first line below, PARAGRAPHS
    and a one-row table ("Do you agree?" | "No")."""
    return Path(__file__).parent / "files" / "legacy_response.doc"


def _encrypted_copy(doc: Path, dest: Path) -> Path:
    """Set the FIB's fEncrypted flag, as Word does for a password-protected file."""
    import olefile

    shutil.copy(doc, dest)
    ole = olefile.OleFileIO(str(dest), write_mode=True)
    try:
        stream = bytearray(ole.openstream("WordDocument").read())
        flags = struct.unpack_from("<H", stream, 10)[0]
        struct.pack_into("<H", stream, 10, flags | 0x0100)
        ole.write_stream("WordDocument", bytes(stream))
    finally:
        ole.close()
    return dest


def test_legacy_doc_read_with_antiword(word97: Path) -> None:
    if shutil.which("antiword") is None:
        pytest.skip("antiword is not installed")
    doc = _document(extract(word97))
    assert doc.format == "doc"
    assert doc.method == "antiword"
    assert doc.text.startswith("The fee of £250 is “unfair” for charities.")
    positions = [doc.text.index(s) for s in (PARAGRAPHS[0], PARAGRAPHS[4], "Do you agree? | No")]
    assert positions == sorted(positions)


def test_legacy_doc_encrypted_is_quarantined(word97: Path, tmp_path: Path) -> None:
    if shutil.which("antiword") is None:
        pytest.skip("antiword is not installed")
    result = extract(_encrypted_copy(word97, tmp_path / "locked.doc"))
    assert isinstance(result, Quarantined)
    assert result.code == "encrypted"
    assert "password" in result.reason


def test_legacy_doc_falls_back_to_soffice_without_antiword(
    word97: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed (optional): the fallback cannot run")
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "antiword" else real_which(name))
    doc = _document(extract(word97))
    assert doc.method == "soffice"
    assert "The fee of £250 is “unfair” for charities." in doc.text
    assert PARAGRAPHS[4] in doc.text


def test_legacy_doc_without_any_tool_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from respmine.ingest.legacy import read_doc

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(MissingTool) as info:
        read_doc(Source(name="old.doc", data=b"\xd0\xcf\x11\xe0 not really"))
    assert info.value.code == "missing_tool"
    assert "apt-get install antiword" in info.value.reason


# --- .odt -----------------------------------------------------------------------------------------

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
)
ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODT_NS} office:version="1.3"><office:body><office:text>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
  <text:p>Withdrawn sentence that must not appear.</text:p></text:deletion></text:changed-region>
</text:tracked-changes>
<text:h text:outline-level="1">Our response</text:h>
<text:p>We   support<text:s text:c="2"/>option B<text:note text:note-class="footnote">
<text:note-citation>1</text:note-citation><text:note-body><text:p>Board minute 12.</text:p>
</text:note-body></text:note>.<office:annotation><dc:creator>Ed</dc:creator>
<text:p>Confirm with trustees.</text:p></office:annotation></text:p>
<text:list><text:list-item><text:p>Lower fees</text:p></text:list-item>
<text:list-item><text:p>Later start<text:line-break/>in 2027</text:p></text:list-item></text:list>
<table:table table:name="Form"><table:table-column table:number-columns-repeated="2"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>Question</text:p></table:table-cell>
<table:table-cell><text:p>Response</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Q3. Should the levy rise?</text:p></table:table-cell>
<table:table-cell><text:p>Only with inflation.</text:p></table:table-cell></table:table-row>
</table:table>
<text:p>Closing paragraph.</text:p>
</office:text></office:body></office:document-content>"""
ODT_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {ODT_NS}><office:master-styles><style:master-page style:name="Standard">
<style:header><text:p>Parish council</text:p></style:header>
<style:footer><text:p>Page footer</text:p></style:footer></style:master-page></office:master-styles>
</office:document-styles>"""
ODT_META = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {ODT_NS}><office:meta><dc:title>Levy response</dc:title>
<meta:initial-creator>Parish Clerk</meta:initial-creator></office:meta></office:document-meta>"""


def make_odt(path: Path, manifest_extra: str = "", padding: int = 0) -> Path:
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {ODT_NS}>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
        f"{manifest_extra}</manifest:file-entry></manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", ODT_CONTENT)
        zf.writestr("styles.xml", ODT_STYLES)
        zf.writestr("meta.xml", ODT_META)
        zf.writestr("META-INF/manifest.xml", manifest)
        if padding:
            zf.writestr("Pictures/padding.bin", b"\0" * padding)
    return path


def test_legacy_odt_content_in_order(tmp_path: Path) -> None:
    doc = _document(extract(make_odt(tmp_path / "response.odt")))
    assert doc.format == "odt"
    assert doc.method == "odf"
    body = doc.text[doc.pages[1].start:doc.pages[1].end]
    assert body.split("\n") == [  # paragraphs apart, as a PDF's, short lines together
        "Our response",
        "",
        "We support  option B[1].",
        "",
        "Lower fees",
        "Later start",
        "in 2027",
        "",
        "Question | Response",
        "Q3. Should the levy rise? | Only with inflation.",
        "",
        "Closing paragraph.",
    ]
    assert doc.text.startswith("Parish council\n\n")
    assert doc.text.endswith("[1] Board minute 12.\n\nPage footer")


def test_legacy_odt_deletions_and_comments_kept_out_of_text(tmp_path: Path) -> None:
    doc = _document(extract(make_odt(tmp_path / "response.odt")))
    assert "Withdrawn" not in doc.text
    assert "trustees" not in doc.text
    assert doc.comments == ("Confirm with trustees.",)


def test_legacy_odt_answers_and_metadata(tmp_path: Path) -> None:
    doc = _document(extract(make_odt(tmp_path / "response.odt")))
    assert doc.answers == (Answer("Q3. Should the levy rise?", "Only with inflation.", "table row 2"),)
    assert doc.metadata == {"title": "Levy response", "author": "Parish Clerk"}


def test_legacy_odt_encrypted_is_quarantined(tmp_path: Path) -> None:
    extra = '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
    result = extract(make_odt(tmp_path / "locked.odt", manifest_extra=extra))
    assert isinstance(result, Quarantined)
    assert result.code == "encrypted"


def test_legacy_odt_zip_bomb_is_quarantined(tmp_path: Path) -> None:
    path = make_odt(tmp_path / "bomb.odt", padding=8 * 1024 * 1024)
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code == "bomb"
    assert _document(extract(path, limits=Limits(max_compression_ratio=10_000))).text


# --- .rtf -----------------------------------------------------------------------------------------

RTF = (
    rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}" b"\r\n"
    rb"{\info{\title Fee response}{\author Jos\'e9 Smith}}" b"\r\n"
    rb"{\*\shppict{\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d49484452}}" b"\r\n"
    rb"\pard The fee of \'a3250 is {\deleted\revauthdel1 not }\ldblquote unfair\rdblquote .\par" b"\r\n"
    b"Caf\xe9 owners agree " rb"\u8212? strongly.\par" b"\r\n"  # a raw cp1252 byte, as some writers do
    rb"\trowd\cellx2000\cellx4000 Q1\cell Yes\cell\row" b"\r\n"
    rb"}"
)


def test_legacy_rtf_text_codepage_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "letter.rtf"
    path.write_bytes(RTF)
    doc = _document(extract(path))
    assert doc.format == "rtf"
    assert doc.method == "striprtf"
    lines = doc.text.split("\n")
    assert lines[0] == "The fee of £250 is “unfair”."
    assert lines[1] == "Café owners agree — strongly."
    assert lines[2] == "Q1 | Yes"
    assert "89504e47" not in doc.text
    assert doc.metadata == {"title": "Fee response", "author": "José Smith"}
