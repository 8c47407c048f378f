"""File-format writers for the sample generator: each turns a list of blocks (kind, text, question
ids) into the bytes of one file, with fixed metadata so that output is reproducible."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

NOMS_ADDR = "NOMS Third Sector Consultation <vcs.consultation@noms.example.gov.uk>"

def to_text(blocks, wrap: int | None = None) -> str:
    """Plain text, one line per paragraph or hard-wrapped (never inside a phone number)."""
    out: list[str] = []
    for kind, text, _ in blocks:
        if kind in ("heading", "title") and out and out[-1]:
            out.append("")
        if kind == "para" and wrap:
            glued = re.sub(r"\d[\d ]*\d", lambda m: m.group().replace(" ", "\xa0"), text)
            out += [line.replace("\xa0", " ") for line in textwrap.wrap(glued, wrap)] + [""]
        elif kind == "para":
            out += [text, ""]
        else:
            out.append(text)
    return "\n".join(out).rstrip() + "\n"


def fixed_zip(data: bytes, stamp: str) -> bytes:
    """Rewrite a zip with fixed member dates and fixed document dates in docProps/core.xml."""
    when = dt.datetime.fromisoformat(stamp[:19]).timetuple()[:6]
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                pattern = rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*"
                blob = re.sub(pattern, rb"\g<1>" + stamp.encode(), blob)
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type, zi.external_attr = info.compress_type, 0o644 << 16
            dst.writestr(zi, blob)
    return out.getvalue()


VOWELS = "aeiouy"
ONSETS = ("bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "ch", "sh", "th", "ph",
          "st")
SUFFIXES = ("ment", "ments", "tion", "tions", "sion", "sions", "ness", "ship", "ance", "ence", "ities",
            "ably")


def breaks(word: str) -> list[int]:
    """Plausible hyphenation points in a lower-case word, longest head first (a rough English rule)."""
    out = []
    for k in range(len(word) - 4, 3, -1):
        a, b, c = word[k - 1], word[k], word[k + 1]
        vc_cv = a not in VOWELS and b not in VOWELS and c in VOWELS and word[k - 2] in VOWELS and a != b
        vc_ccv = a not in VOWELS and word[k:k + 2] in ONSETS and word[k - 2] in VOWELS
        v_cv = a in VOWELS and b not in VOWELS + "x" and c in VOWELS and word[k - 2] not in VOWELS
        if (vc_cv and word[k - 1:k + 1] not in ONSETS[-5:]) or vc_ccv or v_cv or word[k:] in SUFFIXES:
            out.append(k)
    return out


def wrap_pdf(text: str, font: str, size: float, width: float, hyphenate: bool) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fits(s: str) -> bool:
        return stringWidth(s, font, size) <= width

    lines, cur = [], ""
    for w in text.split():
        if fits(f"{cur} {w}".strip()):
            cur = f"{cur} {w}".strip()
            continue
        core = w.rstrip(".,;:")
        points = breaks(core) if hyphenate and cur and core.isalpha() and core.islower() else []
        k = next((k for k in points if fits(f"{cur} {w[:k]}-")), 0)
        if k:
            lines.append(f"{cur} {w[:k]}-")
            cur = w[k:]
        else:
            if cur:
                lines.append(cur)
            cur = w
    return lines + ([cur] if cur else [])


def pdf_bytes(blocks, p: dict, running: bool = True) -> bytes:
    """Lay out blocks on A4 with reportlab; running header and 'Page n of N' footer if `running`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = p.get("font", "Helvetica")
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[font]
    width, height = A4
    styles = {"title": (bold, 14, 20, 6), "heading": (bold, 11, 15, 10), "line": (font, 10.5, 14, 0),
              "para": (font, 10.5, 14, 8), "blank": (font, 10.5, 8, 0)}
    items = []  # (font, size, leading, space_before, text)
    for kind, text, _ in blocks:
        f, size, lead, before = styles[kind]
        wrapped = wrap_pdf(text, f, size, width - 144, p.get("hyphenate", False)) if text else [""]
        for i, line in enumerate(wrapped):
            items.append((f, size, lead, before if i == 0 else 0, line))
    pages: list[list] = [[]]
    y = height - 90
    for f, size, lead, before, line in items:
        if y - before - lead < 80:
            pages.append([])
            y, before = height - 90, 0
        y -= before + lead
        pages[-1].append((f, size, y, line))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(f"{p['org']} response")
    c.setAuthor(p["name"])
    c.setCreator("Microsoft Word")
    for n, page in enumerate(pages, 1):
        if running:
            c.setFont(font, 8.5)
            c.drawString(72, height - 50, f"{p['org']} \u2014 Response to NOMS consultation")
            c.drawCentredString(width / 2, 45, f"Page {n} of {len(pages)}")
        for f, size, y, line in page:
            c.setFont(f, size)
            c.drawString(72, y, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def scan_bytes(blocks, p: dict, rng) -> bytes:
    """Render a letter as a slightly skewed, speckled 200 dpi greyscale scan in an image-only PDF."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    font = ImageFont.truetype(str(path), 31) if path.exists() else ImageFont.load_default(31)
    width, height, margin, lead = 1654, 2339, 190, 46
    lines: list[str] = []
    for kind, text, _ in blocks:
        if kind == "para":
            words, cur = text.split(), ""
            for w in words:
                if font.getlength(f"{cur} {w}".strip()) > width - 2 * margin:
                    lines.append(cur)
                    cur = w
                else:
                    cur = f"{cur} {w}".strip()
            lines += [cur, ""]
        else:
            lines.append(text)
    per_page = (height - 2 * margin) // lead
    pages = []
    for start in range(0, len(lines), per_page):
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(lines[start:start + per_page]):
            draw.text((margin, margin + i * lead), line, font=font, fill=30)
        img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255)
        for _ in range(2500):
            img.putpixel((rng.randrange(width), rng.randrange(height)), rng.randrange(90, 200))
        pages.append(img.filter(ImageFilter.GaussianBlur(0.6)))
    buf = io.BytesIO()
    fixed = dt.datetime(2026, 4, 14, 10, 15, 22).timetuple()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=200, quality=70,
                  creationDate=fixed, modDate=fixed, producer="Canon iR-ADV C5535 PDF", creator="Scan")
    return buf.getvalue()


def docx_document(blocks, p: dict):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Calibri"
    d.styles["Normal"].font.size = Pt(11)
    for kind, text, _ in blocks:
        if kind == "title":
            d.add_heading(text, level=1)
        elif kind == "heading":
            d.add_heading(text, level=2)
        else:
            para = d.add_paragraph(text)
            if kind == "line":
                para.paragraph_format.space_after = Pt(0)
    if p.get("header"):
        sec = d.sections[0]
        sec.header.paragraphs[0].text = f"{p['org']} \u2014 Response to NOMS consultation"
        foot = sec.footer.paragraphs[0]
        foot.text = f"{p['org']} | Registered charity no. 1000000 | Page "
        field = docx.oxml.OxmlElement("w:fldSimple")
        field.set(docx.oxml.ns.qn("w:instr"), "PAGE")
        foot._p.append(field)
    return d


def docx_bytes(d, p: dict) -> bytes:
    when = dt.datetime.fromisoformat(p.get("received") or p["sent"]).replace(tzinfo=None)
    cp = d.core_properties
    cp.author = cp.last_modified_by = p["name"]
    cp.title, cp.revision = f"Response to NOMS consultation - {p.get('org') or p['name']}", 3
    cp.created = cp.modified = cp.last_printed = when
    buf = io.BytesIO()
    d.save(buf)
    return fixed_zip(buf.getvalue(), when.strftime("%Y-%m-%dT%H:%M:%SZ"))


def docx_form(answers: list, p: dict, title: str, questions: list[dict]):
    import docx

    d = docx.Document()
    d.add_heading("Consultation response form", level=1)
    d.add_paragraph(" ".join(title.split()))
    c = p["contact"]
    details = [("Name", p["name"]), ("Organisation", p["org"]), ("Position", p["role"]),
               ("E-mail", c["email"]), ("Telephone", c["phone"]), ("Address", c["address"]),
               ("Are you responding as an individual or on behalf of an organisation?",
                "On behalf of an organisation (registered charity)")]
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in details:
        row = t.add_row().cells
        row[0].text, row[1].text = k, v
    d.add_paragraph("Please answer as many of the questions as you wish. The boxes will expand as you type.")
    answered = {qids[0]: text for qids, text, _ in answers}
    t = d.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Question", "Your response"
    for q in questions:
        row = t.add_row().cells
        row[0].text, row[1].text = f"{q['number']}. {' '.join(q['text'].split())}", answered.get(q["id"], "")
    return d


def add_tracked_changes(d, answers: list) -> dict:
    """A tracked insertion, a tracked deletion and a comment, written as raw WordprocessingML."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run(text: str, tag: str = "w:t"):
        r, t = OxmlElement("w:r"), OxmlElement(tag)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        return r

    def change(tag: str, cid: str, text: str, ttag: str = "w:t"):
        el = OxmlElement(tag)
        for k, v in (("w:id", cid), ("w:author", "Tom Bennion"), ("w:date", "2026-04-22T15:10:00Z")):
            el.set(qn(k), v)
        el.append(run(text, ttag))
        return el

    by_q = {qids[0]: text for qids, text, _ in answers}
    paras = {para.text: para for para in d.paragraphs}
    inserted = " We would add that any performance element should be measured over at least two years."
    deleted = "After much discussion, "
    paras[by_q["Q2"]]._p.append(change("w:ins", "901", inserted))
    q3 = paras[by_q["Q3"]]._p
    q3.insert(1 if q3.pPr is not None else 0, change("w:del", "902", deleted, "w:delText"))
    note = "Check with the board chair before we send this \u2013 is this too strong?"
    comment = d.add_comment(paras[by_q["Q9"]].runs, text=note, author="Tom Bennion", initials="TB")
    comment._comment_elm.date = dt.datetime(2026, 4, 22, 15, 12)
    return {"inserted": inserted.strip(), "deleted": deleted.strip(), "comment": note,
            "comment_author": "Tom Bennion"}


def doc_bytes(docx_data: bytes) -> bytes | None:
    if not shutil.which("soffice"):
        print("soffice not found: keeping the committed legacy .doc", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.docx")
        src.write_bytes(docx_data)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "doc", "--outdir", tmp, str(src)], check=True, capture_output=True)
        return Path(tmp, "in.doc").read_bytes()


def odt_bytes(blocks, p: dict) -> bytes:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P

    d = OpenDocumentText()
    hstyle = Style(name="Heading", family="paragraph")
    hstyle.addElement(TextProperties(fontweight="bold", fontsize="13pt"))
    d.styles.addElement(hstyle)
    d.meta.addElement(dc.Title(text=f"{p['org']} response"))
    d.meta.addElement(meta.CreationDate(text=p["received"][:19]))
    for kind, text, _ in blocks:
        if kind in ("title", "heading"):
            d.text.addElement(H(outlinelevel=1 if kind == "title" else 2, stylename=hstyle, text=text))
        else:
            d.text.addElement(P(text=text))
    buf = io.BytesIO()
    d.write(buf)
    return fixed_zip(buf.getvalue(), p["received"][:19])


def rtf_bytes(blocks, p: dict) -> bytes:
    def esc(s: str) -> str:
        s = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in s)

    out = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}",
           f"{{\\info{{\\title {esc(p['org'])}}}{{\\author {esc(p['name'])}}}}}", "\\f0\\fs24"]
    for kind, text, _ in blocks:
        body = f"{{\\b {esc(text)}}}" if kind in ("title", "heading") else esc(text)
        out.append(f"\\pard\\sa{200 if kind == 'para' else 0} {body}\\par")
    return ("\n".join(out) + "\n}\n").encode("ascii")


def email_bytes(rng, frm: str, subject: str, sent: str, body: str, attach: tuple | None = None,
                html: str | None = None, extra: dict | None = None) -> bytes:
    msg = EmailMessage()
    when = dt.datetime.fromisoformat(sent)
    msg["From"], msg["To"], msg["Subject"] = frm, NOMS_ADDR, subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{when:%Y%m%d%H%M%S}.{rng.randrange(10**6):06d}@mail.example.net>"
    for k, v in (extra or {}).items():
        msg[k] = v
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    if attach:
        name, data, subtype = attach
        msg.add_attachment(data, maintype="application", subtype=subtype, filename=name)
    if msg.is_multipart():
        msg.set_boundary(f"----=_Part_{rng.randrange(10**8):08d}")
    return msg.as_bytes(policy=SMTP)


