"""Coded summaries: plain words computed from counts, honest about small numbers, and "what changed"."""

from __future__ import annotations

from respmine.report.summaries import (
    agreement_headline,
    agreement_sentence,
    changes,
    counted_once,
    headlines,
    language_sentence,
    letters_note,
    method,
    position_view,
    question_summary,
    roll,
    share,
    snapshot,
    stance_basis,
    stance_note,
    stance_view,
    theme_summary,
    untranslated_sentence,
)
from respmine.report.tables import PositionSplit, ThemeRow


def row(theme: str = "funding.fcr", label: str = "Full cost recovery", n: int = 12, **kw: object) -> ThemeRow:
    fields: dict[str, object] = {
        "question": "all",
        "theme": theme,
        "label": label,
        "respondents": n,
        "campaign_letters": 0,
        "by_type": {"charity": n},
        "late": 0,
        "quotes": (),
        "stance": {"support": 0, "oppose": 0, "mixed": 0, "neutral": 0},
    }
    fields.update(kw)
    return ThemeRow(**fields)  # type: ignore[arg-type]


def test_small_bases_are_counts_not_quantifiers() -> None:
    assert share(3, 4) == "3 of 4"
    assert share(23, 31, "charities") == "most charities (23 of 31)"
    assert share(6, 15, "individuals") == "a large minority of individuals (6 of 15)"


def test_majority_and_minority_views_by_stance_and_type() -> None:
    theme = row(
        n=31,
        by_type={"charity": 23, "private_company": 4, "individual": 4},
        stance={"support": 20, "oppose": 5, "mixed": 2, "neutral": 4},
    )
    private = row(
        n=4, by_type={"private_company": 4}, stance={"support": 2, "oppose": 2, "mixed": 0, "neutral": 0}
    )
    text = theme_summary(
        theme, {"charity": 31, "private_company": 6, "individual": 10}, {"private_company": private}
    )
    assert "This theme was raised by 31 of 47 respondents (66%)." in text
    assert "Most charities and community groups (23 of 31) raised it" in text
    assert (
        "Most (20) of the 27 who took a position supported the proposals; 5 opposed them and 2 had mixed "
        "views"
        in text
    )
    assert "Private companies were divided: 2 supported the proposals and 2 opposed them." in text


def test_few_respondents_are_flagged_and_not_given_percentages() -> None:
    text = theme_summary(
        row(n=3, stance={"support": 2, "oppose": 1, "mixed": 0, "neutral": 0}), {"charity": 9}
    )
    assert "raised by 3 of 9 respondents." in text and "%" not in text
    assert "small number" in text
    assert "Of the 3 who took a position, 2 supported the proposals; 1 opposed them." in text


def test_changes_name_new_themes_moved_counts_and_new_late_responses() -> None:
    before = snapshot(
        [row(n=10), row("volunteers", "Volunteers", 4)], [], 40, 2, "book@1", "2026-05-01T00:00:00"
    )
    after = snapshot(
        [row(n=14, late=1), row("groups.women", "Women offenders", 3)],
        [],
        46,
        5,
        "book@1",
        "2026-05-02T00:00:00",
    )
    text = " ".join(changes(before, after))
    assert "Respondents: 40 before, 46 now." in text
    assert "New late responses since the last run: 3 (5 in all)." in text
    assert "New themes: Women offenders (3)." in text
    assert "No longer coded: Volunteers." in text
    assert "Full cost recovery 10 → 14" in text
    assert changes(None, after) == ["This is the first report: there is no earlier run to compare with."]


def test_changes_say_a_merged_theme_was_merged_not_dropped() -> None:
    before = snapshot([row("groups.families", "Families of offenders", 7),
                       row("groups.women", "Women offenders", 3), row("volunteers", "Volunteers", 4)],
                      [], 40, 2, "book@1", "t1")
    after = snapshot([row("groups.families", "Families of offenders", 10)], [], 40, 2, "book@1+r1", "t2",
                     merged={"groups.women": "groups.families"})
    text = " ".join(changes(before, after))
    assert "Merged by an analyst: Women offenders into Families of offenders." in text
    assert "No longer coded: Volunteers." in text and "Women offenders." not in text.split("No longer")[1]


def test_changes_show_a_respondent_correction_by_type() -> None:
    """An individual corrected into a research body moves no theme count, but the type counts move."""
    before = snapshot([row(n=10)], [], 40, 2, "book@1", "t1", by_type={"individual": 16, "academic": 1})
    after = snapshot([row(n=10)], [], 40, 2, "book@1", "t2", by_type={"individual": 15, "academic": 2})
    text = " ".join(changes(before, after))
    assert "No change" not in text
    assert "Respondents by type: " in text and "16 → 15" in text and "1 → 2" in text
    older = {k: v for k, v in before.items() if k != "types"}  # a snapshot written before types were kept
    assert "No change" in " ".join(changes(older, after))


def test_unchanged_data_keeps_the_previous_comparison() -> None:
    first = snapshot([row(n=10)], [], 40, 2, "book@1", "t1")
    second = snapshot([row(n=12)], [], 42, 2, "book@1", "t2")
    stored = roll(roll(None, first), second)
    assert stored == {"current": second, "previous": first}
    assert roll(stored, second) == stored  # a rerun with nothing new says the same as last time


def test_agreement_questions_say_how_many_agreed() -> None:
    assert agreement_sentence({"support": 25, "oppose": 10, "mixed": 3, "neutral": 2}, 40) == (
        "Of them, 25 agreed (63%), 10 disagreed (25%) and 3 partly agreed (8%); 2 did not say clearly (5%).")
    assert agreement_sentence({"support": 7, "oppose": 13}, 40) == (  # halves round up; the rest unclear
        "Of them, 7 agreed (18%) and 13 disagreed (33%); 20 did not say clearly (50%).")
    assert agreement_sentence({"support": 1, "oppose": 249}, 250) == (
        "Of them, 1 agreed (<1%) and 249 disagreed (>99%).")
    assert agreement_sentence({"oppose": 1}, 1) == "They disagreed."
    assert agreement_sentence({}, 1) == "They did not say clearly whether they agreed."
    assert agreement_sentence({"support": 3, "oppose": 1}, 4) == "Of them, 3 agreed and 1 disagreed."  # no %
    assert agreement_sentence({"neutral": 4}, 4) == "None of them said clearly whether they agreed."
    assert agreement_sentence({"support": 11, "oppose": 5, "unsure": 4}, 20) == (  # "Don't know" is an answer
        "Of them, 11 agreed (55%), 5 disagreed (25%) and 4 said they did not know (20%).")
    assert agreement_sentence({"unsure": 1}, 1) == "They said they did not know."
    assert agreement_sentence({"support": 2, "neither": 1}, 4) == (
        "Of them, 2 agreed and 1 neither agreed nor disagreed; 1 did not say clearly.")
    lead = question_summary([], 4, set(), {"support": 3, "oppose": 1})
    assert lead.startswith("This question was answered by 4 respondents. Of them, 3 agreed and 1 disagreed.")
    assert "agreed" not in question_summary([], 4, set())  # not a question asking for agreement


def test_agreement_questions_lead_the_key_findings() -> None:
    """The minister's first question: how many agreed, with the question asked (shortened at a word)."""
    asked = ("Do you agree that local transport authorities in rural areas should be able to franchise bus "
             "services without the consent of the Secretary of State? Yes / No / Don't know.")
    line = agreement_headline("Question 2", asked, {"support": 6, "oppose": 4, "mixed": 1}, 13)
    assert line == ("Question 2 (Do you agree that local transport authorities in rural areas should be able "
                    "to franchise bus services without the consent of the Secretary ...): 13 respondents "
                    "answered. Of them, 6 agreed, 4 disagreed and 1 partly agreed; 2 did not say clearly.")
    assert agreement_headline("Question 1", "Do you agree?", {"support": 1}, 1) == (
        "Question 1 (Do you agree?): 1 respondent answered. They agreed.")


def test_general_comments_lead_does_not_call_them_a_question() -> None:
    lead = question_summary([row(question="general")], 6, {"funding.fcr"}, general=True)
    assert lead.startswith("Comments not linked to a particular question came from 6 respondents.")
    assert question_summary([], 0, set(), general=True) == "No respondent made such comments."


def test_method_states_how_much_analysts_checked() -> None:
    unchecked = " ".join(method("book@1", 0, 40))
    assert "no analyst has checked the coding yet" in unchecked and "book@1" in unchecked
    checked = " ".join(method("book@1", 3, 40))
    assert "analysts checked 3 of the 40 answers and comments (8%)" in checked and "no analyst" not in checked
    assert "bases of 20 or more" in checked and "under 5" in checked  # as `percent` and `share` do
    assert "stating a view" not in checked
    taken = " ".join(method("book@1", 0, 40, taken=["Local commissioning"]))
    assert "agreed with a question stating a view counts under that view (“Local commissioning”)" in taken


def test_stance_under_a_theme_is_explained_as_the_codebook_counts_it() -> None:
    """A codebook marking positions gives stance from sentences on the theme; one of topics counts those
    raising a theme by the side they took on the proposals, and every text saying how says so."""
    positions, topics = " ".join(method("book@1", 0, 40)), " ".join(method("book@1", 0, 40, positions=False))
    assert "counts there as taking no clear position" in positions and "no clear position" not in topics
    assert "else in that answer, else over all their answers" in topics
    assert "not whether they were for or against the theme itself" in topics
    assert "else in that answer" in stance_note(None, "a ban") and "(a ban)" in stance_note(None, "a ban")
    assert "else in that answer" not in stance_note(["Role of the sector"])
    assert (stance_basis(True), stance_basis(False)) == ("in their sentences on it", "where they raised it")


def test_without_a_codebook_the_finding_is_the_topics() -> None:
    [finding] = headlines([], set(), {"charity": 3}, emerging=4)
    assert finding.startswith("No codebook was named") and "4 emerging themes" in finding
    assert "codebook:" in finding  # what to do about it
    assert "No codebook was named" in " ".join(method("no-codebook@0", 0, 10, coded=False))
    assert question_summary([], 3, set()) == "This question was answered by 3 respondents."


def test_counted_once_names_joint_responses() -> None:
    """A response made on behalf of five organisations was counted once without the report saying so."""
    text = counted_once([("kjl", 8)], [("Westvale Voluntary Action", 5)])
    assert text == ("A form-letter campaign of 8 letters is counted as one respondent. Westvale Voluntary "
                    "Action responded on behalf of 5 organisations; the joint response is counted as one "
                    "respondent.")
    many = counted_once([], [(f"Org {i}", 2) for i in range(5)])
    assert many == ("5 responses were made jointly on behalf of several organisations; each is counted as "
                    "one respondent.")


def test_divided_views_name_only_the_views_held_and_letters_agree_in_number() -> None:
    assert stance_view({"support": 1, "oppose": 1, "mixed": 0}) == (
        "Views were divided among the 2 who took a position: 1 supported the proposals and 1 opposed them")
    assert stance_view({"support": 0, "oppose": 2, "mixed": 2}) == (
        "Views were divided among the 4 who took a position: 2 opposed the proposals and 2 had mixed views")
    assert stance_view({"support": 2, "oppose": 2, "mixed": 1}).endswith(
        "2 supported the proposals, 2 opposed them and 1 had mixed views")
    assert stance_view({"support": 0, "oppose": 0, "mixed": 3}) == "All 3 who took a position had mixed views"
    assert stance_view({"mixed": 1}) == "The one respondent who took a position had mixed views"
    assert letters_note(row(campaign_letters=1)) == " (1 letter)"
    assert letters_note(row(campaign_letters=8)) == " (8 letters)" and letters_note(row()) == ""


def test_a_topics_positions_are_said_as_who_took_which() -> None:
    local, regional = "Local commissioning", "Regional commissioning"
    split = PositionSplit((local, regional), {(local,): 17, (regional,): 10, (local, regional): 5, (): 2})
    assert position_view(split) == ("Of the 34 who raised it, 17 favoured local commissioning alone, 10 "
                                     "regional commissioning alone, 5 both and 2 neither")
    three = PositionSplit(("Prisons", "Probation", "Courts"), {("Prisons", "Probation"): 2, (): 1})
    assert position_view(three) == (
        "Of the 3 who raised it, 2 favoured both prisons and probation and 1 none of them")
    assert position_view(PositionSplit((local, regional), {(): 32})) == (
        "None of the 32 who raised it favoured either")
    assert position_view(PositionSplit((local, regional), {(local,): 1})) == (
        "The one respondent who raised it favoured local commissioning")
    assert position_view(PositionSplit((local, regional), {(local, regional): 5})) == (
        "All 5 who raised it favoured both")
    text = theme_summary(row(n=34, stance={"support": 2, "oppose": 0, "mixed": 0, "neutral": 32}),
                         {"charity": 40}, split=split)
    assert "5 both and 2 neither." in text and "position" not in text  # the split, not the stance


def test_a_theme_about_no_proposal_is_summarised_by_its_points_not_a_stance() -> None:
    """Only themes about the proposals carry "supported/opposed the proposals" (`stanced`); the others say
    which points were made within them, most raised first (in any order the codebook lists them)."""
    lots = row("contracts.lots", "Smaller lots", 20)
    primes = row("contracts.primes", "Prime contractors", 12)
    barriers = row("contracts.barriers", "Bid costs", 13)
    contracts = row("contracts", "Contract size", 31, stance={"support": 6, "oppose": 5, "mixed": 2})
    role = row("role", "Role of the sector", 43, stance={"support": 21, "oppose": 15})
    bases = {"charity": 51}
    text = theme_summary(contracts, bases, {}, [lots, primes, barriers], stanced=False)
    assert "proposals" not in text and "position" not in text
    assert text.endswith("Within this theme: smaller lots (20), bid costs (13) and prime contractors (12).")
    found = headlines([role, contracts], {"role", "contracts"}, bases, stanced={"role"},
                      children={"contracts": [lots, primes, barriers]})
    assert found[0].endswith("Most (21) of the 36 who took a position supported the proposals; 15 opposed "
                             "them. The other 7 did not take a clear position.")
    assert found[1] == ("Contract size: raised by 31 of 51 respondents (61%). Most often: smaller lots (20), "
                        "bid costs (13) and prime contractors (12).")
    q3 = question_summary([contracts, lots, barriers], 24, {"contracts"},
                          children={"contracts": [lots, barriers]})
    assert q3.endswith("The theme raised most often was contract size (31). Within contract size, the points "
                       "made most often were smaller lots (20) and bid costs (13).")


def test_files_that_could_not_be_read_are_grouped_by_who_acts() -> None:
    from respmine.report.summaries import quarantine_sentence

    said = quarantine_sentence({"encrypted": 1, "truncated": 2, "not_a_response": 1, "unsupported": 1})
    assert said == ("Of the files received, 5 could not be read: 3 may be responses not yet counted, whose "
                    "senders should be asked to send them again (incomplete, password-protected); 1 is not a "
                    "response; 1 needs "
                    "the analysis team (an archive or format to unpack or convert). The quarantine log says "
                    "what to do with each.")
    assert quarantine_sentence({"encrypted": 1}) == (  # ("... to ask its sender for again" was garbled)
        "One file received could not be read: it may be a response not yet counted, whose sender should be "
        "asked to send it again (password-protected). The quarantine log says what to do.")
    assert quarantine_sentence({}) == "Every file received could be read."
    assert quarantine_sentence({"ocr_disabled": 2, "unreadable": 1}).startswith(  # ours to fix, not senders'
        "Of the files received, 3 could not be read: 3 need the analysis team (")


def test_key_findings_say_which_respondent_types_stood_on_each_side() -> None:
    """A minister must be able to say who backs the proposals and who does not, not only "most"."""
    role = row("role", "Role of the sector", 43, stance={"support": 21, "oppose": 15, "neutral": 7})
    by_type = {
        "charity": row("role", "Role of the sector", 14, stance={"support": 12, "oppose": 1, "neutral": 1}),
        "public_body": row("role", "Role of the sector", 4, stance={"oppose": 3, "neutral": 1}),
        "probation": row("role", "Role of the sector", 2, stance={"oppose": 2}),
        "private_company": row("role", "Role of the sector", 4, stance={"neutral": 4}),
        "individual": row("role", "Role of the sector", 11, stance={"support": 6, "oppose": 4, "neutral": 1}),
        "representative_body": row("role", "Role of the sector", 5, stance={"support": 3, "oppose": 2}),
        "academic": row("role", "Role of the sector", 1, stance={"oppose": 1}),
    }
    bases = {"charity": 15, "public_body": 4, "probation": 2, "private_company": 4, "individual": 16,
             "representative_body": 5, "academic": 5}
    found = headlines([role], {"role"}, bases, stanced={"role"}, by_type={"role": by_type})
    assert found[0] == (
        "Role of the sector: raised by 43 of 51 respondents (84%). Most (21) of the 36 who took a position "
        "supported the proposals; 15 opposed them. The other 7 did not take a clear position. Support came "
        "from 12 charities and community groups, 6 individuals and 3 representative bodies; opposition from "
        "4 individuals, 3 public bodies, both probation bodies, 2 representative bodies and 2 other "
        "respondents; no clear position from all 4 private companies, 1 public body, 1 individual and 1 "
        "charity or community group.")  # "both", "all": every one of that type (its base), not of those here
    assert headlines([role], {"role"}, {"charity": 51}, stanced={"role"})[0].endswith(
        "The other 7 did not take a clear position.")  # no rows by type: counts only


def test_files_to_ask_for_again_name_the_organisations_their_names_give() -> None:
    """Whose views are missing is said: an organisation's unreadable file is named (late ones marked); a
    person's, or a file name naming no body, is not."""
    from datetime import datetime

    from respmine.report.summaries import quarantine_sentence, unread_senders
    from respmine.store.views import SubmissionView

    def sub(source: str, code: str, late: bool = False) -> SubmissionView:
        return SubmissionView(source, None, "file", source, "quarantined", code, None, [],
                              datetime(2026, 4, 1), late)

    subs = [sub("Meadowbank_Community_Trust_response.pdf", "truncated"),
            sub("Confidential - Lakeside Trust response.pdf", "encrypted", late=True),
            sub("Jane_Smith_response.pdf", "empty"), sub("Response_final.docx", "empty"),
            sub("Hope Trust - leaflet.gif", "not_a_response")]  # not a response: nothing to ask for
    senders = unread_senders(subs, ["Hope Trust"])
    assert senders == ["Lakeside Trust (late)", "Meadowbank Community Trust"]
    assert unread_senders(subs, ["The Meadowbank Community Trust"]) == ["Lakeside Trust (late)"]  # resent
    said = quarantine_sentence({"truncated": 1, "encrypted": 1, "empty": 2, "not_a_response": 1}, senders)
    assert ("4 may be responses not yet counted, whose senders should be asked to send them again (empty, "
            "password-protected, incomplete; among them files from Lakeside Trust (late) and Meadowbank "
            "Community Trust); 1 is not a response.") in said, said


def test_late_sentence_says_how_late_letters_and_late_respondents_differ() -> None:
    from respmine.report.summaries import late_sentence

    assert late_sentence(3, 3) == "Late responses are included and marked in every table."
    assert late_sentence(8, 9) == (
        "Late responses are included and marked in every table. 9 letters arrived after the closing date; a "
        "respondent counts as late only when all of its letters did (8 respondents).")
    assert late_sentence(5, 5, 4) == (  # a new user's letters, copied into the inbox after closing
        "Late responses are included and marked in every table. Of the 5 late letters, 4 are dated only by "
        "when the file was saved, as no arrival date was recorded.")
    assert late_sentence(5, 5, 5).endswith(
        " All 5 late letters are dated only by when the file was saved, as no arrival date was recorded.")
    assert " The late letter is dated only by" in late_sentence(1, 1, 1)


def test_responses_not_in_english_are_said() -> None:
    assert language_sentence({}) == ""
    assert language_sentence({"cy": 1}) == (
        "1 response was written in Welsh, not English, and needs translation: its answers are read and coded "
        "from English words, so what it says may be missing from the question and theme counts.")
    assert language_sentence({"cy": 3, "fr": 1}).startswith(
        "4 responses were not written in English (3 in Welsh and 1 in French) and need translation: their")


def test_a_question_section_says_which_responses_in_another_language_it_does_not_count() -> None:
    """(Trial 31a.) A Polish e-mail answered no question as read (its paragraphs general comments): the
    report said so only once, above the key findings; each question's counts now say it is not counted."""
    assert untranslated_sentence({}) == ""
    assert untranslated_sentence({"pl": 1}) == (
        "Not counted here: 1 response in Polish, which answered no question as read and needs translation.")
    assert untranslated_sentence({"cy": 2, "pl": 1}) == (
        "Not counted here: 3 responses in other languages (2 in Welsh and 1 in Polish), which answered no "
        "question as read and need translation.")


def test_labels_keep_their_acronyms_mid_sentence() -> None:
    """"SEND, medical and caring exemptions" was written "send, medical and caring exemptions"."""
    from respmine.report.summaries import counted_labels

    rows = [row("send", "SEND, medical and caring exemptions", 5), row("nhs", "NHS funding", 4),
            row("cost", "Cost of pouches", 3), row("gov", "Role of the Department", 2)]
    assert counted_labels(rows) == ("SEND, medical and caring exemptions (5), NHS funding (4), cost of "
                                    "pouches (3) and Role of the Department (2)")


def test_sub_questions_are_titled_and_ordered_as_questions() -> None:
    """(A new user's trial.) Questions 4a and 4b were titled "Other answers (Q4a)" and ordered after
    question 7: a sub-question is "Question 4a", after 4 and before 5."""
    from respmine.records import question_order
    from respmine.report.outputs import _question_title

    assert _question_title("Q4a", "4a", "Do you agree?") == ("Question 4a", "Do you agree?")
    assert _question_title("Q4b", None, "Any others?")[0] == "Question 4b"
    assert _question_title("Q3", 3, "Fee?")[0] == "Question 3"
    ids = ["Q7", "Q4b", "Q10", "Q4a", "Q4", "Q5", "general", "Q1"]
    assert sorted(ids, key=question_order) == ["Q1", "Q4", "Q4a", "Q4b", "Q5", "Q7", "Q10", "general"]


def test_responses_in_another_language_filed_under_no_question_are_found() -> None:
    """Only a respondent whose passages are in another language and none under a question is uncounted
    (a Welsh response answering under headings is counted where it answered)."""
    from types import SimpleNamespace

    from respmine.report.outputs import _untranslated

    polish = ("Popieram wprowadzenie licencji dla wynajmujacych. Mieszkam z dwojgiem dzieci w mieszkaniu, w "
              "ktorym od roku jest wilgoc i plesn, a wlasciciel nie odpowiada na moje wiadomosci.")
    english = "I agree with licensing: my landlord has not repaired the broken window in my child's room."
    segs = {"a": SimpleNamespace(submission="p", question="general", text=polish),
            "b": SimpleNamespace(submission="e", question="general", text=english),
            "c": SimpleNamespace(submission="q", question="Q1", text=polish)}
    data = SimpleNamespace(segments=segs, unit_of={"p": "P", "e": "E", "q": "Q"})
    assert _untranslated(data) == {"pl": 1}  # type: ignore[arg-type]
