"""Analysts' changes made through the app are decisions (who, when) that the tables and codes apply."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from respmine.report.tables import theme_table
from respmine.review.detail import current_codebook
from respmine.store.models import DecisionRow, TopicAssignmentRow, TopicRow
from respmine.store.themes import effective_codes, effective_stances
from respmine.themes.codebook import load_codebook
from tests.review.helpers import ANALYST, CODEBOOK, Small, build_small, client_for, sign_in
from tests.topics.helpers import add_letters


@pytest.fixture()
def small(tmp_path: Path) -> Small:
    return build_small(tmp_path)


@pytest.fixture()
def analyst(small: Small):  # type: ignore[no-untyped-def]
    client = client_for(small.settings)
    token = sign_in(client, *ANALYST)
    return client, token


def _respondents(html: str, theme: str) -> int:
    row = re.search(rf'data-theme="{re.escape(theme)}">.*?class="count">(\d+)<', html, re.S)
    assert row, f"no row for {theme}"
    return int(row.group(1))


def _log(small: Small) -> list[DecisionRow]:
    with small.store.session() as s:
        return list(s.scalars(select(DecisionRow).order_by(DecisionRow.id)))


def test_reject_changes_the_theme_table_and_is_audited(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    client, token = analyst
    before = _respondents(client.get("/themes?question=Q2").text, "funding.full_cost_recovery")
    response = client.post(f"/segments/{small.funding_segment}/decide",
                           data={"action": "reject", "theme": "funding.full_cost_recovery",
                                 "note": "about contract length", "csrf_token": token})
    assert response.status_code == 303
    assert "Code rejected" in client.get(response.headers["location"]).text
    after = _respondents(client.get("/themes?question=Q2").text, "funding.full_cost_recovery")
    assert after == before - 1
    [decision] = _log(small)
    assert (decision.user, decision.action, decision.theme, decision.note) == (
        "ana", "reject", "funding.full_cost_recovery", "about contract length")
    assert decision.at is not None
    audit = client.get("/audit").text
    assert "ana" in audit and "about contract length" in audit


def test_added_code_with_selected_evidence_counts(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    client, token = analyst
    codebook = load_codebook(CODEBOOK)
    client.post(f"/segments/{small.uncoded_segment}/decide",
                data={"action": "add", "theme": "volunteers", "start": "0", "end": "10", "csrf_token": token})
    [code] = [c for c in effective_codes(small.store, codebook) if c.segment == small.uncoded_segment]
    assert (code.theme, code.method, code.evidence_text) == ("volunteers", "analyst", "Volunteers")
    rows = theme_table(small.store, codebook, question="Q6")
    assert [(r.theme, r.respondents) for r in rows] == [("volunteers", 1)]
    assert "Volunteers" in client.get("/segments?theme=volunteers").text


def test_stance_and_reviewed_are_recorded(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    client, token = analyst
    url = f"/segments/{small.funding_segment}/decide"
    client.post(url, data={"action": "stance", "stance": "oppose", "csrf_token": token})
    client.post(url, data={"action": "reviewed", "csrf_token": token})
    assert effective_stances(small.store)[small.funding_segment] == "oppose"
    listed = client.get("/segments?reviewed=yes&stance=oppose").text
    assert "1</strong> segment" in listed and "Beacon Recovery Service" in listed


def test_invalid_decisions_are_refused_with_a_message(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    client, token = analyst
    response = client.post(f"/segments/{small.funding_segment}/decide",
                           data={"action": "add", "theme": "no-such-theme", "csrf_token": token})
    assert "Not recorded" in client.get(response.headers["location"]).text
    client.post(f"/segments/{small.funding_segment}/decide",
                data={"action": "stance", "stance": "furious", "csrf_token": token})
    client.post("/codebook/decide", data={"action": "merge", "theme": "funding",
                                          "into": "funding.full_cost_recovery", "csrf_token": token})
    client.post("/codebook/decide", data={"action": "split", "theme": "funding",
                                          "into": "funding, bad id!", "csrf_token": token})
    assert _log(small) == []
    assert client.post("/segments/not-a-segment/decide",
                       data={"action": "reviewed", "csrf_token": token}).status_code == 404


def test_rename_merge_and_split_reshape_the_codebook(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    client, token = analyst
    codebook = load_codebook(CODEBOOK)
    client.post("/codebook/decide", data={"action": "rename", "theme": "funding", "label": "Money matters",
                                          "csrf_token": token})
    client.post("/codebook/decide", data={"action": "merge", "theme": "funding.contract_length",
                                          "into": "funding.full_cost_recovery", "csrf_token": token})
    client.post("/codebook/decide", data={
        "action": "split", "theme": "volunteers", "csrf_token": token,
        "into": "volunteers.mentors, volunteers.chaplaincy: Prison chaplaincy"})
    assert [d.action for d in _log(small)] == ["rename", "merge", "split"]
    page = client.get("/codebook").text
    assert "Money matters" in page and "volunteers.mentors" in page
    # a split's themes carry the label given, else one made from the parent's label: never the raw id
    labels = {t.id: t.label for t in current_codebook(small.store, codebook).themes}
    assert labels["volunteers.chaplaincy"] == "Prison chaplaincy"
    assert labels["volunteers.mentors"] == f"{labels['volunteers']}: mentors"
    assert "funding.contract_length" not in page
    rows = {(r.question, r.theme): r for r in theme_table(small.store, codebook, question="Q2")}
    assert rows[("Q2", "funding")].label == "Money matters"
    # Carrick's contract-length code now counts as full cost recovery
    assert rows[("Q2", "funding.full_cost_recovery")].respondents == 3


def test_a_merge_or_split_is_undone(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    """A mistaken merge had no way back (a new analyst merged the wrong theme); "Undo" on the codebook
    page takes it back: the theme and its codes return, the audit trail keeps both. A split whose new
    themes analysts have coded since is not undone (those codes would lose their theme)."""
    client, token = analyst
    codebook = load_codebook(CODEBOOK)
    before = {(r.question, r.theme): r.respondents for r in theme_table(small.store, codebook, question="Q2")}
    client.post("/codebook/decide", data={"action": "merge", "theme": "funding.contract_length",
                                          "into": "funding.full_cost_recovery", "csrf_token": token})
    page = client.get("/codebook").text
    assert "Changes analysts made" in page and "Merged “" in page
    merge = _log(small)[-1]
    said = client.post("/codebook/undo", data={"decision": str(merge.id), "csrf_token": token},
                       follow_redirects=True)
    assert "Merge of &#39;funding.contract_length&#39; undone." in said.text
    assert [d.action for d in _log(small)] == ["merge", "undo"]
    after = {(r.question, r.theme): r.respondents for r in theme_table(small.store, codebook, question="Q2")}
    assert after == before and "funding.contract_length" in {t.id for t in current_codebook(small.store,
                                                                                          codebook).themes}
    assert "Changes analysts made" not in client.get("/codebook").text
    again = client.post("/codebook/undo", data={"decision": str(merge.id), "csrf_token": token},
                        follow_redirects=True)
    assert [d.action for d in _log(small)] == ["merge", "undo"]  # (not undone twice)
    assert "Not undone: that change is not in force" in again.text
    client.post("/codebook/decide", data={"action": "split", "theme": "volunteers", "csrf_token": token,
                                          "into": "volunteers.mentors, volunteers.chaplaincy"})
    split = _log(small)[-1]
    client.post(f"/segments/{small.funding_segment}/decide", data={
        "action": "add", "theme": "volunteers.mentors", "csrf_token": token})
    refused = client.post("/codebook/undo", data={"decision": str(split.id), "csrf_token": token},
                          follow_redirects=True)
    assert "analysts have coded passages with the split" in refused.text
    assert "volunteers.mentors" in {t.id for t in current_codebook(small.store, codebook).themes}


def test_footer_names_the_codebook_as_analysts_shaped_it(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    """After codebook decisions the footer still gave the file's stamp (`noms-third-sector@1.2`) where
    /codebook and the reports said `@1.2+r1`."""
    client, token = analyst
    stamp = load_codebook(CODEBOOK).stamp
    assert f"Codebook {stamp}." in client.get("/themes").text
    client.post("/codebook/decide", data={"action": "rename", "theme": "funding", "label": "Money matters",
                                          "csrf_token": token})
    for path in ("/themes", "/segments", "/audit"):
        assert f"Codebook {stamp}+r1." in client.get(path).text
    # the audit trail says what the theme was called (it showed only the new label)
    assert "was: Funding certainty and full cost recovery; label: Money matters" in client.get("/audit").text


def test_emerging_topic_is_promoted_or_set_aside(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    client, token = analyst
    with small.store.session() as s, s.begin():
        for n, name in ((3, "chaplaincy faith prison"), (4, "family visits travel")):
            quote = {"segment": small.uncoded_segment, "text": "Volunteers meet"}
            s.add(TopicRow(id=n, name=name, keywords=name.split(), size=12, theme=None, similarity=0.1,
                           emerging=True, quotes=[quote], model_version="t1"))
    page = client.get("/emerging").text
    assert "chaplaincy faith prison" in page and "family visits travel" in page
    client.post("/emerging/3/promote", data={"id": "chaplaincy", "label": "Faith-based chaplaincy",
                                             "keywords": "chaplaincy, faith", "csrf_token": token})
    client.post("/emerging/4/dismiss", data={"name": "family visits travel", "note": "covered by groups",
                                             "csrf_token": token})
    page = client.get("/emerging").text
    assert "chaplaincy faith prison" not in page and "family visits travel" not in page
    assert "Faith-based chaplaincy" in client.get("/codebook").text
    promote, dismiss = _log(small)
    assert promote.value["topic"] == 3 and promote.value["keywords"] == ["chaplaincy", "faith"]
    assert dismiss.note == "covered by groups"


def test_emerging_page_leaves_out_closed_answers(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    """The report left out a topic of a form's "Yes" / "Don't know" cells; the review app listed it for
    analysts to promote (both read `topics.views.emerging_themes` now)."""
    client, _ = analyst
    closed = ["Yes.", "No.", "Yes", "Don't know."]
    answers = add_letters(small.store, [(f"form{i}", [a]) for i, a in enumerate(closed)])
    with small.store.session() as s, s.begin():
        s.add(TopicRow(id=7, name="yes / know", keywords=["yes", "know"], size=4, theme=None, similarity=0.1,
                       emerging=True, quotes=[], model_version="t1"))
        s.add_all(TopicAssignmentRow(segment=x, topic=7, probability=0.9, model_version="t1", method="fit")
                  for v in answers.values() for x in v)
    page = client.get("/emerging")
    assert page.status_code == 200 and "yes / know" not in page.text


def test_notes_and_labels_are_escaped(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    client, token = analyst
    client.post(f"/segments/{small.funding_segment}/decide",
                data={"action": "reviewed", "note": "<script>alert(1)</script>", "csrf_token": token})
    client.post("/codebook/decide", data={"action": "rename", "theme": "funding", "label": "<b>Money</b>",
                                          "csrf_token": token})
    for page in (client.get("/audit").text, client.get("/codebook").text, client.get("/themes").text):
        assert "<script>alert" not in page and "<b>Money</b>" not in page
    assert "&lt;script&gt;" in client.get("/audit").text


def test_a_rejected_code_is_restored_with_its_evidence(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    """Undoing a reject: the segment's history offers "Restore", which brings the machine's code back as it
    was (its evidence and method), counted again; it had to be re-added as the whole segment."""
    client, token = analyst
    codebook = load_codebook(CODEBOOK)
    theme = "funding.full_cost_recovery"
    [before] = [c for c in effective_codes(small.store, codebook)
                if c.segment == small.funding_segment and c.theme == theme]
    count = _respondents(client.get("/themes?question=Q2").text, theme)
    client.post(f"/segments/{small.funding_segment}/decide",
                data={"action": "reject", "theme": theme, "csrf_token": token})
    page = client.get(f"/segments/{small.funding_segment}").text
    assert f'aria-label="Restore {theme}"' in page
    client.post(f"/segments/{small.funding_segment}/decide",
                data={"action": "accept", "theme": theme, "note": "restored", "csrf_token": token})
    [after] = [c for c in effective_codes(small.store, codebook)
               if c.segment == small.funding_segment and c.theme == theme]
    assert (after.method, after.evidence_text, after.reviewed) == (before.method, before.evidence_text, True)
    assert _respondents(client.get("/themes?question=Q2").text, theme) == count
    assert 'aria-label="Restore' not in client.get(f"/segments/{small.funding_segment}").text


def test_a_split_a_run_has_coded_with_is_not_undone(small: Small, analyst) -> None:  # type: ignore[no-untyped-def]
    """A run after a split codes passages with its new themes (their labels' words are rules): undoing
    the split left those codes under themes no longer in the codebook, rows of the theme table until the
    next run. It is refused, as when analysts coded them; merging the new themes back keeps their codes."""
    from respmine.store.models import CodeRow

    client, token = analyst
    client.post("/codebook/decide", data={"action": "split", "theme": "volunteers", "csrf_token": token,
                                          "into": "volunteers.mentors, volunteers.chaplaincy"})
    split = _log(small)[-1]
    with small.store.session() as s, s.begin():
        s.add(CodeRow(segment=small.funding_segment, theme="volunteers.mentors", confidence=0.9,
                      method="rule", evidence_start=0, evidence_end=5, evidence="x", stance=None,
                      codebook="x", fingerprint="x", model="m"))
    refused = client.post("/codebook/undo", data={"decision": str(split.id), "csrf_token": token},
                          follow_redirects=True)
    assert "a run has coded passages with the split" in refused.text
    assert [d.action for d in _log(small)] == ["split"]
    codebook = load_codebook(CODEBOOK)
    themes = {t.id for t in current_codebook(small.store, codebook).themes}
    assert {r.theme for r in theme_table(small.store, codebook)} <= themes
