"""SMART goals as a team writes them (audit 43, role "smart", findings 1, 5, 6, 9).

Each test builds a real site from real files through the CLI:

1. ``supports: company/Trusted Platform`` (an objective's path as people
   name it) was error OKR006 and stopped the build, while a check-in's
   ``objective:`` of the same text was read; ``Company/Trusted-Platform``
   (another letter case) named nothing anywhere.
5. ``due: end of Q4 2026`` (``end of 2026``, ``EOY 2026``, ``Ende Q4 2026``)
   was refused right after the hint for ``end of Q4`` asked for the year,
   and that hint's example year was 2026 whatever the site's ``as_of``.
6. A team's own goal (``owner: Customer Success``) failed SMART A and its
   pages said "Owner nobody".
9. ``okrsite checkin GOAL --value abc`` blamed a line of the goal's file that
   was not changed; ``current: n/a`` was an error; ``done: true`` was told
   "did you mean 'owner'?"; the body ``okrsite new goal`` writes counted as
   Specific.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import files_of, run_cli, write_site

KPI = """
    ---
    title: Customer satisfaction
    unit: "%"
    target: 90
    values: {2026-11-01: 87}
    ---
    """

OBJECTIVE = """
    ---
    title: Run a trusted platform
    owner: Raj Iyer
    cycle: 2026-Q4
    key_results:
      - {id: soc2, title: SOC 2 report issued, target: 1}
      - {id: uptime, title: Uptime 99.9%, target: 99.9}
    ---
    """


def goal(**fields: str) -> str:
    front = {
        "title": "Collect audit evidence",
        "owner": "Raj Iyer",
        "due": "2026-12-15",
        "supports": "csat",
        "measure": "{target: 84, current: 61}",
        **fields,
    }
    lines = "".join(f"{key}: {value}\n" for key, value in front.items() if value)
    return f"---\n{lines}---\nControl by control in Vanta.\n"


def site(tmp_path: Path, files: dict[str, str], as_of: str = "2026-11-20") -> Path:
    base = {
        "okrsite.toml": f'as_of = "{as_of}"\n',
        "content/kpis/csat.md": KPI,
        "content/objectives/company/trusted-platform.md": OBJECTIVE,
    }
    return write_site(tmp_path / "site", {**base, **files})


def build(root: Path) -> tuple[int, str]:
    return run_cli("build", "--site", str(root))


def goals_json(root: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((root / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    return {g["id"]: g for g in data["goals"]}


# ---------------------------------------------------------------- finding 1


def test_supports_written_as_a_path_in_any_case_names_the_objective(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "content/goals/spaced.md": goal(supports="company/Trusted Platform"),
            "content/goals/capitals.md": goal(supports="Company/Trusted-Platform#SOC2"),
            "content/goals/listed.md": goal(supports="[Company/Trusted Platform]"),
            "content/checkins/2026-11-19.md": """
                ---
                objective: Company/Trusted-Platform
                date: 2026-11-19
                confidence: 7
                ---
                """,
        },
    )
    code, out = build(root)
    assert code == 0, out
    assert "OKR006" not in out and "OKR303" not in out and "OKR405" not in out, out
    goals = goals_json(root)
    assert goals["spaced"]["supports"] == "company/trusted-platform"
    assert goals["listed"]["supports"] == "company/trusted-platform"
    assert goals["capitals"]["supports"] == "company/trusted-platform#soc2"
    assert all(g["smart"]["R"] for g in goals.values())
    page = (root / "_site/objectives/company/trusted-platform/index.html").read_text()
    assert "2026-11-19" in page  # the check-in named in other letter case counts


def test_supports_naming_nothing_is_a_warning_not_a_failed_build(tmp_path: Path) -> None:
    root = site(tmp_path, {"content/goals/g.md": goal(supports="company/Nothing Here")})
    code, out = build(root)
    assert code == 0, out
    assert "warning OKR303" in out and "company/nothing-here" in out, out
    assert goals_json(root)["g"]["smart"]["R"] is False


# ---------------------------------------------------------------- finding 5


def test_due_after_end_of_by_eoy_or_ende_is_the_periods_last_day(tmp_path: Path) -> None:
    dues = {
        "q4": ("end of Q4 2026", "2026-12-31"),
        "year": ("end of 2026", "2026-12-31"),
        "eoy": ("EOY 2026", "2026-12-31"),
        "ende": ("Ende Q3 2026", "2026-09-30"),
        "by": ("by 2026-12-15", "2026-12-15"),
        "month": ("end of November 2026", "2026-11-30"),
    }
    root = site(
        tmp_path,
        {f"content/goals/{gid}.md": goal(due=written) for gid, (written, _) in dues.items()},
    )
    code, out = build(root)
    assert code == 0, out
    goals = goals_json(root)
    assert {gid: goals[gid]["due"] for gid in dues} == {gid: d for gid, (_, d) in dues.items()}


def test_due_hint_names_the_year_of_as_of(tmp_path: Path) -> None:
    root = site(tmp_path, {"content/goals/g.md": goal(due="end of Q4")}, as_of="2028-02-01")
    code, out = run_cli("check", "--site", str(root))
    assert code == 1
    assert "due: Q4 2028 (due on its last day, 2028-12-31)" in out, out
    assert "Q4 2026" not in out and "2026-12-31" not in out, out


# ---------------------------------------------------------------- finding 6


def test_a_teams_own_goal_is_assigned_and_shows_the_team_as_owner(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "content/teams/customer-success.md": "---\ntitle: Customer Success\n---\n",
            "content/goals/chat.md": goal(owner="Customer Success"),
        },
    )
    code, out = build(root)
    assert code == 0, out
    assert "OKR405" not in out, out
    assert goals_json(root)["chat"]["smart"]["A"] is True
    team_link = '<a href="../../teams/customer-success/index.html"><bdi>Customer Success</bdi></a>'
    page = (root / "_site/goals/chat/index.html").read_text()
    assert f"<dt>Owner</dt><dd>{team_link}</dd>" in page
    assert "nobody" not in page
    listing = (root / "_site/goals/index.html").read_text()
    assert "nobody" not in listing and "teams/customer-success/index.html" in listing


# ---------------------------------------------------------------- finding 9


def test_checkin_value_that_is_no_number_is_a_usage_error(tmp_path: Path) -> None:
    root = site(tmp_path, {"content/goals/g.md": goal()})
    before = files_of(root)
    code, out = run_cli("checkin", "g", "--value", "abc", "--site", str(root))
    assert code == 2, out
    assert "--value abc is not a number" in out, out
    assert "content/goals/g.md" not in out  # the file was not changed: no line of it to blame
    assert files_of(root) == before


def test_current_saying_no_value_is_no_current_value(tmp_path: Path) -> None:
    root = site(
        tmp_path,
        {
            "content/goals/na.md": goal(measure="{target: 84, current: n/a}"),
            "content/goals/dash.md": goal(measure='{target: 84, current: "-"}'),
            "content/goals/tbd.md": goal(measure="", target="84", current="TBD"),
            "content/objectives/o.md": """
                ---
                title: Ship things
                owner: Raj Iyer
                cycle: 2026-Q4
                key_results:
                  - {id: a, title: First thing, target: 10, current: n/a}
                  - {id: b, title: Second thing, target: 10, current: TBD}
                ---
                """,
        },
    )
    code, out = build(root)
    assert code == 0, out
    assert "OKR102" not in out, out
    goals = goals_json(root)
    assert [goals[g]["progress"] for g in ("na", "dash", "tbd")] == [0, 0, 0]


def test_done_on_a_goal_says_how_a_goal_is_done(tmp_path: Path) -> None:
    root = site(tmp_path, {"content/goals/g.md": goal(done="true")})
    code, out = run_cli("check", "--site", str(root))
    assert code == 0, out
    assert "did you mean 'owner'" not in out
    assert "unknown key 'done' in a goal is ignored" in out
    assert "measure: {target: 1, current: 1}" in out, out


def test_the_body_okrsite_new_writes_is_not_specific(tmp_path: Path) -> None:
    root = site(tmp_path, {})
    code, out = run_cli(
        "new", "goal", "chats", "--title", "Answer chats", "--owner", "Tom Lee",
        "--parent", "csat", "--site", str(root),
    )  # fmt: skip
    assert code == 0, out
    code, out = build(root)
    assert code == 0, out
    assert "not Specific (S)" in out, out
    assert goals_json(root)["chats"]["smart"]["S"] is False
