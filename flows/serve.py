"""Serve the two deployments: the full run on demand, the late-submission run on a cron schedule.

    PREFECT_API_URL=http://127.0.0.1:4200/api python flows/serve.py --consultation FILE --work DIR

Trigger a run with `prefect deployment run 'process-consultation/full-run'`. Runs execute in processes
started by this one (from this checkout), so keep it running; stop it with Ctrl-C (SIGINT), which pauses
the deployments (Prefect 3.8's SIGTERM handler can exit before the pause is done).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.process_consultation import process_consultation
from flows.reprocess_late_submissions import reprocess_late_submissions

FULL_RUN = "process-consultation/full-run"
LATE_SUBMISSIONS = "reprocess-late-submissions/late-submissions"
DEFAULT_CRON = "0 * * * *"  # hourly


def deployments(
    consultation: str | Path, work: str | Path, cron: str = DEFAULT_CRON
) -> list[RunnerDeployment]:
    """The full run (on demand) and the late-submission run (on `cron`), both over `consultation` with
    their store and outputs in `work` (paths made absolute: runs do not start in the caller's folder)."""
    parameters = {"consultation": str(Path(consultation).resolve()), "work_dir": str(Path(work).resolve())}
    full = process_consultation.to_deployment(name=FULL_RUN.split("/")[1], parameters=parameters)
    late = reprocess_late_submissions.to_deployment(
        name=LATE_SUBMISSIONS.split("/")[1], cron=cron, parameters=parameters
    )
    assert isinstance(full, RunnerDeployment) and isinstance(late, RunnerDeployment)  # sync context
    return [full, late]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--consultation", required=True, help="consultation definition (YAML)")
    parser.add_argument("--work", required=True, help="work folder (store and outputs)")
    parser.add_argument("--cron", default=DEFAULT_CRON,
                        help=f"late-submission schedule, cron syntax, UTC (default hourly: {DEFAULT_CRON!r})")
    args = parser.parse_args(argv)
    serve(*deployments(args.consultation, args.work, args.cron))
    return 0


if __name__ == "__main__":
    sys.exit(main())
