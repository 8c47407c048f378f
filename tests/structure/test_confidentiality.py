"""A respondent's request not to be published, or to be published without their name."""

import pytest

from respmine.structure.confidentiality import ANONYMOUS, DO_NOT_PUBLISH, publication_request


@pytest.mark.parametrize("text", [
    "CONFIDENTIAL: please do not publish this response or our name. We are content for it to be counted.",
    "We ask that this response is treated as confidential.",
    "I do not want my name or response published.",
    "Not for publication\n\nWe agree with the proposal.",
    "CONFIDENTIAL\n\nDear Sir,\nWe agree with the proposal.",
    "Please treat this submission as strictly confidential. We agree with the proposal.",
    "Our response is submitted in confidence.",
    "We would ask you not to publish this letter.",
    "Do not publish it.",
    "This submission is confidential.",
])
def test_a_request_not_to_publish(text: str) -> None:
    found = publication_request(text)
    assert found is not None and found.kind == DO_NOT_PUBLISH
    assert found.sentence and found.sentence in text


@pytest.mark.parametrize("text", [
    "I am happy for my response to be published anonymously.",
    "Please do not publish my name.",
    "I would like to remain anonymous.",
    "You may publish my comments but please withhold my name.",
    "We would like our response published anonymously.",
    "Please remove our organisation's name before publishing.",
])
def test_a_request_to_publish_without_the_name(text: str) -> None:
    found = publication_request(text)
    assert found is not None and found.kind == ANONYMOUS


@pytest.mark.parametrize("text", [
    "Suppliers should not be asked to share commercially confidential data with the regulator.",
    "Patient confidentiality must be respected when sharing Priority Services Register data.",
    "Customers in debt can call a free confidential helpline.",
    "The regulator should publish the distributional analysis behind the review.",
    "We agree.\n\nThis e-mail and any attachments are confidential and intended solely for the use of the "
    "addressee. If you are not the intended recipient, please do not disclose, copy or distribute it.",
    "CONFIDENTIALITY NOTICE: This message is confidential and may be privileged. If you have received it in "
    "error please notify the sender and delete it.",
    "Information provided in response to this consultation may be published. If you want the information "
    "that you provide to be treated as confidential, please say so.",
    "I am happy for my response to be published.",
    "Network companies do not publish their cost models.",
    # (final review) a body describing what it does, or what others should do, asks nothing of its response
    "We do not publish this information for commercial reasons.",
    "Suppliers don't publish it, so customers cannot compare tariffs.",
    "Our customer information is kept strictly confidential.",
    "Suppliers withhold personal details from the regulator.",
    "The regulator should publish complaints data anonymously.",
    "We remove personal details before sharing meter data with networks.",
])
def test_no_request_where_confidentiality_is_only_discussed(text: str) -> None:
    assert publication_request(text) is None


def test_the_form_column_on_publication() -> None:
    asked = "May we publish your response?"
    found = publication_request("We agree.", {asked: "No"})
    assert found is not None and found.kind == DO_NOT_PUBLISH and found.sentence == f"{asked}: No"
    assert publication_request("We agree.", {asked: "Yes"}) is None
    found = publication_request("We agree.", {asked: "Publish anonymously"})
    assert found is not None and found.kind == ANONYMOUS
    found = publication_request("", {"Would you like your response to be treated as confidential?": "Yes"})
    assert found is not None and found.kind == DO_NOT_PUBLISH
    secret = "Would you like your response to be treated as confidential?"
    assert publication_request("", {secret: "No"}) is None
    assert publication_request("", {"Organisation": "No"}) is None  # not a column on publication


def test_the_e_mail_subject() -> None:
    found = publication_request("We agree.", subject="CONFIDENTIAL - response to standing charges review")
    assert found is not None and found.kind == DO_NOT_PUBLISH
    assert publication_request("We agree.", subject="Confidential helpline feedback") is None


def test_not_publishing_outranks_anonymity() -> None:
    found = publication_request("Please publish it anonymously.", {"May we publish your response?": "No"})
    assert found is not None and found.kind == DO_NOT_PUBLISH


def test_analysts_publication_decisions_latest_wins_and_can_be_withdrawn() -> None:
    from datetime import UTC, datetime

    from respmine.structure import confidentiality as c
    from respmine.themes.codebook import Codebook, Theme
    from respmine.themes.decisions import Decision, DecisionError, validate

    def at(minute: int, value: dict[str, object], user: str = "ana") -> Decision:
        return Decision(datetime(2026, 5, 1, 9, minute, tzinfo=UTC), user, c.ACTION, value=value)

    log = [at(3, {"submissions": ["a"], "publication": None}),  # (withdrawn last: "a" as its text asks)
           at(1, {"submissions": ["a", "b"], "publication": c.DO_NOT_PUBLISH}),
           at(2, {"submissions": ["b"], "publication": c.PUBLISH}, user="bo")]
    assert c.decided(log) == {"b": {"publication": "", "user": "bo"}}
    book = Codebook(name="t", version="1", themes=[Theme(id="x", label="X")])
    validate(at(4, {"submissions": ["a"], "publication": c.ANONYMOUS}), book)
    for bad in ({"submissions": ["a"], "publication": "maybe"}, {"submissions": [], "publication": ""},
                {"submissions": ["a"]}):
        with pytest.raises(DecisionError):
            validate(at(5, bad), book)


@pytest.mark.parametrize("text", ["Publish anonymously.", "PUBLISH ANONYMOUSLY\n\nDear team, we think ...",
                                  "Please publish this response anonymously."])
def test_an_instruction_to_publish_anonymously_standing_alone(text: str) -> None:
    """README's own example, "Publish anonymously", asked nothing in a letter (only as a form's answer)."""
    found = publication_request(text)
    assert found is not None and found.kind == ANONYMOUS


def test_publish_anonymously_in_a_subject_or_said_of_others() -> None:
    found = publication_request("We agree.", subject="Standing charges review - publish anonymously")
    assert found is not None and found.kind == ANONYMOUS
    assert publication_request("The regulator should publish complaints data anonymously.") is None
    assert publication_request("Suppliers publish anonymously collected data.") is None


@pytest.mark.parametrize("text", [
    "Publication\n\nPublish in full\n\nPublish anonymously\n\nDo not publish\n\nWe think it is too high.",
    "How may we publish it?\nPublish with my name\nPublish anonymously\n\nWe think it is too high.",
])
def test_publish_anonymously_among_the_notices_options_asks_nothing(text: str) -> None:
    """A reply form's list of publication options left as it came ("Publish in full / Publish anonymously /
    Do not publish") was read as asking for anonymity: an option standing beside the others is not chosen."""
    assert publication_request(text) is None
    chosen = text.replace("Publish in full\n\n", "").replace("Do not publish\n\n", "").replace(
        "Publish with my name\n", "")
    found = publication_request(chosen)
    assert found is not None and found.kind == ANONYMOUS
