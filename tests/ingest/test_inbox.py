"""Ingesting a folder: nothing lost, duplicates collapse, reruns idempotent, late flag from the dates."""

from __future__ import annotations

import os
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path

import pytest

from respmine.consultation import load_consultation
from respmine.ingest.inbox import ingest_inbox
from respmine.store import Store

CONSULTATION = """\
title: Test consultation
closes: 2026-04-25
questions:
  - {id: Q1, number: 1, text: "How should charities be involved?"}
received_log: received.csv
"""


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "on_time.txt").write_text("We support involving charities in resettlement.\n")
    (box / "late.txt").write_text("A late letter asking for full cost recovery.\n")
    (box / "resent on_time.txt").write_text("We support involving charities in resettlement.\n")
    (box / "empty.doc").write_bytes(b"")
    msg = EmailMessage()
    msg["From"] = "a.person@example.org"
    msg["To"] = "consultation@justice.example"
    msg["Subject"] = "Response"
    msg["Date"] = "Mon, 27 Apr 2026 09:00:00 +0100"
    msg.set_content("Please see my response attached.")
    msg.add_attachment(b"Local commissioning works best.", maintype="text", subtype="plain",
                       filename="answers.txt")
    (box / "reply.eml").write_bytes(msg.as_bytes())
    (tmp_path / "consultation.yaml").write_text(CONSULTATION)
    (tmp_path / "received.csv").write_text(
        "file,received\non_time.txt,2026-04-20T10:00:00+01:00\nlate.txt,2026-04-26T00:30:00+01:00\n"
        "resent on_time.txt,2026-04-21T10:00:00+01:00\n"
    )
    return box


def test_inbox_every_file_processed_or_quarantined(inbox: Path, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'work' / 'store.sqlite'}")
    summary = ingest_inbox(inbox, store, load_consultation(tmp_path / "consultation.yaml"))
    assert summary.files == 5 and summary.duplicates == 1
    rows = {r.source: r for r in store.submissions()}
    assert rows["empty.doc"].status == "quarantined" and rows["empty.doc"].code == "empty"
    assert rows["on_time.txt"].status == "ok"
    assert rows["reply.eml#answers.txt"].parent_sha256 == rows["reply.eml"].sha256
    sources = store.sources()
    assert sources[rows["on_time.txt"].sha256] == ["on_time.txt", "resent on_time.txt"]
    every_file = {name for names in sources.values() for name in names}
    assert every_file == {p.name for p in inbox.iterdir()}


def test_inbox_late_flag_from_log_email_date_and_attachments(inbox: Path, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(inbox, store, load_consultation(tmp_path / "consultation.yaml"))
    rows = {r.source: r for r in store.submissions()}
    assert rows["on_time.txt"].late is False and rows["on_time.txt"].received_from == "received-log"
    assert rows["late.txt"].late is True
    assert rows["reply.eml"].late is True and rows["reply.eml"].received_from == "email-date"
    assert rows["reply.eml#answers.txt"].late is True


def test_inbox_rerun_is_idempotent_and_picks_up_only_new_files(inbox: Path, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    ingest_inbox(inbox, store, consultation)
    before = [(r.sha256, r.status, r.text) for r in store.submissions()]
    again = ingest_inbox(inbox, store, consultation)
    assert again.new == 0 and again.already_done == 5
    assert [(r.sha256, r.status, r.text) for r in store.submissions()] == before
    (inbox / "new.txt").write_text("A new response about the role of local authorities.\n")
    third = ingest_inbox(inbox, store, consultation)
    assert third.new == 1 and len(store.submissions()) == len(before) + 1


def test_inbox_received_log_given_later_dates_files_already_read(inbox: Path, tmp_path: Path) -> None:
    """Files copied into the inbox after the closing date are late by their file's time; a received log
    given after they were read dates them on the next run (a document's own date stays)."""
    (tmp_path / "received.csv").write_text("file,received\n")
    (inbox / "export.csv").write_text(  # an online form's export: its rows are the responses
        "Timestamp,Full name,How should charities be involved?\n"
        "20/04/2026 10:15:00,Alex,Charities should lead resettlement work in every prison.\n"
        ",Sam,Charities should be paid the full cost of the services they deliver.\n")
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    ingest_inbox(inbox, store, consultation)
    rows = {r.source: r for r in store.submissions()}
    assert rows["on_time.txt"].received_from == "file-mtime" and rows["on_time.txt"].late is True
    (tmp_path / "received.csv").write_text(
        "file,received\non_time.txt,2026-04-20T10:00:00+01:00\nreply.eml,2026-04-01T10:00:00+01:00\n"
        "export.csv,2026-04-10T10:00:00+01:00\n")
    again = ingest_inbox(inbox, store, load_consultation(tmp_path / "consultation.yaml"))
    assert again.new == 0 and again.redated == 2
    export = {r.source: r for r in store.submissions() if r.source.startswith("export.csv")}
    assert export["export.csv"].late is None  # the export is no response: its rows are, each dated
    assert [r.late for s, r in sorted(export.items()) if s != "export.csv"] == [False, False]
    rows = {r.source: r for r in store.submissions()}
    assert rows["on_time.txt"].late is False and rows["on_time.txt"].received_from == "received-log"
    assert rows["reply.eml"].late is True and rows["reply.eml"].received_from == "email-date"  # its own
    assert ingest_inbox(inbox, store, consultation).redated == 0  # once


def test_inbox_reader_version_bump_reads_only_that_formats_files_again(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader's fix reaches a consultation already processed: after its version moves on, the files it
    read (an e-mail whose attachment it read, too) are read again on the next run, keeping their arrival
    (the file's time may have changed since: a copied inbox), and nothing else is; a second run reads
    nothing. Before per-format versions a reader's change never reached stored files."""
    from respmine.ingest import dispatch

    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    ingest_inbox(inbox, store, consultation)
    def arrivals() -> dict[str, tuple[object, ...]]:
        return {r.source: (r.received_at, r.received_from, r.late, r.extractor_version)
                for r in store.submissions()}

    before = arrivals()
    os.utime(inbox / "late.txt", (0, 0))  # (dated by the log: a file's time changing changes nothing)
    monkeypatch.setitem(dispatch.READER_VERSIONS, "eml", dispatch.BASE_READER_VERSION + 1)
    again = ingest_inbox(inbox, store, consultation)
    assert (again.new, again.reread, again.already_done) == (1, 1, 4)
    assert [(a["file"], a["reread"]) for a in again.added] == [("reply.eml", True)]
    after = arrivals()
    assert after["reply.eml"][3] == str(dispatch.BASE_READER_VERSION + 1)
    assert {k: v[:3] for k, v in after.items()} == {k: v[:3] for k, v in before.items()}
    monkeypatch.setitem(dispatch.READER_VERSIONS, "txt", dispatch.BASE_READER_VERSION + 1)
    third = ingest_inbox(inbox, store, consultation)  # the e-mail's attachment is a text file
    assert sorted(a["file"] for a in third.added) == ["late.txt", "on_time.txt", "reply.eml"]
    assert ingest_inbox(inbox, store, consultation).new == 0


def _two_row_export(tmp_path: Path) -> Path:
    """An inbox holding one online form's export of two rows."""
    box = tmp_path / "inbox"
    box.mkdir()
    (box / "export.csv").write_text(
        "Full name,How should charities be involved?\n"
        "Alex,Charities should lead resettlement work in every prison.\n"
        "Sam,Charities should be paid the full cost of the services they deliver.\n")
    return box


def _first_row_only(src):  # type: ignore[no-untyped-def]
    """A csv reader whose new version no longer reads a form's last rows (for the test below)."""
    from respmine.ingest.forms import read_csv

    doc = read_csv(src)
    return replace(doc, children=doc.children[:1])


def test_inbox_reread_file_no_longer_holding_a_row_forgets_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form export read again by a newer reader that no longer finds one of its rows (say, a row that
    was the form's instructions) keeps no submission of that row (it would be counted as a response)."""
    from respmine.ingest import dispatch

    box = _two_row_export(tmp_path)
    (tmp_path / "consultation.yaml").write_text(CONSULTATION.replace("received_log: received.csv\n", ""))
    consultation = load_consultation(tmp_path / "consultation.yaml")
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(box, store, consultation)
    assert len([r for r in store.submissions() if r.kind == "form-row"]) == 2
    monkeypatch.setitem(dispatch.READERS, "csv", f"{__name__}:_first_row_only")
    monkeypatch.setitem(dispatch.READER_VERSIONS, "csv", dispatch.BASE_READER_VERSION + 1)
    again = ingest_inbox(box, store, consultation)
    assert again.reread == 1 and again.added[0]["responses"] == 1
    rows = [r for r in store.submissions() if r.kind == "form-row"]
    assert len(rows) == 1 and "lead resettlement" in rows[0].text
    assert ingest_inbox(box, store, consultation).new == 0


def test_inbox_reread_archive_keeps_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip archive read again by a newer zip reader keeps the responses inside it (its files, read by
    their own current readers, are not copies of themselves to drop)."""
    import zipfile

    from respmine.ingest import dispatch

    box = tmp_path / "inbox"
    box.mkdir()
    with zipfile.ZipFile(box / "batch.zip", "w") as archive:
        archive.writestr("one.txt", "Charities should lead resettlement work in every prison.\n")
        archive.writestr("two.txt", "Small charities need smaller contracts.\n")
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(box, store)
    before = sorted(r.source for r in store.submissions())
    monkeypatch.setitem(dispatch.READER_VERSIONS, "zip", dispatch.BASE_READER_VERSION + 1)
    again = ingest_inbox(box, store)
    assert again.reread == 1 and again.added[0]["responses"] == 2
    assert sorted(r.source for r in store.submissions()) == before == [
        "batch.zip", "batch.zip#one.txt", "batch.zip#two.txt"]


def _as_stored_before_reader_versions(store: Store) -> None:
    """Every row stamped "1", as a store written before per-format reader versions is."""
    from sqlalchemy import update

    from respmine.store.models import SubmissionRow

    with store.session() as s, s.begin():
        s.execute(update(SubmissionRow).values(extractor_version="1"))


def _reply(attachment: bytes, filename: str, kind: tuple[str, str] = ("text", "plain"),
           body: str = "Please see our response attached.", subject: str = "Response") -> bytes:
    """An e-mail (as its bytes) sending `attachment` as `filename`."""
    msg = EmailMessage()
    msg["From"], msg["Subject"], msg["Date"] = "a@example.org", subject, "Mon, 20 Apr 2026 09:00:00 +0100"
    msg.set_content(body)
    msg.add_attachment(attachment, maintype=kind[0], subtype=kind[1], filename=filename)
    return msg.as_bytes()


def _zip(path: Path, members: dict[str, str | bytes]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_inbox_store_from_before_reader_versions_read_again_changes_only_the_stamps(
    inbox: Path, tmp_path: Path
) -> None:
    """A store from before reader versions is read again once, and that changes nothing but the stamps:
    the same rows, names, dates and late flags (a zip archive's files and a form's undated rows take theirs
    from their file's arrival: they had lost it, the archive's and the export's own row keeping none, so 2
    late responses of 5 were no longer late), the same counts."""
    (inbox / "export.csv").write_text(
        "Timestamp,Full name,How should charities be involved?\n"
        "20/04/2026 10:15:00,Alex,Charities should lead resettlement work in every prison.\n"
        ",Sam,Charities should be paid the full cost of the services they deliver.\n")
    network = EmailMessage()
    network["From"] = "b.person@example.org"
    network["Subject"] = "Forwarded"
    network["Date"] = "Mon, 20 Apr 2026 09:00:00 +0100"
    network.set_content("Our network's view: smaller contracts.")
    _zip(inbox / "batch.zip", {"network.eml": network.as_bytes(),
                               "copy of late.txt": "A late letter asking for full cost recovery.\n",
                               "inner.txt": "Probation should fund volunteers properly.\n"})
    consultation = load_consultation(tmp_path / "consultation.yaml")
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    first = ingest_inbox(inbox, store, consultation)

    def rows() -> list[tuple[object, ...]]:
        return sorted((r.sha256, r.parent_sha256, r.kind, r.source, r.format, r.status, r.text, r.received_at,
                       r.received_from, r.late) for r in store.submissions())

    before, names = rows(), store.sources()
    assert sum(r[-1] is True for r in before if r[2] != "attachment") == first.late == 5
    _as_stored_before_reader_versions(store)
    again = ingest_inbox(inbox, store, consultation)
    assert again.reread == again.new == first.new
    assert (again.late, again.submissions) == (first.late, first.submissions)
    assert again.responses == first.responses
    assert rows() == before and store.sources() == names
    assert ingest_inbox(inbox, store, consultation).new == 0


def test_inbox_reread_keeps_a_file_another_archive_read_first_holds(tmp_path: Path) -> None:
    """b.zip was read first, its file stored under it; a.zip, holding the same file, arrived later but is
    dated earlier (by its file's time here, or a received log). Read again, a.zip comes first and takes
    the file (a store from before reader versions) or takes it for b.zip's copy (a zip reader's bump):
    b.zip's re-read forgot it either way, losing a response, and the run then failed on recording the
    copy's name (a foreign key to the forgotten row)."""
    from respmine.ingest import dispatch

    box = tmp_path / "inbox"
    box.mkdir()
    reply = {"reply.txt": "Charities should lead resettlement work in every prison.\n"}
    _zip(box / "b.zip", dict(reply))
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(box, store)
    _zip(box / "a.zip", {**reply, "cover.txt": "Please find our members' responses enclosed.\n"})
    earlier = (box / "b.zip").stat().st_mtime - 3600
    os.utime(box / "a.zip", (earlier, earlier))
    assert ingest_inbox(box, store).duplicates == 1

    def texts() -> list[str]:
        return sorted(r.text for r in store.submissions() if r.format == "txt")

    read = texts()
    assert len(read) == 2
    _as_stored_before_reader_versions(store)
    assert ingest_inbox(box, store).reread == 2 and texts() == read
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(dispatch.READER_VERSIONS, "zip", dispatch.BASE_READER_VERSION + 1)
        assert ingest_inbox(box, store).reread == 2 and texts() == read
        assert ingest_inbox(box, store).new == 0


def test_inbox_reread_killed_before_forgetting_forgets_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed as it deletes what a file read again no longer holds: the file's new reading was
    committed before, stamped current with its lost row still under it (of a format whose reader did not
    change: a form's rows), so the next run took it as done and the row stayed a response for good."""
    from sqlalchemy import event

    from respmine.ingest import dispatch

    box = _two_row_export(tmp_path)
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(box, store)
    monkeypatch.setitem(dispatch.READERS, "csv", f"{__name__}:_first_row_only")
    monkeypatch.setitem(dispatch.READER_VERSIONS, "csv", dispatch.BASE_READER_VERSION + 1)

    def killed(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("DELETE"):
            raise KeyboardInterrupt

    event.listen(store.engine, "before_cursor_execute", killed)
    with pytest.raises(KeyboardInterrupt):
        ingest_inbox(box, store)
    event.remove(store.engine, "before_cursor_execute", killed)
    assert ingest_inbox(box, store).reread == 1
    assert len([r for r in store.submissions() if r.kind == "form-row"]) == 1


def _without_attachments(src):  # type: ignore[no-untyped-def]
    """An e-mail reader whose new version no longer reads attachments (for the test below)."""
    from respmine.ingest.email import read_eml

    return replace(read_eml(src), children=())


@pytest.mark.parametrize("zip_read_again", [False, True])
def test_inbox_reread_keeps_what_another_file_holds_as_a_copy(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zip_read_again: bool
) -> None:
    """An e-mail read again no longer finds its attachment, which a zip archive dated earlier also holds
    (stored as its copy, by name only): the archive's response stays (it was forgotten with the
    attachment, for good, or the run failed recording the archive's name for it: a foreign key)."""
    from respmine.ingest import dispatch

    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    ingest_inbox(inbox, store, consultation)
    _zip(inbox / "batch.zip", {"answers.txt": "Local commissioning works best.",
                               "other.txt": "Probation should fund volunteers properly.\n"})
    earlier = (inbox / "reply.eml").stat().st_mtime - 3600
    os.utime(inbox / "batch.zip", (earlier, earlier))
    assert ingest_inbox(inbox, store, consultation).duplicates == 1  # the attachment's copy
    monkeypatch.setitem(dispatch.READERS, "eml", f"{__name__}:_without_attachments")
    monkeypatch.setitem(dispatch.READER_VERSIONS, "eml", dispatch.BASE_READER_VERSION + 1)
    if zip_read_again:
        monkeypatch.setitem(dispatch.READER_VERSIONS, "zip", dispatch.BASE_READER_VERSION + 1)
    ingest_inbox(inbox, store, consultation)
    assert "Local commissioning works best." in [r.text for r in store.submissions()]
    assert "batch.zip#answers.txt" in {path for paths in store.sources().values() for path in paths}
    assert ingest_inbox(inbox, store, consultation).new == 0


def test_inbox_raising_the_size_limit_reads_a_file_quarantined_as_too_large(tmp_path: Path) -> None:
    """The quarantine tells the user to raise --max-file-mb and run again; the rerun took the file as done
    (stored, by the current reader) and never read it. A rerun with the same limit keeps it quarantined,
    without reading it again; one with the limit the reason names reads it (once)."""
    import re

    from flows.reprocess_late_submissions import changes_markdown
    from respmine import pipeline
    from respmine.config import Settings
    from respmine.report.intake import summary_markdown

    box = tmp_path / "inbox"
    box.mkdir()
    (box / "long.txt").write_text("Charities should lead resettlement work in every prison.\n" * 60)
    (box / "short.txt").write_text("Small charities need smaller contracts.\n")
    small = Settings.load(tmp_path / "work", max_file_mb=0.002, workers=1)  # 2,097 bytes; the file: 3,480

    def run(settings: Settings) -> dict:  # type: ignore[type-arg]
        return pipeline.ingest_stage(box, None, settings)

    def long_row():  # type: ignore[no-untyped-def]
        return next(r for r in Store(small.store_url).submissions() if r.source == "long.txt")

    assert run(small)["new"] == 2 and long_row().code == "too_large"
    advice = re.search(r"--max-file-mb ([0-9.]+)", long_row().reason)
    assert advice and "run again" in long_row().reason
    same = run(small)
    assert (same["new"], same["already_done"]) == (0, 2) and long_row().code == "too_large"
    raised = Settings.load(tmp_path / "work", max_file_mb=float(advice.group(1)), workers=1)
    again = run(raised)
    assert (again["new"], again["retried"], again["reread"]) == (1, 1, 0)
    assert [(a["file"], a["retried"], a["reread"]) for a in again["added"]] == [("long.txt", True, False)]
    assert "2 files in the inbox: 0 new, 1 quarantined (or read without OCR) before and read now that this " \
        "run allows it (a higher --max-file-mb" in summary_markdown(again)  # (not "read again ... reads their
    # format better")
    assert "1 file(s) quarantined (or read without OCR) before were read now" in changes_markdown(again)
    assert long_row().status == "ok" and "resettlement" in long_row().text
    assert run(raised)["new"] == 0 and run(small)["new"] == 0  # (read: a lower limit later changes nothing)


def test_inbox_quarantines_a_setting_or_a_tool_caused_are_read_once_it_is_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"Rerun with OCR enabled" and "install it and rerun" must work as said: an image quarantined in a
    run without OCR (also as an e-mail's attachment) and a legacy Word file quarantined for want of
    antiword are read by the first run able to; runs still unable leave them as they are."""
    import shutil

    from PIL import Image, ImageDraw, ImageFont

    box = tmp_path / "inbox"
    box.mkdir()
    for name, words in (("scan.png", "Fund charities fully"), ("page.png", "Keep probation local")):
        image = Image.new("L", (1400, 300), 255)
        ImageDraw.Draw(image).text((40, 100), words, fill=0, font=ImageFont.load_default(size=64))
        image.save(tmp_path / name)
    (box / "scan.png").write_bytes((tmp_path / "scan.png").read_bytes())
    (box / "scan.eml").write_bytes(_reply((tmp_path / "page.png").read_bytes(), "page.png", ("image", "png"),
                                          "Our response is the scan attached.", "Scan"))
    (box / "old.doc").write_bytes((Path(__file__).parent / "files" / "legacy_response.doc").read_bytes())
    image.save(box / "scan.pdf", resolution=100)  # (a scanned PDF read without OCR was "no_text": "check
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")  # it is legible", never read again)

    def codes() -> dict[str, str | None]:
        return {r.source: r.code for r in store.submissions()}

    real_which = shutil.which
    with monkeypatch.context() as patch:
        patch.setattr(shutil, "which", lambda name: None if name in ("antiword", "soffice", "libreoffice")
                      else real_which(name))
        assert ingest_inbox(box, store, ocr=False).new == 4
        assert codes() == {"scan.png": "ocr_disabled", "scan.eml": None, "scan.eml#page.png": "ocr_disabled",
                           "old.doc": "missing_tool", "scan.pdf": "ocr_disabled"}
        assert ingest_inbox(box, store, ocr=False).new == 0
        with_ocr = ingest_inbox(box, store)
        assert sorted(a["file"] for a in with_ocr.added) == ["scan.eml", "scan.pdf", "scan.png"]
        assert ingest_inbox(box, store).new == 0
    installed = ingest_inbox(box, store)
    assert [a["file"] for a in installed.added] == ["old.doc"]
    assert set(codes().values()) == {None} and ingest_inbox(box, store).new == 0


@pytest.mark.parametrize("email_first", [True, False])
@pytest.mark.parametrize("one_run", [True, False])
def test_inbox_file_also_an_emails_attachment_counts_once(
    tmp_path: Path, email_first: bool, one_run: bool
) -> None:
    """The same bytes as a file of the inbox and as an attachment of an e-mail there are one submission, the
    e-mail's attachment (part of its response), the file a name it also arrived under, whichever came
    first. In one run, the file read after the e-mail was saved over the attachment as a response of its
    own (2 responses); read before it, it was counted as one in the run's summary though the store then
    held it as the attachment."""
    from respmine.report.intake import submission_rows

    box = tmp_path / "inbox"
    box.mkdir()
    answers = b"Local commissioning works best: charities know their areas."
    reply = _reply(answers, "answers.txt")
    first, second = ("reply.eml", "answers.txt") if email_first else ("answers.txt", "reply.eml")
    content = {"reply.eml": reply, "answers.txt": answers}
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    (box / first).write_bytes(content[first])
    if not one_run:
        ingest_inbox(box, store)
    (box / second).write_bytes(content[second])
    os.utime(box / first, (1_776_000_000, 1_776_000_000))  # (the order copies are read in: arrival)
    os.utime(box / second, (1_776_003_600, 1_776_003_600))
    summary = ingest_inbox(box, store)
    if one_run:
        assert (summary.responses, summary.attachments, summary.duplicates) == ({"file": 1}, 1, 1)
        assert (summary.new, summary.submissions, [a["file"] for a in summary.added]) == (1, 2, ["reply.eml"])
        assert dict(summary.by_format) == {"eml": 1, "txt": 1}
    rows = {r.source: r for r in store.submissions()}
    assert sorted(rows) == ["reply.eml", "reply.eml#answers.txt"]
    attachment = rows["reply.eml#answers.txt"]
    assert attachment.kind == "attachment" and attachment.parent_sha256 == rows["reply.eml"].sha256
    shown = {r["source_file"]: r["also_received_as"] for r in submission_rows(store)}
    assert shown == {"reply.eml": "", "reply.eml#answers.txt": "answers.txt"}
    again = ingest_inbox(box, store)
    assert (again.new, again.already_done) == (0, 2)


def test_inbox_raising_the_size_limit_reads_an_archives_file_quarantined_as_too_large(tmp_path: Path) -> None:
    """A file inside a zip over the size limit (a zip compresses: its file can be over the limit the zip is
    under) is quarantined with the same advice, 'raise the limit and run again (--max-file-mb N): it is
    read then'; the rerun with that limit lifted only an inbox file's quarantine (its size known before
    reading), so the zip's file stayed quarantined for good. The same limit still keeps it."""
    import re
    import zipfile

    from respmine.ingest.source import Limits

    box = tmp_path / "inbox"
    box.mkdir()
    with zipfile.ZipFile(box / "batch.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("long.txt", "Charities should lead resettlement work in every prison.\n" * 2000)  # 116 KB
        zf.writestr("short.txt", "Small charities need smaller contracts.\n")
    assert (box / "batch.zip").stat().st_size < 50_000
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")

    def row():  # type: ignore[no-untyped-def]
        return next(r for r in store.submissions() if r.source == "batch.zip#long.txt")

    small = Limits(max_file_bytes=50_000)
    assert ingest_inbox(box, store, limits=small).new == 1 and row().code == "too_large"
    advice = re.search(r"--max-file-mb ([0-9.]+)", row().reason)
    assert advice and "run again" in row().reason
    assert ingest_inbox(box, store, limits=small).new == 0 and row().code == "too_large"
    raised = Limits(max_file_bytes=int(float(advice.group(1)) * 1024 * 1024))
    again = ingest_inbox(box, store, limits=raised)
    assert [(a["file"], a["retried"]) for a in again.added] == [("batch.zip", True)]
    assert row().status == "ok" and "resettlement" in row().text
    assert ingest_inbox(box, store, limits=raised).new == 0
    assert ingest_inbox(box, store, limits=small).new == 0


@pytest.mark.parametrize("zip_first", [True, False])
def test_inbox_archives_file_also_an_emails_attachment_counts_once(tmp_path: Path, zip_first: bool) -> None:
    """As a file of the inbox an e-mail also holds: a zip's file with the same bytes as an e-mail's
    attachment is that attachment (the store saves it so, in either order). With the zip read first, the
    run's summary and the zip's `added` entry still counted it as a response of its own (3 responses, 2
    stored); read after the e-mail it was a duplicate."""
    import zipfile

    box = tmp_path / "inbox"
    box.mkdir()
    answers = b"Local commissioning works best: charities know their areas."
    (box / "reply.eml").write_bytes(_reply(answers, "answers.txt"))
    with zipfile.ZipFile(box / "batch.zip", "w") as zf:
        zf.writestr("answers.txt", answers)
        zf.writestr("other.txt", "Smaller contracts would let small charities bid.\n")
    first, second = ("batch.zip", "reply.eml") if zip_first else ("reply.eml", "batch.zip")
    os.utime(box / first, (1_776_000_000, 1_776_000_000))
    os.utime(box / second, (1_776_003_600, 1_776_003_600))
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    summary = ingest_inbox(box, store)
    rows = {r.source: r for r in store.submissions()}
    assert sorted(rows) == ["batch.zip", "batch.zip#other.txt", "reply.eml", "reply.eml#answers.txt"]
    assert rows["reply.eml#answers.txt"].kind == "attachment"
    assert (dict(summary.responses), summary.attachments, summary.archives) == ({"file": 2}, 1, 1)
    assert (summary.submissions, summary.duplicates) == (4, 1)
    assert {a["file"]: a["responses"] for a in summary.added} == {"batch.zip": 1, "reply.eml": 1}
    listed = sorted(s for a in summary.added for s in a["submissions"])
    assert listed == sorted(r.sha256 for r in rows.values())
    assert "batch.zip#answers.txt" in store.sources()[rows["reply.eml#answers.txt"].sha256]
    assert ingest_inbox(box, store).new == 0


def test_inbox_a_quarantine_read_again_and_quarantined_again_is_said_so(tmp_path: Path) -> None:
    """A store from before too_large was split kept "too_large" for a form export over the row limit: the
    next run reads it again (its size is under the limit) and quarantines it as too_many_rows. The summary
    and the late flow's changes said it was "read now that this run allows it" (nothing was read, no
    setting changed); they say it was quarantined again (so too a scan read with OCR turned on whose OCR
    fails). Once read, it stays."""
    from flows.reprocess_late_submissions import changes_markdown
    from respmine.ingest.source import Limits
    from respmine.records import Quarantined, sha256_bytes
    from respmine.report.intake import summary_markdown
    from respmine.store import Arrival

    box = tmp_path / "inbox"
    box.mkdir()
    data = b"id,Q1\n1,Charities should lead.\n2,Small contracts.\n3,Fund them fully.\n"
    (box / "form.csv").write_bytes(data)
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    old = ("The form export has over 2 rows. Split it into smaller exports, or raise the row limit if it is "
           "genuine.")
    quarantined = Quarantined("form.csv", sha256_bytes(data), "csv", old, "too_large")
    store.save(quarantined, Arrival(None, None, None), kind="file", path="form.csv")
    limits = Limits(max_form_rows=2)
    summary = ingest_inbox(box, store, limits=limits).as_dict()
    assert [(r.source, r.code) for r in store.submissions()] == [("form.csv", "too_many_rows")]
    assert summary["retried"] == 1
    assert "; 1 of them quarantined again for another cause, listed below)" in summary_markdown(summary)
    assert "Of them, 1 were quarantined again for another cause" in changes_markdown(summary)
    assert ingest_inbox(box, store, limits=limits).new == 0


@pytest.mark.parametrize("why", ["reader", "ocr"])
def test_inbox_a_file_also_an_emails_attachment_read_again_stays_the_attachment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, why: str
) -> None:
    """A file of the inbox an e-mail there also holds is stored as that attachment. Read again (a newer
    reader of its format, or a quarantine lifted: a scan read with OCR off, then on), only the file was read
    again: `stored_reads` left it out of its e-mail (asked for itself), so the e-mail stayed done and the
    file was saved alone as a response of its own, out of the e-mail (which lost its response). Now the
    e-mail is read again with it."""
    from PIL import Image, ImageDraw, ImageFont

    from respmine.ingest import dispatch

    box = tmp_path / "inbox"
    box.mkdir()
    if why == "ocr":
        image = Image.new("L", (1400, 300), 255)
        ImageDraw.Draw(image).text((40, 100), "Fund charities fully", fill=0,
                                   font=ImageFont.load_default(size=64))
        image.save(tmp_path / "answers.png")
        name, data, kind = "answers.png", (tmp_path / "answers.png").read_bytes(), ("image", "png")
    else:
        name, data, kind = "answers.txt", b"Local commissioning works best.", ("text", "plain")
    (box / "reply.eml").write_bytes(_reply(data, name, kind))
    (box / name).write_bytes(data)
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")

    def attachment():  # type: ignore[no-untyped-def]
        return {r.source: r for r in store.submissions()}[f"reply.eml#{name}"]

    ingest_inbox(box, store, ocr=why != "ocr")
    assert attachment().kind == "attachment"
    if why == "reader":
        monkeypatch.setitem(dispatch.READER_VERSIONS, "txt", dispatch.BASE_READER_VERSION + 1)
    again = ingest_inbox(box, store)
    rows = {r.source: r for r in store.submissions()}
    assert sorted(rows) == ["reply.eml", f"reply.eml#{name}"]
    assert (attachment().kind, attachment().parent_sha256, attachment().status) == (
        "attachment", rows["reply.eml"].sha256, "ok")
    assert [a["file"] for a in again.added] == ["reply.eml"] and dict(again.responses) == {"file": 1}
    assert ingest_inbox(box, store).new == 0


def _part_scanned_pdf(path: Path, typed: str, scanned: list[str]) -> None:
    """A PDF of a typed page (a text layer) and a scanned one (an image only, its lines `scanned`)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    for i, line in enumerate(scanned):
        draw.text((150, 200 + i * 70), line, fill=0, font=font)
    png = path.with_suffix(".png")
    image.save(png)
    pdf = FPDF(unit="pt", format=(612, 792))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(468, 14, typed)
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=612, h=792)
    pdf.output(str(path))
    png.unlink()


@pytest.mark.skipif(__import__("shutil").which("tesseract") is None, reason="tesseract is not installed")
@pytest.mark.parametrize("where", ["inbox", "attachment"])
def test_inbox_a_document_read_with_scanned_pages_left_without_ocr_is_read_again_with_ocr(
    tmp_path: Path, where: str
) -> None:
    """A PDF with a typed page and a scanned one, read with OCR off, is stored as read (its typed page's
    text; the scan's page "image-no-ocr"): a later run with OCR on skipped it as done, so the scanned
    page's words never reached the outputs, though a wholly scanned file quarantined "ocr_disabled" was
    read again. It is read again by the first run with OCR on (so too an e-mail attaching it), once."""
    box = tmp_path / "inbox"
    box.mkdir()
    pdf = tmp_path / "letter.pdf"
    _part_scanned_pdf(pdf, "Question 1. We support local commissioning of resettlement services.",
                      ["Question 2. Fund charities fully", "for three years at a time."])
    if where == "inbox":
        (box / "letter.pdf").write_bytes(pdf.read_bytes())
    else:
        (box / "reply.eml").write_bytes(_reply(pdf.read_bytes(), "letter.pdf", ("application", "pdf")))
    name = "letter.pdf" if where == "inbox" else "reply.eml#letter.pdf"
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")

    def row():  # type: ignore[no-untyped-def]
        return {r.source: r for r in store.submissions()}[name]

    assert ingest_inbox(box, store, ocr=False).new == 1
    assert row().status == "ok" and "local commissioning" in row().text and "three years" not in row().text
    assert [p["method"] for p in row().pages] == ["pdfium", "image-no-ocr"]
    assert ingest_inbox(box, store, ocr=False).new == 0  # (OCR still off: nothing to do)
    with_ocr = ingest_inbox(box, store)
    assert [(a["file"], a["retried"], a["reread"]) for a in with_ocr.added] == [
        (name.split("#")[0], True, False)]
    assert "three years" in row().text and [p["method"] for p in row().pages] == ["pdfium", "ocr-tesseract"]
    assert [r.source for r in store.submissions()].count(name) == 1
    assert ingest_inbox(box, store).new == 0 and ingest_inbox(box, store, ocr=False).new == 0


@pytest.mark.slow
@pytest.mark.skipif(__import__("shutil").which("tesseract") is None, reason="tesseract is not installed")
def test_pipeline_a_pdf_read_again_with_ocr_replaces_its_segments_and_codes(tmp_path: Path) -> None:
    """End to end: the scanned page's answer, unread with OCR off, is segmented and coded once a run with
    OCR on reads the PDF again; the segments of the first reading are replaced (none left of it that the
    new text does not hold), and a further run changes nothing."""
    from respmine import pipeline
    from respmine.config import Settings
    from respmine.store.views import read_segments
    from tests.flows.compare import copy_sample

    yaml = copy_sample(tmp_path / "sample")
    consultation = load_consultation(yaml)
    box = tmp_path / "inbox"
    box.mkdir()
    _part_scanned_pdf(box / "letter.pdf", "Question 1\n\nVoluntary organisations should be involved in "
                      "delivering offender services in prisons as equal partners of the probation trusts.",
                      ["Question 2", "", "Full cost recovery and contracts", "of at least three years would",
                       "give charities the certainty", "they need to take part."])

    def run(ocr: bool) -> tuple[dict, list[tuple[str, str, str]], dict]:  # type: ignore[type-arg]
        settings = Settings.load(tmp_path / "work", workers=1, ocr=ocr)
        ingested = pipeline.ingest_stage(box, consultation, settings)
        pipeline.structure_stage(consultation, settings)
        coded = pipeline.themes_stage(consultation, settings)
        store = Store(settings.store_url)
        segments = sorted((s.id, s.question, s.text) for s in read_segments(store))
        from respmine.store import themes as themes_store
        codes = {seg: sorted(c.theme for c in found) for seg, found in
                 _by_segment(themes_store.machine_codes(store)).items()}
        return ingested | {"coded": coded["segments_coded"]}, segments, codes

    first, segments, _ = run(ocr=False)
    assert first["new"] == 1 and {q for _, q, _ in segments} == {"Q1"}
    again, segments, codes = run(ocr=True)
    assert again["retried"] == 1
    assert {q for _, q, _ in segments} == {"Q1", "Q2"}
    q2 = next(seg for seg, q, _ in segments if q == "Q2")
    assert "three years" in next(t for s, _, t in segments if s == q2) and codes.get(q2)
    assert set(codes) <= {seg for seg, _, _ in segments}  # (no codes left on the first reading's segments)
    same, same_segments, same_codes = run(ocr=True)
    assert same["new"] == 0 and same["coded"] == 0 and (same_segments, same_codes) == (segments, codes)


def _by_segment(codes):  # type: ignore[no-untyped-def]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for code in codes:
        out.setdefault(code.segment, []).append(code)
    return out


def test_inbox_a_file_replaced_by_a_new_version_under_its_name_is_one_submission(tmp_path: Path) -> None:
    """A new version of a file dropped in the inbox under the same name (a too-large file re-sent, a letter
    corrected, a form export downloaded again) is read; the earlier version, no longer in the inbox, was
    kept beside it: a too-large file's old quarantine listed next to its new reading, a letter counted twice.
    Each file of the inbox ends as one submission, its content now; a copy of the old content under another
    name stays (that name's), a form's rows the new export still has stay (under it), a dropped row goes."""
    from respmine.ingest.source import Limits
    from respmine.records import sha256_bytes
    from respmine.report.intake import submission_rows, summary_markdown

    box = tmp_path / "inbox"
    box.mkdir()
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    small = Limits(max_file_bytes=2_000)
    (box / "long.txt").write_text("Charities should lead resettlement.\n" * 100)  # 3,600 bytes: too large
    (box / "letter.txt").write_text("We support local commissioning.\n")
    (box / "copy.txt").write_text("We support local commissioning.\n")  # (the same bytes: one submission)
    answers = ["Charities should lead resettlement work in every prison.",
               "Small charities need smaller contracts to take part.",
               "Fund the charities fully for three years at a time."]
    (box / "form.csv").write_text(f"id,Q1\n1,{answers[0]}\n2,{answers[1]}\n")
    ingest_inbox(box, store, limits=small)

    def shown() -> list[tuple[str, str, str]]:
        return sorted((r["source_file"], r["status"], r["also_received_as"]) for r in submission_rows(store))

    before = shown()
    assert ("long.txt", "quarantined", "") in before and ("letter.txt", "ok", "copy.txt") in before
    (box / "long.txt").write_text("Charities should lead resettlement, second version.\n" * 100)
    (box / "letter.txt").write_text("We support local commissioning, with ring-fenced funding.\n")
    (box / "form.csv").write_text(f"id,Q1\n1,{answers[0]}\n3,{answers[2]}\n")
    summary = ingest_inbox(box, store, limits=small)
    assert [r.source for r in store.submissions()].count("long.txt") == 1
    assert (summary.new, summary.replaced, summary.replaced_files) == (3, 3, ["form.csv", "letter.txt",
                                                                             "long.txt"])
    assert "3 files replaced by a new version under the same name (form.csv, letter.txt, long.txt): the " \
        "earlier version dropped (if one was another sender's file saved over an earlier response, put the " \
        "earlier file back under a name of its own and run again)." in summary_markdown(summary.as_dict())
    rows = {r.source: r for r in store.submissions()}
    assert "second version" not in rows["long.txt"].reason and rows["long.txt"].code == "too_large"
    assert rows["long.txt"].sha256 == sha256_bytes((box / "long.txt").read_bytes())
    assert "ring-fenced" in rows["letter.txt"].text
    assert rows["copy.txt"].text == "We support local commissioning." and rows["copy.txt"].status == "ok"
    assert store.sources()[rows["copy.txt"].sha256] == ["copy.txt"]
    form = rows["form.csv"].sha256
    assert sorted(r.answers[0]["text"] for r in store.submissions() if r.parent_sha256 == form) == [
        answers[0], answers[2]]
    assert not [r for r in store.submissions() if r.parent_sha256 and r.parent_sha256 not in
                {x.sha256 for x in store.submissions()}]
    names = [r["source_file"] for r in submission_rows(store) if "#" not in r["source_file"]]
    assert sorted(names) == sorted(p.name for p in box.iterdir())  # (one outcome each)
    (box / "long.txt").write_text("Charities should lead resettlement.\n")  # now under the limit
    again = ingest_inbox(box, store, limits=small)
    assert (again.new, again.replaced) == (1, 1)
    assert [(r.source, r.status) for r in store.submissions() if r.source == "long.txt"] == [
        ("long.txt", "ok")]
    same = ingest_inbox(box, store, limits=small)
    assert (same.new, same.replaced) == (0, 0)


def test_inbox_another_folder_with_a_file_of_the_same_name_replaces_nothing(tmp_path: Path) -> None:
    """Two folders ingested into one store may both hold a "response.txt": a file of the other folder."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "response.txt").write_text("We support local commissioning.\n")
    (second / "response.txt").write_text("Small charities need smaller contracts.\n")
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(first, store)
    assert ingest_inbox(second, store).replaced == 0
    assert len([r for r in store.submissions() if r.source == "response.txt"]) == 2


def test_inbox_runs_given_the_same_relative_inbox_from_two_folders_replace_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`respmine ingest inbox` from two folders: two inboxes, though both runs were given "inbox" (the run
    record kept the path as given, resolved later against the current folder: round 1's response.txt was
    taken for an earlier version of round 2's and dropped)."""
    for n in (1, 2):
        (tmp_path / f"round{n}" / "inbox").mkdir(parents=True)
    (tmp_path / "round1" / "inbox" / "response.txt").write_text("We support local commissioning.\n")
    (tmp_path / "round2" / "inbox" / "response.txt").write_text("Small charities need smaller contracts.\n")
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    monkeypatch.chdir(tmp_path / "round1")
    ingest_inbox(Path("inbox"), store)
    monkeypatch.chdir(tmp_path / "round2")
    assert ingest_inbox(Path("inbox"), store).replaced == 0
    assert len([r for r in store.submissions() if r.source == "response.txt"]) == 2
    (tmp_path / "round2" / "inbox" / "response.txt").write_text("Small charities need contracts.\n")
    assert ingest_inbox(tmp_path / "round2" / "inbox", store).replaced == 0  # (still two folders)


def test_inbox_an_archive_replaced_twice_keeps_only_what_its_last_version_holds(tmp_path: Path) -> None:
    """A zip re-sent under its name: the files its new version still holds stay its files (they were left
    as files of their own, outside it, so a third version without one kept it, counted: the earlier
    version's response never dropped)."""
    box = tmp_path / "inbox"
    box.mkdir()
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    a, b = "We support local commissioning of services.\n", "Small charities need smaller contracts.\n"
    _zip(box / "batch.zip", {"a.txt": a, "b.txt": b})
    ingest_inbox(box, store)
    _zip(box / "batch.zip", {"a.txt": a, "b.txt": b.replace(".", ", corrected.")})
    second = ingest_inbox(box, store)
    assert (second.new, second.replaced) == (1, 1)
    zip_sha = {r.source: r.sha256 for r in store.submissions()}["batch.zip"]
    assert sorted((r.source, r.parent_sha256) for r in store.submissions() if r.source != "batch.zip") == [
        ("batch.zip#a.txt", zip_sha), ("batch.zip#b.txt", zip_sha)]
    _zip(box / "batch.zip", {"b.txt": b.replace(".", ", corrected.")})
    third = ingest_inbox(box, store)
    assert (third.new, third.replaced) == (1, 1)
    assert sorted(r.source for r in store.submissions()) == ["batch.zip", "batch.zip#b.txt"]
    assert ingest_inbox(box, store).new == 0


@pytest.mark.parametrize("held", ["attachment", "form-row"])
def test_inbox_a_file_replaced_keeps_what_another_file_of_the_inbox_holds_too(
    tmp_path: Path, held: str
) -> None:
    """The same bytes attached to two e-mails (a campaign's letter), or the same row in two exports of a
    form, are stored once, under the file read last. That file replaced by a version without them: they
    were dropped with it, though the other file, still in the inbox (read, not read again), holds them:
    alice.eml lost its letter. They stay, the other file's."""
    box = tmp_path / "inbox"
    box.mkdir()
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    letter = "Our organisation supports a ban on pavement parking everywhere.\n"
    if held == "attachment":
        (box / "alice.eml").write_bytes(_reply(letter.encode(), "campaign.txt", subject="Alice"))
        ingest_inbox(box, store)
        (box / "bob.eml").write_bytes(_reply(letter.encode(), "campaign.txt", subject="Bob"))
        ingest_inbox(box, store)
        (box / "bob.eml").write_bytes(_reply(b"I oppose the ban.\n", "bob.txt", subject="Bob, corrected"))
        other, name = "alice.eml", "alice.eml#campaign.txt"
    else:
        (box / "all.csv").write_text(f"id,Q1\n1,{letter.strip()}\n2,Fund charities fully.\n")
        ingest_inbox(box, store)
        (box / "jan.csv").write_text(f"id,Q1\n1,{letter.strip()}\n")
        ingest_inbox(box, store)
        (box / "jan.csv").write_text("id,Q1\n3,Small charities need smaller contracts.\n")
        other, name = "all.csv", "all.csv#id-1"
    summary = ingest_inbox(box, store)
    assert summary.replaced == 1
    rows = {r.sha256: r for r in store.submissions()}
    holder = next(r.sha256 for r in rows.values() if r.source == other)
    kept = [r for r in rows.values() if letter.strip() in r.text and r.sha256 != holder]
    assert [(r.source, r.parent_sha256, r.kind) for r in kept] == [(name, holder, held)]
    assert ingest_inbox(box, store).new == 0 and len(store.submissions()) == len(rows)


def test_inbox_a_document_read_without_ocr_stays_read_while_ocr_cannot_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF whose typed page was read with OCR off, in a run with OCR on where tesseract is not installed:
    it was read again and quarantined whole ("missing_tool"), its typed page's text (segments, codes) gone
    until tesseract is installed. It stays as read; it is read again once OCR can run."""
    box = tmp_path / "inbox"
    box.mkdir()
    _part_scanned_pdf(box / "letter.pdf", "Question 1. We support local commissioning of resettlement.",
                      ["Question 2. Fund charities fully"])
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(box, store, ocr=False)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    summary = ingest_inbox(box, store)
    assert (summary.new, summary.retried) == (0, 0)
    assert [(r.source, r.status) for r in store.submissions()] == [("letter.pdf", "ok")]
    assert "local commissioning" in store.submissions()[0].text


def test_inbox_a_form_export_replaced_with_more_rows_than_a_query_may_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form export re-sent with every row changed (a column added): its old rows, more than SQLite lets
    one query name (32,766 by default; `CHUNK` and the limit scaled down here), were looked up in one `IN`
    ("too many SQL variables": the run crashed at its end). Queried by `CHUNK`."""
    import sqlite3

    from sqlalchemy import event

    from respmine.store import repository

    monkeypatch.setattr(repository, "CHUNK", 50)
    box = tmp_path / "inbox"
    box.mkdir()
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")

    @event.listens_for(store.engine, "connect")
    def _limit(conn, _record):  # type: ignore[no-untyped-def]
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 99)

    store.engine.dispose()
    rows = [f"Answer {i}: charities should lead resettlement work." for i in range(120)]
    (box / "form.csv").write_text("id,Q1\n" + "".join(f"{i},{a}\n" for i, a in enumerate(rows)))
    ingest_inbox(box, store)
    (box / "form.csv").write_text("id,Q1,Q2\n" + "".join(f"{i},{a},yes\n" for i, a in enumerate(rows)))
    assert ingest_inbox(box, store).replaced == 1
    assert len(store.submissions()) == 121
