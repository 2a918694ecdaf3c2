"""``okrsite diff HEAD``: the working tree against HEAD, each side its own files.

The working tree is read from disk and HEAD from git's objects, with one set
of parses shared by both sides. An edit not yet committed (a check-in's
value, a key result's target) once showed as "No changes to goals": the
base side was answered from what the parse cache kept of the *working
tree* (its stat index and outcome), so both sides held the edited values.
These tests build real repositories, with and without a parse cache left
by ``okrsite check`` as a user runs it, and run the real command.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli
from okrsite.revision_tree import load_revisions

AS_OF = "2026-11-20"
WHEN = "2026-11-10T09:00:00+00:00"
CHECKIN = "content/checkins/2026-11-10-grow.md"
OBJECTIVE = "content/objectives/grow.md"

CONFIG = 'title = "Acme"\ndefault_cycle = "2026-Q4"\n'
GROW = """\
---
title: Grow the business
owner: Uma Diaz
key_results:
  - id: logos
    title: Win new logos
    start: 0
    target: {target}
---
Land the accounts the sales team has been courting.
"""
GROW_CHECKIN = """\
---
objective: grow
date: 2026-11-10
author: Uma Diaz
confidence: 7
values: {{logos: {logos}}}
---
Two more signed this week.
"""

#: what each edit changes: (target before, after), (check-in value before, after)
EDITS = {
    "checkin": ((30, 30), (9, 12)),
    "target": ((30, 40), (9, 9)),
    "both": ((30, 40), (9, 12)),
}
#: when ``okrsite check`` ran before the diff (leaving its parse cache)
CACHES = ("none", "before-edit", "after-edit")


def cli_run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def check(root: Path) -> None:
    result = cli_run("check", "--site", str(root), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert (root / ".okrsite-cache").is_dir()


def diff(root: Path, *revs: str, fmt: str = "json") -> Result:
    result = cli_run("diff", *revs, "--site", str(root), "--as-of", AS_OF, "--format", fmt)
    assert result.exit_code == 0, result.output
    return result


def write_site(repo: Repo, target: int, logos: int) -> None:
    repo.write(OBJECTIVE, GROW.format(target=target))
    repo.write(CHECKIN, GROW_CHECKIN.format(logos=logos))


def site(tmp_path: Path) -> Repo:
    """A committed site: one objective, one check-in (``logos: 9`` of 30)."""
    repo = Repo(tmp_path / "site")
    repo.write(".gitignore", ".okrsite-cache/\n")
    repo.write("okrsite.toml", CONFIG)
    write_site(repo, 30, 9)
    repo.commit("Q4 goals", "alice", WHEN)
    return repo


def changes(report: dict[str, object]) -> tuple[list[object], list[object]]:
    """(the key results' field changes, the check-ins' value changes) of a JSON report."""
    objectives = report["objectives"]
    checkins = report["checkins"]
    assert isinstance(objectives, list) and isinstance(checkins, list)
    fields = [
        (kr["id"], f["field"], f["before"], f["after"])
        for o in objectives
        for kr in o["key_results"]
        for f in kr["fields"]
    ]
    values = [(c["file"], v["key"], v["before"], v["after"]) for c in checkins for v in c["values"]]
    return fields, values


def expected(edit: str) -> tuple[list[object], list[object]]:
    (t0, t1), (v0, v1) = EDITS[edit]
    fields = [("logos", "target", t0, t1)] if t0 != t1 else []
    values = [(CHECKIN, "logos", v0, v1)] if v0 != v1 else []
    return fields, values


@pytest.mark.parametrize("cache", CACHES)
@pytest.mark.parametrize("edit", list(EDITS))
def test_working_tree_edit_is_shown_against_head(tmp_path: Path, edit: str, cache: str) -> None:
    repo = site(tmp_path)
    if cache == "before-edit":
        check(repo.root)
    (_, target), (_, logos) = EDITS[edit]
    write_site(repo, target, logos)
    if cache == "after-edit":
        check(repo.root)
        check(repo.root)  # a second run answers from the cache it left

    report = json.loads(diff(repo.root, "HEAD").stdout)
    assert report["head"] == {"label": "working tree", "commit": None}
    assert report["empty"] is False
    assert changes(report) == expected(edit)

    text = diff(repo.root, "HEAD", fmt="text").stdout
    assert "No changes to goals" not in text
    if edit != "target":
        assert "logos 9 → 12" in text


@pytest.mark.parametrize("cache", CACHES)
def test_each_side_holds_its_own_revision(tmp_path: Path, cache: str) -> None:
    repo = site(tmp_path)
    if cache == "before-edit":
        check(repo.root)
    write_site(repo, 40, 12)
    if cache == "after-edit":
        check(repo.root)

    revs = load_revisions(repo.root, "HEAD", None, date.fromisoformat(AS_OF))
    for side, target, logos in ((revs.base, 30, 9), (revs.head, 40, 12)):
        portfolio = side.scored.portfolio
        assert [c.values for c in portfolio.checkins] == [{"logos": logos}]
        assert portfolio.objectives["grow"].key_results[0].target == target
        assert side.scored.objectives["grow"].key_results["logos"].current == logos


@pytest.mark.parametrize("cache", ("none", "warm"))
@pytest.mark.parametrize("edit", list(EDITS))
def test_committed_edit_is_shown_between_commits(tmp_path: Path, edit: str, cache: str) -> None:
    repo = site(tmp_path)
    (_, target), (_, logos) = EDITS[edit]
    write_site(repo, target, logos)
    if cache == "warm":
        check(repo.root)
    repo.commit("Week 46 check-in", "bob", "2026-11-11T09:00:00+00:00")
    if cache == "warm":
        check(repo.root)

    report = json.loads(diff(repo.root, "HEAD~1", "HEAD").stdout)
    assert report["head"]["commit"] == repo.head()
    assert changes(report) == expected(edit)
    # the working tree now equals HEAD: nothing to show
    assert json.loads(diff(repo.root, "HEAD").stdout)["empty"] is True
