"""The model is saved under the work folder (safetensors + JSON) and loaded offline, without UMAP/BERTopic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from respmine.store import topics as topic_store
from respmine.store.repository import Store
from respmine.topics.persist import ARRAYS_FILE, JSON_FILE, load_model
from respmine.topics.stage import run_topics
from respmine.topics.tfidf import TfidfSvdEmbedder
from tests.topics.helpers import add_segments, synthetic

ROOT = Path(__file__).resolve().parents[2]


def _fitted(tmp_path: Path) -> tuple[Store, Path, list[str]]:
    store = Store(f"sqlite:///{tmp_path}/store.db")
    texts = [t for _, t in synthetic(["funding", "staffing", "transport", "parking"], 30)]
    add_segments(store, [(f"s{i}", "Q1", t, "individual") for i, t in enumerate(texts)])
    run_topics(store, None, tmp_path / "model", embedder=TfidfSvdEmbedder())
    return store, tmp_path / "model", texts


def test_loaded_model_assigns_as_the_fit_did(tmp_path: Path) -> None:
    store, model_dir, _ = _fitted(tmp_path)
    assert {p.name for p in model_dir.iterdir()} >= {JSON_FILE, ARRAYS_FILE, "tfidf_svd.json"}
    model = load_model(model_dir)
    assert model is not None and model.version == "topics-1" and model.kind == "tfidf-svd"
    stored = topic_store.assignments(store)
    segments = sorted(stored)  # ids are hashes of s0.. s119: map back through the store's segments
    from respmine.store.views import read_segments as all_segments

    by_id = {s.id: s.text for s in all_segments(store)}
    topics, sims = model.assign(TfidfSvdEmbedder.load(model_dir).embed([by_id[s] for s in segments]))
    assert topics == [stored[s].topic for s in segments]
    assert np.allclose(sims, [stored[s].probability for s in segments], atol=1e-4)


def test_half_written_model_is_ignored(tmp_path: Path) -> None:
    _, model_dir, _ = _fitted(tmp_path)
    meta = json.loads((model_dir / JSON_FILE).read_text(encoding="utf-8"))
    meta["version"] = "topics-9"  # description of another fit than the arrays
    (model_dir / JSON_FILE).write_text(json.dumps(meta), encoding="utf-8")
    assert load_model(model_dir) is None
    assert load_model(tmp_path / "nowhere") is None


def test_model_saved_before_shares_loads(tmp_path: Path) -> None:
    _, model_dir, _ = _fitted(tmp_path)
    meta = json.loads((model_dir / JSON_FILE).read_text(encoding="utf-8"))
    for topic in meta["topics"]:
        del topic["share"]  # as saved before topics were matched by the theme coder's codes
    (model_dir / JSON_FILE).write_text(json.dumps(meta), encoding="utf-8")
    model = load_model(model_dir)
    assert model is not None and all(t.share is None for t in model.topics.values())


def test_late_path_runs_offline_without_umap_or_bertopic(tmp_path: Path) -> None:
    store, model_dir, _ = _fitted(tmp_path)
    add_segments(store, [("late", "Q1", "The bus route and the train fares are a concern.", "organisation")])
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from respmine.store.repository import Store\n"
        "from respmine.topics.stage import run_topics\n"
        f"s = run_topics(Store({store.url!r}), None, Path({str(model_dir)!r}))\n"
        "assert s.method == 'late' and s.assigned == 1, s\n"
        "heavy = sorted(m for m in ('umap', 'bertopic', 'numba', 'hdbscan', 'torch') if m in sys.modules)\n"
        "print(heavy)\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
