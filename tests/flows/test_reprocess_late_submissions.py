"""The late-submission flow processes only what is new and regenerates the tables."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

CONSULTATION = """\
title: Test
closes: 2026-04-25
questions:
  - {id: Q1, number: 1, text: "How should charities be involved in offender services?"}
  - {id: Q2, number: 2, text: "What funding arrangements would give charities certainty?"}
"""


@pytest.mark.slow
def test_reprocess_late_submissions_processes_only_new_files(prefect_harness: None, tmp_path: Path) -> None:
    from flows.reprocess_late_submissions import changes_markdown, reprocess_late_submissions

    (tmp_path / "consultation.yaml").write_text(CONSULTATION)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    early = "Question 1\nCharities should be partners.\n\nQuestion 2\nPay full cost.\n"
    (inbox / "early.txt").write_text(early)
    kwargs: dict[str, Any] = {
        "consultation": str(tmp_path / "consultation.yaml"), "work_dir": str(tmp_path / "work"), "workers": 1,
    }
    first = reprocess_late_submissions(**kwargs)
    assert first["new"] == 1
    nothing = reprocess_late_submissions(**kwargs)
    assert nothing["new"] == 0 and nothing["already_done"] == 1 and "structure" not in nothing
    (inbox / "late.txt").write_text("Question 2\nHexley Borough Council wants three-year contracts with "
                                    "full cost recovery.\n\nYours sincerely,\n\nJane Doe\nHead of Community "
                                    "Safety, Hexley Borough Council\n")
    late = reprocess_late_submissions(**kwargs)
    assert [a["file"] for a in late["added"]] == ["late.txt"] and late["already_done"] == 1
    # who each new file is from, as outputs may say it: to check on the Respondents page
    assert late["added"][0]["from"] == "Hexley Borough Council (local authority)"
    assert "| late.txt | ok | yes | Hexley Borough Council (local authority) |" in changes_markdown(late)
    rows = list(csv.DictReader((tmp_path / "work" / "coded_responses.csv").open(encoding="utf-8")))
    files = {r["submission_id"]: r["source_file"]  # (coded_responses.csv cites a person's file by its id)
             for r in csv.DictReader((tmp_path / "work" / "submissions.csv").open(encoding="utf-8"))}
    coded = {(files[r["submission_id"]], r["question"]) for r in rows}
    assert coded >= {("late.txt", "Q2"), ("early.txt", "Q1")}

    # a run that stored a new file, then stopped before its outputs (a new user's first `late` failed
    # part-way; "run the same command again" said "No new files since the last run; outputs unchanged"
    # and the file stayed out of every output)
    from respmine import pipeline
    from respmine.config import Settings
    from respmine.consultation import load_consultation

    (inbox / "later.txt").write_text("Question 1\nSmall charities need ring-fenced lots.\n")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    settings = Settings.load(tmp_path / "work", None, 1, True)
    assert not pipeline.outputs_behind(settings)
    assert pipeline.ingest_stage(inbox, consultation, settings)["new"] == 1  # (and no further)
    assert pipeline.outputs_behind(settings)
    resumed = reprocess_late_submissions(**kwargs)
    assert resumed["new"] == 0 and resumed["resumed"] and "outputs" in resumed
    assert "ring-fenced lots" in (tmp_path / "work" / "coded_responses.csv").read_text(encoding="utf-8")
    assert not pipeline.outputs_behind(settings)
    assert not reprocess_late_submissions(**kwargs)["resumed"]

    # respmine upgraded with a better text reader: its files are read again, the outputs regenerated as
    # before (same text here), the run saying so rather than listing them as new arrivals
    from respmine.ingest import dispatch

    coded = (tmp_path / "work" / "coded_responses.csv").read_text(encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(dispatch.READER_VERSIONS, "txt", dispatch.BASE_READER_VERSION + 1)
        upgraded = reprocess_late_submissions(**kwargs)
        assert upgraded["new"] == upgraded["reread"] == 3 and "outputs" in upgraded
        said = changes_markdown(upgraded)
        assert "No new files since the last run." in said and "3 file(s) read before were read again" in said
        assert (tmp_path / "work" / "coded_responses.csv").read_text(encoding="utf-8") == coded
        assert reprocess_late_submissions(**kwargs)["new"] == 0


def test_reprocess_late_submissions_says_when_only_dates_changed() -> None:
    """A run that read no new file but dated files again from a received log regenerates the outputs (late
    counts changed) and says so."""
    from flows.reprocess_late_submissions import changes_markdown

    said = changes_markdown({"added": [], "redated": 2, "corrections_pending": 0})
    assert "2 file(s) read before dated again from the received log; outputs regenerated." in said
    assert "outputs unchanged" in changes_markdown({"added": [], "redated": 0, "corrections_pending": 0})
    reread = changes_markdown({"added": [{"file": "a.docx", "status": "ok", "late": "no", "reread": True},
                                         {"file": "b.txt", "status": "ok", "late": "yes", "from": "X"}]})
    assert "1 new file(s) since the last run (1 received after" in reread and "| a.docx |" not in reread
    assert "1 file(s) read before were read again by this version of respmine" in reread
    assert "a.docx." in reread
    everything = changes_markdown({"added": [{"file": f"response {i:04}.pdf", "status": "ok", "late": "no",
                                              "reread": True} for i in range(3000)]})
    assert "3000 file(s) read before were read again" in everything  # (an upgrade: not 3000 names)
    assert "response 0009.pdf and 2990 more." in everything and "response 0010.pdf" not in everything
    resumed = changes_markdown({"added": [], "redated": 0, "corrections_pending": 0, "resumed": True})
    assert "an earlier run stopped before writing them" in resumed and "outputs regenerated" in resumed


def test_reprocess_late_submissions_says_when_a_file_was_replaced_by_a_version_stored_before() -> None:
    """A file put back to a version read before (no new file) drops the other version: the outputs are
    regenerated (the run condition counts `replaced`) and the changes say why; with new files, it is said
    beside them."""
    from flows.reprocess_late_submissions import changes_markdown

    said = changes_markdown({"added": [], "replaced": 1, "redated": 0, "corrections_pending": 0})
    assert "1 file(s) replaced by a version stored before: the other version dropped (if one was another " \
        "sender's file saved over an earlier response, put the earlier file back" in said
    assert said.endswith("outputs regenerated.\n")
    new = changes_markdown({"added": [{"file": "a.txt", "status": "ok", "late": "no"}], "replaced": 2,
                            "replaced_files": ["response.docx", "b.pdf"]})
    assert "2 file(s) were new versions of a file under the same name (response.docx, b.pdf): the earlier " \
        "version is dropped" in new  # (named: whoever filed them can tell a correction from a mistake)


@pytest.mark.parametrize("flow", ["reprocess_late_submissions", "process_consultation"])
def test_flows_run_directly_take_the_intake_options_respmine_takes(
    flow: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python flows/reprocess_late_submissions.py` took no --max-file-mb, --no-ocr or --workers (`respmine
    late` did), so a quarantine's advice "--max-file-mb 250" could not be followed there; the full-run
    flow took no --max-file-mb. Both take them now from the one definition the `respmine` commands use."""
    import importlib

    from respmine import cli

    module = importlib.import_module(f"flows.{flow}")
    got: dict[str, Any] = {}

    def fake(*args: Any, **kwargs: Any) -> dict[str, Any]:
        got.update(kwargs, args=args)
        return {}

    monkeypatch.setattr(module, flow, fake)
    module.main(["--consultation", "c.yaml", "--max-file-mb", "250", "--no-ocr", "--workers", "3"])
    assert (got["max_file_mb"], got["ocr"], got["workers"]) == (250.0, False, 3)
    module.main(["--consultation", "c.yaml"])
    assert (got["max_file_mb"], got["ocr"], got["workers"]) == (None, True, None)
    seen: dict[str, Any] = {}
    monkeypatch.setattr(cli, "_late", lambda args: seen.update(vars(args)) or 0)
    cli.main(["late", "--consultation", "c.yaml", "--max-file-mb", "250", "--no-ocr", "--workers", "3"])
    assert (seen["max_file_mb"], seen["no_ocr"], seen["workers"]) == (250.0, True, 3)
