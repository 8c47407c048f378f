"""`respmine run` and `respmine late`: through the Prefect flows (temporary local API, quiet) or directly,
with documented exit codes: 0 ok, 1 run failed, 2 usage error, 3 quarantined files with
--fail-on-quarantine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from respmine.cli import main

CONSULTATION = """\
title: Test
closes: 2026-04-25
questions:
  - {id: Q1, number: 1, text: "How should charities be involved in offender services?"}
"""


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Question 1\nCharities should be partners in resettlement.\n")
    (inbox / "b.pdf").write_bytes(b"%PDF-1.4\n1 0 obj")  # damaged: quarantined
    return inbox


def test_run_and_late_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inbox = _inbox(tmp_path)
    work = ["--work", str(tmp_path / "work")]
    assert main(["run", str(tmp_path / "nope"), *work]) == 2
    assert "inbox folder not found" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text(CONSULTATION + "codebook: missing-codebook.yaml\n")
    assert main(["run", str(inbox), "--consultation", str(bad), *work]) == 2
    assert "codebook" in capsys.readouterr().err
    assert main(["late", "--consultation", str(bad), *work]) == 2
    assert main(["run", str(inbox), "--no-prefect", "--dask", "tcp://127.0.0.1:1", *work]) == 2
    assert "needs Prefect" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["late", *work])  # --consultation is required
    assert exited.value.code == 2
    assert not (tmp_path / "work").exists()  # nothing started


def test_run_that_fails_exits_1_and_says_how_to_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = _inbox(tmp_path)
    code = main(["run", str(inbox), "--no-prefect", "--store", "nosuchdb://nowhere", "--work",
                 str(tmp_path / "work")])
    err = capsys.readouterr().err
    assert code == 1
    assert "run failed" in err and "run the same command again to resume" in err


def _cli(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "prefect-home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env.pop("PREFECT_LOGGING_LEVEL", None)  # the command's own default must keep Prefect quiet
    return subprocess.run([sys.executable, "-m", "respmine.cli", *args], env=env, capture_output=True,
                          text=True, timeout=1800, check=False)


@pytest.mark.slow
def test_run_and_late_through_prefect_offline_and_quiet(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    (tmp_path / "consultation.yaml").write_text(CONSULTATION)
    common = ["--consultation", str(tmp_path / "consultation.yaml"), "--work", str(tmp_path / "work"),
              "--workers", "1"]
    first = _cli(["run", *common], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "2 files in the inbox: 2 new" in first.stdout and "coded_responses:" in first.stdout
    assert "| INFO" not in first.stderr and "Starting temporary server" not in first.stderr
    assert "ingest: 100%" in first.stderr  # progress bars on stderr
    assert (tmp_path / "work" / "theme_table.csv").exists()

    nothing = _cli(["late", *common, "--fail-on-quarantine"], tmp_path)
    assert nothing.returncode == 0, nothing.stderr
    assert "No new files since the last run" in nothing.stdout

    (inbox / "c.txt").write_text("Question 1\nThree-year grants would let small charities take part.\n")
    (inbox / "d.docx").write_bytes(b"not a word file")
    late = _cli(["late", *common, "--fail-on-quarantine"], tmp_path)
    assert late.returncode == 3, late.stderr
    assert "| c.txt | ok |" in late.stdout and "| d.docx | quarantined |" in late.stdout
    assert "1 file(s) quarantined" in late.stderr
    rows = (tmp_path / "work" / "coded_responses.csv").read_text(encoding="utf-8")
    assert "Three-year grants" in rows
