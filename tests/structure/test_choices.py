"""Questions offering lettered options, and the option an answer chose."""

from __future__ import annotations

import pytest

from respmine.structure.choices import SEVERAL, chosen, only_a_choice, question_options, respondents_choice

DRS = ("Which option do you prefer: A (all-in: all drinks containers, glass included), B (on-the-go only: "
       "containers under 750ml, glass excluded), or C (no scheme)? Please explain your choice.")
OPTIONS = {"A": "all-in", "B": "on-the-go only", "C": "no scheme"}


def test_choices_options_read_from_the_question_or_given() -> None:
    assert question_options(DRS) == OPTIONS
    assert question_options("When should it start? Option A - 2027, Option B - 2028.") == {"A": "2027",
                                                                                        "B": "2028"}
    for text in ("Do you agree with option A?", "What is your view on Plan B?", "Please rate A to E.",
                 "How should return points be provided in rural areas?", "Do you agree? Yes / No"):
        assert question_options(text) == {}, text
    assert question_options("Which do you prefer?", {"a": " Glass in ", "b": "Glass out"}) == {
        "A": "Glass in", "B": "Glass out"}


@pytest.mark.parametrize(("answer", "option"), [
    ("Option A, all-in. Glass must be included.", "A"), ("B", "B"), ("Option B.", "B"),
    ("A - include everything, glass too.", "A"), ("C. No scheme at all.", "C"), ("A (all-in).", "A"),
    ("Opsiwn A. Dylai gwydr fod yn rhan o'r cynllun.", "A"),  # (Welsh)
    ("We prefer option B rather than option A.", "B"), ("We do not support option A; option C is best.", "C"),
    ("A lot of people think so.", None), ("Glass should be included.", None), ("Option D.", None),
    ("Preferred option (A/B/C)\nB", None),  # a form's header, not an answer
])
def test_choices_an_answer_chooses_the_option_it_opens_with_or_names(answer: str, option: str | None) -> None:
    assert chosen(answer, OPTIONS) == option


def test_choices_a_respondents_answers_together() -> None:
    assert respondents_choice(["B", "Glass is too heavy for a small shop."], OPTIONS) == "B"
    assert respondents_choice(["Option A.", "Option C for small shops."], OPTIONS) == SEVERAL
    assert respondents_choice(["Glass is too heavy."], OPTIONS) is None
    assert only_a_choice("B") and only_a_choice("Option A.") and not only_a_choice("A lot more.")
