"""The small page pieces of the review work: carried_from links on both
objective pages, tentative forecasts and what a KPI trend means."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from browser_support import CHROMIUM, axe_violations, chromium, serious
from click.testing import CliRunner
from conftest import REPO
from test_review_core import SITE as REVIEW_SITE

from okrsite.cli import cli
from okrsite.history import read_history
from okrsite.pipeline import load_site
from okrsite.preview import Preview
from okrsite.render import render_site

Make = Callable[[dict[str, str | bytes]], Path]

SITE: dict[str, str | bytes] = {
    "okrsite.toml": "as_of = 2026-11-15\n",
    "content/objectives/sales/pipeline.md": """
        ---
        title: Fill the <pipeline>
        cycle: 2026-Q3
        owner: bob
        key_results:
          - {id: x, title: X, start: 0, target: 10, current: 4}
        ---
    """,
    "content/objectives/sales/pipeline-2026-q4.md": """
        ---
        title: Fill the pipeline, again
        cycle: 2026-Q4
        owner: bob
        carried_from: sales/pipeline
        key_results:
          - {id: x, title: X, start: 4, target: 10}
        ---
    """,
    "content/kpis/response.md": """
        ---
        title: Response time
        direction: down
        values: {2026-10-01: 30, 2026-11-01: 25}
        ---
    """,
    "content/checkins/2026-11-01.md": """
        ---
        objective: sales/pipeline-2026-q4
        date: 2026-11-01
        values: {x: 5}
        ---
    """,
    "content/checkins/2026-11-10.md": """
        ---
        objective: sales/pipeline-2026-q4
        date: 2026-11-10
        values: {x: 6}
        ---
    """,
}


def build(site: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output


def test_carried_objectives_link_both_ways(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(SITE), out)
    new = (out / "objectives/sales/pipeline-2026-q4/index.html").read_text()
    old = (out / "objectives/sales/pipeline/index.html").read_text()
    assert (
        'Carried from <a href="../../../objectives/sales/pipeline/index.html">'
        "<bdi>Fill the &lt;pipeline&gt;</bdi></a> (<bdi>2026-Q3</bdi>)"
    ) in new
    assert (
        'Carried into <a href="../../../objectives/sales/pipeline-2026-q4/index.html">'
        "<bdi>Fill the pipeline, again</bdi></a> (<bdi>2026-Q4</bdi>)"
    ) in old


def test_tentative_forecast_and_trend_meaning_are_shown(make_site: Make, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(make_site(SITE), out)
    page = (out / "objectives/sales/pipeline-2026-q4/index.html").read_text()
    # two check-ins nine days apart: a forecast, marked tentative
    assert 'at cycle end <span class="muted">(tentative: fewer than 3 days with a check-in' in page
    kpi = (out / "kpis/response/index.html").read_text()
    # 30 -> 25 on a lower-is-better KPI
    assert 'down ↓, <span class="trend-improving">improving</span>' in kpi


def test_preview_updates_the_other_side_of_a_carry(tmp_path: Path) -> None:
    """Renaming a carried objective re-renders the page it was carried from
    (the preview renders only pages whose inputs changed)."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "okrsite.toml", site / "okrsite.toml")
    carried = site / "content/objectives/sales/q3-pipeline-2026-q4.md"
    carried.write_text(
        "---\ntitle: Pipeline, carried\ncycle: 2026-Q4\nowner: daniel-okafor\nstatus: draft\n"
        "carried_from: sales/q3-pipeline\nkey_results:\n"
        "  - {id: a, title: A, start: 0, target: 10}\n  - {id: b, title: B, start: 0, target: 5}\n"
        "---\n",
        encoding="utf-8",
    )
    as_of = date(2026, 11, 20)
    preview = Preview(site, port=0, as_of=as_of, echo=lambda _m: None)
    try:
        first = preview.rebuild()
        assert first.ok
        carried.write_text(carried.read_text().replace("Pipeline, carried", "Renamed"))
        preview.on_change({carried})
        assert preview.last is not None and preview.last.ok
        assert preview.last.pages < first.pages  # an incremental render
        source = (preview.out / "objectives/sales/q3-pipeline/index.html").read_text()
        assert "<bdi>Renamed</bdi></a> (<bdi>2026-Q4</bdi>)" in source
        load = load_site(site, as_of)
        # the preview renders with the site's history (here: no git), so must the expectation
        history = read_history(site, load.config, load.scored.portfolio.cycles)
        expected = render_site(load.scored, load.config, site, history=history)
        assert source.encode() == expected["objectives/sales/q3-pipeline/index.html"]
    finally:
        preview.stop()


def rows_of(page: str) -> dict[str, str]:
    """Index rows as plain text: the linked name -> the rest of the row."""
    out = {}
    pattern = r'<li class="obj"><a class="obj-title"[^>]*><bdi>(.*?)</bdi></a>(.*?)</li>'
    for m in re.finditer(pattern, page):
        out[m.group(1)] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", m.group(2))).strip()
    return out


def test_team_and_people_figures_are_for_one_cycle(make_site: Make, tmp_path: Path) -> None:
    """The site of test_review_core; figures worked by hand there."""
    out = tmp_path / "out"
    site = make_site(REVIEW_SITE)
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-15"]
    )
    assert result.exit_code == 0, result.output
    teams = (out / "teams/index.html").read_text()
    assert "Figures for cycle" in teams and "cycles/2026-Q4/index.html" in teams
    rows = rows_of(teams)
    # sales with sales-emea: a, c (draft), b -> (0.5 + 0.2 x 3) / 4 = 0.275 -> 28%
    assert rows["Sales"] == "3 objectives in 2026-Q4 28%"
    # support in Q4 only: (0.25 + 0.1) / 2 = 0.175 -> 18% (its Q3 100% is not mixed in)
    assert rows["Support"] == "2 objectives in 2026-Q4 18%"
    # the company rolls up everything: 1.45 / 6 -> 24%
    assert rows["Company"] == "5 objectives in 2026-Q4 24%"
    assert rows["Loop A"] == "0 objectives in 2026-Q4 –"
    people = rows_of((out / "people/index.html").read_text())
    # bob: a 0.5, d 0.25 (c a draft) -> 37.5 -> 38%
    assert people["bob"] == "3 objectives in 2026-Q4 38%"
    support = (out / "teams/support/index.html").read_text()
    q4 = support.index('id="cycle-2026-Q4"')
    q3 = support.index('id="cycle-2026-Q3"')
    assert q4 < q3  # the current cycle first
    assert "(current cycle)" in support[q4:q3]
    assert 'aria-valuenow="100"' in support[q3:] and 'aria-valuenow="100"' not in support[q4:q3]
    sales = (out / "teams/sales/index.html").read_text()
    assert "Objectives of its sub-teams in 2026-Q4" in sales
    assert "include the objectives of its sub-teams" in sales


NEW_PAGES = [
    "teams/index.html",
    "people/index.html",
    "teams/sales/index.html",
    "teams/support/index.html",
    "people/daniel-okafor/index.html",
    "objectives/sales/q3-pipeline-2026-q4/index.html",
    "objectives/sales/q3-pipeline/index.html",
    "cycles/2026-Q3/index.html",
    "kpis/support-first-response/index.html",
]


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_new_pages_in_chromium(tmp_path: Path) -> None:
    """The example site after a real carry: at 360 px nothing scrolls sideways,
    and axe finds no serious or critical problem, in light and dark."""
    pytest.importorskip("playwright.sync_api")  # skip, not fail, without Playwright
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "okrsite.toml", site / "okrsite.toml")
    carried = CliRunner().invoke(
        cli, ["carry", "2026-Q3", "2026-Q4", "--site", str(site), "--as-of", "2026-11-20"]
    )
    assert carried.exit_code == 0, carried.output
    out = tmp_path / "out"
    built = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-20"]
    )
    assert built.exit_code == 0, built.output
    problems = []
    with chromium() as browser:
        # each page loaded once, light then turned dark: the media queries
        # follow the emulated scheme and no script of the theme reads it;
        # axe's script is put into each document once, for both schemes
        page = browser.new_page(viewport={"width": 360, "height": 800})
        for rel in NEW_PAGES:
            for n, scheme in enumerate(("light", "dark")):
                page.emulate_media(color_scheme=scheme)
                if n == 0:
                    page.goto((out / rel).as_uri())
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= 360, (rel, scheme, width)
                for v in serious(axe_violations(page)):
                    problems.append(f"{scheme} {rel}: {v['id']}")
        page.close()
    assert problems == []


def test_dashboard_lists_what_needs_attention_and_what_changed(
    make_site: Make, tmp_path: Path
) -> None:
    """The review site at 2026-11-15 (figures worked by hand in test_review_core):
    G is 0.489 - 0.1 = 39 points behind and last checked in 26 days ago, B 29
    points behind with no check-in, A's latest confidence is 3; this week
    (Nov 9..15) A moved 2 -> 5 widgets (+30 points, confidence 6 -> 3) and
    response time 25 -> 27 h (worse: lower is better)."""
    from bs4 import BeautifulSoup

    site = make_site(REVIEW_SITE)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--as-of", "2026-11-15", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = BeautifulSoup((out / "index.html").read_text(), "html.parser")

    def text(node: object) -> str:
        for name in node.select("bdi"):  # type: ignore[attr-defined]
            name.unwrap()  # isolates a name's direction, adds no space
        node.smooth()  # type: ignore[attr-defined]
        return " ".join(node.get_text(" ").split())  # type: ignore[attr-defined]

    items = page.select("#attention ~ ul li.attention")
    assert [i.select_one(".obj-title").get_text() for i in items] == ["G", "B", "A"]
    g, b, a = (text(i) for i in items)
    assert "carol" in g  # an owner without a person file shows by id
    assert "expected 49%" in g and "10%" in g
    assert "off track: 39 points behind expected; stale: last check-in 26 days ago" in g
    assert "at risk: 29 points behind expected; stale: no check-in yet" in b
    assert "low confidence: 3/10" in a
    changes = [text(li) for li in page.select("ul.changes > li.change")]
    assert "Check-ins of the objectives of 2026-Q4 and of KPIs, from 2026-11-09 to 2026-11-15." in (
        text(page.select_one("#changes").parent)
    )
    assert len(changes) == 3
    assert "Ship x: 2 → 5 widgets (+30 points of progress)" in changes[2]
    assert "confidence 6 → 3/10" in changes[2]
    assert "Response time: 25 → 27 h (worsening)" in changes[1]
    link = page.select("ul.changes > li.change a")[0]["href"]
    assert link.startswith("objectives/support/d/index.html#checkin-")
