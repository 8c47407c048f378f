"""The review app's theme table after an analyst's decision: updated in place (`ThemeTables`, which applies
the new decision to the decided segment only) against the baseline of a full reload
(`CodingData.load` + `build_rows`, what the app did before), side by side in one run.

The store is the review tests' bulk store (`tests/review/helpers.build_big`: 50,000 coded segments by
default, with stances, respondents, a campaign and some decisions). Each round records one decision (a
stance, an accept or a reject, in turn), then times both ways of getting the overall table; medians are
printed with their ratio.

    .venv/bin/python benchmarks/bench_review.py [--segments 50000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    from respmine.report.tables import CodingData, build_rows
    from respmine.review.cache import ThemeTables
    from respmine.store.repository import Store
    from respmine.store.themes import decide
    from respmine.themes.codebook import load_codebook
    from tests.review.helpers import CODEBOOK, build_big

    work = Path(tempfile.mkdtemp(prefix="respmine-bench-review-"))
    started = time.perf_counter()
    settings = build_big(work, n_segments=args.segments)
    store, codebook = Store(settings.store_url), load_codebook(CODEBOOK)
    tables = ThemeTables(store, codebook)
    tables.rows(None, None, True)
    codes = sorted({(c.segment, c.theme) for c in tables.data().codes})
    print(f"{args.segments:,} segments, {len(codes):,} codes; store built and first table in "
          f"{time.perf_counter() - started:.1f} s")
    updated, reloaded = [], []
    for i in range(args.rounds):
        segment, theme = codes[(i * 7919) % len(codes)]
        action = ("stance", "accept", "reject")[i % 3]
        if action == "stance":
            decide(store, codebook, "bench", action, segment=segment, value={"stance": "oppose"})
        else:
            decide(store, codebook, "bench", action, segment=segment, theme=theme)
        t = time.perf_counter()
        rows = tables.rows(None, None, True)[0]
        updated.append(time.perf_counter() - t)
        t = time.perf_counter()
        full = build_rows(CodingData.load(store, codebook), overall=True)
        reloaded.append(time.perf_counter() - t)
        assert rows == full, "the updated table differs from a full reload"
    up, base = statistics.median(updated), statistics.median(reloaded)
    print(f"theme table after a decision, median of {args.rounds}: updated in place {up:.2f} s, "
          f"full reload (baseline) {base:.2f} s: {base / up:.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
