"""Fixtures for the report tests: the hand-made store of `helpers.py` (fresh per test: tests decide)."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.store import Store
from tests.report.helpers import build_store


@pytest.fixture()
def made(tmp_path: Path) -> tuple[Store, dict[str, str]]:
    return build_store(tmp_path)
