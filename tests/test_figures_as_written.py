"""A figure is shown with the decimals it was written with (up to four), so
it never contradicts the word beside it: a KPI of 0.1249 under a "warning"
badge does not read "0.12, healthy ≥ 0.12"."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

from conftest import run_cli

MakeSite = Callable[[dict[str, str | bytes]], Path]
TOML = 'title = "T"\nas_of = 2026-11-20\n'


def _build(site: Path) -> Path:
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out))
    assert code == 0, output
    return out


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_a_kpi_and_its_thresholds_show_the_decimals_that_tell_them_apart(
    make_site: MakeSite,
) -> None:
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/ratio.md": (
                "---\ntitle: Support ratio\ntarget: 0.3\n"
                "thresholds: {green: 0.125, red: 0.1}\n"
                "values: {2026-10-01: 0.13, 2026-11-01: 0.1249}\n---\n"
            ),
            "content/kpis/churn.md": (
                '---\ntitle: Churn\nunit: "%"\ndirection: down\n'
                "thresholds: {green: 2, red: 3}\n"
                "values: {2026-10-01: 2.5, 2026-11-01: 2.004}\n---\n"
            ),
        }
    )
    out = _build(site)
    ratio = _text((out / "kpis/ratio/index.html").read_text(encoding="utf-8"))
    assert "0.1249 warning" in ratio
    assert "healthy ≥ 0.125; critical < 0.1" in ratio
    assert "0.12 " not in ratio
    churn = _text((out / "kpis/churn/index.html").read_text(encoding="utf-8"))
    assert "2.004% warning" in churn
    assert "healthy ≤ 2%; critical > 3%" in churn
    dashboard = _text((out / "index.html").read_text(encoding="utf-8"))
    assert "2.004%" in dashboard and "0.1249" in dashboard


def test_a_messages_figures_are_written_as_on_the_page(make_site: MakeSite) -> None:
    """OKR206 named both readings of a day as "0.12" when they were 0.1249 and 0.125."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/ratio.md": (
                "---\ntitle: Support ratio\ntarget: 0.3\ndata: data/ratio.csv\n"
                "values: {2026-11-01: 0.1249}\n---\n"
            ),
            "content/data/ratio.csv": "date,value\n2026-11-01,0.125\n",
        }
    )
    code, out = run_cli("check", "--site", str(site))
    assert code == 0, out
    assert "two readings: 0.1249 in values: and 0.125 in data/ratio.csv" in out, out


def test_a_progress_just_short_of_done_is_never_written_as_done(make_site: MakeSite) -> None:
    """$50 short of $1.5M (0.999967) read "100%", "Grade 1 green" and "100% missed"."""
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/rev.md": (
                "---\ntitle: Hit the revenue number\ncycle: 2026-Q3\nowner: Kim Park\n"
                "key_results:\n"
                "  - {id: revenue, title: Reach $1.5M revenue, target: 1500000, unit: USD}\n---\n"
            ),
            "content/checkins/rev/2026-09-30.md": (
                '---\ndate: 2026-09-30\nconfidence: 7\nvalues: {revenue: "$1,499,950"}\n---\n'
            ),
        }
    )
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-10-05")
    assert code == 0, output
    page = _text((out / "objectives/rev/index.html").read_text(encoding="utf-8"))
    assert "Hit the revenue number 99% Status missed Grade 0.99997 green" in page
    assert "= 0.99997 → 99%" in page
    assert "→ 0.99997 green" in page
    assert "100% missed" not in page and "→ 1 green" not in page
    assert "<title>rev: 99% missed</title>" in (out / "badges/rev.svg").read_text(encoding="utf-8")
    (row,) = [
        line
        for line in (out / "api/objectives.csv").read_text(encoding="utf-8").splitlines()
        if line.startswith("rev,")
    ]
    assert ",0.999967," in row


def test_a_stretch_goal_just_short_of_its_success_is_not_70_percent_missed(
    make_site: MakeSite,
) -> None:
    """An aspirational objective at 0.6996 missed its 0.7 success and is
    yellow: pages, badge, cycle list and scorecard read "70% missed"."""
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/stretch.md": (
                "---\ntitle: Stretch\ncycle: 2026-Q3\ncommitment: aspirational\n"
                "key_results:\n  - {id: a, title: A, target: 10000, current: 6996}\n---\n"
            ),
            "content/objectives/floor.md": (
                "---\ntitle: Floor\ncycle: 2026-Q3\n"
                "key_results:\n  - {id: a, title: A, target: 10000, current: 3996}\n---\n"
            ),
        }
    )
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--as-of", "2026-10-05")
    assert code == 0, output
    page = _text((out / "objectives/stretch/index.html").read_text(encoding="utf-8"))
    assert "Stretch 69% Status missed Grade 0.6996 yellow" in page
    assert "Expected by now 70%" in page  # the success level itself: 0.7 is 70%
    assert "70% missed" not in page
    badge = (out / "badges/stretch.svg").read_text(encoding="utf-8")
    assert "<title>stretch: 69% missed</title>" in badge
    cycle = _text((out / "cycles/2026-Q3/index.html").read_text(encoding="utf-8"))
    assert "69%" in cycle and "70% missed" not in cycle
    floor = _text((out / "objectives/floor/index.html").read_text(encoding="utf-8"))
    assert "Floor 39% Status missed Grade 0.3996 red" in floor


def test_a_kpi_chart_labels_its_target_with_the_unit(make_site: MakeSite) -> None:
    """The target line read "target 90" beside axis labels of "90%"."""
    site = make_site(
        {
            "okrsite.toml": TOML,
            "content/kpis/csat.md": (
                '---\ntitle: CSAT\nunit: "%"\ntarget: 90\n'
                "values: {2026-10-01: 85, 2026-11-01: 87}\n---\n"
            ),
        }
    )
    out = _build(site)
    page = (out / "kpis/csat/index.html").read_text(encoding="utf-8")
    assert re.search(r'class="axis target-label"[^>]*>target 90%<', page), page
