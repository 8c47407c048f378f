"""Theme table counts on a store with known answers: campaigns once, attachments with their e-mail,
children counting for parents, late responses marked, respondent types and stance."""

from __future__ import annotations

from respmine.report.register import COLUMNS, register, register_lists
from respmine.report.tables import (
    ALL,
    CodingData,
    PositionSplit,
    Unit,
    build_rows,
    position_split,
    question_stances,
    respondent_totals,
    theme_table,
    unit_stance,
)
from respmine.store import Store
from respmine.store import themes as themes_store
from tests.report.helpers import CODEBOOK, STANCE_CODEBOOK, hope_q2_takes_no_side


def rows_by_key(store: Store, **kwargs: object) -> dict[tuple[str, str], object]:
    return {(r.question, r.theme): r for r in theme_table(store, CODEBOOK, **kwargs)}  # type: ignore[arg-type]


def test_campaign_counts_once_with_its_letters_shown(made: tuple[Store, dict[str, str]]) -> None:
    row = rows_by_key(made[0])[("Q1", "funding.fcr")]
    # Hope Trust, River Project, Local Council (e-mail + attachment) and the campaign of 4 letters
    assert row.respondents == 4  # type: ignore[attr-defined]
    assert row.campaign_letters == 4  # type: ignore[attr-defined]
    assert row.by_type == {"charity": 2, "local_authority": 1, "individual": 1}  # type: ignore[attr-defined]


def test_child_codes_count_for_parent_and_parents_come_first(made: tuple[Store, dict[str, str]]) -> None:
    rows = theme_table(made[0], CODEBOOK)
    assert [(r.question, r.theme) for r in rows] == [
        ("Q1", "funding"),
        ("Q1", "funding.fcr"),
        ("Q1", "funding.length"),
        ("Q2", "contracts"),
        ("Q2", "volunteers"),
    ]
    funding = rows[0]
    assert funding.respondents == 6  # the 4 above + Acme (parent code) + Jane (child funding.length)
    assert funding.by_type == {"charity": 2, "local_authority": 1, "private_company": 1, "individual": 2}
    assert rows[2].respondents == 2  # River Project and Jane


def test_late_respondents_are_marked_and_can_be_left_out(made: tuple[Store, dict[str, str]]) -> None:
    store = made[0]
    funding = rows_by_key(store)[("Q1", "funding")]
    assert funding.late == 1  # type: ignore[attr-defined]  # Acme; the campaign has on-time letters
    on_time = rows_by_key(store, include_late=False)
    assert on_time[("Q1", "funding")].respondents == 5  # type: ignore[attr-defined]
    assert on_time[("Q1", "funding.fcr")].campaign_letters == 3  # type: ignore[attr-defined]
    assert on_time[("Q1", "funding")].late == 0  # type: ignore[attr-defined]


def test_stance_breakdown_per_respondent(made: tuple[Store, dict[str, str]]) -> None:
    funding = rows_by_key(made[0])[("Q1", "funding")]
    # Hope, River, campaign support; Acme opposes; Jane mixed; the council took no position
    assert funding.stance == {"support": 3, "oppose": 1, "mixed": 1, "neutral": 1}  # type: ignore[attr-defined]
    contracts = rows_by_key(made[0])[("Q2", "contracts")]
    assert contracts.stance["oppose"] == 1  # type: ignore[attr-defined]  # the evidence sentence's own stance
    # River Project's "Three-year contracts would give us certainty." takes no side, but the codebook marks
    # no positions (its themes are topics): River counts with its answer's support (the other sentence's)
    length = rows_by_key(made[0])[("Q1", "funding.length")]
    assert length.stance == {"support": 1, "oppose": 0, "mixed": 1, "neutral": 0}  # type: ignore[attr-defined]


def test_under_a_topic_a_respondent_counts_with_the_side_they_took_on_the_proposals(
    made: tuple[Store, dict[str, str]],
) -> None:
    """A codebook of topics: a respondent whose sentence and answer on a topic take no side counts there with
    the side they took over all their answers (Hope's Q2 on contract size, as its Q1: support), as the
    register's stance does; an analyst's "neutral" on the answer is not overridden; a respondent taking no
    side anywhere (the council) stays without one. A codebook marking positions keeps its sentences' sides
    (`test_stance_only_under_themes_about_the_proposals`)."""
    store, segs = made
    hope_q2_takes_no_side(store, segs)
    data = CodingData.load(store, CODEBOOK)
    contracts = {(r.question, r.theme): r for r in build_rows(data)}[("Q2", "contracts")]
    assert contracts.stance == {"support": 1, "oppose": 0, "mixed": 0, "neutral": 0}
    fcr = {(r.question, r.theme): r for r in build_rows(data)}[("Q1", "funding.fcr")]
    assert fcr.stance["neutral"] == 1  # the council
    assert {r.who: r.stance for r in register(data)}["Hope Trust"] == "support"
    themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs["hope-q2"],
                        value={"stance": "neutral"})
    contracts = {(r.question, r.theme): r for r in theme_table(store, CODEBOOK)}[("Q2", "contracts")]
    assert contracts.stance == {"support": 0, "oppose": 0, "mixed": 0, "neutral": 1}


def test_a_respondents_side_is_their_answer_on_the_question_on_the_proposal_itself(
    made: tuple[Store, dict[str, str]],
) -> None:
    """Under a codebook of topics, and in the register: Hope agreed on Q1, the consultation's question on the
    proposal itself (its first asking for agreement, read from the questions the store was segmented with),
    and partly agreed on Q2: it supports (combining every answer had made it mixed). Answering Q2 the
    other way outright still makes it mixed."""
    from sqlalchemy import update

    from respmine.store.models import SegmentationRow, StanceRow

    store, segs = made
    with store.session() as s, s.begin():
        s.add(SegmentationRow(id=1, key="k", documents=9, bias=None, routing=None, questions=[
            {"id": "Q1", "number": 1, "text": "Do you agree with the proposal to fund full cost recovery?"},
            {"id": "Q2", "number": 2, "text": "How should contracts be let?"}]))
        s.execute(update(StanceRow).where(StanceRow.segment == segs["hope-q2"]).values(stance="mixed"))
    data = CodingData.load(store, CODEBOOK)
    assert data.proposal_question == "Q1"
    assert {r.who: r.stance for r in register(data)}["Hope Trust"] == "support"
    with store.session() as s, s.begin():
        s.execute(update(StanceRow).where(StanceRow.segment == segs["hope-q2"]).values(stance="oppose"))
    assert {r.who: r.stance for r in register(CodingData.load(store, CODEBOOK))}["Hope Trust"] == "mixed"


def test_the_proposal_question_is_the_marked_one_else_not_on_the_problem_and_keeping_things_reads_backwards(
    made: tuple[Store, dict[str, str]],
) -> None:
    """(Session 29.) A first "Do you agree ...?" on the consultation's assessment of the problem is not the
    question on the proposal; a question the consultation marks `proposal: true` is, whatever its place; a
    "Yes" to "Do you agree the current rules should stay as they are?" is against the change (the register's
    stance), while the register still says the respondent agreed with that question."""
    from sqlalchemy import delete, update

    from respmine.store.models import SegmentationRow, StanceRow

    store, segs = made
    problem = {"id": "Q1", "number": 1, "text": "Do you agree with our assessment of the problem?"}
    proposal = {"id": "Q2", "number": 2,
                "text": "Do you agree with the proposals set out in this consultation?"}
    with store.session() as s, s.begin():
        s.add(SegmentationRow(id=1, key="k", documents=9, bias=None, routing=None,
                              questions=[problem, proposal]))
    assert CodingData.load(store, CODEBOOK).proposal_question == "Q2"
    with store.session() as s, s.begin():
        s.execute(delete(SegmentationRow))
        s.add(SegmentationRow(id=1, key="k", documents=9, bias=None, routing=None, questions=[
            {**problem, "text": "Do you agree with the principle of full cost recovery?"},
            {**proposal, "proposal": True}]))
    assert CodingData.load(store, CODEBOOK).proposal_question == "Q2"
    with store.session() as s, s.begin():
        s.execute(delete(SegmentationRow))
        s.add(SegmentationRow(id=1, key="k", documents=9, bias=None, routing=None, questions=[
            {"id": "Q1", "number": 1,
             "text": "Do you agree that the current funding rules should stay as they are?"},
            {"id": "Q2", "number": 2, "text": "How should contracts be let?"}]))
        s.execute(update(StanceRow).where(StanceRow.segment == segs["hope-q2"]).values(stance="neutral"))
    data = CodingData.load(store, CODEBOOK)
    assert data.proposal_question is None and data.backwards == {"Q1"}
    hope = {r.who: r for r in register(data, asking={"Q1"})}["Hope Trust"]
    assert dict(hope.agreement)["Q1"] == "support"  # (shown as "agreed": with keeping the rules)
    assert hope.stance == "oppose"


def test_respondent_type_filter_and_bases(made: tuple[Store, dict[str, str]]) -> None:
    store = made[0]
    charities = theme_table(store, CODEBOOK, respondent_type="charity", question="Q1")
    assert {r.theme: r.respondents for r in charities} == {
        "funding": 2,
        "funding.fcr": 2,
        "funding.length": 1,
    }
    data = CodingData.load(store, CODEBOOK)
    bases = respondent_totals(data)
    # duplicates count once, the campaign once, the e-mail with its attachment once
    assert dict(bases) == {"charity": 2, "private_company": 1, "individual": 3, "local_authority": 1}
    assert sum(respondent_totals(data, question="Q2").values()) == 2


def test_identical_copies_count_once_and_add_no_campaign_letters(made: tuple[Store, dict[str, str]]) -> None:
    row = rows_by_key(made[0])[("Q2", "volunteers")]
    assert row.respondents == 1 and row.campaign_letters == 0  # type: ignore[attr-defined]


def test_overall_rows_count_each_respondent_once_across_questions(made: tuple[Store, dict[str, str]]) -> None:
    data = CodingData.load(made[0], CODEBOOK)
    overall = {r.theme: r for r in build_rows(data, overall=True)}
    assert {r.question for r in overall.values()} == {ALL}
    assert overall["funding"].respondents == 6 and overall["contracts"].respondents == 1


def test_tables_from_one_load_match_tables_from_fresh_loads(made: tuple[Store, dict[str, str]]) -> None:
    """Tables share the hits grouped once per load: building some must not change the others."""
    filters: list[dict[str, object]] = [
        {}, {"overall": True}, {"respondent_type": "charity"}, {"include_late": False},
        {"overall": True, "question": "Q1"}, {"question": "Q2", "include_late": False},
        {"overall": True, "include_late": False, "respondent_type": "individual"},
    ]
    shared = CodingData.load(made[0], CODEBOOK)
    for kwargs in [*filters, *reversed(filters)]:
        fresh = CodingData.load(made[0], CODEBOOK)
        assert build_rows(shared, **kwargs) == build_rows(fresh, **kwargs)
    overall_q1 = {r.theme: r.respondents for r in build_rows(shared, overall=True, question="Q1")}
    assert overall_q1 == {"funding": 6, "funding.fcr": 4, "funding.length": 2}


def test_question_stances_count_each_respondents_answer(made: tuple[Store, dict[str, str]]) -> None:
    data = CodingData.load(made[0], CODEBOOK)
    # Hope, River and the campaign (once) support; Acme (late) opposes; Jane mixed; the council's e-mail
    # and its attachment are one neutral respondent
    assert question_stances(data, "Q1") == {"support": 3, "oppose": 1, "mixed": 1, "neutral": 1}
    assert question_stances(data, "Q1", include_late=False) == {"support": 3, "mixed": 1, "neutral": 1}
    assert question_stances(data, "Q2") == {"oppose": 1, "support": 1}  # the duplicate pair once
    assert question_stances(data, "Q9") == {}


def _council_answers(made: tuple[Store, dict[str, str]], text: str) -> CodingData:
    """The coding data once the local council's letter answers Q1 with `text`."""
    from sqlalchemy import update

    from respmine.store.models import SegmentRow

    store, segs = made
    with store.session() as s, s.begin():
        s.execute(update(SegmentRow).where(SegmentRow.id == segs["letter-q1"]).values(text=text))
    return CodingData.load(store, CODEBOOK)


def test_question_stances_count_dont_know_as_an_answer(made: tuple[Store, dict[str, str]]) -> None:
    """"Don't know" was counted with those who did not say clearly, though the question offered it; a
    "Don't know" that takes a side elsewhere in the respondent's answers counts as that side."""
    store, segs = made
    data = _council_answers(made, "Don't know. The council believes full cost recovery must be paid.")
    assert question_stances(data, "Q1") == {"support": 3, "oppose": 1, "mixed": 1, "unsure": 1}
    rows = {r.who: r for r in register(data, asking={"Q1"})}
    assert rows["Local Council"].agreement == (("Q1", "unsure"),)
    said = {row[1]: row[COLUMNS.index("agreement")] for row in register_lists(list(rows.values()), data)}
    assert said["Local Council"] == "Q1 did not know"
    themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs["mail-q1"],
                        value={"stance": "oppose"})
    assert question_stances(CodingData.load(store, CODEBOOK), "Q1")["oppose"] == 2


def test_question_stances_count_a_scales_middle_answer(made: tuple[Store, dict[str, str]]) -> None:
    """"Neither agree nor disagree", offered by a five-point scale, was counted with those who did not say
    clearly."""
    data = _council_answers(made, "Neither agree nor disagree. Full cost recovery matters to the council.")
    assert question_stances(data, "Q1") == {"support": 3, "oppose": 1, "mixed": 1, "neither": 1}
    rows = {r.who: r for r in register(data, asking={"Q1"})}
    said = {row[1]: row[COLUMNS.index("agreement")] for row in register_lists(list(rows.values()), data)}
    assert said["Local Council"] == "Q1 neither agreed nor disagreed"


def test_question_stances_combine_a_respondents_answers_and_follow_analysts(
        made: tuple[Store, dict[str, str]]) -> None:
    store, segs = made

    def stance(key: str, value: str) -> None:
        themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs[key], value={"stance": value})

    stance("letter-q1", "support")  # the council: its e-mail neutral, its letter now support -> support
    stance("c1-q1", "oppose")  # an analyst's stance on one campaign copy is the campaign's
    assert question_stances(CodingData.load(store, CODEBOOK), "Q1") == {"support": 3, "oppose": 2, "mixed": 1}
    stance("mail-q1", "oppose")  # the council both ways -> mixed
    stance("c2-q1", "support")  # analysts' stances on two copies differ: the campaign is mixed
    assert question_stances(CodingData.load(store, CODEBOOK), "Q1") == {"support": 2, "oppose": 1, "mixed": 3}


def test_an_analysts_stance_on_a_campaign_copy_is_the_campaigns(made: tuple[Store, dict[str, str]]) -> None:
    store, segs = made

    def stance(key: str, value: str) -> None:
        themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs[key], value={"stance": value})

    stance("c1-q1", "oppose")  # the three other copies still read support
    fcr = rows_by_key(store)[("Q1", "funding.fcr")]
    assert fcr.stance == {"support": 2, "oppose": 1, "mixed": 0, "neutral": 1}  # type: ignore[attr-defined]
    stance("c2-q1", "support")
    fcr = rows_by_key(store)[("Q1", "funding.fcr")]
    assert fcr.stance == {"support": 2, "oppose": 0, "mixed": 1, "neutral": 1}  # type: ignore[attr-defined]


def test_unit_stance_takes_a_campaigns_most_common_and_combines_anyone_elses() -> None:
    campaign = Unit("c", "individual", "Campaign", False, campaign="c")
    person = Unit("p", "charity", "P", True)
    s, o, n = "support", "oppose", "neutral"

    def letters(*stances: str | None, decided: int = -1) -> list[tuple[list[str | None], bool]]:
        return [([x], i == decided) for i, x in enumerate(stances)]

    assert unit_stance(campaign, letters(s, s, s, o)) == s  # one copy read otherwise
    assert unit_stance(campaign, letters(s, s, o, o)) == "mixed"  # a tie between sides
    assert unit_stance(campaign, letters(s, s, n, n, o)) == s  # the tied top ones combine, not all
    assert unit_stance(campaign, letters(s, None, None)) is None  # one member's own sentence: one letter
    assert unit_stance(campaign, letters(s, s, None)) == s
    assert unit_stance(campaign, letters(s, None)) is None  # a tie with letters taking none: none
    assert unit_stance(campaign, letters(s, s, s, o, decided=3)) == o  # an analyst's stance wins
    assert unit_stance(person, letters(s, s, o)) == "mixed"  # an e-mail and its attachments combine
    assert unit_stance(campaign, [([s, o], False)]) == "mixed"  # one letter: its own answers combine


def test_a_stance_from_a_position_theme_follows_analysts_decisions(
    made: tuple[Store, dict[str, str]],
) -> None:
    """A segment whose stance its position theme gave (its words took no side) loses it when an analyst
    rejects that code, on a fresh load and in the review app's in-place update alike; an analyst's own
    stance still wins."""
    from sqlalchemy import update

    from respmine.report.tables import CodingData
    from respmine.store.models import StanceRow

    store, segs = made
    fcr = CODEBOOK.theme("funding.fcr").model_copy(update={"stance": "support"})
    codebook = CODEBOOK.model_copy(update={"themes": tuple(fcr if t.id == fcr.id else t
                                                             for t in CODEBOOK.themes)})
    hope = segs["hope-q1"]
    with store.session() as s, s.begin():
        s.execute(update(StanceRow).where(StanceRow.segment == hope).values(stance="support", method="theme"))
    before = CodingData.load(store, codebook)
    assert before.stances[hope] == "support"
    themes_store.decide(store, codebook, "analyst1", "reject", segment=hope, theme="funding.fcr")
    new = themes_store.decisions(store)[-1:]
    fresh, updated = CodingData.load(store, codebook), before.after_decisions(store, codebook, new)
    assert updated is not None and fresh.stances[hope] == updated.stances[hope] == "neutral"
    themes_store.decide(store, codebook, "analyst1", "stance", segment=hope, value={"stance": "oppose"})
    assert CodingData.load(store, codebook).stances[hope] == "oppose"
    acme = segs["acme-q1"]  # words that take no side, a position the analyst adds: the position's stance
    with store.session() as s, s.begin():
        s.execute(update(StanceRow).where(StanceRow.segment == acme)
                  .values(stance="neutral", method="zero-shot"))
    themes_store.decide(store, codebook, "analyst1", "add", segment=acme, theme="funding.fcr",
                        value={"start": 0, "end": 29})
    assert CodingData.load(store, codebook).stances[acme] == "support"


def test_a_theme_one_campaign_letter_raised_counts_that_letter_not_the_campaign(
        made: tuple[Store, dict[str, str]]) -> None:
    """A member's own sentence in a campaign letter is one letter's view: the campaign still counts once,
    its letters column says one letter, and the summary says so (not "a campaign of 4 letters")."""
    from respmine.report.summaries import theme_summary

    store, segs = made
    themes_store.decide(store, CODEBOOK, "analyst1", "add", segment=segs["c2-q1"], theme="volunteers",
                        value={"start": 0, "end": 10})
    rows = rows_by_key(store)
    assert rows[("Q1", "volunteers")].respondents == 1  # type: ignore[attr-defined]
    assert rows[("Q1", "volunteers")].campaign_letters == 1  # type: ignore[attr-defined]
    assert rows[("Q1", "funding.fcr")].campaign_letters == 4  # type: ignore[attr-defined]  # every copy
    overall = {r.theme: r for r in build_rows(CodingData.load(store, CODEBOOK), overall=True)}
    bases = {"individual": 3, "charity": 2}
    assert "one of them through a single campaign letter" in theme_summary(overall["volunteers"], bases)
    assert "counting 4 letters of a campaign once" in theme_summary(overall["funding.fcr"], bases)


def test_a_campaign_letter_sent_with_its_copy_attached_is_one_letter(
        made: tuple[Store, dict[str, str]]) -> None:
    """Letters are counted as the campaign's size counts them (each member a letter), so the column never
    exceeds the campaign's size; a sender's own note attached to a member's e-mail is that member's letter."""
    from respmine.ingest.dispatch import reader_version
    from respmine.store.models import CampaignRow, SegmentRow, SubmissionRow
    from tests.report.helpers import DATA_TIME, sha

    store, segs = made
    with store.session() as s, s.begin():
        body = s.get(SubmissionRow, sha("c1.txt"))
        seg = s.get(SegmentRow, segs["c1-q1"])
        assert body is not None and seg is not None
        s.add(SubmissionRow(sha256=sha("c1-copy.pdf"), parent_sha256=body.sha256, kind="attachment",
                            source="c1-copy.pdf", format="pdf", method="test", status="ok", text=body.text,
                            pages=[], late=False, extractor_version=reader_version("txt"),
                            first_seen_at=DATA_TIME, updated_at=DATA_TIME))
        s.flush()
        s.add(SegmentRow(id=sha("seg:c1-copy"), submission=sha("c1-copy.pdf"), question="Q1", start=seg.start,
                         end=seg.end, page=1, text=seg.text, method="test", confidence=1.0))
        camp = s.get(CampaignRow, "campaign-abc")
        assert camp is not None
        camp.members = sorted([*camp.members, sha("c1-copy.pdf")])
        camp.size += 1
    themes_store.decide(store, CODEBOOK, "analyst1", "add", segment=sha("seg:c1-copy"), theme="funding.fcr",
                        value={"start": 0, "end": 10})
    assert rows_by_key(store)[("Q1", "funding.fcr")].campaign_letters == 5  # type: ignore[attr-defined]


def test_a_topics_respondents_by_the_positions_they_took(made: tuple[Store, dict[str, str]]) -> None:
    """With full cost recovery and contract length as positions on funding: Hope, the council and the
    campaign (once) took the first alone, Jane the second, River Project both, Acme neither."""
    positions = {"funding.fcr", "funding.length"}
    codebook = CODEBOOK.model_copy(update={"themes": tuple(
        t.model_copy(update={"position": True}) if t.id in positions else t for t in CODEBOOK.themes)})
    data = CodingData.load(made[0], codebook)
    fcr, length = (codebook.theme(t).label for t in ("funding.fcr", "funding.length"))
    assert position_split(data, "funding") == PositionSplit(
        (fcr, length), {(fcr,): 3, (length,): 1, (fcr, length): 1, (): 1})
    assert position_split(data, "contracts") is None  # no positions under it
    assert position_split(CodingData.load(made[0], CODEBOOK), "funding") is None


def test_stance_only_under_themes_about_the_proposals(made: tuple[Store, dict[str, str]]) -> None:
    """A codebook marking contract length as a position (it opposes the proposals) gives stance to it and
    the funding topic above it only: full cost recovery's and contract size's sentences take no side;
    contract length's codes take their sentence's side (Jane: mixed), else the position's (River)."""
    book = STANCE_CODEBOOK
    rows = {(r.question, r.theme): r for r in theme_table(made[0], book)}
    took = ("support", "oppose", "mixed")
    assert [rows[("Q2", "contracts")].stance[s] for s in took] == [0, 0, 0]  # Hope's "oppose" sentence
    assert [rows[("Q1", "funding.fcr")].stance[s] for s in took] == [0, 0, 0]
    assert [rows[("Q1", "funding.length")].stance[s] for s in took] == [0, 1, 1]
    # River (contract length, the position), Acme (its own sentence on funding itself); Jane mixed
    assert [rows[("Q1", "funding")].stance[s] for s in took] == [0, 2, 1]


def test_questions_on_keeping_things_are_read_as_answered_and_never_the_marked_one() -> None:
    """(Session 29 review.) "Should the current scheme stay as it is?" answered "Yes." / "No." is read as
    asking agreement (`as_answered`), as its stances were: its "Yes" is against the change too (it had been
    counted for it); a question the consultation marks `proposal: true` is never read backwards."""
    from types import SimpleNamespace

    keep = "Should the current scheme stay as it is?"
    segments = {f"s{i}": SimpleNamespace(id=f"s{i}", question="Q1", submission=f"r{i}", start=0, text=t)
                for i, t in enumerate(["Yes.", "No, it must change.", "Yes, keep it.", "No."])}

    def data(question: str, named: str | None = None) -> CodingData:
        return CodingData(codebook=None, segments=segments,  # type: ignore[arg-type]
                          submissions={}, units={}, unit_of={}, codes=[], stances={},
                          questions={"Q1": question, "Q2": "How should it be run?"},
                          named_proposal_question=named)

    assert data(keep).backwards == {"Q1"}
    asked = "Do you agree the current scheme should stay as it is?"
    assert data(asked).backwards == {"Q1"} and data(asked, named="Q1").backwards == frozenset()


def test_under_a_topic_an_answer_to_a_question_on_keeping_things_counts_the_way_the_register_does(
    made: tuple[Store, dict[str, str]],
) -> None:
    """(Session 29 review.) Hope's Q2 answer "Contracts are too large for us." is read with Q2, now "Do you
    agree that the current contract arrangements should stay as they are?": its opening sentence's "oppose"
    disagrees with keeping them, so it is for the change under the topic it raises, as in the register (the
    sentence's side had been counted unturned: oppose under contracts, support in the register); an analyst's
    stance on that answer likewise."""
    from respmine.store.models import SegmentationRow

    store, segs = made
    with store.session() as s, s.begin():
        s.add(SegmentationRow(id=1, key="k", documents=9, bias=None, routing=None, questions=[
            {"id": "Q1", "number": 1, "text": "How should services be funded?"},
            {"id": "Q2", "number": 2,
             "text": "Do you agree that the current contract arrangements should stay as they are?"}]))
    data = CodingData.load(store, CODEBOOK)
    assert data.backwards == {"Q2"}
    contracts = {(r.question, r.theme): r for r in build_rows(data)}[("Q2", "contracts")]
    assert contracts.stance == {"support": 1, "oppose": 0, "mixed": 0, "neutral": 0}
    assert {r.who: r.stance for r in register(data)}["Hope Trust"] == "support"
    themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs["hope-q2"],
                        value={"stance": "support"})  # (agreed the arrangements should stay)
    contracts = {(r.question, r.theme): r for r in theme_table(store, CODEBOOK)}[("Q2", "contracts")]
    assert contracts.stance == {"support": 0, "oppose": 1, "mixed": 0, "neutral": 0}


def test_a_forms_closed_cell_states_the_agreement_its_explanation_adds_reasons() -> None:
    """(Trial 32a: a survey row's "Strongly disagree" and its explanation column, both filed under the
    question, "Westbury saved my life in 2019. Don't take it away.", read as support: "partly agreed".) The
    closed cell is the respondent's answer; the explanation makes it partly only when it says so itself
    (its own stance mixed); an analyst's decision stands."""
    from respmine.report.tables import Unit, agreement_answer

    unit = Unit(key="u", respondent_type="individual", who="Individual respondent", organisation=False,
                members=("s",))
    texts = ["Strongly disagree", "Westbury saved my life in 2019. Don't take it away."]
    assert agreement_answer(unit, [(["oppose", "support"], False)], texts, ["oppose"]) == "oppose"
    partly = ["Strongly disagree", "I partly agree, but not with closing Westbury."]
    assert agreement_answer(unit, [(["oppose", "mixed"], False)], partly, ["oppose"]) == "mixed"
    assert agreement_answer(unit, [(["oppose", "support"], True)], texts, ["oppose"]) == "mixed"
    assert agreement_answer(unit, [(["oppose", "support"], False)], texts) == "mixed"  # (no closed cell)


def test_a_forms_closed_cell_decides_the_respondents_side_on_its_question() -> None:
    """(Trial 32a) The same for the respondent's stance on the proposals: the explanation beside a closed
    cell takes no side against it (row 1001 had been 'mixed'); one saying partly itself, or another
    question's answer, still counts."""
    from respmine.report.tables import beside_closed

    said = [("Q1", "oppose", True), ("Q1", "support", False), ("Q3", "support", False)]
    assert beside_closed(said) == [("Q1", "oppose"), ("Q1", None), ("Q3", "support")]
    partly = [("Q1", "oppose", True), ("Q1", "mixed", False)]
    assert beside_closed(partly) == [("Q1", "oppose"), ("Q1", "mixed")]
    assert beside_closed([("Q1", "support", False)]) == [("Q1", "support")]
