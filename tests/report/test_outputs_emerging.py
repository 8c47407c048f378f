"""Emerging themes in the outputs: those most respondents raised first (a campaign once), and one drawn
mostly from one response (here a campaign) says so in the CSV, the workbook and the HTML report."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import update

from respmine.report.outputs import write_reports
from respmine.store import Store
from respmine.store.models import TopicAssignmentRow, TopicRow
from tests.report.helpers import CODEBOOK, CONSULTATION

MOSTLY_ONE_NOTE = "mostly from one campaign"  # the fixture's topic is mostly the campaign's letters


def test_emerging_ranked_by_respondents_and_flagged(made: tuple[Store, dict[str, str]], tmp_path: Path
                                                     ) -> None:
    store, segs = made
    with store.session() as s, s.begin():
        s.add(TopicAssignmentRow(segment=segs["river-q1"], topic=3, probability=0.9, model_version="t1",
                                 method="fit"))
        s.execute(update(TopicRow).where(TopicRow.id == 3).values(size=3))  # jane, acme, river: 3 respondents
        letters = [segs[f"c{i}-q1"] for i in range(1, 5)]  # one campaign's four letters, and Hope's two pages
        s.add(TopicRow(id=4, name="family ties", keywords=["family"], size=6, theme=None, similarity=0.1,
                       emerging=True, quotes=[{"segment": letters[0], "text": "I support"}],
                       model_version="t1"))
        s.add_all(TopicAssignmentRow(segment=x, topic=4, probability=0.9, model_version="t1", method="fit")
                  for x in [*letters, segs["hope-q1"], segs["hope-q2"]])
    paths = write_reports(store, CODEBOOK, tmp_path / "out", CONSULTATION)
    rows = list(csv.DictReader(paths["emerging_themes"].open(encoding="utf-8")))
    assert [(r["topic"], r["segments"], r["respondents"], r["note"]) for r in rows] == [
        ("3", "3", "3", ""), ("4", "6", "2", MOSTLY_ONE_NOTE)]
    assert f"family ties <span class=\"small\">({MOSTLY_ONE_NOTE})</span>" in paths["report_html"].read_text(
        encoding="utf-8")


def test_a_topic_of_closed_answers_is_no_emerging_theme(made: tuple[Store, dict[str, str]], tmp_path: Path
                                                         ) -> None:
    """A form's "Yes" / "Don't know" cells made a new user's only emerging theme ("yes / know")."""
    from respmine.store.models import SegmentRow

    store, segs = made

    def topics(folder: str) -> list[str]:
        paths = write_reports(store, CODEBOOK, tmp_path / folder, CONSULTATION)
        return [r["topic"] for r in csv.DictReader(paths["emerging_themes"].open(encoding="utf-8"))]

    assert "3" in topics("before")  # (the fixture's topic 3: Jane's and Acme's answers)
    cells = {"acme-q1": "Don't know.", "jane-q1": "No"}
    with store.session() as s, s.begin():
        for key, text in cells.items():
            s.execute(update(SegmentRow).where(SegmentRow.id == segs[key]).values(text=text))
    assert "3" not in topics("after")


def test_a_topic_of_formalities_is_no_emerging_theme(made: tuple[Store, dict[str, str]], tmp_path: Path
                                                     ) -> None:
    """"Here are my answers to the consultation questions." and thanks made a new user's second emerging
    theme ("answers consultation / consultation questions")."""
    from respmine.store.models import SegmentRow

    store, segs = made
    cells = {"acme-q1": "Here are my answers to the consultation questions.",
             "jane-q1": "Thank you for the opportunity to respond to this consultation."}
    with store.session() as s, s.begin():
        for key, text in cells.items():
            s.execute(update(SegmentRow).where(SegmentRow.id == segs[key]).values(text=text))
    paths = write_reports(store, CODEBOOK, tmp_path / "out", CONSULTATION)
    assert "3" not in [r["topic"] for r in csv.DictReader(paths["emerging_themes"].open(encoding="utf-8"))]
