"""The whole topic stage at 1k, 10k and 50k segments - time, peak memory and quality - next to BERTopic
with its default settings, in the same run.

Segments are seeded variants of the real NHS feedback (`nhs-fft/train.csv`): each is a coded comment
with one light edit (a word dropped, repeated or inserted) so that every segment is distinct and nothing
is deduplicated away; the comment's first theme is kept to score the topics (NMI, ARI).

Each measurement runs in its own process (peak RSS is that process's `ru_maxrss`; "before" is the RSS
once the data is loaded). Per size:
  respmine cold     `run_topics` on a fresh store: embedding, clustering, keywords, hierarchy, model saved,
                    store written; MiniLM below 50k; from 50k the TF-IDF+SVD fast path, and MiniLM too
  respmine cached   the same on the same store after dropping its topics: embeddings from the store cache
  BERTopic cold     `BERTopic().fit_transform(texts)`, all-MiniLM-L6-v2 loaded from its local path
  BERTopic cached   `BERTopic().fit_transform(texts, embeddings)` with the vectors of the cold run
Ratios are BERTopic / respmine (above 1: respmine faster or smaller).

    .venv/bin/python benchmarks/bench_topics.py [--sizes 1000 10000 50000] [--work DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NHS = ROOT.parent / "shared" / "datasets" / "nhs-fft" / "train.csv"
FAST_FROM = 50_000  # from this size respmine uses the TF-IDF+SVD embedder
WORDS_ENV = "BENCH_TOPICS_WORDS"


def _joined(text: str, theme: str, base: list[tuple[str, str]], words: int, rng: random.Random
            ) -> tuple[str, str]:
    parts = [text]
    while sum(len(p.split()) for p in parts) < words:
        parts.append(rng.choice(base)[0])
    return " ".join(parts), theme


def synthetic(n: int, seed: int = 11) -> tuple[list[str], list[str]]:
    """n distinct texts (light edits of the real comments) and the first human theme of each.

    With `--words N` (passed to the measuring processes as BENCH_TOPICS_WORDS) each text is several
    comments joined up to N words, as long as a consultation answer; its theme is the first comment's.
    """
    with NHS.open(encoding="utf-8", newline="") as f:
        base = [(r["text"].strip(), r["themes"].split(";")[0].strip())
                for r in csv.DictReader(f) if r["themes"].strip() and r["text"].strip()]
    rng = random.Random(seed)
    words_per_text = int(os.environ.get(WORDS_ENV, "0"))
    if words_per_text:
        base = [_joined(text, theme, base, words_per_text, rng) for text, theme in base]
    vocab = sorted({w for t, _ in base for w in t.split() if w.isalpha()})
    texts: list[str] = []
    themes: list[str] = []
    seen: set[str] = set()
    while len(texts) < n:
        text, theme = rng.choice(base)
        words = text.split()
        while " ".join(words) in seen:
            i = rng.randrange(len(words) + 1)
            op = rng.random()
            if op < 0.3 and len(words) > 3:
                del words[min(i, len(words) - 1)]
            elif op < 0.6 and words:
                words.insert(i, words[min(i, len(words) - 1)])
            else:
                words.insert(i, rng.choice(vocab))
        seen.add(" ".join(words))
        texts.append(" ".join(words))
        themes.append(theme)
    return texts, themes


def _key(i: int) -> str:
    return hashlib.sha256(f"bench:{i}".encode()).hexdigest()


def fill_store(url: str, texts: list[str]) -> None:
    """One submission, respondent and segment per text (bulk insert: setup, not timed)."""
    from respmine.ingest.dispatch import reader_version
    from respmine.store.models import RespondentRow, SegmentRow, SubmissionRow
    from respmine.store.repository import Store

    store, now = Store(url), datetime.now(UTC)
    with store.session() as s, s.begin():
        s.add_all(SubmissionRow(sha256=_key(i), kind="form-row", source=f"row{i}", format="csv", status="ok",
                                text=t, extractor_version=reader_version("csv"), first_seen_at=now,
                                updated_at=now)
                  for i, t in enumerate(texts))
        s.flush()
        s.add_all(RespondentRow(submission=_key(i), kind="individual", respondent_type="individual")
                  for i in range(len(texts)))
        s.add_all(SegmentRow(id=_key(-i - 1), submission=_key(i), question="Q1", start=0, end=len(t),
                             page=None, text=t, method="form-column", confidence=1.0)
                  for i, t in enumerate(texts))


def ours(n: int, work: Path, cached: bool, embedder: str) -> tuple[float, list[int]]:
    """Time `run_topics` (cold: fresh store; cached: topics dropped, embeddings kept)."""
    from sqlalchemy import delete

    from respmine.store import topics as topic_store
    from respmine.store.models import TopicAssignmentRow, TopicModelRow, TopicRow
    from respmine.store.repository import Store
    from respmine.topics.stage import run_topics
    from respmine.topics.tfidf import TfidfSvdEmbedder

    texts, _ = synthetic(n)
    db = work / f"ours-{n}-{embedder}.db"
    model = work / f"ours-{n}-{embedder}-{'cached' if cached else 'cold'}"
    shutil.rmtree(model, ignore_errors=True)
    if not cached:
        for p in work.glob(f"ours-{n}-{embedder}.db*"):
            p.unlink()
        fill_store(f"sqlite:///{db}", texts)
    store = Store(f"sqlite:///{db}")
    with store.session() as s, s.begin():
        for table in (TopicAssignmentRow, TopicRow, TopicModelRow):
            s.execute(delete(table))
    start = time.perf_counter()
    run_topics(store, None, model, embedder=TfidfSvdEmbedder() if embedder == "tfidf-svd" else None)
    seconds = time.perf_counter() - start
    got = topic_store.assignments(store)
    return seconds, [got[_key(-i - 1)].topic for i in range(n)]


def bertopic(n: int, work: Path, cached: bool, embedder: str = "MiniLM") -> tuple[float, list[int]]:
    """Time `BERTopic()` with default settings (cold: it embeds; cached: vectors from the cold run)."""
    import numpy as np
    from bertopic import BERTopic
    from bertopic.backend._sentencetransformers import SentenceTransformerBackend

    from respmine.topics.baseline import default_sentence_model

    texts, _ = synthetic(n)
    vectors = work / f"bertopic-{n}.npy"

    class Recording(SentenceTransformerBackend):  # BERTopic's own backend, keeping what it computed
        def embed(self, documents, verbose=False):
            out = super().embed(documents, verbose)
            np.save(vectors, out)
            return out

    if cached:
        embeddings = np.load(vectors)
        start = time.perf_counter()
        topics, _ = BERTopic().fit_transform(texts, embeddings)
    else:
        start = time.perf_counter()
        topics, _ = BERTopic(embedding_model=Recording(default_sentence_model())).fit_transform(texts)
    return time.perf_counter() - start, [int(t) for t in topics]


def child(method: str, n: int, work: Path, cached: bool, embedder: str) -> None:
    """In a subprocess: one measurement, printed as JSON (labels go to a file)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    synthetic(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    seconds, labels = (ours if method == "respmine" else bertopic)(n, work, cached, embedder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    (work / f"labels-{method}-{embedder}-{n}-{int(cached)}.json").write_text(json.dumps(labels))
    print(json.dumps({"seconds": seconds, "before_mb": before, "peak_mb": peak}))


def measure(method: str, n: int, work: Path, cached: bool, embedder: str) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", method, str(n), str(work), str(int(cached)), embedder]
    out = subprocess.run(args, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    labels = json.loads((work / f"labels-{method}-{embedder}-{n}-{int(cached)}.json").read_text())
    result.update(quality(synthetic(n)[1], labels))
    return result


def quality(truth: list[str], labels: list[int]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return {"nmi": float(normalized_mutual_info_score(truth, labels)),
            "ari": float(adjusted_rand_score(truth, labels)),
            "topics": float(len(set(labels) - {-1})), "outliers": sum(x == -1 for x in labels) / len(labels)}


def _row(n: int, run: str, embedder: str, r: dict[str, float], base: dict[str, float] | None
         ) -> dict[str, object]:
    """Print one line (ratios: BERTopic / respmine, above 1 is better for respmine) and return it."""
    faster = f"{base['seconds'] / r['seconds']:.2f}" if base else "-"
    smaller = f"{base['peak_mb'] / r['peak_mb']:.2f}" if base else "-"
    print(f"{n:>9,} {run:<17} {embedder:<10} {r['seconds']:>8.1f} {faster:>8} {r['peak_mb']:>8.0f} "
          f"{smaller:>8} {r['nmi']:>6.3f} {r['ari']:>6.3f} {r['topics']:>6.0f} {r['outliers']:>8.1%}",
          flush=True)
    return {"segments": n, "run": run, "embedder": embedder, **r}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--work", type=Path, help="folder for stores and vectors (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    parser.add_argument("--words", type=int, default=0, help="join comments into texts of about N words")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        method, n, work, cached, embedder = args.child
        child(method, int(n), Path(work), cached == "1", embedder)
        return
    if args.words:
        os.environ[WORDS_ENV] = str(args.words)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-topics-"))
    work.mkdir(parents=True, exist_ok=True)
    length = f"comments joined to ~{args.words} words" if args.words else "single comments"
    print(f"topic stage on distinct variants of {NHS.name} ({length}); {os.cpu_count()} cores; work {work}")
    print(f"{'segments':>9} {'run':<17} {'embedder':<10} {'seconds':>8} {'x faster':>8} {'peak MB':>8} "
          f"{'x memory':>8} {'NMI':>6} {'ARI':>6} {'topics':>6} {'outliers':>8}")
    results = []
    for n in args.sizes:
        for cached in (False, True):
            label = "cached" if cached else "cold"
            base = measure("bertopic", n, work, cached, "MiniLM")
            for emb in ("tfidf-svd", "MiniLM") if n >= FAST_FROM else ("MiniLM",):
                mine = measure("respmine", n, work, cached, emb)
                results.append(_row(n, f"respmine {label}", emb, mine, base))
            results.append(_row(n, f"BERTopic {label}", "MiniLM", base, None))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
