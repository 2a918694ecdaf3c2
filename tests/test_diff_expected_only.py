"""A change that moves only an objective's pace: its expected progress.

Moving a cycle's dates moves where every objective of the cycle should be by
as_of while its progress stays put. The JSON listed the move under
``scores[].expected``; the terminal report did not show it at all and the
pull-request comment kept it in the collapsed details, so a reviewer saw an
objective "changed" from 40% to 40%, or missed the pace change. Real git
repositories, files written as a person writes them, the real CLI in all
three formats, compared figure for figure.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from click.testing import CliRunner
from test_diff_fixtures import commit, init_repo

from okrsite.cli import cli

CONFIG = """
title = "Acme"
as_of = 2026-11-20

[cycles.H2]
start = {start}
end = {end}
title = "Second half"
"""
PIPELINE = """
---
title: Grow the pipeline
cycle: H2
owner: Uma Diaz
team: Sales
key_results:
  - {id: pipeline, title: Qualified pipeline, start: 0, target: 100, unit: k EUR}
---
"""
ONBOARDING = """
---
title: Onboard customers faster
cycle: H2
owner: Tom Lee
key_results:
  - {id: days, title: Days to first value, start: 30, target: 10}
---
"""
CHECKIN = """
---
objective: sales/pipeline
date: 2026-10-20
author: Uma Diaz
confidence: 6
values: {pipeline: 40}
---
"""
ONBOARDING_CHECKIN = """
---
objective: cs/onboarding
date: 2026-11-02
author: Tom Lee
values: {days: 14}
---
"""


def diff(repo: Path, *args: str) -> str:
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.stdout


def percent(x: float | None) -> str:
    """A fraction of the JSON as the reports write a whole percentage."""
    return "—" if x is None else f"{round(x * 100)}%"


def portfolio(tmp_path: Path, start: str, end: str) -> tuple[Path, str]:
    repo = init_repo(tmp_path / "repo")
    base = commit(
        repo,
        "goals for the second half",
        {
            "okrsite.toml": CONFIG.format(start=start, end=end),
            "content/objectives/sales/pipeline.md": PIPELINE,
            "content/objectives/cs/onboarding.md": ONBOARDING,
            "content/checkins/2026-10-20-pipeline.md": CHECKIN,
            "content/checkins/2026-11-02-onboarding.md": ONBOARDING_CHECKIN,
        },
    )
    return repo, base


def test_a_cycle_that_starts_later_moves_the_expected_progress_in_every_format(
    tmp_path: Path,
) -> None:
    repo, base = portfolio(tmp_path, "2026-07-01", "2026-12-31")
    head = commit(
        repo,
        "the half starts in September",
        {"okrsite.toml": CONFIG.format(start="2026-09-01", end="2026-12-31")},
    )

    report = json.loads(diff(repo, base, head, "--format", "json"))
    scores = {s["id"]: s for s in report["scores"]}
    assert set(scores) == {"sales/pipeline", "cs/onboarding"}
    for s in scores.values():  # nobody's progress moved: only the pace did
        assert s["progress"]["before"] == s["progress"]["after"]
        assert s["expected"]["before"] != s["expected"]["after"]
        assert s["causes"] == ["settings"]
    pipeline, onboarding = scores["sales/pipeline"], scores["cs/onboarding"]
    # the pipeline is less behind a later start: its status moves with it
    assert pipeline["status"] == {"before": "off-track", "after": "at-risk"}
    # onboarding stays on track: the expected progress alone moved
    assert onboarding["status"]["before"] == onboarding["status"]["after"] == "on-track"
    assert onboarding["key_results"] == []

    def shown(s: dict[str, dict[str, float]]) -> tuple[str, str]:
        progress = f"{percent(s['progress']['before'])} → {percent(s['progress']['after'])}"
        expected = (
            f"expected {percent(s['expected']['before'])} → {percent(s['expected']['after'])}"
        )
        return progress, expected

    text = diff(repo, base, head, "--format", "text")
    markdown = diff(repo, base, head, "--format", "markdown")
    for s in (pipeline, onboarding):
        progress, expected = shown(s)
        status = s["status"]
        moved = (
            f"{status['before']} → {status['after']}"
            if status["before"] != status["after"]
            else status["after"]
        )
        # the terminal: the objective's line names the pace change
        assert f"  {s['id']}: {progress}, {expected}, {moved} (settings)\n" in text, text
        # the comment: the table at the top, not only the collapsed details
        row = next(line for line in markdown.splitlines() if f"| `{s['id']}`" in line)
        assert f"| {progress}, {expected} | {moved} | settings |" in row, row
        assert f"- `{s['id']}`: progress {progress}, {expected}, status {moved} (settings)" in (
            markdown
        )
    assert "expected 77% → 66%" in text  # the figures a reviewer reads, spelled out once
    # the status change it causes, on the key result as well
    assert "      pipeline: 40% → 40%, off-track → at-risk\n" in text
    assert "  - key result `pipeline`: 40% → 40%, off-track → at-risk" in markdown


def test_a_pace_change_under_one_percent_is_not_written_as_no_change(tmp_path: Path) -> None:
    """A cycle one day longer moves the expected progress by less than a
    whole percent: "expected 77% → 77%" would read as no change at all."""
    repo, base = portfolio(tmp_path, "2026-07-01", "2026-12-31")
    head = commit(
        repo,
        "the half ends on New Year's Day",
        {"okrsite.toml": CONFIG.format(start="2026-07-01", end="2027-01-01")},
    )
    report = json.loads(diff(repo, base, head, "--format", "json"))
    scores = {s["id"]: s for s in report["scores"]}
    assert scores, report
    text = diff(repo, base, head, "--format", "text")
    markdown = diff(repo, base, head, "--format", "markdown")
    for s in scores.values():
        before, after = s["expected"]["before"], s["expected"]["after"]
        assert before != after
        found = re.search(rf"  {re.escape(s['id'])}: .*?expected (\S+)% → (\S+)%", text)
        assert found, text
        shown = float(found.group(1)), float(found.group(2))
        assert shown[0] != shown[1], found.group(0)
        # the JSON's figures, with the (fewest) decimals that tell them apart
        assert abs(shown[0] - before * 100) <= 0.05 and abs(shown[1] - after * 100) <= 0.05
        assert f"expected {found.group(1)}% → {found.group(2)}%" in markdown
    assert "  sales/pipeline: 40% → 40%, expected 77.2% → 76.8%, off-track (settings)\n" in text


def test_a_check_in_base_refused_says_why(tmp_path: Path) -> None:
    """A field the JSON listed and the reports did not: the errors base
    refused a check-in for (``errors`` of a check-in that ``could not be read
    at base``); head's errors of one it refuses were shown all along."""
    repo, _ = portfolio(tmp_path, "2026-07-01", "2026-12-31")
    broken = commit(
        repo,
        "target in words",
        {
            "content/objectives/cs/onboarding.md": ONBOARDING.replace("target: 10", "target: ten"),
        },
    )
    head = commit(
        repo,
        "fix the target, more pipeline",
        {
            "content/objectives/cs/onboarding.md": ONBOARDING,
            "content/checkins/2026-10-20-pipeline.md": CHECKIN.replace("40", "45"),
        },
    )
    report = json.loads(diff(repo, broken, head, "--format", "json"))
    checkins = {c["id"]: c for c in report["checkins"]}
    fixed = checkins["2026-11-02-onboarding"]
    assert fixed["broken_at_base"] is True and fixed["errors"], fixed
    error = fixed["errors"][0]

    text = diff(repo, broken, head, "--format", "text")
    line = next(x for x in text.splitlines() if "could not be read at base 2026-11-02" in x)
    assert f"errors at base: {error['file']}:{error['line']}" in line, line
    assert error["code"] in line and error["message"] in line
    line = next(x for x in text.splitlines() if "2026-10-20 objective sales/pipeline" in x)
    assert "errors at base" not in line  # base read this one

    markdown = diff(repo, broken, head, "--format", "markdown")
    line = next(x for x in markdown.splitlines() if "2026-11-02 objective" in x)
    assert "**could not be read at base**" in line
    assert f"errors at base: `{error['file']}:{error['line']}" in line, line
    assert f"`{error['code']}`" in line


def test_a_small_move_is_written_with_the_same_decimals_on_both_sides(tmp_path: Path) -> None:
    """A check-in value moved from 74,960 to 74,940 of 100,000: progress
    0.7496 → 0.7494. Written ``75.0% → 74.9%`` (``75% → 74.9%`` before) it
    read as five times the move; both sides carry the decimals that show
    the true move, ``74.96% → 74.94%``, in the terminal and the comment."""
    repo, base = portfolio(tmp_path, "2026-07-01", "2026-12-31")
    wide = PIPELINE.replace("target: 100,", "target: 100000,")
    at = CHECKIN.replace("pipeline: 40", "pipeline: 74960")
    middle = commit(
        repo,
        "a wider target",
        {
            "content/objectives/sales/pipeline.md": wide,
            "content/checkins/2026-10-20-pipeline.md": at,
        },
    )
    head = commit(
        repo,
        "a correction",
        {"content/checkins/2026-10-20-pipeline.md": at.replace("74960", "74940")},
    )
    assert base != middle
    report = json.loads(diff(repo, middle, head, "--format", "json"))
    pipeline = {s["id"]: s for s in report["scores"]}["sales/pipeline"]
    assert (pipeline["progress"]["before"], pipeline["progress"]["after"]) == (0.7496, 0.7494)
    text = diff(repo, middle, head, "--format", "text")
    assert "sales/pipeline: 74.96% → 74.94% ▼" in text
    assert "75.0%" not in text and "74.9%" not in text
    assert "74.96% → 74.94% ▼" in diff(repo, middle, head, "--format", "markdown")
