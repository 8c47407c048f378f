"""Word response forms: legacy form fields (FORMTEXT, FORMCHECKBOX, FORMDROPDOWN) and content controls
(check boxes, drop-down lists, plain text). What the respondent chose is read: a box as "☒"/"☐" before its
label (as a typed form's boxes, `structure.ticks`), a drop-down list as the entry chosen, a content
control still showing its placeholder ("Click or tap here to enter text.") as nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from respmine.ingest.docx import read_docx
from respmine.ingest.source import Source
from respmine.structure.ticks import unticked

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def _form_docx(path: Path, body: str) -> Path:
    """A .docx (python-docx's package) whose body is `body`'s WordprocessingML."""
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    members["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                    f"<w:document {NS}><w:body>{body}</w:body></w:document>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def _text(path: Path) -> str:
    return read_docx(Source(name=path.name, data=path.read_bytes(), path=path)).text


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def _t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _legacy_box(checked: str | None, default: str = "0") -> str:
    """A FORMCHECKBOX field; `checked`: its w:checked element's w:val (None: no element, "": no value)."""
    state = ("" if checked is None else "<w:checked/>" if checked == ""
             else f'<w:checked w:val="{checked}"/>')
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
            f'<w:checkBox><w:sizeAuto/><w:default w:val="{default}"/>{state}</w:checkBox></w:ffData>'
            '</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _legacy_text(value: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/>'
            '<w:textInput><w:default w:val="Type here"/></w:textInput></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{_t(value)}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _legacy_dropdown(entries: list[str], chosen: int | None) -> str:
    result = "" if chosen is None else f'<w:result w:val="{chosen}"/>'
    listed = "".join(f'<w:listEntry w:val="{e}"/>' for e in entries)
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Dropdown1"/><w:enabled/>'
            f'<w:ddList>{result}{listed}</w:ddList></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _control_box(checked: bool, glyph: str) -> str:
    """A content-control check box; `glyph`: what its content shows (Word writes its state's glyph, a
    form made with Wingdings shows a private-use character)."""
    return ('<w:sdt><w:sdtPr><w:id w:val="1"/><w14:checkbox>'
            f'<w14:checked w14:val="{int(checked)}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            f'<w:sdtContent>{_t(glyph)}</w:sdtContent></w:sdt>')


def _control(content: str, *, placeholder: bool = False, dropdown: bool = False) -> str:
    kind = ('<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>'
            '<w:listItem w:displayText="Agree" w:value="Agree"/>'
            '<w:listItem w:displayText="Disagree" w:value="Disagree"/></w:dropDownList>'
            if dropdown else "<w:text/>")
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return (f'<w:sdt><w:sdtPr><w:alias w:val="Answer"/><w:id w:val="2"/>{shown}{kind}</w:sdtPr>'
            f"<w:sdtContent>{_t(content)}</w:sdtContent></w:sdt>")


def test_docx_legacy_check_boxes_read_as_ticked_labels(tmp_path: Path) -> None:
    body = (_p(_t("Q1 Do you agree with the proposal?"))
            + _p(_legacy_box(None), _t(" Yes "), _legacy_box("1"), _t(" No "), _legacy_box("0"),
                 _t(" Not sure"))
            + _p(_t("Q2 Are you responding as an individual?"))
            + _p(_legacy_box(""), _t(" Yes "), _legacy_box(None, default="0"), _t(" No"))
            + _p(_t("Q3 Did you attend an event?"))
            + _p(_legacy_box(None, default="1"), _t(" Yes "), _legacy_box("false"), _t(" No")))
    text = _text(_form_docx(tmp_path / "legacy.docx", body))
    assert "☐ Yes ☒ No ☐ Not sure" in text
    assert "☒ Yes ☐ No" in text  # (w:checked with no value is checked; no w:checked: the default)
    assert text.count("☒ Yes ☐ No") == 2
    assert "No" in unticked(text).split("Q2")[0].split("proposal?")[1]


def test_docx_legacy_text_and_drop_down_fields_read_as_chosen(tmp_path: Path) -> None:
    body = (_p(_t("Name: "), _legacy_text("Alice Moreton"))
            + _p(_t("Q4 How strongly do you agree? "), _legacy_dropdown(["Agree", "Neutral", "Disagree"], 2))
            + _p(_t("Q5 Your area: "), _legacy_dropdown(["North", "South"], None)))
    text = _text(_form_docx(tmp_path / "fields.docx", body))
    assert "Name: Alice Moreton" in text and "Type here" not in text
    assert "Q4 How strongly do you agree? Disagree" in text
    assert "Agree\n" not in text and "Neutral" not in text
    assert "Q5 Your area: North" in text  # (no result: the first entry, as Word shows it)


def test_docx_content_control_check_boxes_follow_their_state(tmp_path: Path) -> None:
    body = (_p(_t("Q1 Do you agree?"))
            + _p(_control_box(False, "☐"), _t(" Yes "), _control_box(True, "☒"), _t(" No"))
            + _p(_t("Q2 Is the service easy to reach?"))
            + _p(_control_box(True, "\uf0fe"), _t(" Yes "), _control_box(False, "\uf0a8"), _t(" No")))
    text = _text(_form_docx(tmp_path / "controls.docx", body))
    assert "☐ Yes ☒ No" in text
    assert "☒ Yes ☐ No" in text and "\uf0fe" not in text


def test_docx_content_controls_showing_their_placeholder_are_not_answers(tmp_path: Path) -> None:
    body = (_p(_t("Q6 Please explain your answer."))
            + _p(_control("Click or tap here to enter text.", placeholder=True))
            + _p(_t("Q7 Which describes your view? "), _control("Disagree", dropdown=True))
            + _p(_t("Q8 Your organisation's view? "),
                 _control("Choose an item.", placeholder=True, dropdown=True))
            + _p(_t("Q9 Anything else?"))
            + _p(_control("We need a bus to the new unit.")))
    text = _text(_form_docx(tmp_path / "placeholders.docx", body))
    assert "Click or tap" not in text and "Choose an item" not in text
    assert "Q7 Which describes your view? Disagree" in text
    assert "Q9 Anything else?\n\nWe need a bus to the new unit." in text


def _legacy_text_with_default(default: str, shown: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text2"/><w:enabled/>'
            f'<w:textInput><w:default w:val="{default}"/></w:textInput></w:ffData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{_t(shown)}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def test_docx_legacy_text_field_still_showing_its_default_prompt_is_no_answer(tmp_path: Path) -> None:
    """A FORMTEXT field left as the form's author filled it ("Click here to enter your comments") shows
    its default text: the form's prompt, not the respondent's answer. Typed over, it is the answer."""
    body = (_p(_t("Q6 Any other comments? "), _legacy_text_with_default("Click here to enter your comments",
                                                                        "Click here to enter your comments"))
            + _p(_t("Q7 Your organisation: "), _legacy_text_with_default("Click here to enter your comments",
                                                                         "Westbury Stroke Club")))
    text = _text(_form_docx(tmp_path / "defaults.docx", body))
    assert "Click here" not in text
    assert "Q7 Your organisation: Westbury Stroke Club" in text


def _with_result(field: str, shown: str) -> str:
    """A legacy field as a writer that puts its display in the field's result writes it."""
    return field.replace('<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                         f'{_t(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def test_docx_legacy_box_and_drop_down_results_are_not_read_twice(tmp_path: Path) -> None:
    """A check box's glyph or a drop-down's entry in the field's result says what its state says: the
    state is read, once."""
    body = (_p(_t("Q4 Your view: "), _with_result(_legacy_dropdown(["Agree", "Neutral", "Disagree"], 2),
                                                   "Disagree"))
            + _p(_with_result(_legacy_box(""), "☒"), _t(" Yes "), _with_result(_legacy_box("0"), "\uf0a8"),
                 _t(" No")))
    text = _text(_form_docx(tmp_path / "results.docx", body))
    assert "Q4 Your view: Disagree\n" in text
    assert "☒ Yes ☐ No" in text and "\uf0a8" not in text
