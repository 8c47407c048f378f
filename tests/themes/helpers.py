"""Helpers for the theme tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from respmine.config import Settings


def copy_work(settings: Settings, into: Path) -> Settings:
    """A work folder holding a copy of `settings`' SQLite store (the backup API: WAL included)."""
    into.mkdir(parents=True, exist_ok=True)
    source = settings.store_url.removeprefix("sqlite:///")
    with sqlite3.connect(source) as a, sqlite3.connect(into / "respmine.sqlite") as b:
        a.backup(b)
    return Settings.load(into, workers=1)
