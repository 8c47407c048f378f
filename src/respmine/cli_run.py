"""`respmine run` and `respmine late`: the whole pipeline through the Prefect flows, or (`run
--no-prefect`) the same stage functions called directly, for machines without Prefect.

With no Prefect API configured (PREFECT_API_URL unset), Prefect 3 starts a temporary local API server for
the run; it needs no network. To keep it quiet and self-contained, the command keeps Prefect's database in
the work folder (`.prefect/`, unless PREFECT_HOME is set), turns telemetry off and shows warnings only.

Exit codes: 0 the run completed (quarantined files are listed in the outputs); 1 the run failed (what
finished is kept in the store: rerun the same command to resume); 2 usage error (arguments, missing
inbox, unreadable consultation or codebook file); 3 the run completed but files of this run were
quarantined and `--fail-on-quarantine` was given; 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

from respmine.cli import UsageError, _consultation
from respmine.config import Settings
from respmine.consultation import Consultation

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_QUARANTINED = 0, 1, 2, 3
ROOT = Path(__file__).resolve().parents[2]  # the source checkout holding flows/


def run(args: argparse.Namespace) -> int:
    """Every stage on the inbox, then the outputs; prints the run summary and where the outputs are."""
    consultation = _checked(args.consultation)
    inbox: Path | None = args.inbox or (consultation.inbox_path() if consultation else None)
    if inbox is None or not inbox.is_dir():
        raise UsageError(f"inbox folder not found: {inbox or '(give INBOX or --consultation)'}")
    settings = _settings(args, args.out or args.work)
    if args.no_prefect and settings.dask_address:
        raise UsageError("a Dask cluster (--dask or RESPMINE_DASK_ADDRESS) needs Prefect: drop --no-prefect")
    flows = None if args.no_prefect else load_flows(settings, "process_consultation")
    try:
        if flows is None:
            summary, outputs = run_direct(inbox, consultation, settings, refit_topics=args.refit_topics)
        else:
            outputs = flows.process_consultation(**_flow_parameters(args, inbox, settings))
            summary = outputs.pop("summary_data")
    except Exception as exc:
        return _failed(exc)
    from respmine.report.intake import summary_markdown

    print(summary_markdown(summary))
    _print_outputs(outputs)
    return _status(summary, args.fail_on_quarantine)


def late(args: argparse.Namespace) -> int:
    """The late-submissions flow once: only files new since the last run; outputs when anything arrived."""
    consultation = _checked(args.consultation)
    assert consultation is not None  # --consultation is required
    inbox: Path = args.inbox or consultation.inbox_path()
    if not inbox.is_dir():
        raise UsageError(f"inbox folder not found: {inbox}")
    settings = _settings(args, args.work)
    module = load_flows(settings, "reprocess_late_submissions")
    try:
        summary = module.reprocess_late_submissions(**_flow_parameters(args, inbox, settings))
    except Exception as exc:
        return _failed(exc)
    print(module.changes_markdown(summary))
    _print_outputs({"store": settings.store_url, **(summary.get("outputs") or {})})
    return _status(summary, args.fail_on_quarantine)


def run_direct(
    inbox: Path, consultation: Consultation | None, settings: Settings, *, refit_topics: bool = False
) -> tuple[dict[str, Any], dict[str, str]]:
    """The flow's stages called directly, in the same order, with progress bars on stderr."""
    from tqdm import tqdm

    from respmine import pipeline
    from respmine.ingest.inbox import scan_inbox

    with tqdm(total=len(scan_inbox(inbox)), unit="file", desc="ingest", file=sys.stderr) as bar:
        summary = pipeline.ingest_stage(inbox, consultation, settings, progress=bar.update)
    print("structure: respondents, personal data, questions, campaigns ...", file=sys.stderr)
    summary["structure"] = pipeline.structure_stage(consultation, settings)
    with tqdm(unit="segment", desc="themes", file=sys.stderr) as bar:
        summary["themes"] = pipeline.themes_stage(consultation, settings, progress=bar.update)
    print("topics ...", file=sys.stderr)
    summary["topics"] = pipeline.topics_stage(consultation, settings, refit=refit_topics)
    paths = pipeline.write_outputs(settings, summary, consultation)
    return summary, {"store": settings.store_url, **{name: str(path) for name, path in paths.items()}}


def load_flows(settings: Settings, name: str) -> ModuleType:
    """Import a flow module from the checkout's `flows/`, with Prefect set up to run offline and quietly."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")  # busy laptops
    if not os.environ.get("PREFECT_API_URL") and not os.environ.get("PREFECT_HOME"):
        home = settings.work_dir / ".prefect"
        home.mkdir(parents=True, exist_ok=True)  # the temporary server needs it before it starts
        os.environ["PREFECT_HOME"] = str(home)
    try:
        import prefect  # noqa: F401
    except ImportError as exc:
        raise UsageError("Prefect is not installed (pip install 'respmine[flows]'): use --no-prefect") \
            from exc
    if (ROOT / "flows" / "__init__.py").exists() and str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    try:
        return importlib.import_module(f"flows.{name}")
    except ModuleNotFoundError as exc:
        if exc.name not in ("flows", f"flows.{name}"):
            raise
        raise UsageError(
            "the Prefect flows (flows/ in the source checkout) were not found: use --no-prefect"
        ) from exc


def _checked(path: Path | None) -> Consultation | None:
    """The consultation, with its codebook read now: a bad file is a usage error before any work starts."""
    consultation = _consultation(path)
    from respmine.pipeline import load_run_codebook
    from respmine.themes.codebook import CodebookError

    try:
        codebook = load_run_codebook(consultation)
    except CodebookError as exc:
        raise UsageError(str(exc)) from exc
    if not codebook.themes:
        print("respmine: no codebook named (codebook: in the consultation file): responses are grouped by "
              "topic (emerging themes); only themes analysts promote from them are coded", file=sys.stderr)
    return consultation


def _settings(args: argparse.Namespace, work: Path | None) -> Settings:
    return Settings.load(work, args.store, args.workers, not args.no_ocr, args.max_file_mb, args.dask)


def _flow_parameters(args: argparse.Namespace, inbox: Path, settings: Settings) -> dict[str, Any]:
    return {
        "consultation": str(args.consultation.resolve()) if args.consultation else None,
        "inbox": str(Path(inbox).resolve()), "work_dir": str(settings.work_dir),
        "store_url": settings.store_url, "workers": settings.workers, "ocr": settings.ocr,
        "max_file_mb": args.max_file_mb, "dask_address": settings.dask_address, "progress": True,
        **({"refit_topics": True} if getattr(args, "refit_topics", False) else {}),
    }


def _failed(exc: BaseException) -> int:
    if os.environ.get("RESPMINE_DEBUG"):
        traceback.print_exception(exc)
    else:
        where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
        at = f" (at {where[0].filename}:{where[0].lineno})" if where else ""
        print(f"respmine: run failed: {type(exc).__name__}: {exc}{at}", file=sys.stderr)
        print("Set RESPMINE_DEBUG=1 for the full traceback.", file=sys.stderr)
    print("Work finished so far is kept in the store: run the same command again to resume.", file=sys.stderr)
    return EXIT_FAILED


def _status(summary: dict[str, Any], fail_on_quarantine: bool) -> int:
    if fail_on_quarantine and summary.get("quarantined"):
        print(f"respmine: {len(summary['quarantined'])} file(s) quarantined (see quarantine.csv)",
              file=sys.stderr)
        return EXIT_QUARANTINED
    return EXIT_OK


def _print_outputs(outputs: dict[str, Any]) -> None:
    for name, where in outputs.items():
        print(f"{name}: {where}")
