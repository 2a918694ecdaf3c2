"""A key result that reads a KPI takes the KPI's readings up to the last day
of its cycle: a quarter that has ended keeps the figure it ended with, so
its final scorecard does not move month by month with later readings."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]

SITE = {
    "okrsite.toml": "",
    "content/kpis/nps.md": (
        "---\ntitle: Net Promoter Score\nunit: points\ntarget: 40\n"
        "values: {2026-07-01: 30, 2026-09-01: 36, 2026-10-01: 38, 2026-11-01: 39}\n---\n"
    ),
    "content/objectives/cs.md": (
        "---\ntitle: Keep customers happy\ncycle: 2026-Q3\nowner: Uma Diaz\n"
        "key_results:\n"
        "  - {id: nps, title: Raise NPS from 30 to 40, kpi: nps, start: 30, target: 40}\n---\n"
    ),
    "content/checkins/cs/2026-09-20.md": "---\ndate: 2026-09-20\nconfidence: 6\n---\n",
}


def _build(site: Path, as_of: str) -> Path:
    out = site / f"_site-{as_of}"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", as_of)
    assert code == 0, output
    return out


def test_an_ended_quarter_keeps_the_kpi_reading_it_ended_with(make_site: MakeSite) -> None:
    site = make_site(SITE)
    figures = []
    for as_of in ("2026-09-30", "2026-10-05", "2026-12-04"):
        out = _build(site, as_of)
        cycle = json.loads((out / "api/cycles/2026-Q3.json").read_text(encoding="utf-8"))
        portfolio = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
        (objective,) = [o for o in portfolio["objectives"] if o["id"] == "cs"]
        figures.append(
            (
                cycle["summary"]["progress"],
                objective["progress"],
                objective["key_results"][0]["current"],
            )
        )
    # 36 on 2026-09-01 is the last reading of the quarter: (36 - 30) / (40 - 30)
    assert figures == [(0.6, 0.6, 36)] * 3
    page = unescape(re.sub(r"<[^>]+>", " ", (out / "objectives/cs/index.html").read_text()))
    page = re.sub(r"\s+", " ", page)
    assert "30 → 36 → 40 points" in page
    # the key result's chart ends where its current value does
    assert "2 values from 30 points on 2026-07-01 to 36 points on 2026-09-01" in page
    assert "39 points" not in page


def test_a_running_quarter_reads_the_kpi_up_to_as_of(make_site: MakeSite) -> None:
    files = dict(SITE)
    files["content/objectives/cs.md"] = files["content/objectives/cs.md"].replace(
        "2026-Q3", "2026-Q4"
    )
    site = make_site(files)
    out = _build(site, "2026-11-20")
    portfolio = json.loads((out / "api/portfolio.json").read_text(encoding="utf-8"))
    (objective,) = [o for o in portfolio["objectives"] if o["id"] == "cs"]
    assert objective["key_results"][0]["current"] == 39
    assert objective["progress"] == 0.9


def test_the_chart_of_a_key_result_reading_a_kpi_shows_its_cycle_only(
    make_site: MakeSite,
) -> None:
    """A KPI read for years: the key result's chart draws the quarter's readings,
    so a line ending three quarters across means three quarters of the cycle
    have gone by (not the whole history squeezed to its right edge); with no
    reading in the cycle, the one its current value is."""
    site = make_site(
        {
            "okrsite.toml": "",
            "content/kpis/churn.md": (
                "---\ntitle: Monthly churn\nunit: '%'\ndirection: down\ndata: data/churn.csv\n---\n"
            ),
            "content/data/churn.csv": "date,churn\n"
            + "".join(
                f"{y}-{m:02d}-01,{5 - (y - 2025) - m / 10:.1f}%\n"
                for y in (2025, 2026)
                for m in range(1, 12)
            ),
            "content/objectives/cs.md": (
                "---\ntitle: Keep customers\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: churn, title: Churn, kpi: churn, start: 4%, target: 2.5%}\n---\n"
            ),
            "content/objectives/early.md": (
                "---\ntitle: Early\ncycle: 2027-Q1\nowner: Uma Diaz\nkey_results:\n"
                "  - {id: churn, title: Churn, kpi: churn, start: 4%, target: 2.5%}\n---\n"
            ),
        }
    )
    out = _build(site, "2026-12-04")
    page = unescape(re.sub(r"<[^>]+>", " ", (out / "objectives/cs/index.html").read_text()))
    assert "2 values from 3% on 2026-10-01 to 2.9% on 2026-11-01" in re.sub(r"\s+", " ", page)
    assert "2025-01-01" not in page
    out = _build(site, "2027-01-10")
    page = unescape(re.sub(r"<[^>]+>", " ", (out / "objectives/early/index.html").read_text()))
    assert "Churn: readings of KPI Monthly churn: 2.9% on 2026-11-01" in re.sub(r"\s+", " ", page)
