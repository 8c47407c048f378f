"""`coded_responses.csv` rows: one per (segment, theme), segments without a theme kept."""

from __future__ import annotations

from collections import Counter

from respmine.report.coded import coded_rows
from respmine.store import Store
from respmine.store.themes import decide
from tests.report.helpers import CODEBOOK


def test_one_row_per_segment_and_theme(made: tuple[Store, dict[str, str]]) -> None:
    store, segs = made
    decide(store, CODEBOOK, "analyst", "reject", segment=segs["jane-q1"], theme="funding.length")
    rows = coded_rows(store, CODEBOOK)
    per_segment = Counter(r["source_file"] for r in rows if r["question"] == "Q1")
    assert per_segment["form.csv#row-1"] == 2  # River Project: two themes, two rows
    jane = [r for r in rows if r["source_file"] == "jane.txt"]
    assert len(jane) == 1 and jane[0]["theme"] == "" and jane[0]["stance"] == "mixed"  # kept, uncoded
    river = {r["theme"]: r for r in rows if r["source_file"] == "form.csv#row-1"}
    assert river["funding.length"]["theme_label"] == "Funding > Contract length"
    assert river["funding.fcr"]["evidence"] == "Full cost recovery is essential."
    assert river["funding.fcr"]["codebook"] == "test-book@1"
    assert {r["respondent"] for r in rows if r["respondent_type"] == "individual"} == {
        "Individual (name withheld)"
    }


def test_without_a_codebook_rows_are_segments(made: tuple[Store, dict[str, str]]) -> None:
    rows = coded_rows(made[0])
    assert len(rows) == len(made[1]) and all(r["theme"] == "" for r in rows)
