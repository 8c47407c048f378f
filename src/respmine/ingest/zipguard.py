"""Safe opening of zip-based formats (DOCX, ODT, XLSX) and of the XML inside them.

A zip member can claim a tiny compressed size and unpack to gigabytes (a "zip bomb"), and XML can
expand entities without bound. Every zip-based reader goes through here so the limits are checked
once, the same way, before any member is decompressed.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from respmine.ingest.errors import IngestError
from respmine.ingest.source import Source

# Below this unpacked size a high compression ratio is harmless (and normal for tiny XML parts).
RATIO_FLOOR_BYTES = 1024 * 1024


def open_zip(src: Source) -> zipfile.ZipFile:
    """Open `src` as a zip after checking every member against the unpack limits.

    zipfile never returns more than a member's declared size (a lie fails the CRC check), so checking
    the declared sizes bounds what reading can unpack.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(src.data))
    except zipfile.BadZipFile as exc:
        raise IngestError(
            "corrupt", f"The file is damaged (not a readable zip container: {exc}). "
            "Ask the sender to resend it."
        ) from exc
    limits = src.limits
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > limits.max_unpacked_bytes or total > limits.max_unpacked_bytes:
            zf.close()
            raise IngestError(
                "bomb",
                f"The file unpacks to over {limits.max_unpacked_bytes / 1e6:.0f} MB (part "
                f"'{info.filename}'), more than any genuine document: possibly a zip bomb. "
                "Open it by hand with care, or ask the sender to resend it.",
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_compression_ratio:
            zf.close()
            raise IngestError(
                "bomb",
                f"Part '{info.filename}' is compressed {ratio:.0f}:1 (limit "
                f"{limits.max_compression_ratio:.0f}:1), typical of a zip bomb. "
                "Open it by hand with care, or ask the sender to resend it.",
            )
    return zf


def read_member(zf: zipfile.ZipFile, name: str) -> bytes | None:
    """Bytes of member `name`, or None when the archive has no such member."""
    try:
        return zf.read(name)
    except KeyError:
        return None


def parse_xml(data: bytes) -> Any:
    """Parse XML without entity expansion, DTD loading or network access (lxml element)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    return etree.fromstring(data, parser=parser)
