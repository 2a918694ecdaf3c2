"""Filters and sorting of objective lists in Chromium: state in the URL, the
full list without JavaScript, and the dashboard's status counts as links to
the filtered cycle list. The example site (content/) at 2026-11-20; expected
counts are read from api/portfolio.json, the one truth."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, example_site, serious
from conftest import REPO

from okrsite.cycle_figures import sub_teams, team_and_descendants
from okrsite.pipeline import load_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright
CYCLE = "2026-Q4"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_site(tmp_path_factory)  # rendered once for every module that reads it


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    """One context for the pages with JavaScript: the filters keep their state
    in the address alone (no storage, no cookies), so each page loaded is
    the page a reader opens."""
    context = browser.new_context()
    yield context
    context.close()


def objectives(site: Path) -> list[dict[str, Any]]:
    data = json.loads((site / "api/portfolio.json").read_text(encoding="utf-8"))
    return [o for o in data["objectives"] if o["cycle"] == CYCLE]


def visible_titles(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "ul.objs > li.obj[data-status]:not([hidden]) .obj-title",
        "els => els.map(e => e.textContent)",
    )


def test_status_in_the_url_filters_the_cycle_list(context: Any, site: Path) -> None:
    want = sorted(o["title"] for o in objectives(site) if o["status"] == "off-track")
    assert want  # the example has off-track objectives, so the filter can bite
    page = context.new_page()
    page.goto((site / f"cycles/{CYCLE}/index.html").as_uri() + "?status=off-track")
    assert sorted(visible_titles(page)) == want
    assert page.locator(".list-filters").is_visible()
    assert page.eval_on_selector('select[data-key="status"]', "s => s.value") == "off-track"
    assert f"{len(want)} of {len(objectives(site))}" in page.inner_text(".list-filters")
    page.close()


def test_sorting_and_team_filter_update_the_url(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto((site / f"cycles/{CYCLE}/index.html").as_uri())
    page.select_option('select[data-key="sort"]', "progress")
    assert "sort=progress" in page.url
    by_progress = [o["title"] for o in sorted(objectives(site), key=lambda o: o["progress"])]
    shown = visible_titles(page)
    progress = {o["title"]: o["progress"] for o in objectives(site)}
    # a draft or dropped objective counts nowhere: after every counted one
    counted = [o["title"] for o in objectives(site) if o["status"] not in ("draft", "dropped")]
    head = shown[: len(counted)]
    assert sorted(head) == sorted(counted)
    assert [progress[t] for t in head] == sorted(progress[t] for t in head)
    assert set(shown) == set(by_progress)
    team = next(o["team"] for o in objectives(site) if o["team"])
    page.select_option('select[data-key="team"]', team)
    assert f"team={team}" in page.url and "sort=progress" in page.url
    # a team's filter holds its sub-teams' objectives, as its figures do (audit 45)
    loaded = load_site(REPO, as_of=date(2026, 11, 20))
    assert loaded.scored is not None
    below = team_and_descendants(team, sub_teams(loaded.scored))
    assert sorted(visible_titles(page)) == sorted(
        o["title"] for o in objectives(site) if o["team"] in below
    )
    # the linked state restores the same view
    again = context.new_page()
    again.goto(page.url)
    assert visible_titles(again) == visible_titles(page)
    again.close()
    page.close()


def test_without_javascript_the_full_list_shows(browser: Any, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / f"cycles/{CYCLE}/index.html").as_uri() + "?status=off-track")
    assert len(visible_titles(page)) == len(objectives(site))
    assert not page.locator(".list-filters").first.is_visible()
    context.close()


def test_dashboard_status_counts_link_to_the_filtered_list(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    link = page.locator(".summary a[href*='status=at-risk']").first
    link.click()
    page.wait_for_load_state()
    assert f"cycles/{CYCLE}/index.html?status=at-risk" in page.url
    want = sorted(o["title"] for o in objectives(site) if o["status"] == "at-risk")
    assert sorted(visible_titles(page)) == want
    page.close()


def test_filters_pass_axe(context: Any, site: Path) -> None:
    """Each filtered view is loaded once, 1280 px wide, checked, then made
    360 px wide and checked again: the layout follows the width by CSS alone
    (no script reads it), so the narrowed page is the page a phone loads."""
    views = (
        f"cycles/{CYCLE}/index.html?sort=behind",
        "index.html?status=off-track&sort=behind",
        "alignment/index.html?status=off-track",  # with objectives kept as context
    )
    page = context.new_page()
    for view in views:
        page.set_viewport_size({"width": 1280, "height": 900})
        path, _, query = view.partition("?")
        page.goto((site / path).as_uri() + "?" + query)
        for width in (1280, 360):
            page.set_viewport_size({"width": width, "height": 900})
            bad = [v["id"] for v in serious(axe_violations(page))]
            assert bad == [], (view, width)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (view, width)
    page.close()


def test_a_filter_with_one_value_is_left_out(context: Any, site: Path) -> None:
    page = context.new_page()
    page.goto((site / f"cycles/{CYCLE}/index.html").as_uri())
    assert not page.locator('select[data-key="cycle"]').is_visible()  # one cycle on this page
    assert page.locator('select[data-key="team"]').is_visible()
    page.close()


def test_dashboard_lists_filter_by_team_and_sort(context: Any, site: Path) -> None:
    """The dashboard's bar belongs to "Needs attention": it filters and counts
    that list alone; the top-level cards always show in full."""
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    every_attention = page.eval_on_selector_all(
        "ul.objs > li.attention", "els => els.map(e => e.dataset.team)"
    )
    every_card = page.eval_on_selector_all(
        "ul.cards > li.card", "els => els.map(e => e.dataset.team)"
    )
    team = next(t for t in every_attention if t)
    page.goto((site / "index.html").as_uri() + f"?team={team}&sort=progress")
    shown = page.eval_on_selector_all(
        "ul.objs > li.attention:not([hidden])",
        "els => els.map(e => [e.dataset.team, parseFloat(e.dataset.progress)])",
    )
    assert [t for t, _ in shown] == [t for t in every_attention if t == team]
    assert [p for _, p in shown] == sorted(p for _, p in shown)
    cards = page.eval_on_selector_all(
        "ul.cards > li.card:not([hidden])", "els => els.map(e => e.dataset.team)"
    )
    assert cards == every_card
    # the count covers the attention list only
    assert f"{len(shown)} of {len(every_attention)}" in page.inner_text(".list-filters")
    page.close()


def test_alignment_tree_keeps_the_parents_of_a_match(
    browser: Any, context: Any, site: Path
) -> None:
    """Filtered by status, the tree shows every match, and objectives above a
    match (dimmed) so it keeps its place; nothing else."""
    wanted = {o["id"] for o in objectives(site) if o["status"] == "off-track"}
    data = json.loads((site / "api/portfolio.json").read_text(encoding="utf-8"))
    parent = {o["id"]: o.get("parent") for o in data["objectives"]}
    above = set()
    for oid in wanted:
        p = (parent[oid] or "").partition("#")[0]
        while p:
            above.add(p)
            p = (parent.get(p) or "").partition("#")[0]
    page = context.new_page()
    page.goto((site / "alignment/index.html").as_uri() + "?status=off-track")
    rows = page.eval_on_selector_all(
        "ul.tree li:not([hidden]) > .node",
        """els => els.filter(e => e.offsetParent !== null).map(e => [
            e.querySelector('a').getAttribute('href'),
            e.dataset.status,
            e.parentElement.classList.contains('filter-context')])""",
    )
    shown = {
        href.split("objectives/")[1].rstrip("/").removesuffix("/index.html") for href, _, _ in rows
    }
    assert wanted <= shown
    assert shown == wanted | (above - wanted)
    for href, status, context in rows:
        assert context == (status != "off-track"), href
    # without JavaScript the whole tree shows
    no_script = browser.new_context(java_script_enabled=False)
    plain = no_script.new_page()
    plain.goto((site / "alignment/index.html").as_uri() + "?status=off-track")
    every = plain.eval_on_selector_all("ul.tree .node", "els => els.length")
    assert every == len(data["objectives"])
    no_script.close()
    page.close()


def test_filter_choices_are_in_natural_order(context: Any, tmp_path: Path) -> None:
    """Teams named with numbers are offered as a reader counts: Squad 2 before Squad 10."""
    from click.testing import CliRunner

    from okrsite.cli import cli

    root = tmp_path / "site"
    (root / "content/objectives").mkdir(parents=True)
    (root / "okrsite.toml").write_text('title = "Acme"\nas_of = 2026-02-10\n')
    for n, team in enumerate(["Squad 10", "Squad 2", "alpha squad", "Squad 1"]):
        (root / f"content/objectives/goal-{n}.md").write_text(
            f"---\ntitle: Goal {n}\ncycle: 2026-Q1\nowner: Uma Diaz\nteam: {team}\n"
            "key_results:\n  - {id: a, title: Ship, start: 0, target: 10}\n---\n"
        )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = context.new_page()
    page.goto((out / "cycles/2026-Q1/index.html").as_uri())
    options = page.eval_on_selector_all(
        'select[data-key="team"] option', "os => os.map(o => o.textContent)"
    )
    assert options[1:] == ["alpha squad", "Squad 1", "Squad 2", "Squad 10"]
    page.close()
