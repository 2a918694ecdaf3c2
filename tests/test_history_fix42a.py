"""A renamed content folder keeps its history; a cherry-picked change is listed once.

Content folder (cycle 2026-Q4; as_of 2026-11-30), the site at the
repository's top:

1. 2026-10-01 Alice adds objective ``grow`` (key result ``k``: 0 → 50), a
   KPI ``nps`` whose figures are rows of ``data/nps.csv``, and a check-in
   dated 2026-10-02.
2. 2026-10-05 Bob: target 50 → 40 (less ambitious, mid-cycle).
3. 2026-11-01 Eve: ``git mv content goals`` and ``content_dir = "goals"`` in
   okrsite.toml, nothing else (git records ``{content => goals}/…``).

Read under ``goals/`` only, step 3 adds every file: Eve would have created
everything on 2026-11-01, Bob's easing would be gone, and every figure
would be hers, backdated.

Cherry-pick: target 1000 on main; Bob changes it to 800 on ``hotfix``
(2026-11-23); that commit is cherry-picked onto main (2026-11-24), then
``hotfix`` is merged as pull request #90 (2026-11-25), which adds nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo, whys_checked

from okrsite.cli import cli
from okrsite.history import HistoryReader
from okrsite.pipeline import load_site

GROW = """\
---
title: Grow
key_results:
  - id: k
    title: Users
    start: 0
    target: {target}
---
"""

NPS = """\
---
title: Net Promoter Score
direction: up
target: 50
data: nps.csv
---
"""

CHECKIN = "---\nobjective: grow\ndate: 2026-10-02\nvalues:\n  k: 7\n---\n"


def day(d: str) -> str:
    return f"{d}T10:00:00+00:00"


def build(site: Path) -> dict[str, Any]:
    out = site / "_site"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-30"]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "api/history.json").read_text())
    return data


def change(commit: str, date: str, author: str, field: str, old: Any, new: Any,
           mid: bool, less: bool, pr: str | None = None, **more: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "commit": commit,
        "pr": pr,
        "date": date,
        "author": author,
        "field": field,
        "old": old,
        "new": new,
        "mid_cycle": mid,
        "less_ambitious": less,
        **more,
    }


def renamed_content(root: Path) -> tuple[Repo, dict[str, str]]:
    repo = Repo(root)
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\n')
    repo.write("content/objectives/grow.md", GROW.format(target=50))
    repo.write("content/kpis/nps.md", NPS)
    repo.write("content/nps.csv", "date,value\n2026-09-30,31\n")
    repo.write("content/checkins/2026-10-02-grow.md", CHECKIN)
    shas = {"add": repo.commit("Add grow", "alice", day("2026-10-01"))}
    repo.write("content/objectives/grow.md", GROW.format(target=40))
    shas["ease"] = repo.commit("Ease", "bob", day("2026-10-05"))
    repo.git("mv", "content", "goals", who="eve", when=day("2026-11-01"))
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\ncontent_dir = "goals"\n')
    shas["move"] = repo.commit("Rename the content folder", "eve", day("2026-11-01"))
    status = repo.git("show", "--format=", "--name-status", "-M", shas["move"])
    assert "R100\tcontent/objectives/grow.md\tgoals/objectives/grow.md" in status
    return repo, shas


def assert_before_the_rename(repo: Repo, data: dict[str, Any], shas: dict[str, str]) -> None:
    grow = data["objectives"]["grow"]
    assert whys_checked(repo, grow["changes"]) == [
        change(shas["add"], "2026-10-01", "Alice Ng", "created", None, "Grow", False, False),
    ]
    assert whys_checked(repo, grow["key_results"]["k"]["changes"]) == [
        change(shas["ease"], "2026-10-05", "Bob Stone", "target", 50, 40, True, True),
    ]
    assert [
        (c["file"], c["commit"], c["author"], c["committed"], c["backdated"])
        for c in data["checkins"]
    ] == [("goals/checkins/2026-10-02-grow.md", shas["add"], "Alice Ng", "2026-10-01", False)]
    nps = data["kpis"]["nps"]
    assert [(c["commit"], c["field"]) for c in nps["changes"]] == [(shas["add"], "created")]
    source = nps["source"]
    assert (source["file"], source["date"], source["commit"], source["author"]) == (
        "goals/nps.csv",
        "2026-09-30",
        shas["add"],
        "Alice Ng",
    )


def test_renamed_content_folder_keeps_every_timeline(tmp_path: Path) -> None:
    repo, shas = renamed_content(tmp_path / "repo")
    assert_before_the_rename(repo, build(repo.root), shas)


def test_renamed_content_folder_rebuilt_after_a_new_commit(tmp_path: Path) -> None:
    """The events cached by the first build (the commits before the rename
    read under ``content/``) serve the next one, after one more commit."""
    repo, shas = renamed_content(tmp_path / "repo")
    build(repo.root)
    repo.write("goals/objectives/grow.md", GROW.format(target=45))
    raised = repo.commit("Raise", "carol", day("2026-11-10"))
    data = build(repo.root)
    assert whys_checked(repo, data["objectives"]["grow"]["key_results"]["k"]["changes"]) == [
        change(shas["ease"], "2026-10-05", "Bob Stone", "target", 50, 40, True, True),
        change(raised, "2026-11-10", "Carol Diaz", "target", 40, 45, True, False),
    ]
    assert [c["commit"] for c in data["checkins"]] == [shas["add"]]
    # every commit is cached now, under each content folder it was read under
    load = load_site(repo.root)
    again = HistoryReader(repo.root, load.config, load.scored.portfolio.cycles).read()
    assert again.commits_read == 0
    assert [(c.commit, c.field) for c in again.objectives["grow"]] == [
        (shas["add"], "created"),
        (shas["ease"], "target"),
        (raised, "target"),
    ]


def test_renamed_twice_and_moved_with_the_site(tmp_path: Path) -> None:
    """content → goals, then the site into ``okrs/`` with its content
    folder renamed again (``goals`` → ``okrs-content``) in one commit."""
    repo, shas = renamed_content(tmp_path / "repo")
    # a few settings more, as most sites have: git pairs the file moved and
    # edited in one commit only when most of it stayed the same
    settings = 'title = "Acme goals"\ndescription = "What we aim for"\nbackdate_days = 7\n'
    repo.write("okrsite.toml", settings + 'default_cycle = "2026-Q4"\ncontent_dir = "goals"\n')
    repo.commit("Describe the site", "dave", day("2026-11-04"))
    (repo.root / "okrs").mkdir()
    repo.git("mv", "okrsite.toml", "okrs/okrsite.toml", who="dave", when=day("2026-11-05"))
    repo.git("mv", "goals", "okrs/okrs-content", who="dave", when=day("2026-11-05"))
    repo.write(
        "okrs/okrsite.toml", settings + 'default_cycle = "2026-Q4"\ncontent_dir = "okrs-content"\n'
    )
    repo.commit("Move the site", "dave", day("2026-11-05"))
    data = build(repo.root / "okrs")
    for c in data["checkins"]:
        c["file"] = c["file"].replace("okrs-content/", "goals/")
    data["kpis"]["nps"]["source"]["file"] = "goals/nps.csv"
    assert_before_the_rename(repo, data, shas)


def test_content_dir_pointed_at_another_folder_is_no_rename(tmp_path: Path) -> None:
    """``content_dir`` set to a folder that was there already, nothing moved:
    its goals keep their own history, not the old folder's."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\n')
    repo.write("content/objectives/grow.md", GROW.format(target=50))
    repo.commit("Add grow", "alice", day("2026-10-01"))
    repo.write("content/objectives/grow.md", GROW.format(target=40))
    repo.commit("Ease", "bob", day("2026-10-05"))
    repo.write("goals/objectives/grow.md", GROW.format(target=70))
    draft = repo.commit("Draft the new goals", "carol", day("2026-10-08"))
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\ncontent_dir = "goals"\n')
    repo.commit("Switch to the new goals", "eve", day("2026-11-01"))
    data = build(repo.root)
    grow = data["objectives"]["grow"]
    assert whys_checked(repo, grow["changes"]) == [
        change(draft, "2026-10-08", "Carol Diaz", "created", None, "Grow", True, False),
    ]
    assert grow["key_results"]["k"]["changes"] == []


def test_diff_across_the_rename_compares_each_goal_with_itself(tmp_path: Path) -> None:
    """A pull request that renames the content folder (and eases a target on
    the way) reads the base under the folder it had: no goal is new."""
    repo, shas = renamed_content(tmp_path / "repo")
    repo.write("goals/objectives/grow.md", GROW.format(target=30))
    repo.commit("Ease again", "bob", day("2026-11-02"))
    result = CliRunner().invoke(
        cli,
        ["diff", "--site", str(repo.root), "--as-of", "2026-11-30", "--format", "json",
         "--fail-on", "none", shas["ease"], "HEAD"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(o["id"], o["change"], o["file"], o["moved_from"]) for o in report["objectives"]] == [
        ("grow", "changed", "goals/objectives/grow.md", "content/objectives/grow.md")
    ]
    assert report["settings"] == [{"key": "content_dir", "before": "content", "after": "goals"}]
    assert [f["message"] for f in report["findings"]] == [
        "key result grow#k: target 40 → 30 (less ambitious)"
    ]


def test_cherry_picked_change_merged_with_its_branch_is_listed_once(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\n')
    repo.write("content/objectives/grow.md", GROW.format(target=1000))
    repo.write("content/kpis/nps.md", NPS)
    repo.write("content/nps.csv", "date,value\n2026-09-30,31\n")
    add = repo.commit("Add grow", "alice", day("2026-10-01"))
    repo.git("checkout", "-q", "-b", "hotfix")
    repo.write("content/objectives/grow.md", GROW.format(target=800))
    repo.write("content/nps.csv", "date,value\n2026-09-30,31\n2026-11-22,35\n")
    picked = repo.commit("Ease", "bob", day("2026-11-23"))
    repo.git("checkout", "-q", "main")
    repo.git("cherry-pick", picked, who="carol", when=day("2026-11-24"))
    pick = repo.head()
    repo.git("merge", "--no-ff", "-m", "Merge pull request #90 from x/hotfix", "hotfix",
             who="carol", when=day("2026-11-25"))  # fmt: skip
    data = build(repo.root)
    assert whys_checked(repo, data["objectives"]["grow"]["key_results"]["k"]["changes"]) == [
        change(pick, "2026-11-24", "Bob Stone", "target", 1000, 800, True, True,
               authored="2026-11-23"),
    ]  # fmt: skip
    assert [c["commit"] for c in data["objectives"]["grow"]["changes"]] == [add]
    source = data["kpis"]["nps"]["source"]
    assert (source["date"], source["commit"], source["author"]) == ("2026-11-22", pick, "Bob Stone")


def test_branch_that_undoes_its_own_change_is_still_listed(tmp_path: Path) -> None:
    """Only a change the first-parent line already has is dropped: a branch
    that eases a target and puts it back shows both."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'default_cycle = "2026-Q4"\n')
    repo.write("content/objectives/grow.md", GROW.format(target=1000))
    repo.commit("Add grow", "alice", day("2026-10-01"))
    repo.git("checkout", "-q", "-b", "try")
    repo.write("content/objectives/grow.md", GROW.format(target=800))
    down = repo.commit("Ease", "bob", day("2026-11-20"))
    repo.write("content/objectives/grow.md", GROW.format(target=1000))
    up = repo.commit("Put it back", "bob", day("2026-11-21"))
    repo.git("checkout", "-q", "main")
    repo.git("merge", "--no-ff", "-m", "Merge pull request #91 from x/try", "try",
             who="carol", when=day("2026-11-25"))  # fmt: skip
    data = build(repo.root)
    got = [(c["commit"], c["old"], c["new"], c["pr"])
           for c in data["objectives"]["grow"]["key_results"]["k"]["changes"]]  # fmt: skip
    assert got == [(down, 1000, 800, "#91"), (up, 800, 1000, "#91")]
