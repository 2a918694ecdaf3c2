"""The search page in Chromium: key results, KPI ids, tags and statuses are
found, results are grouped by kind, and the query stays in the box. The
example site (content/) at 2026-11-20."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, example_site, serious
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
    return example_site(tmp_path_factory)  # rendered once for every module that reads it


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    """One context for the module's pages: the search keeps its query in the
    address alone (no storage, no cookies), so a page needs no context of
    its own."""
    context = browser.new_context()
    yield context
    context.close()


def search(context: Any, site: Path, query: str) -> tuple[Any, dict[str, list[str]]]:
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.fill("#site-search", query)
    page.press("#site-search", "Enter")
    page.wait_for_load_state()
    groups = page.eval_on_selector_all(
        "#search-results ul",
        "uls => uls.map(u => [u.className, [...u.querySelectorAll('.obj-title')].map(a => a.textContent)])",
    )
    return page, {cls.split("search-")[1]: titles for cls, titles in groups}


def test_nps_finds_the_kpi_and_the_key_result(context: Any, site: Path) -> None:
    page, groups = search(context, site, "nps")
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


def test_statuses_and_tags_are_found(context: Any, site: Path) -> None:
    portfolio = json.loads((site / "api/portfolio.json").read_text(encoding="utf-8"))
    off = sorted(o["title"] for o in portfolio["objectives"] if o["status"] == "off-track")
    assert off
    page, groups = search(context, site, "off track")
    assert sorted(groups["objective"]) == off
    page.close()
    res = load_site(REPO, as_of=date(2026, 11, 20))
    assert res.scored is not None
    tagged = [o for o in res.scored.portfolio.objectives.values() if o.tags]
    assert tagged
    tag = tagged[0].tags[0]
    page, groups = search(context, site, tag)
    assert tagged[0].title in groups["objective"]
    page.close()


def test_search_page_passes_axe(context: Any, site: Path) -> None:
    """The page is loaded once, 1280 px wide, checked, then made 360 px wide
    and checked again: its layout follows the width by CSS alone (no script
    reads it), so the narrowed page is the page a phone loads."""
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto((site / "search/index.html").as_uri() + "?q=sales")
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        bad = [v["id"] for v in serious(axe_violations(page))]
        assert bad == [], width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


@pytest.fixture(scope="module")
def german_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example site with ``language = "de"``, built through the CLI."""
    import shutil

    from click.testing import CliRunner

    from okrsite.cli import cli

    root = tmp_path_factory.mktemp("de")
    shutil.copytree(REPO / "content", root / "content")
    toml = (REPO / "okrsite.toml").read_text(encoding="utf-8")
    (root / "okrsite.toml").write_text(
        re.sub(r"(?m)^language = .*$", 'language = "de"', toml), encoding="utf-8"
    )
    out = root / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(root), "--as-of", "2026-11-20", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return root, out


@pytest.mark.parametrize("query", ["nps", "gefährdet", "q4", "kein-solches-wort"])
def test_german_search_results_hold_no_english(
    context: Any, german_site: tuple[Path, Path], query: str
) -> None:
    """Headings, counts, "no matches" and the status words of the results come
    from the page, translated: what is left after the content's own texts are
    taken out holds no English word of the theme."""
    from test_translations import english_ui_words, user_texts

    root, out = german_site
    page, groups = search(context, out, query)
    shown = page.eval_on_selector(
        "main",
        "m => m.querySelector('#search-status').textContent + ' ' + "
        "m.querySelector('#search-results').textContent",
    )
    page.close()
    if query == "kein-solches-wort":
        assert groups == {} and "Keine Treffer" in shown
    else:
        assert groups, query
    if query == "gefährdet":
        # a German status word finds objectives by their status
        assert "gefährdet" in shown and groups.get("objective")
    text = shown
    for user in user_texts(root):
        text = text.replace(user, " ")
    words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)}
    assert words & english_ui_words() == set(), (query, sorted(words & english_ui_words()))


def test_accents_do_not_matter_in_a_search(context: Any, tmp_path: Path) -> None:
    """ "Angstrom" found nothing and "Zoe" only the person (through her id),
    not the KPI she owns: the search matched accents as typed, where ids,
    lists and names fold them (Ångström, Zoë)."""
    from click.testing import CliRunner
    from conftest import write_site

    from okrsite.cli import cli

    src = write_site(
        tmp_path / "src",
        {
            "okrsite.toml": 'title = "x"\nas_of = 2026-11-20\n',
            "content/people/zoe.md": "---\ntitle: Zoë Ångström\n---\n",
            "content/kpis/error-rate.md": (
                "---\ntitle: Error rate\nowner: Zoë Ångström\nunit: '%'\ntarget: 1\n"
                "direction: down\nvalues: {2026-11-01: 2}\n---\n"
            ),
            "content/teams/strasse.md": "---\ntitle: Team Straße\n---\n",
        },
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for query, kinds in (
        ("Angstrom", {"kpi", "person"}),
        ("zoe", {"kpi", "person"}),
        ("ZOË ÅNGSTRÖM", {"kpi", "person"}),
        ("strasse", {"team"}),
    ):
        page, groups = search(context, out, query)
        assert {k for k, titles in groups.items() if titles} == kinds, (query, groups)
        page.close()
