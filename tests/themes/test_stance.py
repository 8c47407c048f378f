"""Stance towards the proposal.

Zero-shot: hand-made British consultation sentences (charities running probation services) for each
stance, negated cues and contrast. Trained: real US public comments (regulations-comments/dev.csv),
cross-validated twice - stratified 5-fold, and grouped so copies of one form letter never sit on both
sides (how the model does on a campaign it has not seen).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from respmine.records import Code, Span
from respmine.themes.labelled import read_labelled
from respmine.themes.stance import STANCES, StanceModel, asks_agreement, score_sentence, theme_stance

SUPPORT = [
    "We support the proposal to allow charities to run probation services in England and Wales.",
    "The Trust welcomes the proposals and believes voluntary organisations are well placed to deliver "
    "rehabilitation.",
    "Our organisation is strongly in favour of opening probation contracts to charities.",
    "We strongly endorse the Ministry's plan to commission probation services from the voluntary sector.",
    "We agree with the proposed changes to the commissioning of probation services.",
    "Local charities know their communities. This change is long overdue.",
    "We broadly support the proposals set out in the consultation paper.",
]
OPPOSE = [
    "We oppose the plan to hand probation services to charities.",
    "We object to the transfer of probation work to the voluntary sector.",
    "We have serious concerns about the proposal and urge the Ministry to withdraw it.",
    "We do not support the proposed transfer of probation services to charities.",
    "The Howard League is not in favour of these reforms.",
    "We cannot agree with the proposal.",
    "The proposed reform is unworkable and would put the public at risk.",
    "We disagree with the proposal to remove probation from the public sector.",
    "I am not convinced that charities should be running probation.",
    "We are cautious about the suggestion that the sector should take over core offender management.",
]
MIXED = [
    "While we welcome the involvement of charities in probation, we are concerned that the funding model "
    "will leave smaller organisations unable to bid.",
    "We support the proposal in principle, but we have serious concerns about how risk will be managed.",
    "We welcome the aim of the reform. However, we have significant concerns about the timetable.",
    "We cautiously welcome the proposals, subject to adequate funding.",
]
NEUTRAL = [
    "Our charity has worked with people on probation in Leeds since 1998.",
    "We have no comments on this question.",
    "This response is submitted on behalf of the Association of Voluntary Organisations.",
    "Please see the attached annex for details of our services.",
    "We support over 2,000 people leaving prison each year.",
    "Thank you for the opportunity to respond to this consultation.",
]
NOT_OPPOSE = [
    "We would not oppose the change.",
    "We do not object to charities bidding for probation contracts.",
    "We have no objection to the proposal.",
    "We do not have any serious concerns about the proposal.",
    "We are not sceptical about the proposal.",
]
ODD = ["", "   \n\t ", "!!! ???", "\x00\x01", "🙂🙂", "Non.", "a" * 5000, "Yes\n\n\n\nNo", "word " * 40_000]


@pytest.fixture(scope="module")
def rules() -> StanceModel:
    return StanceModel()


@pytest.mark.parametrize(("expected", "texts"), [
    ("support", SUPPORT), ("oppose", OPPOSE), ("mixed", MIXED), ("neutral", NEUTRAL)])
def test_stance_zero_shot_cases(rules: StanceModel, expected: str, texts: list[str]) -> None:
    got = rules.predict(texts)
    assert [p.stance for p in got] == [expected] * len(texts), list(zip(texts, got, strict=True))
    assert all(0.0 < p.confidence <= 1.0 for p in got)
    if expected != "neutral":
        assert all(p.evidence is not None for p in got)


def test_stance_negated_cues(rules: StanceModel) -> None:
    assert [p.stance for p in rules.predict(NOT_OPPOSE)] == ["support"] * len(NOT_OPPOSE)  # a weak yes
    assert all(p.confidence < 0.7 for p in rules.predict(NOT_OPPOSE))
    assert score_sentence("We do not support the proposal.")[:2] == (0.0, 0.9)
    assert score_sentence("We would not oppose the proposal.")[1] == 0.0
    assert score_sentence("This rule not only harms charities but we oppose it.")[1] == 1.0  # "not only"
    assert score_sentence("We neither agree nor disagree.") == (0.0, 0.0, 0.0)


def test_stance_cues_for_narrowing_the_proposal_and_judging_what_it_does() -> None:
    """Read as no stance in a new user's trial: asking for a group to be left out of the scheme opposes its
    scope ("we urge the Ministry to exclude 18 to 25 year olds from any mandatory scheme", as "urge ... to
    withdraw" does), and judging what is proposed, named by "it" after a verb in -ing ("putting it on
    everyone is wrong"), takes the side the judgement does, as "the proposal is wrong" does; not a judgement
    of something else ("Doing nothing is wrong.") nor a negated one."""
    oppose = ("For these reasons we urge the Ministry to exclude 18 to 25 year olds from any mandatory "
              "scheme.",
              "Young adults should be exempt from the scheme.",
              "I am not saying nobody should be tagged, but putting it on everyone is wrong.",
              "Applying this to every prison leaver would be unfair.")
    for text in oppose:
        s, o, _ = score_sentence(text)
        assert o > 0 and s == 0, text
    s, o, _ = score_sentence("Extending it to all violent offenders is the right thing to do.")
    assert s > 0 and o == 0
    for text in ("Doing nothing is wrong.", "We ask that victims be excluded from the charges.",
                 "We exclude nobody from our services."):
        assert score_sentence(text) == (0.0, 0.0, 0.0), text
    assert score_sentence("Putting it on everyone is not wrong.")[1] == 0.0


def test_stance_evidence_is_the_stance_sentence(rules: StanceModel) -> None:
    text = ("Our charity runs hostels in Bristol.\n\nWe have read the consultation paper with interest. "
            "While we welcome the aim, we are concerned that the timetable is too short. Thank you.")
    [p] = rules.predict([text])
    assert p.stance == "mixed" and p.evidence is not None
    assert text[slice(*p.evidence)].startswith("While we welcome the aim")
    other = "Some background first.  We strongly oppose the plan.  More detail follows."
    [q] = rules.predict([other])
    start = other.index("We strongly")
    assert q.stance == "oppose" and q.evidence == (start, start + len("We strongly oppose the plan."))


AGREE_Q = "Do you agree with the proposal to let charities lead probation contracts? Please explain."
CLOSED = [  # an answer to AGREE_Q, its stance
    ("Yes.", "support"), ("yes", "support"), ("Yes we do.", "support"),
    ("Yes - charities know the area.", "support"), ("No, because small charities would lose out.", "oppose"),
    ("Nope.", "oppose"), ("NO\nThe risk is too high.", "oppose"), ("Yes and no.", "mixed"),
    ("Partly. Some services need scale.", "mixed"), ("No doubt charities can help.", "neutral"),
    ("Nobody asked us.", "neutral"), ("Yesterday we met.", "neutral"), ("No. 5 is the key issue.", "neutral"),
    ("Yes, in principle.", "mixed"), ("Yes, only if funding follows.", "mixed"),  # hedges still count
    ("Yes, provided that funding follows.", "support"),  # (an expectation stated with a yes: agreed)
    ("No - not applicable to our organisation.", "neutral"), ("No, we have no view on this.", "neutral"),
    ("No.\n1. Funding would fall.", "oppose"), ("No. 1) funding", "oppose"),
    ("Yes it would help.", "support"),
    ("No this would harm small charities.", "oppose"), ("Yes—charities know.", "support"),
    ("No-one asked.", "neutral"),
    ("Yes.\n\nHowever we are deeply concerned about funding.", "support"),  # a bare answer is the answer:
    ("Don't know. We are not against it in principle, but costs worry us.", "neutral"),  # what follows
    ("Strongly agree.", "support"), ("Not sure.", "neutral"),  # does not overturn it
    ("No. 20p is too low.", "oppose"), ("No. 50% of shops would close.", "oppose"),  # an amount, no item
    ('"No", we do not think so.', "oppose"), ("“Yes” – it will help.", "support"),
    ("No such assessment has been published and we welcome the plan.", "support"),  # "No such": no answer
    ("No IT costs arise and we welcome this plan.", "support"), ("No It would harm small firms.", "oppose"),
    ("No the costs are too high.", "oppose"), ("Tend to disagree.", "oppose"),
    ("Ydym. Rydym yn cytuno â'r cynnig.", "support"), ("Nac ydym. Nid oes gan awdurdodau'r arbenigedd.",
                                                       "oppose"),  # Welsh "yes" ("we do"), "no"
    ("NA.", "neutral"), ("Nationally, the picture differs.", "neutral"),
    ("Definitely yes. I had no time to move.", "support"), ("Absolutely, yes.", "support"),  # (were unclear)
    ("Definitely no, it would cost too much.", "oppose"),
]


def test_stance_yes_or_no_answers_an_agreement_question(rules: StanceModel) -> None:
    texts = [t for t, _ in CLOSED]
    got = rules.predict(texts, [AGREE_Q] * len(texts))
    assert [(t, p.stance) for t, p in zip(texts, got, strict=True)] == CLOSED
    assert [p.evidence for p in got[:2]] == [(0, 4), (0, 3)]  # the answer's opening sentence
    other = rules.predict(["No.", "Yes."], ["Do you have any other comments?", None])  # says nothing
    assert [p.stance for p in other] == ["neutral", "neutral"]
    assert [p.stance for p in rules.predict(["No."])] == ["neutral"]  # no question given
    assert rules.predict(texts[:1], [AGREE_Q])[0].confidence > 0.6
    asks = ["Do you agree that the sector should lead?", "Would your organisation support a regional model?",
            "Are you in favour of payment by results?", "Do you broadly agree with our approach?",
            "Do you agree?", "Are you content with the proposed approach?",
            "Do you think the timetable is fair?", "Do you support extending the scheme?",
            "Please read paragraph 3. Do you agree with the proposal?",
            "Would your organisation be in favour of the change?", "Do you approve of the new rules?",
            "Do you on balance agree?", "Why consult? The Government proposes a fee. Do you agree with it?",
            "Question 1: Do you agree with the proposal? Would it affect your business?",  # the first one
            "Do you agree with the proposal in paragraph 3.2? Do you have any evidence?",
            "The Government proposes to raise the fee. Do you support this?",
            "Do you support raising the minimum age of sale to 18?",
            "Should the Commissioner have the power to require reports? Yes / No / Don't know.",  # offered:
            "Should fees rise (yes or no)?",  # a yes/no question's answers count as those to "Do you agree"
            "Is the proposed age limit of 16 appropriate? Yes / No / Don't know",  # (a review: lost)
            "Do you want the ban to apply online? Yes / No", "Is it right that victims are told? Yes / No"]
    assert all(asks_agreement(q) for q in asks)
    assert not any(asks_agreement(q) for q in [
        "Should services be commissioned regionally or locally?", "Do you have any other comments?",
        "What role should local authorities play?", None, "",
        "Does your organisation currently support people on probation?",  # facts, not agreement
        "Do you receive support from your local authority?", "Can you support your answer with evidence?",
        "Do you accept referrals from the courts?",
        "Does your organisation accept any referrals from the police?",
        "Does your charity support a wide range of people?", "Do you currently support any of these groups?",
        "Are you satisfied with the current complaints process?", "Are you satisfied with the current rules?",
        "Does your organisation support families affected by the policy?",
        "Which aspects of the proposal do you not agree with?", "Do you think the current system is fair?",
        "Would you agree to be contacted about your response?",  # consent
        "Do you foresee any problems? Would you support an alternative?",  # "Yes" answers the first
        "Are you aware of the existing Victims' Code? Yes / No / Don't know",  # yes/no facts, or an answer
        "Have you ever been a victim of crime? Yes or no.",  # whose "Yes" objects:
        "Would the proposed ban cause problems for your business? Yes/No"])
    started = time.perf_counter()  # no quadratic scan of a long question or preamble
    asks_agreement("Do you agree? " + "x " * 50_000), asks_agreement("do you think it " * 6000)
    assert time.perf_counter() - started < 1.0
    with pytest.raises(ValueError, match="one question"):
        rules.predict(["No.", "Yes."], ["Do you agree?"])


def test_stance_empty_and_odd_input_never_crash(rules: StanceModel) -> None:
    got = rules.predict([*ODD, None])  # type: ignore[list-item]
    assert len(got) == len(ODD) + 1
    for text, p in zip([*ODD, ""], got, strict=True):
        assert p.stance in STANCES and 0.0 <= p.confidence <= 1.0
        if p.evidence is not None:
            assert 0 <= p.evidence[0] < p.evidence[1] <= len(text)
    for p in (got[0], got[1], got[2], got[3], got[-1]):  # nothing to read: neutral, no confidence
        assert (p.stance, p.confidence, p.evidence) == ("neutral", 0.0, None)
    assert rules.predict([]) == []


# ---- trained on real comments ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def dev(datasets: Path) -> tuple[list[str], list[str], list[str]]:
    rows = read_labelled(datasets / "regulations-comments" / "dev.csv")
    return [r.id for r in rows], [r.text for r in rows], [r.stance or "" for r in rows]


@pytest.fixture(scope="module")
def fitted(dev: tuple[list[str], list[str], list[str]]) -> StanceModel:
    _, texts, labels = dev
    start = time.perf_counter()
    model = StanceModel().fit(texts, labels)
    print(f"\nfit on {len(texts)} comments: {time.perf_counter() - start:.1f}s (embeds sentences, once)")
    return model


def _cross_validate(texts: Sequence[str], labels: np.ndarray, splits: list) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    predicted = np.empty(len(labels), dtype=object)
    for train, test in splits:
        model = StanceModel().fit([texts[i] for i in train], list(labels[train]))
        predicted[test] = [p.stance for p in model.predict([texts[i] for i in test])]
    return {"accuracy": accuracy_score(labels, predicted),
            "macro_f1": f1_score(labels, predicted, labels=["support", "oppose"], average="macro")}


@pytest.fixture(scope="module")
def cross_validated(dev: tuple[list[str], list[str], list[str]], fitted: StanceModel) -> dict[str, dict]:
    """Stratified 5-fold, and 5-fold grouped by form-letter campaign (near-duplicates share a group)."""
    import warnings

    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    from respmine.structure.campaigns import find_campaigns

    ids, texts, raw = dev
    labels = np.array(raw)
    campaign = {m: c.id for c in find_campaigns(dict(zip(ids, texts, strict=True)), min_size=2)
                for m in c.members}
    groups = [campaign.get(i, i) for i in ids]
    with warnings.catch_warnings():  # one "unknown" row: a class too small for five folds
        warnings.simplefilter("ignore", UserWarning)
        stratified = list(StratifiedKFold(5, shuffle=True, random_state=0).split(texts, labels))
        grouped = list(StratifiedGroupKFold(5, shuffle=True, random_state=0).split(texts, labels, groups))
    out = {"stratified": _cross_validate(texts, labels, stratified),
           "grouped": _cross_validate(texts, labels, grouped)}
    print(f"\nstance CV on dev.csv ({len(set(groups))} groups): {out}")
    return out


@pytest.mark.slow
def test_stance_cross_validated_accuracy(cross_validated: dict[str, dict]) -> None:
    assert cross_validated["stratified"]["accuracy"] >= 0.92  # measured 0.996 (the lone "unknown" is missed)
    assert cross_validated["stratified"]["macro_f1"] >= 0.92  # support/oppose; measured 0.996


@pytest.mark.slow
def test_stance_grouped_split_generalises_to_unseen_campaigns(cross_validated: dict[str, dict]) -> None:
    assert cross_validated["grouped"]["accuracy"] >= 0.97  # measured 0.994
    assert cross_validated["grouped"]["macro_f1"] >= 0.95  # measured 0.993


def test_stance_save_load_round_trip(fitted: StanceModel, dev: tuple, tmp_path: Path) -> None:
    _, texts, _ = dev
    sample = [*texts[::7], *ODD[:4]]
    fitted.save(tmp_path / "model")
    assert sorted(p.name for p in (tmp_path / "model").iterdir()) == ["stance.json", "stance.npz"]
    loaded = StanceModel.load(tmp_path / "model")
    assert loaded.version == fitted.version and loaded.classes == fitted.classes == ["oppose", "support"]
    assert loaded.predict(sample) == fitted.predict(sample)
    StanceModel().save(tmp_path / "rules")  # an unfitted model round-trips as the rules
    assert StanceModel.load(tmp_path / "rules").predict(MIXED) == StanceModel().predict(MIXED)


def test_stance_trained_evidence_spans_point_into_the_text(fitted: StanceModel, dev: tuple) -> None:
    _, texts, _ = dev
    got = fitted.predict(texts[:60])
    for text, p in zip(texts[:60], got, strict=True):
        assert p.stance in fitted.classes and 0.5 <= p.confidence <= 1.0
        assert p.evidence is not None and 0 <= p.evidence[0] < p.evidence[1] <= len(text)
        sentence = text[slice(*p.evidence)]
        assert sentence == sentence.strip() and sentence
    opener = "I strongly oppose the Department of Education’s proposed rule"
    stated = [text[slice(*p.evidence or (0, 0))] for text, p in zip(texts[:60], got, strict=True)
              if opener in text]
    assert stated and all(score_sentence(s)[1] == 1.0 for s in stated)  # a stance statement, not a side point
    assert fitted.predict(["", " "]) == fitted.predict(["\n", "?"])
    assert {p.stance for p in fitted.predict(ODD)} <= {*fitted.classes, "neutral"}


def test_stance_training_is_deterministic(dev: tuple) -> None:
    _, texts, labels = dev
    pick = list(range(0, len(texts), 3))
    a = StanceModel(seed=0).fit([texts[i] for i in pick], [labels[i] for i in pick])
    b = StanceModel(seed=0).fit([texts[i] for i in pick], [labels[i] for i in pick])
    assert a.version == b.version and a.version.startswith("stance-1-") and a.version.endswith("+minilm")
    assert all(np.array_equal(a._weights[k], b._weights[k]) for k in a._weights)
    assert a.predict(texts[1::3]) == b.predict(texts[1::3])


def test_stance_fit_rejects_what_cannot_be_learnt() -> None:
    model = StanceModel()
    assert re.fullmatch(r"stance-1-rules-[0-9a-f]{8}\+minilm", model.version) and not model.fitted
    with pytest.raises(ValueError, match="texts but"):
        model.fit(["a b c"], ["support", "oppose"])
    with pytest.raises(ValueError, match="need two stances"):
        model.fit(["We support it.", "We back it.", "We oppose it."], ["support", "support", "oppose"])


def test_theme_stance_is_the_evidences_own_a_positions_or_an_analysts_never_the_segments() -> None:
    def code(theme: str, stance: str | None, method: str = "rule") -> Code:
        return Code(segment="s", theme=theme, confidence=0.8, method=method, evidence=Span(0, 5),
                    evidence_text="words", stance=stance, codebook="b@1")

    implied = {"role.core": "support"}
    assert theme_stance(code("funding", "oppose"), implied) == "oppose"  # its own sentence's
    assert theme_stance(code("funding", None), implied) is None  # no side: not the segment's stance
    assert theme_stance(code("role.core", None), implied) == "support"  # a position's, asserted by a rule
    assert theme_stance(code("role.core", None, "similarity"), implied) is None  # ... not by similarity
    assert theme_stance(code("role.core", None, "rule-negated"), implied) is None
    assert theme_stance(code("funding", "oppose"), implied, decided="mixed") == "mixed"  # analysts win


def test_theme_stance_only_on_the_proposals_a_positions_before_its_sentences() -> None:
    """With a codebook marking positions on the proposals, only they and the topics above them carry a
    stance; a parent's code implied by a sub-theme's, or a topic's own code in a passage whose sub-theme
    asserts a view, takes none of its own; a sentence's own stance comes before a position's."""
    from respmine.themes.codebook import Codebook, Theme
    from respmine.themes.stance import stance_scope

    def code(theme: str, stance: str | None, method: str = "rule") -> Code:
        return Code(segment="s", theme=theme, confidence=0.8, method=method, evidence=Span(0, 5),
                    evidence_text="words", stance=stance, codebook="b@1")

    book = Codebook(name="b", version="1", themes=(
        Theme(id="role", label="Role"), Theme(id="role.core", label="Core", parent="role", stance="support"),
        Theme(id="role.open", label="Open market", parent="role"), Theme(id="contracts", label="Contracts")))
    scope = stance_scope(book)
    assert scope == {"role", "role.core"}
    assert stance_scope(Codebook(name="c", version="1", themes=(Theme(id="x", label="X"),))) is None
    implied = {"role.core": "support"}
    assert theme_stance(code("contracts", "support"), implied, scope=scope) is None  # "support larger lots"
    assert theme_stance(code("contracts", "support"), implied) == "support"  # no positions marked: all
    assert theme_stance(code("role.open", "support"), implied, scope=scope) is None
    assert theme_stance(code("role.core", "oppose"), implied, scope=scope) == "oppose"  # "We oppose making"
    assert theme_stance(code("role.core", None), implied, scope=scope) == "support"  # the position's
    assert theme_stance(code("role", "support", "rule(child)"), implied, scope=scope) is None
    assert theme_stance(code("role", "support"), implied, scope=scope) == "support"
    assert theme_stance(code("role", "support"), implied, scope=scope, subtheme_speaks=True) is None
    assert theme_stance(code("role", "support"), implied, "oppose", scope, True) == "oppose"  # analysts win
    # a codebook marking no position: every code's sentence speaks, as before
    assert theme_stance(code("role", "support"), implied, subtheme_speaks=True) == "support"
    assert theme_stance(code("role", "support", "rule(child)"), implied) == "support"


def test_stance_of_a_body_writing_of_itself_and_of_its_services(rules: StanceModel) -> None:
    """"The council supports a statutory ban" took no side (a body writes of itself as "the council"),
    and "We support 300 families" supported the proposals (a number after "support" is a service)."""
    texts = ["The council supports a statutory ban during the school day.", "The Trust opposes the scheme.",
             "We support 300 families each year.", "The council supports 300 families.",
             "The government supports families.",
             "Calderbridge City Council agrees.",  # (a trial: a body by its own name, unclear)
             "Northshire Police and Crime Commissioner supports the proposal.",
             "Some charity supporters agree.",  # (others, not the writer)
             "Eastmoor City Council welcomes the consultation.", "We welcome the opportunity to respond."]
    assert [p.stance for p in rules.predict(texts)] == ["support", "oppose", "neutral", "neutral", "neutral",
                                                        "support", "support", "neutral", "neutral", "neutral"]


def test_stance_says_unsure_only_when_the_answer_says_it_does_not_know() -> None:
    """"Not sure this is the right approach" argues a doubt: it was counted as "did not know"."""
    from respmine.themes.stance import says_unsure

    for text in ("Don't know.", "Not sure yet - it depends on the fee.", "I don't know.",
                 "We don't know yet.", "Unsure.", "Ddim yn gwybod.",
                 "We do not have a settled view on this question.", "We have no firm view.",  # were unclear
                 "No idea, honestly.", "no idea"):  # (a trial's inline answer "Q1: no idea, honestly.")
        assert says_unsure(text), text
    for text in ("Not sure this is the right approach; it will hurt small shops.",
                 "Not certain the council can afford this.", "No. We know it will fail.",
                 "We do not have a settled view on the funding, which must rise.",
                 "No ideas have come from the Ministry."):
        assert not says_unsure(text), text


def test_stance_an_answer_restating_the_proposal_with_a_modal_takes_its_side(rules: StanceModel) -> None:
    """"Victims must have a legal right to be told ..." answering "Do you agree that victims should have a
    legal right to be told ...?" (a 30-letter campaign) was counted as no answer."""
    agree = "Do you agree that victims should have a legal right to be told when an offender is released?"
    power = ("Should the Victims' Commissioner have the power to require criminal justice agencies to report "
             "on their compliance with the Victims' Code? Yes / No / Don't know.")
    said = [("Victims must have a legal right to be told when the person who harmed them is released.",
             agree),
            ("I also think the Victims' Commissioner should have the power to make the agencies report.",
             power),
            ("The Commissioner should not have the power to make agencies report on compliance.", power),
            ("Victims should not have to wait for a legal right to be told when an offender is released.",
             agree),  # (a review: "should not have to" was read as against)
            ("Agencies should report on their budgets every year.", power),  # another proposal
            ("Victims must have a legal right to be told when an offender is released.", None)]  # no question
    got = rules.predict([t for t, _ in said], [q for _, q in said])
    assert [p.stance for p in got] == ["support", "support", "neutral", "neutral", "neutral", "neutral"]


def test_stance_says_neither_only_for_a_scales_middle_answer() -> None:
    from respmine.themes.stance import says_neither

    for text in ("Neither agree nor disagree", "Neither agree or disagree.", "Neutral.",
                 "We neither agree nor disagree: it depends on funding."):
        assert says_neither(text), text
    for text in ("Neither the council nor the police can enforce this.", "Neutral observers say it fails.",
                 "Agree."):
        assert not says_neither(text), text


def test_stance_a_body_in_the_third_person_is_not_read_where_the_writers_speak_too(
        rules: StanceModel) -> None:
    texts = ["The council opposes a statutory ban, and we agree with it.", "The council supports it."]
    assert [p.stance for p in rules.predict(texts)] == ["support", "support"]


SITE_Q = ("Do you agree with the proposed allocation of Site H4 (Land north of Mill Lane) for 250 homes? "
          "Yes / No / Don't know.")
LOCAL_Q = "Do you agree that probation services should be commissioned locally rather than regionally?"


def test_stance_a_sentence_answering_in_its_own_words(rules: StanceModel) -> None:
    """Answers a trial found miscounted: "We partly agree." was agreed (a later "the families we support"
    outweighed it), "No." glued to its reasons (read as "No." for number) was partly agreed, "I lean
    towards disagreeing" and objections to the site ("I am against H4", "remove this site from the plan")
    were unclear."""
    said = [("We partly agree. The average family we support lives 62 miles away.", LOCAL_Q, "mixed"),
            ("We agree strongly. Councils know the area.", LOCAL_Q, "support"),
            ("I do not agree. Regional contracts work.", LOCAL_Q, "oppose"),
            ("No. Regional commissioning works, and we would support local advisory boards.", LOCAL_Q,
             "oppose"),
            ("I lean, on balance, towards disagreeing. Too many councils are weak.", LOCAL_Q, "oppose"),
            ("On balance, yes, though we would counsel members to be cautious.", LOCAL_Q, "support"),
            ("I am against H4. Full stop.", SITE_Q, "oppose"),
            ("Please think again and remove this site from the plan.", SITE_Q, "oppose"),
            ("We call on the council to remove Site H4 (Land north of Mill Lane) from the Draft Local Plan.",
             SITE_Q, "oppose"),
            ("These representations support the allocation of Site H4.", SITE_Q, "support"),
            ("We are against cuts to services.", LOCAL_Q, "neutral"),  # against something else
            ("I am not against H4.", SITE_Q, "neutral"),
            ("We are against regional commissioning.", LOCAL_Q, "neutral")]  # the question's alternative
    got = rules.predict([t for t, _, _ in said], [q for _, q, _ in said])
    assert [(t, p.stance) for (t, _, _), p in zip(said, got, strict=True)] == [(t, s) for t, _, s in said]


def test_stance_an_answer_saying_it_takes_no_side_did_not_know(rules: StanceModel) -> None:
    """"We have no view on ..." was counted as agreed, "We are not convinced either way" as disagreed and
    "On Site H4, I am undecided." as unclear: each is "don't know" in the writer's words ("We are neutral
    on ..." the scale's middle), whatever a later sentence's cue says."""
    from respmine.themes.stance import says_neither, says_unsure

    unsure = ["We have no view on whether probation should be commissioned locally or regionally. "
              "We support 400 families.", "We are not convinced either way. Local work has benefits.",
              "On Site H4, I am undecided. Some housing is inevitable.",
              "We do not have a strong view on the level of commissioning.", "No view.",
              "The council does not commission through consortia and has no view.",
              "We don't know enough about how these would work to say.",
              "On whether charities should team up with companies, I honestly don't know. My son says no."]
    for text in unsure:
        assert says_unsure(text), text
    assert says_neither("We are neutral on local versus regional commissioning; what matters is housing.")
    for text in ("We have no view on the fee, but we strongly oppose the ban.",
                 "I am not convinced that charities should run probation.",
                 "We support it and have no view.", "We don't know why the Ministry proposes this."):
        assert not says_unsure(text), text
    got = rules.predict(unsure[:3], [LOCAL_Q, LOCAL_Q, SITE_Q])
    assert [p.stance for p in got] == ["neutral"] * 3


CONSORTIA_Q = "Should charities be able to form consortia with private providers to bid for contracts?"


def test_stance_a_yes_no_question_is_closed_when_its_answers_are(rules: StanceModel) -> None:
    """"Should charities be able to form consortia ...?" lists no "Yes / No", so its "Yes." and "No."
    answers were counted nowhere: a yes/no question most of whose respondents open with "Yes", "No" or
    "Agree" is read as offering them; one answered in lists or prose stays open, and a wh-question or one
    on facts is never closed."""
    from respmine.store.views import SegmentView
    from respmine.themes.stance import OFFERED, as_answered, asks_yes_no, closed_by_answers, opens_closed

    yes_no = (CONSORTIA_Q, "Do you think councils can commission well?", "Is it right that victims pay?",
              "Should anything else be included?")
    assert all(asks_yes_no(q) for q in yes_no)
    assert not any(asks_yes_no(q) for q in ("What should change?", "Do you have any other comments?",
                                            "Are you aware of the Code?", LOCAL_Q, None))
    opening = ("Yes.", "No, because ...", "Partly. We", "Disagree - charities ...", "Oh yes, let's all",
               "Nobody asked.", "No view.", "Local, always.")
    assert [opens_closed(t) for t in opening] == [True] * 5 + [False] * 3
    said = ["Yes.", "No. We have seen it fail.", "Yes, with safeguards.", "We have no settled view.",
            "Charities are partners, not bid candy."]
    assert closed_by_answers(CONSORTIA_Q, said)
    assert not closed_by_answers("Should anything else be included?", ["No.", "Housing.", "Debt advice.",
                                                                       "Mentors at the gate.", "No."])
    assert not closed_by_answers("What should change?", said) and not closed_by_answers(CONSORTIA_Q, said[:2])

    def seg(n: int, sub: str, question: str, start: int, text: str) -> SegmentView:
        return SegmentView(f"s{n}", sub, question, start, start + len(text), None, text, "heading", 1.0)

    segments = [seg(i, f"sub{i}", "Q3", 0, t) for i, t in enumerate(said)]
    segments.append(seg(9, "sub4", "Q3", 50, "Yes."))  # not that respondent's opening
    read = as_answered({"Q3": CONSORTIA_Q, "Q4": "What should change?"}, segments)
    assert read == {"Q3": CONSORTIA_Q + OFFERED, "Q4": "What should change?"}
    got = rules.predict(["Yes.", "No. We have seen it fail.",
                         "Oh yes, let's all become bid candy for a multinational. We've done it. So no."],
                        [read["Q3"]] * 3)
    assert [p.stance for p in got] == ["support", "oppose", "oppose"]


@pytest.mark.parametrize("sentence", [
    "Not implementing it would be wrong.", "Delaying it would be wrong.", "Scrapping it would be wrong.",
    "Abandoning it now would be unacceptable.", "Withdrawing this is unnecessary.",
    "Postponing it again would be harmful.", "Opposing it is misguided."])
def test_judging_the_undoing_of_the_proposal_is_no_opposition(sentence: str) -> None:
    """"Putting it on everyone is wrong" opposes; "Delaying it would be wrong", "Not implementing it would
    be wrong" are for it, and the cue for judging what is done to "it" read them as opposing (0.8)."""
    assert score_sentence(sentence)[1] == 0.0


def test_stance_cues_read_in_two_trials_wrong_respondents() -> None:
    """Sentences that set two trials' respondents on the wrong side: others' worry acknowledged ("We
    understand the concern about ...") is no concern of the writer's; whom the writer serves ("Victims we
    support have told us ...") is no support; "reservations about" is a concern; support "only if ..." is
    conditional, as is agreeing "but the Department must fund ..."; calling a ban put "disproportionate" or "a
    sledgehammer to crack a nut" judges it."""
    assert score_sentence("We understand the concern about stigma, but the safety of victims has to come "
                          "first.") == (0.0, 0.0, 0.0)
    assert score_sentence("We recognise the concerns raised by landlords.") == (0.0, 0.0, 0.0)
    assert score_sentence("We share the concern about stigma.")[1] > 0  # the writer's own
    assert score_sentence("We understand the concerns and we oppose the plan.")[1] == 1.0
    for served in ("Victims we support have told us that alerts would let them feel safe at home.",
                   "Falls are the biggest reason older people we support lose their independence."):
        assert score_sentence(served) == (0.0, 0.0, 0.0), served
    assert score_sentence("Yes we support it.")[0] == 1.0
    assert score_sentence("As parents we support the ban.")[0] == 1.0
    s, o, m = score_sentence("We support the aim of clearing footways, but we have reservations about a ban "
                             "on our bus routes.")
    assert s > 0 and o > 0 and m >= s  # mixed
    for conditional in ("Probation leaders would welcome GPS as a supervision tool, but only if alerts come "
                        "to the practitioner who knows the person.",
                        "We would only support this if victims are consulted."):
        s, o, m = score_sentence(conditional)
        assert m > s and o == 0, conditional
    for judged in ("A blanket national ban would be disproportionate.",
                   "I think a national ban is a sledgehammer to crack a nut.",
                   "A ban would be heavy-handed."):
        s, o, _ = score_sentence(judged)
        assert o > 0 and s == 0, judged
    assert score_sentence("A different approach would be fair.") == (0.0, 0.0, 0.0)  # another put, not this
    s, o, m = score_sentence("The borough council agrees that councils should be able to issue penalty "
                             "charge notices, but the Department must fund the officers this will need.")
    assert m > s > 0 and o == 0  # support with what must change: a condition
    assert score_sentence("We support the proposal, but it must not be delayed.") == (1.0, 0.0, 0.0)


def test_a_respondents_side_is_their_answer_on_the_proposal_itself() -> None:
    """Two trials' respondents who agreed (or disagreed) with the proposal and partly agreed with a
    question on a part of it ("We support victim alerts, provided that ...", "Partly.") were read as mixed:
    the answer on the proposal itself gives the side, other answers make it mixed only by taking the other
    side outright. Without such an answer, all combine as before."""
    from respmine.themes.stance import proposal_side

    assert proposal_side([("Q1", "support"), ("Q3", "mixed"), ("Q4", "neutral")], "Q1") == "support"
    assert proposal_side([("Q1", "oppose"), ("Q2", None), ("Q3", "mixed")], "Q1") == "oppose"
    assert proposal_side([("Q1", "support"), ("Q5", "oppose")], "Q1") == "mixed"  # the other side outright
    assert proposal_side([("Q1", "mixed"), ("Q3", "support")], "Q1") == "mixed"  # its own partly
    assert proposal_side([("Q1", "neutral"), ("Q3", "mixed")], "Q1") == "mixed"  # no side on it: all combine
    assert proposal_side([("Q3", "support"), ("Q4", "mixed")], "Q1") == "mixed"
    assert proposal_side([("Q1", "support"), ("Q3", "mixed")], None) == "mixed"  # no question asks
    assert proposal_side([], "Q1") is None
    assert proposal_side([("Q1", "neutral")], "Q1") == "neutral"


def test_the_question_on_the_proposal_itself_is_the_first_asking_for_agreement() -> None:
    from types import SimpleNamespace

    from respmine.themes.stance import proposal_question

    questions = {"Q1": "What is your name?",
                 "Q2": "Do you agree that pavement parking should be banned across England?",
                 "Q3": "Do you agree that councils should be able to issue penalty charge notices?",
                 "Q4": "Any other comments?"}
    assert proposal_question(questions, []) == "Q2"
    assert proposal_question({"Q1": "What safeguards are needed?", "Q2": "Any other comments?"}, []) is None
    # a yes/no question its answers show closed asks for agreement (`as_answered`)
    closed = {"Q1": "Should victims be able to opt in to alerts?",
              "Q2": "Do you agree that councils should be able to fine drivers?"}
    answers = [SimpleNamespace(question="Q1", submission=f"s{i}", start=0, text=t)
               for i, t in enumerate(["Yes.", "No.", "Yes, definitely.", "Yes."])]
    assert proposal_question(closed, answers) == "Q1"
    # (one naming the proposal as such is it: `test_the_proposal_question_is_not_on_the_problem_...`)
    assert proposal_question({**closed, "Q2": "Do you agree with the proposal?"}, answers) == "Q2"


def test_the_proposal_question_is_not_on_the_problem_consent_or_keeping_things_as_they_are() -> None:
    """(Session 29.) The first "Do you agree ...?" may ask about the consultation's analysis of the problem,
    its impact assessment, consent to be contacted, or keeping the current scheme: none is the question on
    what is proposed. Of those asking agreement with a proposal, one naming the proposals as a whole is
    preferred ("... with the proposals set out in this consultation?"), not one on a part ("the proposed
    changes to victim alerts"); a question the consultation marks (`named`) wins."""
    from respmine.themes.stance import keeps_as_is, on_the_proposal, proposal_question

    questions = {"Q1": "Do you agree with our assessment of the problem?",
                 "Q2": "Do you agree we may contact you about your response?",
                 "Q3": "Do you agree with the impact assessment?",
                 "Q4": "Do you agree the current scheme should stay as it is?",
                 "Q5": "Do you agree that councils should be able to issue penalty charge notices?",
                 "Q6": "Do you agree with the proposals set out in this consultation?"}
    assert proposal_question(questions, []) == "Q6"
    assert proposal_question({k: v for k, v in questions.items() if k != "Q6"}, []) == "Q5"
    assert proposal_question({k: questions[k] for k in ("Q1", "Q2", "Q3", "Q4")}, []) is None
    assert proposal_question(questions, [], named="Q5") == "Q5"
    assert proposal_question(questions, [], named="Q9") == "Q6"  # (no such question)
    parts = {"Q1": "Do you agree that GPS tagging should be extended to all prison leavers?",
             "Q2": "Do you agree with the proposed changes to victim alerts?"}
    assert proposal_question(parts, []) == "Q1"
    assert not asks_agreement("Do you agree we may contact you about your response?")  # consent: no view
    assert not asks_agreement("Do you agree that we may publish your response?")
    assert asks_agreement("Do you agree with our assessment of the problem?")  # (its answers still counted)
    assert not on_the_proposal("Do you agree with our assessment of the problem?")
    for backwards in ("Do you agree the current scheme should stay as it is?",
                      "Do you agree that the existing rules should remain unchanged?",
                      "Do you agree that no change is needed to the current licensing regime?"):
        assert keeps_as_is(backwards), backwards
    for forwards in ("Do you agree that people on unpaid work should continue to wear high-visibility vests?",
                     "Do you agree with the proposal to ban pavement parking?",
                     "Do you agree that the current scheme should be replaced?"):
        assert not keeps_as_is(forwards), forwards


def test_an_answer_to_a_question_on_keeping_things_as_they_are_counts_the_other_way() -> None:
    """(Session 29.) "Yes" to "Do you agree the current scheme should stay as it is?" is against change."""
    from respmine.themes.stance import proposal_side

    assert proposal_side([("Q1", "support")], None, backwards={"Q1"}) == "oppose"
    assert proposal_side([("Q1", "oppose"), ("Q2", "support")], "Q2", backwards={"Q1"}) == "support"
    assert proposal_side([("Q1", "support"), ("Q2", "support")], "Q2", backwards={"Q1"}) == "mixed"
    assert proposal_side([("Q1", "mixed")], None, backwards={"Q1"}) == "mixed"
    assert proposal_side([("Q1", "support")], None) == "support"


@pytest.mark.parametrize("sentence", [
    "As parents and carers we support it.",
    "As local residents we support this.",
    "As parents of young children we agree with the ban.",
    "As a family with young children we agree.",
    "Like most disabled people I agree.",
    "Speaking as parents of disabled children we support this.",
])
def test_saying_who_the_writers_are_before_their_view_is_no_relative_clause(sentence: str) -> None:
    """(Review of session 28.) "Victims we support have told us ..." names whom the writer serves, but "As
    parents and carers we support it" and "As parents of young children we agree with the ban" say who
    the writers are and then their view: they took no side once a people's word stood before "we". Only
    "support" names whom one serves ("the people we agree" is none), and a clause opening "As ..." /
    "Like ..." is the writer's own."""
    assert score_sentence(sentence)[0] == 1.0, sentence


def test_support_urged_sooner_and_another_scheme_judged_take_no_side_against() -> None:
    """(Review of session 28.) Support going on to "but it should be introduced as soon as possible" urges
    the proposal, no condition on it (it was mixed); "A voluntary scheme would be unworkable" judges the
    alternative a supporter rejects, not the proposal (it opposed), as "a different approach would be fair"
    puts another."""
    assert score_sentence("We support the ban, but it should be introduced as soon as possible.") == (
        1.0, 0.0, 0.0)
    assert score_sentence("We agree, but the Government should go further.") == (1.0, 0.0, 0.0)
    s, _, m = score_sentence("We support the proposal but councils must be given the funding to enforce it.")
    assert m > s > 0  # (a condition still)
    assert score_sentence("A voluntary scheme would be unworkable.") == (0.0, 0.0, 0.0)
    assert score_sentence("A blanket national ban would be disproportionate.")[1] > 0


@pytest.mark.parametrize("question", [
    "Do you agree the council may publish enforcement data?",
    "Do you agree that the government can use these powers to close premises?",
    "Do you agree that the authority could keep the income from penalty charges?",
    "Do you agree we can share data with police forces to enforce the ban?",
    "Do you agree that league tables should continue to be published?",
    "Do you agree that councils should be able to share your vehicle details with the DVLA?",
    "Do you agree that the proposals will keep you and your family safe?",
])
def test_a_policy_on_publishing_or_sharing_still_asks_agreement(question: str) -> None:
    """(Session 29 review.) Consent is to the respondent or their response being contacted, quoted or named;
    a policy on what the council may publish, share or keep asks agreement as before (a consent pattern on
    "the council may publish" had dropped such questions from the agreement counts)."""
    assert asks_agreement(question)


@pytest.mark.parametrize("question", [
    "Do you agree we may contact you about your response?",
    "Do you agree that we may publish your response?",
    "Do you agree for your response to be published?",
    "Do you agree that we may use your name in the report?",
    "Do you agree that the Department may contact you for further information?",
    "Do you agree that we can share your response with other departments?",
    "Do you agree with us publishing your organisation's name?",
])
def test_consent_to_be_contacted_or_quoted_asks_no_agreement(question: str) -> None:
    assert not asks_agreement(question)


@pytest.mark.parametrize(("question", "backwards"), [
    ("Do you agree that no change is needed to the funding formula, but that the cap should rise to £50?",
     False),
    ("Do you agree with the proposal to retain the existing cap on fees?", False),
    ("Do you agree that the existing ban should remain in place and be extended to e-scooters?", False),
    ("Do you agree with keeping the current exemption for blue badge holders while banning pavement parking"
     " elsewhere?", False),
    ("Do you agree that the current exemptions should continue to apply under the new ban?", False),
    ("Do you agree that bus travel for under-22s should remain free?", False),
    ("Do you agree that the libraries should stay open?", False),
    ("Do you agree the current scheme should stay as it is?", True),
    ("Do you agree that the present arrangements should continue?", True),
    ("Do you agree that the status quo should be maintained?", True),
    ("Do you agree that the current scheme should stay as it is, rather than the proposed changes?", True),
])
def test_keeping_things_as_they_are_only_where_nothing_else_is_proposed(question: str, backwards: bool
                                                                       ) -> None:
    """(Session 29 review.) A question keeping one thing while changing another, or keeping what it names as
    the proposal, asks agreement with a change: its "Yes" is not against the proposals."""
    from respmine.themes.stance import keeps_as_is, on_the_proposal

    assert keeps_as_is(question) is backwards
    assert on_the_proposal(question) is not backwards


def test_a_later_question_on_this_proposal_is_not_the_proposal_itself() -> None:
    """(Session 29 review.) "Do you agree with this proposal?" asks about the one the paragraph before it sets
    out, a part as often as not: the first question asking agreement with what is proposed stays the one
    on the proposal itself."""
    from respmine.themes.stance import proposal_question

    questions = {"Q1": "Do you agree that GPS tagging should be extended to all prison leavers?",
                 "Q2": "What safeguards are needed?",
                 "Q3": "Victims could opt in to exclusion-zone alerts. Do you agree with this proposal?"}
    assert proposal_question(questions, []) == "Q1"
