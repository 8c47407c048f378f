"""Where an option question's counts meet the theme table: respondents choosing "Option A" count under the
codebook's view that is option A (`themes.chosen`), so "7 chose Option A" and "7 favoured option A alone"
agree, and an analyst rejecting such a code takes the respondent out of the view."""

from __future__ import annotations

from pathlib import Path

from respmine.ingest.dispatch import reader_version
from respmine.report.tables import CodingData, position_split, question_choices
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
