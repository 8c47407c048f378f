"""Codebook guidance: topics that match a theme say so; a group that matches no theme is surfaced as an
emerging theme (keywords, size, quotes) that can be promoted into the codebook."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.store.repository import Store
from respmine.themes.codebook import Codebook, Theme
from respmine.topics.embed import Embedder
from respmine.topics.stage import run_topics
from respmine.topics.tfidf import TfidfSvdEmbedder
from respmine.topics.views import emerging_themes, promote
from tests.topics.helpers import add_segments, segment_key, synthetic

CODEBOOK = Codebook(name="test", version="1", themes=(
    Theme(id="funding", label="Funding and budgets", description="Money, grants and council budget cuts",
          phrases=("budget", "grant", "funding cuts")),
    Theme(id="staffing", label="Staffing", description="Nurse and staff shortages, recruitment and workload",
          phrases=("staff shortage", "recruitment")),
    Theme(id="transport", label="Public transport", description="Buses, trains, routes and fares",
          phrases=("bus route", "train", "fares")),
))


def _check(tmp_path: Path, embedder: Embedder) -> None:
    data = synthetic(["funding", "staffing", "transport", "parking"], 40)
    store = Store(f"sqlite:///{tmp_path}/store.db")
    add_segments(store, [(f"i{i}", "Q1", t, "individual") for i, (_, t) in enumerate(data)])
    group_of = {segment_key(f"seg:i{i}"): g for i, (g, _) in enumerate(data)}
    summary = run_topics(store, CODEBOOK, tmp_path / "model", embedder=embedder)
    themes = {t.theme for t in summary.topics if t.size}
    assert {"funding", "staffing", "transport"} <= themes
    found = emerging_themes(store)
    assert found and [e.id for e in found] == [t["id"] for t in summary.as_dict()["emerging"]]  # type: ignore[index]
    parking = [e for e in found if all(group_of[q["segment"]] == "parking" for q in e.quotes)]
    assert sum(e.size for e in parking) >= 0.8 * 40  # the unplanned group is surfaced
    first = found[0]
    assert first.keywords and len(first.quotes) == 3 and first.size > 0
    assert any(w in " ".join(first.keywords) for w in ("park", "permit", "fines", "tickets", "charges"))
    bigger = promote(CODEBOOK, first)
    assert len(bigger.themes) == 4 and bigger.themes[-1].label == first.name
    again = run_topics(store, bigger, tmp_path / "model", embedder=embedder, refit=True)
    assert bigger.themes[-1].id in {t.theme for t in again.topics}  # the promoted theme now matches


def test_emerging_theme_with_tfidf_embedder(tmp_path: Path) -> None:
    _check(tmp_path, TfidfSvdEmbedder())


@pytest.mark.slow
def test_emerging_theme_with_minilm(tmp_path: Path) -> None:
    from respmine.topics.embed import MiniLM

    _check(tmp_path, MiniLM())


def test_a_late_runs_summary_lists_the_emerging_themes_the_report_does(tmp_path: Path) -> None:
    """A late run's summary listed emerging topics by the fit's flags; the report and the review app read
    the passages now (`guide.emerging_now`). Late form cells ("N/A", "No opinion", "Agree") placed in the
    unplanned topic until most of its passages say no view: it is no emerging theme in the summary either."""
    from tests.topics.helpers import CountingEmbedder

    data = synthetic(["funding", "staffing", "transport", "parking"], 40)
    parking = [t for g, t in data if g == "parking"]
    cells = ["N/A", "No opinion", "Agree", "Yes - agree", "Not applicable", "See above", "As above.", "None.",
             "Nothing to add", "No comment", "Disagree", "Prefer not to say"] * 4

    class Placed(CountingEmbedder):  # each cell embedded as a passage of the unplanned topic would be
        def embed(self, texts):  # type: ignore[no-untyped-def]
            placed = [parking[i % len(parking)] if t in cells else t for i, t in enumerate(texts)]
            return super().embed(placed)

    store = Store(f"sqlite:///{tmp_path}/store.db")
    add_segments(store, [(f"i{i}", "Q1", t, "individual") for i, (_, t) in enumerate(data)])
    embedder = Placed()
    fitted = run_topics(store, CODEBOOK, tmp_path / "model", embedder=embedder)
    unplanned = {e.id for e in emerging_themes(store)}
    assert unplanned and [t.id for t in fitted.emerging] == sorted(unplanned)
    add_segments(store, [(f"c{i}", "Q1", t, "individual") for i, t in enumerate(cells)])
    late = run_topics(store, CODEBOOK, tmp_path / "model", embedder=embedder)
    assert late.method == "late"
    now = [e.id for e in emerging_themes(store)]
    assert sorted(t.id for t in late.emerging) == sorted(now)
    assert set(now) < unplanned  # a topic the cells joined is no emerging theme now
