"""``okrsite diff`` of check-ins that moved with their objective or KPI.

A check-in's id is its path under ``content/checkins/``: ``git mv`` of an
objective's folder of check-ins, beside the objective's own, changed every
id, and the report read each check-in as removed and another added, its
values shown as new. These are real git repositories, run through the CLI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner, Result
from test_diff_fixtures import commit, git, init_repo

from okrsite.cli import cli

OBJECTIVE = """
    ---
    title: Obj
    cycle: 2026-Q4
    owner: Uma Diaz
    key_results:
      - {id: bookings, title: Bookings, target: 10}
      - {id: c, title: Calls, target: 10}
    ---
    """

CHECKIN = """
    ---
    date: 2026-11-02
    values: {bookings: 3, c: 4}
    ---
    """

ALL_RULES = "errors,less-ambitious,removed-key-result,reparented,ended-cycle"


def diff(repo: Path, *args: str) -> Result:
    """``okrsite diff HEAD~1 HEAD`` in ``repo``, as a user runs it there."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, ["diff", "HEAD~1", "HEAD", "--as-of", "2026-12-05", *args])
    finally:
        os.chdir(old)


def base_repo(tmp_path: Path) -> Path:
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": "",
            "content/objectives/a/o.md": OBJECTIVE,
            "content/checkins/a/o/2026-11-02.md": CHECKIN,
        },
    )
    return repo


def moved_repo(tmp_path: Path) -> Path:
    """The objective and its folder of check-ins moved with ``git mv``."""
    repo = base_repo(tmp_path)
    git(repo, "mv", "content/objectives/a", "content/objectives/b")
    (repo / "content/checkins/b").mkdir(parents=True)
    git(repo, "mv", "content/checkins/a/o", "content/checkins/b/o")
    commit(repo, "move")
    return repo


MOVED_LINE = (
    "changed 2026-11-02 objective b/o: file: content/checkins/a/o/2026-11-02.md → "
    "content/checkins/b/o/2026-11-02.md (follows rename); objective: a/o → b/o (follows rename)"
)
SUMMARY = (
    "This change changes 1 objective, moves 1 check-in with a renamed objective or KPI "
    "(as of 2026-12-05)."
)


def test_checkin_moved_with_its_objective_reads_as_one_checkin(tmp_path: Path) -> None:
    repo = moved_repo(tmp_path)
    text = diff(repo, "--format", "text")
    assert text.exit_code == 0, text.output
    assert text.stdout == (
        "okrsite diff HEAD~1 → HEAD\n"
        f"{SUMMARY}\n"
        "\n"
        "Objectives and key results:\n"
        "  ~ objective b/o Obj (renamed from a/o; moved from content/objectives/a/o.md "
        "to content/objectives/b/o.md)\n"
        "\n"
        "Check-ins:\n"
        f"  {MOVED_LINE}\n"
    )

    markdown = diff(repo).stdout
    assert SUMMARY in markdown
    assert (
        "- 2026-11-02 objective `b/o`: **changed**: file: content/checkins/a/o/2026-11-02.md → "
        "content/checkins/b/o/2026-11-02.md (follows rename); objective: a/o → b/o "
        "(follows rename)\n"
    ) in markdown
    assert "**added**" not in markdown and "**removed**" not in markdown

    data = json.loads(diff(repo, "--format", "json").stdout)
    assert data["summary"] == SUMMARY
    assert data["scores"] == []
    [checkin] = data["checkins"]
    assert checkin["id"] == "b/o/2026-11-02"
    assert checkin["change"] == "changed"
    assert checkin["values"] == []
    assert checkin["fields"] == [
        {
            "field": "file",
            "before": "content/checkins/a/o/2026-11-02.md",
            "after": "content/checkins/b/o/2026-11-02.md",
            "note": "follows rename",
        },
        {"field": "objective", "before": "a/o", "after": "b/o", "note": "follows rename"},
    ]


def test_moved_checkin_fails_no_rule(tmp_path: Path) -> None:
    """Moving an objective with its check-ins eases nothing: every rule passes."""
    repo = moved_repo(tmp_path)
    result = diff(repo, "--format", "text", "--fail-on", ALL_RULES)
    assert result.exit_code == 0, result.output
    assert f"  {MOVED_LINE}\n" in result.stdout
    json_run = diff(repo, "--format", "json", "--fail-on", ALL_RULES)
    assert json_run.exit_code == 0
    data = json.loads(json_run.stdout)
    assert data["failed"] is False and data["findings"] == []


def test_checkin_git_does_not_pair_follows_its_renamed_objective(tmp_path: Path) -> None:
    """Edited as it moved, the small check-in is a deletion and an addition to
    git, which pairs only the objective's file: the check-in of the same day
    and file name under the renamed objective is still the same check-in, and
    only the value the edit changed moves."""
    repo = base_repo(tmp_path)
    git(repo, "mv", "content/objectives/a", "content/objectives/b")
    commit(
        repo,
        "move and edit",
        {
            "content/checkins/a/o/2026-11-02.md": None,
            "content/checkins/b/o/2026-11-02.md": """
                ---
                date: 2026-11-02
                values: {bookings: 5, c: 4}
                ---
                Slow week.
                """,
        },
    )
    status = git(repo, "diff", "-M", "--name-status", "HEAD~1", "HEAD")
    assert "D\tcontent/checkins/a/o/2026-11-02.md" in status  # git does not pair it

    text = diff(repo, "--format", "text")
    assert text.exit_code == 0, text.output
    assert (
        "This change changes 1 objective, edits or removes 1 check-in; progress, expected "
        "progress, status, confidence or forecast changes for 1 objective (as of 2026-12-05).\n"
    ) in text.stdout
    assert (
        "Check-ins:\n"
        "  changed 2026-11-02 objective b/o: file: content/checkins/a/o/2026-11-02.md → "
        "content/checkins/b/o/2026-11-02.md (follows rename); objective: a/o → b/o "
        "(follows rename); note added; bookings 3 → 5\n"
    ) in text.stdout
    assert "added 2026-11-02" not in text.stdout and "removed 2026-11-02" not in text.stdout

    data = json.loads(diff(repo, "--format", "json").stdout)
    [checkin] = data["checkins"]
    assert checkin["change"] == "changed"
    assert checkin["values"] == [{"key": "bookings", "before": 3, "after": 5}]

    markdown = diff(repo).stdout
    assert "**added**" not in markdown and "**removed**" not in markdown
    assert "(follows rename); note added; bookings 3 → 5\n" in markdown


def test_kpi_checkin_moved_with_its_kpi(tmp_path: Path) -> None:
    """A KPI's folder of check-ins moves with it as an objective's does."""
    repo = init_repo(tmp_path / "repo")
    commit(
        repo,
        "base",
        {
            "okrsite.toml": "",
            "content/kpis/nps.md": """
                ---
                title: Net Promoter Score
                unit: points
                ---
                """,
            "content/checkins/nps/2026-11-02.md": """
                ---
                date: 2026-11-02
                value: 41
                ---
                """,
        },
    )
    git(repo, "mv", "content/kpis/nps.md", "content/kpis/promoters.md")
    git(repo, "mv", "content/checkins/nps", "content/checkins/promoters")
    commit(repo, "rename")
    text = diff(repo, "--format", "text")
    assert text.exit_code == 0, text.output
    assert "moves 1 check-in with a renamed objective or KPI" in text.stdout
    assert (
        "  changed 2026-11-02 kpi promoters: file: content/checkins/nps/2026-11-02.md → "
        "content/checkins/promoters/2026-11-02.md (follows rename); kpi: nps → promoters "
        "(follows rename)\n"
    ) in text.stdout
