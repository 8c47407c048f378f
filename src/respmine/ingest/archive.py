"""Zip archives: each file inside is read as a submission of its own, as if unpacked into the inbox.

Responses arrive zipped when someone forwards a batch (a network's members, a portal's download) or when
a mail system zips attachments. Asking a person to unpack them loses nothing but time, and a forgotten
zip loses every response in it, so the archive is opened here: the members go through the same dispatch
(limits, format detection, quarantine) one level deeper, and the ingest stores each as its own file.
"""

from __future__ import annotations

import contextlib
import posixpath
import zipfile
import zlib

from respmine.ingest.errors import IngestError, protected
from respmine.ingest.source import Source
from respmine.ingest.zipguard import open_zip
from respmine.records import Document, Quarantined, sha256_text

# What archiving tools add beside the files a person zipped: never a response.
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", "ehthumbs.db"}
_UTF8_NAMES = 0x800  # zip flag: member names are UTF-8 (else the spec says CP437)
_ENCRYPTED = 0x1  # zip flag: the member is encrypted


def read_zip(src: Source) -> Document:
    """An archive as a container document (no text of its own) whose children are its files, read."""
    from respmine.ingest.dispatch import extract_child  # dispatch imports readers lazily

    with open_zip(src) as zf:
        members = [info for info in zf.infolist() if _is_document(info)]
        if any(info.flag_bits & _ENCRYPTED for info in members):
            raise protected("zip archive")
        if not members:
            raise IngestError(
                "empty", "The zip archive holds no files (only folders or system files). Ask the sender "
                "to resend it with the response inside.")
        children: list[Document | Quarantined] = []
        for info in members:
            name = member_name(info)
            try:
                data = zf.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:  # (a bad CRC, a truncated or
                # corrupt member)
                children.append(Quarantined(
                    f"{src.name}#{name}", sha256_text(src.sha256, name), "",
                    f"This file inside the zip archive is damaged ({exc}). Ask the sender to resend it.",
                    "corrupt"))
                continue
            children.append(extract_child(src, name, data))
    return Document(source=src.name, sha256=src.sha256, format="zip", method="zip", text="",
                    metadata={"files": str(len(children))}, children=tuple(children))


def _is_document(info: zipfile.ZipInfo) -> bool:
    """A file a person put in the archive: not a folder, a macOS resource fork or a hidden system file."""
    if info.is_dir():
        return False
    parts = member_name(info).split("/")
    base = parts[-1]
    return not (parts[0] == "__MACOSX" or base.startswith(".") or base.casefold() in _SYSTEM_FILES)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's path as its sender wrote it. Windows tools write names in the local code page without
    the UTF-8 flag, so zipfile reads "Réponse.docx" as CP437 mojibake; such names are UTF-8 more often
    than CP437 today, so they are decoded as UTF-8 where that works."""
    name = info.filename
    if not info.flag_bits & _UTF8_NAMES:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("utf-8")
    return posixpath.normpath(name.replace("\\", "/")).lstrip("/")
