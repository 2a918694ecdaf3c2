"""The list filters of ``attention/index.html`` filter both of its lists (audit 47
verify2, finding 1): docs/site.md says the page has "the same list filters
over all of them", yet the bar's scope was "Needs attention" alone, so a link
filtered to a team (``?team=sales``) still showed every team's stale
objectives under it.

A site written as a user writes it, six stale objectives of two teams, built
with ``okrsite build`` (``dashboard_attention = 2``, so the page is written),
the page opened in Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, chromium
from conftest import run_cli, write_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]
pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six stale objectives, o0, o2, o4 of Sales and o1, o3, o5 of Ops."""
    root = tmp_path_factory.mktemp("site")
    files: dict[str, str | bytes] = {
        "okrsite.toml": 'title = "Acme"\nas_of = 2026-11-20\ndashboard_attention = 2\n',
        "content/teams/sales.md": "---\ntitle: Sales\n---\n",
        "content/teams/ops.md": "---\ntitle: Ops\n---\n",
    }
    for i in range(6):
        files[f"content/objectives/o{i}.md"] = (
            f"---\ntitle: Goal {i}\ncycle: 2026-Q4\nowner: Uma Diaz\n"
            f"team: {'sales' if i % 2 == 0 else 'ops'}\n"
            "key_results:\n  - {id: a, title: A, start: 0, target: 10}\n---\n"
        )
        files[f"content/checkins/o{i}.md"] = (
            f"---\nobjective: o{i}\ndate: 2026-10-{10 + i:02d}\nauthor: Uma Diaz\n"
            "values: {a: 5}\n---\n"
        )
    write_site(root, files)
    out = tmp_path_factory.mktemp("out")
    code, output = run_cli("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert code == 0, output
    assert (out / "attention/index.html").exists()
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def _shown(browser: Any, site: Path, query: str) -> tuple[dict[str, list[str]], str]:
    """The titles each section shows, by its heading's id, and the count."""
    page = browser.new_page()
    page.goto((site / "attention/index.html").as_uri() + query)
    shown = {
        section: page.eval_on_selector_all(
            f'section[aria-labelledby="{section}"] ul.objs > li:not([hidden]) a.obj-title',
            "links => links.map(a => a.textContent.trim())",
        )
        for section in ("attention", "stale")
    }
    count = page.inner_text(".list-filters > .meta")
    order = page.inner_text('select[data-key="sort"] > option[value=""]')
    page.close()
    shown["order"] = [order]
    return shown, count


def test_a_team_filter_filters_the_stale_objectives_too(browser: Any, site: Path) -> None:
    shown, count = _shown(browser, site, "?team=sales")
    sales = {"Goal 0", "Goal 2", "Goal 4"}
    assert set(shown["attention"]) == sales, shown
    # longest without a check-in first, as the list is without a filter
    assert shown["stale"] == ["Goal 0", "Goal 2", "Goal 4"], shown
    # each of the three is in both lists, and counts once
    assert count == "3 of 6 shown", count


def test_without_a_filter_both_lists_keep_their_order(browser: Any, site: Path) -> None:
    shown, count = _shown(browser, site, "")
    assert len(shown["attention"]) == 6, shown
    assert shown["stale"] == [f"Goal {i}" for i in range(6)], shown
    assert count == "6 of 6 shown", count
    # the sort box's first choice names the two lists' orders, not one of them
    assert shown["order"] == ["each list’s own order"], shown


def test_the_count_counts_each_objective_once(browser: Any, site: Path) -> None:
    """An objective stale and needing attention is in both lists; the count
    line (and the line print shows in its place) counts objectives, as the
    dashboard's "N more objectives" does, not list entries: 12 entries, 6
    objectives (fix 48)."""
    page = browser.new_page()
    page.goto((site / "attention/index.html").as_uri() + "?team=ops")
    entries = page.eval_on_selector_all(
        "ul.objs > li:not([hidden]) a.obj-title", "links => links.map(a => a.textContent)"
    )
    count = page.inner_text(".list-filters > .meta")
    printed = page.eval_on_selector(".filter-print", "p => p.textContent")
    page.close()
    assert len(entries) == 6 and len(set(entries)) == 3, entries
    assert count == "3 of 6 shown", count
    assert printed.endswith("3 of 6 shown"), printed
