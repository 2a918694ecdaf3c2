"""A small helper for tests that build real git repositories with several authors and dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

PEOPLE = {
    "alice": ("Alice Ng", "alice@example.com"),
    "bob": ("Bob Stone", "bob@example.com"),
    "carol": ("Carol Diaz", "carol@example.com"),
    "dave": ("Dave Kim", "dave@example.com"),
    "eve": ("Eve Moss", "eve@example.com"),
}


class Repo:
    """A git repository in ``root``; every commit names its author and dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def env(
        self,
        who: str = "alice",
        when: str = "2026-01-01T10:00:00+00:00",
        committed: str | None = None,
    ) -> dict[str, str]:
        name, email = PEOPLE[who]
        env = dict(os.environ)
        env.update(
            GIT_CONFIG_GLOBAL=os.devnull,
            GIT_CONFIG_NOSYSTEM="1",
            GIT_AUTHOR_NAME=name,
            GIT_AUTHOR_EMAIL=email,
            GIT_COMMITTER_NAME=name,
            GIT_COMMITTER_EMAIL=email,
            GIT_AUTHOR_DATE=when,
            GIT_COMMITTER_DATE=committed or when,
        )
        return env

    def git(
        self,
        *args: str,
        who: str = "alice",
        when: str = "2026-01-01T10:00:00+00:00",
        committed: str | None = None,
    ) -> str:
        proc = subprocess.run(
            ["git", *args],
            cwd=self.root,
            env=self.env(who, when, committed),
            capture_output=True,
            text=True,
            check=True,
        )
        return proc.stdout.strip()

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, message: str, who: str, when: str, committed: str | None = None) -> str:
        self.git("add", "-A", who=who, when=when)
        self.git("commit", "-q", "-m", message, who=who, when=when, committed=committed)
        return self.git("rev-parse", "HEAD")

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")


def whys_checked(repo: Repo, changes: list[dict[str, object]]) -> list[dict[str, object]]:
    """``changes`` of ``api/history.json`` without ``message`` and ``reason``,
    once each ``message`` is checked to be its commit's subject (the commits
    these tests make have one line each, and no reason): tests that compare
    whole changes stay about what they test."""
    subjects = dict(
        line.split(" ", 1) for line in repo.git("log", "--all", "--format=%H %s").splitlines()
    )
    out = []
    for change in changes:
        change = dict(change)
        assert change.pop("message", None) == subjects[str(change["commit"])], change
        assert "reason" not in change, change
        out.append(change)
    return out


def example_repo(root: Path) -> Repo:
    """The example site (``content/`` and ``okrsite.toml``) committed by
    alice on 2026-11-02 in a new repository at ``root``, its output and
    cache folders ignored: the start of the history and cache tests that
    build the example site after commits."""
    import shutil

    repo_root = Path(__file__).resolve().parents[1]
    repo = Repo(root)
    shutil.copytree(repo_root / "content", repo.root / "content")
    shutil.copy(repo_root / "okrsite.toml", repo.root / "okrsite.toml")
    repo.write(".gitignore", "_site/\n.okrsite-cache/\n")
    repo.commit("The portfolio", "alice", "2026-11-02T10:00:00+00:00")
    return repo


def alice_and_bob_repo(root: Path) -> Repo:
    """A new repository holding a site's ``okrsite.toml`` (as_of 2026-11-20,
    a GitHub ``repo_url``, so commits are linked) and two people, alice
    (Alice Wong) and bob (Bob Stone), who author its commits: the start of
    the tests that count how often a commit's line is drawn."""
    repo = Repo(root)
    repo.write(
        "okrsite.toml",
        'title = "T"\nas_of = "2026-11-20"\nrepo_url = "https://github.com/acme/okrs"\n',
    )
    repo.write("content/people/alice.md", "---\ntitle: Alice Wong\n---\n")
    repo.write("content/people/bob.md", "---\ntitle: Bob Stone\n---\n")
    return repo
