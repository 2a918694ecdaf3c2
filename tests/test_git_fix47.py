"""Audit 47 (gitteam): goals kept in git the way teams use git.

Real repositories made with git, built with ``okrsite build`` and compared
with ``okrsite diff``:

* F1: a content folder kept as a git submodule has no history the site can
  read (the site's repository holds one commit id for it). The pages called
  every figure "not committed yet" and ``api/history.json`` said
  ``"available": true``; they now say there is no history and why, as for
  ``history = false``. ``okrsite diff`` against the working tree said
  OKR011 twice, in two wordings; once now.
* F2: ``git cherry-pick -x`` writes "(cherry picked from commit …)" right
  under a ``Reason:`` line; it was taken into the reason. Lines git writes
  itself end the reason.
* F3: a merge whose conflict resolution changed a target was judged against
  the branch's tip on the timeline ("120 → 80, less ambitious") and against
  main in ``okrsite diff`` ("60 → 80, more ambitious"). Both now tell what
  the merge did to the branch it landed on.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

DAY = "2026-10-{:02d}T10:00:00+00:00"
OBJECTIVE = "content/objectives/growth.md"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def growth(target: int = 100) -> str:
    return (
        "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: rev\n    title: Revenue\n    start: 0\n    target: {target}\n---\n"
    )


def site(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\n')
    repo.write(OBJECTIVE, growth())
    repo.commit("init", "alice", DAY.format(2))
    return repo


def build(root: Path, out: Path) -> tuple[dict[str, Any], str]:
    """``okrsite build``: api/history.json and the growth objective's page."""
    built = run("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert built.exit_code == 0, built.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    return data, (out / "objectives/growth/index.html").read_text(encoding="utf-8")


def rev_changes(data: dict[str, Any]) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = data["objectives"]["growth"]["key_results"]["rev"]["changes"]
    return changes


# ------------------------------------------------------------------ F1
def submodule_site(tmp_path: Path) -> Repo:
    """``site/`` whose ``content/`` is the repository ``goals/``, a checked-out submodule."""
    goals = Repo(tmp_path / "goals")
    goals.write("objectives/growth.md", growth())
    goals.write(
        "checkins/2026-10-05-growth.md",
        "---\nobjective: growth\ndate: 2026-10-05\nauthor: Uma Diaz\nvalues: {rev: 40}\n---\n",
    )
    goals.commit("goals", "alice", DAY.format(3))
    repo = Repo(tmp_path / "site")
    repo.write("okrsite.toml", 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\n')
    repo.git(
        "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(goals.root), "content"
    )
    repo.commit("site", "alice", DAY.format(4))
    return repo


def test_a_content_submodule_says_no_history_instead_of_not_committed_yet(
    tmp_path: Path,
) -> None:
    repo = submodule_site(tmp_path)
    data, page = build(repo.root, tmp_path / "out")
    assert data["available"] is False
    assert data["note"] == (
        "No history: the content folder content/ is a git submodule, whose commits okrsite does "
        "not read (warning OKR011); keep the goals in the site's own repository to have their "
        "history."
    )
    assert "not committed yet" not in page and "No changes recorded" not in page
    assert "the content folder content/ is a git submodule" in page


def test_okrsite_diff_says_a_content_submodule_once_in_one_wording(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = submodule_site(tmp_path)
    # okrsite diff against the working tree (which reads the checked-out
    # submodule from disk) and the revision (which skips it): said once
    monkeypatch.chdir(repo.root)
    diff = run("diff", "--format", "text", "--fail-on", "none")
    assert diff.exit_code == 0, diff.output
    said = [line for line in diff.stderr.splitlines() if "git submodule" in line]
    assert said == [
        "okrsite diff: warning: content is a git submodule, which okrsite diff and the history "
        "cannot see into; skipped (hint: keep the goals in the site's own repository: okrsite "
        "diff and the pages' history read no submodule's commits)"
    ], diff.stderr


# ------------------------------------------------------------------ F2
def test_git_s_own_lines_under_a_reason_are_not_the_reason(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.git("branch", "release")
    repo.write(OBJECTIVE, growth(80))
    eased = repo.commit("Ease revenue\n\nReason: the launch slipped.", "bob", DAY.format(3))
    repo.git("checkout", "-q", "release")
    repo.git("cherry-pick", "-x", "main", who="bob", when=DAY.format(4))
    message = repo.git("log", "-1", "--format=%B")
    assert message.endswith(f"Reason: the launch slipped.\n(cherry picked from commit {eased})")
    data, page = build(repo.root, tmp_path / "out")
    (picked,) = rev_changes(data)
    assert (picked["old"], picked["new"], picked["reason"]) == (100, 80, "the launch slipped.")
    assert "Reason: the launch slipped. (cherry picked" not in page


def test_git_revert_s_line_under_a_reason_is_not_the_reason(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.write(OBJECTIVE, growth(80))
    eased = repo.commit("Ease revenue", "bob", DAY.format(3))
    repo.write(OBJECTIVE, growth(100))
    repo.git("add", "-A")
    # a reason written above git revert's own line, no blank line between
    repo.git(
        "commit", "-q", "-m",
        f'Revert "Ease revenue"\n\nReason: the launch is back on.\nThis reverts commit {eased}.',
        who="carol", when=DAY.format(5),
    )  # fmt: skip
    data, page = build(repo.root, tmp_path / "out")
    _eased, reverted = rev_changes(data)
    assert (reverted["old"], reverted["new"], reverted["reason"]) == (
        80,
        100,
        "the launch is back on.",
    )
    assert "Reason: the launch is back on. This reverts" not in page


# ------------------------------------------------------------------ F3
def test_a_merge_resolved_to_a_third_value_is_judged_against_the_branch_it_landed_on(
    tmp_path: Path,
) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "stretch")
    repo.write(OBJECTIVE, growth(120))
    branch = repo.commit("Stretch revenue to 120", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    repo.write(OBJECTIVE, growth(60))
    main = repo.commit("Ease revenue to 60", "alice", DAY.format(4))
    conflicted = subprocess.run(
        ["git", "merge", "-q", "--no-ff", "stretch", "-m", "Merge pull request #7 from acme/stretch"],
        cwd=repo.root, env=repo.env("carol", DAY.format(5)), capture_output=True, check=False,
    )  # fmt: skip
    assert conflicted.returncode != 0  # a real conflict, resolved by hand to 80
    assert "<<<<<<< HEAD" in (repo.root / OBJECTIVE).read_text(encoding="utf-8")
    repo.write(OBJECTIVE, growth(80))
    merged = repo.commit("Merge pull request #7 from acme/stretch", "carol", DAY.format(5))
    diff = run("diff", "--site", str(repo.root), "HEAD~1", "HEAD", "--format", "text")
    assert "target: 60 → 80 (more ambitious)" in diff.output, diff.output
    data, page = build(repo.root, tmp_path / "out")
    assert [
        (c["commit"], c["pr"], c["old"], c["new"], c["less_ambitious"]) for c in rev_changes(data)
    ] == [
        (main, None, 100, 60, True),
        (branch, "#7", 100, 120, False),
        # what the merge did to main: 60 -> 80, more ambitious, as okrsite diff says
        (merged, "#7", 60, 80, False),
    ]
    timeline = page[page.index('<ol class="history-timeline"') :]
    newest = timeline[: timeline.index("</li>")]
    assert "60 → 80" in newest and merged[:7] in newest, newest
    assert "less ambitious" not in newest, newest
