"""``okrsite diff``'s Scores list an objective only when its own figures moved
(progress, expected progress, status, confidence, forecast; docs/diff.md).

A dropped key result counts nowhere, nor does one of weight 0: a check-in
that moves only its value moves none of the objective's figures, so the
objective is not listed (it once was: ``eu: 50% → 50%, on-track
(check-in)`` above ``pilot: 0% → 100% ▲, dropped``). When the objective is
listed for another reason, its key results' moves are shown with it, the
one that counts nowhere included. These tests build real repositories and
run the real command.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

AS_OF = "2026-11-20"
WHEN = "2026-11-10T09:00:00+00:00"
LATER = "2026-11-11T09:00:00+00:00"
CHECKIN = "content/checkins/2026-11-10-eu.md"
OBJECTIVE = "content/objectives/eu.md"
CONFIG = 'title = "Acme"\ndefault_cycle = "2026-Q4"\n'

#: how the second key result counts nowhere
NOWHERE = {
    "dropped": "    status: dropped\n",
    "weight-0": "    weight: 0\n",
}

EU = """\
---
title: Expand into the EU
owner: Uma Diaz
key_results:
  - id: signed
    title: Signed customers
    start: 0
    target: 10
  - id: pilot
    title: Pilot customers
    start: 0
    target: 10
{nowhere}---
"""
EU_CHECKIN = """\
---
objective: eu
date: 2026-11-10
author: Uma Diaz
confidence: 7
values: {{signed: {signed}, pilot: {pilot}}}
---
Weekly update.
"""


def diff(root: Path, fmt: str) -> Result:
    result = CliRunner().invoke(
        cli,
        ["diff", "HEAD~1", "HEAD", "--site", str(root), "--as-of", AS_OF, "--format", fmt],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result


def repo_with(
    tmp_path: Path, nowhere: str, before: tuple[int, int], after: tuple[int, int]
) -> Repo:
    """Two commits: the check-in's (signed, pilot) values ``before``, then ``after``."""
    repo = Repo(tmp_path / "site")
    repo.write(".gitignore", ".okrsite-cache/\n")
    repo.write("okrsite.toml", CONFIG)
    repo.write(OBJECTIVE, EU.format(nowhere=NOWHERE[nowhere]))
    for values, when in ((before, WHEN), (after, LATER)):
        signed, pilot = values
        repo.write(CHECKIN, EU_CHECKIN.format(signed=signed, pilot=pilot))
        repo.commit("Check-in", "alice", when)
    return repo


def scores(root: Path) -> list[dict[str, object]]:
    report = json.loads(diff(root, "json").stdout)
    # the check-in's value change is listed all the same
    (checkin,) = report["checkins"]
    assert "pilot" in [v["key"] for v in checkin["values"]]
    listed = report["scores"]
    assert isinstance(listed, list)
    return listed


@pytest.mark.parametrize("nowhere", list(NOWHERE))
def test_move_of_a_key_result_that_counts_nowhere_lists_no_score(
    tmp_path: Path, nowhere: str
) -> None:
    repo = repo_with(tmp_path, nowhere, (5, 0), (5, 10))
    assert scores(repo.root) == []
    text = diff(repo.root, "text").stdout
    assert "pilot 0 → 10" in text  # the check-in's value is reported
    assert "eu: 50% → 50%" not in text
    assert "pilot: 0% → 100%" not in text


@pytest.mark.parametrize("nowhere", list(NOWHERE))
def test_listed_objective_still_shows_that_key_result(tmp_path: Path, nowhere: str) -> None:
    repo = repo_with(tmp_path, nowhere, (5, 0), (8, 10))
    (score,) = scores(repo.root)
    assert score["id"] == "eu"
    assert score["progress"] == {"before": 0.5, "after": 0.8}
    krs = score["key_results"]
    assert isinstance(krs, list)
    assert [k["id"] for k in krs] == ["signed", "pilot"]
    text = diff(repo.root, "text").stdout
    assert "eu: 50% → 80% ▲" in text
    assert "pilot: 0% → 100% ▲" in text


def test_counted_key_result_moves_the_objective(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "site")
    repo.write(".gitignore", ".okrsite-cache/\n")
    repo.write("okrsite.toml", CONFIG)
    repo.write(OBJECTIVE, EU.format(nowhere=""))
    for pilot, when in ((0, WHEN), (10, LATER)):
        repo.write(CHECKIN, EU_CHECKIN.format(signed=5, pilot=pilot))
        repo.commit("Check-in", "alice", when)
    (score,) = scores(repo.root)
    assert score["id"] == "eu"
    assert score["progress"] == {"before": 0.25, "after": 0.75}
