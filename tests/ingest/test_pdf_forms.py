"""Fillable PDF response forms (AcroForm): the page text holds the questions, the answers are in the form's
fields. PDFium's page text has no field values, so a filled form was read as its questions alone; the
values are read from the fields and placed beside the question they answer, by the widget's position on
the page; tick boxes and radio buttons are written "☒ label" / "☐ label" as a typed form's are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from respmine.ingest import extract
from respmine.records import Document
from respmine.structure.ticks import unticked


def _read(path: Path) -> str:
    doc = extract(path)
    assert isinstance(doc, Document), doc
    return doc.text


def _stroke_form(path: Path, *, filled: bool = True) -> Path:
    """A one-page response form: a name field beside its label, three tick boxes with their labels to the
    right, a free-text box beneath its question, a radio group, an empty box."""
    c = canvas.Canvas(str(path), pagesize=A4)
    form = c.acroForm
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Stroke services consultation - response form")
    c.drawString(60, 750, "Your name:")
    form.textfield(name="name", tooltip="Your name", x=140, y=744, width=200, height=18,
                   value="Alice Moreton" if filled else "", fontSize=10)
    c.drawString(60, 710, "1. Do you agree with the proposal to centralise hyperacute stroke care?")
    for i, label in enumerate(["Yes", "No", "Not sure"]):
        x = 70 + i * 110
        form.checkbox(name=f"q1_{label}", tooltip=label, x=x, y=684, size=12,
                      checked=filled and label == "No", buttonStyle="cross")
        c.drawString(x + 18, 686, label)
    c.drawString(60, 650, "2. Please explain your answer.")
    form.textfield(name="q2", tooltip="Q2", x=60, y=560, width=460, height=80, fieldFlags="multiline",
                   value=("Travel times from the coast are too long.\nThe ambulance service is stretched."
                          if filled else ""), fontSize=10)
    c.drawString(60, 530, "3. How would you rate the current service?")
    for i, label in enumerate(["Good", "Poor"]):
        x = 70 + i * 110
        form.radio(name="q3", value=label, selected=filled and label == "Poor", tooltip="Rating",
                   x=x, y=504, size=12)
        c.drawString(x + 18, 506, label)
    c.drawString(60, 470, "4. Any other comments?")
    form.textfield(name="q4", tooltip="Q4", x=60, y=420, width=460, height=40, value="", fontSize=10)
    c.drawString(60, 380, "Thank you for taking part.")
    c.save()
    return path


def test_pdf_form_text_fields_are_read_beside_their_questions(tmp_path: Path) -> None:
    text = _read(_stroke_form(tmp_path / "form.pdf"))
    assert "Your name: Alice Moreton" in text
    explain = text.index("2. Please explain your answer.")
    answer = text.index("Travel times from the coast are too long.")
    assert explain < answer < text.index("3. How would you rate")
    assert "The ambulance service is stretched." in text[answer:text.index("3. How would you rate")]
    # (the answer a paragraph of its own, not run into the question or the next one)
    assert "answer.\n\nTravel times" in text and "stretched.\n\n3. How" in text
    between = text[text.index("4. Any other comments?"):text.index("Thank you")]
    assert between.strip() == "4. Any other comments?"  # an empty field adds nothing


def test_pdf_form_tick_boxes_and_radio_buttons_read_as_ticked_labels(tmp_path: Path) -> None:
    text = _read(_stroke_form(tmp_path / "form.pdf"))
    assert "☐ Yes ☒ No ☐ Not sure" in text
    assert "☐ Good ☒ Poor" in text
    plain = unticked(text)  # the existing reading of tick boxes: the ticked label alone
    line = next(x for x in plain.split("\n") if "No" in x and "Not sure" not in x)
    assert line.split() == ["No"]


def test_pdf_form_left_empty_keeps_its_questions_and_empty_boxes(tmp_path: Path) -> None:
    text = _read(_stroke_form(tmp_path / "blank.pdf", filled=False))
    assert "Your name:\n" in text and "☐ Yes ☐ No ☐ Not sure" in text
    assert "☒" not in text and "Alice" not in text


def test_pdf_form_labels_before_boxes_and_boxes_without_labels(tmp_path: Path) -> None:
    """Boxes after their labels ("Yes [ ] No [x]") are written after them; a box with no text beside it
    is named by its tooltip, on a line of its own under the nearest text above."""
    path = tmp_path / "after.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(60, 760, "Should the unit at Westfield stay open?")
    for i, label in enumerate(["Yes", "No"]):
        x = 70 + i * 110
        c.drawString(x, 736, label)
        c.acroForm.checkbox(name=f"w_{label}", x=x + 30, y=734, size=12, checked=label == "Yes")
    c.drawString(60, 700, "Tick if you are responding on behalf of an organisation.")
    c.acroForm.checkbox(name="org", tooltip="Responding for an organisation", x=60, y=672, size=12,
                        checked=True)
    c.save()
    text = _read(path)
    assert "Yes ☒ No ☐" in text
    assert "organisation.\n\n☒ Responding for an organisation" in text


def test_pdf_form_answer_box_beside_a_question_in_a_table(tmp_path: Path) -> None:
    """A question in the left cell, its tall answer box in the right one: the answer follows the question's
    last line, not the first."""
    path = tmp_path / "table.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 760, "Q5 What would make it easier")
    c.drawString(60, 748, "to reach the new unit?")
    c.acroForm.textfield(name="q5", x=250, y=700, width=280, height=72, fieldFlags="multiline",
                         value="A shuttle bus from the station.", fontSize=10)
    c.drawString(60, 660, "Q6 Anything else?")
    c.save()
    text = _read(path)
    assert "to reach the new unit?\n\nA shuttle bus from the station.\n\nQ6 Anything else?" in text


def test_pdf_form_box_marks_go_before_a_word_not_into_a_label_running_over_the_box(tmp_path: Path) -> None:
    """(Trial 32a's form.) A long label ran on over the next box ("Neither agree nor disagree" over the
    box of "Disagree"): the nearest letters right of that box were the label's last ("...disagr☒ ee"); a
    box's mark goes before the nearest word that starts right of it."""
    path = tmp_path / "overrun.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 9)
    c.drawString(50, 660, "Question 1: To what extent do you agree or disagree with the case for change?")
    labels = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]
    for i, label in enumerate(labels):
        x = 50 + 100 * i
        c.acroForm.checkbox(name=f"q1_{i}", x=x, y=636, size=11, checked=label == "Disagree")
        c.drawString(x + 15, 638, label)
    c.save()
    text = _read(path)
    assert "disagree ☒ Disagree ☐ Strongly" in text and "disagr☒" not in text
    assert text.count("☐") == 4
    assert unticked(text).split("change?")[1].split() == ["Disagree"]


def test_pdf_form_value_already_in_the_page_text_is_not_read_twice(tmp_path: Path) -> None:
    """A form flattened by drawing its values into the page while keeping its fields: the value is read
    once."""
    path = tmp_path / "half_flat.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 760, "2. Please explain your answer.")
    c.drawString(64, 730, "The journey from the coast is too long.")
    c.acroForm.textfield(name="q2", x=60, y=700, width=460, height=50, fieldFlags="multiline",
                         value="The journey from the coast is too long.", fontSize=10, borderWidth=0)
    c.save()
    assert _read(path).count("The journey from the coast is too long.") == 1


def test_pdf_form_value_the_page_prints_elsewhere_is_still_read(tmp_path: Path) -> None:
    """A value is read once only when the page draws it in the field's own box: a drop-down's choice the
    form prints as its scale's legend, or an answer echoing the question's words, is the respondent's."""
    path = tmp_path / "legend.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 780, "Answer with: Strongly agree, Agree, Neither agree nor disagree, Disagree.")
    c.drawString(60, 750, "Q1 Do you agree with the case for change?")
    c.acroForm.choice(name="q1", x=300, y=744, width=200, height=16, value="Neither agree nor disagree",
                      options=["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree"],
                      fontSize=9)
    c.drawString(60, 720, "Q2 What most needs improving?")
    c.acroForm.textfield(name="q2", x=300, y=714, width=200, height=16, value="the case for change",
                         fontSize=9)
    c.save()
    text = _read(path)
    assert "change? Neither agree nor disagree" in text
    assert "improving? the case for change" in text


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_pdf_scanned_page_with_a_form_field_is_still_ocrd(tmp_path: Path) -> None:
    """A scanned page with a fillable field laid over it (a field added to a scanned form): its text is
    in the image, and is read by OCR, as a scanned page without a field is."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 700), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    for i, line in enumerate(["We support local commissioning", "of resettlement services."]):
        draw.text((150, 200 + i * 70), line, fill=0, font=font)
    png = tmp_path / "scan.png"
    image.save(png)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(str(png), 0, 560, width=595, height=245)
    c.acroForm.textfield(name="name", x=300, y=500, width=200, height=16, value="Alice Moreton", fontSize=9)
    c.save()
    doc = extract(path)
    assert isinstance(doc, Document)
    assert "local commissioning" in doc.text
    assert "Alice Moreton" in doc.text  # (the field as the page is rendered with its form)
    assert doc.pages[0].method == "ocr-tesseract"


def test_pdf_form_drop_down_read_as_the_entry_shown_not_its_export_value(tmp_path: Path) -> None:
    """A drop-down whose entries have export values (a scale's "5" ... "1"): the field's value is the export
    value; the answer is the entry the respondent chose, as shown."""
    path = tmp_path / "export.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    c.drawString(60, 750, "Q1 Do you agree with the case for change?")
    c.acroForm.choice(name="q1", x=300, y=744, width=200, height=16, value="4",
                      options=[("Strongly agree", "5"), ("Agree", "4"), ("Disagree", "2")], fontSize=9)
    c.save()
    assert "Q1 Do you agree with the case for change? Agree" in _read(path)
