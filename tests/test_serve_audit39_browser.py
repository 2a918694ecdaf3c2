"""``okrsite serve`` in a browser: a tab on a page that does not exist yet
(audit 39).

A tab opened on an address the site has no page for shows the 404 page; a
save that creates the page must bring it up in that tab, also when another
tab shows a page the save changes, so the rebuild reloads the pages in view
early, before the new page is written.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from playwright.sync_api import Browser, Page
from test_serve import AS_OF, copy_site

from okrsite.preview import Preview

NEW_REL = "content/objectives/sales/hiring.md"
NEW_URL = "objectives/sales/hiring/"
NEW_TITLE = "Hire two sales engineers"
NEW_OBJECTIVE = f"""\
---
title: {NEW_TITLE}
cycle: 2026-Q4
owner: daniel-okafor
team: sales
key_results:
  - {{id: hires, title: Sales engineers hired, target: 2}}
  - {{id: onb, title: Onboarded, target: 2}}
---
"""

#: bounds on a loaded two-core machine: generous, but finite
WAIT_MS = 20_000
#: "within a few seconds" of the save
SHOWN_MS = 8_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as b:
        yield b


@pytest.fixture
def messages() -> list[str]:
    return []


@pytest.fixture
def preview(tmp_path: Path, messages: list[str]) -> Iterator[Preview]:
    p = Preview(copy_site(tmp_path / "site"), port=0, as_of=AS_OF, echo=messages.append)
    try:
        p.start()
        yield p
    finally:
        p.stop()


def _listening(page: Page) -> None:
    page.wait_for_function("window.__okrsiteLiveReload === true", timeout=WAIT_MS)


def _wait_streams(preview: Preview) -> None:
    deadline = time.monotonic() + WAIT_MS / 1000
    while preview.server.client_count < 1:
        assert time.monotonic() < deadline, "no tab opened its event stream"
        time.sleep(0.02)
    time.sleep(0.3)  # the second tab joins the shared worker's stream


def test_a_404_tab_shows_the_new_page_when_another_tab_is_reloaded_early(
    browser: Browser, preview: Preview, messages: list[str]
) -> None:
    ctx = browser.new_context()
    try:
        dashboard = ctx.new_page()
        dashboard.goto(preview.server.url)
        _listening(dashboard)
        missing = ctx.new_page()
        response = missing.goto(preview.server.url + NEW_URL)
        assert response is not None and response.status == 404
        _listening(missing)
        _wait_streams(preview)
        messages.clear()
        (preview.site_root / NEW_REL).write_text(NEW_OBJECTIVE, encoding="utf-8")
        missing.wait_for_function(
            "t => { const h = document.querySelector('h1');"
            " return !!h && h.textContent.trim() === t; }",
            arg=NEW_TITLE,
            timeout=SHOWN_MS,
            polling=20,
        )
        assert NEW_TITLE in missing.title()
    finally:
        ctx.close()
