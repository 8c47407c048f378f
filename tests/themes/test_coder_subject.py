"""An answer is read with its question: its sentence near the question's subject theme, or naming no theme
of its own, takes that theme ("They will go up, by at least the fee, probably more." to "What impact would
the scheme have on tenants' rents?" is about rents); one plainly about something else does not."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from respmine.themes.codebook import Codebook, Theme
from respmine.themes.coder import ThemeCoder

_CONCEPTS = {  # word -> axis: a model that knows which words mean the same thing
    "fee": 0, "fees": 0, "pounds": 0, "licence": 0,
    "rent": 1, "rents": 1, "tenants": 1, "up": 1, "rise": 1,
    "powers": 2, "prosecute": 2, "rogue": 2,
}


class ConceptEmbedder:
    """Words to concept axes, and a small constant share (axis 3) every text has."""

    name = "concepts-4"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i, 3] = 0.3
            for word in re.findall(r"[a-z']+", text.lower()):
                if word.rstrip("'") in _CONCEPTS:
                    out[i, _CONCEPTS[word.rstrip("'")]] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


_CODEBOOK = Codebook(name="licensing", version="1", themes=(
    Theme(id="fee", label="Licence fee", description="The licence fee in pounds."),
    Theme(id="rents", label="Rents", description="Tenants' rents rise."),
    Theme(id="powers", label="Enforcement", description="Powers to prosecute rogue landlords."),
))
RENTS = "What impact would the scheme have on tenants' rents?"
FEE = "Is the licence fee reasonable?"
OTHER = "Do you have any other comments?"


def _coded(texts: list[str], asking: list[str | None] | None) -> list[set[str]]:
    coder = ThemeCoder(_CODEBOOK, ConceptEmbedder(), use_rules=False, at_least_one=False)
    return [{t.theme for t in tags} for tags in coder.code(texts, ["Q"] * len(texts), asking=asking)]


def test_an_answer_near_its_questions_subject_takes_it() -> None:
    texts = ["They will go up by at least the fee and probably more.", "Far too much for what we get."]
    assert _coded(texts, None) == [set(), set()]  # (as near the fee as rents; near nothing)
    assert _coded(texts, [RENTS, FEE]) == [{"rents"}, {"fee"}]


def test_an_answer_about_something_else_or_a_question_without_a_subject_takes_none() -> None:
    texts = ["Use your powers to prosecute rogue landlords.", "Far too much for what we get.", "No."]
    assert _coded(texts, [RENTS, OTHER, FEE]) == [{"powers"}, set(), set()]


def test_the_stage_reads_each_answer_with_its_questions_text_and_an_edit_of_it_recodes() -> None:
    """`code_segments` gives the coder each segment's question text (`questions`), and a question whose
    text changed recodes its answers (the stamp holds it)."""
    from respmine.themes.stage import Previous, SegmentInput, code_segments

    seg = SegmentInput("s1", "They will go up by at least the fee and probably more.", "Q5")
    first = code_segments([seg], _CODEBOOK, ConceptEmbedder(), questions={"Q5": RENTS})
    assert {c.theme for c in first.codes} == {"rents"}
    assert {c.theme for c in code_segments([seg], _CODEBOOK, ConceptEmbedder()).codes} == set()
    previous = Previous(states=first.states, codes={"s1": first.codes},
                        codebooks={first.codebook.key: first.codebook})
    same = code_segments([seg], _CODEBOOK, ConceptEmbedder(), questions={"Q5": RENTS}, previous=previous)
    assert same.recoded == []
    edited = code_segments([seg], _CODEBOOK, ConceptEmbedder(), questions={"Q5": OTHER}, previous=previous)
    assert edited.recoded == ["s1"]


def test_a_catch_all_question_has_no_subject() -> None:
    """"Do you have any other comments on the proposals or on this consultation?" is near the consultation
    process theme by its words, and asks for anything else: its answers are not about the process (trial
    28a: 5 such codes, all wrong)."""
    texts = ["Far too much for what we get.", "Far too much for what we get."]
    catch_all = "Do you have any other comments on tenants' rents?"
    assert _coded(texts, [RENTS, catch_all]) == [{"rents"}, set()]


def test_a_sentence_saying_the_respondent_does_not_know_takes_no_subject() -> None:
    """A sentence near no theme is about what it was asked only when it says something: one saying the
    respondent does not know ("Not sure about this question, to be honest.") or giving no answer is no
    point on the fee, though it names no theme of its own either."""
    texts = ["Not sure about this question, to be honest.", "Don't know, sorry, no idea at all.",
             "No opinion, see my answer to question 1.", "Far too much for what we get."]
    assert _coded(texts, [FEE, FEE, FEE, FEE]) == [set(), set(), set(), {"fee"}]
