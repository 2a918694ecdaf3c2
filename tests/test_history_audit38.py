"""Defects a user audit found in the history timelines, each in a real
repository built here commit by commit (several authors, dates set), read by
the real ``okrsite build``:

1. a commit that breaks a file's YAML, then a fix that also moves a target:
   the unreadable version is skipped (no "removed", no second "created") and
   the fix is compared with the last version that could be read, so the
   target's move is on the timeline; the same in a shallow clone whose
   oldest commit is just before the broken one, and in a rebuild whose cache
   already holds the broken commit;
2. a target moved across its start is "direction reversed" on the timeline
   and in ``api/history.json`` (``note``), as ``okrsite diff`` says.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from test_history_audit36 import Repo, entries

from okrsite.cli import cli


def retention(target: str = "4", owner: str = "owner: Uma Diaz", start: str = "8") -> str:
    return (
        "---\ntitle: Keep more customers\ncycle: 2026-Q4\n"
        f"{owner}\nkey_results:\n"
        f"  - id: churn\n    title: Churn down\n    start: {start}\n    target: {target}\n"
        '    unit: "%"\n---\n'
    )


FILE = "content/objectives/retention.md"


def build(site: Path, out: Path) -> tuple[dict[str, Any], list[str]]:
    """``okrsite build --as-of 2026-12-02``: api/history.json and the
    retention page's timeline entries (newest first)."""
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", "2026-12-02"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    html = (out / "objectives/retention/index.html").read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="goal-history"') :]
    return data, entries(section[: section.index("</section>")])


def broken_then_fixed(tmp_path: Path, fix: bool = True) -> Repo:
    """Created on 09-20; Ben breaks the owner line on 10-22; on 10-23 the
    line is put right and the target moved 4 → 6 in the same commit."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "M"\n')
    repo.write(FILE, retention())
    repo.cm("Uma Diaz", "2026-09-20", "Retention")
    repo.write("README.md", "# OKRs\n")
    repo.cm("Tom Lee", "2026-10-01", "Readme")
    repo.write(FILE, retention(owner="owner: [Uma Diaz"))
    repo.cm("Ben Ito", "2026-10-22", "Owner")
    if fix:
        fixed(repo)
    return repo


def fixed(repo: Repo) -> None:
    repo.write(FILE, retention(target="6"))
    repo.cm("Ben Ito", "2026-10-23", "Fix owner, ease churn")


def assert_skipped(data: dict[str, Any], shown: list[str], created: bool = True) -> None:
    obj = data["objectives"]["retention"]
    fields = [c["field"] for c in obj["changes"]]
    assert "removed" not in fields, obj["changes"]
    assert fields == (["created"] if created else []), obj["changes"]
    (change,) = obj["key_results"]["churn"]["changes"]
    assert (change["date"], change["author"], change["field"]) == (
        "2026-10-23",
        "Ben Ito",
        "target",
    )
    assert (change["old"], change["new"]) == (4, 6)
    assert change["less_ambitious"] is True and change["mid_cycle"] is True
    assert "note" not in change  # less_ambitious says it
    assert not any("removed" in e for e in shown), shown
    assert sum("created as" in e for e in shown) == (1 if created else 0), shown
    assert "target 4% → 6% less ambitious mid-cycle" in shown[0], shown


# ------------------------------------------------------------------ 1. unreadable version
def test_an_unreadable_version_is_skipped_and_the_fix_compared_with_the_last_readable(
    tmp_path: Path,
) -> None:
    repo = broken_then_fixed(tmp_path)
    data, shown = build(repo.root, tmp_path / "out")
    assert_skipped(data, shown)
    (created,) = data["objectives"]["retention"]["changes"]
    assert (created["date"], created["author"]) == ("2026-09-20", "Uma Diaz")
    assert shown[-1].startswith("2026-09-20 · Uma Diaz") and "created as" in shown[-1], shown


def test_a_rebuild_whose_cache_holds_the_broken_commit_says_the_same(tmp_path: Path) -> None:
    repo = broken_then_fixed(tmp_path, fix=False)
    # the broken version is HEAD, put right in the working copy, not committed
    # yet: the build reads (and caches) the broken commit
    repo.write(FILE, retention(target="6"))
    data, _ = build(repo.root, tmp_path / "o0")
    assert data["objectives"]["retention"]["key_results"]["churn"]["changes"] == []
    assert list((repo.root / ".okrsite-cache").glob("history/*")), "nothing cached"
    fixed(repo)
    data, shown = build(repo.root, tmp_path / "out")
    assert_skipped(data, shown)


def test_a_shallow_clone_from_just_before_the_broken_commit(tmp_path: Path) -> None:
    repo = broken_then_fixed(tmp_path)
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", f"file://{repo.root}", str(clone)], check=True
    )
    data, shown = build(clone, tmp_path / "out")
    assert data["shallow"] is True and data["commits_seen"] == 3
    # the clone's oldest commit (the readme) is not read: no "created" either
    assert_skipped(data, shown, created=False)


# ------------------------------------------------------------------ 2. direction reversed
def test_a_target_moved_across_its_start_is_direction_reversed_as_diff_says(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "M"\n')
    repo.write(FILE, retention(target="5.5"))
    repo.cm("Uma Diaz", "2026-09-20", "Retention")
    repo.write(FILE, retention(target="9"))
    repo.cm("Ben Ito", "2026-10-22", "Churn up")
    repo.write(FILE, retention(target="9", start="10"))  # back below the start: lower again
    repo.cm("Tom Lee", "2026-10-23", "Start moved")
    diff = CliRunner().invoke(cli, ["diff", "--site", str(repo.root), "HEAD~2", "HEAD~1"])
    assert "**target**: 5.5% → 9% (direction reversed)" in diff.output, diff.output
    data, shown = build(repo.root, tmp_path / "out")
    changes = data["objectives"]["retention"]["key_results"]["churn"]["changes"]
    target = next(c for c in changes if c["field"] == "target")
    assert (target["old"], target["new"]) == (5.5, 9)
    assert target["note"] == "direction reversed" and target["less_ambitious"] is False
    start = next(c for c in changes if c["field"] == "start")
    assert start["note"] == "direction reversed", start
    assert "note" not in data["objectives"]["retention"]["changes"][0]
    said = next(e for e in shown if "target 5.5% → 9%" in e)
    assert "target 5.5% → 9% direction reversed mid-cycle" in said, shown
    assert "less ambitious" not in said
