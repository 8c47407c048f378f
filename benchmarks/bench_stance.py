"""Stance model timing and zero-shot accuracy on the real regulations-comments/dev.csv (469 comments).

Times, in one fresh process: loading MiniLM, the first fit (embeds every distinct sentence once), a
second fit (sentences cached), predicting all comments, and the unfitted rules over the same comments
(only texts without a cue phrase are embedded). Cross-validated accuracy lives in
tests/themes/test_stance.py; this reports speed, and how far the rules get with no training at all.

    .venv/bin/python benchmarks/bench_stance.py
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from respmine.themes.labelled import read_labelled
from respmine.themes.stance import StanceModel
from respmine.topics.embed import default_embedder

T = TypeVar("T")
DEV = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "regulations-comments" / "dev.csv"


def main() -> None:
    rows = read_labelled(DEV)
    texts, labels = [r.text for r in rows], [r.stance or "" for r in rows]
    timings: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = fn()
        timings[name] = round(time.perf_counter() - start, 2)
        return result

    timed("load_minilm_s", lambda: default_embedder().embed(["warm up"]))
    timed("first_fit_s", lambda: StanceModel().fit(texts, labels))
    model = timed("second_fit_s", lambda: StanceModel().fit(texts, labels))
    timed("predict_all_s", lambda: model.predict(texts))
    zero_shot = timed("rules_predict_all_s", lambda: StanceModel().predict(texts))
    confusion = Counter(f"{gold}->{p.stance}" for gold, p in zip(labels, zero_shot, strict=True))
    correct = sum(gold == p.stance for gold, p in zip(labels, zero_shot, strict=True))
    print(json.dumps({"comments": len(texts), **timings, "rules_accuracy": round(correct / len(texts), 4),
                      "rules_confusion": dict(confusion.most_common())}, indent=2))


if __name__ == "__main__":
    main()
