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
