"""The ids the exports give (coded_responses.csv a segment's first 16 characters, respondents.csv a
respondent's first 12, a campaign's own id) open their pages in the app."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from respmine.report.outputs import write_reports
from respmine.store.models import SegmentRow
from respmine.themes.codebook import load_codebook
from tests.review.helpers import CODEBOOK, VIEWER, Small, build_small, client_for, sign_in


@pytest.fixture()
def small(tmp_path: Path) -> Small:
    return build_small(tmp_path)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_ids_open_their_pages(small: Small) -> None:
    """`/segments/8f449a8805c8ed2d` and `/respondents/3711bad06d44`, pasted from the exports, were 404s
    (the second saying "the store may have been rerun")."""
    paths = write_reports(small.store, load_codebook(CODEBOOK), small.settings.work_dir, None)
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    segment = next(r["segment_id"] for r in _rows(paths["coded_responses"]) if r["theme"] == "funding")
    response = client.get(f"/segments/{segment}?back=/themes")
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/segments/{segment}")
    assert response.headers["location"].endswith("?back=/themes") and len(response.headers["location"]) > 64
    assert "Segment" in client.get(response.headers["location"]).text
    for row in _rows(paths["respondents"]):
        response = client.get(f"/respondents/{row['respondent_id']}")
        assert response.status_code == 303, row["respondent_id"]
        assert row["respondent"] in client.get(response.headers["location"]).text


def test_an_unknown_or_ambiguous_id_says_which(small: Small) -> None:
    client = client_for(small.settings)
    sign_in(client, *VIEWER)
    missing = client.get("/segments/0123456789abcdef0")
    assert missing.status_code == 404 and "No segment has an id starting with" in missing.text
    assert client.get("/segments/%25").status_code == 404  # no LIKE wildcard reaches the query
    with small.store.session() as s:
        ids = sorted(s.scalars(select(SegmentRow.id)))
    shared, n = Counter(i[0] for i in ids).most_common(1)[0]
    assert n > 1, "the fixture's segment ids share no first character"
    ambiguous = client.get(f"/segments/{shared}")
    assert ambiguous.status_code == 404 and "give more of the id" in ambiguous.text
    nobody = client.get("/respondents/ffffffffffff")
    assert nobody.status_code == 404 and "may have been rerun" not in nobody.text
