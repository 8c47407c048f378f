"""Build a `Document` from extracted parts, computing the character span of each page or part."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime

from respmine.ingest.source import Source
from respmine.page_breaks import FOOTNOTE, PARAGRAPH_BREAK, last_paragraph, runs_on
from respmine.records import Answer, Document, Page, Quarantined

PART_SEPARATOR = "\n\n"
_CUT = re.compile(r"(?:,|\b(?:and|or|the|a|an|of|to|for|in|with|that|which|by|on|at|from|as|is|are))\s*\Z")


def assemble(
    src: Source,
    fmt: str,
    parts: Iterable[tuple[str, str]],
    *,
    metadata: Mapping[str, str] | None = None,
    received: datetime | None = None,
    received_from: str | None = None,
    answers: Iterable[Answer] = (),
    comments: Iterable[str] = (),
    children: Iterable[Document | Quarantined] = (),
    warnings: Iterable[str] = (),
    sha256: str | None = None,
    flowing: bool = False,
) -> Document:
    """Join `(text, method)` parts (pages, in order) into one text with a `Page` span per part.

    `flowing`: the parts are consecutive pages of one text (a PDF, a scan), so a sentence a page break cut
    is joined back (`page_separator`). The document-level method is the distinct page methods joined by
    '+', e.g. 'pdfium+ocr-tesseract'.
    """
    chunks: list[str] = []
    pages: list[Page] = []
    offset = 0
    methods: list[str] = []
    previous: str | None = None
    parts = list(parts)
    if flowing:  # from the last page back: each page is read against the next as it will be joined
        for i in range(len(parts) - 2, -1, -1):
            parts[i] = (footnotes_first(parts[i][0], parts[i + 1][0]), parts[i][1])
    for number, (text, method) in enumerate(parts, start=1):
        if previous is not None:
            separator = page_separator(previous, text) if flowing else PART_SEPARATOR
            chunks.append(separator)
            offset += len(separator)
        pages.append(Page(number=number, start=offset, end=offset + len(text), method=method))
        chunks.append(text)
        offset += len(text)
        previous = text
        if method not in methods:
            methods.append(method)
    return Document(
        source=src.name,
        sha256=sha256 or src.sha256,
        format=fmt,
        method="+".join(methods) or "none",
        text="".join(chunks),
        pages=tuple(pages),
        metadata=dict(metadata or {}),
        received=received,
        received_from=received_from,
        answers=tuple(answers),
        comments=tuple(comments),
        children=tuple(children),
        warnings=tuple(warnings),
    )


def page_separator(page: str, next_page: str) -> str:
    """What goes between two consecutive pages: a space where the page break cuts a sentence
    (`page_breaks.runs_on`), keeping its halves one paragraph and one sentence; else a paragraph break."""
    return " " if runs_on(last_paragraph(page), next_page) else PART_SEPARATOR


def footnotes_first(page: str, next_page: str) -> str:
    """The page with its footnotes moved before the paragraph they follow, when that paragraph's sentence
    runs on to the next page ("... as one of the" / "1 NEC can be contacted at ..." / next page: "world's
    largest AI developers"): the page break can then join the sentence, and the notes stay on their page
    (its span and length are unchanged)."""
    text = page.rstrip()
    pieces = PARAGRAPH_BREAK.split(text)  # paragraph, break, paragraph, ...
    paragraphs, breaks = pieces[::2], pieces[1::2]
    notes = 0
    while notes < len(paragraphs) - 1 and FOOTNOTE.match(paragraphs[-1 - notes]):
        notes += 1
    # (a last "note" that stops mid-phrase is a numbered point running on: "2 Funding ... and the")
    if not notes or _CUT.search(paragraphs[-1]) or not runs_on(paragraphs[-1 - notes], next_page):
        return page
    cut = len(paragraphs) - 1 - notes
    if cut == 0 and paragraphs[0][:1].islower():
        return page  # it also finishes the last page's sentence: that join needs it first; one join wins
    order = [*paragraphs[:cut], *paragraphs[cut + 1:], paragraphs[cut]]
    return "".join(p + b for p, b in zip(order, [*breaks, ""], strict=True)) + page[len(text):]
