"""``okrsite diff`` marks a change that moves an ended cycle's final figures.

A quarter's figures are its record once it has ended. Grading it (``score:``)
and writing down its last values is what a team does after the end; easing
a target, adding or dropping a key result, or re-weighting it changes the
record, and a reviewer must see that. Real git repositories, the real CLI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

CONFIG = 'title = "Acme"\nas_of = 2026-11-20\n'
Q3 = """
---
title: Win the mid-market
cycle: Q3 2026
owner: Uma Diaz
key_results:
  - id: logos
    title: New mid-market logos
    start: 0
    target: 40
  - id: churn
    title: Logo churn
    start: 8
    target: 4
    unit: "%"
---
"""
Q4 = """
---
title: Grow the pipeline
cycle: 2026-Q4
owner: Tom Lee
key_results:
  - {id: pipeline, title: Pipeline, start: 0, target: 100}
---
"""


def diff(repo: Path, base: str, head: str, *args: str) -> tuple[int, str]:
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(cli, ["diff", base, head, *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


def test_a_target_eased_after_the_cycle_ended_is_marked_and_grading_is_not(
    tmp_path: Path,
) -> None:
    repo = init_repo(tmp_path / "repo")
    base = commit(
        repo,
        "goals",
        {
            "okrsite.toml": CONFIG,
            "content/objectives/sales/mid-market.md": Q3,
            "content/objectives/sales/pipeline.md": Q4,
        },
    )
    # after the quarter: grade it and write down the last value (record keeping)
    graded = commit(
        repo,
        "grade Q3",
        {
            "content/objectives/sales/mid-market.md": Q3.replace(
                "    target: 40\n", "    target: 40\n    current: 31\n    score: 0.7\n"
            ),
        },
        when="2026-11-15T09:00:00Z",
    )
    code, out = diff(repo, base, graded, "--format", "json", "--fail-on", "ended-cycle")
    assert code == 0, out
    [rec] = json.loads(out)["objectives"]
    assert rec["id"] == "sales/mid-market" and rec["cycle_ended"] is None

    # then someone eases the ended quarter's target and the running one's
    eased = commit(
        repo,
        "ease",
        {
            "content/objectives/sales/mid-market.md": Q3.replace("target: 40", "target: 30"),
            "content/objectives/sales/pipeline.md": Q4.replace("target: 100", "target: 90"),
        },
        when="2026-11-15T09:00:00Z",
    )
    code, out = diff(repo, base, eased, "--format", "json", "--fail-on", "ended-cycle")
    assert code == 1
    data = json.loads(out)
    marks = {r["id"]: r["cycle_ended"] for r in data["objectives"]}
    assert marks == {"sales/mid-market": "2026-Q3", "sales/pipeline": None}
    assert [f["rule"] for f in data["findings"]].count("ended-cycle") == 1

    code, text = diff(repo, base, eased, "--format", "text", "--fail-on", "none")
    assert code == 0
    assert "after 2026-Q3 ended: its final figures change" in text
    code, md = diff(repo, base, eased, "--format", "markdown", "--fail-on", "none")
    assert "**after 2026-Q3 ended**: its final figures change" in md
    assert md.count("ended**") == 1  # not the running quarter's objective

    # dropping a key result of the ended quarter is marked too
    dropped = commit(
        repo,
        "drop churn",
        {
            "content/objectives/sales/mid-market.md": Q3.split("  - id: churn")[0] + "---\n",
        },
        when="2026-11-15T09:00:00Z",
    )
    code, out = diff(repo, eased, dropped, "--format", "json", "--fail-on", "ended-cycle")
    assert code == 1
    assert json.loads(out)["objectives"][0]["cycle_ended"] == "2026-Q3"


def test_diff_help_names_every_rule() -> None:
    """``okrsite diff --help`` left out ``ended-cycle``, which --fail-on takes."""
    from okrsite.diff import RULES

    shown = CliRunner().invoke(cli, ["diff", "--help"], terminal_width=1000).output
    for rule in RULES:
        assert rule in shown, rule
