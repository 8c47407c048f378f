"""Routing (proposed tests): answers filed by headings or forms teach which question a letter's paragraph
is filed under; without any, segmentation is exactly as before."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from respmine.consultation import Question
from respmine.records import Document
from respmine.structure import question_matcher, questions
from respmine.structure.question_matcher import QuestionMatcher
from respmine.structure.questions import calibrate, segment_documents

QUESTIONS = [
    Question(id="Q1", number=1, text="How should charities be involved?"),
    Question(id="Q2", number=2, text="What funding would give charities certainty?"),
    Question(id="Q3", number=3, text="Should contracts be let locally?"),
    Question(id="Q4", number=4, text="Do you have any other comments?"),
]
LETTER = "Contracts should be long enough for charities to plan ahead with some confidence."


class Keyword:
    """One dimension per keyword (presence), so similarity is predictable."""

    name = "keyword"
    keys = ("involved", "funding", "locally", "contracts", "plan", "victims")

    def __init__(self) -> None:
        self.calls: list[int] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        v = np.array([[float(k in t.lower()) for k in self.keys] + [0.1] for t in texts])
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def _doc(i: int, text: str) -> Document:
    return Document(source=f"d{i}", sha256=f"{i:064d}", format="txt", method="t", text=text)


ANSWERS = {  # what respondents with headings wrote under each question
    1: "Charities should be involved from the very start of design, in town {i}x.",
    2: "Contracts must pay the full cost and run long enough to plan, with funding secured, in town {i}x.",
    3: "Decisions should be taken locally by people who know the area well, in town {i}x.",
    4: "Charities must be involved in planning and their funding made secure, in town {i}x.",
}


def _headed(n: int) -> list[Document]:
    return [_doc(i, "\n\n".join(f"Question {q}\n\n{a.format(i=i)}" for q, a in ANSWERS.items()))
            for i in range(n)]


def _letters(start: int, n: int) -> list[Document]:
    return [_doc(start + i, f"{LETTER} Letter {i}x.\n\nWe believe charities should be involved in this work "
                            f"from the start, letter {i}x.") for i in range(n)]


def _filed(segments: dict[str, list[object]], doc: Document) -> list[str]:
    return [s.question for s in segments[doc.sha256] if s.method == "similarity"]  # type: ignore[attr-defined]


def test_routing_follows_where_headed_answers_put_a_point() -> None:
    """By its words the letter's paragraph is closest to Q3 (contracts); respondents who answered under
    headings put such points under Q2 (funding): it is filed there."""
    docs, letter = _headed(12) + _letters(100, 16), _letters(100, 1)[0]
    calibration = calibrate(docs, QUESTIONS, Keyword())
    assert calibration.routing is not None
    routed = segment_documents(docs, QUESTIONS, Keyword(), calibration)
    unrouted = segment_documents(docs, QUESTIONS, Keyword(), replace(calibration, routing=None))
    assert _filed(unrouted, letter)[0] == "Q3" and _filed(routed, letter)[0] == "Q2"
    # whether a paragraph answers a question at all, and how clearly, is as without routing
    assert [(s.span, s.confidence) for s in routed[letter.sha256]] == [
        (s.span, s.confidence) for s in unrouted[letter.sha256]]


def test_routing_never_files_by_meaning_under_a_catch_all_question() -> None:
    """'Any other comments?': its answers are nearer the other questions' texts than its own (involvement,
    funding): it has no topic, so no paragraph answers it by meaning, nor answers anything by resembling
    its wording."""
    calibration = calibrate(_headed(12) + _letters(100, 16), QUESTIONS, Keyword())
    assert calibration.routing is not None and calibration.routing.catch_all == ("Q4",)
    mixed = "Charities should be involved in planning and their funding should be secure for years."
    wording = "We have a few other comments to make on what is proposed, which we set out below."
    routed = QuestionMatcher.calibrated(calibration, Keyword())
    unrouted = QuestionMatcher.calibrated(replace(calibration, routing=None), Keyword())
    assert [q for q, _ in unrouted.by_content([wording])[0]] == ["Q4"]
    assert routed.by_content([wording]) == [[]]  # general
    picks = routed.by_content([mixed])[0]
    assert picks and all(q != "Q4" for q, _ in picks)


def test_routing_is_not_learnt_without_headed_answers_and_nothing_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    letters, embedder = _letters(100, 16), Keyword()
    calibration = calibrate(letters, QUESTIONS, embedder)
    assert calibration.routing is None
    assert embedder.calls == [32, 4]  # as before: the paragraphs, the questions
    monkeypatch.setattr(question_matcher, "ROUTING_MIN", 13)  # fewer examples than needed: the same
    assert calibrate(_headed(12) + letters, QUESTIONS, Keyword()).routing is None


def test_routing_keeps_question_text_where_too_few_answers() -> None:
    docs = _headed(2) + [_doc(50 + i, f"Question 2\n\n{ANSWERS[2].format(i=50 + i)}") for i in range(3)]
    calibration = calibrate(docs + _letters(100, 16), QUESTIONS, Keyword())
    assert calibration.routing is not None
    texts = Keyword().embed([q.text for q in QUESTIONS])
    vectors = np.asarray(calibration.routing.vectors)
    assert np.allclose(vectors[[0, 2, 3]], texts[[0, 2, 3]])  # 2 examples each: the text alone
    assert not np.allclose(vectors[1], texts[1])  # 5: blended


def test_routing_counts_copies_of_a_paragraph_once() -> None:
    """Fifty copies of one headed form letter are one example, not fifty."""
    copies = [_doc(i, f"Question 2\n\n{ANSWERS[2].format(i=0)}") for i in range(50)]
    found = questions._examples(copies, QuestionMatcher(QUESTIONS))
    assert [(e.question, e.text) for e in found] == [("Q2", ANSWERS[2].format(i=0))]


def test_routing_counts_respondents_not_paragraphs() -> None:
    """One respondent's three paragraphs under a question are one view of it: too few to learn from."""
    one = _doc(7, "Question 2\n\n" + "\n\n".join(f"{ANSWERS[2].format(i=k)} Point {k}." for k in range(3)))
    assert calibrate([one, *_letters(100, 16)], QUESTIONS, Keyword()).routing is None


def test_a_topical_question_in_general_words_is_no_catch_all() -> None:
    """"Do you agree with proposal 3?" says nothing of its topic, so its answers are nearer other
    questions' texts than its own: it still takes the paragraphs like its answers (no catch-all)."""
    worded = [*QUESTIONS[:2], Question(id="Q3", number=3, text="Do you agree with proposal 3?"), QUESTIONS[3]]
    answers = {**ANSWERS, 3: "Contracts should be let locally, with funding that lets charities plan {i}x."}
    docs = [_doc(i, "\n\n".join(f"Question {q}\n\n{a.format(i=i)}" for q, a in answers.items()))
            for i in range(12)]
    calibration = calibrate(docs + _letters(100, 16), worded, Keyword())
    assert calibration.routing is not None and calibration.routing.catch_all == ("Q4",)


def test_routing_is_kept_with_the_calibration_so_late_documents_file_the_same(tmp_path: Path) -> None:
    from respmine.store import Store
    from respmine.store import structure as structure_store

    docs = _headed(12) + _letters(100, 16)
    calibration = calibrate(docs, QUESTIONS, Keyword())
    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    structure_store.replace_structure(store, [], [], {}, [], calibration=calibration)
    known = structure_store.known_segmentation(store)
    assert known is not None and known[0] == calibration  # exactly, float for float
    late = _letters(500, 1)
    assert segment_documents(late, QUESTIONS, Keyword(), known[0]) == segment_documents(
        late, QUESTIONS, Keyword(), calibration)


@pytest.mark.parametrize(("text", "catch_all"), [
    ("Do you have any other comments?", True), ("Is there anything else you would like to tell us?", True),
    ("Any other feedback?", True), ("Is there anything we have missed?", True), ("General comments", True),
    ("Do you have anything to add", True), ("Q10. Any other comments?", True),
    ("1. Are there any issues, e.g. costs, that we have missed?", True),
    ("Please comment on proposal 3. Please give reasons and any other relevant information.", False),
    ("Do you agree with proposal 3? Please give reasons and any evidence you have.", False),
    ("Do you have any comments on the draft guidance at Annex A?", False),
    ("What would local commissioning add to current arrangements?", False),
    ("Do you agree? Please give reasons and any other relevant information.", False),
    ("Whose needs would be missed under these proposals?", False),
    ("Which services are not covered by the framework?", False),
])
def test_a_catch_all_question_is_one_asking_for_anything_else(text: str, catch_all: bool) -> None:
    assert question_matcher.asks_anything_else(text) is catch_all
