"""Assembling pages: a sentence a page break cuts is joined back, also across the page's footnotes."""

from __future__ import annotations

from pathlib import Path

from respmine.ingest import extract
from respmine.ingest.assemble import footnotes_first
from respmine.records import Document

PAGE = ("NEC welcomes the proposal.\n\nAs a result, and as one of the\n\n"
        "1 NEC can be contacted at dta@example.com\n\n2 https://example.com/validation")


def test_assemble_moves_footnotes_before_a_sentence_the_page_cuts() -> None:
    moved = footnotes_first(PAGE, "world's largest AI developers, NEC is affected.")
    assert len(moved) == len(PAGE)  # the page keeps its span
    assert moved.endswith("As a result, and as one of the")
    assert "1 NEC can be contacted at dta@example.com\n\n2 https://example.com/validation" in moved


def test_assemble_leaves_footnotes_where_the_sentence_ends_on_the_page() -> None:
    finished = PAGE.replace("as one of the", "we support it.")
    assert footnotes_first(finished, "world's largest AI developers.") == finished
    assert footnotes_first(PAGE, "Next Section heading") == PAGE  # the next page starts a new sentence
    assert footnotes_first("1 A note alone\n\n2 Another", "and more") == "1 A note alone\n\n2 Another"


def test_assemble_real_submissions_sentences_cut_by_footnotes_are_whole(datasets: Path) -> None:
    """Real policy submissions: "... as one of the" | footnotes | "world's largest AI developers"."""
    root = datasets / "ai-act-submissions" / "pdf"
    nec = extract(root / "2665416.pdf", ocr=False)
    eurosmart = extract(root / "2663348.pdf", ocr=False)
    assert isinstance(nec, Document) and isinstance(eurosmart, Document)
    assert "as one of the world’s largest AI developers" in nec.text
    assert "Both do not convey the same risks" in eurosmart.text


def test_assemble_numbered_points_running_on_are_not_footnotes() -> None:
    """"1 We support ..." / "2 Funding ... and the" (points numbered without a dot) look like notes; the
    last one stops mid-phrase, so it is a point running on to the next page, and nothing moves."""
    page = ("We set out our views on each of the proposals in turn below\n\n1 We support the proposal.\n\n"
            "2 Funding should be fair and the")
    assert footnotes_first(page, "department should publish its plans.") == page


def test_assemble_reads_each_page_against_the_next_as_joined() -> None:
    """Page 2's one paragraph finishes page 1's sentence and runs on to page 3 past page 2's note: the
    notes cannot leave both joins whole, so page 2 keeps its order (moving its note first left page 1's
    half-sentence followed by page 2's note) and page 1's sentence is joined."""
    from respmine.ingest.assemble import assemble
    from respmine.ingest.source import Source

    page1 = "Intro here.\n\nAs a result, and as one of the\n\n1 NEC can be contacted at dta@example.com"
    page2 = ("world's largest AI developers, NEC is affected in ways that the text does not foresee at\n\n"
             "2 Source: the annual report of the developers.")
    page3 = "all. That is our view."
    doc = assemble(Source(name="x.pdf", data=b"x"), "pdf", [(page1, "pdfium"), (page2, "pdfium"),
                                                          (page3, "pdfium")], flowing=True)
    assert "as one of the world's largest AI developers" in doc.text
    assert doc.text.index("does not foresee at") < doc.text.index("2 Source:") < doc.text.index("all. That")
    assert [len(doc.text[p.start:p.end]) for p in doc.pages] == [len(page1), len(page2), len(page3)]
