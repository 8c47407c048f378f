"""Campaign detection speed and peak memory at 10k, 50k and 100k responses, against naive all-pairs Jaccard.

Responses are seeded synthetic copies of the real regulations-comments/dev.csv comments with light edits
(a few words dropped, inserted or replaced; a signed name and town added), so nothing is an exact copy.
Each size runs `find_campaigns` in its own process: peak RSS is that process's (`ru_maxrss`), with the RSS
before detection shown so the detector's own share is visible. The baseline compares every pair's
word-shingle Jaccard in Python sets and unions pairs >= 0.5; it is quadratic, so it runs on 2,000
responses and its 10k time is extrapolated (x25) - labelled as such in the output.

    .venv/bin/python benchmarks/bench_structure.py [--sizes 10000 50000 100000] [--baseline 2000]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "datasets" / "regulations-comments" / "dev.csv"
FIRST = ["Ann", "Bob", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kofi", "Lena", "Nia"]
LAST = ["Smith", "Okafor", "Nguyen", "Garcia", "Kowalski", "Patel", "Brown", "Haddad", "Silva", "Jones"]
TOWNS = ["Leeds", "Derby", "Austin, TX", "Salem, OR", "Bristol", "Dayton, OH", "York", "Fresno, CA"]


def synthetic(n: int, seed: int = 7) -> dict[str, str]:
    """n lightly edited copies of the real comments, keyed like submission sha256s (deterministic)."""
    import hashlib

    with DEV.open(newline="", encoding="utf-8") as fh:
        base = [row["text"] for row in csv.DictReader(fh)]
    rng = random.Random(seed)
    vocab = sorted({w for text in base for w in text.split()})
    out = {}
    for i in range(n):
        toks = rng.choice(base).split(" ")
        for _ in range(rng.randint(1, 4)):
            j = rng.randrange(len(toks))
            op = rng.random()
            if op < 0.33 and len(toks) > 20:
                del toks[j]
            elif op < 0.66:
                toks.insert(j, rng.choice(vocab))
            else:
                toks[j] = rng.choice(vocab)
        sign = f"\n\nSincerely,\n{rng.choice(FIRST)} {rng.choice(LAST)}\n{rng.choice(TOWNS)}"
        out[hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()] = " ".join(toks) + sign
    return out


def naive(texts: dict[str, str], threshold: float = 0.5) -> int:
    """All-pairs Jaccard over 3-word shingle sets, union-find; returns the number of groups of 3+."""
    from respmine.structure.campaigns import words

    ids = sorted(texts)
    sets = []
    for sid in ids:
        w = words(texts[sid])
        sets.append({" ".join(w[i : i + 3]) for i in range(len(w) - 2)})
    parent = list(range(len(ids)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = x = parent[parent[x]]
        return x

    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            inter = len(sets[i] & sets[j])
            if inter and inter >= threshold * (len(sets[i]) + len(sets[j]) - inter):
                parent[root(i)] = root(j)
    sizes: dict[int, int] = {}
    for i in range(len(ids)):
        sizes[root(i)] = sizes.get(root(i), 0) + 1
    return sum(1 for s in sizes.values() if s >= 3)


def child(method: str, n: int) -> None:
    """Runs in a subprocess: build the data, time one method, print JSON."""
    texts = synthetic(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    if method == "minhash":
        from respmine.structure.campaigns import find_campaigns

        campaigns = find_campaigns(texts)
        groups, members = len(campaigns), sum(len(c.members) for c in campaigns)
    else:
        groups, members = naive(texts), -1
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "before_mb": before, "peak_mb": peak, "groups": groups,
                      "members": members}))


def run(method: str, n: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", method, str(n)], check=True,
                         capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--baseline", type=int, default=2_000, help="responses for the all-pairs baseline")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    print(f"find_campaigns on synthetic copies of {DEV.name} (threshold 0.5, min_size 3)")
    print(f"{'responses':>10} {'seconds':>8} {'resp/s':>9} {'x time':>7} {'x linear':>8} "
          f"{'RSS before MB':>13} {'peak RSS MB':>11} {'campaigns':>9} {'members':>8}")
    first: tuple[int, float] | None = None
    results = {}
    for n in args.sizes:
        r = run("minhash", n)
        results[n] = r
        first = first or (n, r["seconds"])
        print(f"{n:>10,} {r['seconds']:>8.2f} {n / r['seconds']:>9,.0f} {r['seconds'] / first[1]:>7.2f} "
              f"{n / first[0]:>8.2f} {r['before_mb']:>13.0f} {r['peak_mb']:>11.0f} {r['groups']:>9,} "
              f"{r['members']:>8,}")
    b = args.baseline
    fast = run("minhash", b)
    slow = run("naive", b)
    print(f"\nbaseline: naive all-pairs Jaccard (Python sets), measured on {b:,} responses")
    print(f"  {b:,}: naive {slow['seconds']:.2f} s ({slow['groups']} groups of 3+), find_campaigns "
          f"{fast['seconds']:.2f} s ({fast['groups']} campaigns) -> naive / find_campaigns = "
          f"{slow['seconds'] / fast['seconds']:.1f}x")
    if 10_000 in results:
        est, ours = slow["seconds"] * (10_000 / b) ** 2, results[10_000]["seconds"]
        print(f"  10,000: naive EXTRAPOLATED (x{(10_000 / b) ** 2:.0f}, quadratic) {est:.0f} s "
              f"vs find_campaigns measured {ours:.2f} s -> {est / ours:.0f}x")


if __name__ == "__main__":
    main()
