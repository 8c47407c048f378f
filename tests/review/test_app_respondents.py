"""The respondent register in the review app: everyone counted, individuals never named, and an
analyst's correction of who a response is from recorded, audited and counted at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select, update

from respmine.store.models import DecisionRow, RespondentRow, SubmissionRow
from tests.review.helpers import ANALYST, PERSON, VIEWER, Small, build_small, client_for, key, sign_in


@pytest.fixture()
def small(tmp_path: Path) -> Small:
    return build_small(tmp_path)


def _unit(name: str) -> str:
    return key("sub", name)


def test_respondents_page_lists_everyone_counted_without_names(small: Small) -> None:
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    page = client.get("/respondents").text
    assert "<strong>4</strong> of 4 respondents" in page
    order = re.findall(r'<a href="/respondents/[0-9a-f]{64}">([^<]+)</a>', page)
    assert order == ["Beacon Recovery Service", "Northshire County Council", "Carrick Facilities Group plc",
                     "Individual respondent"]  # organisations by type, then individuals
    assert PERSON not in page and "hollis response.txt" not in page
    assert "<strong>1</strong> of 4" in client.get("/respondents?respondent_type=private_company").text
    assert "<strong>1</strong> of 4" in client.get("/respondents?q=beacon").text
    detail = client.get(f"/respondents/{_unit('hollis')}").text
    assert "File name withheld" in detail and PERSON not in detail and "Correct who" not in detail  # viewer
    assert client.get("/respondents/nope").status_code == 404
    via = client.get(f"/respondents/of/{_unit('hollis')}", follow_redirects=False)  # from a segment's page
    assert via.headers["location"] == f"/respondents/{_unit('hollis')}"
    segment = client.get(f"/segments/{small.funding_segment}").text
    assert f'href="/respondents/of/{_unit("beacon")}"' in segment


def test_respondent_correction_counts_at_once_and_is_audited(small: Small) -> None:
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    unit = _unit("hollis")
    assert "Correct who this is from" in client.get(f"/respondents/{unit}").text
    before = client.get("/themes?respondent_type=charity").text
    response = client.post(f"/respondents/{unit}/correct", data={
        "kind": "organisation", "respondent_type": "charity", "organisation": "  Hollis   Mentoring ",
        "organisations": "Gate Friends\n\n", "note": "letterhead on page 2", "csrf_token": token})
    assert response.status_code == 303 and response.headers["location"] == f"/respondents/{unit}"
    shown = client.get(response.headers["location"]).text
    assert "Respondent corrected" in shown and "Hollis Mentoring" in shown and "Gate Friends" in shown
    assert "an analyst (ana)" in shown  # how it was found
    # the page's own corrections say what it was before (only the audit trail did): an individual
    assert "<td>ana</td><td>individual</td><td>Organisation, Charity or community group: Hollis" in shown
    with small.store.session() as s:
        row = s.get(RespondentRow, unit)
        assert row is not None
        assert (row.kind, row.respondent_type, row.organisation, row.organisations) == (
            "organisation", "charity", "Hollis Mentoring", ["Hollis Mentoring", "Gate Friends"])
        [decision] = s.scalars(select(DecisionRow)).all()
        assert (decision.action, decision.user, decision.note) == (
            "respondent", "ana", "letterhead on page 2")
        assert decision.value["submissions"] == [unit]
    after = client.get("/themes?respondent_type=charity").text
    assert before != after and "Hollis Mentoring" in client.get("/respondents?respondent_type=charity").text
    assert "respondent" in client.get("/audit?action=respondent").text


def test_respondent_correction_refused_when_inconsistent_or_not_an_analyst(small: Small) -> None:
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    unit = _unit("beacon")
    response = client.post(f"/respondents/{unit}/correct", data={
        "kind": "organisation", "respondent_type": "individual", "organisation": "Beacon",
        "csrf_token": token})
    assert "Not recorded" in client.get(response.headers["location"]).text
    with small.store.session() as s:
        assert s.scalars(select(DecisionRow)).all() == []
        row = s.get(RespondentRow, unit)
        assert row is not None and row.respondent_type == "charity"
    viewer = client_for(small.settings)
    viewer_token = sign_in(viewer, *VIEWER)
    refused = viewer.post(f"/respondents/{unit}/correct", data={
        "kind": "individual", "respondent_type": "individual", "csrf_token": viewer_token})
    assert refused.status_code == 403


def test_respondent_group_of_copies_keeps_a_supporters_copy_theirs(small: Small) -> None:
    """An organisation's letter and a supporter's identical copy are one respondent named after the
    organisation: a viewer never sees the supporter's file name, and a correction covers the
    organisation's own copy only."""
    from respmine.store.models import CampaignRow

    beacon, hollis = _unit("beacon"), _unit("hollis")
    with small.store.session() as s, s.begin():
        s.add(CampaignRow(id="duplicate-bh", template="", size=2, members=sorted([beacon, hollis]),
                          added_text={}))
    viewer = client_for(small.settings)
    sign_in(viewer, *VIEWER)
    page = viewer.get("/respondents/campaign:duplicate-bh").text
    assert "beacon response.txt" in page and "hollis response.txt" not in page
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    client.post("/respondents/campaign:duplicate-bh/correct", data={
        "kind": "organisation", "respondent_type": "public_body", "organisation": "Beacon Recovery Service",
        "note": "a note only analysts see", "csrf_token": token})
    with small.store.session() as s:
        assert s.get(RespondentRow, beacon).respondent_type == "public_body"  # type: ignore[union-attr]
        assert s.get(RespondentRow, hollis).kind == "individual"  # type: ignore[union-attr]
    history = viewer.get("/respondents/campaign:duplicate-bh").text
    assert "Public body" in history and "a note only analysts see" not in history
    assert "a note only analysts see" not in viewer.get("/audit").text
    assert "a note only analysts see" in client.get("/audit").text


def test_respondent_types_of_the_consultation_in_menus_and_corrections(small: Small, tmp_path: Path) -> None:
    """Started with a consultation listing its own types, the app offers those (by their names) and
    records a correction to one; a type the consultation does not count is refused."""
    consultation = tmp_path / "consultation.yaml"
    consultation.write_text("title: T\nrespondent_types:\n  - charity\n  - {id: mentoring_group, label: "
                            "mentoring group, words: [mentoring]}\n  - local_authority\n", encoding="utf-8")
    client = client_for(small.settings, consultation)
    token = sign_in(client, *ANALYST)
    unit = _unit("hollis")
    page = client.get(f"/respondents/{unit}").text
    assert '<option value="mentoring_group">Mentoring group</option>' in page
    assert 'value="private_company"' not in page and 'value="probation"' not in page
    assert '<option value="mentoring_group">Mentoring group</option>' in client.get("/themes").text
    refused = client.post(f"/respondents/{unit}/correct", data={
        "kind": "organisation", "respondent_type": "probation", "organisation": "Hollis Mentoring",
        "csrf_token": token})
    assert "respondent type must be one of charity, mentoring_group" in client.get(
        refused.headers["location"]).text
    client.post(f"/respondents/{unit}/correct", data={
        "kind": "organisation", "respondent_type": "mentoring_group", "organisation": "Hollis Mentoring",
        "csrf_token": token})
    with small.store.session() as s:
        assert s.get(RespondentRow, unit).respondent_type == "mentoring_group"  # type: ignore[union-attr]
    assert "Mentoring group" in client.get(f"/respondents/{unit}").text


def test_respondents_segment_pages_withhold_a_file_named_after_a_titled_person(small: Small) -> None:
    """A named organisation's file is shown to viewers, unless its name holds a titled person's name."""
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    assert "beacon response.txt" in client.get(f"/segments/{small.funding_segment}").text
    with small.store.session() as s, s.begin():
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == _unit("beacon"))
                  .values(source="Dr H Marsh - Beacon Recovery Service.doc"))
    for url in (f"/segments/{small.funding_segment}", "/segments?theme=funding"):
        page = client.get(url).text
        assert "Marsh" not in page


def test_audit_row_of_a_correction_says_whose_and_what_it_was(small: Small) -> None:
    """A correction's audit row gave only the new values ("kind: organisation; respondent_type: charity;
    organisation: ..."): not which respondent, nor that it had been an individual; themes were ids."""
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    unit = _unit("hollis")
    client.post(f"/respondents/{unit}/correct", data={
        "kind": "organisation", "respondent_type": "charity", "organisation": "Hollis Mentoring",
        "csrf_token": token})
    client.post(f"/segments/{small.funding_segment}/decide",
                data={"action": "reject", "theme": "funding.full_cost_recovery", "csrf_token": token})
    client.post(f"/respondents/{_unit('beacon')}/correct", data={
        "kind": "organisation", "respondent_type": "private_company",
        "organisation": "Beacon Recovery Service", "csrf_token": token})
    assert "was: organisation, Charity or community group: Beacon Recovery Service; now: organisation, " in (
        client.get("/audit").text)
    rows = [r for r in re.findall(r"<tr>.*?</tr>", client.get("/audit").text, re.S) if unit[:12] in r]
    assert len(rows) == 1
    row = rows[0]
    assert f'href="/respondents/of/{unit}">respondent {unit[:12]}</a>' in row
    assert "was: individual; now: organisation, Charity or community group: Hollis Mentoring" in row
    assert client.get(f"/respondents/of/{unit}").headers["location"] == f"/respondents/{unit}"
    page = client.get("/audit?action=reject").text
    assert '<td>Full cost recovery <span class="secondary small">(funding.full_cost_recovery)</span>' in page
    sign_in(client, *VIEWER)
    page = client.get("/audit").text
    assert "was: individual; now: organisation, Charity or community group</td>" in page
    assert "Hollis Mentoring" not in page


def test_an_organisations_file_named_after_a_person_its_text_names_is_withheld_from_viewers(
        small: Small) -> None:
    """Beacon's file named after the person who wrote it ("Jo Marsh - Beacon.txt", the name redacted in
    its text) was shown to viewers beside its passages: only a titled name ("Dr J Marsh") withheld it.
    A file name holding no name its text redacts is still shown (Hollis's is a person's: always withheld)."""
    from sqlalchemy import update

    from respmine.store.models import PersonalDataRow, SubmissionRow

    beacon, carrick = _unit("beacon"), _unit("carrick")
    with small.store.session() as s, s.begin():
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == beacon).values(
            source="Jo Marsh - Beacon.txt"))
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == carrick).values(
            source="Carrick - Jo Marsh.txt"))
        s.add(PersonalDataRow(submission=beacon, start=0, end=8, kind="person", original="Jo Marsh"))
        s.add(PersonalDataRow(submission=carrick, start=0, end=8, kind="person", original="Sam Lee"))
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    detail = client.get(f"/segments/{small.funding_segment}").text
    assert "Jo Marsh - Beacon.txt" not in detail and "File name withheld" in detail
    listed = client.get("/segments").text
    assert "Jo Marsh - Beacon.txt" not in listed and "Carrick - Jo Marsh.txt" in listed


def test_a_petitions_page_gives_its_signatures(small: Small) -> None:
    hollis = _unit("hollis")
    with small.store.session() as s, s.begin():
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == hollis).values(
            text="Petition to keep the Ashby probation office open\n\nSigned by 1,243 residents."))
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    assert "1,243 signatures (counted once, as one response)" in client.get(f"/respondents/{hollis}").text
