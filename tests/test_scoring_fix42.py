"""Task E of fix 42: scoring rules and their warnings, through the real CLI.

Stale objectives without a check-in follow ``stale_after_days``; OKR407 says
a child's progress counts only where it does; OKR402 covers a roll-up whose
aligned objectives all count nowhere; OKR410 catches "Reduce churn to 3%"
counting up from 0; forecasts are tentative by check-in days; progress
beside expected gets the decimals that keep the status's side.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import run_cli

from okrsite.model import Settings

MakeSite = Callable[[dict[str, str | bytes]], Path]

TWO_KRS = """
    ---
    title: {title}
    cycle: {cycle}
    owner: al
    {extra}key_results:
      - {{id: a, title: A, target: 10}}
      - {{id: b, title: B, target: 10}}
    ---
    """


def objective(title: str, cycle: str = "2026-Q3", extra: str = "") -> str:
    return TWO_KRS.format(title=title, cycle=cycle, extra=extra)


def check_json(site: Path, as_of: str) -> list[dict[str, object]]:
    code, out = run_cli("check", "--site", str(site), "--as-of", as_of, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def stale_of(site: Path, as_of: str) -> dict[str, bool]:
    code, out = run_cli("export", "--site", str(site), "--as-of", as_of)
    assert code == 0, out
    return {o["id"]: o["stale"] for o in json.loads(out)["objectives"]}


# -- 1. stale_after_days applies to an objective without a check-in -----------


def stale_site(make_site: MakeSite, days: int) -> Path:
    return make_site(
        {
            "okrsite.toml": f"stale_after_days = {days}\n",
            "content/objectives/round.md": objective("Round"),
            "content/objectives/b015.md": objective("B015"),
            "content/checkins/2026-07-02.md": (
                "---\nobjective: round\ndate: 2026-07-02\nvalues: {a: 1}\n---\n"
            ),
        }
    )


def test_no_checkin_is_stale_after_stale_after_days_of_the_cycle(make_site: MakeSite) -> None:
    site = stale_site(make_site, 7)
    assert stale_of(site, "2026-07-07") == {"b015": False, "round": False}
    # 7 days into 2026-Q3 without a check-in: stale, as round is 8 days after its own
    assert stale_of(site, "2026-07-08") == {"b015": True, "round": False}
    assert stale_of(site, "2026-07-10") == {"b015": True, "round": True}
    found = [d for d in check_json(site, "2026-07-10") if d["code"] == "OKR404"]
    assert [(d["file"], d["message"]) for d in found] == [
        (
            "content/objectives/b015.md",
            "objective is stale: it has no check-in yet, 9 days into 2026-Q3",
        ),
        (
            "content/objectives/round.md",
            "objective is stale: its last check-in was on 2026-07-02 (8 days before 2026-07-10)",
        ),
    ]


def test_a_longer_setting_waits_longer_without_a_checkin(make_site: MakeSite) -> None:
    site = stale_site(make_site, 30)
    assert stale_of(site, "2026-07-15") == {"b015": False, "round": False}
    assert stale_of(site, "2026-07-30") == {"b015": False, "round": False}
    assert stale_of(site, "2026-07-31") == {"b015": True, "round": False}


# -- 2. OKR407 says a child's progress counts only where it does ---------------


def okr407(make_site: MakeSite, parent: str, kids: str) -> str:
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/kids.md": kids,
            "content/objectives/kid3.md": objective("Kid3", "2026-Q4", f"parent: {parent}\n    "),
        }
    )
    found = [d for d in check_json(site, "2026-07-10") if d["code"] == "OKR407"]
    assert len(found) == 1 and found[0]["file"] == "content/objectives/kid3.md"
    return str(found[0]["message"])


HEAD = "objective of 2026-Q4 (2026-10-01 to 2026-12-31) is aligned to "
Q3 = ", of 2026-Q3 (2026-07-01 to 2026-09-30): its progress "


def test_okr407_to_an_objective_counting_its_own_key_results(make_site: MakeSite) -> None:
    assert okr407(make_site, "kids", objective("Kids")) == (
        HEAD + "kids" + Q3 + "is not counted in 2026-Q3's figures "
        "(kids counts its own key results); it is only listed under kids"
    )


def test_okr407_to_a_measured_key_result(make_site: MakeSite) -> None:
    assert okr407(make_site, "kids#a", objective("Kids")) == (
        HEAD + "kids#a" + Q3 + "is not counted in 2026-Q3's figures "
        "(kids#a counts its own measure); it is only listed under kids#a"
    )


def test_okr407_where_the_progress_counts(make_site: MakeSite) -> None:
    rollup = """
        ---
        title: Kids
        cycle: 2026-Q3
        owner: al
        key_results:
          - {id: a, title: A, target: 10}
          - {id: partners, title: Partners}
        ---
        """
    assert okr407(make_site, "kids#partners", rollup) == (
        HEAD + "kids#partners" + Q3 + "counts in 2026-Q3's figures"
    )
    no_krs = "---\ntitle: Kids\ncycle: 2026-Q3\nowner: al\n---\n"
    assert okr407(make_site, "kids", no_krs) == HEAD + "kids" + Q3 + "counts in 2026-Q3's figures"


# -- 3. OKR402 for a roll-up whose aligned objectives all count nowhere --------


def test_okr402_when_every_aligned_objective_is_dropped_or_draft(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/top.md": """
                ---
                title: Top
                cycle: 2026-Q3
                owner: al
                key_results:
                  - {id: a, title: A, target: 10}
                  - {id: partners, title: Partners}
                ---
                """,
            "content/objectives/kid.md": objective(
                "Kid", extra="status: dropped\n    parent: top#partners\n    "
            ),
            "content/objectives/plan.md": objective(
                "Plan", extra="status: draft\n    parent: top#partners\n    "
            ),
        }
    )
    found = [d for d in check_json(site, "2026-07-10") if d["code"] == "OKR402"]
    assert found == [
        {
            "code": "OKR402",
            "severity": "warning",
            "file": "content/objectives/top.md",
            "line": 7,
            "column": 5,
            "message": "key result 'partners' has no numeric target and no objective aligned "
            "to it counts (kid is dropped, plan is draft), so its progress stays 0",
            "hint": "add 'start:' and 'target:', milestones, or align an objective with "
            "'parent: top#partners'",
        }
    ]


# -- 4. OKR410: a title that goes down, counted up from 0 ----------------------


def test_okr410_reduce_without_start(make_site: MakeSite) -> None:
    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/ret.md": """
                ---
                title: Retention
                cycle: 2026-Q3
                owner: al
                key_results:
                  - {id: churn, title: Reduce churn to 3%, target: 3, current: 4.2, unit: "%"}
                  - {id: lat, title: Keep p95 latency under 200 ms, target: 200, unit: ms}
                  - {id: zeit, title: Ticketzeit auf 4 h senken, target: 4}
                  - {id: told, title: Cut churn from 5% to 3%, target: 3, unit: "%"}
                  - {id: up, title: Win 10 lower-tier customers, target: 10}
                  - {id: fine, title: Reduce churn to 3%, start: 5, target: 3, unit: "%"}
                  - {id: share, title: First response under 24h, start: 0, target: 100}
                  - {id: done, title: Cloudkosten senken, start: 0, target: 100, unit: "%"}
                  - {id: kosten, title: Kosten senken, target: 100}
                ---
                """,
        }
    )
    found = [
        (d["line"], d["message"], d["hint"])
        for d in check_json(site, "2026-07-01")
        if d["code"] == "OKR410"
    ]
    assert found == [
        (
            6,
            "key result 'churn' counts up from 0 to 3% (start: is 0 when left out), but its "
            "title says it goes down ('Reduce'): the higher the value, the more progress it shows",
            "give start: (the value today), e.g. start: 4.2",
        ),
        (
            7,
            "key result 'lat' counts up from 0 to 200 ms (start: is 0 when left out), but its "
            "title says it goes down ('under'): the higher the value, the more progress it shows",
            "give start: (the value today)",
        ),
        (
            8,
            "key result 'zeit' counts up from 0 to 4 (start: is 0 when left out), but its "
            "title says it goes down ('senken'): the higher the value, the more progress it shows",
            "give start: (the value today)",
        ),
        # 0 to 100 % is a share done (as okrsite import writes a sheet's
        # Progress): no warning; 0 to 100 without a unit is a level still
        (
            14,
            "key result 'kosten' counts up from 0 to 100 (start: is 0 when left out), but its "
            "title says it goes down ('senken'): the higher the value, the more progress it shows",
            "give start: (the value today)",
        ),
    ]


# -- 7. a forecast is tentative by days with a check-in, not check-ins ---------


def test_two_checkins_on_one_day_count_once_for_tentative(make_site: MakeSite) -> None:
    def checkin(name: str, day: str, value: int) -> tuple[str, str]:
        text = f"---\nobjective: o\ndate: {day}\nvalues: {{a: {value}}}\n---\n"
        return f"content/checkins/{name}.md", text

    site = make_site(
        {
            "okrsite.toml": "",
            "content/objectives/o.md": objective("O"),
            **dict(
                [
                    checkin("2026-07-01", "2026-07-01T09:00", 1),
                    checkin("2026-08-15", "2026-08-15T09:00", 3),
                    checkin("2026-08-15-2", "2026-08-15T10:00", 4),
                ]
            ),
        }
    )
    code, out = run_cli("export", "--site", str(site), "--as-of", "2026-08-20")
    assert code == 0, out
    (o,) = json.loads(out)["objectives"]
    # three check-ins spanning 45 of 92 days, but on two days: one line, tentative
    assert (o["forecast"] is not None, o["forecast_tentative"]) == (True, True)


# -- 6. decimals of progress beside expected ------------------------------------


def test_pace_places_keep_the_status_side() -> None:
    from okrsite.scoring_pace import pace_places  # here: the module before it had none

    s = Settings()
    assert pace_places(0.3497, 0.5, "at-risk", s) == 2  # 34.97% beside 50%: 15.03 behind
    assert pace_places(0.35, 0.5, "on-track", s) == 0  # exactly 15 behind: on track
    assert pace_places(0.35, 0.50004, "at-risk", s) == 3  # 50.004% beside 35%
    assert pace_places(0.1997, 0.5, "off-track", s) == 2  # 19.97%: 30.03 behind
    assert pace_places(0.2, 0.5, "at-risk", s) == 0
    assert pace_places(0.9, 0.5, "done", s) == 0
