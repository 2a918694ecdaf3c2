"""``okrsite diff`` as a team reviewing goal changes in pull requests uses it.

Real git repositories with hand-written goal files, the real command:

1. ``main...HEAD`` compares HEAD with where it forked from main (main's newer
   changes are not this branch's), ``main..HEAD`` tip to tip; two tips that
   have diverged get a note saying so.
2. a key result's target changed while its cycle runs is mid-cycle, as the
   site's history marks it.
3. one report never calls one cycle both ended and running (HEAD's dates).
4. a removed parent objective is no reparenting of its children.
5. a KPI target eased is in the summary, as key results' are.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner, Result
from gitrepo import Repo
from test_diff_fixtures import commit, git, init_repo

from okrsite.cli import cli

CONFIG = 'title = "Acme"\nas_of = 2026-11-20\n'

EMEA = """
---
title: Grow EMEA
cycle: 2026-Q4
owner: uma
key_results:
  - {id: deals, title: Close deals in EMEA, start: 0, target: 20}
  - {id: onboard, title: Onboard partners, start: 0, target: 10}
---
"""


def run_cli(repo: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def run(repo: Path, *args: str) -> Result:
    return run_cli(repo, "diff", *args)


# ------------------------------------------------------------------ 1. ranges
def forked(tmp_path: Path) -> Path:
    """main raises a target after ``branch`` forked; the branch adds a key result."""
    repo = init_repo(tmp_path / "repo")
    commit(repo, "goals", {"okrsite.toml": CONFIG, "content/objectives/sales/emea.md": EMEA})
    git(repo, "checkout", "-q", "-b", "branch")
    added = EMEA.replace(
        "target: 10}\n", "target: 10}\n  - {id: logos, title: New logos, start: 0, target: 5}\n"
    )
    commit(repo, "add a key result", {"content/objectives/sales/emea.md": added})
    git(repo, "checkout", "-q", "main")
    commit(
        repo,
        "raise the deals target",
        {"content/objectives/sales/emea.md": EMEA.replace("target: 20", "target: 30")},
    )
    git(repo, "checkout", "-q", "branch")
    return repo


def test_three_dots_compare_with_the_merge_base(tmp_path: Path) -> None:
    repo = forked(tmp_path)
    # tip to tip: main's raise shows reversed, as if the branch eased it
    tips = run(repo, "main", "HEAD", "--format", "text", "--fail-on", "less-ambitious")
    assert tips.exit_code == 1, tips.output
    assert "target: 30 → 20 (less ambitious)" in tips.stdout
    assert "main has 1 commit that HEAD lacks" in tips.stderr
    assert "okrsite diff main...HEAD" in tips.stderr
    # A..B is the same comparison, with the same note
    dots2 = run(repo, "main..HEAD", "--format", "text", "--fail-on", "less-ambitious")
    assert dots2.exit_code == 1 and dots2.stdout == tips.stdout
    assert "main has 1 commit that HEAD lacks" in dots2.stderr
    # A...B: the branch's own change only
    own = run(repo, "main...HEAD", "--format", "text", "--fail-on", "less-ambitious")
    assert own.exit_code == 0, own.output
    assert "target" not in own.stdout
    assert "key result logos New logos (added" in own.stdout
    assert "merge base with main" in own.stdout
    assert "lacks" not in own.stderr and "fetch" not in own.stderr
    payload = json.loads(run(repo, "main...", "--format", "json").stdout)
    assert [kr["change"] for o in payload["objectives"] for kr in o["key_results"]] == ["added"]


def test_no_merge_base_is_exit_2_saying_what_to_do(tmp_path: Path) -> None:
    repo = forked(tmp_path)
    git(repo, "checkout", "-q", "--orphan", "lonely")
    commit(repo, "unrelated", {"content/objectives/sales/emea.md": EMEA})
    result = run(repo, "main...lonely")
    assert result.exit_code == 2
    assert "no merge base" in result.stderr
    assert "git fetch --unshallow" in result.stderr and "GIT_DEPTH" in result.stderr
    assert "okrsite diff main lonely" in result.stderr
    assert "refs/remotes" not in result.stderr
    both = run(repo, "main...HEAD", "HEAD")
    assert both.exit_code == 2 and "already names both sides" in both.stderr


def test_an_ancestor_base_gets_no_note(tmp_path: Path) -> None:
    repo = forked(tmp_path)
    result = run(repo, "main~1", "HEAD", "--format", "text")
    assert result.exit_code == 0, result.output
    assert "lacks" not in result.stderr


# ------------------------------------------------------------------ 2./3. mid-cycle
def test_a_target_changed_while_the_cycle_runs_is_mid_cycle(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    base = commit(repo, "goals", {"okrsite.toml": CONFIG, "content/objectives/sales/emea.md": EMEA})
    head = commit(
        repo,
        "ease",
        {"content/objectives/sales/emea.md": EMEA.replace("target: 20", "target: 15")},
        when="2026-11-05T09:00:00Z",
    )
    payload = json.loads(run(repo, base, head, "--format", "json").stdout)
    [kr] = payload["objectives"][0]["key_results"]
    assert kr["id"] == "deals" and kr["change"] == "changed" and kr["mid_cycle"] is True
    text = run(repo, base, head, "--format", "text").stdout
    assert "~ key result deals Close deals in EMEA (mid-cycle)" in text
    markdown = run(repo, base, head).stdout
    assert "key result `deals` Close deals in EMEA (mid-cycle)" in markdown


def test_the_diff_and_the_history_say_the_same_of_one_change(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write("content/objectives/sales/emea.md", EMEA.lstrip())
    repo.commit("goals", "alice", "2026-10-05T10:00:00+00:00")
    repo.write(
        "content/objectives/sales/emea.md", EMEA.lstrip().replace("target: 20", "target: 15")
    )
    repo.commit("ease", "bob", "2026-11-05T10:00:00+00:00")
    built = run_cli(repo.root, "build", "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    history = json.loads((tmp_path / "out" / "api" / "history.json").read_text("utf-8"))
    [change] = history["objectives"]["sales/emea"]["key_results"]["deals"]["changes"]
    assert change["field"] == "target" and change["mid_cycle"] is True
    payload = json.loads(run(repo.root, "HEAD~1", "HEAD", "--format", "json").stdout)
    [kr] = payload["objectives"][0]["key_results"]
    assert kr["mid_cycle"] is change["mid_cycle"]


def test_a_cycle_is_never_both_ended_and_running(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    base = commit(repo, "goals", {"okrsite.toml": CONFIG, "content/objectives/sales/emea.md": EMEA})
    dropped = EMEA.replace("  - {id: onboard, title: Onboard partners, start: 0, target: 10}\n", "")
    head = commit(
        repo,
        "end Q4 early, drop a key result",
        {
            "okrsite.toml": 'title = "Acme"\nas_of = 2026-12-01\n\n'
            "[cycles.2026-Q4]\nstart = 2026-10-01\nend = 2026-11-30\n",
            "content/objectives/sales/emea.md": dropped,
        },
        when="2026-12-01T09:00:00Z",
    )
    text = run(repo, base, head, "--format", "text", "--fail-on", "none").stdout
    assert "after 2026-Q4 ended: its final figures change" in text
    assert "key result onboard Onboard partners (removed)" in text
    assert "mid-cycle" not in text
    payload = json.loads(run(repo, base, head, "--format", "json").stdout)
    [rec] = payload["objectives"]
    assert rec["cycle_ended"] == "2026-Q4"
    assert [kr["mid_cycle"] for kr in rec["key_results"]] == [False]


# ------------------------------------------------------------------ 4. parent removed
def test_a_removed_parent_is_no_reparenting(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    growth = (
        "---\ntitle: Grow the business\ncycle: 2026-Q4\nowner: ceo\nkey_results:\n"
        "  - {id: logos, title: New logos, start: 0, target: 40}\n---\n"
    )
    child = EMEA.replace("owner: uma\n", "owner: uma\nparent: company/growth#logos\n")
    base = commit(
        repo,
        "goals",
        {
            "okrsite.toml": CONFIG,
            "content/objectives/company/growth.md": growth,
            "content/objectives/sales/emea.md": child,
        },
    )
    git(repo, "rm", "-q", "content/objectives/company/growth.md")
    head = commit(repo, "drop the company objective")
    result = run(repo, base, head, "--format", "text", "--fail-on", "reparented")
    assert result.exit_code == 0, result.output
    assert "reparented" not in result.stderr
    assert "parent: company/growth#logos → — (removed)" in result.stdout
    assert "OKR303" in result.stdout
    payload = json.loads(run(repo, base, head, "--format", "json", "--fail-on", "none").stdout)
    assert not [f for f in payload["findings"] if f["rule"] == "reparented"]
    # a parent the child itself changes is still a reparenting
    commit(
        repo,
        "realign",
        {
            "content/objectives/sales/emea.md": EMEA.replace(
                "owner: uma\n", "owner: uma\nparent: sales/other\n"
            )
        },
    )
    commit(
        repo,
        "other",
        {"content/objectives/sales/other.md": growth.replace("Grow the business", "Other")},
    )
    again = run(repo, base, "HEAD", "--format", "text", "--fail-on", "reparented")
    assert again.exit_code == 1 and "reparented" in again.stderr


# ------------------------------------------------------------------ 5. KPI targets
def kpi(target: int) -> str:
    return (
        "---\ntitle: Incidents\ndirection: down\nowner: li\n"
        f"target: {target}\nvalues:\n  - {{date: 2026-10-01, value: 6}}\n---\n"
    )


def test_a_kpi_target_eased_is_in_the_summary(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    files = {"okrsite.toml": CONFIG, "content/kpis/incidents.md": kpi(4)}
    base = commit(repo, "goals", files)
    head = commit(repo, "ease", {"content/kpis/incidents.md": kpi(5)})
    said = "This change changes 1 KPI (1 less ambitious)"
    assert said in run(repo, base, head, "--format", "text").stdout
    assert said in run(repo, base, head).stdout
    payload = json.loads(run(repo, base, head, "--format", "json").stdout)
    assert said in payload["summary"]
    commit(repo, "German", {"okrsite.toml": CONFIG + 'language = "de"\n'})
    german = run(repo, base, "HEAD", "--format", "text").stdout
    assert "1 weniger ehrgeizig" in german


# ------------------------------------------------------------------ 6. mentions
def test_a_mention_in_user_text_pings_nobody_in_the_pr_comment(tmp_path: Path) -> None:
    """A title or owner written ``@acme/everyone`` would ping a whole team when
    the report is posted; it reads the same but links nobody. An email's ``@``
    is left alone."""
    repo = init_repo(tmp_path / "repo")
    commit(repo, "goals", {"okrsite.toml": CONFIG, "content/objectives/sales/emea.md": EMEA})
    loud = EMEA.replace("title: Grow EMEA", "title: Grow EMEA @acme/everyone").replace(
        "owner: uma", "owner: uma@example.com"
    )
    (repo / "content/objectives/sales/emea.md").write_text(loud.lstrip(), encoding="utf-8")
    result = run(repo, "HEAD", "--fail-on", "none")
    assert result.exit_code == 0, result.output
    assert "@\u200bacme/everyone" in result.stdout
    assert "@acme" not in result.stdout
    assert "uma@example.com" in result.stdout
