"""Write the extra golden-extraction samples beside this file, for the readers the sample inbox does not
exercise (data/sample has no image, web page or Outlook message): a scanned letter as a PNG (read with
OCR), a web form's confirmation page saved as HTML, and an Outlook .msg (its Compound File written by
extract_msg's `OleWriter`, its properties as MS-OXMSG lays them out), and the response forms it has none
of: a fillable PDF form filled in (AcroForm fields) and a Word form (form fields, content controls). Run
once; the files are committed, so extraction is checked on the same bytes everywhere
(`tests/ingest/test_sample.py`). Fictitious content, as in data/sample.

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
    """A sent Outlook message as Outlook saves it (`ole_message`): subject, sender, recipient and a
    plain-text body; its submit time `date`."""
    strings = {0x001A: "IPM.Note", 0x0037: subject, 0x0E1D: subject, 0x1000: body, 0x0C1A: sender[0],
               0x5D01: sender[1], 0x0E04: to}
    return ole_message(strings, {}, date)


def ole_message(strings: dict[int, str], binaries: dict[int, bytes], submitted: datetime | None = None
                ) -> bytes:
    """An Outlook message (.msg) as Outlook saves it: Unicode string properties (__substg1.0_<id>001F) and
    binary ones (<id>0102: PR_HTML 0x1013, PR_RTF_COMPRESSED 0x1009) each in a stream of its own, listed in
    the property stream with the fixed ones (flags: read; the submit time if given), an empty
    named-property map, no recipients' or attachments' storages."""
    import io

    from extract_msg.ole_writer import OleWriter

    ole = OleWriter()
    props = struct.pack("<8xIIII8x", 0, 0, 0, 0)  # (next recipient and attachment ids, their counts)
    for prop, value in strings.items():
        data = value.encode("utf-16-le")
        ole.addEntry(f"__substg1.0_{prop:04X}001F", data)
        props += struct.pack("<IIII", prop << 16 | 0x001F, 6, len(data) + 2, 0)
    for prop, raw in binaries.items():
        ole.addEntry(f"__substg1.0_{prop:04X}0102", raw)
        props += struct.pack("<IIII", prop << 16 | 0x0102, 6, len(raw), 0)
    props += struct.pack("<IIQ", 0x0E07 << 16 | 0x0003, 6, 1)  # PR_MESSAGE_FLAGS: read (not unsent)
    if submitted is not None:
        filetime = int((submitted - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds()) * 10_000_000
        props += struct.pack("<IIQ", 0x0039 << 16 | 0x0040, 6, filetime)  # PR_CLIENT_SUBMIT_TIME
    ole.addEntry("__properties_version1.0", props)
    for stream in ("00020102", "00030102", "00040102"):
        ole.addEntry(f"__nameid_version1.0/__substg1.0_{stream}", b"")
    out = io.BytesIO()
    ole.write(out)
    return out.getvalue()


def fillable_form(path: Path) -> None:
    """The department's fillable PDF response form (AcroForm), filled in: the answers are in its fields,
    not in the page's text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    form = c.acroForm
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 790, "Working with the Third Sector - response form")
    c.setFont("Helvetica", 10)
    c.drawString(60, 760, "Name of organisation:")
    form.textfield(name="organisation", tooltip="Name of organisation", x=180, y=755, width=300, height=16,
                   value="Hollybank Resettlement Project", fontSize=9, borderWidth=0)
    c.drawString(60, 730, "Are you responding on behalf of an organisation?")
    for i, label in enumerate(["Yes", "No"]):
        form.checkbox(name=f"behalf_{label}", tooltip=label, x=70 + 80 * i, y=706, size=11,
                      checked=label == "Yes", buttonStyle="cross", borderWidth=1)
        c.drawString(86 + 80 * i, 708, label)
    c.drawString(60, 680, "1. How should voluntary and community sector organisations be involved in "
                          "delivering")
    c.drawString(60, 667, "offender services in prisons and in the community?")
    form.textfield(name="q1", tooltip="Question 1", x=60, y=580, width=470, height=78, fieldFlags="multiline",
                   value="As partners from the design of services, not as subcontractors paid late.\n"
                         "Our mentors meet people at the gate on the day they leave prison.",
                   fontSize=9, borderWidth=1)
    c.drawString(60, 550, "2. Should contracts run for at least three years?")
    for i, label in enumerate(["Agree", "Neither agree nor disagree", "Disagree"]):
        form.radio(name="q2", value=label.split()[0], tooltip=label, selected=label == "Agree",
                   x=70 + 150 * i, y=526, size=11, borderWidth=1)
        c.drawString(86 + 150 * i, 528, label)
    c.drawString(60, 500, "3. How should contracts be sized so that small and local charities can compete?")
    form.textfield(name="q3", tooltip="Question 3", x=60, y=430, width=470, height=60, fieldFlags="multiline",
                   value="", fontSize=9, borderWidth=1)
    c.save()


def word_form(path: Path) -> None:
    """A Word response form: legacy form fields (a text field, check boxes, a drop-down list) and content
    controls (check boxes, a drop-down list, a text box still showing its placeholder)."""
    import zipfile

    import docx

    def t(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'

    def field(kind: str, data: str, result: str = "") -> str:
        return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:enabled/>'
                f'{data}</w:ffData></w:fldChar></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> {kind} </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def legacy_box(checked: bool) -> str:
        return field("FORMCHECKBOX",
                     f'<w:checkBox><w:sizeAuto/><w:default w:val="{int(checked)}"/></w:checkBox>')

    def control_box(checked: bool) -> str:
        glyph = "\u2612" if checked else "\u2610"
        return (f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
                '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
                f"<w:sdtContent>{t(glyph)}</w:sdtContent></w:sdt>")

    def control(content: str, extra: str = "") -> str:
        return f"<w:sdt><w:sdtPr>{extra}</w:sdtPr><w:sdtContent>{t(content)}</w:sdtContent></w:sdt>"

    choices = ('<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>'
               '<w:listItem w:displayText="Charity" w:value="Charity"/>'
               '<w:listItem w:displayText="Social enterprise" w:value="Social enterprise"/></w:dropDownList>')
    paragraphs = [
        t("Working with the Third Sector - response form"),
        t("Name: ") + field("FORMTEXT", '<w:textInput/>', t("Gareth Lloyd, Brynmor Community Trust")),
        t("Type of organisation: ") + control("Charity", choices),
        t("Size of organisation: ") + field("FORMDROPDOWN", '<w:ddList><w:result w:val="1"/>'
                                           '<w:listEntry w:val="Under 10 staff"/>'
                                           '<w:listEntry w:val="10-49 staff"/>'
                                           '<w:listEntry w:val="50 or more staff"/></w:ddList>'),
        t("Q2. Should contracts run for at least three years?"),
        legacy_box(True) + t(" Yes ") + legacy_box(False) + t(" No ") + legacy_box(False) + t(" Not sure"),
        t("Q3. Should small charities be able to bid for parts of a contract?"),
        control_box(False) + t(" Yes ") + control_box(True) + t(" No"),
        t("Please explain your answer."),
        control("Lots that small charities could bid for would still be too large for us; "
                "we would rather be paid grants to work alongside the prime provider."),
        t("Q4. Any other comments?"),
        control("Click or tap here to enter text.", "<w:showingPlcHdr/><w:text/>"),
    ]
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')
    body = "".join(f"<w:p>{p}</w:p>" for p in paragraphs)
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    members["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                    f"<w:document {ns}><w:body>{body}</w:body></w:document>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            info = zipfile.ZipInfo(member, (2026, 4, 20, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)


def main() -> int:
    scanned_letter(HERE / "Northshire_Reoffending_Forum_scan.png")
    (HERE / "Citizen_Space_response_receipt.html").write_text(PAGE, encoding="utf-8")
    (HERE / "Eastmoor_Womens_Aid_response.msg").write_bytes(outlook_message(**MESSAGE))  # type: ignore[arg-type]
    fillable_form(HERE / "Hollybank_Resettlement_Project_form.pdf")
    word_form(HERE / "Brynmor_Community_Trust_form.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
