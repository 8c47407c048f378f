"""The topic model and its fit: embeddings -> (reduction) -> seeded clustering -> outliers -> c-TF-IDF
keywords, names, quotes -> codebook matches -> stable ids -> hierarchy.

Each step is a small function over arrays; the fitted model is a set of unit centroids with their topic
ids, so assigning late segments needs numpy only (no UMAP, no BERTopic import).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from respmine.topics.align import Previous, changes, match_groups
from respmine.topics.cluster import (
    OTHER,
    Clusterer,
    DensityClusterer,
    Reducer,
    SphericalKMeans,
    assign,
    min_topic_size,
    reducer_for,
    topic_count,
    unit,
)
from respmine.topics.guide import (
    FOCUS_WORDS,
    MAJORITY,
    MATCH,
    SEED,
    CodedThemes,
    Coherence,
    Match,
    ThemeVectors,
    coherence,
    coherent,
    match_by_codes,
    match_topics,
    news,
    supported_seeds,
)
from respmine.topics.keywords import (
    Ctfidf,
    class_tfidf,
    merged_keywords,
    representatives,
    reweighed,
    topic_name,
)
from respmine.topics.text import TOKEN_PATTERN, contentless

FLOOR = {"minilm": 0.3, "tfidf-svd": 0.1}  # cosine to the nearest topic below which a segment is "other"
SPLITS = 2  # rounds of splitting mixed topics in two (`_split`), where there are codes to match topics by
CAP = 2.0  # a respondent's passages weigh at most CAP x the median respondent's count in the fit (`_capped`)
OTHER_NAME = "Other"


@dataclass(frozen=True)
class Settings:
    """Knobs with defaults sized from the corpus; None means "choose for me"."""

    seed: int = 0
    density: bool = False  # UMAP + HDBSCAN instead of seeded spherical k-means
    n_topics: int | None = None
    min_size: int | None = None
    floor: float | None = None
    match: float | None = None
    n_keywords: int = 10
    n_quotes: int = 3


@dataclass
class Topic:
    id: int
    name: str
    keywords: list[str]
    size: int
    theme: str | None = None
    similarity: float = 0.0  # to the matched (or closest) theme
    quotes: list[dict[str, str]] = field(default_factory=list)
    share: float | None = None  # of its respondents coded with its theme (or its commonest): `Match.share`
    coherence: Coherence | None = None  # None: a model saved before topics were measured
    coherent: bool = True  # talks about one thing (`guide.coherent`)
    news: bool = True  # says views in words of its own, not the codebook's (`guide.news`)

    @property
    def emerging(self) -> bool:
        """No theme matches it, it talks about one thing and it is news: a mix of passages near the
        corpus's subject ("I support a ban on pavement parking", each with a different reason) is no new
        theme, nor are "Yes" and "No", nor a topic named in the codebook's own words."""
        return self.theme is None and self.id != OTHER and self.coherent and self.news

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "keywords": list(self.keywords), "size": self.size,
                "theme": self.theme, "similarity": self.similarity, "share": self.share,
                "coherence": asdict(self.coherence) if self.coherence else None, "coherent": self.coherent,
                "news": self.news,
                "emerging": self.emerging, "quotes": [dict(q) for q in self.quotes]}


@dataclass
class TopicModel:
    version: str
    embedder: str  # the embedder's name: cached vectors are keyed by it
    kind: str  # minilm | tfidf-svd
    reducer: Reducer
    ids: list[int]  # topic id of each centroid row
    centroids: np.ndarray  # unit rows in the reducer's space
    floor: float
    topics: dict[int, Topic]  # every topic, OTHER included
    hierarchy: list[dict[str, object]] = field(default_factory=list)
    next_id: int = 0

    def assign(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> tuple[list[int], np.ndarray]:
        """Topic id (or OTHER) and cosine to it, for each vector: the late path, without refitting."""
        vectors = unit(vectors)
        if texts is not None:
            vectors[contentless(texts)] = 0
        labels, sims = assign(self.reducer.transform(vectors), self.centroids, self.floor)
        return [self.ids[i] if i >= 0 else OTHER for i in labels.tolist()], sims


@dataclass
class Fit:
    model: TopicModel
    topics: list[int]  # per segment, in input order
    probabilities: np.ndarray
    changes: dict[str, object]


def fit_model(
    ids: Sequence[str], texts: Sequence[str], vectors: np.ndarray, *, kind: str, embedder: str, version: str,
    themes: ThemeVectors, seed_words: set[str], settings: Settings = Settings(),
    previous: TopicModel | None = None, before: Previous | None = None, coded: CodedThemes | None = None,
    owners: Sequence[str] | None = None, stop_words: frozenset[str] = frozenset(),
    phrases: Collection[str] | None = None,
) -> Fit:
    """Fit topics on segments (ids sorted by the caller), seeded by the codebook or by the previous model.

    `coded`: the theme coder's themes of the segments, which topics are matched to (without it, or when no
    segment was coded, the closest theme by similarity); `owners`: each segment's respondent (campaign
    letters one), by which themes are shared and quotes spread; `stop_words`: more words no keyword is
    made of (respondents' own names, `text.name_words`); `phrases`: which of `seed_words` are the themes'
    phrases (`guide.codebook_phrases`; None: all of them), the only ones weighing more when the fit judges
    whether a topic is named by the codebook (`guide.named_by_codebook`).
    """
    n = len(ids)
    min_size = settings.min_size or min_topic_size(n)
    floor = settings.floor if settings.floor is not None else FLOOR[kind]
    owner = list(owners) if owners is not None else list(ids)
    where, unique, weights = _unique(texts, vectors, _capped(owner))
    if previous is not None:
        reducer = previous.reducer
    else:
        reducer = reducer_for(len(unique), vectors.shape[1], settings.seed).fit(unique)
    z = reducer.transform(unique)
    reduced_themes = ThemeVectors(themes.ids, themes.labels,
                                  reducer.transform(themes.vectors) if not themes.empty else themes.vectors)
    seeds = _seeds(z, weights, reduced_themes, previous, SEED[kind], min_size)
    k = settings.n_topics or (topic_count(n, len(seeds), min_size) if previous is None
                              else max(len(seeds), topic_count(n, 0, min_size)))
    clusterer: Clusterer = (DensityClusterer(min_size, settings.seed) if settings.density
                            else SphericalKMeans(max(k, len(seeds)), min_size, settings.seed))
    prior = _prior(ids, where, previous, before) if previous is not None else None
    centroids, labels_u, sims_u = _settle(z, *clusterer.fit(z, weights, seeds, prior), floor)

    def describe(labels: np.ndarray, centres: np.ndarray) -> tuple[Ctfidf, list[Match], dict[int, list[str]],
                                                                   list[Coherence]]:
        groups = labels[where]
        ctfidf = class_tfidf(texts, groups.tolist(), seed_words, stop_words=stop_words)
        if coded is not None and coded.themes:
            members = [[ids[i] for i in np.flatnonzero(groups == g).tolist()] for g in range(len(centres))]
            sims_to_themes = centres @ reduced_themes.vectors.T if not reduced_themes.empty else np.zeros(0)
            matches = match_by_codes(members, dict(zip(ids, owner, strict=True)), coded, sims_to_themes,
                                     reduced_themes)
        else:
            matches = match_topics(centres, reduced_themes, settings.match or MATCH[kind])
        keywords = {g: [t for t, _ in ctfidf.top(g, settings.n_keywords)] for g in ctfidf.labels}
        uses = _uses_keywords(ctfidf, texts, groups, keywords)
        measured = coherence(z[where], groups, centres, owner, uses)
        return ctfidf, matches, keywords, measured

    ctfidf, matches, keywords, measured = describe(labels_u, centroids)
    # with codes to match by: without, every topic is news to an analyst, the central ones most of all (on
    # 39 AI Act submissions "high-risk ai / health safety", 34 respondents, is as close to the corpus's
    # centre as a mix: 23 of 45 topics would go)
    gated = coded is not None and bool(coded.themes)
    for _ in range(SPLITS if gated and not settings.density else 0):
        mixed = [g for g, m in enumerate(matches) if m.theme is None and not coherent(measured[g], kind)]
        split = _split(z, weights, labels_u, centroids, mixed, min_size, settings.seed)
        if split is None:
            break
        centroids, labels_u, sims_u = _settle(z, *split, floor)
        ctfidf, matches, keywords, measured = describe(labels_u, centroids)
    groups, sims = labels_u[where], sims_u[where]
    plain = frozenset(seed_words) - frozenset(phrases) if phrases is not None else frozenset()
    judged = {g: reweighed(ctfidf, g, plain, FOCUS_WORDS) if plain else keywords[g] for g in keywords}
    names = _names(keywords, matches)
    number = _number(ids, groups, names, matches, previous, before, stop_words)
    topics = _topics(ids, texts, groups, sims, number, names, keywords, matches, settings.n_quotes, owner,
                     measured, kind if gated else None, frozenset(seed_words), judged)
    last = max([previous.next_id if previous else 0, *[t + 1 for t in number.values()],
                *[t + 1 for t in (before.sizes if before else {})]])
    model = TopicModel(version, embedder, kind, reducer, [number[g] for g in range(len(centroids))],
                       centroids, floor, topics, [], last)
    model.hierarchy = hierarchy(model, ctfidf, {number[g]: g for g in range(len(centroids))})
    assigned = [number[g] if g >= 0 else OTHER for g in groups.tolist()]
    sizes = {t.id: t.size for t in topics.values()}
    done = changes(before or Previous({}, {}, {}), dict(zip(ids, assigned, strict=True)),
                   {t.id: t.name for t in topics.values()}, sizes)
    return Fit(model, assigned, sims, done)


def _split(z: np.ndarray, weights: np.ndarray, labels: np.ndarray, centroids: np.ndarray,
           mixed: Sequence[int], min_size: int, seed: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Each mixed topic (no theme matches it, and it is not `coherent`) in two (or three) by k-means on its
    own passages, then every passage to its nearest centre again (Lloyd, sticky to where it was): (centroids,
    labels), or None when none splits. A point several respondents make in their own words, which the
    codebook has no theme for, sat inside a cluster of the consultation's own subject (the letters'
    opening "I object to the closure of the library"): it gets a centre of its own."""
    centres, none = centroids.copy(), np.zeros((0, z.shape[1]), np.float32)
    extra: list[np.ndarray] = []
    prior = labels.copy()
    for g in mixed:
        rows = np.flatnonzero(labels == g)
        if weights[rows].sum() < 2 * min_size:
            continue
        for k in (2, 3):  # (in three when two leaves an outlier alone, under `min_size`)
            parts, part = SphericalKMeans(k, min_size, seed).fit(z[rows], weights[rows], none)
            if len(parts) >= 2:
                break
        if len(parts) < 2:
            continue
        centres[g] = parts[0]
        for p in range(1, len(parts)):
            prior[rows[part == p]] = len(centroids) + len(extra)
            extra.append(parts[p])
    if not extra:
        return None
    seeds = np.concatenate([centres, np.stack(extra)]).astype(np.float32)
    return SphericalKMeans(len(seeds), min_size, seed).fit(z, weights, seeds, prior)


def _uses_keywords(ctfidf: Ctfidf, texts: Sequence[str], groups: np.ndarray,
                   keywords: dict[int, list[str]]) -> list[np.ndarray]:
    """Per topic, whether each of its passages (in order) uses one of its top `FOCUS_WORDS` keywords."""
    out: list[np.ndarray] = []
    if not ctfidf.terms:
        return [np.zeros(int((groups == g).sum()), bool) for g in range(int(groups.max(initial=-1)) + 1)]
    column = {t: i for i, t in enumerate(ctfidf.terms)}
    counts = ctfidf.vectorizer.transform(texts).tocsc()
    for g in range(int(groups.max(initial=-1)) + 1):
        rows = np.flatnonzero(groups == g)
        cols = [column[w] for w in keywords.get(g, [])[:FOCUS_WORDS] if w in column]
        used = np.asarray(counts[:, cols].sum(axis=1)).ravel()[rows] > 0 if cols else None
        out.append(used if used is not None else np.zeros(len(rows), bool))
    return out


def _capped(owners: Sequence[str], cap: float = CAP) -> np.ndarray:
    """Each segment's weight in the clustering: 1, but a respondent with more than `cap` times the median
    respondent's passages weighs `cap` times that median in all, so one long paper cannot make topics of
    its own sections. On the 39 AI Act submissions (median 67 passages, one paper 820), topics taking 60%
    or more of their passages from one submission fell from 16-21 of 57-59 to 9-12 of 52-54 (seeds 0-2),
    topics raised by 10 or more respondents rose from 32-38 to 38-39, for a mean cosine of passages to
    their topic of 0.646-0.648 against 0.657. One passage each (a comments export) changes nothing."""
    counts = Counter(owners)
    limit = cap * float(np.median(list(counts.values()))) if counts else 1.0
    return np.array([min(1.0, limit / counts[o]) for o in owners], dtype=np.float64)


def _unique(texts: Sequence[str], vectors: np.ndarray, weights: np.ndarray | None = None
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Identical texts (form letters, "No comment") are clustered once, weighted by how often they occur
    (each occurrence by its `weights`, default 1).

    Texts without a word get a zero vector and no weight: they end in "other" and move no centroid.
    """
    first: dict[str, int] = {}
    where = np.array([first.setdefault(t, len(first)) for t in texts], dtype=np.int64)
    rows = np.zeros(len(first), dtype=np.int64)
    rows[where[::-1]] = np.arange(len(texts))[::-1]
    weights = np.bincount(where, weights=weights, minlength=len(first)).astype(np.float64)
    empty = contentless(list(first))
    unique = unit(vectors[rows])
    unique[empty] = 0
    weights[empty] = 0
    return where, unique, weights


def _seeds(z: np.ndarray, weights: np.ndarray, themes: ThemeVectors, previous: TopicModel | None,
           floor: float, min_size: int) -> np.ndarray:
    """Previous topics first (stable refits), then codebook themes that enough segments are close to."""
    theme_seeds = supported_seeds(themes, z, weights, floor, min_size)
    if previous is None or len(previous.centroids) == 0:
        return theme_seeds
    old = previous.centroids
    if len(theme_seeds):
        theme_seeds = theme_seeds[(theme_seeds @ old.T).max(axis=1) < 0.9]  # themes no topic covers yet
    return np.concatenate([old, theme_seeds]) if len(theme_seeds) else old


def _prior(ids: Sequence[str], where: np.ndarray, previous: TopicModel, before: Previous | None
           ) -> np.ndarray | None:
    """Each unique text's previous topic, as an index into the seeds (previous centroids come first)."""
    if before is None or not before.topics:
        return None
    row_of = {t: i for i, t in enumerate(previous.ids)}
    prior = np.full(int(where.max(initial=-1)) + 1, -1)
    for segment, u in zip(ids, where.tolist(), strict=True):
        if prior[u] < 0:
            prior[u] = row_of.get(before.topics.get(segment, OTHER), -1)
    return prior


def _settle(z: np.ndarray, centroids: np.ndarray, labels: np.ndarray, floor: float
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows too far from their centroid go to OTHER; centroids left without rows are dropped."""
    if len(centroids) == 0:
        return centroids, np.full(len(z), OTHER), np.zeros(len(z), np.float32)
    sims = np.clip(np.einsum("ij,ij->i", z, centroids[np.maximum(labels, 0)]), 0, 1).astype(np.float32)
    labels = np.where((labels >= 0) & (sims >= floor), labels, OTHER)
    alive = np.bincount(labels[labels >= 0], minlength=len(centroids)) > 0
    remap = np.full(len(centroids) + 1, OTHER)
    remap[np.flatnonzero(alive)] = np.arange(int(alive.sum()))
    return centroids[alive], np.where(labels >= 0, remap[labels], OTHER), sims


def _names(keywords: dict[int, list[str]], matches: Sequence[Match]) -> dict[int, str]:
    """A topic matching a theme is named after it, with keywords when several topics share the theme or
    fewer than half its respondents are coded with it (a mix of codebook themes: `match_by_codes`)."""
    per_theme = Counter(m.theme for m in matches if m.theme)
    names = {OTHER: OTHER_NAME}
    for g, m in enumerate(matches):
        words = keywords.get(g, [])
        mixed = m.share is not None and m.share < MAJORITY
        if m.theme and m.label and per_theme[m.theme] == 1 and not mixed:
            names[g] = m.label
        elif m.label:
            names[g] = f"{m.label}: {topic_name(words, 2)}"
        else:
            names[g] = topic_name(words)
    return names


def _number(ids: Sequence[str], groups: np.ndarray, names: dict[int, str], matches: Sequence[Match],
            previous: TopicModel | None, before: Previous | None, avoid: frozenset[str] = frozenset()
            ) -> dict[int, int]:
    """Group -> topic id: inherited from the matching old topic (with its name, unless a word of it is one
    to `avoid`: "nec / draft regulation" from before respondents' names were kept out), else new ids by
    size."""
    sizes = Counter(groups.tolist())
    number: dict[int, int] = {OTHER: OTHER}
    kept: set[int] = set()
    if before is not None and before.topics:
        matched = match_groups(before.topics, {s: int(g) for s, g in zip(ids, groups.tolist(), strict=True)})
        number.update(matched)
        old_theme = {t: previous.topics[t].theme for t in previous.topics} if previous else {}
        for g, old in matched.items():
            if (old in before.names and old_theme.get(old) == matches[g].theme
                    and not avoid & set(re.findall(TOKEN_PATTERN, before.names[old].lower()))):
                names[g] = before.names[old]  # a surviving topic keeps its name
                kept.add(g)
    last = max([previous.next_id if previous else 0, *[t + 1 for t in number.values()],
                *[t + 1 for t in (before.sizes if before else {})]])
    fresh = sorted((g for g in sizes if g >= 0 and g not in number), key=lambda g: (-sizes[g], names[g], g))
    number.update({g: last + i for i, g in enumerate(fresh)})
    _dedupe(names, kept)
    return number


def _dedupe(names: dict[int, str], kept: set[int]) -> None:
    """Distinct names: kept names win, later duplicates get " (2)", " (3)"."""
    taken = {names[g] for g in kept}
    for g in sorted(names, key=lambda g: (g not in kept, names[g], g)):
        if g in kept:
            continue
        base, n = names[g], 2
        while names[g] in taken:
            names[g], n = f"{base} ({n})", n + 1
        taken.add(names[g])


def _topics(ids: Sequence[str], texts: Sequence[str], groups: np.ndarray, sims: np.ndarray,
            number: dict[int, int], names: dict[int, str], keywords: dict[int, list[str]],
            matches: Sequence[Match], n_quotes: int, owners: Sequence[str], measured: Sequence[Coherence],
            kind: str | None, codebook_words: frozenset[str] = frozenset(),
            judged: dict[int, list[str]] | None = None) -> dict[int, Topic]:
    """The topics; with `kind`, each not `coherent` marked so (no emerging theme); each marked whether it
    is `news` (says views, in words not the codebook's `codebook_words`: its `judged` keywords, by default
    its keywords)."""
    named = judged if judged is not None else keywords
    out: dict[int, Topic] = {}
    for g in sorted(set(groups.tolist())):
        members = np.flatnonzero(groups == g).tolist()
        quotes = representatives([ids[i] for i in members], [texts[i] for i in members], sims[members],
                                 n_quotes, owners=[owners[i] for i in members])
        match = matches[g] if g >= 0 else Match(None, None, 0.0)
        measure = measured[g] if g >= 0 else None
        out[number[g]] = Topic(number[g], names[g], keywords.get(g, []), len(members), match.theme,
                               match.similarity, quotes, match.share, measure,
                               measure is None or kind is None or coherent(measure, kind),
                               news([texts[i] for i in members], named.get(g, []), codebook_words))
    out.setdefault(OTHER, Topic(OTHER, OTHER_NAME, [], 0))  # always there: late segments may land in it
    return dict(sorted(out.items()))


def hierarchy(model: TopicModel, ctfidf: Ctfidf, group_of: dict[int, int]) -> list[dict[str, object]]:
    """Topics merged pairwise by closeness of their centres (average linkage, cosine): a tree to browse."""
    ids = sorted(t for t in model.ids)
    if len(ids) < 2:
        return []
    from scipy.cluster.hierarchy import linkage

    rows = np.stack([model.centroids[model.ids.index(t)] for t in ids]).astype(np.float64)
    tree = linkage(rows, method="average", metric="cosine")
    node_ids = [f"t{t}" for t in ids]
    leaves: list[list[int]] = [[t] for t in ids]
    out: list[dict[str, object]] = []
    for i, (a, b, dist, _) in enumerate(tree.tolist()):
        members = sorted(leaves[int(a)] + leaves[int(b)])
        words = merged_keywords(ctfidf, [group_of[t] for t in members], 5)
        out.append({"id": f"n{i + 1}", "children": [node_ids[int(a)], node_ids[int(b)]], "topics": members,
                    "distance": round(float(dist), 4), "name": topic_name(words)})
        node_ids.append(f"n{i + 1}")
        leaves.append(members)
    return out
