"""Words as the phrase rules read them: the lemma lookup and offset-keeping normalisation."""

from __future__ import annotations

from respmine.themes.words import lookup_lemma, normalise


def test_lookup_lemma_prefers_nouns_and_keeps_known_words() -> None:
    rules = {"noun": [["ies", "y"], ["s", ""]], "verb": [["ed", "e"], ["ing", ""]], "adj": [], "adv": []}
    index = {"noun": {"charity", "funding"}, "verb": {"release", "fund"}, "adj": set(), "adv": set()}
    exc = {"noun": {"consortia": ["consortium"]}, "verb": {}, "adj": {}, "adv": {}}
    pos = ["noun", "verb", "adj", "adv"]
    assert [lookup_lemma(w, pos, rules, index, exc) for w in ("charities", "funding", "released",
                                                              "consortia", "xyz")] == \
        ["charity", "funding", "release", "consortium", "xyz"]


def test_normalise_keeps_offsets() -> None:
    text = "Charities\u2019 costs\r\nare high.\n\nNext paragraph."
    assert len(normalise(text)) == len(text)
    assert "\n\n" in normalise(text) and "costs  are" in normalise(text).replace("\r", "")
