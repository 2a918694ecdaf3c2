"""Audit 48 (leftover): an owner or team known only by the name goals wrote.

``owner: Ana Costa`` in older versions of a goal file, with no person file
ever and named by no current file, was ``owner ana-costa → Tom Lee`` on the
timeline where ``okrsite diff`` says ``Ana Costa → Tom Lee``. The history
now keeps the names the versions it reads write (okrsite.history_events:
``names``), and the timeline names such an owner or team as written. Real
repository, real CLI, English and German; api/history.json keeps the ids.
"""

from __future__ import annotations

import html as html_mod
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = "content/objectives/na.md"


def na(owner: str, team: str) -> str:
    return (
        f"---\ntitle: Grow North America\ncycle: 2026-Q4\nowner: {owner}\nteam: {team}\n"
        "key_results:\n"
        "  - {id: deals, title: Close deals, start: 0, target: 15, current: 6}\n"
        "  - {id: logos, title: Win logos, start: 0, target: 4, current: 1}\n---\n"
    )


def timeline(out: Path, page: str) -> list[str]:
    """The page's timeline entries as text (spaces folded), newest first."""
    html = (out / page).read_text(encoding="utf-8")
    ol = html[html.index('<ol class="history-timeline"') :]
    ol = ol[: ol.index("</ol>")]
    return [
        " ".join(html_mod.unescape(re.sub(r"<[^>]+>", " ", li)).split())
        for li in re.findall(r"<li[^>]*>(.*?)</li>", ol, re.S)
    ]


@pytest.mark.parametrize(
    ("language", "owner_word", "team_word"),
    [("en", "owner", "team"), ("de", "Verantwortlich", "Team")],
)
def test_an_owner_and_team_written_only_by_name_are_named_as_written(
    tmp_path: Path, language: str, owner_word: str, team_word: str
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", f'title = "T"\nas_of = "2026-11-20"\nlanguage = "{language}"\n')
    repo.write("content/people/tom-lee.md", "---\ntitle: Tom Lee\n---\n")
    repo.write("content/teams/americas.md", "---\ntitle: Americas\n---\n")
    # no file for Ana Costa or the Growth Squad, ever: only this goal wrote them
    repo.write(OBJECTIVE, na("Ana Costa", "Growth Squad"))
    repo.commit("base", "alice", "2026-10-01T10:00:00+00:00")
    repo.write(OBJECTIVE, na("Tom Lee", "americas"))
    repo.commit("Handed over to Tom", "alice", "2026-10-20T10:00:00+00:00")

    report = CliRunner().invoke(
        cli, ["diff", "--site", str(repo.root), "--format", "text", "HEAD~1", "HEAD"]
    )
    assert report.exit_code == 0, report.output
    assert "Ana Costa → Tom Lee" in report.output

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    entries = timeline(out, "objectives/na/index.html")
    assert any(f"{owner_word} Ana Costa → Tom Lee" in e for e in entries), entries
    assert any(f"{team_word} Growth Squad → Americas" in e for e in entries), entries
    assert not any("ana-costa" in e or "growth-squad" in e for e in entries), entries
    # api/history.json keeps the ids, as documented
    data = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    owner = next(c for c in data["objectives"]["na"]["changes"] if c["field"] == "owner")
    assert (owner["old"], owner["new"]) == ("ana-costa", "tom-lee")

    # built again from the history cache: still named as written
    again = tmp_path / "again"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(again)])
    assert result.exit_code == 0, result.output
    assert timeline(again, "objectives/na/index.html") == entries


def test_a_goal_removed_and_added_again_names_the_owner_its_removed_version_wrote(
    tmp_path: Path,
) -> None:
    # the file deleted in one commit and written again in a later one: the
    # change across the gap names Ana Costa as the removed version wrote her
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", 'title = "T"\nas_of = "2026-11-20"\n')
    repo.write("content/teams/americas.md", "---\ntitle: Americas\n---\n")
    repo.write(OBJECTIVE, na("Ana Costa", "Growth Squad"))
    repo.commit("base", "alice", "2026-10-01T10:00:00+00:00")
    (repo.root / OBJECTIVE).unlink()
    repo.commit("Dropped", "bob", "2026-10-05T10:00:00+00:00")
    repo.write(OBJECTIVE, na("Ben Ortiz", "americas"))
    repo.commit("Back, with Ben", "carol", "2026-10-08T10:00:00+00:00")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    entries = timeline(out, "objectives/na/index.html")
    assert any("owner Ana Costa → Ben Ortiz" in e for e in entries), entries
    assert any("team Growth Squad → Americas" in e for e in entries), entries
