"""Per-cycle figures, the attention list, weekly changes, the cycle scorecard and
its exports, tentative forecasts and KPI trend meaning, on a small real site.

Every expected number is worked by hand in the comments. as_of is 2026-11-15:
2026-Q4 (Oct 1 .. Dec 31, 92 days) has run 45 days, elapsed = 45/92, so a
committed objective is expected at 45/92 = 0.489130 and an aspirational one
at 0.7 x 45/92 = 0.342391. 2026-Q3 has ended.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrsite.attention import Reason, attention_list
from okrsite.changes import recent_changes
from okrsite.cli import cli
from okrsite.cycle_export import cycle_export_files
from okrsite.cycle_figures import cycles_with_objectives, focus_cycle, person_figures, team_figures
from okrsite.model import Cycle, ScoredPortfolio
from okrsite.pipeline import ParseCache, load_site
from okrsite.scorecard import scorecard
from okrsite.scoring import ScoreMemo, forecast_is_tentative, trend_meaning

Make = Callable[[dict[str, str | bytes]], Path]
AS_OF = date(2026, 11, 15)
ELAPSED = 45 / 92


def team(title: str, parent: str | None = None) -> str:
    return f"---\ntitle: {title}\n" + (f"parent: {parent}\n" if parent else "") + "---\n"


def objective(title: str, cycle: str, owner: str, team: str, kr: str, extra: str = "") -> str:
    return (
        f"---\ntitle: '{title}'\ncycle: {cycle}\nowner: {owner}\nteam: {team}\n{extra}"
        f"key_results:\n  - {kr}\n---\n"
    )


def checkin(objective: str, day: str, values: str, extra: str = "") -> str:
    return f"---\nobjective: {objective}\ndate: {day}\nvalues: {values}\n{extra}---\n"


SITE: dict[str, str | bytes] = {
    "okrsite.toml": "title = 'Review'\n",
    "content/teams/company.md": team("Company"),
    "content/teams/sales.md": team("Sales", "company"),
    "content/teams/sales-emea.md": team("Sales EMEA", "sales"),
    "content/teams/support.md": team("Support", "company"),
    "content/teams/loop-a.md": team("Loop A", "loop-b"),
    "content/teams/loop-b.md": team("Loop B", "loop-a"),
    # ---- 2026-Q4
    # x: check-ins 0, 2, 5 -> (5 - 0) / 10 = 0.5; on-track; confidence 3 (low)
    "content/objectives/sales/a.md": objective(
        "A",
        "2026-Q4",
        "bob",
        "sales",
        "{id: x, title: Ship x, start: 0, target: 10, unit: widgets}",
    ),
    # 2 / 10 = 0.2, weight 3; behind 0.489 - 0.2 = 0.289 -> at-risk; no check-in -> stale
    "content/objectives/sales/b.md": objective(
        "B",
        "2026-Q4",
        "eve",
        "sales-emea",
        "{id: y, title: Y, start: 0, target: 10, current: 2}",
        "weight: 3\n",
    ),
    # a draft counts nowhere
    "content/objectives/sales/c.md": objective(
        "C",
        "2026-Q4",
        "bob",
        "sales",
        "{id: k, title: K, start: 0, target: 10, current: 9}",
        "status: draft\n",
    ),
    # aspirational, 1 / 4 = 0.25; expected 0.342 -> behind 0.092 -> on-track
    "content/objectives/support/d.md": objective(
        "D",
        "2026-Q4",
        "bob",
        "support",
        "{id: z, title: Z, start: 0, target: 4, current: 1}",
        "commitment: aspirational\n",
    ),
    # check-in 10 / 100 = 0.1; behind 0.389 -> off-track; last check-in Oct 20, 26 days -> stale
    "content/objectives/support/g.md": objective(
        "G", "2026-Q4", "carol", "support", "{id: w, title: W, start: 0, target: 100, unit: '%'}"
    ),
    # ---- 2026-Q3 (ended)
    # 1 / 1 = 1.0 achieved, green
    "content/objectives/support/e.md": objective(
        "E", "2026-Q3", "bob", "support", "{id: v, title: V, start: 0, target: 1, current: 1}"
    ),
    # 64 / 100 = 0.64 missed, yellow; a title a spreadsheet would run
    "content/objectives/sales/f.md": objective(
        "=SUM(A1) pipeline",
        "2026-Q3",
        "eve",
        "sales",
        "{id: u, title: U, start: 0, target: 100, current: 64}",
    ),
    # aspirational 7.5 / 10 = 0.75 >= 0.7 achieved, green
    "content/objectives/sales/h.md": objective(
        "H",
        "2026-Q3",
        "eve",
        "sales-emea",
        "{id: t, title: T, start: 0, target: 10, current: 7.5}",
        "commitment: aspirational\n",
    ),
    "content/kpis/response.md": (
        "---\ntitle: Response time\nunit: h\ndirection: down\nthresholds: {green: 24, red: 40}\n"
        "values: {2026-09-15: 35, 2026-10-01: 30, 2026-11-01: 25}\n---\n"
    ),
    "content/checkins/2026-10-01-a.md": checkin("sales/a", "2026-10-01", "{x: 0}"),
    "content/checkins/2026-10-10-a.md": checkin(
        "sales/a", "2026-10-10", "{x: 2}", "confidence: 6\nauthor: bob\n"
    ),
    "content/checkins/2026-11-10-a.md": checkin(
        "sales/a", "2026-11-10", "{x: 5}", "confidence: low\nauthor: bob\n"
    ),
    "content/checkins/2026-11-20-a.md": checkin("sales/a", "2026-11-20", "{x: 9}"),  # future
    "content/checkins/2026-10-20-g.md": checkin("support/g", "2026-10-20", "{w: 10}"),
    "content/checkins/2026-11-14-d.md": checkin(
        "support/d", "2026-11-14", "{z: 1}", "confidence: high\nauthor: carol\n"
    ),
    "content/checkins/2026-11-12-response.md": (
        "---\nkpi: response\ndate: 2026-11-12\nvalue: 27\nauthor: nina\n---\n"
    ),
}


@pytest.fixture
def scored(make_site: Make) -> ScoredPortfolio:
    result = load_site(make_site(SITE), AS_OF)
    assert result.ok, [d.format_text() for d in result.diagnostics]
    return result.scored


def test_team_figures_are_per_cycle_and_roll_up(scored: ScoredPortfolio) -> None:
    assert focus_cycle(scored) == "2026-Q4"
    q4 = team_figures(scored, "2026-Q4")
    # sales' own: a 0.5 (c is a draft: listed, not counted)
    assert q4["sales"].own.objectives == ("sales/a", "sales/c")
    assert q4["sales"].own.counted == 1
    assert q4["sales"].own.progress == pytest.approx(0.5)
    assert dict(q4["sales"].own.statuses) == {"on-track": 1, "draft": 1}
    # rolled up with sales-emea: (0.5 x 1 + 0.2 x 3) / 4 = 0.275 (red)
    assert q4["sales"].rolled_up.progress == pytest.approx(0.275)
    assert q4["sales"].rolled_up.grade == "red"
    assert q4["sales"].sub_teams == ("sales-emea",)
    assert q4["sales-emea"].rolled_up.progress == pytest.approx(0.2)
    # support in Q4: (0.25 + 0.1) / 2 = 0.175; its Q3 objective at 1.0 is not mixed in
    assert q4["support"].own.progress == pytest.approx(0.175)
    assert team_figures(scored, "2026-Q3")["support"].own.progress == pytest.approx(1.0)
    # the company has no objectives of its own, and rolls up everything below it:
    # (0.5 + 0.2 x 3 + 0.25 + 0.1) / 6 = 1.45 / 6
    assert q4["company"].own.progress is None and q4["company"].own.grade is None
    assert q4["company"].rolled_up.progress == pytest.approx(1.45 / 6)
    # expected: (45/92 x (1 + 3 + 1) + 0.7 x 45/92) / 6 = 45/92 x 5.7 / 6
    assert q4["company"].rolled_up.expected == pytest.approx(ELAPSED * 5.7 / 6)
    # a parent loop does not hang and counts each team once
    assert q4["loop-a"].rolled_up.objectives == ()


def test_person_figures_are_per_cycle(scored: ScoredPortfolio) -> None:
    q4, q3 = person_figures(scored, "2026-Q4"), person_figures(scored, "2026-Q3")
    # bob: a 0.5 and d 0.25 (c is a draft) -> 0.375; in Q3 only e: 1.0
    assert q4["bob"].progress == pytest.approx(0.375)
    assert dict(q4["bob"].statuses) == {"on-track": 2, "draft": 1}
    assert q3["bob"].progress == pytest.approx(1.0)
    # eve: Q4 b 0.2; Q3 (0.64 + 0.75) / 2 = 0.695
    assert q4["eve"].progress == pytest.approx(0.2)
    assert q3["eve"].progress == pytest.approx(0.695)
    # carol has nothing in Q3: no figure rather than 0%
    assert q3["carol"].progress is None and q3["carol"].objectives == ()
    bob = [oid for oid, o in scored.portfolio.objectives.items() if o.owner == "bob"]
    assert cycles_with_objectives(scored, bob) == ["2026-Q3", "2026-Q4"]


def test_attention_list(scored: ScoredPortfolio) -> None:
    items = attention_list(scored, "2026-Q4")
    assert [i.objective for i in items] == ["support/g", "sales/b", "sales/a"]
    g, b, a = items
    assert g.reasons == (
        Reason("off-track", behind=pytest.approx(ELAPSED - 0.1)),  # type: ignore[arg-type]
        Reason("stale", days=26),
    )
    assert g.last_checkin == date(2026, 10, 20)
    assert b.reasons == (
        Reason("at-risk", behind=pytest.approx(ELAPSED - 0.2)),  # type: ignore[arg-type]
        Reason("stale", days=None),
    )
    assert a.reasons == (Reason("low-confidence", confidence=3.0),)
    assert attention_list(scored, "2026-Q3") == []  # an ended cycle needs a review, not help


def test_attention_settings(scored: ScoredPortfolio) -> None:
    scored = replace(scored, settings=replace(scored.settings, low_confidence=2, changes_days=3))
    assert [i.objective for i in attention_list(scored, "2026-Q4")] == ["support/g", "sales/b"]
    # 3 days: Nov 13..15 -> only d's check-in of Nov 14
    assert [c.objective for c in recent_changes(scored)] == ["support/d"]


def test_weekly_changes(scored: ScoredPortfolio) -> None:
    week = recent_changes(scored)
    # Nov 9..15, newest first; the check-in of Nov 20 is after as_of
    assert [(c.date, c.objective, c.kpi) for c in week] == [
        (date(2026, 11, 14), "support/d", None),
        (date(2026, 11, 12), None, "response"),
        (date(2026, 11, 10), "sales/a", None),
    ]
    d, response, a = week
    # a: x 2 -> 5 widgets, progress 0.2 -> 0.5 (+0.3), confidence 6 -> 3, by bob
    (move,) = a.values
    assert (move.title, move.unit, move.previous, move.new) == ("Ship x", "widgets", 2, 5)
    assert (move.progress_before, move.progress_after) == (pytest.approx(0.2), pytest.approx(0.5))
    assert move.progress_change == pytest.approx(0.3)
    assert (a.confidence_before, a.confidence_after, a.author) == (6, 3, "bob")
    assert a.title == "A"
    # d's first check-in: the value before is current: 1 -> no move; confidence none -> 8
    (move,) = d.values
    assert (move.previous, move.new, move.progress_change) == (1, 1, 0)
    assert (d.confidence_before, d.confidence_after) == (None, 8)
    # response time 25 -> 27 h: up is worsening for a lower-is-better KPI
    (move,) = response.values
    assert (move.previous, move.new, move.unit, move.meaning) == (25, 27, "h", "worsening")
    assert move.progress_change is None


def test_changes_window_and_cycle(scored: ScoredPortfolio) -> None:
    wide = recent_changes(scored, days=40)  # Oct 7 .. Nov 15
    assert [c.date.isoformat() for c in wide] == [
        "2026-11-14", "2026-11-12", "2026-11-10", "2026-10-20", "2026-10-10",
    ]  # fmt: skip
    g = wide[3]
    (move,) = g.values
    # no earlier value, no current: -> none; progress 0 -> 0.1
    assert (move.previous, move.new, move.unit) == (None, 10, "%")
    assert move.progress_change == pytest.approx(0.1)
    a_first = wide[4]
    assert (a_first.values[0].previous, a_first.confidence_before) == (0, None)
    assert [c.kpi for c in recent_changes(scored, days=40, cycle="2026-Q3")] == ["response"]


def test_scorecard_of_an_ended_cycle(scored: ScoredPortfolio) -> None:
    card = scorecard(scored, "2026-Q3")
    assert card.final
    # e 1.0 achieved, f 0.64 missed, h 0.75 >= 0.7 (aspirational) achieved
    assert (card.total.achieved, card.total.missed) == (2, 1)
    assert dict(card.total.grades) == {"red": 0, "yellow": 1, "green": 2}
    assert card.total.figures.progress == pytest.approx((1 + 0.64 + 0.75) / 3)
    committed, aspirational = card.commitment["committed"], card.commitment["aspirational"]
    assert (committed.achieved, committed.missed) == (1, 1)
    assert committed.figures.progress == pytest.approx(0.82)
    assert (aspirational.achieved, aspirational.missed) == (1, 0)
    assert list(card.teams) == ["sales", "sales-emea", "support"]
    assert card.teams["sales"].missed == 1 and card.teams["sales-emea"].achieved == 1
    assert [(m.objective, m.progress) for m in card.least_moved] == [
        ("sales/f", pytest.approx(0.64)),
        ("sales/h", pytest.approx(0.75)),
        ("support/e", pytest.approx(1.0)),
    ]
    # response time at Sep 30: 35 h, between green 24 and red 40 -> warning; one value, no trend
    (kpi,) = card.kpis
    assert (kpi.value, kpi.date, kpi.health, kpi.trend_meaning) == (
        35,
        date(2026, 9, 15),
        "warning",
        None,
    )


def test_scorecard_preview_of_a_running_cycle(scored: ScoredPortfolio) -> None:
    card = scorecard(scored, "2026-Q4")
    assert not card.final
    # at today's progress only nobody has reached success (a 0.5, b 0.2, d 0.25 < 0.7, g 0.1)
    assert (card.total.achieved, card.total.missed) == (0, 4)
    assert card.total.figures.counted == 4 and len(card.total.figures.objectives) == 5
    # least moved first: g 0.1, b 0.2, d 0.25, a 0.5
    assert [m.key_result for m in card.least_moved] == ["w", "y", "z", "x"]
    assert [m.checkins for m in card.least_moved] == [1, 0, 1, 3]
    (kpi,) = card.kpis  # as of Nov 15: 25 -> 27, worse than green 24 -> warning, worsening
    assert (kpi.value, kpi.health, kpi.trend_meaning) == (27, "warning", "worsening")


def test_a_cycle_that_has_not_started_achieved_and_missed_nothing(
    make_site: Make, tmp_path: Path
) -> None:
    """Its page shows no scorecard; its files said ``"missed": 1`` and
    ``achieved=false`` for an objective whose cycle begins in two weeks."""
    site = make_site(SITE)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", "2026-09-15"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/cycles/2026-Q4.json").read_text(encoding="utf-8"))
    assert data["final"] is False and data["summary"]["counted"] == 4
    tallies = [data["summary"], *data["commitment"].values(), *data["teams"]]
    assert {(t["achieved"], t["missed"]) for t in tallies} == {(None, None)}
    assert {row["achieved"] for row in data["objectives"]} == {None}
    rows = list(csv.DictReader(io.StringIO((out / "api/cycles/2026-Q4.csv").read_text())))
    assert {r["achieved"] for r in rows} == {""}
    # the cycle that ended still says what it did
    q3 = json.loads((out / "api/cycles/2026-Q3.json").read_text(encoding="utf-8"))
    assert (q3["summary"]["achieved"], q3["summary"]["missed"]) != (None, None)


def test_cycle_exports_are_built(make_site: Make, tmp_path: Path) -> None:
    site = make_site(SITE)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", "--site", str(site), "--out", str(out), "--as-of", "2026-11-15"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "api/cycles/2026-Q3.json").read_text(encoding="utf-8"))
    assert data["final"] is True and data["as_of"] == "2026-11-15"
    assert data["summary"]["achieved"] == 2 and data["summary"]["missed"] == 1
    assert data["summary"]["grades"] == {"red": 0, "yellow": 1, "green": 2}
    assert data["commitment"]["aspirational"]["success"] == 0.7
    assert [t["team"] for t in data["teams"]] == ["sales", "sales-emea", "support"]
    assert data["teams"][1]["title"] == "Sales EMEA"
    assert data["least_moved"][0] == {
        "objective": "sales/f",
        "key_result": "u",
        "title": "U",
        "progress": 0.64,
        "current": 64,
        "target": 100,
        "unit": None,
        "checkins": 0,
    }
    rows = list(csv.DictReader(io.StringIO((out / "api/cycles/2026-Q3.csv").read_text())))
    assert [r["objective_id"] for r in rows] == ["sales/f", "sales/h", "support/e"]
    assert rows[0]["objective_title"] == "'=SUM(A1) pipeline"  # formula defused
    assert [r["achieved"] for r in rows] == ["false", "true", "true"]
    q4 = list(csv.DictReader(io.StringIO((out / "api/cycles/2026-Q4.csv").read_text())))
    draft = next(r for r in q4 if r["objective_id"] == "sales/c")
    assert (draft["status"], draft["achieved"]) == ("draft", "")


def test_forecast_tentative_rule() -> None:
    q4 = Cycle("2026-Q4", date(2026, 10, 1), date(2026, 12, 31))
    # a quarter of 92 days is 23 days
    assert forecast_is_tentative(3, date(2026, 10, 1), date(2026, 10, 23), q4)  # 22 days
    assert not forecast_is_tentative(3, date(2026, 10, 1), date(2026, 10, 24), q4)  # 23 days
    assert forecast_is_tentative(2, date(2026, 10, 1), date(2026, 12, 31), q4)  # 2 check-ins


def test_forecast_tentative_in_scores(scored: ScoredPortfolio) -> None:
    # a: 3 check-ins Oct 1 .. Nov 10 (40 of 92 days): a forecast that is not tentative
    a = scored.objectives["sales/a"]
    assert a.forecast is not None and not a.forecast_tentative
    # g: one check-in, no forecast at all
    assert scored.objectives["support/g"].forecast is None
    assert not scored.objectives["support/g"].forecast_tentative


def test_trend_meaning() -> None:
    assert trend_meaning("up", "up") == "improving"
    assert trend_meaning("down", "down") == "improving"
    assert trend_meaning("down", "up") == "worsening"
    assert trend_meaning("up", "down") == "worsening"
    assert trend_meaning("up", "flat") == "steady"
    assert trend_meaning("down", None) is None


def test_cycle_exports_follow_edits_between_preview_loads(make_site: Make) -> None:
    """The preview's loads reuse unchanged records and scores, and the cycle
    files of an untouched cycle with them; an edited cycle's files change."""
    site = make_site(SITE)
    cache, memo = ParseCache(), ScoreMemo()
    first = cycle_export_files(load_site(site, AS_OF, cache=cache, scores=memo).scored)
    b = site / "content/objectives/sales/b.md"
    b.write_text(b.read_text().replace("current: 2", "current: 8"), encoding="utf-8")
    second = cycle_export_files(load_site(site, AS_OF, cache=cache, scores=memo).scored)
    assert second["api/cycles/2026-Q3.json"] is first["api/cycles/2026-Q3.json"]
    assert second["api/cycles/2026-Q4.json"] != first["api/cycles/2026-Q4.json"]
    # b: 8 / 10 = 0.8 in the rows of the new file, as a fresh build has it
    assert '"id": "sales/b", "title": "B"' in second["api/cycles/2026-Q4.json"].decode()
    assert '"progress": 0.8' in second["api/cycles/2026-Q4.json"].decode()
    assert second == cycle_export_files(load_site(site, AS_OF).scored)
