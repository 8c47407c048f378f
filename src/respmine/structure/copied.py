"""The consultation's own paragraphs copied into responses: a response typed into a copy of the
consultation document keeps the document's explanatory text ("We are proposing to ...", "The current
service ...", "How to respond: ...") around the respondent's answers. Those paragraphs are not the
respondent's views: read as content, the consultor's case for its proposal was coded as each respondent's
own and glued onto their answers.

A paragraph is the consultation's when it is repeated word for word (`paragraph_key`: its words, in lower
case) in COPIED_WRITERS responses or more typed into the document (each repeating the consultation's
question texts) that otherwise differ: responses by different writers (a
campaign's letters, which share a template, are its own words, and are left alone; copies of one
response count once) and none of them a campaign's letter. Short paragraphs (under COPIED_MIN_WORDS
words: a heading, "Yes.", a salutation) are never counted: their repetition says nothing. A question's
own heading repeated before each answer stays (segmentation files the answers under it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from respmine.structure.blocks import blocks

COPIED_WRITERS = 3  # "several responses": two letters sharing a paragraph may be two people's one template
QUESTIONS_REPEATED = 2  # question texts a response typed into the consultation document repeats, at least
COPIED_MIN_WORDS = 10  # shorter paragraphs repeat by chance ("I strongly disagree with the proposal.")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def paragraph_key(text: str) -> str:
    """A paragraph's words in lower case, one space apart: equal for a copy whatever its line breaks."""
    return " ".join(_WORD.findall(text.lower()))


def _asked(question: str) -> str:
    """The key of a question's words up to its question mark (a copy may drop the answer scale after it)."""
    return paragraph_key(question.split("?", 1)[0])


def copied_paragraphs(texts: Mapping[str, str], questions: Sequence[str],
                      campaigns: Iterable[Iterable[str]] = (),
                      copies: Iterable[Iterable[str]] = ()) -> frozenset[str]:
    """The keys (`paragraph_key`) of the paragraphs of `texts` (submission id -> text) repeated word for
    word by COPIED_WRITERS writers or more among the responses typed into the consultation document (each
    repeats QUESTIONS_REPEATED of the `questions`' texts word for word), always where the document's own
    text stands: at its start or after an answer, never where an answer does (under a question's text,
    maybe after other repeated paragraphs: a network's suggested answer, which those answering say).
    `copies` (groups of one writer's copies) count once, and a paragraph found in any of the `campaigns`'
    letters is the campaign's, never the consultation's."""
    asked = [a for q in questions if (a := _asked(q))]
    if not asked:
        return frozenset()
    writer = {sid: min(group) for group in map(list, copies) for sid in group if group}
    in_campaign = {sid for group in campaigns for sid in group}
    typed: dict[str, list[str]] = {}  # the responses typed into the document: their paragraphs' keys
    barred: set[str] = set()
    for sid, text in texts.items():
        keys = [paragraph_key(b.text) for b in blocks(text)]
        if sid in in_campaign:
            barred.update(keys)
        elif sum(any(a in k for k in keys) for a in asked) >= min(QUESTIONS_REPEATED, len(asked)):
            typed[sid] = keys
    found: dict[str, set[str]] = {}
    for sid, keys in typed.items():
        for key in set(keys):
            if key.count(" ") + 1 >= COPIED_MIN_WORDS and not any(a in key for a in asked):
                found.setdefault(key, set()).add(writer.get(sid, sid))
    shared = {k for k, who in found.items() if len(who) >= COPIED_WRITERS} - barred
    for keys in typed.values():  # where an answer stands: under a question's text
        under = False
        for key in keys:
            if any(a in key for a in asked):
                under = True
            elif key in shared and under:
                barred.add(key)
            elif key not in shared:  # (the respondent's own words, or a heading of the document's own)
                under = False
    return frozenset(shared - barred)
