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

import difflib
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from respmine.structure.blocks import Block, blocks
from respmine.themes.sentences import sentence_spans

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


def asks(text: str, questions: Sequence[str]) -> bool:
    """Whether the text holds one of the questions' words up to its question mark (where an answer
    stands: "2. Which option do you prefer? | Option 1.", every word of it in the consultation document)."""
    key = paragraph_key(text)
    return any(a.count(" ") >= 2 and a in key for q in questions if (a := _asked(q)))


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


# The consultation document's own text (`document:` in the consultation file) found in responses.
SHINGLE = 3  # words to an n-gram: a typo or OCR slip uncovers the word itself (two at a text's edge)
OWN_SHARE = 0.8  # of a sentence's words in the document's n-grams, at least, for it to be the document's
OWN_WORDS = 3  # an uncovered run this long is the respondent's own words (a slip uncovers one or two)
RUN_SENTENCES = 2  # a run of the document's sentences opening or closing a paragraph, this many at least,
# is cut from it; one sentence inside a respondent's paragraph is quoted to be argued with, and stays
MIN_RUN_WORDS = 12  # ... and this many words
OWN_MIN_WORDS = 8  # a shorter paragraph ("Travel and access", "Option 1") goes only as a heading of the
# document's over (or a line of it under) the copied text it stands with there
SLIP_SIMILARITY = 0.75  # a word this like one of the document's is a slip for it ("rnore", "survlve")
_QUOTES = "\"“”«»‘"  # (not "'": an apostrophe)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class ConsultationText:
    """The consultation's own text, as responses copy it: the document's (word n-grams, so a copy with
    typing or OCR slips, reflowed lines or joined paragraphs is found), or, with no document, the
    paragraphs found copied by several writers (`copied_paragraphs`' keys, word for word)."""

    def __init__(self, document: str = "", keys: Iterable[str] = ()) -> None:
        self.keys = frozenset(keys)
        self.document = document
        own = [_words(b.text) for b in blocks(document)]
        self._vocabulary = {w for ws in own for w in ws}
        self._slips: dict[str, str] = {}
        self._headings = {" ".join(w): k for k, w in enumerate(own) if len(w) > 0}  # paragraph -> place
        self._grams: dict[tuple[str, ...], int] = {}  # n-gram -> the first paragraph holding it
        flat = [(w, k) for k, ws in enumerate(own) for w in ws]
        for i in range(len(flat) - SHINGLE + 1):
            self._grams.setdefault(tuple(w for w, _ in flat[i : i + SHINGLE]), flat[i][1])

    def __bool__(self) -> bool:
        return bool(self.keys or self._grams)

    def stamp(self) -> str:
        """What segmentation's version keys on: the document's words (a new document re-segments)."""
        if not self.document:
            return ""
        return hashlib.sha256(" ".join(_words(self.document)).encode()).hexdigest()[:16]

    def _mended(self, word: str) -> str:
        """The document's word a word not in it is a slip for, if any (else the word)."""
        if word in self._vocabulary or len(word) < 4:
            return word
        if word not in self._slips:
            near = [w for w in self._vocabulary if abs(len(w) - len(word)) <= 2]
            found = difflib.get_close_matches(word, near, n=1, cutoff=SLIP_SIMILARITY)
            self._slips[word] = found[0] if found else word
        return self._slips[word]

    def _covered(self, words: Sequence[str]) -> tuple[list[bool], list[int]]:
        """Which of `words` stand in an n-gram of the document, and the document paragraphs they come
        from;
        where most do, words not in the document read as the slips of its words they are like."""
        covered, places = self._matched(words)
        if 2 * sum(covered) >= len(words) and not all(covered):
            covered, places = self._matched([self._mended(w) if not c else w
                                             for w, c in zip(words, covered, strict=True)])
        return covered, places

    def _matched(self, words: Sequence[str]) -> tuple[list[bool], list[int]]:
        covered = [False] * len(words)
        places = []
        for i in range(len(words) - SHINGLE + 1):
            place = self._grams.get(tuple(words[i : i + SHINGLE]))
            if place is not None:
                covered[i : i + SHINGLE] = [True] * SHINGLE
                places.append(place)
        return covered, places

    def without(self, paragraphs: Sequence[Block], keep: Callable[[str], bool]) -> list[Block]:
        """`paragraphs` without the consultation's own text: with no document, those repeated by several
        writers (`keys`); with one, each paragraph that is the document's (every sentence nearly all in its
        n-grams, with no run of words of the respondent's own), and a run of the document's sentences
        opening or closing a paragraph of the respondent's (RUN_SENTENCES and MIN_RUN_WORDS at least, not
        in quotation marks) cut from it; a short line that is a paragraph of the document (a heading: "The
        options") goes with the copied paragraph it heads there. `keep`: a paragraph or sentence never the
        document's (a question's heading or text: segmentation files answers under it; tick boxes)."""
        if not self._grams:
            return [b for b in paragraphs if paragraph_key(b.text) not in self.keys or keep(b.text)]
        out: list[Block | None] = []
        places: list[int | None] = []  # where a paragraph dropped whole stands in the document
        for paragraph in paragraphs:
            kept, place = self._trimmed(paragraph, keep)
            out.append(kept)
            places.append(place)
        order = [(k, k + 1, 1) for k in range(len(paragraphs) - 2, -1, -1)]  # (a heading over a heading ...)
        for k, by, step in order + [(k, k - 1, -1) for k in range(1, len(paragraphs))]:  # (... a line under)
            line, near = out[k], places[by]
            if line is None or near is None or keep(line.text):
                continue
            head = self._headings.get(" ".join(_words(line.text)))
            if head is not None and 0 < (near - head) * step <= 2:
                out[k], places[k] = None, head
        return [b for b in out if b is not None]

    def _trimmed(self, b: Block, keep: Callable[[str], bool]) -> tuple[Block | None, int | None]:
        """The paragraph without the document's sentences opening or closing it (None: all of it is), and,
        dropped whole, the document paragraph it copies."""
        if keep(b.text):
            return b, None
        spans = sentence_spans(b.text)
        words = [_words(b.text[s:e]) for s, e in spans]
        covered, places = self._covered([w for ws in words for w in ws])
        own, at = [], 0
        for (s, e), ws in zip(spans, words, strict=True):
            cov = covered[at : at + len(ws)]
            at += len(ws)
            own.append(bool(ws) and sum(cov) >= OWN_SHARE * len(ws) and _longest_gap(cov) < OWN_WORDS
                       and not keep(b.text[s:e]))
        if not spans or len(places) == 0:
            return b, None
        if all(own):
            if len(covered) < OWN_MIN_WORDS:
                return b, None
            return None, max(set(places), key=places.count)
        lead = next(k for k, o in enumerate(own) if not o)
        tail = next(k for k, o in enumerate(reversed(own)) if not o)
        start, end = 0, len(b.text)
        if self._run(b.text, spans[:lead], words[:lead]):
            start = spans[lead][0]
        if tail and self._run(b.text, spans[len(spans) - tail :], words[len(spans) - tail :]):
            end = spans[len(spans) - tail - 1][1]
        if (start, end) == (0, len(b.text)):
            return b, None
        return Block(b.start + start, b.start + end, b.text[start:end]), None

    @staticmethod
    def _run(text: str, spans: Sequence[tuple[int, int]], words: Sequence[Sequence[str]]) -> bool:
        """A run of the document's sentences long enough to be copied text, not quoted in the paragraph."""
        if len(spans) < RUN_SENTENCES or sum(map(len, words)) < MIN_RUN_WORDS:
            return False
        before = text[: spans[0][0]].rstrip()
        around = text[max(0, spans[0][0] - 2) : spans[-1][1]]
        return not (before.endswith(":") or any(q in around for q in _QUOTES))


def _longest_gap(covered: Sequence[bool]) -> int:
    longest = run = 0
    for c in covered:
        run = 0 if c else run + 1
        longest = max(longest, run)
    return longest
