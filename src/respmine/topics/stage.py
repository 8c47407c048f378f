"""The topic stage: fit topics on the store's segments, or place late segments in the existing topics.

First run (or `refit=True`): fit, seeded by the codebook and, on a refit, by the previous topics, whose ids
and names carry over. Otherwise only segments without a topic are embedded and assigned to the nearest
existing topic: earlier assignments are never touched. Vectors come from the store's cache when known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from respmine.records import GENERAL, UNCODED
from respmine.store import topics as topic_store
from respmine.store.models import TopicRow
from respmine.store.repository import Store
from respmine.store.topics import store_cached
from respmine.store.views import SegmentView, read_respondent_keys, read_respondents, read_segments
from respmine.themes.codebook import Codebook
from respmine.topics.align import Previous, late_changes
from respmine.topics.cluster import OTHER
from respmine.topics.embed import Embedder, MiniLM
from respmine.topics.guide import (
    CodedThemes,
    codebook_phrases,
    codebook_words,
    coded_themes,
    embedder_kind,
    emerging_now,
    theme_vectors,
)
from respmine.topics.model import OTHER_NAME, Settings, Topic, TopicModel, fit_model
from respmine.topics.persist import load_model, save_model
from respmine.topics.text import name_words
from respmine.topics.tfidf import FILES as TFIDF_FILES
from respmine.topics.tfidf import TfidfSvdEmbedder


@dataclass
class TopicSummary:
    """What a topic run did, for reports and the flow's artifact."""

    version: str
    method: str  # fit | refit | late | empty
    embedder: str
    segments: int  # segments with a topic now
    assigned: int  # segments (re)assigned by this run
    topics: list[Topic] = field(default_factory=list)
    changes: dict[str, object] = field(default_factory=dict)
    said: dict[int, list[str]] = field(default_factory=dict)  # topic -> its passages' texts now

    @property
    def outlier_share(self) -> float:
        other = sum(t.size for t in self.topics if t.id == OTHER)
        return round(other / self.segments, 4) if self.segments else 0.0

    @property
    def emerging(self) -> list[Topic]:
        """The emerging themes as the report and the review app judge them (`guide.emerging_now`): by the
        fit's flags and the passages now, late ones too."""
        return [t for t in self.topics if emerging_now(t.emerging, self.said.get(t.id, []))]

    def as_dict(self) -> dict[str, object]:
        return {
            "version": self.version, "method": self.method, "embedder": self.embedder,
            "segments": self.segments, "assigned": self.assigned, "outlier_share": self.outlier_share,
            "topics": [{k: v for k, v in t.as_dict().items() if k != "quotes"} for t in self.topics],
            "sizes": {str(t.id): t.size for t in self.topics},
            "emerging": [t.as_dict() for t in self.emerging], "changes": self.changes,
        }


def run_topics(store: Store, codebook: Codebook | None, model_dir: Path, *, refit: bool = False,
               embedder: Embedder | None = None, settings: Settings | None = None) -> TopicSummary:
    """Fit on first run (or when `refit`), else assign segments without a topic to the existing topics."""
    settings = settings or Settings()
    model_dir = Path(model_dir)
    # respondents describing themselves and notes are not views: no topic of "who we are" or citations.
    # In the order of their words, not of their ids (which hash the file's bytes): the same answers in a
    # re-saved file gave other topics (UMAP's layout depends on the order of its input)
    rows = sorted(discovery_rows(read_segments(store)), key=lambda r: (r.text, r.id))
    if not rows:  # nothing to cluster yet: leave any earlier topics as they are
        return TopicSummary("", "empty", "", 0, 0)
    current = topic_store.assignments(store)
    model = load_model(model_dir)
    latest = topic_store.latest_fit(store)
    in_step = model is not None and latest is not None and latest.version == model.version
    if in_step and current and not refit and not _matched_before_codes(store, codebook):
        assert model is not None
        return _late(store, rows, current, model, model_dir, embedder)
    return _fit(store, rows, current, codebook, model_dir, embedder, settings, model if in_step else None)


def discovery_rows(rows: Sequence[SegmentView]) -> list[SegmentView]:
    """The passages topic discovery reads: views, in English. Not what a respondent says of themselves or
    a note (`UNCODED`), a general comment of a document off the consultation's subject (`OFF_TOPIC`, which
    the coder reads blank), letter furniture among general comments (`is_furniture`; a form's "Yes" or
    "Option B" under its question is still clustered, as `guide.says_views` explains), nor a passage in
    another language (`language.segment_language`, its document's language from all its passages): those are
    flagged for
    translation elsewhere, and their function words named topics of their own ("jest / response" of a
    Polish e-mail, "school / yn / cymraeg" of bilingual councils' Welsh paragraphs beside their English
    twins)."""
    from respmine.structure.furniture import is_furniture
    from respmine.structure.language import UNKNOWN, guess_language, segment_language
    from respmine.structure.questions import OFF_TOPIC

    texts: dict[str, list[str]] = {}
    for r in rows:
        texts.setdefault(r.submission, []).append(r.text)
    document = {sub: guess_language("\n\n".join(t)) for sub, t in texts.items()}
    return [r for r in rows if r.question not in UNCODED and r.method != OFF_TOPIC
            and not (r.question == GENERAL and is_furniture(r.text))
            and segment_language(r.text, document[r.submission]) in ("en", UNKNOWN)]


def _matched_before_codes(store: Store, codebook: Codebook | None) -> bool:
    """The stored topics were matched to themes before matching read the codes (a store from an earlier
    version: no topic has a share of coded respondents) while codes now exist: refit once, or they would
    keep names such as "Complementary to statutory services" on topics coded the opposite view."""
    if codebook is None or not codebook.themes:
        return False
    found = [t for t in topic_store.topics(store) if t.id >= 0]
    return bool(found) and all(t.share is None for t in found) and topic_store.has_codes(store)


def _comparable(previous: TopicModel | None, embedder: Embedder) -> TopicModel | None:
    """The previous model seeds a refit only if its centroids live in this embedder's space."""
    return previous if previous is not None and previous.embedder == embedder.name else None


def _fit_embedder(embedder: Embedder | None, previous: TopicModel | None, model_dir: Path,
                  texts: Sequence[str]) -> Embedder:
    """MiniLM by default; a TF-IDF+SVD embedder is fitted once and reused by refits (same vector space)."""
    if embedder is None:
        embedder = TfidfSvdEmbedder() if previous is not None and previous.kind == "tfidf-svd" else MiniLM()
    if isinstance(embedder, TfidfSvdEmbedder) and not embedder.fitted:
        saved = model_dir / TFIDF_FILES[0]
        reuse = previous is not None and previous.kind == "tfidf-svd" and saved.is_file()
        embedder = TfidfSvdEmbedder.load(model_dir) if reuse else embedder.fit(texts)
    return embedder


def _late_embedder(embedder: Embedder | None, model: TopicModel, model_dir: Path) -> Embedder:
    """The embedder the model was fitted with: vectors from any other would not be comparable."""
    if embedder is None or (isinstance(embedder, TfidfSvdEmbedder) and not embedder.fitted):
        embedder = TfidfSvdEmbedder.load(model_dir) if model.kind == "tfidf-svd" else MiniLM()
    if embedder.name != model.embedder:
        raise ValueError(f"topic model {model.version} was fitted with {model.embedder!r}, not "
                         f"{embedder.name!r}: refit to change the embedder")
    return embedder


def _previous(store: Store, current: dict[str, topic_store.Assignment]) -> Previous:
    rows = topic_store.topics(store)
    return Previous({s: a.topic for s, a in current.items()}, {t.id: t.name for t in rows},
                    {t.id: t.size for t in rows})


def _fit(store: Store, rows: list[SegmentView], current: dict[str, topic_store.Assignment],
         codebook: Codebook | None, model_dir: Path, embedder: Embedder | None, settings: Settings,
         previous: TopicModel | None) -> TopicSummary:
    texts = [r.text for r in rows]
    inner = _fit_embedder(embedder, previous, model_dir, texts)
    previous = _comparable(previous, inner)
    cached = store_cached(inner, store)
    vectors = cached.embed(texts)
    version = f"topics-{len(topic_store.fits(store)) + 1}"
    kind = embedder_kind(inner)
    keys = read_respondent_keys(store)
    result = fit_model([r.id for r in rows], texts, vectors, kind=kind, embedder=inner.name, version=version,
                       themes=theme_vectors(codebook, cached), seed_words=codebook_words(codebook),
                       phrases=codebook_phrases(codebook),
                       settings=settings, previous=previous,
                       before=_previous(store, current) if current else None,
                       coded=_coded(store, codebook, rows), stop_words=_name_words(store, rows),
                       owners=[keys.get(r.submission, r.submission) for r in rows])
    save_model(result.model, model_dir)
    if isinstance(inner, TfidfSvdEmbedder):
        inner.save(model_dir)
    method = "refit" if current else "fit"
    summary = TopicSummary(version, method, inner.name, len(rows), len(rows),
                           list(result.model.topics.values()), result.changes,
                           _said(rows, [int(t) for t in result.topics]))
    assigned = [topic_store.Assignment(r.id, t, round(float(p), 4), version, "fit")
                for r, t, p in zip(rows, result.topics, result.probabilities.tolist(), strict=True)]
    topic_store.replace_topics(store, _topic_rows(result.model), assigned,
                               topic_store.new_fit_row(version, inner.name, summary.as_dict(),
                                                       result.model.hierarchy))
    return summary


def _coded(store: Store, codebook: Codebook | None, rows: Sequence[SegmentView]) -> CodedThemes | None:
    """The theme coder's themes of the segments it has coded (analysts' decisions applied), which topics are
    matched to; None without a codebook or before the themes stage has coded any of them."""
    from respmine.store import themes as theme_store

    if codebook is None or not codebook.themes:
        return None
    done = theme_store.coded_segments(store) & {r.id for r in rows}
    return coded_themes(theme_store.effective_codes(store, codebook), codebook, done) if done else None


def _name_words(store: Store, rows: Sequence[SegmentView]) -> frozenset[str]:
    """Words of the respondents' organisations' names that keywords skip (`text.name_words`)."""
    people = read_respondents(store)
    names = {sub: (p.organisation, *p.organisations) for sub, p in people.items()}
    return name_words([r.text for r in rows], [[n for n in names.get(r.submission, ()) if n] for r in rows])


def _topic_rows(model: TopicModel) -> list[TopicRow]:
    return [TopicRow(id=t.id, name=t.name, keywords=list(t.keywords), size=t.size, theme=t.theme,
                     similarity=t.similarity, share=t.share, emerging=t.emerging,
                     quotes=[dict(q) for q in t.quotes],
                     model_version=model.version) for t in model.topics.values()]


def _late(store: Store, rows: list[SegmentView], current: dict[str, topic_store.Assignment],
          model: TopicModel, model_dir: Path, embedder: Embedder | None) -> TopicSummary:
    """Late segments to the nearest existing topic; nothing else moves."""
    present = {r.id for r in rows}
    stale = sorted(s for s in current if s not in present)
    todo = [r for r in rows if r.id not in current]
    kept = Counter(a.topic for s, a in current.items() if s in present)
    before = {t: kept.get(t, 0) for t in model.topics}
    labels: list[int] = []
    probabilities = np.zeros(0, dtype=np.float32)
    if todo:
        inner = _late_embedder(embedder, model, model_dir)
        texts = [r.text for r in todo]
        labels, probabilities = model.assign(store_cached(inner, store).embed(texts), texts)
    sizes = Counter(kept)
    sizes.update(labels)
    for t in model.topics.values():
        t.size = sizes.get(t.id, 0)
    model.topics.setdefault(OTHER, Topic(OTHER, OTHER_NAME, [], sizes.get(OTHER, 0)))
    new_rows = [topic_store.Assignment(r.id, t, round(float(p), 4), model.version, "late")
                for r, t, p in zip(todo, labels, probabilities.tolist(), strict=True)]
    topic_store.add_assignments(store, new_rows, dict(sizes), stale)
    save_model(model, model_dir)
    changes = late_changes(before, labels, {t.id: t.name for t in model.topics.values()})
    changes["stale_removed"] = len(stale)
    now = {s: a.topic for s, a in current.items() if s in present}
    now.update((r.id, t) for r, t in zip(todo, labels, strict=True))
    return TopicSummary(model.version, "late", model.embedder, len(rows), len(todo),
                        list(model.topics.values()), changes, _said(rows, [now[r.id] for r in rows]))


def _said(rows: Sequence[SegmentView], topics: Sequence[int]) -> dict[int, list[str]]:
    """topic -> the texts of its passages (`rows`, each in `topics`' topic)."""
    out: dict[int, list[str]] = {}
    for r, t in zip(rows, topics, strict=True):
        out.setdefault(t, []).append(r.text)
    return out
