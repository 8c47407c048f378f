"""Publication requests in a real browser (Debian's Chromium, headless): an analyst lists those asking not
to be published, sets one asked by e-mail on a respondent's page, and the exported reports follow it,
also after the machine coder runs again."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import update

from respmine.report.outputs import write_reports
from respmine.store.models import RespondentRow
from respmine.store.themes import machine_codes
from respmine.themes.codebook import load_codebook
from tests.review.helpers import ANALYST, CODEBOOK, key
from tests.review.test_browser_review import _sign_in, browser, pytestmark, served  # noqa: F401
from tests.review.test_exports_rerun import rerun_machine_coding


def _publication(work: Path) -> dict[str, str]:
    text = (work / "respondents.csv").read_text(encoding="utf-8")
    return {r["respondent"]: r["publication"] for r in csv.DictReader(io.StringIO(text))}


def test_analyst_sets_a_request_made_by_email_and_the_reports_follow(served, browser, tmp_path: Path  # noqa: F811
                                                                     ) -> None:  # type: ignore[no-untyped-def]
    base, small = served
    with small.store.session() as s, s.begin():  # read in the council's letter
        s.execute(update(RespondentRow).where(RespondentRow.submission == key("sub", "council")).values(
            publication="do not publish", publication_asked="Please treat this response as confidential."))
    machine = machine_codes(small.store)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    _sign_in(page, base, *ANALYST)
    page.goto(f"{base}/respondents")
    with page.expect_navigation():
        page.check("#r-asked")  # the filter submits itself on change
    assert page.locator("#respondents-table tbody tr").count() == 1
    assert "Northshire County Council" in page.locator("#respondents-table").inner_text()
    page.goto(f"{base}/respondents/{key('sub', 'beacon')}")
    assert "Nothing asked" in page.locator("#publication").inner_text()
    page.check("input[name=publication][value=withhold]")
    page.fill("#p-note", "asked by e-mail on 3 May")
    with page.expect_navigation():
        page.click("button:has-text('Save publication')")
    assert "not to be published" in page.locator(".banner").inner_text()
    assert "Do not publish" in page.locator("#publication").inner_text()
    assert "asked by e-mail on 3 May" in page.locator("#publication-history").inner_text()
    page.goto(f"{base}/respondents?asked=1")
    assert page.locator("#respondents-table tbody tr").count() == 2
    page.screenshot(path=str(tmp_path / "asking.png"), full_page=True)

    page.click("nav >> text=Export")
    page.click("#regenerate")
    assert "Reports regenerated" in page.locator(".banner").inner_text()
    work = small.settings.work_dir
    assert _publication(work)["Beacon Recovery Service"] == "do not publish"
    report = (work / "summary_report.html").read_text(encoding="utf-8")
    assert "Beacon Recovery Service" not in report  # neither quoted nor in the annex
    rerun_machine_coding(small, machine)  # the machine runs again: the analyst's decision stands
    write_reports(small.store, load_codebook(CODEBOOK), work, None)
    assert _publication(work)["Beacon Recovery Service"] == "do not publish"
    assert "Beacon Recovery Service" not in (work / "summary_report.html").read_text(encoding="utf-8")
    page.close()
