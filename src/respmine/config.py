"""One settings object: where the work folder and store live, and extraction limits.

Values come from arguments first, then environment variables (RESPMINE_*), then defaults:
RESPMINE_WORK_DIR, RESPMINE_STORE_URL, RESPMINE_WORKERS, RESPMINE_OCR, RESPMINE_DASK_ADDRESS,
RESPMINE_DASK_BATCH.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path

from respmine.ingest.source import Limits


@dataclass(frozen=True)
class Settings:
    work_dir: Path
    store_url: str
    workers: int = 1
    ocr: bool = True
    limits: Limits = field(default_factory=Limits)
    # Dask scheduler (e.g. "tcp://10.0.0.5:8786"): when set, the flows extract new files and embed texts
    # the store's cache does not know in batches on that cluster's worker processes; the store is still
    # written by the flow's process only.
    dask_address: str | None = None
    dask_batch: int = 50  # files per extraction task there (a Prefect task run costs ~20 ms: never per file)

    @classmethod
    def load(
        cls,
        work_dir: Path | str | None = None,
        store_url: str | None = None,
        workers: int | None = None,
        ocr: bool | None = None,
        max_file_mb: float | None = None,
        dask_address: str | None = None,
        dask_batch: int | None = None,
    ) -> Settings:
        work = Path(work_dir or os.environ.get("RESPMINE_WORK_DIR", "respmine-work")).resolve()
        url = store_url or os.environ.get("RESPMINE_STORE_URL") or f"sqlite:///{work / 'respmine.sqlite'}"
        n = workers if workers is not None else int(os.environ.get("RESPMINE_WORKERS", "0") or 0)
        limits = Limits()
        if max_file_mb is not None:
            limits = Limits(max_file_bytes=int(max_file_mb * 1024 * 1024))
        return cls(
            work_dir=work,
            store_url=url,
            workers=n if n > 0 else max(1, min(4, os.cpu_count() or 1)),
            ocr=ocr if ocr is not None else os.environ.get("RESPMINE_OCR", "1") != "0",
            limits=limits,
            dask_address=dask_address or os.environ.get("RESPMINE_DASK_ADDRESS") or None,
            dask_batch=max(1, dask_batch or int(os.environ.get("RESPMINE_DASK_BATCH", "50") or 50)),
        )


def add_intake_options(parser: argparse.ArgumentParser) -> None:
    """The intake settings every command and flow that reads an inbox takes, defined once (`respmine
    ingest|run|late` and `python flows/*.py`): `Settings.load(..., args.workers, not args.no_ocr,
    args.max_file_mb)`."""
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: cores, max 4)")
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")
    parser.add_argument("--max-file-mb", type=float, default=None,
                        help="quarantine files larger than this (default 200)")
