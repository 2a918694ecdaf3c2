"""``okrsite serve`` with the keyboard (accessibility audit 44, findings 1 and 9).

The preview of a copy of the example site, a real file saved on disk, and
Debian's Chromium through Playwright: the error overlay is a modal dialog
that takes focus and gives it back, and an in-place update after a save
keeps the reader's focus, open ``<details>`` and typed text.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import CHROMIUM, chromium
from playwright.sync_api import Browser, Page
from test_serve import AS_OF, copy_site

from okrsite.preview import Preview

OBJ_REL = "content/objectives/company/grow-arr.md"
OBJ_URL = "objectives/company/grow-arr/index.html"
OBJ_TITLE = "Grow ARR to $22M with efficient, repeatable growth"

#: bounds on a loaded two-core machine: generous, but finite
WAIT_MS = 20_000

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


def _preview(site: Path) -> Iterator[Preview]:
    p = Preview(site, port=0, as_of=AS_OF, echo=lambda m: None)
    try:
        p.start()
        yield p
    finally:
        p.stop()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    yield from _preview(copy_site(tmp_path / "site"))


@pytest.fixture
def german_preview(tmp_path: Path) -> Iterator[Preview]:
    site = copy_site(tmp_path / "site")
    toml = site / "okrsite.toml"
    toml.write_text(
        toml.read_text("utf-8").replace('language = "en"', 'language = "de"'), encoding="utf-8"
    )
    yield from _preview(site)


def _open(browser: Browser, preview: Preview) -> Page:
    page = browser.new_page()
    page.goto(preview.server.url + OBJ_URL)
    page.wait_for_function("window.__okrsiteLiveReload === true", timeout=WAIT_MS)
    deadline = time.monotonic() + WAIT_MS / 1000
    while preview.server.client_count < 1:
        assert time.monotonic() < deadline, "the page never opened its event stream"
        time.sleep(0.02)
    page.evaluate("window.__sameDocument = true")
    return page


def _set_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(r"(?m)^title: .*$", lambda _: f"title: {title}", text, count=1)
    assert n == 1
    path.write_text(new, encoding="utf-8")


def _wait_h1(page: Page, text: str) -> None:
    page.wait_for_function(
        "t => { const h = document.querySelector('h1'); return !!h && h.textContent === t; }",
        arg=text,
        timeout=WAIT_MS,
        polling=10,
    )


def _focused(page: Page) -> str:
    """Where focus is: ``#id``, ``tag`` or ``overlay:tag``."""
    where: str = page.evaluate(
        """() => { const a = document.activeElement;
        if (!a || a === document.body) return 'body';
        const inOverlay = !!a.closest('#okrsite-overlay');
        return (inOverlay ? 'overlay:' : '') + (a.id ? '#' + a.id : a.tagName.toLowerCase()); }"""
    )
    return where


def _inert(page: Page) -> list[str]:
    names: list[str] = page.eval_on_selector_all("[inert]", "els => els.map(e => e.tagName)")
    return names


def test_the_error_overlay_is_a_modal_dialog_that_takes_and_gives_back_focus(
    browser: Browser, german_preview: Preview
) -> None:
    preview = german_preview
    page = _open(browser, preview)
    try:
        obj = preview.site_root / OBJ_REL
        good = obj.read_text(encoding="utf-8")
        page.locator("#site-search").focus()
        page.keyboard.type("Kunden")

        obj.write_text(good.replace("cycle: 2026-Q4", "cycle: [oops", 1), encoding="utf-8")
        dialog = page.locator("#okrsite-overlay[role='alertdialog'][aria-modal='true']")
        dialog.wait_for(state="visible", timeout=WAIT_MS)
        page.wait_for_function(
            "document.querySelector('#okrsite-overlay').innerText.includes('OKR003')",
            timeout=WAIT_MS,
        )
        # labelled by its heading, in the page's language; the diagnostics English
        label = page.evaluate(
            "document.getElementById("
            "document.getElementById('okrsite-overlay').getAttribute('aria-labelledby')"
            ").textContent"
        )
        assert label == "okrsite: Die Website konnte nicht neu erstellt werden"
        assert page.evaluate("document.documentElement.lang") == "de"
        assert page.eval_on_selector_all(
            "#okrsite-overlay li.okrsite-diagnostic",
            "els => els.length > 0 && els.every(e => e.closest('[lang]').lang === 'en')",
        )
        # focus is on Dismiss, and no Tab reaches the page hidden behind it
        assert _focused(page) == "overlay:button"
        assert "MAIN" in _inert(page) or "HEADER" in _inert(page)
        for _ in range(6):
            page.keyboard.press("Tab")
            assert _focused(page) in ("overlay:button", "overlay:#okrsite-overlay", "body")

        # Escape closes it, and focus is back in the search box as typed
        page.keyboard.press("Escape")
        dialog.wait_for(state="detached", timeout=WAIT_MS)
        assert _focused(page) == "#site-search"
        assert page.input_value("#site-search") == "Kunden"
        assert _inert(page) == []

        # shown again by the next broken save, then the fix: focus comes back
        # to the search box through the in-place update
        obj.write_text(good.replace("cycle: 2026-Q4", "cycle: [oops2", 1), encoding="utf-8")
        dialog.wait_for(state="visible", timeout=WAIT_MS)
        page.wait_for_function(
            "document.activeElement && document.activeElement.closest('#okrsite-overlay')",
            timeout=WAIT_MS,
        )
        fixed = f"Grow ARR, fixed {uuid.uuid4().hex[:8]}"
        obj.write_text(good.replace(OBJ_TITLE, fixed, 1), encoding="utf-8")
        dialog.wait_for(state="detached", timeout=WAIT_MS)
        _wait_h1(page, fixed)
        assert page.evaluate("window.__sameDocument") is True
        assert _focused(page) == "#site-search"
        assert page.input_value("#site-search") == "Kunden"
        assert _inert(page) == []
    finally:
        page.close()


def test_an_in_place_update_keeps_focus_open_details_and_typed_text(
    browser: Browser, preview: Preview
) -> None:
    page = _open(browser, preview)
    try:
        obj = preview.site_root / OBJ_REL
        # open "Explain this score" with the keyboard; focus stays on its summary
        summary = page.locator("section.explain details > summary")
        summary.focus()
        page.keyboard.press("Enter")
        assert page.eval_on_selector("section.explain details", "d => d.open") is True
        page.fill("#site-search", "Kunden")

        summary.focus()
        first = f"Grow ARR, kept {uuid.uuid4().hex[:8]}"
        _set_title(obj, first)
        _wait_h1(page, first)
        assert page.evaluate("window.__sameDocument") is True
        # the summary has no id: found again by its place under the section
        assert page.evaluate(
            "document.activeElement === document.querySelector('section.explain summary')"
        )
        assert page.eval_on_selector("section.explain details", "d => d.open") is True
        assert page.input_value("#site-search") == "Kunden"

        # typing in the search box when the save lands: focus and caret stay
        page.locator("#site-search").focus()
        page.keyboard.press("End")
        page.keyboard.press("ArrowLeft")
        second = f"Grow ARR, kept {uuid.uuid4().hex[:8]}"
        _set_title(obj, second)
        _wait_h1(page, second)
        assert page.evaluate("window.__sameDocument") is True
        assert _focused(page) == "#site-search"
        assert page.eval_on_selector("#site-search", "i => [i.value, i.selectionStart]") == [
            "Kunden",
            5,
        ]
        page.keyboard.type("x")
        assert page.input_value("#site-search") == "Kundexn"
        assert page.eval_on_selector("section.explain details", "d => d.open") is True
    finally:
        page.close()
