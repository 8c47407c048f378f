"""An older store (missing a column added since) opens and works: additive columns are added in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from respmine.store import Store
from respmine.store import themes as themes_store


def test_repository_adds_columns_missing_from_an_older_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    Store(url)
    with sqlite3.connect(tmp_path / "old.sqlite") as db:
        db.execute("ALTER TABLE stances DROP COLUMN stamp")
        db.execute("INSERT INTO stances (segment, stance, confidence, evidence, method, model) "
                   "VALUES ('s1', 'support', 0.9, '', 'rules', 'm')")
    store = Store(url)
    assert themes_store.stamps(store) == {"s1": ""}
