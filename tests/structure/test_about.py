"""Self-descriptions ("X is a national charity ...", "I have sat as a magistrate ..."): told apart from
views, on written examples and on real submissions and comments."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from respmine.structure.about import about_respondent, about_sections, describes_respondent
from respmine.structure.blocks import blocks


@pytest.mark.parametrize("text", [
    "Harbourlight Trust is a national charity founded in 1961. We work with around 14,000 people a year.",
    "The Union of Probation Staff represents 8,000 probation officers and other staff in probation trusts.",
    "NHS Eastmoor Integrated Care Board commissions health services for a population of 1.1 million.",
    "Carrick Facilities Group plc provides facilities management and custodial escort services.",
    "DIN, the German Institute for Standardization, is the independent platform for standardization.",
    "ANEC is the European consumer voice in standardisation.",
    "We are a group of volunteers who visit prisoners at HMP Greystone.",
    "I have sat as a magistrate on the Northshire bench for 12 years.",
    "This is a joint response from the Westvale Forum and Bridgewell Housing Association.",
    "Our members include 350 councils in England.",
    "I am writing in response to the NOMS consultation. I have volunteered at my local night shelter for "
    "six years.",  # a covering sentence before it
    "I am writing in response to the consultation on the role of the voluntary sector in offender services. "
    "I am a volunteer mentor at a women's centre in Leeds.",
    "Hate Crime Support Trust is a registered charity supporting victims of crime across Eastmoor. We "
    "welcome the opportunity to respond to this consultation.",  # thanks after it (was filed under Q3)
    # (a new user's trial: "supports the" read as a view; "studies" not a describing verb)
    "Riverside Families Network supports the families of prisoners across the north of England.",
    "The Centre for Criminal Justice Research at the University of Eastmoor studies youth justice.",
    # (what a condition, or a supported increase, looks like in a self-description: no view)
    "Harbourlight Trust is a national charity, providing housing and support to 14,000 people a year.",
    "Hafren Vale Trust runs three refuges, providing the county's only specialist service for women.",
    "Clearway Housing runs 12 hostels in Hexbridge, provided under contract to the county council.",
    "Business Wales supports small and expanding businesses across Wales.",
    "Hexbridge Credit Union supports members and increases access to affordable credit.",
])
def test_about_self_descriptions_are_recognised(text: str) -> None:
    assert describes_respondent(text)


@pytest.mark.parametrize("text", [
    "Eastmoor City Council welcomes the consultation. The city has high rates of re-offending.",
    "Harbourlight Trust is a national charity. We believe charities should lead resettlement.",
    "The PGEU, the organisation representing community pharmacists, welcomes the proposal.",
    "Charities are the backbone of resettlement work.",  # one capital: the sentence's, not a name's
    "The Draft Regulation is an ambitious framework.",
    "The New Legislative Framework is the right approach.",
    "I am very satisfied with the service.",
    "We are aware of the need for a quality management system.",
    "While ADM offers great opportunity for efficiency, it carries risks.",
    "Kingsmere Quaker Meeting has visited prisoners for forty years. Our concern is for the whole person.",
    "I am writing in response to the consultation.",
    "I am writing in response to the consultation. Charities should be paid the full cost.",
    "I am writing in response to the consultation on proposals to close our women's centre. I am a "
    "volunteer there.",  # the covering sentence speaks of a change
    "I am writing in response to the consultation because the closure of our local women's centre will leave "
    "women with nowhere to go. I have volunteered there for six years.",  # the cover sentence makes a point
    "We are writing regarding the tender, which excludes small charities like ours from bidding. We are a "
    "small charity in Leeds working with 200 women a year.",
    "The Bill is a missed opportunity.",  # a third party: "The" and one name word
    "I am a teacher. This plan will destroy schools.",  # a later sentence about something else
    "We represent 2,000 farmers. Many of them will go out of business.",
    "I am a magistrate. No.",
    "When the Charity Commission is a regulator without powers, charities suffer.",
    "Riverside Families Network supports the proposal to close young offender institutions.",
    "Riverside Families Network supports the Ministry's plans for secure schools.",
    "Mid Wales Police Commissioner supports the increase to 30 per cent.",  # a side taken on a proposal
    "Hafren Vale Trust supports families, provided the council keeps the branch open.",  # a condition set
    "Hafren Vale Trust supports families, providing that the council keeps the branch open.",
    "Riverside Families Network supports the families of prisoners, as long as visits stay local.",
    "Powys Carers Trust supports extending the scheme to all carers.",
    "",
])
def test_about_views_and_other_subjects_are_not(text: str) -> None:
    assert not describes_respondent(text)


@pytest.mark.parametrize(("label", "answer", "about"), [
    ("Are you responding as an individual or on behalf of an organisation?", "An organisation", True),
    ("In what capacity are you responding?", "As a magistrate", True),
    ("Organisation type", "Charity", True),
    ("Name:", "Sunita Kaur", True),
    ("What type of support would help?", "Grants", False),  # a question that says "type"
    ("Should employers pay the levy?", "Yes", False),
    ("Do charities have the capacity to deliver?", "No", False),
    ("Are you responding as an individual or on behalf of an organisation?", " ".join(["word"] * 13), False),
])
def test_about_form_questions_about_the_respondent(label: str, answer: str, about: bool) -> None:
    assert about_respondent(label, answer) is about


@pytest.mark.slow
def test_about_on_real_submissions_and_comments(datasets: Path) -> None:
    """Position papers' "about us" paragraphs are found; patients' and the public's comments, which
    are answers, almost never are. Measured 2026-12-05 on every paragraph (segmentation only looks at
    a letter's opening two): 14 of 16,374 AI-act paragraphs (13 an organisation introducing itself,
    one a white paper describing itself), 0 of 469 regulation comments, 2 of 5,941 NHS comments
    ("I am a transgender woman and ... was so lovely")."""
    found = []
    total = 0
    for path in sorted((datasets / "ai-act-submissions" / "reference_text").glob("*.txt")):
        for block in blocks(path.read_text(encoding="utf-8")):
            total += 1
            if describes_respondent(block.text):
                found.append(" ".join(block.text.split()))
    assert total > 10_000 and len(found) <= 25, found
    assert any(t.startswith("The Standing Committee of European Doctors (CPME) represents") for t in found)
    for name, limit in (("regulations-comments/dev.csv", 0), ("nhs-fft/train.csv", 5)):
        with (datasets / name).open(encoding="utf-8") as fh:
            flagged = [r["text"] for r in csv.DictReader(fh) if describes_respondent(r["text"])]
        assert len(flagged) <= limit, (name, flagged)


def test_about_sections_run_from_their_heading_to_the_next() -> None:
    texts = ["We support the proposal because it protects consumers.", "About us",
             "Eurosmart is the voice of the digital security industry, and plays a major role in it.",
             "Our members", "Members are designers and manufacturers of secure elements.",
             "Annex: detailed comments", "Article 5 should be deleted."]
    assert about_sections(texts) == {1, 2, 3, 4}
    for heading, text in (("About DIN", "DIN, the German Institute for Standardization, is a platform."),
                          ("ABOUT GETTY IMAGES", "Getty Images is a leading source for visual content."),
                          ("About the Voluntary Sector Justice Network:", "The Voluntary Sector Justice "
                           "Network brings together 300 charities."),
                          ("Who We Are", "We are a small charity in Hillfoot."),
                          ("About us.", "We visit prisons.")):
        assert about_sections([heading, text]) == {0, 1}, heading
    # a section ends at a question, a numbered question or another heading
    assert about_sections(["About us", "We are a small charity.", "Do you have any other comments?",
                           "Funding must be long term."]) == {0, 1}
    assert about_sections(["About us", "We are a small charity.", "1. How should charities be involved?",
                           "As core partners."]) == {0, 1}


@pytest.mark.parametrize(("heading", "text"), [
    ("About the consultation", "The consultation ran for twelve weeks."),
    ("About the Regulation", "The Regulation is a welcome first step."),
    ("About this response", "This response was prepared by our policy team."),
    ("About Transparency", "The transparency duties in Article 52 are too weak."),  # a topic: no name
    ("About Transparency", "Transparency is a core value of the company."),
    ("About Data Protection", "Data Protection must be strengthened."),  # a view, not an introduction
    ("About us", "We believe the proposal should be withdrawn."),
    ("About DIN", "Standardisation bodies should be represented on the Board."),  # not about DIN
])
def test_about_topic_headings_open_no_section(heading: str, text: str) -> None:
    assert about_sections([heading, text]) == set()


@pytest.mark.slow
def test_about_sections_in_real_position_papers(datasets: Path) -> None:
    """Measured 2026-12-05 on the AI-act reference texts: 4 of 38 close with an "About ..." section (DIN
    and DKE, Eurosmart, Philips, Getty Images), each to the end of the text, and nothing else is one
    (ACEA's "ABOUT THE EU AUTOMOBILE INDUSTRY" over a list of figures is not an introduction)."""
    found = {}
    for path in sorted((datasets / "ai-act-submissions" / "reference_text").glob("*.txt")):
        texts = [b.text for b in blocks(path.read_text(encoding="utf-8"))]
        if hits := about_sections(texts):
            found[path.stem] = (" ".join(texts[min(hits)].split()), len(texts) - min(hits) - len(hits))
    assert found == {"2635987": ("About DIN", 0), "2663348": ("About us", 0),
                     "2665586": ("About Royal Philips", 0), "2665637": ("ABOUT GETTY IMAGES", 0)}, found


def test_a_self_description_by_a_one_word_or_short_form_of_the_respondents_name() -> None:
    """"Clearway supports ..." and "The Forum is a network of ..." (of "Hexbridge Older People's Forum")
    name the respondent when its names are known; without them, or naming someone else, they do not."""
    clearway = "Clearway supports more than 40,000 blind and partially sighted people in England."
    forum = "The Forum is a network of 30 older people's groups across Hexbridge."
    council = "The Council is responsible for the footways of Hexbridge."
    assert describes_respondent(clearway, by_name=True, names=["Clearway"])
    assert describes_respondent(forum, by_name=True, names=["Hexbridge Older People's Forum"])
    assert not describes_respondent(clearway, by_name=True) and not describes_respondent(forum, by_name=True)
    assert not describes_respondent(council, by_name=True, names=["Hexbridge Older People's Forum"])
