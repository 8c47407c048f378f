"""Petitions: one response that speaks for many people. It counts once, as any response does, but
analysts report how many signed it ("a petition of 312 signatures"), which was said nowhere.

A text is a petition when it calls itself one near its start (a line opening "Petition ...", "This
petition ...", "our petition", not "I support the petition ...": a letter about someone else's) or
opens its statement with "We, the undersigned". Its signatures are the number it states ("signed by
1,243 residents", "312 signatures") or, failing that, the people's names listed after the statement (as
personal data finds them: a run of names with their addresses).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

HEAD_CHARS = 600  # "petition" this near the start calls the text one (later, it may be about one)
MIN_LISTED = 3  # names listed after the statement that make a list of signatories (not a sign-off)

# a petition's title line ("Petition to ...", "PETITION: Save the Ashby bus", "E-petition"), not a line
# about petitions opening with the word ("Petition thresholds should be lower", answering a consultation
# on petitions)
_CALLS_ITSELF = re.compile(
    r"(?im)^[^\w\n]*(?:e-?)?petition\b(?=[^\w\n]*$|\s*[:(\-–—]|\s+(?:to|against|for|from|of|on|by|calling"
    r"|regarding|re|opposing|objecting|in)\b)|\b(?:this|our)\s+(?:e-?)?petition\b")
# "We, the undersigned ...", not a joint letter of bodies ("We, the undersigned organisations, ...")
_UNDERSIGNED = re.compile(
    r"(?i)\bwe,?\s+the\s+undersigned\b(?!\s+(?:\w+\s+)?(?:organi[sz]ations|bodies|charities|groups|companies"
    r"|businesses|firms|councils|authorities|associations|unions|networks|providers|institutions|trusts)\b)")
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)"
_PEOPLE = r"(?:people|residents|signatures|signatories|names|supporters|parents|members(?: of the public)?)"
# "signed by 31 March" is a date, "signed by 3 of our trustees" some of a body
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_STATED = re.compile(
    rf"(?i)\b(?:signed\s+by\s+(?:over\s+|more\s+than\s+|some\s+)?{_NUMBER}\b(?![/.-]\d|\s+(?:of|{_MONTH})\b)"
    rf"|{_NUMBER}\s+(?:signatures|signatories)\b"
    rf"|{_NUMBER}\s+{_PEOPLE}\s+(?:have\s+)?signed\b)")


# the sentence says the petition is here ("Please find attached our petition", "our petition is enclosed")
_HERE = re.compile(r"(?i)\b(?:attached|enclosed|below|herewith|following|accompan\w*|here\s+is|here\s+are)\b")
_SENTENCE = re.compile(r"[^.!?;\n]*")


def _calls_itself(text: str) -> re.Match[str] | None:
    """The first place near the start where the text calls itself a petition. "Our petition" does only when
    the file holds it: its sentence says it is attached or below, or a list of signatories follows ("Our
    petition of 8,400 signatures was handed to the ICB in January" reports one that is elsewhere)."""
    for m in _CALLS_ITSELF.finditer(text, 0, HEAD_CHARS):
        if not re.match(r"(?i)\W*our\b", m.group()):
            return m
        start = max(text.rfind(c, 0, m.start()) for c in ".!?;\n") + 1
        sentence = _SENTENCE.match(text, start)
        line_end = text.find("\n", m.end())
        if (sentence is not None and _HERE.search(sentence.group())) or (
                line_end >= 0 and _list_runs(text, line_end)):
            return m
    return None


def _statement_start(text: str) -> int | None:
    """Where a petition's statement starts ("We, the undersigned", else its title line); None: no petition."""
    head = _calls_itself(text)
    statement = _UNDERSIGNED.search(text)
    if statement is not None:
        return statement.start()
    return head.start() if head is not None else None


def is_petition(text: str) -> bool:
    """Whether `text` is a petition (calls itself one near its start, or "We, the undersigned ...")."""
    return _statement_start(text) is not None


# who signed and where, after "We, the undersigned": "residents of Ashgrove and Eastgate", "tenants in Denton"
_SIGNED_AS = re.compile(
    r"(?i:\s+(?P<who>residents|tenants|parents|carers|patients|members|users|traders|businesses|householders"
    r"|people|pupils|students|staff|workers|neighbours|leaseholders|homeowners|landlords))"
    r"(?i:\s+(?:of|in|at|on|from))\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:(?:\s+(?:and|&|of|on|upon|under|le|the)\s+|\s+|-)[A-Z][\w'’-]*){0,6})")
_TITLE_LINE = re.compile(r"[^\n]{0,160}")
NAME_CHARS = 100  # a petition's name at most (a title that runs on is cut at its last whole word)


def petition_name(text: str) -> str | None:
    """What a petition is called, for the register (no person's name: a petition is many people's): by
    who signed where ("We, the undersigned residents of Ashgrove and Eastgate" -> "Ashgrove and Eastgate
    residents' petition"), else its title line ("PETITION: Licensing now for Ashgrove and Eastgate" ->
    "Petition: Licensing now for Ashgrove and Eastgate"), else "Petition". None: no petition."""
    if _statement_start(text) is None:
        return None
    statement = _UNDERSIGNED.search(text)
    signed = _SIGNED_AS.match(text, statement.end()) if statement is not None else None
    if signed is not None:
        return f"{signed['place']} {signed['who'].lower()}' petition"
    head = _calls_itself(text)
    if head is not None and not re.match(r"(?i)(?:this|our)\b", head.group().strip()):
        line = _TITLE_LINE.match(text, head.start())
        title = " ".join((line.group() if line else "").split()).strip(" .,;:-–—")
        if len(title) > NAME_CHARS:
            title = title[:NAME_CHARS].rsplit(" ", 1)[0]
        word = re.match(r"(?i)(e-?)?petition\b", title)
        if word and len(title) > word.end():
            return title[: word.end()].capitalize() + title[word.end():]
    return "Petition"


_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_PROSE = re.compile(r"[a-z][\w'’\-]*[ \t]+[a-z][\w'’\-]*[ \t]+[a-z][\w'’\-]*[ \t]+[a-z]")  # four words


def _list_like(line: str) -> bool:
    """A line of a list of people (rows of names, streets, "signed"), not prose: few lowercase words and
    no run of four; a table's rows may be joined into one long line."""
    words = _WORD.findall(line)
    lower = sum(1 for w in words if w[0].islower())
    return len(words) >= 2 and 3 * lower <= len(words) and not _PROSE.search(line)


LIST_RUN = 3  # list-like lines in a row that make a list of signatories (one long line: a table read whole)
ONE_LINE_WORDS = 12


def signatory_list(text: str) -> list[tuple[int, int]]:
    """The spans of a petition's list of signatories: runs of list-like lines after the line its statement
    starts on (none when `text` is no petition), three or more in a row, or one long line (a table's rows
    read as one); a line of prose after them (who organised it) is none, and so is a lone short line among
    prose ("Strongly Agree" in a residents' response that mentions "our petition")."""
    start = _statement_start(text)
    if start is None:
        return []
    line_end = text.find("\n", start)
    if line_end < 0:
        return []
    return _list_runs(text, line_end)


def _list_runs(text: str, line_end: int) -> list[tuple[int, int]]:
    """The spans of the runs of list-like lines after `line_end` that make a list of people."""
    runs: list[list[tuple[int, int]]] = [[]]
    for m in _LINE.finditer(text, line_end):
        if not m.group().strip():
            continue
        if _list_like(m.group()):
            runs[-1].append(m.span())
        elif runs[-1]:
            runs.append([])
    return [span for run in runs if len(run) >= LIST_RUN
            or (run and len(_WORD.findall(text[run[0][0]:run[-1][1]])) >= ONE_LINE_WORDS) for span in run]


def _numbered_rows(text: str, names: Sequence[tuple[int, int]]) -> int:
    """How many rows a numbered list has: the last of 1, 2, 3 ... found in order, each opening a name."""
    starts = {s for s, _ in names}
    pos, n = 0, 0
    while True:
        number = re.compile(rf"(?<![\w.,/\-]){n + 1}[.)]?[ \t]+")
        row = next((m for m in number.finditer(text, pos) if m.end() in starts), None)
        if row is None:
            return n
        pos, n = row.end(), n + 1


def signatures(text: str, names: Iterable[tuple[int, int]]) -> int | None:
    """How many signed the petition `text` is (None: it is no petition, or says nothing of how many);
    `names`: the spans of people's names found in it. Failing a stated number, the rows of its signatory
    list: numbered rows (1 to 60), else its names there (redaction finds each name of the list)."""
    after = _statement_start(text)
    if after is None:
        return None
    stated = [int(n.replace(",", "")) for m in _STATED.finditer(text) for n in m.groups() if n]
    if stated:
        return max(stated)
    names = [(s, e) for s, e in names if s > after]
    rows = _numbered_rows(text, names)
    listed = rows if rows >= MIN_LISTED else len({text[s:e].casefold() for s, e in names})
    return listed if listed >= MIN_LISTED else None
