"""A file named after a person its text names (`views.named_in_file_names`): found however the file name
writes the name, across an e-mail and its attachments, and not for an organisation's own name; and which
texts are read for a petition's signatures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from respmine.report.quotes import cited_source
from respmine.store.models import PersonalDataRow, RespondentRow, SubmissionRow
from respmine.store.repository import Store
from respmine.store.views import named_in_file_names, read_respondents, read_submissions

NOW = datetime(2026, 1, 1, tzinfo=UTC)
A, E = "a" * 64, "e" * 64


def _store(tmp_path: Path, files: list[tuple[str, str, list[str], str | None, str | None]]) -> Store:
    """(sha256, file name, names its text redacts, organisation, e-mail it is an attachment of)."""
    store = Store(f"sqlite:///{tmp_path}/s.sqlite")
    with store.session() as s, s.begin():
        for sha, source, people, org, parent in files:
            s.add(SubmissionRow(sha256=sha, parent_sha256=parent, kind="attachment" if parent else "file",
                                source=source, format="pdf", status="ok", text="text",
                                extractor_version="1", first_seen_at=NOW, updated_at=NOW))
            s.flush()
            s.add_all(PersonalDataRow(submission=sha, start=0, end=1, kind="person", original=p)
                      for p in people)
            s.add(RespondentRow(submission=sha, kind="organisation" if org else "individual",
                                respondent_type="charity", organisation=org,
                                organisations=[org] if org else []))
    return store


@pytest.mark.parametrize("source", [
    "Raman-Whitcombe-response.pdf", "Whitcombe's response - Harwich.pdf", "raman_whitcombe_harwich.pdf",
    "RAMAN WHITCOMBE - Harwich.pdf", "RamanWhitcombe.pdf", "Raman Whitcombe - University of Harwich.pdf"])
def test_a_name_its_text_redacts_is_found_in_the_file_name_however_written(
        tmp_path: Path, source: str) -> None:
    """Hyphens, a possessive, lower or upper case hid the names ('raman-' and 'whitcombe's' were words)."""
    store = _store(tmp_path, [(A, source, ["Dr Raman Whitcombe"], "University of Harwich", None)])
    with store.session() as s:
        assert named_in_file_names(s, {A: source}) == {A}


@pytest.mark.parametrize(("source", "person", "org"), [
    ("Marsh Trust response.pdf", "Jo Marsh", "Marsh Trust"),
    ("Trackline Monitoring Services - EM consultation response.pdf", "Electronic Monitoring",
     "Trackline Monitoring Services Ltd"),
    ("Young Carers Trust.pdf", "Sam Young", "Young Carers Trust")])
def test_the_organisations_own_name_in_its_file_name_is_not_a_persons(
        tmp_path: Path, source: str, person: str, org: str) -> None:
    """Trial 26a: 'Electronic Monitoring' redacted as a person withheld Trackline Monitoring Services'
    file name; a body sharing a word with the person who wrote for it likewise."""
    store = _store(tmp_path, [(A, source, [person], org, None)])
    with store.session() as s:
        assert named_in_file_names(s, {A: source}) == set()


def test_a_name_beside_the_organisations_own_is_still_a_persons(tmp_path: Path) -> None:
    store = _store(tmp_path, [(A, "Joanne Marsh - Marsh Trust.pdf", ["Joanne Marsh"], "Marsh Trust", None)])
    with store.session() as s:
        assert named_in_file_names(s, {A: "Joanne Marsh - Marsh Trust.pdf"}) == {A}


def test_an_attachment_of_an_e_mail_named_after_its_sender_is_cited_by_its_id(tmp_path: Path) -> None:
    """The e-mail's body names its sender, the attachment (the organisation's letter) does not: the
    attachment's name, which starts with the e-mail's, was cited and listed as the body's own file."""
    store = _store(tmp_path, [(E, "FW response - Gareth Lewis.eml", ["Gareth Lewis"], "UPCS", None),
                              (A, "FW response - Gareth Lewis.eml#UPCS response.docx", [], "UPCS", E)])
    subs, people = read_submissions(store), read_respondents(store)
    assert subs[A].person_named and subs[E].person_named
    assert cited_source(subs, people, A) == f"response {A[:12]}"


def test_a_petition_whose_title_opens_with_a_quotation_mark_is_read(tmp_path: Path) -> None:
    """The SQL prefilter wanted a space, a line's start, "-" or "e" before "petition": a title in
    quotation marks or brackets was never read for its signatures (`structure.petitions` takes it)."""
    from sqlalchemy import update

    store = _store(tmp_path, [(A, "library.pdf", [], None, None), (E, "rules.pdf", [], None, None)])
    with store.session() as s, s.begin():
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == A).values(
            text="“Petition to keep Millbrook library open”\n\n1,243 signatures collected."))
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == E).values(
            text="Competition law applies; 1,243 signatures."))
    subs = read_submissions(store)
    assert (subs[A].signatures, subs[E].signatures) == (1243, 0)
