"""Topic keywords and names leave out respondents' organisation names (from the store's respondents): a
company that names itself on every page does not name the topic of its pages."""

from __future__ import annotations

from pathlib import Path

from respmine.store.repository import Store
from respmine.topics.stage import run_topics
from respmine.topics.tfidf import TfidfSvdEmbedder
from tests.topics.helpers import add_letters, synthetic


def test_stage_keywords_skip_respondents_names(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/store.db")
    data = synthetic(["funding", "parking"], 24)
    own = [f"Zentrix believes {t[0].lower()}{t[1:]} Zentrix Corporation asks for change."
           for _, t in data[24:36]]
    add_letters(store, [("zentrix", own), *[(f"r{i}", [t]) for i, (_, t) in enumerate(data)]],
                organisations={"zentrix": "Zentrix Corporation"})
    summary = run_topics(store, None, tmp_path / "model", embedder=TfidfSvdEmbedder())
    words = {w for t in summary.topics for k in t.keywords for w in k.split()}
    assert words and not words & {"zentrix", "corporation"}
    assert not any("zentrix" in t.name for t in summary.topics)
