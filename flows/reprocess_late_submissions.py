"""Scheduled reprocessing of late submissions: pick up files added to the inbox since the last run,
process only those, regenerate the tables and say what changed.

Ingestion is content-addressed, so only new files are extracted; the structure stage is then rerun over
the store (campaigns and calibration are corpus-level) and the outputs regenerated.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.artifacts import create_markdown_artifact

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows.process_consultation import ingest_task, outputs_task, structure_task, themes_task
from respmine.config import Settings
from respmine.consultation import load_consultation


def changes_markdown(summary: dict[str, Any]) -> str:
    """What this run changed, for the policy team: the new files, which are late, what was quarantined."""
    added = summary.get("added") or []
    if not added:
        return "# Late submissions\n\nNo new files since the last run; outputs unchanged.\n"
    late = sum(1 for a in added if a["late"] == "yes")
    lines = [
        "# Late submissions", "",
        f"{len(added)} new file(s) since the last run ({late} received after the closing date); "
        "tables and outputs regenerated.", "",
        "| file | status | late |", "|---|---|---|",
    ]
    lines += [f"| {a['file']} | {a['status']} | {a['late']} |" for a in added]
    return "\n".join(lines) + "\n"


@flow(name="reprocess-late-submissions", log_prints=True)
def reprocess_late_submissions(
    consultation: str,
    inbox: str | None = None,
    work_dir: str | None = None,
    store_url: str | None = None,
    workers: int | None = None,
) -> dict[str, Any]:
    """Process only files new since the last run; regenerate outputs when anything arrived."""
    inbox = inbox or str(load_consultation(Path(consultation)).inbox_path())
    settings = Settings.load(work_dir, store_url, workers)
    summary = ingest_task(inbox, consultation, settings)
    if summary["new"]:
        summary["structure"] = structure_task(consultation, settings)
        summary["themes"] = themes_task(consultation, settings)
        outputs_task(settings, summary)
    markdown = changes_markdown(summary)
    create_markdown_artifact(markdown=markdown, key="late-submissions", description="What changed")
    print(markdown)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Process files added to the inbox since the last run.")
    parser.add_argument("--consultation", required=True)
    parser.add_argument("--inbox")
    parser.add_argument("--work")
    parser.add_argument("--store")
    args = parser.parse_args(argv)
    reprocess_late_submissions(args.consultation, args.inbox, args.work, args.store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
