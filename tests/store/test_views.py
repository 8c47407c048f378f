"""The plain reads of segments, submissions and respondents give what the ORM rows hold, in the same
order (outputs depend on it)."""

from __future__ import annotations

from sqlalchemy import select

from respmine.store import Store
from respmine.store import structure as structure_store
from respmine.store.models import CampaignRow, SegmentRow
from respmine.store.views import (
    RespondentView,
    SegmentView,
    SubmissionView,
    read_respondents,
    read_segments,
    read_submissions,
    respondent_keys,
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
        (sha, SubmissionView(*(getattr(row, f) for f in SubmissionView._fields[:-2])))  # (the last two are
        for sha, row in subs.items()  # worked out: a file named after a person, a petition's signatures)
    ]
    people = structure_store.respondents(store)
    assert read_respondents(store) == {
        sub: RespondentView(*(getattr(row, f) for f in RespondentView._fields)) for sub, row in people.items()
    }
    assert "name" not in RespondentView._fields  # a person's name is never read for a report


def _sub(sha: str, kind: str = "file", parent: str | None = None) -> SubmissionView:
    return SubmissionView(sha, parent, kind, f"{sha}.eml", "ok", None, None, [], None, None)


def test_views_an_email_whose_attachment_is_a_copy_counts_with_its_group() -> None:
    """(A new user's trial.) A letter sent in an e-mail's body, then again as a PDF attached to a second
    e-mail ("resent as PDF"): the PDF and the first e-mail were one group of copies, but the second
    e-mail's covering note was a respondent of its own, so its sender was counted twice."""
    subs = {s.sha256: s for s in (_sub("body"), _sub("resent"), _sub("pdf", "attachment", "resent"),
                                  _sub("other"), _sub("note", "attachment", "other"))}
    copies = CampaignRow(id="duplicate-1", template="", size=2, members=["body", "pdf"])
    keys = respondent_keys(subs, [copies])
    assert keys["body"] == keys["pdf"] == keys["resent"] == "campaign:duplicate-1"
    assert keys["other"] == keys["note"] == "other"  # (an attachment in no group: its e-mail's, as before)
    # (a review) a charity's e-mail attaching its own response and a copy of the campaign letter it backs
    subs.update({s.sha256: s for s in (_sub("charity"), _sub("own", "attachment", "charity"),
                                       _sub("copy", "attachment", "charity"))})
    campaign = CampaignRow(id="campaign-1", template="", size=4, members=["copy", "x", "y"])
    keys = respondent_keys(subs, [campaign])
    assert keys["charity"] == keys["own"] == "charity" and keys["copy"] == "campaign:campaign-1"
