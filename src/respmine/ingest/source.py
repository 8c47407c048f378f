"""An input handed to a reader: bytes plus where they came from, with a file path when a tool needs one."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from respmine.records import sha256_bytes


@dataclass(frozen=True)
class Limits:
    """Guards against oversized files and decompression bombs (values in bytes unless named otherwise)."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_unpacked_bytes: int = 500 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_pages: int = 3000
    max_image_pixels: int = 180_000_000
    max_form_rows: int = 200_000
    max_depth: int = 3


@dataclass(frozen=True)
class Source:
    """One input. `name` is what people see (path relative to the inbox, or `email.eml#attachment`)."""

    name: str
    data: bytes
    path: Path | None = None
    limits: Limits = field(default_factory=Limits)
    depth: int = 0
    ocr: bool = True
    # Form exports: column header -> question id of the free-text columns (else guessed from content).
    form_columns: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def sha256(self) -> str:
        return sha256_bytes(self.data)

    @property
    def suffix(self) -> str:
        return Path(self.name.split("#")[-1]).suffix.lower()

    @contextmanager
    def as_file(self) -> Iterator[Path]:
        """A real file holding the bytes, for external tools; a temp copy when the input is in memory."""
        if self.path is not None and self.path.exists():
            yield self.path
            return
        with tempfile.TemporaryDirectory(prefix="respmine-") as tmp:
            path = Path(tmp) / ("input" + (self.suffix or ".bin"))
            path.write_bytes(self.data)
            yield path
