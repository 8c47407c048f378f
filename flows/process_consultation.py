"""The full run over a consultation: every stage that exists, then the outputs.

Flows only wire `respmine` functions (which know nothing of Prefect), persist through the store and
publish the run summary as Prefect artifacts so the policy team sees results in the Prefect UI.
Run it with `python flows/process_consultation.py --consultation data/sample/consultation.yaml`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from respmine.config import Settings
from respmine.consultation import load_consultation
from respmine.ingest.inbox import ingest_inbox
from respmine.report.intake import submission_rows, summary_markdown, write_intake
from respmine.store import Store


@task(retries=2, retry_delay_seconds=5)
def ingest_task(inbox: str, consultation_file: str | None, settings: Settings) -> dict[str, Any]:
    """Ingest the whole inbox as one batch task (Prefect costs ~20 ms per task run: never per file)."""
    logger = get_run_logger()
    consultation = load_consultation(Path(consultation_file)) if consultation_file else None
    store = Store(settings.store_url)
    summary = ingest_inbox(
        Path(inbox), store, consultation, workers=settings.workers, limits=settings.limits,
        ocr=settings.ocr,
    ).as_dict()
    logger.info(
        "ingested %s files: %s new, %s already done, %s quarantined",
        summary["files"], summary["new"], summary["already_done"], len(summary["quarantined"]),  # type: ignore[arg-type]
    )
    return summary


@task
def intake_outputs_task(settings: Settings, summary: dict[str, Any]) -> dict[str, str]:
    store = Store(settings.store_url)
    paths = write_intake(store, settings.work_dir)
    markdown = summary_markdown(summary)
    summary_path = settings.work_dir / "intake_summary.md"
    summary_path.write_text(markdown, encoding="utf-8")
    (settings.work_dir / "intake_summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    create_markdown_artifact(markdown=markdown, key="intake-summary", description="Intake summary")
    rows = [
        {k: r[k] for k in ("source_file", "format", "status", "code", "late", "received_at")}
        for r in submission_rows(store)
    ]
    create_table_artifact(table=rows, key="submissions", description="Submissions and their status")
    return {name: str(path) for name, path in {**paths, "summary": summary_path}.items()}


@flow(name="process-consultation", log_prints=True)
def process_consultation(
    consultation: str | None = None,
    inbox: str | None = None,
    work_dir: str | None = None,
    store_url: str | None = None,
    workers: int | None = None,
    ocr: bool = True,
) -> dict[str, str]:
    """Ingest the consultation's inbox and write the outputs; returns output name -> path."""
    if inbox is None:
        if consultation is None:
            raise ValueError("give a consultation file or an inbox folder")
        inbox = str(load_consultation(Path(consultation)).inbox_path())
    settings = Settings.load(work_dir, store_url, workers, ocr)
    summary = ingest_task(inbox, consultation, settings)
    outputs = intake_outputs_task(settings, summary)
    return {"store": settings.store_url, **outputs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the respmine pipeline through Prefect.")
    parser.add_argument("--consultation", help="consultation definition (YAML)")
    parser.add_argument("--inbox", help="folder of submissions (default: the consultation's inbox)")
    parser.add_argument("--work", help="work folder for the store and outputs")
    parser.add_argument("--store", help="store URL (default: SQLite in the work folder)")
    parser.add_argument("--workers", type=int)
    parser.add_argument("--no-ocr", action="store_true")
    args = parser.parse_args(argv)
    outputs = process_consultation(
        consultation=args.consultation, inbox=args.inbox, work_dir=args.work, store_url=args.store,
        workers=args.workers, ocr=not args.no_ocr,
    )
    print("\nOutputs:")
    for name, where in outputs.items():
        print(f"  {name:<12} {where}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
