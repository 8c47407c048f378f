"""The command line: `extract --json` and `ingest` with a summary and clear exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from respmine.cli import main


def test_cli_extract_json_has_the_documented_fields(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "letter.txt"
    good.write_text("Dear Sir or Madam,\n\nWe support the proposal.\n")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj")
    assert main(["extract", "--json", str(good), str(bad)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [obj["status"] for obj in lines] == ["ok", "quarantined"]
    for obj in lines:
        assert {"file", "sha256", "format", "status", "reason", "method", "pages", "text"} <= obj.keys()
    assert "We support the proposal." in lines[0]["text"] and lines[0]["pages"][0]["number"] == 1
    assert lines[1]["reason"] and lines[1]["text"] == ""


def test_cli_ingest_prints_summary_and_writes_tables(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A response about funding certainty.\n")
    (inbox / "b.pdf").write_text("not a pdf")
    done = subprocess.run(
        [sys.executable, "-m", "respmine.cli", "ingest", str(inbox), "--work", str(tmp_path / "work"),
         "--workers", "1"],
        capture_output=True, text=True, check=True,
    )
    assert "2 files in the inbox: 2 new" in done.stdout
    assert "wrong_extension" in done.stdout
    quarantine = (tmp_path / "work" / "quarantine.csv").read_text()
    assert "b.pdf" in quarantine and "a.txt" not in quarantine


def test_cli_ingest_missing_inbox_is_a_usage_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["ingest", str(tmp_path / "nope"), "--work", str(tmp_path)]) == 2
    assert "inbox folder not found" in capsys.readouterr().err


def test_cli_run_on_a_csv_of_comments_writes_coded_responses(tmp_path: Path, datasets: Path) -> None:
    """A CSV of comments is a valid inbox on its own: one respondent per row, campaigns counted."""
    import csv

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "comments.csv").write_bytes((datasets / "regulations-comments" / "dev.csv").read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(inbox), "--out", str(out), "--workers", "1"]) == 0
    rows = list(csv.DictReader((out / "coded_responses.csv").open(encoding="utf-8")))
    with (datasets / "regulations-comments" / "dev.csv").open(encoding="utf-8") as fh:
        n = sum(1 for _ in csv.DictReader(fh))
    assert len({r["submission_id"] for r in rows}) == n
    assert {"submission_id", "source_file", "respondent", "respondent_type", "question", "text",
            "campaign_id", "late"} <= rows[0].keys()
    sizes = sorted({(r["campaign_id"], r["campaign_size"]) for r in rows if r["campaign_id"]},
                   key=lambda c: -int(c[1]))
    assert int(sizes[0][1]) >= 50  # the biggest form letter is counted as one campaign with its size
    assert not any("@" in r["text"] for r in rows)  # emails redacted
    # no consultation file, so no codebook: nothing is coded against another consultation's themes
    assert not any(r["theme"] for r in rows)
    report = (out / "summary_report.html").read_text(encoding="utf-8")
    assert "No codebook was named for this consultation" in report and 'id="themes"' not in report
    assert (out / "emerging_themes.csv").read_text(encoding="utf-8").count("\n") > 1  # topics found


def test_cli_run_with_a_copied_consultation_file_says_where_its_codebook_was_sought(
        tmp_path: Path, sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The sample's `codebook: ../../models/...` is relative to its consultation file: a copy made
    elsewhere failed with only "<copy's folder>/../../models/...: codebook file not found"."""
    copy = tmp_path / "consultation.yaml"
    copy.write_text((sample / "consultation.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A response about funding certainty.\n")
    assert main(["run", str(inbox), "--consultation", str(copy), "--work", str(tmp_path / "work"),
                 "--no-prefect"]) == 2
    err = capsys.readouterr().err
    assert f"relative to the consultation file's own folder ({tmp_path})" in err
    assert "give the codebook's absolute path" in err
    assert not (tmp_path / "work" / "respmine.sqlite").exists()  # refused before any work


def test_cli_runs_as_python_dash_m(tmp_path: Path) -> None:
    """`python -m respmine` is the `respmine` command (a new user's script got 'No module named
    respmine.__main__')."""
    done = subprocess.run([sys.executable, "-m", "respmine", "ingest", str(tmp_path / "nope"), "--work",
                           str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "inbox folder not found" in done.stderr


def test_cli_run_refuses_a_consultation_document_it_cannot_find(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`document:` naming no file is refused before any work, saying where it was sought (a run that went
    on without it would code the consultation's own text as its respondents')."""
    copy = tmp_path / "consultation.yaml"
    copy.write_text("title: Stroke services\ndocument: consultation.pdf\n", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A response about travel to the new unit.\n")
    assert main(["run", str(inbox), "--consultation", str(copy), "--work", str(tmp_path / "work"),
                 "--no-prefect"]) == 2
    err = capsys.readouterr().err
    assert "consultation document not found" in err and str(tmp_path / "consultation.pdf") in err
    assert not (tmp_path / "work" / "respmine.sqlite").exists()
