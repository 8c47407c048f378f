"""A forwarded response under its forwarder's covering note: the forwarded author's text is the response
(it is kept: nothing was written above it but the note), and the note ("Hi, my mum asked me to send this on
for her as she is not on email. Thanks, Tom") is furniture, not a general comment. A note that says
something of its own stays, and so does everything of a reply written above a quoted message."""

from __future__ import annotations

import pytest

from respmine.consultation import Question
from respmine.records import Document
from respmine.structure.questions import segment_documents

QUESTIONS = [
    Question(id="Q1", number=1, text="To what extent do you agree or disagree with the case for change?"),
    Question(id="Q2", number=2, text="What concerns do you have about travel times and access?"),
]
FORWARDED = ("From: Eileen Ridley <eileen.ridley@example.net>\nDate: Tue, 31 Mar 2026 at 17:02\n"
             "Subject: stroke services\nTo: Tom Ridley <tom.ridley@example.com>\n\n"
             "I strongly disagree with the case for change. Westbury hospital looked after my husband after "
             "his stroke and it is the heart of our town.\n\n"
             "If you go ahead, you must pay for taxis for visitors who cannot drive.\n\nEileen Ridley")
SAID = ["I strongly disagree with the case for change. Westbury hospital looked after my husband after his "
        "stroke and it is the heart of our town.",
        "If you go ahead, you must pay for taxis for visitors who cannot drive."]


def _segments(text: str) -> list[str]:
    doc = Document(source="x.eml", sha256="f" * 64, format="eml", method="t", text=text)
    segs = segment_documents([doc], QUESTIONS, title="Proposed changes to stroke services")[doc.sha256]
    return [s.text for s in segs]


@pytest.mark.parametrize("note", [
    "Hi, my mum asked me to send this on for her as she is not on email. Thanks, Tom",
    "Forwarding this on behalf of my neighbour who has no e-mail.",
    "FYI - response below.",
    "Please see below a response from my constituent.\n\nJames Hart MP",
    "Forwarded as requested by my mother, who has no computer at home.",
])
@pytest.mark.parametrize("separator", ["---------- Forwarded message ---------", "Begin forwarded message:",
                                       "-----Original Message-----"])
def test_a_forwarders_covering_note_is_not_the_response(note: str, separator: str) -> None:
    assert _segments(f"{note}\n\n{separator}\n{FORWARDED}") == SAID


def test_a_forwarders_note_that_says_something_stays() -> None:
    note = "I fully support my mother's objection: the travel times to Kingsmere are unacceptable."
    segments = _segments(f"{note}\n\n---------- Forwarded message ---------\n{FORWARDED}")
    assert segments[0] == note and segments[1:] == SAID


INVITATION = ("From: Stroke Review Team <stroke.review@nhs.example>\nSent: 02 March 2026 09:00\n"
              "Subject: Consultation on proposed changes to stroke services\n\n"
              "Dear resident, we are consulting on proposed changes to stroke services in the county and "
              "would welcome your views on the case for change and on travel times. Please respond by 30 "
              "April 2026."
              "\n\nStroke Review Team")


def _segments_with(text: str, subject: str) -> list[str]:
    doc = Document(source="x.eml", sha256="f" * 64, format="eml", method="t", text=text,
                   metadata={"subject": subject})
    segs = segment_documents([doc], QUESTIONS, title="Proposed changes to stroke services")[doc.sha256]
    return [s.text for s in segs]


@pytest.mark.parametrize(("reply", "separator", "subject"), [
    # a respondent forwarding the invitation with a short reply above it (no word of "view" in it)
    ("The drive to Kingsmere takes over an hour from our village and there is no bus on Sundays.",
     "-----Original Message-----", "FW: Consultation on proposed changes to stroke services"),
    ("The drive to Kingsmere takes over an hour from our village and there is no bus on Sundays.",
     "On Mon, 2 Mar 2026 at 09:00, Stroke Review Team <stroke.review@nhs.example> wrote:", "Fwd: stroke"),
    # "on behalf of", "forward" in other senses, say nothing of sending on what is below
    ("Reply on behalf of my father: the journey to Kingsmere takes over an hour by car and he cannot drive.",
     "-----Original Message-----", "RE: Consultation"),
    ("The journey to Kingsmere takes over an hour by car. I look forward to hearing from you.",
     "-----Original Message-----", "RE: Consultation"),
    ("The journey times put forward for Kingsmere take no account of the winter roads.",
     "-----Original Message-----", "RE: Consultation"),
])
def test_a_short_reply_above_a_quoted_or_forwarded_message_is_the_response(reply: str, separator: str,
                                                                            subject: str) -> None:
    segments = _segments_with(f"{reply}\n\n{separator}\n{INVITATION}", subject)
    assert segments and segments[0] == reply


def test_a_short_view_above_a_forward_is_kept_with_it() -> None:
    view = "Westbury saved my husband's life. Keep it open."
    segments = _segments_with(f"{view}\n\nBegin forwarded message:\n{FORWARDED}", "")
    assert segments[0] == view and segments[1:] == SAID
