"""Sign-in, roles, CSRF and personal data: nothing is served or changed without the right session."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from respmine.store.models import DecisionRow
from tests.review.helpers import ANALYST, PERSON, VIEWER, Small, build_small, client_for, sign_in, token_in


@pytest.fixture()
def small(tmp_path: Path) -> Small:
    return build_small(tmp_path)


def _decisions(small: Small) -> int:
    with small.store.session() as s:
        return int(s.scalar(select(func.count()).select_from(DecisionRow)) or 0)


@pytest.mark.parametrize("path", ["/themes", "/segments?theme=funding", "/audit", "/export", "/codebook",
                                  "/emerging", "/", "/export/workbook", "/no-such-page"])
def test_unauthenticated_requests_redirect_to_sign_in(small: Small, path: str) -> None:
    response = client_for(small.settings).get(path)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


def test_unauthenticated_post_is_refused_and_records_nothing(small: Small) -> None:
    client = client_for(small.settings)
    response = client.post(f"/segments/{small.funding_segment}/decide", data={"action": "reviewed"})
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    assert _decisions(small) == 0


def test_sign_in_page_and_stylesheet_are_public_and_headers_are_strict(small: Small) -> None:
    client = client_for(small.settings)
    page = client.get("/login?next=/segments")
    assert page.status_code == 200 and 'name="password"' in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    assert client.get("/static/review.css").status_code == 200
    assert client.get("/docs").status_code in (303, 404) and client.get("/openapi.json").status_code != 200


def test_wrong_password_is_refused(small: Small) -> None:
    client = client_for(small.settings)
    page = client.get("/login")
    response = client.post("/login", data={"username": "ana", "password": "not-the-password",
                                           "csrf_token": token_in(page.text)})
    assert response.status_code == 401
    assert "not right" in response.text
    assert client.get("/themes").status_code == 303


def test_sign_in_form_without_its_token_is_refused(small: Small) -> None:
    client = client_for(small.settings)
    client.get("/login")
    response = client.post("/login", data={"username": ANALYST[0], "password": ANALYST[1]})
    assert response.status_code == 403


def test_repeated_failures_are_rate_limited(small: Small) -> None:
    client = client_for(small.settings)
    for _ in range(5):
        page = client.get("/login")
        client.post("/login", data={"username": "ana", "password": "guess-guess",
                                    "csrf_token": token_in(page.text)})
    page = client.get("/login")
    response = client.post("/login", data={"username": ANALYST[0], "password": ANALYST[1],
                                           "csrf_token": token_in(page.text)})
    assert response.status_code == 429


def test_next_parameter_cannot_leave_the_site(small: Small) -> None:
    client = client_for(small.settings)
    page = client.get("/login")
    response = client.post("/login", data={"username": ANALYST[0], "password": ANALYST[1],
                                           "csrf_token": token_in(page.text), "next": "//evil.example/x"})
    assert response.headers["location"] == "/themes"


def test_post_without_csrf_token_is_refused(small: Small) -> None:
    client = client_for(small.settings)
    sign_in(client, *ANALYST)
    response = client.post(f"/segments/{small.funding_segment}/decide",
                           data={"action": "reject", "theme": "funding"})
    assert response.status_code == 403
    wrong = client.post(f"/segments/{small.funding_segment}/decide",
                        data={"action": "reject", "theme": "funding", "csrf_token": "forged"})
    assert wrong.status_code == 403
    assert _decisions(small) == 0


def test_viewer_cannot_post_decisions(small: Small) -> None:
    client = client_for(small.settings)
    token = sign_in(client, *VIEWER)
    reject = {"action": "reject", "theme": "funding"}
    for path, data in [(f"/segments/{small.funding_segment}/decide", reject),
                       ("/codebook/decide", {"action": "rename", "theme": "funding", "label": "Money"}),
                       ("/export", {})]:
        response = client.post(path, data={**data, "csrf_token": token})
        assert response.status_code == 403, path
    assert _decisions(small) == 0


def test_viewer_sees_no_personal_data(small: Small) -> None:
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    listing = client.get("/segments?q=prison").text
    detail = client.get(f"/segments/{small.personal_segment}").text
    for html in (listing, detail):
        assert PERSON not in html
        assert "Individual respondent" in html
        assert "Contact at" not in html
        assert "hollis response.txt" not in html  # file names of individuals can name them
    assert "[NAME]" in detail
    assert "original passage" not in detail
    assert 'action="/segments/' not in detail  # no decision forms for viewers


def test_analyst_sees_name_and_original_passage(small: Small) -> None:
    client = client_for(small.settings)
    sign_in(client, *ANALYST)
    detail = client.get(f"/segments/{small.personal_segment}").text
    assert "Show the original passage" in detail
    assert f"I am {PERSON} and I volunteer" in detail
    assert "Contact at Beacon Recovery Service" in client.get("/segments?question=Q1").text


def test_sign_out_ends_the_session(small: Small) -> None:
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/themes").status_code == 303


def test_session_signed_with_another_key_is_not_accepted(small: Small) -> None:
    from respmine.review.auth import Sessions

    client = client_for(small.settings)
    forged, _token = Sessions("not-the-app-secret").issue(ANALYST[0])
    client.cookies.set("respmine_session", forged)
    assert client.get("/themes").status_code == 303


def test_app_codes_with_the_consultations_codebook(small: Small, tmp_path: Path) -> None:
    """Without --codebook the app took the bundled probation codebook whatever the consultation named
    (the pipeline coded with the consultation's): now the consultation's, and none when it names none."""
    from respmine.review.app import create_app
    from tests.review.helpers import CODEBOOK

    named = tmp_path / "consultation.yaml"
    named.write_text(f"title: T\ncodebook: {CODEBOOK}\n", encoding="utf-8")
    unnamed = tmp_path / "bare.yaml"
    unnamed.write_text("title: T\n", encoding="utf-8")
    expected = create_app(small.settings, CODEBOOK).state.review.codebook
    assert create_app(small.settings, None, named).state.review.codebook == expected
    with pytest.raises(ValueError, match="--consultation"):  # the store was coded with one: say so
        create_app(small.settings, None, unnamed)
    from respmine.store.models import CodeRow

    with small.store.session() as s, s.begin():  # a store coded with none (topics only) is reviewed so
        s.query(CodeRow).delete()
    bare = create_app(small.settings, None, unnamed)
    assert bare.state.review.codebook.themes == ()
    from fastapi.testclient import TestClient

    client = TestClient(bare, follow_redirects=False)
    sign_in(client, *ANALYST)
    for page in ("/themes", "/segments", "/codebook", "/emerging"):  # an analyst starts from the topics
        assert client.get(page).status_code == 200, page
