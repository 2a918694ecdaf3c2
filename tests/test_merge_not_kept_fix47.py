"""Audit 47 (verify1, findings 2 and 3): merges finished the way people finish them.

Real repositories with real conflicts, built with ``okrsite build`` and
compared with ``okrsite diff``:

* Finding 2: a conflict resolved in main's favour (main's target kept, the
  branch's discarded) was on the timeline and in ``api/history.json`` as
  "120 → 60, less ambitious" under the merge, while ``okrsite diff`` of the
  merge reported no change and ``--fail-on less-ambitious`` passed: main's
  one easing counted twice. The entry stays (the newest entry is what the
  file says) but is judged neither way and says the branch's change was not
  kept (``"not_kept": true``).
* Finding 3: a conflicted merge finished with ``git commit --no-edit`` keeps
  git's "# Conflicts:" list in its message (no editor's cleanup strips it);
  it was the entry's commit message and the rest of it. It is dropped, as
  git's cleanup would drop it.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

DAY = "2026-10-{:02d}T10:00:00+00:00"
OBJECTIVE = "content/objectives/growth.md"
CONFIG = 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\n'


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def growth(target: int = 100) -> str:
    return (
        "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: rev\n    title: Revenue\n    start: 0\n    target: {target}\n---\n"
    )


def conflicted_merge(tmp_path: Path, main_target: int, branch_target: int) -> Repo:
    """main eases (or moves) the target, the branch ``stretch`` moves it
    elsewhere, and ``git merge`` stops at the conflict: left unresolved."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(OBJECTIVE, growth())
    repo.commit("init", "alice", DAY.format(2))
    repo.git("checkout", "-q", "-b", "stretch")
    repo.write(OBJECTIVE, growth(branch_target))
    repo.commit(f"Revenue to {branch_target}", "bob", DAY.format(3))
    repo.git("checkout", "-q", "main")
    repo.write(OBJECTIVE, growth(main_target))
    repo.commit(f"Revenue to {main_target}", "alice", DAY.format(4))
    merging = subprocess.run(
        ["git", "merge", "-q", "--no-ff", "stretch", "-m", "Merge pull request #7 from acme/stretch"],
        cwd=repo.root, env=repo.env("carol", DAY.format(5)), capture_output=True, check=False,
    )  # fmt: skip
    assert merging.returncode != 0, merging.stdout  # a real conflict
    assert "<<<<<<< HEAD" in (repo.root / OBJECTIVE).read_text(encoding="utf-8")
    return repo


def finish_no_edit(repo: Repo) -> str:
    """``git add`` and ``git commit --no-edit``, as a terminal user finishes a
    merge: git keeps its "# Conflicts:" list in the message."""
    repo.git("add", "-A", who="carol", when=DAY.format(5))
    repo.git("commit", "-q", "--no-edit", who="carol", when=DAY.format(5))
    message = repo.git("log", "-1", "--format=%B")
    assert "# Conflicts:" in message and f"#\t{OBJECTIVE}" in message, message
    return repo.head()


def build(root: Path, out: Path) -> tuple[list[dict[str, Any]], str]:
    """``okrsite build``: the rev key result's changes in api/history.json and
    the objective page's timeline, newest entry first."""
    built = run("build", "--site", str(root), "--out", str(out), "--no-cache")
    assert built.exit_code == 0, built.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    page = (out / "objectives/growth/index.html").read_text(encoding="utf-8")
    timeline = page[page.index('<ol class="history-timeline"') :]
    changes: list[dict[str, Any]] = data["objectives"]["growth"]["key_results"]["rev"]["changes"]
    return changes, timeline[: timeline.index("</ol>")]


def test_a_merge_that_kept_main_s_eased_target_is_not_a_second_easing(tmp_path: Path) -> None:
    repo = conflicted_merge(tmp_path, main_target=60, branch_target=120)
    repo.git("checkout", "--ours", "--", OBJECTIVE)  # main's 60 kept, the branch's 120 not
    merged = finish_no_edit(repo)
    diff = run("diff", "--site", str(repo.root), "HEAD~1", "HEAD", "--format", "text")
    assert "No changes to goals" in diff.output, diff.output
    gate = run("diff", "--site", str(repo.root), "HEAD~1", "HEAD", "--fail-on", "less-ambitious")
    assert gate.exit_code == 0, gate.output
    changes, timeline = build(repo.root, tmp_path / "out")
    assert [(c["old"], c["new"], c["less_ambitious"], c.get("not_kept")) for c in changes] == [
        (100, 60, True, None),  # main's easing: the one easing there was
        (100, 120, False, None),  # the branch's commit, as it was made
        (120, 60, False, True),  # the merge: kept main's 60, judged neither way
    ]
    newest = changes[-1]
    assert newest["commit"] == merged and newest["pr"] == "#7"
    assert "note" not in newest and newest["mid_cycle"] is False
    entry = timeline[: timeline.index("</li>")]
    assert merged[:7] in entry, entry
    assert "120 → 60: the branch's change was not kept in the merge" in entry, entry
    assert "less ambitious" not in entry and "more ambitious" not in entry, entry
    assert "mid-cycle" not in entry, entry
    # in German too, from the translation table
    (repo.root / "okrsite.toml").write_text(CONFIG + 'language = "de"\n', encoding="utf-8")
    _changes, german = build(repo.root, tmp_path / "out-de")
    entry = german[: german.index("</li>")]
    assert "die Änderung des Branches wurde beim Merge nicht übernommen" in entry, entry
    assert "weniger ehrgeizig" not in entry, entry


def test_git_s_conflicts_list_is_not_a_merge_s_message(tmp_path: Path) -> None:
    # resolved to a third value (as gitteam F3), finished with --no-edit
    repo = conflicted_merge(tmp_path, main_target=60, branch_target=120)
    repo.write(OBJECTIVE, growth(80))
    merged = finish_no_edit(repo)
    changes, timeline = build(repo.root, tmp_path / "out")
    newest = changes[-1]
    assert (newest["commit"], newest["old"], newest["new"]) == (merged, 60, 80)
    assert newest["message"] == "Merge pull request #7 from acme/stretch", newest
    assert "Conflicts" not in timeline and OBJECTIVE not in timeline, timeline
    assert "Rest of the commit message" not in timeline, timeline


def test_git_s_conflicts_list_is_not_the_rest_of_a_cherry_pick_s_message(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write(OBJECTIVE, growth())
    repo.commit("init", "alice", DAY.format(2))
    repo.git("checkout", "-q", "-b", "fix")
    repo.write(OBJECTIVE, growth(90))
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "Revenue to 90\n\nReason: the EMEA deal slipped.", who="bob")
    fix = repo.head()
    repo.git("checkout", "-q", "main")
    repo.write(OBJECTIVE, growth(110))
    repo.commit("Revenue to 110", "alice", DAY.format(3))
    picking = subprocess.run(
        ["git", "cherry-pick", fix], cwd=repo.root, env=repo.env("carol", DAY.format(4)),
        capture_output=True, check=False,
    )  # fmt: skip
    assert picking.returncode != 0, picking.stdout  # a real conflict
    repo.write(OBJECTIVE, growth(90))
    picked = finish_no_edit(repo)
    changes, timeline = build(repo.root, tmp_path / "out")
    newest = changes[-1]
    assert (newest["commit"], newest["old"], newest["new"]) == (picked, 110, 90)
    assert newest["message"] == "Revenue to 90"
    assert newest["reason"] == "the EMEA deal slipped."
    assert "Conflicts" not in timeline and OBJECTIVE not in timeline, timeline
