"""Representative quotes come from different respondents while the topic has others to quote."""

from __future__ import annotations

import numpy as np

from respmine.topics.keywords import representatives


def test_keywords_quotes_spread_over_respondents() -> None:
    ids = ["a1", "a2", "a3", "b1", "c1"]
    texts = ["The paper's first point on model validation.", "The paper's second point on validation.",
             "The paper's third point on validation metrics.", "We worry about validation costs.",
             "Validation must be independent of the provider."]
    sims = np.array([0.95, 0.94, 0.93, 0.7, 0.6], dtype=np.float32)
    owners = ["paper", "paper", "paper", "b", "c"]
    picked = representatives(ids, texts, sims, 3, owners=owners)
    assert [q["segment"] for q in picked] == ["a1", "b1", "c1"]  # closest first, one per respondent
    alone = representatives(ids[:4], texts[:4], sims[:4], 3, owners=owners[:4])
    assert [q["segment"] for q in alone] == ["a1", "a2", "b1"]  # two respondents: the third quote repeats one
    assert [q["segment"] for q in representatives(ids, texts, sims, 3)] == ["a1", "a2", "a3"]  # no owners
