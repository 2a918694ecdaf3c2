"""The built site in a real browser: from file:// and over HTTP, light and dark,
360 px wide, and checked by axe for serious or critical accessibility problems.

Uses the example portfolio in content/ (pinned as_of) when it exists, else the
inline test site.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browser_support import (
    CHROMIUM,
    axe_violations,
    chromium,
    example_site,
    serious,
    served_folder,
)
from conftest import REPO, write_site
from site_fixture import AS_OF, SITE

from okrsite.pipeline import load_site
from okrsite.render import render_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    if (REPO / "content" / "objectives").is_dir():
        # the example site, rendered once for every module and worker that
        # reads it (browser_support.example_site); its scores from the same load
        res = load_site(REPO, as_of=date(2026, 11, 20))
        assert res.ok, [d.format_text() for d in res.diagnostics if d.is_error]
        return example_site(tmp_path_factory), res.scored
    root, as_of = write_site(tmp_path_factory.mktemp("src"), SITE), AS_OF
    res = load_site(root, as_of=as_of)
    assert res.ok, [d.format_text() for d in res.diagnostics if d.is_error]
    out = render_site(res.scored, res.config, root)
    dest = tmp_path_factory.mktemp("site")
    for rel, data in out.items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return dest, res.scored


@pytest.fixture(scope="module")
def server(built: tuple[Path, Any]) -> Iterator[str]:
    # the folder above the site is served, so the site sits under a sub-path
    # (/made-once-example-site-2026-11-20/ or /site0/), as on a project's GitHub Pages: a link that starts at the
    # server's root would leave it
    with served_folder(built[0].parent) as root:
        yield f"{root}{built[0].name}/"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    """One browser context for the module's pages: the site keeps nothing in
    storage or cookies, so a page needs no context of its own (a context's
    new page costs about half of a browser's)."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(params=["file", "http"])
def base(request: pytest.FixtureRequest, built: tuple[Path, Any]) -> str:
    if request.param == "file":
        return built[0].as_uri() + "/"
    return str(request.getfixturevalue("server"))


def test_dashboard_card_breadcrumb_and_progress(
    context: Any, base: str, built: tuple[Path, Any]
) -> None:
    scored = built[1]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "index.html")
    card = page.locator(".cards .card h3 a").first
    title = card.inner_text()
    card.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert "/objectives/" in page.url and page.url.endswith("/index.html")
    oid = next(o.id for o in scored.portfolio.objectives.values() if o.title == title)
    bar = page.locator('.overview [role="progressbar"]').first
    assert bar.get_attribute("aria-valuenow") == str(round(scored.objectives[oid].progress * 100))
    # go down to an aligned child, then back up via the breadcrumb
    child = page.locator("section[aria-labelledby=aligned] a.obj-title").first
    if child.count():
        child.click()
        page.wait_for_load_state()
        crumbs = page.locator(".breadcrumb a")
        crumbs.nth(crumbs.count() - 2).click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == title
    assert errors == []
    page.close()


def test_all_progress_bars_match_portfolio(
    context: Any, base: str, built: tuple[Path, Any]
) -> None:
    scored = built[1]
    page = context.new_page()
    page.goto(base + "alignment/index.html")
    bars = page.eval_on_selector_all(
        '[role="progressbar"]',
        "els => els.map(e => [e.getAttribute('aria-label'), e.getAttribute('aria-valuenow'),"
        " e.getAttribute('aria-valuemin'), e.getAttribute('aria-valuemax')])",
    )
    by_title = {o.title: o.id for o in scored.portfolio.objectives.values()}
    checked = 0
    for label, now, lo, hi in bars:
        assert (lo, hi) == ("0", "100")
        oid = by_title.get(label.removeprefix("Progress of "))
        if oid in scored.objectives:
            p = scored.objectives[oid].progress
            assert now == str(max(0, min(100, round(p * 100)))), label
            checked += 1
    assert checked > 0
    page.close()


def test_dark_scheme_changes_background(context: Any, base: str) -> None:
    page = context.new_page()
    page.goto(base + "index.html")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light != dark
    page.close()


PAGES = [
    "index.html",
    "alignment/index.html",
    "kpis/index.html",
    "goals/index.html",
    "teams/index.html",
    "people/index.html",
    "cycles/index.html",
    "tags/index.html",
    "checkins/index.html",
    "search/index.html",
]


def _kind_pages(root: Path) -> list[str]:
    """The list pages plus one page of each record kind."""
    pages = list(PAGES)
    for section in ("objectives", "kpis", "goals", "teams", "people", "cycles", "tags", "pages"):
        found = sorted(
            p for p in (root / section).rglob("index.html") if p.parent != root / section
        )
        if found:
            pages.append(found[0].relative_to(root).as_posix())
    return pages


def test_narrow_viewport_has_no_horizontal_scroll(context: Any, built: tuple[Path, Any]) -> None:
    root = built[0]
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 800})  # before the first page loads
    for rel in _kind_pages(root):
        page.goto((root / rel).as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (rel, width)
    page.close()


def test_search_works_from_file_url(context: Any, built: tuple[Path, Any]) -> None:
    root, scored = built
    some = next(iter(scored.portfolio.objectives.values()))
    word = some.title.split()[0]
    page = context.new_page()
    page.goto((root / "index.html").as_uri())
    page.fill("#site-search", word)
    page.press("#site-search", "Enter")
    page.wait_for_load_state()
    assert "search/index.html" in page.url
    results = page.locator("#search-results a")
    assert results.count() >= 1
    assert any(word.lower() in t.lower() for t in results.all_inner_texts())
    href = results.first.evaluate("a => a.href")
    results.first.click()
    page.wait_for_load_state()
    # the result's own page, a file of the site: Chromium's page for a file
    # that is not there has one heading too
    assert page.url == href and href.startswith(root.as_uri() + "/")
    assert Path(unquote(urlsplit(href).path)).is_file(), href
    assert page.locator("h1").count() == 1
    page.close()


def test_axe_no_serious_violations_light_and_dark(context: Any, built: tuple[Path, Any]) -> None:
    """Each page is loaded once and checked by axe in the light scheme, then
    again after switching the page to the dark one: the theme's dark colours
    are CSS alone (``prefers-color-scheme``, no script reads the scheme), so
    the switched page is the page a reader in dark mode loads."""
    root = built[0]
    page = context.new_page()
    problems = []
    for rel in _kind_pages(root):
        page.emulate_media(color_scheme="light")
        page.goto((root / rel).as_uri())
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert page.evaluate(f"matchMedia('(prefers-color-scheme: {scheme})').matches")
            for v in serious(axe_violations(page)):
                nodes = [n["target"] for n in v["nodes"][:3]]
                problems.append(f"{rel} [{scheme}]: {v['id']} ({v['impact']}) {json.dumps(nodes)}")
    page.close()
    assert problems == []
