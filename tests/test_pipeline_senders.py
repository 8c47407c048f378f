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
