"""Where an option question's counts meet the theme table: respondents choosing "Option A" count under the
codebook's view that is option A (`themes.chosen`), so "7 chose Option A" and "7 favoured option A alone"
agree, and an analyst rejecting such a code takes the respondent out of the view."""

from __future__ import annotations

from pathlib import Path

from respmine.ingest.dispatch import reader_version
from respmine.report.tables import CodingData, build_rows, position_split, question_choices
from respmine.store import Store
from respmine.store import themes as themes_store
from respmine.store.models import RespondentRow, SegmentRow, SubmissionRow
from respmine.themes.chosen import CHOSE
from respmine.themes.stage import SegmentInput, code_segments
from tests.report.helpers import DATA_TIME, sha
from tests.themes.helpers import WordEmbedder
from tests.themes.test_chosen import LIBRARIES, OPTIONS

ANSWERS = {  # respondent -> their answer to Q2
    "friends": "We favour Option A, but only with a longer grant.",
    "wi": "Option A. Several members have offered to help with a rota.",
    "cafe": "A",  # a form's cell
    "bowls": "a",
    "awpl": "Option B is the least damaging of the three. Trained staff keep the stock in public hands.",
    "ceri": "B",
    "valley": "We would support option B, and would host a link point at the bus station.",
    "taxpayer": "Shut the small ones and put the money into e-books, which is your option C.",
    "union": "We reject all three options for the branches.",
}


def _store(path: Path) -> tuple[Store, list[SegmentInput]]:
    store = Store(f"sqlite:///{path / 'respmine.sqlite'}")
    segments = []
    with store.session() as s, s.begin():
        for who, text in ANSWERS.items():
            s.add(SubmissionRow(sha256=sha(who), kind="file", source=f"{who}.txt", format="txt",
                                method="test",
                                status="ok", text=text, pages=[], late=False,
                                extractor_version=reader_version("txt"), first_seen_at=DATA_TIME,
                                updated_at=DATA_TIME))
            s.flush()
            s.add(RespondentRow(submission=sha(who), kind="organisation", respondent_type="charity",
                                organisation=who.title()))
            s.add(SegmentRow(id=sha(f"seg:{who}"), submission=sha(who), question="Q2", start=0, end=len(text),
                             page=1, text=text, method="test", confidence=1.0))
            segments.append(SegmentInput(sha(f"seg:{who}"), text, "Q2"))
    result = code_segments(segments, LIBRARIES, WordEmbedder(), options={"Q2": OPTIONS})
    themes_store.write_coding(store, result)
    return store, segments


def test_the_option_counts_and_the_views_split_agree(tmp_path: Path) -> None:
    store, _ = _store(tmp_path)
    data = CodingData.load(store, LIBRARIES)
    assert question_choices(data, "Q2", OPTIONS) == {"A": 4, "B": 3, "C": 1}
    split = position_split(data, "model")
    assert split is not None
    community, mobile = split.labels
    assert split.counts[(community,)] == 4 and split.counts[(mobile,)] == 3
    assert (community, mobile) not in split.counts


def test_an_analyst_rejecting_a_chosen_view_wins(tmp_path: Path) -> None:
    store, _ = _store(tmp_path)
    code = next(c for c in themes_store.machine_codes(store)
                if c.segment == sha("seg:cafe") and c.theme == "model.community")
    assert code.method == CHOSE
    themes_store.decide(store, LIBRARIES, "analyst1", "reject", segment=code.segment, theme=code.theme)
    split = position_split(CodingData.load(store, LIBRARIES), "model")
    assert split is not None and split.counts[(split.labels[0],)] == 3


def test_an_explicit_choice_wins_over_another_answer_naming_another_option(tmp_path: Path) -> None:
    """Wyn answers Question 2 "Option A." and says in general comments "A mobile library would also do."
    (a short sentence: the rules hold option B's view there): the question's count has Wyn choosing A,
    and so do the views' split and rows (option B's view is a mention of its topic beside the choice);
    without the question's options known, both views stand as coded."""
    store, segments = _store(tmp_path)
    extra = {"Q2": "Option A.", "general": "A mobile library would also do."}
    with store.session() as s, s.begin():
        s.add(SubmissionRow(sha256=sha("wyn"), kind="file", source="wyn.txt", format="txt", method="test",
                            status="ok", text=" ".join(extra.values()), pages=[], late=False,
                            extractor_version=reader_version("txt"), first_seen_at=DATA_TIME,
                            updated_at=DATA_TIME))
        s.flush()
        s.add(RespondentRow(submission=sha("wyn"), kind="individual", respondent_type="individual"))
        for q, text in extra.items():
            s.add(SegmentRow(id=sha(f"seg:wyn:{q}"), submission=sha("wyn"), question=q, start=0,
                             end=len(text), page=1, text=text, method="test", confidence=1.0))
    more = [SegmentInput(sha(f"seg:wyn:{q}"), text, q) for q, text in extra.items()]
    themes_store.write_coding(store, code_segments([*segments, *more], LIBRARIES, WordEmbedder(),
                                                   previous=themes_store.previous_coding(store),
                                                   options={"Q2": OPTIONS}))
    assert ("model.mobile", "rule") in {(c.theme, c.method) for c in themes_store.machine_codes(store)
                                        if c.segment == sha("seg:wyn:general")}
    data = CodingData.load(store, LIBRARIES, options={"Q2": OPTIONS})
    assert question_choices(data, "Q2", OPTIONS) == {"A": 5, "B": 3, "C": 1}
    split = position_split(data, "model")
    assert split is not None
    community, mobile = split.labels
    assert split.counts[(community,)] == 5 and split.counts[(mobile,)] == 3
    assert (community, mobile) not in split.counts
    rows = {r.theme: r.respondents for r in build_rows(data, overall=True)}
    assert rows["model.community"] == 5 and rows["model.mobile"] == 3 and rows["model"] == 9
    unknown = position_split(CodingData.load(store, LIBRARIES), "model")  # (no options stored or given)
    assert unknown is not None and unknown.counts[(community, mobile)] == 1
