"""What a respondent asked about publishing their response, in the review app: shown on the respondent's
page and in the list of those asking, set or cleared by an analyst (a `publication` decision), which wins
over what the text was read to ask, on every rerun, and which the reports follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from respmine.report.quotes import ANONYMOUS_ORGANISATION
from respmine.report.tables import theme_table
from respmine.store.models import DecisionRow, RespondentRow
from respmine.store.views import read_respondents
from respmine.themes.codebook import load_codebook
from tests.review.helpers import ANALYST, CODEBOOK, VIEWER, Small, build_small, client_for, key, sign_in

ASKED = "Please treat this response as confidential."


@pytest.fixture()
def small(tmp_path: Path) -> Small:
    built = build_small(tmp_path)
    with built.store.session() as s, s.begin():  # Northshire's letter was read to ask not to be published
        s.execute(update(RespondentRow).where(RespondentRow.submission == key("sub", "council")).values(
            publication="do not publish", publication_asked=ASKED))
    return built


def _quoted(small: Small, who: str) -> bool:
    rows = theme_table(small.store, load_codebook(CODEBOOK), include_late=True)
    return any(q.who == who for r in rows for q in r.quotes)


def test_the_request_is_shown_and_listed(small: Small) -> None:
    client = client_for(small.settings)
    sign_in(client, *ANALYST)
    listed = client.get("/respondents?asked=1").text
    assert "<strong>1</strong> of 4 respondents" in listed and "Northshire County Council" in listed
    assert "Do not publish" in listed and "Beacon Recovery Service" not in listed
    page = client.get(f"/respondents/{key('sub', 'council')}").text
    assert "Do not publish" in page and "the response asks: do not publish" in page and ASKED in page
    assert 'id="set-publication"' in page
    viewer = client_for(small.settings)
    sign_in(viewer, *VIEWER)
    seen = viewer.get(f"/respondents/{key('sub', 'council')}").text
    assert "Do not publish" in seen and ASKED not in seen and 'id="set-publication"' not in seen  # (words:
    # analysts only, as they may name the writer)


def test_an_analyst_clears_a_wrong_flag_and_sets_one_asked_by_email(small: Small) -> None:
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    council, beacon = key("sub", "council"), key("sub", "beacon")
    assert not _quoted(small, "Northshire County Council") and _quoted(small, "Beacon Recovery Service")
    answer = client.post(f"/respondents/{council}/publication", data={
        "publication": "none", "note": "the sentence quotes our notice", "csrf_token": token})
    assert answer.status_code == 303
    assert "nothing asked" in client.get(answer.headers["location"]).text
    answer = client.post(f"/respondents/{beacon}/publication", data={
        "publication": "anonymous", "note": "asked by e-mail on 3 May", "csrf_token": token})
    page = client.get(answer.headers["location"]).text
    assert "Publish anonymously" in page and "an analyst (ana) set it to: publish anonymously" in page
    assert "asked by e-mail on 3 May" in page
    people = read_respondents(small.store)
    assert people[council].publication is None and people[beacon].publication == "publish anonymously"
    assert people[beacon].provenance["publication"] == "analyst:ana"
    assert _quoted(small, "Northshire County Council")  # quoted now, by name
    assert not _quoted(small, "Beacon Recovery Service") and _quoted(small, ANONYMOUS_ORGANISATION)
    with small.store.session() as s:
        actions = [(d.action, d.user, d.value["publication"]) for d in s.scalars(select(DecisionRow))]
    assert actions == [("publication", "ana", ""), ("publication", "ana", "publish anonymously")]
    audit = client.get("/audit?action=publication").text  # in the audit trail, linked to the respondent
    assert f'href="/respondents/of/{beacon}"' in audit and "asked by e-mail on 3 May" in audit
    assert "was: nothing asked; now: publish anonymously" in audit
    assert "was: do not publish; now: nothing asked" in audit
    # a rerun writes the respondents anew from the text: the analysts' decisions still stand
    with small.store.session() as s, s.begin():
        s.execute(update(RespondentRow).values(publication=None, publication_asked=None))
        s.execute(update(RespondentRow).where(RespondentRow.submission == council).values(
            publication="do not publish", publication_asked=ASKED))
    people = read_respondents(small.store)
    assert people[council].publication is None and people[beacon].publication == "publish anonymously"
    # taken back: what the text asks stands again
    client.post(f"/respondents/{council}/publication", data={"publication": "as-read", "csrf_token": token})
    assert read_respondents(small.store)[council].publication == "do not publish"
    assert not _quoted(small, "Northshire County Council")


def test_a_publication_decision_is_refused_without_a_choice_or_for_a_viewer(small: Small) -> None:
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    unit = key("sub", "beacon")
    answer = client.post(f"/respondents/{unit}/publication", data={"publication": "maybe",
                                                                  "csrf_token": token})
    assert answer.status_code == 303 and "Not recorded" in client.get(answer.headers["location"]).text
    viewer = client_for(small.settings)
    token = sign_in(viewer, *VIEWER)
    assert viewer.post(f"/respondents/{unit}/publication", data={
        "publication": "withhold", "csrf_token": token}).status_code == 403
    with small.store.session() as s:
        assert s.scalars(select(DecisionRow)).all() == []


def test_a_campaign_request_is_set_for_one_letter(small: Small) -> None:
    from datetime import UTC, datetime

    from respmine.ingest.dispatch import reader_version
    from respmine.store.models import CampaignRow, SegmentRow, SubmissionRow

    letter = "Scrap the standing charge: full cost recovery for every charity now."
    now = datetime(2026, 4, 20, tzinfo=UTC)
    members = [key("sub", f"c{i}") for i in range(3)]
    with small.store.session() as s, s.begin():
        for i, sha in enumerate(members):
            s.add(SubmissionRow(sha256=sha, kind="file", source=f"c{i}.txt", format="txt", status="ok",
                                text=letter, extractor_version=reader_version("txt"), first_seen_at=now,
                                updated_at=now, late=False, pages=[]))
            s.flush()
            s.add(RespondentRow(submission=sha, kind="individual", respondent_type="individual",
                                name=f"Person {i}", publication="publish anonymously" if i == 0 else None,
                                publication_asked="Please do not publish my name." if i == 0 else None))
            s.add(SegmentRow(id=key("seg", f"c{i}"), submission=sha, question="Q2", start=0, end=len(letter),
                             page=1, text=letter, method="heading", confidence=0.9))
        s.add(CampaignRow(id="camp", template=letter, size=3, members=members, added_text={}))
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    page = client.get("/respondents/campaign:camp").text
    assert "Publish anonymously: 1 of 3 letters" in page and 'id="p-letter"' in page
    assert f"Letter {members[0][:12]}: the response asks: publish anonymously" in page
    answer = client.post("/respondents/campaign:camp/publication", data={
        "publication": "withhold", "letter": members[2], "note": "phoned", "csrf_token": token})
    assert answer.status_code == 303
    people = read_respondents(small.store)
    assert [people[m].publication for m in members] == ["publish anonymously", None, "do not publish"]
    assert "Do not publish: 2 of 3 letters" in client.get("/respondents/campaign:camp").text
    answer = client.post("/respondents/campaign:camp/publication", data={  # which letter: not said
        "publication": "withhold", "csrf_token": token})
    assert "choose the letter" in client.get(answer.headers["location"]).text
