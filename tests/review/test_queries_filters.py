"""The SQL filters agree with the effective coding the reports use (`store.themes.effective_codes`)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from respmine.review.queries import SegmentFilter, descendants, ensure_indexes, find_segments
from respmine.store.repository import Store
from respmine.store.themes import decide, decisions, effective_codes, effective_stances
from respmine.themes.codebook import load_codebook
from respmine.themes.decisions import effective_codebook, reviewed_segments
from tests.review.helpers import CODEBOOK, THEMES, build_big


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """600 segments with machine codes, and a few hundred random analyst decisions, a merge among them."""
    settings = build_big(tmp_path_factory.mktemp("filters"), n_segments=600)
    store = Store(settings.store_url)
    ensure_indexes(store)
    codebook = load_codebook(CODEBOOK)
    rng = random.Random(3)
    segments = sorted({c.segment for c in effective_codes(store, codebook)})
    for n in range(300):
        seg = rng.choice(segments)
        action = rng.choice(("accept", "reject", "add", "stance", "reviewed"))
        value = {"stance": rng.choice(("support", "oppose"))} if action == "stance" else None
        themes = THEMES if n <= 150 else [t for t in THEMES if t != "contracts"]  # merged away at n=150
        decide(store, codebook, "ana", action, segment=seg, theme=rng.choice(themes), value=value)
        if n == 150:
            decide(store, codebook, "ana", "merge", theme="contracts", value={"into": "funding"})
    return store


def _all(store: Store, f: SegmentFilter) -> set[str]:
    codebook = load_codebook(CODEBOOK)
    page = find_segments(store, codebook, f, per_page=10_000)
    assert page.total == len(page.items)
    return {i.id for i in page.items}


@pytest.mark.parametrize("theme", ["funding", "funding.full_cost_recovery", "volunteers", "role", "role.core",
                                   "commissioning", "resettlement", "consortia.risks"])
def test_theme_filter_matches_effective_codes_with_sub_themes(decided: Store, theme: str) -> None:
    codebook = load_codebook(CODEBOOK)
    book = effective_codebook(codebook, decisions(decided))
    wanted = {theme, *descendants(book, theme)}
    truth = {c.segment for c in effective_codes(decided, codebook) if c.theme in wanted}
    assert truth, "the fixture should code every tested theme"
    assert _all(decided, SegmentFilter(theme=theme)) == truth


def test_merged_theme_counts_under_its_target(decided: Store) -> None:
    merged = _all(decided, SegmentFilter(theme="funding"))
    codebook = load_codebook(CODEBOOK)
    contracts = {c.segment for c in effective_codes(decided, codebook) if c.theme == "funding"}
    assert contracts <= merged


def test_stance_filter_matches_effective_stances(decided: Store) -> None:
    stances = effective_stances(decided)
    for stance in ("support", "oppose", "mixed", "neutral"):
        assert _all(decided, SegmentFilter(stance=stance)) == {k for k, v in stances.items() if v == stance}


def test_reviewed_filter_matches_the_decision_log(decided: Store) -> None:
    reviewed = reviewed_segments(decisions(decided))
    assert _all(decided, SegmentFilter(reviewed=True)) == reviewed
    assert _all(decided, SegmentFilter(reviewed=False)).isdisjoint(reviewed)
    assert len(_all(decided, SegmentFilter(reviewed=False))) == 600 - len(reviewed)


def test_filters_combine_and_page(decided: Store) -> None:
    codebook = load_codebook(CODEBOOK)
    both = SegmentFilter(question="Q3", respondent_type="charity", late=False, text="FUNDING")
    found = _all(decided, both)
    assert found
    first = find_segments(decided, codebook, both, page=1, per_page=3)
    second = find_segments(decided, codebook, both, page=2, per_page=3)
    assert first.total == len(found) and first.pages == -(-len(found) // 3)
    assert {i.id for i in first.items}.isdisjoint({i.id for i in second.items})
    for item in first.items:
        assert item.question == "Q3" and item.respondent_type == "charity" and not item.late
        assert "funding" in item.text.lower()


def test_text_search_treats_wildcards_literally(decided: Store) -> None:
    assert _all(decided, SegmentFilter(text="%")) == set()
    assert _all(decided, SegmentFilter(text="_")) == set()


def test_names_are_only_read_for_analysts(decided: Store, tmp_path: Path) -> None:
    codebook = load_codebook(CODEBOOK)
    viewer = find_segments(decided, codebook, SegmentFilter(question="Q1"), analyst=False)
    analyst = find_segments(decided, codebook, SegmentFilter(question="Q1"), analyst=True)
    assert all(i.name is None for i in viewer.items)
    assert all(i.name for i in analyst.items)


def test_page_stances_match_the_theme_tables(decided: Store) -> None:
    """A segment whose words take no side takes its stance from the positions analysts left on it (an added
    "core partner" code: support), on the segments page as in the theme table and every export."""
    from respmine.report.tables import CodingData

    codebook = load_codebook(CODEBOOK)
    assert any(t.stance for t in codebook.themes)  # the sample codebook marks its positions
    items = find_segments(decided, codebook, SegmentFilter(), per_page=10_000).items
    data = CodingData.load(decided, codebook)
    shown = {i.id: i.stance for i in items}
    assert shown == {i.id: data.stances.get(i.id) for i in items}
    assert any(shown[s] != v for s, v in effective_stances(decided).items() if s in shown)  # (it matters)


def test_segment_names_its_respondent_as_the_reports_do() -> None:
    """A respondent with no sign of who they are is "not identified" on the pages too, not an individual."""
    from respmine.report.tables import INDIVIDUAL, NOT_IDENTIFIED
    from respmine.review.queries import SegmentItem

    def item(kind: str, rtype: str, org: str | None = None) -> SegmentItem:
        return SegmentItem("s", "sub", "Q1", "text", 0, 4, 1, "a.pdf", False, kind, rtype, org, None, None,
                           False)

    assert item("individual", "unknown").who == NOT_IDENTIFIED
    assert item("individual", "individual").who == INDIVIDUAL
    assert item("organisation", "charity", "Hope Trust").who == "Hope Trust"
