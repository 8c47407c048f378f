"""The topic stage on real NHS feedback with the real MiniLM: identical reruns, late 10% leaves earlier
assignments alone, a refit keeps (nearly) all of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.topics.stage import run_topics
from tests.topics.helpers import add_segments, nhs_rows


def _fit(folder: Path, rows: list[tuple[str, str, str, str]]) -> Store:
    store = Store(f"sqlite:///{folder}/store.db")
    add_segments(store, [(i, q, t, "individual") for i, q, t, _ in rows])
    run_topics(store, None, folder / "model")
    return store


@pytest.mark.slow
def test_real_reruns_late_and_refit(tmp_path: Path, datasets: Path) -> None:
    rows = nhs_rows(datasets)[::9][:660]
    early, late = rows[:600], rows[600:]
    a = _fit(tmp_path / "a", early)
    b = _fit(tmp_path / "b", early)  # embeds again from scratch
    first = {s: (r.topic, r.probability) for s, r in topic_store.assignments(a).items()}
    assert first == {s: (r.topic, r.probability) for s, r in topic_store.assignments(b).items()}
    model = "model/topic_model.json"
    assert (tmp_path / "a" / model).read_bytes() == (tmp_path / "b" / model).read_bytes()

    add_segments(a, [(i, q, t, "organisation") for i, q, t, _ in late])
    summary = run_topics(a, None, tmp_path / "a" / "model")
    after = {s: r.topic for s, r in topic_store.assignments(a).items()}
    assert summary.method == "late" and summary.assigned == len(late)
    assert sum(after[s] == t for s, (t, _) in first.items()) / len(first) >= 0.99
    assert summary.outlier_share < 0.05

    refit = run_topics(a, None, tmp_path / "a" / "model", refit=True)
    assert refit.changes["kept_assignments"] >= 0.95  # type: ignore[operator]
