"""Two runs on the same input give byte-identical topic assignments, topic tables and model files."""

from __future__ import annotations

from pathlib import Path

from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.topics.stage import run_topics
from respmine.topics.views import topic_hierarchy, topic_table, topics_by_question
from tests.topics.helpers import CountingEmbedder, add_segments, synthetic


def _run(folder: Path) -> tuple[list[tuple[str, int, float, str]], list[dict[str, object]], bytes, bytes]:
    store = Store(f"sqlite:///{folder}/store.db")
    data = synthetic(["funding", "staffing", "transport", "parking"], 30, seed=3)
    add_segments(store, [(f"r{i}", f"Q{i % 3}", text, "individual") for i, (_, text) in enumerate(data)])
    run_topics(store, None, folder / "model", embedder=CountingEmbedder())
    rows = [(a.segment, a.topic, a.probability, a.model_version)
            for a in topic_store.assignments(store).values()]
    tables = [*topic_table(store), *topics_by_question(store), *topic_hierarchy(store)]
    return (rows, tables, (folder / "model" / "topic_model.json").read_bytes(),
            (folder / "model" / "topic_model.safetensors").read_bytes())


def test_two_runs_are_identical(tmp_path: Path) -> None:
    first = _run(tmp_path / "a")
    second = _run(tmp_path / "b")
    assert first[0] and len({t for _, t, _, _ in first[0]}) > 1
    assert first == second
