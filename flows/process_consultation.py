"""The full run over a consultation: every stage that exists, then the outputs.

Flows only wire `respmine` functions (which know nothing of Prefect), persist through the store and
publish the run summary, the theme table and the submissions as Prefect artifacts so the policy team sees
results in the Prefect UI. Run it with `python flows/process_consultation.py --consultation FILE`, or
`respmine run`, which calls this flow (against a temporary local Prefect API when none is configured).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from prefect import flow

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows.stages import analyse_and_write, ingest
from respmine.config import Settings, add_intake_options
from respmine.consultation import load_consultation


def resolve_inbox(inbox: str | None, consultation: str | None) -> str:
    """The inbox given, else the consultation file's."""
    if inbox is not None:
        return inbox
    if consultation is None:
        raise ValueError("give a consultation file or an inbox folder")
    return str(load_consultation(Path(consultation)).inbox_path())


@flow(name="process-consultation", log_prints=True)
def process_consultation(
    consultation: str | None = None,
    inbox: str | None = None,
    work_dir: str | None = None,
    store_url: str | None = None,
    workers: int | None = None,
    ocr: bool = True,
    max_file_mb: float | None = None,
    dask_address: str | None = None,
    refit_topics: bool = False,
    progress: bool = False,
) -> dict[str, Any]:
    """Ingest the consultation's inbox, run every stage and write the outputs. Returns output name ->
    path, with the run summary under "summary_data". `refit_topics` refits the topic model instead of
    placing new segments in the existing topics; `progress` draws progress bars on stderr."""
    inbox = resolve_inbox(inbox, consultation)
    settings = Settings.load(work_dir, store_url, workers, ocr, max_file_mb, dask_address)
    summary = ingest(inbox, consultation, settings, progress)
    outputs = analyse_and_write(summary, consultation, settings, refit_topics=refit_topics, progress=progress)
    return {"store": settings.store_url, **outputs, "summary_data": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the respmine pipeline through Prefect.")
    parser.add_argument("--consultation", help="consultation definition (YAML)")
    parser.add_argument("--inbox", help="folder of submissions (default: the consultation's inbox)")
    parser.add_argument("--work", help="work folder for the store and outputs")
    parser.add_argument("--store", help="store URL (default: SQLite in the work folder)")
    add_intake_options(parser)
    parser.add_argument("--dask", help="Dask scheduler address (default: RESPMINE_DASK_ADDRESS)")
    parser.add_argument("--refit-topics", action="store_true", help="refit the topic model")
    args = parser.parse_args(argv)
    outputs = process_consultation(
        consultation=args.consultation, inbox=args.inbox, work_dir=args.work, store_url=args.store,
        workers=args.workers, ocr=not args.no_ocr, max_file_mb=args.max_file_mb, dask_address=args.dask,
        refit_topics=args.refit_topics,
    )
    print("\nOutputs:")
    for name, where in outputs.items():
        if name != "summary_data":
            print(f"  {name:<16} {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
