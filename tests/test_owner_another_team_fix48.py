"""``owner:`` naming a team beside a ``team:`` naming another team.

Session 48: ``owner: Platform`` (``teams/platform.md``) on an objective with
``team: Sales`` was reported as "owner 'Platform' (platform) is not a person
in content/people/", hint "add content/people/platform.md (okrsite new
person "Platform")": a person file for a team. content-format.md says an
owner may name a team, which then owns the record, unless ``team:`` names
another team: then both stay as written. The warning now says the owner is
that team, what the record counts for, and what to write for either
reading, at the ``owner:`` line. Built and checked through the real CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli, write_site

AS_OF = "2026-11-20"
KR = "key_results:\n  - {id: a, title: A, start: 0, target: 10, current: 5}\n"


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "okrsite.toml": f'title = "Owners"\nas_of = {AS_OF}\n',
            "content/people/tom-lee.md": "---\ntitle: Tom Lee\n---\n",
            "content/teams/platform.md": "---\ntitle: Platform\nlead: Tom Lee\n---\n",
            "content/teams/sales.md": "---\ntitle: Sales\n---\n",
            "content/teams/infra.md": "---\ntitle: Infrastructure\n---\n",
            "content/objectives/deploys.md": (
                f"---\ntitle: Faster deploys\ncycle: 2026-Q4\nowner: Platform\nteam: Sales\n{KR}---\n"
            ),
            # a team's own objective, as content-format.md writes it: no warning
            "content/objectives/uptime.md": (
                f"---\ntitle: Uptime\ncycle: 2026-Q4\nowner: Platform\n{KR}---\n"
            ),
            "content/goals/hire.md": (
                "---\ntitle: Hire two SREs\ncycle: 2026-Q4\nowner: infra\nteam: sales\n---\n"
            ),
        },
    )


def _warnings(site: Path) -> list[dict[str, Any]]:
    code, out = run_cli("check", "--site", str(site), "--format", "json")
    assert code == 0, out
    return [d for d in json.loads(out) if d["code"] == "OKR306"]


def test_an_owner_that_is_another_team_says_what_to_write(tmp_path: Path) -> None:
    site = _site(tmp_path)
    said = {d["file"]: d for d in _warnings(site)}
    assert set(said) == {"content/objectives/deploys.md", "content/goals/hire.md"}, said
    deploys = said["content/objectives/deploys.md"]
    assert deploys["line"] == 4, deploys
    assert deploys["message"] == (
        "owner 'Platform' (platform) is the team 'Platform' (content/teams/platform.md), "
        "not a person, and team: names another team, 'Sales': the objective counts for "
        "Sales, and Platform is shown as a person who owns it"
    ), deploys
    assert deploys["hint"] == (
        "an objective of Platform itself: write team: Platform, or leave team: out; "
        "an objective of Sales: write a person as owner:, such as the lead of Platform: "
        "owner: Tom Lee"
    ), deploys
    assert "content/people/platform.md" not in deploys["hint"]
    hire = said["content/goals/hire.md"]
    assert hire["line"] == 4, hire
    assert hire["message"].startswith(
        "owner 'infra' is the team 'Infrastructure' (content/teams/infra.md), not a person"
    ), hire
    assert hire["hint"] == (
        "a goal of Infrastructure itself: write team: Infrastructure, or leave team: out; "
        "a goal of Sales: write a person as owner:"
    ), hire


def test_the_build_prints_it_with_file_and_line(tmp_path: Path) -> None:
    site = _site(tmp_path)
    code, out = run_cli("build", "--site", str(site), "--out", str(site / "_site"), "--no-cache")
    assert code == 0, out
    assert (
        "content/objectives/deploys.md:4:8: warning OKR306: owner 'Platform' (platform) "
        "is the team 'Platform'"
    ) in out, out
