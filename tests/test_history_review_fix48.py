"""Audit 48 (reviewer): who changed a goal, as its timeline names them.

Real repositories, hand-written goal files, built with ``okrsite build`` and
compared with ``okrsite diff`` through the CLI:

* an owner who left (person file deleted, goal handed over) is named on the
  timeline by the name they were known by, ``owner Kim Park → Tom Lee``, as
  the diff says it, not by the id ``kim-park``; likewise a team whose file
  was deleted, in English and German.
* ``Co-authored-by:`` trailers are further authors, named through
  ``.mailmap`` as the author is: "Tom Lee with Ana Costa" on the timeline
  (``mit`` in German), a ``co_authors`` list of names in
  ``api/history.json``, out of "Rest of the commit message", and no
  address on any page or file of the site.
"""

from __future__ import annotations

import html as html_mod
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import Repo

from okrsite.cli import cli

OBJECTIVE = "content/objectives/na.md"


def na(owner: str, team: str, target: int = 15) -> str:
    return (
        f"---\ntitle: Grow North America\ncycle: 2026-Q4\nowner: {owner}\nteam: {team}\n"
        "key_results:\n"
        f"  - {{id: deals, title: Close deals, start: 0, target: {target}, current: 6}}\n"
        f"  - {{id: logos, title: Win logos, start: 0, target: 4, current: 1}}\n---\n"
    )


def build(repo: Repo, out: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["build", "--site", str(repo.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads((out / "api/history.json").read_text(encoding="utf-8"))
    return data


def diff(repo: Repo, fmt: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["diff", "--site", str(repo.root), "--format", fmt, *args])
    assert result.exit_code == 0, result.output
    return result.output


def timeline(out: Path, page: str) -> list[str]:
    """The page's timeline entries as text, newest first."""
    html = (out / page).read_text(encoding="utf-8")
    ol = html[html.index('<ol class="history-timeline"') :]
    ol = ol[: ol.index("</ol>")]
    return [
        html_mod.unescape(re.sub(r"<[^>]+>", "", li))
        for li in re.findall(r"<li[^>]*>(.*?)</li>", ol, re.S)
    ]


def config(language: str) -> str:
    return f'title = "T"\nas_of = "2026-11-20"\nlanguage = "{language}"\n'


# ------------------------------------------------------------------ 1. owner who left
@pytest.mark.parametrize(
    ("language", "owner_word", "team_word"),
    [("en", "owner", "team"), ("de", "Verantwortlich", "Team")],
)
def test_owner_and_team_whose_files_were_deleted_are_named_as_known(
    tmp_path: Path, language: str, owner_word: str, team_word: str
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", config(language))
    repo.write("content/people/kim-park.md", "---\ntitle: Kim Park\n---\n")
    repo.write("content/people/tom-lee.md", "---\ntitle: Tom Lee\n---\n")
    # the goals name the team by its id: only its deleted file knew its name
    repo.write("content/teams/na-sales.md", "---\ntitle: North America Sales\n---\n")
    repo.write("content/teams/americas.md", "---\ntitle: Americas\n---\n")
    repo.write(OBJECTIVE, na("Kim Park", "na-sales"))
    repo.commit("base", "alice", "2026-10-01T10:00:00+00:00")
    repo.git("rm", "-q", "content/people/kim-park.md", "content/teams/na-sales.md")
    repo.write(OBJECTIVE, na("Tom Lee", "americas"))
    repo.commit("Kim left, NA merged into Americas", "alice", "2026-10-20T10:00:00+00:00")

    report = diff(repo, "text", "HEAD~1", "HEAD")
    assert "Kim Park → Tom Lee" in report

    out = tmp_path / "out"
    data = build(repo, out)
    entries = timeline(out, "objectives/na/index.html")
    assert any(f"{owner_word} Kim Park → Tom Lee" in e for e in entries), entries
    assert any(f"{team_word} North America Sales → Americas" in e for e in entries), entries
    assert not any("kim-park" in e or "na-sales" in e for e in entries), entries
    # api/history.json keeps the ids, as documented
    changes = data["objectives"]["na"]["changes"]
    assert {"field": "owner", "old": "kim-park", "new": "tom-lee"}.items() <= next(
        c for c in changes if c["field"] == "owner"
    ).items()


# ------------------------------------------------------------------ 3. co-authors
@pytest.mark.parametrize(("language", "word"), [("en", "with"), ("de", "mit")])
def test_co_authors_are_named_and_their_addresses_published_nowhere(
    tmp_path: Path, language: str, word: str
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("okrsite.toml", config(language))
    repo.write(
        ".mailmap",
        "Tom Lee <tom@acme.com> tom <tom@laptop.local>\n"
        "Ana Costa <ana@acme.com> <ana@old.example>\n",
    )
    repo.write(OBJECTIVE, na("Tom Lee", "sales"))
    repo.commit("base", "alice", "2026-10-01T10:00:00+00:00")
    repo.write(OBJECTIVE, na("Tom Lee", "sales", target=12))
    repo.git("add", "-A")
    env = {"who": "alice", "when": "2026-10-20T10:00:00+00:00"}
    repo.git(
        "-c",
        "user.name=tom",
        "-c",
        "user.email=tom@laptop.local",
        "commit",
        "-q",
        "--author=tom <tom@laptop.local>",
        "-m",
        "Ease NA deals (#3)",
        "-m",
        "Reason: two AEs left in October.",
        "-m",
        "Hiring froze.",
        "-m",
        "Co-authored-by: ana <ana@old.example>\n"
        "Co-authored-by: Ben Ito <ben@acme.com>\n"
        "Co-authored-by: tom <tom@laptop.local>",
        **env,
    )
    out = tmp_path / "out"
    data = build(repo, out)
    entries = timeline(out, "objectives/na/index.html")
    assert entries[0].startswith("2026-10-20") or entries[0].startswith("20.10.2026"), entries
    assert f"Tom Lee {word} Ana Costa, Ben Ito · " in entries[0], entries
    assert "Hiring froze." in entries[0] and "Co-authored-by" not in entries[0], entries
    change = data["objectives"]["na"]["key_results"]["deals"]["changes"][0]
    assert change["field"] == "target"
    assert change["co_authors"] == ["Ana Costa", "Ben Ito"]
    assert change["author"] == "Tom Lee"
    # the commit without trailers has no co-authors
    created = next(c for c in data["objectives"]["na"]["changes"] if c["field"] == "created")
    assert "co_authors" not in created
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_bytes()
            for address in (b"ana@", b"ben@", b"tom@", b"old.example", b"laptop.local"):
                assert address not in text, (path, address)
