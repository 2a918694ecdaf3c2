"""One ``git rev-parse`` tells a build where its site sits, HEAD and whether the clone is shallow.

:func:`okrsite.git_site_state.site_state` and :func:`head_state` stand for
:func:`find_site`, :func:`head_commit` and :func:`is_shallow` (three git
processes); these tests hold them to the same answers in real repositories:
a site in a subfolder, at the top, with no commit yet, in a shallow clone,
and outside git.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from gitrepo import Repo

from okrsite.git_site_state import head_state, site_state
from okrsite.gitsource import GitError, find_site, head_commit, is_shallow


def three(folder: Path) -> tuple[object, str | None, bool]:
    site = find_site(folder)
    return site, head_commit(site.toplevel), is_shallow(site.toplevel)


def test_site_in_a_subfolder_and_at_the_top(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("goals/content/objectives/a.md", "---\ntitle: A\n---\n")
    sha = repo.commit("first", "alice", "2026-01-01T10:00:00+00:00")
    for folder in (repo.root / "goals", repo.root):
        site, head, shallow = site_state(folder)
        assert (site, head, shallow) == three(folder)
        assert head == sha and shallow is False
        assert head_state(site.toplevel) == (sha, False)
    assert site_state(repo.root / "goals")[0].prefix == "goals/"
    assert site_state(repo.root)[0].prefix == ""


def test_no_commit_yet(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "empty")
    site, head, shallow = site_state(repo.root)
    assert (site, head, shallow) == three(repo.root)
    assert head is None and shallow is False
    assert head_state(repo.root) == (None, False)


def test_shallow_clone(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    for i in range(3):
        repo.write("content/objectives/a.md", f"---\ntitle: A{i}\n---\n")
        repo.commit(f"c{i}", "bob", f"2026-01-0{i + 1}T10:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repo.root.as_uri(), str(clone)], check=True
    )
    site, head, shallow = site_state(clone)
    assert (site, head, shallow) == three(clone)
    assert shallow is True and head == repo.head()
    assert head_state(clone) == (repo.head(), True)


def test_outside_git_is_the_same_error(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    with pytest.raises(GitError) as ours:
        site_state(folder)
    with pytest.raises(GitError) as theirs:
        find_site(folder)
    assert str(ours.value) == str(theirs.value)
