"""The review queries on PostgreSQL (the store's other backend): same answers as the effective coding."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from respmine.review.queries import SegmentFilter, ensure_indexes, find_segments
from respmine.store.repository import Store
from respmine.store.themes import decide, effective_codes, effective_stances
from respmine.themes.codebook import load_codebook
from tests.review.helpers import CODEBOOK, THEMES, build_big


@pytest.fixture()
def pg_store(postgres_url: str, tmp_path: Path) -> Iterator[Store]:
    """A database of its own on the session's PostgreSQL cluster, dropped afterwards."""
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS respmine_review"))
        conn.execute(text("CREATE DATABASE respmine_review"))
    url = make_url(postgres_url).set(database="respmine_review").render_as_string(hide_password=False)
    store = Store(build_big(tmp_path, n_segments=300, store_url=url).store_url)
    try:
        yield store
    finally:
        store.engine.dispose()
        with admin.connect() as conn:  # FORCE: the fixture's own store engines may still hold connections
            conn.execute(text("DROP DATABASE IF EXISTS respmine_review WITH (FORCE)"))
        admin.dispose()


def test_filters_agree_with_effective_coding_on_postgres(pg_store: Store) -> None:
    codebook = load_codebook(CODEBOOK)
    ensure_indexes(pg_store)
    rng = random.Random(5)
    segments = sorted({c.segment for c in effective_codes(pg_store, codebook)})
    for _ in range(80):
        action = rng.choice(("reject", "add", "stance"))
        value = {"stance": "oppose"} if action == "stance" else None
        decide(pg_store, codebook, "ana", action, segment=rng.choice(segments), theme=rng.choice(THEMES),
               value=value)
    codes = effective_codes(pg_store, codebook)

    def found(f: SegmentFilter) -> set[str]:
        return {i.id for i in find_segments(pg_store, codebook, f, per_page=1000).items}

    assert found(SegmentFilter(theme="volunteers")) == {c.segment for c in codes if c.theme == "volunteers"}
    oppose = {k for k, v in effective_stances(pg_store).items() if v == "oppose"}
    assert found(SegmentFilter(stance="oppose")) == oppose
    assert found(SegmentFilter(text="FUNDING", late=False))  # case-insensitive on PostgreSQL too
