"""Write the extra golden-extraction samples beside this file, for the readers the sample inbox does not
exercise (data/sample has no image, web page or Outlook message): a scanned letter as a PNG (read with
OCR), a web form's confirmation page saved as HTML, and an Outlook .msg (its Compound File written by
extract_msg's `OleWriter`, its properties as MS-OXMSG lays them out). Run once; the files are committed,
so extraction is checked on the same bytes everywhere (`tests/ingest/test_sample.py`). Fictitious
content, as in data/sample.

    python tests/golden/samples/make.py
"""

from __future__ import annotations

import struct
import sys
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

LETTER = [
    "Northshire Reoffending Forum",
    "14 April 2026",
    "",
    "Dear Consultation Team,",
    "",
    "We support a bigger role for local charities in",
    "resettlement, but small groups cannot bid for",
    "contracts of this size. Please fund them fully.",
    "",
    "Yours faithfully,",
    "Janet Orme, Chair",
]

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Your response has been submitted - Citizen Space</title>
<style>body { font-family: sans-serif; } .hidden { display: none; }</style>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({event: "submitted"});</script>
</head>
<body>
<nav><a href="/">Home</a> &gt; <a href="/noms">NOMS consultations</a></nav>
<h1>Response submitted</h1>
<p>Thank you. This is a copy of your response to <em>Involving the voluntary sector in probation</em>.</p>
<h2>1. How should charities be involved in resettlement?</h2>
<p>Charities should lead resettlement work in every prison, paid the full cost of the services
they deliver &ndash; not &pound;50 a case.</p>
<h2>2. What would help small organisations take part?</h2>
<ul>
<li>Smaller contracts, let by area</li>
<li>Grant funding alongside payment by results</li>
</ul>
<p>Submitted by: Westvale Mentoring Circle</p>
<footer><p>&copy; 2026 Citizen Space &middot; <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
"""

MESSAGE = {
    "subject": "Response to the NOMS consultation",
    "sender": ("Eastmoor Womens Aid", "info@eastmoor-womens-aid.example.org"),
    "to": "noms.consultation@justice.example.gov.uk",
    "date": datetime(2026, 4, 22, 14, 5, 0, tzinfo=UTC),
    "body": (
        "Dear team,\r\n\r\nEastmoor Womens Aid responds as follows.\r\n\r\n"
        "Q1. Specialist services for women leaving prison must be kept when contracts are let; "
        "generic providers do not replace them.\r\n\r\n"
        "Q2. Contracts should run for at least three years so that staff can be kept.\r\n\r\n"
        "Kind regards,\r\nPriya Shah\r\nService Manager\r\n"
    ),
}


def scanned_letter(path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=34)
    image = Image.new("L", (1100, 110 + 52 * len(LETTER)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LETTER):
        draw.text((80, 60 + 52 * i), line, fill=0, font=font)
    image.save(path, optimize=True)


def outlook_message(subject: str, sender: tuple[str, str], to: str, date: datetime, body: str) -> bytes:
    """A sent Outlook message as Outlook saves it: Unicode string properties each in a stream of its own
    (__substg1.0_<id>001F) and listed in the property stream with the fixed ones (flags: read, sent;
    submit time), an empty named-property map, no recipients' or attachments' storages."""
    import io

    from extract_msg.ole_writer import OleWriter

    strings = {0x001A: "IPM.Note", 0x0037: subject, 0x0E1D: subject, 0x1000: body, 0x0C1A: sender[0],
               0x5D01: sender[1], 0x0E04: to}
    ole = OleWriter()
    props = struct.pack("<8xIIII8x", 0, 0, 0, 0)  # (next recipient and attachment ids, their counts)
    for prop, value in strings.items():
        data = value.encode("utf-16-le")
        ole.addEntry(f"__substg1.0_{prop:04X}001F", data)
        props += struct.pack("<IIII", prop << 16 | 0x001F, 6, len(data) + 2, 0)
    filetime = int((date - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds()) * 10_000_000
    props += struct.pack("<IIQ", 0x0E07 << 16 | 0x0003, 6, 1)  # PR_MESSAGE_FLAGS: read (not unsent)
    props += struct.pack("<IIQ", 0x0039 << 16 | 0x0040, 6, filetime)  # PR_CLIENT_SUBMIT_TIME
    ole.addEntry("__properties_version1.0", props)
    for stream in ("00020102", "00030102", "00040102"):
        ole.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    out = io.BytesIO()
    ole.write(out)
    return out.getvalue()


def main() -> int:
    scanned_letter(HERE / "Northshire_Reoffending_Forum_scan.png")
    (HERE / "Citizen_Space_response_receipt.html").write_text(PAGE, encoding="utf-8")
    (HERE / "Eastmoor_Womens_Aid_response.msg").write_bytes(outlook_message(**MESSAGE))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
