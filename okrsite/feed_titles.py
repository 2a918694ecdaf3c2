"""Which check-ins of the feed need their time of day in their title.

A feed entry's title is the check-in's day and its objective's or KPI's
title (``2026-11-17: First response under 2 hours``). Two check-ins of one
objective on one day (09:00 and 17:30) would then have one headline, which a
feed reader shows twice, where the dashboard and the check-ins page tell them
apart by their time of day. So a check-in that has a time of day and shares
its day with another check-in of the same objective or KPI is titled with
its time (``2026-11-17 09:00: …``), as the dashboard writes it; every other
title stays as it was, so a feed reader does not see old entries change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from okrsite.model import CheckIn


def titled_with_time(checkins: Iterable[CheckIn]) -> frozenset[str]:
    """The ids of the check-ins (of those the feed lists: ``checkins``) whose
    title gives their time of day: those with a time whose objective or KPI
    has another of them on the same day."""
    listed = list(checkins)
    per_day = Counter((c.objective, c.kpi, c.date) for c in listed)
    return frozenset(c.id for c in listed if c.time and per_day[(c.objective, c.kpi, c.date)] > 1)
