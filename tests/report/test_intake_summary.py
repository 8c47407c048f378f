"""The intake summary's Markdown: what was read, structured, and what analysts must look at again."""

from __future__ import annotations

from respmine.report.intake import summary_markdown


def _summary(carried: int, left: int) -> dict[str, object]:
    return {"files": 3, "new": 3, "already_done": 0, "duplicates": 0, "submissions": 3, "late": 0,
            "by_status": {"ok": 3}, "by_format": {"pdf": 3},
            "structure": {"respondents": 3, "segments": 9, "redacted": 1, "campaigns": [],
                          "decisions_carried": carried, "decisions_left": left}}


def test_intake_summary_says_when_analysts_decisions_no_longer_apply() -> None:
    assert "Analysts' decisions" not in summary_markdown(_summary(0, 0))
    assert "2 followed their paragraph to its new segment." in summary_markdown(_summary(2, 0))
    text = summary_markdown(_summary(2, 1))
    assert "1 (over all runs) refer to text that is no longer a segment of its own" in text
    assert "no longer applied" in text


def test_intake_summary_says_which_late_flags_come_from_file_times() -> None:
    summary = {**_summary(0, 0), "responses": {"file": 3}, "dated": True, "late": 2, "late_by_file_time": 2}
    text = summary_markdown(summary)
    assert ("2 responses (read or quarantined) were received after the closing date (all dated only by "
            "when the file was saved: if files are copied into the inbox after they arrive, list their dates "
            "in a received log") in text
    assert "(1 of them dated only by" in summary_markdown({**summary, "late_by_file_time": 1})
    assert "dated only by" not in summary_markdown({**summary, "late_by_file_time": 0})

    assert "1 file read before was dated again from the received log" in summary_markdown(
        {**summary, "redated": 1})


def test_intake_summary_names_responses_with_no_text() -> None:
    """A form row naming an organisation but with every answer blank was counted nowhere, and nothing
    said so."""
    summary = _summary(0, 0)
    assert "no text to read" not in summary_markdown(summary)
    structure = summary["structure"]
    assert isinstance(structure, dict)
    summary["structure"] = {**structure, "empty": ["form.csv#VC-2014"]}
    assert ("1 response has no text to read and is counted nowhere (form.csv#VC-2014)"
            in summary_markdown(summary))


def test_intake_summary_tells_new_files_from_files_read_again() -> None:
    """After an upgrade whose readers read stored files again, one file new: "3 new ... Of the new, 2 had
    been read before" and "3 responses read from new files" said 3 had arrived."""
    summary = {**_summary(0, 0), "responses": {"file": 3}, "dated": True, "late": 3, "reread": 2}
    text = summary_markdown(summary)
    assert ("3 files in the inbox: 1 new, 2 read before and read again by this version of respmine, which "
            "reads their format better, 0 already processed") in text
    assert "3 responses read from new files and files read again (3 files, 0 form rows)" in text
    assert "3 files in the inbox: 3 new, 0 already processed" in summary_markdown(_summary(0, 0))


def test_intake_summary_lists_requests_not_to_be_published() -> None:
    summary = _summary(0, 0)
    assert "Asked not to be published" not in summary_markdown(summary)
    structure = summary["structure"]
    assert isinstance(structure, dict)
    summary["structure"] = {**structure, "publication": [
        {"file": "CONFIDENTIAL - Fellside response.docx", "asked": "do not publish",
         "words": "CONFIDENTIAL: please do not publish this response or our name."}]}
    text = summary_markdown(summary)
    assert "## Asked not to be published (1)" in text
    assert ("| CONFIDENTIAL - Fellside response.docx | do not publish | CONFIDENTIAL: please do not publish "
            "this response or our name. |  |") in text
    summary["structure"] = {**structure, "publication": [  # an analyst's decision: what the reports follow
        {"file": "a.docx", "asked": None, "words": None, "analyst": {"publication": "do not publish",
                                                                     "user": "ana"}},
        {"file": "b.docx", "asked": "publish anonymously", "words": "Withhold my name.",
         "analyst": {"publication": "", "user": "ana"}}]}
    text = summary_markdown(summary)
    assert "| a.docx | nothing |  | do not publish (ana) |" in text
    assert "| b.docx | publish anonymously | Withhold my name. | nothing asked (ana) |" in text
