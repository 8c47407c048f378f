"""Per-question segmentation: headings, quoted questions, numbered answers, form answers, letters."""

from __future__ import annotations

import time

import numpy as np
import pytest

from respmine.consultation import Question
from respmine.records import ABOUT, GENERAL, NOTE, Answer, Document
from respmine.structure import question_matcher, questions
from respmine.structure.blocks import blocks
from respmine.structure.question_matcher import QuestionMatcher
from respmine.structure.questions import calibrate, segment_document, segment_documents

QUESTIONS = [
    Question(id="Q1", number=1, text="How should charities be involved in delivering offender services?"),
    Question(id="Q2", number=2, text="What funding arrangements would give charities certainty?"),
    Question(id="Q3", number=3, text="Should services be commissioned regionally or locally?"),
]


def _doc(text: str, **kw: object) -> Document:
    return Document(source="x", sha256="s" * 64, format=str(kw.pop("format", "txt")), method="t", text=text,
                    **kw)  # type: ignore[arg-type]


def _plan(doc: Document, embedder: object = None, title: str = "") -> list[tuple[str, str]]:
    segs = segment_document(doc, QuestionMatcher(QUESTIONS, embedder, title))  # type: ignore[arg-type]
    for s in segs:
        assert doc.text[s.span.start : s.span.end] == s.text  # every segment traces to its source span
    return [(s.question, s.text) for s in segs]


def test_questions_explicit_headings_split_answers_and_keep_intro_general() -> None:
    text = (
        "Riverside Trust welcomes this consultation and is pleased to respond.\n\n"
        "Question 1\n\nCharities should be involved from the design stage onwards.\n\n"
        "Q2: Contracts must pay the full cost of delivery over at least three years.\n\n"
        "Question 3\n\nLocal commissioning works best for people leaving prison.\n\n"
        "Yours faithfully,\n\nJane Smith"
    )
    plan = _plan(_doc(text))
    assert ("Q1", "Charities should be involved from the design stage onwards.") in plan
    assert ("Q2", "Contracts must pay the full cost of delivery over at least three years.") in plan
    assert ("Q3", "Local commissioning works best for people leaving prison.") in plan
    general = [t for q, t in plan if q == GENERAL]
    assert any("welcomes this consultation" in t for t in general)
    assert not any("Yours faithfully" in t or "Jane Smith" in t for _, t in plan)  # sign-off: furniture


def test_questions_quoted_question_text_and_numbered_answers() -> None:
    quoted = (
        "How should charities be involved in delivering offender services?\n"
        "As equal partners in design and delivery.\n\n"
        "Should services be commissioned regionally or locally?\nLocally, by people who know the area."
    )
    plan = _plan(_doc(quoted))
    assert ("Q1", "As equal partners in design and delivery.") in plan
    assert ("Q3", "Locally, by people who know the area.") in plan
    numbered = "1. We support a bigger role for charities.\n2. Pay the full cost of services.\n"
    plan = _plan(_doc(numbered, format="docx"))
    assert [q for q, _ in plan] == ["Q1", "Q2"]


def test_questions_a_heading_that_restates_the_question_is_not_part_of_the_answer() -> None:
    q1, q2 = QUESTIONS[0].text, QUESTIONS[1].text
    numbered = f"Intro.\n\n1. {q1}\n\nAs equal partners.\n\n2. {q2} Three-year grants.\n\n3. Locally."
    assert _plan(_doc(numbered))[1:] == [("Q1", "As equal partners."), ("Q2", "Three-year grants."),
                                         ("Q3", "Locally.")]
    labelled = f"Question 1: {q1}\n\nAs equal partners.\n\nQuestion 2 {q2}\n\nThree-year grants."
    assert _plan(_doc(labelled)) == [("Q1", "As equal partners."), ("Q2", "Three-year grants.")]
    wrapped = "Question 2\nCharities need three-year contracts with full cost recovery so they can\nplan."
    assert _plan(_doc(wrapped)) == [("Q2", wrapped.split("\n", 1)[1])]  # the heading alone on its line
    ask = "Should offender services be commissioned regionally or locally?"
    two = [Question(id="Q5", number=5, text=f"{ask} Please give your reasons.")]
    said = "Locally: people know the area."
    for text in (f"Question 5: {ask}\n\nPlease give your reasons.\n\n{said}",  # a heading, then the rest
                 f"{ask} Please give your reasons. {said}"):  # the question quoted in one paragraph
        segs = segment_document(_doc(text), QuestionMatcher(two))
        assert [s.text for s in segs] == [said]  # the question's second sentence is not the answer


def test_questions_form_answers_map_by_label_and_rest_is_general() -> None:
    text = "Name | A Person\n1. How should charities be involved? | Fully.\nFunding? | Pay full cost."
    doc = _doc(text, format="docx", answers=(
        Answer("1. How should charities be involved?", "Fully.", "table row 2"),
        Answer("What funding arrangements would give charities certainty?", "Pay full cost.", "table row 3"),
    ))
    plan = _plan(doc)
    assert ("Q1", "Fully.") in plan and ("Q2", "Pay full cost.") in plan
    assert any(q == GENERAL and "Name" in t for q, t in plan)


def test_questions_a_one_letter_form_answer_is_found_after_its_column_header() -> None:
    """"Q2 Preferred option (A/B/C)\nB": the answer "B" was taken from "(A/B/C)", and the real one read
    again under the header as a second answer ("Preferred option (A/B/C)\nB")."""
    text = "Q2 Preferred option (A/B/C)\nB\n\nQ2 Why?\nGlass is too heavy for a small shop."
    doc = _doc(text, format="form-row", answers=(
        Answer("Q2", "B", "Q2 Preferred option (A/B/C)"),
        Answer("Q2", "Glass is too heavy for a small shop.", "Q2 Why?"),
    ))
    segs = segment_document(doc, QuestionMatcher(QUESTIONS))
    assert [(s.question, s.text, s.span.start) for s in segs] == [
        ("Q2", "B", text.index("\nB") + 1),
        ("Q2", "Glass is too heavy for a small shop.", text.index("Glass"))]


def test_questions_an_answer_ending_in_a_question_is_no_restated_question() -> None:
    """"Q2. Option C. No scheme. Councils already collect cans, so why build a second system?" was read as
    the heading restating its question, and the answer was lost; a heading that does restate it is not
    an answer."""
    answer = "Option C. No scheme. Councils already collect cans, so why build a second system?"
    doc = _doc(f"Q1. No. I do not agree.\n\nQ2. {answer}\n\nQ3. Locally.")
    assert ("Q2", answer) in _plan(doc)
    restated = _doc(f"Q2. {QUESTIONS[1].text}\n\nThree-year grants.")
    assert _plan(restated) == [("Q2", "Three-year grants.")]


def test_questions_a_closed_answer_the_question_lists_is_the_answer_not_the_question() -> None:
    """A question ending with its scale ("... Strongly agree / Agree / ... / Strongly disagree") or offering
    "Option 2": the answer "Strongly agree." under its heading was taken for the question restated and
    cut, and "Option 2." with it; "Question 2: Strongly agree." lost the whole line (a new user's Q2 count
    was halved)."""
    asked = [Question(id="Q1", number=1, text="Which option do you prefer? Option 1 (orders), Option 2 "
                      "(local powers) or Option 3 (a national ban)"),
             Question(id="Q2", number=2, text="Do you agree that councils should issue fines? Strongly agree "
                      "/ Agree / Neither agree nor disagree / Disagree / Strongly disagree")]
    for text in ("1. Which option do you prefer?\nOption 2. It is flexible.\n2. Fines\nStrongly agree.\n"
                 "Fines work.",
                 "Question 1\n\nOption 2. It is flexible.\n\nQuestion 2: Strongly agree.\nFines work."):
        segs = segment_document(_doc(text, format="docx"), QuestionMatcher(asked))
        assert [(s.question, s.text.split("\n")[0]) for s in segs] == [
            ("Q1", "Option 2. It is flexible."), ("Q2", "Strongly agree.")], text
    segs = segment_document(_doc("Question 2: Agree strongly\nFines work."), QuestionMatcher(asked))
    assert [s.text for s in segs] == ["Agree strongly\nFines work."]  # (the line was dropped)


def test_questions_a_reports_numbered_sections_on_questions_file_under_the_question_named() -> None:
    """(A new user's trial.) A planning agent's representations number their sections ("1. Introduction",
    "2. Question 1", "3. Questions 2 and 3"): the section numbers were read as question numbers, and the
    client's "Yes" to question 1 was filed under question 2."""
    text = ("1. Introduction 1.1 Hartwell Planning is instructed by our client, who controls the site.\n\n"
            "2. Question 1 2.1 Yes. Our client supports a bigger role for charities.\n\n"
            "2.2 They can deliver mentoring from day one.\n\n"
            "3. Questions 2 and 3 3.1 Our client has no comment on funding.\n")
    plan = _plan(_doc(text, format="pdf"))
    assert [(q, t[:20]) for q, t in plan if q.startswith("Q")] == [
        ("Q1", "Yes. Our client supp"), ("Q2", "Our client has no co")]
    assert "They can deliver mentoring" in dict(plan)["Q1"]
    by_question = ("1. Charities should be partners in design and delivery.\n\n2. Funding must cover full "
                   "costs over three years.\n\n3. Conclusion. Local commissioning works best for people "
                   "leaving prison.\n")  # (a review: numbered by question, "3. Conclusion" is question 3's)
    assert [q for q, _ in _plan(_doc(by_question, format="pdf"))] == ["Q1", "Q2", "Q3"]
    report = ("1. Introduction\nMillbrook Mind is a local mental health charity supporting 400 people.\n\n"
              "2. Funding\nContracts should last three years.\n\n3. Local commissioning\nServices should be "
              "local.\n")  # (a second review: an ordinary report's introduction was filed as Q1)
    assert "Q1" not in [q for q, _ in _plan(_doc(report, format="pdf"))]


def test_questions_answers_labelled_inline_in_one_paragraph_are_split() -> None:
    """(A new user's trial.) "We're a tiny charity. Q1: no idea, honestly. Q2: ... Q3: No." in one
    paragraph was filed whole under one question; a question named in passing is no label."""
    text = ("Kickstart is a tiny football charity with one paid worker. Q1: no idea, honestly. Q2: make it "
            "possible to bid for £5,000 without a forty-page form. Q3: No.")
    plan = _plan(_doc(text))
    assert [q for q, _ in plan if q.startswith("Q")] == ["Q1", "Q2", "Q3"]
    assert ("Q3", "No.") in plan
    passing = _plan(_doc("We agree with the approach in Q1. Q2 is harder: funding must be longer."))
    assert len(passing) == 1
    quarters = "Referrals rose last year. Q1: 40 referrals. Q2: 55 referrals. Q3: 61. Q4: 70."  # (a review)
    assert len(_plan(_doc(quarters))) == 1
    figures = "Our views. Q1: Charities should lead. Q2: 3-year contracts. Q3: Smaller lots."  # (a second)
    assert [q for q, _ in _plan(_doc(figures)) if q.startswith("Q")] == ["Q1", "Q2", "Q3"]


def test_questions_an_option_named_with_its_label_is_the_answer_not_the_question() -> None:
    """(A new user's trial.) "2. Option B, mixed use with housing." and "Q2 - C, keep as now" repeat the
    question's words ("Option B: mixed use with housing, Option C: keep as now"): read as the question
    restated, the whole answer was dropped, and the options' counts with it."""
    asked = [Question(id="Q1", number=1, text="Do you agree with the allocation of Site H4?"),
             Question(id="Q2", number=2, text="Which of the three options for the town centre do you prefer? "
                      "Option A: retail-led, Option B: mixed use with housing, Option C: keep as now",
                      options={"A": "retail-led", "B": "mixed use with housing", "C": "keep as now"})]
    for text, answer in (("1. Yes.\n\n2. Option B, mixed use with housing.\n",
                          "Option B, mixed use with housing."),
                         ("Q1 - No\nQ2 - C, keep as now\n", "C, keep as now"),
                         ("Q1 - No\nQ2 - Keep as now.\n", "Keep as now.")):
        segs = segment_document(_doc(text, format="docx"), QuestionMatcher(asked))
        assert [(s.question, s.text.strip()) for s in segs][-1] == ("Q2", answer), text
    restated = ("Q1 - No\nQ2 - Option A: retail-led, Option B: mixed use with housing, Option C: keep as now"
                "\nB\n")
    segs = segment_document(_doc(restated, format="docx"), QuestionMatcher(asked))
    assert [s.text.strip() for s in segs if s.question == "Q2"] == ["B"]  # (the list restated: still cut)


def test_questions_a_numbers_line_alone_heads_its_answer_and_a_title_line_is_no_answer() -> None:
    """"1." alone on its line was no heading (the answer "2" under it was lost, and the letter read by
    meaning); "3. Exemptions", a form's short title of its question, opened the answer and its quotes."""
    asked = [Question(id="Q1", number=1, text="Which option do you prefer? Option 1, 2 or 3"),
             Question(id="Q2", number=2, text="What exemptions should apply, say for narrow streets?"),
             Question(id="Q3", number=3, text="What impact would the options have on disabled people, such "
                      "as wheelchair users, and on people with pushchairs?")]
    narrow = ("Narrow streets must be exempt, or fire engines, ambulances and refuse lorries will not get "
              "through at all.")
    text = ("1.\n2\n2. Exemptions\n" + narrow + "\n3. Impact on disabled people and pushchair users\n"
            "Wheelchair users are forced into the road.")  # (Word: a paragraph a line, some long)
    segs = segment_document(_doc(text, format="docx"), QuestionMatcher(asked))
    assert [(s.question, s.text) for s in segs] == [
        ("Q1", "2"), ("Q2", narrow), ("Q3", "Wheelchair users are forced into the road.")]
    kept = segment_document(_doc("1.\nExemptions for narrow streets.\n2.\nNone.", format="docx"),
                            QuestionMatcher(asked))
    assert [s.text for s in kept] == ["Exemptions for narrow streets.", "None."]  # a sentence is an answer
    # (a review's cases) a list's items, a line further down, and a sentence wrapped onto the next line
    for said in ("- Narrow streets\n- Streets near schools", "Disabled people and wheelchair users\nare hit "
                 "hardest.", "Exemptions for narrow streets\nBlind people\nLots."):
        segs = segment_document(_doc(f"Question 3\n{said}"), QuestionMatcher(asked))
        assert said.split("\n")[-1] in segs[0].text and "\n" in segs[0].text, said


def test_questions_an_answer_in_the_questions_words_is_no_quoted_question() -> None:
    """"We agree that victims should have a legal right ..." was read as the question quoted back: the
    answer was dropped and the rest of the letter filed under that question."""
    right = "victims should have a legal right to be told when an offender is released"
    matcher = QuestionMatcher([Question(id="Q1", number=1, text=f"Do you agree that {right}? Yes / No.")])
    for said in (f"We agree that {right}.", f"So yes, I agree that {right}."):
        assert matcher.quoted(said) is None
    assert matcher.quoted(f"Do you agree that {right}?\nYes.") is not None
    proposed = QuestionMatcher([Question(id="Q1", number=1, text=f"We propose that {right}. Do you agree?")])
    assert proposed.quoted(f"We propose that {right}.\nDo you agree?") is not None  # (its own opening)
    assert proposed.by_label(f"We propose that {right}") is not None


ENERGY = [Question(id="Q1", number=1, text="Do you agree that the sale of high-caffeine energy drinks to "
                  "under-16s should be banned? Yes / No / Don't know"),
          Question(id="Q3", number=3, text="Which age limit do you prefer? Option A (16) or Option B (18)")]


def test_questions_the_end_of_a_wrapped_question_is_no_part_of_the_answer() -> None:
    """A PDF wraps a long question: its heading's line holds the start, and the rest opened the answer
    ("Yes / No / Don't know Yes. Many ...": unclear; "Option A (16) or Option B (18) Option B (18)": A)."""
    text = ("Question 1: Do you agree that the sale of high-caffeine energy drinks to under-16s should be "
            "banned?\nYes / No / Don't know Yes. Many children drink them.\n\nQuestion 3: Which age limit do "
            "you prefer?\nOption A (16) or Option B (18) Option B (18)\n")
    segs = segment_document(_doc(text, format="pdf"), QuestionMatcher(ENERGY))
    assert [(s.question, s.text) for s in segs] == [("Q1", "Yes. Many children drink them."),
                                                    ("Q3", "Option B (18)")]
    kept = segment_document(_doc("Question 3:\nOption A (16)", format="pdf"), QuestionMatcher(ENERGY))
    assert [s.text for s in kept] == ["Option A (16)"]  # (the question's first words, not its end)
    impact = QuestionMatcher([Question(id="Q4", number=4, text="What impact would the proposals have on "
                                       "businesses, including small retailers?")])
    for said in ("Businesses, including small retailers, would lose trade.",  # (a review: cut to ", would
                 "On businesses including small retailers the impact is nil."):  # lose trade.")
        assert [s.text for s in segment_document(_doc(f"Question 4\n{said}"), impact)] == [said]


def test_questions_a_response_forms_question_cell_and_about_you_rows_are_no_comments() -> None:
    """A table's question cell of two lines left its lines as general comments ("or Option B (18) |
    Option A (16)", the answer found inside the question), and the "About you" rows ("Name | ...") made an
    emerging theme."""
    label = "3. Which age limit do you prefer?\nOption A (16) or Option B (18)"
    text = (f"About you\n\nName | Helen Marsh\nEmail address | h.marsh@example.org\nAre you responding as an "
            f"individual or on behalf of an organisation? |\nOrganisation name (if applicable) | Northgate "
            f"Federation\n\n{label} | Option A (16)\n")
    doc = _doc(text, format="docx", answers=(Answer(label, "Option A (16)", "table 2 row 4"),))
    segs = segment_document(doc, QuestionMatcher(ENERGY))
    assert [(s.question, s.text, s.span.start) for s in segs] == [
        ("Q3", "Option A (16)", text.rindex("Option A"))]


def test_questions_a_details_table_with_a_blank_row_is_no_answer() -> None:
    """A form's details table with the address left blank ("Address" alone on its row) was kept whole as a
    segment, and filed under the last question ("Any other comments"): answered by 14, truth 12."""
    label = "3. Which age limit do you prefer?"
    who = "Are you responding as an individual or on behalf of an organisation?"
    text = ("Name | Helen Marsh\nOrganisation (if applicable) | Northgate Federation\nEmail address | "
            f"h.marsh@example.org\nAddress\n{who} | Organisation\n\n{label} | Option B (18)\n")
    doc = _doc(text, format="docx", answers=(Answer(who, "Organisation", "table row 5"),
                                             Answer(label, "Option B (18)", "table 2 row 1")))
    assert [(s.question, s.text) for s in segment_document(doc, QuestionMatcher(ENERGY))] == [
        ("Q3", "Option B (18)")]


def test_questions_a_bilingual_heading_is_no_part_of_the_answer() -> None:
    """"Cwestiwn 1 / Question 1" on its own line left "/ Question 1" opening the answer (its "Ydym." then
    read as no answer, the respondent as partly agreeing)."""
    doc = _doc("Cwestiwn 1 / Question 1\n\nYdym. Rydym yn cefnogi.\n\nCwestiwn 2 / Question 2\nTair blynedd.")
    assert _plan(doc) == [("Q1", "Ydym. Rydym yn cefnogi."), ("Q2", "Tair blynedd.")]


def test_questions_a_self_description_is_set_apart_not_matched_to_a_question() -> None:
    """ "Lakeside Trust is a small charity that runs a befriending scheme" is who responded, not what it
    thinks: an ABOUT segment (kept, never coded). Under a question's heading it is that answer."""
    about = "Lakeside Trust is a small charity in Kingsmere that runs a befriending scheme for men."
    view = "Charities should be involved as core delivery partners, with full cost recovery funding."
    plan = _plan(_doc(f"{about}\n\n{view}"), Keyword())
    assert plan[0] == (ABOUT, about) and all(q != ABOUT for q, _ in plan[1:]) and len(plan) > 1
    plan = _plan(_doc(f"{about}\n\n{view}"))  # no embedder: the rest is general, the description apart
    assert plan == [(ABOUT, about), (GENERAL, view)]
    assert _plan(_doc(f"Question 1\n\n{about}\n\n{view}")) == [("Q1", f"{about}\n\n{view}")]
    # only a letter's opening is searched: a describing sentence further on is about someone else
    later = "NHS England employs fewer nurses than it did in 2010, across every region."
    plan = _plan(_doc(f"{view}\n\n{view} Again.\n\n{later}"))
    assert all(q == GENERAL for q, _ in plan) and len(plan) == 3


def test_questions_form_questions_about_the_respondent_are_not_answers() -> None:
    """ "Are you responding as an individual or ...?" is profiling's to read: as a segment it had been
    coded (sector-neutral competition, from "registered charity") and shown as a question of its own."""
    asked = "Are you responding as an individual or on behalf of an organisation?"
    text = (f"{asked} | On behalf of an organisation (registered charity)\nOrganisation type | Charity\n"
            "1. How should charities be involved? | Fully.")
    doc = _doc(text, format="docx", answers=(
        Answer(asked, "On behalf of an organisation (registered charity)", "table row 1"),
        Answer("Organisation type", "Charity", "table row 2"),
        Answer("1. How should charities be involved?", "Fully.", "table row 3"),
    ))
    assert _plan(doc) == [("Q1", "Fully.")]
    # a consultation question that mentions organisations is still a question; and so is a long answer
    about = Question(id="Q9", number=9, text="How should voluntary organisations be involved in delivery?")
    long = "As an organisation we think charities should lead on mentoring and housing advice, with funding."
    doc = _doc(f"{about.text} | Closely.\nIn what capacity? | {long}", format="docx", answers=(
        Answer(about.text, "Closely.", "table row 1"), Answer("In what capacity?", long, "table row 2")))
    segs = segment_document(doc, QuestionMatcher([about]))
    assert [(s.question, s.text) for s in segs] == [("Q9", "Closely."), ("In what capacity?", long)]


class Keyword:
    """A stand-in embedder: one dimension per question keyword, so similarity is predictable."""

    name = "keyword"
    keys = ("involved", "funding", "locally")

    def __init__(self) -> None:
        self.calls: list[int] = []  # texts per call

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        rows = [[float(k in t.lower()) for k in self.keys] + [0.1] for t in texts]
        v = np.array(rows)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_questions_a_short_whole_sentence_is_matched_but_not_a_fragment() -> None:
    """A point made in one short sentence ("Tags also stop people getting work.") was too short to be
    matched (under MIN_CONTENT_WORDS) and its question went unanswered; a piece of a sentence cut by a
    page's layout, an address line or a salutation still is not."""
    text = ("12 High Street, Leeds LS8 5QT\n\nDear Sir or Madam,\n\nFunding must last five years.\n\n"
            "the funding of local groups run.\n\nYours faithfully,")
    plan = _plan(_doc(text), Keyword())
    assert ("Q2", "Funding must last five years.") in plan
    assert ("Q2", "the funding of local groups run.") not in plan
    assert not questions._one_sentence("Registered in England No. 08812345")


def test_questions_free_letter_paragraphs_assigned_by_similarity() -> None:
    text = (
        "12 High Street\n\nDear Sir or Madam,\n\n"
        "We believe that long term funding is essential for our work to continue at all.\n\n"
        "Decisions are best taken locally by people who know the towns and services.\n\n"
        "Yours faithfully,"
    )
    plan = _plan(_doc(text), Keyword())
    assert ("Q2", "We believe that long term funding is essential for our work to continue at all.") in plan
    assert ("Q3", "Decisions are best taken locally by people who know the towns and services.") in plan
    assert [q for q, _ in plan] == ["Q2", "Q3"]  # address, salutation and sign-off are furniture


def test_questions_letter_furniture_is_left_out_but_short_statements_stay() -> None:
    text = "Dear Sir,\n\nWe oppose this.\n\nYours faithfully,\nJo Bloggs\nRV1 2AB"
    assert [t for _, t in _plan(_doc(text))] == ["We oppose this."]
    signed = "Question 1\n\nAs partners.\n\nQuestion 2\n\nPay the full cost.\n\nJo Bloggs\nChair"
    assert _plan(_doc(signed)) == [("Q1", "As partners."), ("Q2", "Pay the full cost.")]
    short = "Question 1\n\nAs partners.\n\nQuestion 2\n\nFull cost recovery"  # a short last answer stays
    assert _plan(_doc(short)) == [("Q1", "As partners."), ("Q2", "Full cost recovery")]


def test_questions_reference_lines_and_the_consultation_title_are_not_content() -> None:
    title = ("Working with the Third Sector to Reduce Re-offending: the role of voluntary and community "
             "organisations in contestable probation and prison services")  # too long for a heading
    letter = (
        "Re: Consultation on the role of the voluntary and community sector in offender services\n\n"
        "---------- Forwarded message ---------\nFrom: [NAME] <[EMAIL]>\nSubject: Our response\n\n"
        "Working with the Third Sector: consultation response\nSubmitted by Riverside Trust\n"
        "Date: 24 April 2026\nRiverside Trust runs mentoring for people leaving prison.\n\n"
        f"{title}\n\n"
        "Subject: we oppose regional contracts.\n\n"
        "Re: our letter of 3 March. Small charities cannot bid for regional contracts.\n\n"
        "We gave evidence to the consultation response panel\nin 2024 and stand by it."
    )
    doc = _doc(letter)

    def plan(title: str) -> list[str]:
        segs = segment_documents([doc], QUESTIONS, title=title)[doc.sha256]
        assert all(letter[s.span.start : s.span.end] == s.text for s in segs)
        return [s.text for s in segs]

    said = [
        "Riverside Trust runs mentoring for people leaving prison.",  # its header lines cut off
        "Subject: we oppose regional contracts.",  # a reference line that says something stays
        "Re: our letter of 3 March. Small charities cannot bid for regional contracts.",
        "We gave evidence to the consultation response panel\nin 2024 and stand by it.",  # wrapped prose
    ]
    assert plan(title) == said
    assert plan("") == [*said[:1], title, *said[1:]]  # the title is only known from the consultation


def test_questions_a_quoted_message_below_a_reply_is_not_the_respondents() -> None:
    said = "Charities need full cost recovery on contracts of at least three years."
    invitation = "The department has today published a consultation on the role of charities in probation."
    outlook = (f"Dear Sir,\n\n{said}\n\nYours faithfully,\nJo Bloggs\n\n-----Original Message-----\n"
               f"From: NOMS <x@noms.example>\nSent: 3 February 2026\nSubject: Consultation\n\nDear colleague,"
               f"\n\n{invitation}\n\nNOMS Third Sector Team")
    assert [t for _, t in _plan(_doc(outlook))] == [said]
    gmail = f"{said}\n\nOn Mon, 3 Feb 2026 at 10:02, NOMS <x@noms.example> wrote:\n\n> {invitation}"
    assert [t for _, t in _plan(_doc(gmail))] == [said]
    forward = f"FYI\n\n-----Original Message-----\nFrom: Jo Bloggs\nSubject: Our response\n\n{said}"
    assert [t for _, t in _plan(_doc(forward))] == [said]  # nothing above: the quoted message is the response
    thanks = f"Thank you for the opportunity to comment.\n\n-----Original Message-----\n\n{said}"
    assert said in [t for _, t in _plan(_doc(thanks))]  # thanks above a forward: the response is below


def test_questions_blocks_rejoin_a_paragraph_cut_mid_sentence() -> None:
    """A page break or a scan's blank line inside a sentence: the tail is not a paragraph of its own. A
    heading or a short label before a lower-case answer, or a finished sentence, stays apart."""
    cut = ("In preparing this response to the consultation we\n\nheld seven regional workshops.\n\n"
           "I can be contacted on 0113 496 0721 or by e-mail if\n\n\nyou need any further information.")
    found = blocks(cut)
    assert [b.text for b in found] == [
        "In preparing this response to the consultation we\n\nheld seven regional workshops.",
        "I can be contacted on 0113 496 0721 or by e-mail if\n\n\nyou need any further information."]
    assert all(cut[b.start : b.end] == b.text for b in found)
    apart = ("Question 3 contract size and the access of small local charities\n\nyes, we agree with it.\n\n"
             "Funding and cost recovery\n\nthe sector needs it.\n\n"
             "We support the proposal in full, for the reasons below.\n\nthat is all.")
    assert len(blocks(apart)) == 6


def test_questions_blocks_split_word_paragraphs_but_not_wrapped_lines() -> None:
    word = "A" * 120 + "\n" + "B" * 120
    assert [b.text for b in blocks(word)] == ["A" * 120, "B" * 120]
    wrapped = "a wrapped line of a letter that goes on\nand continues on the next line.\n3. A new point."
    assert len(blocks(wrapped)) == 2


def test_questions_inferred_from_headings_that_recur_without_a_consultation() -> None:
    from respmine.structure.questions import infer_questions, segment_documents

    letters = [
        _doc(f"Question 1: How should charities be involved?\nAs partners ({i}).\n\n"
             f"Question 2: What about funding?\nFull cost recovery ({i}).", format="txt")
        for i in range(3)
    ]
    letters = [Document(**{**d.__dict__, "sha256": str(i) * 64}) for i, d in enumerate(letters)]
    questions = infer_questions(letters)
    assert [(q.id, q.text) for q in questions] == [
        ("Q1", "How should charities be involved?"), ("Q2", "What about funding?"),
    ]
    segments = segment_documents(letters, [])
    assert [(s.question, s.text) for s in segments["0" * 64]] == [
        ("Q1", "As partners (0)."), ("Q2", "Full cost recovery (0)."),
    ]


def _letters(n: int) -> list[Document]:
    topics = ["long term funding is essential", "decisions are best taken locally",
              "charities must be involved"]
    return [
        Document(source=f"l{i}", sha256=f"{i:064d}", format="txt", method="t", text="\n\n".join(
            f"We believe that {topics[(i + k) % 3]} for our work with people in {chr(97 + i)}{k}x."
            for k in range(3)))
        for i in range(n)
    ]


def test_questions_letters_are_embedded_in_one_batch_and_segmented_as_one_by_one() -> None:
    docs, embedder = _letters(12), Keyword()
    calibration = calibrate(docs, QUESTIONS, Keyword())  # type: ignore[arg-type]
    together = segment_documents(docs, QUESTIONS, embedder, calibration)  # type: ignore[arg-type]
    assert sorted(embedder.calls) == [len(QUESTIONS), 36]  # every letter paragraph at once, the questions
    assert any(s.question == "Q2" for s in together[docs[0].sha256])
    for doc in docs:
        matcher = QuestionMatcher(QUESTIONS, Keyword())  # type: ignore[arg-type]
        matcher.bias = np.asarray(calibration.bias)
        assert segment_document(doc, matcher) == together[doc.sha256]


def test_questions_calibration_samples_large_corpora_whatever_their_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(questions, "CALIBRATION_SAMPLE", 10)
    monkeypatch.setattr(question_matcher, "CALIBRATION_MIN", 5)
    docs, embedder = _letters(12), Keyword()
    forward = calibrate(docs, QUESTIONS, embedder)  # type: ignore[arg-type]
    assert embedder.calls == [10, 3]  # the sample's paragraphs, the questions
    backward = calibrate(docs[::-1], QUESTIONS, Keyword())  # type: ignore[arg-type]
    assert forward.bias == backward.bias and forward.bias is not None


@pytest.mark.parametrize("signature", ["", "Jane Smith\nDirector, Hillfoot Mentoring Project\n\n"])
def test_questions_an_about_us_section_after_the_last_answer_is_set_apart(signature: str) -> None:
    """An "About us" section below a letter's last answer (under its signature or not) is who responded,
    not part of that answer."""
    about = ("The Hillfoot Mentoring Project plays a major role in resettlement work, with over 200 "
             "volunteer mentors in the county.")
    text = (f"Question 1\n\nCharities should be core partners in delivering offender services.\n\n"
            f"{signature}About us\n\n{about}")
    plan = _plan(_doc(text))
    assert ("Q1", "Charities should be core partners in delivering offender services.") in plan
    assert (ABOUT, "About us") in plan and (ABOUT, about) in plan


def test_questions_an_about_us_section_at_the_top_ends_at_the_first_question() -> None:
    text = ("About us\n\nThe Hillfoot Mentoring Project supports 200 young adults leaving custody.\n\n"
            "1. How should charities be involved in delivering offender services?\n\n"
            "Charities should be core partners in delivering offender services.\n\n"
            "2. What funding arrangements would give charities certainty?\n\n"
            "Three-year contracts at full cost.")
    plan = _plan(_doc(text))
    assert (ABOUT, "The Hillfoot Mentoring Project supports 200 young adults leaving custody.") in plan
    assert ("Q1", "Charities should be core partners in delivering offender services.") in plan
    assert ("Q2", "Three-year contracts at full cost.") in plan


def test_questions_a_heading_run_onto_the_answer_above_still_opens_its_question() -> None:
    """Extraction sometimes joins a heading to the line above it (a PDF whose paragraph gaps were read
    as line spacing): the heading still opens its question; a sentence naming a question stays put."""
    q3 = QUESTIONS[2].text
    text = (
        "Question 1\n\nCharities should be involved from the design stage onwards. Question 2\n\n"
        "Contracts must pay the full cost of delivery over at least three years.\n\n"
        f"Small lots help small charities. {q3}\n\nLocally, by people who know the area. We return to this "
        "under Question 2."
    )
    plan = _plan(_doc(text))
    assert ("Q1", "Charities should be involved from the design stage onwards.") in plan
    assert ("Q2", "Contracts must pay the full cost of delivery over at least three years.\n\n"
                  "Small lots help small charities.") in plan
    assert ("Q3", "Locally, by people who know the area. We return to this under Question 2.") in plan


def test_questions_a_paragraph_of_thanks_answers_no_question() -> None:
    thanks = "We are pleased to respond to the funding consultation. We hope this is helpful."
    text = f"{thanks}\n\nWe believe that long term funding is essential for our work to continue at all."
    plan = _plan(_doc(text), Keyword())
    assert plan == [(GENERAL, thanks),
                    ("Q2", "We believe that long term funding is essential for our work to continue at all.")]


def test_questions_a_covering_paragraph_naming_the_consultations_title_in_lower_case_answers_none() -> None:
    cover = ("I am writing in response to the consultation on services commissioned locally. We hope these "
             "comments are helpful.")
    text = f"{cover}\n\nWe believe that long term funding is essential for our work to continue at all."
    assert _plan(_doc(text), Keyword())[0] == ("Q3", cover)  # unknown title: its words read as an answer
    assert _plan(_doc(text), Keyword(), "Offender Services Commissioned Locally")[0] == (GENERAL, cover)


def test_questions_a_footnotes_citation_is_a_note_never_an_answer() -> None:
    """A footnote's citation and a bare link are kept as NOTE segments (not coded, clustered or quoted),
    and never filed under a question by meaning, with or without headings."""
    view = "Charities should be involved as core delivery partners, with full cost recovery funding."
    note = "1 See Ministry of Justice (2013), Transforming Rehabilitation: a strategy for reform, p. 12."
    link = "https://www.gov.uk/government/consultations/transforming-rehabilitation"
    plan = _plan(_doc(f"{view}\n\n{note}\n\n{link}"), Keyword())
    assert (NOTE, note) in plan and (NOTE, link) in plan and all(q != NOTE for q, t in plan if t == view)
    assert _plan(_doc(f"{view}\n\n{note}")) == [(GENERAL, view), (NOTE, note)]  # no questions matched


def test_questions_a_list_is_filed_with_its_lead_in_and_a_numbered_heading_with_its_paragraph() -> None:
    """A free letter's list goes to a question with the sentence that introduces it (the items alone do
    not say what they are for), and without a consultation a numbered heading stays with its paragraph."""
    lead_in = "We have three requests about funding for the years ahead:"
    items = ["• contracts of five years;", "• payment in advance;", "• the full cost of each service."]
    text = "\n\n".join(["Dear Sir,", lead_in, *items, "Yours faithfully,"])
    assert _plan(_doc(text), Keyword()) == [("Q2", "\n\n".join([lead_in, *items]))]
    headed = "4. Transparency\n\nEvery decision about a person should be explained to them."
    segs = segment_documents([_doc(headed)], [], None)["s" * 64]
    assert [(s.question, s.text) for s in segs] == [(GENERAL, headed)]


def test_questions_welsh_headings_and_a_chosen_option_are_answers() -> None:
    """"Cwestiwn 2" heads an answer as "Question 2" does; "Don't know." picks one of the question's own
    options ("Yes / No / Don't know") and is an answer, not the question restated."""
    asked = [Question(id="Q1", number=1, text="Do you agree with the fund? Yes / No / Don't know."),
             Question(id="Q2", number=2, text="Do you agree with franchising? Yes / No / Don't know.")]
    matcher = QuestionMatcher(asked, None, "")
    welsh = _doc("Cwestiwn 1\nYdym. Rydym yn cytuno.\n\nCwestiwn 2\nNac ydym.\n")
    assert [(s.question, s.text) for s in segment_document(welsh, matcher)] == [
        ("Q1", "Ydym. Rydym yn cytuno."), ("Q2", "Nac ydym.")]
    english = _doc("Question 1: Yes. We support it.\nQuestion 2: Don't know.\n")
    assert [(s.question, s.text) for s in segment_document(english, matcher)] == [
        ("Q1", "Yes. We support it."), ("Q2", "Don't know.")]


def test_questions_an_answer_only_referring_elsewhere_is_a_reference_not_an_answer() -> None:
    """(Trial 31a.) A form's "see above" (Q6) and "see Q6" (Q1) counted those questions as answered and were
    each a view of their own: such an answer is filed as a note, its method naming the question it sits
    under and the one it points to (the answer above, a numbered question, or what it names), so analysts
    see the reference and the question is not counted as answered. A reference with more said stays."""
    text = ("Question 1\nFunding must last five years.\n\nQuestion 2\nSee above.\n\nQuestion 3\nsee Q1\n")
    segs = segment_document(_doc(text), QuestionMatcher(QUESTIONS))
    assert [(s.question, s.text, s.method) for s in segs] == [
        ("Q1", "Funding must last five years.", "heading"), (NOTE, "See above.", "reference from Q2 to Q1"),
        (NOTE, "see Q1", "reference from Q3 to Q1")]
    text = "Q1 How?\nPlease refer to our covering letter\n\nQ3 Where?\nLocally, see above for why."
    doc = _doc(text, format="form-row", answers=(
        Answer("Q1", "Please refer to our covering letter", "Q1 How?"),
        Answer("Q3", "Locally, see above for why.", "Q3 Where?")))
    segs = segment_document(doc, QuestionMatcher(QUESTIONS))
    assert [(s.question, s.method) for s in segs] == [
        (NOTE, "reference from Q1 to our covering letter"), ("Q3", "form-column")]


def test_questions_an_answer_that_declines_to_answer_is_no_answer() -> None:
    """"No comment." or "N/A" under a heading does not count as answering the question ("None." does)."""
    text = "Question 1\nNo comment.\n\nQuestion 2\nN/A\n\nQuestion 3\nNone.\n"
    assert _plan(_doc(text)) == [("Q3", "None.")]
    assert _plan(_doc("Question 1\nNA\n\nQuestion 2\nNa.\n")) == [("Q2", "Na.")]  # (Welsh "no")
    placeholders = ("Question 1\n[Draft - to be completed]\n\nQuestion 2\nTBC\n\nQuestion 3\n"
                    "To follow the money.\n")
    assert _plan(_doc(placeholders)) == [("Q3", "To follow the money.")]  # (a draft's counted as answering)
    # a form's refusal (trial 30a: counted as answering its option question and "Any other comments?")
    refused = "Question 1\nPrefer not to say\n\nQuestion 2\nI'd rather not say.\n\nQuestion 3\nNo opinion\n"
    assert _plan(_doc(refused)) == [("Q3", "No opinion")]  # (a closed question's no-view answer stands)
    started = time.perf_counter()  # a run of dashes is read once, not once per way to split it
    assert questions.NO_ANSWER.fullmatch("-" * 3000 + "x") is None
    assert time.perf_counter() - started < 1.0


def test_questions_a_letters_short_objection_answers_the_agreement_question() -> None:
    """"I wish to object to the allocation of Site H4." alone in its paragraph was too short to be matched
    (general, under no question), and the letter's answer to "Do you agree with the proposed allocation
    ...?" went uncounted; a short paragraph saying nothing of the kind stays general."""
    site = [Question(id="Q1", number=1, text="Do you agree with the proposed allocation of Site H4 (Land "
                     "north of Mill Lane) for 250 homes? Yes / No / Don't know."),
            Question(id="Q3", number=3, text="Do you have any other comments on the infrastructure needed "
                     "(roads, schools, GP surgeries, drainage)?")]
    text = ("Dear Planning Policy,\n\nI wish to object to the allocation of Site H4.\n\nThe lower part of "
            "the site floods most winters and the lane is too narrow for the traffic.\n\n"
            "See you at Site H4.\n\nYours faithfully,\nRobert Fenwick\n")
    words = Keyword()
    words.keys = ("allocation", "site h4", "infrastructure")
    segs = segment_document(_doc(text), QuestionMatcher(site, words))  # type: ignore[arg-type]
    assert "I wish to object to the allocation of Site H4." in [s.text for s in segs if s.question == "Q1"]
    assert "See you at Site H4." not in [s.text for s in segs if s.question == "Q1"]


TAGGING = [Question(id="Q1", number=1, text="Do you agree that GPS tagging should be extended to all prison"
                    " leavers on licence for violent offences?"),
           Question(id="Q2", number=2, text="What impact would expanded tagging have on rehabilitation and"
                    " the people being tagged?"),
           Question(id="Q3", number=3, text="Any other comments on the proposals or on this consultation?")]


@pytest.mark.parametrize(("said", "title"), [
    ("We do not support extending mandatory tagging until these issues are addressed.", ""),
    ("Our committee discussed it and members were overwhelmingly in favour of tagging violent offenders when "
     "they are released.", ""),
    ("For these reasons we urge the Ministry to exclude young adults from any mandatory scheme.",
     "Expanding GPS location tagging"),
])
def test_questions_a_letters_stance_on_the_proposal_answers_the_agreement_question(said: str, title: str
                                                                                    ) -> None:
    """A letter's sentence for or against what a "Do you agree ...?" question proposes, in its words
    ("support extending ... tagging", "in favour of tagging violent offenders"), or against "any such
    scheme" when the question is on what the consultation's title proposes, answers that question too (it
    had gone only to the open question it resembled, and a quarter of the letters' agreement went
    uncounted); a sentence for something else answers none."""
    text = f"Dear Sir,\n\n{said}\n\nYours faithfully,\nJo Bloggs\n"
    words = Keyword()
    words.keys = ("tagging", "impact", "comments")
    segs = segment_document(_doc(text), QuestionMatcher(TAGGING, words, title))  # type: ignore[arg-type]
    assert "Q1" in {s.question for s in segs if s.text == said}
    other = "We support the families of people in prison through their sentences and after release."
    segs = segment_document(_doc(f"Dear Sir,\n\n{other}\n\nYours faithfully,\nJo Bloggs\n"),
                            QuestionMatcher(TAGGING, words, title))  # type: ignore[arg-type]
    assert "Q1" not in {s.question for s in segs}
    assert questions._main_agreement(QuestionMatcher(TAGGING, words, ""), ["Q1"]) is None  # (no title)


def test_questions_a_heading_run_onto_a_reference_line_still_opens_its_question() -> None:
    """OCR ran "Question 1" onto the letter's "Re: ... consultation response" line; the line was dropped
    with its heading, and the answer below was filed under the next question."""
    text = ("Dear Sir or Madam,\n\nRe: Youth custody - consultation response Question 1\n\nYes. We agree "
            "with the ban.\n\nQuestion 3\n\nOption B (18).\n\nYours sincerely,\nHillside Youth Forum")
    segs = segment_document(_doc(text), QuestionMatcher(ENERGY))
    assert [(s.question, s.text) for s in segs] == [
        ("Q1", "Yes. We agree with the ban."), ("Q3", "Option B (18).")]


def test_questions_a_subject_line_mentioning_a_question_opens_no_question() -> None:
    """(A review of the heading rule above.) "Re: ... - comments following the webinar on Question 5" is prose
    that mentions a question, not a title run onto a heading: the salutation and the charity's description
    below it were filed as an answer to Q5. A heading after the consultation's own title still opens its
    question."""
    title = "Ending the sale of energy drinks to children"
    body = ("\n\nDear Sir or Madam,\n\nWe are a small charity in Millbrook working with young people.\n\n"
            "Question 1\n\nYes. We agree with the ban.\n\nQuestion 3\n\nOption B (18).")
    matcher = QuestionMatcher(ENERGY, title=title)
    for line in ("Re: Energy drinks - comments following the webinar on Question 3",
                 "Subject: our thoughts about question 3"):
        segs = segment_document(_doc(line + body), matcher)
        assert [s.text for s in segs if s.question.startswith("Q")] == [
            "Yes. We agree with the ban.", "Option B (18)."], line
    answer = "Yes. We agree with the ban, as it protects children from harm."
    segs = segment_document(_doc(f"Re: {title} Question 1\n{answer}"), matcher)
    assert [(s.question, s.text) for s in segs] == [("Q1", answer)]


@pytest.mark.parametrize("said", [
    "We support families of people in prison through a befriending scheme run by volunteers.",
    "Our members support each other through a peer mentoring scheme.",
    "I support my son, who was tagged on release from prison for violent offences.",
    "We support people released from prison with violent offences to find housing.",
])
def test_questions_supporting_people_is_no_stance_on_the_proposal(said: str) -> None:
    """(Review s27.) "We support families ... through a befriending scheme" says whom a body serves, how: no
    side taken on what the consultation proposes. Read as a stance, it was filed under the "Do you agree
    ...?" question (its "a ... scheme" taken for "any such scheme", or its words "prison", "violent
    offences" shared with the question)."""
    words = Keyword()
    words.keys = ("tagging", "impact", "comments")
    text = f"Dear Sir,\n\n{said}\n\nYours faithfully,\nJo Bloggs\n"
    segs = segment_document(_doc(text), QuestionMatcher(TAGGING, words,  # type: ignore[arg-type]
                                                        "Expanding GPS location tagging"))
    assert "Q1" not in {s.question for s in segs if s.text == said}
    assert questions._stances("We support the proposal to tag violent offenders.")  # (a stance still)
    assert questions._stances("We support people with violent convictions being tagged on release.")


def test_a_minutes_preamble_is_kept_about_the_respondent_not_a_general_comment() -> None:
    """"Aldby Parish Council considered the consultation at its meeting on 10 November 2026.": no view (as a
    general comment a trial clustered it into an emerging theme and quoted it there); whether the answers
    follow under headings or not."""
    preamble = "Aldby Parish Council considered the consultation at its meeting on 10 November 2026."
    headed = f"{preamble}\n\nQuestion 1\n\nCharities should be involved from the start of design."
    plain = f"{preamble}\n\nThe council met in public and residents spoke about the closure of the depot."
    for text in (headed, plain):
        segs = segment_document(_doc(text), QuestionMatcher(QUESTIONS))
        assert [s.question for s in segs if s.text == preamble] == [ABOUT], text
    segs = segment_document(_doc(plain), QuestionMatcher(QUESTIONS))
    assert [s.question for s in segs][-1] == GENERAL  # (what it says stays a comment)


CHARGES = [Question(id="Q1", number=1, text="Do you agree that standing charges on domestic electricity and "
                    "gas bills should be reduced?"),
           Question(id="Q2", number=2, text="Which option do you prefer: Option A (move part of the standing "
                    "charge onto unit rates) or Option B (require suppliers to offer a low-standing-charge "
                    "tariff)?", options={"A": "move part of the standing charge onto unit rates",
                                         "B": "require suppliers to offer a low-standing-charge tariff"}),
           Question(id="Q3", number=3, text="How should vulnerable customers be protected?")]


@pytest.mark.parametrize("said", [
    "So yes I want the standing charge to come down, but please do not just put it on the units because "
    "families like mine will pay more.",
    "Standing charges should be scrapped altogether. I pay over 300 pounds a year before I boil a kettle.",
])
def test_questions_a_letters_call_to_move_what_the_question_names_answers_it(said: str) -> None:
    """(Trial 30a.) A letter's "So yes I want the standing charge to come down" says which way what the "Do
    you agree that standing charges ... should be reduced?" question names should go: it answers that
    question, whatever it resembles more (it had gone only to the options question, and the letter's
    agreement went uncounted); a sentence moving something else answers none."""
    words = Keyword()
    words.keys = ("units", "option", "vulnerable")
    matcher = QuestionMatcher(CHARGES, words)  # type: ignore[arg-type]
    segs = segment_document(_doc(f"Hello,\n\n{said}\n\nKelly\n"), matcher)
    assert "Q1" in {s.question for s in segs}
    other = "So yes I want the unit rates to come down, but please protect families like mine on the units."
    segs = segment_document(_doc(f"Hello,\n\n{other}\n\nKelly\n"), matcher)
    assert "Q1" not in {s.question for s in segs}


_OPTIONS_ASKED = [
    Question(id="Q1", number=1, text="Do you agree that standing charges should be reduced?"),
    Question(id="Q2", number=2, text="Which option do you prefer: Option A (move part of the standing charge "
             "onto unit rates), Option B (a low-standing-charge tariff) or Option C (no change)?",
             options={"A": "move part of the standing charge onto unit rates", "B": "a low-standing-charge "
                      "tariff", "C": "no change"}),
    Question(id="Q3", number=3, text="Should prepayment customers pay the same standing charge?"),
]


def test_questions_a_letters_paragraph_only_naming_an_option_answers_the_question_offering_it() -> None:
    """(Trial 30a: a late e-mail and a fuel bank's letter.) "Option C." alone in a letter without headings
    was read as a heading and left out, and the option went uncounted; a bare key ("2") is no answer."""
    letter = ("Sorry this is after the deadline. I don't think standing charges should be cut: the network "
              "has to be paid for and the fairest way is a fixed charge per home.\n\nOption C.\n\nSam\n")
    segs = segment_document(_doc(letter, format="eml"), QuestionMatcher(_OPTIONS_ASKED))
    assert ("Q2", "Option C.") in [(s.question, s.text) for s in segs]
    assert all(s.method == "closed-answer" for s in segs if s.question == "Q2")
    shouted = ("I PAY OVER 300 POUNDS A YEAR BEFORE I HAVE EVEN BOILED A KETTLE.\n\n"
               "PUT IT ALL ON THE UNITS, OPTION A, THEN PEOPLE WHO USE MORE PAY MORE. THAT IS FAIR.\n\n"
               "R BAXTER")
    segs = segment_document(_doc(shouted, format="eml"), QuestionMatcher(_OPTIONS_ASKED))
    assert [s.question for s in segs if s.text.startswith("PUT IT ALL")] == ["Q2"]  # (in capitals too)
    numbered = "I think the charge should be cut.\n\n2\n\nThat is all."
    assert "Q2" not in {s.question for s in segment_document(_doc(numbered), QuestionMatcher(_OPTIONS_ASKED))}


@pytest.mark.parametrize("line", ["Keep the fixed charge, option C.", "Preferred option: Option A."])
def test_questions_a_line_stating_a_choice_with_a_full_stop_is_an_answer_not_a_heading(line: str) -> None:
    """(Trial 32a: "Keep Westbury open, option 2." and "Preferred option: Option 1." vanished, read as
    headings: a full stop after a key makes no sentence.) A short line naming an option and ending in a full
    stop states a choice: it answers the question offering it. "Preferred option" alone, or an option list
    without a full stop, stays a heading."""
    from respmine.structure.furniture import is_furniture, is_heading

    assert not is_heading(line) and not is_furniture(line)
    assert is_heading("Preferred option") and is_heading("Option A Option B Option C")
    assert is_furniture("Section 2.") and is_furniture("12 March 2026.")
    letter = ("I don't think standing charges should be cut: the network has to be paid for and the fairest "
              f"way is a fixed charge per home.\n\n{line}\n\nSam\n")
    segs = segment_document(_doc(letter, format="eml"), QuestionMatcher(_OPTIONS_ASKED))
    assert ("Q2", line) in [(s.question, s.text) for s in segs]


def test_questions_footnotes_after_the_last_answer_are_notes_not_its_words() -> None:
    """(Trial 30a.) The footnotes at the foot of a one-page response followed its last answer, and were
    filed (and quoted) as part of it."""
    text = ("Question 1\n\nWe have no view; network costs must be recovered in full, whatever is chosen.1\n\n"
            "Question 3\n\nUnder our hedging assumptions,3 a warm winter leaves suppliers short.\n\n"
            "Priya Ramaswamy, Head of Charging Policy\n\n"
            "1 OEMR, Review of standing charges, February 2026, paragraphs 4.10 to 4.14.\n\n"
            "3 Assumes suppliers hedge 80% of expected demand 12 months ahead.")
    plan = _plan(_doc(text))
    assert plan[1] == ("Q3", "Under our hedging assumptions,3 a warm winter leaves suppliers short.")
    assert [q for q, _ in plan[2:]] == [NOTE, NOTE]


def test_questions_a_last_answers_numbered_points_are_not_taken_for_the_footnotes_under_them() -> None:
    """(Review.) The last answer's numbered points ("1 Consider ...", "2 Publish ...") carry the numbers of
    footnotes whose marks are in the body: taken back from the end while each read as a footnote, point 2
    went with the notes. A run of footnotes is numbered upwards to its end."""
    text = ("Question 1\n\nNo. Using data for 12,400 homes,1 we estimate the shift. Under our hedging "
            "assumptions,2 a warm winter leaves suppliers short.\n\n"
            "Question 3\n\n1 Consider a social tariff for prepayment customers.\n\n"
            "2 Publish the regional data every year.\n\n"
            "1 Smart meter consumption data for 12,400 homes, 2023-2025.\n\n"
            "2 Assumes suppliers hedge 80% of expected demand 12 months ahead.")
    plan = _plan(_doc(text))
    assert [q for q, t in plan if "Publish" in t] == ["Q3"], plan
    assert [q for q, t in plan if "Smart meter" in t or "Assumes" in t] == [NOTE, NOTE], plan


def test_questions_a_letters_options_as_headings_over_its_reasons_choose_none() -> None:
    """(Review.) A letter that heads its paragraphs "Option A", "Option B", "Option C" and discusses each
    chooses none of them: each bare heading was filed as a choice, the respondent taking all three. Only
    one option named alone is a choice."""
    text = ("Dear Sir,\n\nI write about the standing charges review.\n\nOption A\n\nMoving the charge "
            "onto unit rates would hit large families who use more energy.\n\nOption B\n\nA "
            "low-standing-charge tariff sounds fine but suppliers will not offer it widely.\n\nOption C\n\n"
            "Leaving things as they are is not acceptable.\n\nYours faithfully,\n\nJ Smith")
    segs = segment_document(_doc(text, format="eml"), QuestionMatcher(_OPTIONS_ASKED))
    assert not [s.text for s in segs if s.question == "Q2" and s.text.startswith("Option")], segs


def test_questions_a_call_to_move_a_subject_two_questions_name_goes_to_the_closest() -> None:
    """(Review.) "Standing charges should be scrapped altogether" names the standing charge, which two "Do
    you agree ...?" questions name: it answers one it names in words the other does not ("domestic ...
    electricity bills"), not every one (under the one on prepayment customers paying the same, it read as
    against). (Trial 28a: "Unpaid work must stay in the public sector" was filed under "Do you agree that
    people carrying out unpaid work in public should continue to wear high-visibility vests ...?", as
    partly agreeing: "unpaid work" is in every question.)"""
    same = Question(id="Q2", number=2, text="Do you agree that prepayment customers should pay the same "
                    "standing charge as direct debit customers?")
    asked = [CHARGES[0], same, CHARGES[2]]
    words = Keyword()
    words.keys = ("reduced", "prepayment", "vulnerable")  # (the letter resembles none)
    matcher = QuestionMatcher(asked, words)  # type: ignore[arg-type]
    said = "Standing charges should be scrapped altogether. I pay 300 pounds a year before I boil a kettle."
    segs = segment_document(_doc(f"Hello,\n\n{said}\n\nKelly\n"), matcher)
    assert {s.question for s in segs} & {"Q1", "Q2"} == {"Q1"}  # (both name the standing charge: scrapping
    # it says which way it should go, Q1's question; it had gone under neither, session 31)
    said = "Domestic standing charges on electricity bills should be scrapped altogether."
    segs = segment_document(_doc(f"Hello,\n\n{said}\n\nKelly\n"), matcher)
    assert {s.question for s in segs} & {"Q1", "Q2"} == {"Q1"}
    said = "Prepayment customers should not pay a higher standing charge: scrap the prepayment charge."
    segs = segment_document(_doc(f"Hello,\n\n{said}\n\nKelly\n"), matcher)
    assert "Q1" not in {s.question for s in segs}


def test_questions_the_consultations_own_subject_does_not_file_a_sentence() -> None:
    """(Review, trial 28a.) "Unpaid work must stay in the public sector" keeps unpaid work, which every "Do
    you agree ...?" question names: it is not an answer to the one on keeping the vests; "The vests marked
    Community Payback should be scrapped" is."""
    hours = Question(id="Q1", number=1, text="Do you agree that up to 30% of a person's unpaid work hours "
                     "should be available for education, training and employment activities, rather than the "
                     "current 20%?")
    vests = Question(id="Q3", number=3, text="Do you agree that people carrying out unpaid work in public "
                     "should continue to wear high-visibility vests marked 'Community Payback'?")
    asked = [hours, vests, Question(id="Q4", number=4, text="How could unpaid work meet women's needs?")]
    words = Keyword()
    words.keys = ("training", "vests", "women")  # (the letter resembles none)
    matcher = QuestionMatcher(asked, words)  # type: ignore[arg-type]
    said = ("Our members remember the last time it was handed to private companies. Unpaid work must stay in "
            "the public sector, run by the probation regions.")
    segs = segment_document(_doc(f"Dear team,\n\n{said}\n\nMark\n"), matcher)
    assert "Q3" not in {s.question for s in segs}
    said = "Our members are clear. The high-visibility vests marked Community Payback should be scrapped."
    segs = segment_document(_doc(f"Dear team,\n\n{said}\n\nMark\n"), matcher)
    assert "Q3" in {s.question for s in segs}


SUB_QUESTIONS = [
    Question(id="Q3", number=3, text="Is the proposed licence fee reasonable?"),
    Question(id="Q4a", number="4a", text="Do you agree with the proposed licence conditions?"),
    Question(id="Q4b", number="4(b)", text="Are there any conditions that should be added or removed?"),
    Question(id="Q5", number=5, text="What impact would the scheme have on rents?"),
]


def test_questions_sub_question_headings_open_their_sub_question() -> None:
    """(A new user's trial.) A consultation asking 4a and 4b: "Questions 4a and 4b" over a tenants' union's
    answer was no heading, and its answer was glued onto question 3's; "Question 4a", "Q4(a)" and "4a." open
    4a alike, "Q4b:" opens 4b (a heading naming two: `test_questions_a_heading_naming_two_questions_...`)."""
    matcher = QuestionMatcher(SUB_QUESTIONS)
    for heading in ("Question 4a", "Q4(a)", "Q4a:", "Question 4 (a)"):
        text = f"Question 3\n\nThe fee is too high.\n\n{heading}\n\nWe agree with the conditions.\n"
        segs = segment_document(_doc(text), matcher)
        assert [(s.question, s.text) for s in segs] == [
            ("Q3", "The fee is too high."), ("Q4a", "We agree with the conditions.")], heading
    text = "Q4a: We agree with the conditions.\n\nQ4b: Add a named contact.\n\nQ5: Rents will rise.\n"
    assert [s.question for s in segment_document(_doc(text), matcher)] == ["Q4a", "Q4b", "Q5"]
    text = "3. The fee is too high.\n\n4a. We agree with the conditions.\n\n4b. Add a named contact.\n"
    assert [s.question for s in segment_document(_doc(text), matcher)] == ["Q3", "Q4a", "Q4b"]


class _Leaning:
    """A stand-in embedder by which every answer resembles "Are there any ...?" more than "Do you agree
    ...?"."""

    name = "leaning"

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = [[0.0, 1.0] if t.startswith("Do you") else [1.0, 0.2] for t in texts]
        v = np.array(rows)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_questions_a_heading_naming_two_questions_shares_its_answer_out() -> None:
    """(Trial 31a.) "Questions 4a and 4b" over one paragraph: every sentence had gone to 4a (the first
    named), so the tenants' union's added condition was no answer to 4b. Each sentence goes to the named
    question whose own words (among those named) it names, else, stating agreement ("We agree with the
    conditions."), to the one asking for it, else the one it is closest to by meaning (the trial's embedder
    put "We agree with the conditions." closer to 4b's "Are there any conditions ...?"); a
    run of sentences on one question each is that question's answer. One named question alone answered
    is the only one answered; with nothing to tell them apart the answer is filed under each (the
    heading says it answers both)."""
    words = Keyword()
    words.keys = ("agree", "add")
    matcher = QuestionMatcher(SUB_QUESTIONS, words)  # type: ignore[arg-type]
    text = ("Question 3\n\nThe fee is too high.\n\nQuestions 4a and 4b\n\nWe agree with the conditions. "
            "We would add a condition on energy ratings.\n\nQuestion 5\n\nRents will rise.\n")
    segs = segment_document(_doc(text), matcher)
    assert [(s.question, s.text) for s in segs] == [
        ("Q3", "The fee is too high."), ("Q4a", "We agree with the conditions."),
        ("Q4b", "We would add a condition on energy ratings."), ("Q5", "Rents will rise.")]
    for s in segs:
        assert text[s.span.start : s.span.end] == s.text
    text = "Questions 4a and 4b\n\nWe agree with the conditions.\n"
    assert [(s.question, s.text) for s in segment_document(_doc(text), matcher)] == [
        ("Q4a", "We agree with the conditions.")]
    leaning = _Leaning()  # (everything said resembles 4b more, as the trial's embedder found it)
    text = ("Questions 4a and 4b\n\nWe agree with the conditions. We would add a condition on energy "
            "ratings.\n")
    segs = segment_document(_doc(text), QuestionMatcher(SUB_QUESTIONS, leaning))  # type: ignore[arg-type]
    assert [(s.question, s.text) for s in segs] == [
        ("Q4a", "We agree with the conditions."), ("Q4b", "We would add a condition on energy ratings.")]
    text = "Questions 4a and 4b\n\nThey look fine to us.\n"
    segs = segment_document(_doc(text), QuestionMatcher(SUB_QUESTIONS))
    assert sorted((s.question, s.text) for s in segs) == [
        ("Q4a", "They look fine to us."), ("Q4b", "They look fine to us.")]


def test_questions_a_main_number_finds_its_sub_questions_and_back() -> None:
    """"Question 4" in a consultation asking 4a and 4b opens 4a; "Q5(a)" in one asking only 5 opens 5."""
    matcher = QuestionMatcher(SUB_QUESTIONS)
    segs = segment_document(_doc("Question 4\n\nWe agree.\n\nQ5(a)\n\nRents will rise.\n"), matcher)
    assert [(s.question, s.text) for s in segs] == [("Q4a", "We agree."), ("Q5", "Rents will rise.")]
    assert matcher.by_label("Q4b Other conditions") == ("Q4b", 1.0)


LICENSING = [
    Question(id="Q1", number=1, text="Do you agree with the proposal to introduce a selective licensing "
             "scheme for private rented homes in Northam?", proposal=True),
    Question(id="Q3", number=3, text="Is the proposed licence fee of 750 pounds per property for five "
             "years reasonable?"),
    Question(id="Q4a", number="4a", text="Do you agree with the proposed licence conditions set out in "
             "Annex B?"),
    Question(id="Q4b", number="4b", text="Are there any conditions that should be added or removed?"),
    Question(id="Q5", number=5, text="What impact do you think the scheme would have on tenants' rents?"),
    Question(id="Q6", number=6, text="What impact would the scheme have on landlords and letting agents?"),
]
_LICENSING_TITLE = "Proposed selective licensing scheme for private rented homes"


@pytest.mark.parametrize(("said", "question"), [
    ("I do not agree with licensing. My tenant has lived there for six years and never complained.", "Q1"),
    ("We partly agree with the proposal. Licensing will also burden the responsible landlords we work with.",
     "Q1"),
    ("this is just a money making scam by the council. i dont agree with it at all, wev got enough rules",
     "Q1"),
    ("I am a retired landlord. | do not agree with the licensing proposal because it punishes good tenants.",
     "Q1"),
    ("Our response as a letting agent for 420 homes: we do not agree with selective licensing.", "Q1"),
    ("Northamshire Fire and Rescue Service agrees with the proposal. Rented homes have more fires.", "Q1"),
    ("I disagree with the licence conditions. Requiring landlords to deal with noisy tenants is unworkable.",
     "Q4a"),
    ("We agree with the conditions on smoke and carbon monoxide alarms, which reflect legal duties.", "Q4a"),
])
def test_questions_a_letters_view_on_the_proposal_answers_the_proposal_question(said: str, question: str
                                                                                ) -> None:
    """(Trial 31a.) In letters without headings, "I do not agree with licensing", "We partly agree with the
    proposal" went to the question they resembled (the rents, the landlords, "Do you agree with the proposed
    licence conditions?") or to none: a paragraph opening with a view on the proposal, or on the
    consultation's subject as a whole, answers the proposal question (`proposal: true`); one naming what
    another "Do you agree ...?" question alone names ("the conditions") answers that one."""
    words = Keyword()
    words.keys = ("conditions", "tenant", "landlord", "pounds", "northam")
    matcher = QuestionMatcher(LICENSING, words, _LICENSING_TITLE)  # type: ignore[arg-type]
    segs = segment_document(_doc(f"Hello,\n\n{said}\n\nKelly\n"), matcher)
    assert sorted({s.question for s in segs if s.text.startswith(said[:20])}) == [question]


def test_questions_a_paragraph_choosing_an_option_answers_another_question_only_naming_its_words() -> None:
    """(Trial 31a.) "Option B, as long as Denton is in it." answers the options question; it had also been
    filed under "Are there any conditions that should be added or removed?" by resemblance alone (a tenant
    counted as answering 4b). A paragraph choosing an option keeps another question it resembles only where
    it names that question's own words ("Option C, because the added fee ..." keeps 4b's "added")."""
    asked = [*LICENSING[:1],
             Question(id="Q2", number=2, options={"A": "the whole city", "B": "six wards", "C": "no scheme"},
                      text="Which option do you prefer: Option A (the whole city), Option B (six wards) or "
                      "Option C (no scheme)?"),
             *LICENSING[1:3],
             Question(id="Q4b", number="4b", text="Are there any conditions that should be added or removed "
                      "as licences are renewed?"), *LICENSING[4:]]
    words = Keyword()
    words.keys = ("as l",)
    matcher = QuestionMatcher(asked, words, _LICENSING_TITLE)  # type: ignore[arg-type]
    segs = segment_document(_doc("Hello,\n\nOption B, as long as Denton is in it.\n\nJade\n"), matcher)
    assert {s.question for s in segs} == {"Q2"}
    said = "Option B, as long as the licences are renewed with added conditions."
    segs = segment_document(_doc(f"Hello,\n\n{said}\n\nJade\n"), matcher)
    assert {s.question for s in segs} == {"Q2", "Q4b"}


def test_questions_a_view_on_something_else_is_no_answer_on_the_proposal() -> None:
    """"I agree with my neighbour", "we support tenants" say nothing on the proposal."""
    words = Keyword()
    words.keys = ("conditions", "tenant", "landlord", "pounds", "northam")
    matcher = QuestionMatcher(LICENSING, words, _LICENSING_TITLE)  # type: ignore[arg-type]
    for said in ("I agree with my neighbour about the noise from the pub.",
                 "We support tenants in the city through our advice line."):
        segs = segment_document(_doc(f"Hello,\n\n{said}\n\nKelly\n"), matcher)
        assert "Q1" not in {s.question for s in segs}, said


def test_questions_a_view_on_an_option_or_on_someones_response_is_no_view_on_the_proposal() -> None:
    """(The older trials.) "Initially the council supported Option A, but on reflection we oppose it" is read
    by the options question, "We agree with the response of Energy UK" is a view on another response:
    neither answers the proposal question."""
    asked = [Question(id="Q1", number=1, text="Do you agree that standing charges should be reduced?"),
             Question(id="Q2", number=2, text="Which option do you prefer: Option A (move part of the charge "
                      "onto unit rates) or Option B (a low-standing-charge tariff)?")]
    matcher = QuestionMatcher(asked, None, "Review of standing charges")
    views = questions._views(["Initially the council supported Option A, but on reflection we oppose it.",
                              "We agree with the response of Energy UK and add only the following.",
                              "We oppose reducing standing charges."], matcher)
    assert views == [([], ""), ([], ""), (["Q1"], "We oppose reducing standing charges.")]


def test_questions_a_view_on_the_councils_proposal_is_one_on_the_proposal() -> None:
    """"I support the Council's proposal" names the proposal, not someone else's view of it."""
    matcher = QuestionMatcher(LICENSING, None, _LICENSING_TITLE)
    assert questions._views(["I support the Council's proposal.", "We agree with the NRLF."], matcher) == [
        (["Q1"], "I support the Council's proposal."), ([], "")]


def test_questions_a_view_keeps_the_options_question_only_where_it_names_its_words() -> None:
    """(Trial 31a.) "this is just a money making scam ... i dont agree with it at all" had stayed under the
    options question it resembled as well; "I disagree with reducing standing charges if the cost is moved
    onto unit rates" names option A's words and stays under it."""
    words = Keyword()
    words.keys = ("powers", "units", "vulnerable")
    asked = [CHARGES[0], Question(id="Q2", number=2, text="Which option do you prefer: Option A (move part "
                                  "of the standing charge onto unit rates) or Option B (existing powers)?",
                                  options={"A": "move part of the charge onto unit rates", "B": "powers"}),
             CHARGES[2]]
    matcher = QuestionMatcher(asked, words)  # type: ignore[arg-type]
    angry = "the council has powers, this is a scam. i dont agree with it at all"
    assert {s.question for s in segment_document(_doc(f"Hello,\n\n{angry}\n\nKelly\n"), matcher)} == {"Q1"}
    rates = "I disagree with reducing standing charges if the cost is moved onto unit rates, not powers."
    assert {s.question for s in segment_document(_doc(f"Hello,\n\n{rates}\n\nKelly\n"), matcher)} == {
        "Q1", "Q2"}


@pytest.mark.parametrize("body", ["SCRAP THE STANDING CHARGE", "Dear Sir\n\nSCRAP IT\n\nJOHN SMITH",
                                  "KEEP IT LOCAL\n\nRegards,\n\nAnn"])
def test_questions_a_document_of_one_short_line_keeps_it_as_said(body: str) -> None:
    """An e-mail whose whole body is a short unpunctuated line ("SCRAP THE STANDING CHARGE") had it read
    as a heading and dropped: the response counted as saying nothing. A line heading nothing is what the
    respondent says; a name signing it under it stays furniture."""
    plan = _plan(_doc(body, format="eml"))
    said = body.split("\n\n")[1] if body.startswith("Dear") else body.split("\n\n")[0]
    assert plan == [(GENERAL, said)]


@pytest.mark.parametrize("body", ["See attached", "FYI", "Hi,\n\nSee attached\n\nJohn",
                                  "Kind regards\n\nJane",
                                  "Re: STANDING CHARGES", "John Smith\n\n07700 900123"])
def test_questions_a_covering_line_or_a_name_alone_is_still_nothing_said(body: str) -> None:
    assert _plan(_doc(body, format="eml")) == []


def test_questions_a_heading_over_an_answer_stays_a_heading() -> None:
    plan = _plan(_doc("CHARITIES IN DELIVERY\n\nCharities should be involved from the design stage onwards."))
    assert not any(t == "CHARITIES IN DELIVERY" for _, t in plan)


def test_questions_a_footnote_at_a_pages_foot_inside_a_headed_answer_is_a_note() -> None:
    """(Brief s31.) Footnotes were taken out of a headed answer only at the end of the last one: a page's
    footnotes in the middle of an answer (the answer going on over the page) were coded and quoted as the
    answer."""
    text = ("Question 1\n\nCharities should be involved from the design stage, as 40 providers,1 told us in "
            "2024.\n\n1 Survey of 40 providers, Riverside Trust, 2024.\n\n"
            "They also need a seat on the commissioning board.\n\n"
            "Question 2\n\nContracts must pay the full cost over three years,2 not one.\n\n"
            "2 Third Sector Costs Review, technical annex, 2023.\n\n"
            "Question 3\n\nLocal commissioning works best for people leaving prison.")
    plan = _plan(_doc(text))
    assert (NOTE, "1 Survey of 40 providers, Riverside Trust, 2024.") in plan
    assert (NOTE, "2 Third Sector Costs Review, technical annex, 2023.") in plan
    assert ("Q1", "They also need a seat on the commissioning board.") in plan
    assert [q for q, t in plan if "design stage" in t] == ["Q1"]
    assert ("Q2", "Contracts must pay the full cost over three years,2 not one.") in plan
    assert not any(q != NOTE and "Survey of 40" in t for q, t in plan)


def test_questions_the_consultations_banner_copied_into_a_response_is_not_said() -> None:
    """(Session 31.) A banner in capitals copied from the consultation's leaflet ("HAVE YOUR SAY!", "HAVE YOUR
    SAY ON ... ") was a sentence in capitals, a general comment coded as the respondent's."""
    title = "Working with the Third Sector to Reduce Re-offending"
    text = ("HAVE YOUR SAY!\n\nHAVE YOUR SAY ON WORKING WITH THE THIRD SECTOR\n\n"
            "Charities should be involved from the design stage onwards.")
    plan = _plan(_doc(text), title=title)
    assert not [t for _, t in plan if "HAVE YOUR SAY" in t], plan
    assert [t for _, t in plan] == ["Charities should be involved from the design stage onwards."], plan
    alone = _plan(_doc("HAVE YOUR SAY ON WORKING WITH THE THIRD SECTOR", format="eml"), title=title)
    assert alone == [], alone
    said = _plan(_doc("SAVE OUR PROBATION SERVICE!", format="eml"), title=title)
    assert [t for _, t in said] == ["SAVE OUR PROBATION SERVICE!"]


def test_questions_a_numbered_section_heading_after_a_footnote_mark_is_no_note() -> None:
    """(Session 31.) "6 Closing remarks" after "... the price setters.6" was taken as a page's footnote inside
    the answer (its mark in the answer above), the heading filed as a note and the answer cut in two."""
    text = ("Question 1\n\nCharities should be involved from the design stage.\n\n"
            "Question 3\n\nLarge providers are the price setters.6 Small ones follow their lead.\n\n"
            "6 Closing remarks\n\nLocal commissioning works best for people leaving prison.")
    plan = _plan(_doc(text))
    assert NOTE not in [q for q, _ in plan], plan
    assert [q for q, t in plan if "Local commissioning" in t] == ["Q3"], plan


@pytest.mark.parametrize("body, said", [
    ("SCRAP IT\n\nUNFAIR ON PENSIONERS\n\nJohn Smith", ["SCRAP IT", "UNFAIR ON PENSIONERS"]),
    ("Dear Sir\n\nSCRAP IT\n\nUNFAIR ON PENSIONERS\n\nRegards,\n\nAnn", ["SCRAP IT", "UNFAIR ON PENSIONERS"]),
    ("SCRAP IT\n\nJOHN SMITH\n\n07700 900123", ["SCRAP IT"]),
    ("SCRAP IT\n\nJOHN SMITH\n\nSent from my iPhone", ["SCRAP IT"]),
    ("SCRAP IT\n\nUNFAIR ON PENSIONERS\n\nRegards,\n\nJOHN SMITH", ["SCRAP IT", "UNFAIR ON PENSIONERS"]),
])
def test_questions_lines_in_capitals_signed_in_mixed_case_are_all_said(body: str, said: list[str]) -> None:
    """(Review of structc.) The last of several lines in capitals was left out as the name signing them,
    even where the name below was written in mixed case ("John Smith"): "UNFAIR ON PENSIONERS" was lost.
    Only a last line in capitals with nothing but a mail footer or a contact line under it signs."""
    assert _plan(_doc(body, format="eml")) == [(GENERAL, s) for s in said]


@pytest.mark.parametrize("body", ["SEE ATTACHED", "Hi\n\nSEE ATTACHED\n\nJohn", "PLEASE SEE BELOW",
                                  "FOR INFORMATION", "FOR YOUR INFORMATION\n\nJane",
                                  "PRIVATE AND CONFIDENTIAL", "OFFICIAL SENSITIVE", "ANNEX A",
                                  "ACME ENERGY LTD", "GWELER YNGHLWM"])
def test_questions_a_covering_line_or_label_in_capitals_is_still_nothing_said(body: str) -> None:
    """(Review of structc.) A covering line, a protective marking or a document's label in capitals ("SEE
    ATTACHED", "PRIVATE AND CONFIDENTIAL", "ANNEX A", "ACME ENERGY LTD") says no more than in lower case:
    in an e-mail whose attachment is not with it, each had become the response's general comment."""
    assert _plan(_doc(body, format="eml")) == []


@pytest.mark.parametrize("thanks", ["THANK YOU!", "MANY THANKS!", "DIOLCH YN FAWR!", "Thank you!", "Thanks."])
def test_questions_thanks_alone_is_a_formality(thanks: str) -> None:
    """(Review of structc.) A short exclamation in capitals became a sentence (shouted prose), and so
    "THANK YOU!" under a message, a heading before, became a general comment that topic discovery and the
    coder read as a view: thanks alone is a formality, as "Thank you for the chance to respond." is."""
    from respmine.structure.furniture import is_formality
    from respmine.topics.guide import says_no_view

    assert is_formality(thanks) and says_no_view(thanks)
    assert not is_formality("THANK YOU FOR NOTHING!") and not is_formality("Thanks, but no thanks.")


@pytest.mark.parametrize("body", ["No comment.\n\nJOHN SMITH",
                                  "Dear Sir\n\nNo comment.\n\nREGARDS\n\nJOHN SMITH",
                                  "N/A\n\nMR J SMITH", "Question 1\n\nNo comment.\n\nJANE DOE", "N/A"])
def test_questions_a_line_in_capitals_under_no_comment_is_not_said(body: str) -> None:
    """(Review of structc.) A document whose only answer was "No comment." said something, that it has no
    comment (dropped as no answer): its name in capitals below had become the response's general comment,
    and "N/A" in capitals one too."""
    assert _plan(_doc(body, format="eml")) == []


def test_title_line_naming_the_respondent_and_the_consultation_is_no_general_comment() -> None:
    # "<Respondent>: response to the <consultation title>" heads a letter: furniture, not a general comment
    title = "Working with the third sector to reduce reoffending"
    doc = _doc("Riverside Trust: response to the working with the third sector to reduce reoffending\n\n"
               "We run a mentoring scheme for young adults leaving custody in three towns.\n\n"
               "Question 1\n\nCharities should be involved from the design stage onwards.")
    plan = _plan(doc, title=title)
    assert not any("response to the" in text for _, text in plan)
    assert ("Q1", "Charities should be involved from the design stage onwards.") in plan
