"""Analysts' decisions as training data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from respmine.themes.decisions import Decision, stance_examples

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def _stance(minutes: int, segment: str | None, stance: str) -> Decision:
    return Decision(T0 + timedelta(minutes=minutes), "analyst1", "stance", segment=segment,
                    value={"stance": stance})


def test_decisions_stance_examples_take_each_segments_latest_stance() -> None:
    log = [_stance(2, "a", "oppose"), _stance(1, "a", "support"), _stance(0, "b", "neutral"),
           _stance(3, "gone", "support"), _stance(4, None, "support"),
           Decision(T0, "analyst1", "reviewed", segment="c")]  # read, no stance given: not an example
    texts = {"a": "Text A.", "b": "Text B.", "c": "Text C."}
    assert stance_examples(log, texts) == (["Text A.", "Text B."], ["oppose", "neutral"])
    assert stance_examples([], texts) == ([], [])
