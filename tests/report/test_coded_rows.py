"""`coded_responses.csv` rows: one per (segment, theme), segments without a theme kept."""

from __future__ import annotations

import csv
import re
import zipfile
from collections import Counter
from pathlib import Path

from respmine.report.coded import coded_rows, exported_codes
from respmine.report.outputs import write_reports
from respmine.report.tables import INDIVIDUAL, NOT_IDENTIFIED, CodingData, build_rows, display_name
from respmine.store import Store
from respmine.store.themes import decide
from respmine.store.views import RespondentView
from tests.report.helpers import CODEBOOK, CONSULTATION


def test_one_row_per_segment_and_theme(made: tuple[Store, dict[str, str]]) -> None:
    store, segs = made
    decide(store, CODEBOOK, "analyst", "reject", segment=segs["jane-q1"], theme="funding.length")
    rows = coded_rows(store, CODEBOOK)
    per_segment = Counter(r["source_file"] for r in rows if r["question"] == "Q1")
    assert per_segment["form.csv#row-1"] == 3  # River Project: two themes and the parent they imply
    jane = [r for r in rows if r["segment_id"] == segs["jane-q1"][:16]]
    assert len(jane) == 1 and jane[0]["theme"] == "" and jane[0]["stance"] == "mixed"  # kept, uncoded
    # an individual's file is cited by its id, as in the report: "jane.txt" may name her
    assert jane[0]["source_file"] == f"response {jane[0]['submission_id']}"
    assert "jane.txt" not in {r["source_file"] for r in rows}
    river = {r["theme"]: r for r in rows if r["source_file"] == "form.csv#row-1"}
    assert river["funding.length"]["theme_label"] == "Funding > Contract length"
    assert river["funding.fcr"]["evidence"] == "Full cost recovery is essential."
    assert river["funding.fcr"]["codebook"] == "test-book@1"
    # the segment's stance on the proposals, and the side each code's own evidence takes on its theme
    assert [river[t]["stance"] for t in ("funding.fcr", "funding.length")] == ["support", "support"]
    assert [river[t]["theme_stance"] for t in ("funding.fcr", "funding.length")] == ["support", ""]
    assert {r["respondent"] for r in rows if r["respondent_type"] == "individual"} == {INDIVIDUAL}


def test_a_segment_marked_reviewed_is_reviewed_in_every_export(made: tuple[Store, dict[str, str]],
                                                                 tmp_path: Path) -> None:
    """"Mark as reviewed" reached only the app: coded_responses.csv (and the workbook, the QDPX) said
    reviewed = no for every code of a segment the analyst had marked, yes only for accepted or added codes."""
    store, segs = made
    decide(store, CODEBOOK, "analyst", "reviewed", segment=segs["river-q1"])
    decide(store, CODEBOOK, "analyst", "reject", segment=segs["jane-q1"], theme="funding.length")
    rows = coded_rows(store, CODEBOOK)
    reviewed = {(r["segment_id"], r["theme"]): r["reviewed"] for r in rows}
    assert {v for (seg, _), v in reviewed.items() if seg == segs["river-q1"][:16]} == {"yes"}
    assert reviewed[(segs["jane-q1"][:16], "")] == "yes"  # uncoded now, but the analyst read it
    assert reviewed[(segs["hope-q2"][:16], "contracts")] == "no"
    archive = zipfile.ZipFile(write_reports(store, CODEBOOK, tmp_path, CONSULTATION)["qdpx"])
    notes = re.findall(r"<Description>([^<]*)</Description>", archive.read("project.qde").decode())
    assert sum(n.endswith(", reviewed") for n in notes) == 3  # River's two codes and the parent they imply
    # ... said in the rows, not by marking the codes: a code's own `reviewed` decides its side (a position's
    # implied stance), so marking them had put stances in the export that the theme table did not count
    data = CodingData.load(store, CODEBOOK)
    assert {(c.segment, c.theme, c.reviewed) for c in exported_codes(data)} >= {
        (c.segment, c.theme, c.reviewed) for c in data.codes}


def test_a_sub_theme_an_analyst_adds_brings_its_parent_row(made: tuple[Store, dict[str, str]]) -> None:
    """The theme table counts an analyst's added sub-theme under its parent too; coded_responses.csv had
    only the sub-theme's row (a machine's sub-theme always comes with a `rule(child)` parent row), so a
    recount of the parent from the file fell one short of the table."""
    store, segs = made
    decide(store, CODEBOOK, "analyst", "add", segment=segs["hope-q2"], theme="funding.length",
           value={"start": 0, "end": 9})
    rows = [r for r in coded_rows(store, CODEBOOK) if r["segment_id"] == segs["hope-q2"][:16]]
    by_theme = {r["theme"]: r for r in rows}
    assert sorted(by_theme) == ["contracts", "funding", "funding.length"]
    parent = by_theme["funding"]
    assert parent["code_method"] == "analyst(child)" and parent["theme_label"] == "Funding"
    assert parent["evidence"] == by_theme["funding.length"]["evidence"] == "Contracts"
    assert parent["reviewed"] == "yes"
    table = {(r.question, r.theme): r.respondents for r in build_rows(CodingData.load(store, CODEBOOK))}
    recount = Counter((r["question"], r["theme"]) for r in coded_rows(store, CODEBOOK)
                      if r["source_file"] == "hope.pdf")
    assert recount[("Q2", "funding")] == 1 and table[("Q2", "funding")] == 1


def test_without_a_codebook_rows_are_segments(made: tuple[Store, dict[str, str]]) -> None:
    rows = coded_rows(made[0])
    assert len(rows) == len(made[1]) and all(r["theme"] == "" for r in rows)


def test_reports_write_the_same_rows(made: tuple[Store, dict[str, str]], tmp_path: Path) -> None:
    store = made[0]
    path = write_reports(store, CODEBOOK, tmp_path, CONSULTATION)["coded_responses"]
    with path.open(encoding="utf-8", newline="") as fh:
        written = list(csv.DictReader(fh))
    assert written == [{k: str(v) for k, v in r.items()} for r in coded_rows(store, CODEBOOK)]


def test_a_respondent_with_no_sign_of_who_is_not_called_an_individual() -> None:
    """Profiling falls back to kind "individual", type "unknown", when nothing names the sender: real
    letters from companies whose names it missed were listed as individuals, names withheld."""
    def view(kind: str, rtype: str, org: str | None = None) -> RespondentView:
        return RespondentView("s", kind, rtype, org, [org] if org else [])

    assert display_name(view("individual", "unknown")) == NOT_IDENTIFIED
    assert display_name(None) == NOT_IDENTIFIED
    assert display_name(view("individual", "individual")) == INDIVIDUAL
    assert display_name(view("organisation", "unknown", "Volkswagen AG")) == "Volkswagen AG"


def test_analysts_rows_keep_a_respondent_who_asked_not_to_be_published_with_the_flag(
        made: tuple[Store, dict[str, str]]) -> None:
    from sqlalchemy import update

    from respmine.store.models import RespondentRow
    from tests.report.helpers import sha

    store = made[0]
    before = coded_rows(store, CODEBOOK)
    with store.session() as s, s.begin():
        s.execute(update(RespondentRow).where(RespondentRow.submission == sha("hope.pdf")).values(
            publication="do not publish"))
    rows = coded_rows(store, CODEBOOK)
    assert len(rows) == len(before)
    hope = [r for r in rows if r["respondent"] == "Hope Trust"]
    assert hope and {r["publication"] for r in hope} == {"do not publish"}
    assert {r["publication"] for r in rows if r["respondent"] != "Hope Trust"} == {""}
