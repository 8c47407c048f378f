"""Image files (PNG, JPEG, TIFF) are scanned or photographed pages: their text comes from OCR.

The pixel count is checked from the header before anything is decoded, because a small compressed
image can decode to gigabytes of pixels.
"""

from __future__ import annotations

import io
import tempfile
import warnings
from pathlib import Path
from typing import Any

from respmine.ingest import ocr
from respmine.ingest.assemble import assemble
from respmine.ingest.errors import IngestError
from respmine.ingest.source import Source
from respmine.records import Document

_EXIF_ORIENTATION = 0x0112


def _too_big(pixels: int, limit: int) -> IngestError:
    return IngestError(
        "bomb",
        f"The image has {pixels / 1e6:.0f} million pixels, over the {limit / 1e6:.0f} million limit "
        "(a genuine scan of a page has far fewer): possibly a decompression bomb. Check it by hand.",
    )


def _open(src: Source) -> Any:
    """Open lazily (header only) with the pixel limit enforced."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(src.data))
    except Image.DecompressionBombError as exc:
        raise IngestError(
            "bomb", f"The image is too large to decode safely ({exc}). Check it by hand."
        ) from exc
    pixels = image.width * image.height
    if pixels > src.limits.max_image_pixels:
        raise _too_big(pixels, src.limits.max_image_pixels)
    return image


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\f", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def read_image(src: Source) -> Document:
    """OCR every frame (a multi-page TIFF is one part per page); EXIF rotation is applied first."""
    if not src.ocr:
        raise IngestError(
            "ocr_disabled", "This is an image (a scan or photo): its text can only be read with OCR, "
            "which is turned off for this run. Rerun with OCR enabled, or record it by hand.",
        )
    from PIL import ImageOps

    image = _open(src)
    engine = ocr.default_engine()
    frames = getattr(image, "n_frames", 1)
    if frames > src.limits.max_pages:
        raise IngestError(
            "too_many_pages", f"The image has {frames} pages, over the {src.limits.max_pages} page "
            "limit. Split it, or record it by hand.",
        )
    rotated = image.getexif().get(_EXIF_ORIENTATION, 1) not in (1, None)
    parts: list[tuple[str, str]] = []
    if frames == 1 and not rotated:
        with src.as_file() as path:  # tesseract reads PNG/JPEG/TIFF directly
            parts.append((_clean(engine.image_to_text(path)), engine.method))
    else:
        with tempfile.TemporaryDirectory(prefix="respmine-img-") as tmp:
            for index in range(frames):
                image.seek(index)
                if image.width * image.height > src.limits.max_image_pixels:
                    raise _too_big(image.width * image.height, src.limits.max_image_pixels)
                frame = ImageOps.exif_transpose(image) if rotated else image
                if frame.mode not in ("1", "L", "RGB", "RGBA"):
                    frame = frame.convert("RGB")
                path = Path(tmp) / f"page-{index + 1}.png"
                frame.save(path)
                parts.append((_clean(engine.image_to_text(path)), engine.method))
                path.unlink()
    metadata = {"pages": str(frames), "size": f"{image.width}x{image.height}"}
    if image.format:
        metadata["image_format"] = image.format
    return assemble(src, "image", parts, metadata=metadata, flowing=True)
