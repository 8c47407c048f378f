"""The plain reads of segments, submissions and respondents give what the ORM rows hold, in the same
order (outputs depend on it)."""

from __future__ import annotations

from sqlalchemy import select

from respmine.store import Store
from respmine.store import structure as structure_store
from respmine.store.models import SegmentRow
from respmine.store.views import (
    RespondentView,
    SegmentView,
    SubmissionView,
    read_respondents,
    read_segments,
    read_submissions,
)


def test_views_hold_the_stored_columns_in_the_stored_order(made: tuple[Store, dict[str, str]]) -> None:
    store = made[0]
    with store.session() as s:
        segments = list(s.scalars(select(SegmentRow).order_by(SegmentRow.submission, SegmentRow.start)))
    assert read_segments(store) == [
        SegmentView(*(getattr(row, f) for f in SegmentView._fields)) for row in segments
    ]
    subs = structure_store.submission_index(store)
    assert list(read_submissions(store).items()) == [
        (sha, SubmissionView(*(getattr(row, f) for f in SubmissionView._fields))) for sha, row in subs.items()
    ]
    people = structure_store.respondents(store)
    assert read_respondents(store) == {
        sub: RespondentView(*(getattr(row, f) for f in RespondentView._fields)) for sub, row in people.items()
    }
    assert "name" not in RespondentView._fields  # a person's name is never read for a report
