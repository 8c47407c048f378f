"""Per-question segmentation: map every passage of a submission onto the consultation's questions.

Evidence, strongest first: structured answers (form-export columns, response-form tables), explicit
headings ("Question 3", "Q3:", "3."), the question text quoted back, and, for free-form letters with no
headings, similarity of each paragraph to the question texts (sentence embeddings), with a confidence;
which question such a paragraph is filed under also learns from the corpus's answers filed by headings
and forms (`Routing`).
Text that answers no question is kept as GENERAL, and a paragraph that only says who the respondent is
as ABOUT (kept, not coded: `structure.about`); only letter furniture (salutations, sign-offs, contact
offers, addresses, dates, page furniture, form personal-details rows) is left out of the segments, so it
never reaches theme coding, topics or quotes. Every segment keeps its source span; the whole text stays in
the store.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import NamedTuple

import numpy as np

from respmine.consultation import Question
from respmine.page_breaks import QUESTION_HEADING, runs_on
from respmine.records import ABOUT, GENERAL, Answer, Document, Segment, Span
from respmine.structure.about import (
    SEARCHED_PARAGRAPHS,
    about_respondent,
    about_sections,
    describes_respondent,
)
from respmine.structure.furniture import (
    closes_letter,
    has_sentence,
    is_furniture,
    is_header_line,
    only_formalities,
    starts_quoted_reply,
    text_words,
)
from respmine.topics.embed import Embedder
from respmine.versions import source_digest

_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+")

SIMILARITY_THRESHOLD = 0.35  # cosine similarity of a paragraph to a question text to assign it
SECOND_QUESTION_MARGIN = 0.0  # a paragraph also counts for a second question this close to the best
MIN_CONTENT_WORDS = 8  # shorter paragraphs (addresses, salutations, headings) are general
CALIBRATION_MIN = 30  # paragraphs needed to calibrate per-question similarity
# Paragraphs calibration embeds at most (a fixed pseudo-random sample of a larger corpus): it estimates
# mean similarities, to about +-0.003 from 1,000 paragraphs, and a third of a large corpus's paragraphs
# (those under headings or in forms) are embedded for nothing else.
CALIBRATION_SAMPLE = 1000
# Answers filed by a heading, a quoted question or a form are labelled examples of their question
# (`Routing`): a question with examples from at least ROUTING_MIN responses (n) is compared by its text's
# vector plus the direction of its examples' centroid, weighted n / (n + ROUTING_SHRINK) (so about equally
# once it has a dozen); with fewer, by its text alone.
ROUTING_MIN = 3
ROUTING_SHRINK = 2.0
_CATCH_ALL = re.compile(  # a question that asks for anything else, whose answers can be about any topic
    r"\b(?:any other|any further|other|further|additional|general|final)\s+(?:\w+\s+)?(?:comments?|views?"
    r"|points?|remarks?|observations?|information|evidence|issues?|matters?|feedback|suggestions?|thoughts?"
    r"|concerns?|ideas?)\b|\banything (?:else|further|more)\b|\banything\s+(?:\w+\s+){0,4}add\b"
    r"|\b(?:we|you) (?:have )?missed\b|\bnot (?:covered|asked|mentioned) (?:above|elsewhere|in (?:this|the)"
    r" (?:consultation|questions?)|by (?:the|these|this) questions?)|\banything (?:\w+ ){0,2}missed\b",
    re.IGNORECASE)
_QUESTION_NUMBER = re.compile(r"^(?:(?:question|q)\s*(?:no\.?\s*)?)?\d+[a-z]?[.):]?\s+", re.IGNORECASE)
TITLE_RATIO = 0.8  # word-sequence similarity at which a passage restates the consultation's title


@dataclass(frozen=True)
class Block:
    """A paragraph of the document text with its character span."""

    start: int
    end: int
    text: str


def blocks(text: str) -> list[Block]:
    """Paragraphs: split on blank lines; inside a chunk, split on every line break when lines are whole
    paragraphs (Word, ODT: long lines), else (hard-wrapped text) only before heading or numbered lines.
    """
    out: list[Block] = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.DOTALL):
        lines = match.group(0).split("\n")
        one_per_line = max(len(line) for line in lines) > 100
        offset = current = match.start()
        for i, line in enumerate(lines):
            starts_new = i > 0 and (
                one_per_line
                or QUESTION_HEADING.match(line)
                or (_NUMBERED.match(line) and lines[i - 1].rstrip().endswith((".", "?", "!", ":")))
            )
            if starts_new:
                out.append(Block(current, offset - 1, text[current : offset - 1]))
                current = offset
            offset += len(line) + 1
        out.append(Block(current, match.end(), text[current : match.end()]))
    return _rejoined(text, [b for b in out if b.text.strip()])


def _rejoined(text: str, found: list[Block]) -> list[Block]:
    """A paragraph cut mid-sentence by a blank line (a page break in a PDF, a scan: "In preparing this
    response we" / "held seven workshops ...") is joined back: the first runs on without closing
    punctuation, the next starts in lower case. Short lines (headings, labels) are never joined. Rare in
    real letters (10 of 16,384 paragraphs of the AI-act submissions' reference texts), every one a true
    break; left apart, the tail became a segment of its own, or escaped the sign-off it belongs to."""
    out: list[Block] = []
    for b in found:
        prev = out[-1] if out else None
        if (prev is not None and runs_on(prev.text, b.text)
                and text.count("\n", prev.end, b.start) >= 2):  # a blank line between, not a line break
            out[-1] = Block(prev.start, b.end, text[prev.start : b.end])
        else:
            out.append(b)
    return out


def _ratio(wa: list[str], wb: list[str], floor: float, ca: Counter[str], cb: Counter[str]) -> float:
    """Word-sequence similarity of two word lists (a question quoted back, a table label), or 0.0 when it
    cannot reach `floor`: two cheap upper bounds (lengths, shared words) spare the sequence matcher on
    nearly every paragraph of a large run."""
    total = len(wa) + len(wb)
    if not total or 2 * min(len(wa), len(wb)) < floor * total:
        return 0.0
    if 2 * sum((ca & cb).values()) < floor * total:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


class QuestionMatcher:
    """Finds which question a heading, label or paragraph refers to."""

    def __init__(self, questions: Sequence[Question], embedder: Embedder | None = None, title: str = ""
                 ) -> None:
        self.questions = list(questions)
        self.title = title
        self._title_words = text_words(title)
        self._title_bag = Counter(self._title_words)
        self._title_chars = len(title)
        self.by_number = {q.number: q.id for q in self.questions if q.number is not None}
        self.ids = {q.id for q in self.questions}
        self._question_words = [text_words(q.text) for q in self.questions]
        self._question_bags = [Counter(words) for words in self._question_words]
        self._words_by_id = dict(zip((q.id for q in self.questions), self._question_words, strict=True))
        self.embedder = embedder
        self._question_vectors: np.ndarray | None = None
        self._ahead: dict[str, np.ndarray] = {}  # paragraph vectors embedded ahead, in one batch
        self.bias: np.ndarray | None = None
        self.routing: Routing | None = None  # which question a paragraph answering one is filed under
        self._routes: tuple[Routing, np.ndarray, np.ndarray, list[int]] | None = None

    @classmethod
    def calibrated(cls, calibration: Calibration, embedder: Embedder | None = None, title: str = ""
                   ) -> QuestionMatcher:
        """A matcher that segments as `calibration` (a corpus's, or a run's kept for late documents) says."""
        matcher = cls(calibration.questions, embedder, title)
        if calibration.bias is not None:
            matcher.bias = np.asarray(calibration.bias, dtype=np.float32)
        matcher.routing = calibration.routing
        return matcher

    def calibrate(self, paragraphs: Sequence[str], examples: Sequence[Example] = ()) -> None:
        """Learn how similar an ordinary paragraph of this consultation is to each question.

        Broad questions ("How should charities be involved?") are close to almost everything; scoring
        a paragraph by how much more similar it is than usual stops them swallowing every paragraph.
        Needs a corpus (all submissions of a run); with few paragraphs the raw similarity is used.
        `examples`: answers filed by a heading or a form, from which the routing is learnt (`Routing`);
        embedded in the same batch as `paragraphs`.
        """
        if self.embedder is None or not self.questions or len(paragraphs) < CALIBRATION_MIN:
            return
        known = [e for e in examples if e.question in self.ids]
        said = set(paragraphs)
        extra = [t for t in dict.fromkeys(e.text for e in known) if t not in said]
        vectors = self.embedder.embed(list(paragraphs) + extra)
        sims = vectors[: len(paragraphs)] @ self._questions().T
        self.bias = sims.mean(axis=0) - float(sims.mean())
        if known:
            by_text = dict(zip(list(paragraphs) + extra, vectors, strict=True))
            self.routing = self._routing(known, by_text, vectors[: len(paragraphs)])

    def _routing(self, examples: Sequence[Example], by_text: Mapping[str, np.ndarray], paragraphs: np.ndarray
                 ) -> Routing | None:
        """The routing learnt from labelled examples (None: no question has enough of them). A question
        counts the responses its examples come from, not its paragraphs (one respondent's three paragraphs
        are one view of it)."""
        texts = self._questions()
        per: dict[str, list[np.ndarray]] = {}
        sources: dict[str, set[str]] = {}
        for e in examples:
            per.setdefault(e.question, []).append(by_text[e.text])
            sources.setdefault(e.question, set()).add(e.source)
        rows: list[np.ndarray] = []
        catch_all: list[str] = []
        for i, q in enumerate(self.questions):
            found, n = per.get(q.id, []), len(sources.get(q.id, ()))
            if n < ROUTING_MIN:
                rows.append(texts[i])
                continue
            centroid = np.mean(found, axis=0)
            near = texts @ centroid
            if near[i] < near.mean() and _asks_anything_else(q.text):  # "Any other comments?": its answers
                catch_all.append(q.id)  # are about the other questions' topics, not its own
                rows.append(texts[i])
                continue
            weight = n / (n + ROUTING_SHRINK)
            row = texts[i] + weight * centroid / np.linalg.norm(centroid)
            rows.append(row / np.linalg.norm(row))
        learnt = any(len(sources.get(q.id, ())) >= ROUTING_MIN for q in self.questions)
        if len(catch_all) == len(rows) or not learnt:
            return None  # too few examples anywhere: the question texts alone, as without them
        vectors = np.vstack(rows).astype(np.float32)
        sims = paragraphs @ vectors.T
        bias = sims.mean(axis=0) - float(sims.mean())
        return Routing(tuple(tuple(float(x) for x in row) for row in vectors),
                       tuple(float(b) for b in bias), tuple(catch_all))

    def _questions(self) -> np.ndarray:
        if self._question_vectors is None:
            assert self.embedder is not None
            self._question_vectors = self.embedder.embed([q.text for q in self.questions])
        return self._question_vectors

    def embed_ahead(self, texts: Sequence[str]) -> None:
        """Embed paragraphs `by_content` will be asked about, together (far faster than a few at a time)."""
        if self.embedder is not None and texts:
            unique = list(dict.fromkeys(texts))
            self._ahead.update(zip(unique, self.embedder.embed(unique), strict=True))

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        assert self.embedder is not None
        missing = [t for t in dict.fromkeys(texts) if t not in self._ahead]
        fresh = dict(zip(missing, self.embedder.embed(missing), strict=True)) if missing else {}
        return np.vstack([self._ahead[t] if t in self._ahead else fresh[t] for t in texts])

    def by_label(self, label: str) -> tuple[str, float] | None:
        """A form column header or table label: an id, a number, or the question text itself."""
        clean = label.strip()
        if clean in self.ids:
            return clean, 1.0
        for pattern in (QUESTION_HEADING, _NUMBERED):
            m = pattern.match(clean)
            if m and int(m.group(1)) in self.by_number:
                return self.by_number[int(m.group(1))], 1.0
        best = self.quoted(clean, threshold=0.5)
        return best

    def words(self, question: str) -> list[str]:
        """The words of a question's text (none for a question id not in the consultation)."""
        return self._words_by_id.get(question, [])

    def restates_title(self, text: str) -> bool:
        """Whether the passage is the consultation's title (a response form's header, a letter's)."""
        if not self._title_words or len(text) > 3 * self._title_chars:  # far longer: cannot be it
            return False
        words, title = text_words(text), self._title_words
        if 2 * min(len(words), len(title)) < TITLE_RATIO * (len(words) + len(title)):
            return False  # too short or too long to reach the ratio (checked before counting words)
        return _ratio(words, title, TITLE_RATIO, Counter(words), self._title_bag) >= TITLE_RATIO

    def quoted(self, text: str, threshold: float = 0.7) -> tuple[str, float] | None:
        """The question whose text this passage quotes (first sentence or first line compared)."""
        head = text_words(re.split(r"(?<=\?)\s|\n", text.strip(), maxsplit=1)[0])
        if len(head) < 4:
            return None
        counts = Counter(head)
        known = zip(self.questions, self._question_words, self._question_bags, strict=True)
        scored = [(_ratio(head, words, threshold, counts, bag), q.id) for q, words, bag in known]
        if not scored:
            return None
        score, qid = max(scored)
        return (qid, score) if score >= threshold else None

    def by_content(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """For each paragraph, the questions it addresses by meaning (best first), possibly none."""
        if not texts or not self.questions or self.embedder is None:
            return [[] for _ in texts]
        vectors = self._vectors(texts)
        sims = vectors @ self._questions().T
        if self.bias is not None:
            sims = sims - self.bias
        if self.routing is not None:
            return self._routed(vectors, sims, self.routing)
        out = []
        for row in sims:
            order = np.argsort(-row, kind="stable")
            best = float(row[order[0]])
            picks = [
                (self.questions[i].id, float(row[i])) for i in order
                if row[i] >= SIMILARITY_THRESHOLD and row[i] >= best - SECOND_QUESTION_MARGIN
            ][:2]
            out.append(picks)
        return out

    def _routed(self, vectors: np.ndarray, sims: np.ndarray, routing: Routing
                ) -> list[list[tuple[str, float]]]:
        """Whether a paragraph answers a question at all, and how clearly, is read from its similarity to
        the question texts (`sims`, as without routing); which question, from the routing's vectors. A
        catch-all question has no topic: never chosen by meaning, and resembling its wording ("any other
        comments") is no sign of answering anything."""
        if self._routes is None or self._routes[0] is not routing:  # as arrays, once
            skip = [i for i, q in enumerate(self.questions) if q.id in routing.catch_all]
            self._routes = (routing, np.asarray(routing.vectors, dtype=np.float32).T,
                            np.asarray(routing.bias, dtype=np.float32), skip)
        _, targets, bias, skip = self._routes
        routes = vectors @ targets - bias
        routes[:, skip] = -np.inf
        out: list[list[tuple[str, float]]] = []
        keep = [i for i in range(len(self.questions)) if i not in skip]
        for row, route in zip(sims, routes, strict=True):
            score = float(row[keep].max())
            if score < SIMILARITY_THRESHOLD:
                out.append([])
                continue
            order = np.argsort(-route, kind="stable")
            best = float(route[order[0]])
            out.append([(self.questions[i].id, score) for i in order
                        if route[i] >= best - SECOND_QUESTION_MARGIN][:2])
        return out


def infer_questions(docs: Sequence[Document], min_documents: int = 2) -> list[Question]:
    """Questions from the headings that recur across submissions, for runs without a consultation file.

    A numbered heading ("Question 3", "Q3:") seen in several submissions becomes question 3, with the
    most common text written after it (often the question quoted back). Recurring un-numbered lines are
    not used: copies of one form letter share them without being answers to a question.
    """
    numbered: dict[int, Counter[str]] = {}
    seen_in: Counter[int] = Counter()
    for doc in docs:
        numbers = set()
        for block in blocks(doc.text):
            first = block.text.split("\n", 1)[0].strip()
            m = QUESTION_HEADING.match(first)
            if m:
                n = int(m.group(1))
                numbers.add(n)
                numbered.setdefault(n, Counter())[first[m.end() :].strip()] += 1
        seen_in.update(numbers)
    return [
        Question(id=f"Q{n}", number=n, text=(numbered[n].most_common(1)[0][0] or f"Question {n}"))
        for n in sorted(n for n, c in seen_in.items() if c >= min_documents)
    ]


def _asks_anything_else(question: str) -> bool:
    """The question's first sentence asks for anything else ("Do you have any other comments?"): not
    the request for reasons that follows a topical one ("Do you agree? Please give reasons and any other
    relevant information.")."""
    text = _QUESTION_NUMBER.sub("", question.strip())
    first = re.split(r"(?<=[?!])\s|(?<=\w\.)\s+(?=[A-Z])|\n", text, maxsplit=1)[0]
    return _CATCH_ALL.search(first) is not None


@dataclass(frozen=True)
class Routing:
    """Which question a paragraph that answers one by meaning is filed under, learnt from the answers the
    corpus files by headings, quoted questions and forms: each question's vector is its text's, blended
    with its answers' centroid when they come from ROUTING_MIN responses or more, so "paid the
    full cost ... contracts long enough to plan" goes where respondents with headings put such points
    (funding), not to the question whose wording shares most words (contract size). A question whose
    answers are nearer the other questions' texts than its own ("Any other comments?") is a catch-all:
    never chosen by meaning (`QuestionMatcher._routed`). Without headed or form answers there is no
    routing, and segmentation is as it was before routing.
    """

    vectors: tuple[tuple[float, ...], ...]  # per question: its text's vector, or the blend
    bias: tuple[float, ...]  # per question, as Calibration.bias, against these vectors
    catch_all: tuple[str, ...] = ()  # question ids


@dataclass(frozen=True)
class Calibration:
    """What segmentation learns from the whole corpus: the questions (given, or inferred from recurring
    headings) and how similar an ordinary paragraph is to each. Kept by the store, so a late batch is
    segmented like the documents before it and earlier segments do not move."""

    questions: tuple[Question, ...]
    bias: tuple[float, ...] | None  # per question; None: too few paragraphs, raw similarity is used
    documents: int  # corpus size it was learnt on (a corpus grown well past it is recalibrated)
    key: str  # segmentation code, embedder and the consultation's questions it is valid for
    routing: Routing | None = None  # learnt from answers under headings or in forms; None: there were none


def calibration_key(questions: Sequence[Question], embedder: Embedder | None, title: str = "") -> str:
    """Changes with this module's code, the embedder and the consultation's questions and title."""
    given = [(q.id, q.number, q.text) for q in questions]
    blob = repr((_code_version(), getattr(embedder, "name", None), given) + ((title,) if title else ()))
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


@cache
def _code_version() -> str:
    """Segmentation's code: this module, the furniture rules it leaves out, the form fields about the
    respondent it does not segment, the self-descriptions it sets apart (read a sentence at a time) and
    the page-break rule by which it joins paragraphs."""
    from respmine import page_breaks
    from respmine.structure import about, furniture
    from respmine.themes import sentences

    return source_digest(__file__, furniture.__file__, about.__file__, page_breaks.__file__,
                         sentences.__file__)


def calibrate(docs: Sequence[Document], questions: Sequence[Question], embedder: Embedder | None = None,
              title: str = "") -> Calibration:
    """Calibration on a corpus (questions inferred from it when none are given)."""
    matcher = QuestionMatcher(list(questions) or infer_questions(docs), embedder, title)
    prose = [(d.sha256, b) for d in docs for b in blocks(d.text) if _is_prose(b.text, title)]
    if len(prose) > CALIBRATION_SAMPLE:  # the same sample whatever the order of the documents
        prose = sorted(prose, key=lambda p: _sample_key(p[0], p[1].start))
        prose = prose[:CALIBRATION_SAMPLE]
    learns = embedder is not None and matcher.questions and len(prose) >= CALIBRATION_MIN
    examples = _examples(docs, matcher) if learns else []
    matcher.calibrate([b.text for _, b in prose], examples)
    bias = None if matcher.bias is None else tuple(float(b) for b in matcher.bias)
    key = calibration_key(questions, embedder, title)
    return Calibration(tuple(matcher.questions), bias, len(docs), key, matcher.routing)


def _sample_key(submission: str, start: int) -> bytes:
    return hashlib.sha256(f"{submission}:{start}".encode()).digest()


class Example(NamedTuple):
    """A paragraph filed under its question by a heading, a quoted question or a form: `Routing` learns
    from these."""

    question: str
    text: str
    source: str  # the submission it is from


def _examples(docs: Sequence[Document], matcher: QuestionMatcher) -> list[Example]:
    """The answers filed by a heading, a quoted question or a form: each distinct paragraph once (copies
    of a form letter are one example), at most CALIBRATION_SAMPLE (the same pseudo-random sample whatever
    the order of the documents, mostly paragraphs calibration embeds anyway; the others are segments
    theme coding embeds, through the same cache)."""
    found: dict[str, tuple[bytes, str, str]] = {}
    for doc in docs:
        read = _read(doc, matcher)
        for seg in read.answers + (_headed(doc, read, matcher) if read.marks else []):
            if seg.question not in matcher.ids:  # a form's column no question matches; GENERAL, ABOUT
                continue
            for b in blocks(seg.text):
                if _is_prose(b.text, matcher.title):
                    key = _sample_key(doc.sha256, seg.span.start + b.start)
                    if b.text not in found or key < found[b.text][0]:
                        found[b.text] = (key, seg.question, doc.sha256)
    ordered = sorted(found.items(), key=lambda item: item[1][0])[:CALIBRATION_SAMPLE]
    return [Example(question, text, source) for text, (_, question, source) in ordered]


def segment_documents(
    docs: Sequence[Document], questions: Sequence[Question], embedder: Embedder | None = None,
    calibration: Calibration | None = None, title: str = "",
) -> dict[str, list[Segment]]:
    """Segments of each submission, keyed by submission: with `calibration` (an earlier run's), else
    calibrated on `docs` themselves. Without questions, they are inferred from recurring headings.
    `title`: the consultation's, not content where a response restates it."""
    calibration = calibration or calibrate(docs, questions, embedder, title)
    matcher = QuestionMatcher.calibrated(calibration, embedder, title)
    parts = [(d, _read(d, matcher)) for d in docs]
    if embedder is not None and matcher.questions:  # one batch: per-document calls embed a few at a time
        matcher.embed_ahead([text for _, read in parts for text in _content_paragraphs(read, matcher.title)])
    return {d.sha256: _segmented(d, matcher, read) for d, read in parts}


def segment_document(doc: Document, matcher: QuestionMatcher) -> list[Segment]:
    """Segments of one submission, in text order. Text is unredacted here; the pipeline redacts it."""
    return _segmented(doc, matcher, _read(doc, matcher))


HeadingMarks = list[tuple[int, tuple[str, int, str]]]  # (index in the paragraphs, (question, body, method))


class _Read(NamedTuple):
    """A document read once for segmentation (embedding ahead and segmenting both need it)."""

    answers: list[Segment]  # the structured answers' segments
    rest: list[Block]  # the paragraphs outside them, without their labels
    marks: HeadingMarks  # which of those paragraphs head an answer (none without questions)
    about: frozenset[int]  # starts of the paragraphs that only say who the respondent is: an opening
    # self-description, or an "About us" section (`structure.about`)


def _segmented(doc: Document, matcher: QuestionMatcher, read: _Read) -> list[Segment]:
    """The structured answers' segments with those of the other paragraphs, in text order."""
    segments = list(read.answers)
    if not matcher.questions:  # no consultation: answers are named by their label; the rest is general
        segments += [seg for b in read.rest for seg in _general(doc, b, read.about)]
    elif read.marks:
        segments += _by_headings(doc, read, matcher)
    else:
        segments += _by_content(doc, read.rest, matcher, read.about)
    return sorted(segments, key=lambda s: (s.span.start, s.question))


def _read(doc: Document, matcher: QuestionMatcher) -> _Read:
    """The document's structured answers, then its other paragraphs without labels, reference lines and
    a quoted message below a reply, and the headings among them."""
    answers, profile = _from_answers(doc, matcher)
    taken = [(s.span.start, s.span.end) for s in answers + profile]
    labels = {label.strip() for a in doc.answers for label in (a.question, a.source)}
    pieces = [
        piece for b in blocks(doc.text) for piece in _outside(doc.text, b, taken)
        if piece.text.strip(" |:") not in labels  # a form column header or table label, not an answer
    ]
    rest = [kept for piece in _above_quoted_reply(pieces, matcher.title)
            if (kept := _without_header(piece, matcher))]
    if matcher.questions:
        rest = [part for b in rest for part in _heading_apart(doc.text, b, matcher)]
    marks = _heading_marks(rest, matcher) if matcher.questions else []
    opening = [b for b in (rest[: marks[0][0]] if marks else rest)
               if _is_prose(b.text, matcher.title)][:SEARCHED_PARAGRAPHS]
    sections = about_sections([b.text for b in rest], {i for i, _ in marks})
    about = frozenset([b.start for b in opening if describes_respondent(b.text)]
                      + [rest[i].start for i in sections])
    return _Read(answers, rest, marks, about)


_FINISHED = re.compile(r"[^\W\d_][\"'’”)]*[.!?]$")  # a sentence's end, not a number's ("1.")
_PIECE_START = re.compile(r"(?<=[.!?:])[ \t]+(?=\S)|\n[ \t]*(?=\S)")  # where a sentence or a line starts


def _heading_apart(text: str, block: Block, matcher: QuestionMatcher) -> list[Block]:
    """The paragraph, and the next question's heading apart from it when the heading ran onto the end of
    the answer above (extraction joined "... nowhere to go on release. Question 5", or "... responsibility.
    How should quality be weighed against cost when contracts are awarded?"). Only a tail that is the
    heading alone, or the question's own words, is split off, after a finished sentence: a sentence that
    mentions "Question 5" or asks its own question stays, as does "2." before its question or a table row."""
    starts = [m.end() for m in _PIECE_START.finditer(block.text)]
    for cut in starts[-2:]:
        head, tail = block.text[:cut].rstrip(), block.text[cut:]
        if _FINISHED.search(head) and len(text_words(head)) >= 3 and _only_a_heading(tail, matcher):
            at = block.start + cut
            return [Block(block.start, block.start + len(head), head),
                    Block(at, block.end, text[at : block.end])]
    return [block]


def _only_a_heading(text: str, matcher: QuestionMatcher) -> bool:
    """A question's heading ("Question 5", "Q5: <its question>") or its question text, and nothing else."""
    m = QUESTION_HEADING.match(text)
    if m:
        question = matcher.by_number.get(int(m.group(1)))
        rest = text[m.end():]
        return question is not None and (not text_words(rest) or _only_question(rest, question, matcher))
    quoted = matcher.quoted(text)
    return quoted is not None and _only_question(text, quoted[0], matcher)


def _only_question(text: str, question: str, matcher: QuestionMatcher) -> bool:
    found = matcher.quoted(text)
    only_its_words = set(text_words(text)) <= set(matcher.words(question))
    return found is not None and found[0] == question and only_its_words


def _above_quoted_reply(pieces: list[Block], title: str) -> list[Block]:
    """The paragraphs above a quoted e-mail ("-----Original Message-----", "On ... wrote:") when the
    respondent wrote something above it: what is quoted is the message replied to (the department's
    invitation, say). With nothing above (a forward under a bare "FYI"), the quoted message is the
    response and is kept."""
    for i, piece in enumerate(pieces):
        if starts_quoted_reply(piece.text) and any(_is_prose(p.text, title) for p in pieces[:i]):
            return pieces[:i]
    return pieces


def _without_header(block: Block, matcher: QuestionMatcher) -> Block | None:
    """The paragraph without its leading reference lines ("Re: Consultation on ...", "Subject: ...",
    "Submitted by ...", "Date: ...", a "... consultation response" title, the consultation's title);
    None if it is nothing else. They name the consultation or the sender: read as content, every letter
    with a subject line would be coded as raising the consultation's own topic."""
    if matcher.restates_title(block.text):
        return None
    skip = 0
    for line in block.text.split("\n"):
        if not (is_header_line(line) or matcher.restates_title(line)):
            break
        skip += len(line) + 1
    if not skip:
        return block
    body = block.text[skip:]
    start = block.start + skip + len(body) - len(body.lstrip())
    return Block(start, start + len(body.strip()), body.strip()) if body.strip() else None


def _content_paragraphs(read: _Read, title: str) -> list[str]:
    """Of a document's paragraphs outside its structured answers, those segmentation will match to
    questions by meaning: a free letter's, or those before the first heading."""
    rest = read.rest[: read.marks[0][0]] if read.marks else read.rest
    return [b.text for b in rest if _is_prose(b.text, title) and b.start not in read.about]


def _outside(text: str, block: Block, taken: list[tuple[int, int]]) -> list[Block]:
    """The parts of a block not covered by structured answers (labels, personal-details rows, notes)."""
    pieces, cursor = [], block.start
    for a, z in sorted(taken):
        if z <= cursor or a >= block.end:
            continue
        if a > cursor:
            pieces.append((cursor, a))
        cursor = max(cursor, z)
    if cursor < block.end:
        pieces.append((cursor, block.end))
    out = []
    for a, z in pieces:
        piece = text[a:z]
        lead = len(piece) - len(piece.lstrip())
        trimmed = piece.strip(" \n\t|")
        if trimmed:
            start = a + lead
            out.append(Block(start, start + len(piece.strip()), text[start : start + len(piece.strip())]))
    return out


def _segment(doc: Document, start: int, end: int, question: str, method: str, confidence: float) -> Segment:
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Segment(
        submission=doc.sha256, question=question, span=Span(start, end), text=doc.text[start:end],
        page=doc.page_of(start), method=method, confidence=round(confidence, 3),
    )


def _from_answers(doc: Document, matcher: QuestionMatcher) -> tuple[list[Segment], list[Segment]]:
    """Structured answers (form-export columns, response-form tables) located in the text: those that
    answer the consultation, and those about the respondent (profiling reads them; not coded)."""
    out: list[Segment] = []
    profile: list[Segment] = []
    cursor = 0
    method = "form-column" if doc.format == "form-row" else "form-table"
    for answer in doc.answers:
        if not answer.text.strip():
            continue
        start = doc.text.find(answer.text, cursor)
        if start < 0:
            start = doc.text.find(answer.text)
        if start < 0:
            continue
        end = start + len(answer.text)
        cursor = end
        question, confidence = _answer_question(answer, matcher)
        segment = _segment(doc, start, end, question, method, confidence)
        unmatched = question not in matcher.ids
        (profile if unmatched and about_respondent(answer.question, answer.text) else out).append(segment)
    return out, profile


def _answer_question(answer: Answer, matcher: QuestionMatcher) -> tuple[str, float]:
    if not matcher.questions:
        return answer.question, 1.0
    for label in (answer.question, answer.source):
        found = matcher.by_label(label)
        if found:
            return found
    return answer.question, 0.5  # a column or label no question matches: keep it under its own name


def _heading_of(block: Block, matcher: QuestionMatcher, numbered: bool) -> tuple[str, int, str] | None:
    """(question id, where the answer starts in the block, method) when the block opens a question."""
    m = QUESTION_HEADING.match(block.text)
    if m and int(m.group(1)) in matcher.by_number:
        question = matcher.by_number[int(m.group(1))]
        return question, _past_question(block.text, m.end(), question, matcher, label=True), "heading"
    if numbered:
        m = _NUMBERED.match(block.text)
        if m and int(m.group(1)) in matcher.by_number:
            question = matcher.by_number[int(m.group(1))]
            return question, _past_question(block.text, m.end(), question, matcher), "heading"
    quoted = matcher.quoted(block.text)
    if quoted:
        head = re.search(r"\?\s|\n", block.text)
        return quoted[0], head.end() if head else len(block.text), "quoted-question"
    return None


def _past_question(text: str, start: int, question: str, matcher: QuestionMatcher, *, label: bool = False
                   ) -> int:
    """Where the answer starts after a heading's number: past the question when the line restates it
    ("3. <question text>? <answer>"), so the question's words are not read as the respondent's; with
    `label` ("Question 3: ..."), also past a short line that has a line of answer after it."""
    line_end = text.find("\n")  # the heading's line
    line_end = len(text) if line_end < 0 else line_end
    if start > line_end:  # the heading alone on its line ("Question 2\n..."): the answer starts below it
        return start
    rest = text[start:line_end]
    quoted = matcher.quoted(rest)
    if quoted is not None and quoted[0] == question and (mark := re.search(r"\?\s", rest)):
        return start + mark.end()  # the answer goes on after the question mark
    if (rest.strip().endswith("?") or (quoted is not None and quoted[0] == question)
            or (label and line_end < len(text) and len(text_words(rest)) < 25)):
        return min(line_end + 1, len(text))
    return start


_PIECE = re.compile(r"\s*([^\n?.!]+[?.!]?)")  # a sentence, or a line without a stop


def _past_restated(text: str, start: int, end: int, question: list[str]) -> int:
    """Past sentences at the start of an answer that repeat the question's own words: the question's
    second sentence ("Please give your reasons.") copied on the line or paragraph after its heading."""
    said = f" {' '.join(question)} "
    while start < end and (m := _PIECE.match(text, start, end)):
        words = text_words(m.group(1))
        if len(words) < 2 or f" {' '.join(words)} " not in said:
            break
        start = m.end()
    return start


def _numbered_headings(rest: list[Block], matcher: QuestionMatcher) -> bool:
    """Paragraph-initial '3.' numbers count as headings only in an increasing run of at least two."""
    numbers = [int(m.group(1)) for b in rest if (m := _NUMBERED.match(b.text))]
    valid = [n for n in numbers if n in matcher.by_number]
    return len(valid) >= 2 and valid == sorted(set(valid)) and len(valid) == len(numbers)


def _by_headings(doc: Document, read: _Read, matcher: QuestionMatcher) -> list[Segment]:
    """Segments between explicit headings (`read.marks`, at least one), and the text above the first
    matched by meaning."""
    above = _by_content(doc, read.rest[: read.marks[0][0]], matcher, read.about, general_only_below=0.45)
    return above + _headed(doc, read, matcher)


def _headed(doc: Document, read: _Read, matcher: QuestionMatcher) -> list[Segment]:
    """The answers under explicit headings (`read.marks`, at least one), and the sign-offs and "About us"
    sections after them. Embeds nothing: calibration reads the answers as examples (`_examples`)."""
    out: list[Segment] = []
    rest, marks = read.rest, read.marks
    for n, (i, (question, body, method)) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else len(rest)
        span_blocks = rest[i:stop]
        closing = next((k for k, b in enumerate(span_blocks)
                        if k and (closes_letter(b.text) or b.start in read.about)), None)
        signed_off = closing is not None and closes_letter(span_blocks[closing].text)
        if closing is not None:  # a sign-off or an "About us" section after the answer
            out += [seg for b in span_blocks[closing:] for seg in _general(doc, b, read.about)]
            span_blocks = span_blocks[:closing]
        if n == len(marks) - 1 and not signed_off:  # a name and role with no sign-off, maybe above "About us"
            span_blocks = _without_signature(span_blocks)
        end = span_blocks[-1].end
        start = _past_restated(doc.text, span_blocks[0].start + body, end, matcher.words(question))
        if end > start and doc.text[start:end].strip():
            out.append(_segment(doc, start, end, question, method, 1.0 if method == "heading" else 0.9))
    return out


def _heading_marks(rest: list[Block], matcher: QuestionMatcher) -> HeadingMarks:
    """(index in `rest`, (question, body offset, method)) of each block that heads an answer."""
    numbered = _numbered_headings(rest, matcher) and not any(QUESTION_HEADING.match(b.text) for b in rest)
    return [(i, h) for i, b in enumerate(rest) if (h := _heading_of(b, matcher, numbered))]


def _without_signature(span_blocks: list[Block]) -> list[Block]:
    """The last answer of a letter without its signature block (a name, role, organisation or address
    after the last sentence, with no "Yours faithfully" before it)."""
    keep = len(span_blocks)
    while keep > 1 and is_furniture(span_blocks[keep - 1].text):
        keep -= 1
    return span_blocks[:keep] if has_sentence(span_blocks[keep - 1].text) else span_blocks


def _general(doc: Document, block: Block, about: frozenset[int]) -> list[Segment]:
    """A passage that answers no question: a GENERAL segment, an ABOUT one when it only says who the
    respondent is (an opening self-description or an "About us" section: `about`, from `structure.about`),
    or none for letter furniture."""
    if is_furniture(block.text):
        return []
    if block.start in about:
        return [_segment(doc, block.start, block.end, ABOUT, "about", 1.0)]
    return [_segment(doc, block.start, block.end, GENERAL, "general", 1.0)]


def _is_prose(text: str, title: str) -> bool:
    """Sentences, not a letterhead, address block, date or sign-off: only these are matched by meaning.
    `title`: the consultation's (a covering sentence naming it is a formality)."""
    return (
        len(text_words(text)) >= MIN_CONTENT_WORDS
        and not closes_letter(text)
        and has_sentence(text)
        and not is_furniture(text)  # a covering note is a sentence too
        and not only_formalities(text, title)  # "X welcomes the consultation." answers none
    )


def _by_content(
    doc: Document, rest: list[Block], matcher: QuestionMatcher, about: frozenset[int],
    general_only_below: float = 0.0,
) -> list[Segment]:
    """Free text with no headings: each paragraph goes to the question(s) it is most similar to."""
    out: list[Segment] = []
    candidates = [b for b in rest if _is_prose(b.text, matcher.title) and b.start not in about]
    scores = matcher.by_content([b.text for b in candidates])
    picks = dict(zip((b.start for b in candidates), scores, strict=True))
    for b in rest:
        chosen = [(q, s) for q, s in picks.get(b.start, []) if s >= general_only_below]
        if not chosen:
            out += _general(doc, b, about)
            continue
        for question, score in chosen:
            out.append(_segment(doc, b.start, b.end, question, "similarity", min(1.0, score / 0.6)))
    return out
