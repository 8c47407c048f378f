"""Reviewer's findings on 37e6a43..37c4248 (theme stance under a codebook of topics)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from respmine.report.tables import ALL, CodingData, build_rows
from respmine.store import Store
from respmine.store import themes as themes_store
from respmine.store.models import CodeRow, StanceRow
from tests.report.helpers import CODEBOOK


def _rows(data: CodingData, **kw: object) -> dict[tuple[str, str], dict[str, int]]:
    return {(r.question, r.theme): r.stance for r in build_rows(data, **kw)}  # type: ignore[arg-type]


def test_after_decisions_matches_a_fresh_load_when_a_stance_decision_moves_a_respondents_overall_side(
    made: tuple[Store, dict[str, str]],
) -> None:
    """Hope Trust's Q2 (contract size) takes no side: under a codebook of topics it counts with Hope's
    side over all their answers (Q1: support). An analyst sets Hope's Q1 to oppose: a fresh load counts
    Hope opposing under contract size; the review app's in-place update (`after_decisions`) must too."""
    store, segs = made
    hope2 = segs["hope-q2"]
    with store.session() as s, s.begin():
        s.execute(update(CodeRow).where(CodeRow.segment == hope2).values(stance=None))
        s.execute(update(StanceRow).where(StanceRow.segment == hope2).values(stance="neutral"))
    before = CodingData.load(store, CODEBOOK)
    assert _rows(before)[("Q2", "contracts")]["support"] == 1
    themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs["hope-q1"],
                        value={"stance": "oppose"})
    new = themes_store.decisions(store)[-1:]
    fresh, updated = CodingData.load(store, CODEBOOK), before.after_decisions(store, CODEBOOK, new)
    assert updated is not None
    assert _rows(fresh)[("Q2", "contracts")]["oppose"] == 1
    assert _rows(updated)[("Q2", "contracts")] == _rows(fresh)[("Q2", "contracts")]
    assert _rows(updated, overall=True) == _rows(fresh, overall=True)


def test_the_late_flow_names_an_organisations_email_that_also_attaches_a_campaign_copy(
    made: tuple[Store, dict[str, str]], tmp_path: Path,
) -> None:
    """An organisation's e-mail with its own response attached and a copy of a campaign letter: every
    output counts the e-mail as the organisation (`respondent_keys`: "one that also attaches a response
    of its own stays its own respondent"), so the late flow should name it, not call it a campaign letter."""
    from sqlalchemy import select

    from respmine import pipeline
    from respmine.config import Settings
    from respmine.ingest.dispatch import reader_version
    from respmine.store.models import CampaignRow, RespondentRow, SubmissionRow
    from respmine.store.views import read_respondent_keys
    from tests.report.helpers import DATA_TIME, sha

    store = made[0]
    names = ("org.eml", "org.eml#own.pdf", "org.eml#c5.txt")
    with store.session() as s, s.begin():
        for name in names:
            s.add(SubmissionRow(sha256=sha(name), parent_sha256=None if name == "org.eml" else sha("org.eml"),
                                kind="file" if name == "org.eml" else "attachment", source=name,
                                format=name.rsplit(".", 1)[-1], method="test", status="ok", text=name,
                                pages=[], late=True, extractor_version=reader_version("txt"),
                                first_seen_at=DATA_TIME, updated_at=DATA_TIME))
            s.flush()
        for name in names[:2]:
            s.add(RespondentRow(submission=sha(name), kind="organisation", respondent_type="charity",
                                organisation="Bright Futures", name="Kim Lee"))
        s.add(RespondentRow(submission=sha(names[2]), kind="individual", respondent_type="individual",
                            name="Citizen 5"))
        row = s.execute(select(CampaignRow).where(CampaignRow.id == "campaign-abc")).scalar_one()
        row.members = sorted([*row.members, sha(names[2])])
        row.size = 5
    keys = read_respondent_keys(store)
    assert keys[sha("org.eml")] == sha("org.eml")  # the outputs: the organisation, its own respondent
    assert keys[sha("org.eml#c5.txt")] == "campaign:campaign-abc"  # (its copy counts in the campaign)
    settings = Settings.load(tmp_path, store.url)
    said = pipeline.senders(settings, None, [{"file": "org.eml", "submissions": [sha(n) for n in names]}])
    assert said == ["Bright Futures (charity or community group)"]


def test_the_review_apps_theme_table_follows_a_stance_decision_on_another_answer(
    made: tuple[Store, dict[str, str]],
) -> None:
    """The same through the review app's cache (`ThemeTables`, which applies new segment decisions in place):
    its theme table must count as the report does after the decision."""
    from respmine.review.cache import ThemeTables

    store, segs = made
    hope2 = segs["hope-q2"]
    with store.session() as s, s.begin():
        s.execute(update(CodeRow).where(CodeRow.segment == hope2).values(stance=None))
        s.execute(update(StanceRow).where(StanceRow.segment == hope2).values(stance="neutral"))
    tables = ThemeTables(store, CODEBOOK)
    rows, _ = tables.rows("Q2", None, True)
    assert {r.theme: r.stance for r in rows}["contracts"]["support"] == 1
    themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs["hope-q1"],
                        value={"stance": "oppose"})
    rows, _ = tables.rows("Q2", None, True)
    fresh = _rows(CodingData.load(store, CODEBOOK), question="Q2")
    assert {r.theme: r.stance for r in rows}["contracts"] == fresh[("Q2", "contracts")]
    assert fresh[("Q2", "contracts")]["oppose"] == 1
    assert ALL  # (the ALL rows: `test_after_decisions_matches_a_fresh_load_...`)
