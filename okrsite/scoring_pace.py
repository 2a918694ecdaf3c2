"""Pace, status and forecast: where an objective stands against its cycle.

Expected progress grows with the share of the cycle elapsed; how far an
objective is behind it gives its status (on-track, at-risk, off-track), and
at the cycle's end whether it reached its success level (1.0 when committed,
0.7 when aspirational). The forecast is a least-squares line through its
progress at each check-in day, read at the cycle's last day; an objective with
no check-in for too long is stale. "Explain this score" shows the same
arithmetic (:mod:`okrsite.view.explain`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from okrsite import cycles as cycles_mod
from okrsite import numbers
from okrsite.model import Cycle, Objective, Settings, Status
from okrsite.scoring_compare import clamp, for_comparison
from okrsite.scoring_progress import DONE_AT

#: the default of ``stale_after_days``, which is also how many days into its
#: cycle an objective without a check-in turns stale (:func:`is_stale`)
STALE_GRACE_DAYS = 14
#: a forecast from check-ins on fewer days than this is tentative
FORECAST_MIN_CHECKINS = 3
#: ... as is one whose check-ins span less than this share of the cycle
FORECAST_MIN_SPAN = 0.25


def success_level(settings: Settings, commitment: str) -> float:
    """The progress an objective must reach to succeed: 1.0 when committed,
    ``aspirational_success`` (0.7 by default) when aspirational."""
    return settings.aspirational_success if commitment == "aspirational" else DONE_AT


def reached(progress: float, success: float) -> bool:
    """Whether progress reached the success level (1.0, or 0.7 when aspirational):
    what makes a finished objective ``achieved`` rather than ``missed``."""
    return for_comparison(progress) >= for_comparison(success)


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
    if for_comparison(progress) >= DONE_AT:
        return "done"
    return pace_status(progress, expected, settings)


def pace_status(progress: float, expected: float, settings: Settings) -> Status:
    """On-track, at-risk or off-track by how far ``progress`` is behind
    ``expected``: the rule :func:`status_for` applies to a running objective,
    and the one an export's written figures are checked against
    (:mod:`okrsite.export_shares`)."""
    behind = for_comparison(expected - progress)
    if behind <= for_comparison(settings.on_track):
        return "on-track"
    if behind <= for_comparison(settings.at_risk):
        return "at-risk"
    return "off-track"


#: the statuses judged by how far progress is behind expected: only where
#: one of them shows does expected stand beside progress on a page
PACE_STATUSES: frozenset[Status] = frozenset({"on-track", "at-risk", "off-track"})

#: the most decimals of a percentage shown beside expected (scores carry 9
#: decimals of a ratio: 7 of a percentage)
PACE_MOST_PLACES = 7


def pace_places(progress: float, expected: float, status: Status, settings: Settings) -> int:
    """How many decimals a running objective's progress and expected progress
    need, as percentages side by side, for the gap a reader works out from
    them to stand on the side of the limits its status says: 0.3497 beside
    expected 0.50 is at risk (0.1503 behind), but "35%" beside "50%" reads 15
    points behind, on track; written "34.97%" beside "50%" (trailing zeros
    dropped) it reads right. Whole percentages wherever they show it, and 0
    for a status that compares no limit (done, upcoming, over, draft). The
    same halves-up rounding as the pages' :func:`okrsite.numbers.percent`,
    so the figures tested are the figures shown; computed here once, for
    every page, badge and list that writes the pair."""
    if status not in PACE_STATUSES:
        return 0
    on_track = round(settings.on_track * 100, PACE_MOST_PLACES)
    at_risk = round(settings.at_risk * 100, PACE_MOST_PLACES)

    def shown(ratio: float, places: int) -> Decimal:
        if places == 0:
            return Decimal(numbers.percent(ratio))
        return Decimal(numbers.format_fixed(ratio * 100, places))

    def tells(places: int) -> bool:
        if places == 0:  # whole percentages: their gap is an int, exact as the Decimals'
            gap = float(numbers.percent(expected) - numbers.percent(progress))
        else:
            gap = float(shown(expected, places) - shown(progress, places))
        if status == "on-track":
            return gap <= on_track
        if status == "at-risk":
            return on_track < gap <= at_risk
        return gap > at_risk

    places = 0
    while places < PACE_MOST_PLACES and not tells(places):
        places += 1
    return places


@dataclass(frozen=True, slots=True)
class ForecastBasis:
    """What a forecast's firmness is judged on: its check-in days within the
    cycle. A check-in dated before the cycle (OKR309) is still a point of the
    line, but it says nothing of how the cycle has gone so far, so it neither
    counts toward the days nor stretches the span: the span runs from the
    first in-cycle check-in day (the cycle's first day when an earlier
    check-in exists, as that one's value holds on it) to the last, at most
    the cycle's last day. Scoring's tentative test and "Explain this score"
    both read it, so the page says the span the test measured."""

    #: the days with a check-in inside the cycle
    days: int
    #: days from the (clamped) first to the last of them
    span_days: int
    #: the cycle's length in days, first and last included
    cycle_days: int

    @property
    def tentative(self) -> bool:
        """Fewer than 3 in-cycle days, or a span under a quarter of the cycle."""
        span = self.span_days / self.cycle_days
        return self.days < FORECAST_MIN_CHECKINS or for_comparison(span) < FORECAST_MIN_SPAN


def forecast_basis(days: Sequence[date], cycle: Cycle) -> ForecastBasis:
    """The in-cycle basis of a forecast through the sorted check-in ``days``."""
    length = (cycle.end - cycle.start).days + 1
    inside = [d for d in days if cycle.start <= d <= cycle.end]
    if not days or days[-1] < cycle.start:
        return ForecastBasis(len(inside), 0, length)
    first = max(days[0], cycle.start)
    last = min(days[-1], cycle.end)
    return ForecastBasis(len(inside), max(0, (last - first).days), length)


def forecast_is_tentative(checkins: int, first: date, last: date, cycle: Cycle) -> bool:
    """A forecast drawn through few check-ins, or through check-ins close
    together, can swing wildly with the next one; readers should weigh it less.

    ``checkins`` counts the days with a check-in in the cycle the forecast
    rests on (two check-ins of one day are one point of the line, so they
    count once; :func:`forecast_basis`); ``first`` and ``last`` are the first
    and last of those days, ``first`` taken no earlier than the cycle's start
    (days before the cycle are no span of it). The span is measured in days
    against the cycle's length (first to last day inclusive).
    """
    length = (cycle.end - cycle.start).days + 1
    return ForecastBasis(checkins, max(0, (last - max(first, cycle.start)).days), length).tentative


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


def is_stale(
    obj: Objective, cycle: Cycle, as_of: date, last: date | None, stale_after_days: int
) -> bool:
    """Active, cycle running, and no check-in for more than ``stale_after_days``
    days; or none at all once ``stale_after_days`` days of the cycle have
    passed. The one setting for both: a fixed grace for objectives without a
    check-in made one that checks in turn stale sooner than one that never
    did (with ``stale_after_days = 7``, a week-old check-in was stale while
    no check-in at all was not, until day 14)."""
    if obj.status != "active" or not cycle.contains(as_of):
        return False
    if last is None:
        return as_of >= cycle.start + timedelta(days=stale_after_days)
    return (as_of - last).days > stale_after_days
