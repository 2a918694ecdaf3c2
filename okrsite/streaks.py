"""Check-in streaks: how many weeks in a row a person or team has checked in.

A streak rewards the habit OKRs depend on (a weekly look at the numbers)
rather than the volume of updates. It is counted within the current cycle
(the shortest cycle containing as_of, as elsewhere on the site), in ISO weeks
(Monday to Sunday). The week of as_of counts when it has a check-in, but a
week still running without one does not break the streak yet: a team that
checks in every Friday is not "broken" on a Tuesday.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from okrsite import cycles as cycles_mod
from okrsite.model import Portfolio


def week_of(day: date) -> date:
    """The Monday starting the ISO week of ``day``."""
    return day - timedelta(days=day.weekday())


def streak(days: Iterable[date], as_of: date, since: date) -> int:
    """Weeks in a row, ending at as_of's week (or the one before), with a check-in."""
    weeks = {week_of(d) for d in days if since <= d <= as_of}
    week = week_of(as_of)
    if week not in weeks:
        week -= timedelta(days=7)
    count = 0
    while week in weeks:
        count += 1
        week -= timedelta(days=7)
    return count


def checkin_streaks(portfolio: Portfolio, as_of: date) -> dict[str, Any]:
    """``{"cycle", "people": {author: weeks}, "teams": {team: weeks}}`` for the current cycle.

    A check-in counts for its author and for the team of the objective or KPI
    it is about.
    """
    cycle = cycles_mod.current_cycle(portfolio.cycles, as_of)
    if cycle is None:
        return {"cycle": None, "people": {}, "teams": {}}
    by_person: dict[str, list[date]] = {}
    by_team: dict[str, list[date]] = {}
    for c in portfolio.checkins:
        if c.author:
            by_person.setdefault(c.author, []).append(c.date)
        target = portfolio.objectives.get(c.objective or "") or portfolio.kpis.get(c.kpi or "")
        team = getattr(target, "team", None)
        if team:
            by_team.setdefault(team, []).append(c.date)
    return {
        "cycle": cycle.name,
        "people": {p: streak(d, as_of, cycle.start) for p, d in sorted(by_person.items())},
        "teams": {t: streak(d, as_of, cycle.start) for t, d in sorted(by_team.items())},
    }
