"""OCR behind one small interface; the default engine is the tesseract command-line program.

Tesseract runs as a subprocess, so OCR is safe to use from worker processes (neither PDFium nor OCR
engines are thread-safe).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Protocol

from respmine.ingest.errors import IngestError, MissingTool

OCR_METHOD = "ocr-tesseract"


class OcrEngine(Protocol):
    method: str

    def image_to_text(self, image_path: Path) -> str: ...


class Tesseract:
    """`tesseract IMAGE stdout` with page segmentation suited to letters (automatic layout)."""

    method = OCR_METHOD

    def __init__(self, lang: str | None = None, timeout_s: float = 120.0) -> None:
        self.lang = lang or os.environ.get("RESPMINE_OCR_LANG", "eng")
        self.timeout_s = timeout_s

    def image_to_text(self, image_path: Path) -> str:
        exe = shutil.which("tesseract")
        if exe is None:
            raise MissingTool("tesseract", "tesseract-ocr", "Reading scanned pages")
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per worker process; parallelism is ours
        try:
            done = subprocess.run(
                [exe, str(image_path), "stdout", "-l", self.lang, "--psm", "3"],
                capture_output=True, timeout=self.timeout_s, env=env, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise IngestError(
                "ocr_timeout",
                f"OCR of a scanned page took over {self.timeout_s:.0f} s; "
                "check the scan or record the response by hand.",
            ) from exc
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["unknown error"]
            raise IngestError("ocr_failed", f"OCR failed on a scanned page: {message[0]}")
        return done.stdout.decode("utf-8", "replace")


def default_engine() -> OcrEngine:
    return Tesseract()


def ocr_image_bytes(data: bytes, suffix: str, engine: OcrEngine | None = None) -> str:
    """OCR an in-memory image (PNG, JPEG, TIFF) through a temporary file."""
    engine = engine or default_engine()
    with tempfile.TemporaryDirectory(prefix="respmine-ocr-") as tmp:
        path = Path(tmp) / f"page{suffix or '.png'}"
        path.write_bytes(data)
        return engine.image_to_text(path)
