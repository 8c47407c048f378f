"""The process-consultation flow under a temporary Prefect server: ingest, outputs, artifacts, rerun."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.mark.slow
def test_process_consultation_flow_ingests_and_publishes(prefect_harness: None, tmp_path: Path) -> None:
    from flows.process_consultation import process_consultation

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("We support local commissioning of resettlement services.\n")
    (inbox / "b.pdf").write_bytes(b"")
    outputs = process_consultation(inbox=str(inbox), work_dir=str(tmp_path / "work"), workers=1)
    summary = json.loads((tmp_path / "work" / "intake_summary.json").read_text())
    assert summary["files"] == 2 and summary["by_status"] == {"ok": 1, "quarantined": 1}
    assert Path(outputs["submissions"]).exists() and Path(outputs["quarantine"]).exists()
    assert "We support local commissioning" in Path(outputs["coded_responses"]).read_text()

    from prefect.client.orchestration import get_client

    async def artifact_keys() -> set[str]:
        async with get_client() as client:
            return {a.key for a in await client.read_artifacts() if a.key}

    import asyncio

    assert {"intake-summary", "submissions"} <= asyncio.run(artifact_keys())
    process_consultation(inbox=str(inbox), work_dir=str(tmp_path / "work"), workers=1)
    rerun = json.loads((tmp_path / "work" / "intake_summary.json").read_text())
    assert rerun["new"] == 0 and rerun["already_done"] == 2
