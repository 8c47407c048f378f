"""Quotes: the evidence sentence, organisations named and individuals never, traced to the source page
(through the redaction that shortened the text)."""

from __future__ import annotations

from respmine.report.tables import INDIVIDUAL, theme_table
from respmine.store import Store
from tests.report.helpers import CODEBOOK


def test_quotes_prefer_organisations_and_vary_respondent_types(made: tuple[Store, dict[str, str]]) -> None:
    row = next(r for r in theme_table(made[0], CODEBOOK) if (r.question, r.theme) == ("Q1", "funding.fcr"))
    who = [q.who for q in row.quotes]
    assert len(who) == 3 and len(set(who)) == 3
    assert set(who[:2]) <= {"Hope Trust", "River Project", "Local Council"}  # organisations first
    assert "Local Council" in who  # another respondent type before a second charity
    assert who[2] == "Campaign letter (4 letters)"  # then the individuals' campaign, never a name


def test_quote_is_the_evidence_sentence_with_its_page(made: tuple[Store, dict[str, str]]) -> None:
    row = next(
        r
        for r in theme_table(made[0], CODEBOOK, respondent_type="charity")
        if (r.question, r.theme) == ("Q1", "funding.fcr")
    )
    hope = next(q for q in row.quotes if q.who == "Hope Trust")
    assert hope.text == "We need full cost recovery so that our services survive."
    assert hope.source_file == "hope.pdf"
    assert hope.page == 2  # the segment starts on page 1; its redacted offsets map back to page 2


def test_individuals_are_never_named(made: tuple[Store, dict[str, str]]) -> None:
    rows = theme_table(made[0], CODEBOOK)
    everyone = {q.who for r in rows for q in r.quotes}
    assert INDIVIDUAL in everyone
    for name in ("Jane Doe", "Citizen", "Sam Copy", "Mary Hope", "John Smith", "Pat Officer"):
        assert not any(name in q.who or name in q.text for r in rows for q in r.quotes)
