"""The newcomer's audit 46: what a user following the docs word for word met.

1. ``okrsite export`` then ``okrsite import`` gave a SMART goal without a
   measure a made-up 0 -> 100 % one (so it became Measurable), and wrote
   the owner of a person known only by name as an id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli, write_site

AS_OF = "2026-12-05"


def _export(site: Path) -> dict[str, Any]:
    code, out = run_cli("export", "--site", str(site), "--as-of", AS_OF)
    assert code == 0, out
    return json.loads(out)


def test_round_trip_keeps_a_goal_without_measure_and_its_owners_name(tmp_path: Path) -> None:
    source = write_site(
        tmp_path / "g1",
        {
            "content/goals/handbook.md": """
                ---
                title: Support handbook v2
                owner: Zoë Ångström
                team: Customer Success
                cycle: 2026-Q4
                ---
                Write the v2 handbook with the team.
                """,
            "content/goals/ramp.md": """
                ---
                title: Ramp new hires
                owner: Bo Li
                due: 2026-12-20
                measure: {start: 2, target: 12, current: 5}
                ---
                Ramp them up.
                """,
        },
    )
    exported = _export(source)
    pf = tmp_path / "p.json"
    pf.write_text(json.dumps(exported), encoding="utf-8")
    target = tmp_path / "g2"
    (target / "content").mkdir(parents=True)
    code, out = run_cli("import", str(pf), "--site", str(target), "--date", AS_OF)
    assert code == 0, out

    handbook = (target / "content/goals/handbook.md").read_text(encoding="utf-8")
    assert "measure" not in handbook, handbook
    assert "owner: Zoë Ångström\n" in handbook, handbook
    assert "team: Customer Success\n" in handbook, handbook
    # the goal that had a measure keeps its progress as one
    assert "measure: {start: 0, target: 100, current: 30" in (
        target / "content/goals/ramp.md"
    ).read_text(encoding="utf-8")

    # export, import, export again: the same goals, Measurable or not
    assert _export(target)["goals"] == exported["goals"]
    assert [g["smart"]["M"] for g in exported["goals"]] == [False, True]

    code, out = run_cli("build", "--site", str(target), "--as-of", AS_OF)
    assert code == 0, out
    page = (target / "_site/goals/handbook/index.html").read_text(encoding="utf-8")
    assert "Zoë Ångström" in page
    assert "zoe-angstrom</" not in page
