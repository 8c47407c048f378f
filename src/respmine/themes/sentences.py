"""Sentence spans: the unit of evidence. Every code points at the sentence that justifies it.

A regular-expression splitter rather than a spaCy pipeline: it runs on every segment of every run, it
must be fast, and consultation prose (full stops, question marks, bullet lines) splits cleanly on
punctuation followed by a capital, a digit, a quote or a new line.
"""

from __future__ import annotations

import re

from respmine.page_breaks import runs_on

_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9•\-–])|\n\s*\n|\n(?=\s*[•\-–*]\s)")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|Prof|St|No|cf|vs|para)\.$", re.IGNORECASE)
MAX_SENTENCE = 600  # characters; longer runs (lists without stops) are cut at the next space
# Inside a sentence, the points of a list: "cost, privacy and glitches (e.g. VPNs)"
_JOIN = r"(?:and|also|plus|as well as)\s+"
_CLAUSE = re.compile(rf"\s*[;,]\s+(?:{_JOIN})?|\s+{_JOIN}|\s*[()]\s*")
CLAUSE_WORDS = 40  # texts up to this long are also split into clauses: short answers list their points


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; empty text gives no spans."""
    spans: list[tuple[int, int]] = []
    start = paragraph = 0
    for m in _BOUNDARY.finditer(text):
        blank = m.group().count("\n") >= 2  # a blank line: a new paragraph, whatever stands before it
        if not blank and _ABBREVIATIONS.search(text[max(start, m.start() - 6) : m.start()]):
            continue
        if blank:  # ... unless a page break cut a sentence
            cut, paragraph = paragraph, m.end()
            if runs_on(text[cut : m.start()], text[m.end() : m.end() + 60]):
                continue  # (in text stored before extraction joined page breaks)
        spans.extend(_trimmed(text, start, m.start()))
        start = m.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return []
    out = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut + 1
    out.append((start, end))
    return out


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Each sentence, then (for a short text) the clauses inside it, in order, without repeats.

    A short answer often lists several points in one sentence ("Privacy and system adequacy."): each
    clause can then be matched to its own theme. Long texts make their points a sentence at a time, and
    splitting them would multiply the work for little gain.
    """
    sentences = sentence_spans(text)
    if len(text.split()) > CLAUSE_WORDS:
        return sentences
    out = list(sentences)
    for a, b in sentences:
        start = a
        for m in _CLAUSE.finditer(text, a, b):
            out.extend(_trimmed(text, start, m.start()))
            start = m.end()
        out.extend(_trimmed(text, start, b))
    return [(a, b) for a, b in dict.fromkeys(out) if any(c.isalnum() for c in text[a:b])]
