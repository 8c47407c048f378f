"""The structure stage records each text's language, and redacts a German text's signatory."""

from __future__ import annotations

from respmine.records import Document
from respmine.structure.stage import structure

GERMAN = """Die WKÖ begrüßt grundsätzlich den Plan der Europäischen Kommission, einen Rechtsrahmen für KI zu
schaffen. Die Definition ist jedoch zu weit gefasst, und das Risiko muss bei der Einstufung im Vordergrund
stehen. Daten sollten für die Entwicklung von KI-Anwendungen zur Verfügung stehen.

Mit freundlichen Grüßen

Dr. Florian Berger
Leiter Innovation und Digitalisierung
"""
ENGLISH = """We welcome the proposal, but the definition of an AI system is too broad and should be narrowed
so that it covers only the systems that are a risk to people. Our members would like to see clear rules.

Yours sincerely,

Jane Smith
"""


def test_stage_records_languages_and_redacts_every_language() -> None:
    docs = [(Document(source=f"{n}.pdf", sha256=n * 64, format="pdf", method="text", text=t), None)
            for n, t in (("d", GERMAN), ("e", ENGLISH))]
    result = structure(docs, [])
    assert result.languages == {"d" * 64: "de", "e" * 64: "en"}
    german = " ".join(s.text for s in result.segments if s.submission == "d" * 64)
    assert "Florian" not in german and "Berger" not in german, german
    assert "Jane Smith" not in " ".join(s.text for s in result.segments if s.submission == "e" * 64)
