"""Questions that ask respondents to choose between lettered options ("Which option do you prefer: A
(all-in), B (on-the-go only) or C (no scheme)?"), and the option an answer chose.

A minister's first question about such a question is how many chose each option, as it is how many agreed
for a "Do you agree ...?" one. The options are the consultation's (`Question.options`) or read from the
question's own words; an answer chooses the option it opens with ("Option B.", "B", "C. No scheme at all.",
Welsh "Opsiwn A") or, failing that, the first it names as its own ("We prefer option A"), not one it
argues against ("rather than option C").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

LETTERS = "ABCDEF"
MIN_OPTIONS = 2
_WORD = r"(?:option|opsiwn|opción|opzione)"  # (English, Welsh; other languages' answers name it too)
_IN_QUESTION = re.compile(  # "A (all-in: ...)", "option B - on-the-go", "Option C: no scheme"
    rf"(?:\b{_WORD}[ \t]+|(?<![\w'’-]))(?-i:([A-F]))(?![\w'’-])[ \t]*"
    r"(?:\(([^()]{1,120})\)|[:–—-][ \t]*([^,;.?()]{1,60}))?", re.IGNORECASE)
_OPENING = re.compile(  # "Option B ...", "B", "B.", "A - include everything", "C (no scheme)"; not "A lot"
    rf"\W{{0,3}}(?:{_WORD}[ \t]+(?-i:([A-F]))\b|(?-i:([A-F]))(?=[ \t]*(?:$|\n|[.,:;)\]–—]|-[ \t]|\())|"
    rf"(?-i:([A-F]))(?=[ \t]+[-–—][ \t]))", re.IGNORECASE)
_NAMED = re.compile(rf"\b{_WORD}[ \t]+([A-F])\b", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:not|no|never|against|oppose[sd]?|reject|rather than|instead of|over|than|but)"
                      r"(?:\W+\w+){0,2}\W*$", re.IGNORECASE)
BARE_CHOICE = re.compile(rf"\W*(?:{_WORD}[ \t]+)?[A-F]\W*", re.IGNORECASE)
SEARCHED_CHARS = 300  # an answer names its choice at its start


def question_options(text: str, given: Mapping[str, str] | None = None) -> dict[str, str]:
    """The options a question offers, letter -> its short label ("" when it has none): the consultation's
    own (`given`), else those its words letter in order from A ("A (all-in: ...), B (...) or C (...)"),
    at least two of them; {} for any other question."""
    if given:
        return {k.strip().upper(): v.strip() for k, v in given.items()}
    found: dict[str, str] = {}
    for m in _IN_QUESTION.finditer(text):
        letter = m.group(1).upper()
        label = (m.group(2) or m.group(3) or "").strip()
        if letter not in found and (m.group(2) or m.group(3) or re.match(_WORD, m.group(0), re.IGNORECASE)):
            found[letter] = re.split(r"[:;,]", label, maxsplit=1)[0].strip()
    letters = "".join(found)
    if len(found) < MIN_OPTIONS or not LETTERS.startswith(letters):
        return {}
    return found


def chosen(answer: str, options: Mapping[str, str]) -> str | None:
    """The option an answer chose: the one it opens with, else the first it names without arguing against
    it; None when it names none of the question's options."""
    head = answer[:SEARCHED_CHARS]
    opening = _OPENING.match(head)
    letter = next((g for g in opening.groups() if g), "").upper() if opening else ""
    if letter in options:
        return letter
    for m in _NAMED.finditer(head):
        letter = m.group(1).upper()
        if letter in options and not _AGAINST.search(head[: m.start()]):
            return letter
    return None


def respondents_choice(answers: Iterable[str], options: Mapping[str, str]) -> str | None:
    """One respondent's choice from their answers to the question (a form's closed cell and its reasons,
    a letter's paragraphs): the option they chose, "several" when they chose more than one, else None."""
    found = {c for a in answers if (c := chosen(a, options)) is not None}
    if len(found) > 1:
        return SEVERAL
    return next(iter(found), None)


SEVERAL = "several"  # a respondent who chose more than one option


def only_a_choice(text: str) -> bool:
    """The text is nothing but an option's letter ("B", "Option A."): a form's cell, no view of its own."""
    return BARE_CHOICE.fullmatch(text) is not None
