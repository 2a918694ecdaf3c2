"""Audit 45 (gitmess F3, F4, F5): links in the content, and git's mailmap.

Real repositories, built with ``okrsite build`` and compared with ``okrsite diff``:

* a content folder kept as a link inside the site (``content -> goals``):
  ``okrsite diff`` compares the goals it leads to (it saw none, "No changes
  to goals", exit 0), the history lists their changes (it was empty); one
  linked out of the site is CFG012 on diff as on check, exit 1.
* a goal file that is a link to another file of the site has the linked
  file's history, as diff compares it (it was empty, with no note).
* a ``.mailmap`` written but not committed, or ``mailmap.file`` in git's
  config, names the authors on the next build (the cache kept the old names
  until HEAD moved).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from gitrepo import Repo

from okrsite.cli import cli

CONFIG = 'title = "T"\ndefault_cycle = "2026-Q4"\nas_of = "2026-11-05"\n'


def growth(target: int) -> str:
    return (
        "---\ntitle: Grow\ncycle: 2026-Q4\nowner: Uma Diaz\nkey_results:\n"
        f"  - id: rev\n    title: Revenue\n    start: 0\n    target: {target}\n"
        "  - id: logos\n    title: Logos\n    start: 0\n    target: 5\n---\n"
    )


def diff(site: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(site)
    try:
        return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(old)


def build(site: Path, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    return data


def rev_changes(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    kr = data["objectives"]["growth"]["key_results"]["rev"]["changes"]
    return [(c["field"], c["old"], c["new"], c["author"]) for c in kr]


def created(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(c["field"], c["author"]) for c in data["objectives"]["growth"]["changes"]]


def linked_content_folder(tmp_path: Path) -> Repo:
    """The goals in ``goals/``, ``content`` a link to it; bob eases a target."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write("goals/objectives/growth.md", growth(90))
    (repo.root / "content").symlink_to("goals")
    repo.commit("init", "alice", "2026-10-02T10:00:00+00:00")
    repo.write("goals/objectives/growth.md", growth(80))
    repo.commit("ease", "bob", "2026-10-09T10:00:00+00:00")
    return repo


def test_diff_compares_the_goals_a_linked_content_folder_leads_to(tmp_path: Path) -> None:
    repo = linked_content_folder(tmp_path)
    text = diff(repo.root, "HEAD~1", "HEAD", "--format", "text", "--fail-on", "less-ambitious")
    assert text.exit_code == 1, text.output
    assert "target: 90 → 80 (less ambitious)" in text.stdout, text.stdout
    assert "No changes to goals" not in text.stdout
    # the working tree against HEAD: the same goals on both sides, no "added"
    same = diff(repo.root, "HEAD", "--format", "json")
    assert same.exit_code == 0, same.output
    assert json.loads(same.stdout)["objectives"] == []


def test_history_follows_a_linked_content_folder(tmp_path: Path) -> None:
    repo = linked_content_folder(tmp_path)
    data = build(repo.root, tmp_path / "out")
    assert created(data) == [("created", "Alice Ng")]
    assert rev_changes(data) == [("target", 90, 80, "Bob Stone")]


def test_diff_refuses_a_content_folder_linked_out_of_the_site(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("site/okrsite.toml", CONFIG)
    repo.write("goals/objectives/growth.md", growth(90))
    (repo.root / "site/content").symlink_to("../goals")
    repo.commit("init", "alice", "2026-10-02T10:00:00+00:00")
    repo.write("goals/objectives/growth.md", growth(80))
    repo.commit("ease", "bob", "2026-10-09T10:00:00+00:00")
    check = CliRunner().invoke(cli, ["check", "--site", str(repo.root / "site")])
    assert check.exit_code == 1 and "CFG012" in check.output, check.output
    result = diff(repo.root / "site", "HEAD~1", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.output
    errors = json.loads(result.stdout)["diagnostics"]["head_errors"]
    assert [e["code"] for e in errors] == ["CFG012"], errors
    assert "lies outside the site folder" in errors[0]["message"]


def test_history_follows_a_goal_file_linked_to_a_file_of_the_site(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write("shared/growth.md", growth(80))
    (repo.root / "content/objectives").mkdir(parents=True)
    (repo.root / "content/objectives/growth.md").symlink_to("../../shared/growth.md")
    repo.commit("init", "alice", "2026-10-02T10:00:00+00:00")
    repo.write("shared/growth.md", growth(60))
    repo.commit("ease", "bob", "2026-10-09T10:00:00+00:00")
    text = diff(repo.root, "HEAD~1", "HEAD", "--format", "text")
    assert "target: 80 → 60 (less ambitious)" in text.stdout, text.stdout
    data = build(repo.root, tmp_path / "out")
    assert created(data) == [("created", "Alice Ng")]
    assert rev_changes(data) == [("target", 80, 60, "Bob Stone")]
    page = (tmp_path / "out/objectives/growth/index.html").read_text("utf-8")
    assert "Bob Stone" in page


def mailmapped(tmp_path: Path) -> tuple[Repo, Path]:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", CONFIG)
    repo.write("content/objectives/growth.md", growth(90))
    repo.commit("init", "alice", "2026-10-02T10:00:00+00:00")
    repo.write("content/objectives/growth.md", growth(80))
    repo.commit("ease", "bob", "2026-10-09T10:00:00+00:00")
    out = tmp_path / "out"
    assert rev_changes(build(repo.root, out)) == [("target", 90, 80, "Bob Stone")]
    return repo, out


def test_an_uncommitted_mailmap_names_authors_on_the_next_build(tmp_path: Path) -> None:
    repo, out = mailmapped(tmp_path)
    repo.write(".mailmap", "Robert Stone <bob@example.com>\n")  # not committed
    assert repo.git("log", "-1", "--format=%aN") == "Robert Stone"
    assert rev_changes(build(repo.root, out)) == [("target", 90, 80, "Robert Stone")]
    page = (out / "objectives/growth/index.html").read_text("utf-8")
    assert "Robert Stone" in page and "Bob Stone" not in page
    # and edited again, still uncommitted
    repo.write(".mailmap", "Rob Stone <bob@example.com>\n")
    assert rev_changes(build(repo.root, out)) == [("target", 90, 80, "Rob Stone")]


def test_mailmap_file_of_git_config_names_authors_on_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, out = mailmapped(tmp_path)
    names = tmp_path / "names.mailmap"
    names.write_text("Robert Stone <bob@example.com>\n", encoding="utf-8")
    config = tmp_path / "gitconfig"
    config.write_text(f"[mailmap]\n\tfile = {names}\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    assert rev_changes(build(repo.root, out)) == [("target", 90, 80, "Robert Stone")]
    names.write_text("Rob Stone <bob@example.com>\n", encoding="utf-8")
    assert rev_changes(build(repo.root, out)) == [("target", 90, 80, "Rob Stone")]
