"""Topic quality by corpus size: NMI and ARI of respmine's topics against the NHS coders' first theme, next to
BERTopic with its default settings on the same texts and the same vectors, over random samples.

Speed is bench_topics.py's job; this one asks whether "clearly above BERTopic's defaults" holds for small
consultations too, not only on the whole file. For each size, `--repeats` random samples of the coded
comments in `nhs-fft/train.csv` (seeded); every text is embedded once with all-MiniLM-L6-v2 (cached in
`--work`, so reruns skip it) and both methods cluster those vectors, unguided. Prints one line per sample,
then the mean, the smallest margin and the number of samples where respmine is ahead.

    .venv/bin/python benchmarks/bench_topic_quality.py [--sizes 300 600 1000 2000 3000 4000]
        [--repeats 4] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
NHS = ROOT.parent / "shared" / "datasets" / "nhs-fft" / "train.csv"


def vectors(texts: list[str], work: Path) -> dict[str, np.ndarray]:
    """MiniLM vectors of the distinct texts, through the store's embedding cache in `work`."""
    from respmine.store import Store
    from respmine.store.topics import store_cached
    from respmine.topics.embed import MiniLM

    distinct = list(dict.fromkeys(texts))
    cached = store_cached(MiniLM(), Store(f"sqlite:///{work / 'vectors.sqlite'}"))
    return dict(zip(distinct, cached.embed(distinct), strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 600, 1000, 2000, 3000, 4000])
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, help="folder for the vector cache (default: a temp folder)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from respmine.themes.labelled import read_labelled
    from respmine.topics.baseline import bertopic_default
    from respmine.topics.evaluate import cluster_scores
    from respmine.topics.guide import ThemeVectors
    from respmine.topics.model import Settings, fit_model

    work = args.work or Path(tempfile.mkdtemp(prefix="respmine-topic-quality-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = [r for r in read_labelled(NHS) if r.coded and r.text.strip()]
    t = time.perf_counter()
    vec = vectors([r.text for r in rows], work)
    print(f"{len(rows)} coded NHS comments, {len(vec)} distinct, vectors in {time.perf_counter() - t:.0f} s "
          f"(cache {work / 'vectors.sqlite'})")
    unguided = ThemeVectors([], [], np.zeros((0, 0), np.float32))
    rng = np.random.default_rng(args.seed)
    print(f"{'size':>6} {'sample':>6} {'respmine NMI':>12} {'BERTopic NMI':>12} {'margin':>7} "
          f"{'respmine ARI':>12} {'BERTopic ARI':>12} {'topics':>6} {'BERTopic':>8}")
    for n in args.sizes:
        margins = []
        for rep in range(args.repeats):
            sample = [rows[i] for i in rng.choice(len(rows), min(n, len(rows)), replace=False)]
            texts, truth = [r.text for r in sample], [r.themes[0] for r in sample]
            x = np.stack([vec[t] for t in texts])
            ours = fit_model([f"{i:08d}" for i in range(len(texts))], texts, x, kind="minilm",
                             embedder="all-MiniLM-L6-v2", version="quality", themes=unguided,
                             seed_words=set(), settings=Settings(seed=0)).topics
            base = bertopic_default(texts, x, seed=0)
            a, b = cluster_scores(truth, ours), cluster_scores(truth, base)
            margins.append(a["nmi"] - b["nmi"])
            print(f"{n:>6} {rep:>6} {a['nmi']:>12.3f} {b['nmi']:>12.3f} {margins[-1]:>+7.3f} "
                  f"{a['ari']:>12.3f} {b['ari']:>12.3f} {len(set(ours)):>6} {len(set(base)):>8}", flush=True)
        print(f"{n:>6}   mean NMI margin {np.mean(margins):+.3f}, smallest {min(margins):+.3f}, "
              f"respmine ahead in {sum(m > 0 for m in margins)}/{len(margins)}", flush=True)


if __name__ == "__main__":
    main()
