"""An emerging theme is news to the codebook's authors: not a topic of closed answers or formalities (the
fit, the report and the review app decide this alike), nor a topic named in the codebook's own words."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from respmine.store.models import TopicAssignmentRow, TopicRow
from respmine.store.repository import Store
from respmine.themes.codebook import Codebook, Theme
from respmine.topics.guide import ThemeVectors, codebook_phrases, codebook_words
from respmine.topics.model import Settings, fit_model
from respmine.topics.views import emerging_themes
from tests.topics.helpers import add_letters

NEWS = ["Grants for dropped kerbs and driveways would help residents park off the street.",
        "Councils should make driveways and kerb crossings cheaper so residents can park at home.",
        "Help with the cost of a driveway and a lowered kerb would take cars off the pavement.",
        "Residents want driveways but the kerb works cost too much without a grant."]
CLOSED = ["Yes.", "No.", "Yes", "Don't know.", "No"]
OWN_WORDS = ["Civil enforcement of unnecessary obstruction needs clear guidance.",
             "Yes, provided unnecessary obstruction is defined so civil enforcement is fair.",
             "Partly: civil enforcement only where the unnecessary obstruction is real.",
             "Civil enforcement worked; unnecessary obstruction fell in the cities studied."]


def _vectors(groups: list[int], dim: int = 12, seed: int = 0) -> np.ndarray:
    """Each group near its own axis: three well separated topics."""
    rng = np.random.default_rng(seed)
    x = np.zeros((len(groups), dim), np.float32)
    for i, g in enumerate(groups):
        x[i, g] = 1.0
    x += rng.normal(0, 0.05, x.shape).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_only_news_is_an_emerging_theme() -> None:
    texts = NEWS + CLOSED + OWN_WORDS
    groups = [0] * len(NEWS) + [1] * len(CLOSED) + [2] * len(OWN_WORDS)
    ids = [f"s{i}" for i in range(len(texts))]
    order = sorted(range(len(texts)), key=lambda i: (texts[i], ids[i]))
    fit = fit_model([ids[i] for i in order], [texts[i] for i in order], _vectors([groups[i] for i in order]),
                    kind="minilm", embedder="test", version="t1",
                    themes=ThemeVectors([], [], np.zeros((0, 0), np.float32)),
                    seed_words={"civil enforcement", "unnecessary obstruction", "enforcement", "obstruction"},
                    settings=Settings(n_topics=3, min_size=2), owners=[f"r{i}" for i in order])
    topic_of = dict(zip([ids[i] for i in order], fit.topics, strict=True))
    kinds = {g: {topic_of[ids[i]] for i in range(len(texts)) if groups[i] == g} for g in (0, 1, 2)}
    assert all(len(k) == 1 for k in kinds.values()) and len(set.union(*kinds.values())) == 3
    topics = fit.model.topics
    [news], [closed], [own] = kinds[0], kinds[1], kinds[2]
    assert topics[news].emerging  # driveways and kerbs: no theme of the codebook's
    assert not topics[closed].emerging  # "Yes", "No", "Don't know": no view of their own
    # "civil enforcement / unnecessary obstruction": the codebook's phrases, few passages coded
    assert topics[own].keywords[0] == "civil enforcement"
    assert not topics[own].emerging
    assert topics[own].as_dict()["news"] is False


def test_a_stored_topic_of_closed_answers_is_no_emerging_theme(tmp_path: Path) -> None:
    """A model fitted before the fit judged views (or one whose late passages are closed answers): the list
    the report and the review app read leaves it out all the same."""
    store = Store(f"sqlite:///{tmp_path}/store.db")
    closed = add_letters(store, [(f"form{i}", [a]) for i, a in enumerate(CLOSED)])
    views = add_letters(store, [(f"letter{i}", [t]) for i, t in enumerate(NEWS)])
    with store.session() as s, s.begin():
        for topic, name, members in ((1, "yes / know", closed), (2, "driveways / kerb", views)):
            segments = [x for v in members.values() for x in v]
            s.add(TopicRow(id=topic, name=name, keywords=name.split(" / "), size=len(segments), theme=None,
                           similarity=0.1, emerging=True, quotes=[], model_version="t1"))
            s.add_all(TopicAssignmentRow(segment=x, topic=topic, probability=0.9, model_version="t1",
                                         method="fit") for x in segments)
    assert [e.id for e in emerging_themes(store)] == [2]


PERMITS = ["The council should bring in residents' parking permits so we can park near our homes.",
           "Parking permits from the council would keep commuters out of our street for residents.",
           "Our council refuses a residents' permit scheme; parking permits would fix our street.",
           "A council permit scheme for residents' parking is what we need before any ban.",
           "Residents should get parking permits and the council should limit permits per house."]
ENFORCING = ["Councils need powers to fine drivers who park on the pavement.",
             "Penalty charges for pavement parking must be enforced by the council.",
             "Enforcement is the key: fines for parking on pavements, issued by council officers.",
             "Without enforcement officers the parking ban will be ignored by drivers."]
NARROW = ["On narrow streets there is nowhere to park except half on the pavement.",
          "Terraced streets are too narrow: parking on both sides would block the road.",
          "Where will we park? Our narrow street has no off-street parking at all.",
          "Displaced parking will just move to the next narrow street."]


def test_a_new_topic_in_the_consultations_own_words_is_news() -> None:
    """Residents' parking permits, which no theme is about, raised by five respondents: its keywords were
    "council / parking / ..." because the words of the themes' labels ("Displaced parking and narrow
    streets", "Enforcement, penalty charges and council powers") weigh double in them, and it was hidden as
    named by the codebook. A label's words are the consultation's own subject: only the themes' phrases
    (the codebook's chosen words) weigh more when the fit judges that."""
    book = Codebook(name="pavement parking", version="1", themes=(
        Theme(id="displacement", label="Displaced parking and narrow streets",
              phrases=("nowhere to park", "off-street parking", "terraced street", "narrow street")),
        Theme(id="enforcement", label="Enforcement, penalty charges and council powers",
              phrases=("penalty charge notice", "civil enforcement", "enforcement officer", "fine"))))
    texts = PERMITS + ENFORCING + NARROW
    groups = [0] * len(PERMITS) + [1] * len(ENFORCING) + [2] * len(NARROW)
    ids = [f"s{i}" for i in range(len(texts))]
    order = sorted(range(len(texts)), key=lambda i: (texts[i], ids[i]))
    fit = fit_model([ids[i] for i in order], [texts[i] for i in order], _vectors([groups[i] for i in order]),
                    kind="minilm", embedder="test", version="t1",
                    themes=ThemeVectors([], [], np.zeros((0, 0), np.float32)),
                    seed_words=codebook_words(book), phrases=codebook_phrases(book),
                    settings=Settings(n_topics=3, min_size=2), owners=[f"r{i}" for i in order])
    topic_of = dict(zip([ids[i] for i in order], fit.topics, strict=True))
    [permits] = {topic_of[ids[i]] for i in range(len(texts)) if groups[i] == 0}
    topic = fit.model.topics[permits]
    assert sum(k in codebook_words(book) for k in topic.keywords[:3]) >= 2  # (as shown: "council / parking")
    assert topic.emerging
