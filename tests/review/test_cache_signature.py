"""The theme table is reloaded exactly when the store changed (an analyst's decision, a rerun)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from respmine.review.cache import ThemeTables, signature
from respmine.store.themes import decide, machine_codes
from respmine.themes.codebook import load_codebook
from tests.review.helpers import CODEBOOK, build_small
from tests.review.test_exports_rerun import rerun_machine_coding


def test_rows_are_reused_until_a_decision_changes_the_store(tmp_path: Path) -> None:
    small = build_small(tmp_path)
    codebook = load_codebook(CODEBOOK)
    tables = ThemeTables(small.store, codebook)
    first, data = tables.rows("Q2", None, True)
    assert tables.rows("Q2", None, True)[0] is first and tables.data() is data

    decide(small.store, codebook, "ana", "reject", segment=small.funding_segment,
           theme="funding.full_cost_recovery")
    after, fresh = tables.rows("Q2", None, True)
    assert fresh is not data
    counts = {r.theme: r.respondents for r in after}
    assert counts["funding.full_cost_recovery"] == {r.theme: r.respondents for r in first}[
        "funding.full_cost_recovery"] - 1


def test_version_changes_when_machine_codes_are_replaced(tmp_path: Path) -> None:
    """A rerun rewrites codes with the same ids and counts: the store's version must still change."""
    small = build_small(tmp_path)
    tables = ThemeTables(small.store, load_codebook(CODEBOOK))
    before, same = tables.version(), tables.version()
    assert before == same
    codes = machine_codes(small.store)
    rerun_machine_coding(small, [replace(c, confidence=0.5) for c in codes])
    assert tables.version() != before


def test_signature_sees_rewritten_codes_on_other_databases(tmp_path: Path) -> None:
    small = build_small(tmp_path)
    before = signature(small.store)
    rerun_machine_coding(small, [replace(c, confidence=0.5) for c in machine_codes(small.store)])
    assert signature(small.store) != before
