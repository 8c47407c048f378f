"""What opens an answer but repeats its question, and is no part of the answer.

Under a question's heading a response often restates the question: its second sentence ("Please give your
reasons."), a form's short title of it ("3. Exemptions"), or, in a PDF, the end of a long question wrapped
onto the answer's line ("Yes / No / Don't know Yes. Many children ..."). Read as the respondent's words they
were quoted and coded; read wrongly, an answer was lost ("Strongly agree." taken for the question's scale,
"Businesses, including small retailers, would lose trade" for its last words). `answer_start` says where the
answer begins; `CLOSED_ANSWER` is one of the answers a question lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from respmine.structure.choices import names_one_option
from respmine.structure.furniture import text_words
from respmine.structure.ticks import ticks_one

_PIECE = re.compile(r"\s*([^\n?.!]+[?.!]?)")  # a sentence, or a line without a stop
# one of the answers a closed question offers ("Yes / No / Don't know", a scale's "Strongly agree", an
# option's "Option 2." or "Option A (16)"), which the question's words hold: the answer picks one
CLOSED_ANSWER = re.compile(
    r"\W*(?:yes|no|don['’]?t know|do not know|not sure|unsure|neither|partly|no (?:view|opinion|comment)"
    r"|(?:strongly |tend to )?(?:dis)?agree(?: strongly)?|neutral|neither agree n?or disagree"
    r"|(?:option )?[a-f1-9])(?:\s*\([^()\n]{1,60}\))?\W*$", re.IGNORECASE)


def _past_restated(text: str, start: int, end: int, question: list[str], titles_before: int = -1,
                   options: Mapping[str, str] | None = None) -> int:
    """Past what opens an answer but repeats the question: sentences of the question's own words (its
    second sentence, "Please give your reasons.", copied after its heading) and a short title line of its
    words on the heading's own line, before `titles_before` ("3. Exemptions", "4. Impact on disabled
    people": a form's headings shorten the questions; a line below is the answer's own: "Agree strongly",
    "National prohibition", "- Narrow streets"), never a closed answer the question lists ("Strongly
    agree.", "Option 2.", one of its `options` by key or label: "Option B, mixed use with housing."), nor a
    row of its scale with one box ticked ("☐ Agree ☒ Disagree ☐ Strongly disagree")."""
    said, asked = f" {' '.join(question)} ", set(question)
    while start < end and (m := _PIECE.match(text, start, end)):
        words = text_words(m.group(1))
        if (CLOSED_ANSWER.match(m.group(1)) or (options and names_one_option(m.group(1), options))
                or ticks_one(m.group(1))):
            break  # ("Don't know." picks one of the question's "Yes / No / Don't know": an answer)
        if _BULLET_START.match(m.group(1)) or _RUNS_ON_BELOW.match(text, m.end(), end):
            break  # ("- Narrow streets": a list's item; a line whose sentence goes on below: the answer's)
        repeats = len(words) >= 2 and f" {' '.join(words)} " in said
        title = m.start(1) < titles_before and _titles(m.group(1), words, asked)
        if not (repeats or (title and _NEW_SENTENCE.match(text, m.end(), end))):
            break
        start = m.end()
    return start


_BULLET_START = re.compile(r"[-•*–—▪◦·]\s")
_RUNS_ON_BELOW = re.compile(r"[ \t]*\n[ \t]*[a-z]")  # a line without a stop, its sentence going on below
_NEW_SENTENCE = re.compile(r"\s*[\n]\s*[^\W_a-z]")  # a title's line ends and a sentence starts below it (a
# lower-case word goes on with a sentence wrapped at the line's end: "Wheelchair users and blind people /
# are the people hit hardest")


_ANSWER_STARTS = re.compile(r"[ \t]*(?:\n\s*)?[A-Z0-9(\[☐☒✓✔]")  # a new sentence, an answer's own
TAIL_WORDS = 4  # the question's last words that, opening an answer, are its text wrapped onto the next line
_TEXT_WORD = re.compile(r"[a-z0-9']+", re.IGNORECASE)  # (`text_words`'s words, where they are)


def _past_tail(text: str, start: int, end: int, question: list[str]) -> int:
    """Past the end of the question's text where it opens the answer: a PDF wraps a long question and its
    heading's line holds only the start ("Yes / No / Don't know Yes. Many children ...", "Option A (16)
    or Option B (18) Option B (18)": the answer was read as unclear, or as option A)."""
    found = [(m.group().lower(), m.end()) for m in _TEXT_WORD.finditer(text[:end], start, start + 1000)]
    for k in range(min(len(question), len(found)), TAIL_WORDS - 1, -1):
        if [w for w, _ in found[:k]] == question[-k:]:
            after = found[k - 1][1]
            while after < end and text[after] in ")]\"'”’?.":  # the question's closing marks
                after += 1
            # (not "Businesses, including small retailers, would lose trade": the answer's own words; nor
            # a row of the question's scale with a box ticked: "☐ Agree ☒ Disagree ☐ Strongly disagree")
            answer = _ANSWER_STARTS.match(text, after, end) and not ticks_one(text[start:after])
            return after if answer else start
    return start


_LINKING = frozenset({"a", "an", "and", "or", "the", "of", "on", "for", "to", "in", "with", "other", "any",
                      "your", "our", "its", "their", "&"})
TITLE_WORDS = 8  # a heading's title line, at most


def _titles(piece: str, words: list[str], asked: set[str]) -> bool:
    """A line without a stop of a few words, every one of which (but linking words) the question uses: the
    question's title, not an answer."""
    content = [w for w in words if w not in _LINKING]
    return (not piece.rstrip().endswith((".", "!", "?")) and 0 < len(words) <= TITLE_WORDS and bool(content)
            and all(w in asked or f"{w}s" in asked or w.removesuffix("s") in asked for w in content))


def answer_start(text: str, start: int, end: int, question: list[str], heading_line_end: int,
                 options: Mapping[str, str] | None = None) -> int:
    """Where the answer under a heading begins, from `start` (past the heading's number) up to `end`: past
    the end of a wrapped question (`_past_tail`), then past restated sentences and a title on the heading's
    own line, which ends at `heading_line_end` (`_past_restated`; a line below a bare "Question 1" is the
    answer's: "National prohibition", the option chosen by its name; one of the question's `options` named
    on it is too)."""
    return _past_restated(text, _past_tail(text, start, end, question), end, question, heading_line_end,
                          options)
