"""Serve the two deployments: the full run on demand, the late-submission run on a cron schedule.

    PREFECT_API_URL=http://127.0.0.1:4200/api python flows/serve.py --consultation FILE --work DIR

Trigger a run with `prefect deployment run 'process-consultation/full-run'`. Runs execute in processes
started by this one (from this checkout), so keep it running; stop it with Ctrl-C (SIGINT) or SIGTERM,
which pauses the deployments so the schedule does not pile up runs nobody will run. Prefect's runner
pauses them only at the end of a clean shutdown, which under load was seen to hang until killed, so on
Ctrl-C this script pauses them first, then lets the runner stop (and checks again on the way out).
"""

from __future__ import annotations

import argparse
import signal
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
    signal.signal(signal.SIGINT, _pause_then_interrupt)  # before serve: asyncio then leaves SIGINT to us
    try:
        serve(*deployments(args.consultation, args.work, args.cron))
    finally:
        pause([FULL_RUN, LATE_SUBMISSIONS])
    return 0


def _pause_then_interrupt(signum: int, frame: object) -> None:
    """Ctrl-C: pause the deployments first, then stop. Pausing before the runner's own shutdown means a
    shutdown that hangs or is killed (seen under load) cannot leave the schedule running; a second
    Ctrl-C interrupts whatever is left."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    pause([FULL_RUN, LATE_SUBMISSIONS])
    raise KeyboardInterrupt


def pause(names: list[str]) -> None:
    """Pause the named deployments that are not paused yet (on the way out of `serve`)."""
    from prefect import get_client

    try:
        with get_client(sync_client=True) as client:
            for name in names:
                deployment = client.read_deployment_by_name(name)
                if not deployment.paused:
                    client.pause_deployment(deployment.id)
                    print(f"paused {name}", flush=True)
    except Exception as error:  # the server is gone: nothing to pause, say so rather than a traceback
        print(f"could not pause the deployments ({error}); pause them in the Prefect UI", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
