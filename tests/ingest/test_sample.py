"""The bundled sample consultation end to end through ingestion, checked against its ground truth
(`data/sample/expected.yaml`, written by the generator), plus golden extraction text per file."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from respmine.consultation import load_consultation
from respmine.ingest import extract
from respmine.ingest.inbox import IngestSummary, ingest_inbox
from respmine.records import Document, Quarantined
from respmine.report.intake import submission_rows, summary_markdown
from respmine.store import Store

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "extract"
EXTRA = GOLDEN.parent / "samples"  # files of the formats the sample inbox has none of (image, html, msg)


@pytest.fixture(scope="module")
def expected(sample: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((sample / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def intake(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, IngestSummary]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('sample') / 'store.sqlite'}")
    consultation = load_consultation(sample / "consultation.yaml")
    return store, ingest_inbox(consultation.inbox_path(), store, consultation, workers=2)


@pytest.fixture(scope="module")
def ingested(intake: tuple[Store, IngestSummary]) -> Store:
    return intake[0]


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


def test_sample_intake_counts_responses_as_the_report_does(
    intake: tuple[Store, IngestSummary], expected: dict  # type: ignore[type-arg]
) -> None:
    """The intake summary said "68 submissions ... 12 late" beside a report of 58 responses: it counted
    the two form exports (and flagged them late: the export file was logged late, though 13 of its 16 rows
    arrived on time) and an e-mail's attachment apart from the e-mail."""
    store, summary = intake
    truth = expected["summary"]
    assert summary.responses == {"file": truth["submissions_in_files"], "form-row": truth["form_rows"]}
    assert summary.responses_quarantined == len(truth["quarantined"])
    assert summary.late == len(truth["late_files"]) + len(truth["late_rows"])
    rows = store.submissions()
    exports = [r for r in rows if r.sha256 in {c.parent_sha256 for c in rows if c.kind == "form-row"}]
    assert summary.form_exports == len(exports) == 2 and all(r.late is None for r in exports)
    assert summary.attachments == sum(r.kind == "attachment" for r in rows) > 0
    assert summary.archives == 1  # (its response counted with the files)
    text = summary_markdown(summary.as_dict())
    assert f"{truth['submissions']} responses read from new files" in text
    assert f"{len(truth['quarantined'])} files quarantined (listed below)" in text
    assert "9 responses (read or quarantined) were received after the closing date" in text
    added = {a["file"]: a["late"] for a in summary.added}  # what `respmine late` reports
    assert added["online_form_export.csv"] == added["form_responses_batch2.xlsx"] == ""
    responses = {a["file"]: a["responses"] for a in summary.added}  # (`pipeline.senders`: "N responses")
    by_file = {a["file"]: set(a["submissions"]) for a in summary.added}
    export = by_file["online_form_export.csv"]
    rows_of = {r.sha256 for r in rows if r.kind == "form-row" and r.parent_sha256 in export}
    assert responses["online_form_export.csv"] == len(rows_of) > 1 and rows_of <= export
    assert responses["responses_batch.zip"] == 1  # (one response in it)
    assert responses["FW_ Response to NOMS consultation.eml"] == 1  # (its attachments are part of it)


def test_sample_times_are_shown_in_the_consultations_zone(ingested: Store, sample: Path) -> None:
    """An e-mail sent 23:40 UTC on the closing day arrived at 00:40 in London: late, and shown so (the
    store kept times as they came, without offsets, so outputs mixed UTC and London times)."""
    consultation = load_consultation(sample / "consultation.yaml")
    rows = {r["source_file"]: r for r in submission_rows(ingested, consultation.tz)}
    forwarded = rows["FW_ Response to NOMS consultation.eml"]
    assert forwarded["received_at"] == "2026-04-26T00:40:12+01:00" and forwarded["late"] == "yes"
    logged = rows["Al-Noor Chaplaincy Volunteers.docx"]  # the intake log's 15:00 +01:00
    assert logged["received_at"] == "2026-04-19T15:00:00+01:00"
    assert submission_rows(ingested)[0]["received_at"].endswith("+00:00")  # no zone given: UTC, said so


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
    """Golden text per sample file, and per extra file of tests/golden/samples (written by its make.py);
    regenerate with RESPMINE_UPDATE_GOLDEN=1 after a deliberate change.
    What each format's reader read is also digested into versions.yaml under the reader's version: a
    regeneration that changes a format's output under the same version fails until its number is bumped
    (`ingest.dispatch.READER_VERSIONS`), so the change reaches stores that format's files are in."""
    update = os.environ.get("RESPMINE_UPDATE_GOLDEN") == "1"
    GOLDEN.mkdir(parents=True, exist_ok=True)
    consultation = load_consultation(sample / "consultation.yaml")
    mismatched = []
    read: dict[str, list[str]] = {}
    extra = sorted(p for p in EXTRA.iterdir() if p.suffix != ".py")
    for path in sorted(consultation.inbox_path().iterdir()) + extra:
        result = extract(path, name=path.name, form_columns=consultation.form_columns)
        got = _render(result)
        for node in result.walk() if isinstance(result, Document) else []:
            read.setdefault(node.format, []).append(_render(replace(node, children=()))
                                                    if isinstance(node, Document) else "")
        golden = GOLDEN / _golden_name(path.name)
        if update:
            golden.write_text(got, encoding="utf-8")
        elif not golden.exists() or golden.read_text(encoding="utf-8") != got:
            mismatched.append(path.name)
    assert not mismatched, f"extraction differs from tests/golden/extract for {mismatched}"
    _check_reader_versions(read, update)
    from respmine.ingest.dispatch import READERS

    assert set(read) >= set(READERS), "a reader without a golden sample: add one to tests/golden/samples"


def _check_reader_versions(read: dict[str, list[str]], update: bool) -> None:
    from respmine.ingest.dispatch import reader_version

    recorded_path = GOLDEN / "versions.yaml"
    recorded = yaml.safe_load(recorded_path.read_text(encoding="utf-8")) if recorded_path.exists() else {}
    now = {fmt: {"version": reader_version(fmt),
                 "digest": hashlib.sha256("".join(sorted(texts)).encode()).hexdigest()[:16]}
           for fmt, texts in sorted(read.items())}
    before = {fmt: (it["version"], it["digest"]) for fmt, it in recorded.items()}
    unbumped = [fmt for fmt, it in now.items()
                if before.get(fmt, ("", ""))[0] == it["version"] and before[fmt][1] != it["digest"]]
    assert not unbumped, (f"what the {', '.join(unbumped)} reader(s) read changed under the same version: "
                          "bump READER_VERSIONS in ingest/dispatch.py (stored files are read again)")
    if update:
        recorded_path.write_text(yaml.safe_dump(now, sort_keys=True), encoding="utf-8")
    else:
        assert recorded == now, "golden/extract/versions.yaml is behind: run with RESPMINE_UPDATE_GOLDEN=1"
