"""What a vanished segment leaves behind: its codes, stance and state are dropped, its analysts' decisions
kept (the audit log) and counted, on SQLite and on PostgreSQL (where the queries must not depend on the
segment ids fitting in memory: `NOT EXISTS`, not `NOT IN`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from respmine.records import Document, Respondent, Segment, Span
from respmine.store import Arrival, Store
from respmine.store import structure as structure_store
from respmine.store.models import CodebookStateRow, CodeRow, DecisionRow, StanceRow, ThemeStateRow
from respmine.store.structure import segment_id
from respmine.store.themes import decide, drop_orphans
from respmine.themes.codebook import load_codebook

CODEBOOK = Path(__file__).resolve().parents[2] / "models" / "codebooks" / "noms-third-sector.yaml"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        yield Store(f"sqlite:///{tmp_path / 'respmine.sqlite'}")
        return
    base = request.getfixturevalue("postgres_url")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS respmine_orphans"))
        conn.execute(text("CREATE DATABASE respmine_orphans"))
    pg = Store(make_url(base).set(database="respmine_orphans").render_as_string(hide_password=False))
    try:
        yield pg
    finally:
        pg.engine.dispose()
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS respmine_orphans WITH (FORCE)"))
        admin.dispose()


def _segment(sha: str) -> Segment:
    return Segment(sha, "q1", Span(0, 20), f"Answer of {sha[0]} to q1.", 1, "heading", 1.0)


def _code_everything(store: Store, segment: str, codebook_key: str) -> None:
    with store.session() as s, s.begin():
        s.add(CodeRow(segment=segment, theme="independence", confidence=0.7, method="rule",
                      evidence_start=0, evidence_end=6, evidence="Answer", codebook="x", fingerprint="f",
                      model="m"))
        s.add(StanceRow(segment=segment, stance="support", confidence=0.8, method="rule", model="m"))
        s.add(ThemeStateRow(segment=segment, stamp="s", codebook=codebook_key, stance="t"))
        s.add(CodebookStateRow(key=codebook_key, stamp="book@1", themes=[]))


def _count(store: Store, table: type) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def test_themes_drop_orphans_removes_only_what_vanished_segments_left(store: Store) -> None:
    a, b = "a" * 64, "b" * 64
    for sha in (a, b):
        store.save(Document(f"{sha[0]}.txt", sha, "txt", "text-utf-8", f"Answer of {sha[0]} to q1."),
                   Arrival(None, None, None), kind="file")
    people = [Respondent(sha, "individual", "individual") for sha in (a, b)]
    structure_store.replace_structure(store, people, [_segment(a), _segment(b)], {}, [])
    gone, kept = segment_id(_segment(a)), segment_id(_segment(b))
    _code_everything(store, gone, "book-a")
    _code_everything(store, kept, "book-b")
    decide(store, load_codebook(CODEBOOK), "ann", "reject", segment=gone, theme="independence")
    assert structure_store.orphaned_decisions(store) == 0

    structure_store.replace_structure(store, people[1:], [_segment(b)], {}, [])  # a left the run
    assert structure_store.orphaned_decisions(store) == 1
    assert drop_orphans(store) == 1
    with store.session() as s:
        assert set(s.scalars(select(CodeRow.segment))) == {kept}
        assert set(s.scalars(select(StanceRow.segment))) == {kept}
        assert set(s.scalars(select(ThemeStateRow.segment))) == {kept}
        assert set(s.scalars(select(CodebookStateRow.key))) == {"book-b"}  # no segment uses book-a now
    assert _count(store, DecisionRow) == 1  # the analyst's decision stays in the audit log
    assert drop_orphans(store) == 0  # idempotent
