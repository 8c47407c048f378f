"""Footnotes and references: a paragraph that cites a source (a footnote's citation, a bare link) is
kept with its submission but is no answer to code, cluster or quote.

Long position papers carry hundreds of them: on the 39 AI-Act submissions about one paragraph in twenty
was a footnote's citation ("48 Id. at Art. 9(6).", "57 See [NAME] et al., White Paper ... (2018).", a
URL), and read as content they made whole emerging themes and a third of those themes' quotes. A note is
told by its form, not its subject: a footnote mark at its start (a number, a bracketed number, a
superscript) and the marks of a citation, a link and nothing else, or a link that opens the paragraph
(a footnote's link on a line of its own, with its date of access or the next note run on). The surest
marks (a link, "Id." / "ibid.", "et al.", "available at", a cross-reference "(n 4)") make a note of up to
NOTE_MAX_WORDS words
(several notes run together are long); weaker ones ("see" opening it, a year in brackets, a page or
paragraph reference) of up to CITED_MAX_WORDS; a bare legal reference ("63 Art. 6(1).") of up to
REFERENCE_MAX_WORDS. A paragraph in which the respondent speaks outside brackets and quoted titles ("we",
"our", "should", "must", "support", "oppose", ...) is never a note, whatever it cites: a numbered point
("4 Art. 5 of the draft should be deleted", "2 We refer you to our report at https://..."), a footnote
that argues, or body text run onto a footnote ("1 https://... 2 We also believe that ..."); dropping an
answer from coding costs more than coding a citation.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"\A\s*(?:\[\d{1,3}\]|\d{1,3}(?![\d.,)/:-])|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?=\S)")  # "48 ", "[3] ", "¹"
_LINK = re.compile(r"\b(?:https?://|www\.)\S+|<https?://", re.IGNORECASE)
_SURE = re.compile(  # "Id. at Art. 9", "Ibid.", "Ebd. p.103", "et al.", "Available at:", "(n 4)"
    r"\b(?:id|ibid|ebd|op\.\s?cit|loc\.\s?cit)\.(?!\w)|\bet\s+al\b"
    r"|\b(?:available at|accessed(?: on)?|retrieved from|retrievable at)\b|\(n\s\d{1,3}\)",
    re.IGNORECASE)
_CITED = re.compile(  # "See ...", "; cf. ...", "(2016)", "p. 12", "pp.3", "paras 61", "vol. 4"
    r"(?:\A|[;(]\s*)(?:see|cf)\b|\(\s*(?:19|20)\d{2}[a-z]?\s*\)|\bpp?\.\s?\d|\bparas?\.?\s\d|\bvol\.\s?\d",
    re.IGNORECASE)
_REFERENCE = re.compile(  # "Art. 6(1)", "Article 71(3)(b)", "Recital (72)", "Title II"
    r"\bArts?\.\s?\d|\bArticles?\s\d+\s?\(|\bRecitals?\s\(?\d|\bTitle\s[IVX]+\b", re.IGNORECASE)
NOTE_MAX_WORDS = 150  # with a sure mark of a citation (a link, "Id.", "et al.")
CITED_MAX_WORDS = 60  # with a weaker one ("see", a year in brackets, a page reference)
REFERENCE_MAX_WORDS = 15  # a legal reference alone
LINK_TAIL_MAX_WORDS = 20  # after a link that opens a paragraph: its date of access, the next note's start
_ACCESS = re.compile(r"\b(?:access(?:ed)?|link as of|retrieved|viewed|consulted)\b", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_VIEW = re.compile(  # the respondent speaking: a point made, not a citation
    r"\b(?:we|our|should|must|support|oppose|agree|disagree|believe|recommend|urge|welcome|propose"
    r"|concerned)\b", re.IGNORECASE)
# a bracket or a quoted title: the source's words, not the respondent's ("’" inside a word is an apostrophe)
_ASIDE = re.compile(r"\([^()]*\)|“[^”“]*”|„[^“”„]*[“”]|‘(?:[^‘’]|’(?=\w))*’|\"[^\"]*\"")


def _link_note(body: str) -> bool:
    """A footnote's link on a line of its own, with its date of access or the next note run on
    ("https://... [Access: 20.07.2021].", "https://... (link as of 6/4/21)", "https://... 13 UN Convention
    ... (2007)"): what follows the link is short and cites; prose after a link ("https://... I signed
    this. I think the plan is wrong.") is the respondent's."""
    link = _LINK.match(body.lstrip("<(["))
    if link is None:
        return False
    tail = body.lstrip("<([")[link.end():]
    cites = (not tail.strip(" <>()[].,;") or _ACCESS.search(tail) or _LINK.search(tail) or _MARK.match(tail)
             or _SURE.search(tail) or _CITED.search(tail))
    return bool(cites) and len(_WORD.findall(tail)) <= LINK_TAIL_MAX_WORDS and not _VIEW.search(
        _ASIDE.sub(" ", _LINK.sub(" ", tail)))


def is_reference_note(text: str) -> bool:
    """The paragraph is a footnote or reference: a link and nothing else, or a footnote mark (or a link
    opening it) followed by the marks of a citation within the words each allows (the module's docstring)."""
    stripped = text.strip()
    mark = _MARK.match(stripped)
    body = stripped[mark.end():] if mark else stripped
    if body and _LINK.fullmatch(body.strip("<>()[].,; ")):  # a bare link, numbered or not
        return True
    if mark is None:
        return _link_note(body)
    if _VIEW.search(_ASIDE.sub(" ", _LINK.sub(" ", body))):  # "4 Art. 5 should be deleted", "2 We refer ..."
        return False
    words = len(_WORD.findall(body))
    return ((words <= NOTE_MAX_WORDS and (_LINK.search(body) is not None or _SURE.search(body) is not None))
            or (words <= CITED_MAX_WORDS and _CITED.search(body) is not None)
            or (words <= REFERENCE_MAX_WORDS and _REFERENCE.search(body) is not None))


FOOTNOTE_MAX_WORDS = 60  # a numbered footnote's words, its mark found in the body (`is_footnote`)
_NOTE_START = re.compile(r"\A\s*(\d{1,2})\s+(?=[A-Z])")  # "3 Assumes suppliers hedge ..."
HEADING_MAX_WORDS = 8  # a numbered section heading's words after its number ("6 Closing remarks")
# a numbered section heading: a few words with no full stop, comma, colon, bracket or digit ("6 Closing
# remarks", "4 Next Steps & Timing"), where a footnote names or cites a source ("6 Ofgem, Retail market
# indicators, 2024.")
_SECTION_HEADING = re.compile(
    rf"\A\s*\d{{1,2}}\s+[A-Z][^\s\d,;.:()]*(?:[ \t]+[^\s\d,;.:()]+){{0,{HEADING_MAX_WORDS - 1}}}\s*\Z")
# a footnote's mark set after a word or a year and its punctuation ("12,400 homes,1 we estimate", "in
# 2022.2 The"), not a reference's number ("pp.12", "para.4", "No.3", "Q.2": `_NUMBERED_BY`, one letter),
# nor a number's next digits after a year and a comma ("in 2024,3 million homes": a comma between digits
# is a number's, "2024,3" no mark) unless the year is a date's, after a month ("February 2024,5 which":
# `_DATED`)
_FOOTNOTE_MARK = re.compile(
    r"(?:(?<=[^\W\d_]{2}[,.;:)”’\"])|(?<=(?<!\d)\d{4}[.;:)”’\"])|(?<=(?<!\d)(?:19|20)\d{2},))(\d{1,2})(?=\s|$)")
_DATED = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s(?:19|20)\d{2},\Z",
                    re.IGNORECASE)
_NUMBERED_BY = re.compile(r"\b(?:pp?|paras?|no|nos|vol|fig|figs|ch|chap|art|arts|sec|reg|col|ed|s|r)\W*\Z",
                          re.IGNORECASE)


def footnote_marks(text: str) -> list[re.Match[str]]:
    """The footnote marks in `text` (`_FOOTNOTE_MARK`; group 1 the number): one definition for the notes
    they point to (`is_footnote`) and for quotes, which leave them out (`report.quotes`)."""
    return [m for m in _FOOTNOTE_MARK.finditer(text)
            if not _NUMBERED_BY.search(text, max(0, m.start() - 8), m.start())
            and (text[m.start() - 1] != "," or not text[m.start() - 2].isdigit()
                 or _DATED.search(text, max(0, m.start() - 16), m.start()))]


def footnote_number(text: str) -> int:
    """The number a numbered footnote starts with ("3 Assumes ..." -> 3; 0 for none)."""
    m = _NOTE_START.match(text)
    return int(m[1]) if m else 0


def is_footnote(text: str, document: str) -> bool:
    """A numbered footnote whose mark the document's body carries, set after a word or a year and its
    punctuation ("12,400 homes,1 we estimate", "introduced in 2022.2", "our hedging assumptions,3 a"):
    a footnote that cites no source by the marks `is_reference_note` reads ("3 Assumes suppliers hedge 80%
    of expected demand 12 months ahead.", "2 Northern Grid Distribution, Residual charging and customer
    bills, technical note, 2025."): kept with the submission as a note, neither coded nor quoted. Not a
    paragraph in which the respondent speaks (`_VIEW`), nor one of over FOOTNOTE_MAX_WORDS words, nor a
    numbered point whose number the body only cites as a reference's ("para.4", "Q.2": `footnote_marks`),
    nor a numbered section heading ("6 Closing remarks" after "... setters.6": `_SECTION_HEADING`)."""
    m = _NOTE_START.match(text)
    if (m is None or len(_WORD.findall(text)) > FOOTNOTE_MAX_WORDS or _VIEW.search(_ASIDE.sub(" ", text))
            or _SECTION_HEADING.match(text)):
        return False
    at = document.find(text)
    rest = document if at < 0 else document[:at] + "\n" + document[at + len(text):]
    return any(mark[1] == m[1] for mark in footnote_marks(rest))
