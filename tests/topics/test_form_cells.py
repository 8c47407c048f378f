"""A topic of a form's stock cells ("No opinion", "N/A", "See above", "Yes - agree") is no emerging theme."""

from __future__ import annotations

from respmine.topics.guide import says_no_view, says_views

CELLS = ["No opinion", "Prefer not to say", "N/A", "n/a", "Not applicable", "No comment.", "None.",
         "Nothing further to add.", "As above.", "Please see above", "See answer to Q3", "Yes - agree",
         "Yes, agree", "Agree", "Disagree", "No further comments"]


def test_stock_cells_say_no_view() -> None:
    assert all(says_no_view(t) for t in CELLS)
    assert not says_views(CELLS[:10] + ["Local history collections must be kept in every branch."] * 3)


def test_a_topic_of_views_said_beside_a_few_cells_says_views() -> None:
    views = ["Keep the local history collections in the branch library.",
             "The archive of local history is what people come to the library for.",
             "Moving the local history collection to the county store would end its use."]
    assert says_views([*views, "No opinion", "N/A"])
    assert not any(says_no_view(t) for t in views)
