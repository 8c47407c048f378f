"""Analysts' decisions change the table: what the review app records is what the reports count."""

from __future__ import annotations

from respmine.report.tables import CodingData, build_rows, theme_table
from respmine.store import Store
from respmine.store import themes as themes_store
from respmine.store.themes import decide
from tests.report.helpers import CODEBOOK, hope_q2_takes_no_side


def counts(store: Store) -> dict[tuple[str, str], int]:
    return {(r.question, r.theme): r.respondents for r in theme_table(store, CODEBOOK)}


def test_rejecting_a_code_removes_the_respondent(made: tuple[Store, dict[str, str]]) -> None:
    store, segs = made
    assert counts(store)[("Q1", "funding.length")] == 2
    decide(store, CODEBOOK, "analyst", "reject", segment=segs["jane-q1"], theme="funding.length")
    after = counts(store)
    assert after[("Q1", "funding.length")] == 1
    assert after[("Q1", "funding")] == 5  # Jane's only funding code is gone from the parent too


def test_added_code_and_rename_show_in_the_table(made: tuple[Store, dict[str, str]]) -> None:
    store, segs = made
    decide(
        store,
        CODEBOOK,
        "analyst",
        "add",
        segment=segs["acme-q1"],
        theme="contracts",
        value={"start": 0, "end": 29},
    )
    decide(store, CODEBOOK, "analyst", "rename", theme="contracts", value={"label": "Contract size and lots"})
    row = next(r for r in theme_table(store, CODEBOOK) if (r.question, r.theme) == ("Q1", "contracts"))
    assert row.respondents == 1 and row.label == "Contract size and lots"
    assert row.quotes[0].text == "Funding should follow results"


def test_merge_moves_respondents_into_the_target(made: tuple[Store, dict[str, str]]) -> None:
    store, _ = made
    decide(store, CODEBOOK, "analyst", "merge", theme="volunteers", value={"into": "contracts"})
    after = counts(store)
    assert ("Q2", "volunteers") not in after
    assert after[("Q2", "contracts")] == 2  # Hope Trust and the duplicate pair (once)


def test_a_codebook_already_edited_is_not_edited_twice(made: tuple[Store, dict[str, str]]) -> None:
    from respmine.store.themes import decisions
    from respmine.themes.decisions import effective_codebook

    store, _ = made
    decide(store, CODEBOOK, "analyst", "rename", theme="volunteers", value={"label": "Volunteering"})
    edited = effective_codebook(CODEBOOK, decisions(store))  # what the pipeline passes
    assert edited.stamp == "test-book@1+r1"
    for book in (CODEBOOK, edited):
        data = CodingData.load(store, book)
        assert data.codebook.stamp == "test-book@1+r1"
        assert data.codebook.theme("volunteers").label == "Volunteering"


def _stances(data: CodingData, **kw: object) -> dict[tuple[str, str], dict[str, int]]:
    return {(r.question, r.theme): r.stance for r in build_rows(data, **kw)}  # type: ignore[arg-type]


def test_after_decisions_matches_a_fresh_load_when_a_stance_decision_moves_a_respondents_overall_side(
    made: tuple[Store, dict[str, str]],
) -> None:
    """Hope Trust's Q2 (contract size) takes no side: under a codebook of topics it counts with Hope's
    side over all their answers (Q1: support). An analyst sets Hope's Q1 to oppose: a fresh load counts
    Hope opposing under contract size; the review app's in-place update (`after_decisions`) must too."""
    store, segs = made
    hope_q2_takes_no_side(store, segs)
    before = CodingData.load(store, CODEBOOK)
    assert _stances(before)[("Q2", "contracts")]["support"] == 1
    themes_store.decide(store, CODEBOOK, "analyst1", "stance", segment=segs["hope-q1"],
                        value={"stance": "oppose"})
    new = themes_store.decisions(store)[-1:]
    fresh, updated = CodingData.load(store, CODEBOOK), before.after_decisions(store, CODEBOOK, new)
    assert updated is not None
    assert _stances(fresh)[("Q2", "contracts")]["oppose"] == 1
    assert _stances(updated)[("Q2", "contracts")] == _stances(fresh)[("Q2", "contracts")]
    assert _stances(updated, overall=True) == _stances(fresh, overall=True)


def test_a_theme_merging_the_opposite_position_still_carries_its_respondents_sides(
    made: tuple[Store, dict[str, str]],
) -> None:
    """Merging a position into the opposite one leaves a theme holding both sides, implying neither
    (`decisions.merged_theme`), but still a stance on the proposals: its respondents count with the sides
    their sentences take. Read as no position, the target's row lost them (Hope Trust's "full cost
    recovery", which supports, counted with no side), and where the merge left no other position the
    whole codebook was read as topics."""
    from respmine.report.tables import CodingData, build_rows

    store, _ = made
    book = CODEBOOK.model_copy(update={"themes": tuple(
        t.model_copy(update={"stance": {"funding.fcr": "support", "funding.length": "oppose",
                                        "volunteers": "support"}.get(t.id)}) for t in CODEBOOK.themes)})
    decide(store, book, "analyst", "merge", theme="funding.fcr", value={"into": "funding.length"})
    data = CodingData.load(store, book)
    assert data.stanced is not None and {"funding.length", "funding", "volunteers"} <= data.stanced
    assert "contracts" not in data.stanced
    row = next(r for r in build_rows(data) if (r.question, r.theme) == ("Q1", "funding.length"))
    assert row.stance["support"] >= 1, row.stance
    alone = book.model_copy(update={"themes": tuple(  # the merge leaves no other position
        t.model_copy(update={"stance": None}) if t.id == "volunteers" else t for t in book.themes)})
    assert CodingData.load(store, alone).stanced == frozenset({"funding.length", "funding"})
