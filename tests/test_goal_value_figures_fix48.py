"""Audit 48 (leftover): a SMART goal's ``--value`` written as the number read.

``okrsite checkin <goal> --value "€1,400,000"`` wrote ``current:
"€1,400,000"`` into the goal's file while a key result's ``--set`` writes
the number the loader reads (okrsite.checkin_figures), and ``--value 1.6M``
beside ``unit: M EUR`` wrote ``current: 1600000``, 1.6 million M EUR. The
goal's current value now follows the same rule (docs/content-format.md):
written as the number read, in the measure's unit; a figure the loader
refuses is still refused as typed. Real site files, real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli as run

GOAL = """\
---
title: Raise the seed round
owner: Tom Lee
due: 2026-12-31
measure: {start: 0, target: 2, current: 0.5, unit: M EUR}
---
Close the seed round with two lead investors.
"""


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "s"
    (site / "content/goals").mkdir(parents=True)
    (site / "content/people").mkdir()
    (site / "okrsite.toml").write_text('title = "T"\nas_of = "2026-11-20"\n', encoding="utf-8")
    (site / "content/people/tom-lee.md").write_text("---\ntitle: Tom Lee\n---\n")
    (site / "content/goals/seed.md").write_text(GOAL, encoding="utf-8")
    return site


@pytest.mark.parametrize(
    ("typed", "written", "progress"),
    [
        ("€1,400,000", "current: 1.4,", 0.7),
        ("1.6M", "current: 1.6,", 0.8),
        ("1.2 M EUR", "current: 1.2,", 0.6),
        ("1.5", "current: 1.5,", 0.75),
    ],
)
def test_a_goals_value_is_written_as_the_number_read(
    tmp_path: Path, typed: str, written: str, progress: float
) -> None:
    site = _site(tmp_path)
    code, out = run("checkin", "seed", "--value", typed, "--site", str(site))
    assert code == 0, out
    text = (site / "content/goals/seed.md").read_text(encoding="utf-8")
    assert f"measure: {{start: 0, target: 2, {written} unit: M EUR}}\n" in text, text
    code, out = run("export", "--site", str(site))
    assert code == 0, out
    goal = json.loads(out[out.index("{") :])["goals"][0]
    assert goal["progress"] == pytest.approx(progress)
    code, out = run("check", "--site", str(site))
    assert code == 0 and "0 errors" in out, out


def test_a_goals_value_the_loader_refuses_is_refused_as_typed(tmp_path: Path) -> None:
    site = _site(tmp_path)
    code, out = run("checkin", "seed", "--value", "$1,500,000", "--site", str(site))
    assert code == 1 and "OKR312" in out, out
    assert (site / "content/goals/seed.md").read_text(encoding="utf-8") == GOAL
