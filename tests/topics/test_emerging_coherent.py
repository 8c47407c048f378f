"""An emerging theme is what an analyst expects: passages on one thing the codebook does not cover, raised
by several respondents in their own words. Not a cluster of the consultation's own subject ("I object to
closing the library", each letter with its own codebook reason), which matched no theme only because its
passages carry different codebook themes, most by similarity alone.

A small consultation on closing a branch library, written as letters: each opens by taking a side, most
make a codebook point the rules code (opening hours, children's services, digital exclusion, cost), and
seven raise what the codebook has no theme for, the building's heritage, each in other words."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.records import Code, Span
from respmine.store import topics as topic_store
from respmine.store.models import ThemeStateRow
from respmine.store.repository import Store
from respmine.store.themes import replace_codes
from respmine.themes.codebook import Codebook, Theme
from respmine.topics.stage import run_topics
from respmine.topics.views import emerging_themes
from tests.topics.helpers import add_letters

CODEBOOK = Codebook(name="library", version="1", themes=(
    Theme(id="hours", label="Opening hours", description="When the library is open: evenings, weekends",
          phrases=("opening hours", "evenings", "weekends")),
    Theme(id="children", label="Children and families", description="Story time, homework help",
          phrases=("children", "story time", "homework")),
    Theme(id="digital", label="Digital exclusion", description="People without internet or computer skills",
          phrases=("internet", "online", "computers")),
    Theme(id="cost", label="Cost and savings", description="The council's budget and what closing saves",
          phrases=("budget", "savings", "cost")),
))

SIDE = [  # what each letter opens with: the proposal itself, in many hands
    "I object to the closure of Riverside Library.",
    "Please do not close Riverside Library.",
    "I am writing to oppose the plan to close Riverside Library.",
    "I strongly object to the council's proposal to shut Riverside Library.",
    "Closing Riverside Library would be a mistake and I oppose it.",
    "We oppose the proposed closure of Riverside Library.",
    "I support the proposal to close Riverside Library.",
    "I do not agree with closing Riverside Library.",
    "Riverside Library should stay open.",
    "I am against the closure of our library at Riverside.",
    "Our family objects to closing Riverside Library.",
    "I wish to register my objection to the closure of Riverside Library.",
    "As a resident of Riverside I oppose the closure of the library.",
    "I am responding to say the council should not close Riverside Library.",
    "The proposal to close Riverside Library is wrong.",
    "I write in support of keeping Riverside Library open.",
]
POINT = [  # a codebook point each letter makes, with the theme a rule codes it with
    ("hours", "If money is short, cut the opening hours on weekday mornings rather than close the building."),
    ("children", "My children go to story time every Saturday and borrow their reading books there."),
    ("digital", "Many older residents have no internet at home and use the library computers to claim "
     "benefits."),
    ("cost", "The savings quoted are tiny compared with the council's overall budget."),
    ("hours", "Late opening on Thursday evenings is the only time working parents can visit."),
    ("children", "The homework club after school keeps teenagers off the streets."),
    ("digital", "Moving services online shuts out anyone who cannot use a computer."),
    ("cost", "Running costs could be cut by sharing the building with the health visitors."),
    ("children", "School classes walk to the library for visits every week."),
    ("digital", "The library staff help people fill in online forms when they have no one else to ask."),
    ("hours", "The library could open fewer days a week instead of closing for good."),
    ("cost", "Selling the site would raise little once the cost of the mobile service is counted."),
    ("children", "Toddlers' rhyme time is where new parents meet each other."),
    ("digital", "Job seekers rely on the free computers to search and apply for work."),
    ("cost", "The council has not published what the closure would actually save."),
    ("hours", "Sunday opening would bring in more visitors than the council expects."),
]
HERITAGE = [  # what the codebook misses, raised by seven respondents in their own words
    "The building is a Carnegie library from 1906 and part of the town's history.",
    "Its Edwardian reading room, with the original oak shelving and stained glass, must be protected.",
    "This is a listed building of real architectural merit; it should not be sold to a developer.",
    "My grandfather helped restore the Victorian clock tower above the entrance, a local landmark.",
    "The old library is one of the few historic buildings left on the high street and deserves a "
    "heritage listing.",
    "The ornate plasterwork ceiling and the mosaic floor in the entrance hall are irreplaceable.",
    "Whatever happens to the service, the historic building and its architecture should be preserved for "
    "future generations.",
]


def _consultation(tmp_path: Path) -> tuple[Store, set[str], set[str]]:
    """The letters in a store with the theme coder's codes: a rule's on each codebook point, and on the
    opening sentences similarity's closest theme (not firm: similarity says nothing is the codebook's)."""
    letters = []
    for i, side in enumerate(SIDE):
        passages = [side, POINT[i][1]]
        if i < len(HERITAGE):
            passages.append(HERITAGE[i])
        letters.append((f"letter{i}", passages))
    store = Store(f"sqlite:///{tmp_path}/store.db")
    ids = add_letters(store, letters)
    codes = []
    for i, (letter, _) in enumerate(letters):
        opening, point = ids[letter][:2]
        codes.append(Code(point, POINT[i][0], 0.8, "rule", Span(0, 5), "x"))
        codes.append(Code(opening, POINT[(i * 3) % len(POINT)][0], 0.55, "similarity", Span(0, 5), "x"))
    all_ids = [s for seg in ids.values() for s in seg]
    replace_codes(store, all_ids, codes, [])
    with store.session() as s, s.begin():
        s.add_all(ThemeStateRow(segment=x, stamp="s", codebook="k", stance="s") for x in all_ids)
    sides = {seg[0] for seg in ids.values()}
    heritage = {seg[2] for seg in ids.values() if len(seg) > 2}
    return store, sides, heritage


@pytest.mark.slow
def test_emerging_theme_is_one_thing_the_codebook_misses(tmp_path: Path) -> None:
    from respmine.topics.embed import MiniLM

    store, sides, heritage = _consultation(tmp_path)
    run_topics(store, CODEBOOK, tmp_path / "model", embedder=MiniLM())
    found = emerging_themes(store)
    topic_of = {s: a.topic for s, a in topic_store.assignments(store).items()}
    emerging_segments = {s for s, t in topic_of.items() if t in {e.id for e in found}}
    assert len(heritage & emerging_segments) >= 5  # the heritage letters are found ...
    assert len(found) == 1 and found[0].respondents >= 5  # ... as one theme, raised by several
    assert not sides & emerging_segments  # the letters' opening sides are no emerging theme


def test_coherent_needs_all_three_measures() -> None:
    from respmine.topics.guide import Coherence, coherent

    assert coherent(Coherence(0.7, 0.3, 0.8), "minilm")
    assert not coherent(Coherence(0.7, 0.05, 0.8), "minilm")  # the corpus's own subject
    assert not coherent(Coherence(0.5, 0.3, 0.8), "minilm")  # loose
    assert not coherent(Coherence(0.7, 0.3, 0.2), "minilm")  # no words in common
