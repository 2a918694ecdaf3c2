"""Numbers out of their range, as people write them: each error says what to write.

A setting written with quotes or a unit (``stale_after_days = "14 days"``)
is CFG004 and the hint gives the line to write with its default; a share
written as a percentage (``aspirational_success = "60%"``) is read as the
share it is. A check-in's confidence of 12 and a key result's weight of -1
are OKR107, each with what the figure means.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from okrsite.cli import cli

MakeSite = Callable[[dict[str, str | bytes]], Path]

GOAL = """\
---
title: Grow revenue
owner: Uma Diaz
cycle: 2026-Q4
commitment: aspirational
key_results:
  - id: arr
    title: Reach ARR
    start: 0
    target: 100
    current: 65
    weight: {weight}
---
"""


def check(site: Path) -> str:
    result = CliRunner().invoke(cli, ["check", "--site", str(site)])
    assert result.exit_code == 1, result.output
    return result.output


def test_a_setting_written_with_a_unit_gets_the_line_to_write(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\nstale_after_days = "14 days"\n'
            "max_pages = 0\ndashboard_changes = -5\n",
            "content/objectives/grow.md": GOAL.format(weight=1),
        }
    )
    output = check(site)
    assert "stale_after_days must be a whole number of days (0 or more), got '14 days'" in output
    assert "hint: write a bare number, without quotes or unit: stale_after_days = 14" in output
    assert "max_pages = 200000 is the default" in output
    assert "dashboard_changes = 50 is the default" in output


def test_a_share_written_as_a_percentage_is_read(make_site: MakeSite) -> None:
    """60% progress on an aspirational objective: achieved at a success of "60%"."""
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-12-31\n'
            'aspirational_success = "60%"\non_track_threshold = "10 %"\n',
            "content/objectives/grow.md": GOAL.format(weight=1),
        }
    )
    out = site / "_site"
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = json.loads((out / "api/cycles/2026-Q4.json").read_text("utf-8"))
    assert rows["commitment"]["aspirational"]["success"] == 0.6
    assert rows["commitment"]["aspirational"]["achieved"] == 1


def test_figures_out_of_range_say_what_they_mean(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": 'title = "Acme"\n',
            "content/objectives/grow.md": GOAL.format(weight="-1"),
            "content/checkins/2026-11-10-grow.md": "---\nobjective: grow\nconfidence: 12\n"
            "values:\n  arr: 70\n---\n",
        }
    )
    output = check(site)
    assert "OKR107: weight must be at least 0, got -1" in output
    assert "weight: 0 leaves it out" in output
    assert "OKR107: confidence must be between 0 and 10, got 12" in output
    assert "from 0 (not at all) to 10 (certain): confidence: 7" in output
