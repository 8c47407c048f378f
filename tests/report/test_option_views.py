"""Where an option question's counts meet the theme table: respondents choosing "Option A" count under the
codebook's view that is option A (`themes.chosen`), so "7 chose Option A" and "7 favoured option A alone"
agree, and an analyst rejecting such a code takes the respondent out of the view."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete

from respmine.ingest.dispatch import reader_version
from respmine.report.tables import CodingData, build_rows, position_split, question_choices
from respmine.store import Store
from respmine.store import themes as themes_store
from respmine.store.models import OptionLinkRow, RespondentRow, SegmentationRow, SegmentRow, SubmissionRow
from respmine.themes.chosen import CHOSE
from respmine.themes.codebook import Codebook
from respmine.themes.stage import SegmentInput, code_segments
from tests.report.helpers import DATA_TIME, sha
from tests.themes.helpers import WordEmbedder
from tests.themes.test_chosen import LIBRARIES, OPTIONS

ROOT = Path(__file__).resolve().parents[2]

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
    stored = position_split(CodingData.load(store, LIBRARIES), "model")  # (as the theme stage read them)
    assert stored is not None and stored.counts == split.counts
    with store.session() as s, s.begin():
        s.execute(delete(OptionLinkRow))
    unknown = position_split(CodingData.load(store, LIBRARIES), "model")  # (no options stored or given)
    assert unknown is not None and unknown.counts[(community, mobile)] == 1


def test_the_report_links_options_as_the_theme_stage_stored_them_without_spacy(tmp_path: Path) -> None:
    """(Session 31: building the links again in the report and the review app built the phrase rules for an
    option no view's label names, loading spaCy: +10-21 s per report and per review-app start.) The theme
    stage stores what the rules found in those options' labels; reading the data for a report then imports
    no spaCy, and links option B (by its phrase "mobile library") as the theme stage did."""
    store, _ = _store(tmp_path)
    code = (
        "import sys\n"
        "from respmine.report import outputs  # noqa: F401  (the report path, imported whole)\n"
        "from respmine.report.tables import CodingData, build_rows\n"
        "from respmine.store import Store\n"
        "from respmine.themes.codebook import Codebook\n"
        f"book = Codebook.model_validate_json({LIBRARIES.model_dump_json()!r})\n"
        f"data = CodingData.load(Store({store.url!r}), book, options={{'Q2': {OPTIONS!r}}})\n"
        "build_rows(data, overall=True)\n"
        "print(sorted((k, v[0]) for k, v in data.choices['Q2'].views.items()))\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["[('A', 'model.community'), ('B', 'model.mobile')]", "False"]


def test_links_stored_under_other_rules_are_read_again(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored links hold under the codebook's rules as the theme stage read them (`rules_key`): a rename
    of a view with phrases keeps them (no rules built); an edit of a view's phrases since ("mobile library"
    gone) reads the labels again, and option B links to nothing, as it would coding from scratch."""
    from respmine.themes import rules

    store, _ = _store(tmp_path)
    stored = themes_store.offered_options(store)
    assert [(o.question, dict(o.phrased)) for o in stored] == [("Q2", {"B": ("model.mobile",), "C": ()})]
    real = rules.PhraseRules

    def no_rules(*args: object, **kwargs: object) -> None:
        raise AssertionError("the phrase rules were built")

    monkeypatch.setattr(rules, "PhraseRules", no_rules)
    renamed = Codebook(name="libraries", version="1", themes=tuple(
        t.model_copy(update={"label": "Mobile libraries"}) if t.id == "model.mobile" else t
        for t in LIBRARIES.themes))
    linked = CodingData.load(store, renamed, options={"Q2": OPTIONS}).choices["Q2"].views
    assert linked["B"][0] == "model.mobile"
    edited = Codebook(name="libraries", version="1", themes=tuple(
        t.model_copy(update={"phrases": ("link point",)}) if t.id == "model.mobile" else t
        for t in LIBRARIES.themes))
    with pytest.raises(AssertionError, match="phrase rules"):
        CodingData.load(store, edited, options={"Q2": OPTIONS})
    monkeypatch.setattr(rules, "PhraseRules", real)
    assert "B" not in CodingData.load(store, edited, options={"Q2": OPTIONS}).choices["Q2"].views


def test_a_store_from_before_the_links_were_kept_links_by_the_rules(tmp_path: Path) -> None:
    """A work folder whose store has no `option_links` table (made before it): opening it adds the table,
    empty, and the report links the options by the rules as before."""
    store, _ = _store(tmp_path)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE option_links")
    again = Store(store.url)
    assert themes_store.offered_options(again) == []
    data = CodingData.load(again, LIBRARIES, options={"Q2": OPTIONS})
    assert data.choices["Q2"].views == {"A": ("model.community", "model"), "B": ("model.mobile", "model")}


def test_the_review_app_reads_options_the_consultation_file_alone_gives(tmp_path: Path) -> None:
    """(Session 31: the review app read options from the stored question wording only.) Question 2's words
    list no options; the consultation file's `options:` give them, and the theme stage coded with them. The
    review app's data (no options passed: it reads them as the theme stage did) has option A's and B's
    takers in the views, as the report has."""
    from respmine.review.cache import ThemeTables

    store, _ = _store(tmp_path)
    with store.session() as s, s.begin():
        s.add(SegmentationRow(id=1, key="k", documents=9, bias=None, routing=None, questions=[
            {"id": "Q2", "number": 2, "text": "Which option do you prefer for the branch libraries?"}]))
    data = ThemeTables(store, LIBRARIES).data()
    assert data.choices["Q2"].options == OPTIONS
    assert question_choices(data, "Q2", OPTIONS) == {"A": 4, "B": 3, "C": 1}
    split = position_split(data, "model")
    assert split is not None
    assert split.counts[(split.labels[0],)] == 4 and split.counts[(split.labels[1],)] == 3
