"""The theme table's data, kept in memory while the store has not changed.

`report.tables.CodingData.load` reads every segment, code and stance (seconds on 50,000 segments), and
the theme table is the app's home page, revisited after every drill-down. So the data is reloaded only
when the store changed: on SQLite, `PRAGMA data_version` on a connection of our own changes with every
commit by any other connection (exact and free); on other databases a signature of the tables the table
reads (counts, highest ids, sums) stands in, and an entry also expires after `TTL` seconds, a backstop
for writes a signature cannot see.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from typing import Any

from sqlalchemy import func, select

from respmine.store.models import (
    CampaignRow,
    CodeRow,
    DecisionRow,
    RespondentRow,
    RunRow,
    SegmentRow,
    StanceRow,
    SubmissionRow,
    TopicModelRow,
)
from respmine.store.repository import Store
from respmine.themes.codebook import Codebook

TTL = 600.0
ROWS_KEPT = 16  # theme tables (one per filter combination) kept for the current data


def signature(store: Store) -> tuple[Any, ...]:
    """What changes whenever the coding, the structure or the decisions change: one cheap query."""
    def count(table: Any) -> Any:
        return select(func.count()).select_from(table).scalar_subquery()

    query = select(
        select(func.max(DecisionRow.id)).scalar_subquery(), count(DecisionRow),
        select(func.max(CodeRow.id)).scalar_subquery(), count(CodeRow), count(StanceRow),
        select(func.sum(CodeRow.confidence + CodeRow.evidence_end)).scalar_subquery(),
        select(func.sum(StanceRow.confidence)).scalar_subquery(),
        count(SegmentRow), count(RespondentRow), count(CampaignRow),
        select(func.max(SubmissionRow.updated_at)).scalar_subquery(),
        select(func.max(RunRow.id)).scalar_subquery(), count(TopicModelRow),
    )
    with store.session() as s:
        return tuple(s.execute(query).one())


class ThemeTables:
    """Theme-table rows per filter, over `CodingData` loaded once per store signature."""

    def __init__(self, store: Store, codebook: Codebook) -> None:
        self.store = store
        self.codebook = codebook
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._loaded_at = 0.0
        self._data: Any = None
        self._rows: OrderedDict[tuple[Any, ...], tuple[Any, Any]] = OrderedDict()
        self._watch: sqlite3.Connection | None = None
        if store.engine.dialect.name == "sqlite" and store.engine.url.database not in (None, "", ":memory:"):
            self._watch = sqlite3.connect(str(store.engine.url.database), check_same_thread=False)

    def version(self) -> tuple[Any, ...]:
        """Changes whenever anything was committed to the store since the last call that saw it."""
        if self._watch is not None:
            with self._lock:
                return ("sqlite", self._watch.execute("PRAGMA data_version").fetchone()[0])
        return signature(self.store)

    def data(self) -> Any:
        """The current `CodingData` (reloaded when the store changed or the entry expired)."""
        from respmine.report.tables import CodingData

        key = self.version()
        with self._lock:
            expired = self._watch is None and time.monotonic() - self._loaded_at > TTL
            if key != self._key or expired:
                self._data = CodingData.load(self.store, self.codebook)
                self._key, self._loaded_at = key, time.monotonic()
                self._rows.clear()
            return self._data

    def rows(self, question: str | None, respondent_type: str | None, include_late: bool) -> tuple[Any, Any]:
        """(rows, data): the theme table for these filters (across questions when `question` is None)."""
        from respmine.report.tables import build_rows

        data = self.data()
        wanted = (question, respondent_type, include_late)
        with self._lock:
            if wanted in self._rows and self._rows[wanted][1] is data:
                self._rows.move_to_end(wanted)
                return self._rows[wanted]
        rows = build_rows(data, question=question, respondent_type=respondent_type, include_late=include_late,
                          overall=question is None)
        with self._lock:
            self._rows[wanted] = (rows, data)
            while len(self._rows) > ROWS_KEPT:
                self._rows.popitem(last=False)
        return rows, data
