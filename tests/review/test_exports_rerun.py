"""Export from the app regenerates the reports with the analysts' decisions, and a rerun keeps them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from respmine.records import Code
from respmine.report.outputs import write_reports
from respmine.store.themes import machine_codes, replace_codes, stances
from respmine.themes.codebook import load_codebook
from tests.review.helpers import ANALYST, CODEBOOK, VIEWER, Small, build_small, client_for, sign_in


@pytest.fixture()
def small(tmp_path: Path) -> Small:
    return build_small(tmp_path)


def theme_counts(csv_text: str) -> dict[tuple[str, str], int]:
    return {(r["question"], r["theme"]): int(r["respondents"]) for r in csv.DictReader(io.StringIO(csv_text))}


def rerun_machine_coding(small: Small, codes: list[Code]) -> None:
    """What the theme stage does on a rerun: the machine's codes for every segment replaced afresh."""
    segments = sorted({c.segment for c in codes} | set(stances(small.store)))
    replace_codes(small.store, segments, codes, stances(small.store).values())


def test_export_regenerates_reports_with_the_override_and_survives_a_rerun(small: Small) -> None:
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    machine = machine_codes(small.store)
    client.post(f"/segments/{small.funding_segment}/decide",
                data={"action": "reject", "theme": "funding.full_cost_recovery", "csrf_token": token})

    response = client.post("/export", data={"csrf_token": token})
    assert response.status_code == 303
    page = client.get("/export").text
    assert "Reports regenerated" in page and "coded_evidence.xlsx" in page
    workbook = client.get("/export/workbook")
    assert workbook.status_code == 200
    assert workbook.headers["content-disposition"].startswith("attachment")
    assert workbook.content[:2] == b"PK"  # an XLSX is a zip
    table = client.get("/export/theme_table")
    assert theme_counts(table.text)[("Q2", "funding.full_cost_recovery")] == 1  # was 2: Beacon rejected

    rerun_machine_coding(small, machine)
    write_reports(small.store, load_codebook(CODEBOOK), small.settings.work_dir, None)
    again = (small.settings.work_dir / "theme_table.csv").read_text(encoding="utf-8")
    assert theme_counts(again)[("Q2", "funding.full_cost_recovery")] == 1


def test_only_files_of_the_last_export_can_be_downloaded(small: Small) -> None:
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    (small.settings.work_dir / "secret.txt").write_text("not a report", encoding="utf-8")
    for name in ("secret.txt", "..%2Frespmine.sqlite", "workbook"):
        assert client.get(f"/export/{name}").status_code == 404
    assert "Only analysts can regenerate" in client.get("/export").text
