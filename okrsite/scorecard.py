"""The cycle scorecard: how a quarter went, for the end-of-cycle review.

Once a cycle has ended its objectives are ``achieved`` or ``missed``; while
it runs the same scorecard is a preview ("would be achieved at today's
progress"). It holds achieved and missed counts, the grade distribution,
committed and aspirational objectives side by side (committed succeed at
1.0, aspirational at the ``aspirational_success`` level), one row per team,
the key results that moved least, and the KPIs' health at the cycle's end.
Pure: reads a :class:`ScoredPortfolio`; :mod:`okrsite.cycle_export` writes
it as ``api/cycles/<cycle>.json`` and ``.csv``.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from okrsite.checkin_index import checkin_index
from okrsite.cycle_figures import COUNTED, Figures, figures, team_figures, team_ids
from okrsite.cycles import phase
from okrsite.model import Commitment, Cycle, Grade, Health, ScoredPortfolio, Trend, TrendMeaning
from okrsite.scoring import (
    health_for,
    kr_target,
    reached,
    trend_for,
    trend_meaning,
)

#: how many key results the "moved least" list holds
LEAST_MOVED = 5


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts and figures of a group of counted objectives."""

    figures: Figures
    #: ``None`` before the cycle has started: nothing is achieved or missed yet
    achieved: int | None
    missed: int | None
    grades: Mapping[Grade, int]


@dataclass(frozen=True, slots=True)
class LeastMoved:
    """A key result and how far it got from its start toward its target."""

    objective: str
    key_result: str
    progress: float
    current: float | None
    checkins: int
    #: its target as every page and export writes it (:func:`okrsite.scoring.kr_target`):
    #: for a checklist, the number of milestones
    target: float | None = None


@dataclass(frozen=True, slots=True)
class KPIAtEnd:
    """A KPI's value and health at the end of a cycle (or at as_of before its end)."""

    kpi: str
    value: float | None
    date: date | None
    health: Health
    trend_meaning: TrendMeaning | None
    #: the way its value last moved (up, down, flat; none with one value):
    #: what ``trend_meaning`` judges, for the page's ``partials/trend.html``
    trend: Trend | None = None


@dataclass(frozen=True, slots=True)
class Scorecard:
    """A cycle's scorecard: its tallies, least-moved key results and KPIs at the end."""

    cycle: Cycle
    as_of: date
    #: the cycle has ended at as_of (else the scorecard is a preview)
    final: bool
    #: the cycle has begun at as_of: before, nothing is achieved or missed (its
    #: page shows no scorecard, and its files say ``null``)
    started: bool
    total: Tally
    commitment: Mapping[Commitment, Tally]
    #: one row per team: its own objectives, not its sub-teams'
    teams: Mapping[str, Tally]
    least_moved: tuple[LeastMoved, ...]
    kpis: tuple[KPIAtEnd, ...]
    #: each team of ``teams`` with its sub-teams' objectives rolled up
    #: (:func:`okrsite.cycle_figures.team_figures`, the Teams index's and the
    #: team page's figure): a row's own figures leave its sub-teams out, so
    #: the scorecard shows both rather than a second meaning of one label
    teams_rolled_up: Mapping[str, Figures]


def _tally(scored: ScoredPortfolio, cycle: str, ids: list[str], started: bool = True) -> Tally:
    """Achieved: progress reached the objective's success level (the rule of
    the ``achieved`` status, applied at as_of while the cycle runs); neither
    achieved nor missed before the cycle has ``started``."""
    fig = figures(scored, cycle, ids)
    counted = [i for i in fig.objectives if scored.portfolio.objectives[i].status in COUNTED]
    achieved = sum(
        1 for i in counted if reached(scored.objectives[i].progress, scored.objectives[i].success)
    )
    grades: dict[Grade, int] = {"red": 0, "yellow": 0, "green": 0}
    for i in counted:
        grade = scored.objectives[i].grade
        if grade is not None:  # upcoming: no grade before the cycle's first day
            grades[grade] += 1
    if not started:
        return Tally(fig, None, None, grades)
    return Tally(fig, achieved, len(counted) - achieved, grades)


def _least_moved(scored: ScoredPortfolio, ids: list[str]) -> tuple[LeastMoved, ...]:
    """Counted key results with their own measure, lowest progress first: the
    share of the way from start to target they covered in the cycle. One with
    ``weight: 0``, or of an objective with ``weight: 0``, counts nowhere in the
    cycle's figure, so it is not among them."""
    p = scored.portfolio
    found = []
    for oid in ids:
        obj, s = p.objectives[oid], scored.objectives[oid]
        if obj.status not in COUNTED or obj.weight <= 0:
            continue
        for kr in obj.key_results:
            ks = s.key_results[kr.id]
            if ks.counted and kr.weight > 0 and kr.kind != "rollup":
                found.append((round(ks.progress, 9), oid, kr.id))
    by_objective = checkin_index(p.checkins).by_objective
    out = []
    for _, oid, kr_id in heapq.nsmallest(LEAST_MOVED, found):
        reports = sum(
            1 for c in by_objective.get(oid, ()) if c.date <= scored.as_of and kr_id in c.values
        )
        ks = scored.objectives[oid].key_results[kr_id]
        measured = p.objectives[oid].key_result(kr_id)
        target = kr_target(measured) if measured is not None else None
        out.append(LeastMoved(oid, kr_id, ks.progress, ks.current, reports, target))
    return tuple(out)


def kpis_at(scored: ScoredPortfolio, day: date) -> tuple[KPIAtEnd, ...]:
    """Every KPI's health from its latest value on or before ``day``."""
    out = []
    for kid, kpi in scored.portfolio.kpis.items():
        series = [v for v in scored.portfolio.kpi_series.get(kid, ()) if v[0] <= day]
        value = series[-1][1] if series else None
        previous = series[-2][1] if len(series) >= 2 else None
        trend = trend_for(previous, value)
        out.append(
            KPIAtEnd(
                kid,
                value,
                series[-1][0] if series else None,
                health_for(kpi, value),
                trend_meaning(kpi.direction, trend),
                trend,
            )
        )
    return tuple(out)


def scorecard(scored: ScoredPortfolio, cycle: str) -> Scorecard:
    """The scorecard of ``cycle`` as of ``scored.as_of``."""
    p = scored.portfolio
    cyc = p.cycles[cycle]
    ids = [oid for oid, o in p.objectives.items() if o.cycle == cycle]
    by_commitment: dict[Commitment, list[str]] = {"committed": [], "aspirational": []}
    by_team: dict[str, list[str]] = {}
    for oid in ids:
        obj = p.objectives[oid]
        by_commitment[obj.commitment].append(oid)
        if obj.team:
            by_team.setdefault(obj.team, []).append(oid)
    now = phase(cyc, scored.as_of)
    started = now != "upcoming"
    teams = {
        t: _tally(scored, cycle, by_team[t], started) for t in team_ids(scored) if t in by_team
    }
    rolled = team_figures(scored, cycle)
    return Scorecard(
        cycle=cyc,
        as_of=scored.as_of,
        final=now == "over",
        started=started,
        total=_tally(scored, cycle, ids, started),
        commitment={k: _tally(scored, cycle, v, started) for k, v in by_commitment.items()},
        teams=teams,
        least_moved=_least_moved(scored, ids),
        kpis=kpis_at(scored, min(cyc.end, scored.as_of)),
        teams_rolled_up={t: rolled[t].rolled_up for t in teams},
    )
