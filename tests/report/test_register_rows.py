"""The respondent register on the hand-made store (tests/report/helpers.py): one row per counted
respondent, named as every output names them, individuals never named, and the report's annex."""

from __future__ import annotations

import csv
from pathlib import Path

from respmine.report.register import (
    COLUMNS,
    annex_note,
    organisations_by_type,
    register,
    register_lists,
    write_register_csv,
)
from respmine.report.tables import CodingData, respondent_totals
from respmine.store import Store
from respmine.structure.respondent_types import DEFAULT_TYPES
from tests.report.helpers import CODEBOOK, STANCE_CODEBOOK, sha


def _data(made: tuple[Store, dict[str, str]]) -> CodingData:
    return CodingData.load(made[0], CODEBOOK)


def test_register_one_row_per_counted_respondent_in_order(made: tuple[Store, dict[str, str]]) -> None:
    data = _data(made)
    rows = register(data)
    assert [(r.who, r.kind) for r in rows] == [
        ("Hope Trust", "organisation"), ("River Project", "organisation"),  # charities first, by name
        ("Local Council", "organisation"), ("Acme Ltd", "organisation"),
        ("Campaign letter (4 letters)", "campaign"), ("Individual respondent", "identical copies"),
        ("Individual respondent", "individual"),
    ]
    assert len(rows) == sum(respondent_totals(data).values())  # it adds up to the report's count


def test_register_row_says_what_each_respondent_answered(made: tuple[Store, dict[str, str]]) -> None:
    rows = {r.who: r for r in register(_data(made))}
    hope = rows["Hope Trust"]
    assert hope.questions == ("Q1", "Q2")
    assert hope.themes == ("funding", "funding.fcr", "contracts")  # codebook order, parent included
    assert hope.stance == "mixed"  # support on Q1, oppose on Q2
    council = rows["Local Council"]
    assert council.submissions == (sha("mail.eml"), sha("mail.eml#letter.pdf"))  # e-mail and attachment
    assert council.sources == ("mail.eml", "mail.eml#letter.pdf")
    assert rows["Acme Ltd"].late and not hope.late
    campaign = rows["Campaign letter (4 letters)"]
    assert len(campaign.submissions) == 4 and not campaign.late  # one letter of four was late
    assert campaign.sources == ()  # letters of individuals: their file names are not listed


def test_register_agreement_per_question_that_asks_for_it(made: tuple[Store, dict[str, str]]) -> None:
    data = _data(made)
    rows = {r.who: r for r in register(data, asking={"Q1"})}
    assert rows["Hope Trust"].agreement == (("Q1", "support"),)
    assert rows["Acme Ltd"].agreement == (("Q1", "oppose"),)
    assert {r.who: r for r in register(data)}["Hope Trust"].agreement == ()
    lists = register_lists(register(data, asking={"Q1"}), data)  # in the report's words in the CSV
    said = {row[1]: row[COLUMNS.index("agreement")] for row in lists}
    assert said["Hope Trust"] == "Q1 agreed" and said["Acme Ltd"] == "Q1 disagreed"


def test_register_stance_falls_back_on_the_respondents_own_agreement(
        made: tuple[Store, dict[str, str]]) -> None:
    """With the codebook marking the themes about the proposals, a respondent whose passages on them take
    no side had no stance in the register, though they answered "Do you agree ...?" with a side."""
    data = CodingData.load(made[0], STANCE_CODEBOOK)
    rows = {r.who: r for r in register(data, asking={"Q1"})}
    assert rows["Hope Trust"].stance == "support" and rows["Hope Trust"].agreement == (("Q1", "support"),)
    assert rows["Campaign letter (4 letters)"].stance == "support"
    assert rows["River Project"].stance == "oppose"  # its passages on the proposals' themes say so: they win
    assert rows["Local Council"].stance == ""  # ("neutral" to Q1: no side taken anywhere)
    assert {r.who: r for r in register(data)}["Hope Trust"].stance == ""  # no question asks for agreement


def test_register_csv_never_names_individuals(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    data = _data(made)
    path = tmp_path / "respondents.csv"
    write_register_csv(path, register_lists(register(data), data))
    text = path.read_text(encoding="utf-8")
    for person in ("Jane Doe", "Sam Copy", "Citizen 1", "Mary Hope", "jane.txt", "dup1.txt", "c1.txt"):
        assert person not in text
    rows = list(csv.DictReader(text.splitlines()))
    assert list(rows[0]) == COLUMNS
    hope = rows[0]
    assert hope["respondent"] == "Hope Trust" and hope["theme_labels"] == "Funding; Full cost recovery; " \
        "Contract size"
    assert hope["questions_answered"] == "Q1; Q2" and hope["codebook"] == CODEBOOK.stamp
    assert rows[4]["respondent_id"] == "campaign-abc" and rows[4]["submissions"] == "4"


def test_register_annex_lists_organisations_by_type(made: tuple[Store, dict[str, str]]) -> None:
    rows = register(_data(made))
    assert organisations_by_type(rows, DEFAULT_TYPES) == [
        ("charity", ["Hope Trust", "River Project"]), ("local_authority", ["Local Council"]),
        ("private_company", ["Acme Ltd"]),
    ]
    assert annex_note(rows, DEFAULT_TYPES) == (
        "The 4 organisations that responded are listed below by type (a joint response under the "
        "organisation that sent it). Also counted, not named: 1 individual, 1 form-letter campaign "
        "(4 letters) and 1 group of identical copies (2 letters). Each campaign and group of copies counts "
        "once, under individuals, in the respondents by type.")  # the report's "3 individuals" adds up
    unnamed = [r for r in rows if r.kind != "organisation"]
    assert annex_note(unnamed, DEFAULT_TYPES).startswith("No organisation is named")


def test_register_says_how_respondent_was_identified_and_joint_partners(
        made: tuple[Store, dict[str, str]]) -> None:
    from sqlalchemy import update

    from respmine.store.models import RespondentRow

    store = made[0]
    with store.session() as s, s.begin():
        s.execute(update(RespondentRow).where(RespondentRow.submission == sha("hope.pdf")).values(
            organisations=["Hope Trust", "Step Up", "Open Door", "Bridge"],
            provenance={"organisation": "text:sign-off", "type": "rule:name-keyword", "name": "email:from"}))
    rows = {r.who: r for r in register(_data(made))}
    hope = rows["Hope Trust"]
    # (where the person's name was found is not said)
    assert hope.identified_from == "name: the text (sign-off); type: a rule (name-keyword)"
    assert hope.joint_with == ("Step Up", "Open Door", "Bridge")
    assert organisations_by_type(rows.values(), DEFAULT_TYPES)[0] == (
        "charity", ["Hope Trust (with Step Up, Open Door, Bridge)", "River Project"])


def _set(store: Store, name: str, **values: object) -> None:
    from sqlalchemy import update

    from respmine.store.models import RespondentRow

    with store.session() as s, s.begin():
        s.execute(update(RespondentRow).where(RespondentRow.submission == sha(name)).values(**values))


def test_register_kind_follows_how_outputs_name_them(made: tuple[Store, dict[str, str]]) -> None:
    store = made[0]
    _set(store, "jane.txt", respondent_type="academic")  # an individual answering as an academic
    _set(store, "form.csv#row-1", organisation=None, organisations=[])  # an organisation without a name
    _set(store, "c1.txt", kind="organisation", organisation="Helping Hands", organisations=["Helping Hands"])
    rows = {(r.who, r.kind): r for r in register(_data(made))}
    assert ("Individual respondent", "individual") in rows  # not "not identified"
    assert ("Organisation (name not given)", "organisation not named") in rows
    assert rows[("Campaign letter (4 letters)", "campaign")].joint_with == ()  # a member's organisation
    assert "1 organisation that gave no name" in annex_note(list(rows.values()), DEFAULT_TYPES)


def test_register_lists_only_an_organisations_own_files(made: tuple[Store, dict[str, str]]) -> None:
    """Identical copies sent by an organisation and by a supporter: one respondent, named after the
    organisation, whose id is the group's, and whose files are the organisation's alone."""
    store = made[0]
    _set(store, "dup1.txt", kind="organisation", respondent_type="charity", organisation="Gate Friends",
         organisations=["Gate Friends"])
    data = _data(made)
    [row] = [r for r in register(data) if r.who == "Gate Friends"]
    assert row.kind == "organisation" and row.sources == ("dup1.txt",) and len(row.submissions) == 2
    [line] = [x for x in register_lists([row], data)]
    assert line[0] == "duplicate-xyz" and "dup2.pdf" not in str(line)


def test_register_lists_every_name_an_organisations_file_came_under(
        made: tuple[Store, dict[str, str]]) -> None:
    """The same letter sent again ("... (resent).pdf", byte-identical: one submission) was missing from
    the register's files, so an analyst could not tell the second file had been read."""
    from datetime import UTC, datetime

    from respmine.store.models import SourceRow

    store = made[0]
    with store.session() as s, s.begin():
        for name in ("hope.pdf", "hope (resent).pdf", "Dr Mary Hope reply.pdf"):  # (one named after a person)
            s.add(SourceRow(sha256=sha("hope.pdf"), path=name, seen_at=datetime.now(UTC)))
    [row] = [r for r in register(_data(made)) if r.who == "Hope Trust"]
    assert row.sources == ("hope.pdf", "hope (resent).pdf")


def test_register_joint_partners_from_any_part_of_a_response(made: tuple[Store, dict[str, str]]) -> None:
    store = made[0]
    _set(store, "mail.eml#letter.pdf", organisations=["Local Council", "Housing Trust"])
    [council] = [r for r in register(_data(made)) if r.who == "Local Council"]
    assert council.joint_with == ("Housing Trust",)  # the e-mail itself names no partner


def test_register_a_petition_gives_its_signatures_and_counts_once(made: tuple[Store, dict[str, str]]) -> None:
    """A petition was one individual respondent and its signatures were said nowhere; they are given in the
    register and the annex, while it still counts once."""
    from sqlalchemy import update

    from respmine.store.models import SubmissionRow

    before = len(register(_data(made)))
    with made[0].session() as s, s.begin():
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == sha("jane.txt")).values(
            text="Petition to keep the Ashby probation office open\n\nThis petition was signed by 1,243 "
                 "residents of Ashby."))
    rows = register(_data(made))
    assert len(rows) == before and [r.signatures for r in rows if r.signatures] == [1243]
    assert annex_note(rows, DEFAULT_TYPES).endswith(
        " 1 petition, with 1,243 signatures, counts once, as one response.")
    listed = register_lists(rows, _data(made))
    assert [row[COLUMNS.index("signatures")] for row in listed if row[COLUMNS.index("signatures")]] == [1243]


def test_register_says_who_asked_not_to_be_published_and_the_annex_names_neither(
        made: tuple[Store, dict[str, str]]) -> None:
    store = made[0]
    _set(store, "hope.pdf", publication="publish anonymously")
    _set(store, "acme.docx", publication="do not publish")
    rows = register(_data(made))
    asked = {r.who: r.publication for r in rows if r.publication}
    assert asked == {"Hope Trust": "publish anonymously", "Acme Ltd": "do not publish"}
    assert organisations_by_type(rows, DEFAULT_TYPES) == [
        ("charity", ["River Project"]), ("local_authority", ["Local Council"])]
    note = annex_note(rows, DEFAULT_TYPES)
    assert note.startswith("The 2 organisations that responded are listed below")
    assert "Also counted, not named: 2 organisations that asked not to be named, 1 individual" in note
    listed = {r[1]: r[COLUMNS.index("publication")] for r in register_lists(rows, _data(made))}
    assert listed["Hope Trust"] == "publish anonymously" and listed["River Project"] == ""


def test_a_campaign_signatorys_request_is_theirs_not_the_campaigns(
        made: tuple[Store, dict[str, str]]) -> None:
    """One of a campaign's letters asking "please do not publish my name" had marked the whole campaign
    "publish anonymously" in the register; its wording is still the campaign's, quoted from the others."""
    from respmine.report.tables import theme_table

    store = made[0]
    _set(store, "c2.txt", publication="publish anonymously")
    rows = {r.who: r for r in register(_data(made))}
    assert rows["Campaign letter (4 letters)"].publication == "publish anonymously: 1 of 4 letters"
    _set(store, "c3.txt", publication="do not publish")
    rows = {r.who: r for r in register(_data(made))}
    assert rows["Campaign letter (4 letters)"].publication == "do not publish: 2 of 4 letters"
    quoted = [q for r in theme_table(store, CODEBOOK, include_late=True) for q in r.quotes
              if q.who == "Campaign letter (4 letters)"]
    assert quoted and all(q.submission != sha("c3.txt") for q in quoted)  # (never the withheld letter)
    for name in ("c1.txt", "c4.txt"):
        _set(store, name, publication="do not publish")
    _set(store, "c2.txt", publication="do not publish")
    rows = {r.who: r for r in register(_data(made))}
    assert rows["Campaign letter (4 letters)"].publication == "do not publish"  # every letter asked
    assert not [q for r in theme_table(store, CODEBOOK, include_late=True) for q in r.quotes
                if q.who == "Campaign letter (4 letters)"]
