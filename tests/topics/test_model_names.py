"""A topic is named after its theme alone only when most of its respondents are coded with it."""

from __future__ import annotations

from respmine.topics.guide import Match
from respmine.topics.model import _names


def test_model_names_say_when_a_theme_is_only_the_commonest() -> None:
    keywords = {0: ["bigger role", "private", "charities"], 1: ["victims", "community"],
                2: ["farm", "animals"]}
    matches = [Match("role.core", "Core delivery partner", 0.4, 0.44),  # a mix of themes, this one commonest
               Match("victims", "Victims", 0.7, 0.75), Match(None, None, 0.6, 0.41)]
    names = _names(keywords, matches)
    assert names[0] == "Core delivery partner: bigger role / private"
    assert names[1] == "Victims" and names[2] == "farm / animals"
    assert _names(keywords, [Match("role.core", "Core delivery partner", 0.6)])[0] == "Core delivery partner"
