"""Charts that tell the truth, on a small real site (tests/chart_site.py).

The coordinates are worked by hand: cycle 2026-Q4 runs 2026-10-01 … 12-31,
so the x axis spans 91 days from 2 % to 98 % of the width (x = 2 + 96 × days
÷ 91) and the y axis 0 … 100 % from 176 px to 20 px (y = 176 − 156 × ratio).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from chart_site import AS_OF, SITE
from click.testing import CliRunner
from conftest import write_site

from okrsite.cli import cli
from okrsite.model import ScoredPortfolio
from okrsite.pipeline import load_site
from okrsite.scoring import expected_progress
from okrsite.view.chart_geometry import Gridline, LineChart, progress_chart

NS = "{http://www.w3.org/2000/svg}"
Q4_START, Q4_END = date(2026, 10, 1), date(2026, 12, 31)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("charts") / "site", SITE)


@pytest.fixture(scope="module")
def scored(site: Path) -> ScoredPortfolio:
    loaded = load_site(site, as_of=AS_OF)
    assert loaded.scored is not None
    return loaded.scored


@pytest.fixture(scope="module")
def out(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--as-of", AS_OF.isoformat(), "--out", str(dest)]
    )
    assert result.exit_code == 0, result.output
    return dest


def chart_of(scored: ScoredPortfolio, oid: str) -> LineChart:
    s = scored.objectives[oid]
    cycle = scored.portfolio.cycles[scored.portfolio.objectives[oid].cycle]
    return progress_chart(s.history, cycle=cycle, as_of=scored.as_of, success=s.success)


def test_progress_chart_spans_the_cycle_with_a_fixed_percent_axis(scored: ScoredPortfolio) -> None:
    chart = chart_of(scored, "support/faster-answers")
    # check-ins 2026-10-15 (2 of 10 macros) and 2026-11-12 (5 of 10)
    # x: 2 + 96 × 14 / 91 = 16.77; 2 + 96 × 42 / 91 = 46.31
    # y: 176 − 156 × 0.2 = 144.8; 176 − 156 × 0.5 = 98
    assert [(p.x, p.y, p.date, p.value) for p in chart.points] == [
        ("16.8%", "144.8", date(2026, 10, 15), 0.2),
        ("46.3%", "98", date(2026, 11, 12), 0.5),
    ]
    assert [(s.x1, s.y1, s.x2, s.y2) for s in chart.segments] == [("16.8%", "144.8", "46.3%", "98")]
    # 0, 50 and 100 % whatever the values; the 100 % label sits under its line
    assert chart.gridlines == (
        Gridline("20", "33", 1.0),
        Gridline("98", "94", 0.5),
        Gridline("176", "172", 0.0),
    )
    # the dates at the ends are the cycle's, not the first and last check-in's
    assert [(d.x, d.anchor, d.date) for d in chart.dates] == [
        ("2%", "start", Q4_START),
        ("98%", "end", Q4_END),
    ]


def test_expected_line_is_scorings_rule(scored: ScoredPortfolio) -> None:
    chart = chart_of(scored, "support/faster-answers")
    e = chart.expected
    assert e is not None
    # committed: expected 0 on the first day, 91/92 of 1.0 on the last
    # (elapsed counts to the day after the end): y = 176 − 156 × 0.9891 = 21.7
    assert (e.x1, e.y1, e.x2, e.y2) == ("2%", "176", "98%", "21.7")
    # the line passes through the expected progress the objective is scored with
    s = scored.objectives["support/faster-answers"]
    share = (AS_OF - Q4_START).days / (Q4_END - Q4_START).days
    y_at = float(e.y1) + (float(e.y2) - float(e.y1)) * share
    assert abs(y_at - (176 - 156 * s.expected)) < 0.1
    # aspirational: success 0.7, so the line ends at 0.7 × 91/92: y = 68
    aspirational = chart_of(scored, "support/delight").expected
    assert aspirational is not None
    assert (aspirational.y1, aspirational.y2) == ("176", "68")
    cycle = scored.portfolio.cycles["2026-Q4"]
    assert expected_progress(cycle, Q4_END, 0.7)[0] == pytest.approx((176 - 68) / 156, abs=1e-3)


def test_as_of_marker(scored: ScoredPortfolio) -> None:
    chart = chart_of(scored, "support/faster-answers")
    m = chart.marker
    assert m is not None
    # 2026-11-20 is day 50: 2 + 96 × 50 / 91 = 54.7; past the middle, so its
    # label runs leftwards
    assert (m.x, m.y1, m.y2, m.anchor, m.date) == ("54.7%", "14", "176", "end", AS_OF)
    # a cycle that ended before as_of has no marker
    assert chart_of(scored, "support/backlog").marker is None


def svg_in(html: str, css_class: str) -> ET.Element:
    match = re.search(rf'<svg [^>]*class="{css_class}".*?</svg>', html, re.S)
    assert match, css_class
    return ET.fromstring(match.group(0))


def test_objective_page_draws_the_chart_and_its_table(out: Path) -> None:
    html = (out / "objectives/support/faster-answers/index.html").read_text()
    svg = svg_in(html, "chart line-chart")
    assert svg.get("viewBox") is None and svg.get("width") == "100%"
    lines = {ln.get("class"): ln for ln in svg.iter(f"{NS}line")}
    expected, as_of = lines["expected"], lines["as-of"]
    assert (expected.get("y1"), expected.get("y2")) == ("176", "21.7")
    assert as_of.get("x1") == as_of.get("x2") == "54.7%"
    texts = [t.text for t in svg.iter(f"{NS}text")]
    assert texts == ["100%", "50%", "0%", "as of 2026-11-20", "2026-10-01", "2026-12-31"]
    points = [(c.get("cx"), c.findtext(f"{NS}title")) for c in svg.iter(f"{NS}circle")]
    assert points == [("16.8%", "2026-10-15: 20%"), ("46.3%", "2026-11-12: 50%")]
    table = re.search(r'<table class="chart-table">(.*?)</table>', html, re.S)
    assert table, "the values are also a table"
    assert (
        "<caption>Progress of <bdi>Answer customers faster</bdi> at the end of each day with a check-in</caption>"
        in (table.group(1))
    )
    cells = re.findall(r"<td>([^<]*)</td>", table.group(1))
    # written like every percentage of the page, so the heading names no unit
    assert cells == ["2026-10-15", "20%", "2026-11-12", "50%"]
    assert '<th scope="col">Value</th>' in table.group(1)


def test_kpi_page_shows_bands_by_direction_and_the_target(out: Path) -> None:
    html = (out / "kpis/first-response/index.html").read_text()
    svg = svg_in(html, "chart line-chart")
    bands = {r.get("class"): float(r.get("y") or 0) for r in svg.iter(f"{NS}rect")}
    # lower is better: healthy (≤ 4 h) at the bottom, critical (> 8 h) on top
    assert bands["band band-critical"] < bands["band band-warning"] < bands["band band-healthy"]
    target = next(ln for ln in svg.iter(f"{NS}line") if ln.get("class") == "target")
    assert float(target.get("y1") or 0) > bands["band band-healthy"]  # 2 h: inside healthy
    assert "target 2" in "".join(svg.itertext())


def test_key_result_sparkline_spans_the_cycle_and_shows_kpi_bands(out: Path) -> None:
    html = (out / "objectives/support/faster-answers/index.html").read_text()
    spark = svg_in(html, "sparkline")
    # the last check-in (2026-11-12, day 42 of 91) sits under halfway across
    # the 96-unit line: 2 + 92 × 42 / 91 = 44.5
    assert spark.find(f"{NS}polyline") is not None
    last = spark.find(f"{NS}circle")
    assert last is not None and last.get("cx") == "44.5"
    names = [r.get("class") for r in spark.iter(f"{NS}rect")]
    assert "band band-healthy" in names and "band band-critical" in names


def fills(html: str, title: str) -> list[str]:
    pattern = rf'aria-label="Progress of {re.escape(title)}"[^>]*><span class="([^"]*)"'
    return re.findall(pattern, html)


def test_missed_objective_bar_is_not_green(out: Path, scored: ScoredPortfolio) -> None:
    s = scored.objectives["support/backlog"]
    assert (s.status, s.grade) == ("missed", "green")  # the case that used to show green
    pages = [
        "objectives/support/backlog/index.html",
        "cycles/2026-Q3/index.html",
        "alignment/index.html",
    ]
    for page in pages:
        found = fills((out / page).read_text(), "Clear the support backlog")
        assert found and all(f == "fill fill-missed" for f in found), (page, found)
    css = (out / "static/style.css").read_text()
    rule = re.search(r"\n([^\n{}]*\.fill-missed[^{]*)\{([^}]*)\}", css)
    assert rule and "var(--red)" in rule.group(2)
    assert ".grade-green" not in rule.group(1)


def test_summary_bars_carry_no_status_colour(out: Path) -> None:
    html = (out / "teams/index.html").read_text()
    found = re.findall(r'role="progressbar"[^>]*><span class="([^"]*)"', html)
    assert found and set(found) == {"fill"}


def test_every_bar_beside_a_status_chip_has_its_colour(out: Path) -> None:
    """Objective items, key-result rows and alignment nodes on every page: the
    bar's colour class is the status of the chip next to it."""
    from bs4 import BeautifulSoup

    checked = 0
    for page in out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for holder in soup.select("li.obj, tr[id^=kr-], span.node, div.overview"):
            chip, fill = holder.select_one(".status"), holder.select_one(".fill")
            if chip is None or fill is None:
                continue
            status = next(c[len("status-") :] for c in chip["class"] if c != "status")
            assert f"fill-{status}" in fill["class"], (page, holder.get_text(" ")[:80])
            checked += 1
    assert checked >= 10


def test_kpi_tiles_show_the_kpi_with_bands_and_target(out: Path) -> None:
    html = (out / "kpis/index.html").read_text()
    tile = re.search(r'<li class="tile[^"]*">.*?First response time.*?</li>', html, re.S)
    assert tile
    spark = svg_in(tile.group(0), "sparkline")
    bands = {r.get("class"): float(r.get("y") or 0) for r in spark.iter(f"{NS}rect")}
    # lower is better: healthy below critical in the little line too
    assert bands["band band-critical"] < bands["band band-healthy"]
    assert spark.find(f"{NS}line[@class='target']") is not None


def test_a_check_in_outside_the_cycle_widens_the_axis() -> None:
    from okrsite.model import Cycle

    cycle = Cycle("2026-Q4", Q4_START, Q4_END)
    early = date(2026, 9, 10)  # 21 days before the cycle: the axis runs 112 days
    chart = progress_chart(
        [(early, 0.1), (date(2026, 10, 20), 0.3)], cycle=cycle, as_of=AS_OF, success=1.0
    )
    assert [d.date for d in chart.dates] == [early, Q4_END]
    assert chart.points[0].x == "2%"
    # the expected line still starts on the cycle's first day: 2 + 96 × 21 / 112 = 20
    assert chart.expected is not None and chart.expected.x1 == "20%"
    # as_of after everything drawn: no marker
    late = progress_chart([(early, 0.1)], cycle=cycle, as_of=date(2027, 1, 5), success=1.0)
    assert late.marker is None
