"""Which question a heading, a form label or a paragraph refers to (`QuestionMatcher`): by number, by
the question's words quoted back, or by meaning (sentence embeddings, calibrated on the corpus and routed
by the answers it files under headings and in forms, `Routing`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import NamedTuple

import numpy as np

from respmine.consultation import Question
from respmine.page_breaks import QUESTION_HEADING, heading_number, question_number
from respmine.structure.about import describes_respondent
from respmine.structure.blocks import NUMBERED
from respmine.structure.choices import question_options
from respmine.structure.furniture import text_words, title_stems
from respmine.structure.language import UNKNOWN, guess_language
from respmine.topics.embed import Embedder

SIMILARITY_THRESHOLD = 0.35  # cosine similarity of a paragraph to a question text to assign it
_ANSWERS = re.compile(  # a sentence opening as an answer: "We agree ...", "So yes, I ...", "Our view is ..."
    r"\W*(?:(?:so|and|but|yes|no|overall|also|again|finally)\b\W*)*(?:i|we|our|my|yes|no)\b", re.IGNORECASE)
SECOND_QUESTION_MARGIN = 0.0  # a paragraph also counts for a second question this close to the best
CALIBRATION_MIN = 30  # paragraphs needed to calibrate per-question similarity
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
_QUESTION_NUMBER = re.compile(r"^(?:(?:question|cwestiwn|q)\s*(?:no\.?\s*)?)?\d+[a-z]?[.):]?\s+",
                              re.IGNORECASE)
TITLE_RATIO = 0.8  # word-sequence similarity at which a passage restates the consultation's title
# A question's own words (`own_words`: in its text, in no other question's nor the title) named by a
# paragraph are evidence it answers that question, with its similarity: OWN_WORDS_OVERRULE of them file it
# there rather than where the routing would (as close by routing, within OWN_WORDS_MARGIN, and at least as
# close by the question texts), or under it as well as under a first question whose own words it names;
# one below SIMILARITY_THRESHOLD naming own words of the question it is closest to, by both, from
# OWN_WORDS_FLOOR, answers it ("He was made to wear the orange vest outside the school": "vests")
OWN_WORDS_MARGIN = 0.1
OWN_WORDS_OVERRULE = 2
OWN_WORDS_FLOOR = 0.15
_SUFFIXES = ("ities", "ity", "ings", "ing", "ions", "ion", "ers", "er", "ed", "es", "s", "ally", "al", "ly",
             "e")
STEM_LETTERS = 8  # "responsibilities" and "response" are two words
_GENERIC = frozenset({  # a question's words that say nothing of what it asks about
    "agree", "disagree", "should", "would", "could", "which", "what", "whether", "does", "have", "there",
    "their", "these", "those", "other", "about", "think", "view", "views", "option", "options", "prefer",
    "propose", "proposed", "proposal", "proposals", "consultation", "comment", "comments", "further",
    "people", "person", "continue", "current", "currently", "rather", "available", "better", "need", "needs",
    "role", "play", "make", "made", "more", "most", "such", "much", "many", "including", "within", "than",
    "with", "from", "this", "that", "your", "into", "when", "where", "also", "only", "some", "very", "been",
    "being", "were", "will", "them", "they", "please", "give", "reasons", "reason", "example", "examples",
    "anything", "else", "yours", "answer", "explain", "provide", "evidence", "information", "changes",
    "change", "approach", "ways", "using", "used", "same", "each", "every", "between", "extent", "able",
    "high", "meet", "carry", "carrying", "apply", "issue", "across", "against", "improve", "needed", "done",
    "doing", "take", "taken", "work", "working", "well", "good", "best", "ensure", "support", "help",
    "impact"})


def stems(text: str) -> set[str]:
    """The text's content words (four letters or more, not `_GENERIC`), each cut to a crude stem ("vests",
    "vest": "vest"; "regions", "regional": "region"; "educational", "education": "educat")."""
    return {stem for word in text_words(text) if len(word) >= 4 and word not in _GENERIC and word.isalpha()
            and (stem := _stem(word)) not in _GENERIC_STEMS}


def _stem(word: str) -> str:
    for _ in range(2):  # ("educational": "education", "educat")
        word = next((word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 4
                     and not word.endswith("ss")), word)  # ("access")
    return word[:STEM_LETTERS]


_GENERIC_STEMS = frozenset(_stem(w) for w in _GENERIC)  # ("needed", "proposing")
_NAME = r"^\W*(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|in|on|the|&))*"
_INTRODUCES = re.compile(  # a body saying who it is, naming whom it serves: no answer for naming them
    _NAME + r"(?:\s*(?:,|\s[-–—])\s*|\s+(?:is|are|was)\s+)(?:an?|the|one\s+of\s+the)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:charity|network|organi[sz]ation|association|union|trust|group|forum|body|federation|alliance"
    r"|partnership|company|council|service|centre|center|coalition|society|club|collective|provider)\b"
    + r"|" + _NAME + r"\s+(?:has|have)\s+(?:[a-z]+ly\s+)?(?:supported|represented|served|worked\s+with|helped"
    r"|campaigned|provided|run)\b")


def own_words(questions: Sequence[Question], title: str = "") -> dict[str, frozenset[str]]:
    """Per question, the stems of its text's words that no other question's text has, nor the title (the
    consultation's subject: "Community Payback" in one question's text is no sign a paragraph answers it);
    none for a catch-all question ("Any other comments?")."""
    per = {q.id: stems(q.text) for q in questions}
    shared = Counter(w for words in per.values() for w in words)
    common = stems(title)
    return {q.id: frozenset() if asks_anything_else(q.text) else
            frozenset(w for w in per[q.id] if shared[w] == 1 and w not in common) for q in questions}


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


OFF_TOPIC_MIN_WORDS = 25  # a shorter document says too little to be judged off the subject (`on_topic`): a
# review's one-line letters on standing charges ("I can't afford my bills any more. Please help.", "Leave
# things as they are.", "I agree with all of it.") were neither near a question nor named the title, and were
# read blank (no theme, no stance); trial 30a's parking appeal has 28 words, the complaints of 26a-29a 38
_ANY_TITLES = frozenset({  # (stems, `title_stems`) of the words any consultation's title may have
    "revie", "propo", "consu", "futur", "servi", "optio", "chang", "moder", "plan", "plans", "draft", "strat",
    "new", "call", "evide", "respo", "expan", "deliv", "impro", "refor", "appro"})


_PROPER = re.compile(r"\b(?-i:[A-Z][a-z][\w'’-]+)")  # a capitalised word (not "NHS", not "I")
_SENTENCE_START = re.compile(  # what precedes a sentence's first word, or a scale's ("Agree / Disagree")
    r"(?:^|[.?!:;/|][\"'”’)]*\s*|[\"“‘(]\s*)\Z")
_NOT_PLACES = frozenset({"optio", "quest", "propo", "annex", "secti", "part", "stage", "agree", "disag",
                         "neith", "stron"})


def places_named(texts: Iterable[str]) -> set[str]:
    """Stems (`title_stems`) of the proper names the question texts use within their sentences ("three
    units, keeping Westbury", "two units at Kingsmere and Ashby"): the places, sites and bodies the
    consultation is about, words its answers name and an unrelated letter does not. Not a sentence's
    first word ("Do you agree ..."), nor "Option", "Question", "Part"."""
    out: set[str] = set()
    for text in texts:
        for m in _PROPER.finditer(text):
            if not _SENTENCE_START.search(text[: m.start()]):
                out |= title_stems(m.group(0))
    return out - _NOT_PLACES


class QuestionMatcher:
    """Finds which question a heading, label or paragraph refers to."""

    def __init__(self, questions: Sequence[Question], embedder: Embedder | None = None, title: str = ""
                 ) -> None:
        self.questions = list(questions)
        self.title = title
        self._title_words = text_words(title)
        self._title_bag = Counter(self._title_words)
        self._title_chars = len(title)
        self.by_number = {question_number(q.number): q.id for q in self.questions if q.number is not None}
        self.ids = {q.id for q in self.questions}
        self.options = {q.id: opts for q in self.questions if (opts := question_options(q.text, q.options))}
        self._position = {q.id: i for i, q in enumerate(self.questions)}  # (the question vectors' rows)
        self._question_words = [text_words(q.text) for q in self.questions]
        self._question_bags = [Counter(words) for words in self._question_words]
        self._words_by_id = dict(zip((q.id for q in self.questions), self._question_words, strict=True))
        self._openings = [words[:2] for words in self._question_words]  # ("we propose": a question's too)
        self._own = own_words(self.questions, title)
        self._places = places_named(q.text for q in self.questions) - _ANY_TITLES
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
        if self.embedder is None or not self.learns_from(len(paragraphs)):
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

    def learns_from(self, paragraphs: int) -> bool:
        """Whether `calibrate` learns anything from this many paragraphs (else the raw similarity is used)."""
        return self.embedder is not None and bool(self.questions) and paragraphs >= CALIBRATION_MIN

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
            if near[i] < near.mean() and asks_anything_else(q.text):  # "Any other comments?": its answers
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
        for pattern in (QUESTION_HEADING, NUMBERED):
            m = pattern.match(clean)
            number = m and (heading_number(m) if pattern is QUESTION_HEADING else m.group(1))
            if number and (found := self.numbered(number)):
                return found, 1.0
        best = self.quoted(clean, threshold=0.5)
        return best

    def order(self, question: str) -> int:
        """Where a question comes in the consultation's order."""
        return self._position[question]

    def numbered(self, number: str) -> str | None:
        """The question a heading's number names ("4", "4a", "4(a)", "4.1"): its own, else a sub-question's
        main question ("Q5(a)" where only 5 is asked), else a whole number's first sub-question ("Question
        4" where 4a and 4b are asked)."""
        key = question_number(number)
        if key in self.by_number:
            return self.by_number[key]
        main = re.match(r"\d+", key)
        if main is None:
            return None
        if main.group() in self.by_number:
            return self.by_number[main.group()]
        if key == main.group():
            return next((q for n, q in self.by_number.items() if re.match(rf"{key}(?!\d)", n)), None)
        return None

    def words(self, question: str) -> list[str]:
        """The words of a question's text (none for a question id not in the consultation)."""
        return self._words_by_id.get(question, [])

    def own_words_named(self, text: str, question: str) -> int:
        """How many of the question's own words (`own_words`: in its text, in no other question's nor the
        title) the text names."""
        return len(stems(text) & self._own.get(question, frozenset()))

    def restates_title(self, text: str) -> bool:
        """Whether the passage is the consultation's title (a response form's header, a letter's)."""
        if not self._title_words or len(text) > 3 * self._title_chars:  # far longer: cannot be it
            return False
        words, title = text_words(text), self._title_words
        if 2 * min(len(words), len(title)) < TITLE_RATIO * (len(words) + len(title)):
            return False  # too short or too long to reach the ratio (checked before counting words)
        return _ratio(words, title, TITLE_RATIO, Counter(words), self._title_bag) >= TITLE_RATIO

    def quoted(self, text: str, threshold: float = 0.7) -> tuple[str, float] | None:
        """The question whose text this passage quotes (first sentence or first line compared). A statement
        opening as an answer does ("We agree that victims should have a legal right to be told ...", "So
        yes, I agree that ..."): it answers in the question's words, and reading it as the question's
        heading dropped the answer and filed the rest of the letter under that question."""
        first = re.split(r"(?<=\?)\s|\n", text.strip(), maxsplit=1)[0]
        head = text_words(first)
        if "?" not in first and _ANSWERS.match(first) and head[:2] not in self._openings:
            return None  # (unless a question opens so: "We propose that victims should ...")
        if len(head) < 4:
            return None
        counts = Counter(head)
        known = zip(self.questions, self._question_words, self._question_bags, strict=True)
        scored = [(_ratio(head, words, threshold, counts, bag), q.id) for q, words, bag in known]
        if not scored:
            return None
        score, qid = max(scored)
        return (qid, score) if score >= threshold else None

    def closest(self, text: str, among: Sequence[str], threshold: float = SIMILARITY_THRESHOLD) -> str | None:
        """Of the questions `among`, the one the text resembles most by meaning (calibration's bias
        removed), when it reaches `threshold`."""
        if self.embedder is None or not among:
            return None
        row = (self._vectors([text]) @ self._questions().T)[0]
        if self.bias is not None:
            row = row - self.bias
        best = max(among, key=lambda q: float(row[self._position[q]]))
        return best if float(row[self._position[best]]) >= threshold else None

    def by_content(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """For each paragraph of one document, the questions it addresses by meaning (best first), possibly
        none."""
        if not texts or not self.questions or self.embedder is None:
            return [[] for _ in texts]
        vectors = self._vectors(texts)
        sims = vectors @ self._questions().T
        if self.bias is not None:
            sims = sims - self.bias
        on_topic = self._on_topic(texts, sims)
        if self.routing is not None:
            return self._routed(texts, vectors, sims, self.routing, on_topic)
        everyone = list(range(len(self.questions)))
        return [self._picks(text, row, row, everyone, routed=False, on_topic=on_topic)
                for text, row in zip(texts, sims, strict=True)]

    def on_topic(self, texts: Sequence[str]) -> bool:
        """Whether a document (its paragraphs `texts`) is on the consultation's subject, for reading themes
        in it: one of its paragraphs is close to a topical question (not "Any other comments?"), or it names
        the subject, by two of the title's own words (one where the title has no more than two: "library"
        for "Library Service Review 2026: proposals for the future of branch libraries"; not the words any
        consultation's title has, "review", "proposals"). One is chance in a longer title: a parking
        appeal's "penalty charge notice" is not about "standing charges on domestic energy bills". So is
        any document without questions, an embedder or paragraphs to judge, or written in another language
        than English (nothing says it is off the subject)."""
        if not texts or not self.questions or self.embedder is None:
            return True
        if sum(len(t.split()) for t in texts) < OFF_TOPIC_MIN_WORDS:
            return True  # (too little to judge: "Leave things as they are.", "I can't afford my bills")
        sims = self._vectors(texts) @ self._questions().T
        if self.bias is not None:
            sims = sims - self.bias
        topical = [i for i, q in enumerate(self.questions) if not asks_anything_else(q.text)]
        if topical and bool((sims[:, topical].max(axis=1) >= SIMILARITY_THRESHOLD).any()):
            return True  # (not "Any other comments?": its calibrated similarity to anything is high)
        subject = title_stems(self.title) - _ANY_TITLES
        if not subject or guess_language("\n".join(texts)) not in ("en", UNKNOWN):
            return True  # (a Welsh letter does not name an English title's words: nothing says it is off it)
        return len(self._subject_named(texts, subject)) >= (1 if len(subject) <= 2 else 2)

    def names_subject(self, text: str) -> bool:
        """Whether a paragraph names a word of the consultation's title (any: "the case for change" in a
        stroke services changes consultation) or a place the questions name (`places_named`)."""
        return bool(self._subject_named([text], title_stems(self.title)))

    def _subject_named(self, texts: Sequence[str], subject: set[str]) -> set[str]:
        """The words of `subject` (stems of the title's words) and of the places the question texts name
        (`places_named`: "Westbury" and "Kingsmere" with "stroke" speak of a stroke services consultation)
        that a document's paragraphs use."""
        return set().union(*(title_stems(t) for t in texts)) & (subject | self._places)

    def _on_topic(self, texts: Sequence[str], sims: np.ndarray) -> bool:
        """Whether a document's faint paragraphs may answer a question by naming its own words: when one
        of its paragraphs is close to a question, or one names the consultation's subject (a word of its
        title: a mother's e-mail on her son's "unpaid work", whose paragraph on the orange vest answers the
        question on vests), or a place the questions name (a meeting note's "elderly visitors to Westbury").
        A complaint about a missed bin collection sent to a library consultation does
        neither; its "return visit" is no answer to the question on a mobile library visit."""
        return bool((sims.max(axis=1) >= SIMILARITY_THRESHOLD).any()) or bool(
            self._subject_named(texts, title_stems(self.title)))

    def _routed(self, texts: Sequence[str], vectors: np.ndarray, sims: np.ndarray, routing: Routing,
                on_topic: bool) -> list[list[tuple[str, float]]]:
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
        keep = [i for i in range(len(self.questions)) if i not in skip]
        return [self._picks(text, row, route, keep, routed=True, on_topic=on_topic)
                for text, row, route in zip(texts, sims, routes, strict=True)]

    def _picks(self, text: str, sims: np.ndarray, routes: np.ndarray, keep: list[int], *, routed: bool,
               on_topic: bool = True) -> list[tuple[str, float]]:
        """The questions (at most two, best first) a paragraph answers, with its score: whether it answers
        any, by its best similarity to the question texts `keep` (`sims`); which, by `routes` (the routing's,
        or `sims` again), and by the questions' own words it names (`own_words`): two of them file it under
        their question rather than the one the routing prefers (as close by the texts, nearly as close by
        the routing: "... handed to private companies ... run by the probation regions" for the question on
        options "probation regions continue ..." or "a national contract with a private provider", which the
        routing put under women and carers' needs); a question two of whose own words it names, close
        enough, is a second one when the first's own words are named too ("moving to 30 per cent for
        education and training ..., but the vests should be scrapped"); and one below the threshold is
        filed under the question it is closest to by both when it names that question's own words, in a
        document `on_topic`. Each is scored by the paragraph's best similarity when `routed`, else by its
        own."""
        said = stems(text)
        hits = {i: len(said & self._own[self.questions[i].id]) for i in keep}
        score = float(sims[keep].max())
        order = [int(i) for i in np.argsort(-routes, kind="stable") if int(i) in hits]
        best = order[0]
        if score < SIMILARITY_THRESHOLD:
            closest = max(keep, key=lambda i: float(sims[i]))
            if (on_topic and closest == best and hits[best] and score >= OWN_WORDS_FLOOR
                    and not _INTRODUCES.match(text) and not describes_respondent(text)):  # ("Anchor Women's
                # Centre has supported women ... since 2004": who the respondent is, not an answer on women)
                return [(self.questions[best].id, score)]
            return []
        near = [i for i in order
                if routes[i] >= routes[best] - OWN_WORDS_MARGIN and sims[i] >= SIMILARITY_THRESHOLD]
        if not hits[best]:
            named = [i for i in near if hits[i] >= OWN_WORDS_OVERRULE and sims[i] >= sims[best]]
            best = named[0] if named else best
        passed = order[: order.index(best)]  # (the routing's choice, overruled: not a second answer either)
        picks = [best] + [i for i in order if i != best and i not in passed
                          and routes[i] >= routes[best] - SECOND_QUESTION_MARGIN]
        if hits[best]:
            picks += [i for i in near if i not in picks and hits[i] >= OWN_WORDS_OVERRULE]
        return [(self.questions[i].id, score if routed else float(sims[i])) for i in picks[:2]]


def asks_anything_else(question: str) -> bool:
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


class Example(NamedTuple):
    """A paragraph filed under its question by a heading, a quoted question or a form: `Routing` learns
    from these."""

    question: str
    text: str
    source: str  # the submission it is from
