"""The process-consultation flow under a temporary Prefect server: ingest, outputs, artifacts, rerun."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest


@pytest.mark.slow
def test_process_consultation_flow_ingests_and_publishes(prefect_harness: None, tmp_path: Path) -> None:
    from flows.process_consultation import process_consultation

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("We support local commissioning of resettlement services.\n")
    (inbox / "b.pdf").write_bytes(b"")
    codebook = Path(__file__).resolve().parents[2] / "models" / "codebooks" / "noms-third-sector.yaml"
    consultation = tmp_path / "consultation.yaml"
    consultation.write_text(f"title: Test\ninbox: inbox\ncodebook: {codebook}\n", encoding="utf-8")
    outputs = process_consultation(str(consultation), work_dir=str(tmp_path / "work"), workers=1)
    summary = json.loads((tmp_path / "work" / "intake_summary.json").read_text())
    assert summary["files"] == 2 and summary["by_status"] == {"ok": 1, "quarantined": 1}
    assert Path(outputs["submissions"]).exists() and Path(outputs["quarantine"]).exists()
    assert "We support local commissioning" in Path(outputs["coded_responses"]).read_text()

    from prefect.client.orchestration import get_client

    async def artifacts() -> dict[str, Any]:
        """Each key's newest artifact: this flow's (the harness's server is shared by the session)."""
        async with get_client() as client:
            found = sorted((a for a in await client.read_artifacts() if a.key), key=lambda a: a.created)
            return {a.key: a.data for a in found}

    import asyncio

    published = asyncio.run(artifacts())
    assert {"intake-summary", "submissions", "theme-table"} <= set(published)
    submissions = _table(published["submissions"])
    assert sorted(r["source_file"] for r in submissions) == ["a.txt", "b.pdf"]
    themes = _table(published["theme-table"])
    with Path(outputs["theme_table"]).open(newline="", encoding="utf-8") as fh:
        written = list(csv.DictReader(fh))
    assert themes
    assert [(r["question"], r["theme"]) for r in themes] == [(r["question"], r["theme"]) for r in written]
    assert all(int(r["respondents"]) == int(w["respondents"]) for r, w in zip(themes, written, strict=True))
    process_consultation(str(consultation), work_dir=str(tmp_path / "work"), workers=1)
    rerun = json.loads((tmp_path / "work" / "intake_summary.json").read_text())
    assert rerun["new"] == 0 and rerun["already_done"] == 2


def _table(data: Any) -> list[dict[str, Any]]:
    """A table artifact's rows (the API returns them as a JSON string of a list of dicts)."""
    return json.loads(data) if isinstance(data, str) else list(data)
