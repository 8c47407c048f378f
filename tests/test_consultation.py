"""The consultation file: what a first-time user gets wrong in it is refused with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine.consultation import ConsultationError, load_consultation


def test_consultation_an_option_label_split_by_its_comma_says_to_quote_it(tmp_path: Path) -> None:
    """(A new user's trial.) `{C: regional partnerships between probation, local councils and ...}`: YAML
    reads the comma as the end of the label and the rest as a key with no label, and the error was "Input
    should be a valid string"."""
    path = tmp_path / "consultation.yaml"
    path.write_text("title: T\nquestions:\n  - id: Q2\n    text: Which option?\n    options: {A: one national"
                    " fund, C: regional partnerships between probation, local councils and charities}\n",
                    encoding="utf-8")
    with pytest.raises(ConsultationError, match="option 'local councils and charities' has no label: in a "
                       r"\{\.\.\.\} mapping a label with a comma needs quotes"):
        load_consultation(path)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "C: regional partnerships between probation, local councils and charities",
        'C: "regional partnerships between probation, local councils and charities"'), encoding="utf-8")
    options = load_consultation(path).questions[0].options
    assert options == {"A": "one national fund",
                       "C": "regional partnerships between probation, local councils and charities"}
