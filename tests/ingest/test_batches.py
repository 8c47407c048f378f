"""Extraction in batches: JSON results turn back into the same records; batches keep the plan's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.ingest.batches import batch_results, extract_batch, from_json, split_batches
from respmine.ingest.inbox import extract_many, plan_ingest
from respmine.records import Document, to_json
from respmine.store import Store


def test_from_json_inverts_to_json_on_every_sample_file(sample: Path) -> None:
    files = sorted((sample / "inbox").iterdir())
    results = list(extract_many([(f, f.name) for f in files], ocr=False))
    assert {type(r).__name__ for r in results} == {"Document", "Quarantined"}
    assert any(getattr(r, "children", ()) for r in results)  # e-mails with attachments, form rows
    for result in results:
        assert from_json(to_json(result)) == result


def test_batches_follow_the_plan_and_come_back_as_records(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(5):
        (inbox / f"{i}.txt").write_text(f"Response number {i} about funding.\n")
    (inbox / "copy.txt").write_text("Response number 0 about funding.\n")  # a duplicate: not extracted
    plan = plan_ingest(inbox, Store(f"sqlite:///{tmp_path / 's.sqlite'}"))
    jobs = split_batches(plan, 2)
    assert [len(b) for b in jobs] == [2, 2, 1]
    assert [name for batch in jobs for _, name in batch] == [name for _, name in plan.todo]
    extracted = extract_batch(jobs[0])
    pairs = list(batch_results(jobs[0], extracted))
    assert [name for (_, name), _ in pairs] == [name for _, name in jobs[0]]
    first = pairs[0][1]
    assert isinstance(first, Document) and "Response number" in first.text
    with pytest.raises(ValueError):
        list(batch_results(jobs[0], extracted[:1]))
    with pytest.raises(ValueError):
        split_batches(plan, 0)
