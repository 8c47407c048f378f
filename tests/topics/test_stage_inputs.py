"""What topic discovery reads: views in English, not furniture, off-topic documents' comments, or passages in
another language (flagged for translation elsewhere), which made a topic named by Polish function words
("jest / response") in a trial."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from respmine.ingest.dispatch import reader_version
from respmine.store import topics as topic_store
from respmine.store.models import RespondentRow, SegmentRow, SubmissionRow
from respmine.store.repository import Store
from respmine.structure.language import segment_language
from respmine.topics.stage import run_topics
from respmine.topics.tfidf import TfidfSvdEmbedder
from tests.topics.helpers import add_segments, segment_key, synthetic


def _letter(store: Store, name: str, passages: list[tuple[str, str]]) -> list[str]:
    """One submission with a segment per (method, text); segment ids."""
    now = datetime.now(UTC)
    sha = segment_key("sub:" + name)
    text = "\n\n".join(t for _, t in passages)
    ids = []
    with store.session() as s, s.begin():
        s.add(SubmissionRow(sha256=sha, kind="file", source=f"{name}.txt", format="txt", status="ok",
                            text=text, extractor_version=reader_version("txt"), first_seen_at=now,
                            updated_at=now))
        s.flush()
        s.add(RespondentRow(submission=sha, kind="individual", respondent_type="individual"))
        start = 0
        for i, (method, passage) in enumerate(passages):
            seg = segment_key(f"seg:{name}:{i}")
            s.add(SegmentRow(id=seg, submission=sha, question="general", start=start,
                             end=start + len(passage), page=None, text=passage, method=method,
                             confidence=1.0))
            start += len(passage) + 2
            ids.append(seg)
    return ids


POLISH = [("general", "Dzien dobry,"),
          ("general", "Boje sie, ze czynsz wzrosnie, ale wazniejsze jest bezpieczne mieszkanie."),
          ("general", "Popieram wprowadzenie licencji dla wynajmujacych. Mieszkam z dwojgiem dzieci w "
                      "mieszkaniu, w ktorym od roku jest wilgoc i plesn, a wlasciciel nie odpowiada na moje "
                      "wiadomosci. Nie wiem, co mam zrobic, i boje sie, ze nas wyrzuci.")]
BILINGUAL = [("general", "Mae'r cyngor yn gwrthwynebu cau llyfrgell y pentref."),
             ("general", "The council opposes closing the village library."),
             ("general", "Nid oes gennym fws ar y Sul ac mae'r daith yn rhy hir i'r plant."),
             ("general", "We have no Sunday bus and the journey is too long for the children.")]


def test_segment_language_reads_short_passages_by_their_function_words_and_document() -> None:
    assert segment_language("Mae'r cyngor yn gwrthwynebu cau llyfrgell y pentref.", "en") == "cy"
    assert segment_language("The council opposes closing the village library.", "cy") == "en"
    assert segment_language("Dzien dobry,", "pl") == "pl"  # nothing English in it, in a Polish letter
    assert segment_language("Dzien dobry,", "en") != "pl"  # (alone, too little to tell)
    covering = "Our response is pasted below in case the attachment does not open."
    assert segment_language(covering, "pl") == "en"
    assert segment_language("Parking fines and permit charges", "en") == "en"


def test_discovery_reads_no_other_language_furniture_or_off_topic_comment(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/store.db")
    data = synthetic(["funding", "staffing", "parking"], 12)
    add_segments(store, [(f"i{i}", "Q1", t, "individual") for i, (_, t) in enumerate(data)])
    polish = _letter(store, "polish", POLISH)
    welsh, english = [], []
    for i in range(3):
        ids = _letter(store, f"council{i}", BILINGUAL)
        welsh += ids[0::2]
        english += ids[1::2]
    signed = "Yours sincerely,\nJane Smith\nChair, Riverside Trust"
    furniture = _letter(store, "signed", [("general", signed)])
    off_topic = _letter(store, "appeal", [("off-topic", "I wish to appeal the parking fine I was given on "
                                                        "Tuesday outside the station car park.")])
    run_topics(store, None, tmp_path / "model", embedder=TfidfSvdEmbedder())
    placed = topic_store.assignments(store)
    assert not set(polish + welsh + furniture + off_topic) & set(placed)
    assert set(english) <= set(placed)


def test_discovery_still_reads_a_forms_short_answers(tmp_path: Path) -> None:
    # "Yes" or "Option B" under a question looks like a heading, but it is an answer: clustered as before
    store = Store(f"sqlite:///{tmp_path}/store.db")
    data = synthetic(["funding", "parking"], 8)
    ids = add_segments(store, [(f"i{i}", "Q1", t, "individual") for i, (_, t) in enumerate(data)])
    short = add_segments(store, [(f"y{i}", "Q2", "Option B", "individual") for i in range(4)])
    run_topics(store, None, tmp_path / "model", embedder=TfidfSvdEmbedder())
    assert set(ids + short) <= set(topic_store.assignments(store))
