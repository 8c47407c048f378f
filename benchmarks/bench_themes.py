"""Theme coding on nhs-fft/train.csv: respmine's coder against a plain TF-IDF + logistic-regression baseline.

Both are trained on the same 80 % of the coded comments (held-out 20 % chosen by a hash of the id) and
score the same held-out rows, in one run. Each method runs in its own process so its peak RSS
(`ru_maxrss`) is its own; times include everything the method needs (respmine: embedding the texts
with MiniLM, fitting, tuning thresholds by cross-validation, coding with evidence).

    .venv/bin/python benchmarks/bench_themes.py
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "nhs-fft" / "train.csv"
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def split() -> tuple[list, list]:  # type: ignore[type-arg]
    from respmine.themes.labelled import read_labelled

    rows = [r for r in read_labelled(DATA) if r.coded]
    held = [int(hashlib.sha256(r.id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < 0.2 for r in rows]
    return [r for r, h in zip(rows, held, strict=True) if not h], [
        r for r, h in zip(rows, held, strict=True) if h
    ]


def run_respmine() -> dict[str, object]:
    from respmine.themes.evaluate import evaluate_themes
    from respmine.topics.embed import default_embedder

    train, test = split()
    t0 = time.perf_counter()
    result = evaluate_themes(train, test, default_embedder()).as_dict()
    return {
        "seconds": time.perf_counter() - t0,
        "micro_f1": result["micro_f1"],
        "macro_f1": result["macro_f1"],
        "n_test": len(test),
        "n_train": len(train),
    }


def run_baseline() -> dict[str, object]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    from respmine.themes.metrics import multilabel_scores

    train, test = split()
    t0 = time.perf_counter()
    binariser = MultiLabelBinarizer().fit([r.themes for r in train])
    vectoriser = TfidfVectorizer()
    model = OneVsRestClassifier(LogisticRegression(max_iter=1000, C=10))
    model.fit(
        vectoriser.fit_transform([r.text for r in train]), binariser.transform([r.themes for r in train])
    )
    probs = model.predict_proba(vectoriser.transform([r.text for r in test]))
    pred = [
        [binariser.classes_[j] for j in range(len(p)) if p[j] >= 0.5] or [binariser.classes_[p.argmax()]]
        for p in probs
    ]
    scores = multilabel_scores([list(r.themes) for r in test], pred, bootstrap=0)
    return {
        "seconds": time.perf_counter() - t0,
        "micro_f1": scores.micro_f1,
        "macro_f1": scores.macro_f1,
        "n_test": len(test),
        "n_train": len(train),
    }


def child(method: str) -> None:
    out = run_respmine() if method == "respmine" else run_baseline()
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return 0
    results = {}
    for method in ("baseline", "respmine"):
        proc = subprocess.run(
            [sys.executable, __file__, "--child", method],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        results[method] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"nhs-fft: train {results['respmine']['n_train']} comments, test {results['respmine']['n_test']}")
    print(f"{'method':<32}{'seconds':>9}{'comments/s':>12}{'peak MB':>9}{'micro-F1':>10}{'macro-F1':>10}")
    names = {"baseline": "TF-IDF + LR (baseline)", "respmine": "respmine coder"}
    for method, r in results.items():
        rate = (r["n_train"] + r["n_test"]) / r["seconds"]
        print(
            f"{names[method]:<32}{r['seconds']:>9.1f}{rate:>12.0f}{r['peak_mb']:>9.0f}"
            f"{r['micro_f1']:>10.3f}{r['macro_f1']:>10.3f}"
        )
    b, o = results["baseline"], results["respmine"]
    print(
        f"ratios respmine/baseline: time x{o['seconds'] / b['seconds']:.1f}, "
        f"micro-F1 {o['micro_f1'] - b['micro_f1']:+.3f}, macro-F1 {o['macro_f1'] - b['macro_f1']:+.3f}"
    )
    print("issue bar: micro-F1 >= 0.78, macro-F1 >= 0.60, train + code < 300 s on 2 cores")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
