"""A view (`Theme.position`) is taken in its own words or by choosing its option, never by similarity
alone: "I agree with licensing." was coded the whole city (Option A) by its nearness to the view's example,
a view its respondent never took (trial 31a: both such codes wrong, as 30a's one)."""

from __future__ import annotations

from respmine.themes.codebook import Codebook, Theme
from respmine.themes.coder import ThemeCoder
from tests.themes.helpers import WordEmbedder

_CODEBOOK = Codebook(name="area", version="1", themes=(
    Theme(id="area", label="Area of the scheme", description="which wards the scheme covers"),
    Theme(id="area.whole", label="The whole city", parent="area", position=True,
          description="The scheme should cover the whole city.", phrases=("whole city",),
          examples=("Licence landlords everywhere, bad landlords are everywhere.",)),
    Theme(id="quality", label="Property conditions", description="damp mould disrepair repairs",
          phrases=("damp",)),
))


def test_a_view_is_not_taken_by_similarity_alone() -> None:
    coder = ThemeCoder(_CODEBOOK, WordEmbedder(), at_least_one=True)
    texts = ["I agree with licensing, bad landlords are everywhere.",
             "Licensing should cover the whole city.",
             "The damp and mould need repairs."]
    coded = [{(t.theme, t.method) for t in tags} for tags in coder.code(texts, ["Q1"] * 3)]
    assert coded[0] == set()
    assert ("area.whole", "rule") in coded[1]
    assert ("quality", "rule") in coded[2]
