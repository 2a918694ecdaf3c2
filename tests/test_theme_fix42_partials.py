"""Every piece of markup comes from a partial a theme can override.

A theme author overrode partials with markers and found markup the pages
wrote themselves: the dashboard's check-in lines and objective cards, a
team's sub-team links, the "stale" flag, the KPI chart's band keys, the
search result and the print line of the list filters. Each is now a partial
(docs/themes.md): a site's ``templates/partials/`` file of its name shows
in every place. The dashboard's check-in lines carry their time of day, so
two check-ins of one day read apart.

The example site (content/) and small sites, built with ``okrsite build``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, write_site

from okrsite.cli import cli

#: partial → its marker (a theme's own version of it)
MARKERS = {
    "stale_flag.html": '<b class="m-stale">STALE-MARK</b>',
    "checkin_line.html": '<li class="m-line">LINE-MARK {{ checkin.time }}</li>',
    "objective_card.html": '<li class="m-card">CARD-MARK {{ item.title }}</li>',
    "team_link.html": '{% if team %}<i class="m-team">TEAM-MARK {{ team.name }}</i>{% endif %}',
    "chart_legend.html": "<figcaption>LEGEND-MARK {{ target }}</figcaption>",
    "search_result.html": '<li class="m-result"><a data-slot="link"><bdi data-slot="title"></bdi></a></li>',
}


def build(site: Path, out: Path, as_of: str = "2026-11-20") -> None:
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", as_of, "--no-cache"]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site with every new partial overridden by a marker."""
    root = tmp_path_factory.mktemp("marked")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "okrsite.toml", root / "okrsite.toml")
    for name, text in MARKERS.items():
        (root / "templates/partials").mkdir(parents=True, exist_ok=True)
        (root / "templates/partials" / name).write_text(text, encoding="utf-8")
    out = root / "_site"
    build(root, out)
    return out


def page(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_the_dashboard_draws_its_cards_and_check_in_lines_with_partials(marked: Path) -> None:
    html = page(marked, "index.html")
    cards = section(html, "top")
    assert re.findall(r"<li[^>]*>", cards) == ['<li class="m-card">'] * 3
    latest = section(html, "latest")
    assert latest.count('<li class="m-line">LINE-MARK') == 10
    assert "<time" not in latest


def test_the_stale_flag_is_a_partial_everywhere(tmp_path: Path) -> None:
    """A stale objective and two stale KPIs, one driving the other: every
    page that flags them (dashboard card and list, objective page, KPI tile,
    KPI page with its drives and driven-by lists, KPI tree, scorecard) draws
    the flag with stale_flag.html."""
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\ndefault_cycle = "2026-Q4"\n',
            "templates/partials/stale_flag.html": MARKERS["stale_flag.html"],
            "content/objectives/grow.md": """
                ---
                title: Grow
                cycle: 2026-Q4
                owner: uma
                key_results:
                  - {id: a, title: Ship, start: 0, target: 10}
                ---
                """,
            "content/checkins/old.md": """
                ---
                objective: grow
                date: 2026-10-02
                author: uma
                values: {a: 2}
                ---
                """,
            "content/kpis/leads.md": """
                ---
                title: Leads
                drives: [revenue]
                target: 10
                values: {2026-06-01: 3, 2026-07-01: 4}
                ---
                """,
            "content/kpis/revenue.md": """
                ---
                title: Revenue
                target: 10
                thresholds: {green: 8, red: 2}
                values: {2026-06-01: 3, 2026-07-01: 4}
                ---
                """,
        },
    )
    out = tmp_path / "out"
    build(site, out)
    flagged = [p.name for p in out.rglob("*.html") if 'class="stale"' in p.read_text("utf-8")]
    assert flagged == []
    mark = MARKERS["stale_flag.html"]
    home = page(out, "index.html")
    assert mark in section(home, "top")  # the card
    assert mark in section(home, "stale")  # objective_item.html
    assert mark in section(home, "kpis")  # the KPI tiles
    assert f"{partial_status('off-track')} {mark}" in page(out, "objectives/grow/index.html")
    revenue = page(out, "kpis/revenue/index.html")
    assert revenue.count(mark) == 2  # its own figure, and Leads driving it
    assert page(out, "kpis/leads/index.html").count(mark) == 2
    assert page(out, "kpis/index.html").count(mark) == 4  # the tree and the tiles
    assert mark in page(out, "cycles/2026-Q4/index.html")


def partial_status(status: str) -> str:
    return f'<span class="status status-{status}">{status.replace("-", " ")}</span>'


def test_sub_teams_and_chart_legend_come_from_partials(marked: Path) -> None:
    html = page(marked, "teams/customer-success/index.html")
    subs = html[html.index("Sub-teams</h2>") :]
    subs = subs[: subs.index("</ul>")]
    assert re.findall(r"TEAM-MARK ([^<]+)<", subs) == ["Onboarding", "Support"]
    kpi = page(marked, "kpis/nps/index.html")
    assert 'class="key key-' not in kpi
    assert "<figcaption>LEGEND-MARK True</figcaption>" in kpi


def test_the_search_page_carries_the_result_partial(marked: Path) -> None:
    html = page(marked, "search/index.html")
    assert (
        '<template id="search-result" data-root="../"><ul>'
        + MARKERS["search_result.html"]
        + "</ul></template>"
    ) in html
    # the index stays data: no markup per record
    assert "<" not in page(marked, "search-index.json").replace("<\\/", "")


def test_the_dashboard_names_the_time_of_two_check_ins_of_one_day(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "Acme"\ndefault_cycle = "2026-Q4"\n',
            "content/objectives/grow.md": """
                ---
                title: Grow
                cycle: 2026-Q4
                owner: uma
                key_results:
                  - {id: a, title: Ship, start: 0, target: 10}
                ---
                """,
            "content/checkins/morning.md": """
                ---
                objective: grow
                date: 2026-11-19T09:15
                author: uma
                values: {a: 2}
                ---
                """,
            "content/checkins/evening.md": """
                ---
                objective: grow
                date: 2026-11-19T17:40
                author: uma
                confidence: 6
                values: {a: 3}
                ---
                """,
        },
    )
    out = tmp_path / "out"
    build(site, out)
    latest = section(page(out, "index.html"), "latest")
    lines = re.findall(r"<li>.*?</li>", latest)
    # each link is named after its check-in, time of day too (audit 44, a11y 8)
    hidden = r'<span class="visually-hidden">(.*?)</span>'
    assert [re.findall(hidden, line) for line in lines] == [
        ["check-in of 2026-11-19 17:40: "],
        ["check-in of 2026-11-19 09:15: "],
    ]
    assert [re.sub(r"<[^>]+>", "", re.sub(hidden, "", line)) for line in lines] == [
        "2026-11-19 17:40 · Grow · uma · confidence 6/10",
        "2026-11-19 09:15 · Grow · uma",
    ]
    assert '<time datetime="2026-11-19T17:40">' in lines[0]
