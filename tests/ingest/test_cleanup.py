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


def test_cleanup_removes_a_deep_running_header_but_not_lines_repeating_on_a_few_pages() -> None:
    """A real submission's 8-line letterhead (organisation, register ID, address, e-mail, "3 of 9") kept all
    but its top 3 lines on every page, and "3 of 9" broke the sentence running on to the next page. A line
    repeating right under the header on only 2 of 8 pages is content (a heading here), and stays."""
    header = ["Women in Data Austria", "Transparency Register ID:", "815698241750-24", "Reschgasse 2/5",
              "AT-1220 Vienna", "office@womenindata.example"]
    topics = ["schools", "hospitals", "banks", "courts", "employers", "insurers", "landlords", "police"]
    pages = []
    for n, topic in enumerate(topics, 1):
        body = ["Recommendations"] if n in (3, 6) else []
        body += [f"The use of these systems by {topic} should protect the rights of every person it",
                 f"affects, and rules for {topic} should be read together with the existing rules on",
                 f"data protection and consumer rights that already apply to {topic} across the union"]
        pages.append("\n".join([*header, f"{n} of 8", *body]))
    texts = clean_pages(pages)
    assert not any(line in text for text in texts for line in header)
    assert [n for n, text in enumerate(texts, 1) if text.startswith("Recommendations")] == [3, 6]
    assert all(text.startswith(("The use of", "Recommendations")) for text in texts)  # "3 of 8" too is gone
