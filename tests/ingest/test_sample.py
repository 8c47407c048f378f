"""The bundled sample consultation end to end through ingestion, checked against its ground truth
(`data/sample/expected.yaml`, written by the generator), plus golden extraction text per file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from respmine.consultation import load_consultation
from respmine.ingest import extract
from respmine.ingest.inbox import ingest_inbox
from respmine.records import Document, Quarantined
from respmine.store import Store

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "extract"


@pytest.fixture(scope="module")
def expected(sample: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((sample / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ingested(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('sample') / 'store.sqlite'}")
    consultation = load_consultation(sample / "consultation.yaml")
    ingest_inbox(consultation.inbox_path(), store, consultation, workers=2)
    return store


def test_sample_every_file_ends_with_expected_status(ingested: Store, expected: dict) -> None:  # type: ignore[type-arg]
    files = {r.source: r for r in ingested.submissions() if r.kind == "file"}
    sources = ingested.sources()
    seen = {name for names in sources.values() for name in names}
    assert seen == set(expected["files"])
    for name, truth in expected["files"].items():
        if "duplicate_of" in truth:
            assert name in sources[files[truth["duplicate_of"]].sha256]
            continue
        row = files[name]
        assert row.status == truth["status"], name
        if truth["status"] == "quarantined":
            assert row.code == truth["quarantine_code"], name
            assert row.reason


def test_sample_late_flags_match_ground_truth(ingested: Store, expected: dict) -> None:  # type: ignore[type-arg]
    rows = ingested.submissions()
    files = {r.source: r for r in rows if r.kind == "file"}
    by_response_id = {r.meta.get("Response ID"): r for r in rows if r.kind == "form-row"}
    for name, truth in expected["files"].items():
        if truth["status"] != "ok" or "duplicate_of" in truth:
            continue
        if "rows" in truth:
            for row in truth["rows"]:
                assert by_response_id[row["response_id"]].late is row["late"], row["response_id"]
        else:
            assert files[name].late is truth["late"], name
    assert sum(1 for r in rows if r.kind == "form-row") == expected["summary"]["form_rows"]


def _golden_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name) + ".txt"


def _render(result: Document | Quarantined) -> str:
    """A readable dump of what extraction produced: status, method per page, text, children."""
    if isinstance(result, Quarantined):
        return f"== {result.source}\nQUARANTINED {result.code}: {result.reason}\n"
    head = f"== {result.source}\nformat={result.format} method={result.method} pages={len(result.pages)}\n"
    answers = "".join(f"-- answer {a.question} ({a.source}): {a.text}\n" for a in result.answers)
    comments = "".join(f"-- comment: {c}\n" for c in result.comments)
    return head + result.text + "\n" + answers + comments + "".join(_render(c) for c in result.children)


def test_sample_extraction_matches_golden_files(sample: Path) -> None:
    """Golden text per sample file; regenerate with RESPMINE_UPDATE_GOLDEN=1 after a deliberate change."""
    update = os.environ.get("RESPMINE_UPDATE_GOLDEN") == "1"
    GOLDEN.mkdir(parents=True, exist_ok=True)
    consultation = load_consultation(sample / "consultation.yaml")
    mismatched = []
    for path in sorted(consultation.inbox_path().iterdir()):
        got = _render(extract(path, name=path.name, form_columns=consultation.form_columns))
        golden = GOLDEN / _golden_name(path.name)
        if update:
            golden.write_text(got, encoding="utf-8")
        elif not golden.exists() or golden.read_text(encoding="utf-8") != got:
            mismatched.append(path.name)
    assert not mismatched, f"extraction differs from tests/golden/extract for {mismatched}"
