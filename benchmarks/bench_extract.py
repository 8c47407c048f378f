"""Extraction speed and peak memory: `respmine extract` against plain pdfplumber `extract_text`.

Both run as whole processes (interpreter start and imports included) on the same real PDFs, side by
side in one run, so machine noise hits both. Prints pages per second, peak RSS and the ratio.

    .venv/bin/python benchmarks/bench_extract.py [--pdfs DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDFS = ROOT.parent / "shared" / "datasets" / "ai-act-submissions" / "pdf"
BIN = Path(sys.executable).parent

BASELINE = """
import sys, pdfplumber
pages = 0
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            pages += 1
print(pages)
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"failed: {' '.join(cmd[:3])} ...: {err}")
    return elapsed, usage.ru_maxrss / 1024


def count_pages(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for f in files:
        pdf = pdfium.PdfDocument(f)
        total += len(pdf)
        pdf.close()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=Path, default=DEFAULT_PDFS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.pdfs.glob("*.pdf"))
    if not files:
        raise SystemExit(f"no PDFs in {args.pdfs}")
    pages = count_pages(files)
    names = [str(f) for f in files]
    cores = os.cpu_count() or 1
    commands = {
        "pdfplumber extract_text (baseline)": [sys.executable, "-c", BASELINE, *names],
        "respmine extract (1 process)": [
            str(BIN / "respmine"), "extract", "--json", "--no-ocr", "--workers", "1", *names,
        ],
        f"respmine extract --workers {cores}": [
            str(BIN / "respmine"), "extract", "--json", "--no-ocr", "--workers", str(cores), *names,
        ],
    }
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for _ in range(args.repeat):  # interleave runs so noise hits every contender alike
        for name, cmd in commands.items():
            results[name].append(run(cmd))
    print(f"{len(files)} PDFs, {pages} pages, {args.repeat} runs each (median), whole process\n")
    print(f"{'contender':<40} {'seconds':>8} {'pages/s':>9} {'peak MB':>8} {'speed-up':>9}")
    base = statistics.median(t for t, _ in results["pdfplumber extract_text (baseline)"])
    for name, runs in results.items():
        seconds = statistics.median(t for t, _ in runs)
        peak = max(m for _, m in runs)
        print(f"{name:<40} {seconds:>8.2f} {pages / seconds:>9.1f} {peak:>8.0f} {base / seconds:>8.1f}x")


if __name__ == "__main__":
    main()
