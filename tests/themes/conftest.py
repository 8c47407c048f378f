"""The sample consultation ingested and structured once per session; theme tests code copies of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from respmine import pipeline
from respmine.config import Settings
from respmine.consultation import Consultation, load_consultation


@pytest.fixture(scope="session")
def structured_sample(
    sample: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Consultation, Settings]:
    consultation = load_consultation(sample / "consultation.yaml")
    settings = Settings.load(tmp_path_factory.mktemp("structured-sample"), workers=1)
    pipeline.ingest_stage(consultation.inbox_path(), consultation, settings)
    pipeline.structure_stage(consultation, settings)
    return consultation, settings
