"""One dispatch table from detected format to reader, and the quarantine rules around it.

Readers are named as 'module:function' and imported on first use, so reading a PDF never imports the
libraries for e-mail, spreadsheets or OCR.
"""

from __future__ import annotations

import importlib
import math
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from respmine.ingest.detect import EXTENSION_FORMAT, FORMAT_NAMES, Unsupported, detect, too_small
from respmine.ingest.errors import IngestError, protected
from respmine.ingest.source import Limits, Source
from respmine.records import Document, ExtractResult, Quarantined, sha256_bytes

Reader = Callable[[Source], Document]

READERS: dict[str, str] = {
    "pdf": "respmine.ingest.pdf:read_pdf",
    "image": "respmine.ingest.image:read_image",
    "docx": "respmine.ingest.docx:read_docx",
    "doc": "respmine.ingest.legacy:read_doc",
    "odt": "respmine.ingest.legacy:read_odt",
    "rtf": "respmine.ingest.legacy:read_rtf",
    "txt": "respmine.ingest.text:read_text",
    "html": "respmine.ingest.text:read_html",
    "eml": "respmine.ingest.email:read_eml",
    "msg": "respmine.ingest.email:read_msg",
    "csv": "respmine.ingest.forms:read_csv",
    "xlsx": "respmine.ingest.forms:read_xlsx",
    "zip": "respmine.ingest.archive:read_zip",
}

# Each reader's version, stamped on what it read. Bump a format's number whenever its reader's output
# changes (tests/golden/extract/versions.yaml fails until you do): files stored by an older version are
# read again on the next run, so a fix reaches consultations already processed (their respondents,
# segments and analysts' decisions follow the new text), and only that format's files are re-read (a
# Word fix does not re-OCR every scan). Version 2: every reader changed after 1 was first stamped
# (PDF and Word paragraphs, zip archives, ...), so stores from before re-read everything once.
BASE_READER_VERSION = 2
READER_VERSIONS: dict[str, int] = {
    "pdf": 6,  # 3: a header running only from page 2, its line over one holding "Page N", is dropped; 4: the
    # first page's running lines are kept aside (metadata "running_head": a letterhead naming the body); 5: a
    # footer and footnotes drawn before the body, beneath it, are read last; a last line "... Page N" goes;
    # 6: a fillable form's field values are read (`pdf_form`)
    "docx": 3,  # 3: legacy form fields and content-control check boxes read as chosen, placeholders dropped
    "msg": 3,  # 3: a message with only an RTF body is read (was quarantined as having no text)
}


def reader_version(fmt: str | None) -> str:
    """The version stamped on a submission of this format (a form's rows and quarantined files too)."""
    return str(READER_VERSIONS.get(fmt or "", BASE_READER_VERSION))


def readers_label() -> str:
    """The reader versions in a run's provenance line: "2", or "2 (docx 3)" once a format moved on."""
    own = ", ".join(f"{fmt} {n}" for fmt, n in sorted(READER_VERSIONS.items()) if n != BASE_READER_VERSION)
    return f"{BASE_READER_VERSION} ({own})" if own else str(BASE_READER_VERSION)


# The programs a format's reader needs one of (`errors.MissingTool`): its quarantine is lifted once found.
TOOLS: dict[str, tuple[str, ...]] = {
    "pdf": ("tesseract",), "image": ("tesseract",), "doc": ("antiword", "soffice", "libreoffice"),
}


def tools_found() -> dict[str, bool]:
    """Which of the programs readers need (`TOOLS`) this process finds: where files are read (a Dask
    worker's answer, not the flow's, decides whether its quarantine is lifted: `lifted`'s `found`)."""
    return {tool: shutil.which(tool) is not None for tools in TOOLS.values() for tool in tools}


def lifted(
    code: str, fmt: str, size: int | None, limits: Limits, ocr: bool, reason: str = "",
    found: Mapping[str, bool] | None = None,
) -> bool:
    """Whether a stored quarantine's cause is gone in this run, so its file is to be read again: a file
    over the size limit the run's limit now allows (`size`: the inbox file's, None for an attachment or an
    archive's file, whose size is not known before reading: the --max-file-mb value its `reason` names,
    at least its size, stands for it: a zip's 300 MB file was never read again), a scan quarantined while
    OCR was off in a run with OCR on, a file whose missing program is now installed. The advice these
    quarantines give ("raise the limit", "rerun with OCR", "install it and rerun") works only so; any
    other quarantine is the file's own and stays (idempotent: the same settings keep it). `found`: which
    programs the processes that read files have (`tools_found` there), when that is not this process (a Dask
    cluster's workers): a program this process has but the workers lack read nothing, every run."""
    if code == "too_large":
        if size is None and (named := _NEEDED_MB.search(reason)):
            size = int(float(named.group(1)) * 1024 * 1024)  # (as `config.Settings` turns it into bytes)
        return size is not None and size <= limits.max_file_bytes
    if code == "ocr_disabled":
        return ocr
    if code == "missing_tool":
        if found is not None:
            return any(found.get(tool, False) for tool in TOOLS.get(fmt, ()))
        return any(shutil.which(tool) for tool in TOOLS.get(fmt, ()))
    return False


# Formats whose name promises a binary container: text content under such a name is a mislabel.
_BINARY_FORMATS = {"pdf", "docx", "doc", "odt", "xlsx", "msg", "image", "zip"}


def reader_for(fmt: str) -> Reader:
    module_name, func_name = READERS[fmt].split(":")
    reader: Reader = getattr(importlib.import_module(module_name), func_name)
    return reader


def extract(
    path: Path, *, name: str | None = None, limits: Limits | None = None, ocr: bool = True,
    form_columns: Mapping[str, str] | None = None,
) -> ExtractResult:
    """Extract one file. Never raises for bad input: returns `Quarantined` with an actionable reason."""
    limits = limits or Limits()
    shown = name or str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            return Quarantined(
                shown, "", path.suffix.lower().lstrip("."), _too_large(size, limits), "too_large"
            )
        data = path.read_bytes()
    except OSError as exc:
        reason = f"The file could not be opened: {exc.strerror or exc}."
        return Quarantined(shown, "", "", reason, "unreadable")
    return extract_source(
        Source(
            name=shown, data=data, path=path, limits=limits, ocr=ocr,
            form_columns=dict(form_columns or {}),
        )
    )


def extract_source(src: Source) -> ExtractResult:
    """Detect the format of `src` and run its reader, turning every failure into `Quarantined`."""
    if len(src.data) > src.limits.max_file_bytes:
        return _quarantine(src, "", "too_large", _too_large(len(src.data), src.limits))
    if small := too_small(src.data[:64]):  # (before OCR, or the advice for a format we do not read)
        return _quarantine(src, "image", "not_a_response", f"The file is an image. {small}")
    try:
        fmt = detect(src.data, src.suffix)
    except ValueError as exc:
        if str(exc) == "empty":
            reason = "The file is empty (no content). Ask the sender to resend it."
            return _quarantine(src, "", "empty", reason)
        return _quarantine(src, "", "corrupt", f"The file is damaged ({exc}). Ask the sender to resend it.")
    except Unsupported as exc:
        return _quarantine(
            src, "", "unsupported", f"Unsupported file type: the content is {exc.what}. {exc.advice}"
        )
    if fmt == "encrypted-office":
        return _quarantine(src, "office", "encrypted", protected("Office document").reason)
    promised = EXTENSION_FORMAT.get(src.suffix)
    warnings: list[str] = []
    if promised and promised != fmt:
        if promised in _BINARY_FORMATS and fmt in ("txt", "html", "csv"):
            return _quarantine(src, fmt, "wrong_extension", _wrong_content(src.suffix, fmt, promised))
        warnings.append(
            f"named {src.suffix} but the content is {FORMAT_NAMES[fmt]}; read as {FORMAT_NAMES[fmt]}"
        )
    try:
        doc = reader_for(fmt)(src)
    except IngestError as exc:
        return _quarantine(src, fmt, exc.code, exc.reason)
    except MemoryError:  # (not "too_large": no setting lifts it)
        return _quarantine(src, fmt, "out_of_memory", "The file needs more memory to read than is available: "
                           "read it on a machine with more memory, or split it.")
    except Exception as exc:  # a damaged file can make any parser fail in its own way
        return _quarantine(
            src, fmt, "corrupt",
            f"The file could not be read as {FORMAT_NAMES[fmt]} ({type(exc).__name__}: {exc}). It may "
            "be damaged or truncated: open and re-save it, or ask the sender to resend it.",
        )
    if not doc.text.strip() and not doc.children:
        if any(page.method == "image-no-ocr" for page in doc.pages):  # (not "check it is legible")
            return _quarantine(
                src, fmt, "ocr_disabled",
                f"This {FORMAT_NAMES[fmt]} is a scan: its text can only be read with OCR, which is turned "
                "off for this run. Rerun with OCR enabled (without --no-ocr), or record it by hand.",
            )
        return _quarantine(
            src, fmt, "no_text",
            f"No text could be found in this {FORMAT_NAMES[fmt]}. If it is a scan, check it is legible; "
            "otherwise record the response by hand.",
        )
    if warnings:
        doc = replace(doc, warnings=(*warnings, *doc.warnings))
    return doc


def extract_child(parent: Source, name: str, data: bytes) -> ExtractResult:
    """Extract an embedded file (an e-mail attachment) with the parent's limits, one level deeper."""
    shown = f"{parent.name}#{name}"
    if parent.depth + 1 > parent.limits.max_depth:
        return Quarantined(
            shown, sha256_bytes(data), "", "Attachments nested too deeply to follow; open it by hand.",
            "too_deep",
        )
    return extract_source(
        Source(
            name=shown, data=data, limits=parent.limits, depth=parent.depth + 1, ocr=parent.ocr,
            form_columns=parent.form_columns,
        )
    )


def _quarantine(src: Source, fmt: str, code: str, reason: str) -> Quarantined:
    return Quarantined(source=src.name, sha256=src.sha256, format=fmt, reason=reason, code=code)


_NEEDED_MB = re.compile(r"\(--max-file-mb ([0-9]+(?:\.[0-9]+)?)\)")  # in `_too_large`'s advice


def _too_large(size: int, limits: Limits) -> str:
    """In the megabytes --max-file-mb takes (MiB), with the value that reads it (a 1.1 MB file over a
    1 MB limit was "1 MB, over the 1 MB limit")."""
    mb = 1024 * 1024
    need = math.ceil(size / mb) if size >= 10 * mb else math.ceil(size / mb * 10) / 10
    return (
        f"The file is {_mb(size / mb)} MB, over the {_mb(limits.max_file_bytes / mb)} MB limit. Split it, "
        f"or if it is genuine raise the limit and run again (--max-file-mb {_mb(need)}): it is read then."
    )


def _mb(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _wrong_content(suffix: str, found: str, promised: str) -> str:
    """Why a document holds text or a web page instead, and the way to the real one."""
    if found == "html":
        return (f"The file is named {suffix} but is a web page (HTML), not {FORMAT_NAMES[promised]}: "
                "probably an error or \"sign in again\" page saved in place of a download. Download it "
                "again from where it came, or ask the sender for the original document.")
    return (f"The file is named {suffix} but holds {FORMAT_NAMES[found]}, not {FORMAT_NAMES[promised]}: "
            "probably a failed download or conversion. Ask the sender for the original document.")
