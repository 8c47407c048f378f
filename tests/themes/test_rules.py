"""Phrase rules: lemma matching, the negation/dismissal rule, exclusions, evidence spans, the default
codebook (coverage, no dead phrases), and precision/recall of the rules alone on the sample truth."""

from __future__ import annotations

import csv
import io
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from respmine.themes.codebook import Codebook, Theme, load_codebook
from respmine.themes.rules import Hit, PhraseRules, label_words, name_spans, negative_label, without_names
from respmine.themes.words import normalise

ROOT = Path(__file__).resolve().parents[2]
CODEBOOK = ROOT / "models" / "codebooks" / "noms-third-sector.yaml"
REQUIRED = [
    "role", "role.core", "role.complementary", "role.open_market", "independence",
    "funding", "funding.full_cost_recovery", "funding.contract_length", "funding.payment_by_results",
    "contracts", "contracts.small_lots", "contracts.subcontracting", "contracts.barriers",
    "consortia", "consortia.risks", "consortia.benefits",
    "commissioning", "commissioning.local", "commissioning.regional", "local_authorities",
    "resettlement", "resettlement.mentoring", "resettlement.housing", "resettlement.case_management",
    "quality_cost", "consultation", "consultation.process", "consultation.timetable", "volunteers",
    "groups", "groups.women", "groups.bme", "groups.families", "groups.mental_health", "groups.victims",
]
# Floors measured on the sample (all hits: micro precision 0.835, recall 0.970; confidence >= 0.5: 0.867
# and 0.952), set a little below so that harmless codebook edits do not fail the build. The phrases were
# written with the sample's templates in view, so real letters will score lower, recall especially.
FLOOR_PRECISION, FLOOR_RECALL = 0.80, 0.92


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook(CODEBOOK)


@pytest.fixture(scope="module")
def rules(codebook: Codebook) -> PhraseRules:
    return PhraseRules(codebook)


def themes(hits: list[Hit]) -> set[str]:
    return {h.theme for h in hits}


# --- the default codebook ---------------------------------------------------------------------------

def test_codebook_validates_and_covers_the_required_themes(codebook: Codebook) -> None:
    assert codebook.version == "1.2"
    assert set(REQUIRED) <= set(codebook.ids)
    for theme in codebook.themes:
        assert theme.label and theme.description, theme.id
        assert 5 <= len(theme.phrases) <= 15, theme.id
        assert 2 <= len(theme.examples) <= 3, theme.id
        if "." in theme.id:
            assert theme.parent == theme.id.rsplit(".", 1)[0]


def test_every_phrase_matches_its_own_text(codebook: Codebook, rules: PhraseRules) -> None:
    """No dead phrases: each phrase, on its own, raises its theme (and is not its own exclusion)."""
    pairs = [(t.id, p) for t in codebook.themes for p in t.phrases]
    found = rules.find_many([p for _, p in pairs])
    dead = [(theme, phrase) for (theme, phrase), hits in zip(pairs, found, strict=True)
            if theme not in themes(hits)]
    assert not dead


def test_every_exclusion_blocks_its_theme(codebook: Codebook, rules: PhraseRules) -> None:
    pairs = [(t.id, x) for t in codebook.themes for x in t.exclusions]
    found = rules.find_many([f"{x} and {codebook.theme(t).phrases[0]}" for t, x in pairs])
    assert [(t, x) for (t, x), hits in zip(pairs, found, strict=True) if t in themes(hits)] == []


# --- matching -----------------------------------------------------------------------------------------

def test_lemmas_inflections_hyphens_and_apostrophes(rules: PhraseRules) -> None:
    assert "consortia" in themes(rules.find("We joined a consortium last year."))
    assert "funding.full_cost_recovery" in themes(rules.find("Contracts ignore our overheads."))
    assert "funding.payment_by_results" in themes(rules.find("Payment-by-results contracts are risky."))
    assert "resettlement" in themes(rules.find("Through-the-gate work must start early."))
    assert "contracts.small_lots" in themes(rules.find("We want ring fencing for local groups."))
    assert "groups.women" in themes(rules.find("The local women\u2019s centre closed."))
    wrapped = "We never receive the full cost\nrecovery rate."
    assert "funding.full_cost_recovery" in themes(rules.find(wrapped))


def test_evidence_is_the_sentence_and_one_hit_per_theme_and_sentence(rules: PhraseRules) -> None:
    text = ("Thank you for the chance to comment.  We need full cost recovery: overheads are never "
            "covered and full cost recovery is rare.\n\nHostels are full.")
    hits = rules.find(text)
    fcr = [h for h in hits if h.theme == "funding.full_cost_recovery"]
    assert len(fcr) == 1
    assert text[fcr[0].start : fcr[0].end].startswith("We need full cost recovery")
    assert text[fcr[0].start : fcr[0].end].endswith("is rare.")
    housing = [h for h in hits if h.theme == "resettlement.housing"]
    assert [text[h.start : h.end] for h in housing] == ["Hostels are full."]


def test_a_position_inside_the_opposite_positions_phrase_is_no_mention() -> None:
    """"oppose a national ban" coded "Support for a national ban" too (its phrase "national ban" inside):
    a new user's motoring body was counted for the ban it argued against."""
    book = Codebook.model_validate({"name": "t", "version": "1", "themes": [
        {"id": "ban", "label": "For a national ban", "stance": "support", "phrases": ["national ban"]},
        {"id": "no_ban", "label": "Against a ban", "stance": "oppose", "phrases": ["oppose a national ban"]},
        {"id": "topic", "label": "Bans", "phrases": ["ban"]},
    ]})
    rules = PhraseRules(book)
    assert {h.theme for h in rules.find("We oppose a national ban on parking.")} == {"no_ban", "topic"}
    assert {h.theme for h in rules.find("We support a national ban on parking.")} == {"ban", "topic"}


def test_confidence_rewards_specific_phrases_and_corroboration(rules: PhraseRules) -> None:
    def conf(text: str, theme: str) -> float:
        return max(h.confidence for h in rules.find(text) if h.theme == theme)

    fcr = "funding.full_cost_recovery"
    assert conf("Pay the full cost recovery rate.", fcr) > conf("Pay the overheads.", fcr)
    assert conf("Pay full cost recovery so that overheads are not met from donations.", fcr) > \
        conf("Pay full cost recovery.", fcr)
    mentoring = "resettlement.mentoring"
    letter = ("Over many years of work with the people leaving the prisons of this region, our staff and "
              "volunteers have offered debt advice, mentoring and help with benefits.")
    point = ("Over many years of work with the people leaving the prisons of this region, our staff and "
             "volunteers have offered mentoring to everyone who asked for it.")
    assert conf(letter, mentoring) < conf(point, mentoring)  # in a letter, an item of a list illustrates
    # ... in a short answer, each item of its list is a point made
    assert conf("Debt advice, mentoring and help with benefits.", mentoring) == conf("Mentoring.", mentoring)
    assert all(0 < h.confidence <= 1 for h in rules.find("Mentoring, housing and funding, seamless."))


def test_a_one_word_gerund_phrase_finds_the_verbs_forms_not_the_noun() -> None:
    """"staffing" (lemma "staff") coded "The staff used restraint on me" as staffing (a new user's trial)."""
    codebook = Codebook(name="t", version="1", themes=(
        Theme(id="staffing", label="Staffing", phrases=("staffing", "recruiting")),
        Theme(id="mentoring", label="Mentoring", phrases=("mentoring", "mentor")),
    ))
    rules = PhraseRules(codebook)
    assert themes(rules.find("The staff used restraint on me.")) == set()
    assert themes(rules.find("Vacancies are rising and new staff leave quickly.")) == set()
    for text in ("Staffing levels are too low.", "The units are staffed by agency workers.",
                 "They recruited staff from the prison service.", "Recruiting is hard."):
        assert themes(rules.find(text)) == {"staffing"}, text
    assert themes(rules.find("Our mentors meet them at the gate.")) == {"mentoring"}  # the noun is listed


def test_a_one_word_ing_phrase_still_finds_its_plurals_variants_and_the_verb_where_a_verb_stands() -> None:
    """Keeping "staffing" off "the staff" had cost "sibling" its "siblings", "meeting" its "meetings",
    "befriending" its "Volunteers befriend men" and "vetting" its "to vet a new volunteer" (a review)."""
    codebook = Codebook(name="t", version="1", themes=(
        Theme(id="family", label="Family", phrases=("sibling", "meeting", "building")),
        Theme(id="mentoring", label="Mentoring", phrases=("befriending", "vetting")),
        Theme(id="staffing", label="Staffing", phrases=("staffing",)),
    ))
    rules = PhraseRules(codebook)
    for text in ("His siblings have not been allowed to visit.", "Family meetings before release help.",
                 "The buildings are old and cold."):
        assert "family" in themes(rules.find(text)), text
    for text in ("Volunteers befriend men in the months before release.", "A volunteer befriends each woman.",
                 "It takes six months to vet a new volunteer.", "Our volunteers were vetted twice."):
        assert themes(rules.find(text)) == {"mentoring"}, text
    assert themes(rules.find("Prisons cannot staff the wings at night.")) == {"staffing"}
    assert themes(rules.find("The staff used restraint on me.")) == set()


def test_a_one_word_ing_phrase_that_is_its_own_lemma_finds_its_regular_verbs_forms() -> None:
    """"funding" is its own lemma ("funding" the noun), so it had found no form of its verb: "must be
    funded", "funds the service" (a new user's trial; "staffing", lemma "staff", did). A regular verb's
    inflections are found, not its bare stem ("We urge NOMS to fund through-the-gate mentoring" is no
    point about funding in the sample's truth; "a fund"); an -ing noun of an irregular verb ("meeting":
    "met") finds no verb ("to meet the cost"); "sibling" has none."""
    codebook = Codebook(name="t", version="1", themes=(
        Theme(id="cost", label="Cost", phrases=("funding", "charging")),
        Theme(id="family", label="Family", phrases=("meeting", "sibling")),
        Theme(id="staffing", label="Staffing", phrases=("staffing",)),
    ))
    rules = PhraseRules(codebook)
    for text in ("Probation must be funded for the extra caseload.", "The Ministry funds the service.",
                 "Funding is short.",
                 "Offenders should not be charged for the tag."):
        assert themes(rules.find(text)) == {"cost"}, text
    for text in ("A fund was set up.", "We urge NOMS to fund mentoring.",
                 "We need to meet the cost of the tags.", "They met at the gate."):
        assert "cost" not in themes(rules.find(text)) and "family" not in themes(rules.find(text)), text
    assert themes(rules.find("Family meetings before release help.")) == {"family"}
    assert themes(rules.find("The staff used restraint on me.")) == set()
    assert themes(rules.find("The wings are staffed by agency workers.")) == {"staffing"}


def test_an_ing_nouns_verb_in_s_is_no_plural_of_its_base_noun() -> None:
    """"parking", "banking", "signing", "funding" had found "Our parks and open spaces", "The food banks are
    overwhelmed", "Road signs are missing", "Pension funds invest" (the "-s" form of their verbs, added for
    "The Ministry funds the service", is as often the base noun's plural); a verb's "-s" before its object
    still counts."""
    codebook = Codebook(name="t", version="1", themes=(
        Theme(id="parking", label="Parking", phrases=("parking",)),
        Theme(id="banking", label="Banking", phrases=("banking",)),
        Theme(id="signing", label="Signage", phrases=("signing",)),
        Theme(id="cost", label="Cost", phrases=("funding",)),
        Theme(id="housing", label="Housing", phrases=("housing",)),
    ))
    rules = PhraseRules(codebook)
    for text in ("Our parks and open spaces must be protected.", "The food banks are overwhelmed.",
                 "Road signs are missing.", "Pension funds invest in the scheme.", "Old houses are cold.",
                 "The funds the council holds are small."):
        assert themes(rules.find(text)) == set(), text
    for text, theme in (("The Ministry funds the service.", "cost"), ("The hostel houses 30 men.", "housing"),
                        ("The car was parked outside.", "parking")):
        assert themes(rules.find(text)) == {theme}, text


# --- negation and scope -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, theme", [
    ("We do not have full cost recovery.", "funding.full_cost_recovery"),
    ("People leave prison without settled accommodation.", "resettlement.housing"),
    ("Contracts never cover overheads.", "funding.full_cost_recovery"),
    ("Small charities cannot afford the bid costs.", "contracts.barriers"),
    ("There is no doubt that full cost recovery is a serious issue.", "funding.full_cost_recovery"),
    ("Not only is funding a problem, it is getting worse.", "funding"),
])
def test_negated_mentions_of_a_problem_still_count(rules: PhraseRules, text: str, theme: str) -> None:
    assert theme in themes(rules.find(text))


def test_negated_hits_are_flagged_and_score_lower(rules: PhraseRules) -> None:
    (negated,) = rules.find("We do not have full cost recovery.")
    (plain,) = rules.find("We have full cost recovery.")
    assert negated.negated and not plain.negated
    assert negated.confidence < plain.confidence


@pytest.mark.parametrize("text, theme", [  # (a new user's trial: these were coded rule-negated)
    ("No prisoner should leave custody without settled accommodation.", "resettlement.housing"),
    ("No one should be released without accommodation.", "resettlement.housing"),
    ("No. Prisoners need settled accommodation on release.", "resettlement.housing"),  # an answer's "No."
    ("We believe that nobody should be released homeless.", "resettlement.housing"),
    ("Mentoring cannot work without volunteers.", "volunteers"),
])
def test_a_view_said_with_a_negated_subject_or_a_double_negation_is_not_negated(
        rules: PhraseRules, text: str, theme: str) -> None:
    assert [h.negated for h in rules.find(text) if h.theme == theme] == [False]


@pytest.mark.parametrize("text, theme", [
    ("No funding was provided for resettlement.", "funding"),  # "no funding": the mention itself
    ("There is no accommodation for them.", "resettlement.housing"),
    ("No resettlement plan was made.", "resettlement"),
    ("Prisoners leave without accommodation.", "resettlement.housing"),
])
def test_a_negation_of_the_mention_itself_still_negates(rules: PhraseRules, text: str, theme: str) -> None:
    assert [h.negated for h in rules.find(text) if h.theme == theme] == [True]


@pytest.mark.parametrize("text, theme", [  # (a review: these had lost their negation, the stance flipped)
    ("No evidence has been provided that local commissioning works.", "commissioning.local"),
    ("No evidence has been offered that charities should take a greater role in probation.", "role.core"),
    ("No case has been made for the sector taking a greater role.", "role.core"),
    ("No organisation has received full cost recovery in our area.", "funding.full_cost_recovery"),
    ("None of the providers has offered mentoring.", "resettlement.mentoring"),
    ("Nobody has told us how local commissioning would be funded.", "commissioning.local"),
])
def test_a_negated_subject_reporting_an_absence_still_negates(
        rules: PhraseRules, text: str, theme: str) -> None:
    """Only a modal ("No child should ...") says a view of the subject; "No X has been / was ..." reports
    that there is none."""
    assert [h.negated for h in rules.find(text) if h.theme == theme] == [True]


@pytest.mark.parametrize("text, theme", [
    ("We do not think funding is a problem.", "funding"),
    ("We have no concerns about consortia.", "consortia"),
    ("This is not about funding.", "funding"),
    ("We have nothing to add on funding.", "funding"),
    ("We have nothing to add on funding, nor on consortia.", "consortia"),
    ("Neither funding nor contract length is a concern for us.", "funding.contract_length"),
    ("We do not wish to comment on payment by results.", "funding.payment_by_results"),
    ("Commissioning regionally or locally is outside our remit.", "commissioning"),
    ("We have no experience of consortia.", "consortia"),
    # (a new user's trial: declining a view was counted as raising the topic)
    ("We do not have a strong view on regional commissioning.", "commissioning.regional"),
    ("We are neutral on local versus regional commissioning.", "commissioning"),
    ("Frankly I don't care whether probation is run locally or regionally.", "commissioning"),
    ("I don't know much about regional commissioning.", "commissioning.regional"),
    ("The Trust does not have a strong view on regional commissioning.", "commissioning.regional"),  # (a
    ("Millbrook Mind remains neutral on regional commissioning.", "commissioning.regional"),  # review: an
    ("We do not currently have a view on regional commissioning.", "commissioning.regional"),  # org's own)
])
def test_dismissed_topics_are_dropped(rules: PhraseRules, text: str, theme: str) -> None:
    assert theme not in themes(rules.find(text))


@pytest.mark.parametrize("text, theme", [  # (a review: points made about others were dropped)
    ("Many prison leavers don't know much about the mentoring schemes on offer.", "resettlement.mentoring"),
    ("The Ministry doesn't care whether small local charities survive the bidding.", "contracts"),
    ("Commissioners do not have a clear view on how payment by results will affect small charities.",
     "funding.payment_by_results"),
])
def test_declining_a_view_is_the_respondents_own(rules: PhraseRules, text: str, theme: str) -> None:
    assert theme in themes(rules.find(text))


def test_dismissal_is_scoped_to_its_clause(rules: PhraseRules) -> None:
    found = themes(rules.find("This is not about funding, but about the length of contracts."))
    assert "funding.contract_length" in found and "funding" not in found
    found = themes(rules.find("We have no concerns about consortia, but payment by results worries us."))
    assert "funding.payment_by_results" in found and "consortia" not in found


@pytest.mark.parametrize("text", [
    "We believe that commissioning at regional level would be a mistake.",
    "Regional commissioning is not the answer.",
    "Regional commissioning would be a serious mistake for small charities.",
    "We oppose the move to regional commissioning.",
    "We are against regional commissioning.",
    "We do not want regional commissioning.",
    "We do not think regional commissioning would work.",
    "Services should be commissioned locally rather than on a regional basis.",
    "Regional commissioning should be resisted.",
    "Regional commissioning will not work here.",
    "We don't want regional commissioning.",
    "We wouldn't favour regional commissioning.",
    "I do not agree that probation should be commissioned regionally.",  # (a new user's trial)
    "We disagree that services must be commissioned at regional level.",
    "We are not convinced that regional commissioning would save money.",
])
def test_a_mention_its_clause_argues_against_is_rejected(rules: PhraseRules, text: str) -> None:
    (hit,) = [h for h in rules.find(text) if h.theme == "commissioning.regional"]
    assert hit.rejected


@pytest.mark.parametrize("text", [
    "On balance we favour commissioning at regional level.",
    "Regional commissioning would work well for us.",
    "Regional commissioning, which some oppose, is right.",  # the rejection is another clause's
    "Regional commissioning is not a mistake.",
    "We oppose cuts to services, and regional commissioning would help.",
    "We oppose cuts and want regional commissioning.",
    "Without a regional approach we get a patchwork.",  # negated, not argued against
    "A mistake was made: regional commissioning is the answer.",
    # reversed twice, negated rejections, losses and qualified doubts argue for it
    "Any move away from regional commissioning would be a mistake.",
    "Losing regional commissioning would be damaging.",
    "A failure to keep regional commissioning is unhelpful.",
    "We do not think regional commissioning should be abandoned.",
    "We would not want to see regional commissioning lost.",
    "We fully support moving away from national contracts to regional commissioning.",
    "We are not opposed to regional commissioning.",
    "We are not against regional commissioning.",
    "We would not object to regional commissioning.",
    "Regional commissioning is not appropriate for every service.",
    "Regional commissioning will not work without local input.",
    "We do not agree that regional commissioning would be a mistake.",
    "The Ministry does not accept that regional commissioning fails.",  # (reported, not argued: a review)
])
def test_a_mention_argued_for_or_merely_negated_is_not_rejected(rules: PhraseRules, text: str) -> None:
    hits = [h for h in rules.find(text) if h.theme == "commissioning.regional"]
    assert hits and not any(h.rejected for h in hits)


def test_a_sentences_asserted_mention_wins_over_its_rejected_one(rules: PhraseRules) -> None:
    (hit,) = [h for h in rules.find("Rather than a regional framework, we want regional commissioning with "
                                    "local delivery.") if h.theme == "commissioning.regional"]
    assert not hit.rejected


_LONG = ("In the long experience of our organisation over many years of work with people in the criminal "
         "justice system we have learned a great deal. ")  # past SHORT_ANSWER_WORDS: a letter's sentence


def test_items_of_an_example_list_illustrate_and_fall_below_the_floor(rules: PhraseRules) -> None:
    text = ("Some services, for example case management and accredited programmes, are best commissioned "
            "regionally; others, such as mentoring, family support or work with women offenders, are best "
            "commissioned in smaller lots.")
    found = {h.theme: h.confidence for h in rules.find(text)}
    assert found["commissioning.regional"] >= 0.7 and found["contracts.small_lots"] >= 0.7  # the points made
    for theme in ("resettlement.case_management", "resettlement.mentoring", "groups.women"):
        assert found[theme] < 0.4, theme  # examples, below the coder's RULE_FLOOR
    compound = {h.theme: h.confidence for h in rules.find(
        _LONG + "Services such as drug and alcohol treatment or work with women offenders are local.")}
    assert compound["groups.women"] < 0.4  # an item with its own "and" before the last one
    assert {h.theme: h.confidence for h in rules.find("Women offenders need services of their own.")}[
        "groups.women"] >= 0.7  # the same words as the point made


@pytest.mark.parametrize("text, theme", [
    ("For example, payment by results has driven small charities out.", "funding.payment_by_results"),
    ("For example, women offenders need services of their own.", "groups.women"),
    ("Barriers such as payment by results mean small charities cannot compete.",
     "funding.payment_by_results"),
    ("Costs such as rent and insurance should be covered under full cost recovery.",
     "funding.full_cost_recovery"),
    ("Some things such as housing advice are better local, and women offenders need their own services.",
     "groups.women"),
    ("We would urge NOMS to adopt full cost recovery, for example by funding overheads, and to offer longer "
     "contracts.", "funding.contract_length"),
    ("We believe, for example, that full cost recovery is essential.", "funding.full_cost_recovery"),
    ("Services such as women's centres and mentoring schemes suffer most from payment by results.",
     "funding.payment_by_results"),  # the list ends soon after its "and": verbs are not known here
    ("Areas such as Wales and the North East require local commissioning.", "commissioning.local"),
    ("Services such as mentoring and housing advice depend on volunteers.", "volunteers"),
    ("Organisations such as Nacro and Shelter provide mentoring through the gate.",
     "resettlement.mentoring"),
    ("Areas such as Wales and Devon require local commissioning.", "commissioning.local"),
    ("In places such as Wales or Devon, local commissioning works best.", "commissioning.local"),
    ("We run services such as mentoring and advice, and payment by results threatens them.",
     "funding.payment_by_results"),
    ("Services such as mentoring and housing advice help women offenders stay out of prison.",
     "groups.women"),
    ("Charities such as Nacro and Shelter work with women offenders every day.", "groups.women"),
    ("Organisations such as Nacro and Shelter offer mentoring and housing advice to women offenders.",
     "groups.women"),
])
def test_a_point_made_around_an_example_marker_is_no_example(rules: PhraseRules, text: str, theme: str
                                                             ) -> None:
    found = {h.theme: h.confidence for h in rules.find(_LONG + text) if h.start >= len(_LONG)}
    assert found[theme] >= 0.5  # coded (a listed item of an ordinary list scores 0.5)


def test_a_comma_before_a_relative_clause_makes_no_list(rules: PhraseRules) -> None:
    text = ("In my experience the people who made the real difference were the volunteers, who had time to "
            "listen and were not there to check up on anybody.")
    (hit,) = [h for h in rules.find(text) if h.theme == "volunteers"]
    assert hit.confidence >= 0.55


# --- exclusions and parents ---------------------------------------------------------------------------

def test_exclusions_drop_the_theme_in_that_sentence_only(rules: PhraseRules) -> None:
    text = "Offenders move between local authority areas. The council should plan their housing needs."
    hits = [h for h in rules.find(text) if h.theme == "local_authorities"]
    assert [text[h.start : h.end] for h in hits] == ["The council should plan their housing needs."]


def test_words_of_the_respondents_own_name_are_no_mention(rules: PhraseRules) -> None:
    text = ("Riverside Women’s Centre is a small organisation. RIVERSIDE WOMEN'S\nCENTRE works with "
            "women offenders.")
    names = [["Riverside Women's Centre"]]
    hits = [h for h in rules.find_many([text], names=names)[0] if h.theme == "groups.women"]
    assert [text[h.start : h.end] for h in hits] == ["RIVERSIDE WOMEN'S\nCENTRE works with women offenders."]
    assert len([h for h in rules.find(text) if h.theme == "groups.women"]) == 2  # without the name
    joint = "St Brendan's Night Shelter and the Kingsmere Accommodation Trust support this."
    members = [["Westvale Forum, St Brendan's Night Shelter", "The Kingsmere Accommodation Trust"]]
    assert "resettlement.housing" in themes(rules.find(joint))
    assert "resettlement.housing" not in themes(rules.find_many([joint], names=members)[0])
    comma = "Corston, Girls and Families Trust agrees."  # a name with a comma in it, whole
    assert "groups.women" in themes(rules.find(comma))
    trust = [["Corston, Girls and Families Trust"]]
    assert "groups.women" not in themes(rules.find_many([comma], names=trust)[0])
    labelled = Codebook(name="t", version="1", themes=(Theme(id="w", label="Women offenders"),))
    by_label = PhraseRules(labelled)  # a label's word only in the name is not found
    assert by_label.find("Riverside Women's Centre works with offenders.")
    assert by_label.find_many(["Riverside Women's Centre works with offenders."], names=names) == [[]]
    assert by_label.find_many(["Riverside Women's Centre works with women offenders."], names=names) != [[]]
    # "No Limits" in the name negates nothing
    limits = "No Limits Youth Trust helps young people leaving prison find housing on release."
    plain, named = rules.find(limits), rules.find_many([limits], names=[["No Limits Youth Trust"]])[0]
    assert [h.negated for h in plain if h.theme == "resettlement.housing"] == [True]
    assert [h.negated for h in named if h.theme == "resettlement.housing"] == [False]
    one_word = "Women offenders need support."  # a one-word name is left as words
    assert rules.find_many([one_word], names=[["Women"]]) == [rules.find(one_word)] != [[]]


def test_parents_are_added_only_on_request(codebook: Codebook) -> None:
    text = "We want payment by results."
    assert themes(PhraseRules(codebook).find(text)) == {"funding.payment_by_results"}
    with_parents = PhraseRules(codebook, add_parents=True).find(text)
    assert themes(with_parents) == {"funding", "funding.payment_by_results"}
    assert [h.theme for h in with_parents] == ["funding", "funding.payment_by_results"]


def test_a_tiny_codebook_and_empty_texts() -> None:
    book = Codebook(name="t", version="1", themes=(Theme(id="a", label="A", phrases=("red bus",)),))
    rules = PhraseRules(book)
    assert rules.find_many(["", "   ", "A red bus.", "Red buses!"]) == [[], [], rules.find("A red bus."),
                                                                        rules.find("Red buses!")]
    assert [h.phrase for h in rules.find("Red buses!")] == ["red bus"]


def test_find_many_matches_find_and_is_fast(rules: PhraseRules) -> None:
    texts = [f"Response {i}: we need full cost recovery and longer contracts, not payment by results. "
             f"Small local charities are shut out of big contracts in area {i}." for i in range(5000)]
    started = time.perf_counter()
    batch = rules.find_many(texts)
    elapsed = time.perf_counter() - started
    assert batch[7] == rules.find(texts[7])
    assert elapsed < 10, f"find_many on 5,000 short texts took {elapsed:.1f}s"


# --- the rules alone against the sample ground truth ----------------------------------------------------

def sample_items(sample: Path) -> list[tuple[str, list[str]]]:
    """(text, themes) for every answer paragraph of the sample and every answered form cell."""
    expected = yaml.safe_load((sample / "expected.yaml").read_text(encoding="utf-8"))
    items = [(p["text"], p["themes"]) for f in expected["files"].values()
             if f["status"] == "ok" and "duplicate_of" not in f
             for p in f.get("paragraphs", []) if p["questions"]]
    columns = yaml.safe_load((sample / "consultation.yaml").read_text(encoding="utf-8"))["form_columns"]
    for name, rows in (("online_form_export.csv", _csv_rows), ("form_responses_batch2.xlsx", _xlsx_rows)):
        truth = {r["response_id"]: r for r in expected["files"][name]["rows"]}
        for row in rows(sample / "inbox" / name):
            for column, question in columns.items():
                if row.get(column):
                    items.append((str(row[column]), truth[row["Response ID"]]["themes"][question]))
    return items


def _csv_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _xlsx_rows(path: Path) -> list[dict]:
    from openpyxl import load_workbook

    values = list(load_workbook(path, read_only=True).active.values)
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_rules_against_the_sample_truth(sample: Path, codebook: Codebook, rules: PhraseRules) -> None:
    """Precision/recall per theme, a child implying its parent on both sides."""
    items = sample_items(sample)
    assert len(items) > 250
    found = rules.find_many([text for text, _ in items])
    counts: dict[str, Counter[str]] = {t: Counter() for t in codebook.ids}
    for (_, gold), hits in zip(items, found, strict=True):
        truth = set(codebook.with_ancestors(gold))
        predicted = set(codebook.with_ancestors(themes(hits)))
        for theme in truth | predicted:
            counts[theme]["tp" if theme in truth & predicted else "fp" if theme in predicted else "fn"] += 1
    print(f"\n{'theme':30} {'P':>5} {'R':>5}  tp  fp  fn")
    for theme, c in counts.items():
        p, r = _ratio(c["tp"], c["fp"]), _ratio(c["tp"], c["fn"])
        print(f"{theme:30} {p:5.2f} {r:5.2f} {c['tp']:3} {c['fp']:3} {c['fn']:3}")
    total = sum(counts.values(), Counter())
    precision, recall = _ratio(total["tp"], total["fp"]), _ratio(total["tp"], total["fn"])
    print(f"{'micro':30} {precision:5.2f} {recall:5.2f} ({len(items)} answers)")
    assert precision >= FLOOR_PRECISION and recall >= FLOOR_RECALL
    for theme in ("independence", "funding.full_cost_recovery", "funding.payment_by_results", "quality_cost"):
        assert _ratio(counts[theme]["tp"], counts[theme]["fp"]) >= 0.95, theme


def _ratio(hits: int, misses: int) -> float:
    return hits / (hits + misses) if hits + misses else 1.0


# --- labels: themes without phrases (codebooks imported from analysts' coded answers) ----------------

def test_label_words_are_the_labels_content_words_lemmatised() -> None:
    assert label_words("increased_anxiety") == {"increase", "anxiety"}
    assert label_words("by_school") == {"school"}
    assert label_words("Respondus_Monitor") == {"respondus", "monitor"}
    assert label_words("none") == frozenset() and label_words("N/A") == frozenset()
    assert label_words("take_home_exams") == {"take", "home", "exam"}  # content words spaCy calls stop words
    assert label_words("does_not_use") == {"use"} and negative_label("does_not_use")
    assert negative_label("don't_use") and negative_label("no_exams") and not negative_label("used_lockdown")


def test_a_negative_label_is_found_only_under_a_negation() -> None:
    book = Codebook(name="t", version="1", themes=(Theme(id="not_use", label="does_not_use"),
                                                   Theme(id="no_exams", label="no_exams")))
    rules = PhraseRules(book)
    assert themes(rules.find("I would never use them.")) == {"not_use"}
    assert rules.find("I would never use them.")[0].negated is False  # the negation is the label's own
    assert themes(rules.find("I use them every week.")) == set()
    assert themes(rules.find("Students sat no exams this year.")) == {"no_exams"}
    assert themes(rules.find("Students sat exams, but not online.")) == set()  # the negation is elsewhere
    # each occurrence is read in its own clause
    assert themes(rules.find("I use Zoom, but I would never use the proctoring tool.")) == {"not_use"}


def test_labels_with_contractions_slashes_and_catch_alls() -> None:
    assert label_words("dont_use") == {"use"} and negative_label("dont_use")
    assert negative_label("cant_access") and negative_label("I_dont_know")
    assert label_words("student/teacher") == {"student", "teacher"}
    assert label_words("Other") == frozenset() and label_words("other_software") == frozenset()
    book = Codebook(name="t", version="1", themes=(Theme(id="access", label="cant_access"),
                                                   Theme(id="other", label="Other")))
    rules = PhraseRules(book)
    assert themes(rules.find("Students can't access the software.")) == {"access"}
    assert themes(rules.find("Students access it from home. Other tools are worse.")) == set()


def test_a_theme_without_phrases_is_found_by_its_labels_words_in_one_sentence() -> None:
    book = Codebook(name="t", version="1", themes=(
        Theme(id="harm", label="harmful_to_students"),
        Theme(id="harm/anxiety", label="increased_anxiety", parent="harm"),
        Theme(id="privacy", label="privacy_concerns"),
        Theme(id="none", label="none"),
        Theme(id="quality", label="Quality versus cost", phrases=("value for money",)),
    ))
    rules = PhraseRules(book)
    hit = rules.find("Monitoring them only increases their anxiety, I think.")
    assert themes(hit) == {"harm/anxiety"} and hit[0].phrase == "increased_anxiety"
    assert hit[0].start == 0 and hit[0].end == len("Monitoring them only increases their anxiety, I think.")
    assert themes(rules.find("Their anxiety is high. Nothing increased it.")) == set()  # two sentences
    assert themes(rules.find("Privacy is my main concern.")) == {"privacy"}  # any order, any form
    assert themes(rules.find("We have no concerns about privacy.")) == set()  # a dismissed topic
    assert themes(rules.find("None of these; quality matters more than cost.")) == set()  # phrases decide
    assert themes(rules.find("It offers value for money.")) == {"quality"}
    with_parents = PhraseRules(book, add_parents=True).find("It increased anxiety.")
    assert themes(with_parents) == {"harm", "harm/anxiety"}


def test_a_labels_word_inside_a_fixed_expression_is_not_a_mention() -> None:
    """`well` is not said by "eye tracking as well", nor `course` by "of course" (exam-proctoring Q5)."""
    book = Codebook(name="t", version="1", themes=(Theme(id="well", label="well"),
                                                   Theme(id="course", label="online_course"),
                                                   Theme(id="long", label="long_exams")))
    rules = PhraseRules(book)
    assert themes(rules.find("It works well.")) == {"well"}
    assert themes(rules.find("It monitors the screen, and maybe eye tracking as well?")) == set()
    assert themes(rules.find("Webcams as well as microphones are used.")) == set()
    assert themes(rules.find("Of course the online exam is harder.")) == set()
    assert themes(rules.find("My online course uses it.")) == {"course"}
    assert themes(rules.find("Fine as long as the exams are short.")) == set()
    assert themes(rules.find("The exams are too long.")) == {"long"}


@pytest.mark.parametrize(("text", "found"), [
    ("I never used one.", True),
    ("We do not currently use them.", True),
    ("I chose not to use it.", True),
    ("I just did not choose to use them.", True),  # a verb that passes the negation on
    ("I don't think I would use them.", True),
    ("I do not know how to use them.", False),  # the negation is "know"'s
    ("There is no way to stop students using their phones.", False),
    ("I use them, but not often.", False),
    ("We do not just use them for exams.", False),  # "not just" negates nothing
])
def test_a_negative_labels_negation_must_bear_on_its_word(text: str, found: bool) -> None:
    """`does_not_use` is said by "I never used one", not by "I do not know how to use them" (on
    exam-proctoring N3 the old any-negation-in-the-clause rule coded it 15 times where the coder did not)."""
    rules = PhraseRules(Codebook(name="t", version="1", themes=(Theme(id="not_use", label="does_not_use"),)))
    assert (themes(rules.find(text)) == {"not_use"}) is found



@pytest.mark.parametrize(("label", "text"), [
    ("could_not_use_camera", "I could not use my camera."),  # the label's own words pass the negation on
    ("no_exam_feedback", "There was no exam feedback."),
    ("did_not_have_time", "I did not have enough time."),
    ("does_not_eliminate_cheating", "It won't completely eliminate cheating."),
    ("no_exams", "We had no final exams."),  # "no" reaches over a word or two
])
def test_negative_labels_of_several_words_and_degree_words(label: str, text: str) -> None:
    rules = PhraseRules(Codebook(name="t", version="1", themes=(Theme(id="t", label=label),)))
    assert themes(rules.find(text)) == {"t"}


def _old_without_names(text: str, names: list[str]) -> str:
    for a, z in name_spans(normalise(text), names):
        text = text[:a] + " " * (z - a) + text[z:]
    return text


def test_without_names_blanks_as_before_in_linear_time() -> None:
    """The text was rebuilt for each name found: 40,000 names in 1.2 MB took 26 s."""
    names = ["Riverside Women's Centre", "Independent Monitoring Board, HMP Greystone", "the Howard League"]
    for text in ["Riverside Women's Centre is a small organisation.",
                 "The HMP Greystone board and the\nHoward League (RIVERSIDE WOMEN'S CENTRE) agree;"
                 " Independent Monitoring Board, HMP Greystone.", "No names here.", ""]:
        assert without_names(text, names) == _old_without_names(text, names)
        assert len(without_names(text, names)) == len(text)
    text = "We, Jane Doe and others, say. " * 20000
    started = time.perf_counter()
    blanked = without_names(text, ["Jane Doe"])
    assert time.perf_counter() - started < 1.0
    assert blanked == text.replace("Jane Doe", " " * 8)


def test_rules_without_names_reads_a_blank_run_once() -> None:
    """A line break's pattern was tried at every blank of a run (50,000 spaces: 2.6 s); same text out."""
    started = time.perf_counter()
    assert without_names(" " * 50000, ["Jane Doe"]) == " " * 50000
    assert time.perf_counter() - started < 1.0
    assert without_names("Jane Doe  \n  wrote", ["Jane Doe"]).endswith("wrote")


def test_what_follows_an_insertion_is_no_item_of_a_list() -> None:
    """"Vehicles parked on footways force pedestrians, including children walking to school, into the
    carriageway, and ..." (trial 27a): the commas bracket an insertion, "into the carriageway" is the point
    and no item of a list (it had scored below the floor); a real list's item still is one."""
    codebook = Codebook(name="c", version="1", themes=(
        Theme(id="safety", label="Road safety", phrases=("into the carriageway",)),))
    rules = PhraseRules(codebook)
    text = ("Vehicles parked on footways force pedestrians, including children walking to school, into the "
            "carriageway, and our residents raise this with us more than any other parking issue.")
    (hit,) = rules.find(text)
    assert hit.confidence >= 0.55
    listed = ("On the estate roads parked cars push people with buggies onto the verge, into the carriageway,"
              " or into the hedge, every single day of the week.")
    (hit,) = rules.find(listed)
    assert hit.confidence < 0.55


def test_an_item_after_an_insertions_first_item_is_still_listed() -> None:
    """"..., including housing advice, mentoring and family support": the comma after the first item is
    the list's, not the close of an insertion (what follows is an item like it, not a preposition as in
    "pedestrians, including children walking to school, into the carriageway"), so "mentoring" is still an
    item; the insertion's close is found whatever the insertion word ("especially older people, onto")."""
    from respmine.themes import scope
    from respmine.themes.words import pipeline

    nlp = pipeline()

    def item(text: str, word: str) -> bool:
        doc = nlp(text)
        at = next(t.i for t in doc if t.lower_ == word)
        return scope.listed(next(iter(doc.sents)), at, at + 1)

    assert item("Probation should keep its wider offer, including housing advice, mentoring and family "
                "support for those leaving custody.", "mentoring")
    assert item("Councils should fund the work, in particular in towns, on estates and in villages.", "on")
    assert not item("Vehicles parked on footways force pedestrians, especially older people, onto the road, "
                    "and our residents raise this with us every week.", "onto")


# --- a view argued against by the harm its effect does (trial 30a) ------------------------------------

_CHARGES = Codebook(name="charges", version="1", themes=(
    Theme(id="structure", label="How standing charges are structured", phrases=("option A", "option B")),
    Theme(id="structure.unitrate", label="Move part of the standing charge onto unit rates (Option A)",
          parent="structure", position=True,
          phrases=("onto unit rates", "onto the unit rate", "on the units")),
    Theme(id="structure.lowtariff", label="A low-standing-charge tariff (Option B)", parent="structure",
          position=True, phrases=("low standing charge tariff",)),
))


@pytest.fixture(scope="module")
def charges() -> PhraseRules:
    return PhraseRules(_CHARGES)


@pytest.mark.parametrize("text", [
    "Any move of costs onto the unit rate would hit them hardest.",
    "Any shift onto the unit rate costs me money.",
    "Moving costs onto unit rates would raise their bills.",
    "Putting it all on the units would penalise families with children.",
    "A shift of costs onto unit rates will hurt pensioners in cold homes.",
    "Loading more costs onto unit rates would push many households into debt.",
    "Putting it all on the units once a year would leave the poorest with nothing.",
    "I disagree with reducing standing charges if the cost is simply moved onto unit rates.",
    "We oppose any cut to the standing charge where it is paid for by moving costs onto the unit rate.",
    "Please do not just put it on the units because families like mine will pay more.",
    "There is no case for moving costs onto unit rates.",
    "The regulator wants to move costs onto unit rates, which is wrong.",
    "Moving costs onto unit rates, which would be a mistake, is proposed.",
    "No, please do not just put it on the units.",  # (a review: "No," doubles no negation)
])
def test_a_view_whose_effect_is_called_harm_or_denied_is_argued_against(charges: PhraseRules, text: str
                                                                        ) -> None:
    (hit,) = [h for h in charges.find(text) if h.theme == "structure.unitrate"]
    assert hit.rejected


@pytest.mark.parametrize("text", [
    "Moving costs onto unit rates would help low users most.",
    "PUT IT ALL ON THE UNITS, OPTION A, THEN PEOPLE WHO USE MORE PAY MORE.",
    "I urge you to adopt Option A and move the standing charge onto unit rates, so that people pay less.",
    "Moving part of the standing charge onto unit rates rewards households that save energy.",
    "We would not want to lose the move onto unit rates.",
    "We are not opposed to moving costs onto unit rates.",
    "We support reducing standing charges if the cost is moved onto unit rates.",
    "We oppose option B, and moving costs onto the unit rate is fairer.",
    # (a review: a harm denied, a negation reversed or doubled, a comparison)
    "Moving costs onto unit rates would not hurt anyone who uses little energy.",
    "Moving costs onto unit rates won't harm pensioners.",
    "I would not mind moving costs onto unit rates.",
    "We have no objection to moving costs onto unit rates.",
    "There is no reason not to move costs onto unit rates.",
    "Nothing is fairer than moving costs onto unit rates.",
])
def test_a_view_argued_for_or_its_benefit_stays_held(charges: PhraseRules, text: str) -> None:
    hits = [h for h in charges.find(text) if h.theme == "structure.unitrate"]
    assert hits and not any(h.rejected for h in hits)
