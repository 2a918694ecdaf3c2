"""The search page in Chromium: a key result's result shows its own team in
the ``team`` slot and its objective in the ``objective`` slot (audit 45:
the team slot held the objective's title, so a theme that labelled the slot
"Team:" was wrong for every key result)."""

from __future__ import annotations

from pathlib import Path

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

OBJECTIVE = """
    ---
    title: Keep our best customers happy
    cycle: 2026-Q4
    owner: Uma Diaz
    team: Customer Success
    key_results:
      - {id: nrr, title: Raise net revenue retention, start: 98, target: 105}
      - {id: churn, title: Cut logo churn to 3 per quarter, start: 8, target: 3}
    ---
    """
LABELLED = """\
<li class="theme-result"><a data-slot="link"><bdi data-slot="title"></bdi></a>
<span class="meta"><span data-part>Team: <bdi data-slot="team"></bdi></span><span data-part> in <bdi data-slot="objective"></bdi></span></span></li>
"""


def test_a_key_results_team_slot_holds_its_team(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/cs-retention.md": OBJECTIVE,
        },
    )
    plain = write_site(tmp_path / "plain", {"okrsite.toml": 'title = "Acme"\n'})
    write_site(plain, {"content/objectives/cs-retention.md": OBJECTIVE})
    write_site(site, {"templates/partials/search_result.html": LABELLED})
    for root in (site, plain):
        code, output = run_cli(
            "build", "--site", str(root), "--out", str(root / "_site"), "--as-of", "2026-11-20"
        )
        assert code == 0, output
    with chromium() as browser:
        page = browser.new_page()
        page.goto((site / "_site/search/index.html").as_uri() + "?q=churn")
        kr = page.locator("ul.search-kr li").first
        assert (
            kr.locator(".meta").inner_text()
            == "Team: Customer Success in Keep our best customers happy"
        )
        # an objective has no objective of its own: its part is removed
        page.goto((site / "_site/search/index.html").as_uri() + "?q=happy")
        objective = page.locator("ul.search-objective li").first
        assert objective.locator(".meta").inner_text() == "Team: Customer Success"
        # the default theme: owner, team, objective, cycle
        page.goto((plain / "_site/search/index.html").as_uri() + "?q=churn")
        kr = page.locator("ul.search-kr li").first
        assert kr.locator(".meta").inner_text() == (
            "Uma Diaz · Customer Success · Keep our best customers happy · 2026-Q4"
        )
        page.close()
