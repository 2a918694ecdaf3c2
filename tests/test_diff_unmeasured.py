"""An objective written down without key results is scored as a draft
(okrsite.resolve_unmeasured); when a pull request then adds its key results,
``okrsite diff`` says the key results were added, not that someone edited
its status from draft to active (the file says no status at all). A status
the file writes still shows when it changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Uma Diaz",
    "GIT_AUTHOR_EMAIL": "uma@example.com",
    "GIT_COMMITTER_NAME": "Uma Diaz",
    "GIT_COMMITTER_EMAIL": "uma@example.com",
}
BEFORE = "---\ntitle: Grow the partner channel\ncycle: 2026-Q4\nowner: Uma Diaz\n{status}---\n"
AFTER = (
    "---\ntitle: Grow the partner channel\ncycle: 2026-Q4\nowner: Uma Diaz\n{status}"
    "key_results:\n  - {{id: deals, title: 10 partner deals, target: 10, current: 2}}\n---\n"
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True)


def _diff(tmp_path: Path, before_status: str, after_status: str) -> str:
    repo = tmp_path / "site"
    goal = repo / "content" / "objectives" / "grow.md"
    goal.parent.mkdir(parents=True)
    (repo / "okrsite.toml").write_text('title = "Partners"\n')
    goal.write_text(BEFORE.format(status=before_status))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "The objective, key results to follow")
    goal.write_text(AFTER.format(status=after_status))
    _git(repo, "commit", "-qam", "Its key results")
    run = subprocess.run(
        [sys.executable, "-m", "okrsite", "diff", "HEAD~1", "HEAD", "--site", str(repo)]
        + ["--as-of", "2026-11-20", "--format", "text"],
        capture_output=True,
        text=True,
        env=GIT_ENV,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_key_results_added_to_an_objective_without_them_are_no_status_edit(
    tmp_path: Path,
) -> None:
    out = _diff(tmp_path, "", "")
    assert "+ key result deals 10 partner deals" in out
    assert "status: draft → active" not in out
    assert "draft → off-track" in out  # its figures: counted now, and behind


def test_a_status_the_file_writes_still_shows_when_it_changes(tmp_path: Path) -> None:
    out = _diff(tmp_path, "status: dropped\n", "")
    assert "status: dropped → active" in out
