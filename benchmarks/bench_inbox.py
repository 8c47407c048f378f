"""A deterministic inbox of consultation submissions built from the real texts in ../shared/datasets/.

Submission `i` depends only on (seed, i): the same arguments write the same texts, in the same formats,
with the same file times (before the closing date, or after it for a late batch). Mix: 40% .txt letters
and 20% .docx responses made of NHS Friends-and-Family comments under question headings, 25% .eml
carrying regulations.gov comments (mostly campaign form letters), 15% .pdf rendered from the AI-act
position papers' reference texts, and the 39 real AI-act PDFs once each (submissions 0, 25, 50, ...).
Every file carries its own reference number, so no two are byte-identical (the near-copies are the
campaigns' form letters, as in real consultations).
"""

from __future__ import annotations

import csv
import os
import random
import re
import zipfile
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from functools import cache
from pathlib import Path

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
CLOSES = datetime(2026, 4, 25, 23, 0, tzinfo=UTC)
QUESTIONS = [
    "What has your experience of the service been?",
    "What should change in how the proposed rule treats participants?",
    "How should artificial intelligence systems be regulated?",
]
CODEBOOK = Path(__file__).resolve().parents[1] / "models" / "codebooks" / "noms-third-sector.yaml"
CONSULTATION = (  # coded against the sample's codebook: the benchmark times theme coding too
    f"title: Benchmark consultation\ncloses: 2026-04-25\ntimezone: Europe/London\ncodebook: {CODEBOOK}\n"
    "questions:\n"
    + "".join(f'  - {{id: Q{n}, number: {n}, text: "{q}"}}\n' for n, q in enumerate(QUESTIONS, start=1))
)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML (DOCX)
ORGS = ["Harbour Trust", "Northfield Council", "Riverside Patients Forum", "Eastgate CIC", "Tech Policy Lab"]


@cache
def _nhs() -> list[str]:
    with (DATASETS / "nhs-fft" / "train.csv").open(newline="", encoding="utf-8") as fh:
        return [CONTROL.sub("", r["text"]) for r in csv.DictReader(fh) if len(r["text"]) > 40]


@cache
def _regulations() -> list[str]:
    with (DATASETS / "regulations-comments" / "dev.csv").open(newline="", encoding="utf-8") as fh:
        return [r["text"] for r in csv.DictReader(fh) if r["text"].strip()]


@cache
def _ai_act() -> list[str]:
    folder = DATASETS / "ai-act-submissions" / "reference_text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


@cache
def _real_pdfs() -> list[Path]:
    return sorted((DATASETS / "ai-act-submissions" / "pdf").glob("*.pdf"))


def write_inbox(inbox: Path, n: int, *, seed: int = 11, start: int = 0, late: bool = False) -> Counter[str]:
    """Write submissions start..start+n-1 into `inbox`; returns the count per file type."""
    inbox.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    for i in range(start, start + n):
        rng = random.Random(f"{seed}:{i}")
        roll = rng.random()
        ref = f"Reference BM-{seed}-{i:06d}"
        if i % 25 == 0 and i // 25 < len(_real_pdfs()):  # the real PDFs once each: 0, 25, 50, ...
            path = _real_pdf(inbox, i, ref)
        elif roll < 0.40:
            path = _txt(inbox, i, rng, ref)
        elif roll < 0.60:
            path = _docx(inbox, i, rng, ref)
        elif roll < 0.85:
            path = _eml(inbox, i, rng, ref, late)
        else:
            path = _pdf(inbox, i, rng, ref)
        when = (CLOSES + timedelta(days=2) if late else CLOSES - timedelta(days=30)) + timedelta(minutes=i)
        os.utime(path, (when.timestamp(), when.timestamp()))
        counts[path.suffix] += 1
    return counts


def _answers(rng: random.Random) -> list[tuple[str, list[str]]]:
    """One to three questions answered with one to three real comments each."""
    chosen = sorted(rng.sample(range(len(QUESTIONS)), rng.randint(1, 3)))
    return [(f"Question {q + 1}", rng.sample(_nhs(), rng.randint(1, 3))) for q in chosen]


def _txt(inbox: Path, i: int, rng: random.Random, ref: str) -> Path:
    parts = [f"Response from {rng.choice(ORGS)}", ref, ""]
    for heading, paragraphs in _answers(rng):
        parts += [heading, *paragraphs, ""]
    path = inbox / "letters" / f"letter-{i:06d}.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _docx(inbox: Path, i: int, rng: random.Random, ref: str) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading(f"Consultation response: {rng.choice(ORGS)}", level=1)
    doc.add_paragraph(ref)
    for heading, paragraphs in _answers(rng):
        doc.add_heading(heading, level=2)
        for text in paragraphs:
            doc.add_paragraph(text)
    doc.core_properties.created = doc.core_properties.modified = datetime(2026, 3, 1, tzinfo=UTC)
    path = inbox / "forms" / f"response-{i:06d}.docx"
    path.parent.mkdir(exist_ok=True)
    doc.save(str(path))
    _fix_zip_times(path)
    return path


def _eml(inbox: Path, i: int, rng: random.Random, ref: str, late: bool) -> Path:
    msg = EmailMessage()
    msg["From"] = f"respondent{i}@example.org"
    msg["To"] = "consultation@example.gov.uk"
    msg["Subject"] = f"Consultation response {i}"
    sent = (CLOSES + timedelta(days=1) if late else CLOSES - timedelta(days=20)) + timedelta(minutes=i)
    msg["Date"] = format_datetime(sent)
    msg.set_content(f"{rng.choice(_regulations())}\n\n{ref}\n")
    path = inbox / "email" / f"message-{i:06d}.eml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(bytes(msg))
    return path


def _pdf(inbox: Path, i: int, rng: random.Random, ref: str) -> Path:
    from fpdf import FPDF

    path = inbox / "pdf" / f"paper-{i:06d}.pdf"
    path.parent.mkdir(exist_ok=True)

    text = rng.choice(_ai_act())
    begin = rng.randrange(max(1, len(text) - 6000))
    excerpt = text[begin : begin + rng.randint(2500, 6000)]
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 3, 1, tzinfo=UTC))
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 5, f"{ref}\n\n{excerpt}")
    pdf.output(str(path))
    return path


def _real_pdf(inbox: Path, i: int, ref: str) -> Path:
    """A real AI-act PDF, with the reference as a trailing PDF comment (same text, its own bytes)."""
    path = inbox / "pdf" / f"paper-{i:06d}.pdf"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(_real_pdfs()[i // 25].read_bytes() + f"\n%{ref}\n".encode())
    return path


def _fix_zip_times(path: Path) -> None:
    """Rewrite a ZIP-based file with fixed member times, so the same content gives the same bytes."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(fixed, data)
