"""Describing topics: c-TF-IDF keywords (BERTopic's class-based TF-IDF), a name, representative quotes.

c-TF-IDF is BERTopic's formula (`ClassTfidfTransformer` with `reduce_frequent_words`), written out here in
a few lines because importing `bertopic` pulls in UMAP and numba (5 s warm, ~50 s cold) for no other use;
a test checks the weights against BERTopic's own transformer.

Every ordering here breaks ties on the word or the segment id, so the same input always gives the same
keywords, names and quotes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from respmine.topics.text import count_vectorizer
from respmine.topics.text import stop_words as base_stop_words


@dataclass(frozen=True)
class Ctfidf:
    """Topic-by-term c-TF-IDF weights (rows follow `labels`), with the counts behind them."""

    labels: list[int]
    terms: list[str]
    counts: Any  # scipy.sparse csr, topics x terms
    weights: Any  # scipy.sparse csr, topics x terms
    idf: np.ndarray
    vectorizer: Any

    def top(self, label: int, n: int = 10) -> list[tuple[str, float]]:
        return top_terms(self.weights.getrow(self.labels.index(label)), self.terms, n)


def top_terms(row: Any, terms: Sequence[str], n: int) -> list[tuple[str, float]]:
    """The n heaviest terms of one sparse row (ties: alphabetical)."""
    pairs = sorted(((-float(v), terms[int(i)]) for i, v in zip(row.indices, row.data, strict=True) if v > 0))
    return [(t, round(-v, 6)) for v, t in pairs[:n]]


def seed_words(phrases: Iterable[str]) -> set[str]:
    """Codebook words and phrases, lowercased, as they appear in the vectorizer's vocabulary."""
    return {" ".join(p.lower().split()) for p in phrases if p.strip()}


SEED_MULTIPLIER = 2.0  # how much more a codebook word weighs in the keywords (`class_tfidf`)


def class_tfidf(
    texts: Sequence[str], labels: Sequence[int], seeds: set[str] = frozenset(),  # type: ignore[assignment]
    seed_multiplier: float = SEED_MULTIPLIER, stop_words: frozenset[str] = frozenset(),
) -> Ctfidf:
    """c-TF-IDF over topics (each topic's texts as one document); codebook words weigh more. `stop_words`
    are skipped on top of the usual ones (respondents' names: `text.name_words`)."""
    import scipy.sparse as sp

    vectorizer = count_vectorizer(len(texts), stop_words=sorted(base_stop_words() | stop_words))
    texts = [without_tokens(t) for t in texts]
    try:
        doc_terms = vectorizer.fit_transform(texts)
    except ValueError:  # nothing but stop words
        vectorizer = count_vectorizer(len(texts), min_df=1, stop_words=None)
        doc_terms = vectorizer.fit_transform([*texts, "empty"])[: len(texts)]
    order = sorted(set(labels))
    row = {label: i for i, label in enumerate(order)}
    member = sp.csr_matrix((np.ones(len(labels)), ([row[v] for v in labels], np.arange(len(labels)))),
                           shape=(len(order), len(labels)))
    counts = sp.csr_matrix(member @ doc_terms)
    terms = list(vectorizer.get_feature_names_out())
    multiplier = np.array([seed_multiplier if t in seeds else 1.0 for t in terms])
    idf = ctfidf_idf(counts) * multiplier
    return Ctfidf(order, terms, counts, ctfidf_weights(counts, idf), idf, vectorizer)


_TOKEN = re.compile(r"\[[A-Z][A-Z_]*\]")  # a redaction's token ("[NAME]", "[PHONE]", "[ORGANISATION]")


def without_tokens(text: str) -> str:
    """`text` without redaction tokens: "[PHONE]" and "[NAME]" made keywords ("phone", "name") of what was
    removed, a topic named after the personal data it held."""
    return _TOKEN.sub(" ", text) if "[" in text else text


def ctfidf_idf(counts: Any) -> np.ndarray:
    """BERTopic's class idf: log(1 + average words per topic / the term's count over all topics)."""
    frequency = np.asarray(counts.sum(axis=0)).ravel()
    average = int(counts.sum(axis=1).mean())
    return np.asarray(np.log(average / np.maximum(frequency, 1e-12) + 1), dtype=np.float64)


def ctfidf_weights(counts: Any, idf: np.ndarray) -> Any:
    """l1-normalised term frequency per topic, square-rooted (damps very frequent words), times idf."""
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    tf = sp.csr_matrix(normalize(counts.astype(np.float64), norm="l1"))
    tf.data = np.sqrt(tf.data)
    return sp.csr_matrix(tf @ sp.diags(idf))


def reweighed(ctfidf: Ctfidf, label: int, plain: Collection[str], n: int = 10,
              seed_multiplier: float = SEED_MULTIPLIER) -> list[str]:
    """A topic's keywords with the seed words `plain` weighing as any other word (the rest of the seeds
    still `seed_multiplier` times more), from a c-TF-IDF seeded with them all."""
    import scipy.sparse as sp

    scale = np.array([1 / seed_multiplier if t in plain else 1.0 for t in ctfidf.terms])
    row = sp.csr_matrix(ctfidf.weights.getrow(ctfidf.labels.index(label)) @ sp.diags(scale))
    return [t for t, _ in top_terms(row, ctfidf.terms, n)]


def merged_keywords(ctfidf: Ctfidf, labels: Iterable[int], n: int = 10) -> list[str]:
    """Keywords of several topics taken together (for the topic hierarchy's inner nodes)."""
    from sklearn.preprocessing import normalize

    rows = [ctfidf.labels.index(label) for label in labels]
    summed = normalize(ctfidf.counts[rows].sum(axis=0).A, norm="l1")
    weights = np.sqrt(summed[0]) * ctfidf.idf
    order = sorted((-w, t) for t, w in zip(ctfidf.terms, weights, strict=True) if w > 0)
    return [t for _, t in order[:n]]


def topic_name(keywords: Sequence[str], n: int = 3) -> str:
    """Up to three keywords, skipping a word already inside a chosen phrase ("waiting", "waiting time")."""
    chosen: list[str] = []
    for word in keywords:
        words = set(word.split())
        if any(words <= set(c.split()) or set(c.split()) <= words for c in chosen):
            if len(word.split()) > 1:  # prefer the phrase over the bare word it contains
                chosen = [c for c in chosen if not set(c.split()) <= words] + [word]
            continue
        chosen.append(word)
        if len(chosen) == n:
            break
    return " / ".join(chosen) if chosen else "(no keywords)"


def representatives(
    ids: Sequence[str], texts: Sequence[str], sims: np.ndarray, n: int = 3, max_chars: int = 400,
    owners: Sequence[str] | None = None,
) -> list[dict[str, str]]:
    """The n segments closest to the topic's centre, distinct texts, preferring ones of 4+ words and, with
    `owners` (each segment's respondent), one per respondent while the topic has others to quote: of 59
    emerging themes on the AI Act submissions, 28 quoted one file three times, one raised by 23
    submissions among them. The closest passages come first either way."""
    order = sorted(range(len(ids)), key=lambda i: (-round(float(sims[i]), 6), ids[i]))
    long_enough = [i for i in order if len(texts[i].split()) >= 4]
    ranked = long_enough + [i for i in order if len(texts[i].split()) < 4]
    picked: list[int] = []
    seen: set[str] = set()
    quoted: set[str] = set()
    for spread in (owners is not None, False):  # first one per respondent, then any to fill up
        for i in ranked:
            text = " ".join(texts[i].split()).lower()
            if len(picked) == n or not text or text in seen or (spread and owners and owners[i] in quoted):
                continue
            seen.add(text)
            quoted.add(owners[i] if owners else "")
            picked.append(i)
    out: list[dict[str, str]] = []
    for i in sorted(picked, key=ranked.index):
        text = " ".join(texts[i].split())
        out.append({"segment": ids[i], "text": text if len(text) <= max_chars else text[:max_chars] + "…"})
    return out
