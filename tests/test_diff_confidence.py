"""``okrsite diff`` reports an objective's confidence and forecast moving.

An objective's confidence is its latest check-in's (that gives one), so a
change can move it without touching any confidence: here a branch dates the
later of two check-ins back before the other, and the objective's
confidence goes from that check-in's 7 to the earlier one's 6. The report
must say so in every format, with the very figures each revision's built
``api/portfolio.json`` gives (diff compares scored portfolios; it computes
no figure of its own).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli
from okrsite.numbers import json_number

OBJECTIVE = """\
---
title: Win the mid-market
cycle: 2026-Q4
owner: alice
key_results:
  - id: deals
    title: Close 20 new deals
    start: 0
    target: 20
---
"""

CHECKIN = """\
---
objective: sales/mid-market
date: {date}
author: alice
confidence: {confidence}
values: {{deals: {deals}}}
---
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``main``: check-ins of 2026-11-20 (confidence 6) and 2026-12-03
    (confidence 7); ``back``: the later one dated 2026-11-01 instead."""
    root = tmp_path_factory.mktemp("confidence") / "repo"
    repo = Repo(root)
    repo.write("okrsite.toml", 'title = "Acme"\nas_of = 2026-12-10\n')
    repo.write("content/objectives/sales/mid-market.md", OBJECTIVE)
    repo.write(
        "content/checkins/2026-11-20-mid-market.md",
        CHECKIN.format(date="2026-11-20", confidence=6, deals=8),
    )
    later = "content/checkins/2026-12-03-mid-market.md"
    repo.write(later, CHECKIN.format(date="2026-12-03", confidence=7, deals=12))
    repo.commit("two check-ins", "alice", "2026-12-03T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "back")
    repo.write(later, CHECKIN.format(date="2026-11-01", confidence=7, deals=12))
    repo.commit("the later check-in was written in November", "bob", "2026-12-04T10:00:00+00:00")
    return root


def _built(repo: Path, revision: str) -> dict[str, object]:
    """The objective's record in ``api/portfolio.json`` of ``revision``, built
    from a clone of its own with ``okrsite build``."""
    checkout = repo.parent / f"checkout-{revision}"
    if not checkout.exists():
        subprocess.run(
            ["git", "clone", "-q", "--branch", revision, str(repo), str(checkout)],
            check=True,
            capture_output=True,
        )
    out = checkout / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(checkout), "--out", str(out), "--no-cache", "--no-history"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api" / "portfolio.json").read_text(encoding="utf-8"))
    (record,) = [o for o in data["objectives"] if o["id"] == "sales/mid-market"]
    assert isinstance(record, dict)
    return record


def _diff(repo: Path, fmt: str) -> str:
    result = CliRunner().invoke(cli, ["diff", "main", "back", "--format", fmt, "--site", str(repo)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 0, result.output
    return result.output


def _percent(x: object) -> str:
    assert isinstance(x, (int, float))
    return f"{round(x * 100)}%"


def test_the_objectives_confidence_move_is_reported_as_built(repo: Path) -> None:
    base, head = _built(repo, "main"), _built(repo, "back")
    # the figures each revision's site shows
    assert (base["confidence"], head["confidence"]) == (7, 6)

    data = json.loads(_diff(repo, "json"))
    (score,) = [s for s in data["scores"] if s["id"] == "sales/mid-market"]
    assert score["confidence"] == {"before": base["confidence"], "after": head["confidence"]}
    assert score["forecast"] == {"before": base["forecast"], "after": head["forecast"]}
    assert score["progress"] == {"before": base["progress"], "after": head["progress"]}
    assert score["causes"] == ["check-in"]
    # the check-in's own confidence did not change: only its date did
    (checkin,) = data["checkins"]
    assert checkin["confidence"] == {"before": 7, "after": 7}
    assert [f["field"] for f in checkin["fields"]] == ["date"]
    # the forecast moved too (the check-ins' trend changed), and is listed
    assert base["forecast"] != head["forecast"]
    assert "confidence or forecast changes for 1 objective" in data["summary"]

    forecast = f"forecast {_percent(base['forecast'])} → {_percent(head['forecast'])}"
    progress = f"{_percent(base['progress'])} → {_percent(head['progress'])}"

    text = _diff(repo, "text")
    lines = text.splitlines()
    start = lines.index("Objectives whose figures changed:")
    line = lines[start + 1]
    assert line.startswith(f"  sales/mid-market: {progress} ▼, "), text
    assert ", confidence 7 → 6, " in line, text
    assert forecast in line, text

    markdown = _diff(repo, "markdown")
    (row,) = [r for r in markdown.splitlines() if r.startswith("| `sales/mid-market`")]
    assert re.search(rf"\| {progress} ▼, confidence 7 → 6, {forecast} \|", row), row
    (detail,) = [r for r in markdown.splitlines() if r.startswith("- `sales/mid-market`: progress")]
    assert f"progress {progress} ▼, confidence 7 → 6, {forecast}, status " in detail, detail


def test_json_figures_are_the_exports_numbers(repo: Path) -> None:
    """The JSON writes the figures as every JSON file of the site does."""
    base, head = _built(repo, "main"), _built(repo, "back")
    data = json.loads(_diff(repo, "json"))
    (score,) = data["scores"]
    for key in ("confidence", "forecast", "progress", "expected"):
        assert score[key]["before"] == json_number(base[key])  # type: ignore[arg-type]
        assert score[key]["after"] == json_number(head[key])  # type: ignore[arg-type]
