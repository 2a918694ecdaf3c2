"""A person or team named with a look-alike letter is read as the one it looks like.

Session 48: ``owner: Umа Diaz`` (Cyrillic ``а``) beside
``content/people/uma-diaz.md`` was warned of (OKR320) but still got a People
page of its own and counted as a second person, printed exactly as the
first: two "Uma Diaz" on the People page, her objective on neither's list
with the other's. Nobody means a second person who prints as the first:
the name is now read as the person (or team) it looks like, as a name
written ``Diaz, Uma`` is, and OKR320 stays, at the line, saying so. Built
through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli, write_site

AS_OF = "2026-11-20"
CYRILLIC_A = "\u0430"
LOOK_ALIKE = f"Um{CYRILLIC_A} Diaz"
LOOK_ALIKE_TEAM = f"Pl{CYRILLIC_A}tform"


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Look-alikes"\nas_of = {AS_OF}\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/teams/platform.md": "---\ntitle: Platform\nlead: Tom Lee\n---\n",
            "content/objectives/churn.md": (
                "---\ntitle: Cut churn\ncycle: 2026-Q4\nowner: Uma Diaz\nteam: Platform\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10, current: 5}\n---\n"
            ),
            "content/objectives/leads.md": (
                f"---\ntitle: More leads\ncycle: 2026-Q4\nowner: {LOOK_ALIKE}\n"
                f"team: {LOOK_ALIKE_TEAM}\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10, current: 5}\n---\n"
            ),
            "content/checkins/churn/2026-11-05.md": (
                f"---\ndate: 2026-11-05\nauthor: {LOOK_ALIKE}\nvalues: {{a: 6}}\n---\n"
            ),
        },
    )


def _check(site: Path) -> list[dict[str, Any]]:
    code, out = run_cli("check", "--site", str(site), "--format", "json")
    assert code == 0, out
    found: list[dict[str, Any]] = json.loads(out)
    return found


def test_the_look_alike_is_warned_of_at_each_line_and_read_as_the_person(tmp_path: Path) -> None:
    site = _site(tmp_path)
    said = {(d["file"], d["line"]): d for d in _check(site) if d["code"] == "OKR320"}
    assert set(said) == {
        ("content/objectives/leads.md", 4),
        ("content/objectives/leads.md", 5),
        ("content/checkins/churn/2026-11-05.md", 3),
    }, said
    owner = said["content/objectives/leads.md", 4]
    assert (
        f"owner {LOOK_ALIKE!r} looks like the person 'Uma Diaz' (content/people/uma-diaz.md) "
        "and is read as that person"
    ) in owner["message"], owner
    assert "U+0430" in owner["message"] and "as character 3" in owner["message"], owner
    assert "write 'Uma Diaz' with the letters meant" in owner["hint"], owner
    team = said["content/objectives/leads.md", 5]
    assert "looks like the team 'Platform'" in team["message"], team
    author = said["content/checkins/churn/2026-11-05.md", 3]
    assert f"author {LOOK_ALIKE!r} looks like the person 'Uma Diaz'" in author["message"]


def test_the_look_alike_is_one_person_on_the_site(tmp_path: Path) -> None:
    site = _site(tmp_path)
    out = site / "_site"
    code, output = run_cli("build", "--site", str(site), "--out", str(out), "--no-cache")
    assert code == 0 and "OKR320" in output, output
    # no second "Uma Diaz": one page, one entry of the index
    people = sorted(p.name for p in (out / "people").iterdir() if p.is_dir())
    assert people == ["tom-lee", "uma-diaz"], people
    index = json.loads((out / "search-index.json").read_text(encoding="utf-8"))
    persons = [it["i"] for it in index["items"] if it["k"] == "person"]
    assert persons == ["tom-lee", "uma-diaz"], persons
    teams = [it["i"] for it in index["items"] if it["k"] == "team"]
    assert teams == ["platform"], teams
    # both objectives are hers and the Platform team's
    page = (out / "people/uma-diaz/index.html").read_text(encoding="utf-8")
    assert "Cut churn" in page and "More leads" in page
    team_page = (out / "teams/platform/index.html").read_text(encoding="utf-8")
    assert "Cut churn" in team_page and "More leads" in team_page
    rows = (out / "api/objectives.csv").read_text(encoding="utf-8").splitlines()
    assert "leads,More leads,2026-Q4,uma-diaz,platform," in "\n".join(rows), rows
