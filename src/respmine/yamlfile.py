"""Reading the YAML files people edit by hand (consultation definitions, codebooks) with errors that name
the file and say what is wrong, never a parser traceback."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml


def read_mapping(path: Path, what: str, expected: str, error: type[Exception]) -> dict[str, Any]:
    """The file's top-level mapping; `error` (naming `what` file it is, and the `expected` content) when
    it is missing, not YAML or not a mapping."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise error(f"{path}: {what} file not found") from exc
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise error(f"{path}: expected a mapping with {expected}")
    return raw


def unknown_field(field: str, known: Sequence[str]) -> str:
    """The message for a misspelt field, with its likely fix ("respondent_type" -> "respondent_types")."""
    close = difflib.get_close_matches(field, list(known), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown field {field!r}: {hint}fields are {', '.join(known)}"
