"""The one sentence splitter: theme evidence, similarity spans and stance cues all read these spans."""

from __future__ import annotations

from respmine.themes.sentences import MAX_SENTENCE, sentence_spans


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_are_trimmed_and_split_at_blank_lines() -> None:
    text = "  Dear Minister,\n\nWe support the plan. It is fair\n\n  Yours sincerely  "
    assert _split(text) == ["Dear Minister,", "We support the plan.", "It is fair", "Yours sincerely"]


def test_sentences_keep_abbreviations_and_split_bullets() -> None:
    text = "Costs (e.g. bids) rise. Mr. Jones agrees.\n- full cost recovery\n- small lots"
    assert _split(text) == ["Costs (e.g. bids) rise.", "Mr. Jones agrees.", "- full cost recovery",
                            "- small lots"]
    assert _split("it is small. but it matters") == ["it is small. but it matters"]  # no capital after


def test_sentences_without_stops_are_cut_at_a_space() -> None:
    text = " ".join(["word"] * 400)
    spans = sentence_spans(text)
    assert len(spans) > 1 and all(b - a <= MAX_SENTENCE for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans) == text
    assert sentence_spans("") == [] and sentence_spans(" \n\n ") == []
