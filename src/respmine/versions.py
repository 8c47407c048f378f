"""Versions derived from source code: stored results made by rules (segments, stamps, features, stances)
carry a hash of the modules that made them, so an edit to those rules invalidates them without anyone
remembering to bump a version number."""

from __future__ import annotations

import hashlib
from pathlib import Path


def source_digest(*files: str | None, extra: bytes = b"") -> str:
    """sha256 (hex) of source files (modules' `__file__`), in order, then `extra`."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file or "").read_bytes())
    digest.update(extra)
    return digest.hexdigest()
