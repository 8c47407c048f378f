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


def test_cleanup_page_number_pattern_is_linear_on_long_runs_of_spaces() -> None:
    """"1", 2,000 spaces and a letter took 18 s when three optional parts shared their spaces."""
    import time

    from respmine.ingest.cleanup import _PAGE_NUMBER

    started = time.perf_counter()
    assert _PAGE_NUMBER.match("1" + " " * 2000 + "x") is None
    assert _PAGE_NUMBER.match("  - Page 3 of 12 -  ") and _PAGE_NUMBER.match("Seite 4/9")
    assert time.perf_counter() - started < 0.5
