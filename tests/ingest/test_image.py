"""Images are scanned pages: pixel limits first, then OCR, one part per TIFF frame."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from respmine.ingest import Limits, extract, ocr
from respmine.ingest.image import read_image
from respmine.ingest.source import Source
from respmine.records import Document, Quarantined


def render_page(text: str, size: tuple[int, int] = (1400, 400)) -> Image.Image:
    """A white page with large black text, as a scanner would produce."""
    from PIL import ImageDraw, ImageFont

    image = Image.new("L", size, color=255)
    draw = ImageDraw.Draw(image)
    draw.text((40, 120), text, fill=0, font=ImageFont.load_default(size=72))
    return image


class _RecordingEngine:
    """Stands in for tesseract: reports each image's size, so frames can be told apart."""

    method = "ocr-fake"

    def __init__(self) -> None:
        self.calls: list[Path] = []

    def image_to_text(self, image_path: Path) -> str:
        self.calls.append(image_path)
        with Image.open(image_path) as im:
            return f"Page {im.width}x{im.height}.\n\f"


@pytest.mark.ocr
def test_image_png_is_read_with_tesseract(tmp_path: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr)")
    path = tmp_path / "scan.png"
    render_page("Stop the bypass now").save(path)
    doc = extract(path)
    assert isinstance(doc, Document), doc
    assert doc.format == "image"
    assert doc.method == ocr.OCR_METHOD
    assert "Stop the bypass now" in doc.text
    assert doc.metadata["image_format"] == "PNG"


def test_image_multipage_tiff_one_part_per_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = _RecordingEngine()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    first = render_page("one", (600, 200))
    second = render_page("two", (700, 300))
    path = tmp_path / "letter.tif"
    first.save(path, save_all=True, append_images=[second])
    doc = read_image(Source(name="letter.tif", data=path.read_bytes()))
    assert doc.text == "Page 600x200.\n\nPage 700x300."
    assert [doc.text[p.start:p.end] for p in doc.pages] == ["Page 600x200.", "Page 700x300."]
    assert [p.method for p in doc.pages] == ["ocr-fake", "ocr-fake"]
    assert doc.metadata["pages"] == "2"
    assert len(engine.calls) == 2


def test_image_multipage_scan_sentence_across_frames_is_joined(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A scanned letter's sentence running on to the next frame stays one sentence."""
    pages = iter(["We are concerned that decisions on the new contracts will be taken before small\n",
                  "charities have been heard.\n"])

    class _Letter(_RecordingEngine):
        def image_to_text(self, image_path: Path) -> str:
            return next(pages)

    monkeypatch.setattr(ocr, "default_engine", _Letter)
    path = tmp_path / "letter.tif"
    render_page("one", (600, 200)).save(path, save_all=True, append_images=[render_page("two", (600, 200))])
    doc = read_image(Source(name="letter.tif", data=path.read_bytes()))
    assert "taken before small charities have been heard." in doc.text
    assert [doc.text[p.start:p.end].split()[0] for p in doc.pages] == ["We", "charities"]


def test_image_exif_rotation_applied_before_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = _RecordingEngine()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    photo = Image.new("RGB", (800, 300), "white")
    exif = photo.getexif()
    exif[0x0112] = 6  # "rotate 90 CW to view": a phone photo taken in portrait
    path = tmp_path / "photo.jpg"
    photo.save(path, exif=exif)
    doc = read_image(Source(name="photo.jpg", data=path.read_bytes()))
    assert doc.text == "Page 300x800."


def test_image_over_pixel_limit_is_bomb(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    render_page("x", (400, 300)).save(path)
    result = extract(path, limits=Limits(max_image_pixels=100_000))
    assert isinstance(result, Quarantined)
    assert result.code == "bomb"
    assert "million pixels" in result.reason


def test_image_header_claiming_huge_size_is_bomb(tmp_path: Path) -> None:
    """A PNG whose header claims 100000 x 100000 pixels: refused without decoding anything."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
    path = tmp_path / "claims-huge.png"
    path.write_bytes(png + chunk(b"IEND", b""))
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code == "bomb"


def test_image_ocr_disabled_is_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    render_page("hello", (300, 100)).save(path)
    result = extract(path, ocr=False)
    assert isinstance(result, Quarantined)
    assert result.code == "ocr_disabled"
    assert "OCR" in result.reason


def test_image_missing_tesseract_is_quarantined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "scan.png"
    render_page("hello", (300, 100)).save(path)
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code == "missing_tool"
    assert "tesseract-ocr" in result.reason


def test_image_blank_scan_is_quarantined_no_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Blank:
        method = ocr.OCR_METHOD

        def image_to_text(self, image_path: Path) -> str:
            return " \n\f"

    monkeypatch.setattr(ocr, "default_engine", Blank)
    path = tmp_path / "blank.png"
    render_page("", (300, 100)).save(path)
    result = extract(path)
    assert isinstance(result, Quarantined)
    assert result.code == "no_text"
