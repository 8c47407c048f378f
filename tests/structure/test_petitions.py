"""Petitions: how many signed, from the number they state or the names they list."""

from __future__ import annotations

import re

import pytest

from respmine.structure import petitions
from respmine.structure.petitions import is_petition, petition_name, signatures
from respmine.structure.redact import find_personal_data


def _names(text: str) -> list[tuple[int, int]]:
    return [(p.span.start, p.span.end) for p in find_personal_data(text) if p.kind == "person"]


def test_petitions_listed_signatories_are_counted() -> None:
    rows = [("Derek Holloway", "25 Mill Lane"), ("Patricia Wood", "2 Church Street"),
            ("Angela Moore", "7 Larch Drive"), ("Stephen Clarke", "11 The Green")]
    listed = "\n".join(f"{i} {name} {street}, Millbrook AB1 2CD (signed)"
                       for i, (name, street) in enumerate(rows, 1))
    text = ("Petition to keep Millbrook library open\n\nWe, the undersigned residents of Millbrook, object "
            "to the closure of the library.\n\n" + listed)
    assert signatures(text, _names(text)) == 4
    # a name before the statement (its organiser's letter) is no signature
    signed = "Sent by Jane Smith, 3 High Street, Millbrook AB1 2CE\n\n" + text
    assert len(_names(signed)) == 5 and signatures(signed, _names(signed)) == 4


def test_petitions_stated_number_wins() -> None:
    for text, n in (("This petition was signed by 1,243 residents of Ashby.", 1243),
                    ("Petition: Save the Ashby bus\n312 signatures collected online.", 312),
                    ("Please find attached our petition, signed by over 400 parents.", 400),
                    ("We, the undersigned (57 people have signed), ask the council ...", 57)):
        assert signatures(text, []) == n, text


def test_petitions_a_letter_about_a_petition_or_one_name_is_none() -> None:
    """A letter mentioning someone else's petition is no petition; nor is a letter signed by one person
    ("we the undersigned" with a single name below), nor a text whose count cannot be told."""
    assert signatures("I write in support of the petition by residents, signed by 2,000 people.", []) is None
    one = "We, the undersigned, object to the plan.\n\nYours faithfully,\nJane Smith"
    assert signatures(one, _names(one)) is None
    assert signatures("Petition to save the library. Please keep it open.", []) is None
    assert re.search("petition", "Competition law") and signatures("Competition law applies.", []) is None


def test_petitions_a_date_or_some_of_a_body_signed_by_is_no_count() -> None:
    """"Forms signed by 31 March" gave 31 signatures for a petition listing 4; "signed by 3 of our
    trustees" 3 for one listing 5."""
    rows = [("Derek Holloway", "25 Mill Lane"), ("Patricia Wood", "2 Church Street"),
            ("Angela Moore", "7 Larch Drive"), ("Stephen Clarke", "11 The Green")]
    listed = "\n".join(f"{name}, {street}" for name, street in rows)
    for said in ("Please return forms signed by 31 March 2025.", "Forms signed by 31/3 count.",
                 "The library's lease was signed by 3 of our trustees."):
        text = (f"Petition to keep Millbrook library open\n\n{said}\n\nWe, the undersigned residents, object "
                "to the closure of the library.\n\n" + listed)
        assert signatures(text, _names(text)) == 4, said


def test_petitions_a_line_about_petitions_or_a_joint_letter_of_bodies_is_none() -> None:
    """An answer to a consultation on petitions opening a line with the word ("Petition thresholds ...
    10,000 signatures") was a petition of 10,000 signatures; a joint letter "We, the undersigned
    organisations" one of its signatories. A petition's title line still calls it one."""
    assert signatures("Q1: Do you agree?\nPetition thresholds should be lower: 10,000 signatures is too "
                      "many for a town.", []) is None
    joint = ("We, the undersigned organisations, write to respond to the consultation.\n\n"
             "Jane Holloway, Chief Executive, Harwich Trust\nPatricia Wood, Director, Millbrook Council for "
             "Voluntary Service\nAngela Moore, Chair, Larch Residents Association\n")
    assert len(_names(joint)) == 3 and signatures(joint, _names(joint)) is None
    for title in ("PETITION\n", "Petition: Save the bus\n", "E-petition to the council\n",
                  "“Petition against the closure”\n"):
        assert signatures(title + "312 signatures collected.", []) == 312, title


_SIGNED = ["Aisha Begum", "Colin Hart", "Dawn Pickering", "Eddie Morales", "Fatima Noor", "Gordon Bell",
           "Hannah Lowe", "Imran Qureshi", "Janet Crossley", "Kevin Doyle", "Lorna McBride", "Nadia Hussain",
           "Raymond Cole", "Shazia Akhtar", "Tracey Birch", "Vernon Lees", "Winston Clarke", "Olive Pratt"]
_STREETS = ["Ashgrove Road", "Mill Lane", "Tanner Street", "Victoria Terrace", "Ash Walk"]
_STATEMENT = ("PETITION: Licensing now for Ashgrove\n\nWe, the undersigned residents of Ashgrove, call on "
              "the council to introduce licensing without delay. Neglected houses are making our streets "
              "worse.\n\n")


def _table(rows: range) -> str:
    """A signatory table's rows as a PDF's text joins them: "Name Street Signature 1 Aisha Begum 67 ..."."""
    return "Name Street Signature " + " ".join(
        f"{i + 1} {_SIGNED[i]} {i * 7 % 140 + 2} {_STREETS[i % 5]} signed" for i in rows)


def test_petitions_every_name_of_a_signatory_table_is_redacted_and_rows_counted() -> None:
    """Trial 31a: 12 of a petition's 60 signatories were left readable (spaCy misses names in a bare
    numbered run) and it counted 48 signatures, from the names redaction found. In a text that is a
    petition, the list after its statement is its signatories: every name in it goes, and its rows count."""
    from respmine.structure.redact import redact

    text = _STATEMENT + _table(range(10)) + "\n\n" + _table(range(10, 18))
    found = find_personal_data(text)
    out = redact(text, found)
    assert [n for n in _SIGNED if n in out or n.split()[1] in out] == []
    assert "call on the council to introduce licensing" in out
    assert signatures(text, _names(text)) == 18


def test_petitions_names_apart_from_their_addresses_are_redacted() -> None:
    """Whatever the layout: a table read column by column puts the names in a run of their own."""
    from respmine.structure.redact import redact

    names = " ".join(f"{i + 1} {n}" for i, n in enumerate(_SIGNED))
    streets = " ".join(f"{i * 7 % 140 + 2} {_STREETS[i % 5]} signed" for i in range(len(_SIGNED)))
    text = (_STATEMENT + f"Name {names}\n\nStreet Signature {streets}\n\n"
            "Organised by Ashgrove Residents Association")
    out = redact(text, find_personal_data(text))
    assert [n for n in _SIGNED if n.split()[1] in out] == []
    assert out.endswith("Organised by Ashgrove Residents Association")
    assert signatures(text, _names(text)) == len(_SIGNED)


def test_petitions_a_letter_naming_people_is_no_signatory_list() -> None:
    """Only a petition's list is read so: a letter's capitalised words are not names for that."""
    from respmine.structure.redact import redact

    text = ("Dear Council,\n\nWe support the Ashgrove Road scheme.\n\nAshgrove Residents Association\n"
            "Northam City Council Housing Team")
    assert redact(text, find_personal_data(text)).endswith("Northam City Council Housing Team")


def test_petitions_signatory_list_is_no_answer() -> None:
    """The signatory list after the statement is not a segment (it was three `general` segments)."""
    from respmine.consultation import Question
    from respmine.records import Document
    from respmine.structure.question_matcher import QuestionMatcher
    from respmine.structure.questions import segment_document

    text = _STATEMENT + _table(range(10)) + "\n\n" + _table(range(10, 18))
    doc = Document(source="p.pdf", sha256="p" * 64, format="pdf", method="t", text=text)
    q = [Question(id="Q1", number=1, text="Do you agree with the proposal to introduce licensing?")]
    segs = segment_document(doc, QuestionMatcher(q))
    assert segs and all("Aisha" not in s.text and "Lane" not in s.text for s in segs)
    assert any("call on the council" in s.text for s in segs)


def test_petitions_statement_is_the_petitioners_view_on_the_proposal() -> None:
    """Trial 31a: a petition's statement ("call on the council to introduce licensing") was filed under Q1
    (the proposal) and Q2 (which area), by similarity to both. A petition states one view, on what is
    proposed: its statement goes to the proposal question alone when that is among those it matches."""
    from respmine.consultation import Question
    from respmine.records import Document
    from respmine.structure.question_matcher import QuestionMatcher
    from respmine.structure.questions import segment_document

    class Words:  # a stand-in embedder: both questions share the statement's words
        name = "words"
        keys = ("licensing", "council", "introduce")

        def embed(self, texts: list[str]) -> object:
            import numpy as np

            v = np.array([[float(k in t.lower()) for k in self.keys] + [0.1] for t in texts])
            return v / np.linalg.norm(v, axis=1, keepdims=True)

    qs = [Question(id="Q1", number=1, text="Do you agree with the proposal to introduce licensing?",
                   proposal=True),
          Question(id="Q2", number=2, text="Which area should the council's licensing scheme cover?")]
    text = _STATEMENT + _table(range(10))
    doc = Document(source="p.pdf", sha256="p" * 64, format="pdf", method="t", text=text)
    letter = Document(source="l.txt", sha256="l" * 64, format="txt", method="t",
                      text="We call on the council to introduce licensing without delay in every ward.")
    matcher = QuestionMatcher(qs, Words())  # type: ignore[arg-type]
    assert {s.question for s in segment_document(letter, matcher)} == {"Q1", "Q2"}
    assert {s.question for s in segment_document(doc, matcher) if "call on" in s.text} == {"Q1"}


def test_petitions_a_response_mentioning_its_petition_keeps_its_short_lines() -> None:
    """A residents' response that speaks of "our petition" near its start is read as one; its short
    capitalised lines among prose ("Strongly Agree", "Option B Please") are answers, no signatories."""
    from respmine.structure.petitions import signatory_list

    text = ("Ashgrove Residents Association\n\nOur petition last year gathered 400 signatures; this is our "
            "response to the consultation.\n\nQuestion 1\n\nStrongly Agree\n\nWe have waited years for the "
            "council to act on the worst houses in the street.\n\nQuestion 2\n\nOption B Please\n\nThe six "
            "wards are where the problems are.")
    assert signatory_list(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("PETITION: Licensing now for Ashgrove and Eastgate\n\nWe, the undersigned residents of Ashgrove and "
     "Eastgate, call on Northam City Council to act.\n\nName Street\nAisha Begum Ashgrove Road\n",
     "Ashgrove and Eastgate residents' petition"),
    ("We, the undersigned tenants in Denton, ask the council to license landlords.",
     "Denton tenants' petition"),
    ("PETITION: Licensing now for Ashgrove and Eastgate\n\nWe call on the council to act.\n",
     "Petition: Licensing now for Ashgrove and Eastgate"),
    ("Petition to save the Ashby bus\n\nWe, the undersigned, ask the council to keep the 42.\n",
     "Petition to save the Ashby bus"),
    ("We, the undersigned, ask the council to keep the library open.\n", "Petition"),
    ("I support the petition my neighbours started, and I agree with the proposal.", None),
])
def test_petitions_a_petition_is_named_by_who_signed_where_else_its_title(text: str,
                                                                          name: str | None) -> None:
    assert petitions.petition_name(text) == name


@pytest.mark.parametrize("text", [
    "Save Westbury Stroke Unit\n\nWe strongly disagree with the proposal. Our petition of 8,400 signatures "
    "was handed to the ICB in January. We ask the board to keep the unit open.",
    "Ashgrove Residents Association\n\nOur petition last year gathered 400 signatures; this is our response.",
])
def test_petitions_a_letter_reporting_its_petition_handed_in_elsewhere_is_none(text: str) -> None:
    """Trial 32a: a campaign's letter saying "Our petition of 8,400 signatures was handed to the ICB"
    became a petition of 8,400 signatures: the file holds no petition (no statement, no signatories)."""
    assert not is_petition(text) and signatures(text, []) is None and petition_name(text) is None


def test_petitions_our_petition_held_in_the_file_is_one() -> None:
    assert signatures("Please find attached our petition, signed by over 400 parents.", []) == 400
    rows = [("Derek Holloway", "25 Mill Lane"), ("Patricia Wood", "2 Church Street"),
            ("Angela Moore", "7 Larch Drive"), ("Stephen Clarke", "11 The Green")]
    listed = "\n".join(f"{name}, {street}" for name, street in rows)
    text = "Our petition to keep Millbrook library open\n\n" + listed
    assert is_petition(text) and signatures(text, _names(text)) == 4
