"""The theme table's data, kept in memory while the store has not changed.

`report.tables.CodingData.load` reads every segment, code and stance (seconds on 50,000 segments), and
the theme table is the app's home page, revisited after every drill-down. So the data is reloaded only
when the store changed: on SQLite, `PRAGMA data_version` on a connection of our own changes with every
commit by any other connection (exact and free); on other databases a signature of the tables the table
reads (counts, highest ids, sums) stands in, and an entry also expires after `TTL` seconds, a backstop
for writes a signature cannot see.

When the only change is new analysts' decisions on segments (the app's own accept, reject, add, stance),
the data is updated for those segments alone (`CodingData.after_decisions`): the theme table an analyst
returns to after a decision is ready in a fraction of a full reload (`benchmarks/bench_review.py`, 50,000
segments: 1.0 s against 4.8 s). Anything else, or decision ids that do not add up, reloads everything.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from typing import Any

from sqlalchemy import func, select

from respmine.store import themes as theme_store
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
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from respmine.themes.codebook import Codebook

TTL = 600.0
DECISIONS = 2  # leading fields of `signature`: the decision log's
ROWS_KEPT = 16  # theme tables (one per filter combination) kept for the current data


def signature(store: Store) -> tuple[Any, ...]:
    """What changes whenever the coding, the structure or the decisions change: one cheap query. It starts
    with the decisions' highest id and count (`DECISIONS` fields): the rest is everything else."""
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

    def __init__(self, store: Store, codebook: Codebook, types: TypeList = DEFAULT_TYPES) -> None:
        self.store = store
        self.codebook = codebook
        self.types = types
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._loaded_at = 0.0
        self._data: Any = None
        self._state: tuple[Any, ...] | None = None  # the store's `signature` that `_data` reflects
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
        """The current `CodingData` (updated when the store changed, reloaded when the entry expired)."""
        key = self.version()
        with self._lock:
            expired = self._watch is None and time.monotonic() - self._loaded_at > TTL
            if key != self._key or expired:
                self._data, self._state = self._refresh(expired)
                self._key = key
                self._rows.clear()
            return self._data

    def _refresh(self, expired: bool) -> tuple[Any, tuple[Any, ...] | None]:
        """(data, signature): only new segment decisions since the last load are applied to the data in
        memory; any other change (or an expired entry) reloads it all."""
        from respmine.report.tables import CodingData

        state = signature(self.store)
        old = self._state
        if not expired and old is not None and state[DECISIONS:] == old[DECISIONS:]:
            first, last = old[0] or 0, state[0] or 0
            new = theme_store.decisions(self.store, ids=(first, last)) if last > first else []
            if new and len(new) == state[1] - old[1]:
                data = self._data.after_decisions(self.store, self.codebook, new)
                if data is not None:
                    return data, state
        self._loaded_at = time.monotonic()
        data = CodingData.load(self.store, self.codebook, self.types)
        return data, (state if signature(self.store) == state else None)  # (None: changed while loading)

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
