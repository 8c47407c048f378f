"""Intake tables: every submission with its status, and the quarantine log with reasons to act on."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select

from respmine.store import Store
from respmine.store.models import SubmissionRow

SUBMISSION_COLUMNS = [
    "submission_id", "source_file", "also_received_as", "kind", "parent_id", "format", "method",
    "status", "code", "reason", "pages", "words", "received_at", "received_from", "late",
]


_READ = ("sha256", "source", "kind", "parent_sha256", "format", "method", "status", "code", "reason", "pages",
         "text", "received_at", "received_from", "late")  # the submission columns the table shows


def submission_rows(store: Store) -> list[dict[str, object]]:
    """One row per submission (files, attachments, form rows), sorted by source for stable output.
    Only the columns shown are read, as plain rows: this runs after every late batch, over every
    submission, and ORM objects took half its time."""
    sources = store.sources()
    rows = []
    with store.session() as s:
        table = SubmissionRow.__table__  # a Core query: its rows stream (see `store.views`)
        query = select(*[table.c[name] for name in _READ]).order_by(table.c.source)
        for sub in s.execute(query):
            names = sources.get(sub.sha256, [])
            rows.append({
                "submission_id": sub.sha256[:12],
                "source_file": sub.source,
                "also_received_as": "; ".join(n for n in names if n != sub.source),
                "kind": sub.kind,
                "parent_id": (sub.parent_sha256 or "")[:12],
                "format": sub.format,
                "method": sub.method or "",
                "status": sub.status,
                "code": sub.code or "",
                "reason": sub.reason or "",
                "pages": len(sub.pages or []),
                "words": len(sub.text.split()),
                "received_at": sub.received_at.isoformat() if sub.received_at else "",
                "received_from": sub.received_from or "",
                "late": "" if sub.late is None else ("yes" if sub.late else "no"),
            })
    return sorted(rows, key=lambda r: (str(r["source_file"]), str(r["submission_id"])))


def write_intake(store: Store, out_dir: Path) -> dict[str, Path]:
    """Write `submissions.csv` and `quarantine.csv` into `out_dir`; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = submission_rows(store)
    paths = {"submissions": out_dir / "submissions.csv", "quarantine": out_dir / "quarantine.csv"}
    _write_csv(paths["submissions"], SUBMISSION_COLUMNS, rows)
    quarantined = [r for r in rows if r["status"] == "quarantined"]
    _write_csv(paths["quarantine"], ["source_file", "code", "reason", "received_at"], quarantined)
    return paths


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def summary_markdown(summary: dict[str, object], title: str = "Intake") -> str:
    """The run summary as Markdown (terminal, Prefect artifact, README of the outputs)."""
    lines = [f"# {title}", ""]
    lines.append(
        f"{summary['files']} files in the inbox: {summary['new']} new, {summary['already_done']} already "
        f"processed, {summary['duplicates']} exact duplicates of another file."
    )
    by_status = summary.get("by_status") or {}
    assert isinstance(by_status, dict)
    lines.append(
        f"{summary['submissions']} submissions stored from new files (files, attachments and form rows): "
        f"{by_status.get('ok', 0)} processed, {by_status.get('quarantined', 0)} quarantined; "
        f"{summary['late']} late."
    )
    lines += ["", "| format | submissions |", "|---|---|"]
    by_format = summary.get("by_format") or {}
    assert isinstance(by_format, dict)
    lines += [f"| {fmt} | {n} |" for fmt, n in by_format.items()]
    structure = summary.get("structure")
    if isinstance(structure, dict):
        campaigns = structure.get("campaigns") or []
        assert isinstance(campaigns, list)
        sizes = ", ".join(str(c["size"]) for c in campaigns)
        lines += [
            "", "## Structure", "",
            f"{structure['respondents']} respondents' texts split into {structure['segments']} segments "
            f"(answers per question, general comments kept); {structure['redacted']} personal "
            f"identifiers redacted; {len(campaigns)} campaigns or duplicate groups"
            + (f" (sizes {sizes})." if sizes else "."),
        ]
        carried = int(structure.get("decisions_carried") or 0)
        left = int(structure.get("decisions_left") or 0)
        if carried or left:
            lines += ["", f"Analysts' decisions: {carried} followed their paragraph to its new segment" + (
                f"; {left} (over all runs) refer to text that is no longer a segment of its own (a "
                "paragraph merged or re-cut, a response no longer in the inbox): kept in the audit log, no "
                "longer applied, so those responses need another look." if left else ".")]
    quarantined = summary.get("quarantined") or []
    assert isinstance(quarantined, list)
    if quarantined:
        lines += ["", f"## Quarantined ({len(quarantined)})", ""]
        lines += ["| file | code | what to do |", "|---|---|---|"]
        lines += [f"| {q['file']} | {q['code']} | {q['reason']} |" for q in quarantined]
    return "\n".join(lines) + "\n"
