"""``okrsite diff`` across a move of the whole site folder (``git mv okrs teams/okrs``).

A pull request that moves the site and eases a target in the same change must
still show the eased target, and ``--fail-on less-ambitious`` must still fail
it: the base side is read from where the site was at BASE (git's rename of
its ``okrsite.toml``, as the site's history follows such a move), and the
report says in one line that the site moved. A site that did not exist at
BASE at all is still all new.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner, Result
from test_diff_fixtures import commit, git, init_repo

from okrsite.cli import cli

CONFIG = """
title = "Platform OKRs"
default_cycle = "2026-Q4"
repo_url = "https://github.com/acme/goals"
as_of = 2026-11-20
"""

FAST_CI = """
---
title: Fast CI
cycle: 2026-Q4
key_results:
  - {id: minutes, title: CI minutes per build, start: 20, target: 10}
---
"""

FILES = {
    "okrs/okrsite.toml": CONFIG,
    "okrs/content/objectives/platform/fast-ci.md": FAST_CI,
    "okrs/content/objectives/platform/uptime.md": """
        ---
        title: Stay up
        cycle: 2026-Q4
        key_results:
          - {id: sla, title: Uptime, start: 99, target: 99.9}
        ---
        """,
    "okrs/content/objectives/platform/docs.md": """
        ---
        title: Write the docs
        cycle: 2026-Q4
        key_results:
          - {id: pages, title: Pages written, start: 0, target: 30}
        ---
        """,
    "okrs/content/kpis/deploys.md": """
        ---
        title: Deploys per week
        direction: up
        target: 40
        values: {2026-10-01: 31, 2026-11-01: 35}
        ---
        """,
    "README.md": "the goals of the platform team\n",
}


def run(repo: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def moved_and_eased(tmp_path: Path) -> Path:
    """main holds the site in ``okrs/``; branch ``move`` moves it to
    ``teams/okrs/`` (one commit), then eases fast-ci's target 10 → 15 for
    a figure that should go down (another commit)."""
    repo = init_repo(tmp_path / "repo")
    commit(repo, "goals", dict(FILES))
    git(repo, "checkout", "-q", "-b", "move")
    (repo / "teams").mkdir()
    git(repo, "mv", "okrs", "teams/okrs")
    git(repo, "commit", "-q", "-m", "move site")
    eased = FAST_CI.replace("target: 10}", "target: 15}")
    commit(repo, "move + ease", {"teams/okrs/content/objectives/platform/fast-ci.md": eased})
    return repo


NOTE = "the site moved from okrs/ to teams/okrs/ in this change"
SITE = ("--site", "teams/okrs")
FAIL = ("--fail-on", "less-ambitious")


def test_an_eased_target_is_seen_across_a_move_of_the_site(tmp_path: Path) -> None:
    repo = moved_and_eased(tmp_path)
    text = run(repo, "main...HEAD", *SITE, "--format", "text", *FAIL)
    assert text.exit_code == 1, text.output
    assert text.stdout == (
        "okrsite diff merge base with main → HEAD\n"
        f"{NOTE}\n"
        "This change changes 1 objective, moves 1 key result target (1 less ambitious)"
        " (as of 2026-11-20).\n"
        "\n"
        "Objectives and key results:\n"
        "  ~ objective platform/fast-ci Fast CI\n"
        "      ~ key result minutes CI minutes per build (mid-cycle)\n"
        "          target: 10 → 15 (less ambitious)\n"
        "\n"
        "Worth a look:\n"
        "  key result platform/fast-ci#minutes: target 10 → 15 (less ambitious) [less-ambitious]\n"
    ), text.stdout
    assert "okrsite diff: less-ambitious:" in text.stderr
    # tip to tip: the same comparison (main is an ancestor), the same line
    tips = run(repo, "main", "HEAD", *SITE, "--format", "text", *FAIL)
    assert tips.exit_code == 1, tips.output
    assert tips.stdout.splitlines()[1] == NOTE


def test_every_format_says_the_site_moved(tmp_path: Path) -> None:
    repo = moved_and_eased(tmp_path)
    markdown = run(repo, "main...HEAD", *SITE, *FAIL)
    assert markdown.exit_code == 1, markdown.output
    lines = markdown.stdout.splitlines()
    assert lines[1:5] == [
        "### Goal changes: `merge base with main` → `HEAD`",
        "",
        "_The site moved from `okrs/` to `teams/okrs/` in this change._",
        "",
    ], markdown.stdout
    assert "less ambitious" in markdown.stdout
    payload = json.loads(run(repo, "main...HEAD", *SITE, "--format", "json", *FAIL).stdout)
    assert payload["site_moved"] == {"from": "okrs/", "to": "teams/okrs/"}
    assert payload["failed"] is True
    assert [o["change"] for o in payload["objectives"]] == ["changed"]
    assert payload["objectives"][0]["fields"] == []
    krs = payload["objectives"][0]["key_results"]
    assert krs[0]["fields"] == [
        {"field": "target", "before": 10, "after": 15, "note": "less ambitious"}
    ]
    assert payload["settings"] == [] and payload["kpis"] == []


def test_a_move_of_the_site_without_edits_is_no_change(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, "goals", dict(FILES))
    git(repo, "checkout", "-q", "-b", "move")
    git(repo, "mv", "okrs", "goals")
    git(repo, "commit", "-q", "-m", "move site")
    result = run(repo, "main...HEAD", "--site", "goals", "--format", "json", *FAIL)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["site_moved"] == {"from": "okrs/", "to": "goals/"}
    assert payload["empty"] is True
    # not committed yet: the working tree against main, after git mv
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "pending")
    git(repo, "mv", "okrs", "goals")
    pending = run(repo, "main", "--site", "goals", "--format", "text", *FAIL)
    assert pending.exit_code == 0, pending.output
    assert pending.stdout.splitlines()[1] == "the site moved from okrs/ to goals/ in this change"


def test_a_new_site_is_still_all_new(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, "readme", {"README.md": "nothing yet\n"})
    git(repo, "checkout", "-q", "-b", "new")
    commit(repo, "a site", {k: v for k, v in FILES.items() if k.startswith("okrs/")})
    text = run(repo, "main...HEAD", "--site", "okrs", "--format", "text", *FAIL)
    assert text.exit_code == 0, text.output
    assert "moved" not in text.stdout
    assert "adds 3 objectives" in text.stdout
    payload = json.loads(run(repo, "main...HEAD", "--site", "okrs", "--format", "json").stdout)
    assert payload["site_moved"] is None


def test_a_site_moved_from_the_top_with_a_file_moved_inside(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    commit(repo, "goals", {k.removeprefix("okrs/"): v for k, v in FILES.items()})
    git(repo, "checkout", "-q", "-b", "move")
    (repo / "okrs").mkdir()
    git(repo, "mv", "okrsite.toml", "content", "okrs/")
    git(repo, "mv", "okrs/content/objectives/platform/docs.md", "okrs/content/objectives/docs.md")
    git(repo, "commit", "-q", "-m", "move site")
    result = run(repo, "main...HEAD", "--site", "okrs", "--format", "text", *FAIL)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "the site moved from ./ to okrs/ in this change"
    assert "  ~ objective docs Write the docs (renamed from platform/docs; moved from " in (
        result.stdout
    ), result.stdout
    assert "adds" not in result.stdout
