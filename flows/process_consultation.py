"""The full run over a consultation: every stage that exists, then the outputs.

Flows only wire `respmine` functions (which know nothing of Prefect), persist through the store and
publish the run summary as Prefect artifacts so the policy team sees results in the Prefect UI.
Run it with `python flows/process_consultation.py --consultation data/sample/consultation.yaml`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from respmine import pipeline
from respmine.config import Settings
from respmine.consultation import Consultation, load_consultation
from respmine.report.intake import submission_rows, summary_markdown
from respmine.store import Store


@task(retries=2, retry_delay_seconds=5)
def ingest_task(inbox: str, consultation_file: str | None, settings: Settings) -> dict[str, Any]:
    """Ingest the whole inbox as one batch task (Prefect costs ~20 ms per task run: never per file)."""
    summary = pipeline.ingest_stage(Path(inbox), _consultation(consultation_file), settings)
    get_run_logger().info(
        "ingested %s files: %s new, %s already done, %s quarantined",
        summary["files"], summary["new"], summary["already_done"], len(summary["quarantined"]),
    )
    return summary


@task(retries=1)
def structure_task(consultation_file: str | None, settings: Settings) -> dict[str, Any]:
    """Respondents, redaction, per-question segments and campaigns, as one batch over the store."""
    summary = pipeline.structure_stage(_consultation(consultation_file), settings)
    get_run_logger().info(
        "structured %s respondents into %s segments; %s campaigns or duplicate groups",
        summary["respondents"], summary["segments"], len(summary["campaigns"]),
    )
    return summary


@task(retries=1)
def themes_task(consultation_file: str | None, settings: Settings) -> dict[str, Any]:
    """Theme codes, evidence and stance for every segment whose text or coder changed (one batch)."""
    summary = pipeline.themes_stage(_consultation(consultation_file), settings)
    get_run_logger().info(
        "coded %s segments (%s unchanged) with %s: %s codes",
        summary["segments_coded"], summary["segments_unchanged"], summary["codebook"], summary["codes"],
    )
    return summary


@task
def outputs_task(settings: Settings, summary: dict[str, Any]) -> dict[str, str]:
    """Write the output files and publish the run summary and submissions table as artifacts."""
    paths = pipeline.write_outputs(settings, summary)
    markdown = summary_markdown(summary)
    create_markdown_artifact(markdown=markdown, key="intake-summary", description="Run summary")
    rows = [
        {k: r[k] for k in ("source_file", "format", "status", "code", "late", "received_at")}
        for r in submission_rows(Store(settings.store_url))
    ]
    create_table_artifact(table=rows, key="submissions", description="Submissions and their status")
    return {name: str(path) for name, path in paths.items()}


def _consultation(path: str | None) -> Consultation | None:
    return load_consultation(Path(path)) if path else None


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
    summary["structure"] = structure_task(consultation, settings)
    summary["themes"] = themes_task(consultation, settings)
    outputs = outputs_task(settings, summary)
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
        print(f"  {name:<16} {where}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
