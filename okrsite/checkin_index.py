"""Check-ins grouped by objective, KPI and author, once per portfolio.

Scoring, the preview's change detection and the renderer each need the
check-ins of one objective (or KPI, or person). Grouping 40,000 check-ins
takes a noticeable part of a preview rebuild, and each of those steps would
otherwise do it again, for the new portfolio and for the previous one. So
the grouping is kept for the last few tuples of check-ins it was asked
about, recognised by identity (a portfolio's ``checkins`` tuple is never
changed, and a new portfolio has a new tuple).

The lists in an index are shared: read them, never change them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from okrsite.model import CheckIn

_KEEP = 4  # the current portfolio and the previous one, with room to spare


@dataclass(frozen=True, slots=True)
class CheckinIndex:
    """The check-ins up to as_of grouped as pages look them up, built once per portfolio."""

    by_objective: Mapping[str, list[CheckIn]]
    by_kpi: Mapping[str, list[CheckIn]]
    by_author: Mapping[str, list[CheckIn]]
    #: the date of the latest check-in (``None`` when there are none)
    latest: date | None


_recent: list[tuple[tuple[CheckIn, ...], CheckinIndex]] = []


def checkin_index(checkins: tuple[CheckIn, ...]) -> CheckinIndex:
    """The check-ins (in their given order) grouped by objective, KPI and author."""
    for seen, index in _recent:
        if seen is checkins:
            return index
    by_objective: dict[str, list[CheckIn]] = {}
    by_kpi: dict[str, list[CheckIn]] = {}
    by_author: dict[str, list[CheckIn]] = {}
    latest: date | None = None
    for c in checkins:
        if c.objective is not None:
            by_objective.setdefault(c.objective, []).append(c)
        if c.kpi is not None:
            by_kpi.setdefault(c.kpi, []).append(c)
        if c.author:
            by_author.setdefault(c.author, []).append(c)
        if latest is None or c.date > latest:
            latest = c.date
    index = CheckinIndex(by_objective, by_kpi, by_author, latest)
    _recent.insert(0, (checkins, index))
    del _recent[_KEEP:]
    return index
