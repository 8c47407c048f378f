"""Regenerating the reports from the review app and handing them out.

`report.outputs.write_reports` writes every report (XLSX, CSV, HTML, DOCX, QDPX) from the effective
coding; the app keeps a small manifest of what the last export wrote, and serves only those files, by
name, so a download link can never reach any other path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import FileResponse

from respmine.consultation import Consultation
from respmine.store.repository import Store
from respmine.themes.codebook import Codebook

MANIFEST = ".review-exports.json"
INTERNAL = {"snapshot"}  # written by write_reports for its own "what changed" comparison: not a report
MEDIA = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".csv": "text/csv; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".qdpx": "application/zip",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
}


@dataclass(frozen=True)
class ExportFile:
    name: str  # the key write_reports gave it
    path: Path
    size: int
    modified: datetime

    @property
    def kind(self) -> str:
        return self.path.suffix.lstrip(".").upper() or "file"


def regenerate(store: Store, codebook: Codebook, work_dir: Path, consultation: Consultation | None,
               user: str) -> dict[str, Path]:
    """Write every report from the current decisions and remember which files were written, by whom."""
    from respmine.report.outputs import write_reports

    paths = write_reports(store, codebook, work_dir, consultation)
    manifest = {"at": datetime.now(UTC).isoformat(), "user": user,
                "files": {name: str(Path(p).resolve()) for name, p in paths.items()}}
    (work_dir / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return paths


def _manifest(work_dir: Path) -> dict[str, object]:
    try:
        data = json.loads((work_dir / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_export(work_dir: Path) -> tuple[datetime, str] | None:
    """(when, by whom) of the last export from the app."""
    data = _manifest(work_dir)
    try:
        return datetime.fromisoformat(str(data["at"])), str(data["user"])
    except (KeyError, ValueError):
        return None


def listed(work_dir: Path) -> list[ExportFile]:
    """The files the last export wrote that still exist, spreadsheets first."""
    files = _manifest(work_dir).get("files")
    out = []
    for name, raw in (files.items() if isinstance(files, dict) else []):
        path = Path(str(raw))
        if name not in INTERNAL and path.is_file():
            stat = path.stat()
            out.append(ExportFile(str(name), path, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC)))
    order = [".xlsx", ".docx", ".html", ".csv", ".qdpx"]
    return sorted(out, key=lambda f: (order.index(f.path.suffix) if f.path.suffix in order else 9, f.name))


def download(work_dir: Path, name: str) -> FileResponse:
    """One listed file as an attachment; 404 for any name the last export did not write."""
    for f in listed(work_dir):
        if f.name == name:
            return FileResponse(f.path, filename=f.path.name,
                                media_type=MEDIA.get(f.path.suffix, "application/octet-stream"),
                                content_disposition_type="attachment")
    raise HTTPException(status_code=404, detail="No such export. Regenerate the reports first.")
