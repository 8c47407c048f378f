"""Late responses go to existing topics without refitting (earlier assignments untouched); a refit keeps
topic ids and names and says what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.topics.stage import run_topics
from tests.topics.helpers import CountingEmbedder, add_segments, synthetic


@pytest.fixture()
def fitted(tmp_path: Path) -> tuple[Store, Path, CountingEmbedder, list[tuple[str, str]]]:
    data = synthetic(["funding", "staffing", "transport", "parking"], 55, seed=1)
    early = [d for i, d in enumerate(data) if i % 11]  # 200 early, 20 late (10%)
    late = [d for i, d in enumerate(data) if not i % 11]
    store = Store(f"sqlite:///{tmp_path}/store.db")
    add_segments(store, [(f"e{i}", "Q1", t, "individual") for i, (_, t) in enumerate(early)])
    embedder = CountingEmbedder()
    summary = run_topics(store, None, tmp_path / "model", embedder=embedder)
    assert summary.method == "fit" and summary.assigned == len(early)
    add_segments(store, [(f"l{i}", "Q1", t, "organisation") for i, (_, t) in enumerate(late)])
    return store, tmp_path / "model", embedder, late


def test_late_ten_percent_leaves_earlier_assignments_unchanged(fitted) -> None:  # type: ignore[no-untyped-def]
    store, model_dir, embedder, late = fitted
    before = {s: a.topic for s, a in topic_store.assignments(store).items()}
    embedder.embedded.clear()
    summary = run_topics(store, None, model_dir, embedder=embedder)
    after = {s: a.topic for s, a in topic_store.assignments(store).items()}
    assert summary.method == "late" and summary.assigned == len(late)
    assert sorted(embedder.embedded) == sorted(t for _, t in late)  # only the late texts were embedded
    unchanged = sum(before[s] == after[s] for s in before) / len(before)
    assert unchanged >= 0.99
    assert len(after) == len(before) + len(late)
    assert summary.changes["late_assigned"] == len(late)
    assert {a.method for s, a in topic_store.assignments(store).items() if s not in before} == {"late"}


def test_refit_keeps_ids_and_names_and_reports_changes(fitted) -> None:  # type: ignore[no-untyped-def]
    store, model_dir, embedder, _ = fitted
    run_topics(store, None, model_dir, embedder=embedder)  # late batch first
    names = {t.id: t.name for t in topic_store.topics(store)}
    before = {s: a.topic for s, a in topic_store.assignments(store).items()}
    summary = run_topics(store, None, model_dir, embedder=embedder, refit=True)
    assert summary.method == "refit" and summary.version == "topics-2"
    after = {s: a.topic for s, a in topic_store.assignments(store).items()}
    kept = sum(before[s] == after[s] for s in before) / len(before)
    assert kept >= 0.95 and summary.changes["kept_assignments"] == pytest.approx(kept, abs=1e-4)
    survivors = [t for t in summary.topics if t.id in names and t.id >= 0]
    assert survivors and all(t.name == names[t.id] for t in survivors)
    assert set(summary.changes) >= {"new", "merged", "grown", "removed"}
    assert [f.version for f in topic_store.fits(store)] == ["topics-1", "topics-2"]


def test_late_run_with_nothing_new_changes_nothing(fitted) -> None:  # type: ignore[no-untyped-def]
    store, model_dir, embedder, _ = fitted
    run_topics(store, None, model_dir, embedder=embedder)
    before = {s: (a.topic, a.probability) for s, a in topic_store.assignments(store).items()}
    summary = run_topics(store, None, model_dir, embedder=embedder)
    assert summary.assigned == 0
    assert {s: (a.topic, a.probability) for s, a in topic_store.assignments(store).items()} == before


def test_late_run_refuses_another_embedder(fitted) -> None:  # type: ignore[no-untyped-def]
    store, model_dir, _, _ = fitted
    other = CountingEmbedder()
    other.name = "something-else"
    with pytest.raises(ValueError, match="refit"):
        run_topics(store, None, model_dir, embedder=other)


def test_refit_with_another_embedder_aligns_by_overlap(fitted) -> None:  # type: ignore[no-untyped-def]
    from respmine.topics.tfidf import TfidfSvdEmbedder

    store, model_dir, _, _ = fitted
    names = {t.id: t.name for t in topic_store.topics(store)}
    summary = run_topics(store, None, model_dir, embedder=TfidfSvdEmbedder(), refit=True)
    assert summary.method == "refit" and summary.embedder.startswith("tfidf-svd")
    survivors = [t for t in summary.topics if t.id in names and t.id >= 0 and t.size]
    assert survivors and all(t.name == names[t.id] for t in survivors)
    late = run_topics(store, None, model_dir)  # the late path now uses the saved TF-IDF+SVD embedder
    assert late.method == "late" and late.embedder == summary.embedder
