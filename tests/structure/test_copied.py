"""The consultation's own paragraphs copied into responses typed into its document (structure.copied)."""

from __future__ import annotations

import hashlib

from respmine.consultation import Question
from respmine.records import Document
from respmine.structure.copied import copied_paragraphs, paragraph_key
from respmine.structure.stage import structure

_QUESTIONS = [
    Question(id="Q1", number=1, text="To what extent do you agree or disagree with the case for change? "
             "Strongly agree / Agree / Neither agree nor disagree / Disagree / Strongly disagree"),
    Question(id="Q2", number=2, text="What concerns, if any, do you have about travel times and access for "
             "patients and visitors?"),
    Question(id="Q3", number=3, text="How could we reduce the impact on families and carers?"),
]
_INTRO = ("We are proposing to centralise hyper-acute stroke care in two units at Kingsmere and Ashby, so "
          "that more patients are seen by specialist teams around the clock.")
_BETWEEN = ("We know that travel is a concern for many people. Our analysis shows that 94 per cent of people "
            "would be within 60 minutes of a hyper-acute unit by ambulance.")
_HOW = ("Please answer the questions below and send this document to the Engagement Team, Freepost "
        "NORTHSHIRE ICB, by 6 April 2026.")


def _typed_into(answers: tuple[str, str, str], signed: str) -> str:
    """A response typed into a copy of the consultation document: its text around each answer."""
    q1, q2, q3 = (f"Question {q.number}: {q.text}" for q in _QUESTIONS)
    return (f"Proposed changes to stroke services\n\n{_INTRO}\n\n{_HOW}\n\n{q1}\n\n{answers[0]}\n\n"
            f"{_BETWEEN}\n\n{q2}\n\n{answers[1]}\n\n{q3}\n\n{answers[2]}\n\n{signed}")


_RESPONSES = {  # (answers of their own as long as the copied text: responses that otherwise differ)
    "charity.docx": (("Our answer: Agree. Specialist units give people the best chance of surviving a "
                      "stroke with less disability, and our members who were treated at Kingsmere say the "
                      "team there saw them within minutes of arrival, day or night, which Westbury cannot "
                      "promise.",
                      "Our members worry about getting home from Kingsmere after discharge. Many are older, "
                      "live alone in the western valleys and no longer drive after their stroke, and the "
                      "hospital transport service already turns down most requests for journeys home.",
                      "Community rehabilitation must be in place before the change, not after it. Early "
                      "supported discharge teams are short of therapists in every part of the county, and "
                      "families tell us they wait months for speech and language therapy at home."),
                     "Lorraine Mbeki"),
    "league.docx": (("We disagree. Westbury has served the valley for fifty years and its stroke ward is "
                     "staffed by nurses who live here; moving acute care forty miles away will undo what "
                     "the friends of the hospital raised money to build over three decades of appeals.",
                     "The X14 bus takes two hours and stops at six in the evening.",
                     "Pay for taxis for visitors who do not drive, open a relatives' room with beds at "
                     "Kingsmere, and let volunteers from the league run a minibus from the market square on "
                     "visiting days so that husbands and wives can see each other every afternoon."),
                    "Westbury League of Friends"),
    "parish.docx": (("The parish council neither agrees nor disagrees with the case for change: councillors "
                     "accept the clinical evidence but have heard from many residents who fear that the "
                     "extra ambulances promised in the document will never arrive in the upper dale.",
                     "The Dale road is closed by snow most winters, so ambulances would be delayed by an "
                     "hour or more on the diversion through the pass, and the air ambulance cannot fly in "
                     "the low cloud that sits over the valley for much of January and February.",
                     "Give carers free parking at both hyper-acute units."),
                    "Clerk, Upper Dale Parish Council"),
}


def _doc(name: str, text: str) -> tuple[Document, str | None]:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(source=name, sha256=sha, method="t", text=text, format="docx"), None


def test_copied_the_consultations_paragraphs_typed_around_several_responses_are_found() -> None:
    texts = {name: _typed_into(*said) for name, said in _RESPONSES.items()}
    asked = [q.text for q in _QUESTIONS]
    found = copied_paragraphs(texts, asked)
    assert {paragraph_key(p) for p in (_INTRO, _BETWEEN, _HOW)} <= found
    assert not any(paragraph_key(a) in found for answers, _ in _RESPONSES.values() for a in answers)
    two = dict(list(texts.items())[:2])
    assert copied_paragraphs(two, asked) == frozenset()  # (two letters may be two people's one template)
    assert copied_paragraphs(texts, asked, copies=[list(texts)[:2]]) == frozenset()  # (a copy counts once)
    assert copied_paragraphs(texts, asked, campaigns=[list(texts)[:1]]) == frozenset()  # (a campaign's)
    assert copied_paragraphs(texts, []) == frozenset()


def test_copied_a_networks_suggested_paragraph_in_letters_of_their_own_is_said() -> None:
    """Organisations repeating a network's suggested paragraph in letters of their own (no question texts
    repeated: not typed into the consultation document) say it: it is no consultation text."""
    texts = {o: f"Dear Sir,\n\n{_INTRO}\n\nWe are {o} and run services in the valley.\n\nYours, {o}"
             for o in ("Hope Trust", "Dale Carers", "Valley Stroke Club")}
    assert copied_paragraphs(texts, [q.text for q in _QUESTIONS]) == frozenset()


def test_copied_a_response_typed_into_the_consultation_document_is_coded_without_its_text() -> None:
    """(Trial 32a.) A response typed into a copy of the consultation document kept the document's own
    explanatory paragraphs ("We are proposing to ...", "We know that travel is a concern ...", "Please
    answer the questions below ..."): they were read as the respondent's views, coded and glued onto its
    answers. Repeated word for word by several responses typed into the document, they are left out;
    each response's answers stay under their questions."""
    docs = [_doc(name, _typed_into(*said)) for name, said in _RESPONSES.items()]
    result = structure(docs, _QUESTIONS)
    said = [s.text for s in result.segments]
    for copied in ("We are proposing", "We know that travel", "Please answer the questions below"):
        assert not [t for t in said if copied in t], (copied, said)
    filed = {(s.question, s.text) for s in result.segments}
    assert ("Q2", "The X14 bus takes two hours and stops at six in the evening.") in filed, filed
    assert ("Q3", "Give carers free parking at both hyper-acute units.") in filed, filed
    assert result.campaigns == []


def test_copied_a_networks_suggested_answer_under_the_questions_is_said() -> None:
    """(The sample: charities answering under the questions' texts with a network's suggested paragraphs.)
    Repeated word for word under a question's text, a paragraph is an answer those sending it give, not
    the consultation's own text, which stands at the document's start or after an answer."""
    q1, _, q3 = (f"Question {q.number}: {q.text}" for q in _QUESTIONS)
    suggested = ("Community rehabilitation must be in place before the change, and early supported "
                 "discharge teams need therapists in every part of the county.")
    texts = {o: f"{o}\\n\\n{q1}\\n\\nWe agree, as {o}.\\n\\n{q3}\\n\\n{suggested}\\n\\n{_BETWEEN}"
             for o in ("Hope Trust", "Dale Carers", "Valley Stroke Club")}
    found = copied_paragraphs(texts, [q.text for q in _QUESTIONS])
    assert paragraph_key(suggested) not in found
    assert paragraph_key(_BETWEEN) not in found  # (after a suggested answer: maybe its second paragraph)
