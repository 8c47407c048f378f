"""The consultation document's own text in responses (`document:` in the consultation file;
structure.copied.ConsultationText): a response typed into a copy of the document keeps the document's
explanatory paragraphs around its answers; they are the consultation's, not the respondent's views."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from respmine.consultation import ConsultationError, Question, load_consultation
from respmine.records import Document
from respmine.structure.blocks import blocks
from respmine.structure.copied import ConsultationText
from respmine.structure.questions import calibration_key
from respmine.structure.stage import structure
from respmine.structure.ticks import unticked

_QUESTIONS = [
    Question(id="Q1", number=1, text="To what extent do you agree or disagree with the case for change? "
             "Strongly agree / Agree / Neither agree nor disagree / Disagree / Strongly disagree"),
    Question(id="Q2", number=2, text="Which option do you prefer? Option 1 / Option 2 / Option 3"),
    Question(id="Q3", number=3, text="What concerns, if any, do you have about travel times and access for "
             "patients and visitors?"),
]
_WHY = ("Evidence from across England shows that people treated in a hyper-acute stroke unit, with "
        "specialist staff available 24 hours a day, seven days a week, are more likely to survive and to "
        "recover with less disability.")
_OPTIONS = ("Option 2 would keep three hyper-acute units. Option 3 would make no change. We do not think "
            "Options 2 or 3 can be staffed safely.")
_TRAVEL = ("We know that travel is a concern for many people. Our analysis shows that 94 per cent of people "
           "in Northshire would be within 60 minutes of a hyper-acute unit by ambulance.")
_HOW = ("How to respond: complete the online survey, or send this document to the ICB Engagement Team, "
        "Freepost NORTHSHIRE ICB, by 6 April 2026.")
DOCUMENT = "\n\n".join([
    "Proposed changes to stroke services in Northshire", "Why we need to change", _WHY, "The options",
    "Option 1 would create two hyper-acute stroke units at Kingsmere and Ashby.", _OPTIONS,
    *(f"Question {q.number}: {q.text}" for q in _QUESTIONS[:2]), "Travel and access", _TRAVEL,
    f"Question 3: {_QUESTIONS[2].text}", _HOW])


def _doc(name: str, text: str) -> tuple[Document, str | None]:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(source=name, sha256=sha, method="t", text=text, format="docx"), None


def _typed_into(q1: str, q2: str, q3: str) -> str:
    """One response typed into the document (nobody else did: no paragraph is repeated by others)."""
    h1, h2, h3 = (f"Question {q.number}: {q.text}" for q in _QUESTIONS)
    return "\n\n".join(["Proposed changes to stroke services in Northshire", "Why we need to change", _WHY,
                        h1, q1, "The options",
                        "Option 1 would create two hyper-acute stroke units at Kingsmere and Ashby.",
                        _OPTIONS, h2, q2, "Travel and access", _TRAVEL, h3, q3, _HOW,
                        "Comments added by Lorraine Mbeki, Chief Executive, Stroke Recovery Northshire."])


def test_document_a_response_typed_into_it_is_segmented_without_its_text() -> None:
    """(Trial 32a.) The ICB's paragraph "Option 2 would keep ... Option 3 would make no change" was glued
    onto the charity's Q1 answer and coded as its view of Options 2 and 3 though it chose Option 1; the
    ICB's travel paragraph was filed as an answer. Given the document, its text is left out (one response
    typed into it is enough: nothing needs repeating); the answers stay under their questions, whole."""
    text = _typed_into("Our answer: Agree. We support specialist hyper-acute units for our members.",
                       "Our answer: Option 1, but only with investment in rehabilitation.",
                       "Our members worry about getting home from Kingsmere after discharge.")
    result = structure([_doc("charity.docx", text)], _QUESTIONS, document=DOCUMENT)
    said = {(s.question, s.text) for s in result.segments}
    assert ("Q1", "Our answer: Agree. We support specialist hyper-acute units for our members.") in said, said
    assert ("Q2", "Our answer: Option 1, but only with investment in rehabilitation.") in said, said
    assert ("Q3", "Our members worry about getting home from Kingsmere after discharge.") in said, said
    for own in ("Evidence from across", "Option 3 would make no change", "The options", "We know that travel",
                "Freepost", "Why we need to change"):
        assert not [t for _, t in said if own in t], (own, said)
    without = structure([_doc("charity.docx", text)], _QUESTIONS)  # (no document: one writer is no copy)
    assert [s for s in without.segments if "Option 3 would make no change" in s.text]


def _kept(own: ConsultationText, text: str) -> list[str]:
    return [b.text for b in own.without(blocks(text), lambda t: t.startswith("Question"))]


def test_document_a_copy_with_slips_and_reflowed_lines_is_still_the_documents() -> None:
    """Near copies go too: a typing or OCR slip a word ("rnore", "survlve"), lines broken where a PDF
    wrapped them, two of the document's paragraphs run together."""
    own = ConsultationText(DOCUMENT)
    slipped = _WHY.replace("more", "rnore").replace("survive", "survlve")
    wrapped = "\n".join(_TRAVEL[i : i + 60] for i in range(0, len(_TRAVEL), 60)).replace("\n", " \n")
    joined = f"{_OPTIONS} {_TRAVEL}"
    assert _kept(own, f"{slipped}\n\n{wrapped}\n\n{joined}\n\nWe disagree with all of this.") == [
        "We disagree with all of this."]


def test_document_a_respondents_paragraph_quoting_it_is_kept() -> None:
    """A sentence of the document quoted inside a paragraph of the respondent's own, to be argued with,
    keeps the paragraph whole; so does a paragraph merely sharing the document's phrases. A run of the
    document's sentences opening a respondent's paragraph (a PDF joining the copied text to the answer)
    is cut from it, the answer kept."""
    own = ConsultationText(DOCUMENT)
    argued = ("The ICB says that Option 3 would make no change. That is untrue: Westbury would still lose "
              "its consultants within two years.")
    quoted = f"We read: \"{_OPTIONS}\" We think they can."
    phrases = ("Two hyper-acute stroke units at Kingsmere and Ashby would leave the western valleys more "
               "than an hour from specialist care, and we oppose it.")
    assert _kept(own, f"{argued}\n\n{quoted}\n\n{phrases}") == [argued, quoted, phrases]
    assert _kept(own, f"{_TRAVEL} Our members cannot drive after a stroke.") == [
        "Our members cannot drive after a stroke."]


def test_document_a_heading_of_the_document_goes_only_with_its_text() -> None:
    """A short line that is one of the document's headings goes with the copied paragraph it heads there
    ("The options" over "Option 1 would create ..."); the same words answering a question stay ("Travel and
    access" over the respondent's own paragraph)."""
    own = ConsultationText(DOCUMENT)
    assert _kept(own, f"The options\n\nOption 1 would create two hyper-acute stroke units at Kingsmere and "
                      f"Ashby.\n\n{_OPTIONS}") == []
    bus = "The X14 bus takes two hours and stops at six in the evening."
    assert _kept(own, f"Travel and access\n\n{bus}") == ["Travel and access", bus]
    assert _kept(own, f"The options\n\n{_TRAVEL}") == ["The options"]  # (heading another paragraph there)


def test_document_questions_and_ticked_boxes_in_it_are_kept() -> None:
    """The document's question texts head the answers (segmentation files answers under them), and its
    answer scale with a box ticked is the respondent's answer: neither is left out."""
    own = ConsultationText(DOCUMENT + "\n\n☐ Strongly agree ☐ Agree ☐ Neither agree nor disagree ☐ Disagree")
    ticked = "☐ Strongly agree ☒ Agree ☐ Neither agree nor disagree ☐ Disagree"
    kept = [b.text for b in own.without(blocks(f"{ticked}\n\n{_WHY}"), lambda t: unticked(t) != t)]
    assert kept == [ticked]


def test_document_a_new_document_resegments() -> None:
    """The document is stamped into segmentation's version: another document, other segments."""
    one, other = ConsultationText(DOCUMENT).stamp(), ConsultationText(DOCUMENT + "\n\nMore text.").stamp()
    assert one != other and ConsultationText("").stamp() == ""
    assert calibration_key(_QUESTIONS, None, "T", one) != calibration_key(_QUESTIONS, None, "T", other)
    assert calibration_key(_QUESTIONS, None, "T", "") == calibration_key(_QUESTIONS, None, "T")


def _consultation(tmp_path: Path, document: str) -> Path:
    path = tmp_path / "consultation.yaml"
    path.write_text(f"title: Stroke services\ndocument: {document}\n", encoding="utf-8")
    return path


def test_document_the_consultation_file_names_it_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "consultation.html").write_text(
        f"<html><body><h1>Stroke services</h1><p>{_WHY}</p></body></html>", encoding="utf-8")
    consultation = load_consultation(_consultation(tmp_path, "docs/consultation.html"))
    assert "Evidence from across England" in consultation.document_text()
    assert load_consultation(_consultation(tmp_path, '""')).document_text() == ""


def test_document_missing_or_unreadable_is_refused_with_why(tmp_path: Path) -> None:
    with pytest.raises(ConsultationError, match=r"consultation document not found.*consultation\.pdf"):
        load_consultation(_consultation(tmp_path, "consultation.pdf")).document_text()
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(ConsultationError, match="could not be read"):
        load_consultation(_consultation(tmp_path, "broken.pdf")).document_text()


def test_document_an_answer_beside_its_question_is_kept() -> None:
    """(Trial 32a: a consultant's Question | Answer table.) "2. Which option do you prefer? | Option 1."
    has every word in the document (its question, then its options): the answer stands beside the question,
    and is kept."""
    text = ("Response to the stroke consultation\n\n2. Which option do you prefer? | Option 1.\n\n"
            "3. What concerns, if any, do you have about travel times and access for patients and "
            "visitors? | None: the ambulance service can cope.")
    result = structure([_doc("consultant.docx", text)], _QUESTIONS, document=DOCUMENT)
    assert [s for s in result.segments if s.question == "Q2" and "Option 1" in s.text], result.segments
