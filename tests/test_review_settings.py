"""okrsite.toml's ``low_confidence`` and ``change_window_days``: read,
checked with located diagnostics, and used by the dashboard.

The review site of test_review_core at 2026-11-15, with the settings moved:
``low_confidence = 8`` puts D (confidence "high" = 8, on track) on the
attention list beside A (3); D is 9 points behind, A 1 point ahead, so after
G (off track) and B (at risk) come D, then A. ``change_window_days = 30``
covers 2026-10-17 .. 2026-11-15: G's check-in of 2026-10-20 joins A's, D's
and the response-time KPI's of the default week.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner
from test_review_core import SITE as REVIEW_SITE

from okrsite.cli import cli
from okrsite.config import parse_config

Make = Callable[[dict[str, str | bytes]], Path]


def test_settings_are_read_from_the_scoring_table() -> None:
    config, diags = parse_config(
        "title = 'X'\n\n[scoring]\nlow_confidence = 5.5\nchange_window_days = 14\n"
    )
    assert diags == []
    assert config.settings.low_confidence == 5.5
    assert config.settings.changes_days == 14
    default, _ = parse_config(None)
    assert default.settings.low_confidence == 4 and default.settings.changes_days == 7


def test_bad_values_are_each_reported_where_they_are(make_site: Make) -> None:
    toml = "title = 'Review'\n[scoring]\nlow_confidence = 11\nchange_window_days = 2.5\n"
    site = make_site({**REVIEW_SITE, "okrsite.toml": toml})
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", "2026-11-15"])
    assert result.exit_code == 1
    assert "okrsite.toml:3" in result.output and "CFG004" in result.output
    assert "low_confidence must be a confidence from 0 to 10, got 11" in result.output
    assert "okrsite.toml:4" in result.output
    assert "change_window_days must be a whole number of days from 1 to 366, got 2.5" in (
        result.output
    )
    assert "Traceback" not in result.output
    for bad in ("0", "'a week'", "true", "400"):
        _, diags = parse_config(f"change_window_days = {bad}\n")
        assert [d.code for d in diags] == ["CFG004"], bad
        assert diags[0].line == 1
    for bad in ("-1", "10.5", "'low'", "nan"):
        _, diags = parse_config(f"low_confidence = {bad}\n")
        assert [d.code for d in diags] == ["CFG004"], bad


def test_the_dashboard_uses_both_settings(make_site: Make, tmp_path: Path) -> None:
    toml = "title = 'Review'\n\n[scoring]\nlow_confidence = 8\nchange_window_days = 30\n"
    site = make_site({**REVIEW_SITE, "okrsite.toml": toml})
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--as-of", "2026-11-15", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = BeautifulSoup((out / "index.html").read_text(), "html.parser")
    items = page.select("#attention ~ ul li.attention")
    assert [i.select_one(".obj-title").get_text() for i in items] == ["G", "B", "D", "A"]  # type: ignore[union-attr]
    assert "low confidence: 8/10" in " ".join(items[2].get_text(" ").split())
    heading = page.select_one("#changes")
    assert heading is not None and heading.get_text() == "What changed in the last 30 days"
    section = " ".join(heading.parent.get_text(" ").split())  # type: ignore[union-attr]
    assert "Check-ins of the objectives of 2026-Q4 and of KPIs, from 2026-10-17 to 2026-11-15." in (
        section
    )
    assert len(page.select("ul.changes > li.change")) == 4
    # the objective page explains the threshold it was judged by
    a = (out / "objectives/sales/a/index.html").read_text()
    assert "at or below 8/10" in a
