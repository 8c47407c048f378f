"""flows/serve.py's deployments, end to end: served by a real `serve.py` process against a Prefect server,
the full run on demand, then a file dropped into the inbox after the closing date picked up by the
late-submissions deployment and added to the regenerated tables without reprocessing the rest."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

import pytest

from tests.flows.compare import copy_sample

if TYPE_CHECKING:
    from prefect.client.schemas.objects import FlowRun

ROOT = Path(__file__).resolve().parents[2]
CRON = "17 6 * * 1-5"  # not the default: proves --cron reaches the deployment
LATE_FILE = "late response - Eastmoor Reducing Reoffending Partnership.txt"
LATE_TEXT = """\
Eastmoor Reducing Reoffending Partnership

Question 2
Charities need three-year contracts with full cost recovery, paid on time, so that they can keep
their staff and plan their services. Payment by results alone would shut small charities out.
"""
RUN_TIMEOUT = 240.0  # seconds per flow run; a full run of the sample takes ~40 s here


def test_deployments_are_built_from_the_arguments(tmp_path: Path) -> None:
    from flows.serve import FULL_RUN, LATE_SUBMISSIONS, deployments

    full, late = deployments(tmp_path / "consultation.yaml", tmp_path / "work", CRON)
    assert f"{full.flow_name}/{full.name}" == FULL_RUN == "process-consultation/full-run"
    assert f"{late.flow_name}/{late.name}" == LATE_SUBMISSIONS
    assert LATE_SUBMISSIONS == "reprocess-late-submissions/late-submissions"
    expected = {"consultation": str(tmp_path / "consultation.yaml"), "work_dir": str(tmp_path / "work")}
    assert full.parameters == expected and late.parameters == expected
    assert not full.schedules
    assert [s.schedule.cron for s in late.schedules or []] == [CRON]  # type: ignore[union-attr]


@pytest.mark.slow
def test_late_deployment_cron_makes_scheduled_runs(prefect_harness: None, tmp_path: Path) -> None:
    """The Prefect server turns the late deployment's cron into scheduled runs (what its scheduler service
    does unattended under `make serve`) with the deployment's parameters."""
    from prefect import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
    from prefect.settings import PREFECT_CLIENT_MAX_RETRIES, temporary_settings

    from flows.serve import deployments

    late = deployments(tmp_path / "consultation.yaml", tmp_path / "work", CRON)[1]
    late.name = "late-submissions-schedule-test"  # not the served one: its runs must not be picked up
    deployment_id = late.apply()
    assert isinstance(deployment_id, UUID)  # sync context
    try:
        with temporary_settings({PREFECT_CLIENT_MAX_RETRIES: 0}), get_client(sync_client=True) as client:
            client.request("POST", "/deployments/{id}/schedule", path_params={"id": deployment_id},
                           json={"max_runs": 3})
            runs = client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
            )
    finally:
        with get_client(sync_client=True) as client:
            client.delete_deployment(deployment_id)
    assert len(runs) == 3 and {r.state_name for r in runs} == {"Scheduled"}
    for when in (r.expected_start_time for r in runs):  # "17 6 * * 1-5": 06:17 UTC, Monday to Friday
        assert when is not None and (when.hour, when.minute, when.weekday() < 5) == (6, 17, True)
    assert all(r.parameters == late.parameters for r in runs)


@contextlib.contextmanager
def served(consultation: Path, work: Path, home: Path, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`flows/serve.py` in its own process group, reporting to the harness's Prefect server."""
    from prefect.settings import PREFECT_API_URL

    api_url = PREFECT_API_URL.value()
    assert api_url, "the Prefect test harness is not active"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_API_URL=api_url, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_RUNNER_POLL_FREQUENCY="1",  # pick up triggered runs within a second (default 10 s)
        HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
    )
    command = [sys.executable, str(ROOT / "flows" / "serve.py"), "--consultation", str(consultation),
               "--work", str(work), "--cron", CRON]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        yield proc
    finally:
        # Ctrl-C, to serve.py and any flow run it started: the runner pauses the deployments and exits
        # (and serve.py pauses them again on its way out). Under asyncio the first Ctrl-C only cancels the
        # main task; when that is swallowed, a second one ends it, as a user would press it again.
        for _ in range(2):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=20)
                break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def wait_for_deployments(proc: subprocess.Popen[bytes], names: list[str], log: Path,
                         timeout: float = 90) -> dict[str, Any]:
    """The deployments `names` once the served process has registered them."""
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while True:
            assert proc.poll() is None, f"serve.py exited early:\n{tail(log)}"
            try:
                return {name: client.read_deployment_by_name(name) for name in names}
            except ObjectNotFound:
                assert time.monotonic() < deadline, f"deployments not registered:\n{tail(log)}"
                time.sleep(0.5)


def run(name: str, log: Path) -> FlowRun:
    """Trigger deployment `name` now; the flow run once finished (the served process executes it)."""
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    flow_run = run_deployment(name, timeout=RUN_TIMEOUT, poll_interval=1, as_subflow=False)
    assert isinstance(flow_run, FlowRun)  # sync context
    assert flow_run.state is not None and flow_run.state.is_completed(), (
        f"{name}: {flow_run.state!r}\n{tail(log)}"
    )
    return flow_run


def tail(log: Path, lines: int = 60) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def source_files(work: Path) -> dict[str, str]:
    """Submission id -> file (coded_responses.csv cites a person's file by its id)."""
    with (work / "submissions.csv").open(encoding="utf-8") as fh:
        return {r["submission_id"]: r["source_file"] for r in csv.DictReader(fh)}


def summary(work: Path) -> dict[str, Any]:
    return dict(json.loads((work / "intake_summary.json").read_text(encoding="utf-8")))


def artifact_markdown(flow_run_id: Any, key: str) -> str:
    from prefect import get_client

    with get_client(sync_client=True) as client:
        found = [a for a in client.read_artifacts() if a.key == key and a.flow_run_id == flow_run_id]
    assert found, f"no {key!r} artifact for flow run {flow_run_id}"
    return str(found[0].data)


@pytest.mark.slow
def test_served_deployments_pick_up_late_submissions(prefect_harness: None, tmp_path: Path) -> None:
    from prefect import get_client

    from flows.serve import FULL_RUN, LATE_SUBMISSIONS

    consultation = copy_sample(tmp_path / "sample")
    inbox, work, log = tmp_path / "sample" / "inbox", tmp_path / "work", tmp_path / "serve.log"
    with served(consultation, work, tmp_path / "serve-home", log) as proc:
        found = wait_for_deployments(proc, [FULL_RUN, LATE_SUBMISSIONS], log)

        # Registered as serve.py builds them: names, parameters, the --cron schedule on the late one only.
        expected = {"consultation": str(consultation.resolve()), "work_dir": str(work.resolve())}
        full, late = found[FULL_RUN], found[LATE_SUBMISSIONS]
        assert full.name == "full-run" and late.name == "late-submissions"
        assert full.parameters == expected and late.parameters == expected
        assert full.schedules == []
        assert [(s.schedule.cron, s.active) for s in late.schedules] == [(CRON, True)]
        assert not late.paused

        # The full run, on demand.
        run(FULL_RUN, log)
        first = summary(work)
        assert first["files"] > 40 and first["new"] > 40 and first["already_done"] == 0
        rows = list(csv.DictReader((work / "coded_responses.csv").open(encoding="utf-8")))
        assert rows and LATE_FILE not in {source_files(work)[r["submission_id"]] for r in rows}

        # After the closing date (2026-04-25; the file's time is now), a file is dropped into the inbox.
        (inbox / LATE_FILE).write_text(LATE_TEXT, encoding="utf-8")
        assert time.time() > time.mktime((2026, 4, 26, 0, 0, 0, 0, 0, 0))
        flow_run = run(LATE_SUBMISSIONS, log)
        assert str(flow_run.id) in log.read_text(encoding="utf-8", errors="replace")  # run by serve.py
        late_summary = summary(work)
        assert late_summary["files"] == first["files"] + 1
        assert late_summary["new"] == 1 and late_summary["already_done"] == first["files"]  # not re-read
        assert [(a["file"], a["late"]) for a in late_summary["added"]] == [(LATE_FILE, "yes")]
        segments = first["themes"]["segments_coded"] + first["themes"]["segments_unchanged"]
        assert late_summary["themes"]["segments_unchanged"] == segments  # only the new file's are coded
        assert 0 < late_summary["themes"]["segments_coded"] <= 3
        rows = list(csv.DictReader((work / "coded_responses.csv").open(encoding="utf-8")))
        files = source_files(work)
        new_rows = [r for r in rows if files[r["submission_id"]] == LATE_FILE]
        assert ("Q2", "funding.full_cost_recovery") in {(r["question"], r["theme"]) for r in new_rows}
        assert {r["late"] for r in new_rows} == {"yes"}
        assert {files[r["submission_id"]] for r in rows} > {LATE_FILE}  # with the rest, from the store
        assert LATE_FILE in artifact_markdown(flow_run.id, "late-submissions")

    # Stopping serve.py (Ctrl-C) pauses the deployments, so the schedule does not pile up runs nobody runs.
    with get_client(sync_client=True) as client:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        assert client.read_deployment_by_name(LATE_SUBMISSIONS).paused, tail
