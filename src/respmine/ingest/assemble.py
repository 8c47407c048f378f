"""Build a `Document` from extracted parts, computing the character span of each page or part."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from respmine.ingest.source import Source
from respmine.records import Answer, Document, Page, Quarantined

PART_SEPARATOR = "\n\n"


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
) -> Document:
    """Join `(text, method)` parts (pages, in order) into one text with a `Page` span per part.

    The document-level method is the distinct page methods joined by '+', e.g. 'pdfium+ocr-tesseract'.
    """
    texts: list[str] = []
    pages: list[Page] = []
    offset = 0
    methods: list[str] = []
    for number, (text, method) in enumerate(parts, start=1):
        if texts:
            offset += len(PART_SEPARATOR)
        pages.append(Page(number=number, start=offset, end=offset + len(text), method=method))
        texts.append(text)
        offset += len(text)
        if method not in methods:
            methods.append(method)
    return Document(
        source=src.name,
        sha256=sha256 or src.sha256,
        format=fmt,
        method="+".join(methods) or "none",
        text=PART_SEPARATOR.join(texts),
        pages=tuple(pages),
        metadata=dict(metadata or {}),
        received=received,
        received_from=received_from,
        answers=tuple(answers),
        comments=tuple(comments),
        children=tuple(children),
        warnings=tuple(warnings),
    )
