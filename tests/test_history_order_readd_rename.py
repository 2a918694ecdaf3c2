"""Three wrong facts a user audit found in the history, each in a real git
repository built here commit by commit and read by the real ``okrsite build``:

1. the page's timeline is in the order commits entered the branch, as
   ``api/history.json`` is, even when a committer's clock was behind (a
   later commit dated a week before the one it follows);
2. a goal file removed and added again later is compared with its last
   version before the removal: the target eased across the gap is on the
   timeline and in ``api/history.json``, "less ambitious";
3. ``api/history.json`` follows a key result whose id changed: its list
   holds its changes under the old id too, and the old id is not left as a
   second key result with half the story.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from gitrepo import Repo
from test_history_audit36 import entries

from okrsite.cli import cli


def build(site: Path, out: Path, oid: str) -> tuple[dict[str, Any], list[str]]:
    """``okrsite build``: api/history.json and the objective page's timeline
    entries as text, newest first."""
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-30"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    html = (out / f"objectives/{oid}/index.html").read_text(encoding="utf-8")
    section = html[html.index('<section aria-labelledby="goal-history"') :]
    return data, entries(section[: section.index("</section>")])


def plain(changes: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (c["date"], c["field"], c["old"], c["new"], c["less_ambitious"], c["message"])
        for c in changes
    ]


# ------------------------------------------------------------------ 1. order
def objective(target: int, kr_b: str = "b", b_target: int = 10, more: str = "") -> str:
    return (
        "---\ntitle: O\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: a\n    title: A\n    start: 0\n    target: {target}\n"
        f"  - id: {kr_b}\n    title: B\n    start: 0\n    target: {b_target}\n{more}---\n"
    )


def test_the_timeline_is_in_the_order_commits_entered_the_branch(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'as_of = "2026-11-30"\n')
    repo.write("content/objectives/o.md", objective(100))
    repo.commit("init", "alice", "2026-09-01T10:00:00+00:00")
    repo.write("content/objectives/o.md", objective(60))
    repo.commit("first: 100 to 60", "alice", "2026-11-27T10:00:00+00:00")
    # the committer's clock is a week behind: dated before the commit it follows
    repo.write("content/objectives/o.md", objective(65))
    repo.commit("second: 60 to 65", "bob", "2026-11-20T10:00:00+00:00")
    data, shown = build(repo.root, tmp_path / "out", "o")
    assert plain(data["objectives"]["o"]["key_results"]["a"]["changes"]) == [
        ("2026-11-27", "target", 100, 60, True, "first: 100 to 60"),
        ("2026-11-20", "target", 60, 65, False, "second: 60 to 65"),
    ]
    # the page says the same, newest first: the top entry is the target now (65)
    assert len(shown) == 3, shown
    assert shown[0].startswith("2026-11-20 · Bob Stone"), shown
    assert "target 60 → 65" in shown[0], shown
    assert shown[1].startswith("2026-11-27 · Alice Ng"), shown
    assert "target 100 → 60 less ambitious" in shown[1], shown
    assert shown[2].startswith("2026-09-01 · Alice Ng") and "created as" in shown[2], shown


# ------------------------------------------------------------------ 2. removed, added again
def backup(target: int) -> str:
    return (
        "---\ntitle: Backups\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - {{id: drills, title: Restore drills, start: 0, target: {target}}}\n"
        "  - {id: b, title: B, start: 0, target: 10}\n---\n"
    )


def test_a_goal_added_again_is_compared_with_its_version_before_the_removal(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'as_of = "2026-11-30"\n')
    repo.write("content/objectives/backup.md", backup(3))
    repo.commit("init", "alice", "2026-09-01T10:00:00+00:00")
    repo.git("rm", "-q", "content/objectives/backup.md")
    repo.git("commit", "-q", "-m", "drop backups", who="bob", when="2026-11-03T10:00:00+00:00")
    repo.write("content/objectives/backup.md", backup(1))
    repo.commit("bring back backups", "carol", "2026-11-10T10:00:00+00:00")
    data, shown = build(repo.root, tmp_path / "out", "backup")
    obj = data["objectives"]["backup"]
    assert plain(obj["changes"]) == [
        ("2026-09-01", "created", None, "Backups", False, "init"),
        ("2026-11-03", "removed", "Backups", None, False, "drop backups"),
        ("2026-11-10", "created", None, "Backups", False, "bring back backups"),
    ]
    assert plain(obj["key_results"]["drills"]["changes"]) == [
        ("2026-11-10", "target", 3, 1, True, "bring back backups"),
    ]
    (eased,) = obj["key_results"]["drills"]["changes"]
    assert eased["mid_cycle"] is True
    assert obj["key_results"]["b"]["changes"] == []  # unchanged across the gap
    assert len(shown) == 4, shown
    assert shown[0].startswith("2026-11-10 · Carol Diaz"), shown
    assert "target 3 → 1 less ambitious mid-cycle" in shown[0], shown
    assert shown[1].startswith("2026-11-10 · Carol Diaz") and "created as" in shown[1], shown
    assert shown[2].startswith("2026-11-03 · Bob Stone") and "removed" in shown[2], shown
    assert shown[3].startswith("2026-09-01 · Alice Ng") and "created as" in shown[3], shown


def test_a_goal_added_again_unchanged_shows_only_its_removal_and_return(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'as_of = "2026-11-30"\n')
    repo.write("content/objectives/backup.md", backup(3))
    repo.commit("init", "alice", "2026-09-01T10:00:00+00:00")
    repo.git(
        "rm", "-q", "content/objectives/backup.md", who="bob", when="2026-11-03T10:00:00+00:00"
    )
    repo.git("commit", "-q", "-m", "drop backups", who="bob", when="2026-11-03T10:00:00+00:00")
    repo.write("content/objectives/backup.md", backup(3))
    repo.commit("bring back backups", "carol", "2026-11-10T10:00:00+00:00")
    data, shown = build(repo.root, tmp_path / "out", "backup")
    obj = data["objectives"]["backup"]
    assert [c["field"] for c in obj["changes"]] == ["created", "removed", "created"]
    assert obj["key_results"]["drills"]["changes"] == []
    assert len(shown) == 3, shown


# ------------------------------------------------------------------ 3. key result renamed
def test_history_json_follows_a_key_result_whose_id_changed(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'as_of = "2026-11-30"\n')
    repo.write("content/objectives/o.md", objective(100))
    repo.commit("init", "alice", "2026-09-01T10:00:00+00:00")
    repo.write("content/objectives/o.md", objective(100, b_target=8))
    repo.commit("Ease B (#12)", "bob", "2026-10-20T10:00:00+00:00")
    repo.write("content/objectives/o.md", objective(100, kr_b="bookings", b_target=6))
    repo.commit("rename KR b and ease", "carol", "2026-11-15T10:00:00+00:00")
    # a new key result takes the old id afterwards: its story is its own
    new_b = "  - id: b\n    title: Brand new\n    start: 0\n    target: 5\n"
    repo.write("content/objectives/o.md", objective(100, "bookings", 6, new_b))
    repo.commit("new b", "dave", "2026-11-20T10:00:00+00:00")
    data, shown = build(repo.root, tmp_path / "out", "o")
    krs = data["objectives"]["o"]["key_results"]
    assert plain(krs["bookings"]["changes"]) == [
        ("2026-10-20", "target", 10, 8, True, "Ease B"),
        ("2026-11-15", "id", "b", "bookings", False, "rename KR b and ease"),
        ("2026-11-15", "target", 8, 6, True, "rename KR b and ease"),
    ]
    assert krs["bookings"]["changes"][0]["pr"] == "#12"
    assert plain(krs["b"]["changes"]) == [
        ("2026-11-20", "key_result", None, "Brand new", False, "new b"),
    ]
    assert list(krs) == ["a", "bookings", "b"]
    assert len(shown) == 5, shown


def goal(title: str, kr: str, target: int) -> str:
    return (
        f"---\ntitle: {title}\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - {{id: {kr}, title: {kr.upper()}, start: 0, target: {target}}}\n---\n"
    )


def test_a_file_moved_to_an_id_removed_before_keeps_both_stories_in_commit_order(
    tmp_path: Path,
) -> None:
    """Both timelines joined under the id, each change where its commit
    entered the branch (no date sorts them on the page any more)."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'as_of = "2026-11-30"\n')
    repo.write("content/objectives/o.md", goal("Old", "x", 10))
    repo.commit("old", "alice", "2026-09-01T10:00:00+00:00")
    repo.write("content/objectives/p.md", goal("New", "y", 20))
    repo.commit("new", "bob", "2026-09-05T10:00:00+00:00")
    repo.write("content/objectives/o.md", goal("Old", "x", 8))
    repo.commit("ease old", "alice", "2026-09-10T10:00:00+00:00")
    repo.write("content/objectives/p.md", goal("New", "y", 15))
    repo.commit("ease new", "bob", "2026-09-15T10:00:00+00:00")
    repo.git("rm", "-q", "content/objectives/o.md")
    repo.git("commit", "-q", "-m", "drop old", who="carol", when="2026-10-01T10:00:00+00:00")
    repo.git("mv", "content/objectives/p.md", "content/objectives/o.md")
    repo.git("commit", "-q", "-m", "new takes o", who="carol", when="2026-10-05T10:00:00+00:00")
    data, shown = build(repo.root, tmp_path / "out", "o")
    obj = data["objectives"]["o"]
    assert [(c["date"], c["field"], c["message"]) for c in obj["changes"]] == [
        ("2026-09-01", "created", "old"),
        ("2026-09-05", "created", "new"),
        ("2026-10-01", "removed", "drop old"),
        ("2026-10-05", "id", "new takes o"),
    ]
    assert [e[:10] for e in shown] == [
        "2026-10-05",
        "2026-10-01",
        "2026-09-15",
        "2026-09-10",
        "2026-09-05",
        "2026-09-01",
    ], shown
