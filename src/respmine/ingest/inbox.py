"""Ingest a folder of submissions into the store: every file ends processed or quarantined, once.

Files already stored (same content hash, same extractor version) are not extracted again, so a rerun
only does new work. Extraction runs in worker processes (PDFium and OCR are not thread-safe).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from respmine.consultation import Consultation
from respmine.ingest.dispatch import extract
from respmine.ingest.source import Limits
from respmine.records import Document, ExtractResult, Quarantined
from respmine.store import Arrival, Store

Progress = Callable[[int], None]


@dataclass
class IngestSummary:
    """What one ingest run did, for the run summary, the CLI and the flow's artifact."""

    files: int = 0
    new: int = 0
    already_done: int = 0
    duplicates: int = 0
    submissions: int = 0
    by_format: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    late: int = 0
    quarantined: list[dict[str, str]] = field(default_factory=list)
    added: list[dict[str, str]] = field(default_factory=list)  # the files this run processed

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "new": self.new,
            "already_done": self.already_done,
            "duplicates": self.duplicates,
            "submissions": self.submissions,
            "by_format": dict(sorted(self.by_format.items())),
            "by_status": dict(sorted(self.by_status.items())),
            "late": self.late,
            "quarantined": self.quarantined,
            "added": self.added,
        }


def scan_inbox(inbox: Path) -> list[Path]:
    """Every regular file below the inbox, in a stable order; hidden files and folders are skipped."""
    return sorted(
        p for p in inbox.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(inbox).parts)
    )


def file_sha256(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def _extract_job(job: tuple[Path, str, Limits, bool, dict[str, str]]) -> ExtractResult:
    path, name, limits, ocr, form_columns = job
    return extract(path, name=name, limits=limits, ocr=ocr, form_columns=form_columns)


def extract_many(
    jobs: list[tuple[Path, str]],
    *,
    workers: int = 1,
    limits: Limits | None = None,
    ocr: bool = True,
    form_columns: dict[str, str] | None = None,
) -> Iterator[ExtractResult]:
    """Extract files in order, in `workers` processes when more than one (results keep input order)."""
    limits = limits or Limits()
    args = [(path, name, limits, ocr, dict(form_columns or {})) for path, name in jobs]
    if workers <= 1 or len(args) <= 1:
        yield from map(_extract_job, args)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_job, args, chunksize=1)


def ingest_inbox(
    inbox: Path,
    store: Store,
    consultation: Consultation | None = None,
    *,
    workers: int = 1,
    limits: Limits | None = None,
    ocr: bool = True,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest every file of `inbox` not already in `store`; return what happened."""
    summary = IngestSummary()
    files = scan_inbox(inbox)
    summary.files = len(files)
    hashes = {path: file_sha256(path) for path in files}
    done = store.done(h for h in hashes.values() if h)
    log = consultation.received_entries() if consultation else {}
    todo: list[tuple[Path, str]] = []
    more_sources: list[tuple[str, str]] = []  # (sha256, name): known content under another name
    first_seen: set[str] = set()
    # Of identical copies, the one received first becomes the submission's primary source.
    for path in sorted(files, key=lambda p: (_arrival_hint(p, inbox, log), p)):
        name = path.relative_to(inbox).as_posix()
        sha = hashes[path]
        if sha and sha in done:
            summary.already_done += 1
            more_sources.append((sha, name))
        elif sha and sha in first_seen:
            summary.duplicates += 1
            more_sources.append((sha, name))
        else:
            if sha:
                first_seen.add(sha)
            todo.append((path, name))
    run_id = store.start_run(str(inbox))
    form_columns = consultation.form_columns if consultation else {}
    results = extract_many(todo, workers=workers, limits=limits, ocr=ocr, form_columns=form_columns)
    for (path, name), result in zip(todo, results, strict=True):
        if not result.sha256:  # oversized or unreadable: key it by file hash, else by path
            key = hashes[path] or hashlib.sha256(f"path:{name}".encode()).hexdigest()
            result = replace(result, sha256=key)
        arrival = resolve_arrival(result, path, name, log, consultation)
        _save_tree(store, result, arrival, name, consultation, summary)
        summary.added.append({
            "file": name,
            "status": "quarantined" if isinstance(result, Quarantined) else "ok",
            "late": "" if arrival.late is None else ("yes" if arrival.late else "no"),
        })
        summary.new += 1
        if progress:
            progress(1)
    for sha, name in more_sources:
        store.add_source(sha, name)
        if progress:
            progress(1)
    store.finish_run(run_id, summary.as_dict())
    return summary


def _arrival_hint(path: Path, inbox: Path, log: dict[str, datetime]) -> float:
    """Cheap received-time estimate (intake log, else file time) used to order identical copies."""
    when = log.get(path.relative_to(inbox).as_posix()) or log.get(path.name)
    if when is not None:
        return when.timestamp()
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")


def resolve_arrival(
    result: ExtractResult,
    path: Path,
    name: str,
    log: dict[str, datetime],
    consultation: Consultation | None,
) -> Arrival:
    """Received time: the document's own date (e-mail, form), else the intake log, else the file time."""
    if isinstance(result, Document) and result.received is not None:
        when, source = result.received, result.received_from or "document"
    elif name in log or path.name in log:
        when, source = log.get(name) or log[path.name], "received-log"
    else:
        try:
            when, source = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC), "file-mtime"
        except OSError:
            when, source = None, None
    late = consultation.is_late(when) if consultation else None
    return Arrival(received_at=when, received_from=source, late=late)


def _save_tree(
    store: Store,
    result: ExtractResult,
    arrival: Arrival,
    name: str,
    consultation: Consultation | None,
    summary: IngestSummary,
    *,
    parent: str | None = None,
) -> None:
    """Save a result and its children (attachments inherit the parent's arrival; form rows have their own)."""
    kind = "file" if parent is None else ("form-row" if result.format == "form-row" else "attachment")
    store.save(result, arrival, kind=kind, parent=parent, path=name if parent is None else None)
    summary.submissions += 1
    summary.by_format[result.format or "unknown"] += 1
    status = "quarantined" if isinstance(result, Quarantined) else "ok"
    summary.by_status[status] += 1
    if arrival.late:
        summary.late += 1
    if isinstance(result, Quarantined):
        summary.quarantined.append({"file": result.source, "code": result.code, "reason": result.reason})
        return
    for child in result.children:
        child_arrival = arrival
        if isinstance(child, Document) and child.received is not None:
            late = consultation.is_late(child.received) if consultation else None
            child_arrival = Arrival(child.received, child.received_from, late)
        _save_tree(store, child, child_arrival, child.source, consultation, summary, parent=result.sha256)
