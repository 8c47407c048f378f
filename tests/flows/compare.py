"""Compare two runs' work folders: every output file and every store table, minus what legitimately
differs between two runs of the same data (wall-clock times, autoincrement ids, what one run did)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Integer

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"

# Summary fields that describe what this particular run did, not the data: a resumed run reports the
# files the killed run finished as "already done" where an uninterrupted run reports them as new.
RUN_LEVEL = {"new", "already_done", "duplicates", "submissions", "by_format", "by_status", "late",
             "quarantined", "added", "responses", "responses_quarantined", "form_exports", "attachments",
             "archives"}
# ... and the per-stage counts of work done (a resumed run reuses what the killed run finished)
STAGE_RUN_LEVEL = {
    "structure": {"respondents_reused", "documents_segmented", "decisions_carried"},
    "themes": {"segments_coded", "segments_unchanged", "recoded_because", "segments_changed",
               "themes_recoded", "codes_added", "codes_changed", "codes_removed", "codes_unchanged",
               "codes_restamped", "stances_recomputed"},
    "topics": {"assigned"},
}
SKIP_FILES = {"intake_summary.md"}  # the Markdown rendering of intake_summary.json (compared as JSON)


def copy_sample(dest: Path) -> Path:
    """A copy of the sample consultation (file times kept: they decide late flags); returns its YAML."""
    shutil.copytree(SAMPLE, dest, ignore=shutil.ignore_patterns("__pycache__"))
    yaml = dest / "consultation.yaml"
    codebook = (SAMPLE / "../../models/codebooks/noms-third-sector.yaml").resolve()
    lines = [f"codebook: {codebook}" if line.startswith("codebook:") else line
             for line in yaml.read_text(encoding="utf-8").splitlines()]
    yaml.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return yaml


def data_time(work: Path) -> datetime:
    from respmine.report.outputs import data_time as store_data_time
    from respmine.store import Store

    return store_data_time(Store(f"sqlite:///{work / 'respmine.sqlite'}"))


def _stamps(when: datetime) -> list[str]:
    """The ways the reports write their "data as of" time."""
    return sorted({
        when.isoformat(), when.strftime("%Y-%m-%dT%H:%M:%SZ"), when.strftime("%Y-%m-%dT%H:%M:%S"),
        when.strftime("%d %B %Y, %H:%M UTC").lstrip("0"), when.strftime("%Y-%m-%d %H:%M"),
    }, key=len, reverse=True)


def _normalise(text: str, stamps: list[str]) -> str:
    for stamp in stamps:
        text = text.replace(stamp, "<DATA-TIME>")
    return text


def outputs(work: Path) -> dict[str, Any]:
    """Every output file below `work` (not the store, Prefect's home or caches), comparable across runs:
    text with the data time masked, ZIP-based files (XLSX, DOCX, QDPX) member by member."""
    stamps = _stamps(data_time(work))
    found: dict[str, Any] = {}
    for path in sorted(work.rglob("*")):
        rel = path.relative_to(work).as_posix()
        if not path.is_file() or rel.startswith(".") or "respmine.sqlite" in rel or rel in SKIP_FILES:
            continue
        if rel == "intake_summary.json":
            summary = json.loads(path.read_text(encoding="utf-8"))
            found[rel] = {
                k: {kk: vv for kk, vv in v.items() if kk not in STAGE_RUN_LEVEL[k]}
                if k in STAGE_RUN_LEVEL and isinstance(v, dict) else v
                for k, v in summary.items() if k not in RUN_LEVEL
            }
        elif zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                found[rel] = {name: _normalise(zf.read(name).decode("utf-8", "replace"), stamps)
                              for name in sorted(zf.namelist())}
        else:
            try:
                found[rel] = _normalise(path.read_text(encoding="utf-8"), stamps)
            except UnicodeDecodeError:
                found[rel] = path.read_bytes()
    return found


def store_tables(work: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every store table's rows (sorted), without wall-clock columns, autoincrement ids and the runs log."""
    from respmine.store.models import Base

    con = sqlite3.connect(f"file:{work / 'respmine.sqlite'}?mode=ro", uri=True)
    tables: dict[str, list[tuple[Any, ...]]] = {}
    try:
        for name, table in sorted(Base.metadata.tables.items()):
            if name == "runs":
                continue
            columns = [
                c.name for c in table.columns
                if not isinstance(c.type, DateTime)
                and not (c.primary_key and isinstance(c.type, Integer) and c.autoincrement is True)
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {quoted} FROM "{name}"').fetchall()
            tables[name] = sorted(rows, key=repr)
    finally:
        con.close()
    return tables


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Names (file or table) whose contents differ, with a first differing item for the message."""
    out = []
    for key in sorted(a.keys() | b.keys()):
        if a.get(key) != b.get(key):
            out.append(f"{key}: {_first_difference(a.get(key), b.get(key))}")
    return out


def _first_difference(x: Any, y: Any) -> str:
    if isinstance(x, dict) and isinstance(y, dict):
        for k in sorted(x.keys() | y.keys(), key=str):
            if x.get(k) != y.get(k):
                return f"[{k}] {_first_difference(x.get(k), y.get(k))}"
    if isinstance(x, str) and isinstance(y, str):
        x, y = x.splitlines(), y.splitlines()
    if isinstance(x, list) and isinstance(y, list):
        for i, (p, q) in enumerate(zip(x, y, strict=False)):
            if p != q:
                return f"at {i}: {str(p)[:200]!r} != {str(q)[:200]!r}"
        return f"lengths {len(x)} != {len(y)}"
    return f"{str(x)[:200]!r} != {str(y)[:200]!r}"
