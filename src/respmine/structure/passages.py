"""Paragraphs as a reader quotes them: a list with the sentence that introduces it, a numbered section's
heading with the paragraph under it.

Position papers set their points out as lists and numbered sections. Read paragraph by paragraph, a
list's items lost their lead-in ("We ask the Commission to:" / "• drop Article 5(1)(d);"): each item was
coded, matched to a question and quoted on its own, without the words that say what it is for, and a
numbered heading ("4. Transparency") became a passage of two words. On the 39 AI-Act submissions 880 of
4,001 passages started with a list mark and 209 had five words or fewer (now 559 of 3,596, and 130).

A numbered heading, or a short question on a line of its own ("Why do we need it?"), is kept with the
paragraph under it; an unnumbered heading ("Transparency") stays letter furniture, as before. A list is
of bullets, or of letters and numerals, never of numbered points ("1. We agree ..." may answer question 1)
and stops at GROUP_MAX_CHARS (a long list is quoted in parts). Only paragraphs with nothing but white
space between are joined (never across a form's answer), never into a sign-off, a footnote or a
paragraph in `apart` (what only describes the respondent).
"""

from __future__ import annotations

import re

from respmine.page_breaks import QUESTION_HEADING
from respmine.structure.blocks import Block
from respmine.structure.furniture import closes_letter, has_sentence, is_furniture, is_heading, text_words
from respmine.structure.notes import is_reference_note

GROUP_MAX_CHARS = 1200  # about what the embedding model reads of a passage (256 word pieces)
QUESTION_HEADING_MAX_WORDS = 10  # "Why do we need it?" heads a section; a longer question is asked
LEAD_IN_MIN_WORDS = 3  # "We recommend:" is a lead-in; a label ("Email:") is not
# "4.", "4.2", "4.2.", "b)", "(iii)", "II.": a section's number or letter ("4 Transparency" may be a
# footnote, "A. Smith" or "V. Patel" a name)
_SECTION_MARK = re.compile(
    r"\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|\(?(?:[a-z]|[ivx]{1,4}|I|[IVX]{2,4})[.)])\s+(?=\S)")
# A list's item: a bullet, or a letter or roman numeral; numbered points ("1. We agree ...") are left
# apart, as they may answer numbered questions one by one
_ITEM = re.compile(r"\s*(?:(?P<bullet>[•▪●○◦■□‣∙·\-–*])|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")


def passages(text: str, found: list[Block], apart: frozenset[int] = frozenset()) -> list[Block]:
    """`found` (a document's paragraphs in text order) with each list joined to its lead-in and each
    numbered heading to the passage under it; a paragraph whose start is in `apart` stays alone."""
    return _headed(text, _listed(text, found, apart), apart)


def _listed(text: str, found: list[Block], apart: frozenset[int]) -> list[Block]:
    """A lead-in ending in a colon, with the list items after it, all marked alike (bullets, or letters and
    numerals), up to the size limit."""
    out: list[Block] = []
    open_list = False  # the last block out is a lead-in, with the items joined so far
    marked: bool | None = None  # whether the list's items are bullets (None: no item yet)
    for b in found:
        prev = out[-1] if out else None
        item = _ITEM.match(b.text)
        if (open_list and prev is not None and item is not None and b.start not in apart
                and marked in (None, item.group("bullet") is not None) and _adjacent(text, prev, b)
                and b.end - prev.start <= GROUP_MAX_CHARS and not is_reference_note(b.text)):
            out[-1] = _joined(text, prev, b)
            marked = item.group("bullet") is not None
            continue
        open_list, marked = _is_lead_in(b.text) and b.start not in apart, None
        out.append(b)
    return out


def _headed(text: str, found: list[Block], apart: frozenset[int]) -> list[Block]:
    """A numbered section heading joined to the passage that follows it; not the last line of a list of
    short numbered points ("1. Data" / "2. Privacy" / a paragraph)."""
    out: list[Block] = []
    for i, b in enumerate(found):
        prev = out[-1] if out else None
        if (prev is not None and i and _heads_section(found[i - 1].text) and has_sentence(b.text)
                and not is_reference_note(b.text)  # "VI. Endnotes" heads notes, kept apart
                and not closes_letter(b.text) and not is_furniture(b.text)  # "5. Conclusion" / "Thank you"
                and not (i >= 2 and _heads_section(found[i - 2].text))
                and not apart & {prev.start, b.start} and _adjacent(text, prev, b)):
            out[-1] = _joined(text, prev, b)
        else:
            out.append(b)
    return out


def _is_lead_in(paragraph: str) -> bool:
    stripped = paragraph.rstrip()
    return stripped.endswith(":") and len(text_words(stripped)) >= LEAD_IN_MIN_WORDS and not closes_letter(
        stripped)


def _heads_section(paragraph: str) -> bool:
    """"4. Transparency", "iii. Conformity assessment", "b) Transparency": a heading under a number or
    letter; or a short question on a line of its own ("Why do we need it?"); not a consultation
    question's heading (segmentation reads those) nor a footnote."""
    if QUESTION_HEADING.match(paragraph) or is_reference_note(paragraph):
        return False
    line = paragraph.strip()
    if line.endswith("?"):
        return "\n" not in line and len(text_words(line)) <= QUESTION_HEADING_MAX_WORDS
    mark = _SECTION_MARK.match(paragraph)
    return mark is not None and is_heading(paragraph[mark.end():])  # "b) Enforcement" (the mark is no word)


def _adjacent(text: str, first: Block, second: Block) -> bool:
    """Nothing but white space between: never across a form's answer or a line left out between them."""
    return not text[first.end : second.start].strip()


def _joined(text: str, first: Block, second: Block) -> Block:
    return Block(first.start, second.end, text[first.start : second.end])
