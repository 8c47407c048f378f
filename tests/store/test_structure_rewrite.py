"""A late run rewrites only the submissions it recomputed: the stored structure is then exactly what a
whole rewrite of the same result stores, and submissions no longer in the run lose their rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from respmine.records import ABOUT, Campaign, Document, PersonalData, Respondent, Segment, Span
from respmine.store import Arrival, Store
from respmine.store import structure as structure_store
from respmine.store.models import PersonalDataRow
from respmine.store.structure import segment_id
from respmine.store.themes import decide, decisions
from respmine.store.views import read_segments
from respmine.themes.codebook import load_codebook
from tests.flows.compare import store_tables

STRUCTURE = ("respondents", "segments", "personal_data", "campaigns")
CODEBOOK = Path(__file__).resolve().parents[2] / "models" / "codebooks" / "noms-third-sector.yaml"


def _store(work: Path, shas: list[str]) -> Store:
    work.mkdir()
    store = Store(f"sqlite:///{work / 'respmine.sqlite'}")
    for sha in shas:
        store.save(Document(f"{sha[0]}.txt", sha, "txt", "text-utf-8", f"Text of {sha[0]}."),
                   Arrival(None, None, None), kind="file")
    return store


def _run(shas: list[str], edited: str = "") -> tuple[list[Respondent], list[Segment],
                                                     dict[str, list[PersonalData]], list[Campaign]]:
    respondents = [Respondent(sha, "individual", "individual", name=f"N {sha[0]}{edited}") for sha in shas]
    segments = [Segment(sha, q, Span(0, 5), f"{q} of {sha[0]}{edited}", 1, "heading", 1.0)
                for sha in shas for q in ("q1", "q2")]
    personal = {sha: [PersonalData(Span(0, 2), "person", f"N {sha[0]}{edited}")] for sha in shas}
    return respondents, segments, personal, [Campaign("campaign-x", "Template", tuple(shas[:2]))]


def test_structure_rewrite_of_some_submissions_equals_a_whole_rewrite(tmp_path: Path) -> None:
    a, b, c = "a" * 64, "b" * 64, "c" * 64
    partial = _store(tmp_path / "partial", [a, b, c])
    structure_store.replace_structure(partial, *_run([a, b, c]))
    kept_ids = _personal_ids(partial, a)
    # next run: c has left the run, b was recomputed (its rows differ), a is unchanged
    respondents, segments, personal, campaigns = _run([a, b])
    edited = _run([b], edited=" (recomputed)")
    respondents[1], segments[2:4], personal[b] = edited[0][0], edited[1], edited[2][b]
    structure_store.replace_structure(partial, respondents, segments, personal, campaigns, rewrite={b})

    whole = _store(tmp_path / "whole", [a, b, c])
    structure_store.replace_structure(whole, respondents, segments, personal, campaigns)
    got, want = store_tables(tmp_path / "partial"), store_tables(tmp_path / "whole")
    assert {t: got[t] for t in STRUCTURE} == {t: want[t] for t in STRUCTURE}
    assert _personal_ids(partial, a) == kept_ids  # a's rows were left alone, not deleted and reinserted
    assert {s.submission for s in read_segments(partial)} == {a, b}
    assert "q1 of b (recomputed)" in {s.text for s in read_segments(partial)}


def test_structure_decisions_follow_a_paragraph_that_moves_question(tmp_path: Path) -> None:
    """A segment's id hashes its question: re-segmented under another question (a recalibration, a
    self-description set apart), the paragraph's decisions move with it, not left on a vanished id."""
    a, b = "a" * 64, "b" * 64
    store = _store(tmp_path / "w", [a, b])
    respondents, segments, personal, campaigns = _run([a, b])
    assert structure_store.replace_structure(store, respondents, segments, personal, campaigns) == 0
    codebook = load_codebook(CODEBOOK)
    theme = codebook.ids[0]
    segments[1] = replace(segments[1], span=Span(10, 15))  # a's q2: a paragraph of its own
    assert structure_store.replace_structure(store, respondents, segments, personal, campaigns) == 0
    moved, gone, kept = segments[0], segments[1], segments[2]  # a's q1 moves, a's q2 vanishes, b's stays
    for seg in (moved, gone, kept):
        decide(store, codebook, "ann", "add", segment=segment_id(seg), theme=theme)
    decide(store, codebook, "ann", "stance", segment=segment_id(moved), value={"stance": "oppose"})
    again = [replace(moved, question=ABOUT), replace(gone, span=Span(20, 25)), *segments[2:]]
    carried = structure_store.replace_structure(store, respondents, again, personal, campaigns, rewrite={a})
    assert carried == 2  # the add and the stance on the moved paragraph
    by_segment = Counter(d.segment for d in decisions(store))
    assert by_segment == {segment_id(again[0]): 2, segment_id(gone): 1, segment_id(kept): 1}
    assert {s.id for s in read_segments(store)} >= {segment_id(again[0]), segment_id(kept)}


def test_structure_decisions_follow_a_paragraph_merged_split_or_cut_short(tmp_path: Path) -> None:
    """Re-segmentation that moves a paragraph's bounds (a heading now found, an "About us" section cut
    off, two paragraphs joined) carries its decisions to the segment overlapping it most; an added code
    goes with its evidence, whose offsets follow, and stays behind if no segment holds it any more."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    first, second = codebook.ids[0], codebook.ids[1]

    def seg(q: str, start: int, end: int) -> Segment:
        return Segment(a, q, Span(start, end), "x" * (end - start), 1, "heading", 1.0)

    def write(*segments: Segment) -> int:
        return structure_store.replace_structure(store, respondents, list(segments), personal, campaigns)

    write(seg("q1", 0, 100), seg("q2", 100, 140))
    decide(store, codebook, "ann", "add", segment=segment_id(seg("q1", 0, 100)), theme=first,
           value={"start": 70, "end": 90})  # evidence in what becomes q1's second half
    decide(store, codebook, "ann", "add", segment=segment_id(seg("q1", 0, 100)), theme=second,
           value={"start": 10, "end": 20})
    decide(store, codebook, "ann", "stance", segment=segment_id(seg("q1", 0, 100)),
           value={"stance": "oppose"})
    decide(store, codebook, "ann", "reject", segment=segment_id(seg("q2", 100, 140)), theme=first)
    # q1 split at 60 (a heading found); q2 merged into the paragraph after it
    assert write(seg("q1", 0, 60), seg("q3", 60, 100), seg("q2", 100, 200)) == 4
    where = {(d.action, d.theme): (d.segment, dict(d.value or {})) for d in decisions(store)}
    assert where[("add", first)] == (segment_id(seg("q3", 60, 100)), {"start": 10, "end": 30})
    assert where[("add", second)] == (segment_id(seg("q1", 0, 60)), {"start": 10, "end": 20})
    assert where[("stance", None)][0] == segment_id(seg("q1", 0, 60))  # the larger part
    assert where[("reject", first)][0] == segment_id(seg("q2", 100, 200))
    # q3 cut short (the rest now read as a signature): the evidence at 70-90 is in no segment, it stays
    assert write(seg("q1", 0, 60), seg("q3", 60, 65), seg("q2", 100, 200)) == 0
    assert where == {(d.action, d.theme): (d.segment, dict(d.value or {})) for d in decisions(store)}


def _personal_ids(store: Store, submission: str) -> list[int]:
    with store.session() as s:
        return list(s.scalars(select(PersonalDataRow.id).where(PersonalDataRow.submission == submission)))


def test_structure_campaign_features_round_trip_and_stale_ones_go(tmp_path: Path) -> None:
    import numpy as np

    from respmine.structure.campaigns import complete_features

    store = _store(tmp_path / "w", [])
    texts = {"long": " ".join(f"word{i}" for i in range(40)), "short": "Too short to hash."}
    _, fresh = complete_features(texts)
    structure_store.update_campaign_features(store, fresh)
    back = structure_store.campaign_features(store)
    assert back.keys() == fresh.keys()
    for key, f in fresh.items():
        g = back[key]
        assert g.exact == f.exact
        for mine, theirs in ((g.signature, f.signature), (g.shingles, f.shingles)):
            assert (mine is None and theirs is None) or np.array_equal(mine, theirs)
    structure_store.update_campaign_features(store, {}, stale=[next(iter(fresh))])
    assert len(structure_store.campaign_features(store)) == 1
