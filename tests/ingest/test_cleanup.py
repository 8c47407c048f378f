"""PDF text cleanup: the marks PDFium leaves in text never reach a reader."""

from __future__ import annotations

import re
import time

from respmine.ingest.cleanup import (
    _HYPHENS,
    _inline_soft_hyphens,
    _join_hyphen,
    _starts_new_paragraph,
    clean_pages,
    join_paragraphs,
)


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


_OLD_SOFT_INLINE = re.compile(r"(\w+)\x02(\w+)")


def _old_join(m: re.Match[str], hyphenated_words: set[str]) -> str:
    head, tail = m.group(1), m.group(2)
    keep = (tail[:1].isupper() and not head.isupper()) or f"{head}-{tail}".lower() in hyphenated_words
    return f"{head}-{tail}" if keep else head + tail


def _old_join_paragraphs(lines: list[str], typical_width: int, hyphenated_words: set[str]) -> str:
    paragraphs: list[str] = []
    current, prev = "", ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current, prev = "", ""
            continue
        if current and _starts_new_paragraph(prev, stripped, typical_width):
            paragraphs.append(current)
            current = ""
        if not current:
            current = stripped
        elif current.endswith(_HYPHENS) and stripped[:1].islower():
            current = _join_hyphen(current, stripped, hyphenated_words)
        else:
            current = f"{current} {stripped}"
        prev = stripped
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def test_soft_hyphens_and_paragraphs_join_as_before_in_linear_time() -> None:
    """A long word before a soft hyphen (the pattern was retried at each of its letters: 50 K, 30 s) and a
    long paragraph (rebuilt line by line: 40,000 lines took seconds)."""
    words = {"for-profit", "well-known"}
    for line in ["opac\x02ity of the for\x02profit e\x02Court", "ab\x02cd\x02ef \x02x y\x02 \x02", "no mark"]:
        old = _OLD_SOFT_INLINE.sub(lambda m: _old_join(m, words), line)
        assert _inline_soft_hyphens(line, words) == old
    started = time.perf_counter()
    assert _inline_soft_hyphens("a" * 50000 + " x\x02y", set()) == "a" * 50000 + " xy"
    assert time.perf_counter() - started < 1.0
    page = ["The regu-", "lation of well-", "known systems is a", "for-", "profit matter, as", "", "Heading",
            "A new paragraph starts here and runs on to the end of the line", "and ends here.", "- a point",
            "Short.", "Next line after a short one", "e-", "Court"]
    for width in (20, 40, 80):
        assert join_paragraphs(page, width, words) == _old_join_paragraphs(page, width, words)
    lines = ["this line of text runs on without any stop and is long enough"] * 40000
    started = time.perf_counter()
    assert join_paragraphs(lines, 62, set()) == " ".join(lines)
    assert time.perf_counter() - started < 1.0


_PAGE_ONE = ("University of Harwich Page 1\nUniversity of Harwich\nCentre for Criminology\nHarwich HW4 7QT\n"
             "This response is submitted by Dr Priya Raman of the Centre for Criminology, who has studied\n"
             "electronic monitoring schemes in England and the Netherlands since 2015.\n")
_BODY_TWO = ("Our interviews with 60 people subject to GPS monitoring found that most experienced the tag\n"
             "as a constant reminder of their offending.\n")


def test_cleanup_drops_a_header_that_runs_only_from_page_two() -> None:
    """A 2-page PDF's header on page 2 only ("Raman and Whitcombe - Electronic monitoring consultation" over
    "University of Harwich Page 2"): its first line is on no other page, so stripping stopped there and
    both lines opened a trial's answer to Q5."""
    head = "Raman and Whitcombe - Electronic monitoring consultation\nUniversity of Harwich Page 2\n"
    first, second = clean_pages([_PAGE_ONE, head + _BODY_TWO])
    assert second.startswith("Our interviews with 60 people"), second
    assert "Page" not in second and "Raman and Whitcombe" not in second
    assert first.startswith("University of Harwich"), first  # (page 1's letterhead stays)


def test_cleanup_keeps_what_only_looks_like_a_header() -> None:
    """A letterhead before "Page 1", a question's heading or a sentence's tail before "Page 2", and a line
    naming another page are kept."""
    letterhead = "Westvale Trust\nPage 1\n" + _BODY_TWO
    assert clean_pages([letterhead, _BODY_TWO])[0].startswith("Westvale Trust")
    for top in ("Question 5: What impact would tagging have?\nHarwich Page 2\n",
                "lives are chaotic and the scheme will fail.\nHarwich Page 2\n",
                "Annual Review\nHarwich Page 7\n"):
        second = clean_pages([_PAGE_ONE, top + _BODY_TWO])[1]
        assert second.startswith(top.split("\n")[0][:20]), (top, second)


def test_cleanup_keeps_prose_whose_wrapped_line_ends_at_the_pages_own_number() -> None:
    """"Annex A" over a wrapped line of prose ending "... in the table on page 2" on page 2 read as a header
    over its "Page N" line: both were dropped and the paragraph began "below, which ..."."""
    for top in ("Annex A\nOur figures are set out in the table on page 2\n",
                "Costs\nWe explain the costs, as shown on page 2\n"):
        second = clean_pages([_PAGE_ONE, top + "below, which we have checked with members.\n" + _BODY_TWO])[1]
        assert second.startswith(top.split("\n")[0]) and "page 2 below" in second, (top, second)


def test_cleanup_a_last_line_ending_in_this_pages_number_is_a_footer() -> None:
    """(Trial 30a.) On a one-page PDF no running line repeats: "Northern Grid Distribution plc | Public
    Page 1" was read as text and quoted. A prose line ending at a page's number stays."""
    from respmine.ingest.cleanup import strip_page_furniture

    body = ["We oppose Option A.", "Northern Grid Distribution plc | Public Page 1"]
    assert strip_page_furniture(body, set(), 1) == ["We oppose Option A."]
    assert strip_page_furniture(body, set(), 2) == body  # (not this page's number)
    prose = ["We oppose Option A.", "The figures are set out in the table on page 1"]
    assert strip_page_furniture(prose, set(), 1) == prose
