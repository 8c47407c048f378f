"""Fixture stores for the review app tests: a small coded consultation, and 50,000 segments in bulk."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from respmine.config import Settings
from respmine.ingest.dispatch import reader_version
from respmine.records import Code, SegmentStance, Span
from respmine.store.models import (
    CampaignRow,
    CodeRow,
    DecisionRow,
    PersonalDataRow,
    RespondentRow,
    SegmentRow,
    StanceRow,
    SubmissionRow,
)
from respmine.store.repository import Store
from respmine.store.themes import replace_codes
from respmine.themes.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[2]
CODEBOOK = ROOT / "models" / "codebooks" / "noms-third-sector.yaml"
ANALYST = ("ana", "analyst-password-1")
VIEWER = ("vic", "viewer-password-1")
PERSON = "Margaret Hollis"  # personal data in one individual's letter: analysts only


def key(*parts: str) -> str:
    return hashlib.sha256(":".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Small:
    settings: Settings
    store: Store
    funding_segment: str  # coded funding + funding.full_cost_recovery (rule)
    personal_segment: str  # an individual's passage whose text was redacted
    uncoded_segment: str  # mentions volunteers, no code


# (respondent, kind, type, organisation, late, [(question, text, [themes])])
RESPONSES = [
    ("beacon", "organisation", "charity", "Beacon Recovery Service", False, [
        ("Q1", "Charities should be a core partner in designing services.", ["role", "role.core"]),
        ("Q2", "Contracts must meet the full cost of delivery, including overheads.",
         ["funding", "funding.full_cost_recovery"]),
    ]),
    ("carrick", "organisation", "private_company", "Carrick Facilities Group plc", False, [
        ("Q2", "Funding should be stable; five-year contracts would let providers invest.",
         ["funding", "funding.contract_length"]),
        ("Q3", "Large contracts suit prime providers with the capital to carry risk.", ["contracts"]),
    ]),
    ("council", "organisation", "local_authority", "Northshire County Council", True, [
        ("Q2", "Full cost recovery is essential if local charities are to survive.",
         ["funding", "funding.full_cost_recovery"]),
        ("Q5", "Commissioning should stay local, close to the courts and councils.",
         ["commissioning", "commissioning.local"]),
    ]),
    ("hollis", "individual", "individual", None, False, [
        ("Q2", f"I am {PERSON} and I volunteer at the prison. Funding for mentoring has been cut every year.",
         ["funding"]),
        ("Q6", "Volunteers meet people at the gate and help them find housing.", []),
    ]),
]


def build_small(work: Path) -> Small:
    """A coded store of four respondents (one late, one individual with personal data), and accounts."""
    from respmine.review.auth import add_user

    settings = Settings.load(work_dir=work, store_url=f"sqlite:///{work / 'respmine.sqlite'}")
    store = Store(settings.store_url)
    codebook = load_codebook(CODEBOOK)
    now = datetime(2026, 4, 20, tzinfo=UTC)
    ids: dict[str, str] = {}
    codes: list[Code] = []
    stances: list[SegmentStance] = []
    with store.session() as s, s.begin():
        for name, kind, rtype, org, late, answers in RESPONSES:
            sha = key("sub", name)
            original = "\n\n".join(text for _, text, _ in answers)
            s.add(SubmissionRow(sha256=sha, kind="file", source=f"{name} response.txt", format="txt",
                                status="ok", text=original, extractor_version=reader_version("txt"),
                                first_seen_at=now, updated_at=now, late=late, pages=[{"number": 1, "start": 0,
                                                                   "end": len(original), "method": "text"}]))
            s.flush()
            s.add(RespondentRow(submission=sha, kind=kind, respondent_type=rtype, organisation=org,
                                name=PERSON if kind == "individual" else f"Contact at {org}"))
            pos = 0
            for question, text, themes in answers:
                start, end = pos, pos + len(text)
                pos = end + 2
                shown = text.replace(PERSON, "[NAME]")
                if shown != text:
                    at = original.index(PERSON)
                    s.add(PersonalDataRow(submission=sha, start=at, end=at + len(PERSON), kind="person",
                                          original=PERSON))
                seg = key("seg", name, question)
                ids[f"{name}:{question}"] = seg
                s.add(SegmentRow(id=seg, submission=sha, question=question, start=start, end=end, page=1,
                                 text=shown, method="heading", confidence=0.9))
                codes += [Code(seg, t, 0.8, "rule", Span(0, len(shown)), shown, codebook=codebook.stamp,
                               fingerprint=codebook.theme(t).fingerprint, model="rules") for t in themes]
                stances.append(SegmentStance(seg, "support" if "should" in text else "neutral", 0.7, "",
                                             "cues", "cues"))
    replace_codes(store, sorted(ids.values()), codes, stances)
    add_user(store, *ANALYST, "analyst")
    add_user(store, *VIEWER, "viewer")
    return Small(settings, store, ids["beacon:Q2"], ids["hollis:Q2"], ids["hollis:Q6"])


THEMES = ["funding", "funding.full_cost_recovery", "contracts", "volunteers", "resettlement", "role.core",
          "commissioning.local", "consortia.risks"]
TYPES = ["charity", "individual", "private_company", "public_body", "local_authority"]
WORDS = ["contract", "funding", "charity", "probation", "volunteers", "prison", "housing", "mentoring",
         "commissioning", "local", "provider", "cost", "overheads", "payment", "results", "risk",
         "consortium", "partner", "design", "service", "gate"]


def build_big(work: Path, n_segments: int = 50_000, per_submission: int = 10, seed: int = 7,
              store_url: str | None = None) -> Settings:
    """`n_segments` coded segments (with stances, respondents and some decisions), in bulk inserts."""
    rng = random.Random(seed)
    settings = Settings.load(work_dir=work, store_url=store_url or f"sqlite:///{work / 'respmine.sqlite'}")
    store = Store(settings.store_url)
    now = datetime(2026, 4, 20, tzinfo=UTC)
    subs, people, segs, codes, stances, decisions = [], [], [], [], [], []
    for i in range(n_segments // per_submission):
        sha = key("big-sub", str(i))
        subs.append({"sha256": sha, "kind": "file", "source": f"response-{i:05d}.txt", "format": "txt",
                     "status": "ok", "text": "", "extractor_version": reader_version("txt"),
                     "first_seen_at": now,
                     "updated_at": now, "late": i % 17 == 0, "pages": [], "meta": {}, "answers": [],
                     "comments": [], "warnings": []})
        rtype = TYPES[i % len(TYPES)]
        people.append({"submission": sha, "kind": "individual" if rtype == "individual" else "organisation",
                       "respondent_type": rtype, "organisation": f"Organisation {i}", "name": f"Person {i}",
                       "organisations": [], "provenance": {}})
        for j in range(per_submission):
            seg = key("big-seg", str(i), str(j))
            text = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "."
            segs.append({"id": seg, "submission": sha, "question": f"Q{j + 1}", "start": j * 1000,
                         "end": j * 1000 + len(text), "page": 1, "text": text, "method": "heading",
                         "confidence": 0.9})
            for theme in rng.sample(THEMES, rng.choice((0, 1, 1, 2, 3))):
                codes.append({"segment": seg, "theme": theme, "confidence": 0.7, "method": "rule",
                              "evidence_start": 0, "evidence_end": 40, "evidence": text[:40], "stance": None,
                              "codebook": "noms-third-sector@1.0", "fingerprint": "", "model": "rules"})
            stances.append({"segment": seg, "stance": rng.choice(("support", "oppose", "mixed", "neutral")),
                            "confidence": 0.6, "evidence": "", "method": "cues", "model": "cues"})
            if rng.random() < 0.02:
                decisions.append({"at": now + timedelta(seconds=len(decisions)), "user": "ana",
                                  "action": rng.choice(("reviewed", "reject", "add")), "segment": seg,
                                  "theme": rng.choice(THEMES), "value": {}, "note": None})
    with store.engine.begin() as conn:
        for table, rows in ((SubmissionRow, subs), (RespondentRow, people), (SegmentRow, segs),
                            (CodeRow, codes), (StanceRow, stances), (DecisionRow, decisions)):
            conn.execute(insert(table), rows)
        conn.execute(insert(CampaignRow), [{"id": "c1", "template": "", "size": 3,
                                           "members": [s["sha256"] for s in subs[:3]], "added_text": {}}])
    return settings


def client_for(settings: Settings, consultation: Path | None = None):  # type: ignore[no-untyped-def]
    """A TestClient over the app (redirects not followed, so tests see them), started with the
    consultation file when given."""
    from fastapi.testclient import TestClient

    from respmine.review.app import create_app

    return TestClient(create_app(settings, CODEBOOK, consultation), follow_redirects=False)


def token_in(html: str) -> str:
    """The CSRF token of the first form on a page."""
    import re

    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def sign_in(client, username: str, password: str) -> str:  # type: ignore[no-untyped-def]
    """Sign in through the form; returns the session's CSRF token (from the next page)."""
    page = client.get("/login")
    response = client.post("/login", data={"username": username, "password": password,
                                           "csrf_token": token_in(page.text), "next": "/segments"})
    assert response.status_code == 303, response.text
    return token_in(client.get("/segments").text)
