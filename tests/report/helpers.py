"""A small hand-made store whose theme table is known in advance (see `EXPECTED` in the tests).

Respondents (question Q1 unless said):
  Hope Trust (charity, 2-page PDF)       funding.fcr (support; evidence on page 2, after a redacted name);
                                          Q2 contracts (oppose)
  River Project (charity, form row)      funding.fcr + funding.length (support)
  Acme Ltd (private company, LATE)       funding itself (oppose)
  Jane Doe (individual)                  funding.length (mixed)
  Local Council (local authority)        e-mail and its attached letter, both funding.fcr (neutral):
                                          one respondent
  campaign-abc (4 individuals' letters)  funding.fcr (support); one letter late
  duplicate-xyz (2 identical copies)     Q2 volunteers (support)
  broken.pdf                             quarantined
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

from respmine.consultation import Consultation, Question
from respmine.ingest.dispatch import reader_version
from respmine.records import Code, SegmentStance, Span
from respmine.store import Store
from respmine.store.models import (
    CampaignRow,
    PersonalDataRow,
    RespondentRow,
    RunRow,
    SegmentRow,
    SubmissionRow,
    TopicAssignmentRow,
    TopicRow,
)
from respmine.store.themes import replace_codes
from respmine.themes.codebook import Codebook, Theme

DATA_TIME = datetime(2026, 5, 2, 9, 30, tzinfo=UTC)
CODEBOOK = Codebook(
    name="test-book",
    version="1",
    themes=(
        Theme(id="funding", label="Funding", description="Money for services."),
        Theme(id="funding.fcr", label="Full cost recovery", parent="funding"),
        Theme(id="funding.length", label="Contract length", parent="funding"),
        Theme(id="contracts", label="Contract size"),
        Theme(id="volunteers", label="Volunteers"),
    ),
)
# the same, with contract length a position on the proposals (it opposes them): stance under it and funding
STANCE_CODEBOOK = CODEBOOK.model_copy(update={"themes": tuple(
    t.model_copy(update={"stance": "oppose"}) if t.id == "funding.length" else t for t in CODEBOOK.themes)})
CONSULTATION = Consultation(
    title="Test consultation on offender services",
    department="Test Department",
    closes=date(2026, 4, 25),
    questions=[
        Question(id="Q1", number=1, text="How should services be funded?"),
        Question(id="Q2", number=2, text="How should contracts be let?"),
    ],
)
HOPE_PAGE1 = "Hope Trust response. Please contact John Smith about this letter, it is ours. ".ljust(100, ".")
HOPE_PAGE2 = "We need full cost recovery so that our services survive. Contracts are too large for us."


def sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def build_store(path: Path) -> tuple[Store, dict[str, str]]:
    """The store and the segment ids by name (for decisions in tests)."""
    store = Store(f"sqlite:///{path / 'respmine.sqlite'}")
    segs: dict[str, str] = {}
    codes: list[Code] = []
    stances: list[SegmentStance] = []
    with store.session() as s, s.begin():
        s.add(
            RunRow(
                inbox="inbox",
                started_at=DATA_TIME.replace(minute=0),
                finished_at=DATA_TIME,
                summary={"new": 12},
            )
        )

        def submission(
            name: str,
            text: str,
            *,
            kind: str = "file",
            parent: str | None = None,
            late: bool = False,
            pages: list[dict[str, object]] | None = None,
            status: str = "ok",
        ) -> str:
            key = sha(name)
            s.add(
                SubmissionRow(
                    sha256=key,
                    parent_sha256=parent and sha(parent),
                    kind=kind,
                    source=name,
                    format=name.rsplit(".", 1)[-1],
                    method="test",
                    status=status,
                    text=text,
                    pages=pages or [],
                    late=late,
                    extractor_version=reader_version("txt"),
                    first_seen_at=DATA_TIME,
                    updated_at=DATA_TIME,
                    code="truncated" if status != "ok" else None,
                    reason="The PDF is incomplete." if status != "ok" else None,
                )
            )
            s.flush()
            return key

        def person(
            name: str, kind: str, rtype: str, org: str | None = None, person_name: str | None = None
        ) -> None:
            s.add(
                RespondentRow(
                    submission=sha(name), kind=kind, respondent_type=rtype, organisation=org, name=person_name
                )
            )

        def segment(
            key: str,
            sub: str,
            question: str,
            text: str,
            start: int,
            end: int,
            page: int | None,
            themes: list[tuple[str, int, int, str | None]],
            stance: str,
        ) -> None:
            seg_id = sha("seg:" + key)
            segs[key] = seg_id
            s.add(
                SegmentRow(
                    id=seg_id,
                    submission=sha(sub),
                    question=question,
                    start=start,
                    end=end,
                    page=page,
                    text=text,
                    method="test",
                    confidence=1.0,
                )
            )
            for theme, lo, hi, code_stance in themes:
                codes.append(
                    Code(
                        segment=seg_id,
                        theme=theme,
                        confidence=0.9,
                        method="rule",
                        evidence=Span(lo, hi),
                        evidence_text=text[lo:hi],
                        stance=code_stance,
                        codebook=CODEBOOK.stamp,
                        fingerprint=CODEBOOK.theme(theme).fingerprint,
                        model="rules-test",
                    )
                )
            stances.append(SegmentStance(seg_id, stance, 0.8, "", "rules", "stance-test"))

        hope_text = HOPE_PAGE1 + HOPE_PAGE2
        submission(
            "hope.pdf",
            hope_text,
            pages=[
                {"number": 1, "start": 0, "end": 100, "method": "text"},
                {"number": 2, "start": 100, "end": len(hope_text), "method": "text"},
            ],
        )
        person("hope.pdf", "organisation", "charity", "Hope Trust", "Mary Hope")
        name_at = HOPE_PAGE1.index("John Smith")
        s.add(
            PersonalDataRow(
                submission=sha("hope.pdf"),
                start=name_at,
                end=name_at + 10,
                kind="person",
                original="John Smith",
            )
        )
        redacted = (HOPE_PAGE1[:name_at] + "[NAME]" + HOPE_PAGE1[name_at + 10 :]) + HOPE_PAGE2
        q1_end = len(redacted) - len(" Contracts are too large for us.")
        fcr = redacted.index("We need full cost recovery")
        segment(
            "hope-q1",
            "hope.pdf",
            "Q1",
            redacted[:q1_end],
            0,
            len(hope_text) - 32,
            1,
            [("funding.fcr", fcr, q1_end, "support")],
            "support",
        )
        tail = "Contracts are too large for us."
        segment(
            "hope-q2",
            "hope.pdf",
            "Q2",
            tail,
            len(hope_text) - len(tail),
            len(hope_text),
            2,
            [("contracts", 0, len(tail), "oppose")],
            "oppose",
        )

        river = "Full cost recovery is essential. Three-year contracts would give us certainty."
        # (a form row's "pages" are its answer cells, as the form reader stores them)
        cells = [{"number": 2, "start": 0, "end": len(river)}]
        submission("form.csv#row-1", river, kind="form-row", pages=cells)
        person("form.csv#row-1", "organisation", "charity", "River Project")
        segment(
            "river-q1",
            "form.csv#row-1",
            "Q1",
            river,
            0,
            len(river),
            2,
            [("funding.fcr", 0, 32, "support"),
             ("funding.length", 33, len(river), None)],
            "support",
        )

        acme = "Funding should follow results, not organisations."
        submission("acme.docx", acme, late=True)
        person("acme.docx", "organisation", "private_company", "Acme Ltd")
        segment(
            "acme-q1", "acme.docx", "Q1", acme, 0, len(acme), 1, [("funding", 0, len(acme), "oppose")],
            "oppose",
        )

        jane = "Longer contracts help, but I worry about cost."
        submission("jane.txt", jane)
        person("jane.txt", "individual", "individual", None, "Jane Doe")
        segment(
            "jane-q1",
            "jane.txt",
            "Q1",
            jane,
            0,
            len(jane),
            1,
            [("funding.length", 0, len(jane), "mixed")],
            "mixed",
        )

        body = "Please find our response attached; we want full cost recovery."
        letter = "The council believes full cost recovery must be paid to every provider."
        submission("mail.eml", body)
        submission("mail.eml#letter.pdf", letter, kind="attachment", parent="mail.eml")
        for name in ("mail.eml", "mail.eml#letter.pdf"):
            person(name, "organisation", "local_authority", "Local Council", "Pat Officer")
        segment(
            "mail-q1",
            "mail.eml",
            "Q1",
            body,
            0,
            len(body),
            1,
            [("funding.fcr", 0, len(body), None)],
            "neutral",
        )
        segment(
            "letter-q1",
            "mail.eml#letter.pdf",
            "Q1",
            letter,
            0,
            len(letter),
            1,
            [("funding.fcr", 0, len(letter), None)],
            "neutral",
        )

        template = "I support full cost recovery for the charities that helped my family."
        members = []
        for i in range(1, 5):
            name = f"c{i}.txt"
            members.append(submission(name, template, late=i == 4))
            person(name, "individual", "individual", None, f"Citizen {i}")
            segment(
                f"c{i}-q1",
                name,
                "Q1",
                template,
                0,
                len(template),
                1,
                [("funding.fcr", 0, len(template), "support")],
                "support",
            )
        s.add(
            CampaignRow(id="campaign-abc", template=template, size=4, members=sorted(members), added_text={})
        )

        dup = "Volunteers are the heart of resettlement work and must be valued."
        copies = [submission("dup1.txt", dup), submission("dup2.pdf", dup)]
        for name in ("dup1.txt", "dup2.pdf"):
            person(name, "individual", "individual", None, "Sam Copy")
            segment(
                f"{name}-q2", name, "Q2", dup, 0, len(dup), 1, [("volunteers", 0, len(dup), "support")],
                "support",
            )
        s.add(CampaignRow(id="duplicate-xyz", template=dup, size=2, members=sorted(copies), added_text={}))

        submission("broken.pdf", "", status="quarantined")

        s.add(
            TopicRow(
                id=3,
                name="prison visits",
                keywords=["visits", "family"],
                size=2,
                theme=None,
                similarity=0.1,
                emerging=True,
                quotes=[{"segment": segs["jane-q1"], "text": jane}],
                model_version="t1",
            )
        )
        for key in ("jane-q1", "acme-q1"):
            s.add(
                TopicAssignmentRow(
                    segment=segs[key], topic=3, probability=0.9, model_version="t1", method="fit"
                )
            )
    replace_codes(store, sorted(segs.values()), codes, stances)
    return store, segs


def hope_q2_takes_no_side(store: Store, segs: dict[str, str]) -> None:
    """Hope Trust's Q2 answer (contract size) made to take no side, in its sentence or as an answer: under a
    codebook of topics Hope then counts there with its side over all its answers (Q1: support)."""
    from sqlalchemy import update

    from respmine.store.models import CodeRow, StanceRow

    with store.session() as s, s.begin():
        s.execute(update(CodeRow).where(CodeRow.segment == segs["hope-q2"]).values(stance=None))
        s.execute(update(StanceRow).where(StanceRow.segment == segs["hope-q2"]).values(stance="neutral"))
