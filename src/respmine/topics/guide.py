"""Guidance from the codebook: theme vectors seed the clustering, theme words weigh more in keywords, and
each topic is matched to the theme its respondents' passages are coded with, or surfaced as an emerging
theme.

Matching reads the theme coder's codes (the themes stage runs before topics): a topic is a theme's when
most of its respondents' passages in it carry that theme or one under it (`match_by_codes`). Closeness of
the topic's centre to the theme's description (`match_topics`) is only the fallback for segments nobody
has coded yet. It was too lax to be more: on the sample every one of 25 topics came within 0.60 of some
theme (the bar was 0.5), letters on prison education and on animal welfare in prison farms were called
"Volunteers" (0.61 and 0.54), and the largest topic, 29 passages none coded "complementary to statutory
services" (16 coded the opposite view, core partner), was named after that theme.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from respmine.records import Code
from respmine.themes.codebook import Codebook, Theme
from respmine.themes.coder import FALLBACK, SIMILARITY_FLOOR
from respmine.topics.cluster import unit
from respmine.topics.embed import Embedder

MATCH = {"minilm": 0.5, "tfidf-svd": 0.3}  # cosine, topic centre to theme, to call a topic the theme's
SEED = {"minilm": 0.35, "tfidf-svd": 0.15}  # cosine, segment to theme, for a theme to seed a topic
MAJORITY = 0.5  # share of a topic's respondents whose passages in it carry a theme, to call it the theme's
# (cohesion, distinct, focus) an emerging theme must reach (`coherent`): see `Coherence`
COHERENT = {"minilm": (0.55, 0.12, 0.3), "tfidf-svd": (0.0, 0.0, 0.3)}
FOCUS_WORDS = 3  # top keywords a topic's passages are checked for (`Coherence.focus`)
DECIDING_METHODS = frozenset({"rule", "rule-negated", "classifier", "analyst"})  # see `deciding`


def embedder_kind(embedder: Embedder) -> str:
    return "tfidf-svd" if embedder.name.startswith("tfidf-svd") else "minilm"


@dataclass(frozen=True)
class ThemeVectors:
    ids: list[str]
    labels: list[str]
    vectors: np.ndarray  # unit rows, one per theme

    @property
    def empty(self) -> bool:
        return not self.ids


def theme_texts(theme: Theme) -> list[str]:
    """What a theme is, in words: label and description, its phrases, its examples."""
    out = [theme.describe()]
    if theme.phrases:
        out.append(", ".join(theme.phrases))
    out.extend(theme.examples)
    return out


def theme_vectors(codebook: Codebook | None, embedder: Embedder) -> ThemeVectors:
    """One unit vector per theme: the mean of its description, phrases and examples."""
    if codebook is None or not codebook.themes:
        return ThemeVectors([], [], np.zeros((0, 0), np.float32))
    texts = [theme_texts(t) for t in codebook.themes]
    flat = [text for group in texts for text in group]
    vectors = embedder.embed(flat)
    rows, start = [], 0
    for group in texts:
        rows.append(vectors[start : start + len(group)].mean(axis=0))
        start += len(group)
    return ThemeVectors(codebook.ids, [t.label for t in codebook.themes], unit(np.stack(rows)))


def codebook_words(codebook: Codebook | None) -> set[str]:
    """Seed words for c-TF-IDF: the themes' phrases and the words of their labels."""
    if codebook is None:
        return set()
    words = codebook_phrases(codebook)
    for theme in codebook.themes:
        words.update(w for w in re.findall(r"[a-z][a-z'-]+", theme.label.lower()) if len(w) > 2)
    return words


def codebook_phrases(codebook: Codebook | None) -> set[str]:
    """The themes' phrases, lowercased: the words the codebook's authors chose to signal each theme (a
    label's words are often the consultation's own subject: "Displaced parking and narrow streets")."""
    if codebook is None:
        return set()
    return {" ".join(p.lower().split()) for theme in codebook.themes for p in theme.phrases}


def supported_seeds(themes: ThemeVectors, x: np.ndarray, weights: np.ndarray, floor: float,
                    min_size: int) -> np.ndarray:
    """Theme vectors that at least `min_size` segments are nearest to (above `floor`), in codebook order."""
    if themes.empty or len(x) == 0:
        return np.zeros((0, x.shape[1] if x.ndim == 2 else 0), np.float32)
    sims = x @ themes.vectors.T
    nearest = np.argmax(sims, axis=1)
    close = sims[np.arange(len(x)), nearest] >= floor
    support = np.bincount(nearest[close], weights=weights[close], minlength=len(themes.ids))
    return themes.vectors[support >= min_size]


@dataclass(frozen=True)
class Match:
    theme: str | None
    label: str | None
    similarity: float  # cosine of the topic's centre to the theme (emerging: to its closest theme)
    share: float | None = None  # of its respondents coded with the theme (emerging: its commonest); None:
    # matched by similarity


def match_topics(centroids: np.ndarray, themes: ThemeVectors, threshold: float) -> list[Match]:
    """Each topic's closest theme; a topic below `threshold` matches none (an emerging theme). The fallback
    where no segment has been coded (`match_by_codes` otherwise)."""
    if themes.empty or len(centroids) == 0:
        return [Match(None, None, 0.0) for _ in range(len(centroids))]
    sims = centroids @ themes.vectors.T
    out = []
    for row in sims:
        best = int(np.argmax(row))
        score = round(float(row[best]), 4)
        hit = score >= threshold
        out.append(Match(themes.ids[best] if hit else None, themes.labels[best] if hit else None, score))
    return out


def deciding(code: Code) -> bool:
    """Whether a code says its passage is on its theme: a phrase rule's hit (under a negation too: "we do
    not support payment by results" is on payment by results), the classifier's call, an analyst's, or
    similarity at the coder's own floor. Not the coder's last-resort picks for a passage nothing else
    coded, the classifier's strongest theme (`classifier-fallback`) or a closest theme under
    SIMILARITY_FLOOR: they give every passage some theme, so an off-codebook topic would match one
    (unless an analyst accepted it: `reviewed`)."""
    return code.reviewed or bool(_methods(code) & DECIDING_METHODS) or (
        "similarity" in _methods(code) and code.confidence >= SIMILARITY_FLOOR)


def firm(code: Code) -> bool:
    """Whether a code is by a rule, the classifier or an analyst: what says a passage is the codebook's
    at all (`match_by_codes`). Not similarity: it gave 9 of 20 passages of letters on prison education,
    prison food and farm animals a theme at 0.5 or more (resettlement, regional commissioning)."""
    return code.reviewed or bool(_methods(code) & DECIDING_METHODS)


def _methods(code: Code) -> set[str]:
    """A code's methods ("rule+classifier": rule and classifier; "rule(child)": rule); none for a fallback."""
    if code.method == FALLBACK:
        return set()
    return {part.removesuffix("(child)") for part in code.method.split("+")}


@dataclass(frozen=True)
class CodedThemes:
    """The theme coder's say on each coded segment: the themes its deciding codes carry and their parents
    (a passage on full cost recovery is on funding too), and whether a rule, the classifier or an analyst
    coded it. A segment coded with nothing maps to no theme; segments missing from `themes` were never
    coded at all."""

    themes: Mapping[str, frozenset[str]]  # segment -> themes, with their ancestors
    firm: frozenset[str]  # segments with a code by a rule, the classifier or an analyst (`firm`)
    labels: Mapping[str, str]  # theme -> label
    depth: Mapping[str, int]  # theme -> number of ancestors
    order: Mapping[str, int]  # theme -> codebook position


def coded_themes(codes: Iterable[Code], codebook: Codebook, segments: Iterable[str]) -> CodedThemes:
    """`CodedThemes` of `segments` (those the theme coder has coded) from their effective codes."""
    lineage = {t: (t, *codebook.ancestors(t)) for t in codebook.ids}
    found: dict[str, set[str]] = {s: set() for s in segments}
    firmly: set[str] = set()
    for c in codes:
        if c.segment in found and c.theme in lineage and deciding(c):
            found[c.segment].update(lineage[c.theme])
            if firm(c):
                firmly.add(c.segment)
    return CodedThemes({s: frozenset(t) for s, t in found.items()}, frozenset(firmly),
                       {t.id: t.label for t in codebook.themes},
                       {t: len(chain) - 1 for t, chain in lineage.items()},
                       {t: i for i, t in enumerate(codebook.ids)})


def respondent_weights(members: Sequence[str], owners: Mapping[str, str]) -> dict[str, float]:
    """Each segment's weight in its topic such that every respondent weighs the same in all, however many
    of their passages the topic holds (weights sum to 1): the 8 identical closing lines "Please keep
    justice local." of one campaign, too short to code, would otherwise outvote the three respondents on
    victims beside them, and one long paper every other respondent in its topic."""
    per: dict[str, list[str]] = defaultdict(list)
    for s in members:
        per[owners.get(s, s)].append(s)
    return {s: 1 / (len(passages) * len(per)) for passages in per.values() for s in passages}


def theme_shares(weights: Mapping[str, float], coded: CodedThemes) -> dict[str, float]:
    """Share of a topic's respondents (`respondent_weights`) coded with each theme or one under it."""
    out: dict[str, float] = defaultdict(float)
    for s, w in weights.items():
        for theme in coded.themes.get(s, ()):
            out[theme] += w
    return dict(out)


def match_by_codes(groups: Sequence[Sequence[str]], owners: Mapping[str, str], coded: CodedThemes,
                   similarities: np.ndarray, themes: ThemeVectors, majority: float = MAJORITY) -> list[Match]:
    """Each topic (its segments in `groups`) matched to the theme most of its respondents are coded with,
    when at least `majority` are. A topic that no theme has a majority of is the codebook's still when
    most of its respondents were coded by a rule, the classifier or an analyst (short answers making two
    or three points each: 19 passages coded independence, core partner or full cost recovery): it takes
    its commonest theme. Else it matches none: an emerging theme. Of themes equally shared the deeper
    wins (all of a topic on full cost recovery is on funding too: it is named full cost recovery), then
    codebook order. `similarities` (topics x `themes`, may be empty) gives each match its cosine."""
    column = {t: i for i, t in enumerate(themes.ids)}
    out = []
    for g, members in enumerate(groups):
        weights = respondent_weights(members, owners)
        shares = theme_shares(weights, coded)
        best = min(shares, default=None,
                   key=lambda t: (-round(shares[t], 9), -coded.depth[t], coded.order[t]))
        share = round(shares[best], 4) if best is not None else 0.0
        covered = round(sum(w for s, w in weights.items() if s in coded.firm), 9) >= majority
        theme = best if best is not None and (share >= majority or covered) else None
        row = similarities[g] if g < len(similarities) and similarities.ndim == 2 else np.zeros(0)
        near = column.get(theme, -1) if theme is not None else int(np.argmax(row)) if row.size else -1
        cosine = round(float(row[near]), 4) if row.size and near >= 0 else 0.0
        out.append(Match(theme, coded.labels[theme] if theme is not None else None, cosine, share))
    return out


@dataclass(frozen=True)
class Coherence:
    """How much a topic's passages talk about one thing (each respondent weighing the same, a campaign once:
    `respondent_weights`)."""

    cohesion: float  # mean cosine of its passages to its centre
    distinct: float  # that less their mean cosine to the centre of all passages: 0 for the corpus's subject
    focus: float  # share using one of its top keywords (`FOCUS_WORDS`): words it is about, not a mood


def coherence(x: np.ndarray, groups: np.ndarray, centroids: np.ndarray, owners: Sequence[str],
              uses_keyword: Sequence[np.ndarray] | None = None) -> list[Coherence]:
    """`Coherence` of each topic (rows of `centroids`) from the unit vectors `x` of its passages (`groups`:
    each passage's row, OTHER none; `owners`: each passage's respondent). `uses_keyword[g]`: per passage
    of topic g (in order), whether it uses one of its top keywords (None: focus 1)."""
    out = []
    filled = np.linalg.norm(x, axis=1) > 0
    centre = x[filled].mean(axis=0) if filled.any() else np.zeros(x.shape[1], np.float32)
    centre = centre / (np.linalg.norm(centre) or 1)
    for g in range(len(centroids)):
        rows = np.flatnonzero(groups == g).tolist()
        if not rows:
            out.append(Coherence(0.0, 0.0, 0.0))
            continue
        weights = respondent_weights([str(i) for i in rows], {str(i): owners[i] for i in rows})
        w = np.array([weights[str(i)] for i in rows])
        own = float(w @ (x[rows] @ centroids[g]))
        base = float(w @ (x[rows] @ centre))
        focus = float(w @ uses_keyword[g]) if uses_keyword is not None else 1.0
        out.append(Coherence(round(own, 4), round(own - base, 4), round(focus, 4)))
    return out


def coherent(c: Coherence, kind: str) -> bool:
    """Whether a topic talks about one thing (`COHERENT`): close to its centre, farther from the whole
    corpus's, and mostly in its own words."""
    cohesion, distinct, focus = COHERENT[kind]
    return c.cohesion >= cohesion and c.distinct >= distinct and c.focus >= focus


def says_no_view(text: str) -> bool:
    """A form's stock cell (`structure.cells.only_a_form_cell`: "Yes", "Don't know", "Yes - agree", an
    option's letter, "No opinion", "N/A", "See above"), a formality ("Here are my answers to the
    consultation questions.", thanks, covering notes) or page furniture."""
    from respmine.structure.cells import only_a_form_cell
    from respmine.structure.furniture import is_furniture, only_formalities

    return only_a_form_cell(text) or only_formalities(text) or is_furniture(text)


def says_views(texts: Sequence[str]) -> bool:
    """Whether a topic's passages say views: not when most of them say none (`says_no_view`), as a new
    user's only emerging theme "yes / know" did. Topic discovery still clusters them (leaving them out
    unsettled the topics of real feedback), but such a topic is no emerging theme: in the fit, the report,
    its spreadsheet and the review app alike (`topics.views.emerging_themes`)."""
    return 2 * sum(says_no_view(t) for t in texts) <= len(texts)


def emerging_now(flagged: bool, texts: Sequence[str]) -> bool:
    """Whether a topic is an emerging theme now: its fit flagged it (`model.Topic.emerging`: no theme
    matches it, it talks about one thing, and its keywords are not the codebook's, `named_by_codebook`)
    and its passages now, late ones too, say views (`says_views`: the fit judged only its own). The one
    judgement of the run summary (`stage.TopicSummary.emerging`), the report and the review app
    (`views.emerging_themes`): a late run's summary had listed by the fit's flags "disagree / agree /
    evidence" and "yes", which the report, reading the passages now, left out. A topic none of whose
    passages can be read now keeps the fit's flag (nothing says otherwise)."""
    return flagged and says_views(texts)


def named_by_codebook(keywords: Sequence[str], words: Collection[str]) -> bool:
    """Whether most of a topic's top `FOCUS_WORDS` keywords are the codebook's words (`codebook_words`:
    its themes' phrases and the words of their labels), the keywords ranked with only the phrases weighing
    more (`keywords.reweighed`: a label's words weigh double in the keywords shown, and were the top of a
    new topic of residents' parking permits, "consultation / council / parking"). Such a topic is
    on themes the codebook has, though the coder marked few of its passages (short answers: "Yes,
    provided the guidance defines 'unnecessary obstruction' clearly", "Partly. Only where the obstruction
    is real" were "civil enforcement / unnecessary obstruction"), or a mix of them ("probation / unpaid /
    private"): no emerging theme."""
    top = list(keywords[:FOCUS_WORDS])
    return bool(top) and 2 * sum(k in words for k in top) > len(top)


def news(texts: Sequence[str], keywords: Sequence[str], words: Collection[str]) -> bool:
    """Whether a topic could be news to the codebook's authors: it says views (`says_views`) in words of
    its own (not `named_by_codebook`)."""
    return says_views(texts) and not named_by_codebook(keywords, words)


def suggested_theme(name: str, keywords: Sequence[str], quotes: Sequence[str], taken: Sequence[str]) -> Theme:
    """An emerging topic as a codebook entry an analyst can promote (id made unique among `taken`)."""
    base = re.sub(r"[^\w ]+", " ", name).strip() or "emerging theme"
    base = " ".join(base.split())[:60]
    if not re.match(r"[A-Za-z0-9]", base):
        base = f"emerging {base}"
    theme_id, n = base, 2
    while theme_id in taken:
        theme_id, n = f"{base} {n}", n + 1
    return Theme(id=theme_id, label=name, description="Emerging theme found by topic discovery.",
                 phrases=tuple(keywords[:8]), examples=tuple(quotes[:3]))
