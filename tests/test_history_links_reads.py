"""The history follows goal files that are links (okrsite.history_links) with
a ``git log --raw`` of its own, but only when a link is there to follow: the
commits that changed one are seen in the history's own log, so a repository
where no goal file was ever a link (the usual case) pays nothing for it (on
200 commits at 10,000 objectives that log took 0.7 s of a first build). The
history with links is held by tests/test_verify_fix45c.py and
tests/test_linked_content_history_fix45.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import run_cli
from gitrepo import Repo

import okrsite.history_links

GOAL = """---
title: Grow the partner channel
cycle: 2026-Q4
key_results:
  - {{id: deals, title: Partner deals, target: {target}, current: 2}}
---
"""


def _site(tmp_path: Path) -> tuple[Repo, Path]:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "Partners"\n')
    repo.write("content/objectives/partners.md", GOAL.format(target=12))
    repo.commit("The partner goal", "alice", "2026-10-01T10:00:00+00:00")
    repo.write("content/objectives/partners.md", GOAL.format(target=10))
    repo.commit("Ease it", "bob", "2026-11-02T10:00:00+00:00")
    return repo, repo.root


def _changes(out: Path) -> list[object]:
    history = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    entry = history["objectives"]["partners"]
    return [c["field"] for c in entry["changes"] + entry["key_results"]["deals"]["changes"]]


def test_no_link_log_is_read_where_no_goal_file_was_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("a log of the links was read with no link to follow")

    monkeypatch.setattr(okrsite.history_links, "_link_entries", refused)
    _repo, site = _site(tmp_path)
    code, output = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0, output
    assert _changes(tmp_path / "out") == ["created", "target"]


def test_a_link_added_later_is_still_followed(tmp_path: Path) -> None:
    repo, site = _site(tmp_path)
    repo.write("shared/team.md", GOAL.format(target=8))
    os.symlink("../../shared/team.md", site / "content/objectives/team.md")
    repo.commit("The team's goal, kept beside", "carol", "2026-11-10T10:00:00+00:00")
    repo.write("shared/team.md", GOAL.format(target=6))
    repo.commit("Ease the team's", "carol", "2026-11-12T10:00:00+00:00")
    code, output = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0, output
    history = json.loads((tmp_path / "out/api/history.json").read_text(encoding="utf-8"))
    team = history["objectives"]["team"]
    fields = [c["field"] for c in team["changes"] + team["key_results"]["deals"]["changes"]]
    assert fields == ["created", "target"], team
