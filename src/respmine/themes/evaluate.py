"""`respmine evaluate`: learn from one labelled file, code another, score against its human codes.

What analysts need before they trust the machine: the same coder the pipeline uses (codebook inferred
from the training file's codes), scored with confidence intervals and per theme, with its timings.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from respmine.themes.codebook import code_id, codebook_from_codes
from respmine.themes.labelled import LabelledRow
from respmine.themes.metrics import StanceScores, ThemeScores, multilabel_scores, stance_scores
from respmine.topics.embed import Embedder


@dataclass
class Evaluation:
    task: str
    scores: ThemeScores | StanceScores
    train: int
    test: int
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"task": self.task, **self.scores.as_dict()}
        out.update(train_rows=self.train, test_rows=self.test, seconds=self.seconds)
        return out

    def format(self) -> str:
        times = ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items())
        head = f"{self.task}: trained on {self.train} rows, tested on {self.test} ({times})"
        return f"{head}\n{self.scores.format()}"


def evaluate_themes(
    train: Sequence[LabelledRow], test: Sequence[LabelledRow], embedder: Embedder | None, seed: int = 0
) -> Evaluation:
    """Theme coding: codebook from the training codes, classifier + similarity, scored on coded test rows."""
    from respmine.themes.coder import ThemeCoder

    train = [r for r in train if r.coded]
    test = [r for r in test if r.coded]
    if not train or not test:
        raise ValueError("both files need rows with themes (codes separated by ';')")
    t0 = time.perf_counter()
    codebook = codebook_from_codes([r.themes for r in train], "evaluation", examples=[r.text for r in train])
    coder = ThemeCoder(codebook, embedder, seed=seed)
    coder.fit(
        [r.text for r in train], [[code_id(c) for c in r.themes] for r in train], [r.question for r in train]
    )
    t1 = time.perf_counter()
    tags = coder.code([r.text for r in test], [r.question for r in test])
    t2 = time.perf_counter()
    gold = [[code_id(c) for c in r.themes] for r in test]
    pred = [[t.theme for t in row] for row in tags]
    scores = multilabel_scores(gold, pred, seed=seed)
    return Evaluation(
        "themes", scores, len(train), len(test), {"train": round(t1 - t0, 2), "code": round(t2 - t1, 2)}
    )


def evaluate_stance(
    train: Sequence[LabelledRow], test: Sequence[LabelledRow], embedder: Embedder | None, seed: int = 0
) -> Evaluation:
    """Stance: trained on the training file's stances (zero-shot rules when it has none)."""
    from respmine.themes.stance import StanceModel

    test = [r for r in test if r.stance]
    if not test:
        raise ValueError("the test file has no rows with a stance")
    t0 = time.perf_counter()
    model = StanceModel(embedder, seed=seed)
    labelled = [r for r in train if r.stance]
    if labelled:
        model.fit([r.text for r in labelled], [r.stance or "" for r in labelled])
    t1 = time.perf_counter()
    predicted = model.predict([r.text for r in test], [r.question for r in test])  # "No." to "Do you agree?"
    t2 = time.perf_counter()
    scores = stance_scores([r.stance or "" for r in test], [p.stance for p in predicted], seed=seed)
    return Evaluation(
        "stance", scores, len(labelled), len(test), {"train": round(t1 - t0, 2), "code": round(t2 - t1, 2)}
    )
