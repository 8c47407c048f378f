"""PDF reader: clean text from generated PDFs (headers, page numbers, hyphens, columns, scans, passwords)
and word-level agreement with an independent extraction of real submissions."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import pytest
from fpdf import FPDF

from respmine.ingest import extract
from respmine.ingest.compare import word_similarity
from respmine.records import Document, Quarantined

BODY = [
    "The voluntary sector has delivered resettlement services for decades and should be",
    "involved from the design stage. Small charities cannot carry the financial risk of pay-",
    "ment by results, so commissioners must offer full cost recovery and multi-year funding.",
    "",
    "Contracts should be let locally, with lots small enough for a local charity to bid for.",
]


ORDINALS = ["first", "second", "third", "fourth"]


def _letter_pdf(path: Path, pages: int = 3) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.set_xy(20, 10)
        pdf.cell(0, 6, "Riverside Recovery Trust - Response to the NOMS consultation")
        y = 30
        for line in BODY:
            pdf.set_xy(20, y)
            word = ORDINALS[n - 1]
            text = line.replace("charities", f"charities ({word})").replace(" should", f" {word} should")
            pdf.cell(0, 6, text)
            y += 6 if line else 10
        pdf.set_xy(20, 280)
        pdf.cell(0, 6, f"Page {n} of {pages}")
    pdf.output(str(path))
    return path


def test_pdf_removes_running_headers_and_page_numbers(tmp_path: Path) -> None:
    doc = extract(_letter_pdf(tmp_path / "letter.pdf"))
    assert isinstance(doc, Document)
    assert doc.format == "pdf" and len(doc.pages) == 3
    assert "Response to the NOMS consultation" not in doc.text
    assert "Page 2 of 3" not in doc.text
    assert doc.text.count("full cost recovery") == 3


def test_pdf_keeps_the_first_pages_running_lines_aside(tmp_path: Path) -> None:
    """(A new user's trial.) A charity's letterhead "Clearway Sight Loss Charity" heading every page was
    dropped from page 1 with the running header, and the charity was named "Clearway" (from "Clearway
    supports ..."): the first page's running lines are kept in the metadata, for who the response is from."""
    doc = extract(_letter_pdf(tmp_path / "letter.pdf"))
    assert isinstance(doc, Document) and "Riverside Recovery Trust" not in doc.text
    assert doc.metadata["running_head"] == "Riverside Recovery Trust - Response to the NOMS consultation"
    single = extract(_letter_pdf(tmp_path / "single.pdf", pages=1))
    assert isinstance(single, Document) and "running_head" not in single.metadata  # (nothing runs)


def test_pdf_joins_hyphenated_line_breaks_and_keeps_paragraphs(tmp_path: Path) -> None:
    doc = extract(_letter_pdf(tmp_path / "letter.pdf", pages=1))
    assert isinstance(doc, Document)
    assert "payment by results" in doc.text
    assert "pay- ment" not in doc.text
    paragraphs = doc.text.split("\n\n")
    first = next(i for i, p in enumerate(paragraphs) if "The voluntary sector" in p)
    assert paragraphs[first].endswith("multi-year funding.")
    assert paragraphs[first + 1].startswith("Contracts first should be let locally")


def test_pdf_page_spans_trace_text_to_pages(tmp_path: Path) -> None:
    doc = extract(_letter_pdf(tmp_path / "letter.pdf"))
    assert isinstance(doc, Document)
    for page in doc.pages:
        assert f"charities ({ORDINALS[page.number - 1]})" in doc.text[page.start : page.end]
        assert page.method == "pdfium"
    offset = doc.text.index("charities (second)")
    assert doc.page_of(offset) == 2


def _pages_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Each page: a running header, the given lines, a page number."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for n, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_xy(20, 10)
        pdf.cell(0, 6, "Lakeside Trust - consultation response")
        for i, line in enumerate(lines):
            pdf.set_xy(20, 30 + 6 * i)
            pdf.cell(0, 6, line)
        pdf.set_xy(20, 280)
        pdf.cell(0, 6, f"Page {n} of {len(pages)}")
    pdf.output(str(path))
    return path


def test_pdf_sentence_cut_by_a_page_break_is_joined_back(tmp_path: Path) -> None:
    """A sentence running on to the next page stays one sentence (one quote, one paragraph), past the
    running header and page number between its halves; a heading at a page's foot does not run on."""
    pages = [
        ["We are concerned that the consultation period of twelve weeks, which included the Easter",
         "holiday, has been too short. We ask that decisions are not taken before small charities have"],
        ["had a chance to consult their service users and trustees.", "", "Funding and contracts"],
        ["full cost recovery should be the rule for every contract."],
    ]
    doc = extract(_pages_pdf(tmp_path / "letter.pdf", pages))
    assert isinstance(doc, Document)
    assert ("We ask that decisions are not taken before small charities have had a chance to consult their "
            "service users and trustees.") in doc.text
    assert "Funding and contracts\n\nfull cost recovery" in doc.text  # a heading: a paragraph of its own
    assert [doc.text[p.start:p.end].split()[0] for p in doc.pages] == ["We", "had", "full"]
    assert doc.text[doc.pages[0].end:doc.pages[1].start] == " "


def test_pdf_two_interleaved_columns_read_column_by_column(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    left = [f"Left column line {i} on local commissioning." for i in range(1, 25)]
    right = [f"Right column line {i} on through the gate." for i in range(1, 25)]
    for i, (a, b) in enumerate(zip(left, right, strict=True)):  # stream order interleaves the columns
        pdf.text(15, 30 + i * 6, a)
        pdf.text(112, 30 + i * 6, b)
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    doc = extract(path)
    assert isinstance(doc, Document)
    assert doc.pages[0].method == "pdfium-columns"
    assert doc.text.index("Left column line 24") < doc.text.index("Right column line 1 ")


def test_pdf_book_style_alternating_headers_are_removed(tmp_path: Path) -> None:
    """Left-hand pages open "4 l 9 Title" then the publisher, right-hand pages "5 l 9", the publisher, then
    the title: no line is on half of all pages' edges, each is on every page of its side. Real
    submissions kept 26 such headers as segments of their own."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    for n in range(1, 10):  # (an odd count: the left-hand pages' header is on fewer than half the pages)
        pdf.add_page()
        title = "Artificial intelligence needs real world rules"
        top = ([f"{n} l 9 {title}", "Consumer Federation e.V."] if n % 2 == 0
               else [f"{n} l 9", "Consumer Federation e.V.", title])
        for i, line in enumerate(top):
            pdf.set_xy(20, 10 + 6 * i)
            pdf.cell(0, 6, line)
        word = ["Kent", "Essex", "Devon", "Dorset", "Surrey", "Norfolk", "Suffolk", "Durham", "Powys"][n - 1]
        for i, line in enumerate(BODY):
            pdf.set_xy(20, 40 + 6 * i)
            pdf.cell(0, 6, f"{line} ({word})" if line else "")
    path = tmp_path / "book.pdf"
    pdf.output(str(path))
    doc = extract(path)
    assert isinstance(doc, Document)
    assert "Consumer Federation" not in doc.text and "real world rules" not in doc.text
    assert " l 9" not in doc.text and doc.text.count("full cost recovery") == 9


def _columns(pdf: FPDF, top: float, lines: int, tag: str = "") -> None:
    """Two columns of numbered lines, 6 mm apart, from `top` mm (`tag` follows each line's number)."""
    for i in range(lines):
        pdf.text(15, top + i * 6, f"Left line {i}{tag} on local commissioning.")
        pdf.text(112, top + i * 6, f"Right line {i}{tag} on through the gate.")


def test_pdf_header_split_by_the_column_gutter_is_a_header(tmp_path: Path) -> None:
    """A journal page's running header sits in the top margin across both columns ("80 ARTICLE" |
    "International Data Privacy Law"): it was read as each column's first words, so it landed inside
    sentences; read above the columns, it is found and removed as a running header."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for n in range(1, 4):
        pdf.add_page()
        pdf.text(15, 10, f"{78 + n}  ARTICLE")
        pdf.text(112, 10, "International Data Privacy Law, 2020")
        _columns(pdf, 30, 24, f" of page {n}")
    path = tmp_path / "journal.pdf"
    pdf.output(str(path))
    doc = extract(path)
    assert isinstance(doc, Document) and {p.method for p in doc.pages} == {"pdfium-columns"}
    assert "International Data Privacy Law" not in doc.text and "ARTICLE" not in doc.text
    assert doc.text.index("Left line 23 of page 1") < doc.text.index("Right line 0 of page 1")


def test_pdf_columns_starting_in_a_narrow_top_margin_stay_columns(tmp_path: Path) -> None:
    """The first lines of columns that start 14 mm from the top are in the margin band but follow the next
    lines at the usual spacing: they are the columns' first lines, not a header."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    _columns(pdf, 14, 40)
    path = tmp_path / "narrow.pdf"
    pdf.output(str(path))
    doc = extract(path)
    assert isinstance(doc, Document) and doc.pages[0].method == "pdfium-columns"
    assert doc.text.index("Left line 1 ") < doc.text.index("Left line 39") < doc.text.index("Right line 0 ")


def test_pdf_question_headings_and_answers_are_never_running_lines() -> None:
    """A response form with "Question 2" atop page 2, "Question 3" atop page 4 ... (digits compare as one
    key) lost every question heading as a running header; a "Yes" closing several pages lost its answer."""
    from respmine.ingest.cleanup import find_running_lines

    pages = [[f"Question {n}" if n % 2 == 0 else f"Continued answer {n}", f"Body {n} text",
              "Yes" if n % 2 == 0 else f"Last line {n}"] for n in range(1, 10)]
    assert not {"question #", "yes"} & find_running_lines(pages)
    every = [[f"Question {n}", f"Answer {n}"] for n in range(1, 7)]
    assert "question #" not in find_running_lines(every)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_pdf_scanned_page_is_ocrd_and_method_recorded(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    for i, line in enumerate(["We support local commissioning", "of resettlement services."]):
        draw.text((150, 200 + i * 70), line, fill=0, font=font)
    png = tmp_path / "scan.png"
    image.save(png)
    pdf = FPDF(unit="pt", format=(612, 792))
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=612, h=792)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(72, 72, "A second page that has a real text layer with enough characters.")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    doc = extract(path)
    assert isinstance(doc, Document)
    assert [p.method for p in doc.pages] == ["ocr-tesseract", "pdfium"]
    assert "local commissioning" in doc.text
    assert doc.method == "ocr-tesseract+pdfium"
    no_ocr = extract(path, ocr=False)
    assert isinstance(no_ocr, Document) and no_ocr.pages[0].method == "image-no-ocr"


def test_pdf_password_protected_is_quarantined(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "Confidential response")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code == "encrypted" and "password" in result.reason


def test_pdf_truncated_is_quarantined_with_reason(tmp_path: Path) -> None:
    data = _letter_pdf(tmp_path / "letter.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code in ("truncated", "corrupt") and "resend" in result.reason


def test_pdf_real_submissions_match_reference_extraction(datasets: Path) -> None:
    """Every real PDF is processed or quarantined; extracted words agree with an independent extraction.

    The reference keeps running headers and page numbers, so clean text scores a little below 1.
    """
    root = datasets / "ai-act-submissions"
    scores = []
    for pdf in sorted((root / "pdf").glob("*.pdf")):
        result = extract(pdf, ocr=False)
        assert isinstance(result, Document | Quarantined)
        if isinstance(result, Quarantined):
            assert result.reason
            continue
        reference = root / "reference_text" / f"{pdf.stem}.txt"
        if reference.exists():
            scores.append(word_similarity(result.text, reference.read_text(encoding="utf-8")))
    assert len(scores) >= 30
    assert statistics.median(scores) >= 0.96


def _lines_pdf(path: Path, lines: list[tuple[str, float]], sizes: list[float] | None = None) -> Path:
    """One page of lines, each (text, space below it in mm), in 11 point unless `sizes` says."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    y = 20.0
    for i, (text, below) in enumerate(lines):
        pdf.set_font("Helvetica", size=sizes[i] if sizes else 11)
        pdf.set_xy(20, y)
        pdf.cell(0, 6, text)
        y += below
    pdf.output(str(path))
    return path


def test_pdf_a_page_of_short_paragraphs_keeps_them_apart(tmp_path: Path) -> None:
    """Most steps between lines are paragraph gaps here (one-line paragraphs between two-line ones): the
    usual line spacing is still the lines' own, so each paragraph stays apart."""
    lines: list[tuple[str, float]] = []
    for n in range(1, 7):
        lines += [(f"Point {n} of our response is one line that says what we think.", 10),
                  (f"Point {n} is then explained over two lines of text, which run on", 6),
                  ("to a second line of about the same length as the first one.", 10)]
    doc = extract(_lines_pdf(tmp_path / "points.pdf", lines))
    assert isinstance(doc, Document)
    paragraphs = [" ".join(p.split()) for p in doc.text.split("\n\n")]
    for n in range(1, 7):
        assert f"Point {n} of our response is one line that says what we think." in paragraphs


def test_pdf_a_word_broken_by_a_hyphen_makes_no_paragraph_break(tmp_path: Path) -> None:
    """PDFium runs the line after a hyphen break into the same text line: the step to the next line is
    then two lines' spacing, which is no paragraph gap."""
    lines = [("Commissioners should keep the questionnaire short", 6),
             ("for small charities, who cannot afford", 6),
             ("to pay bid writers or con-", 6), ("sultants, and should pay the full cost of the", 6),
             ("services they buy, on contracts long enough", 6), ("to let a charity plan its work.", 6)]
    doc = extract(_lines_pdf(tmp_path / "hyphen.pdf", lines))
    assert isinstance(doc, Document)
    assert "\n\n" not in doc.text.strip()


def test_pdf_single_spaced_footnotes_do_not_split_wider_spaced_text(tmp_path: Path) -> None:
    """Sixteen lines at one and a half spacing in four paragraphs, then nine single-spaced footnote lines
    in a smaller font: each font size has its own usual spacing, so the text keeps its four paragraphs."""
    body = ["Our charity has worked with people leaving prison in this town for over",
            "twenty years, and we believe that the proposals would make it harder for",
            "small organisations like ours to take part in the delivery of services,",
            "because the contracts will be far too large for us to bid for alone."]
    lines = [(line, 7.3 if i < 3 else 11.0) for _ in range(4) for i, line in enumerate(body)]
    lines += [(f"{n} Ministry of Justice, Transforming Rehabilitation, paragraph {n + 3}.", 3.8)
              for n in range(9)]
    doc = extract(_lines_pdf(tmp_path / "notes.pdf", lines, [12.0] * 16 + [9.0] * 9))
    assert isinstance(doc, Document)
    paragraphs = [" ".join(p.split()) for p in doc.text.split("\n\n") if p.strip()]
    assert paragraphs[:4] == [" ".join(body)] * 4


def test_pdf_single_spacing_with_six_points_after_each_paragraph_keeps_the_paragraphs(tmp_path: Path) -> None:
    """Word's usual layout: 12-point text single spaced (about 4.9 mm) with 6 points after a paragraph,
    a gap 1.43 times the line step."""
    body = ["Charities should be paid the full cost of the services that they deliver for",
            "commissioners, including a fair share of overheads, training and supervision."]
    lines = [(line, 4.9 if i == 0 else 4.9 + 2.1) for _ in range(5) for i, line in enumerate(body)]
    doc = extract(_lines_pdf(tmp_path / "word.pdf", lines, [12.0] * len(lines)))
    assert isinstance(doc, Document)
    assert [" ".join(p.split()) for p in doc.text.split("\n\n") if p.strip()] == [" ".join(body)] * 5


def test_pdf_a_short_page_in_one_and_a_half_line_spacing_is_one_paragraph(tmp_path: Path) -> None:
    """Five lines of 12-point text at Word's "1.5 lines" (about 7.3 mm): too few steps for a quantile, so
    the spacing is bounded by the font, loosely enough that 1.5 spacing is no paragraph gap."""
    lines = [(f"Line {n} of a letter's last page, set at one and a half line spacing by its writer,", 7.3)
             for n in range(5)]
    doc = extract(_lines_pdf(tmp_path / "short.pdf", lines, [12.0] * 5))
    assert isinstance(doc, Document)
    assert "\n\n" not in doc.text.strip()


def _letter_lines(pdf: FPDF, lines: list[str]) -> None:
    """A letter's lines from the page's top, "" a paragraph's gap (8 mm, a line 6 mm)."""
    y = 20
    for line in lines:
        pdf.set_xy(20, y)
        pdf.cell(0, 6, line)
        y += 6 if line else 8


def test_pdf_footer_and_footnotes_drawn_before_the_body_are_read_last(tmp_path: Path) -> None:
    """(Trial 30a.) A generator wrote the footer and footnotes of a one-page PDF before its body: read first,
    they ran into the letterhead ("Northern Grid Distribution plc | Public Page 1 1 OEMR, Review ...") and
    were quoted as evidence. Lines beneath all the others are read last, top to bottom; the footer, its
    line ending in this page's number, goes."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.set_xy(20, 285)
    pdf.cell(0, 4, "Northern Grid Distribution plc | Public Page 1")
    for n, (y, note) in enumerate(((262, "OEMR, Review of standing charges, February 2026."),
                                   (266, "Network charges make up around 45% of the standing charge.")), 1):
        pdf.set_xy(20, y)
        pdf.cell(0, 4, f"{n} {note}")
    pdf.set_font("Helvetica", size=11)
    body = ["Northern Grid Distribution plc", "", "We have no view on whether standing charges should be",
            "reduced; that is a matter of policy for the regulator.1", "",
            "Network companies recover most of their revenue through fixed charges.2"]
    _letter_lines(pdf, body)
    path = tmp_path / "ngd.pdf"
    pdf.output(str(path))
    doc = extract(path, ocr=False)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Northern Grid Distribution plc\n\nWe have no view")
    assert doc.text.endswith("fixed charges.2\n\n1 OEMR, Review of standing charges, February 2026.\n\n"
                             "2 Network charges make up around 45% of the standing charge."), doc.text
    assert "Page 1" not in doc.text


def test_pdf_a_footnote_drawn_before_the_body_and_wrapped_stays_one_paragraph(tmp_path: Path) -> None:
    """(Review.) Read last, each line drawn before the body was made a paragraph of its own: a footnote
    wrapped over two lines became two, its second line ("accompanying impact assessment ...") a paragraph
    with no note's number, read as content. A foot line starts a paragraph at a note's number or a gap."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    for y, note in ((258, "1 OEMR, Review of standing charges, February 2026, consultation document and the"),
                    (262, "accompanying impact assessment published alongside it."),
                    (266, "2 Network charges make up around 45% of the standing charge.")):
        pdf.set_xy(20, y)
        pdf.cell(0, 4, note)
    pdf.set_font("Helvetica", size=11)
    _letter_lines(pdf, ["Anytown Council", "",
                        "We have no view on whether standing charges should be reduced.1", "",
                        "Network companies recover most of their revenue through fixed charges.2"])
    path = tmp_path / "notes.pdf"
    pdf.output(str(path))
    doc = extract(path, ocr=False)
    assert isinstance(doc, Document)
    assert doc.text.endswith("fixed charges.2\n\n1 OEMR, Review of standing charges, February 2026, "
                             "consultation document and the accompanying impact assessment published "
                             "alongside it.\n\n"
                             "2 Network charges make up around 45% of the standing charge."), doc.text


def test_pdf_table_of_rows_is_not_read_as_two_columns(tmp_path: Path) -> None:
    """A petition's signatory table (No. | Name | Street | Signature) has a wide empty band between its
    Name and Street columns that no row crosses: it was re-read as two text columns, every name apart from
    its address ("Name 33 Joy Ellison 34 Karl Webster ..." then "Street Signature 114 Cobden Street
    ..."). Rows of short cells aligned across the page are a table, read row by row."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
    first = ["Ann", "Colin", "Dawn", "Eddie", "Fatima", "Gordon", "Hannah", "Imran", "Janet", "Kevin"]
    last = ["Begum", "Hart", "Pickering", "Morales", "Noor", "Bell", "Lowe", "Qureshi", "Crossley", "Doyle"]
    for x, head in ((42, "Name"), (95, "Street"), (155, "Signature")):
        pdf.text(x, 20, head)
    for i in range(40):
        y = 27 + i * 6
        pdf.text(32, y, str(i + 1))
        pdf.text(42, y, f"{first[i % 10]} {last[(i * 3) % 10]}")
        pdf.text(95, y, f"{i * 3 + 2} Mill Lane")
        pdf.text(155, y, "signed")
    path = tmp_path / "petition.pdf"
    pdf.output(str(path))
    doc = extract(path)
    assert isinstance(doc, Document) and doc.pages[0].method == "pdfium"
    assert "7 Hannah Crossley 20 Mill Lane signed" in " ".join(doc.text.split())


def test_pdf_table_with_a_narrow_band_is_still_rows(tmp_path: Path) -> None:
    """Cells close together (no band wider than a cell) but several a side on each line are a table too."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    pdf.add_page()
    for i in range(40):
        y = 27 + i * 6
        pdf.text(20, y, f"{i + 1}.")
        pdf.text(30, y, f"Resident number {i + 1} Smith")
        pdf.text(75, y, "Ashgrove Road area")
        pdf.text(108, y, f"{i * 3 + 2} Mill Lane, Eastgate")
        pdf.text(150, y, "signed in person")
    path = tmp_path / "rows.pdf"
    pdf.output(str(path))
    doc = extract(path)
    assert isinstance(doc, Document) and doc.pages[0].method == "pdfium"


def _box_moved(path: Path, dx: float, dy: float) -> Path:
    """The PDF at `path` with each page's box and content moved by (dx, dy): the same page drawn in
    coordinates whose origin is not 0 (a MediaBox [20 30 632 822] rather than [0 0 612 792])."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path.read_bytes())
    for page in pdf:
        left, bottom, right, top = page.get_mediabox()
        for obj in page.get_objects():
            obj.transform(pdfium.PdfMatrix().translate(dx, dy))
        page.set_mediabox(left + dx, bottom + dy, right + dx, top + dy)
        page.gen_content()
    moved = path.with_name(f"{path.stem}-moved{path.suffix}")
    pdf.save(str(moved))
    pdf.close()
    return moved


@pytest.mark.parametrize("dx, dy", [(20, 30), (-300, -400), (0, 500)])
def test_pdf_a_page_box_not_starting_at_0_is_read_as_one_that_does(tmp_path: Path, dx: float,
                                                                    dy: float) -> None:
    """Text boxes come in the page's own coordinates: on a page whose box starts at (20, 30) a two-column
    page read its first line twice (above the columns and in them); at (-300, -400) it was no columns, its
    lines interleaved; at (0, 500) the footer and footnotes drawn before the body were read first, as the
    foot of the page was measured from 0."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    _columns(pdf, 30, 24)
    pdf.output(str(tmp_path / "columns.pdf"))
    columns = _box_moved(tmp_path / "columns.pdf", dx, dy)
    doc = extract(columns)
    assert isinstance(doc, Document) and doc.pages[0].method == "pdfium-columns"
    assert doc.text.count("Left line 0 ") == 1
    assert doc.text.index("Left line 23") < doc.text.index("Right line 0 ")

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.set_xy(20, 266)
    pdf.cell(0, 4, "1 Network charges make up around 45% of the standing charge.")
    pdf.set_font("Helvetica", size=11)
    for y, line in ((20, "Anytown Council"), (34, "Networks recover revenue through fixed charges.1")):
        pdf.set_xy(20, y)
        pdf.cell(0, 6, line)
    pdf.output(str(tmp_path / "notes.pdf"))
    doc = extract(_box_moved(tmp_path / "notes.pdf", dx, dy), ocr=False)
    assert isinstance(doc, Document)
    assert doc.text.startswith("Anytown Council") and doc.text.endswith("of the standing charge."), doc.text
