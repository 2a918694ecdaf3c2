"""The search page in Chromium: key results, KPI ids, tags and statuses are
found, results are grouped by kind, and the query stays in the box. The
example site (content/) at 2026-11-20."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium, write_example_site
from conftest import REPO

from okrsite.pipeline import load_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_example_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def search(browser: Any, site: Path, query: str) -> tuple[Any, dict[str, list[str]]]:
    page = browser.new_page()
    page.goto((site / "index.html").as_uri())
    page.fill("#site-search", query)
    page.press("#site-search", "Enter")
    page.wait_for_load_state()
    groups = page.eval_on_selector_all(
        "#search-results ul",
        "uls => uls.map(u => [u.className, [...u.querySelectorAll('.obj-title')].map(a => a.textContent)])",
    )
    return page, {cls.split("search-")[1]: titles for cls, titles in groups}


def test_nps_finds_the_kpi_and_the_key_result(browser: Any, site: Path) -> None:
    page, groups = search(browser, site, "nps")
    assert "Raise NPS from 31 to 40" in groups["kr"]
    portfolio = json.loads((site / "api/portfolio.json").read_text(encoding="utf-8"))
    nps = next(k for k in portfolio["kpis"] if k["id"] == "nps")
    assert nps["title"] in groups["kpi"]
    # the objective holding that key result is found through it too
    holder = next(
        o["title"]
        for o in portfolio["objectives"]
        if any(kr["id"] == "nps" for kr in o["key_results"])
    )
    assert holder in groups["objective"]
    assert page.input_value("#search-q") == "nps"  # the query stays in the box
    assert page.input_value("#site-search") == "nps"
    headings = page.locator("#search-results h2").all_inner_texts()
    assert [h.split(" (")[0] for h in headings] == ["Objectives", "Key results", "KPIs"]
    # a key result links to its row on the objective page
    page.locator("ul.search-kr a", has_text="Raise NPS").click()
    page.wait_for_load_state()
    assert "#kr-nps" in page.url
    page.close()


def test_statuses_and_tags_are_found(browser: Any, site: Path) -> None:
    portfolio = json.loads((site / "api/portfolio.json").read_text(encoding="utf-8"))
    off = sorted(o["title"] for o in portfolio["objectives"] if o["status"] == "off-track")
    assert off
    page, groups = search(browser, site, "off track")
    assert sorted(groups["objective"]) == off
    page.close()
    res = load_site(REPO, as_of=date(2026, 11, 20))
    assert res.scored is not None
    tagged = [o for o in res.scored.portfolio.objectives.values() if o.tags]
    assert tagged
    tag = tagged[0].tags[0]
    page, groups = search(browser, site, tag)
    assert tagged[0].title in groups["objective"]
    page.close()


def test_search_page_passes_axe(browser: Any, site: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for width in (1280, 360):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((site / "search/index.html").as_uri() + "?q=sales")
        results = Axe().run(page)
        bad = [
            v["id"]
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()
