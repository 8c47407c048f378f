"""A letter's paragraph that names a question's own words (in its text, in no other question's nor the
title) is filed with that evidence as well as its similarity (trial 28a: JPWU's paragraph on handing unpaid
work to private companies went to the question on women and carers' needs; its paragraph on the hours for
education and on the vests went to the vests question only; a mother's "orange vest" e-mail to general
comments)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from respmine.consultation import Question
from respmine.structure.question_matcher import QuestionMatcher, Routing, own_words

TITLE = "Unpaid work (Community Payback): proposals to modernise delivery"
OPTIONS = Question(id="Q2", number=2, text="Which option do you prefer for delivering unpaid work "
                   "placements: Option A (probation regions continue to run placements directly) or Option B "
                   "(a single national contract with a private provider)?")
NEEDS = Question(id="Q4", number=4, text="How could unpaid work better meet the needs of women, people with "
                 "caring responsibilities, and people with disabilities or health conditions?")
HOURS = Question(id="Q1", number=1, text="Do you agree that up to 30% of a person's unpaid work hours should "
                 "be available for education, training and employment activities?")
VESTS = Question(id="Q3", number=3, text="Do you agree that people carrying out unpaid work in public should "
                 "continue to wear high-visibility vests marked 'Community Payback'?")
OTHER = Question(id="Q6", number=6, text="Do you have any other comments on the proposals or on this "
                 "consultation?")


class Fixed:
    """Given vectors: the question texts' and each paragraph's, so similarities are as stated."""

    name = "fixed"

    def __init__(self, vectors: dict[str, Sequence[float]]) -> None:
        self.vectors = vectors

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([self.vectors[t] for t in texts], dtype=np.float32)


def _matcher(questions: list[Question], paragraphs: dict[str, Sequence[float]]) -> QuestionMatcher:
    """Question i's text is the unit vector i; a paragraph's similarity to it is its i-th number."""
    n = len(paragraphs[next(iter(paragraphs))])
    axes = {q.text: [float(i == j) for j in range(n)] for i, q in enumerate(questions)}
    return QuestionMatcher(questions, Fixed({**axes, **paragraphs}), TITLE)  # type: ignore[arg-type]


def test_own_words_are_a_questions_alone_not_the_titles_nor_a_catch_alls() -> None:
    own = own_words([HOURS, OPTIONS, VESTS, NEEDS, OTHER], TITLE)
    assert {"vest", "wear"} <= own["Q3"] and not {"community", "payback"} & own["Q3"]  # (the title's)
    assert {"privat", "probat", "region"} <= own["Q2"] and "placemen" in own["Q2"]
    hosting = Question(id="Q5", number=5, text="What role should councils play in hosting placements?")
    assert "placemen" not in own_words([OPTIONS, hosting], TITLE)["Q2"]  # (two questions' words)
    assert {"educat", "train"} <= own["Q1"] and own["Q6"] == frozenset()
    assert "women" in own["Q4"] and "agree" not in own["Q1"] | own["Q3"]


def test_two_of_a_questions_own_words_overrule_the_routing() -> None:
    """By the question texts closest to the options question, by the routing slightly closer to the needs
    question: naming "private" and "probation regions", it answers the options question."""
    named = ("Our members remember what happened the last time unpaid work was handed to private companies. "
             "Unpaid work must stay in the public sector, run by the probation regions.")
    vague = "Our members remember what happened the last time unpaid work was handed to private companies."
    # dimensions: the two question texts, then the two routing vectors
    matcher = _matcher([OPTIONS, NEEDS], {named: (0.51, 0.49, 0.44, 0.46), vague: (0.51, 0.49, 0.44, 0.46)})
    matcher.routing = Routing(((0.0, 0.0, 1.0, 0.0), (0.0, 0.0, 0.0, 1.0)), (0.0, 0.0))
    filed = matcher.by_content([named, vague])
    assert [q for q, _ in filed[0]] == ["Q2"]  # (was Q4: the routing's)
    assert [q for q, _ in filed[1]] == ["Q4"]  # one own word ("private") is not enough against the routing


def test_a_paragraph_naming_two_questions_own_words_answers_both() -> None:
    both = ("On the balance of hours and on the vests our members' view is straightforward: moving to 30 per "
            "cent for education and training is the right thing to do, but the vests should be scrapped.")
    one = "On the vests our members' view is straightforward: the vests should be scrapped after 20 hours."
    matcher = _matcher([HOURS, VESTS, NEEDS], {both: (0.45, 0.51, 0.2), one: (0.45, 0.51, 0.2)})
    filed = matcher.by_content([both, one])
    assert [q for q, _ in filed[0]] == ["Q3", "Q1"]  # (was Q3 alone: the hours answer was lost)
    assert [q for q, _ in filed[1]] == ["Q3"]  # ("hours" alone: no answer on them)
    assert filed[0][1][1] == pytest.approx(0.45)  # (scored by its own similarity, without routing)


def test_a_paragraph_below_the_threshold_naming_its_closest_questions_own_words_answers_it() -> None:
    vest = ("He was made to wear the orange vest outside the school his daughter goes to. Other parents took "
            "photos.")
    plain = "He was made to stand outside the school his daughter goes to. Other parents took photos."
    faint = "He was made to wear the orange vest outside the school. Other parents took photos of him."
    sentence = "My son was given 120 hours of unpaid work."  # (the document names the consultation's subject)
    matcher = _matcher([HOURS, VESTS, NEEDS], {vest: (0.03, 0.21, -0.04), plain: (0.03, 0.21, -0.04),
                                               faint: (0.03, 0.1, -0.04), sentence: (0.1, 0.1, 0.1)})
    filed = matcher.by_content([sentence, vest, plain, faint])
    assert [q for q, _ in filed[1]] == ["Q3"]  # (was general comments)
    assert filed[2] == [] and filed[3] == []  # no own word; too faint a likeness


def test_a_faint_paragraph_of_a_document_off_the_consultations_subject_answers_no_question() -> None:
    """(Session 30; trial 29a: a complaint about a missed bin collection, sent to a library consultation,
    was filed under the options question for its "return visit", an own word of "a mobile library visit".)
    A document none of whose paragraphs is close to a question, and which names no word of the title,
    answers none by naming a question's own words; one close to a question, or naming the subject, may."""
    bin_ = ("For the fourth time since Christmas our green recycling bin has not been emptied. I was "
            "promised a return visit that never came.")
    library = Question(id="Q2", number=2, text="Option B: replace it with a mobile library visit and a "
                       "library link point in a community building?")
    hours = Question(id="Q3", number=3, text="Do you agree that the libraries should open longer hours?")
    sorry = "Please send someone before the bags attract rats."
    vectors = {library.text: (1.0, 0.0), hours.text: (0.0, 1.0), bin_: (0.17, 0.02), sorry: (0.05, 0.05)}
    embedder: Any = Fixed(vectors)
    matcher = QuestionMatcher([library, hours], embedder, "Library Service Review 2026")
    assert matcher.by_content([bin_, sorry]) == [[], []]
    named = "Our libraries sent nobody: a return visit never came."  # (a word of the title: the subject)
    vectors[named] = (0.17, 0.02)
    assert [q for q, _ in matcher.by_content([bin_, named])[0]] == ["Q2"]
    vectors["We prefer option B."] = (0.5, 0.0)  # (a paragraph close to a question)
    assert [q for q, _ in matcher.by_content([bin_, "We prefer option B."])[0]] == ["Q2"]


def test_a_body_saying_whom_it_serves_below_the_threshold_answers_no_question() -> None:
    """(review s28) A letter's line on who the respondent is names the people a question asks about
    ("women", "older people"): it answers none, however faintly it resembles that question (trials 28a
    and 27a: the matcher the late run keeps filed both under the question on those people)."""
    bodies = ("Anchor Women's Centre has supported women in the criminal justice system in Northam since "
              "2004.",
              "The Forum is a network of 30 women's groups across Hexbridge.",
              "Neurodiversity in Justice - a charity for women and people with disabilities in the justice "
              "system")
    vest = "He was made to wear the orange vest outside the school his daughter goes to, on unpaid work."
    matcher = _matcher([HOURS, VESTS, NEEDS], {**{b: (0.03, -0.04, 0.22) for b in bodies},
                                               vest: (0.03, 0.21, -0.04)})
    filed = matcher.by_content([*bodies, vest])
    assert filed[:3] == [[], [], []]
    assert [q for q, _ in filed[3]] == ["Q3"]  # (a story still answers it)


def test_a_paragraph_answering_two_questions_is_shared_out_by_what_its_clauses_are_on() -> None:
    """(Session 29; trial 28a: the union's paragraph, filed whole under the questions on the hours and on the
    vests, was coded with staffing and visibility under the hours and training under the vests.) Each
    question gets the clauses naming its own words, an opening naming both going with the first; filed whole
    under each where a question has no clause of its own, or the paragraph goes back to one."""
    from respmine.records import Document
    from respmine.structure.questions import _shared_out, segment_document

    opening = "On the balance of hours and on the vests our members' view is straightforward: "
    hours = "moving to 30 per cent for education and training is the right thing to do, "
    vests = "but the vests should be scrapped, because supervisors are the ones who face the abuse."
    both = opening + hours + vests
    matcher = _matcher([HOURS, VESTS, NEEDS], {both: (0.45, 0.51, 0.2)})
    assert _shared_out(both, ["Q3", "Q1"], matcher) == {"Q1": (0, len(opening + hours)),
                                                         "Q3": (len(opening + hours), len(both))}
    doc = Document(source="x", sha256="s" * 64, format="txt", method="t", text=both)
    cut = {s.question: s.text for s in segment_document(doc, matcher)}
    assert cut == {"Q1": (opening + hours).strip(), "Q3": vests}  # (was the whole paragraph under each)
    assert _shared_out(both, ["Q3", "Q6"], _matcher([HOURS, VESTS, NEEDS, OTHER], {both: (0, 0, 0, 0)})) == {}
    back = hours + vests + " Training should count for more hours."
    assert _shared_out(back, ["Q1", "Q3"], matcher) == {}  # (hours, vests, hours again: as a whole)
    assert _shared_out(vests, ["Q1", "Q3"], matcher) == {}  # (the vests alone: the hours have no clause)


def test_a_document_off_the_consultations_subject_is_kept_as_general_comments_no_theme_is_read_in(
        tmp_path: Any) -> None:
    """(Trial 30a: a parking appeal sent to an energy regulator's review was coded implementation, and "Please
    cancel the notice." quoted for it.) Its paragraphs stay general comments, listed so nothing is lost,
    marked OFF_TOPIC; the theme coder reads them as blank. A document on the subject keeps "general"."""
    from respmine import pipeline
    from respmine.records import GENERAL, Answer, Document
    from respmine.store import Store
    from respmine.store.views import SegmentView
    from respmine.structure.questions import OFF_TOPIC, segment_document

    appeal = ("The pay and display machine was out of order and I could not buy a ticket. I enclose a "
              "photograph of the machine's screen.")
    cancel = "Please cancel the notice and refund the charge I paid."
    hours = Question(id="Q3", number=3, text="Do you agree that the libraries should open longer hours?")
    library = Question(id="Q2", number=2, text="Should a mobile library visit replace the branch?")
    named = "Our libraries have been closed every Monday this winter, which is a great loss to the town."
    embedder: Any = Fixed({library.text: (1.0, 0.0), hours.text: (0.0, 1.0), appeal: (0.05, 0.02),
                           cancel: (0.03, 0.01), named: (0.05, 0.02)})
    matcher = QuestionMatcher([library, hours], embedder, "Library Service Review 2026")
    off = segment_document(Document(source="x", sha256="s" * 64, format="txt", method="t",
                                    text=f"{appeal}\n\n{cancel}"), matcher)
    assert [(s.question, s.method) for s in off] == [(GENERAL, OFF_TOPIC)] * 2
    on = segment_document(Document(source="y", sha256="t" * 64, format="txt", method="t",
                                   text=f"{named}\n\n{cancel}"), matcher)
    assert [(s.question, s.method) for s in on] == [(GENERAL, "general")] * 2  # (a word of the title)
    headed = segment_document(Document(source="z", sha256="u" * 64, format="txt", method="t",
                                       text=f"{cancel}\n\nQ3\n\nYes, open on Sundays."), matcher)
    assert (GENERAL, "general") in [(s.question, s.method) for s in headed]  # (a preamble: not the document)
    thanks = "Thank you for the chance to have my say, and best wishes to all the staff."
    embedder.vectors.update({thanks: (0.03, 0.01), "Yes, open on Sundays.": (0.0, 0.9)})
    form = segment_document(Document(source="f", sha256="v" * 64, format="xlsx", method="t",
                                     text=f"{hours.text}\nYes, open on Sundays.\n\n{thanks}",
                                     answers=(Answer(hours.text, "Yes, open on Sundays.", "column C"),)),
                            matcher)
    assert (GENERAL, "general") in [(s.question, s.method) for s in form]  # (a review: a form row answering
    # a question is on the subject; its other text is no document off it)
    store = Store(f"sqlite:///{tmp_path}/s.sqlite")
    rows = [SegmentView(f"g{i}", s.submission, s.question, s.span.start, s.span.end, s.page, s.text, s.method,
                        s.confidence) for i, s in enumerate(off + on)]
    read = pipeline.coding_inputs(store, rows)
    assert [s.text for s in read] == ["", "", named, cancel]


def test_one_word_of_a_longer_title_is_chance_not_the_subject() -> None:
    """(Trial 30a) The parking appeal names "penalty charge notice": one word of "Review of standing charges
    on domestic energy bills" is chance; two name the subject ("standing charges"), as one does where the
    title has no more (its words any title has aside: "Library Service Review 2026")."""
    appeal = ("I am writing to appeal against penalty charge notice EM12345678 issued on 3 March. The pay "
              "and display machine was out of order and I could not buy a ticket.")
    faint = "Standing charges take a third of my bill in summer."
    question = Question(id="Q1", number=1, text="Do you agree that standing charges should be reduced?")
    shut = "Our library shut on Mondays."
    embedder: Any = Fixed({question.text: (1.0,), appeal: (0.05,), faint: (0.1,), shut: (0.05,)})
    matcher = QuestionMatcher([question], embedder, "Review of standing charges on domestic energy bills")
    assert not matcher.on_topic([appeal]) and matcher.on_topic([faint]) and matcher.on_topic([appeal, faint])
    other = Question(id="Q8", number=8, text="Do you have any other comments?")
    near: Any = Fixed({question.text: (1.0, 0.0), other.text: (0.0, 1.0), appeal: (0.05, 0.4)})
    assert not QuestionMatcher([question, other], near, matcher.title).on_topic([appeal])  # (no topic)
    library = QuestionMatcher([question], embedder, "Library Service Review 2026: proposals for the future "
                              "of branch libraries")  # (two words of its own: one names it)
    assert library.on_topic([shut])
    welsh = ("Rwy'n anghytuno'n llwyr â'r cynnig i gau llyfrgell Abercwm. Nid oes gennyf gar, a dim ond "
             "dwywaith y dydd mae'r bws yn mynd i Aberhafren. Y llyfrgell yw'r unig le yn y pentref lle gall "
             "fy mhlant fenthyg llyfrau Cymraeg, ac mae hynny yn bwysig iawn i ni.")
    embedder.vectors[welsh] = (0.05,)
    assert library.on_topic([welsh])  # (in Welsh: an English title's words say nothing of it)
    short = ["Leave things as they are.", "I can't afford my bills any more. Please help.",
             "I agree with all of it."]
    embedder.vectors.update({t: (0.05,) for t in short})
    assert all(matcher.on_topic([t]) for t in short)  # (a review: too little to judge; their stance is kept)


def test_a_document_answering_a_question_is_not_off_the_subject() -> None:
    """(Trial 32a: a widower's e-mail saying "I dont agree with the case for change" had its story of the
    ambulance's 50 minutes and the two buses to visit marked off-topic and never coded, for no paragraph
    was near a question by meaning and it named one word of the title.) A letter one of whose paragraphs
    answers a question (an agreement stated, an option chosen) is on the subject by that alone: its other
    paragraphs are general comments, read for themes."""
    from respmine.records import GENERAL, Document
    from respmine.structure.questions import OFF_TOPIC, segment_document

    story = ("I am 74 and I do not drive any more. Visiting her every day was a ten minute walk, and the "
             "other town would be two buses and half a day each way.")
    view = "I do not agree with the proposal. The staff saved her life, so why close something that works."
    agree = Question(id="Q1", number=1, text="Do you agree with the proposal to reduce opening hours?",
                     proposal=True)
    other = Question(id="Q2", number=2, text="What would help people who cannot travel further?")
    embedder: Any = Fixed({agree.text: (1.0, 0.0), other.text: (0.0, 1.0), story: (0.05, 0.1),
                           view: (0.1, 0.02)})
    matcher = QuestionMatcher([agree, other], embedder, "Library Service Review 2026")
    segs = segment_document(Document(source="x", sha256="s" * 64, format="txt", method="t",
                                     text=f"{story}\n\n{view}"), matcher)
    assert (GENERAL, "general") in [(s.question, s.method) for s in segs]  # (was OFF_TOPIC)
    assert OFF_TOPIC not in {s.method for s in segs}


def test_a_document_naming_the_places_the_questions_name_is_on_the_subject() -> None:
    """(Trial 32a) A story naming the towns the questions name ("Westbury", "Kingsmere") speaks of the
    consultation's subject in words a reader recognises, with one word of the title ("stroke"); an
    appointment query naming neither is off it."""
    story = ("My wife had her stroke at home in Westbury last October. The ambulance took 50 minutes to "
             "come and if she had to go all the way to Kingsmere that is another 45 minutes on top.")
    query = ("I have received two letters for the same outpatient appointment at the eye clinic on 14 April "
             "with different times. Please can someone tell me which time is correct.")
    options = Question(id="Q2", number=2, text="Which option do you prefer? Option 1: two units at "
                       "Kingsmere and Ashby; Option 2: three units, keeping Westbury; Option 3: no change")
    travel = Question(id="Q3", number=3, text="What concerns, if any, do you have about travel times?")
    embedder: Any = Fixed({options.text: (1.0, 0.0), travel.text: (0.0, 1.0), story: (0.05, 0.1),
                           query: (0.02, 0.1)})
    matcher = QuestionMatcher([options, travel], embedder, "Proposed changes to stroke services in "
                              "Northshire: centralising hyper-acute stroke care")
    assert matcher.on_topic([story])  # (was off: "stroke" alone of the title's words)
    assert not matcher.on_topic([query])


def test_a_faint_paragraph_naming_a_place_the_questions_name_may_answer_by_own_words() -> None:
    """(Review of w32; trial 32a: a meeting note's "Several people asked how elderly visitors would get to
    Kingsmere" lost its question on travel, for `_on_topic` read only the title's words while `on_topic`
    read the questions' place names too.) A document whose paragraphs name no word of the title but a
    place a question names ("Westbury") is on the subject: its faint paragraph may answer the question
    whose own words it names; one naming neither answers none."""
    travel = Question(id="Q3", number=3, text="What concerns, if any, do you have about visitors' travel "
                      "times to Kingsmere or Ashby?")
    options = Question(id="Q2", number=2, text="Which option do you prefer? Option 1: two units; Option 2: "
                       "three units, keeping Westbury")
    placed = "Several people asked how elderly visitors would cope with the travel times from Westbury."
    unplaced = placed.replace("Westbury", "the bus station")
    embedder: Any = Fixed({travel.text: (1.0, 0.0), options.text: (0.0, 1.0), placed: (0.17, 0.02),
                           unplaced: (0.17, 0.02)})
    matcher = QuestionMatcher([travel, options], embedder, "Proposed changes to stroke services")
    assert [q for q, _ in matcher.by_content([placed])[0]] == ["Q3"]  # (was none: no word of the title)
    assert matcher.by_content([unplaced]) == [[]]


def test_a_letter_for_or_against_something_else_is_still_off_the_subject() -> None:
    """(Review of w32) A letter answers a question only where its view is on the consultation's subject:
    "I support the plans for the new skate park" or "I do not agree with it" (a parking fine) names none of
    the title's words nor a place the questions name, and its other paragraphs stay off the subject; "I dont
    agree with the case for change" in a story does."""
    from respmine.records import GENERAL, Document
    from respmine.structure.questions import OFF_TOPIC, segment_document

    agree = Question(id="Q1", number=1, text="Do you agree with the case for change set out in the "
                     "consultation document?", proposal=True)
    travel = Question(id="Q2", number=2, text="What concerns, if any, do you have about travel times?")
    title = "Proposed changes to stroke services: centralising hyper-acute stroke care"
    story = ("My children and their friends have nowhere to go in the evenings, and a skate park would keep "
             "them off the streets and out of trouble.")
    fine = ("I received a penalty charge notice for parking outside my own house while unloading the "
            "shopping for my mother.")

    def methods(text: str) -> list[tuple[str, str]]:
        embedder: Any = Fixed({agree.text: (1.0, 0.0), travel.text: (0.0, 1.0)})
        embedder.embed = lambda texts: np.array([embedder.vectors.get(t, (0.02, 0.02)) for t in texts],
                                                dtype=np.float32)
        matcher = QuestionMatcher([agree, travel], embedder, title)
        return [(s.question, s.method) for s in segment_document(
            Document(source="x", sha256="s" * 64, format="txt", method="t", text=text), matcher)]

    assert (GENERAL, OFF_TOPIC) in methods(f"I support the plans for the new skate park in Victoria Park."
                                           f"\n\n{story}")  # (was general)
    assert (GENERAL, OFF_TOPIC) in methods(f"{fine}\n\nI do not agree with it and I would like it to be "
                                           "cancelled.")
    visits = "Visiting her every day was a ten minute walk; the other town would be two buses each way."
    kept = methods(f"{visits}\n\nI dont agree with the case for change. The staff saved her life.")
    assert (GENERAL, "general") in kept and OFF_TOPIC not in {m for _, m in kept}
