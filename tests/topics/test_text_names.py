"""Respondents' own names are no topic keywords: a word of an organisation's name its own respondents write
most of, and write as a name, joins the stop words; ordinary words and everyone's words stay."""

from __future__ import annotations

from respmine.topics.text import name_words


def test_text_name_words() -> None:
    texts = (["NEC supports the draft regulation. NEC Corporation sells biometric systems."] * 4
             + ["Consumer protection and consumer rights come first for consumer groups."] * 3
             + ["AI systems need oversight; trust in AI matters."] * 6
             + ["See https://www.anec.eu/ and anec.eu/papers for ANEC views."]
             + ["ANEC asks for accessibility standards."] * 2)
    names = ([["NEC Corporation"]] * 4 + [["Federation of German Consumer Organisations"]] * 3
             + [["AI Austria"]] * 2 + [[]] * 4 + [["ANEC"]] * 3)
    words = name_words(texts, names)
    assert {"nec", "corporation", "anec"} <= words  # the lower-case "anec" of links says nothing
    assert "consumer" not in words  # written in lower case: an ordinary word
    assert "ai" not in words  # every respondent writes it
    assert "austria" not in words  # in no passage
    assert name_words(texts, [[]] * len(texts)) == frozenset()
