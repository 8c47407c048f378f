"""The pipeline's stages as Prefect tasks, shared by both flows: one task per stage and batch, never per
file (a Prefect task run costs ~20 ms). The tasks only wire `respmine.pipeline` functions, which know
nothing of Prefect; `respmine run --no-prefect` calls the same functions directly.

Ingestion runs in local worker processes, or, when a Dask scheduler is configured, as one task per batch
of files on the cluster's workers through prefect-dask; the store is written by the flow's process only.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from respmine import pipeline
from respmine.config import Settings
from respmine.consultation import Consultation, load_consultation
from respmine.ingest import batches, dispatch
from respmine.ingest.inbox import Progress, finish_ingest, plan_ingest, scan_inbox, store_results
from respmine.ingest.source import Limits
from respmine.report.intake import summary_markdown
from respmine.store import Store


def load(consultation_file: str | None) -> Consultation | None:
    return load_consultation(Path(consultation_file)) if consultation_file else None


@contextmanager
def bar(show: bool, desc: str, unit: str, total: int | None = None) -> Iterator[Progress | None]:
    """A tqdm progress bar on stderr when `show` (the command line), else nothing (deployments log)."""
    if not show:
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, desc=desc, unit=unit, file=sys.stderr) as progress:
        yield progress.update


@task(retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE)
def ingest_task(
    inbox: str, consultation_file: str | None, settings: Settings, progress: bool = False
) -> dict[str, Any]:
    """Ingest the whole inbox in local worker processes, as one task (committed to the store in batches,
    so a retry or a rerun extracts only what is not stored yet)."""
    with bar(progress, "ingest", "file", len(scan_inbox(Path(inbox)))) as update:
        summary = pipeline.ingest_stage(Path(inbox), load(consultation_file), settings, progress=update)
    _log_ingest(summary)
    return summary


@task(retries=2, retry_delay_seconds=5, cache_policy=NO_CACHE, persist_result=False)
def extract_batch_task(
    jobs: list[tuple[str, str]], limits: Limits, ocr: bool, form_columns: dict[str, str]
) -> list[dict[str, Any]]:
    """Extract one batch of files in a (Dask) worker process; plain JSON back, nothing cached."""
    return batches.extract_batch(jobs, limits=limits, ocr=ocr, form_columns=form_columns)


def ingest_on_dask(
    inbox: str, consultation_file: str | None, settings: Settings, progress: bool = False
) -> dict[str, Any]:
    """Plan in this process, extract batches on the Dask cluster at `settings.dask_address`, store each
    batch here as it comes back, in plan order (so the store ends the same as after a local run)."""
    from prefect_dask import DaskTaskRunner

    assert settings.dask_address
    store, consultation = Store(settings.store_url), load(consultation_file)
    plan = plan_ingest(Path(inbox), store, consultation, limits=settings.limits, ocr=settings.ocr,
                       tools=worker_tools(settings.dask_address))
    jobs = batches.split_batches(plan, settings.dask_batch)
    get_run_logger().info("extracting %s new files in %s batches on %s",
                          len(plan.todo), len(jobs), settings.dask_address)
    with bar(progress, "ingest", "file", plan.summary.files) as update, api_for_workers(), \
            DaskTaskRunner(address=settings.dask_address) as runner:
        futures = [
            runner.submit(extract_batch_task, parameters={
                "jobs": batch, "limits": settings.limits, "ocr": settings.ocr,
                "form_columns": plan.form_columns,
            })
            for batch in jobs
        ]
        for batch, future in zip(jobs, futures, strict=True):
            store_results(store, plan, batches.batch_results(batch, future.result()), progress=update)
        summary = finish_ingest(store, plan, progress=update).as_dict()
    _log_ingest(summary)
    return summary


def worker_tools(address: str) -> dict[str, bool]:
    """The programs readers need (tesseract, antiword, ...) that every worker of the Dask cluster at
    `address` has: the workers read the files, so a file quarantined for want of one is read again only
    once they all have it (this process having it read nothing: the workers quarantined it again on every
    run). A cluster with no worker yet has none."""
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        answers: dict[str, dict[str, bool]] = client.run(dispatch.tools_found)
    tools = {tool for found in answers.values() for tool in found}
    return {tool: all(found.get(tool, False) for found in answers.values()) for tool in tools}  # (none: {})


@contextmanager
def api_for_workers() -> Iterator[None]:
    """Make task runs on Dask workers report to this flow's Prefect API. With no API configured, Prefect
    runs a temporary server for this process only, and each worker would start (and record into) its own;
    hand them this one's address instead (reachable from workers on this machine; a multi-machine
    cluster needs a Prefect server they can reach: PREFECT_API_URL)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the process's temporary server (a singleton), if it runs
    if not server.running:
        yield
        return
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def ingest(
    inbox: str, consultation_file: str | None, settings: Settings, progress: bool = False
) -> dict[str, Any]:
    """The ingest stage, locally or on the configured Dask cluster."""
    if settings.dask_address:
        return ingest_on_dask(inbox, consultation_file, settings, progress)
    return ingest_task(inbox, consultation_file, settings, progress)


def _log_ingest(summary: dict[str, Any]) -> None:
    get_run_logger().info(
        "ingested %s files: %s new, %s already done, %s quarantined",
        summary["files"], summary["new"], summary["already_done"], len(summary["quarantined"]),
    )


@task(retries=1, cache_policy=NO_CACHE)
def structure_task(
    consultation_file: str | None, settings: Settings, progress: bool = False
) -> dict[str, Any]:
    """Respondents, redaction, per-question segments and campaigns, as one batch over the store."""
    if progress:
        print("structure: respondents, personal data, questions, campaigns ...", file=sys.stderr)
    summary = pipeline.structure_stage(load(consultation_file), settings)
    get_run_logger().info(
        "structured %s respondents into %s segments; %s campaigns or duplicate groups",
        summary["respondents"], summary["segments"], len(summary["campaigns"]),
    )
    return summary


@task(retries=1, cache_policy=NO_CACHE)
def themes_task(
    consultation_file: str | None, settings: Settings, progress: bool = False
) -> dict[str, Any]:
    """Theme codes, evidence and stance for every segment whose text or coder changed (one batch)."""
    with bar(progress, "themes", "segment") as update:
        summary = pipeline.themes_stage(load(consultation_file), settings, progress=update)
    get_run_logger().info(
        "coded %s segments (%s unchanged) with %s: %s codes",
        summary["segments_coded"], summary["segments_unchanged"], summary["codebook"], summary["codes"],
    )
    return summary


@task(retries=1, cache_policy=NO_CACHE)
def topics_task(
    consultation_file: str | None, settings: Settings, refit: bool = False, progress: bool = False
) -> dict[str, Any]:
    """Topics: fitted on the first run (or `refit`), else new segments join the existing topics."""
    if progress:
        print("topics: " + ("refitting" if refit else "fitting or placing new segments") + " ...",
              file=sys.stderr)
    summary = pipeline.topics_stage(load(consultation_file), settings, refit=refit)
    get_run_logger().info(
        "topics (%s): %s topics over %s segments, %s assigned by this run, %s emerging",
        summary["method"], summary["topics"], summary["segments"], summary["assigned"],
        len(summary["emerging"]),
    )
    return summary


@task(cache_policy=NO_CACHE)
def outputs_task(
    consultation_file: str | None, settings: Settings, summary: dict[str, Any]
) -> dict[str, str]:
    """Write the output files; publish the run summary, the theme table and the submissions as artifacts.
    The artifacts are read back from the files just written: what the policy team sees in Prefect is
    exactly what was published, and the store is not read a second time (it was, at 10k, every late run)."""
    consultation = load(consultation_file)
    paths = pipeline.write_outputs(settings, summary, consultation)
    create_markdown_artifact(
        markdown=summary_markdown(summary), key="intake-summary", description="Run summary"
    )
    create_table_artifact(
        table=submission_artifact(paths["submissions"]), key="submissions",
        description="Submissions and their status",
    )
    create_table_artifact(
        table=theme_artifact(paths["theme_table"]), key="theme-table",
        description="Themes overall (question 'all') and by question (respondents, a campaign counted once)",
    )
    return {name: str(path) for name, path in paths.items()}


def submission_artifact(path: Path) -> list[dict[str, str]]:
    """Rows of `submissions.csv`, the columns the Prefect UI has room for."""
    keep = ("source_file", "format", "status", "code", "late", "received_at")
    return [{k: row[k] for k in keep} for row in _read_csv(path)]


def theme_artifact(path: Path) -> list[dict[str, object]]:
    """Rows of `theme_table.csv`: counts as numbers, stances as columns (blank for a theme carrying no
    stance on the proposals), respondent types on one line."""
    out: list[dict[str, object]] = []
    for row in _read_csv(path):
        types = {k.removeprefix("type_"): int(v) for k, v in row.items() if k.startswith("type_") and int(v)}
        out.append({
            "question": row["question"], "theme": row["theme"], "label": row["label"],
            **{k: int(row[k]) for k in ("respondents", "campaign_letters", "late")},
            **{k.removeprefix("stance_"): int(v) if v else ""
               for k, v in row.items() if k.startswith("stance_")},
            "by_type": "; ".join(f"{k} {v}" for k, v in sorted(types.items())),
        })
    return out


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def analyse_and_write(
    summary: dict[str, Any], consultation_file: str | None, settings: Settings, *, refit_topics: bool = False,
    progress: bool = False,
) -> dict[str, str]:
    """Every stage after ingest, then the outputs; `summary` gains each stage's summary."""
    summary["structure"] = structure_task(consultation_file, settings, progress)
    summary["themes"] = themes_task(consultation_file, settings, progress)
    summary["topics"] = topics_task(consultation_file, settings, refit_topics, progress)
    return outputs_task(consultation_file, settings, summary)
