"""Who the late flow says each new file is from (`pipeline.senders`), as the outputs count it."""

from __future__ import annotations

from pathlib import Path

from respmine import pipeline
from respmine.config import Settings
from respmine.store import Store
from tests.report.helpers import sha


def test_the_late_flow_says_a_campaign_letter_or_copy_is_counted_with_the_others(
    made: tuple[Store, dict[str, str]], tmp_path: Path,
) -> None:
    """A late letter that joined a campaign was listed as from an "Individual respondent", though every
    output counts it in the campaign; an identical copy likewise."""
    settings = Settings.load(tmp_path, made[0].url)
    added = [{"file": name, "submissions": [sha(name)]} for name in ("c4.txt", "dup2.pdf", "jane.txt")]
    assert pipeline.senders(settings, None, added) == [
        "Campaign letter (a campaign of 4 letters now)", "Identical copy of a response (2 copies)",
        "Individual respondent"]


def test_the_late_flow_names_an_organisations_email_that_also_attaches_a_campaign_copy(
    made: tuple[Store, dict[str, str]], tmp_path: Path,
) -> None:
    """An organisation's e-mail with its own response attached and a copy of a campaign letter: every
    output counts the e-mail as the organisation (`respondent_keys`: "one that also attaches a response
    of its own stays its own respondent"), so the late flow should name it, not call it a campaign letter."""
    from sqlalchemy import select

    from respmine.ingest.dispatch import reader_version
    from respmine.store.models import CampaignRow, RespondentRow, SubmissionRow
    from respmine.store.views import read_respondent_keys
    from tests.report.helpers import DATA_TIME

    store = made[0]
    names = ("org.eml", "org.eml#own.pdf", "org.eml#c5.txt")
    with store.session() as s, s.begin():
        for name in names:
            s.add(SubmissionRow(sha256=sha(name), parent_sha256=None if name == "org.eml" else sha("org.eml"),
                                kind="file" if name == "org.eml" else "attachment", source=name,
                                format=name.rsplit(".", 1)[-1], method="test", status="ok", text=name,
                                pages=[], late=True, extractor_version=reader_version("txt"),
                                first_seen_at=DATA_TIME, updated_at=DATA_TIME))
            s.flush()
        for name in names[:2]:
            s.add(RespondentRow(submission=sha(name), kind="organisation", respondent_type="charity",
                                organisation="Bright Futures", name="Kim Lee"))
        s.add(RespondentRow(submission=sha(names[2]), kind="individual", respondent_type="individual",
                            name="Citizen 5"))
        row = s.execute(select(CampaignRow).where(CampaignRow.id == "campaign-abc")).scalar_one()
        row.members = sorted([*row.members, sha(names[2])])
        row.size = 5
    keys = read_respondent_keys(store)
    assert keys[sha("org.eml")] == sha("org.eml")  # the outputs: the organisation, its own respondent
    assert keys[sha("org.eml#c5.txt")] == "campaign:campaign-abc"  # (its copy counts in the campaign)
    settings = Settings.load(tmp_path, store.url)
    said = pipeline.senders(settings, None, [{"file": "org.eml", "submissions": [sha(n) for n in names]}])
    assert said == ["Bright Futures (charity or community group)"]
