"""Zip archives: each file inside is read as a response of its own, as if unpacked into the inbox."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

from respmine.consultation import load_consultation
from respmine.ingest import extract
from respmine.ingest.archive import member_name
from respmine.ingest.inbox import ingest_inbox
from respmine.records import Document, Quarantined
from respmine.report.intake import summary_markdown
from respmine.store import Store
from respmine.store.views import read_submissions, root_submission
from tests.ingest.test_inbox import CONSULTATION


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _read(tmp_path: Path, data: bytes, name: str = "batch.zip") -> Document | Quarantined:
    path = tmp_path / name
    path.write_bytes(data)
    return extract(path, name=name)


def test_archive_reads_each_file_and_skips_folders_and_system_files(tmp_path: Path) -> None:
    got = _read(tmp_path, _zip({
        "Responses/": b"", "Responses/Jones.txt": b"We support local commissioning.\n",
        "Responses/Patel.txt": b"Small charities need longer contracts.\n",
        "__MACOSX/Responses/._Jones.txt": b"\x00\x05\x16\x07", "Responses/.DS_Store": b"\x00\x00\x00\x01",
        "Thumbs.db": b"\xd0\xcf", "Responses/logo.bin": b"\x00\x01\x02\x03" * 40,
    }))
    assert isinstance(got, Document) and got.format == "zip" and got.text == ""
    kids = {c.source: c for c in got.children}
    assert set(kids) == {"batch.zip#Responses/Jones.txt", "batch.zip#Responses/Patel.txt",
                         "batch.zip#Responses/logo.bin"}
    assert isinstance(jones := kids["batch.zip#Responses/Jones.txt"], Document)
    assert jones.text.startswith("We support local commissioning")
    unread = kids["batch.zip#Responses/logo.bin"]  # a file it cannot read is quarantined alone, with why
    assert isinstance(unread, Quarantined) and unread.code == "unsupported"


def test_archive_member_name_written_by_windows_tools_is_decoded() -> None:
    info = zipfile.ZipInfo("Réponse Lefèvre.docx".encode().decode("cp437"))  # no UTF-8 flag: mojibake
    assert member_name(info) == "Réponse Lefèvre.docx"
    assert member_name(zipfile.ZipInfo("Responses\\Smith.txt")) == "Responses/Smith.txt"


def test_archive_password_empty_or_damaged_is_quarantined_with_what_to_do(tmp_path: Path) -> None:
    data = bytearray(_zip({"response.txt": b"We oppose the proposal.\n"}))
    for header, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "encrypted" in both headers
        at = data.index(header) + flags_at
        data[at] |= 0x1
    locked = _read(tmp_path, bytes(data), "locked.zip")
    assert isinstance(locked, Quarantined) and locked.code == "encrypted"
    assert "password" in locked.reason and "sender" in locked.reason
    empty = _read(tmp_path, _zip({"Responses/": b"", "__MACOSX/._x": b"\x00"}), "empty.zip")
    assert isinstance(empty, Quarantined) and empty.code == "empty" and "holds no files" in empty.reason
    good = b"Local charities know their areas.\n"
    damaged = _zip({"a.txt": good, "b.txt": b"We favour regional contracts.\n"}).replace(good, good.upper())
    got = _read(tmp_path, damaged, "damaged.zip")  # (a bad CRC in one member: the other is still read)
    assert isinstance(got, Document)
    first, second = got.children
    assert isinstance(first, Quarantined) and first.code == "corrupt" and "inside the zip" in first.reason
    assert isinstance(second, Document) and second.text.startswith("We favour regional")


def test_archive_nested_too_deep_stops_at_the_depth_limit(tmp_path: Path) -> None:
    data = _zip({"r.txt": b"A response.\n"})
    for depth in range(4):
        data = _zip({f"level{depth}.zip": data})
    got = _read(tmp_path, data)
    assert isinstance(got, Document)
    codes = [c.code for c in got.walk() if isinstance(c, Quarantined)]
    assert codes == ["too_deep"]


def test_archive_in_inbox_files_are_responses_dated_by_the_archive_rerun_idempotent(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "batch.zip").write_bytes(_zip({"Jones.txt": b"We support local commissioning.\n",
                                            "Patel.txt": b"Small charities need longer contracts.\n"}))
    (inbox / "Patel.txt").write_bytes(b"Small charities need longer contracts.\n")  # also sent on its own:
    # the file stays the submission (its date, its name), the archive's copy one more name for it
    (tmp_path / "consultation.yaml").write_text(CONSULTATION)
    (tmp_path / "received.csv").write_text("file,received\nbatch.zip,2026-04-26T09:00:00+01:00\n"
                                           "Patel.txt,2026-04-20T09:00:00+01:00\n")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    store = Store(f"sqlite:///{tmp_path / 'work' / 'store.sqlite'}")
    summary = ingest_inbox(inbox, store, consultation)
    assert summary.archives == 1 and summary.responses == {"file": 2} and summary.duplicates == 1
    rows = {r.source: r for r in store.submissions()}
    archive, jones = rows["batch.zip"], rows["batch.zip#Jones.txt"]
    assert archive.late is None and jones.late is True and jones.kind == "file"
    assert jones.parent_sha256 == archive.sha256
    subs = read_submissions(store)
    assert root_submission(subs, jones.sha256) == jones.sha256  # its own respondent, not the archive's
    patel = rows["Patel.txt"]
    assert patel.parent_sha256 is None and patel.late is False
    assert sorted(n for names in store.sources().values() for n in names) == [
        "Patel.txt", "batch.zip", "batch.zip#Jones.txt", "batch.zip#Patel.txt"]
    text = summary_markdown(summary.as_dict())
    assert "1 zip archive (the files in it are read as responses of their own" in text
    again = ingest_inbox(inbox, store, consultation)
    assert again.new == 0 and again.already_done == 2 and len(store.submissions()) == len(rows)


def test_archive_attached_to_an_email_is_part_of_the_email(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    msg = EmailMessage()
    msg["From"] = "a.person@example.org"
    msg["Subject"] = "Response"
    msg["Date"] = "Mon, 20 Apr 2026 09:00:00 +0100"
    msg.set_content("Please find our response attached (zipped).")
    msg.add_attachment(_zip({"answers.txt": b"Local commissioning works best.\n"}), maintype="application",
                       subtype="zip", filename="response.zip")
    (inbox / "reply.eml").write_bytes(msg.as_bytes())
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(inbox, store)
    rows = {r.source: r for r in store.submissions()}
    answers = rows["reply.eml#response.zip#answers.txt"]
    assert answers.kind == "attachment" and answers.text.startswith("Local commissioning")
    assert root_submission(read_submissions(store), answers.sha256) == rows["reply.eml"].sha256


def test_archive_a_file_read_before_from_another_archive_keeps_its_arrival(tmp_path: Path) -> None:
    """(A review.) A later archive holding files an earlier one brought overwrote their arrival: on-time
    responses became late. The earlier stays the submission; the later archive's copy is another name."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    x, z = b"We support local commissioning.\n", b"Contracts must be longer.\n"
    (inbox / "batch1.zip").write_bytes(_zip({"x.txt": x}))
    (tmp_path / "consultation.yaml").write_text(CONSULTATION)
    (tmp_path / "received.csv").write_text("file,received\nbatch1.zip,2026-04-01T09:00:00+01:00\n"
                                           "batch2.zip,2026-05-10T09:00:00+01:00\n")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    ingest_inbox(inbox, store, consultation)
    (inbox / "batch2.zip").write_bytes(_zip({"x.txt": x, "z.txt": z}))
    later = ingest_inbox(inbox, store, consultation)
    rows = {r.source: r for r in store.submissions()}
    assert rows["batch1.zip#x.txt"].late is False and rows["batch2.zip#z.txt"].late is True
    assert later.duplicates == 1 and "batch2.zip#x.txt" in store.sources()[rows["batch1.zip#x.txt"].sha256]


def test_archive_a_corrupt_compressed_file_is_quarantined_alone(tmp_path: Path) -> None:
    """(A review.) A member whose compressed data is damaged raised zlib.error: the whole archive was
    quarantined, its readable file with it."""
    buf = io.BytesIO()
    text = b"Local charities know their areas and should be funded for three years at least.\n" * 20
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bad.txt", text)
        zf.writestr("good.txt", b"We favour regional contracts.\n")
    data = bytearray(buf.getvalue())
    start = data.index(b"bad.txt") + len("bad.txt")  # (the local header's name, then the deflated data)
    data[start + 2 : start + 12] = b"\xff" * 10
    got = _read(tmp_path, bytes(data))
    assert isinstance(got, Document)
    bad, good = got.children
    assert isinstance(bad, Quarantined) and bad.code == "corrupt"
    assert isinstance(good, Document) and good.text.startswith("We favour regional")
