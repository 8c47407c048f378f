"""Letter furniture: what surrounds a response is left out, a short statement never is."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from respmine.structure.furniture import (
    _CONTACT_LINE,
    _NOT_A_FULL_STOP,
    _SENTENCE,
    _contents_line,
    closes_letter,
    has_sentence,
    is_courtesy,
    is_formality,
    is_furniture,
    is_header_line,
    is_title_line,
    only_formalities,
    starts_quoted_reply,
)


def test_furniture_is_recognised_but_short_statements_stay() -> None:
    furniture = [
        "Yours sincerely,\nJane Smith\nChief Executive, Riverside Trust", "Kind regards, Tom",
        "Dear Minister,",
        "If you would like to discuss any aspect of this response, please contact me at jo@trust.org.",
        "We can be contacted on 0123 456 789.", "Riverside Trust\n12 High Street\nRiverside\nRV1 2AB",
        "Email: jo@trust.org\nTel: 0123 456 789", "Date: 24 April 2026", "Page 2 of 5", "Introduction",
        "Response to the National Offender Management Service consultation",
        "Re: Consultation on offender services", "Jane Smith\nDirector\non behalf of Riverside Trust",
        "Riverside Trust | Registered charity no. 1000000", "3.2 Funding and full cost recovery",
        "WORKING WITH THE THIRD SECTOR TO REDUCE RE-OFFENDING: A RESPONSE FROM RIVERSIDE TRUST",
        "Please find attached the response of Riverside Trust to the consultation on offender services.",
        "I am writing in response to the consultation on the role of the voluntary sector, as a supporter of "
        "the Keep Justice Local campaign.", "Forwarded on behalf of [NAME], who is away from the office.",
        "Please answer as many of the questions as you wish. The boxes will expand as you type.",
    ]
    content = [
        "We oppose this.", "I support keeping probation local", "Thank you for the opportunity to respond.",
        "- full cost recovery\n- small charities", "See www.trust.org for our evaluation of the pilot.",
        "risk to the small charities that deliver most of the mentoring in the county and",  # cut by a break
        "The proposed regional contracts would exclude the smaller local providers of",
        "CAIDP recommends a ban on any score-based profiling of individuals by private",
        "Yours faithfully, we must add that the proposals would shut out every small charity in the county "
        "and leave people leaving prison without the local support they rely on, which no regional "
        "contract can replace, and we urge the department to think again before it commissions anything.",
        "I am writing in response to the consultation. Regional contracts would shut out small charities.",
        "I am writing about the consultation because I oppose regional contracts.",  # a covering note's view
        "Please find attached our response. In short, charities need full cost recovery.",
        "Please keep justice local.", "Please use local charities for this work: they know the area.",
    ]
    assert [t for t in furniture if not is_furniture(t)] == []
    assert [t for t in content if is_furniture(t)] == []


@pytest.mark.parametrize(("text", "furniture"), [
    ("Please accept this email as the response of the Access to Justice Disability Network.", True),
    ("I write as the Police and Crime Commissioner for Westmarch in response to the Ministry's proposals on "
     "electronic monitoring.", True),
    ("Please accept this as our formal response to the consultation.", True),
    ("I write as manager of the Northshire staff team, on behalf of Northshire County Council.", True),
    ("This is the response of Hexbridge County Council as local highway authority.", True),
    ("This submission draws on our three-year study of footway obstruction in eight English towns.", True),
    ("This response was agreed by the Cabinet Member for Highways on 3 November 2026.", True),
    ("This submission draws on our study of footway obstruction, which found cracked paving.", False),
    ("This is the response of the Council, which opposes the ban.", False),
    # a view after the covering clause, a second sentence, an objection, experience: kept
    ("I write as the Police and Crime Commissioner for Westmarch in response to the Ministry's proposals, "
     "which I broadly support.", False),
    ("I write as the Police and Crime Commissioner for Westmarch in response to the Ministry's proposals. "
     "I welcome the ambition to tag every violent offender.", False),
    ("Please accept this letter as my objection to the proposals.", False),
    ("I write on behalf of our residents' group to object to the plans.", False),
    ("I write as a victim of domestic abuse.", False),
])
def test_furniture_a_covering_line_presenting_the_response_is_furniture(text: str, furniture: bool) -> None:
    """A trial filed two covering lines as answers to Q6 ("Please accept this email as the response of
    ...", "I write as the Police and Crime Commissioner for ... in response to the Ministry's proposals
    ..."): a covering note's one sentence is letter furniture, one that says more is not."""
    assert is_furniture(text) is furniture


def test_furniture_reference_lines_closings_and_quoted_replies() -> None:
    assert all(is_header_line(line) for line in (
        "Re: Consultation on the role of the voluntary and community sector in offender services",
        "Subject: NOMS consultation", "Submitted by Riverside Trust", "Date: 24 April 2026",
        "---------- Forwarded message ---------", "Working with the Third Sector: consultation response"))
    assert not any(is_header_line(line) for line in (
        "Re: our letter of 3 March. We still oppose the plan.", "Subject: we oppose regional contracts.",
        "We gave evidence to the consultation response panel"))  # a statement, a wrapped line of prose
    assert closes_letter("Yours faithfully,\nJo")
    assert closes_letter("Thank you for the opportunity to respond.")
    assert not closes_letter("We thank the department for its work.")
    assert starts_quoted_reply("-----Original Message-----\nFrom: NOMS")
    assert starts_quoted_reply("On Mon, 3 Feb 2026 at 10:02, NOMS <x@noms.example> wrote:")
    assert not starts_quoted_reply("On balance we favour regional commissioning, as we wrote: it works.")


def test_furniture_table_of_contents_is_not_an_answer() -> None:
    """A submission's contents page ("4. How can we encourage innovation? ........ 16") was coded and
    quoted; the same words as a heading line or a sentence with an ellipsis stay as they were."""
    contents = ("4. How can we encourage innovation in AI? ............................ 16\n"
                "5. Liability ......................................................... 18")
    assert is_furniture(contents)
    assert is_furniture("Annex III assessments ………… 24")
    assert not is_furniture("We are concerned... the proposal goes too far. We oppose it.")
    assert not is_furniture("How can we encourage innovation in AI? We think by funding it.")


@pytest.mark.parametrize("sentence", [
    "Thank you for the chance to comment.",
    "Northshire Police welcomes the consultation.",
    "We hope these comments are helpful.",
    "Thank you for the opportunity to respond to this consultation.",
    "We are pleased to respond to this consultation.",
    "Many thanks for your time.",
    "We welcome the opportunity to comment on the proposals.",
    "The Trust is grateful for the opportunity to respond.",
    "Thank you for considering our views.",
    "Thank you for the opportunity to respond to the consultation on Working with the Third Sector.",
    "Eastmoor Council welcomes this consultation.",
    "I'm happy to respond to this consultation.",
    "We welcome the opportunity to submit evidence to this review.",
    "Northshire Probation Trust welcomes the consultation on Probation.",
    "Thank you for the opportunity to comment on behalf of Eastmoor Council.",
    "Thank you for the opportunity to comment on these proposals.",
    "We welcome the opportunity to comment on them.",
])
def test_furniture_a_sentence_of_thanks_or_welcome_is_courtesy(sentence: str) -> None:
    assert is_courtesy(sentence)


@pytest.mark.parametrize("sentence", [
    "We are grateful for the engagement events held in each region.",
    "We welcome the proposal to pay the full cost of services.",
    "We welcome the consultation's emphasis on full cost recovery, but contracts must be longer.",
    "Thank you for the opportunity; however the timetable is far too short.",
    "We welcome the consultation but the twelve-week period was too short for small charities to respond.",
    "Northshire Police welcomes the consultation and the emphasis on partnership.",
    "Please keep justice local.",
    "We welcome this.",
    "We welcome the opportunity to play a bigger role in delivering it.",
    "We welcome the attention paid to women offenders in the proposals.",
    "We appreciate the time pressures but the consultation period was far too short for a proper response.",
    "Thank you for the opportunity to comment, however the consultation period of six weeks is too short.",
    "We welcome the consideration given to small charities in the proposals.",
    "We welcome the consultation but are deeply concerned about the proposals.",
    "We appreciate the invitation to respond but we fundamentally oppose the proposals.",
    "We do not welcome the consultation's proposals.",
    "We welcome the consultation's proposals for longer contracts.",
    "We welcome this consultation on the need for full cost recovery.",  # a title in lower case: content
])
def test_furniture_a_sentence_that_says_something_is_not_courtesy(sentence: str) -> None:
    assert not is_courtesy(sentence)


def test_furniture_only_formalities_needs_every_sentence_to_be_one() -> None:
    assert only_formalities("Eastmoor City Council welcomes the consultation. We hope this is helpful.")
    assert not only_formalities("Eastmoor City Council welcomes the consultation. The city has 40 charities.")
    assert not only_formalities("")


def test_furniture_a_bare_covering_sentence_is_a_formality_one_that_makes_a_point_is_not() -> None:
    assert is_formality("I am writing in response to the NOMS consultation on Working with the Third Sector "
                        "to Reduce Re-offending.")  # its title
    assert not is_formality("I am writing in response to the NOMS consultation on the role of the voluntary "
                            "and community sector in offender services.")  # what it is about: content
    assert is_formality("Please find attached our response to the consultation.")
    assert is_formality("I am writing in response to the consultation on Offender Services, as a "
                        "supporter of the Keep Justice Local campaign.")
    assert not is_formality("I am writing in response to the consultation on scrapping full cost recovery.")
    assert not is_formality("I AM WRITING IN RESPONSE TO THE CONSULTATION ON THE CLOSURE OF WOMEN'S CENTRES.")
    assert is_formality("I am writing in response to the consultation on Proposals for Payment by Results in "
                        "Offender Services.")  # a government title may name proposals
    assert not is_formality("I am writing in response to the consultation because the closure of our "
                            "women's centre will leave women with nowhere to go.")
    assert not is_formality("We are writing to say that payment by results has forced us to close.")
    assert not is_formality("I am writing about the proposals to move commissioning to regional level.")
    assert not is_formality("I am writing in response to the consultation on proposals to close our centre.")
    # a new user's letters' openings, coded as themes and filed under questions
    assert is_formality("I am writing as a supporter of the Justice for Victims Now campaign in response to "
                        "the consultation on Strengthening the Victims' Code.")
    assert is_formality("I would like to respond to the Victims' Code consultation.")
    said = "I would like to respond to the consultation by saying that a national ban is long overdue."
    assert not is_formality(said) and not is_furniture(said)  # (a review: the letter's one paragraph lost)
    assert is_formality("I am writing in support of the Clear Our Pavements campaign.")
    assert not is_formality("I am writing in support of the campaign to close the prison.")
    assert not is_formality("I am writing in support of the proposals.")


def test_furniture_a_covering_e_mail_saying_where_the_response_is_answers_no_question() -> None:
    # a new user's covering e-mail (trial 29a) was filed as an answer to a question
    assert only_formalities("Our response to the Library Service Review is attached. We would be happy to "
                            "discuss it with officers.")
    assert only_formalities("The Trust's response is attached to this email.")
    assert only_formalities("Our response is attached. We would be happy to meet officers to discuss it.")
    assert only_formalities("Our comments are set out below. We would be pleased to discuss these points "
                            "further with you.")
    assert not only_formalities("Our response, which opposes the closures, is attached.")
    assert not only_formalities("Our response to the closure of Pontnewydd library is attached.")  # content
    assert not only_formalities("We would be happy to discuss our concerns with officers.")
    assert not only_formalities("We would be happy to meet, but the deadline is too short.")
    offer = "I would be happy to meet the council to discuss our offer to run the library."
    assert not only_formalities(offer)


TITLE = ("Working with the Third Sector to Reduce Re-offending: the role of voluntary and community "
         "organisations in contestable probation and prison services")


def test_furniture_a_covering_sentence_naming_the_consultations_title_in_other_words_is_a_formality() -> None:
    campaign = ("I am writing in response to the NOMS consultation on the role of the voluntary and "
                "community sector in offender services, as a supporter of the Keep Justice Local campaign.")
    assert not is_formality(campaign) and is_formality(campaign, TITLE)  # the title, paraphrased
    assert is_formality("Thank you for the opportunity to respond to the consultation on reducing "
                        "re-offending.", TITLE)  # "reducing" for "Reduce"
    assert only_formalities(f"{campaign} We hope these comments are helpful.", TITLE)
    assert not is_formality("I am writing in response to the consultation on the closure of probation "
                            "services.", TITLE)  # a change the title does not name
    assert not is_formality("We welcome the consultation on the role of charities in prisons.", TITLE)
    for named in ("the closure of prison and probation services", "cutting community probation services",
                  "ending the role of community organisations", "prison services and support contestability"):
        assert not is_formality(f"We welcome the consultation on {named}.", TITLE)  # one word more: a change
    assert not is_formality("I am writing in response to the consultation on the role of the voluntary "
                            "sector, which we believe is vital.", TITLE)  # a view after the title


# Growth: inputs that took seconds before the fix (a regex retried at each character of a long run); the
# bounds are far above the linear time. The old patterns, inlined, give the same answers on ordinary text.
_OLD_SENTENCE = re.compile(r"[a-z][a-z)\]'\"”’]*[.?!]")
_OLD_NOT_A_FULL_STOP = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\bno\.(?=\s*\d)", re.IGNORECASE)
_OLD_CONTACT_LINE = re.compile(
    r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b|\S+@\S+\.\w+|^\s*(tel|telephone|phone|mobile|e-?mail|fax)\b"
    r"|\bregistered (charity|company)|\b(charity|company) (no|number)\b", re.MULTILINE | re.IGNORECASE)
_OLD_CONTENTS_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|(?:…\s?){2,}\s*\d{1,4}\s*$")
_ORDINARY = [
    "We oppose this.", "He said 'yes.'", "(see annex.)", "\"quoted.\" and more", "Re: our response is below.",
    "Contact jane.doe@example.org or @handle, a@b, @x@, x@@y.z, see www.gov.uk/x. and no. 12 of it.",
    "Jane Smith\nChief Executive\n12 High Street\nLondon SW1A 1AA\njane@example.org", "Tel: 020 7946 0000",
    "Registered charity no. 123456", "Summary ..... 3", "Introduction . . . . 12", "Annex……7",
    "1.2.3.4 12345", "Part 2 .... 12 34", "Costs ....\t99  ", "... 5", "Chapter 1.... 2022x", "ABC",
    "Q1. Do you agree?",
]


def _seconds(run: Any) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def test_furniture_patterns_answer_as_before() -> None:
    for text in _ORDINARY:
        for line in [text, *text.splitlines()]:
            assert bool(_SENTENCE.search(line)) == bool(_OLD_SENTENCE.search(line)), line
            assert _NOT_A_FULL_STOP.sub(" ", line) == _OLD_NOT_A_FULL_STOP.sub(" ", line), line
            new, old = _CONTACT_LINE.search(line), _OLD_CONTACT_LINE.search(line)
            assert (new and new.span()) == (old and old.span()), line
            assert _contents_line(line) == (_OLD_CONTENTS_LINE.search(line) is not None), line
    assert [_contents_line(t) for t in _ORDINARY[9:18]] == [
        True, True, True, False, False, True, False, False, False]


def test_furniture_takes_linear_time_on_a_long_token_or_dot_leader() -> None:
    """One long token ("aaaa...": 20 KB, 12 s; spaceless PDF text, a "____" field) and a long row of dots
    (20 K dots, 31 s): the patterns were retried at each character and read the run to its end each time."""
    token = "a" * 50000
    assert _seconds(lambda: (is_furniture(token), is_header_line(token), has_sentence(token))) < 1.0
    assert _seconds(lambda: is_furniture("Signature: " + "_" * 50000)) < 1.0
    assert _seconds(lambda: is_furniture("Contents " + "." * 50000 + " x")) < 1.0
    assert _seconds(lambda: is_furniture("Contents " + ". " * 25000 + "x\nSummary ..... 3")) < 1.0
    assert _seconds(lambda: _NOT_A_FULL_STOP.sub(" ", "a" * 50000 + "@b")) < 1.0


def test_furniture_a_run_of_blank_lines_is_read_once() -> None:
    """'^\\s*' at every line start read the rest of a blank run (20,000 newlines: 6.5 s); a bullet or a
    contact label is still found at the start of its line."""
    started = time.perf_counter()
    is_furniture("\n" * 20000)
    assert time.perf_counter() - started < 1.0
    assert is_furniture("\n\n  Tel: 01234 567890") and not is_furniture("\n \t- we support this")


@pytest.mark.parametrize(("text", "furniture"), [
    ("Hello,", True), ("Good morning,", True), ("Here are my views.", True),
    ("Our comments are set out below.", True), ("Please see my response below.", True),
    ("Apologies that this response is a few days late.", True),
    ("We apologise for the late submission of our comments.", True),
    ("Hello, I strongly oppose the cuts.", False), ("Here are my views: the fund is wrong.", False),
    ("Sorry, the buses are always late and we need more.", False),
    ("Apologies, but we oppose this late change.", False),
    ("Hello I oppose this.", False), ("Good morning I disagree strongly.", False), ("Hi Jane,", True),
    ("Sorry this is late but the 42 bus is my only way to reach the hospital", False),
    ("Apologies this is late - the fares are far too high for pensioners", False),
    ("Here are my answers to the consultation questions.", True),  # (coded as a theme, a new user saw)
    ("Here are my answers to the questions: fund the helplines.", False),
    ("Imran Hassan, Proprietor. Phone 07700 900321", True),  # a signature line with a full stop: it was a
    ("Jo Bell, Chief Executive, Sight Loss Council. Tel 01632 960118", True),  # general comment, and quoted
    ("Phone us on 0800 123 456 for support.", False),
    ("Ring 101 and you wait an hour. Phone 999 and they hang up. Shameful.", False),  # (a review: dropped)
    ("Department of Health and Social Care. Please answer as many of the questions as you wish.", True),
    ("Please answer as many of the questions as you wish. Responses must be received by 30 October 2026.",
     True),  # (the closing date's "must" is no view: a trial kept it as a general comment)
    ("Please answer the questions. Responses must be received by May, and we must oppose this.", False),
    ("Sent from my iPhone", True), ("Sent from Outlook for Android", True),
    ("Sent from my phone while waiting at the station for the bus that never comes.", False),
    ("Schools See The Damage Every Day. Please read the questions carefully and answer them.", False),
    ("We will confine our response to questions 2 and 4.", True),  # (a trial: coded consultation process)
    ("We have answered only the questions relevant to our work.", True),
    ("We have only answered questions 1, 3 and 5.", True),
    ("We will confine our response to questions 2 and 4, because local commissioning is wrong.", False),
    ("We limit our response to funding, which is far too short.", False),
    ("I will confine my remarks to the appalling state of resettlement services in this county.", False),
    ("We will confine our comments to the funding of small charities.", False),  # (a review: both lost)
    ("We will confine our comments to Q2 and Q4.", True), ("We confine our remarks to matters within our "
                                                            "remit.", True),  # (a second review)
    # (a trial: filed under Q5 by meaning, its only answer being to Q6)
    ("We respond only to Question 6, drawing on our research on household energy demand.", True),
    ("We respond only to Question 6, because the options would hit electric homes hardest.", False),
    # (a review: the reason's window doubled for the line above, a view after the question went as furniture)
    ("We respond only to Question 6: standing charges must be halved for prepayment users.", False),
    ("We have only answered question 2, the proposal is unfair to rural households.", False),
    ("I have only answered question 3 - the charge is far too high for pensioners.", False),
    ("We respond only to Question 6 and strongly oppose the proposed increase.", False),
])
def test_furniture_greetings_openers_and_late_apologies_say_nothing(text: str, furniture: bool) -> None:
    """A paragraph that only greets, says the answers follow or apologises for the response's lateness is
    no general comment (a new user's trial counted them as such); one that goes on to a view is kept."""
    assert is_furniture(text) is furniture


def test_furniture_a_minutes_preamble_is_a_formality_one_that_reports_a_view_is_not() -> None:
    # a trial's town council: "... discussed the consultation at its meeting on 10 November 2026." was filed
    # to "Any other comments?", coded the consultation process and quoted as one of its two quotes
    for said in ("Little Brampton Town Council discussed the consultation at its meeting on 10 November "
                 "2026.",
                 "Aldby Parish Council considered the consultation at its meeting on 10 November 2026.",
                 "At its meeting on 10 November, the council considered the consultation.",
                 "The consultation was discussed at the council's meeting on 3 November.",
                 "The proposals were considered by the Planning Committee on 4 May.",
                 "Members considered the proposals at the meeting of the Community Safety Committee held on "
                 "3 March 2026.",
                 "The Parish Council discussed the consultation at its meeting on 10 November 2026 and "
                 "agreed the following response."):
        assert is_formality(said), said
        assert only_formalities(said)
    for said in ("The council discussed the consultation and strongly opposes the vests.",
                 "The council discussed the consultation at its meeting on 10 November and members were "
                 "worried about safety.",
                 "We have considered the proposals carefully and believe Option C is best.",
                 "Our members discussed the consultation at length and support the increase to 30%.",
                 "The council discussed the proposals on unpaid work which would harm the town.",
                 "The council discussed the vests at its meeting and members were divided."):
        assert not is_formality(said), said


def test_furniture_a_minutes_preamble_saying_how_the_body_took_the_consultation_is_no_formality() -> None:
    # (review s28: the words after "meeting on" were read as a date's or a name's whatever they were)
    for said in ("The council discussed the consultation at its meeting on 10 November 2026 with dismay.",
                 "Members noted the consultation at the meeting of 10 November, without enthusiasm.",
                 "The Parish Council considered the proposals at its meeting on 3 March despite strong "
                 "local feeling."):
        assert not is_formality(said), said
    assert is_formality("The council discussed the consultation at its meeting on 3 July 2026.")


def test_furniture_shouted_prose_has_sentences_a_capitals_heading_none() -> None:
    """(Trial 30a.) An e-mail written all in capitals has sentences: read case by case it had none, so it
    answered no question and chose no option. A heading or letterhead in capitals stays one."""
    from respmine.structure.furniture import has_sentence, is_heading, shouted

    said = "STANDING CHARGES SHOULD BE SCRAPPED. I PAY OVER 300 POUNDS A YEAR."
    assert shouted(said) and has_sentence(said) and not is_furniture(said)
    assert has_sentence("AND PREPAYMENT PEOPLE SHOULD NOT PAY A PENNY MORE THAN ANYONE ELSE.")
    assert not has_sentence("J. SMITH")  # (initials: too short to be shouted)
    assert not has_sentence("OPTION A.") and not shouted("Standing charges should be scrapped.")
    assert is_heading("ANNEX B: DETAILED COMMENTS BY QUESTION") and is_furniture("R BAXTER")
    assert is_furniture("EASTMOOR FUEL BANK\nC/O ST MARK'S CHURCH HALL\nEASTMOOR EM2 8PL")


def test_furniture_a_capitals_heading_with_a_label_or_abbreviation_stays_a_heading() -> None:
    """(Review.) A heading in capitals of five words or more with a lettered label or a dotted abbreviation
    ("PART A. GENERAL ...", "ST. JOHN'S ...", "U.K.") read in lower case had a sentence ("a.", "st."), so it
    was no heading and no letterhead line but content to code. Shouted prose ends a sentence, or is longer
    than a heading."""
    from respmine.structure.furniture import has_sentence, is_header_line, is_heading

    for heading in ("PART A. GENERAL COMMENTS ON THE PROPOSALS", "ANNEX A. DATA TABLES FOR THE REGIONS",
                    "OPTION B. KEEP THE MOBILE LIBRARY SERVICE", "ACME ENERGY CO. LTD RESPONSE TO OFGEM"):
        assert is_heading(heading), heading
    assert is_header_line("ST. JOHN'S PARISH COUNCIL RESPONSE TO THE CONSULTATION")
    assert not is_heading("STANDING CHARGES SHOULD BE SCRAPPED. I PAY TOO MUCH.")
    long = ("STANDING CHARGES SHOULD BE SCRAPPED. I PAY OVER 300 POUNDS A YEAR FOR NOTHING AND SO DO ALL MY "
            "NEIGHBOURS ON THIS ESTATE")
    assert has_sentence(long)  # (no full stop at its end, but no heading is this long)


@pytest.mark.parametrize("text", [
    "I am writing in a personal capacity and not on behalf of the council or my group.",
    "I am writing in a personal capacity.",
                                  "I'm responding as an individual, not on behalf of my employer."])
def test_furniture_a_sentence_saying_in_whose_name_one_writes_is_furniture(text: str) -> None:
    """(Trial 31a: a councillor's "I am writing in a personal capacity ..." was filed as an answer, coded
    enforcement and quoted in an emerging theme.) It says who writes, which the respondent's profile reads."""
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "I am writing in a personal capacity because the scheme will ruin me.",
    "I am writing as an individual, not on behalf of my employer, to oppose this."])
def test_furniture_a_capacity_sentence_going_on_to_a_view_is_kept(text: str) -> None:
    assert not is_furniture(text)


def test_furniture_a_short_exclamation_in_capitals_is_said_not_a_heading() -> None:
    """"SCRAP THE STANDING CHARGE!" had no sentence (shouted prose needed five words), so an e-mail saying
    only that was dropped as a heading; written in lower case it was kept."""
    from respmine.structure.furniture import has_sentence, is_heading

    for said in ("SCRAP THE STANDING CHARGE!", "I OPPOSE THIS!", "NO MORE CUTS!!"):
        assert has_sentence(said) and not is_heading(said) and not is_furniture(said), said
    assert not has_sentence("OPTION A.") and not has_sentence("STOP!")  # (one word: no sentence)


_LICENSING = "Proposed selective licensing scheme for private rented homes"


@pytest.mark.parametrize("line", [
    "Safe Homes Northam: response to the Proposed selective licensing scheme for private rented homes",
    "University of Northam: response to the proposed selective licensing scheme for private rented homes",
    "Response of the Landlords Forum to the Proposed Selective Licensing Scheme for Private Rented Homes",
    "Northam Tenants - consultation response to the selective licensing scheme for private rented homes",
])
def test_title_line_of_name_and_consultation_title_is_furniture(line: str) -> None:
    # a respondent's name and the consultation's title, whoever's name heads it: a title line (it made an
    # emerging topic "scheme / homes / mould" of six respondents' title lines in a trial)
    assert is_title_line(line, _LICENSING)
    assert is_furniture(line, _LICENSING)


@pytest.mark.parametrize("line", [
    "Safe Homes Northam: response to the Proposed selective licensing scheme, which we oppose",
    "Our response to the selective licensing scheme for private rented homes is that it will raise rents",
    "Safe Homes Northam: response to the proposed closure of hostels and private rented homes",
    "Safe Homes Northam: response to the Proposed selective licensing scheme for private rented homes.\n"
    "We support the scheme because tenants need protection.",
])
def test_title_line_that_says_more_is_kept(line: str) -> None:
    assert not is_title_line(line, _LICENSING)
    assert not is_furniture(line, _LICENSING)


def test_title_line_needs_the_consultations_title() -> None:
    line = "Safe Homes Northam: response to the Proposed selective licensing scheme for private rented homes"
    assert not is_title_line(line, "")
    assert not is_title_line(line, "Library service review 2026")


_STROKE = "Proposed changes to stroke services in Northshire: centralising hyper-acute stroke care"


@pytest.mark.parametrize("line, title, banner", [
    ("HAVE YOUR SAY!", "", True),  # a lone line in capitals that states no view: the leaflet's call
    ("HAVE YOUR SAY ON STROKE SERVICES", _STROKE, True),  # the consultation's own banner: its title's words
    ("HAVE YOUR SAY ON STROKE SERVICES!", _STROKE, True),
    ("PUBLIC CONSULTATION: TELL US WHAT YOU THINK", "", True),
    ("HAVE YOUR SAY ON STROKE SERVICES", "", False),  # (no title: "stroke services" may be the point made)
    ("SAVE WESTBURY STROKE UNIT!", _STROKE, False),  # a view, in capitals
    ("HAVE YOUR SAY: KEEP WESTBURY OPEN!", _STROKE, False),
    ("SCRAP THE STANDING CHARGE!", "Review of standing charges", False),
    ("Have your say on stroke services", _STROKE, False),  # (in lower case: a sentence's words)
])
def test_furniture_a_consultations_banner_in_capitals_is_no_sentence(line: str, title: str,
                                                                     banner: bool) -> None:
    """(Session 31.) "HAVE YOUR SAY!" copied from the consultation's leaflet read as an exclamation in
    capitals, a sentence the respondent said: a line in capitals of nothing but the consultation's call to
    respond and its title's words is its banner."""
    from respmine.structure.furniture import is_banner

    assert is_banner(line, title) is banner
    if not title and banner:
        assert is_furniture(line)


def test_furniture_a_meeting_notes_heading_and_its_presenters_remarks_are_no_view() -> None:
    """(Trial 32a: a town council's note of a public meeting: its opening line, "...: note of the public
    meeting on the proposed changes ..., Westbury Town Hall, 12 March 2026. About 180 people attended. The
    Mayor ... chaired.", was coded "no change" by likeness; the consultor's presenter's "The ICB's Director
    of Strategy presented the proposals and explained that ..." coded as the council's view.) Who met, where,
    how many came and who chaired, and the presentation of the proposals, are the note's preamble; what the
    attendees said, or a show of hands, is not."""
    from respmine.structure.furniture import only_meeting

    for said in ("Westbury Town Council: note of the public meeting on the proposed changes to stroke "
                 "services, Westbury Town Hall, 12 March 2026. About 180 people attended. The Mayor, Cllr "
                 "Ruth Ellery, chaired.",
                 "Notes of the drop-in session held at Abercwm Library on 4 May. Around 40 residents came.",
                 "The ICB's Director of Strategy presented the proposals and explained that hyper-acute "
                 "units need enough patients to keep staff skills up.",
                 "Officers from the council presented the consultation and said that the changes would save "
                 "money.",
                 "The meeting was chaired by Cllr Jones."):
        assert only_meeting(said), said
    for said in ("One attendee said that her husband had waited 90 minutes for an ambulance.",
                 "At the end of the meeting a show of hands was taken and nearly everyone present supported "
                 "Option 2.",
                 "About 180 people attended and all of them opposed the closure.",
                 "We presented the proposals to our members, who strongly oppose them.",
                 "The Director presented the proposals, but residents were not convinced.",
                 # (review of w32: a body presenting its own case is a view, not the consultor's)
                 "Save Westbury Stroke Unit presented their alternative proposals and explained that a third "
                 "unit at Westbury would cut travel times.",
                 "The Friends of Westbury Hospital outlined their own plans and said the unit could be "
                 "staffed from Kingsmere."):
        assert not only_meeting(said), said


def test_furniture_a_long_name_after_chaired_by_is_read_in_linear_time() -> None:
    """(Review of w32: "chaired by (?:word\\s*){1,8}" tried every split of a long name, 90 seconds for a
    40-letter word before a sentence going on, 6 for "Featherstonehaugh-Whittington".)"""
    import time

    from respmine.structure.furniture import reports_meeting

    start = time.perf_counter()
    assert not reports_meeting("The meeting was chaired by Councillor Margaret Featherstonehaugh-Whittington "
                               "of Westbury; questions followed.")
    assert not reports_meeting("The meeting was chaired by " + "a" * 60 + " x?y")
    assert reports_meeting("The meeting was chaired by Cllr Jones.")
    assert time.perf_counter() - start < 1.0
