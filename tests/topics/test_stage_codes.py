"""The topic stage matches topics to themes by the theme coder's codes in the store (the themes stage runs
first): a group nobody coded surfaces as an emerging theme even where a theme's description is near it,
and only a store nobody has coded falls back to matching by similarity."""

from __future__ import annotations

from pathlib import Path

from respmine.records import Code, Span
from respmine.store.models import ThemeStateRow
from respmine.store.repository import Store
from respmine.store.themes import replace_codes
from respmine.themes.codebook import Codebook, Theme
from respmine.topics.stage import run_topics
from respmine.topics.tfidf import TfidfSvdEmbedder
from respmine.topics.views import emerging_themes
from tests.topics.helpers import add_segments, synthetic

CODEBOOK = Codebook(name="test", version="1", themes=(
    Theme(id="funding", label="Funding and budgets", description="Money, grants and council budget cuts",
          phrases=("budget", "grant")),
    Theme(id="staffing", label="Staffing", description="Nurse and staff shortages, recruitment and workload",
          phrases=("staff shortage", "recruitment")),
    # its description is near the parking comments, which no rule, classifier or analyst coded with it
    Theme(id="transport", label="Getting there", description="Car parking, parking charges, permits, fines "
          "and parking tickets, parking spaces", phrases=("bus route",)),
))


def _store(tmp_path: Path, coded: bool) -> tuple[Store, dict[str, str]]:
    data = synthetic(["funding", "staffing", "parking"], 30)
    store = Store(f"sqlite:///{tmp_path}/store.db")
    ids = add_segments(store, [(f"i{i}", "Q1", t, "individual") for i, (_, t) in enumerate(data)])
    group = {s: g for s, (g, _) in zip(ids, data, strict=True)}
    if coded:  # what the themes stage leaves: codes on the planned groups, a state on every segment
        codes = [Code(s, g, 0.7, "rule", Span(0, 5), "x") for s, g in group.items() if g != "parking"]
        codes += [Code(s, "transport", 0.9, "classifier-fallback", Span(0, 5), "x")
                  for s, g in group.items() if g == "parking"][:10]  # a last-resort pick decides nothing
        replace_codes(store, ids, codes, [])
        with store.session() as s, s.begin():
            s.add_all(ThemeStateRow(segment=x, stamp="s", codebook="k", stance="s") for x in ids)
    return store, group


def test_stage_codes_decide_which_topics_emerge(tmp_path: Path) -> None:
    store, group = _store(tmp_path, coded=True)
    summary = run_topics(store, CODEBOOK, tmp_path / "model", embedder=TfidfSvdEmbedder())
    by_theme = {t.theme for t in summary.topics if t.size}
    assert {"funding", "staffing"} <= by_theme and "transport" not in by_theme
    found = emerging_themes(store)
    parking = [e for e in found if all(group[q["segment"]] == "parking" for q in e.quotes)]
    assert sum(e.size for e in parking) >= 0.8 * 30
    matched = [t for t in summary.topics if t.theme]
    assert all(t.share is not None and t.share >= 0.5 for t in matched)  # each named by its codes


def test_stage_without_codes_falls_back_to_similarity(tmp_path: Path) -> None:
    store, _ = _store(tmp_path, coded=False)
    summary = run_topics(store, CODEBOOK, tmp_path / "model", embedder=TfidfSvdEmbedder())
    assert "transport" in {t.theme for t in summary.topics if t.size}  # the near description wins
    assert all(t.share is None for t in summary.topics)


def test_stage_topics_matched_before_codes_are_refit_once(tmp_path: Path) -> None:
    """A store whose topics were matched before matching read the codes (no shares) refits once."""
    from respmine.store.models import TopicRow
    from respmine.topics.stage import _matched_before_codes

    store, _ = _store(tmp_path, coded=False)
    assert not _matched_before_codes(store, CODEBOOK)  # no topics yet
    with store.session() as s, s.begin():
        s.add(TopicRow(id=0, name="old", keywords=["old"], size=1, theme=None, similarity=0.2,
                       emerging=True, quotes=[], model_version="t1"))
    assert not _matched_before_codes(store, CODEBOOK)  # no codes: nothing to match by
    coded, _ = _store(tmp_path / "coded", coded=True)
    with coded.session() as s, s.begin():
        s.add(TopicRow(id=0, name="old", keywords=["old"], size=1, theme=None, similarity=0.2,
                       emerging=True, quotes=[], model_version="t1"))
    assert _matched_before_codes(coded, CODEBOOK)  # an old fit, codes now: refit
    with coded.session() as s, s.begin():
        s.get(TopicRow, 0).share = 0.0  # type: ignore[union-attr]
    assert not _matched_before_codes(coded, CODEBOOK)  # matched by codes already
