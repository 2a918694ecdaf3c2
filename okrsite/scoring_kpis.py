"""KPI health and trend: how a KPI's latest reading compares with its thresholds.

A KPI is healthy, warning or critical by its green and red thresholds (its
target stands in for green), moves up, down or flat since its previous
reading (improving or worsening by its direction), and turns stale when its
latest reading is older than it is usually read. :func:`kpi_score` puts these
together as of a date for :func:`okrsite.scoring.score_portfolio`.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date

from okrsite.limit_places import kpi_value_places
from okrsite.model import KPI, Health, KPIScore, Portfolio, Trend, TrendMeaning
from okrsite.scoring_compare import for_comparison


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
    if green is not None and for_comparison(v) >= for_comparison(sign * green):
        return "healthy"
    if red is not None and for_comparison(v) < for_comparison(sign * red):
        return "critical"
    if green is None:
        return "healthy"
    return "warning"


def trend_for(previous: float | None, latest: float | None) -> Trend | None:
    if previous is None or latest is None:
        return None
    if for_comparison(latest) > for_comparison(previous):
        return "up"
    if for_comparison(latest) < for_comparison(previous):
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


def kpi_score(
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
        value_places=kpi_value_places(value, kpi.green, kpi.red, kpi.target),
    )


#: the longest usual interval of a KPI read monthly: its longest month
MONTHLY = 31


def kpi_stale_limit(series: Sequence[tuple[date, float]], stale_after_days: int) -> int:
    """How many days after its latest reading a KPI turns stale:
    ``kpi_stale_after_days`` (45: a monthly reading and two weeks' grace),
    or, for a KPI read less often than monthly (a usual interval, the median
    gap from two readings on, over :data:`MONTHLY` days), twice that
    interval when longer: a KPI read each quarter is not stale two months
    after its last reading, and a monthly one that missed a month is stale
    two weeks later, as the setting says (not after twice its 30 days)."""
    days = sorted({d for d, _ in series})
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    if not gaps:
        return stale_after_days
    usual = statistics.median(gaps)
    if usual <= MONTHLY:
        return stale_after_days
    return max(stale_after_days, int(2 * usual))
