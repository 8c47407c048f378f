"""Analysts' respondent corrections: refused when inconsistent, the latest wins, applied over the rules,
and applied by the structure stage before personal data is found."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from respmine import pipeline
from respmine.config import Settings
from respmine.records import Document, Respondent
from respmine.store import Store
from respmine.store import structure as structure_store
from respmine.store.themes import decide, decisions
from respmine.structure import corrections, stage
from respmine.structure.redact import redact
from respmine.themes.codebook import Codebook, Theme
from respmine.themes.decisions import Decision, DecisionError

SHA = "a" * 64
FIX = {"submissions": [SHA], "kind": "organisation", "respondent_type": "charity",
       "organisation": "Bright Futures", "organisations": []}


def test_corrections_problem_refuses_what_cannot_be_true() -> None:
    assert corrections.problem(FIX) is None
    assert corrections.problem({**FIX, "submissions": []})
    assert corrections.problem({**FIX, "kind": "company"})
    assert corrections.problem({**FIX, "respondent_type": "individual"})  # an organisation typed individual
    assert corrections.problem({**FIX, "kind": "individual", "organisation": None})  # type still charity
    assert corrections.problem({**FIX, "kind": "individual", "respondent_type": "individual"})  # a name
    assert corrections.problem({**FIX, "organisation": "x" * 201})
    assert corrections.problem({**FIX, "organisations": [""]})
    assert corrections.problem({**FIX, "kind": "individual", "respondent_type": "individual",
                                "organisation": None}) is None


def test_corrections_type_is_one_of_the_consultations() -> None:
    """A consultation's own type can be given; a type it does not count cannot."""
    from respmine.structure.respondent_types import RespondentType, type_list

    types = type_list([RespondentType("bus_operator", "bus operator", "bus operators", ("buses",))])
    assert corrections.problem({**FIX, "respondent_type": "bus_operator"}, types) is None
    assert corrections.problem({**FIX, "respondent_type": "bus_operator"}) == (
        "respondent type must be one of charity, public_body, local_authority, probation, private_company, "
        "representative_body, academic, petition, elected_representative, individual, unknown")
    refused = corrections.problem(FIX, types)
    assert refused == "respondent type must be one of bus_operator, individual, unknown"
    # recorded while the consultation counted bus operators, which it no longer does: unknown, not lost
    # from every column of the theme table
    from respmine.records import Respondent

    found = Respondent("a" * 64, "organisation", "charity", None, "X", ("X",), None, {})
    bus = {**FIX, "respondent_type": "bus_operator"}
    assert corrections.corrected(found, bus, types).respondent_type == "bus_operator"
    assert corrections.corrected(found, bus, type_list([])).respondent_type == "unknown"
    assert corrections.corrected(found, bus).respondent_type == "bus_operator"  # (as recorded: checked then)


def test_corrections_latest_wins_and_corrected_keeps_the_signatory() -> None:
    at = datetime(2026, 5, 1, tzinfo=UTC)
    later = Decision(at.replace(hour=2), "bo", corrections.ACTION,
                     value={**FIX, "organisation": "Bright Ltd", "respondent_type": "private_company"})
    first = Decision(at, "ana", corrections.ACTION, value=FIX)
    other = Decision(at.replace(hour=3), "ana", "reviewed", segment="s1")
    found = corrections.latest([later, first, other])
    assert found[SHA]["organisation"] == "Bright Ltd" and found[SHA]["user"] == "bo"
    machine = Respondent(SHA, "individual", "individual", name="Holly Bright",
                         provenance={"name": "text:sign-off"})
    fixed = corrections.corrected(machine, found[SHA])
    assert (fixed.kind, fixed.respondent_type, fixed.organisation, fixed.organisations, fixed.name) == (
        "organisation", "private_company", "Bright Ltd", ("Bright Ltd",), "Holly Bright")
    assert fixed.provenance == {"name": "text:sign-off", "kind": "analyst:bo", "type": "analyst:bo",
                                "organisation": "analyst:bo"}
    joint = corrections.corrected(machine, {**FIX, "organisations": ["Step Up", "Bright Futures"]})
    assert joint.organisations == ("Bright Futures", "Step Up")  # the organisation first, as rules keep it
    alone = corrections.corrected(fixed, {**FIX, "kind": "individual", "respondent_type": "individual",
                                          "organisation": None})
    assert (alone.organisation, alone.organisations) == (None, ())
    assert corrections.corrected(machine, None) is machine


def test_corrections_stage_applies_them_before_redacting() -> None:
    """An organisation the rules missed, named like the person who signs for it, is readable once an
    analyst names it (the rules took "Bright" for a surname); the correction changes the stamp, so the
    document is structured anew, and a rerun with the same correction reuses it."""
    text = "We support local commissioning.\n\nKind regards\nHolly Bright\nDirector, Bright Futures"
    doc = Document("l.txt", SHA, "txt", "text", text)
    machine = stage.structure([(doc, None)], [])
    assert "[NAME] Futures" in redact(text, machine.personal[SHA])
    fix = {**FIX, "user": "ana"}
    fixed = stage.structure([(doc, None)], [], corrected={SHA: fix})
    assert fixed.stamps[SHA] != machine.stamps[SHA]
    [who] = fixed.respondents
    assert (who.kind, who.respondent_type, who.organisation) == ("organisation", "charity", "Bright Futures")
    shown = redact(text, fixed.personal[SHA])
    assert "Director, Bright Futures" in shown and "Holly" not in shown
    known = {SHA: (fixed.stamps[SHA], who, fixed.personal[SHA])}
    assert fixed.calibration is not None
    again = stage.structure([(doc, None)], [], known=known, corrected={SHA: fix},
                            segmented=stage.Segmented(fixed.calibration, {SHA: fixed.segments}))
    assert again.reused == 1 and again.respondents == [who]
    assert stage.document_stamp(doc, None, None, None) == machine.stamps[SHA]  # uncorrected: as before


def test_corrections_recorded_at_once_and_kept_by_every_rerun(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bright.txt").write_text(
        "We support local commissioning of probation services.\n\nKind regards\nHolly Bright\n"
        "Director, Bright Futures\n", encoding="utf-8")
    (inbox / "hope.txt").write_text(
        "Response of the Hope Trust, a registered charity.\n\nContracts must pay the full cost of "
        "services.\n\nYours sincerely\nMary Hope\nHope Trust\n", encoding="utf-8")
    settings = Settings.load(tmp_path / "work", None, 1, False)
    pipeline.ingest_stage(inbox, None, settings)
    first = pipeline.structure_stage(None, settings)
    store = Store(settings.store_url)
    [bright] = [sha for sha, r in structure_store.respondents(store).items()
                if r.organisation != "Hope Trust"]
    empty = Codebook(name="book", version="1", themes=(Theme(id="funding", label="Funding"),))
    decide(store, empty, "ana", corrections.ACTION, value={**FIX, "submissions": [bright]})
    now = structure_store.respondents(store)[bright]
    assert (now.kind, now.respondent_type, now.organisation) == ("organisation", "charity", "Bright Futures")
    assert pipeline.corrections_pending(settings) == 1  # the late flow runs for it, new files or not
    again = pipeline.structure_stage(None, settings)
    assert pipeline.corrections_pending(settings) == 0
    assert again["respondents_reused"] == first["respondents"] - 1  # only the corrected one is redone
    after = structure_store.respondents(store)
    assert (after[bright].organisation, after[bright].provenance["type"]) == ("Bright Futures", "analyst:ana")
    assert pipeline.structure_stage(None, settings)["respondents_reused"] == first["respondents"]  # settled
    with pytest.raises(DecisionError, match="no response"):
        decide(store, empty, "ana", corrections.ACTION, value={**FIX, "submissions": ["f" * 64]})
    with pytest.raises(DecisionError, match="name of the person"):  # "Holly Bright" kept readable
        decide(store, empty, "ana", corrections.ACTION,
               value={**FIX, "submissions": [bright], "organisation": "Bright"})
    assert len(decisions(store)) == 1  # nothing recorded


def test_corrections_recorded_while_a_run_works_are_not_lost(tmp_path: Path) -> None:
    """The structure stage reads the decisions when it starts; one recorded before it writes is applied
    as it writes, and the document left unstamped, so the next run redacts by it."""
    from respmine.store.models import DecisionRow

    text = "We support local commissioning.\n\nKind regards\nHolly Bright\nDirector, Bright Futures"
    doc = Document("l.txt", SHA, "txt", "text", text)
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    from respmine.ingest.dispatch import reader_version
    from respmine.store.models import SubmissionRow

    at = datetime(2026, 5, 1, tzinfo=UTC)
    with store.session() as s, s.begin():
        s.add(SubmissionRow(sha256=SHA, kind="file", source="l.txt", format="txt", status="ok", text=text,
                            extractor_version=reader_version("txt"), first_seen_at=at, updated_at=at))
    result = stage.structure([(doc, None)], [])  # the run starts: no correction yet
    with store.session() as s, s.begin():  # ... an analyst corrects the respondent meanwhile
        s.add(DecisionRow(at=at, user="ana", action=corrections.ACTION, value=FIX))
    structure_store.replace_structure(store, result.respondents, result.segments, result.personal,
                                      result.campaigns, result.stamps, result.calibration, None, {})
    row = structure_store.respondents(store)[SHA]
    assert (row.organisation, row.stamp) == ("Bright Futures", None)
    assert structure_store.pending_corrections(store) == 1
