"""A run killed with SIGKILL while ingesting (or later, while analysing), then rerun, ends exactly like
an uninterrupted run: the same output files and the same store contents, with the work the killed run
finished not done again."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from respmine.ingest.inbox import ingest_inbox
from respmine.store import Store
from tests.flows.compare import copy_sample, differences, outputs, store_tables


def _env(tmp_path: Path) -> dict[str, str]:
    """The command's environment: offline, its own Prefect home, no Prefect server (a temporary one)."""
    home = tmp_path / "prefect-home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return env


def _respmine(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "respmine.cli", *args], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _count(store: Path, sql: str) -> int:
    """A count from the run's store, as another process sees it (0 while it is not created or locked)."""
    try:
        con = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(con.execute(sql).fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


FILES = ("SELECT count(*) FROM submissions WHERE kind = 'file' AND parent_sha256 IS NULL")  # the inbox's
# files (not attachments, form rows or the files of a zip)
SEGMENTS = "SELECT count(*) FROM segments"  # > 0 once the structure stage has committed


def _kill_when(proc: subprocess.Popen[bytes], store: Path, sql: str, timeout: float = 900) -> int:
    """SIGKILL the run as soon as `sql` counts something; returns how many files it had stored."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline and not _count(store, sql):
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with contextlib.suppress(ProcessLookupError):  # and what it left behind (Prefect's temporary
        os.killpg(proc.pid, signal.SIGKILL)  # server), as a crash of the machine would take them too
    return _count(store, FILES)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, object]]:
    """The sample run once without interruption (and without Prefect: both ways must agree too)."""
    tmp = tmp_path_factory.mktemp("uninterrupted")
    consultation = copy_sample(tmp / "sample")
    args = ["run", "--consultation", str(consultation), "--workers", "1", "--work", str(tmp / "base")]
    base = _respmine([*args, "--no-prefect"], _env(tmp), tmp / "base.log")
    assert base.wait(timeout=1800) == 0, (tmp / "base.log").read_text()
    return consultation, tmp / "base", json.loads((tmp / "base" / "intake_summary.json").read_text())


@pytest.mark.slow
@pytest.mark.parametrize("during", ["ingest", "analysis"])
def test_kill_9_mid_run_then_rerun_matches_an_uninterrupted_run(
    tmp_path: Path, uninterrupted: tuple[Path, Path, dict[str, Any]], during: str
) -> None:
    consultation, base, expected = uninterrupted
    env = _env(tmp_path)
    work = tmp_path / "resumed"
    common = ["run", "--consultation", str(consultation), "--workers", "1", "--work", str(work)]
    killed = _respmine(common, env, tmp_path / "killed.log")
    stored = _kill_when(killed, work / "respmine.sqlite", FILES if during == "ingest" else SEGMENTS)
    assert killed.returncode == -signal.SIGKILL, (tmp_path / "killed.log").read_text()
    if during == "ingest":
        assert 0 < stored < expected["new"], f"not killed mid-ingest ({stored} files stored)"
    else:  # killed after the structure stage committed, while coding themes
        assert stored == expected["new"] and _count(work / "respmine.sqlite", SEGMENTS)
    assert not (work / "coded_responses.csv").exists()

    again = _respmine(common, env, tmp_path / "again.log")
    assert again.wait(timeout=1800) == 0, (tmp_path / "again.log").read_text()
    resumed = json.loads((work / "intake_summary.json").read_text())
    assert resumed["new"] == expected["new"] - stored  # finished files are not extracted again
    assert resumed["files"] == expected["files"]

    assert differences(outputs(work), outputs(base)) == []
    assert differences(store_tables(work), store_tables(base)) == []


def test_a_file_and_its_attachments_are_stored_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash between saving an e-mail and its attachment must not leave the e-mail marked done (a
    rerun would skip it and the attachment would never be stored)."""
    from datetime import datetime
    from email.message import EmailMessage

    from sqlalchemy.orm import Session

    from respmine.store.repository import Saved

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "a.person@example.org", "Response"
    msg.set_content("Please see my response attached.")
    msg.add_attachment(b"Local commissioning works best.", maintype="text", subtype="plain",
                       filename="answers.txt")
    (inbox / "reply.eml").write_bytes(msg.as_bytes())
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    write = Store._write

    def crash_on_attachment(self: Store, s: Session, item: Saved, now: datetime) -> None:
        if item.kind == "attachment":
            raise OSError("disk full")
        write(self, s, item, now)

    monkeypatch.setattr(Store, "_write", crash_on_attachment)
    with pytest.raises(OSError):
        ingest_inbox(inbox, store)
    assert store.submissions() == []  # neither the e-mail nor its attachment
    monkeypatch.setattr(Store, "_write", write)
    again = ingest_inbox(inbox, store)
    assert again.new == 1 and sorted(r.kind for r in store.submissions()) == ["attachment", "file"]
