"""After an analyst's decision the theme table's data is updated for the decided segments only, and must
be exactly what a full reload gives; codebook edits and reruns still reload everything."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from respmine.report.tables import CodingData, build_rows
from respmine.review.cache import ThemeTables
from respmine.store.repository import Store
from respmine.store.themes import decide, machine_codes, replace_codes, stances
from respmine.themes.codebook import load_codebook
from tests.review.helpers import CODEBOOK, build_big

FILTERS = [(None, None, True), ("Q2", None, True), ("Q3", "charity", False), (None, "individual", False)]


def _assert_same(tables: ThemeTables, store: Store) -> None:
    codebook = load_codebook(CODEBOOK)
    kept, full = tables.data(), CodingData.load(store, codebook)
    assert kept.codes == full.codes
    assert kept.stances == full.stances
    assert kept.decisions == full.decisions
    assert kept.hits == full.hits
    for question, rtype, late in FILTERS:
        rows = tables.rows(question, rtype, late)[0]
        assert rows == build_rows(full, question=question, respondent_type=rtype, include_late=late,
                                  overall=question is None)


def test_cache_segment_decisions_update_in_place_as_a_full_reload_would(tmp_path: Path) -> None:
    """Random accepts, rejects, adds (with evidence spans), stances and reviews, one to three at a time,
    on segments with and without codes and on parent themes: after each batch the updated data equals a
    fresh load, and the segments were not read again (the update path was taken)."""
    settings = build_big(tmp_path, n_segments=1500, per_submission=5, seed=3)
    store, codebook = Store(settings.store_url), load_codebook(CODEBOOK)
    tables = ThemeTables(store, codebook)
    first = tables.data()
    rng = random.Random(5)
    segments = sorted(first.segments)
    coded = sorted({(c.segment, c.theme) for c in first.codes})
    for _ in range(25):
        for _ in range(rng.randint(1, 3)):
            action = rng.choice(("accept", "reject", "add", "stance", "reviewed"))
            if action in ("accept", "reject") and rng.random() < 0.7:
                segment, theme = rng.choice(coded)  # mostly on codes the machine made
            else:
                segment, theme = rng.choice(segments), rng.choice(codebook.ids)
            value: dict[str, object] = {}
            if action == "add" and rng.random() < 0.5:
                value = {"start": 3, "end": 30}
            elif action == "stance":
                value = {"stance": rng.choice(("support", "oppose", "mixed", "neutral"))}
            decide(store, codebook, "ana", action, segment=segment,
                   theme=None if action in ("stance", "reviewed") else theme, value=value)
        _assert_same(tables, store)
        assert tables.data().segments is first.segments  # updated, not reloaded


def test_cache_codebook_edit_or_rerun_reloads_everything(tmp_path: Path) -> None:
    settings = build_big(tmp_path, n_segments=500, per_submission=5, seed=4)
    store, codebook = Store(settings.store_url), load_codebook(CODEBOOK)
    tables = ThemeTables(store, codebook)
    first = tables.data()

    decide(store, codebook, "ana", "rename", theme="funding", value={"label": "Money"})
    renamed = tables.data()
    assert renamed.segments is not first.segments
    assert {r.label for r in tables.rows(None, None, True)[0] if r.theme == "funding"} == {"Money"}
    _assert_same(tables, store)

    segment = sorted(first.segments)[0]
    decide(store, codebook, "ana", "stance", segment=segment, value={"stance": "oppose"})
    assert tables.data().segments is renamed.segments  # a segment decision after a reload: updated

    before = tables.data()
    machine = [replace(c, confidence=0.5) for c in machine_codes(store)]  # a rerun: every code rewritten
    replace_codes(store, sorted({c.segment for c in machine} | set(stances(store))), machine,
                  stances(store).values())
    assert tables.data().segments is not before.segments
    _assert_same(tables, store)


def test_the_review_apps_theme_table_follows_a_stance_decision_on_another_answer(
    made: tuple[Store, dict[str, str]],
) -> None:
    """The same through the review app's cache (`ThemeTables`, which applies new segment decisions in place):
    its theme table must count as the report does after the decision."""
    from respmine.store import themes as themes_store
    from tests.report.helpers import CODEBOOK as BOOK  # (the `made` store's)
    from tests.report.helpers import hope_q2_takes_no_side

    store, segs = made
    hope_q2_takes_no_side(store, segs)
    tables = ThemeTables(store, BOOK)
    rows, _ = tables.rows("Q2", None, True)
    assert {r.theme: r.stance for r in rows}["contracts"]["support"] == 1
    themes_store.decide(store, BOOK, "analyst1", "stance", segment=segs["hope-q1"],
                        value={"stance": "oppose"})
    rows, _ = tables.rows("Q2", None, True)
    fresh = {(r.question, r.theme): r.stance for r in build_rows(CodingData.load(store, BOOK), question="Q2")}
    assert {r.theme: r.stance for r in rows}["contracts"] == fresh[("Q2", "contracts")]
    assert fresh[("Q2", "contracts")]["oppose"] == 1
