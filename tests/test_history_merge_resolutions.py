"""Audit 45 (gitmess): a merge commit's own changes on the history's timelines.

Real repositories built with git, built with ``okrsite build`` and compared
with ``okrsite diff``, the scenarios of the audit:

* F1: a merge commit that keeps another value than its branch's commits left
  (``git merge -s ours``, a conflict resolved to a third value, one resolved
  in favour of main) has an entry of its own, under the merge commit with
  its pull request's number: the newest entry is what the file says, and the
  branch's entries stay what its commits did. A third value's entry goes
  from main's value to it, as ``okrsite diff`` of the merge says (audit
  47); one that kept main's value, from what the branch's commits left. A merge that simply brings
  in its branch adds nothing.
* F2: a check-in figure set while resolving a conflict is the merge commit's
  (with its pull request), not "changed since its last commit".
"""

from __future__ import annotations

import html as html_mod
import json
import re
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = "content/objectives/growth.md"
CHECKIN = "content/checkins/2026-10-05-growth.md"
DAY = "2026-10-{:02d}T10:00:00+00:00"


def growth(target: int = 100) -> str:
    return (
        "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: rev\n    title: Revenue\n    start: 0\n    target: {target}\n"
        "  - id: logos\n    title: Logos\n    start: 0\n    target: 5\n---\n"
    )


def checkin(rev: int) -> str:
    return (
        f"---\nobjective: growth\ndate: 2026-10-05\nauthor: Uma Diaz\nvalues: {{rev: {rev}}}\n---\n"
    )


def site(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write(
        "okrsite.toml",
        'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\n'
        'repo_url = "https://github.com/acme/goals"\n',
    )
    repo.write(OBJECTIVE, growth())
    repo.commit("init", "alice", DAY.format(2))
    return repo


def merge(repo: Repo, branch: str, number: int, day: int, *how: str) -> str:
    """Merge ``branch`` into main as pull request ``number``; a conflict is left
    for the caller to resolve and commit (``None`` then)."""
    proc = subprocess.run(
        ["git", "merge", "-q", "--no-ff", *how, branch, "-m",
         f"Merge pull request #{number} from acme/{branch}"],
        cwd=repo.root, env=repo.env("carol", DAY.format(day)), capture_output=True, check=False,
    )  # fmt: skip
    return repo.head() if proc.returncode == 0 else ""


def resolve(repo: Repo, branch: str, number: int, day: int) -> str:
    """Commit a conflicted merge as resolved in the working tree."""
    message = f"Merge pull request #{number} from acme/{branch}"
    return repo.commit(message, "carol", DAY.format(day))


def build(repo: Repo, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    return data


def rev_changes(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    changes = data["objectives"]["growth"]["key_results"]["rev"]["changes"]
    return [(c["commit"], c["pr"], c["field"], c["old"], c["new"], c["date"]) for c in changes]


def timeline(out: Path) -> list[str]:
    """The objective page's timeline entries as text, newest first."""
    html = (out / "objectives/growth/index.html").read_text(encoding="utf-8")
    ol = html[html.index('<ol class="history-timeline"') :]
    ol = ol[: ol.index("</ol>")]
    return [
        " ".join(html_mod.unescape(re.sub(r"<[^>]+>", "", li)).split())
        for li in re.findall(r"<li[^>]*>(.*?)</li>", ol, re.S)
    ]


def diff_text(repo: Repo, *args: str) -> str:
    result = CliRunner().invoke(cli, ["diff", "--site", str(repo.root), "--format", "text", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


# ------------------------------------------------------------------ F1
def test_a_merge_that_kept_main_s_target_with_s_ours_is_the_newest_entry(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "ease")
    repo.write(OBJECTIVE, growth(60))
    eased = repo.commit("Ease revenue to 60", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    merged = merge(repo, "ease", 5, 4, "-s", "ours")
    assert (repo.root / OBJECTIVE).read_text(encoding="utf-8") == growth(100)
    assert "No changes to goals" in diff_text(repo, "HEAD~1", "HEAD")
    out = tmp_path / "out"
    data = build(repo, out)
    # the branch's commit eased it (that is what it did); the merge kept 100:
    # 60 -> 100 under the merge, with the pull request's number, at the top
    assert rev_changes(data) == [
        (eased, "#5", "target", 100, 60, "2026-10-04"),
        (merged, "#5", "target", 60, 100, "2026-10-04"),
    ]
    newest = data["objectives"]["growth"]["key_results"]["rev"]["changes"][-1]
    assert newest["less_ambitious"] is False
    entries = timeline(out)
    assert f"{merged[:7]} (#5)" in entries[0] and "target 60 → 100" in entries[0], entries
    assert f"{eased[:7]} (#5)" in entries[1] and "target 100 → 60" in entries[1], entries


def test_a_merge_that_simply_brings_in_its_branch_adds_no_entry(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "ease")
    repo.write(OBJECTIVE, growth(60))
    eased = repo.commit("Ease revenue to 60", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    repo.write("content/objectives/other.md", growth(7).replace("Grow", "Other"))
    other = repo.commit("Another objective", "alice", DAY.format(3))
    merge(repo, "ease", 6, 4)
    data = build(repo, tmp_path / "out")
    assert rev_changes(data) == [(eased, "#6", "target", 100, 60, "2026-10-04")]
    created = data["objectives"]["other"]["changes"]
    assert [(c["commit"], c["field"]) for c in created] == [(other, "created")]


def test_a_conflict_resolved_to_a_third_value_is_the_merge_s_entry(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "ease")
    repo.write(OBJECTIVE, growth(80))
    branch = repo.commit("Revenue to 80", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    repo.write(OBJECTIVE, growth(90))
    main = repo.commit("Revenue to 90", "alice", DAY.format(4))
    assert merge(repo, "ease", 7, 5) == ""  # the conflict
    repo.write(OBJECTIVE, growth(70))
    merged = resolve(repo, "ease", 7, 5)
    assert "target: 90 → 70 (less ambitious)" in diff_text(repo, "HEAD~1", "HEAD")
    out = tmp_path / "out"
    data = build(repo, out)
    # main's commit, the branch's as it was written, then the merge: what it
    # did to main, from main's 90 to the 70 it committed, as okrsite diff says
    # (audit 47: it was from the branch's 80, judged against the branch)
    assert rev_changes(data) == [
        (main, None, "target", 100, 90, "2026-10-04"),
        (branch, "#7", "target", 100, 80, "2026-10-05"),
        (merged, "#7", "target", 90, 70, "2026-10-05"),
    ]
    assert data["objectives"]["growth"]["key_results"]["rev"]["changes"][-1]["less_ambitious"]
    entries = timeline(out)
    assert f"{merged[:7]} (#7)" in entries[0] and "target 90 → 70" in entries[0], entries
    assert len(entries) == 4  # the three changes and "created"


def test_a_conflict_resolved_in_favour_of_main_is_the_merge_s_entry(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.git("checkout", "-q", "-b", "ease")
    repo.write(OBJECTIVE, growth(80))
    branch = repo.commit("Revenue to 80", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    repo.write(OBJECTIVE, growth(90))
    main = repo.commit("Revenue to 90", "alice", DAY.format(4))
    assert merge(repo, "ease", 8, 5) == ""
    repo.git("checkout", "--ours", "--", OBJECTIVE)
    merged = resolve(repo, "ease", 8, 5)
    assert "No changes to goals" in diff_text(repo, "HEAD~1", "HEAD")
    data = build(repo, tmp_path / "out")
    assert rev_changes(data) == [
        (main, None, "target", 100, 90, "2026-10-04"),
        (branch, "#8", "target", 100, 80, "2026-10-05"),
        (merged, "#8", "target", 80, 90, "2026-10-05"),
    ]


# ------------------------------------------------------------------ F2
def test_a_figure_set_while_resolving_a_conflict_is_the_merge_commit_s(tmp_path: Path) -> None:
    repo = site(tmp_path)
    repo.write(CHECKIN, checkin(15))
    wrote = repo.commit("Check-in", "alice", DAY.format(5))
    repo.git("checkout", "-q", "-b", "fix")
    repo.write(CHECKIN, checkin(14))
    repo.commit("count 14", "bob", DAY.format(6))
    repo.git("checkout", "-q", "main")
    repo.write(CHECKIN, checkin(16))
    repo.commit("count 16", "alice", DAY.format(6))
    assert merge(repo, "fix", 9, 7) == ""
    repo.write(CHECKIN, checkin(13))
    merged = resolve(repo, "fix", 9, 7)
    assert repo.git("status", "--porcelain") == ""
    out = tmp_path / "out"
    data = build(repo, out)
    source = data["objectives"]["growth"]["key_results"]["rev"]["source"]
    assert (source["commit"], source["pr"], source["edited"]) == (merged, "#9", False), source
    (entry,) = data["checkins"]
    assert (entry["commit"], entry["pr"], entry["edited"]) == (merged, "#9", False), entry
    page = (out / "objectives/growth/index.html").read_text(encoding="utf-8")
    assert "not committed yet" not in page
    assert merged[:7] in page and wrote[:7] not in page
