"""Helpers for the theme tests."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from respmine.config import Settings


def copy_work(settings: Settings, into: Path) -> Settings:
    """A work folder holding a copy of `settings`' SQLite store (the backup API: WAL included)."""
    into.mkdir(parents=True, exist_ok=True)
    source = settings.store_url.removeprefix("sqlite:///")
    with sqlite3.connect(source) as a, sqlite3.connect(into / "respmine.sqlite") as b:
        a.backup(b)
    return Settings.load(into, workers=1)


class WordEmbedder:
    """Hashed bag of words: deterministic, lexical, fast."""

    name = "hashed-words-64"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z]{3,}", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest()[:6], 16) % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)
