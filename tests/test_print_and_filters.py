"""Printing a site for a leadership meeting, and the list filters, in
Chromium: a filtered list says in print what it shows, "Explain this score"
prints open, dark mode prints in the light palette, a table cell keeps short
names whole, colour keys print, a linked filter value matches a team by the
name it shows, and a select gets the same focus ring as a link.

One small site written as a user writes it, built with ``okrsite build``."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium
from click.testing import CliRunner

from okrsite.cli import cli

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright

TEAMS = {"support": "Support", "customer-success": "Customer Success", "zurich": "Zürich Ops"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "content/objectives").mkdir(parents=True)
    (root / "content/teams").mkdir()
    (root / "content/kpis").mkdir()
    (root / "okrsite.toml").write_text(
        'title = "Acme"\nas_of = 2026-02-10\ndefault_cycle = "2026-Q1"\n', encoding="utf-8"
    )
    for team, name in TEAMS.items():
        (root / f"content/teams/{team}.md").write_text(f"---\ntitle: {name}\n---\n")
    for n, team in enumerate([*TEAMS, "support"]):
        (root / f"content/objectives/goal-{n}.md").write_text(
            f"---\ntitle: Goal {n}\ncycle: 2026-Q1\nowner: Uma Diaz\nteam: {team}\n"
            "key_results:\n  - {id: a, title: Ship, start: 0, target: 10, current: 1}\n---\n",
            encoding="utf-8",
        )
    (root / "content/kpis/nps.md").write_text(
        "---\ntitle: Net Promoter Score\nunit: points\ndirection: up\ntarget: 45\n"
        "thresholds: {green: 40, red: 20}\n"
        "values: {2025-10-01: 28, 2025-12-01: 29, 2026-02-01: 31}\n---\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        cli,
        ["build", "--site", str(root), "--out", str(out), "--cache-dir", str(root / "cache")],
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    """One context of one Chromium: each test opens a tab of its own (half
    the cost of a page of its own) and sets its colour scheme or viewport."""
    with chromium() as b:
        context = b.new_context()
        yield context
        context.close()


def cycle_page(site: Path, query: str = "") -> str:
    return (site / "cycles/2026-Q1/index.html").as_uri() + query


def test_a_team_linked_by_its_name_matches_its_id(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto(cycle_page(site, "?team=Support"))
    assert page.eval_on_selector('select[data-key="team"]', "s => s.value") == "support"
    options = page.eval_on_selector_all(
        'select[data-key="team"] option', "os => os.map(o => o.textContent)"
    )
    assert options == ["all", "Customer Success", "Support", "Zürich Ops"]
    assert page.inner_text(".list-filters > .meta") == "2 of 4 shown"
    assert not page.locator(".filter-unknown").is_visible()
    page.close()


def test_a_linked_name_matches_in_any_case_and_without_accents(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto(cycle_page(site, "?team=zurich%20OPS"))
    assert page.eval_on_selector('select[data-key="team"]', "s => s.value") == "zurich"
    assert page.inner_text(".list-filters > .meta") == "1 of 4 shown"
    page.goto(cycle_page(site, "?team=zuerich"))  # no team: still said so, once
    options = page.eval_on_selector_all(
        'select[data-key="team"] option', "os => os.map(o => o.textContent)"
    )
    assert options == ["all", "Customer Success", "Support", "Zürich Ops", "zuerich"]
    assert page.inner_text(".list-filters > .meta") == "0 of 4 shown"
    page.close()


def test_a_filtered_list_prints_what_it_shows(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto(cycle_page(site, "?team=Support"))
    page.emulate_media(media="print")
    assert page.inner_text(".list-filters").strip() == "Team: Support · 2 of 4 shown"
    assert not page.locator('select[data-key="team"]').is_visible()
    page.goto(cycle_page(site, "?team=ghost&sort=progress"))
    text = page.inner_text(".list-filters")
    assert text.splitlines()[0] == "Team: ghost · Sort by: progress, lowest first · 0 of 4 shown"
    assert "Nothing on this page has Team “ghost”." in text
    assert not page.locator(".filter-unknown button").is_visible()
    page.goto(cycle_page(site))  # the whole list: no line
    assert not page.locator(".list-filters").is_visible()
    page.close()


def test_explain_this_score_prints_open(context: Any, site: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    page = context.new_page()
    page.goto((site / "objectives/goal-0/index.html").as_uri())
    assert page.eval_on_selector_all("details:not([open])", "ds => ds.length") >= 1
    formulas = page.eval_on_selector(".explain details > :not(summary)", "e => e.textContent")
    page.emulate_media(media="print")
    assert page.eval_on_selector(".explain details > :not(summary)", "e => e.checkVisibility()")
    pdf = page.pdf(format="A4")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    first_words = " ".join(formulas.split()[:3])
    assert first_words in " ".join(text.split())
    # the script's way too, and the page as it was afterwards
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector_all("details:not([open])", "ds => ds.length") == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.eval_on_selector_all("details:not([open])", "ds => ds.length") >= 1
    page.close()


def test_dark_mode_prints_in_the_light_palette(context: Any, site: Path) -> None:
    page = context.new_page()
    page.emulate_media(color_scheme="dark")
    page.goto((site / "index.html").as_uri())
    names = ["--ok-bg", "--bad-fg", "--none-bg", "--green", "--red", "--track", "--band-healthy"]
    script = "ns => ns.map(n => getComputedStyle(document.documentElement).getPropertyValue(n))"
    dark = page.evaluate(script, names)
    page.emulate_media(media="print", color_scheme="dark")
    printed = page.evaluate(script, names)
    page.emulate_media(media="screen", color_scheme="light")
    light = page.evaluate(script, names)
    assert dark != light
    assert printed == light
    page.close()


def test_print_keeps_team_names_whole(context: Any, site: Path) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 700, "height": 1000})
    page.goto(cycle_page(site))
    page.emulate_media(media="print")
    cells = page.eval_on_selector_all(
        "table th, table td",
        """cs => cs.filter(c => c.textContent.trim() === 'Customer Success')
                .map(c => { const r = document.createRange(); r.selectNodeContents(c);
                            return [...r.getClientRects()].map(x => Math.round(x.top)); })""",
    )
    assert cells  # the scorecard's "By team" names the team
    for tops in cells:  # "Customer" and "Success" each whole: at most two lines
        assert len(set(tops)) <= 2
    style = page.eval_on_selector("table td", "c => getComputedStyle(c).overflowWrap")
    assert style == "break-word"
    page.close()


def test_colour_keys_badges_and_bars_print_in_colour(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto((site / "kpis/nps/index.html").as_uri())
    page.emulate_media(media="print")
    for selector in (".key-healthy", ".key-critical"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).printColorAdjust") == (
            "exact"
        )
    page.goto(cycle_page(site))
    for selector in (".bar", ".fill", ".status"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).printColorAdjust") == (
            "exact"
        )
    page.close()


def test_a_select_gets_the_focus_ring_of_a_link(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto(cycle_page(site))
    page.focus('select[data-key="sort"]')
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    ring = page.eval_on_selector(
        'select[data-key="sort"]', "s => [s.matches(':focus-visible'), getComputedStyle(s).outline]"
    )
    assert ring[0] is True
    assert ring[1].endswith("solid 3px") or "3px solid" in ring[1]
    page.close()
