"""Serve the two deployments: the full run on demand, the late-submission run on a cron schedule.

    PREFECT_API_URL=http://127.0.0.1:4200/api python flows/serve.py --consultation FILE --work DIR

Trigger a run with `prefect deployment run 'process-consultation/full-run'`.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--consultation", required=True, help="consultation definition (YAML)")
    parser.add_argument("--work", required=True, help="work folder (store and outputs)")
    parser.add_argument("--cron", default="0 * * * *", help="late-submission schedule (default hourly)")
    args = parser.parse_args(argv)
    consultation, work = str(Path(args.consultation).resolve()), str(Path(args.work).resolve())
    full = process_consultation.to_deployment(
        name="full-run", parameters={"consultation": consultation, "work_dir": work}
    )
    late = reprocess_late_submissions.to_deployment(
        name="late-submissions", cron=args.cron, parameters={"consultation": consultation, "work_dir": work}
    )
    assert isinstance(full, RunnerDeployment) and isinstance(late, RunnerDeployment)  # sync context
    serve(full, late)
    return 0


if __name__ == "__main__":
    sys.exit(main())
