"""Quotes: the evidence sentence, organisations named and individuals never, traced to the source page
(through the redaction that shortened the text)."""

from __future__ import annotations

from respmine.records import Code, Span
from respmine.report.quotes import _by_view, evidence_sentence
from respmine.report.tables import INDIVIDUAL, CodingData, _Hit, theme_table
from respmine.store import Store
from tests.report.helpers import CODEBOOK, sha


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


def test_quote_source_cites_an_individuals_response_by_its_id(made: tuple[Store, dict[str, str]]) -> None:
    """Files are named after the people who sent them ("letter from Tom Whitlock.txt"): a quote from an
    individual (or a campaign of them) cites the submission id that submissions.csv lists, never the
    file; an organisation's quote cites its file."""
    rows = theme_table(made[0], CODEBOOK)
    quotes = [q for r in rows for q in r.quotes]
    jane = next(q for q in quotes if q.text.startswith("Longer contracts help"))
    assert jane.source == f"response {sha('jane.txt')[:12]}" and jane.source_file == "jane.txt"
    assert "jane" not in jane.cite.casefold() and jane.cite.startswith(jane.source)
    campaign = [q for q in quotes if q.who.startswith("Campaign letter")]
    assert campaign and all(q.source.startswith("response ") for q in campaign)
    hope = next(q for q in quotes if q.who == "Hope Trust")
    assert hope.source == "hope.pdf" and hope.cite == f"hope.pdf, page {hope.page}"


def test_quote_from_a_form_row_has_no_page(made: tuple[Store, dict[str, str]]) -> None:
    """A form row's "pages" are its answer cells: "page 3" of a spreadsheet row would send a reader
    looking for a page that does not exist."""
    river = [q for r in theme_table(made[0], CODEBOOK) for q in r.quotes if q.who == "River Project"]
    assert river and all(q.page is None and q.cite == "form.csv#row-1" for q in river)


def test_quote_source_is_judged_per_submission_and_its_email() -> None:
    """A duplicate group counts once under the organisation's name, but the copy quoted may be a
    person's; an organisation's letter attached to a person's e-mail is named after the e-mail's file."""
    from types import SimpleNamespace

    from respmine.report.quotes import source_of
    from respmine.store.views import RespondentView, SubmissionView

    def sub(key: str, source: str, kind: str = "file", parent: str | None = None) -> SubmissionView:
        up = parent * 64 if parent else None
        return SubmissionView(key * 64, up, kind, source, "ok", None, None, [], None, None)

    hope = RespondentView("", "organisation", "charity", "Hope Trust", ["Hope Trust"])
    person = RespondentView("", "individual", "individual", None, [])
    subs = [sub("a", "Hope Trust response.pdf"), sub("b", "email from Tom Whitlock.eml"),
            sub("c", "Tom Whitlock.eml"), sub("d", "Tom Whitlock.eml#letter.pdf", "attachment", "c"),
            sub("e", "River.eml"), sub("f", "River.eml#response.pdf", "attachment", "e"), sub("g", "x.pdf")]
    people = {"a": hope, "b": person, "c": person, "d": hope, "e": hope, "f": hope}
    data = SimpleNamespace(submissions={s.sha256: s for s in subs},
                           people={k * 64: v for k, v in people.items()})
    cite = {s.source: source_of(data, s.sha256) for s in subs}  # type: ignore[arg-type]
    assert cite["Hope Trust response.pdf"] == "Hope Trust response.pdf"
    assert cite["email from Tom Whitlock.eml"] == f"response {'b' * 12}"  # a person's copy of the letter
    assert cite["Tom Whitlock.eml#letter.pdf"] == f"response {'d' * 12}"  # the e-mail is a person's
    assert cite["River.eml#response.pdf"] == "River.eml#response.pdf"
    assert cite["x.pdf"] == f"response {'g' * 12}"  # nobody profiled: not named


def test_a_signatorys_own_words_in_a_campaign_letter_are_quoted_as_theirs(
        made: tuple[Store, dict[str, str]]) -> None:
    data = CodingData.load(made[0], CODEBOOK)
    letter = sha("c2.txt")
    assert data.quoted_who(letter, "I support full cost recovery for the charities that helped my "
                                   "family.") == "Campaign letter (4 letters)"  # in every letter
    assert data.quoted_who(letter, "I support full cost recovery for the charities …") == (
        "Campaign letter (4 letters)")  # a quote cut short
    assert data.quoted_who(letter, "My brother was helped by a small local project.") == (
        f"{INDIVIDUAL} (own words in a campaign letter)")  # in this letter only
    assert data.quoted_who(sha("hope.pdf"), "Anything at all.") == "Hope Trust"


def test_a_models_clause_is_quoted_with_its_sentence_a_rules_or_analysts_evidence_as_it_is() -> None:
    text = "We work with families. Our concern is for the whole person, and for the communities they serve."
    clause = "for the communities they serve."
    at = text.index(clause)

    def code(method: str) -> Code:
        return Code("s", "t", 0.6, method, Span(at, at + len(clause)), clause)

    assert evidence_sentence(text, code("similarity")) == (
        "Our concern is for the whole person, and for the communities they serve.")
    assert evidence_sentence(text, code("classifier-fallback")).startswith("Our concern")
    assert evidence_sentence(text, code("analyst")) == clause  # as the analyst marked it
    assert evidence_sentence(text, code("rule")) == clause
    moved = Code("s", "t", 0.6, "similarity", Span(0, len(clause)), clause)
    assert evidence_sentence(text, moved) == clause  # not at its offsets: nothing to widen


def test_a_campaigns_letters_forwarded_in_one_email_each_count_as_a_letter_for_its_wording() -> None:
    """An organiser's e-mail with three signed copies attached: the template is the campaign's, one
    copy's own sentence its signatory's."""
    from respmine.report.tables import _units
    from respmine.store.models import CampaignRow
    from respmine.store.views import RespondentView, SegmentView, SubmissionView

    template = "I support full cost recovery for the charities that helped my family."
    own = "My son was helped."

    def sub(sha: str, parent: str | None = None) -> SubmissionView:
        kind = "attachment" if parent else "email"
        return SubmissionView(sha, parent, kind, f"{sha}.pdf", "processed", None, None, [], None, None)

    subs = {"e": sub("e"), **{f"a{i}": sub(f"a{i}", "e") for i in range(3)}}
    texts = [template, template, f"{template} {own}"]
    segs = {f"s{i}": SegmentView(f"s{i}", f"a{i}", "Q1", 0, len(t), 1, t, "x", 1.0)
            for i, t in enumerate(texts)}
    people = {f"a{i}": RespondentView(f"a{i}", "individual", "individual", None, []) for i in range(3)}
    camp = CampaignRow(id="c1", template=template, size=3, members=["a0", "a1", "a2"], added_text={})
    units, unit_of = _units(subs, people, [camp], {s.submission for s in segs.values()})
    data = CodingData(CODEBOOK, segs, subs, units, unit_of, [], {}, people=people, campaigns=[camp])
    assert data.quoted_who("a2", template) == "Campaign letter (3 letters)"
    assert data.quoted_who("a2", own) == f"{INDIVIDUAL} (own words in a campaign letter)"


def test_quotes_take_each_view_in_turn_the_most_held_first_and_its_own_holders_first() -> None:
    """Under a topic, its sub-themes' quotes come in turn, the one most respondents hold first; within one,
    the best quote first and of equals respondents in no other sub-theme (b wants local and regional
    commissioning alike); a view held by one respondent of five waits for the others' turns."""
    def hit(theme: str, unit: str, method: str = "rule") -> _Hit:
        code = Code(segment=f"{unit}-{theme}", theme=theme, confidence=0.8, method=method,
                    evidence=Span(0, 1), evidence_text="x")
        themes = (theme, "commissioning") if theme != "commissioning" else (theme,)
        return _Hit(code, themes, "Q5", unit, "charity", False, None, f"{unit} says", (True,))

    hits = [hit("commissioning.local", u) for u in "bac"] + [hit("commissioning.regional", u) for u in "db"]
    hits.append(hit("commissioning", "f"))  # the topic alone
    implied = [hit("commissioning", u, "rule(child)") for u in "abcd"]  # the sub-themes' codes, repeated
    ordered = _by_view("commissioning", hits + implied)
    assert [(h.code.theme.split(".")[-1], h.unit) for h in ordered] == [  # f alone: after the others
        ("local", "a"), ("regional", "d"), ("local", "c"), ("regional", "b"), ("local", "b"),
        ("commissioning", "f")]
    better = hit("commissioning.local", "b")._replace(rank=(False,))  # a better quote than a's: first
    assert _by_view("commissioning", [better, *hits[1:]])[0].unit == "b"


def test_an_organisations_file_named_after_a_person_is_cited_by_its_id(
        made: tuple[Store, dict[str, str]]) -> None:
    from sqlalchemy import update

    from respmine.report.quotes import source_of
    from respmine.report.tables import CodingData
    from respmine.store.models import SubmissionRow
    from tests.report.helpers import CODEBOOK, sha

    store = made[0]
    assert source_of(CodingData.load(store, CODEBOOK), sha("hope.pdf")) == "hope.pdf"
    with store.session() as s, s.begin():
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == sha("hope.pdf")).values(
            source="Dr M Hope - Hope Trust.pdf"))
    assert source_of(CodingData.load(store, CODEBOOK), sha("hope.pdf")) == f"response {sha('hope.pdf')[:12]}"


def test_a_titled_name_in_a_file_name_is_found_however_it_is_joined() -> None:
    from respmine.report.quotes import names_a_person

    for named in ("Dr H Marsh - University of Eastmoor.doc", "Response_from_Dr_Smith.pdf", "DR SMITH.pdf",
                  "Dr.Smith.pdf", "2026-04-01_Cllr_Jones_Anytown_Council.docx"):
        assert names_a_person(named), named
    for plain in ("Drake Trust.pdf", "Draft response.docx", "NFPB draft response v3 (tracked).docx"):
        assert not names_a_person(plain), plain


def test_an_organisations_file_named_after_the_people_its_text_names_is_cited_by_its_id(
        made: tuple[Store, dict[str, str]]) -> None:
    """A university's response filed as "Raman Whitcombe - University of Harwich.pdf" (no title before
    the names): its text's [NAME]s were cited beside quotes in the file's name. A name redacted in the
    text and standing in the file name withholds the file name; another person's does not."""
    from sqlalchemy import update

    from respmine.report.quotes import source_of
    from respmine.report.tables import CodingData
    from respmine.store.models import PersonalDataRow, SubmissionRow

    store = made[0]
    with store.session() as s, s.begin():
        s.execute(update(SubmissionRow).where(SubmissionRow.sha256 == sha("hope.pdf")).values(
            source="Raman Whitcombe - Hope Trust.pdf"))
        s.add(PersonalDataRow(submission=sha("hope.pdf"), start=0, end=5, kind="person", original="Ann Lee"))
    assert source_of(CodingData.load(store, CODEBOOK), sha("hope.pdf")) == "Raman Whitcombe - Hope Trust.pdf"
    with store.session() as s, s.begin():
        s.add(PersonalDataRow(submission=sha("hope.pdf"), start=6, end=9, kind="person",
                              original="Dr Raman Whitcombe"))
    assert source_of(CodingData.load(store, CODEBOOK), sha("hope.pdf")) == f"response {sha('hope.pdf')[:12]}"


def test_quotes_leave_out_footnote_marks_not_reference_numbers() -> None:
    """(Trial 30a.) "Using half-hourly smart meter data for 12,400 homes,1 we estimate ..." and "Under our
    hedging assumptions,3 a winter ..." were quoted with their footnote marks."""
    from respmine.report.quotes import quote_text

    assert quote_text("Using data for 12,400 homes,1 we estimate a shift.") == \
        "Using data for 12,400 homes, we estimate a shift."
    assert quote_text("Under our hedging assumptions,3 a winter would cost more.") == \
        "Under our hedging assumptions, a winter would cost more."
    assert quote_text("It was introduced in 2022.2 The lag is long.") == \
        "It was introduced in 2022. The lag is long."
    for kept in ("See pp.12 of the report.", "As para.4 says.", "About 12,400 homes and 1.5 million people.",
                 "We paid 2,400 pounds in 2024.", "The charge is 60p.5 of us pay it."):
        assert quote_text(kept) == kept


def test_no_quote_from_a_respondent_who_asked_not_to_be_published(made: tuple[Store, dict[str, str]]) -> None:
    from sqlalchemy import update

    from respmine.store.models import RespondentRow

    def fcr() -> object:
        return next(r for r in theme_table(made[0], CODEBOOK)
                    if (r.question, r.theme) == ("Q1", "funding.fcr"))

    before = fcr()
    assert "Hope Trust" in [q.who for q in before.quotes]  # type: ignore[attr-defined]
    with made[0].session() as s, s.begin():
        s.execute(update(RespondentRow).where(RespondentRow.submission == sha("hope.pdf")).values(
            publication="do not publish"))
    after = fcr()
    assert "Hope Trust" not in [q.who for q in after.quotes]  # type: ignore[attr-defined]
    assert after.quotes  # type: ignore[attr-defined]  # (the others still quoted)
    assert after.respondents == before.respondents  # type: ignore[attr-defined]  # their view still counts


def test_a_quote_from_an_organisation_asking_for_anonymity_names_neither_it_nor_its_file(
        made: tuple[Store, dict[str, str]]) -> None:
    from sqlalchemy import update

    from respmine.report.quotes import ANONYMOUS_ORGANISATION
    from respmine.store.models import RespondentRow

    with made[0].session() as s, s.begin():
        s.execute(update(RespondentRow).where(RespondentRow.submission == sha("hope.pdf")).values(
            publication="publish anonymously"))
    rows = theme_table(made[0], CODEBOOK, respondent_type="charity")
    row = next(r for r in rows if (r.question, r.theme) == ("Q1", "funding.fcr"))
    hope = next(q for q in row.quotes if q.text == "We need full cost recovery so that our services survive.")
    assert hope.who == ANONYMOUS_ORGANISATION and hope.source == f"response {sha('hope.pdf')[:12]}"
    assert "Hope Trust" not in [q.who for q in row.quotes]


def _hope_anonymous_saying(store: Store, said: str, **respondent: object) -> None:
    """Hope Trust's Q1 answer (and its code's evidence) made `said`, its respondent asking to be published
    anonymously (with any other fields of its record set)."""
    from sqlalchemy import select, update

    from respmine.store.models import CodeRow, RespondentRow, SegmentRow

    with store.session() as s, s.begin():
        seg = s.scalars(select(SegmentRow).where(SegmentRow.submission == sha("hope.pdf"),
                                                 SegmentRow.question == "Q1")).one()
        seg.text = said
        s.execute(update(CodeRow).where(CodeRow.segment == seg.id).values(
            evidence=said, evidence_start=0, evidence_end=len(said)))
        s.execute(update(RespondentRow).where(RespondentRow.submission == sha("hope.pdf")).values(
            publication="publish anonymously", **respondent))


def test_an_anonymous_respondents_quote_does_not_name_it(made: tuple[Store, dict[str, str]]) -> None:
    """A quote of a respondent that asked to be published anonymously was attributed to "Organisation
    (asked not to be named)" while its words still named it ("At Hope Trust we need ...")."""
    from respmine.report.quotes import ANONYMOUS_ORGANISATION, OWN_NAME_TOKEN

    said = "At the Hope Trust (HT) we need full cost recovery, or HT's services close."
    _hope_anonymous_saying(made[0], said)
    rows = theme_table(made[0], CODEBOOK, respondent_type="charity")
    row = next(r for r in rows if (r.question, r.theme) == ("Q1", "funding.fcr"))
    [hope] = [q for q in row.quotes if q.who == ANONYMOUS_ORGANISATION]
    assert "Hope" not in hope.text and "HT" not in hope.text
    assert hope.text == (f"At {OWN_NAME_TOKEN} ({OWN_NAME_TOKEN}) we need full cost recovery, or "
                         f"{OWN_NAME_TOKEN}'s services close.")


def test_own_names_in_any_case_spacing_or_initials() -> None:
    from respmine.report.quotes import OWN_NAME_TOKEN as T
    from respmine.report.quotes import without_own_names

    text = "As chair of Eastmoor  fuel bank I see EFB's volunteers; Eastmoor Council helps, and the EFBA."
    assert without_own_names(text, ["Eastmoor Fuel Bank"]) == (
        f"As chair of {T} I see {T}'s volunteers; Eastmoor Council helps, and the EFBA.")
    assert without_own_names("The Warm Homes Alliance (Alliance) agrees.", ["Warm Homes Alliance"]) == (
        f"{T} ({T}) agrees.")
    assert without_own_names("Nothing to see.", []) == "Nothing to see."


def test_an_anonymous_respondent_not_identified_is_not_named_by_its_own_words(
        made: tuple[Store, dict[str, str]]) -> None:
    """Not identified as the fuel bank (no organisation in its record), an anonymous respondent's quote
    still named it: "As chair of Eastmoor Fuel Bank I ..." was quoted as written."""
    from respmine.report.quotes import OWN_NAME_TOKEN

    said = "As chair of Eastmoor Fuel Bank I see full cost recovery is needed; EFB volunteers agree."
    _hope_anonymous_saying(made[0], said, kind="unknown", respondent_type="unknown", organisation=None,
                           organisations=[])
    rows = theme_table(made[0], CODEBOOK, respondent_type="unknown")
    quoted = [q.text for r in rows for q in r.quotes if q.submission == sha("hope.pdf")]
    assert quoted and all("Eastmoor" not in t and "EFB" not in t for t in quoted)
    assert any(t.startswith(f"As chair of {OWN_NAME_TOKEN} I see") for t in quoted)


def test_a_body_named_at_the_end_of_a_sentence_is_found() -> None:
    """"As chair of Eastmoor Fuel Bank. We ..." was read as the body "Eastmoor Fuel Bank. We" (a full stop
    taken as a name's), which the quote does not contain: the fuel bank's name stayed in the quote."""
    from respmine.report.quotes import OWN_NAME_TOKEN as T
    from respmine.report.quotes import self_named, without_own_names

    said = "I write as chair of Eastmoor Fuel Bank. We support the cap."
    assert self_named([said]) == ["Eastmoor Fuel Bank"]
    assert self_named(["I am a trustee of St. Mungo's Housing Trust and I agree."]) == [
        "St. Mungo's Housing Trust"]
    assert without_own_names(said, [], as_written=self_named([said])) == (
        f"I write as chair of {T}. We support the cap.")


def test_only_an_abbreviation_in_brackets_stands_for_the_name() -> None:
    """"Eastmoor Fuel Bank (2023)" or "(Wales)" after the name are not its abbreviation: every year and
    every "Wales" in the quote became [ORGANISATION]."""
    from respmine.report.quotes import OWN_NAME_TOKEN as T
    from respmine.report.quotes import without_own_names

    assert without_own_names("Eastmoor Fuel Bank (2023) grew in 2023.", ["Eastmoor Fuel Bank"]) == (
        f"{T} (2023) grew in 2023.")
    assert without_own_names("Eastmoor Fuel Bank (Wales) helps people in Wales.", ["Eastmoor Fuel Bank"]) == (
        f"{T} (Wales) helps people in Wales.")
    assert without_own_names("Eastmoor Fuel Bank (EFB) helps; EFB grows.", ["Eastmoor Fuel Bank"]) == (
        f"{T} ({T}) helps; {T} grows.")


def test_a_one_word_name_or_a_body_spoken_as_is_matched_as_written() -> None:
    """A one-word name ("Shelter", "Mind") and a body found in the writer's words ("Director of Public
    Health": "Public Health") were matched in any case: "shelter", "keep in mind", "public health" in the
    quote became [ORGANISATION]. A recorded name of several words is still found in any case."""
    from respmine.report.quotes import OWN_NAME_TOKEN as T
    from respmine.report.quotes import without_own_names

    assert without_own_names("Families need shelter; Shelter sees it.", ["Shelter"]) == (
        f"Families need shelter; {T} sees it.")
    assert without_own_names("As Director of Public Health I see public health suffer.", [],
                             as_written=["Public Health"]) == (
        f"As Director of {T} I see public health suffer.")
    assert without_own_names("EASTMOOR FUEL BANK agrees.", ["Eastmoor Fuel Bank"]) == f"{T} agrees."
