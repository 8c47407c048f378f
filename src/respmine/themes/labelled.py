"""Labelled-text files (CSV: `id`, `text`, `themes` or `stance`, optional `question`).

The format used by the shared datasets and by coded exports: `themes` holds codes separated by `;`,
hierarchical codes are written `parent->child`. A row with an empty `themes` was not coded by that
coder: it is kept (so two codings can be aligned) but marked `coded=False` and skipped when scoring.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class LabelledFileError(ValueError):
    """The labelled file is missing, unreadable or lacks a required column."""


@dataclass(frozen=True)
class LabelledRow:
    id: str
    text: str
    themes: tuple[str, ...] = ()
    stance: str | None = None
    question: str | None = None

    @property
    def coded(self) -> bool:
        return bool(self.themes)


def split_codes(value: str) -> tuple[str, ...]:
    """`a; b;a` -> ('a', 'b'): stripped, de-duplicated, order kept."""
    return tuple(dict.fromkeys(code.strip() for code in value.split(";") if code.strip()))


def read_labelled(path: Path | str) -> list[LabelledRow]:
    path = Path(path)
    if not path.is_file():
        raise LabelledFileError(f"{path}: no such file")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            columns = set(reader.fieldnames or ())
            missing = {"id", "text"} - columns
            if missing or not columns & {"themes", "stance"}:
                need = sorted(missing) or ["themes or stance"]
                raise LabelledFileError(
                    f"{path}: missing column(s) {', '.join(need)}; a labelled file needs id, text and "
                    f"themes (codes separated by ';') or stance"
                )
            rows = [
                LabelledRow(
                    id=(r.get("id") or "").strip(),
                    text=r.get("text") or "",
                    themes=split_codes(r.get("themes") or ""),
                    stance=(r.get("stance") or "").strip() or None,
                    question=(r.get("question") or "").strip() or None,
                )
                for r in reader
            ]
    except UnicodeDecodeError as exc:
        raise LabelledFileError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except csv.Error as exc:
        raise LabelledFileError(f"{path}: not a readable CSV ({exc})") from exc
    return rows


def write_labelled(path: Path | str, rows: Sequence[LabelledRow]) -> None:
    """Write rows in the same format; `question` and `stance` columns only when some row has them."""
    has_question = any(r.question for r in rows)
    has_stance = any(r.stance for r in rows)
    header = ["id", *(["question"] if has_question else []), "text", "themes"]
    header += ["stance"] if has_stance else []
    with Path(path).open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for r in rows:
            writer.writerow([
                r.id, *([r.question or ""] if has_question else []), r.text, ";".join(r.themes),
                *([r.stance or ""] if has_stance else []),
            ])
