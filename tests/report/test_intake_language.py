"""The intake outputs say which responses are not in English: a `language` column in submissions.csv and
a line in the intake summary, since English rules redact and code them."""

from __future__ import annotations

import csv
from pathlib import Path

from respmine.records import Document
from respmine.report.intake import summary_markdown, write_intake
from respmine.store import Store
from respmine.store.repository import Arrival

GERMAN = ("Die Kommission schlägt vor, dass jedes KI-System im Binnenmarkt denselben Vorgaben entsprechen "
          "muss. Wir sehen die Definition kritisch, da sie auch einfache Software erfasst.")
ENGLISH = ("We welcome the proposal, but the definition of an AI system is too broad and should be narrowed "
           "so that it covers only the systems that are a risk to people.")


def _summary(languages: dict[str, int] | None) -> dict[str, object]:
    structure: dict[str, object] = {"respondents": 4, "segments": 9, "redacted": 1, "campaigns": []}
    if languages is not None:
        structure["languages"] = languages
    return {"files": 4, "new": 4, "already_done": 0, "duplicates": 0, "submissions": 4, "late": 0,
            "by_status": {"ok": 4}, "by_format": {"pdf": 4}, "structure": structure}


def test_intake_summary_lists_responses_not_in_english() -> None:
    text = summary_markdown(_summary({"en": 37, "de": 1, "fr": 1, "unknown": 2}))
    assert ("2 responses are not in English (de, fr): they were redacted and coded as English text "
            "(capitalised nouns may be redacted as names, and themes missed); consider translating them"
            ) in text
    one = summary_markdown(_summary({"en": 3, "de": 1}))
    assert "1 response is not in English (de): it was redacted and coded as English text" in one
    assert "2 responses are not in English (de: 2)" in summary_markdown(_summary({"de": 2}))
    for languages in ({"en": 3, "unknown": 1}, None):  # all English, or a summary from before languages
        assert "not in English" not in summary_markdown(_summary(languages))


def test_intake_submissions_csv_has_a_language_column(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    for name, text in (("wko.pdf", GERMAN), ("acme.pdf", ENGLISH), ("note.pdf", "See attached.")):
        doc = Document(source=name, sha256=name.ljust(64, "0"), format="pdf", method="text", text=text)
        store.save(doc, Arrival(None, None, None), kind="file", path=name)
    paths = write_intake(store, tmp_path / "out")
    rows = list(csv.DictReader(paths["submissions"].open(encoding="utf-8")))
    assert {r["source_file"]: r["language"] for r in rows} == {
        "wko.pdf": "de", "acme.pdf": "en", "note.pdf": "unknown"}
