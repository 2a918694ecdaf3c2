"""A content folder kept as a git submodule, in real repositories.

okrsite reads no submodule's history: ``git ls-tree`` shows the folder as
another repository's commit. A CI checkout without submodules (GitHub's
``actions/checkout`` and GitLab's default) leaves the folder empty, and
``check`` and ``build`` passed an empty portfolio with "0 warnings"; a
checked-out one was read from disk without a word that diff and the
history cannot see into it, and ``okrsite diff`` of a bumped submodule said
"No changes" with nothing on the terminal. Each now says so (OKR011).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

GOAL = (
    "---\ntitle: Keep our customers\ncycle: 2026-Q4\nowner: uma\n"
    "key_results:\n  - {{id: nps, title: Raise NPS, start: 31, target: {target}}}\n---\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def site_with_content_submodule(tmp_path: Path) -> Repo:
    """``site/`` whose ``content/`` is the repository ``goals/``, added as a submodule."""
    goals = Repo(tmp_path / "goals")
    goals.write("objectives/retention.md", GOAL.format(target=45))
    goals.write("people/uma.md", "---\ntitle: Uma Diaz\n---\n")
    goals.commit("goals", "alice", "2026-10-02T10:00:00+00:00")
    site = Repo(tmp_path / "site")
    site.write("okrsite.toml", 'default_cycle = "2026-Q4"\nas_of = "2026-11-20"\n')
    site.git(
        "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(goals.root), "content"
    )
    site.commit("site with content submodule", "alice", "2026-10-03T10:00:00+00:00")
    return site


NOT_CHECKED_OUT = (
    "content: warning OKR011: content is a git submodule that is not checked out: no goal is "
    "read from it (hint: check it out (git submodule update --init; in GitHub Actions, "
    "submodules: true in actions/checkout; in GitLab CI, GIT_SUBMODULE_STRATEGY: recursive), "
    "or keep the goals in the site's own repository (okrsite diff and the pages' history read "
    "no submodule's commits))"
)
CHECKED_OUT = (
    "content: warning OKR011: content is a git submodule: its goals are read from the "
    "checkout, but okrsite diff and the history cannot see into it (hint: keep the goals in "
    "the site's own repository: okrsite diff and the pages' history read no submodule's commits)"
)


def test_a_clone_without_its_content_submodule_is_no_silent_empty_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = site_with_content_submodule(tmp_path)
    clone = tmp_path / "ci"
    subprocess.run(["git", "clone", "-q", str(site.root), str(clone)], check=True, env=site.env())
    assert list((clone / "content").iterdir()) == []  # what CI checks out
    monkeypatch.chdir(clone)
    checked = run("check")
    assert checked.exit_code == 0
    assert NOT_CHECKED_OUT in checked.stderr.splitlines(), checked.stderr
    assert "0 errors, 1 warning" in checked.stderr
    strict = run("build", "--out", str(tmp_path / "out"), "--strict")
    assert strict.exit_code == 1 and NOT_CHECKED_OUT in strict.stderr, strict.stderr
    assert not (tmp_path / "out").exists()


def test_a_checked_out_content_submodule_is_read_and_said_blind_to_diff_and_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = site_with_content_submodule(tmp_path)
    monkeypatch.chdir(site.root)
    built = run("build", "--out", str(tmp_path / "out"), "--no-cache")
    assert built.exit_code == 0, built.output
    assert CHECKED_OUT in built.stderr.splitlines(), built.stderr
    assert (tmp_path / "out/objectives/retention/index.html").is_file()
    # a target eased inside the submodule, and the submodule bumped
    inner = Repo(site.root / "content")  # git init again: the submodule as it is
    inner.write("objectives/retention.md", GOAL.format(target=30))
    inner.commit("ease", "bob", "2026-10-10T10:00:00+00:00")
    site.commit("bump content", "bob", "2026-10-10T11:00:00+00:00")
    diff = run("diff", "HEAD~1", "HEAD", "--format", "json", "--fail-on", "less-ambitious")
    assert diff.exit_code == 0, diff.output  # nothing it can compare: said, not failed
    assert diff.stderr == (
        "okrsite diff: warning: content is a git submodule, which okrsite diff and the history "
        "cannot see into; skipped (hint: keep the goals in the site's own repository: okrsite "
        "diff and the pages' history read no submodule's commits)\n"
    )
