"""Format detection from content (magic bytes and structure), never from the file name alone.

The extension is only a tie-break between text formats (CSV vs plain text) and a cross-check: a file
whose name promises one format but whose bytes are another is reported, because that is usually a
failed download or a mislabelled attachment a person should look at.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

# Formats respmine reads, and the human names used in messages.
FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word document (.docx)",
    "doc": "legacy Word document (.doc)",
    "odt": "OpenDocument text (.odt)",
    "rtf": "Rich Text Format (.rtf)",
    "txt": "plain text",
    "eml": "email (.eml)",
    "msg": "Outlook message (.msg)",
    "csv": "CSV form export",
    "xlsx": "Excel workbook (.xlsx)",
    "image": "image",
    "html": "HTML page",
    "zip": "zip archive",
}

# What an extension promises, to cross-check against the content.
EXTENSION_FORMAT = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".doc": "doc",
    ".odt": "odt",
    ".rtf": "rtf",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".eml": "eml",
    ".msg": "msg",
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".htm": "html",
    ".html": "html",
    ".zip": "zip",
}

_EMAIL_HEADER = re.compile(
    rb"^(Return-Path|Received|From|To|Subject|Date|Message-ID|MIME-Version|Delivered-To|X-[\w-]+):",
    re.IGNORECASE | re.MULTILINE,
)


class Unsupported(Exception):
    """Content of a kind respmine does not read: `what` names it, `advice` says what a person can do."""

    DEFAULT_ADVICE = "Convert it to PDF, Word or text, or record the response by hand."

    def __init__(self, what: str, advice: str = DEFAULT_ADVICE) -> None:
        super().__init__(what)
        self.what = what
        self.advice = advice


def detect(data: bytes, suffix: str = "") -> str:
    """Return the format key of `data` (a key of FORMAT_NAMES) or raise Unsupported / ValueError."""
    if not data.strip():
        raise ValueError("empty")
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_kind(data)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    for magic, name in _OTHER_BINARY:
        if head.startswith(magic):
            raise Unsupported(name)
    if _looks_binary(head):
        raise Unsupported("binary data of an unknown kind")
    return _text_kind(head, suffix)


_OTHER_BINARY = [
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an audio file (MP3)"),
    (b"OggS", "an audio file (Ogg)"),
    (b"RIFF", "an audio or video file (RIFF)"),
    (b"\x00\x00\x00\x18ftyp", "a video file (MP4)"),
    (b"\x00\x00\x00\x20ftyp", "a video file (MP4)"),
]


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text with a byte-order mark
        return False
    if b"\x00" in head:
        # UTF-16 without BOM has NULs in every other byte; treat it as text and let decoding decide.
        even_nuls = head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4
        return not even_nuls
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > max(4, len(head) // 50)


def _ole_kind(data: bytes) -> str:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises plain OSError/various on damage
        raise ValueError(f"damaged Office container: {exc}") from exc
    try:
        streams = {"/".join(entry) for entry in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()
    if "EncryptionInfo" in streams or "EncryptedPackage" in streams:
        return "encrypted-office"
    if "WordDocument" in streams:
        return "doc"
    if any(s.startswith("__substg1.0_") for s in streams):
        return "msg"
    if "Workbook" in streams or "Book" in streams:
        raise Unsupported("a legacy Excel workbook (.xls)", "Save it as .xlsx or CSV and put it back.")
    if "PowerPoint Document" in streams:
        raise Unsupported("a PowerPoint presentation (.ppt)")
    raise Unsupported("an Office container of an unknown kind")


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except zipfile.BadZipFile as exc:
        raise ValueError(f"damaged zip container: {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype == "application/vnd.oasis.opendocument.text":
        return "odt"
    if "ppt/presentation.xml" in names:
        raise Unsupported("a PowerPoint presentation (.pptx)")
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        raise Unsupported(f"an OpenDocument file of type {mimetype.rsplit('.', 1)[-1]}")
    if "[Content_Types].xml" in names or mimetype:  # an Office or OpenDocument package without its body
        raise ValueError("an Office document missing its main part")
    return "zip"  # an archive: its files are read one by one (`archive.read_zip`)


def _text_kind(head: bytes, suffix: str) -> str:
    sample = head.decode("utf-8", "replace").lstrip("\ufeff")
    lowered = sample.lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html")):
        return "html"
    if len(_EMAIL_HEADER.findall(head[:1500])) >= 2 and _EMAIL_HEADER.match(head.lstrip()):
        return "eml"
    if suffix in (".csv", ".tsv") or _looks_tabular(sample):
        return "csv"
    return "txt"


def _looks_tabular(sample: str) -> bool:
    """A header row and several rows with the same number (>=3) of delimited fields."""
    lines = [line for line in sample.splitlines()[:12] if line.strip()]
    if len(lines) < 3:
        return False
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t|")
    except csv.Error:
        return False
    rows = list(csv.reader(io.StringIO("\n".join(lines)), dialect))
    widths = {len(r) for r in rows[:-1]}  # the last line may be cut mid-record
    return len(widths) == 1 and widths.pop() >= 3


SMALLEST_PAGE_PX = 300  # an image no side of which reaches this cannot hold a page of text


def image_size(head: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG or GIF header (None for other images: read on, not guessed)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head.startswith(b"GIF8") and len(head) >= 10:
        return int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:10], "little")
    return None


def too_small(head: bytes) -> str:
    """Advice for an image too small to be a response (an e-mail signature, a logo), else ""."""
    size = image_size(head)
    if size is None or max(size) >= SMALLEST_PAGE_PX:
        return ""
    return (f"At {size[0]} x {size[1]} pixels it is too small to hold a page of text: probably an e-mail "
            "signature or a logo saved beside a response. Nothing to do unless a response is missing.")
