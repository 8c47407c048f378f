"""Scheduled reprocessing of late submissions: pick up files added to the inbox since the last run,
process only those, regenerate the tables and say what changed.

Ingestion is content-addressed, so only new files are extracted; the structure stage reuses the stored
respondents and personal data of earlier files (segmentation and campaigns are corpus-level and redone
from cached embeddings); theme coding skips unchanged segments; new segments join the existing topics;
the outputs are regenerated.
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

from flows.process_consultation import resolve_inbox
from flows.stages import analyse_and_write, ingest, load
from respmine import pipeline
from respmine.config import Settings, add_intake_options
from respmine.report.intake import REPLACED_CHECK, files_said, listed


def changes_markdown(summary: dict[str, Any]) -> str:
    """What this run changed, for the policy team: the new files, which are late, what was quarantined."""
    added = summary.get("added") or []
    fixed = summary.get("corrections_pending") or 0
    redated = summary.get("redated") or 0
    if not added:
        if fixed:
            return (f"# Late submissions\n\nNo new files since the last run; {fixed} response(s) whose "
                    "respondent an analyst corrected were structured again; outputs regenerated.\n")
        if redated:
            return (f"# Late submissions\n\nNo new files since the last run; {redated} file(s) read before "
                    "dated again from the received log; outputs regenerated.\n")
        if replaced := summary.get("replaced") or 0:
            files = files_said(summary.get("replaced_files"))
            return (f"# Late submissions\n\nNo new files since the last run; {replaced} file(s) replaced by "
                    f"a version stored before{files}: the other version dropped ({REPLACED_CHECK}); outputs "
                    "regenerated.\n")
        if summary.get("resumed"):
            return ("# Late submissions\n\nNo new files since the last run, but the outputs did not show "
                    "everything stored (an earlier run stopped before writing them, or analysts decided "
                    "since): outputs regenerated.\n")
        return "# Late submissions\n\nNo new files since the last run; outputs unchanged.\n"
    reread = [a for a in added if a.get("reread")]
    retried = [a for a in added if a.get("retried")]
    added = [a for a in added if not a.get("reread") and not a.get("retried")]
    lines = ["# Late submissions", ""]
    if added:
        late = sum(1 for a in added if a["late"] == "yes")
        lines += [
            f"{len(added)} new file(s) since the last run ({late} received after the closing date); "
            "tables and outputs regenerated. Check who each is from on the review app's Respondents page.",
            "",
            "| file | status | late | from |", "|---|---|---|---|",
        ]
        lines += [f"| {a['file']} | {a['status']} | {a['late']} | {a.get('from', '')} |" for a in added]
    else:
        lines.append("No new files since the last run.")
    if replaced := summary.get("replaced") or 0:
        files = files_said(summary.get("replaced_files"))
        lines += ["", f"{replaced} file(s) were new versions of a file under the same name{files}: the "
                  "earlier version is dropped (its responses, segments and codes), the new one read ("
                  f"{REPLACED_CHECK})."]
    if reread:
        lines += ["", f"{len(reread)} file(s) read before were read again by this version of respmine, which "
                  "reads their format better (analysts' decisions follow their paragraphs; outputs "
                  f"regenerated): {_names(reread)}."]
    if retried:
        lines += ["", f"{len(retried)} file(s) quarantined (or read without OCR) before were read now that "
                  "this run allows it (a higher --max-file-mb, OCR turned on or a missing program installed; "
                  f"outputs regenerated): {_names(retried)}."]
        again = [a for a in retried if a.get("status") == "quarantined"]  # (OCR failed; a store's old
        if again:  # "too_large" for pages or rows: no setting of this run let them be read)
            lines.append(f"Of them, {len(again)} were quarantined again for another cause (see the intake "
                         f"summary's quarantine list): {_names(again)}.")
    return "\n".join(lines) + "\n"


def _names(files: list[dict[str, Any]]) -> str:
    return listed([a["file"] for a in files])


@flow(name="reprocess-late-submissions", log_prints=True)
def reprocess_late_submissions(
    consultation: str,
    inbox: str | None = None,
    work_dir: str | None = None,
    store_url: str | None = None,
    workers: int | None = None,
    ocr: bool = True,
    max_file_mb: float | None = None,
    dask_address: str | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Process only files new since the last run; regenerate outputs when anything arrived (or analysts
    corrected who a response is from: its text is redacted by the correction). Returns the
    run summary (with the output paths under "outputs" when they were regenerated)."""
    inbox = resolve_inbox(inbox, consultation)
    settings = Settings.load(work_dir, store_url, workers, ocr, max_file_mb, dask_address)
    summary = ingest(inbox, consultation, settings, progress)
    summary["corrections_pending"] = pipeline.corrections_pending(settings)
    summary["resumed"] = not summary["new"] and pipeline.outputs_behind(settings)
    if summary["new"] or summary["corrections_pending"] or summary.get("redated") or summary.get("replaced") \
            or summary["resumed"]:
        # (an analyst's respondent correction: redacted; a received log's dates: late flags; an earlier
        # run that stopped before its outputs: resumed)
        summary["outputs"] = analyse_and_write(summary, consultation, settings, progress=progress)
        from_whom = pipeline.senders(settings, load(consultation), summary["added"])
        for file, sender in zip(summary["added"], from_whom, strict=True):
            file["from"] = sender
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
    add_intake_options(parser)
    parser.add_argument("--dask", help="Dask scheduler address (default: RESPMINE_DASK_ADDRESS)")
    args = parser.parse_args(argv)
    reprocess_late_submissions(args.consultation, args.inbox, args.work, args.store, workers=args.workers,
                               ocr=not args.no_ocr, max_file_mb=args.max_file_mb, dask_address=args.dask)
    return 0


if __name__ == "__main__":
    sys.exit(main())
