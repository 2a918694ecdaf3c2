"""The scoring rules of the product brief, as pure functions.

Every number here is a function of the portfolio and ``as_of`` only, so two
builds with the same ``as_of`` give identical figures. Each rule is a small
named function so tests can pin it down and the site's "explain this score"
section can show the same arithmetic.

Comparisons against thresholds round to 9 decimals first: ``0.5 - 0.35`` is
``0.15000000000000002`` in floating point, and a user whose objective is
exactly 0.15 behind must see "on-track" as the brief says.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from okrsite import cycles as cycles_mod
from okrsite.checkin_index import checkin_index
from okrsite.dependencies import objectives_to_rescore
from okrsite.model import (
    KPI,
    CheckIn,
    Cycle,
    Goal,
    GoalScore,
    Grade,
    Health,
    KeyResult,
    KPIScore,
    KRScore,
    Measure,
    Objective,
    ObjectiveScore,
    Portfolio,
    ScoredPortfolio,
    Settings,
    Status,
    Trend,
    TrendMeaning,
)
from okrsite.resolve import reference_exists

STALE_GRACE_DAYS = 14
#: a forecast from fewer check-ins than this is tentative
FORECAST_MIN_CHECKINS = 3
#: ... as is one whose check-ins span less than this share of the cycle
FORECAST_MIN_SPAN = 0.25
_EPS_DIGITS = 9


def _for_comparison(x: float) -> float:
    """``x`` rounded to 9 decimals: float sums compare as written (0.5 - 0.35 is 0.15)."""
    return round(x, _EPS_DIGITS)


def clamp(x: float, low: float = 0.0, high: float = 1.0) -> float:
    return min(high, max(low, x))


def at_most(value: float, limit: float) -> bool:
    """``value <= limit`` as every threshold here compares (rounded to 9 decimals)."""
    return _for_comparison(value) <= _for_comparison(limit)


def success_level(settings: Settings, commitment: str) -> float:
    """The progress an objective must reach to succeed: 1.0 when committed,
    ``aspirational_success`` (0.7 by default) when aspirational."""
    return settings.aspirational_success if commitment == "aspirational" else 1.0


def reached(progress: float, success: float) -> bool:
    """Whether progress reached the success level (1.0, or 0.7 when aspirational):
    what makes a finished objective ``achieved`` rather than ``missed``."""
    return _for_comparison(progress) >= _for_comparison(success)


# ----------------------------------------------------------- single rules
def numeric_progress(
    start: float, target: float, current: float | None
) -> tuple[float, float | None]:
    """(clamped progress, unclamped ratio) of a numeric measure.

    ``start == target`` has no direction to measure along; it counts as done
    once current is at or above the target (higher is better), else 0.
    """
    if current is None:
        return 0.0, None
    if start == target:
        ratio = 1.0 if _for_comparison(current) >= _for_comparison(target) else 0.0
        return ratio, ratio
    gone, span = current - start, target - start
    if math.isinf(gone) or math.isinf(span):
        # huge numbers of opposite sign overflow the differences (inf / inf is nan):
        # halving first gives the same ratio (scaling by 2 is exact) and stays finite
        ratio = (current / 2 - start / 2) / (target / 2 - start / 2)
    else:
        ratio = gone / span
    return clamp(ratio), ratio


def progress_of_value(kr: KeyResult, value: float | None) -> float | None:
    """The progress a key result has when its current value is ``value``: the
    measure of :func:`measured_progress` without the ``score:`` override, so a
    check-in's move reads as the measure moved.

    ``None`` for kinds no value measures (milestones, roll-ups). A boolean
    key result without a value falls back to its ``done:``.
    """
    if kr.kind in ("milestones", "rollup"):
        return None
    measure = kr if kr.score is None else replace(kr, score=None)
    return measured_progress(measure, value, value is not None)[0]


def expected_progress(cycle: Cycle, as_of: date, success: float) -> tuple[float, float]:
    """(expected, elapsed): expected = elapsed × success."""
    elapsed = cycles_mod.elapsed(cycle, as_of)
    return elapsed * success, elapsed


def status_for(
    progress: float,
    expected: float,
    success: float,
    cycle: Cycle,
    as_of: date,
    life: str,
    settings: Settings,
) -> Status:
    """The first status of the brief's list that applies."""
    if life in ("dropped", "draft"):
        return life  # type: ignore[return-value]
    where = cycles_mod.phase(cycle, as_of)
    if where == "upcoming":
        return "upcoming"
    if where == "over":
        return "achieved" if reached(progress, success) else "missed"
    if _for_comparison(progress) >= 1.0:
        return "done"
    behind = _for_comparison(expected - progress)
    if behind <= _for_comparison(settings.on_track):
        return "on-track"
    if behind <= _for_comparison(settings.at_risk):
        return "at-risk"
    return "off-track"


def counts_in_rollup(obj: Objective) -> bool:
    """Whether an aligned objective counts in its parent's roll-up: drafts and
    dropped objectives count nowhere. The explanation of a roll-up lists the
    same ones."""
    return obj.status == "active"


def grade_for(progress: float) -> Grade:
    """Google's bands: red < 0.4 ≤ yellow < 0.7 ≤ green."""
    p = _for_comparison(progress)
    if p < 0.4:
        return "red"
    if p < 0.7:
        return "yellow"
    return "green"


def health_for(kpi: KPI, value: float | None) -> Health:
    """healthy at/better than green, critical worse than red, else warning.

    Without thresholds, the KPI's target stands in for green; a KPI with
    neither has no health rule and is ``unknown``.
    """
    if value is None:
        return "unknown"
    green = kpi.green if kpi.green is not None else kpi.target
    red = kpi.red
    if green is None and red is None:
        return "unknown"
    sign = 1.0 if kpi.direction == "up" else -1.0
    v = sign * value
    if green is not None and _for_comparison(v) >= _for_comparison(sign * green):
        return "healthy"
    if red is not None and _for_comparison(v) < _for_comparison(sign * red):
        return "critical"
    if green is None:
        return "healthy"
    return "warning"


def trend_for(previous: float | None, latest: float | None) -> Trend | None:
    if previous is None or latest is None:
        return None
    if _for_comparison(latest) > _for_comparison(previous):
        return "up"
    if _for_comparison(latest) < _for_comparison(previous):
        return "down"
    return "flat"


def trend_meaning(direction: str, trend: Trend | None) -> TrendMeaning | None:
    """Whether a KPI's move is good news: ``up`` improves a higher-is-better KPI
    and worsens a lower-is-better one (a response time going down improves)."""
    if trend is None:
        return None
    if trend == "flat":
        return "steady"
    return "improving" if (trend == "up") == (direction == "up") else "worsening"


def forecast_is_tentative(checkins: int, first: date, last: date, cycle: Cycle) -> bool:
    """A forecast drawn through few check-ins, or through check-ins close
    together, can swing wildly with the next one; readers should weigh it less.

    ``checkins`` counts the check-ins the forecast rests on; ``first`` and
    ``last`` are their dates. The span is measured in days against the
    cycle's length (first to last day inclusive).
    """
    length = (cycle.end - cycle.start).days + 1
    span = (last - first).days / length
    return checkins < FORECAST_MIN_CHECKINS or _for_comparison(span) < FORECAST_MIN_SPAN


@dataclass(frozen=True, slots=True)
class FittedLine:
    """The least-squares line through (x, y) points: it passes through their
    mean (``mean_x``, ``mean_y``) with ``slope``; "Explain this score" shows it."""

    mean_x: float
    mean_y: float
    slope: float

    @property
    def intercept(self) -> float:
        """The line's y at x = 0."""
        return self.mean_y - self.slope * self.mean_x

    def at(self, x: float) -> float:
        """The line read at ``x``, unclamped."""
        return self.mean_y + self.slope * (x - self.mean_x)


def fit_line(points: Sequence[tuple[float, float]]) -> FittedLine | None:
    """Least-squares line through (x, y) points; none for fewer than two
    points or when all share one x (no line is defined)."""
    if len(points) < 2:
        return None
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    return FittedLine(mx, my, slope)


def forecast_points(
    history: Sequence[tuple[date, float]], cycle: Cycle
) -> list[tuple[float, float]]:
    """The points a forecast is fitted to: (days since the cycle's first day,
    progress) of each check-in day."""
    return [(float((d - cycle.start).days), p) for d, p in history]


def forecast_x(cycle: Cycle) -> float:
    """Where the forecast reads its line: the cycle's last day, in days since its first."""
    return float((cycle.end - cycle.start).days)


def linear_forecast(points: Sequence[tuple[float, float]], at: float) -> float | None:
    """Least-squares line through (x, y) points read at ``x = at``, clamped to 0..1."""
    line = fit_line(points)
    return None if line is None else clamp(line.at(at))


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float:
    """Mean of (value, weight) pairs; 0 when the weights sum to 0."""
    total = sum(w for _, w in pairs)
    if total <= 0:
        return 0.0
    if math.isinf(total) or total < 1e-300:
        # huge (or tiny) weights: rescale rather than divide inf by inf (or underflow to 0)
        top = max(w for _, w in pairs)
        pairs = [(v, w / top) for v, w in pairs]
        total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total


def smart_letters(goal: Goal, portfolio: Portfolio) -> dict[str, bool]:
    return {
        "S": bool(goal.title.strip()) and bool(goal.body.strip()),
        "M": goal.measure is not None and goal.measure.target is not None,
        "A": bool(goal.owner),
        "R": goal.supports is not None
        and reference_exists(goal.supports, portfolio.objectives, portfolio.kpis),
        "T": goal.due is not None or (goal.cycle is not None and goal.cycle in portfolio.cycles),
    }


def goal_deadline(goal: Goal, portfolio: Portfolio) -> date | None:
    """The day a goal is due: its ``due:``, else the last day of its cycle."""
    if goal.due is not None:
        return goal.due
    cycle = portfolio.cycles.get(goal.cycle) if goal.cycle is not None else None
    return cycle.end if cycle is not None else None


def goal_score(goal: Goal, portfolio: Portfolio, as_of: date | None = None) -> GoalScore:
    """A goal's progress on its measure, its SMART letters, and whether it is
    overdue: due before ``as_of`` and not done (progress below 1), which a
    manager needs to see on the goal's page and in every list of goals.
    A goal due on ``as_of`` is not overdue yet: the day is still running."""
    m = goal.measure or Measure()
    if m.target is None:
        progress, ratio = 0.0, None
    else:
        progress, ratio = numeric_progress(m.start or 0.0, m.target, m.current)
    deadline = goal_deadline(goal, portfolio)
    overdue = (
        as_of is not None
        and deadline is not None
        and as_of > deadline
        and _for_comparison(progress) < 1
    )
    return GoalScore(
        goal.id,
        progress,
        ratio,
        smart_letters(goal, portfolio),
        grade_for(progress),
        deadline,
        overdue,
    )


def _latest(
    days: Sequence[date], values: Sequence[float], as_of: date
) -> tuple[float, date] | None:
    i = bisect.bisect_right(days, as_of)
    return (values[i - 1], days[i - 1]) if i else None


def current_reading(
    kr: KeyResult,
    checkins: tuple[list[date], list[float]] | None,
    kpi: tuple[list[date], list[float]] | None,
    as_of: date,
) -> tuple[float | None, str | None, date | None]:
    """(current value, where it came from, its date) of a key result as of a day.

    The brief's order: the latest check-in value, else ``current:`` in the
    file, else the latest value of the KPI the key result reads.
    """
    if checkins is not None:
        hit = _latest(*checkins, as_of)
        if hit is not None:
            return hit[0], "checkin", hit[1]
    if kr.current is not None:
        return kr.current, "current", None
    if kpi is not None:
        hit = _latest(*kpi, as_of)
        if hit is not None:
            return hit[0], "kpi", hit[1]
    return None, None, None


def kr_target(kr: KeyResult) -> float | None:
    """What counts as done: the target, the threshold to hold, or for a
    checklist the number of milestones (its current value is the number done).

    The one rule for every "target" a page or an export shows beside a key
    result's current value, so ``portfolio.json`` and a cycle's scorecard
    never write two targets for one checklist.
    """
    if kr.kind == "numeric":
        return kr.target
    if kr.kind == "milestones":
        return float(len(kr.milestones))
    return kr.threshold


def boolean_done(kr: KeyResult, current: float | None, from_checkin: bool) -> bool:
    """Whether a yes/no key result is done: a check-in's 1 or 0 when one
    reported it (value ≥ 1), else its file's ``done:``.

    The one rule: the score, the key-result table and "Explain this score"
    all read it, so a ``done: no`` in the file never reads "not done" beside
    100% once a check-in said ``yes``.
    """
    if from_checkin and current is not None:
        return current >= 1.0
    return bool(kr.done)


def measured_progress(
    kr: KeyResult, current: float | None, from_checkin: bool
) -> tuple[float, float | None]:
    """(progress, unclamped ratio) of a key result with a measure of its own.

    The one place each kind's rule lives; ``score:`` overrides the measure.
    A boolean key result is done when a check-in says so (value ≥ 1), else
    when its file says ``done: true``. Roll-ups are averaged by the caller.
    """
    if kr.score is not None:
        return kr.score, kr.score
    kind = kr.kind
    if kind == "numeric":
        return numeric_progress(kr.start or 0.0, kr.target or 0.0, current)
    if kind == "milestones":
        total = len(kr.milestones)
        ratio = sum(1 for m in kr.milestones if m.done) / total if total else 0.0
        return ratio, ratio
    if kind == "boolean":
        value = 1.0 if boolean_done(kr, current, from_checkin) else 0.0
        return value, value
    if kind in ("stay_above", "stay_below"):
        if current is None or kr.threshold is None:
            return 0.0, None
        holds = current >= kr.threshold if kind == "stay_above" else current <= kr.threshold
        value = 1.0 if holds else 0.0
        return value, value
    raise ValueError(f"key result kind {kind!r} has no measure of its own")


# ----------------------------------------------------------- the whole portfolio
@dataclass(frozen=True, slots=True)
class _KRValue:
    """A key result's progress and the check-in value it comes from."""

    progress: float
    ratio: float | None
    current: float | None
    source: str | None
    day: date | None


class _Scorer:
    """Computes progress as of any date, memoised, so roll-ups and forecasts are cheap."""

    def __init__(self, portfolio: Portfolio, settings: Settings) -> None:
        self.p = portfolio
        self.settings = settings
        self.children: dict[str, list[str]] = {}
        self.kr_children: dict[str, list[str]] = {}
        for oid, obj in portfolio.objectives.items():
            pid = obj.parent_objective
            if pid is not None and pid in portfolio.objectives:
                self.children.setdefault(pid, []).append(oid)
                if obj.parent_key_result is not None:
                    self.kr_children.setdefault(obj.parent, []).append(oid)  # type: ignore[arg-type]
        # check-ins per objective, sorted by (date, file); the readings of each
        # key result are taken from them when an objective is first scored
        self.checkins: Mapping[str, list[CheckIn]] = checkin_index(portfolio.checkins).by_objective
        self._readings: dict[str, dict[str, tuple[list[date], list[float]]]] = {}
        self.kpi_days = {k: [d for d, _ in s] for k, s in portfolio.kpi_series.items()}
        self.kpi_values = {k: [v for _, v in s] for k, s in portfolio.kpi_series.items()}
        self.counted_kids: dict[str, list[tuple[str, float]]] = {
            key: [(c, portfolio.objectives[c].weight) for c in kids if self.counted(c)]
            for key, kids in [*self.children.items(), *self.kr_children.items()]
        }
        self.memo: dict[tuple[str, date], tuple[float, dict[str, _KRValue]]] = {}
        self.vmemo: dict[tuple[str, date], float] = {}
        self.plans: dict[str, list[tuple[Any, ...]]] = {}

    def readings(self, oid: str) -> dict[str, tuple[list[date], list[float]]]:
        """Check-in values of an objective's key results: kr id → (dates, values)."""
        found = self._readings.get(oid)
        if found is None:
            found = self._readings[oid] = {}
            for c in self.checkins.get(oid, ()):
                for kr_id, value in c.values.items():
                    days, values = found.setdefault(kr_id, ([], []))
                    days.append(c.date)
                    values.append(value)
        return found

    # -- the lean path: progress as a number, for roll-ups and forecast history
    def value_at(self, oid: str, day: date) -> float:
        """Objective progress as of ``day``, as a bare number (memoised).

        The same rules as :meth:`progress` (both read a key result's value
        through :func:`current_reading` and :func:`measured_progress`), over a
        flat per-objective plan and without building per-key-result detail:
        forecasts evaluate every subtree at every ancestor's check-in dates,
        so this path runs many times more often than the detailed one.
        """
        key = (oid, day)
        hit = self.vmemo.get(key)
        if hit is not None:
            return hit
        plan = self.plans.get(oid)
        if plan is None:
            plan = self.plans[oid] = self._plan(oid)
        if plan:
            pairs = []
            for weight, kr, reading, kpi_reading, kids in plan:
                if kids is not None:
                    value = weighted_mean([(self.value_at(c, day), w) for c, w in kids])
                else:
                    current, source, _ = current_reading(kr, reading, kpi_reading, day)
                    value = measured_progress(kr, current, source == "checkin")[0]
                pairs.append((value, weight))
        else:
            pairs = [(self.value_at(c, day), w) for c, w in self.counted_kids.get(oid, ())]
        result = weighted_mean(pairs)
        self.vmemo[key] = result
        return result

    def _plan(self, oid: str) -> list[tuple[Any, ...]]:
        """The counted key results of an objective with everything their value needs:
        (weight, key result, its check-in readings, its KPI's readings, the
        objectives a roll-up averages or ``None``)."""
        obj = self.p.objectives[oid]
        readings = self.readings(oid)
        plan = []
        for kr in obj.key_results:
            if kr.status != "active":
                continue
            rollup = kr.score is None and kr.kind == "rollup"
            plan.append(
                (
                    kr.weight,
                    kr,
                    readings.get(kr.id),
                    self.kpi_reading(kr),
                    self.counted_kids.get(f"{oid}#{kr.id}", ()) if rollup else None,
                )
            )
        return plan

    def kpi_reading(self, kr: KeyResult) -> tuple[list[date], list[float]] | None:
        if kr.kpi is None or kr.kpi not in self.kpi_days:
            return None
        return self.kpi_days[kr.kpi], self.kpi_values[kr.kpi]

    def current(
        self, obj: Objective, kr: KeyResult, as_of: date
    ) -> tuple[float | None, str | None, date | None]:
        """The brief's "current value" of a key result (see :func:`current_reading`)."""
        return current_reading(kr, self.readings(obj.id).get(kr.id), self.kpi_reading(kr), as_of)

    def counted(self, oid: str) -> bool:
        return counts_in_rollup(self.p.objectives[oid])

    def kr_value(self, obj: Objective, kr: KeyResult, as_of: date) -> _KRValue:
        current, source, day = self.current(obj, kr, as_of)
        if kr.score is not None:
            return _KRValue(kr.score, kr.score, current, "score", day)
        if kr.kind == "milestones":
            progress, ratio = measured_progress(kr, current, False)
            done = sum(1 for m in kr.milestones if m.done)
            return _KRValue(progress, ratio, float(done), "milestones", None)
        if kr.kind == "boolean" and source != "checkin":
            current, source = (1.0 if kr.done else 0.0), "current"
        if kr.kind != "rollup":
            progress, ratio = measured_progress(kr, current, source == "checkin")
            return _KRValue(progress, ratio, current, source, day)
        # roll-up: weighted mean of the objectives aligned to this key result
        kids = self.counted_kids.get(f"{obj.id}#{kr.id}", [])
        value = weighted_mean([(self.value_at(c, as_of), w) for c, w in kids])
        return _KRValue(value, value if kids else None, None, "rollup" if kids else None, None)

    def progress(self, oid: str, as_of: date) -> tuple[float, dict[str, _KRValue]]:
        key = (oid, as_of)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        obj = self.p.objectives[oid]
        krs = {kr.id: self.kr_value(obj, kr, as_of) for kr in obj.key_results}
        counted = [kr for kr in obj.key_results if kr.status == "active"]
        if counted:
            value = weighted_mean([(krs[kr.id].progress, kr.weight) for kr in counted])
        else:
            value = weighted_mean(
                [(self.value_at(c, as_of), w) for c, w in self.counted_kids.get(oid, ())]
            )
        self.memo[key] = (value, krs)
        return value, krs


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
    scorer = _Scorer(portfolio, settings)
    prev = memo.scored if memo is not None else None
    stale_ids: set[str] | None = None
    if memo is not None and prev is not None and prev.as_of == as_of and prev.settings == settings:
        stale_ids = objectives_to_rescore(prev.portfolio, portfolio)
    if stale_ids is not None and memo is not None and prev is not None:
        scorer.vmemo = {k: v for k, v in memo.values.items() if k[0] not in stale_ids}
    objectives: dict[str, ObjectiveScore] = {}
    for oid in _children_first(portfolio.objectives, scorer.children):
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
        kid: _kpi_score(
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


def _children_first(
    objectives: Mapping[str, Objective], children: Mapping[str, list[str]]
) -> list[str]:
    """Post-order over the alignment forest, so roll-ups fill the memo bottom-up
    without deep recursion."""
    order: list[str] = []
    seen: set[str] = set()
    for root in objectives:
        if root in seen:
            continue
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if node in seen:
                continue
            seen.add(node)
            stack.append((node, True))
            stack.extend((c, False) for c in children.get(node, []) if c not in seen)
    return order


def _objective_score(scorer: _Scorer, obj: Objective, as_of: date) -> ObjectiveScore:
    settings = scorer.settings
    cycle = scorer.p.cycles[obj.cycle]
    success = success_level(settings, obj.commitment)
    progress, krs = scorer.progress(obj.id, as_of)
    expected, elapsed = expected_progress(cycle, as_of, success)
    status = status_for(progress, expected, success, cycle, as_of, obj.status, settings)

    kr_scores: dict[str, KRScore] = {}
    for kr in obj.key_results:
        v = krs[kr.id]
        life = kr.status if kr.status != "active" else obj.status
        kr_scores[kr.id] = KRScore(
            id=kr.id,
            progress=v.progress,
            ratio=v.ratio,
            current=v.current,
            current_source=v.source,  # type: ignore[arg-type]
            current_date=v.day,
            status=status_for(v.progress, expected, success, cycle, as_of, life, settings),
            expected=expected,
            counted=kr.status == "active" and obj.status == "active",
            grade=grade_for(v.progress),
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
            tentative = forecast_is_tentative(len(past), days[0], days[-1], cycle)
    return ObjectiveScore(
        id=obj.id,
        progress=progress,
        expected=expected,
        elapsed=elapsed,
        success=success,
        behind=expected - progress,
        status=status,
        grade=grade_for(progress),
        stale=stale,
        confidence=confidence,
        forecast=forecast,
        last_checkin=last,
        key_results=kr_scores,
        history=history,
        forecast_tentative=tentative,
    )


def checkins_up_to(checkins: tuple[CheckIn, ...], as_of: date) -> tuple[CheckIn, ...]:
    """The check-ins dated on or before ``as_of`` (they are sorted by date)."""
    if not checkins or checkins[-1].date <= as_of:
        return checkins
    return tuple(c for c in checkins if c.date <= as_of)


def is_stale(
    obj: Objective, cycle: Cycle, as_of: date, last: date | None, stale_after_days: int
) -> bool:
    """Active, cycle running, and no check-in for too long (or none after the first 14 days)."""
    if obj.status != "active" or not cycle.contains(as_of):
        return False
    if last is None:
        return as_of >= cycle.start + timedelta(days=STALE_GRACE_DAYS)
    return (as_of - last).days > stale_after_days


def _kpi_score(
    kpi: KPI,
    portfolio: Portfolio,
    as_of: date,
    targeted_by: tuple[str, ...],
    driven_by: tuple[str, ...],
    stale_after_days: int = 45,
) -> KPIScore:
    series = tuple(p for p in portfolio.kpi_series.get(kpi.id, ()) if p[0] <= as_of)
    value = series[-1][1] if series else None
    day = series[-1][0] if series else None
    previous = series[-2][1] if len(series) >= 2 else None
    trend = trend_for(previous, value)
    limit = kpi_stale_limit(series, stale_after_days)
    return KPIScore(
        id=kpi.id,
        value=value,
        date=day,
        previous=previous,
        health=health_for(kpi, value),
        trend=trend,
        series=series,
        targeted_by=targeted_by,
        driven_by=driven_by,
        trend_meaning=trend_meaning(kpi.direction, trend),
        stale=day is not None and (as_of - day).days > limit,
        stale_after=limit,
    )


def kpi_stale_limit(series: Sequence[tuple[date, float]], stale_after_days: int) -> int:
    """How many days after its latest reading a KPI turns stale:
    ``kpi_stale_after_days``, or twice its usual interval between readings
    (the median gap, from two readings on) when it is read less often: a
    KPI read each quarter is not stale two months after its last reading."""
    days = sorted({d for d, _ in series})
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    if not gaps:
        return stale_after_days
    return max(stale_after_days, int(2 * statistics.median(gaps)))
