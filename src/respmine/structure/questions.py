"""Per-question segmentation: map every passage of a submission onto the consultation's questions.

Evidence, strongest first: structured answers (form-export columns, response-form tables), explicit
headings ("Question 3", "Q3:", "3."), the question text quoted back, and, for free-form letters with no
headings, similarity of each paragraph to the question texts (sentence embeddings), with a confidence;
which question such a paragraph is filed under also learns from the corpus's answers filed by headings
and forms (`question_matcher`: `QuestionMatcher`, `Routing`).
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
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from respmine.consultation import Question
from respmine.page_breaks import QUESTION_HEADING, heading_number, heading_numbers
from respmine.records import ABOUT, GENERAL, NOTE, Answer, Document, Segment, Span, question_order
from respmine.structure.about import (
    SEARCHED_PARAGRAPHS,
    about_respondent,
    about_sections,
    describes_respondent,
)
from respmine.structure.blocks import NUMBERED, Block, blocks
from respmine.structure.choices import letters_choice, only_a_choice
from respmine.structure.copied import ConsultationText, asks
from respmine.structure.furniture import (
    closes_letter,
    has_sentence,
    is_banner,
    is_furniture,
    is_header_line,
    only_formalities,
    only_meeting,
    said_in_a_line,
    signs_in_mixed_case,
    starts_quoted_reply,
    states_a_choice,
    text_words,
)
from respmine.structure.notes import footnote_marks, footnote_number, is_footnote, is_reference_note
from respmine.structure.passages import passages
from respmine.structure.petitions import is_petition, signatory_list
from respmine.structure.question_matcher import Calibration, Example, QuestionMatcher, stems
from respmine.structure.restated import CLOSED_ANSWER, answer_start
from respmine.structure.ticks import ticks_one, unticked
from respmine.themes.stance import (
    asks_agreement,
    changes_one_way,
    moves_what_it_names,
    named_words,
    names_proposal,
)
from respmine.topics.embed import Embedder
from respmine.versions import source_digest

MIN_CONTENT_WORDS = 8  # shorter paragraphs (addresses, salutations, headings) are general
# Paragraphs calibration embeds at most (a fixed pseudo-random sample of a larger corpus): it estimates
# mean similarities, to about +-0.003 from 1,000 paragraphs, and a third of a large corpus's paragraphs
# (those under headings or in forms) are embedded for nothing else.
CALIBRATION_SAMPLE = 1000


def infer_questions(docs: Sequence[Document], min_documents: int = 2) -> list[Question]:
    """Questions from the headings that recur across submissions, for runs without a consultation file.

    A numbered heading ("Question 3", "Q3:") seen in several submissions becomes question 3, with the
    most common text written after it (often the question quoted back). Recurring un-numbered lines are
    not used: copies of one form letter share them without being answers to a question.
    """
    numbered: dict[str, Counter[str]] = {}
    seen_in: Counter[str] = Counter()
    for doc in docs:
        numbers = set()
        for block in blocks(doc.text):
            first = block.text.split("\n", 1)[0].strip()
            m = QUESTION_HEADING.match(first)
            if m:
                n = heading_number(m)
                numbers.add(n)
                numbered.setdefault(n, Counter())[first[m.end() :].strip()] += 1
        seen_in.update(numbers)
    return [
        Question(id=f"Q{n}", number=n, text=(numbered[n].most_common(1)[0][0] or f"Question {n}"))
        for n in sorted((n for n, c in seen_in.items() if c >= min_documents), key=question_order)
    ]


def calibration_key(questions: Sequence[Question], embedder: Embedder | None, title: str = "",
                    document: str = "") -> str:
    """Changes with this module's code, the embedder and the consultation's questions, title and document
    (`ConsultationText.stamp`: its own text, left out of responses)."""
    given = [(q.id, q.number, q.text) for q in questions]
    blob = repr((_code_version(), getattr(embedder, "name", None), given) + ((title,) if title else ())
                + ((document,) if document else ()))
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


@cache
def _code_version() -> str:
    """Segmentation's code: this module, the paragraphs and passages it reads and the matcher that files
    them, the furniture rules it leaves out, the notes it sets apart, the form fields about the respondent
    it does not segment, the self-descriptions it sets apart (read a sentence at a time), the page-break
    rule by which it joins paragraphs, and the readings of closed questions and their answers by which a
    letter's paragraph is filed under one (`_closed_questions`)."""
    from respmine import page_breaks
    from respmine.structure import (
        about,
        choices,
        copied,
        furniture,
        language,
        notes,
        passages,
        petitions,
        question_matcher,
        restated,
        ticks,
    )
    from respmine.structure import blocks as paragraphs
    from respmine.themes import sentences, stance

    return source_digest(__file__, paragraphs.__file__, question_matcher.__file__, furniture.__file__,
                         notes.__file__, about.__file__, page_breaks.__file__, sentences.__file__,
                         passages.__file__, choices.__file__, stance.__file__, ticks.__file__,
                         restated.__file__, petitions.__file__, language.__file__, copied.__file__)


def calibrate(docs: Sequence[Document], questions: Sequence[Question], embedder: Embedder | None = None,
              title: str = "", copied: ConsultationText | None = None) -> Calibration:
    """Calibration on a corpus (questions inferred from it when none are given)."""
    matcher = QuestionMatcher(list(questions) or infer_questions(docs), embedder, title)
    prose = [(d.sha256, b) for d in docs for b in blocks(d.text) if _is_prose(b.text, title)]
    if len(prose) > CALIBRATION_SAMPLE:  # the same sample whatever the order of the documents
        prose = sorted(prose, key=lambda p: _sample_key(p[0], p[1].start))
        prose = prose[:CALIBRATION_SAMPLE]
    examples = _examples(docs, matcher, copied) if matcher.learns_from(len(prose)) else []
    matcher.calibrate([b.text for _, b in prose], examples)
    bias = None if matcher.bias is None else tuple(float(b) for b in matcher.bias)
    key = calibration_key(questions, embedder, title, copied.stamp() if copied else "")
    return Calibration(tuple(matcher.questions), bias, len(docs), key, matcher.routing)


def _sample_key(submission: str, start: int) -> bytes:
    return hashlib.sha256(f"{submission}:{start}".encode()).digest()


def _examples(docs: Sequence[Document], matcher: QuestionMatcher,
              copied: ConsultationText | None = None) -> list[Example]:
    """The answers filed by a heading, a quoted question or a form: each distinct paragraph once (copies
    of a form letter are one example), at most CALIBRATION_SAMPLE (the same pseudo-random sample whatever
    the order of the documents, mostly paragraphs calibration embeds anyway; the others are segments
    theme coding embeds, through the same cache)."""
    found: dict[str, tuple[bytes, str, str]] = {}
    for doc in docs:
        read = _read(doc, matcher, copied)
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
    calibration: Calibration | None = None, title: str = "", copied: ConsultationText | None = None,
) -> dict[str, list[Segment]]:
    """Segments of each submission, keyed by submission: with `calibration` (an earlier run's), else
    calibrated on `docs` themselves. Without questions, they are inferred from recurring headings.
    `title`: the consultation's, not content where a response restates it. `copied`: the consultation's
    own text (its document's, or paragraphs several writers copied), left out where responses copy it."""
    calibration = calibration or calibrate(docs, questions, embedder, title, copied)
    matcher = QuestionMatcher.calibrated(calibration, embedder, title)
    parts = [(d, _read(d, matcher, copied)) for d in docs]
    if embedder is not None and matcher.questions:  # one batch: per-document calls embed a few at a time
        paragraphs = [p for d, read in parts for p in _content_paragraphs(d.text, read, matcher.title)]
        matcher.embed_ahead(paragraphs + [s for p in paragraphs for s in _agreeing(p)])
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
    dropped: tuple[tuple[int, int], ...] = ()  # spans of the consultation's own text copied in, left out


def _segmented(doc: Document, matcher: QuestionMatcher, read: _Read) -> list[Segment]:
    """The structured answers' segments with those of the other paragraphs, in text order."""
    segments = list(read.answers)
    if not matcher.questions:  # no consultation: answers are named by their label; the rest is general
        segments += [seg for b in passages(doc.text, read.rest, read.about)
                     for seg in _general(doc, b, read.about, matcher.title)]
    elif read.marks:
        segments += _by_headings(doc, read, matcher)
    else:
        segments += _by_content(doc, read.rest, matcher, read.about, whole=not read.answers)  # (a form's
        # answers on the subject make its other text no document off it)
    if not segments and not doc.children:  # nothing but short lines (no attachment it covers): a line in
        # capitals read as a heading heads nothing, it is what was said (not under "No comment.", which
        # says there is nothing: a name below it is no comment)
        segments = [_segment(doc, b.start, b.end, GENERAL, "general", 1.0) for b in _said_in_lines(read.rest)]
    segments = [s for s in segments if not NO_ANSWER.fullmatch(s.text)]  # ("3. No comment.": not an answer)
    return _references_apart(sorted(segments, key=lambda s: (s.span.start, s.question)), matcher)


REFERENCE = "reference"  # the method of an answer that only points to another ("see above", "see Q6"): a NOTE


def _references_apart(segments: list[Segment], matcher: QuestionMatcher) -> list[Segment]:
    """Answers that only refer elsewhere ("see above", "See our answer to Q2.", "as Q6", "Please refer to
    our covering letter": `cells.cross_reference`) filed as notes, the method naming the question each
    sits under and where it points ("reference from Q6 to Q5": the question answered above it, a
    numbered question, or what it names): no view of its own to code or count, and the question is not
    counted as answered by it (trial 31a: a form's "see above" had counted Q6 as answered)."""
    from respmine.structure.cells import cross_reference

    out: list[Segment] = []
    above: str | None = None  # the last question answered in its own words
    for seg in segments:
        target = (cross_reference(seg.text) if seg.question not in {GENERAL, ABOUT, NOTE} else None)
        if target is None:
            out.append(seg)
            if seg.question not in {GENERAL, ABOUT, NOTE}:
                above = seg.question
            continue
        to = (matcher.numbered(target) or f"question {target}") if target[:1].isdigit() else target
        to = to or above or "the answer above"
        out.append(replace(seg, question=NOTE, method=f"{REFERENCE} from {seg.question} to {to}"))
    return out


def _said_in_lines(rest: list[Block]) -> list[Block]:
    """The lines of a document with nothing else that read as headings in capitals (`furniture.said_in_a
    _line`: "SCRAP THE STANDING CHARGE" as an e-mail's whole body, dropped as a heading), the last left out
    when there are several and nothing below it signs in mixed case (a name signing the message: "SCRAP IT"
    over "JOHN SMITH"; over "John Smith" both lines in capitals are said: `furniture.signs_in_mixed_case`)."""
    said = [k for k, b in enumerate(rest) if said_in_a_line(b.text)]
    if len(said) > 1 and not any(signs_in_mixed_case(b.text) for b in rest[said[-1] + 1 :]):
        said = said[:-1]
    return [rest[k] for k in said]


# An answer that declines to answer ("Prefer not to say", a form's refusal), or a draft's placeholder ("[Draft
# - to be completed]", "TBC"): the question is not counted as answered ("None." is an answer: "What barriers
# do you face?"; so is "No opinion" to a closed question: the view that none is held, `themes.agreement`)
NO_ANSWER = re.compile(r"\W*(?:no (?:further )?comments?(?: to make)?|n/a|n\.a\.|(?-i:NA)|not applicable"
                       r"|(?:i(?:['’]d| would) )?(?:prefer|rather) not (?:to )?(?:say|answer|comment)"
                       r"|nothing (?:further |more |else )?to add|no response|no answer"
                       r"|(?:draft\W+)?(?:to be (?:completed|confirmed|added)|tbc|tbd|to follow))\W*|\W+",
                       re.IGNORECASE)  # (not "Na": Welsh "no"; dashes alone: `\W+`, in linear time)


def _read(doc: Document, matcher: QuestionMatcher, copied: ConsultationText | None = None) -> _Read:
    """The document's structured answers, then its other paragraphs without labels, reference lines, a
    quoted message below a reply and the consultation's own paragraphs copied into it (`copied`, but a
    question's heading), and the headings among them."""
    answers, profile = _from_answers(doc, matcher)
    taken = [(s.span.start, s.span.end) for s in answers + profile]
    taken += signatory_list(doc.text)  # a petition's signatories are no answer (and all redacted)
    labels = {line.strip() for a in doc.answers for label in (a.question, a.source)  # (a cell of two lines:
              for line in (label, *label.split("\n"))}  # its lines are pieces of their own)
    pieces = [
        piece for b in blocks(doc.text) for piece in _outside(doc.text, b, taken)
        if piece.text.strip(" |:") not in labels  # a form column header or table label, not an answer
        and not _profile_rows(piece.text)
    ]
    rest = [kept for piece in _above_quoted_reply(pieces, matcher.title)
            if (kept := _without_header(piece, matcher))]
    dropped: list[tuple[int, int]] = []
    if copied:  # (a response typed into the consultation document: its explanatory text is not the answer)
        asked = [q.text for q in matcher.questions]
        before, rest = rest, copied.without(rest, lambda t: bool(QUESTION_HEADING.match(t)) or asks(t, asked)
                                            or matcher.quoted(t) is not None or unticked(t) != t)
        dropped = _left_out(before, rest)
    if matcher.questions:
        rest = [part for b in rest for part in _heading_apart(doc.text, b, matcher)]
    marks = _heading_marks(rest, matcher) if matcher.questions else []
    opening = [b for b in (rest[: marks[0][0]] if marks else rest)
               if _is_prose(b.text, matcher.title)][:SEARCHED_PARAGRAPHS]
    sections = about_sections([b.text for b in rest], {i for i, _ in marks})
    about = frozenset([b.start for b in opening if describes_respondent(b.text)]
                      + [rest[i].start for i in sections])
    return _Read(answers, rest, marks, about, tuple(dropped))


def _left_out(before: list[Block], after: list[Block]) -> list[tuple[int, int]]:
    """The spans of `before`'s paragraphs that `after` (the same, some left out or cut short) lacks."""
    out: list[tuple[int, int]] = []
    kept = iter(after)
    nxt = next(kept, None)
    for b in before:
        at = b.start
        while nxt is not None and nxt.end <= b.end and nxt.start >= b.start:
            if nxt.start > at:
                out.append((at, nxt.start))
            at, nxt = nxt.end, next(kept, None)
        if at < b.end:
            out.append((at, b.end))
    return out


def _profile_rows(text: str) -> bool:
    """Table rows about the respondent, every line of the piece ("Name | Helen Marsh", "Type of
    organisation | Trade association", "Are you responding as ...? |", a field left blank: "Address"):
    profiling reads them, and as a general comment they were a new user's first emerging theme ("health /
    email / address"); one blank row had left a form's whole details table filed as an answer."""
    rows = [[*line.split("|", 1), ""] for line in text.split("\n") if line.strip()]
    return bool(rows) and all(about_respondent(r[0], r[1].strip()) for r in rows)


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
        question = matcher.numbered(heading_number(m))
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
    response and is kept. Below a forwarder's covering note (`_covering_note`: "Hi, my mum asked me to
    send this on for her as she is not on email. Thanks, Tom") the forwarded message is the response and
    the note is furniture: read as a reply, a forward under such a note had lost the whole response. A
    forward marker or a "Fwd:" subject is no sign of a cover: respondents forward the invitation with their
    answer above it. Other prose above a forward is kept, and so is the forward."""
    for i, piece in enumerate(pieces):
        forward = _FORWARD_START.match(piece.text) is not None
        if not (forward or starts_quoted_reply(piece.text)):
            continue
        above = pieces[:i]
        if above and _covering_note(above):
            return pieces[i:]
        if not forward and any(_is_prose(p.text, title) for p in above):
            return above
        return pieces
    return pieces


_FORWARD_START = re.compile(r"\s*(?:-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:)",
                            re.IGNORECASE)
_SENDS_ON = re.compile(  # what a forwarder says of the message below: "send this on", "see below", "FYI" (not
    # "look forward to", "put forward", "is below the average", "(a reply) on behalf of my father")
    r"\b(?:forward(?:ed|ing)?\s+(?:this|it|on|you|her|his|their)|(?:i|i've|have|has|had|am|is|are|was|been"
    r"|being)\s+forward(?:ed|ing)|(?:^|(?<=[.!?:]\s))forward(?:ed|ing)\b|send(?:ing)? (?:this|it) on"
    r"|pass(?:ed|ing)? (?:this|it) on|see below"
    r"|(?:response|reply|comments|email|e-mail|message|submission) below|(?:^|(?<=[.!?:]\s))below (?:is|are)"
    r"|fyi|(?:sent|sending|submitted|submitting|forwarded|forwarding)(?: (?:this|it))? on behalf of"
    r"|asked me to (?:send|forward|pass))\b", re.IGNORECASE | re.MULTILINE)
COVER_NOTE_WORDS = 40  # a forwarder's covering note is at most this long: a longer one says something
_NOTE_VIEW = re.compile(  # a view of the forwarder's own: "I fully support my mother's objection"
    r"\b(?:support|oppose[sd]?|object(?:ion|ions|s|ed)?|agree[sd]?|disagree[sd]?|welcomes?|concern(?:ed|s)?|urge"
    r"|should|must|reject(?:s|ed)?|unacceptable|wrong|worried|fears?)\b", re.IGNORECASE)


def _covering_note(above: list[Block]) -> bool:
    """The paragraphs above a forwarded (or quoted) message are a forwarder's covering note: short, stating
    no view, and saying it sends on what is below (else a short reply, "The drive takes an hour and there
    is no bus.", and the message it answers: a forward marker does not say which)."""
    text = "\n\n".join(p.text for p in above)
    if len(text_words(text)) > COVER_NOTE_WORDS or _NOTE_VIEW.search(text) or any(
            _agreeing(p.text) or _stances(p.text) for p in above):
        return False
    return _SENDS_ON.search(text) is not None


# a question's heading ending a reference line that OCR ran it onto
_TRAILING_HEADING = re.compile(r"(?<=\s)(?:question|q)[ \t]*\.?[ \t]*\d{1,2}[ \t]*[:.)\-–—]?[ \t]*$",
                               re.IGNORECASE)


# a reference line's title, as it ends: "... - consultation response", "Response to the consultation"
_TITLE_END = re.compile(r"\b(?:response|submission|reply|evidence|consultation|representations)\W*$",
                        re.IGNORECASE)
_LABEL = re.compile(r"^\s*\w+\s*:\s*")  # "Re: ", "Subject: "


def _ends_title(before: str, matcher: QuestionMatcher) -> bool:
    """The reference line before a trailing heading is a title (the response's, the consultation's), so
    the heading was run onto it; not prose that mentions a question ("Re: Working with the Third Sector -
    comments following the webinar on Question 5": the letter's opening is no answer to Q5)."""
    before = before.rstrip(" \t-–—:|,;")
    return bool(_TITLE_END.search(before)) or matcher.restates_title(_LABEL.sub("", before))


def _without_header(block: Block, matcher: QuestionMatcher) -> Block | None:
    """The paragraph without its leading reference lines ("Re: Consultation on ...", "Subject: ...",
    "Submitted by ...", "Date: ...", a "... consultation response" title, the consultation's title);
    None if it is nothing else. They name the consultation or the sender: read as content, every letter
    with a subject line would be coded as raising the consultation's own topic. A question's heading at
    the end of one is kept: OCR ran "Question 1" onto "Re: ... - consultation response", and the answer
    below it was filed under another question."""
    if matcher.restates_title(block.text) or is_banner(block.text, matcher.title):
        return None  # (the title, or the consultation's banner: "HAVE YOUR SAY ON STROKE SERVICES")
    skip = 0
    for line in block.text.split("\n"):
        if not (is_header_line(line) or matcher.restates_title(line)):
            break
        heading = _TRAILING_HEADING.search(line)  # ("Re: ... - consultation response Question 1")
        if heading and _ends_title(line[: heading.start()], matcher):
            skip += heading.start()
            break
        skip += len(line) + 1
    if not skip:
        return block
    body = block.text[skip:]
    start = block.start + skip + len(body) - len(body.lstrip())
    return Block(start, start + len(body.strip()), body.strip()) if body.strip() else None


def _content_paragraphs(text: str, read: _Read, title: str) -> list[str]:
    """Of a document's paragraphs outside its structured answers, those segmentation will match to
    questions by meaning: a free letter's, or those before the first heading."""
    rest = passages(text, read.rest[: read.marks[0][0]] if read.marks else read.rest, read.about)
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
        start = _answer_at(doc.text, answer, cursor)
        if start < 0:
            continue
        end = start + len(answer.text)
        cursor = end
        question, confidence = _answer_question(answer, matcher)
        segment = _segment(doc, start, end, question, method, confidence)
        unmatched = question not in matcher.ids
        (profile if unmatched and about_respondent(answer.question, answer.text) else out).append(segment)
    return out, profile


def _answer_at(text: str, answer: Answer, cursor: int) -> int:
    """Where an answer's text is: after its label where the text gives the label (a form's column header,
    a response form's question cell: "Q2 Preferred option (A/B/C)\nB", "Which age limit do you prefer?
    Option A (16) or Option B (18) | Option A (16)": the answer is not the "B" of "(A/B/C)" nor the option
    the question names, which left the real one to be read again as a second answer), else its first place
    from `cursor`, else anywhere; -1 when it is not there."""
    for name in (answer.source, answer.question):
        label = text.find(name, cursor) if name.strip() else -1
        found = text.find(answer.text, label + len(name)) if label >= 0 else -1
        if found >= 0:
            return found
    found = text.find(answer.text, cursor)
    return found if found >= 0 else text.find(answer.text)


def _answer_question(answer: Answer, matcher: QuestionMatcher) -> tuple[str, float]:
    if not matcher.questions:
        return answer.question, 1.0
    for label in (answer.question, answer.source):
        found = matcher.by_label(label)
        if found:
            return found
    return answer.question, 0.5  # a column or label no question matches: keep it under its own name


def _heading_of(block: Block, matcher: QuestionMatcher, numbered: bool, sections: bool = False
                ) -> tuple[str, int, str] | None:
    """(question id, where the answer starts in the block, method) when the block opens a question;
    `sections`: the document's numbered sections name the questions they answer ("2. Question 1")."""
    m = QUESTION_HEADING.match(block.text)
    if m and (question := matcher.numbered(heading_number(m))):
        return question, _past_question(block.text, m.end(), question, matcher, label=True), "heading"
    if numbered and (m := NUMBERED.match(block.text)):
        section = _SECTION_ON.match(block.text, m.end())  # "2. Question 1 2.1 Yes. ...": a report's section
        if section and (question := matcher.numbered(section.group(1))):  # on question 1, numbered 2
            return question, section.end(), "heading"
        closing = sections and _CLOSING_TITLE.match(block.text, m.end())
        if _SECTION_TITLE.match(block.text, m.end()) or closing:
            return None  # "1. Introduction 1.1 Hartwell Planning is instructed ...": no answer (in a
            # response numbered by question, "10. Conclusion" may be question 10's title)
        if question := matcher.numbered(m.group(1)):
            return question, _past_question(block.text, m.end(), question, matcher), "heading"
    quoted = None if ticks_one(block.text) else matcher.quoted(block.text)  # (a row of the question's scale
    if quoted:  # with one box ticked is its answer: "☐ Agree ☒ Disagree ☐ Strongly disagree")
        head = re.search(r"\?\s|\n", block.text)
        return quoted[0], head.end() if head else len(block.text), "quoted-question"
    return None


_SECTION_ON = re.compile(  # a numbered section's title naming the question(s) it answers (and its first
    # paragraph's sub-number: "2. Question 1 2.1 Yes. ...")
    r"[ \t]*(?:questions?|q)[ \t]*\.?[ \t]*(\d{1,2})\b(?:[ \t]*(?:and|&|,|-|–|to)[ \t]*\d{1,2}\b)*"
    r"[ \t]*[:.)\-–—]?(?:[ \t\n]*\d{1,2}\.\d{1,2}\b)?[ \t\n]*", re.IGNORECASE)
_TITLE_ALONE = r"[ \t]*[:.]?(?:[ \t]*(?:\n|$)|[ \t]+\d{1,2}\.\d{1,2}\b)"  # on its line, or before "1.1"
_SECTION_TITLE = re.compile(  # a numbered section that answers no question ("1. Introduction", "2. About us")
    r"[ \t]*(?:introduction|background|executive summary|about us|about the \w+|overview|purpose|preamble"
    r"|contents|who we are)" + _TITLE_ALONE, re.IGNORECASE)
_CLOSING_TITLE = re.compile(  # ... or, in a report whose sections name questions, "5. Summary", "6. Context"
    r"[ \t]*(?:summary|context|conclusions?|appendix|annex|next steps)" + _TITLE_ALONE, re.IGNORECASE)
_SENTENCE_END = re.compile(r"[^\W\d_][.!?][\"'’”)]*\s+\S")  # a sentence ends and another follows


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
    again = QUESTION_HEADING.match(re.sub(r"^\s*[/|–—-]\s*", "", rest))  # "Cwestiwn 1 / Question 1"
    if again and matcher.numbered(heading_number(again)) == question and not text_words(
            re.sub(r"^\s*[/|–—-]\s*", "", rest)[again.end():]):
        return min(line_end + 1, len(text))  # (a bilingual heading: the answer starts below it)
    quoted = matcher.quoted(rest)
    if quoted is not None and quoted[0] == question and (mark := re.search(r"\?\s", rest)):
        return start + mark.end()  # the answer goes on after the question mark
    asks = rest.strip().endswith("?") and not _SENTENCE_END.search(rest.strip()[:-1])  # one question asked
    # ("Q2. Option C. No scheme. Councils already collect cans, so why build a second system?" is an answer)
    if (asks or (quoted is not None and quoted[0] == question)
            or (label and line_end < len(text) and len(text_words(rest)) < 25
                and not CLOSED_ANSWER.match(rest))):
        return min(line_end + 1, len(text))
    return start


def _numbered_headings(rest: list[Block], matcher: QuestionMatcher) -> bool:
    """Paragraph-initial '3.' numbers count as headings only in an increasing run of at least two."""
    numbers = [m.group(1) for b in rest if (m := NUMBERED.match(b.text))]
    valid = [q for n in numbers if (q := matcher.numbered(n))]
    order = [matcher.order(q) for q in valid]
    return len(valid) >= 2 and order == sorted(set(order)) and len(valid) == len(numbers)


def _by_headings(doc: Document, read: _Read, matcher: QuestionMatcher) -> list[Segment]:
    """Segments between explicit headings (`read.marks`, at least one), and the text above the first
    matched by meaning."""
    above = _by_content(doc, read.rest[: read.marks[0][0]], matcher, read.about, general_only_below=0.45,
                        whole=False)
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
            out += [seg for b in span_blocks[closing:] for seg in _general(doc, b, read.about, matcher.title)]
            span_blocks = span_blocks[:closing]
        inside = _footnotes(span_blocks, doc.text, last=n == len(marks) - 1)
        notes = len(span_blocks)  # the footnotes at the foot of the last page, after the answer
        while notes - 1 in inside:
            notes -= 1
        out += [seg for b in span_blocks[notes:] for seg in _general(doc, b, read.about, matcher.title)]
        span_blocks, inside = span_blocks[:notes], [k for k in inside if k < notes]
        if n == len(marks) - 1 and not signed_off:  # a name and role with no sign-off, maybe above "About us"
            span_blocks = _without_signature(span_blocks)
            inside = [k for k in inside if k < len(span_blocks)]
        out += [seg for k in inside for seg in _general(doc, span_blocks[k], read.about, matcher.title)]
        end = span_blocks[(inside or [len(span_blocks)])[0] - 1].end
        line_end = doc.text.find("\n", span_blocks[0].start)  # (a title only on the heading's own line)
        start = answer_start(doc.text, span_blocks[0].start + body, end, matcher.words(question),
                             len(doc.text) if line_end < 0 else line_end, matcher.options.get(question))
        confidence = 1.0 if method == "heading" else 0.9
        if end > start and doc.text[start:end].strip():
            named = _headed_questions(rest[i].text, question, matcher)
            parts = _named_shared_out(doc.text[start:end], named, matcher) if len(named) > 1 else {}
            for q, (a0, z0) in (parts or {question: (0, end - start)}).items():
                for a, z in _apart(start + a0, start + z0, read.dropped):  # (not its copied text)
                    if z > a and doc.text[a:z].strip():
                        out.append(_segment(doc, a, z, q, method, confidence))
        for k, after in zip(inside, [*inside[1:], len(span_blocks)][: len(inside)], strict=True):
            if after > k + 1:  # the answer's text between one page's footnotes and the next's
                out.append(_segment(doc, span_blocks[k + 1].start, span_blocks[after - 1].end, question,
                                    method, confidence))
    return out


def _headed_questions(heading: str, question: str, matcher: QuestionMatcher) -> list[str]:
    """The questions a heading names: "Questions 4a and 4b" names two (`question`, the first, alone else)."""
    m = QUESTION_HEADING.match(heading)
    named = [q for n in heading_numbers(m) if (q := matcher.numbered(n))] if m else []
    return list(dict.fromkeys(named)) if question in named else [question]


def _named_shared_out(text: str, questions: Sequence[str], matcher: QuestionMatcher
                      ) -> dict[str, tuple[int, int]]:
    """An answer under a heading naming several questions ("Questions 4a and 4b"), shared out between
    them: each clause (`_clauses`) goes to the question whose own words among them it names alone, else
    to the one it is closest to by meaning, else with the clause before it (the first, with the next
    placed); each question's span runs from its first clause to the next question's. Only the questions
    some clause goes to are answered; with nothing to tell them apart (no words of their own, no
    embedder), the whole answer goes under each (the heading says it answers them all). Spans are offsets
    in `text`, trimmed of space."""
    clauses = _clauses(text)
    own = {q: stems(" ".join(matcher.words(q))) for q in questions}
    own = {q: w - set().union(*(own[o] for o in questions if o != q)) for q, w in own.items()}
    asking = [q for q in questions if asks_agreement(" ".join(matcher.words(q)))]
    placed: list[str | None] = []
    for a, b in clauses:
        clause = text[a:b]
        said = stems(clause)
        named = [q for q in questions if said & own[q]]
        if len(named) != 1 and len(asking) == 1 and _states_agreement(clause):
            named = asking  # ("We agree with the conditions." under "Questions 4a and 4b": the one asking)
        placed.append(named[0] if len(named) == 1 else matcher.closest(clause, questions, -1.0))
    if not any(placed):
        return {q: _trimmed(text, 0, len(text)) for q in questions}
    runs: dict[str, tuple[int, int]] = {}
    current = next(q for q in placed if q)
    for (a, b), q in zip(clauses, placed, strict=True):
        if q and q != current and q in runs:  # back to a question after another's run: the whole under each
            return {p: _trimmed(text, 0, len(text)) for p in dict.fromkeys(p for p in placed if p)}
        current = q or current
        runs[current] = (runs.get(current, (a, b))[0], b)
    return {q: _trimmed(text, a, b) for q, (a, b) in runs.items()}


def _states_agreement(clause: str) -> bool:
    """The clause says the writer agrees or not ("We agree with the conditions.", "We partly agree.",
    "Yes.", "I do not support it"): an answer to a "Do you agree ...?" question."""
    return bool(_SAYS_AGREE.search(clause) or _VIEW.search(clause) or CLOSED_ANSWER.match(clause)
                or re.match(r"\W*(?:i|we)\s+(?:would\s+|do\s+|also\s+)?(?:not\s+|(?:strongly|fully|broadly"
                            r"|partly|partially)\s+)?(?:dis)?agree\b", clause, re.IGNORECASE))


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _apart(start: int, end: int, dropped: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The span start-end without the `dropped` spans inside it."""
    out, at = [], start
    for a, z in sorted(dropped):
        if a >= end or z <= at:
            continue
        out.append((at, a))
        at = z
    return [*out, (at, end)]


def _footnotes(span_blocks: list[Block], text: str, last: bool) -> list[int]:
    """Where a page's footnotes sit in a headed answer or at its end, the answer maybe going on below them:
    runs of numbered footnotes (`is_footnote`), numbered upwards, the first's mark in the answer above the
    run ("as 40 providers,1 told us"), and, under the `last` answer, the run that ends it (the last page's
    foot, its marks in any answer); not the answer's own numbered points ("1 Consider ...", "2 Publish
    ..." under the heading, their numbers' marks elsewhere, the footnotes' run after them starting again)."""
    inside: list[int] = []
    k = 1
    while k < len(span_blocks):
        run = k
        while run < len(span_blocks) and is_footnote(span_blocks[run].text, text) and (
                run == k
                or footnote_number(span_blocks[run - 1].text) < footnote_number(span_blocks[run].text)):
            run += 1
        above = text[span_blocks[0].start : span_blocks[k].start]
        if run > k and ((last and run == len(span_blocks)) or any(
                int(m[1]) == footnote_number(span_blocks[k].text) for m in footnote_marks(above))):
            inside += range(k, run)
        k = max(run, k + 1)
    return inside


def _heading_marks(rest: list[Block], matcher: QuestionMatcher) -> HeadingMarks:
    """(index in `rest`, (question, body offset, method)) of each block that heads an answer."""
    numbered = _numbered_headings(rest, matcher) and not any(QUESTION_HEADING.match(b.text) for b in rest)
    sections = numbered and any(_SECTION_ON.match(b.text, m.end())
                                for b in rest if (m := NUMBERED.match(b.text)))
    return [(i, h) for i, b in enumerate(rest) if (h := _heading_of(b, matcher, numbered, sections))]


def _without_signature(span_blocks: list[Block]) -> list[Block]:
    """The last answer of a letter without its signature block (a name, role, organisation or address
    after the last sentence, with no "Yours faithfully" before it)."""
    keep = len(span_blocks)  # (a row of boxes with one ticked is no signature: "☐ Option 1 ☒ Option 3")
    while keep > 1 and is_furniture(span_blocks[keep - 1].text) and not ticks_one(span_blocks[keep - 1].text):
        keep -= 1
    return span_blocks[:keep] if has_sentence(span_blocks[keep - 1].text) else span_blocks


def _general(doc: Document, block: Block, about: frozenset[int], title: str = "") -> list[Segment]:
    """A passage that answers no question: a GENERAL segment, an ABOUT one when it only says who the
    respondent is (an opening self-description or an "About us" section: `about`, from `structure.about`;
    a minute's preamble, `furniture.only_meeting`),
    a NOTE for a footnote's citation, a numbered footnote whose mark the body carries or a bare link
    (`structure.notes`), or none for letter furniture (a title line naming the consultation's `title` too)."""
    if is_reference_note(block.text) or is_footnote(block.text, doc.text):
        return [_segment(doc, block.start, block.end, NOTE, "note", 1.0)]
    if is_furniture(block.text, title):
        return []
    if block.start in about or only_meeting(block.text):  # (a minute's preamble: who met, when; as a general
        # comment it was an emerging theme's example in a trial)
        return [_segment(doc, block.start, block.end, ABOUT, "about", 1.0)]
    return [_segment(doc, block.start, block.end, GENERAL, "general", 1.0)]


SENTENCE_WORDS = 5  # a paragraph of one whole sentence this long is prose (under MIN_CONTENT_WORDS)
_ONE_SENTENCE = re.compile(r"[A-Z][^\n.!?]*[a-z][^\n.!?]*[.!?]+[\"'’”)]?")  # one line, capital to full stop


def _one_sentence(text: str) -> bool:
    """A whole sentence of SENTENCE_WORDS words or more alone in its paragraph ("Tags also stop people getting
    work.", "This is unfair and unsafe."): a point made in a line, not an address, a heading or a piece of a
    sentence cut by a page's layout ("reduce competition in the market.")."""
    return len(text_words(text)) >= SENTENCE_WORDS and _ONE_SENTENCE.fullmatch(text.strip()) is not None


def _is_prose(text: str, title: str) -> bool:
    """Sentences, not a letterhead, address block, date or sign-off: only these are matched by meaning.
    `title`: the consultation's (a covering sentence naming it is a formality)."""
    stated = (bool(_agreeing(text) or _stances(text)) or _one_sentence(text)
              or states_a_choice(text))  # "I wish to object to the allocation of Site H4.", "Tags also stop
    # people getting work.", "Keep Westbury open, option 2.": short, but an answer
    return (
        (stated or (len(text_words(text)) >= MIN_CONTENT_WORDS and has_sentence(text)))
        and not closes_letter(text)
        and not is_furniture(text)  # a covering note is a sentence too
        and not only_formalities(text, title)  # "X welcomes the consultation." answers none
        and not is_reference_note(text)  # "48 Id. at Art. 9(6).", a link
    )


def _by_content(
    doc: Document, rest: list[Block], matcher: QuestionMatcher, about: frozenset[int],
    general_only_below: float = 0.0, whole: bool = True,
) -> list[Segment]:
    """Free text with no headings: each passage (a paragraph, a list with its lead-in: `passages`) goes
    to the question(s) it is most similar to. `whole`: `rest` is the whole document's text (not the
    preamble above its headings), whose general comments are OFF_TOPIC when it is off the subject."""
    out: list[Segment] = []
    rest = passages(doc.text, rest, about)
    candidates = [b for b in rest if _is_prose(b.text, matcher.title) and b.start not in about
                  and not is_footnote(b.text, doc.text)]
    scores = matcher.by_content([b.text for b in candidates])
    picks = dict(zip((b.start for b in candidates), scores, strict=True))
    choices = _options_named_alone([b for b in rest if b.start not in about], matcher)
    closed = dict(zip((b.start for b in candidates + choices),
                      _closed_questions([b.text for b in candidates + choices], matcher), strict=True))
    views = dict(zip((b.start for b in candidates), _views([b.text for b in candidates], matcher),
                     strict=True))
    text_at = {b.start: b.text for b in candidates}
    answers = any(  # (a question answered: the document is on the subject by that alone, its other paragraphs
        # general comments read for themes; by an option chosen, or a view in a paragraph naming the subject
        # (`names_subject`): "I support the plans for the new skate park" answers no stroke consultation)
        (found := closed[start] + views.get(start, ([], ""))[0])
        and (start not in text_at or any(q in matcher.options for q in found)
             or matcher.names_subject(text_at[start]) or _THE_PROPOSALS.search(text_at[start]) is not None)
        for start in closed)
    off = (whole and not any(scores) and not answers
           and not matcher.on_topic([b.text for b in candidates]))  # (`OFF_TOPIC`)
    asking = set(_asking(matcher))
    on_proposal = _proposal(matcher, _asking(matcher)) if is_petition(doc.text) else None
    for b in rest:
        chosen = [(q, s) for q, s in picks.get(b.start, []) if s >= general_only_below]
        if on_proposal in {q for q, _ in chosen}:  # a petition states one view: the petitioners', on it
            chosen = [(q, s) for q, s in chosen if q == on_proposal]
        found = closed.get(b.start, [])
        viewed, opening = views.get(b.start, ([], ""))
        if opening:  # a view on the proposal or one part opens it: that question's answer (and any whose own
            # words that sentence names), not the question it resembles
            chosen = [(q, s) for q, s in chosen if q not in viewed and matcher.own_words_named(opening, q)]
            found = [q for q in found if q not in asking]
        found = list(dict.fromkeys(viewed + found))
        if any(q in matcher.options for q in found):  # a choice of an option ("Option B, as long as Denton
            # is in it."): another question it resembles only where it names that one's own words
            chosen = [(q, s) for q, s in chosen if q in found or matcher.own_words_named(b.text, q)]
        answered = [q for q in found if q not in {c for c, _ in chosen}]
        if not (chosen or answered):
            out += [replace(s, method=OFF_TOPIC) if off and s.method == "general" else s
                    for s in _general(doc, b, about, matcher.title)]
            continue
        parts = _shared_out(b.text, [q for q, _ in chosen] + answered, matcher)
        for question, score in chosen:
            start, end = parts.get(question, (0, len(b.text)))
            out.append(_segment(doc, b.start + start, b.start + end, question, "similarity",
                                min(1.0, score / 0.6)))
        for question in answered:
            start, end = parts.get(question, (0, len(b.text)))
            out.append(_segment(doc, b.start + start, b.start + end, question, "closed-answer", 0.9))
    return out


OFF_TOPIC = "off-topic"  # the method of a general comment in a document off the consultation's subject (a
# parking appeal sent to an energy regulator's review: `QuestionMatcher.on_topic`): kept and listed, so
# nothing is lost, but no theme is read in it ("Please cancel the notice." was coded implementation, and
# quoted for it: `pipeline.coding_inputs`)


def _options_named_alone(rest: list[Block], matcher: QuestionMatcher) -> list[Block]:
    """The paragraphs only naming an option (`_only_option_named`) when they name one option: several
    named alone ("Option A", "Option B", "Option C" over the letter's paragraphs on each) are headings."""
    named = [b for b in rest if _only_option_named(b.text, matcher)]
    keys = {letters_choice(b.text, opts) for b in named for opts in matcher.options.values()} - {None}
    return named if len(keys) <= 1 else []


def _only_option_named(text: str, matcher: QuestionMatcher) -> bool:
    """A paragraph that is only an option named by its word and key ("Option A.", "OPTION C"): in a letter
    it is the answer to the question offering that option (`_closed_questions`), though it is no prose
    (read as a heading, a letter's "Option A." on its own line was left out as furniture)."""
    return only_a_choice(text) and any(letters_choice(text, opts) for opts in matcher.options.values())


_CLAUSE_BREAK = re.compile(  # where a sentence turns to another point: a colon, a semicolon, ", but ..."
    r"(?<=[:;])\s+|,\s+(?=(?:but|however|whereas|while|whilst|although|though|yet)\b)", re.IGNORECASE)


def _clauses(text: str) -> list[tuple[int, int]]:
    """The paragraph's sentences, each cut where it turns to another point (`_CLAUSE_BREAK`), end to end."""
    from respmine.themes.sentences import sentence_spans

    cuts = {0, len(text)}
    for a, b in sentence_spans(text):
        cuts |= {a, b} | {m.end() for m in _CLAUSE_BREAK.finditer(text, a, b)}
    ends = sorted(cuts)
    return [(a, b) for a, b in pairwise(ends) if text[a:b].strip()]


def _shared_out(text: str, questions: Sequence[str], matcher: QuestionMatcher) -> dict[str, tuple[int, int]]:
    """A paragraph filed under several questions, shared out between them where its clauses say which each
    is on (`_clauses`: "moving to 30 per cent for education and training is the right thing to do, but the
    vests should be scrapped ..." answers the question on the hours, then the one on the vests): each
    question's span (offsets in `text`) from its first clause naming its own words alone
    (`QuestionMatcher.own_words_named`) to the clause before the next question's, the clauses naming
    none or several going with the question before them (an opening, with the first). Filed whole under
    each, the paragraph was coded with both questions' themes (a trial: the vests and supervisors under
    the hours, training under the vests). {} (the whole paragraph under each) unless every question has
    clauses of its own, one run each."""
    if len(questions) < 2:
        return {}
    clauses = _clauses(text)
    runs: list[tuple[str, int]] = []  # (question, its first clause), in text order
    for i, (a, b) in enumerate(clauses):
        named = [q for q in questions if matcher.own_words_named(text[a:b], q)]
        if len(named) == 1 and (not runs or runs[-1][0] != named[0]):
            runs.append((named[0], i))
    if sorted(q for q, _ in runs) != sorted(questions):  # (one unnamed, or named twice apart: as a whole)
        return {}
    firsts = [0] + [i for _, i in runs[1:]] + [len(clauses)]
    return {q: (clauses[firsts[k]][0], clauses[firsts[k + 1] - 1][1]) for k, (q, _) in enumerate(runs)}


_SAYS_AGREE = re.compile(  # "I strongly agree that ...", "We disagree with the proposal", "we neither agree"
    r"\b(?:i|we)\s+(?:would\s+|do\s+|also\s+)?(?:(?:strongly|fully|broadly|wholly|partly|tend\s+to)\s+)?"
    r"(?:dis)?agree\s+(?:that|with\s+(?:the|this|these|your)\s+(?:proposals?|plans?|changes?|approach|idea"
    r"|options?|ban|measures?|rules?|scheme)\b)|\b(?:i|we)\s+neither\s+agree\b"
    r"|\b(?:i|we)\s+(?:(?:wish|want|would\s+like|am\s+writing|are\s+writing)\s+to\s+)?"
    r"(?:(?:strongly|firmly|fully)\s+)?(?:object\s+to|oppose|support)\s+(?:the|this|these)\s+(?:proposed\s+)?"
    r"(?:proposals?|plans?|changes?|allocation|designation|scheme|ban|option)\b", re.IGNORECASE)
# (not "I agree with the residents' association that ...": a view of theirs on something else; "I wish to
# object to the allocation of Site H4" answers "Do you agree with the proposed allocation ...?" as much)


def _agreeing(text: str) -> list[str]:
    """A paragraph's sentences saying "I agree that ..." or "We disagree with ...": in a letter, answers to
    the "Do you agree ...?" question they resemble."""
    from respmine.themes.sentences import sentence_spans

    return [text[a:b] for a, b in sentence_spans(text) if _SAYS_AGREE.search(text, a, b)]


def _sentences(text: str) -> list[str]:
    from respmine.themes.sentences import sentence_spans

    return [text[a:b] for a, b in sentence_spans(text)]


_VIEW = re.compile(  # "I do not agree with licensing", "We partly agree with the proposal", "i dont agree
    # with it at all", "Northamshire Fire and Rescue Service agrees with the proposal", OCR's "| do not agree"
    r"(?:\b(?:i|we)\b|(?:^|(?<=[.!?]\s))\s*\|"
    r"|^\s*(?-i:[A-Z])[\w&'’-]*(?:\s+(?:(?-i:[A-Z])[\w&'’-]*|and|of|for|&)){1,8}?)\s+"
    r"(?:(?:would|do|does|did|also|still|cannot|can\W?t|could|don\W?t|dont|doesn\W?t|doesnt|not|strongly"
    r"|fully|broadly|wholly|partly|partially|firmly|therefore|generally|very\s+much|totally|completely|really"
    r"|entirely|am|are|is|remain|remains|be)\s+)*"
    r"(?:(?:dis)?agrees?\s+with|supports?|opposes?|objects?\s+to|against|opposed\s+to|in\s+favour\s+of)\s+"
    r"(?P<what>[^.;:!?]{2,160})", re.IGNORECASE)
_SOMEONES = re.compile(  # a view on what someone else said ("We agree with the response of Energy UK")
    r"(?:the\s+)?(?:response|submission|views?|comments?|position|points?|evidence|analysis|concerns?)\s+"
    r"(?:of|from|by|made|put|set\s+out\s+by|submitted)\b|(?:my|our)\s+(?!own\b)\w+\s+(?:about|that|on)\b"
    r"|(?:the\s+)?(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w*)*\s*(?:$|,|\b(?:that|on|about|in\s+(?:its|their)))",
    # (not "the Council's proposal": the proposal)
    re.IGNORECASE)
_OPTION_NAMED = re.compile(r"\boption\s+(?:[A-H1-9])\b", re.IGNORECASE)
_ITSELF = re.compile(r"(?:it|this)\b(?!\s+(?:is|was|are|were|will|would|should|has|that|which)\b)",
                     re.IGNORECASE)
VIEW_OPENS = 2  # sentences: a view on the proposal in the first two opens the paragraph ("I am a retired
# landlord. I do not agree with the licensing proposal ...")


def _asking(matcher: QuestionMatcher) -> list[str]:
    """The questions asking for agreement ("Do you agree ...?"), not those offering options."""
    return [q.id for q in matcher.questions if q.id not in matcher.options and asks_agreement(q.text)]


def _proposal(matcher: QuestionMatcher, asking: Sequence[str]) -> str | None:
    """The question on the proposal itself, as `stance.proposal_question` reads it from the questions: the
    one marked `proposal: true`, else the first asking for agreement with "the proposals" as a whole, else
    the first asking for agreement (consultations ask it before the questions on its parts)."""
    marked = next((q.id for q in matcher.questions if q.proposal), None)
    worded = {q.id: q.text for q in matcher.questions}
    return marked or next((q for q in asking if names_proposal(worded[q])), asking[0] if asking else None)


def _views(texts: Sequence[str], matcher: QuestionMatcher) -> list[tuple[list[str], str]]:
    """For each paragraph of a letter, the "Do you agree ...?" questions its sentences stating a view answer
    ("I do not agree with licensing", "We disagree with the licence conditions": `_view_question`), and the
    sentence stating one in its first VIEW_OPENS sentences ("" when none does): that paragraph answers the
    question its view names, not the one it resembles (trial 31a: "We partly agree with the proposal" went
    to "Do you agree with the proposed licence conditions?", "I do not agree with licensing. My tenant ..."
    to the question on rents)."""
    asking = _asking(matcher)
    main = _proposal(matcher, asking)
    if not asking:
        return [([], "") for _ in texts]
    stems_of = {q: _stems(" ".join(matcher.words(q))) for q in asking}
    subject = _stems(matcher.title)
    own = {q: stems_of[q] - subject - set().union(*(stems_of[o] for o in asking if o != q)) for q in asking}
    out: list[tuple[list[str], str]] = []
    for text in texts:
        found: list[str] = []
        opening = ""
        for i, sentence in enumerate(_sentences(text)):
            m = _VIEW.search(sentence)
            if (m is None or _serves(sentence[m.start():m.start("what")], m["what"])
                    or _SOMEONES.match(m["what"]) or _names_option(sentence, matcher)):
                continue  # (a view on an option is read by the question offering it)
            question = _view_question(m["what"], own, subject, main)
            if question is None:
                continue
            found.append(question) if question not in found else None
            if i < VIEW_OPENS and not opening:
                opening = sentence[m.start():]  # (from its subject: "I am a landlord. | do not agree ...")
        out.append((found, opening))
    return out


def _names_option(sentence: str, matcher: QuestionMatcher) -> bool:
    """Whether a sentence names an option a question offers ("we oppose Option A", "We would support option
    B"): its view is read by that question."""
    return bool(matcher.options) and (_OPTION_NAMED.search(sentence) is not None or any(
        letters_choice(sentence, opts) for opts in matcher.options.values()))


def _view_question(what: str, own: Mapping[str, set[str]], subject: set[str], main: str | None) -> str | None:
    """The "Do you agree ...?" question a view on `what` answers: the one question whose own words (no other
    such question's, nor the title's) it names ("the conditions on smoke alarms"); else, when it names the
    consultation's subject ("licensing"), the proposals ("the licensing proposal") or it ("i dont agree with
    it"), the proposal question; else none ("I agree with my neighbour about the noise")."""
    words = _stems(what)
    named = [q for q, mine in own.items() if words & mine]
    if named:
        return named[0] if len(named) == 1 else None
    if main and (words & subject or _A_PROPOSAL.match(re.sub(r"[’']s\b", "", what)) or _ITSELF.match(what)):
        return main
    return None


def _closed_questions(texts: Sequence[str], matcher: QuestionMatcher) -> list[list[str]]:
    """For each paragraph of a letter, the closed questions it answers whatever else it resembles: the one
    question offering options it names one of ("We prefer a national ban (option 3)"), the "Do you
    agree ...?" question a sentence saying "I agree that ..." resembles most, and the one a sentence for
    or against a course of action names (`_stance_question`: "We do not support extending mandatory
    tagging ..."). By meaning alone such a paragraph went to the open question it resembled, and the
    letter's answer went uncounted; and the one whose named subject a sentence says should be kept, ended or
    moved one way (`stance.moves_what_it_names`: "So yes I want the standing charge to come down")."""
    choosing = matcher.options
    asking = [q.id for q in matcher.questions if q.id not in choosing and asks_agreement(q.text)]
    everyone = [q.id for q in matcher.questions]
    main = _main_agreement(matcher, asking)
    worded = {q.id: q.text for q in matcher.questions}
    out: list[list[str]] = []
    for text in texts:
        named = [q for q, opts in choosing.items() if letters_choice(text, opts)]
        found = named if len(named) == 1 else []  # ("option 3" of two such questions: either)
        for sentence in _agreeing(text) if asking else ():
            best = matcher.closest(sentence, everyone, AGREEING_SIMILARITY)
            if best in asking and best not in found:
                found.append(best)  # (the question it resembles most, clearly, and one asking for agreement)
        for what in _stances(text) if asking else ():
            chosen = _stance_question(what, matcher, asking, main)
            if chosen is not None and chosen not in found:
                found.append(chosen)
        for sentence in _sentences(text) if asking else ():  # ("So yes I want the standing charge to
            # come down")
            moved = _moved_question(sentence, matcher, asking, worded, main)
            if moved is not None and moved not in found:
                found.append(moved)
        out.append(found)
    return out


_STANCE = re.compile(  # "We do not support extending ...", "members were overwhelmingly in favour of
    # tagging ...", "I am against ...", "we urge the Ministry to exclude ... from any mandatory scheme": for
    # or against a course of action (not "I agree that ...": a claim, read by `_SAYS_AGREE` and meaning)
    r"\b(?:i|we|(?:our\s+)?members|our\s+(?:committee|board|organisation|association|council))\s+"
    r"(?:(?:would|do|does|did|also|cannot|can\W?t|could|don\W?t|are|am|were|was|remain|not|strongly|fully"
    r"|broadly|wholly|partly|firmly|overwhelmingly|therefore|still|generally|very\s+much|be)\s+)*"
    r"(?:support|oppose|object\s+to|in\s+favour\s+of|against|opposed\s+to|urge\s+(?:the\s+\w+|you"
    r"|ministers)\s+to\s+(?:withdraw|drop|abandon|scrap|rethink|reconsider|exclude|not\s+\w+))\s+"
    r"(?!(?:have|has|had|are|is|was|were|will|would|can|to|in|through|with|and|who|them|it)\b)"
    r"(?P<what>[^.;:!?]{3,160})", re.IGNORECASE)
_A_PROPOSAL = re.compile(  # the course of action named only as the consultation's ("these proposals", "any
    # mandatory scheme")
    r"(?:(?!(?:through|via|by|with|using|under|within)\b)\w+\s+){0,8}?"  # (not "... through a befriending
    # scheme": how a body serves)
    r"(?:the|this|these|those|your|any|such\s+a|a)\s+(?:\w+\s+){0,2}?(?:proposals?|plans?"
    r"|changes?|approach|scheme|policy|measures?)\b", re.IGNORECASE)
_THE_PROPOSALS = re.compile(  # the consultation's proposals named alone ("I do not agree with the
    # proposal."), not another's ("the plans for the new skate park", "the proposal to build on the field")
    r"\b(?:the|these|this|your)\s+(?:proposals?|plans?|consultation)\b"
    r"(?!\s+(?:to|for|on|at|of|in|about|by|from|near|behind)\b)", re.IGNORECASE)
_COMMON = frozenset({  # words that say nothing of what is proposed
    "should", "would", "could", "there", "their", "these", "those", "which", "about", "being", "other",
    "agree", "disagree", "support", "proposal", "proposals", "propose", "proposed", "think", "views", "view",
    "this", "that", "with", "from", "have", "what", "when", "where", "will", "your", "more", "also", "into",
    "than", "them", "they", "such", "only", "some", "very", "much", "many", "including", "does", "were",
    "been", "whether"})


def _stems(text: str) -> set[str]:
    """Content words cut to a crude stem ("extending", "extended": "exten"; "offenders", "offences":
    "offen"), to tell whether a sentence speaks of what a question asks about."""
    out = set()
    for word in text_words(text):
        if len(word) < 4 or word in _COMMON:
            continue
        word = re.sub(r"(?:ing|ed|ers|er|es|s|ions|ion)$", "", word) if len(word) > 5 else word
        word = word[:-1] if len(word) > 3 and word[-1] == word[-2] else word  # ("tagg" of "tagging": "tag")
        out.add(word[:5])
    return out


def _stances(text: str) -> list[str]:
    """What each sentence of the paragraph is for or against (`_STANCE`'s object)."""
    from respmine.themes.sentences import sentence_spans

    return [m["what"] for a, b in sentence_spans(text) if (m := _STANCE.search(text, a, b))
            and not _serves(text[m.start():m.start("what")], m["what"])]


_SERVED = re.compile(  # whom a body or a person supports ("We support families of people in prison", "I
    # support my son", "Our members support each other"): people, not a course of action
    r"(?:my|our|his|her|their|its|each\s+other|one\s+another|them|him|us|over|more\s+than|around|about"
    r"|up\s+to|some|many|thousands|hundreds|\d[\d,]*|(?:the\s+)?(?:people|persons|families|children|young"
    r"\s+(?:people|adults)|women|men|victims|survivors|carers|parents|residents|members|clients|individuals"
    r"|those|anyone|everyone))\b", re.IGNORECASE)


def _serves(verb: str, what: str) -> bool:
    """"support" with people as its object ("We support families of people in prison through ..."): whom
    the writer serves or stands by, no side on a proposal; unless what is done to them is named ("We support
    people with violent convictions being tagged on release")."""
    return bool(re.search(r"support\s*$", verb, re.IGNORECASE)) and _SERVED.match(what) is not None \
        and not re.search(r"\b(?:being|to\s+be|having)\b", what, re.IGNORECASE)


def _main_agreement(matcher: QuestionMatcher, asking: Sequence[str]) -> str | None:
    """The "Do you agree ...?" question on what the consultation proposes: the one sharing most words with
    its title (none without a title, or when two share as many)."""
    title = _stems(matcher.title)
    if not title or not asking:
        return None
    shared = sorted(((len(_stems(" ".join(matcher.words(q))) & title), q) for q in asking), reverse=True)
    if shared[0][0] == 0 or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        return None
    return shared[0][1]


STANCE_SHARED = 2  # content words a course of action shares with a "Do you agree ...?" question it answers


def _stance_question(what: str, matcher: QuestionMatcher, asking: Sequence[str], main: str | None
                     ) -> str | None:
    """The "Do you agree ...?" question a sentence for or against `what` answers: the one sharing most of its
    words, at least STANCE_SHARED ("extending mandatory tagging": "Do you agree that GPS tagging should be
    extended ...?"), else, for "the proposals" or "any such scheme", the consultation's main one."""
    words = _stems(what)
    shared = sorted(((len(words & _stems(" ".join(matcher.words(q)))), q) for q in asking), reverse=True)
    if shared and shared[0][0] >= STANCE_SHARED and (len(shared) == 1 or shared[1][0] < shared[0][0]):
        return shared[0][1]
    return main if _A_PROPOSAL.match(what) else None


def _moved_question(sentence: str, matcher: QuestionMatcher, asking: Sequence[str], worded: dict[str, str],
                    main: str | None) -> str | None:
    """The "Do you agree ...?" question whose named subject a sentence says should be kept, ended or moved one
    way (`stance.moves_what_it_names`), in two words not every such question names (those name the
    consultation's subject: "Unpaid work must stay in the public sector" is no answer on keeping the vests).
    It answers one: where several name it, the one sharing most of the sentence's words, then the one moving
    it one way (`stance.changes_one_way`: which way it should go is what it asks), then the main one; else
    none."""
    named = [named_words(worded[q]) for q in asking]
    common = frozenset.intersection(*named) if len(named) > 1 else frozenset()  # (the consultation's subject)
    moved = [q for q in asking if moves_what_it_names(sentence, worded[q], common)]
    words = _stems(sentence)
    shared = {q: len(words & _stems(" ".join(matcher.words(q)))) for q in moved}
    best = [q for q in moved if shared[q] == max(shared.values())]
    best = [q for q in best if changes_one_way(worded[q])] or best
    if len(best) == 1:
        return best[0]
    return main if main in best else None


AGREEING_SIMILARITY = 0.5  # of "I agree that ..." to a "Do you agree ...?" question it answers (a review:
# "I agree that signage will cost councils money, but ..." was 0.39, filed at the matcher's 0.35)
