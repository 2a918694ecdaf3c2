"""Audit 47 (submodfix): goals kept in a git submodule inside the content folder.

Real repositories: ``site/`` with its own goals, and ``content/objectives/platform``
(objectives) and ``content/checkins/platform`` (check-ins) each a checked-out
submodule of another repository.

* The history reads no submodule's commits, so the site's pages and
  ``api/history.json`` called every figure from those files "not committed
  yet" (a check-in's provenance too), while the rest of the site kept its
  history. Each now says, per goal and per figure, that the folder is a git
  submodule whose commits okrsite does not read.
* ``okrsite diff main`` with an uncommitted edit read the submodule's goals
  from disk on the working-tree side while the revision skipped them, so
  every one of them was "added" (with a new and a fixed OKR011 about the one
  folder). The working tree leaves them out too, and OKR011 is said once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

DAY = "2026-10-{:02d}T10:00:00+00:00"
SUBMODULE_NOTE = (
    "Its folder {} is a git submodule, whose commits okrsite does not read (warning OKR011)."
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def goal(title: str, target: int = 100, current: str = "") -> str:
    return (
        f"---\ntitle: {title}\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: rev\n    title: Revenue\n    start: 0\n    target: {target}\n{current}---\n"
    )


def submodule(repo: Repo, source: Repo, folder: str) -> None:
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(source.root), folder)


def site_with_submodules(tmp_path: Path, language: str = "en") -> Repo:
    """``site/``: growth committed in it; the platform objective (its figure
    written as ``current:``) and a check-in of growth each in a submodule."""
    platform = Repo(tmp_path / "platform")
    platform.write("platform.md", goal("Platform", current="    current: 40\n"))
    platform.commit("platform goals", "alice", DAY.format(3))
    checkins = Repo(tmp_path / "checkins")
    checkins.write(
        "2026-10-05-growth.md",
        "---\nobjective: growth\ndate: 2026-10-05\nauthor: Uma Diaz\nvalues: {rev: 30}\n---\n",
    )
    checkins.commit("platform check-ins", "alice", DAY.format(3))
    repo = Repo(tmp_path / "site")
    repo.write(
        "okrsite.toml",
        f'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\nlanguage = "{language}"\n',
    )
    repo.write("content/objectives/growth.md", goal("Grow"))
    repo.commit("growth", "alice", DAY.format(2))
    submodule(repo, platform, "content/objectives/platform")
    submodule(repo, checkins, "content/checkins/platform")
    repo.commit("platform as submodules", "alice", DAY.format(4))
    return repo


def history_section(page: str) -> str:
    start = page.index('class="history"')
    return page[start : page.index("</section>", start)]


def test_goals_in_a_submodule_of_the_content_folder_say_so_not_not_committed_yet(
    tmp_path: Path,
) -> None:
    repo = site_with_submodules(tmp_path)
    out = tmp_path / "out"
    built = run("build", "--site", str(repo.root), "--out", str(out), "--no-cache")
    assert built.exit_code == 0, built.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    assert data["available"] is True  # the rest of the site keeps its history
    platform = data["objectives"]["platform/platform"]
    assert platform["submodule"] == "content/objectives/platform"
    source = platform["key_results"]["rev"]["source"]
    assert (source["kind"], source["commit"], source["submodule"]) == (
        "current",
        None,
        "content/objectives/platform",
    )
    growth = data["objectives"]["growth"]
    assert growth["submodule"] is None
    assert growth["changes"][0]["field"] == "created"  # committed in the site: history kept
    checkin = growth["key_results"]["rev"]["source"]
    assert (checkin["kind"], checkin["commit"], checkin["submodule"]) == (
        "check-in",
        None,
        "content/checkins/platform",
    )
    (listed,) = data["checkins"]
    assert (listed["commit"], listed["submodule"]) == (None, "content/checkins/platform")

    page = history_section((out / "objectives/platform/platform/index.html").read_text("utf-8"))
    assert "not committed yet" not in page and "No changes recorded" not in page
    assert SUBMODULE_NOTE.format("<code>content/objectives/platform/</code>") in page
    page = history_section((out / "objectives/growth/index.html").read_text("utf-8"))
    assert "not committed yet" not in page
    assert SUBMODULE_NOTE.format("<code>content/checkins/platform/</code>") in page
    assert "created as" in page


def test_the_submodule_note_is_translated(tmp_path: Path) -> None:
    repo = site_with_submodules(tmp_path, language="de")
    out = tmp_path / "out"
    built = run("build", "--site", str(repo.root), "--out", str(out), "--no-cache")
    assert built.exit_code == 0, built.output
    page = history_section((out / "objectives/platform/platform/index.html").read_text("utf-8"))
    assert (
        "Der Ordner <code>content/objectives/platform/</code> ist ein Git-Submodul, dessen "
        "Commits okrsite nicht liest (Warnung OKR011)."
    ) in page
    assert "noch nicht eingetragen" not in page


def test_diff_against_the_working_tree_leaves_a_submodule_s_goals_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = site_with_submodules(tmp_path)
    repo.write("content/objectives/growth.md", goal("Grow", 80))  # not committed
    monkeypatch.chdir(repo.root)
    diff = run("diff", "main", "--format", "json", "--fail-on", "none")
    assert diff.exit_code == 0, diff.output
    report = json.loads(diff.stdout)
    # only the edit: the submodule's objective is not "added"
    assert [(o["id"], o["change"]) for o in report["objectives"]] == [("growth", "changed")]
    assert "platform/platform" not in diff.stdout
    found = report["diagnostics"]
    assert not found["introduced"] and not found["resolved"], found
    said = [line for line in diff.stderr.splitlines() if "git submodule" in line]
    assert said == [
        f"okrsite diff: warning: content/{kind}/platform is a git submodule, which okrsite diff "
        "and the history cannot see into; skipped (hint: keep the goals in the site's own "
        "repository: okrsite diff and the pages' history read no submodule's commits)"
        for kind in ("checkins", "objectives")
    ], diff.stderr
