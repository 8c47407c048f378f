"""The codebook as data: validation errors an analyst can act on, import from coded answers (hierarchy
included), the YAML round trip, and the `respmine codebook import|check` commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.cli import main
from respmine.themes.codebook import (
    Codebook,
    CodebookError,
    codebook_from_codes,
    codebook_outline,
    dump_codebook,
    load_codebook,
)
from respmine.themes.labelled import read_labelled
from respmine.themes.rules import label_words


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("name: t\nversion: 1\nthemes:\n  - id: a\n    label: A\n    phrase: [x]\n",
     "themes[0] (a).phrase: unknown field 'phrase': did you mean 'phrases'?"),
    ("name: t\nversion: 1\nthemes:\n  - id: a\n    label: A\n  - id: b\n    label: B\n    parent: zz\n",
     "codebook: theme 'b': parent 'zz' is not a theme in this codebook"),
    ("name: t\nversion: 1\nthemes:\n  - id: a\n    label: A\n  - id: a\n    label: B\n",
     "theme id(s) used more than once: a"),
    ("name: t\nversion: 1\nthemes:\n  - id: a\n    label: A\n    parent: b\n  - id: b\n    label: B\n"
     "    parent: a\n", "its parents form a cycle"),
    ("name: t\nversion: 1\nthemes:\n  - id: a\n", "themes[0] (a).label: Field required"),
    ("name: t\nversion: 1\nthemes: []\n", "themes: a codebook needs at least one theme"),
    ("- just\n- a list\n", "codebook"),
])
def test_codebook_errors_name_the_file_theme_and_field(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = _write(tmp_path, yaml_text)
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_codebook_numbers_in_phrase_lists_are_phrases(tmp_path: Path) -> None:
    """(Trial 32a) An unquoted 999 in a theme's phrases is YAML's number: the analyst meant the phrase
    "999" (and 24/7, 1.5 in examples or exclusions likewise), not an error."""
    path = _write(tmp_path, "name: t\nversion: 1\nthemes:\n  - id: a\n    label: A\n"
                  "    phrases: [ambulance, 999, 1.5]\n    examples: [2026]\n    exclusions: [111]\n")
    theme = load_codebook(path).theme("a")
    assert theme.phrases == ("ambulance", "999", "1.5") and theme.examples == ("2026",)
    assert theme.exclusions == ("111",)
    bad = _write(tmp_path, "name: t\nversion: 1\nthemes:\n  - id: a\n    label: A\n    phrases: [[x]]\n")
    with pytest.raises(CodebookError):  # (a list inside the list is still no phrase)
        load_codebook(bad)


def test_codebook_refused_themes_are_not_said_to_be_missing(tmp_path: Path) -> None:
    """Eight themes each with a misspelt field ended "themes: a codebook needs at least one theme"."""
    path = _write(tmp_path, "name: t\nversion: 1\nthemes:\n  - id: a\n    label: A\n    phrase: [x]\n")
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    assert "did you mean 'phrases'" in str(err.value) and "at least one theme" not in str(err.value)



def test_codebook_import_from_coded_answers_keeps_the_hierarchy(datasets: Path, tmp_path: Path) -> None:
    coded = [r for r in read_labelled(datasets / "exam-proctoring" / "Yes_Only_Q8.primary.csv") if r.coded]
    book = codebook_from_codes([r.themes for r in coded], "q8", examples=[r.text for r in coded])
    every_code = {c for r in coded for c in r.themes}
    assert {book.path(i) for i in book.ids} == every_code  # each code, parents included, is a theme
    dean = book.theme("required_to_use/department/dean")
    assert dean.label == "dean"
    assert book.ancestors(dean.id) == ["required_to_use/department", "required_to_use"]
    # the same child name under two parents is two themes
    assert {"already_using_online_proctoring/proctorio", "only_option_available/proctorio"} <= set(book.ids)
    assert all(1 <= len(t.examples) <= 3 for t in book.themes)
    dump_codebook(book, tmp_path / "q8.yaml")
    assert load_codebook(tmp_path / "q8.yaml") == book  # the YAML round trip is exact


def test_codebook_outline_says_what_finds_each_theme() -> None:
    book = Codebook.model_validate({"name": "t", "version": "2", "themes": [
        {"id": "harm", "label": "harmful_to_students"},
        {"id": "harm/anxiety", "label": "increased_anxiety", "parent": "harm",
         "examples": ["It is stressful."]},
        {"id": "none", "label": "none"},
        {"id": "cost", "label": "Cost", "phrases": ["value for money", "cheap"]},
    ]})
    assert codebook_outline(book, label_words).splitlines() == [
        "t@2: 4 themes, 3 at the top level",
        "  harm  'harmful_to_students'  [label words: harmful + student; 0 example(s)]",
        "    harm/anxiety  'increased_anxiety'  [label words: anxiety + increase; 1 example(s)]",
        "  none  [no phrases, no label words; 0 example(s)]",
        "  cost  'Cost'  [2 phrase(s); 0 example(s)]",
    ]


def test_codebook_outline_in_full_lists_what_each_theme_holds() -> None:
    """A new user had to open the YAML to see a theme's examples: `codebook check --full` lists them."""
    long = "It is stressful. " * 20
    book = Codebook.model_validate({"name": "t", "version": "1", "themes": [
        {"id": "cost", "label": "Cost", "description": "Money\n matters.", "phrases": ["cheap", "dear"],
         "examples": ["Too dear.", long], "exclusions": ["cost of living"]},
        {"id": "other", "label": "other"},
    ]})
    assert codebook_outline(book, label_words, full=True).splitlines()[1:] == [
        "  cost  'Cost'  [2 phrase(s); 2 example(s)]",
        "      description: Money matters.",
        "      phrases: cheap; dear",
        "      example: Too dear.",
        "      example: " + " ".join(long.split())[:160].rsplit(" ", 1)[0] + " ...",
        "      not: cost of living",
        "  other  [no phrases, no label words; 0 example(s)]",
    ]


def test_codebook_positions_sharing_the_opposite_positions_phrases_are_warned_of() -> None:
    from respmine.themes.codebook import position_clashes

    book = Codebook.model_validate({"name": "t", "version": "1", "themes": [
        {"id": "ban", "label": "For a ban", "stance": "support", "phrases": ["national ban", "ban it now"]},
        {"id": "no_ban", "label": "Against a ban", "stance": "oppose", "phrases": ["oppose a national ban"],
         "examples": ["A blanket ban would penalise motorists."]},
        {"id": "topic", "label": "Bans", "phrases": ["national ban"]},
    ]})
    [warning] = position_clashes(book)
    assert warning.startswith("ban (implies support): 'national ban' also in no_ban's")
    said = book.themes[0].model_copy(update={"phrases": ("support a ban",)})
    fixed = book.model_copy(update={"themes": (said, *book.themes[1:])})
    assert position_clashes(fixed) == []


def test_cli_codebook_import_and_check(datasets: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    coded = datasets / "exam-proctoring" / "No_Only_N3.primary.csv"
    out = tmp_path / "n3.yaml"
    assert main(["codebook", "import", str(coded), "--out", str(out), "--name", "n3", "--version", "2"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("n3@2: ") and f"from 99 coded answers; written to {out}" in printed
    assert load_codebook(out).stamp == "n3@2"
    assert main(["codebook", "import", str(coded), "--out", str(out)]) == 2  # never overwrites unasked
    assert "exists" in capsys.readouterr().err
    assert main(["codebook", "import", str(coded), "--out", str(out), "--force"]) == 0
    capsys.readouterr()
    assert main(["codebook", "check", str(out)]) == 0
    checked = capsys.readouterr().out
    assert "harmful_to_students  [label words: harmful + student;" in checked
    assert "No theme is marked `stance:`, so the themes are read as topics" in checked  # how stance counts
    assert main(["codebook", "check", str(Path(__file__).resolve().parents[2] / "models" / "codebooks"
                                         / "noms-third-sector.yaml")]) == 0
    assert "Stance on the proposals is shown only under role, role.core, role.complementary (the themes" \
        in capsys.readouterr().out
    (tmp_path / "plain.csv").write_text("id,text,themes\n1,hello,\n", encoding="utf-8")
    assert main(["codebook", "import", str(tmp_path / "plain.csv"), "--out", str(tmp_path / "x.yaml")]) == 2
    assert "no coded rows" in capsys.readouterr().err
    bad = "name: t\nversion: 1\nthemes:\n  - id: a\n    lable: A\n"
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    assert main(["codebook", "check", str(tmp_path / "bad.yaml")]) == 2
    assert "unknown field 'lable': did you mean 'label'?" in capsys.readouterr().err


def test_codebook_none_named_means_no_themes(tmp_path: Path, sample: Path) -> None:
    """A consultation that names no codebook is not coded against the bundled probation one (real Title IX
    comments came out as "Women offenders"): no themes, topics only; a codebook file still needs one."""
    from respmine.consultation import Consultation, load_consultation
    from respmine.pipeline import load_run_codebook

    for consultation in (None, Consultation(title="Title IX rule")):
        codebook = load_run_codebook(consultation)
        assert codebook.themes == () and codebook.stamp == "no-codebook@0"
    named = load_run_codebook(load_consultation(sample / "consultation.yaml"))
    assert named.name == "noms-third-sector" and named.themes
    empty = tmp_path / "empty.yaml"
    empty.write_text("name: x\nversion: 1\nthemes: []\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="at least one theme"):
        load_codebook(empty)
