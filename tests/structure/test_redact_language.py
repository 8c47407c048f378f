"""Redaction of a text not in English: patterns and layout rules only (no English NER, no spreading of
its names), with German and French closings, titles and labels."""

from __future__ import annotations

import re

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


def test_redact_german_letter_keeps_its_nouns_and_removes_its_signatory() -> None:
    """German capitalises nouns: the English model took "Kommission", "Definition", "Risiko", "Daten" for
    people (65 of 66 names in a real German submission were such words). Only the pattern rules run now:
    the e-mail, phone, the name after "Mit freundlichen Grüßen" and "Dr. Jens Becker" still go."""
    found = find_personal_data(GERMAN_LETTER)
    redacted = redact(GERMAN_LETTER, found)
    for noun in ("Kommission", "Definition", "Risiko", "Daten", "Künstliche Intelligenz", "Entwicklung",
                 "Europäischen Kommission", "Normungsorganisationen"):
        assert re.search(rf"\b{noun}\b", redacted), (noun, redacted)
    for identifier in ("anna.schneider@bv-muster.de", "+49 30 1234567", "Anna", "Schneider", "Jens",
                       "Becker"):
        assert identifier not in redacted, (identifier, redacted)
    assert "[NAME]\nReferentin Digitalpolitik" in redacted  # the name line after the closing
    assert sorted(p.kind for p in found) == ["email", "person", "person", "phone"]


def test_redact_french_letter_keeps_capitalised_phrases() -> None:
    """The English model read "Sociétés Financières" and "Chaque État" in a real French submission as
    people; "Cordialement," is a closing like "Yours sincerely,"."""
    text = ("L'Association française des Sociétés Financières accueille avec intérêt la consultation "
            "publique. Chaque État membre désignerait une autorité de contrôle nationale parmi les autorités "
            "compétentes, et nous estimons que les sanctions prévues sont trop élevées.\n\n"
            "Cordialement,\n\nMarie Dupont\nDirectrice juridique\n")
    redacted = redact(text, find_personal_data(text))
    assert "Sociétés Financières" in redacted and "Chaque État" in redacted, redacted
    assert "Marie" not in redacted and "Dupont" not in redacted, redacted


def test_redact_title_with_full_stop_goes_with_the_name() -> None:
    """"Dr. Jens Becker" is redacted whole, as "Dr Jens Becker" is (the full stop ended the run, so the
    title rule found nothing and a German signatory after "Dr." was missed)."""
    for text in ("Please contact our expert Dr. Helen Marsh for details.",
                 "Für Rückfragen steht Ihnen Dr. Jens Becker gerne zur Verfügung, ebenso Herr Lukas Vogel "
                 "und Mag. Eva Huber aus der Abteilung für Innovation und Digitalisierung unseres Hauses."):
        redacted = redact(text, find_personal_data(text))
        assert "Dr." not in redacted and redacted.count("[NAME]") == 1 + 2 * ("Herr" in text), redacted
