"""Where a paragraph break is a page break inside a sentence: the one rule by which extraction joins PDF
pages and scanned frames, segmentation joins paragraphs, and sentence splitting keeps a sentence whole
in text stored before extraction joined it.

A page break cuts a sentence ("... we favour regional commissioning, with a requirement that providers
show" / "how they will meet local needs."); left as a paragraph break, the halves are quoted, coded and
segmented apart. Headings, labels, footnotes and list points are never joined.
"""

from __future__ import annotations

import re

CONTINUED_WORDS = 8  # a paragraph this long (not a heading or label) may be cut mid-sentence
# A list point: a bullet, "1." / "(2)", "a)" / "b.", "ii." (also what PDF cleanup starts a paragraph at)
LIST_POINT = re.compile(r"^\s*(?:[•▪●○◦■□‣∙·\-–*]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")
# "Question 3", "Q3:", Welsh "Cwestiwn 3": a question's heading (segmentation reads the number)
# a question's number: "4", or a sub-question's "4a", "4(a)", "4 (a)", "4.1" (`question_number`: one way)
_NUMBER = r"\d{1,2}(?:[a-h](?![^\W\d_])|[ \t]?\([a-h]\)|\.\d{1,2}(?![\d.]))?(?![^\W_])"
_MORE = rf"(?:[ \t]*(?:and|&|,|to|-|–)[ \t]*{_NUMBER})+"  # "... and 4b", ", 5 and 6"
QUESTION_HEADING = re.compile(  # "Question 4", "Q4a:", "Cwestiwn 1"; "Questions 4a and 4b" (the first named)
    rf"^\s*(?:(?:question|cwestiwn|q)\s*\.?\s*({_NUMBER})"
    rf"|questions[ \t]+({_NUMBER}){_MORE}(?=[ \t]*(?:[:.\-–—]|$)))"
    r"\s*[:.)\-–—]?\s*", re.IGNORECASE | re.MULTILINE)
_RUNS_ON = re.compile(r"[\w,–—]\Z")  # no full stop, colon or hyphen: the sentence goes on
FOOTNOTE = re.compile(r"\A(?:\[?\d{1,3}\]?\s+\S|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*)")  # "1 Ministry of ...", "¹ ...", "* ..."
_O_BULLET = re.compile(r"\Ao\s")  # a bullet font's "o"
PARAGRAPH_BREAK = re.compile(r"(\n[^\S\n]*\n\s*)")  # (captured: a split keeps it)
_STARTS_LOWER = re.compile(r"\A[“\"‘'(]?[^\W\d_]")


def question_number(value: object) -> str:
    """A question's number as headings and the consultation file write it, one way: "4", "4a" ("4(a)",
    "4 (a)", "4A"), "4.1"."""
    return re.sub(r"[\s()]", "", str(value)).lower()


def heading_number(m: re.Match[str]) -> str:
    """The number a `QUESTION_HEADING` match names (the first of "Questions 4a and 4b")."""
    return question_number(m.group(1) or m.group(2))


def heading_numbers(m: re.Match[str]) -> list[str]:
    """Every number a `QUESTION_HEADING` match names ("Questions 4a and 4b": 4a and 4b; "Question 4": 4)."""
    if not m.group(2):
        return [heading_number(m)]
    return list(dict.fromkeys(question_number(n) for n in re.findall(_NUMBER, m.group(0))))


def runs_on(paragraph: str, following: str) -> bool:
    """Whether the paragraph break between these cuts one sentence: `paragraph` is prose of
    CONTINUED_WORDS words or more (not a question heading or a footnote) ending without closing
    punctuation, and `following` starts in lower case (after an opening quote or bracket), not as a list
    point ("b) ...", "ii. ...", "o ...")."""
    following = following.lstrip()
    start = _STARTS_LOWER.match(following)
    if start is None or not start.group()[-1].islower() or LIST_POINT.match(following):
        return False  # (checked first: most paragraph breaks end here, before the paragraph is read)
    paragraph = paragraph.strip()
    return (not _O_BULLET.match(following) and _RUNS_ON.search(paragraph) is not None
            and len(paragraph.split()) >= CONTINUED_WORDS and not FOOTNOTE.match(paragraph)
            and not QUESTION_HEADING.match(paragraph))


def last_paragraph(text: str) -> str:
    """The last paragraph of `text` (after its last blank line, however the line is written)."""
    return PARAGRAPH_BREAK.split(text.rstrip())[-1]
