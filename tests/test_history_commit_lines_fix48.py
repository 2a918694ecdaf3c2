"""Session 48: a timeline entry's commit (day, author, links, why) is worked out once per commit.

Every entry of a timeline shows its commit's day, author and co-authors,
short hash and link, pull request and link, and the message's subject and
``Reason:``: the commit's, not the change's, yet the view model built the
links and the partial drew that line again for each of the 100,000 entries
of the history benchmark (201 commits). Each commit now has one line
(:mod:`okrsite.view.history_commits`), which the partial draws once and
keeps. Real repository, real CLI: the entries of two commits touching three
goals each show each its own commit, in full and as before, and the
commit's link is built once per commit, not once per entry.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo, alice_and_bob_repo

from okrsite.cli import cli

GOALS = ("emea", "apac", "amer")


def goal(name: str, target: int) -> str:
    return (
        f"---\ntitle: Grow {name.upper()}\ncycle: 2026-Q4\nowner: alice\nkey_results:\n"
        f"  - {{id: deals, title: Close deals, start: 0, target: {target}, current: 3}}\n---\n"
    )


def entries(out: Path, name: str) -> list[str]:
    html = (out / f"objectives/{name}/index.html").read_text(encoding="utf-8")
    ol = html[html.index('<ol class="history-timeline"') :]
    return re.findall(r"<li[^>]*>(.*?)</li>", ol[: ol.index("</ol>")], re.S)


def test_each_commit_is_drawn_once_and_every_entry_shows_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = alice_and_bob_repo(tmp_path / "repo")
    for name in GOALS:
        repo.write(f"content/objectives/{name}.md", goal(name, 10))
    repo.commit("Set the quarter's goals", "alice", "2026-10-01T10:00:00+00:00")
    for name in GOALS:
        repo.write(f"content/objectives/{name}.md", goal(name, 12))
    first = repo.commit(
        "Raise every region's deals (#12)\n\nReason: the pipeline grew\n\n"
        "Co-authored-by: Bob Stone <bob@example.com>",
        "alice",
        "2026-10-05T10:00:00+00:00",
        committed="2026-10-07T10:00:00+00:00",
    )
    for name in GOALS:
        repo.write(f"content/objectives/{name}.md", goal(name, 9))
    second = repo.commit("Lower the deals again", "bob", "2026-10-20T10:00:00+00:00")

    # count the commit links built, wherever the code under test builds them
    built: list[str] = []
    for module_name in ("okrsite.view.history_commits", "okrsite.view.history"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        original = getattr(module, "commit_url", None)
        if original is None:
            continue

        def counted(repo_url: Any, sha: str, _original: Any = original) -> Any:
            built.append(sha)
            return _original(repo_url, sha)

        monkeypatch.setattr(module, "commit_url", counted)

    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(repo.root), "--out", str(out), "--jobs", "1", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    # 9 entries (3 goals: created, and two target changes), 3 commits
    assert sorted(built) == sorted(set(built)), built

    for name in GOALS:
        newest, middle, oldest = entries(out, name)
        assert "target 12 → 9" in newest and "target 10 → 12" in middle
        assert f'href="https://github.com/acme/okrs/commit/{second}"' in newest
        assert f"<code>{second[:7]}</code>" in newest and "<bdi>Bob Stone</bdi>" in newest
        assert "Lower the deals again" in newest
        assert "Reason" not in newest and "(#12)" not in newest and "authored" not in newest
        assert f'href="https://github.com/acme/okrs/commit/{first}"' in middle
        assert '<a href="https://github.com/acme/okrs/pull/12">#12</a>' in middle
        assert '<time datetime="2026-10-07">' in middle and "authored" in middle
        assert "</bdi> with <bdi>Bob Stone</bdi>" in middle
        assert "Reason: <bdi>the pipeline grew</bdi>" in middle
        assert "Set the quarter" in oldest and second[:7] not in oldest


def test_a_commit_amended_or_dropped_is_drawn_anew_on_the_next_build(tmp_path: Path) -> None:
    """A commit's line is kept for one build's renderer only: after the last
    commit is amended (another message, author and day) or dropped, the next
    build from the same cache folder shows the commit as it now is."""
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "T"\nas_of = "2026-11-20"\n')
    repo.write("content/people/alice.md", "---\ntitle: Alice Wong\n---\n")
    for name in GOALS:
        repo.write(f"content/objectives/{name}.md", goal(name, 10))
    repo.commit("Set the quarter's goals", "alice", "2026-10-01T10:00:00+00:00")
    for name in GOALS:
        repo.write(f"content/objectives/{name}.md", goal(name, 12))
    old = repo.commit("Raise the deals", "alice", "2026-10-05T10:00:00+00:00")
    out = tmp_path / "out"

    def build() -> None:
        result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
        assert result.exit_code == 0, result.output

    build()
    assert all("Raise the deals" in entries(out, name)[0] for name in GOALS)
    repo.git("reset", "-q", "--soft", "HEAD~1")
    new = repo.commit(
        "Raise the deals (#4)\n\nReason: more leads", "bob", "2026-10-09T10:00:00+00:00"
    )
    build()
    for name in GOALS:
        newest = entries(out, name)[0]
        assert new[:7] in newest and old[:7] not in newest
        assert (
            "Reason: <bdi>more leads</bdi>" in newest and '<time datetime="2026-10-09">' in newest
        )
        assert "(#4)" in newest and "Raise the deals (#4)" not in newest
    repo.git("reset", "-q", "--hard", "HEAD~1")
    build()
    for name in GOALS:
        (only,) = entries(out, name)
        assert "Set the quarter" in only and new[:7] not in only
