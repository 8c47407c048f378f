"""Redaction of a text not in English: the same rules as English (over-redacting, never leaking), with
German and French closings and name fields; no foreign word blinds the English rules."""

from __future__ import annotations

from respmine.structure.redact import find_personal_data, redact

GERMAN_LETTER = """Stellungnahme zum Rechtsrahmen für Künstliche Intelligenz

Der Bundesverband begrüßt grundsätzlich den Plan der Europäischen Kommission, einen Rechtsrahmen für KI zu
schaffen. Die Definition von KI-Systemen ist jedoch zu weit gefasst. Das Risiko muss bei der Einstufung im
Vordergrund stehen, und Daten sollten für die Entwicklung von KI-Anwendungen zur Verfügung stehen. Die
Kommission sollte die Anforderungen an Hochrisiko-Systeme mit den Normungsorganisationen abstimmen.
Für Rückfragen steht Ihnen Dr. Jens Becker gerne zur Verfügung.

Mit freundlichen Grüßen

Anna Schneider
Referentin Digitalpolitik
Bundesverband Musterwirtschaft e.V.
Musterstraße 5
10115 Berlin
Telefon: +49 30 1234567
E-Mail: anna.schneider@bv-muster.de
"""


def test_redact_german_letter_loses_its_signatory_and_contacts() -> None:
    """A German letter goes through the English rules and model like any other (over-redacting
    capitalised nouns rather than leaking names): its e-mail, phone, the name after "Mit freundlichen
    Grüßen" and "Dr. Jens Becker" in running text all go."""
    redacted = redact(GERMAN_LETTER, find_personal_data(GERMAN_LETTER))
    for identifier in ("anna.schneider@bv-muster.de", "+49 30 1234567", "Anna", "Schneider", "Jens",
                       "Becker"):
        assert identifier not in redacted, (identifier, redacted)


def test_redact_foreign_closings_and_name_fields_are_read() -> None:
    """"Cordialement," is a closing like "Yours sincerely,"; "Nom :" and "Vorname:" are name fields."""
    text = ("Nous estimons que les sanctions prévues sont trop élevées.\n\nCordialement,\n\nMarie Dupont\n"
            "Directrice juridique\n")
    redacted = redact(text, find_personal_data(text))
    assert "Marie" not in redacted and "Dupont" not in redacted, redacted
    form = "Nom : Lefebvre\nVorname: Annegret\nAnschrift: Hauptweg 3, Kleinstadt\n"
    redacted = redact(form, find_personal_data(form))
    assert not any(w in redacted for w in ("Lefebvre", "Annegret", "Hauptweg")), redacted


def test_redact_english_names_are_not_read_as_foreign_titles_or_roles() -> None:
    """Continental titles and role words are not name stops in English: "Brian Leiter" is a name."""
    for text in ("Yours sincerely,\n\nBrian Leiter\n", "I spoke to Brian Leiter at the council about it."):
        redacted = redact(text, find_personal_data(text))
        assert "Leiter" not in redacted, redacted
    text = "We visited Madame Tussauds and the ING Direct offices in Washington DC. Many residents agreed."
    assert "Many" in redact(text, find_personal_data(text))


def test_redact_an_abbreviated_titles_full_stop_does_not_end_the_name() -> None:
    """"Dr. Marsh" is a name as "Dr Marsh" is; "Washington DC. Many residents" is not."""
    for text, name in (("We spoke to Dr. Marsh yesterday.", "Marsh"), ("Prof. Okafor said so.", "Okafor"),
                       ("Mr. Jones wrote to us.", "Jones"), ("Please ask Dr. Helen Marsh.", "Helen")):
        assert name not in redact(text, find_personal_data(text)), text
    text = "Many offices in Washington DC. Many residents agreed, and the local PC. Nobody came."
    redacted = redact(text, find_personal_data(text))
    assert "Many residents" in redacted and "Nobody came" in redacted, redacted


def test_redact_a_nations_name_and_a_welsh_word_are_no_names() -> None:
    """A bilingual charity's response lost "Wales" ("the coast of [NAME]") and Welsh "Mae" ("is") to
    redaction: spaCy read "Clean Shores Wales" as a person's name, and "Mae Glannau Glân Cymru" less the
    charity's own name left "Mae"."""
    text = ("Glannau Glân Cymru / Clean Shores Wales\n\nMae Glannau Glân Cymru yn elusen amgylcheddol. "
            "Clean Shores Wales is an environmental charity working on the coast of Wales.\n\nJane Morgan\n"
            "Director")
    found = {text[p.span.start:p.span.end] for p in find_personal_data(
        text, keep=["Clean Shores Wales", "Glannau Glân Cymru"])}
    assert "Wales" not in found and "Mae" not in found and "Jane Morgan" in found
