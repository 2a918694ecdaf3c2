"""Key-result progress and grades: what one key result's measure is worth.

The one place each kind of key result (numeric, checklist, yes/no, stay
above/below) turns its current value into progress from 0 to 1, where that
current value comes from (a check-in, the file, a KPI), the target a page
shows beside it, and the colour band of a progress. Objectives average these
(:mod:`okrsite.scoring_rollup`); pages and exports read the same rules.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from datetime import date

from okrsite.model import Grade, KeyResult, Status
from okrsite.scoring_compare import clamp, for_comparison


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
        ratio = 1.0 if for_comparison(current) >= for_comparison(target) else 0.0
        return ratio, ratio
    gone, span = current - start, target - start
    if math.isinf(gone) or math.isinf(span):
        # huge numbers of opposite sign overflow the differences (inf / inf is nan):
        # halving first gives the same ratio (scaling by 2 is exact) and stays finite
        ratio = (current / 2 - start / 2) / (target / 2 - start / 2)
    else:
        ratio = gone / span
    return clamp(ratio), ratio


#: where Google's grade bands start: red below :data:`YELLOW_FROM`, yellow
#: from it, green from :data:`GREEN_FROM`; the objective page's explanation and
#: the grade badge's title print these (through the site's number formatting),
#: so the figures a reader sees are the ones :func:`grade_for` compares with
YELLOW_FROM = 0.4
GREEN_FROM = 0.7
#: the progress at which an objective or key result is done (the status
#: ``done`` while its cycle runs; also a committed objective's success level)
DONE_AT = 1.0


def grade_for(progress: float) -> Grade:
    """Google's bands: red < 0.4 ≤ yellow < 0.7 ≤ green."""
    p = for_comparison(progress)
    if p < YELLOW_FROM:
        return "red"
    if p < GREEN_FROM:
        return "yellow"
    return "green"


#: the statuses of an objective or key result that has no grade: a draft or
#: dropped one counts nowhere, and before its cycle's first day nothing is
#: achieved or missed yet, so a red there would be a verdict on a quarter not
#: begun (a spreadsheet that buckets by grade would count it)
UNGRADED: frozenset[Status] = frozenset({"draft", "dropped", "upcoming"})


def counted_grade(progress: float, status: Status) -> Grade | None:
    """The grade every page, export and scorecard shows: the colour band of
    ``progress`` (:func:`grade_for`), or ``None`` for a draft, dropped or
    upcoming objective or key result (:data:`UNGRADED`). The one rule, so
    ``api/portfolio.json``, the CSVs, a cycle's scorecard and the objective
    page never disagree on which ones have a grade."""
    return None if status in UNGRADED else grade_for(progress)


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
    cycle_end: date | None = None,
) -> tuple[float | None, str | None, date | None]:
    """(current value, where it came from, its date) of a key result as of a day.

    The brief's order: the latest check-in value, else ``current:`` in the
    file, else the latest value of the KPI the key result reads, on or
    before the last day of the objective's cycle (``cycle_end``) when that
    is earlier than ``as_of``: a quarter that has ended keeps the figure it
    ended with, as its final scorecard's KPI row does, instead of moving with
    every later month's reading of the KPI. (A check-in is written for the
    cycle, so a late one still counts, with warning OKR309.)
    """
    if checkins is not None:
        hit = _latest(*checkins, as_of)
        if hit is not None:
            return hit[0], "checkin", hit[1]
    if kr.current is not None:
        return kr.current, "current", None
    if kpi is not None:
        hit = _latest(*kpi, as_of if cycle_end is None else min(as_of, cycle_end))
        if hit is not None:
            return hit[0], "kpi", hit[1]
    return None, None, None


def kpi_readings_in_cycle(
    series: Sequence[tuple[date, float]], cycle_start: date | None, cycle_end: date | None
) -> list[tuple[date, float]]:
    """The readings of a KPI a key result's chart shows: those of its
    objective's cycle, first to last day. It ends where the key result's
    current value does (the reading on or before the cycle's last day, the
    rule of :func:`current_reading`), and begins with the cycle: a KPI read
    for three years would otherwise squeeze the cycle into the chart's last
    tenth. When no reading falls in the cycle, the one the current value is
    (the last before it) is the chart's one point."""
    upto = list(series) if cycle_end is None else [p for p in series if p[0] <= cycle_end]
    if cycle_start is None:
        return upto
    within = [point for point in upto if point[0] >= cycle_start]
    return within or upto[-1:]


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


def scored_done(kr: KeyResult, current: float | None, source: str | None) -> bool:
    """A yes/no key result's :func:`boolean_done` as scored (its
    ``KRScore.current`` and ``current_source``): a ``score:`` keeps the
    current it would have without one (a check-in's value, else ``done:``
    as 1 or 0), so a graded key result reads done as its export does."""
    return boolean_done(kr, current, source in ("checkin", "score"))


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
