"""Audit 48 (leftover): look-alike names in ``members:`` and a team as ``owner:``.

* ``members: [Uma Dіaz]`` (Cyrillic ``і``) was read as Uma Diaz without a
  word: the shared list of naming places (okrsite.named_places) had no line
  for ``members:`` entries. OKR320 now says so at the entry's line (of a
  list, or of a one-line ``members: Tom Lee, Uma Dіaz``).
* ``owner: Plаtform`` (Cyrillic ``а``), a team's name, was compared with the
  people only: OKR306 offered a person file ``plаtform.md`` to add. It is
  now compared with the teams too, read as the team Platform (which then
  owns the objective) and warned of as OKR320 at its line.

Real site files, through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli, write_site

LOOK_ALIKE = "Uma D\u0456az"  # Cyrillic і
LOOK_ALIKE_TEAM = "Pl\u0430tform"  # Cyrillic а


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\nas_of = 2026-11-20\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/teams/platform.md": (
                f"---\ntitle: Platform\nlead: Tom Lee\nmembers:\n  - Tom Lee\n  - {LOOK_ALIKE}\n---\n"
            ),
            "content/teams/sales.md": f"---\ntitle: Sales\nmembers: Tom Lee, {LOOK_ALIKE}\n---\n",
            "content/objectives/infra.md": (
                f"---\ntitle: Harden infra\ncycle: 2026-Q4\nowner: {LOOK_ALIKE_TEAM}\n"
                "key_results:\n  - {id: a, title: A, start: 0, target: 10, current: 5}\n"
                "  - {id: b, title: B, start: 0, target: 10, current: 5}\n---\n"
            ),
        },
    )


def _check(site: Path) -> list[dict[str, Any]]:
    code, out = run_cli("check", "--site", str(site), "--format", "json")
    assert code == 0, out
    found: list[dict[str, Any]] = json.loads(out)
    return found


def test_a_look_alike_member_is_warned_of_at_its_entry(tmp_path: Path) -> None:
    site = _site(tmp_path)
    said = {(d["file"], d["line"]): d for d in _check(site) if d["code"] == "OKR320"}
    listed = said.get(("content/teams/platform.md", 6))
    assert listed is not None, said
    assert f"member '{LOOK_ALIKE}' looks like the person 'Uma Diaz'" in listed["message"]
    one_line = said.get(("content/teams/sales.md", 3))
    assert one_line is not None, said
    assert "member" in one_line["message"] and "'Uma Diaz'" in one_line["message"]
    # read as Uma Diaz: one person, a member of both teams
    code, out = run_cli("build", "--site", str(site), "--out", str(tmp_path / "out"))
    assert code == 0, out
    people = sorted(p.name for p in (tmp_path / "out/people").iterdir() if p.is_dir())
    assert people == ["tom-lee", "uma-diaz"], people


def test_an_owner_that_looks_like_a_team_is_read_as_the_team(tmp_path: Path) -> None:
    site = _site(tmp_path)
    found = [d for d in _check(site) if d["file"] == "content/objectives/infra.md"]
    codes = {d["code"] for d in found}
    assert "OKR306" not in codes, found  # no person file plаtform.md to add
    owner = next(d for d in found if d["code"] == "OKR320")
    assert owner["line"] == 4
    assert f"owner '{LOOK_ALIKE_TEAM}' looks like the team 'Platform'" in owner["message"]
    code, out = run_cli("export", "--site", str(site))
    assert code == 0, out
    infra = next(o for o in json.loads(out[out.index("{") :])["objectives"] if o["id"] == "infra")
    assert (infra["owner"], infra["owner_kind"], infra["team"]) == (
        "platform",
        "team",
        "platform",
    )


def test_a_member_after_a_repeat_or_a_second_name_is_warned_of_at_its_own_line(
    tmp_path: Path,
) -> None:
    # a name written twice, or a person's id beside their name, is one member:
    # the entries after it kept their places in the list, not the members'
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\nas_of = 2026-11-20\n',
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/teams/platform.md": (
                "---\ntitle: Platform\nmembers:\n  - Uma Diaz\n  - Tom Lee\n  - Uma Diaz\n"
                f"  - {LOOK_ALIKE}\n  - tom-lee\n  - T\u043em Lee\n---\n"
            ),
        },
    )
    lines = sorted(d["line"] for d in _check(site) if d["code"] == "OKR320")
    assert lines == [7, 9], lines


def test_a_member_written_almost_as_a_person_with_a_file_is_warned_of(tmp_path: Path) -> None:
    # Ben Ortis beside people/ben-ortiz.md became a second person with a page
    # of their own, without a word; a member who is someone else stays quiet
    site = write_site(
        tmp_path / "site",
        {
            "okrsite.toml": 'title = "T"\nas_of = 2026-11-20\n',
            "content/people/ben-ortiz.md": "---\ntitle: Ben Ortiz\n---\n",
            "content/people/uma-diaz.md": "---\ntitle: Uma Diaz\n---\n",
            "content/teams/sales.md": (
                "---\ntitle: Sales\nmembers:\n  - Uma Diaz\n  - Zed Okafor\n  - Ben Ortis\n---\n"
            ),
        },
    )
    said = [d for d in _check(site) if d["code"] == "OKR306"]
    assert [(d["file"], d["line"]) for d in said] == [("content/teams/sales.md", 6)], said
    assert "member 'Ben Ortis'" in said[0]["message"]
    assert "did you mean 'Ben Ortiz'?" in said[0]["hint"]
