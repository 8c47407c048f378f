"""Shared fixtures: paths to the real datasets, the sample consultation, and one Prefect test harness."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from respmine.themes.stance import StanceModel

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"
SAMPLE = ROOT / "data" / "sample"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def datasets() -> Path:
    """The real data in ../shared/datasets (read by path, never copied into the repo)."""
    if not DATASETS.exists():
        pytest.skip(f"real datasets not found at {DATASETS}")
    return DATASETS


@pytest.fixture(scope="session")
def sample() -> Path:
    return SAMPLE


@pytest.fixture(scope="module")
def rules() -> StanceModel:
    """The stance model's rules alone (a StanceModel over the tests' word embedder, not fitted): the stance
    cue tests' model (a test module may define its own `rules`)."""
    from respmine.themes.stance import StanceModel
    from tests.themes.helpers import WordEmbedder

    return StanceModel(WordEmbedder())


@pytest.fixture(scope="session")
def structured_sample(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The sample consultation ingested and structured once per session (tests code copies of it)."""
    from respmine import pipeline
    from respmine.config import Settings
    from respmine.consultation import load_consultation

    consultation = load_consultation(sample / "consultation.yaml")
    settings = Settings.load(tmp_path_factory.mktemp("structured-sample"), workers=1)
    pipeline.ingest_stage(consultation.inbox_path(), consultation, settings)
    pipeline.structure_stage(consultation, settings)
    return consultation, settings


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One temporary Prefect server for the whole session, with PREFECT_HOME in a temp dir."""
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on a Unix socket (Debian's server binaries), for the store tests."""
    import glob
    import shutil
    import subprocess

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    bindir = Path(found[-1]).parent
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="respmine-pg-"))  # outside pytest's root-only temp folder
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the cluster as the postgres user
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser")
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = "54329"
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
                   check=True, capture_output=True)
    subprocess.run(
        [*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log"), "-o",
         f"-p {port} -k {sock} -c listen_addresses=''", "start"],
        check=True, capture_output=True,
    )
    try:
        subprocess.run([*run_as, str(bindir / "createdb"), "-h", str(sock), "-p", port, "-U", "postgres",
                        "respmine"], check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@/respmine?host={sock}&port={port}"
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture()
def made(tmp_path: Path) -> tuple[Any, dict[str, str]]:
    """The report tests' hand-made store (tests/report/helpers.py), fresh per test: tests decide on it."""
    from tests.report.helpers import build_store

    return build_store(tmp_path)
