"""How well topics recover human categories: cluster the texts of a labelled file, score against the
first theme of each row (NMI, ARI, purity), optionally next to BERTopic's defaults on the same vectors.

`respmine evaluate --task topics --test FILE [--json]` prints `format_topic_scores(evaluate_topics(...))`.
The "other" group counts as one more cluster: outliers are not dropped to flatter the score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from respmine.themes.codebook import Codebook
from respmine.themes.labelled import LabelledRow
from respmine.topics.cluster import OTHER
from respmine.topics.embed import CachedEmbedder, Embedder, default_embedder
from respmine.topics.guide import codebook_words, embedder_kind, theme_vectors
from respmine.topics.model import Settings, fit_model
from respmine.topics.tfidf import TfidfSvdEmbedder


def cluster_scores(truth: Sequence[str], predicted: Sequence[int]) -> dict[str, float]:
    """NMI (arithmetic), ARI and purity (share of texts in their cluster's majority category)."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    majority = Counter()  # type: Counter[int]
    for cluster, count in Counter(zip(predicted, truth, strict=True)).items():
        majority[cluster[0]] = max(majority[cluster[0]], count)
    return {
        "nmi": round(float(normalized_mutual_info_score(truth, predicted)), 4),
        "ari": round(float(adjusted_rand_score(truth, predicted)), 4),
        "purity": round(sum(majority.values()) / len(truth), 4) if truth else 0.0,
    }


def _summary(truth: Sequence[str], predicted: Sequence[int]) -> dict[str, Any]:
    scores: dict[str, Any] = dict(cluster_scores(truth, predicted))
    scores["topics"] = len(set(predicted) - {OTHER})
    outliers = sum(p == OTHER for p in predicted)
    scores["outlier_share"] = round(outliers / len(predicted), 4) if predicted else 0.0
    return scores


def evaluate_topics(rows: Sequence[LabelledRow], *, seed: int = 0, embedder: Embedder | None = None,
                    codebook: Codebook | None = None, baseline: bool = False) -> dict[str, Any]:
    """Cluster the coded rows' texts (unguided unless a codebook is given) and score the clusters."""
    coded = [r for r in rows if r.coded and r.text.strip()]
    if not coded:
        raise ValueError("no coded rows with text to score topics against")
    texts = [r.text for r in coded]
    truth = [r.themes[0] for r in coded]
    inner = embedder or default_embedder()
    if isinstance(inner, TfidfSvdEmbedder) and not inner.fitted:
        inner.fit(texts)
    cached = inner if isinstance(inner, CachedEmbedder) else CachedEmbedder(inner)
    vectors = cached.embed(texts)
    fit = fit_model([f"{i:08d}" for i in range(len(texts))], texts, vectors, kind=embedder_kind(inner),
                    embedder=inner.name, version="evaluate", themes=theme_vectors(codebook, cached),
                    seed_words=codebook_words(codebook), settings=Settings(seed=seed))
    out: dict[str, Any] = {"n": len(texts), "categories": len(set(truth)), "embedder": inner.name,
                           "guided": codebook is not None, **_summary(truth, fit.topics)}
    if baseline:
        from respmine.topics.baseline import bertopic_default

        out["bertopic_defaults"] = _summary(truth, bertopic_default(texts, vectors, seed=seed))
    return out


def format_topic_scores(d: dict[str, Any]) -> str:
    """A few readable lines (the --json output is the dict itself)."""
    lines = [
        f"topics on {d['n']} texts, {d['categories']} human categories (first theme), "
        f"embedder {d['embedder']}" + (", guided by the codebook" if d.get("guided") else ""),
        f"  respmine           NMI {d['nmi']:.3f}  ARI {d['ari']:.3f}  purity {d['purity']:.3f}  "
        f"topics {d['topics']}  outliers {d['outlier_share']:.1%}",
    ]
    base = d.get("bertopic_defaults")
    if base:
        lines.append(f"  BERTopic defaults  NMI {base['nmi']:.3f}  ARI {base['ari']:.3f}  "
                     f"purity {base['purity']:.3f}  topics {base['topics']}  "
                     f"outliers {base['outlier_share']:.1%}")
    return "\n".join(lines)


def agreement(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of positions where two assignments agree (stability of topic ids)."""
    return float(np.mean(np.asarray(a) == np.asarray(b))) if len(a) else 1.0
