"""The issue's bar: a filtered page of 50,000 segments answers well under a second (over HTTP, signed in)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from respmine.review.auth import add_user
from respmine.store.repository import Store
from tests.review.helpers import ANALYST, build_big, client_for, sign_in

FILTERED_PAGES = [
    "/segments?theme=funding",  # a parent theme: its own codes and its sub-themes'
    "/segments?theme=funding&question=Q3&stance=oppose",
    "/segments?reviewed=no&late=no&respondent_type=charity",
    "/segments?q=overheads+payment",
    "/segments?theme=resettlement&stance=support&late=no&reviewed=no&page=50",
    "/segments?page=1999",  # the last page: deep offset
]


@pytest.fixture(scope="module")
def big_client(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    settings = build_big(Path(tmp_path_factory.mktemp("big")))
    add_user(Store(settings.store_url), *ANALYST, "analyst")
    client = client_for(settings)
    sign_in(client, *ANALYST)
    return client


@pytest.mark.parametrize("url", FILTERED_PAGES)
def test_filtered_page_of_50000_segments_is_well_under_a_second(big_client, url: str) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    response = big_client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    total = re.search(r"<strong>([\d,]+)</strong> segment", response.text)
    assert total and int(total.group(1).replace(",", "")) > 0
    assert response.text.count('class="segment"') == 25 or url.endswith("page=1999")
    print(f"{url}: {elapsed * 1000:.0f} ms, {total.group(1)} segments")
    assert elapsed < 1.0, f"{url} took {elapsed:.2f} s"
