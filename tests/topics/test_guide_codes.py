"""Topics are matched to the theme most of their respondents are coded with, not to the theme their centre
is nearest: a topic nobody was coded into is an emerging theme however close its words come to a theme."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from respmine.records import Code, Span
from respmine.themes.codebook import Codebook, Theme
from respmine.topics.guide import (
    ThemeVectors,
    coded_themes,
    deciding,
    firm,
    match_by_codes,
    respondent_weights,
    theme_shares,
)

BOOK = Codebook(name="test", version="1", themes=(
    Theme(id="role", label="Role of the sector"),
    Theme(id="role.core", label="Core delivery partner", parent="role"),
    Theme(id="role.complementary", label="Complementary to statutory services", parent="role"),
    Theme(id="victims", label="Victims"),
    Theme(id="funding", label="Funding"),
))
THEMES = ThemeVectors(BOOK.ids, [t.label for t in BOOK.themes], np.eye(5, dtype=np.float32))


def code(segment: str, theme: str, method: str = "rule", confidence: float = 0.7) -> Code:
    return Code(segment, theme, confidence, method, Span(0, 1), "x")


def test_guide_last_resort_codes_do_not_decide() -> None:
    assert deciding(code("s", "role", "rule")) and deciding(code("s", "role", "rule-negated"))
    assert deciding(code("s", "role", "rule(child)")) and deciding(code("s", "role", "classifier"))
    assert deciding(code("s", "role", "analyst", 1.0)) and deciding(code("s", "role", "rule+classifier"))
    assert deciding(code("s", "role", "similarity", 0.55))
    assert not deciding(code("s", "role", "similarity", 0.41))  # the at-least-one pick under the floor
    assert not deciding(code("s", "role", "similarity(child)", 0.38))
    assert not deciding(code("s", "role", "classifier-fallback", 0.9))
    accepted = replace(code("s", "role", "classifier-fallback", 0.9), reviewed=True)
    assert deciding(accepted) and firm(accepted)  # an analyst accepted it: it decides


def test_guide_topic_takes_the_theme_its_passages_are_coded_with_not_the_nearest() -> None:
    """The review's case: a topic nearest "complementary" (0.75) whose passages are coded core partner."""
    segments = [f"s{i}" for i in range(6)]
    codes = [code(s, "role.core") for s in segments[:4]] + [code("s4", "funding")]
    coded = coded_themes(codes, BOOK, segments)
    sims = np.array([[0.6, 0.5, 0.75, 0.1, 0.2]], dtype=np.float32)  # nearest: role.complementary
    [match] = match_by_codes([segments], {s: s for s in segments}, coded, sims, THEMES)
    assert match.theme == "role.core" and match.label == "Core delivery partner"
    assert match.share == round(4 / 6, 4) and match.similarity == 0.5
    # its parent is as widely shared (every core partner passage is on the role): the deeper theme names it
    assert theme_shares(respondent_weights(segments, {}), coded)["role"] == theme_shares(
        respondent_weights(segments, {}), coded)["role.core"]


def test_guide_topic_coded_with_nothing_emerges_however_near_a_theme() -> None:
    segments = ["a", "b", "c", "d"]
    codes = [code("a", "victims", "similarity", 0.42), code("b", "funding", "classifier-fallback", 0.9)]
    coded = coded_themes(codes, BOOK, segments)
    sims = np.array([[0.1, 0.1, 0.1, 0.9, 0.2]], dtype=np.float32)  # very near victims
    [match] = match_by_codes([segments], {s: s for s in segments}, coded, sims, THEMES)
    assert match.theme is None and match.label is None and match.similarity == 0.9  # to its closest theme


def test_guide_each_respondent_weighs_one() -> None:
    """Eight identical closing lines of one campaign, too short to code, do not outvote three respondents."""
    campaign = [f"kjl{i}" for i in range(8)]
    victims = ["v1", "v2", "v3"]
    owners = {**{s: "campaign:kjl" for s in campaign}, **{s: s for s in victims}}
    coded = coded_themes([code(s, "victims") for s in victims], BOOK, campaign + victims)
    [match] = match_by_codes([campaign + victims], owners, coded, np.zeros(0), THEMES)
    assert match.theme == "victims" and match.share == 0.75
    [by_passage] = match_by_codes([campaign + victims], {}, coded, np.zeros(0), THEMES)
    assert by_passage.theme is None  # counted by passages it would have emerged


def test_guide_mixed_topic_of_rule_coded_answers_is_the_codebooks() -> None:
    """Short answers making different points, each coded by a rule: no theme has half, the codebook still
    covers them; passages given a theme by similarity alone do not make a topic the codebook's."""
    segments = ["a", "b", "c", "d", "e"]
    rules = [code("a", "victims"), code("b", "victims"), code("c", "funding"), code("d", "role.core")]
    [mixed] = match_by_codes([segments], {}, coded_themes(rules, BOOK, segments), np.zeros(0), THEMES)
    assert mixed.theme == "victims" and mixed.share == 0.4
    themes = ["victims", "victims", "funding", "role"]
    loose = [code(s, t, "similarity", 0.52) for s, t in zip(segments, themes, strict=False)]
    [emerging] = match_by_codes([segments], {}, coded_themes(loose, BOOK, segments), np.zeros(0), THEMES)
    assert emerging.theme is None and emerging.share == 0.4


def test_guide_covered_half_is_half_however_the_weights_add_up() -> None:
    """Two of four respondents coded (one with seven passages, one with one): half, not 0.4999..."""
    segments = [f"r0-{i}" for i in range(7)] + ["r1", "r2", "r3"]
    owners = {s: s.split("-")[0] for s in segments}
    codes = [code(s, "victims") for s in segments[:7]] + [code("r1", "funding")]
    [match] = match_by_codes([segments], owners, coded_themes(codes, BOOK, segments), np.zeros(0), THEMES)
    assert match.theme is not None
