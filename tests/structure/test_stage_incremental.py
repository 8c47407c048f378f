"""The structure stage reruns cheaply and exactly: respondents and personal data of documents already
structured by the same rules are reused (not recomputed), and the stored structure is then identical to a
from-scratch run; a change to the rules (their stamp) recomputes everything; a late file costs only itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine import pipeline
from respmine.config import Settings
from respmine.consultation import Question, load_consultation
from respmine.records import Document, Respondent
from respmine.structure import stage
from respmine.structure.question_matcher import Calibration
from respmine.structure.questions import calibration_key
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from tests.flows.compare import copy_sample, store_tables


def _run(work: Path, consultation: Path) -> tuple[Settings, dict[str, object]]:
    settings = Settings.load(work, None, 1, False)
    cons = load_consultation(consultation)
    pipeline.ingest_stage(cons.inbox_path(), cons, settings)
    return settings, pipeline.structure_stage(cons, settings)


STRUCTURE_TABLES = ("respondents", "segments", "personal_data", "campaigns")


def _structure(work: Path) -> dict[str, object]:
    tables = store_tables(work)
    return {name: tables[name] for name in STRUCTURE_TABLES}


@pytest.mark.slow
def test_stage_rerun_reuses_respondents_and_matches_a_fresh_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    consultation = copy_sample(tmp_path / "sample")
    settings, first = _run(tmp_path / "work", consultation)
    fresh = _structure(tmp_path / "work")
    assert first["respondents_reused"] == 0 and first["respondents"]

    again = pipeline.structure_stage(load_consultation(consultation), settings)
    assert again["respondents_reused"] == again["respondents"] == first["respondents"]
    assert _structure(tmp_path / "work") == fresh

    calls: list[str] = []
    profile_many = stage.profile_many

    def counted(docs: list[tuple[Document, Document | None]],
                types: TypeList = DEFAULT_TYPES, department: str = "") -> list[Respondent]:
        calls.extend(d.sha256 for d, _ in docs)
        return profile_many(docs, types, department)

    monkeypatch.setattr(stage, "profile_many", counted)

    # a late file: only its own respondent is worked out
    inbox = load_consultation(consultation).inbox_path()
    (inbox / "late_reply.txt").write_text(
        "Response from the Harbour Lights Trust\n\nQuestion 1\nCharities must keep their independence "
        "and their voice when they take on probation contracts.\n\nYours sincerely\nJane Morrow\n",
        encoding="utf-8",
    )
    _, late = _run(tmp_path / "work", consultation)
    assert len(calls) == 1 and late["respondents_reused"] == first["respondents"]
    # ... and only it is segmented, with the kept calibration: every earlier segment stays as it was
    assert late["documents_segmented"] == 1 and first["documents_segmented"] == first["respondents"]
    segments_after_late = _structure(tmp_path / "work")["segments"]
    assert isinstance(segments_after_late, list) and isinstance(fresh["segments"], list)
    assert set(map(repr, fresh["segments"])) < set(map(repr, segments_after_late))

    # changed rules: every stamp is stale, everything is recomputed, and the result is still the same
    calls.clear()
    monkeypatch.setattr(stage, "rules_version", lambda: "edited-rules")
    before = _structure(tmp_path / "work")
    redone = pipeline.structure_stage(load_consultation(consultation), settings)
    assert redone["respondents_reused"] == 0 and len(calls) == redone["respondents"]
    after = _structure(tmp_path / "work")
    assert {k: v for k, v in after.items() if k != "respondents"} == {
        k: v for k, v in before.items() if k != "respondents"
    }
    assert redone["documents_segmented"] == redone["respondents"]  # recomputed respondents: re-segmented

    # new segmentation code (or embedder, or questions): recalibrated on the whole corpus, all re-segmented
    monkeypatch.setattr(stage, "calibration_key", lambda *args: "edited-segmentation")
    recut = pipeline.structure_stage(load_consultation(consultation), settings)
    assert recut["documents_segmented"] == recut["respondents_reused"] == recut["respondents"]


def test_stage_calibration_is_kept_until_the_corpus_outgrows_it() -> None:
    kept = Calibration((), None, 100, calibration_key([], None))
    earlier = stage.Segmented(kept, {})
    assert stage._kept_calibration(earlier, [], None, 125) is kept  # up to 25 % more documents
    assert stage._kept_calibration(earlier, [], None, 126) is None  # then recalibrated
    assert stage._kept_calibration(earlier, [Question(id="Q1", text="Why?")], None, 100) is None
    assert stage._kept_calibration(None, [], None, 1) is None


def test_stage_reextracted_text_is_structured_anew_not_reused() -> None:
    """The same file extracted into other text (a reader's fix: a sentence rejoined across a page break)
    is not structured from the old text's offsets, which would redact the wrong characters."""
    from dataclasses import replace

    from respmine.records import Segment

    old_text = ("We favour regional commissioning, with a requirement that providers show\n\nhow they will "
                "meet local needs.\n\nPlease contact me at jo.bloggs@example.org if you need more.")
    doc = Document("letter.pdf", "a" * 64, "pdf", "pdfium", old_text)
    first = stage.structure([(doc, None)], [])
    known = {sha: (first.stamps[sha], r, first.personal[sha])
             for sha, r in zip(first.stamps, first.respondents, strict=True)}
    assert first.calibration is not None
    segmented = stage.Segmented(first.calibration, {doc.sha256: first.segments})
    again = stage.structure([(doc, None)], [], known=known, segmented=segmented)
    assert again.reused == 1  # same text: reused

    new = replace(doc, text=old_text.replace("show\n\nhow", "show how"))
    redone = stage.structure([(new, None)], [], known=known, segmented=segmented)
    assert redone.reused == 0
    [email] = [p for p in redone.personal[doc.sha256] if p.kind == "email"]
    assert new.text[email.span.start:email.span.end] == "jo.bloggs@example.org"
    assert all(isinstance(s, Segment) and "example.org" not in s.text for s in redone.segments)


def test_stage_stamp_follows_the_parent_text() -> None:
    """An attachment is profiled with its covering e-mail (text and sender): the e-mail read anew
    restructures it."""
    from dataclasses import replace

    email = Document("cover.eml", "e" * 64, "eml", "email", "From Jo Bloggs of the Lakeside Trust.")
    child = Document("reply.pdf", "c" * 64, "pdf", "pdfium", "Our answer to question one.")
    stamp = stage.document_stamp(child, email.sha256, email)
    assert stamp == stage.document_stamp(child, email.sha256, replace(email))
    assert stamp != stage.document_stamp(child, email.sha256, replace(email, text="From Jo Bloggs."))
    assert stamp != stage.document_stamp(child, email.sha256, replace(email, metadata={"from": "jo@x.org"}))


def test_a_kept_calibration_takes_the_consultations_questions_as_now_given() -> None:
    """(Session 29.) A question marked `proposal: true` after a run is not in the calibration's key (the
    segments stay), but the kept calibration carries it, so the store, and the report, see the mark."""
    asked = Question(id="Q1", text="Do you agree?")
    kept = Calibration((asked,), None, 100, calibration_key([asked], None))
    marked = Question(id="Q1", text="Do you agree?", proposal=True)
    again = stage._kept_calibration(stage.Segmented(kept, {}), [marked], None, 100)
    assert again is not None and again.questions == (marked,) and again.key == kept.key
