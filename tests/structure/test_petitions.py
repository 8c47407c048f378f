"""Petitions: how many signed, from the number they state or the names they list."""

from __future__ import annotations

import re

from respmine.structure.petitions import signatures
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
