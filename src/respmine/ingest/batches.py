"""Extraction in batches, for running it somewhere else than the process that owns the store.

A flow splits an ingest plan's new files into batches, has each batch extracted in a worker process (a
Dask worker, say) and gets back plain JSON, which crosses any process or machine boundary and any result
serializer; the flow's own process turns it back into records and stores it (`inbox.store_results`), so
the store is written by one process. The worker reads the files by path: a cluster needs the inbox on a
shared file system.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from respmine.ingest.inbox import IngestPlan, extract_many
from respmine.ingest.source import Limits
from respmine.records import Answer, Document, ExtractResult, Page, Quarantined, Status, to_json

Job = tuple[str, str]  # (path, name in the inbox): plain strings so a batch is JSON too


def split_batches(plan: IngestPlan, size: int = 50) -> list[list[Job]]:
    """The plan's new files in batches of `size`, in the plan's (arrival) order."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    jobs = [(str(path), name) for path, name in plan.todo]
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def extract_batch(
    jobs: Sequence[Job], *, limits: Limits | None = None, ocr: bool = True,
    form_columns: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Extract one batch serially in this process (PDFium and OCR are not thread-safe: parallelism comes
    from running batches in several processes) and return one JSON object per file, in order."""
    pairs = [(Path(path), name) for path, name in jobs]
    results = extract_many(pairs, workers=1, limits=limits, ocr=ocr, form_columns=dict(form_columns or {}))
    return [to_json(result) for result in results]


def batch_results(
    jobs: Sequence[Job], extracted: Sequence[Mapping[str, Any]]
) -> Iterator[tuple[tuple[Path, str], ExtractResult]]:
    """Pair a batch's jobs with its extracted JSON, as records, ready for `inbox.store_results`."""
    if len(jobs) != len(extracted):
        raise ValueError(f"batch of {len(jobs)} files came back with {len(extracted)} results")
    for (path, name), obj in zip(jobs, extracted, strict=True):
        yield (Path(path), name), from_json(obj)


def from_json(obj: Mapping[str, Any]) -> ExtractResult:
    """The record `records.to_json` made this object from (the inverse of `to_json`)."""
    if obj["status"] == Status.QUARANTINED.value:
        return Quarantined(obj["file"], obj["sha256"], obj["format"], obj["reason"], obj["code"])
    received = obj.get("received")
    return Document(
        source=obj["file"], sha256=obj["sha256"], format=obj["format"], method=obj["method"],
        text=obj["text"],
        pages=tuple(Page(p["number"], p["start"], p["end"], p["method"]) for p in obj.get("pages") or ()),
        metadata=dict(obj.get("metadata") or {}),
        received=datetime.fromisoformat(received) if received else None,
        received_from=obj.get("received_from"),
        answers=tuple(Answer(a["question"], a["text"], a["source"]) for a in obj.get("answers") or ()),
        comments=tuple(obj.get("comments") or ()),
        children=tuple(from_json(child) for child in obj.get("children") or ()),
        warnings=tuple(obj.get("warnings") or ()),
    )
