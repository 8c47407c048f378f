"""A submission's text as paragraphs (`Block`s with their character spans): what segmentation files
under questions, one at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from respmine.page_breaks import QUESTION_HEADING, runs_on

NUMBERED = re.compile(  # "3. ", "3) ", "3." alone, a sub-question's "4a. ": an answer or list item
    r"^\s*(\d{1,2}(?:[a-h]|\([a-h]\))?)\s*[.)](?:\s+|\s*$)")


@dataclass(frozen=True)
class Block:
    """A paragraph of the document text with its character span."""

    start: int
    end: int
    text: str


def blocks(text: str) -> list[Block]:
    """Paragraphs: split on blank lines; inside a chunk, split on every line break when lines are whole
    paragraphs (Word, ODT: long lines), else (hard-wrapped text) only before heading or numbered lines.
    """
    out: list[Block] = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.DOTALL):
        lines = match.group(0).split("\n")
        one_per_line = max(len(line) for line in lines) > 100
        offset = current = match.start()
        for i, line in enumerate(lines):
            starts_new = i > 0 and (
                one_per_line
                or QUESTION_HEADING.match(line)
                or (NUMBERED.match(line) and lines[i - 1].rstrip().endswith((".", "?", "!", ":")))
            )
            if starts_new:
                out.append(Block(current, offset - 1, text[current : offset - 1]))
                current = offset
            offset += len(line) + 1
        out.append(Block(current, match.end(), text[current : match.end()]))
    return [part for b in _rejoined(text, [b for b in out if b.text.strip()]) for part in _labelled(b)]


# "Q2: make it possible to bid ..." after a sentence's end, inside a paragraph: an answer's label
_INLINE_LABEL = re.compile(r"(?<=[.!?;])[ \t]+(?=(?:Q|Question)[ \t]?(\d{1,2})[ \t]*[:.)–-][ \t]+(\S))")


def _labelled(block: Block) -> list[Block]:
    """A paragraph answering several questions inline ("... one paid worker. Q1: no idea, honestly. Q2:
    make it possible to bid ... Q3: No. Q4: ..."), split before each label, where two or more follow in
    increasing order (a new user's one-paragraph response was filed whole under one question); not a
    quarter's figures, every label followed by a number ("Q1: 40 referrals. Q2: 55 referrals.")."""
    found = list(_INLINE_LABEL.finditer(block.text))
    marks = [(m.end(), int(m.group(1))) for m in found]
    if (len(marks) < 2 or [n for _, n in marks] != sorted({n for _, n in marks})
            or all(m.group(2) in "0123456789£$€" for m in found)):
        return [block]
    cuts = [0, *(at for at, _ in marks), len(block.text)]
    return [Block(block.start + a, block.start + a + len(block.text[a:b].rstrip()), block.text[a:b].rstrip())
            for a, b in pairwise(cuts) if block.text[a:b].strip()]


def _rejoined(text: str, found: list[Block]) -> list[Block]:
    """A paragraph cut mid-sentence by a blank line (a page break in a PDF, a scan: "In preparing this
    response we" / "held seven workshops ...") is joined back: the first runs on without closing
    punctuation, the next starts in lower case. Short lines (headings, labels) are never joined. Rare in
    real letters (10 of 16,384 paragraphs of the AI-act submissions' reference texts), every one a true
    break; left apart, the tail became a segment of its own, or escaped the sign-off it belongs to."""
    out: list[Block] = []
    for b in found:
        prev = out[-1] if out else None
        if (prev is not None and runs_on(prev.text, b.text)
                and text.count("\n", prev.end, b.start) >= 2):  # a blank line between, not a line break
            out[-1] = Block(prev.start, b.end, text[prev.start : b.end])
        else:
            out.append(b)
    return out
