"""Questions offering lettered options, and the option an answer chose."""

from __future__ import annotations

import pytest

from respmine.structure.choices import (
    SEVERAL,
    chosen,
    letters_choice,
    names_one_option,
    only_a_choice,
    question_options,
    respondents_choice,
)

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
    assert respondents_choice(["Option A. Glass in.", "Option C for small shops."], OPTIONS) == SEVERAL
    assert respondents_choice(["Option A.", "Option C for small shops."], OPTIONS) == "A"  # the cell
    assert respondents_choice(["Glass is too heavy."], OPTIONS) is None
    assert only_a_choice("B") and only_a_choice("Option A.") and not only_a_choice("A lot more.")


def test_choices_lettered_things_that_are_no_options_and_other_ways_of_writing_them() -> None:
    """(A review's cases.) "Part A (general duties) and Part B (specific duties)" made an agreement
    question an option question; plural "options A, B and C", "prefer, A or B", "(a) ... (b)" and numbered
    options were missed."""
    for text in ("Do you agree with the proposed duties in Part A (general duties) and Part B (specific "
                 "duties)?", "Should Type A (small) and Type B (large) sites pay the same?",
                 "Are the figures in Table A (p. 12) and Table B (p. 14) right?"):
        assert question_options(text) == {}, text
    assert question_options("Which of options A, B and C do you prefer?") == {"A": "", "B": "", "C": ""}
    assert question_options("Which option do you prefer, A or B?") == {"A": "", "B": ""}
    assert question_options("Which do you prefer: (a) all-in or (b) on-the-go?").keys() == {"A", "B"}
    assert question_options("Which option do you prefer: option 1 (national) or option 2 (regional)?") == {
        "1": "national", "2": "regional"}


@pytest.mark.parametrize(("answer", "option"), [
    ("b", "B"), ("b.", "B"), ("Option 2", "2"),  # a form's cell
    ("Option A or B.", None), ("Option A is unworkable. We prefer option B.", "B"),
    ("I don't like option A.", None), ("C. difficile outbreaks worry us.", None),
])
def test_choices_an_answers_choice_as_a_review_found_them(answer: str, option: str | None) -> None:
    options = {**OPTIONS, "1": "", "2": ""}
    assert chosen(answer, options) == option


def test_choices_reasons_naming_another_option_are_no_second_choice() -> None:
    for answers in (["B", "Option A would leave small charities out."],
                    ["B", "We considered option A but it is too centralised."],
                    ["Option B.", "Compared with option C, it gives charities more certainty."]):
        assert respondents_choice(answers, OPTIONS) == "B", answers


TOWN = {"A": "retail-led", "B": "mixed use with housing", "C": "keep as now"}
PAVEMENT = {"1": "improve the traffic regulation order process",
            "2": "give local authorities power to enforce against unnecessary obstruction of the pavement",
            "3": "a national pavement parking prohibition, with local exemptions"}


@pytest.mark.parametrize(("answer", "options", "option"), [
    ("Option B, mixed use with housing.", TOWN, "B"), ("C, keep as now", TOWN, "C"),
    ("Mixed use with housing. The shops are closing.", TOWN, "B"), ("Keep as now.", TOWN, "C"),
    ("I would support mixed use with housing, because the shops are closing.", TOWN, "B"),
    ("National prohibition", PAVEMENT, "3"), ("We support a national prohibition, with exemptions.", PAVEMENT,
                                              "3"),
    ("A national pavement parking prohibition, with local exemptions. It is the only way.", PAVEMENT, "3"),
    ("We do not support mixed use with housing.", TOWN, None),  # (argued against)
    ("We need more housing in the centre.", TOWN, None),  # (says more than a label)
    ("Local authorities should have more power.", PAVEMENT, None),
])
def test_choices_an_option_chosen_by_its_labels_words(answer: str, options: dict[str, str],
                                                       option: str | None) -> None:
    """(A new user's trial.) Answers naming the option by its label, with or without its key, were "not
    said": "Option B, mixed use with housing", "National prohibition"."""
    assert chosen(answer, options) == option


def test_choices_a_piece_naming_several_options_or_more_names_none() -> None:
    assert names_one_option("Option A: retail-led, Option B: mixed use with housing", TOWN) is None
    assert names_one_option("Mixed use", TOWN) == "B" and names_one_option("Housing now", TOWN) is None
    assert names_one_option("Local exemptions", PAVEMENT) == "3"  # (its words, no other option's)
    assert names_one_option("Local powers", PAVEMENT) is None  # ("local": two options' word, "powers" none)


BAN = {"A": "National prohibition", "B": "Local licensing", "C": "No change"}


@pytest.mark.parametrize("answer", [  # (a review: each was counted for an option it does not choose)
    "Few of our members support a national prohibition; most prefer local licensing.",  # ("a": no key)
    "Some councils support local licensing, but we believe a national prohibition is the only answer.",
    "Local licensing? It has failed. A national prohibition is needed.",
    "Local licensing. We oppose it strongly; only a national prohibition works.",
    "Local licensing\nThis has been tried in our area and failed.",
    "No change. We want local licensing.",
])
def test_choices_a_label_named_then_argued_against_or_by_others_chooses_nothing(answer: str) -> None:
    assert chosen(answer, BAN) is None


@pytest.mark.parametrize(("answer", "option"), [  # (a second review: choices the first review's fixes lost)
    ("We favour c.", "C"), ("Strongly support a.", "A"), ("I support a) national prohibition.", "A"),
    ("The Parish Council would support a national prohibition.", "A"),
    ("Support a national prohibition.", "A"),
    ("No change. We do not think any change is needed.", "C"),
    ("National prohibition. Local licensing would not work in rural areas.", "A"),
    ("Local licensing. We would not support a national prohibition.", "B"),
])
def test_choices_lower_case_keys_others_voices_and_reasons_against_the_other_options(answer: str,
                                                                                     option: str) -> None:
    assert chosen(answer, BAN) == option


LIBRARY = {"A": "hand the library to a community group, with a council grant for three years",
           "B": "replace it with a mobile library visit and a library link point in a community building",
           "C": "close the branch and put the savings into the e-library and home delivery service"}


@pytest.mark.parametrize(("answer", "option"), [  # (a trial: the conditional choice was "not said")
    ("I would back handing the branches to community groups only if the council keeps paying for the book "
     "stock, the IT and the building insurance. Our library survived because the county council never "
     "walked away.", "A"),
    ("We favour replacing the branches with mobile library visits, as long as the van comes weekly.", "B"),
    ("The town council supports closing the branches and putting the money into home delivery.", "C"),
    ("We are in favour of handing libraries to community groups, provided the grant lasts.", "A"),
    ("We would support a council grant for the book stock.", None),  # (a word or two of a label: no choice)
    ("I would back any plan that keeps our library open.", None),
    ("We would not back handing the branches to community groups.", None),  # (argued against)
    ("Some councillors back handing the branches to community groups; we do not.", None),  # (others' view)
    # (the words every option shares are the subject, not the choice: one of an option's own is chance)
    ("I support the council's aim of keeping a library service in every community building.", None),
])
def test_choices_an_option_chosen_by_backing_its_content_in_other_words(answer: str,
                                                                        option: str | None) -> None:
    """Backing, favouring or going for what an option does, in the answer's own inflections ("handing the
    branches to community groups" for "hand the library to a community group"), chooses it; a condition
    ("only if ...") keeps the choice (the condition is its reason, and may make its stance mixed)."""
    assert chosen(answer, LIBRARY) == option
    if option:
        assert respondents_choice([answer], LIBRARY) == option


STANDING = {"A": "move part of the standing charge onto unit rates",
            "B": "require suppliers to offer a low-standing-charge tariff alongside their standard tariffs",
            "C": "no change"}


@pytest.mark.parametrize(("answer", "option"), [
    ("We support moving part of the standing charge onto unit rates.", "A"),
    ("We support requiring suppliers to offer a low standing charge tariff.", "B"),
    ("We support the move to reduce standing charges but not by putting them onto unit rates.", None),
    ("We support cutting part of the standing charge for those on low incomes.", None),
])
def test_choices_in_other_words_needs_words_of_the_option_alone(answer: str, option: str | None) -> None:
    """"Standing charge" is in two options' labels: an answer about standing charges sharing one more word
    with option A ("the move to reduce ...", "part of") has not chosen it."""
    assert chosen(answer, STANDING) == option


@pytest.mark.parametrize(("answer", "option"), [
    ("C obviously", "C"),  # (trial 31a: "Q2 - C obviously" chose nothing)
    ("Q2 - C obviously", "C"),
    ("C, obviously.", "C"),
    ("Option C definitely", "C"),
    ("Definitely B", "B"),
    ("Definitely B.", "B"),
    ("Obviously option A, the whole lot.", "A"),
    ("B of course", "B"),
    ("Definitely not B", None),
    ("Clearly a mistake.", None),
])
def test_choices_an_option_said_with_emphasis(answer: str, option: str | None) -> None:
    """An informal answer's key with a word of emphasis before or after it ("C obviously", "Definitely B")
    chooses it, as "C." does; "Definitely not B" chooses none."""
    assert chosen(answer, OPTIONS) == option


@pytest.mark.parametrize("answer", [  # (a review: each was counted as choosing the option it argues against)
    "The council wants to hand the library to a community group, which is wrong.",
    "The council wants to hand the library to a community group, which would be a mistake. Keep it open.",
    "Option B\nWe cannot support it: the van would come once a fortnight.",
    "Option B\nA mobile library would not reach the farms. We cannot support this option.",
    "Option B\nThis would be a disaster for the village.",
    "Option B\nA mobile library is a bad idea for a village this far out.",
    "Option B. We do not support it.",
])
def test_choices_an_option_named_then_judged_wrong_or_not_supported_is_not_chosen(answer: str) -> None:
    """Someone else's proposal, then judged wrong, is no choice of it; nor is an option's heading over text
    saying it is bad or that the respondent cannot support it."""
    assert chosen(answer, LIBRARY) is None
    assert respondents_choice([answer], LIBRARY) is None


@pytest.mark.parametrize(("answer", "option"), [
    ("Option B\nA mobile library visit would suit us.", "B"),
    ("Option B\nWe cannot support option A: it would be a disaster.", "B"),
    ("Option B. We could not support closure; this is the least bad choice.", "B"),
    ("We want to hand the library to a community group, which is what the village asked for.", "A"),
    ("The council wants to hand the library to a community group, which is wrong. We prefer option B.", "B"),
    ("Option B\nIt is the only option that keeps a service in the village.", "B"),
    # (a review: a judgement denied, reported or of another option is no turn against the one chosen)
    ("We choose Option A. Some say this is a mistake, but we disagree.", "A"),
    ("Option A. It is not a mistake to trust volunteers.", "A"),
    ("Option A\nSome people think it is a bad idea, but volunteers already run the hall.", "A"),
    ("Option A\nA mobile library is a bad idea for a village this far out.", "A"),
    ("Option A, which is not wrong: the hall committee has run the café for years.", "A"),
    ("I prefer option A, because option C would close the branch, which is wrong.", "A"),
    ("We support option A, and this is not a mistake.", "A"),
    ("We support option A, and that would be a big improvement; closing it would be wrong.", "A"),
    ("Option A\nWe cannot support closure. We cannot support it.", "A"),
    ("Option B. Some would say we cannot support it, but we can.", "B"),
])
def test_choices_an_option_with_reasons_for_it_or_against_another_stays_chosen(answer: str, option: str
                                                                                 ) -> None:
    assert chosen(answer, LIBRARY) == option


@pytest.mark.parametrize("printed", [
    "Option 1 Option 2 Option 3",
    "Option 1: two units at Kingsmere and Ashby Option 2: three units, keeping Westbury Option 3: no change",
    "Option 1\nOption 2\nOption 3",
])
def test_choices_a_printed_list_of_every_option_chooses_none(printed: str) -> None:
    """(Trial 32a: a fillable PDF form's printed "Option 1 Option 2 Option 3", its ticks unread, was read as
    choosing Option 1 and the respondent, who ticked Option 3, as supporting the proposal.) Every option of
    the question named, with nothing said besides their labels, is the question's list, no choice; one
    preferred among them still is."""
    options = {"1": "two units at Kingsmere and Ashby", "2": "three units, keeping Westbury",
               "3": "no change"}
    assert chosen(printed, options) is None and letters_choice(printed, options) is None
    assert respondents_choice([printed], options) is None
    assert chosen("Option 2, not option 1 or option 3.", options) == "2"
    assert chosen("I prefer option 3 over option 1 and option 2.", options) == "3"
