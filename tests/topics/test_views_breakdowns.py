"""Reading topics back: per question, per respondent type, the hierarchy and the summary for reports."""

from __future__ import annotations

import json
from pathlib import Path

from respmine.store.repository import Store
from respmine.topics.stage import run_topics
from respmine.topics.views import (
    topic_hierarchy,
    topic_table,
    topics_by_question,
    topics_by_respondent_type,
)
from tests.topics.helpers import CountingEmbedder, add_segments, synthetic


def test_breakdowns_and_hierarchy(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/store.db")
    data = synthetic(["funding", "staffing", "transport", "parking"], 30)
    kinds = {"funding": "organisation", "staffing": "individual", "transport": "individual",
             "parking": "public-body"}
    add_segments(store, [(f"s{i}", "Q1" if g in ("funding", "staffing") else "Q2", t, kinds[g])
                         for i, (g, t) in enumerate(data)])
    summary = run_topics(store, None, tmp_path / "model", embedder=CountingEmbedder())
    json.dumps(summary.as_dict())  # goes into reports and the flow's artifact as it is

    by_question = topics_by_question(store)
    assert {r["question"] for r in by_question} == {"Q1", "Q2"}
    assert sum(int(r["segments"]) for r in by_question) == len(data)  # type: ignore[call-overload]
    for q in ("Q1", "Q2"):
        shares = [float(r["share_of_question"]) for r in by_question if r["question"] == q]  # type: ignore[arg-type]
        assert abs(sum(shares) - 1) < 1e-3
    by_type = topics_by_respondent_type(store)
    assert {r["respondent_type"] for r in by_type} == {"organisation", "individual", "public-body"}
    names = {t["id"]: t["name"] for t in topic_table(store)}
    assert all(r["name"] == names[r["topic"]] for r in by_type)

    tree = topic_hierarchy(store)
    leaves = {t.id for t in summary.topics if t.id >= 0 and t.size}
    assert len(tree) == len(leaves) - 1  # a binary tree over the topics
    assert set(tree[-1]["topics"]) == leaves  # type: ignore[arg-type]
    assert all(node["name"] for node in tree)
