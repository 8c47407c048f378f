"""Turn raw page text (lines as laid out) into clean prose: no running headers, footers or page numbers,
hyphenated line breaks joined, lines joined into paragraphs (blank line between paragraphs).

Pure functions over strings so any reader with page-shaped text (PDF, OCR) shares one implementation.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from respmine.page_breaks import LIST_POINT

_LIGATURES = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": "", "\ufeff": "",
})
_CONTROL = re.compile(r"[\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_PAGE_NUMBER = re.compile(  # (each optional part owns its spaces: no runs of \s* to backtrack over)
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.|seite|pagina|página)\s*)?\d{1,4}(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?"
    r"(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]]\s*$")
_HYPHENS = ("-", "\u00ad", "\x02", "\u2010")
_EDGE_LINES = 3
_QUESTION_KEY = re.compile(r"^(?:question|q)\s*\.?\s*#")  # "Question 3" as `normalise_line` keys it
_SIDE_PAGES = 4  # alternating headers are looked for from this many pages on each side


def normalise_line(line: str) -> str:
    """Key for comparing lines across pages: page numbers and dates vary, the rest of a header does not."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def split_lines(raw: str) -> list[str]:
    # PDFium marks a soft hyphen at a line break as U+FFFE (sometimes followed by the line break).
    text = re.sub(r"\ufffe(\r\n|\r|\n)?", "", raw)
    text = _CONTROL.sub("", text.translate(_LIGATURES))
    return [line.rstrip() for line in re.split(r"\r\n|\r|\n", text)]


def find_running_lines(pages: list[list[str]]) -> set[str]:
    """Normalised lines that recur in the top or bottom lines of most pages, or of most left-hand or most
    right-hand pages (a book-style header alternates: "4 l 27 Title" on even pages, "Title" on odd ones):
    running headers/footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    by_side: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for number, lines in enumerate(pages):
        content = [ln for ln in lines if ln.strip()]
        keys = {normalise_line(ln) for ln in content[:_EDGE_LINES] + content[-_EDGE_LINES:]}
        counts.update(keys)
        by_side[number % 2].update(keys)
    needed = max(2, int(0.5 * len(pages) + 0.5))
    found = {key for key, n in counts.items() if n >= needed}
    if len(pages) >= 2 * _SIDE_PAGES:  # enough pages on each side to tell a header from a coincidence
        for side, counted in enumerate(by_side):
            side_needed = max(_SIDE_PAGES, int(0.8 * len(pages[side::2]) + 0.5))
            found |= {key for key, n in counted.items() if n >= side_needed and len(key.split()) >= 2}
    # "Question 3" heads a form's page as a header would, and "Yes" ends many answers: both are content
    return {key for key in found if len(key) > 1 and not _QUESTION_KEY.match(key)}


def strip_page_furniture(lines: list[str], running: set[str], page: int | None = None) -> list[str]:
    """Drop running headers/footers and page-number lines: contiguous runs at the top and bottom only.
    `page`: the page's number (from 1); from page 2 on, a header whose line holding "Page N" (this page's
    number) comes under a line of its own (`_header_block`) is dropped with that line; on any page, a last
    line ending "Page N" with this page's number (`_page_footer`)."""
    idx = [i for i, ln in enumerate(lines) if ln.strip()]

    def furniture(i: int) -> bool:
        return normalise_line(lines[i]) in running or bool(_PAGE_NUMBER.match(lines[i]))

    head = _header_block([lines[i] for i in idx[:_EDGE_LINES]], page)
    drop: set[int] = set(idx[:head])
    if idx and _page_footer(lines[idx[-1]], page):
        drop.add(idx[-1])
    for edge in (idx[head:_EDGE_LINES], idx[::-1][:_EDGE_LINES]):
        for i in edge:
            if not furniture(i):
                break
            drop.add(i)
    return [ln for i, ln in enumerate(lines) if i not in drop]


_PAGE_MARK = re.compile(r"(?<![\w-])page\s+(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*$",  # "... Page 2"
                        re.IGNORECASE)
# "... set out in the table on page 2", a wrapped line of prose that ends at the page's own number
_PROSE_BEFORE = re.compile(r"(?<![A-Za-z])(?:on|in|at|see|from|of|to|and|or|the|this|that|our|your|its|their"
                           r"|with|under|per|by|for|overleaf)\s*$")
_HEADER_WORDS = 12  # a header line is short ...
_HEADER_CHARS = 160
_HEADER_END = re.compile(r"[.!?;:,]\s*$")  # ... and ends no sentence or clause


def _page_footer(line: str, page: int | None) -> bool:
    """The page's last line is its footer: short, ending "Page N" with this page's number after words that
    end no sentence and are no prose ("Northern Grid Distribution plc | Public Page 1"; on a one-page PDF
    no running line repeats to find it: a trial quoted it as evidence). Not "... see the table on page 1"."""
    if page is None or len(line) > _HEADER_CHARS:
        return False
    mark = _PAGE_MARK.search(line)
    if not mark or int(mark[1]) != page:
        return False
    before = line[: mark.start()].rstrip(" |-–—·•,")
    return (len(before.split()) <= _HEADER_WORDS and not _HEADER_END.search(before)
            and not _PROSE_BEFORE.search(line[: mark.start()]) and bool(before) and before[0].isupper())


def _header_block(top: list[str], page: int | None) -> int:
    """How many of a page's first lines (`top`, its first non-blank ones) are a header that runs only from
    page 2 on ("Raman and Whitcombe - Electronic monitoring consultation" over "University of Harwich Page
    2"), so `find_running_lines` could not see its first line repeat: the lines down to one ending "Page N"
    with this page's number, each short, capitalised and ending no sentence. Never on the first page (its
    letterhead may come before a "Page 1" line), never a heading ("Question 5: ...?") nor a sentence cut
    by the page break. 0 when there is none."""
    if page is None or page < 2:
        return 0
    for at, line in enumerate(top):
        mark = _PAGE_MARK.search(line) if len(line) <= _HEADER_CHARS else None  # (a short line's end only)
        if mark and int(mark[1]) == page and not _PROSE_BEFORE.search(line[: mark.start()]):
            block = top[: at + 1]
            short = all(len(ln.split()) <= _HEADER_WORDS and not _HEADER_END.search(ln) for ln in block)
            led = all(ln.strip()[0].isupper() or ln.strip()[0].isdigit() for ln in block[:-1])
            plain = not any(_QUESTION_KEY.match(normalise_line(ln)) for ln in block)
            return len(block) if at and short and led and plain else 0
    return 0


def join_paragraphs(lines: list[str], typical_width: int, hyphenated_words: set[str]) -> str:
    """Join layout lines into paragraphs; a blank line separates paragraphs in the result."""
    paragraphs: list[str] = []
    current: list[str] = []  # the paragraph's pieces, joined by spaces once it ends (not line by line)
    prev = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
            current, prev = [], ""
            continue
        if current and _starts_new_paragraph(prev, stripped, typical_width):
            paragraphs.append(" ".join(current))
            current = []
        if current and current[-1].endswith(_HYPHENS) and stripped[:1].islower():
            current[-1] = _join_hyphen(current[-1], stripped, hyphenated_words)  # (the last word is in it)
        else:
            current.append(stripped)
        prev = stripped
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _join_hyphen(current: str, nxt: str, hyphenated_words: set[str]) -> str:
    """Join 'regu-' + 'lation'; keep the hyphen when the document elsewhere writes the word hyphenated."""
    head = current[:-1]
    first = nxt.split(" ", 1)[0]
    last = head.rsplit(" ", 1)[-1]
    if current.endswith("-") and f"{last}-{first}".lower().strip(".,;:") in hyphenated_words:
        return f"{head}-{nxt}"
    return f"{head}{nxt}"


def _starts_new_paragraph(prev: str, line: str, typical_width: int) -> bool:
    if LIST_POINT.match(line):
        return True
    short = len(prev) < 0.8 * typical_width
    if short and _SENTENCE_END.search(prev):
        return True
    # A short line without end punctuation followed by a capitalised line: a heading.
    return len(prev) < 0.6 * typical_width and line[:1].isupper() and not prev.endswith((",", "-"))


def typical_width(pages: list[list[str]]) -> int:
    """The length of a full line of body text (80th percentile of line lengths)."""
    lengths = sorted(len(ln.strip()) for lines in pages for ln in lines if ln.strip())
    if not lengths:
        return 80
    return max(20, lengths[int(0.8 * (len(lengths) - 1))])


def hyphenated_vocabulary(pages: list[list[str]]) -> set[str]:
    """Words the document writes with a hyphen inside a line (e.g. 'well-known'), to keep them so."""
    words: set[str] = set()
    for lines in pages:
        for ln in lines:
            words.update(w.lower() for w in re.findall(r"(?<!\w)\w+-\w+", ln))
    return words


class Cleaned(NamedTuple):
    pages: list[str]  # each page's text, running lines and page furniture gone, paragraphs joined
    head: list[str]  # the running lines atop the first page, which `pages` lost (`clean_document`)


def clean_document(raw_pages: list[str]) -> Cleaned:
    """Clean every page of one document together (running headers are found across pages). The running
    lines at the top of the first page are dropped with the rest, but kept aside: a letterhead whose body's
    name heads every later page too ("Clearway Sight Loss Charity") is lost from the text, and who a
    response is from is read from them (`structure.respondents`)."""
    pages = [split_lines(raw) for raw in raw_pages]
    running = find_running_lines(pages)
    top = [ln.strip() for ln in pages[0] if ln.strip()][:_EDGE_LINES] if pages and running else []
    head = [ln for ln in top if normalise_line(ln) in running and not _PAGE_NUMBER.match(ln)]
    pages = [strip_page_furniture(lines, running, number) for number, lines in enumerate(pages, 1)]
    width = typical_width(pages)
    vocabulary = hyphenated_vocabulary(pages)
    pages = [[_inline_soft_hyphens(ln, vocabulary) for ln in lines] for lines in pages]
    return Cleaned([_SOFT_LEFT.sub("-", join_paragraphs(lines, width, vocabulary)) for lines in pages], head)


def clean_pages(raw_pages: list[str]) -> list[str]:
    """The cleaned pages' text (`clean_document`)."""
    return clean_document(raw_pages).pages


_SOFT_INLINE = re.compile(r"(?<!\w)(\w+)\x02(\w+)")  # from a word's start only: not retried at each letter
_SOFT_LEFT = re.compile("\x02 ?")  # a break hyphen before a capital ("e-" / "Court"): the hyphen stays


def _inline_soft_hyphens(line: str, hyphenated_words: set[str]) -> str:
    """PDFium's marker of a hyphen that broke a word across lines (U+0002), met inside a line when the
    text of a region comes without its line breaks ("opac\x02ity"): joined as at a line's end, the hyphen
    kept where the document writes the word with one ("for-profit") or a capital follows ("e-Court")."""
    def join(m: re.Match[str]) -> str:
        head, tail = m.group(1), m.group(2)
        keep = (tail[:1].isupper() and not head.isupper()) or f"{head}-{tail}".lower() in hyphenated_words
        return f"{head}-{tail}" if keep else head + tail

    return _SOFT_INLINE.sub(join, line) if "\x02" in line else line
