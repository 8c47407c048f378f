"""DOCX reader: document order with tables, tracked changes, headers/footers, notes, comments, guards."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from respmine.ingest import Limits, extract
from respmine.ingest.docx import looks_like_question, read_docx
from respmine.ingest.source import Source
from respmine.records import Answer, Document, Quarantined

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W_NS}>
  <w:footnote w:type="separator" w:id="-1">
    <w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0">
    <w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>
    <w:r><w:t xml:space="preserve"> See the 2024 impact assessment.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _add_part(path: Path, name: str, xml: str, rel_type: str, content_type: str) -> None:
    """Add a part python-docx cannot write (footnotes) to a saved .docx, with its relationship."""
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    rels = members["word/_rels/document.xml.rels"].decode()
    rel = (
        f'<Relationship Id="rIdTest1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/{rel_type}" Target="{name.split("/", 1)[1]}"/>'
    )
    rels = rels.replace("</Relationships>", rel + "</Relationships>")
    members["word/_rels/document.xml.rels"] = rels.encode()
    types = members["[Content_Types].xml"].decode()
    override = f'<Override PartName="/{name}" ContentType="{content_type}"/>'
    members["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    members[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)


def make_response_docx(path: Path) -> Path:
    """A response form: header, paragraphs, a Q/A table, tracked changes, a comment, a footnote."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.core_properties.title = "Response to the fees consultation"
    doc.core_properties.author = "Jane Respondent"
    doc.sections[0].header.paragraphs[0].text = "Riverside Trust response"
    doc.sections[0].footer.paragraphs[0].text = "Page footer text"
    doc.add_paragraph("Opening paragraph before the table.")
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Q1. Do you agree with the proposed fee?"
    table.cell(0, 1).text = "No. The fee is too high for small charities."
    table.cell(1, 0).text = "Respondent type"
    table.cell(1, 1).text = "Charity"
    table.cell(2, 0).text = "What alternatives should we consider?"
    table.cell(2, 1).text = "A tiered fee.\nLinked to income."
    changed = doc.add_paragraph("We ")
    changed._p.append(parse_xml(
        f'<w:ins {W_NS} w:id="11" w:author="Ed" w:date="2026-01-01T00:00:00Z">'
        "<w:r><w:t xml:space=\"preserve\">strongly </w:t></w:r></w:ins>"
    ))
    changed._p.append(parse_xml(
        f'<w:del {W_NS} w:id="12" w:author="Ed" w:date="2026-01-01T00:00:00Z">'
        "<w:r><w:delText xml:space=\"preserve\">reluctantly </w:delText></w:r></w:del>"
    ))
    changed.add_run("support option B.")
    changed._p.append(parse_xml(f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    doc.add_comment(changed.runs[0], text="Check this against the board minutes.", author="Ed")
    doc.add_paragraph("Closing paragraph after the table.")
    doc.save(str(path))
    _add_part(
        path, "word/footnotes.xml", FOOTNOTES_XML, "footnotes",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    )
    return path


def _read(path: Path) -> Document:
    return read_docx(Source(name=path.name, data=path.read_bytes(), path=path))


def test_docx_body_in_document_order_with_table_rows(tmp_path: Path) -> None:
    doc = _read(make_response_docx(tmp_path / "response.docx"))
    text = doc.text
    opening = text.index("Opening paragraph before the table.")
    row = text.index("Q1. Do you agree with the proposed fee? | No. The fee is too high for small charities.")
    closing = text.index("Closing paragraph after the table.")
    assert opening < row < closing
    assert "Respondent type | Charity" in text
    assert doc.format == "docx"
    assert doc.method == "ooxml"


def test_docx_tracked_insertions_kept_and_deletions_dropped(tmp_path: Path) -> None:
    doc = _read(make_response_docx(tmp_path / "response.docx"))
    assert "We strongly support option B.[1]" in doc.text
    assert "reluctantly" not in doc.text


def test_docx_header_first_footer_last_footnote_at_end(tmp_path: Path) -> None:
    doc = _read(make_response_docx(tmp_path / "response.docx"))
    assert doc.text.startswith("Riverside Trust response")
    assert doc.text.endswith("Page footer text")
    assert doc.text.index("[1] See the 2024 impact assessment.") > doc.text.index("Closing paragraph")
    assert doc.text.count("Riverside Trust response") == 1
    # one page span per part: header, body, notes, footer
    assert doc.text[doc.pages[0].start:doc.pages[0].end] == "Riverside Trust response"
    assert len(doc.pages) == 4


def test_docx_comments_returned_apart(tmp_path: Path) -> None:
    doc = _read(make_response_docx(tmp_path / "response.docx"))
    assert doc.comments == ("Check this against the board minutes.",)
    assert "board minutes" not in doc.text


def test_docx_question_table_rows_become_answers(tmp_path: Path) -> None:
    doc = _read(make_response_docx(tmp_path / "response.docx"))
    assert doc.answers == (
        Answer("Q1. Do you agree with the proposed fee?",
               "No. The fee is too high for small charities.", "table row 1"),
        Answer("What alternatives should we consider?", "A tiered fee.\nLinked to income.",
               "table row 3"),
    )


def test_docx_core_properties_in_metadata(tmp_path: Path) -> None:
    doc = _read(make_response_docx(tmp_path / "response.docx"))
    assert doc.metadata["title"] == "Response to the fees consultation"
    assert doc.metadata["author"] == "Jane Respondent"
    assert doc.metadata["created"][:4].isdigit()


def test_docx_looks_like_question() -> None:
    assert looks_like_question("Do you agree?")
    assert looks_like_question("Question 4: fees")
    assert looks_like_question("3. Proposals for small firms")
    assert looks_like_question("Please explain your answer")
    assert not looks_like_question("Respondent type")
    assert not looks_like_question("")


def test_docx_truncated_is_quarantined_corrupt(tmp_path: Path) -> None:
    good = make_response_docx(tmp_path / "good.docx").read_bytes()
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(good[: len(good) // 2])
    result = extract(bad)
    assert isinstance(result, Quarantined)
    assert result.code == "corrupt"
    assert "damaged" in result.reason


def test_docx_zip_bomb_is_quarantined(tmp_path: Path) -> None:
    good = make_response_docx(tmp_path / "good.docx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))
        out.writestr("word/media/padding.bin", b"\0" * (20 * 1024 * 1024))
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buf.getvalue())
    result = extract(bomb)
    assert isinstance(result, Quarantined)
    assert result.code == "bomb"
    assert "padding.bin" in result.reason
    small = extract(bomb, limits=Limits(max_unpacked_bytes=1024 * 1024, max_compression_ratio=1e9))
    assert isinstance(small, Quarantined) and small.code == "bomb"


def test_docx_bad_xml_is_quarantined_corrupt(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    path = tmp_path / "broken.docx"
    path.write_bytes(buf.getvalue())
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code == "corrupt"


@pytest.mark.parametrize("layout", ["one-column"])
def test_docx_single_column_question_then_answer_rows(tmp_path: Path, layout: str) -> None:
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=2, cols=1)
    table.cell(0, 0).text = "Question 2: Should the scheme apply to Wales?"
    table.cell(1, 0).text = "Yes, from 2027."
    path = tmp_path / f"{layout}.docx"
    doc.save(str(path))
    result = _read(path)
    assert result.answers == (
        Answer("Question 2: Should the scheme apply to Wales?", "Yes, from 2027.", "table row 1"),
    )
    assert result.text.index("Question 2") < result.text.index("Yes, from 2027.")


def test_docx_paragraphs_read_apart_like_a_pdfs(tmp_path: Path) -> None:
    """A letter of short paragraphs (name, address, date, "Dear Minister,", one-sentence paragraphs) ran
    together as one paragraph: its furniture was glued to the first paragraph and quoted with it, its
    sign-off to the last. Short lines that end no sentence stay together, as a PDF's address block."""
    import docx

    from respmine.structure.blocks import blocks

    doc = docx.Document()
    address = doc.add_paragraph("9 Orchard Close")
    address.add_run().add_break()
    address.add_run("Exeter")
    for line in ("13 October 2026", "Dear Minister,", "My grandson is held far from home.",
                 "Visits matter.", "Yours faithfully,", "Margaret Ellis"):
        doc.add_paragraph(line)
    doc.save(tmp_path / "letter.docx")
    text = _read(tmp_path / "letter.docx").text
    assert [b.text for b in blocks(text)] == [
        "9 Orchard Close\nExeter\n13 October 2026\nDear Minister,", "My grandson is held far from home.",
        "Visits matter.", "Yours faithfully,\nMargaret Ellis"]
