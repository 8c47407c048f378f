"""A late run rewrites only the submissions it recomputed: the stored structure is then exactly what a
whole rewrite of the same result stores, and submissions no longer in the run lose their rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
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
    again = [replace(moved, question=ABOUT), replace(gone, span=Span(20, 25), text="Other words."),
             *segments[2:]]
    carried = structure_store.replace_structure(store, respondents, again, personal, campaigns, rewrite={a})
    assert carried == 2  # the add and the stance on the moved paragraph
    by_segment = Counter(d.segment for d in decisions(store))
    assert by_segment == {segment_id(again[0]): 2, segment_id(gone): 1, segment_id(kept): 1}
    assert {s.id for s in read_segments(store)} >= {segment_id(again[0]), segment_id(kept)}


def test_structure_decisions_follow_a_paragraph_whose_text_moved(tmp_path: Path) -> None:
    """Text before a paragraph changed (a sentence rejoined across a page break: one character fewer), so
    every later paragraph has a new span but the same text: its decisions, a reject and a stance
    included, go with it (the nearest copy when the text recurs)."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    head, tail, again = "We favour regional, with providers to show\n\nhow.", "Small charities lose.", "No."
    first = [Segment(a, "q1", Span(0, 51), head, 1, "heading", 1.0),
             Segment(a, "q2", Span(53, 74), tail, 1, "heading", 1.0),
             Segment(a, "q3", Span(76, 79), again, 1, "heading", 1.0),
             Segment(a, "q4", Span(81, 84), again, 1, "heading", 1.0)]
    structure_store.replace_structure(store, respondents, first, personal, campaigns)
    decide(store, codebook, "ann", "reject", segment=segment_id(first[1]), theme=codebook.ids[0])
    decide(store, codebook, "ann", "stance", segment=segment_id(first[1]), value={"stance": "oppose"})
    decide(store, codebook, "ann", "reviewed", segment=segment_id(first[3]))
    shifted = [Segment(a, "q1", Span(0, 50), head.replace("\n\n", " "), 1, "heading", 1.0),
               *(replace(seg, span=Span(seg.span.start - 1, seg.span.end - 1)) for seg in first[1:])]
    assert structure_store.replace_structure(store, respondents, shifted, personal, campaigns) == 3
    where = Counter(d.segment for d in decisions(store))
    assert where == {segment_id(shifted[1]): 2, segment_id(shifted[3]): 1}
    assert structure_store.orphaned_decisions(store) == 0


def _seg(question: str, start: int, end: int, text: str) -> Segment:
    return Segment("a" * 64, question, Span(start, end), text, 1, "heading", 1.0)


def _shift(segments: list[Segment], by: int) -> list[Segment]:
    return [segments[0], *(replace(s, span=Span(s.span.start - by, s.span.end - by)) for s in segments[1:])]


def _rejects_after(tmp_path: Path, first: list[Segment], again: list[Segment], decided: list[int]
                   ) -> dict[int, str]:
    """Reject a code on each `first[i]` (i in `decided`), rewrite as `again`: where each reject is now."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    structure_store.replace_structure(store, respondents, first, personal, campaigns)
    for i in decided:
        decide(store, codebook, "ann", "reject", segment=segment_id(first[i]), theme=codebook.ids[i])
    structure_store.replace_structure(store, respondents, again, personal, campaigns)
    return {codebook.ids.index(str(d.theme)): str(d.segment) for d in decisions(store)}


@pytest.mark.parametrize(("first", "shift", "want"), [
    # copies of a short answer: each goes to its own question's copy, even moved past the other's place
    ([_seg("q1", 0, 60, "x" * 60), _seg("q3", 76, 79, "No."), _seg("q4", 90, 93, "No.")], 8, [1, 2]),
    # the old span now holds other text: the moved paragraph is the one with the same text
    ([_seg("q1", 0, 60, "x" * 60), _seg("q3", 76, 79, "No."), _seg("q4", 81, 84, "Yes")], 5, [1]),
    ([_seg("q1", 0, 60, "x" * 60), _seg("q3", 76, 79, "No."), _seg("q3", 81, 84, "Yes")], 5, [1]),
    # as many copies as before: the first stays the first, though the second moved nearer its place
    ([_seg("q1", 0, 60, "x" * 60), _seg("q3", 100, 103, "No."), _seg("q3", 200, 203, "No.")], 60, [1]),
])
def test_structure_decisions_follow_their_own_copy_of_moved_text(
        tmp_path: Path, first: list[Segment], shift: int, want: list[int]) -> None:
    shifted = _shift(first, shift)
    assert _rejects_after(tmp_path, first, shifted, want) == {i: segment_id(shifted[i]) for i in want}


_BOTH = "Both views"


@pytest.mark.parametrize(("first", "again", "want"), [
    # shifted and now under another question: still the same paragraph
    ([_seg("q2", 100, 110, "No comment")], [_seg("q3", 99, 109, "No comment")], {0: 0}),
    # merged into the paragraph before it: the copy of its words that stayed where it was is not it
    ([_seg("q1", 0, 60, "x" * 60), _seg("q3", 100, 103, "No."), _seg("q3", 150, 153, "No.")],
     [_seg("q1", 0, 103, "x" * 60 + " No."), _seg("q3", 150, 153, "No.")], {1: None}),
    # a paragraph answering two questions, one re-assigned: each question's decisions stay its own
    ([_seg("q1", 0, 60, "x" * 60), _seg("q2", 100, 110, _BOTH), _seg("q3", 100, 110, _BOTH)],
     [_seg("q1", 0, 60, "x" * 60), _seg("q2", 100, 110, _BOTH), _seg("q4", 100, 110, _BOTH)], {1: 1, 2: 2}),
    # ... and moved too: the copy left free after the other question's is taken
    ([_seg("q1", 0, 70, "x" * 70), _seg("q2", 100, 103, "No."), _seg("q3", 100, 103, "No.")],
     [_seg("q1", 0, 60, "x" * 60), _seg("q3", 90, 93, "No."), _seg("q4", 90, 93, "No.")], {1: 2, 2: 1}),
])
def test_structure_decisions_on_moved_text_requestioned_merged_or_shared(
        tmp_path: Path, first: list[Segment], again: list[Segment], want: dict[int, int | None]) -> None:
    """`want`: decided segment -> the new segment its decision is on (None: left behind on its old id)."""
    assert _rejects_after(tmp_path, first, again, list(want)) == {
        i: segment_id(first[i] if j is None else again[j]) for i, j in want.items()}


def test_structure_decisions_do_not_jump_to_a_far_copy_of_their_text(tmp_path: Path) -> None:
    """A paragraph re-segmented away (merged into its neighbour) does not hand its decisions to the same
    words answering another question far away: they stay behind, reported."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    first = [_seg("q2", 100, 110, "No comment"), _seg("q9", 5000, 5010, "No comment")]
    structure_store.replace_structure(store, respondents, first, personal, campaigns)
    decide(store, load_codebook(CODEBOOK), "ann", "reviewed", segment=segment_id(first[0]))
    again = [_seg("q2", 40, 110, "Our answer to question two is below: No comment"), first[1]]
    structure_store.replace_structure(store, respondents, again, personal, campaigns)
    assert [d.segment for d in decisions(store)] == [segment_id(first[0])]
    assert structure_store.orphaned_decisions(store) == 1


_LETTER = ("[NAME] runs our night shelter. We strongly oppose the new fees. "  # redacted: offsets are
           "Small charities cannot bid for large contracts. About us: we are a charity in Hillfoot.")


def test_structure_decisions_follow_a_paragraph_split_or_cut_short(tmp_path: Path) -> None:
    """A paragraph split by a heading now found, or cut short by an "About us" section set apart: an
    added code goes with its evidence text to the part that holds it (its offsets found again there),
    a reject with the machine code's evidence; a stance goes to the largest part inside the old one;
    nothing goes to the uncoded ABOUT part."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    first, second = codebook.ids[0], codebook.ids[1]
    cut = _LETTER.index("Small")
    about = _LETTER.index("About us")

    def seg(q: str, start: int, end: int) -> Segment:  # texts as stored (redacted), spans in the document
        return Segment(a, q, Span(start + 10, end + 10), _LETTER[start:end], 1, "heading", 1.0)

    def write(*segments: Segment) -> int:
        return structure_store.replace_structure(store, respondents, list(segments), personal, campaigns)

    whole = seg("q1", 0, len(_LETTER))
    write(whole)
    fees = _LETTER.index("oppose the new fees")
    decide(store, codebook, "ann", "add", segment=segment_id(whole), theme=first,
           value={"start": fees, "end": fees + len("oppose the new fees")})
    decide(store, codebook, "ann", "add", segment=segment_id(whole), theme=second,
           value={"start": cut, "end": cut + len("Small charities")})
    decide(store, codebook, "ann", "stance", segment=segment_id(whole), value={"stance": "oppose"})
    _machine_code(store, segment_id(whole), second, cut, "Small charities cannot bid for large contracts.")
    decide(store, codebook, "ann", "reject", segment=segment_id(whole), theme=second)
    # split at "Small" (a heading found), the tail set apart as "About us"
    parts = seg("q1", 0, cut), seg("q2", cut, about), seg(ABOUT, about, len(_LETTER))
    assert write(*parts) == 4
    where = {(d.action, d.theme): (d.segment, dict(d.value or {})) for d in decisions(store)}
    start = parts[0].text.index("oppose the new fees")
    assert where[("add", first)] == (segment_id(parts[0]), {"start": start, "end": start + 19})
    assert where[("add", second)] == (segment_id(parts[1]), {"start": 0, "end": len("Small charities")})
    assert where[("reject", second)][0] == segment_id(parts[1])  # where the machine's evidence is
    assert where[("stance", None)][0] == segment_id(parts[0])  # the largest part


def test_structure_decisions_stay_when_paragraphs_merge(tmp_path: Path) -> None:
    """A merged paragraph holds text no analyst read: a reject or stance made on its first half stays
    behind (in the audit trail) rather than hiding codes found in the other half; an added code still
    goes with its evidence."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    cut = _LETTER.index("Small")
    halves = (Segment(a, "q1", Span(0, cut), _LETTER[:cut], 1, "heading", 1.0),
              Segment(a, "q2", Span(cut, len(_LETTER)), _LETTER[cut:], 1, "heading", 1.0))
    structure_store.replace_structure(store, respondents, list(halves), personal, campaigns)
    decide(store, codebook, "ann", "reject", segment=segment_id(halves[0]), theme=codebook.ids[0])
    decide(store, codebook, "ann", "add", segment=segment_id(halves[1]), theme=codebook.ids[1],
           value={"start": 0, "end": 15})
    merged = Segment(a, "q1", Span(0, len(_LETTER)), _LETTER, 1, "heading", 1.0)
    assert structure_store.replace_structure(store, respondents, [merged], personal, campaigns) == 1
    where = {d.action: (d.segment, dict(d.value or {})) for d in decisions(store)}
    assert where["reject"][0] == segment_id(halves[0])
    assert structure_store.orphaned_decisions(store) == 1  # reported in the intake summary
    # the next structure run, before any theme stage dropped the vanished segment's codes, leaves them be
    _machine_code(store, segment_id(halves[0]), codebook.ids[0], 0, "runs our night shelter")
    assert structure_store.replace_structure(store, respondents, [merged], personal, campaigns) == 0
    assert structure_store.orphaned_decisions(store) == 1
    assert where["add"] == (segment_id(merged), {"start": cut, "end": cut + 15})


@pytest.mark.parametrize("question", ["q1", "q2"])  # the same segment id, or a new one
def test_structure_decisions_on_a_paragraph_redacted_differently_keep_their_evidence(
        tmp_path: Path, question: str) -> None:
    """Same paragraph, same span, another redaction ("[NAME]" now "[PERSON_NAME]"): an added code's
    offsets, which are offsets in the redacted text, are found again."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    before = Segment(a, "q1", Span(0, 90), _LETTER, 1, "heading", 1.0)
    structure_store.replace_structure(store, respondents, [before], personal, campaigns)
    fees = _LETTER.index("oppose the new fees")
    decide(store, codebook, "ann", "add", segment=segment_id(before), theme=codebook.ids[0],
           value={"start": fees, "end": fees + 19})
    after = replace(before, question=question, text=_LETTER.replace("[NAME]", "[PERSON_NAME]"))
    moved = structure_store.replace_structure(store, respondents, [after], personal, campaigns)
    assert moved == (question != "q1")  # carried to another segment only when the id changed
    [d] = decisions(store)
    at = after.text.index("oppose the new fees")
    assert d.segment == segment_id(after) and d.value == {"start": at, "end": at + 19}


def test_structure_decisions_evidence_now_redacted_or_repeated(tmp_path: Path) -> None:
    """An added code whose evidence the new redaction covers keeps the paragraph, not wrong offsets (its
    evidence becomes the whole segment); a reject follows the machine code's own occurrence of a sentence
    the paragraph repeats."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    text = "We work with Ann Smith. Costs rise. Then costs rise. Costs rise."
    before = Segment(a, "q1", Span(0, len(text)), text, 1, "heading", 1.0)
    structure_store.replace_structure(store, respondents, [before], personal, campaigns)
    ann = text.index("Ann Smith")
    decide(store, codebook, "ann", "add", segment=segment_id(before), theme=codebook.ids[0],
           value={"start": ann, "end": ann + 9})
    last = text.rindex("Costs rise.")
    _machine_code(store, segment_id(before), codebook.ids[1], last, "Costs rise.")
    decide(store, codebook, "ann", "reject", segment=segment_id(before), theme=codebook.ids[1])
    redacted = text.replace("Ann Smith", "[NAME]")
    cut = redacted.index("Then")
    parts = (Segment(a, "q1", Span(0, cut), redacted[:cut], 1, "heading", 1.0),
             Segment(a, "q2", Span(cut, len(text)), redacted[cut:], 1, "heading", 1.0))
    structure_store.replace_structure(store, respondents, list(parts), personal, campaigns)
    where = {d.action: (d.segment, dict(d.value or {})) for d in decisions(store)}
    assert where["reject"][0] == segment_id(parts[1])  # where the machine's "Costs rise." was
    assert where["add"][0] == segment_id(before)  # evidence gone from every part: left, and reported
    again = Segment(a, "q1", Span(0, len(text)), redacted, 1, "heading", 1.0)  # same id, redacted anew
    structure_store.replace_structure(store, respondents, [before], personal, campaigns)
    decide(store, codebook, "ann", "add", segment=segment_id(before), theme=codebook.ids[2],
           value={"start": ann, "end": ann + 9})
    structure_store.replace_structure(store, respondents, [again], personal, campaigns)
    adds = [d for d in decisions(store) if d.action == "add" and d.theme == codebook.ids[2]]
    assert [(d.segment, d.value) for d in adds] == [(segment_id(again), {})]  # the whole segment


def _machine_code(store: Store, segment: str, theme: str, start: int, evidence: str) -> None:
    from respmine.store.models import CodeRow

    with store.session() as s, s.begin():
        s.add(CodeRow(segment=segment, theme=theme, confidence=0.7, method="rule", evidence_start=start,
                      evidence_end=start + len(evidence), evidence=evidence, codebook="x", fingerprint="f",
                      model="m"))


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


def test_structure_decisions_on_a_paragraph_filed_under_two_questions_follow_each_questions_part(
    tmp_path: Path,
) -> None:
    """(Session 29 review.) A paragraph filed whole under two questions, now shared out between them
    (`questions._shared_out`): the stance an analyst set on its answer to each question goes to that
    question's part, not both to the largest part (the other question's answer: a "support" on the hours
    had become the vests' answer)."""
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    respondents, _, personal, campaigns = _run([a])
    codebook = load_codebook(CODEBOOK)
    cut = _LETTER.index("Small")
    q1, q3 = (Segment(a, q, Span(0, len(_LETTER)), _LETTER, 1, "similarity", 0.8) for q in ("q1", "q3"))
    structure_store.replace_structure(store, respondents, [q1, q3], personal, campaigns)
    decide(store, codebook, "ann", "stance", segment=segment_id(q1), value={"stance": "support"})
    decide(store, codebook, "ann", "stance", segment=segment_id(q3), value={"stance": "oppose"})
    parts = (Segment(a, "q1", Span(0, cut), _LETTER[:cut], 1, "similarity", 0.8),
             Segment(a, "q3", Span(cut, len(_LETTER)), _LETTER[cut:], 1, "similarity", 0.8))
    assert len(parts[1].text) > len(parts[0].text)
    structure_store.replace_structure(store, respondents, list(parts), personal, campaigns)
    where = {dict(d.value or {})["stance"]: d.segment for d in decisions(store)}
    assert where == {"support": segment_id(parts[0]), "oppose": segment_id(parts[1])}


def test_a_request_about_publication_is_stored_for_late_runs(tmp_path: Path) -> None:
    a = "a" * 64
    store = _store(tmp_path / "w", [a])
    asked = Respondent(a, "organisation", "private_company", organisation="Fellside Holiday Park Ltd",
                       publication="do not publish", publication_asked="Please do not publish this response.")
    structure_store.replace_structure(store, [asked], [], {}, [], stamps={a: "s"})
    assert structure_store.known_structure(store)[a][1] == asked


def test_an_analysts_publication_decision_wins_over_every_run(tmp_path: Path) -> None:
    """The structure stage writes each respondent's request as read in the text, run after run (a late
    run rewrites the rows of the files it reads again): an analyst's decision is read over them."""
    from respmine.store.views import read_respondents

    a, b = "a" * 64, "b" * 64
    store = _store(tmp_path / "w", [a, b])
    asked = Respondent(a, "organisation", "private_company", organisation="Fellside Holiday Park Ltd",
                       publication="do not publish", publication_asked="Please do not publish this response.")
    quiet = Respondent(b, "organisation", "charity", organisation="Hope Trust")
    structure_store.replace_structure(store, [asked, quiet], [], {a: [], b: []}, [], stamps={a: "s", b: "s"})
    book = load_codebook(CODEBOOK)
    decide(store, book, "ana", "publication", value={"submissions": [a], "publication": ""})
    decide(store, book, "ana", "publication", note="asked by e-mail",
           value={"submissions": [b], "publication": "publish anonymously"})
    for rewrite in (None, [a, b]):  # a full run, then a late run reading both again
        structure_store.replace_structure(store, [asked, quiet], [], {a: [], b: []}, [], rewrite=rewrite)
        people = read_respondents(store)
        assert (people[a].publication, people[b].publication) == (None, "publish anonymously")
        assert people[b].provenance["publication"] == "analyst:ana"
    with pytest.raises(ValueError, match="has a respondent"):
        decide(store, book, "ana", "publication", value={"submissions": ["c" * 64], "publication": ""})
