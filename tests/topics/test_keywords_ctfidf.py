"""Keywords: c-TF-IDF as BERTopic computes it, spaCy stop words, phrases, deterministic names and quotes."""

from __future__ import annotations

import numpy as np
import pytest

from respmine.topics.keywords import class_tfidf, representatives, topic_name
from respmine.topics.text import stop_words

TEXTS = [
    "The waiting time at the surgery was far too long",
    "Long waiting time for an appointment",
    "Waiting time in A&E was four hours",
    "The nurses were kind and caring",
    "Kind nurses, caring staff",
    "Parking charges are too high",
]
LABELS = [0, 0, 0, 1, 1, -1]


def test_keywords_phrases_and_stop_words() -> None:
    c = class_tfidf(TEXTS, LABELS, seeds={"parking"})
    assert c.labels == [-1, 0, 1]
    top0 = [t for t, _ in c.top(0, 5)]
    assert "waiting time" in top0 and "waiting" in top0
    assert not {"the", "was", "too", "for"} & set(c.terms)
    assert {"the", "and", "would"} <= stop_words()
    assert {"https", "www", "ibid"} <= stop_words()  # a topic of cited links is no topic of views
    assert {"und", "les", "het"} <= stop_words()  # a French passage is named by what it is about
    assert not {"son", "car", "door", "man", "war", "die"} & stop_words()  # English words too
    assert topic_name(top0) .startswith("waiting time")
    assert c.top(0) == class_tfidf(TEXTS, LABELS, seeds={"parking"}).top(0)


@pytest.mark.slow
def test_ctfidf_matches_bertopic() -> None:
    from bertopic.vectorizers import ClassTfidfTransformer

    c = class_tfidf(TEXTS, LABELS, seeds={"parking"}, seed_multiplier=2.0)
    multiplier = np.array([2.0 if t == "parking" else 1.0 for t in c.terms])
    ref = ClassTfidfTransformer(reduce_frequent_words=True).fit(c.counts, multiplier=multiplier)
    assert np.allclose(ref.transform(c.counts).toarray(), c.weights.toarray())


def test_representatives_are_close_distinct_and_stable() -> None:
    ids = ["d", "c", "b", "a"]
    texts = ["same words here today", "Same words  here today", "short", "another longer answer here"]
    sims = np.array([0.9, 0.9, 0.99, 0.5])
    quotes = representatives(ids, texts, sims, n=3)
    assert [q["segment"] for q in quotes] == ["c", "a", "b"]  # tie on id; duplicate text once; short last
