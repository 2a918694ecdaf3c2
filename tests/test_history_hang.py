"""Reading the history never hangs: a git that stops answering ends in a note, not a wait.

A git command can stall (a lock held by another git, a credential prompt, a
stalled network file system), and a forked worker can inherit a lock that
another thread held at the fork. Each test provokes one of these with a
real repository and a ``git`` on PATH that stalls on purpose.
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest
from gitrepo import Repo

from okrsite import fork_pool, gitsource, history_commits
from okrsite.gitsource import log_commits, raw_changes
from okrsite.history import read_history
from okrsite.pipeline import load_site

OBJECTIVE = """\
---
title: Grow EMEA
cycle: 2026-Q1
owner: alice
key_results:
  - id: revenue
    title: Reach the revenue
    start: 100
    target: {target}
---
"""


@pytest.fixture()
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "site")
    repo.write(
        "okrsite.toml",
        'as_of = 2026-03-01\n[[cycles]]\nname = "2026-Q1"\nstart = 2026-01-01\nend = 2026-03-31\n',
    )
    for day, target in ((5, 200), (6, 180), (7, 220), (8, 150)):
        repo.write("content/objectives/emea.md", OBJECTIVE.format(target=target))
        repo.commit(f"target {target}", "bob", f"2026-01-{day:02d}T10:00:00+00:00")
    return repo


def stalling_git(tmp_path: Path, command: str) -> str:
    """A folder holding a ``git`` that sleeps instead of running ``command``."""
    real = shutil.which("git")
    assert real is not None
    folder = tmp_path / "stalling-bin"
    folder.mkdir()
    script = folder / "git"
    script.write_text(
        "#!/bin/sh\n"
        f'for a in "$@"; do if [ "$a" = "{command}" ]; then exec sleep 60; fi; done\n'
        f'exec "{real}" "$@"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(folder)


def _read(repo: Repo, tmp_path: Path, jobs: int) -> tuple[float, object]:
    load = load_site(repo.root)
    start = time.monotonic()
    history = read_history(
        repo.root, load.config, load.scored.portfolio.cycles, jobs, cache_dir=tmp_path / "cache"
    )
    return time.monotonic() - start, history


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_silent_cat_file_is_stopped_and_noted(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    monkeypatch.setenv("PATH", stalling_git(tmp_path, "cat-file") + os.pathsep + os.environ["PATH"])
    monkeypatch.setattr(history_commits, "GIT_IDLE_SECONDS", 0.5)
    monkeypatch.setattr(history_commits, "PARALLEL_CHANGES", 0)  # jobs=2: forked workers
    seconds, history = _read(repo, tmp_path, jobs)
    assert seconds < 20
    assert not history.available  # type: ignore[attr-defined]
    assert "git cat-file stopped" in history.note  # type: ignore[attr-defined]


def test_a_git_command_that_never_ends_is_stopped(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", stalling_git(tmp_path, "log") + os.pathsep + os.environ["PATH"])
    monkeypatch.setattr(gitsource, "GIT_TIMEOUT", 0.5)
    seconds, history = _read(repo, tmp_path, 1)
    assert seconds < 20
    assert "did not finish within" in history.note  # type: ignore[attr-defined]


def test_no_worker_is_forked_while_another_thread_runs(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_site(repo.root).config
    shas = [c.sha for c in log_commits(repo.root)]
    changes = raw_changes(repo.root, shas, "content/")
    ordered = [(s, changes.get(s, [])) for s in shas]
    alone = history_commits.commit_events_of(repo.root, "", config, ordered, jobs=1)

    def no_fork(*args: object, **kwargs: object) -> None:
        raise AssertionError("forked while another thread was alive")

    monkeypatch.setattr(history_commits, "PARALLEL_CHANGES", 0)
    monkeypatch.setattr(fork_pool, "forked_pool", no_fork)
    lock, release = threading.Lock(), threading.Event()

    def hold() -> None:
        with lock:  # a lock held at the moment of a fork stays held in the child
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert history_commits.commit_events_of(repo.root, "", config, ordered, jobs=2) == alone
    finally:
        release.set()
        holder.join()
    assert len(alone) == 4 and sum(len(e["records"]) for e in alone.values()) == 4
