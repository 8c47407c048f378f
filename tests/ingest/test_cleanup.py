"""PDF text cleanup: the marks PDFium leaves in text never reach a reader."""

from __future__ import annotations

from respmine.ingest.cleanup import clean_pages


def test_cleanup_joins_soft_hyphens_met_inside_a_line() -> None:
    """PDFium writes U+0002 for a hyphen that broke a word across lines; text read region by region comes
    without the line break, so the mark sat inside lines ("opac\\x02ity": 522 of them in one real
    submission) and reached the coded responses."""
    page = ("The opac\x02ity of the ap\x02plication is a for\x02profit problem, as the for-profit sector "
            "and the e\x02Court know.")
    [text] = clean_pages([page])
    assert "\x02" not in text
    assert "opacity" in text and "application" in text
    assert "for-profit problem" in text  # the document writes it with a hyphen elsewhere
    assert "e-Court" in text  # a capital after the break: a hyphenated name


def test_cleanup_leaves_no_soft_hyphen_at_a_paragraphs_end() -> None:
    [text] = clean_pages(["Services run by the private\x02\n\nSector are different."])
    assert "\x02" not in text and "private-" in text
