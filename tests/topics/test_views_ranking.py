"""Emerging themes are ranked by how many respondents raised them (a campaign once), not by passages, and
one drawn mostly from one response says so."""

from __future__ import annotations

from pathlib import Path

from respmine.store.models import CampaignRow, TopicAssignmentRow, TopicRow
from respmine.store.repository import Store
from respmine.topics.views import emerging_themes
from tests.topics.helpers import add_letters, segment_key


def _topic(store: Store, topic: int, name: str, segments: list[str]) -> None:
    with store.session() as s, s.begin():
        s.add(TopicRow(id=topic, name=name, keywords=[name], size=len(segments), theme=None, similarity=0.2,
                       emerging=True, quotes=[], model_version="t1"))
        s.add_all(TopicAssignmentRow(segment=x, topic=topic, probability=0.9, model_version="t1",
                                     method="fit") for x in segments)


def test_views_emerging_ranked_by_respondents(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/store.db")
    sections = [f"Section {i} of a long paper on model validation." for i in range(9)]
    paper = add_letters(store, [("paper", sections), ("other", ["Validation metrics matter too."])])
    many = add_letters(store, [(f"r{i}", [f"Respondent {i} on the sandbox."]) for i in range(4)])
    letters = add_letters(store, [(f"kjl{i}", ["Keep prison libraries open.", "Libraries matter."])
                                  for i in range(5)])
    with store.session() as s, s.begin():  # five copies of one form letter: one respondent
        s.add(CampaignRow(id="campaign-kjl", template="Keep prison libraries open.", size=5,
                          members=[segment_key(f"sub:kjl{i}") for i in range(5)], added_text={}))
    _topic(store, 1, "validation / metrics", paper["paper"] + paper["other"])  # 10 passages, 2 respondents
    _topic(store, 2, "sandbox", [x for v in many.values() for x in v])  # 4 passages, 4 respondents
    _topic(store, 3, "libraries", [x for v in letters.values() for x in v])  # 10 passages, 1 campaign

    found = emerging_themes(store)
    assert [e.id for e in found] == [2, 1, 3]
    assert [e.respondents for e in found] == [4, 2, 1]
    assert [e.mostly_one for e in found] == [False, True, True]
    assert [e.concentration for e in found] == ["", "mostly from one response", "mostly from one campaign"]
    assert found[1].lead_share == 0.9 and found[0].lead_share == 0.25
