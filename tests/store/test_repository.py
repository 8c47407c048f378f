"""The store is content-addressed: saving the same submission twice updates one row."""

from __future__ import annotations

from pathlib import Path

from respmine.records import Document, Page, Quarantined
from respmine.store import Arrival, Store
from respmine.store.views import read_segments


def test_repository_save_same_content_twice_is_one_row(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    doc = Document(source="a.txt", sha256="a" * 64, format="txt", method="text-utf-8", text="Hello",
                   pages=(Page(1, 0, 5, "text-utf-8"),))
    arrival = Arrival(None, None, None)
    store.save(doc, arrival, kind="file", path="a.txt")
    store.save(doc, arrival, kind="file", path="b.txt")
    rows = store.submissions()
    assert len(rows) == 1 and rows[0].pages == [{"number": 1, "start": 0, "end": 5, "method": "text-utf-8"}]
    assert store.sources() == {"a" * 64: ["a.txt", "b.txt"]}
    assert set(store.stored_reads(["a" * 64, "b" * 64], lambda fmt: "")) == {"a" * 64}


def test_repository_save_stamps_the_current_reader_version(tmp_path: Path) -> None:
    """`Store.save` (and a `Saved` given no version) stamped "" on what it wrote, so an inbox file saved so
    was taken as read by an old reader and read again by every run; now it is stamped as `ingest` stamps
    (`ingest.dispatch.reader_version`), a version given still kept."""
    from respmine.ingest.dispatch import reader_version
    from respmine.ingest.inbox import ingest_inbox
    from respmine.records import sha256_bytes
    from respmine.store.repository import Saved

    box = tmp_path / "inbox"
    box.mkdir()
    data = b"We support involving charities in resettlement.\n"
    (box / "a.txt").write_bytes(data)
    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    arrival = Arrival(None, None, None)
    doc = Document("a.txt", sha256_bytes(data), "txt", "text-utf-8", data.decode())
    store.save(doc, arrival, kind="file", path="a.txt")
    store.save(Quarantined("b.pdf", "b" * 64, "pdf", "Damaged.", "corrupt"), arrival, kind="file")
    store.save_many([Saved(Document("c.pdf", "c" * 64, "pdf", "pdfium", "text"), arrival, "file"),
                     Saved(Document("d.pdf", "d" * 64, "pdf", "pdfium", "text"), arrival, "file",
                           version="1")])
    stamps = {r.source: r.extractor_version for r in store.submissions()}
    assert stamps == {"a.txt": reader_version("txt"), "b.pdf": reader_version("pdf"),
                      "c.pdf": reader_version("pdf"), "d.pdf": "1"}
    again = ingest_inbox(box, store)
    assert (again.new, again.already_done) == (0, 1)


def test_repository_quarantine_replaces_text(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    arrival = Arrival(None, None, None)
    store.save(Document("a.pdf", "c" * 64, "pdf", "pdfium", "text"), arrival, kind="file")
    store.save(Quarantined("a.pdf", "c" * 64, "pdf", "Damaged.", "corrupt"), arrival, kind="file")
    (row,) = store.submissions(status="quarantined")
    assert row.text == "" and row.reason == "Damaged." and row.code == "corrupt"


def test_repository_postgres_ingest_is_idempotent(postgres_url: str, tmp_path: Path) -> None:
    """The same store code on PostgreSQL: ingest, rerun without duplicates, structure tables."""
    from respmine.ingest.inbox import ingest_inbox
    from respmine.store import structure as structure_store

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("We support local commissioning of resettlement services.\n")
    (inbox / "b.txt").write_text("We support local commissioning of resettlement services.\n")
    (inbox / "c.pdf").write_bytes(b"")
    store = Store(postgres_url)
    first = ingest_inbox(inbox, store)
    again = ingest_inbox(inbox, store)
    assert first.duplicates == 1 and again.already_done == 3 and again.new == 0
    assert {r.status for r in store.submissions()} == {"ok", "quarantined"}
    docs = structure_store.processed_documents(store)
    assert [d.text.strip() for d, _ in docs] == ["We support local commissioning of resettlement services."]
    structure_store.replace_structure(store, [], [], {}, [])
    assert read_segments(store) == []


def test_repository_a_form_row_takes_its_latest_name_a_file_keeps_its_first(tmp_path: Path) -> None:
    """A re-exported form (rows cited by the form's response id since) names all its rows alike; a file's
    name stays the one it was first seen under (a copy under another name is the same response)."""
    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    arrival = Arrival(None, None, None)
    for name in ("form.csv#row-5", "form.csv#R-1004"):
        store.save(Document(name, "d" * 64, "form-row", "form-csv", "Q1\nYes"), arrival, kind="row")
    for name in ("a.pdf", "copy of a.pdf"):
        store.save(Document(name, "e" * 64, "pdf", "pdfium", "text"), arrival, kind="file")
    assert {r.sha256[0]: r.source for r in store.submissions()} == {"d": "form.csv#R-1004", "e": "a.pdf"}


def test_repository_forget_removes_a_submission_with_what_hangs_on_it(tmp_path: Path) -> None:
    """`save_many(forget=...)` (a file read again no longer holds this row) deletes the submission with its
    name, respondent, segments and personal data, which refer to it (foreign keys are enforced)."""
    from datetime import UTC, datetime

    from respmine.store.models import PersonalDataRow, RespondentRow, SegmentRow, SourceRow, SubmissionRow

    store = Store(f"sqlite:///{tmp_path / 's.sqlite'}")
    arrival = Arrival(None, None, None)
    for sha in ("a" * 64, "b" * 64):
        store.save(Document(f"f.csv#{sha[0]}", sha, "form-row", "form", "Alex said yes"), arrival,
                   kind="form-row")
    with store.session() as s, s.begin():
        s.add(RespondentRow(submission="a" * 64, kind="individual", respondent_type="individual",
                            name="Alex"))
        s.add(SegmentRow(id="s1", submission="a" * 64, question="Q1", start=0, end=4, page=None, text="Alex",
                         method="form", confidence=1.0))
        s.add(PersonalDataRow(submission="a" * 64, kind="name", start=0, end=4, original="Alex"))
        s.add(SourceRow(sha256="a" * 64, path="f.csv", seen_at=datetime.now(UTC)))
    store.save_many([], forget=["a" * 64])
    with store.session() as s:
        for table in (SubmissionRow, RespondentRow, SegmentRow, PersonalDataRow, SourceRow):
            assert s.query(table).count() == (1 if table is SubmissionRow else 0), table.__name__
