"""A small portfolio written from the product brief's own examples, scored by hand.

Every figure below is worked out in the comments from PRODUCT.md's rules and
compared with ``okrsite export --as-of 2026-02-15``. The cycle is 2026-Q1
(2026-01-01 .. 2026-03-31: 90 days); 2026-02-15 is 45 days in, so

    elapsed = 45 / 90 = 0.5
    expected = 0.5 x 1.0 = 0.5   (committed)     0.5 x 0.7 = 0.35   (aspirational)

The export rounds numbers to 6 decimals and writes whole numbers as ints, so
the hand-computed fractions are compared after ``round(x, 6)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from okrsite import __version__
from okrsite.cli import cli

FILES: dict[str, str | bytes] = {
    "okrsite.toml": """
        title = "Brief examples"
        """,
    "content/objectives/company/market-leader.md": """
        ---
        title: Be the market leader
        cycle: 2026-Q1
        owner: ceo
        commitment: aspirational
        key_results:
          - id: revenue
            title: Grow revenue in every region
          - id: nps
            title: Lift NPS to 50
            kpi: nps
            start: 30
            target: 50
            unit: points
        ---
        Company objective; `revenue` rolls up the regions aligned to it.
        """,
    # The brief's objective, with all six key result kinds, aligned to a key result.
    "content/objectives/sales/emea.md": """
        ---
        title: Expand into new markets
        cycle: 2026-Q1
        owner: alice
        team: sales
        parent: company/market-leader#revenue
        commitment: committed
        weight: 1
        status: active
        tags: [growth]
        key_results:
          - id: countries
            title: Launch operations in 2 new countries
            start: 0
            target: 2
            current: 1
            unit: countries
            weight: 1
          - id: revenue
            title: Reach $1M revenue
            kpi: revenue
            start: 200000
            target: 1000000
            unit: USD
            weight: 2
          - id: churn
            title: Reduce churn to 2%
            start: 5
            target: 2
            unit: "%"
          - id: distributors
            title: Sign 5 local distributors
            milestones:
              - {title: Shortlist, done: true}
              - {title: Contracts signed, done: false}
          - id: uptime
            title: Keep uptime above 99.9%
            stay_above: 99.9
            current: 99.95
          - id: launch
            title: Public launch happened
            done: false
        initiatives:
          - {title: Hire country managers, status: active, link: "https://example.com/hiring"}
        ---
        Markdown body: why this objective matters, context, links.
        """,
    "content/objectives/sales/apac.md": """
        ---
        title: Open APAC
        cycle: 2026-Q1
        owner: alice
        parent: company/market-leader#revenue
        status: dropped
        key_results:
          - {id: offices, title: Open 1 office, target: 1, current: 1}
        ---
        Dropped: must count nowhere.
        """,
    "content/objectives/support/loyalty.md": """
        ---
        title: Keep customers loyal
        cycle: 2026-Q1
        owner: dana
        team: support
        key_results:
          - {id: csat, title: CSAT to 80, start: 60, target: 80, current: 70, unit: "%"}
          - {id: response, title: First response under 24h, stay_below: 24, current: 30, unit: h}
        ---
        """,
    "content/checkins/2026-01-20-emea.md": """
        ---
        objective: sales/emea
        date: 2026-01-20
        author: alice
        confidence: low
        values: {countries: 0, churn: 4.7}
        ---
        First check-in.
        """,
    # The brief's check-in.
    "content/checkins/2026-02-10-emea.md": """
        ---
        objective: sales/emea
        date: 2026-02-10
        author: alice
        confidence: 7
        values: {countries: 1, churn: 4.1}
        ---
        Progress, plans, problems (free Markdown).
        """,
    # After as_of: must be ignored everywhere.
    "content/checkins/2026-02-20-emea.md": """
        ---
        objective: sales/emea
        date: 2026-02-20
        confidence: 1
        values: {countries: 2, churn: 2}
        ---
        """,
    "content/checkins/2026-01-25-loyalty.md": """
        ---
        objective: support/loyalty
        date: 2026-01-25
        confidence: high
        ---
        """,
    "content/checkins/2026-02-12-churn.md": """
        ---
        kpi: churn-rate
        date: 2026-02-12
        value: 5.2
        ---
        """,
    # The brief's KPI.
    "content/kpis/nps.md": """
        ---
        title: Net Promoter Score
        unit: points
        direction: up
        indicator: lagging
        owner: bob
        team: support
        target: 50
        thresholds: {green: 40, red: 20}
        drives: [revenue]
        values: {2026-01-01: 35, 2026-02-01: 38}
        ---
        """,
    "content/kpis/revenue.md": """
        ---
        title: Revenue
        unit: USD
        indicator: lagging
        thresholds: {green: 500000, red: 300000}
        values: {2026-01-01: 400000, 2026-02-01: 520000, 2026-03-01: 900000}
        ---
        """,
    "content/kpis/churn-rate.md": """
        ---
        title: Churn rate
        unit: "%"
        direction: down
        indicator: leading
        thresholds: {green: 3, red: 5}
        values: {2026-01-01: 4.5}
        data: data/churn.csv
        ---
        """,
    "content/data/churn.csv": "date,value\n2026-01-15,4.9\n",
    "content/kpis/uptime.md": """
        ---
        title: Uptime
        unit: "%"
        thresholds: {green: 99.9, red: 99.5}
        values: {2026-01-01: 99.97, 2026-02-01: 99.95}
        ---
        """,
    "content/kpis/headcount.md": """
        ---
        title: Headcount
        target: 45
        values: {2026-01-01: 40, 2026-02-01: 40}
        ---
        """,
    # The brief's SMART goal.
    "content/goals/complaints.md": """
        ---
        type: goal
        title: Resolve 95% of complaints within 48 hours
        owner: carol
        due: 2026-03-31
        supports: support/loyalty#csat
        measure: {start: 70, target: 95, current: 82, unit: "%"}
        ---
        Triage complaints twice a day and route each to its owner within 4 hours.
        """,
    "content/goals/vague.md": """
        ---
        title: Be better
        ---
        """,
}


def r6(x: float) -> float | int:
    """The export's rounding: 6 decimals, whole numbers as ints."""
    v = round(x, 6)
    return int(v) if v.is_integer() else v


# ---------------------------------------------------------------- sales/emea
# current values as of 2026-02-15:
#   countries: check-in 2026-02-10 says 1 (beats current: 1)     (1 - 0) / (2 - 0)            = 0.5
#   revenue:   no check-in, no current: -> KPI revenue's latest on/before as_of:
#              520000 (2026-02-01; the 2026-03-01 value is in the future)
#                                                     (520000 - 200000) / (1000000 - 200000) = 0.4
#   churn:     check-in 4.1 (lower is better)         (4.1 - 5) / (2 - 5) = 0.9 / 3           = 0.3
#   distributors: 1 of 2 milestones done                                                      = 0.5
#   uptime:    99.95 >= 99.9 holds                                                            = 1.0
#   launch:    done: false                                                                    = 0.0
# weights 1, 2, 1, 1, 1, 1 (sum 7):
#   progress = (0.5 + 2 x 0.4 + 0.3 + 0.5 + 1.0 + 0.0) / 7 = 3.1 / 7 = 31/70 = 0.442857...
EMEA_PROGRESS = 3.1 / 7
# expected 0.5; behind = 0.5 - 0.442857 = 0.057 <= 0.15 -> on-track; 0.4 <= p < 0.7 -> yellow
# key result statuses (behind = 0.5 - progress): countries 0 on-track, revenue 0.1 on-track,
#   churn 0.2 at-risk, distributors 0 on-track, uptime 1.0 done, launch 0.5 off-track
# stale: last check-in on/before as_of is 2026-02-10, 5 days <= 14 -> false
# confidence: latest check-in on/before as_of (2026-02-10) says 7 (the 2026-02-20 one is future)
# forecast: progress recomputed at each check-in date on/before as_of
#   2026-01-20 (x = 19 days after Jan 1): countries 0 -> 0; revenue KPI 400000 -> 0.25;
#              churn 4.7 -> (4.7 - 5)/(2 - 5) = 0.1; distributors 0.5; uptime 1; launch 0
#              (0 + 2 x 0.25 + 0.1 + 0.5 + 1 + 0) / 7 = 2.1 / 7 = 0.3
#   2026-02-10 (x = 40): 3.1 / 7
#   slope = (3.1/7 - 2.1/7) / (40 - 19) = (1/7) / 21 = 1/147 per day
#   read at the last day x = 89 (Mar 31): 3.1/7 + (89 - 40)/147 = 31/70 + 1/3 = 163/210
EMEA_FORECAST = 163 / 210  # 0.776190...

# ---------------------------------------------------------------- company/market-leader
#   revenue: roll-up of the objectives aligned to company/market-leader#revenue:
#            sales/emea (weight 1) only; sales/apac is dropped and counts nowhere   = 31/70
#   nps:     KPI nps latest on/before as_of = 38 (2026-02-01)  (38 - 30) / (50 - 30) = 0.4
#   progress = (31/70 + 0.4) / 2 = (31/70 + 28/70) / 2 = 59/140 = 0.421428...
COMPANY_PROGRESS = 59 / 140
# aspirational: expected = 0.5 x 0.7 = 0.35; behind < 0 -> on-track; yellow
# KRs: revenue 0.4429 vs 0.35 on-track; nps 0.4 vs 0.35 on-track
# stale: no check-in at all, and as_of is past the first 14 days (Jan 1..14) -> true

# ---------------------------------------------------------------- support/loyalty
#   csat (70 - 60) / (80 - 60) = 0.5; response 30 > 24 does not stay below -> 0.0
#   progress = 0.25; behind = 0.5 - 0.25 = 0.25 -> at-risk (0.15 < 0.25 <= 0.30); red (< 0.4)
#   KRs: csat behind 0 on-track; response behind 0.5 off-track
#   its only check-in 2026-01-25 is 21 days before as_of (> 14) -> stale; confidence high = 8
#   one check-in -> no forecast

# ---------------------------------------------------------------- sales/apac (dropped)
#   its own progress 1/1 = 1.0 is still shown; status dropped; not stale (not active)


def kr(
    id: str,
    title: str,
    kind: str,
    progress: float,
    status: str,
    *,
    start: float | None = None,
    target: float | None = None,
    current: float | None = None,
    unit: str | None = None,
    weight: float = 1,
    score: float | None = None,
) -> dict[str, Any]:
    return {
        "id": id,
        "title": title,
        "kind": kind,
        "start": start,
        "target": target,
        "current": current,
        "unit": unit,
        "weight": weight,
        "score": score,
        "progress": r6(progress),
        "status": status,
        # the grade bands of the docs: red < 0.4 <= yellow < 0.7 <= green; a draft,
        # dropped or upcoming key result has none (docs/scoring.md)
        "grade": None
        if status in ("draft", "dropped", "upcoming")
        else "red"
        if progress < 0.4
        else "yellow"
        if progress < 0.7
        else "green",
        # its own owner as its file writes it: none of these key results has one
        "owner": None,
        "owner_name": None,
    }


EXPECTED: dict[str, Any] = {
    "as_of": "2026-02-15",
    "generator": f"okrsite {__version__}",
    "objectives": [
        {
            "id": "company/market-leader",
            "title": "Be the market leader",
            "cycle": "2026-Q1",
            "owner": "ceo",
            "owner_kind": "person",
            "owner_name": "ceo",
            "team": None,
            "team_name": None,
            "parent": None,
            "commitment": "aspirational",
            "weight": 1,
            "status": "on-track",
            "progress": r6(COMPANY_PROGRESS),
            "expected": 0.35,
            "grade": "yellow",
            "stale": True,
            "confidence": None,
            "forecast": None,
            "forecast_tentative": False,
            "last_checkin": None,
            "children": ["sales/apac", "sales/emea"],
            "key_results": [
                kr("revenue", "Grow revenue in every region", "rollup", EMEA_PROGRESS, "on-track"),
                kr(
                    "nps",
                    "Lift NPS to 50",
                    "numeric",
                    0.4,
                    "on-track",
                    start=30,
                    target=50,
                    current=38,
                    unit="points",
                ),
            ],
        },
        {
            "id": "sales/apac",
            "title": "Open APAC",
            "cycle": "2026-Q1",
            "owner": "alice",
            "owner_kind": "person",
            "owner_name": "alice",
            "team": None,
            "team_name": None,
            "parent": "company/market-leader#revenue",
            "commitment": "committed",
            "weight": 1,
            "status": "dropped",
            "progress": 1,
            "expected": 0.5,
            "grade": None,  # dropped: it counts nowhere, so it has no grade
            "stale": False,
            "confidence": None,
            "forecast": None,
            "forecast_tentative": False,
            "last_checkin": None,
            "children": [],
            "key_results": [
                kr(
                    "offices",
                    "Open 1 office",
                    "numeric",
                    1.0,
                    "dropped",
                    start=0,
                    target=1,
                    current=1,
                )
            ],
        },
        {
            "id": "sales/emea",
            "title": "Expand into new markets",
            "cycle": "2026-Q1",
            "owner": "alice",
            "owner_kind": "person",
            "owner_name": "alice",
            "team": "sales",
            "team_name": "sales",
            "parent": "company/market-leader#revenue",
            "commitment": "committed",
            "weight": 1,
            "status": "on-track",
            "progress": r6(EMEA_PROGRESS),
            "expected": 0.5,
            "grade": "yellow",
            "stale": False,
            "confidence": 7,
            "forecast": r6(EMEA_FORECAST),
            # two check-ins on/before as_of (fewer than 3) -> tentative
            "forecast_tentative": True,
            "last_checkin": "2026-02-10",
            "children": [],
            "key_results": [
                kr(
                    "countries",
                    "Launch operations in 2 new countries",
                    "numeric",
                    0.5,
                    "on-track",
                    start=0,
                    target=2,
                    current=1,
                    unit="countries",
                ),
                kr(
                    "revenue",
                    "Reach $1M revenue",
                    "numeric",
                    0.4,
                    "on-track",
                    start=200000,
                    target=1000000,
                    current=520000,
                    unit="USD",
                    weight=2,
                ),
                kr(
                    "churn",
                    "Reduce churn to 2%",
                    "numeric",
                    0.3,
                    "at-risk",
                    start=5,
                    target=2,
                    current=4.1,
                    unit="%",
                ),
                # a checklist: current is the number of milestones done, target their number
                kr(
                    "distributors",
                    "Sign 5 local distributors",
                    "milestones",
                    0.5,
                    "on-track",
                    target=2,
                    current=1,
                ),
                # target of stay_above: its threshold
                kr(
                    "uptime",
                    "Keep uptime above 99.9%",
                    "stay_above",
                    1.0,
                    "done",
                    target=99.9,
                    current=99.95,
                ),
                kr("launch", "Public launch happened", "boolean", 0.0, "off-track", current=0),
            ],
        },
        {
            "id": "support/loyalty",
            "title": "Keep customers loyal",
            "cycle": "2026-Q1",
            "owner": "dana",
            "owner_kind": "person",
            "owner_name": "dana",
            "team": "support",
            "team_name": "support",
            "parent": None,
            "commitment": "committed",
            "weight": 1,
            "status": "at-risk",
            "progress": 0.25,
            "expected": 0.5,
            "grade": "red",
            "stale": True,
            "confidence": 8,
            "forecast": None,
            "forecast_tentative": False,
            "last_checkin": "2026-01-25",
            "children": [],
            "key_results": [
                kr(
                    "csat",
                    "CSAT to 80",
                    "numeric",
                    0.5,
                    "on-track",
                    start=60,
                    target=80,
                    current=70,
                    unit="%",
                ),
                kr(
                    "response",
                    "First response under 24h",
                    "stay_below",
                    0.0,
                    "off-track",
                    target=24,
                    current=30,
                    unit="h",
                ),
            ],
        },
    ],
    "kpis": [
        # churn-rate (down is better): series = values 2026-01-01 4.5, CSV 2026-01-15 4.9,
        # check-in 2026-02-12 5.2. Latest 5.2 is worse than red 5 -> critical; 4.9 -> 5.2 up
        {
            "id": "churn-rate",
            "title": "Churn rate",
            "value": 5.2,
            "unit": "%",
            "date": "2026-02-12",
            "health": "critical",
            "trend": "up",
            # direction down: up is worsening
            "trend_meaning": "worsening",
            "stale": False,
            "direction": "down",
            "indicator": "leading",
            "target": None,
            "thresholds": {"green": 3, "red": 5},
            "owner": None,
            "owner_kind": None,
            "owner_name": None,
            "team": None,
            "team_name": None,
        },
        # headcount: no thresholds, target 45 stands in for green; 40 < 45 and no red -> warning;
        # 40 -> 40 flat
        {
            "id": "headcount",
            "title": "Headcount",
            "value": 40,
            "unit": None,
            "date": "2026-02-01",
            "health": "warning",
            "trend": "flat",
            "trend_meaning": "steady",
            "stale": False,
            "direction": "up",
            "indicator": None,
            "target": 45,
            "thresholds": {"green": None, "red": None},
            "owner": None,
            "owner_kind": None,
            "owner_name": None,
            "team": None,
            "team_name": None,
        },
        # nps: latest 38 (2026-02-01): below green 40, not below red 20 -> warning; 35 -> 38 up
        {
            "id": "nps",
            "title": "Net Promoter Score",
            "value": 38,
            "unit": "points",
            "date": "2026-02-01",
            "health": "warning",
            "trend": "up",
            "trend_meaning": "improving",
            "stale": False,
            "direction": "up",
            "indicator": "lagging",
            "target": 50,
            "thresholds": {"green": 40, "red": 20},
            "owner": "bob",
            "owner_kind": "person",
            "owner_name": "bob",
            "team": "support",
            "team_name": "support",
        },
        # revenue: latest on/before as_of 520000 >= green 500000 -> healthy; 400000 -> 520000 up
        {
            "id": "revenue",
            "title": "Revenue",
            "value": 520000,
            "unit": "USD",
            "date": "2026-02-01",
            "health": "healthy",
            "trend": "up",
            "trend_meaning": "improving",
            "stale": False,
            "direction": "up",
            "indicator": "lagging",
            "target": None,
            "thresholds": {"green": 500000, "red": 300000},
            "owner": None,
            "owner_kind": None,
            "owner_name": None,
            "team": None,
            "team_name": None,
        },
        # uptime: 99.95 >= green 99.9 -> healthy; 99.97 -> 99.95 down
        {
            "id": "uptime",
            "title": "Uptime",
            "value": 99.95,
            "unit": "%",
            "date": "2026-02-01",
            "health": "healthy",
            "trend": "down",
            # direction up: down is worsening
            "trend_meaning": "worsening",
            "stale": False,
            "direction": "up",
            "indicator": None,
            "target": None,
            "thresholds": {"green": 99.9, "red": 99.5},
            "owner": None,
            "owner_kind": None,
            "owner_name": None,
            "team": None,
            "team_name": None,
        },
    ],
    "goals": [
        # (82 - 70) / (95 - 70) = 12 / 25 = 0.48; S title+body, M target 95, A carol,
        # R support/loyalty#csat exists, T due 2026-03-31
        {
            "id": "complaints",
            "title": "Resolve 95% of complaints within 48 hours",
            "owner": "carol",
            "owner_kind": "person",
            # the name its page shows (an owner written as an id: the id)
            "owner_name": "carol",
            "team": None,
            "team_name": None,
            "supports": "support/loyalty#csat",
            # due 2026-03-31, after as_of 2026-02-15: not overdue
            "due": "2026-03-31",
            "overdue": False,
            "progress": 0.48,
            "smart": {"S": True, "M": True, "A": True, "R": True, "T": True},
            # its body, which makes it Specific (import writes it back)
            "description": "Triage complaints twice a day and route each to its owner within 4 hours.",
        },
        # no body, measure, owner, supports or due/cycle: every letter false; progress 0
        {
            "id": "vague",
            "title": "Be better",
            "owner": None,
            "owner_kind": None,
            "owner_name": None,
            "team": None,
            "team_name": None,
            "supports": None,
            "due": None,
            "overdue": False,
            "progress": 0,
            "smart": {"S": False, "M": False, "A": False, "R": False, "T": False},
            "description": None,
        },
    ],
}


@pytest.fixture
def exported(make_site: Callable[[dict[str, str | bytes]], Path]) -> dict[str, Any]:
    site = make_site(FILES)
    result = CliRunner().invoke(cli, ["export", "--site", str(site), "--as-of", "2026-02-15"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_whole_export(exported: dict[str, Any]) -> None:
    assert exported == EXPECTED


@pytest.mark.parametrize("index", range(4))
def test_each_objective(exported: dict[str, Any], index: int) -> None:
    # the same comparison per objective, for a readable diff when one figure moves
    assert exported["objectives"][index] == EXPECTED["objectives"][index]


def test_exact_keys(exported: dict[str, Any]) -> None:
    assert list(exported) == ["as_of", "generator", "objectives", "kpis", "goals"]
    objective_keys = [
        "id", "title", "cycle", "owner", "owner_kind", "owner_name", "team", "team_name", "parent", "commitment",
        "weight", "status",
        "progress", "expected", "grade", "stale", "confidence", "forecast", "forecast_tentative", "last_checkin", "children",
        "key_results",
    ]  # fmt: skip
    kr_keys = [
        "id", "title", "kind", "start", "target", "current", "unit", "weight", "score", "progress",
        "status", "grade", "owner", "owner_name",
    ]  # fmt: skip
    kpi_keys = [
        "id", "title", "value", "unit", "date", "health", "trend", "trend_meaning", "stale", "direction",
        "indicator", "target", "thresholds", "owner", "owner_kind", "owner_name", "team", "team_name",
    ]  # fmt: skip
    for o in exported["objectives"]:
        assert list(o) == objective_keys
        for k in o["key_results"]:
            assert list(k) == kr_keys
    for k in exported["kpis"]:
        assert list(k) == kpi_keys
    for g in exported["goals"]:
        goal_keys = [
            "id", "title", "owner", "owner_kind", "owner_name", "team", "team_name", "supports", "due", "overdue",
            "progress", "smart", "description",
        ]  # fmt: skip
        assert list(g) == goal_keys
        assert list(g["smart"]) == ["S", "M", "A", "R", "T"]


def test_numbers_are_fractions_not_percentages(exported: dict[str, Any]) -> None:
    for o in exported["objectives"]:
        for key in ("progress", "expected", "forecast"):
            assert o[key] is None or 0 <= o[key] <= 1
        for k in o["key_results"]:
            assert 0 <= k["progress"] <= 1


def test_check_reports_only_warnings(make_site: Callable[[dict[str, str | bytes]], Path]) -> None:
    site = make_site(FILES)
    result = CliRunner().invoke(cli, ["check", "--site", str(site), "--as-of", "2026-02-15"])
    assert result.exit_code == 0, result.output
    warnings = sorted(
        (line.split(":", 1)[0], line.split(" warning ", 1)[1].split(":", 1)[0])
        for line in result.stderr.splitlines()
        if " warning " in line
    )
    # (no OKR309: every check-in is dated inside 2026-Q1, even the future one)
    assert warnings == [
        ("content/goals/vague.md", "OKR405"),  # not S, M, A, R, T
        ("content/objectives/company/market-leader.md", "OKR404"),  # stale
        ("content/objectives/sales/emea.md", "OKR401"),  # 6 key results (> 5)
        ("content/objectives/support/loyalty.md", "OKR404"),  # stale
    ]


def test_files_named_as_on_a_laptop_have_ids_folded_from_their_names(tmp_path: Path) -> None:
    """``objectives/Sales Team/Grow EMEA.md`` (spaces, capitals) is an
    objective with the id ``sales-team/grow-emea`` and a page there; a
    check-in file ``Grow EMEA week 1.md`` is read too, and ``okrsite
    checkin`` takes the folded id."""
    from click.testing import CliRunner

    from okrsite.cli import cli

    site = tmp_path / "site"
    (site / "content/objectives/Sales Team").mkdir(parents=True)
    (site / "content/checkins").mkdir(parents=True)
    (site / "okrsite.toml").write_text('[site]\ntitle = "Acme"\nas_of = 2026-11-20\n', "utf-8")
    (site / "content/objectives/Sales Team/Grow EMEA.md").write_text(
        "---\ntitle: Grow EMEA revenue\nowner: Uma Diaz\ncycle: 2026-Q4\nkey_results:\n"
        "  - {id: arr, title: Grow ARR, start: 1.2, target: 2, unit: $M}\n"
        "  - {id: partners, title: Sign partners, start: 0, target: 5}\n---\n",
        encoding="utf-8",
    )
    (site / "content/checkins/Grow EMEA week 1.md").write_text(
        "---\nobjective: sales-team/grow-emea\ndate: 2026-11-10\nvalues: {arr: 1.5}\n---\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["build", "--site", str(site)])
    assert result.exit_code == 0, result.output
    assert "OKR006" not in result.output
    page = site / "_site/objectives/sales-team/grow-emea/index.html"
    assert "Grow EMEA revenue" in page.read_text(encoding="utf-8")
    data = json.loads((site / "_site/api/portfolio.json").read_text(encoding="utf-8"))
    (objective,) = data["objectives"]
    assert objective["id"] == "sales-team/grow-emea"
    assert {kr["id"]: kr["current"] for kr in objective["key_results"]}["arr"] == 1.5
    result = runner.invoke(
        cli, ["checkin", "sales-team/grow-emea", "--set", "partners=2", "--site", str(site)]
    )
    assert result.exit_code == 0, result.output
    assert list((site / "content/checkins/sales-team/grow-emea").glob("*.md"))
