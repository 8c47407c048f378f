"""The review app in a real browser (Debian's Chromium, headless): sign in, filter, override codes, see the
theme table change, export; viewers see no personal data and cannot change anything."""

from __future__ import annotations

import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from respmine.report.outputs import write_reports
from respmine.store.themes import machine_codes
from respmine.themes.codebook import load_codebook
from tests.review.helpers import ANALYST, CODEBOOK, PERSON, VIEWER, Small, build_small
from tests.review.test_exports_rerun import rerun_machine_coding, theme_counts

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed at "
                                "/usr/bin/chromium (apt-get install chromium)")

SELECT_TEXT = """([start, end]) => {
  const root = document.getElementById('segment-text');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    const n = node.textContent.length;
    if (start >= seen && start <= seen + n) range.setStart(node, start - seen);
    if (end >= seen && end <= seen + n) { range.setEnd(node, end - seen); break; }
    seen += n;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, Small]]:
    """The app under uvicorn in a background thread, on a free port, over a fresh fixture store."""
    uvicorn = pytest.importorskip("uvicorn")

    from respmine.review.app import create_app

    small = build_small(tmp_path)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(small.settings, CODEBOOK), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the app did not start"
    yield f"http://127.0.0.1:{port}", small
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _sign_in(page, base: str, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/themes")
    assert "/login" in page.url  # unauthenticated: sent to sign in first
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{base}/themes")


def _count(page, theme: str) -> int:  # type: ignore[no-untyped-def]
    return int(page.locator(f'tr[data-theme="{theme}"] .count').inner_text())


def test_analyst_overrides_codes_and_exports(served, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, small = served
    machine = machine_codes(small.store)
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    _sign_in(page, base, *ANALYST)
    with page.expect_navigation():
        page.select_option("#t-question", "Q2")  # the filter submits itself on change
    assert _count(page, "funding.full_cost_recovery") == 2
    assert _count(page, "funding.contract_length") == 1

    _override(page, tmp_path)
    page.click("nav >> text=Theme table")
    with page.expect_navigation():
        page.select_option("#t-question", "Q2")
    assert _count(page, "funding.full_cost_recovery") == 1  # the table changed
    assert _count(page, "funding.contract_length") == 2
    with page.expect_navigation():  # (counting before the page arrived found none: a flaky run)
        page.click("nav >> text=Audit trail")
    assert page.locator("#audit-table tbody tr").count() == 2
    assert "about what contracts pay" in page.locator("#audit-table").inner_text()

    _export(page, tmp_path)
    table = theme_counts((small.settings.work_dir / "theme_table.csv").read_text(encoding="utf-8"))
    assert table[("Q2", "funding.full_cost_recovery")] == 1 and table[("Q2", "funding.contract_length")] == 2
    rerun_machine_coding(small, machine)  # the machine coder runs again: the analyst still wins
    write_reports(small.store, load_codebook(CODEBOOK), small.settings.work_dir, None)
    again = theme_counts((small.settings.work_dir / "theme_table.csv").read_text(encoding="utf-8"))
    assert again[("Q2", "funding.full_cost_recovery")] == 1 and again[("Q2", "funding.contract_length")] == 2

    response = page.request.post(f"{base}/segments/{small.funding_segment}/decide",
                                 form={"action": "reviewed"}, max_redirects=0)
    assert response.status == 403  # no CSRF token: refused even for a signed-in analyst


def _override(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """From the theme table: drill down, filter by text, reject one code and add another."""
    page.click('tr[data-theme="funding.full_cost_recovery"] a')
    assert "2</strong> segments" in page.content()
    page.fill("#f-q", "overheads")
    page.click("button:has-text('Apply filters')")
    assert page.locator("article.segment").count() == 1
    page.click("article.segment h2 a")
    page.click("button[aria-label='Reject Full cost recovery']")
    assert "Code rejected." in page.locator(".banner").inner_text()
    page.evaluate(SELECT_TEXT, [0, 45])  # selecting words sets the new code's evidence
    assert "Contracts must meet the full cost of delivery" in page.locator("#evidence-shown").inner_text()
    page.select_option("#add-theme", "funding.contract_length")
    page.fill("#add-note", "about what contracts pay")
    page.click("button:has-text('Add code')")
    assert "Code added." in page.locator(".banner").inner_text()
    assert page.locator("mark", has_text="Contracts must meet the full cost").count() == 1
    page.screenshot(path=str(tmp_path / "segment-after.png"), full_page=True)


def _export(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Regenerate the reports and download the workbook."""
    page.click("nav >> text=Export")
    page.click("#regenerate")
    assert "Reports regenerated" in page.locator(".banner").inner_text()
    with page.expect_download() as download:
        page.click("a:has-text('coded_evidence.xlsx')")
    saved = tmp_path / "downloaded.xlsx"
    download.value.save_as(saved)
    assert zipfile.is_zipfile(saved)


def test_evidence_offsets_count_characters_as_the_server_does(served, browser) -> None:  # type: ignore[no-untyped-def]
    """An emoji is one character to Python and two UTF-16 units to JavaScript: the evidence an analyst
    selects after one must still be sent as offsets into the text as the server stores it."""
    base, _ = served
    page = browser.new_page()
    _sign_in(page, base, *ANALYST)
    page.click('tr[data-theme="funding.full_cost_recovery"] a')
    page.click("article.segment h2 a")
    text = "We \U0001F600 say: contracts must meet the full cost."
    page.evaluate("t => { document.getElementById('segment-text').textContent = t; }", text)
    utf16 = len(text.encode("utf-16-le")) // 2
    page.evaluate(SELECT_TEXT, [utf16 - len("the full cost."), utf16 - 1])  # "the full cost" (UTF-16)
    start = int(page.input_value("#evidence-start"))
    end = int(page.input_value("#evidence-end"))
    assert text[start:end] == "the full cost"
    assert "the full cost" in page.locator("#evidence-shown").inner_text()
    page.close()


def test_viewer_sees_no_personal_data_and_cannot_decide(served, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, small = served
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    _sign_in(page, base, *VIEWER)
    page.goto(f"{base}/segments?q=prison")
    assert "Individual respondent" in page.content() and PERSON not in page.content()
    page.click("article.segment h2 a")
    body = page.content()
    assert PERSON not in body and "[NAME]" in body
    assert page.locator("button:has-text('Reject')").count() == 0
    page.screenshot(path=str(tmp_path / "viewer-segment.png"), full_page=True)

    token = page.locator("input[name=csrf_token]").first.get_attribute("value")  # the sign-out form's
    response = page.request.post(f"{base}/segments/{small.personal_segment}/decide",
                                 form={"action": "reviewed", "csrf_token": token or ""}, max_redirects=0)
    assert response.status == 403
    export = page.request.post(f"{base}/export", form={"csrf_token": token or ""}, max_redirects=0)
    assert export.status == 403


def test_analyst_corrects_a_respondent_and_the_counts_follow(served, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    _sign_in(page, base, *ANALYST)
    page.click("nav >> text=Respondents")
    with page.expect_navigation():
        page.select_option("#r-kind", "individual")  # the filter submits itself on change
    assert page.locator("#respondents-table tbody tr").count() == 1
    page.click("#respondents-table a:has-text('Individual respondent')")
    page.check("input[name=kind][value=organisation]")
    page.select_option("#c-type", "charity")
    page.fill("#c-org", "Hollis Mentoring")
    page.click("button:has-text('Save correction')")
    assert "Respondent corrected" in page.locator(".banner").inner_text()
    assert page.locator("h1").inner_text() == "Hollis Mentoring"
    page.screenshot(path=str(tmp_path / "respondent-after.png"), full_page=True)
    page.click("nav >> text=Theme table")
    with page.expect_navigation():
        page.select_option("#t-type", "charity")
    assert _count(page, "funding") == 2  # Beacon, and now Hollis Mentoring
