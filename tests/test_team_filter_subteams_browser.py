"""Audit 45 (weekly), in Chromium: a team's filter shows its sub-teams'
objectives, as every team figure counts them. ``?team=Customer%20Success``
on the dashboard's "Needs attention" showed only the team's own objective,
while Support (``parent: Customer Success``) counted in its figures."""

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

GOAL = (
    "---\ntitle: {title}\ncycle: 2026-Q4\nteam: {team}\n"
    "key_results:\n  - {{id: a, title: Things, start: 0, target: 10}}\n---\n"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as b:
        yield b


def test_a_team_filter_shows_its_sub_teams_objectives(browser: Any, tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\n',
            "content/teams/customer-success.md": "---\nname: Customer Success\n---\n",
            "content/teams/support.md": "---\nname: Support\nparent: Customer Success\n---\n",
            "content/teams/sales.md": "---\nname: Sales\n---\n",
            "content/objectives/onboarding.md": GOAL.format(
                title="Faster onboarding", team="Customer Success"
            ),
            "content/objectives/response.md": GOAL.format(
                title="First response under 2 hours", team="Support"
            ),
            "content/objectives/pipeline.md": GOAL.format(title="Pipeline", team="Sales"),
        },
    )
    out = tmp_path / "out"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-23")
    assert code == 0, output
    page = browser.new_page()
    page.goto((out / "index.html").as_uri() + "?team=Customer%20Success")
    shown = page.eval_on_selector_all(
        "[data-filter-scope] [data-status]:not([hidden]) a.obj-title",
        "els => els.map(e => e.textContent.trim())",
    )
    assert sorted(t for t in shown if t) == ["Faster onboarding", "First response under 2 hours"]
    assert "2 of 3" in page.inner_text("[data-filter-scope] .list-filters")
    # Support alone still shows only its own objective
    page.select_option("[data-filter-scope] select[data-key='team']", "support")
    shown = page.eval_on_selector_all(
        "[data-filter-scope] [data-status]:not([hidden]) a.obj-title",
        "els => els.map(e => e.textContent.trim())",
    )
    assert [t for t in shown if t] == ["First response under 2 hours"]
    page.close()
