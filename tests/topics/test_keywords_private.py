"""Topic names, keywords and examples are shown to analysts and published: a redaction's token ("[PHONE]",
"[NAME]") never names a topic, nor the name of a respondent who asked not to be named."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from respmine.store.models import RespondentRow
from respmine.store.repository import Store
from respmine.structure.confidentiality import ANONYMOUS
from respmine.topics.keywords import class_tfidf
from respmine.topics.stage import run_topics
from respmine.topics.tfidf import TfidfSvdEmbedder
from tests.topics.helpers import add_letters, segment_key


def test_redaction_tokens_are_no_keywords() -> None:
    texts = ["Call [NAME] on [PHONE] about the damp flat", "Ring [PHONE] or write to [EMAIL] about mould",
             "[NAME] at [ADDRESS] [POSTCODE] has mould and damp", "Parking charges are too high"]
    c = class_tfidf(texts, [0, 0, 0, 1])
    assert not {"phone", "email", "address", "postcode", "name"} & set(c.terms)
    assert "mould" in c.terms


def test_anonymous_respondents_name_never_names_a_topic(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/store.db")
    passages = [f"Ashgrove Tenants Forum members report damp and mould in flat {i}, and landlords ignore "
                "repair requests." for i in range(6)]
    others = [(f"r{i}", [f"Parking permits and parking charges on street {i} are too high for residents."])
              for i in range(8)]
    others += [(f"s{i}", [f"Mould and damp in rented flats: tenant {i} waited months for repairs."])
               for i in range(3)]
    add_letters(store, [("forum", passages), *others], {"forum": "Ashgrove Tenants Forum"})
    with store.session() as s, s.begin():
        s.execute(update(RespondentRow).where(RespondentRow.submission == segment_key("sub:forum"))
                  .values(publication=ANONYMOUS))
    summary = run_topics(store, None, tmp_path / "model", embedder=TfidfSvdEmbedder())
    words = {w for t in summary.topics for k in t.keywords for w in k.split()}
    words |= {w for t in summary.topics for w in t.name.lower().replace("/", " ").split()}
    assert "mould" in words
    assert not {"ashgrove", "forum"} & words
