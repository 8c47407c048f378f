"""The README's example consultation and codebook load as written: a new user copies them first."""

from __future__ import annotations

import re
from pathlib import Path

from respmine.consultation import load_consultation
from respmine.structure.choices import question_options
from respmine.themes.chosen import option_views
from respmine.themes.codebook import load_codebook
from respmine.themes.stance import asks_agreement, stance_scope

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_new_consultation_examples_load(tmp_path: Path) -> None:
    section = README.read_text(encoding="utf-8").split("### A new consultation", 1)[1].split("\n### ", 1)[0]
    blocks = {re.match(r"# (\S+)", b).group(1): b  # type: ignore[union-attr]
              for b in re.findall(r"```yaml\n(.*?)```", section, re.S)}
    assert set(blocks) == {"consultation.yaml", "codebook.yaml"}
    for name, text in blocks.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "received.csv").write_text("file,received\n", encoding="utf-8")
    consultation = load_consultation(tmp_path / "consultation.yaml")
    assert [q.id for q in consultation.questions] == ["Q1", "Q2", "Q3"] and consultation.form_columns
    assert question_options(consultation.questions[2].text, consultation.questions[2].options) == {
        "A": "one national fund", "B": "regional funds", "C": "no change"} == question_options(
        consultation.questions[2].text)
    assert asks_agreement(consultation.questions[0].text) and consultation.received_entries() == {}
    types = consultation.respondent_type_list()
    assert types.ids == ("bus_operator", "local_authority", "charity", "trade_union", "individual", "unknown")
    assert types.name("bus_operator") == "bus operators"
    assert types.own_type("Westmoor Coaches") == "bus_operator"
    codebook = load_codebook(tmp_path / "codebook.yaml")
    assert codebook.stamp == "rural-buses@0.1" and codebook.ancestors("funding.formula") == ["funding"]
    assert stance_scope(codebook) == {"funding", "funding.formula"}
    offered = {q.id: question_options(q.text, q.options) for q in consultation.questions}
    assert option_views(codebook, offered)["Q3"].views == {"B": ("funding.regional", "funding")}
