"""The scoring rules of the product brief, as pure functions: the scoring driver.

Every number here is a function of the portfolio and ``as_of`` only, so two
builds with the same ``as_of`` give identical figures. Each rule is a small
named function so tests can pin it down and the site's "explain this score"
section can show the same arithmetic.

Comparisons against thresholds round to 9 decimals first: ``0.5 - 0.35`` is
``0.15000000000000002`` in floating point, and a user whose objective is
exactly 0.15 behind must see "on-track" as the brief says.

This module judges a whole portfolio (:func:`score_portfolio`, with the
preview's :class:`ScoreMemo`) and assembles each objective's score. The rules
live in modules of their own, and every one of them can still be imported
from here:

- :mod:`okrsite.scoring_compare`: the 9-decimal comparison;
- :mod:`okrsite.scoring_progress`: key-result progress, current values, grades;
- :mod:`okrsite.scoring_rollup`: objective progress, roll-up and alignment;
- :mod:`okrsite.scoring_pace`: expected progress, status, forecast, staleness;
- :mod:`okrsite.scoring_kpis`: KPI health, trend and staleness;
- :mod:`okrsite.scoring_goals`: SMART goals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from okrsite.dependencies import objectives_to_rescore
from okrsite.model import (
    CheckIn,
    KeyResult,
    KRScore,
    LifeStatus,
    Objective,
    ObjectiveScore,
    Portfolio,
    ScoredPortfolio,
    Settings,
)
from okrsite.scoring_compare import at_most as at_most
from okrsite.scoring_compare import clamp as clamp
from okrsite.scoring_goals import goal_deadline as goal_deadline
from okrsite.scoring_goals import goal_score as goal_score
from okrsite.scoring_goals import smart_letters as smart_letters
from okrsite.scoring_kpis import health_for as health_for
from okrsite.scoring_kpis import kpi_score
from okrsite.scoring_kpis import kpi_stale_limit as kpi_stale_limit
from okrsite.scoring_kpis import trend_for as trend_for
from okrsite.scoring_kpis import trend_meaning as trend_meaning
from okrsite.scoring_pace import FORECAST_MIN_CHECKINS as FORECAST_MIN_CHECKINS
from okrsite.scoring_pace import FORECAST_MIN_SPAN as FORECAST_MIN_SPAN
from okrsite.scoring_pace import STALE_GRACE_DAYS as STALE_GRACE_DAYS
from okrsite.scoring_pace import FittedLine as FittedLine
from okrsite.scoring_pace import expected_progress as expected_progress
from okrsite.scoring_pace import fit_line as fit_line
from okrsite.scoring_pace import forecast_basis
from okrsite.scoring_pace import forecast_is_tentative as forecast_is_tentative
from okrsite.scoring_pace import forecast_points as forecast_points
from okrsite.scoring_pace import forecast_x as forecast_x
from okrsite.scoring_pace import is_stale as is_stale
from okrsite.scoring_pace import linear_forecast as linear_forecast
from okrsite.scoring_pace import reached as reached
from okrsite.scoring_pace import status_for as status_for
from okrsite.scoring_pace import success_level as success_level
from okrsite.scoring_progress import UNGRADED as UNGRADED
from okrsite.scoring_progress import boolean_done as boolean_done
from okrsite.scoring_progress import counted_grade as counted_grade
from okrsite.scoring_progress import current_reading as current_reading
from okrsite.scoring_progress import grade_for as grade_for
from okrsite.scoring_progress import kr_target as kr_target
from okrsite.scoring_progress import measured_progress as measured_progress
from okrsite.scoring_progress import numeric_progress as numeric_progress
from okrsite.scoring_progress import scored_done as scored_done
from okrsite.scoring_rollup import Scorer, children_first
from okrsite.scoring_rollup import counts_in_rollup as counts_in_rollup
from okrsite.scoring_rollup import weighted_mean as weighted_mean


@dataclass
class ScoreMemo:
    """What one scoring run leaves for the next (the preview keeps one).

    An objective's score is a function of its own record and check-ins, the
    KPI series its key results read, its cycle, ``as_of``, the settings, and
    the same inputs of every objective below it. When none of those changed,
    the previous score *is* the new one, so a save that touches one objective
    rescores only that objective and the chain of objectives above it. The
    lean values (progress at past check-in dates, for forecasts) of unchanged
    objectives are kept too. Tests hold the result equal to a fresh rescore.
    """

    scored: ScoredPortfolio | None = None
    values: dict[tuple[str, date], float] = field(default_factory=dict)
    #: objectives scored again by the last run (``None``: all of them)
    rescored: set[str] | None = None


def score_portfolio(
    portfolio: Portfolio,
    as_of: date,
    settings: Settings | None = None,
    memo: ScoreMemo | None = None,
) -> ScoredPortfolio:
    """Judge every objective, key result, KPI and goal at ``as_of``.

    With a ``memo`` from the previous run, objectives whose inputs did not
    change keep their previous scores (see :class:`ScoreMemo`).
    """
    settings = settings or Settings()
    scorer = Scorer(portfolio, settings)
    prev = memo.scored if memo is not None else None
    stale_ids: set[str] | None = None
    if memo is not None and prev is not None and prev.as_of == as_of and prev.settings == settings:
        stale_ids = objectives_to_rescore(prev.portfolio, portfolio)
    if stale_ids is not None and memo is not None and prev is not None:
        scorer.vmemo = {k: v for k, v in memo.values.items() if k[0] not in stale_ids}
    objectives: dict[str, ObjectiveScore] = {}
    for oid in children_first(portfolio.objectives, scorer.children):
        if stale_ids is not None and prev is not None and oid not in stale_ids:
            objectives[oid] = prev.objectives[oid]
        else:
            objectives[oid] = _objective_score(scorer, portfolio.objectives[oid], as_of)
    targeted: dict[str, list[str]] = {}
    for o in portfolio.objectives.values():
        for kr in o.key_results:
            if kr.kpi is not None:
                targeted.setdefault(kr.kpi, []).append(f"{o.id}#{kr.id}")
    driven: dict[str, list[str]] = {}
    for k in portfolio.kpis.values():
        for d in k.drives:
            driven.setdefault(d, []).append(k.id)
    kpis = {
        kid: kpi_score(
            k,
            portfolio,
            as_of,
            tuple(targeted.get(kid, ())),
            tuple(driven.get(kid, ())),
            settings.kpi_stale_after_days,
        )
        for kid, k in portfolio.kpis.items()
    }
    goals = {gid: goal_score(g, portfolio, as_of) for gid, g in portfolio.goals.items()}
    roots = tuple(
        oid
        for oid, o in portfolio.objectives.items()
        if o.parent_objective not in portfolio.objectives
    )
    result = ScoredPortfolio(
        portfolio=portfolio,
        as_of=as_of,
        settings=settings,
        objectives=dict(sorted(objectives.items())),
        kpis=kpis,
        goals=goals,
        children={k: tuple(sorted(v)) for k, v in sorted(scorer.children.items())},
        kr_children={k: tuple(sorted(v)) for k, v in sorted(scorer.kr_children.items())},
        roots=roots,
        checkins=(
            prev.checkins  # the very tuple: indexes of it (checkin_index) are kept
            if prev is not None
            and prev.portfolio.checkins is portfolio.checkins
            and prev.as_of == as_of
            else checkins_up_to(portfolio.checkins, as_of)
        ),
    )
    if memo is not None:
        memo.scored, memo.values, memo.rescored = result, scorer.vmemo, stale_ids
    return result


def kr_life_status(obj: Objective, kr: KeyResult) -> LifeStatus:
    """A key result's own status, else its objective's: a key result of a
    dropped or draft objective is dropped or draft too, and only an active
    one counts (its score, the dashboard's points of progress)."""
    return kr.status if kr.status != "active" else obj.status


def _objective_score(scorer: Scorer, obj: Objective, as_of: date) -> ObjectiveScore:
    settings = scorer.settings
    cycle = scorer.p.cycles[obj.cycle]
    success = success_level(settings, obj.commitment)
    progress, krs = scorer.progress(obj.id, as_of)
    expected, elapsed = expected_progress(cycle, as_of, success)
    status = status_for(progress, expected, success, cycle, as_of, obj.status, settings)

    kr_scores: dict[str, KRScore] = {}
    for kr in obj.key_results:
        v = krs[kr.id]
        life = kr_life_status(obj, kr)
        kr_status = status_for(v.progress, expected, success, cycle, as_of, life, settings)
        kr_scores[kr.id] = KRScore(
            id=kr.id,
            progress=v.progress,
            ratio=v.ratio,
            current=v.current,
            current_source=v.source,  # type: ignore[arg-type]
            current_date=v.day,
            status=kr_status,
            expected=expected,
            counted=life == "active",
            grade=counted_grade(v.progress, kr_status),
        )

    past = [c for c in scorer.checkins.get(obj.id, []) if c.date <= as_of]
    last = past[-1].date if past else None
    confidence = next((c.confidence for c in reversed(past) if c.confidence is not None), None)
    stale = is_stale(obj, cycle, as_of, last, settings.stale_after_days)

    days = sorted({c.date for c in past})
    history = tuple((d, scorer.value_at(obj.id, d)) for d in days)
    forecast = None
    tentative = False
    if len(past) >= 2:
        forecast = linear_forecast(forecast_points(history, cycle), forecast_x(cycle))
        if forecast is not None:
            # distinct days: a line through two points is no firmer for a
            # third check-in on one of their days (it adds no point in time)
            # in-cycle days only: a check-in from before the cycle is a point
            # of the line but no sign of how the cycle goes (forecast_basis)
            tentative = forecast_basis(days, cycle).tentative
    moved = scorer.last_move(obj.id, as_of)
    moved_on = moved if moved is not None and (not days or moved > days[-1]) else None
    if forecast is not None and as_of >= cycle.end:
        # the cycle's last day (or later): its end is reached, and the progress
        # is what it ends with; the fitted line, which misses the day's final
        # check-in, would contradict it ("Forecast 24%" under a final 41%)
        forecast, tentative = progress, False
    return ObjectiveScore(
        id=obj.id,
        progress=progress,
        expected=expected,
        elapsed=elapsed,
        success=success,
        behind=expected - progress,
        status=status,
        grade=counted_grade(progress, status),
        stale=stale,
        confidence=confidence,
        forecast=forecast,
        last_checkin=last,
        key_results=kr_scores,
        history=history,
        forecast_tentative=tentative,
        moved_on=moved_on,
    )


def checkins_up_to(checkins: tuple[CheckIn, ...], as_of: date) -> tuple[CheckIn, ...]:
    """The check-ins dated on or before ``as_of`` (they are sorted by date)."""
    if not checkins or checkins[-1].date <= as_of:
        return checkins
    return tuple(c for c in checkins if c.date <= as_of)
