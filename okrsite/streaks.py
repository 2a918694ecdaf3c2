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
    return _weeks_in_a_row({week_of(d) for d in days if since <= d <= as_of}, as_of)


def _weeks_in_a_row(weeks: set[date], as_of: date) -> int:
    """:func:`streak` over the Mondays of the weeks that have a check-in."""
    week = week_of(as_of)
    if week not in weeks:
        week -= timedelta(days=7)
    count = 0
    while week in weeks:
        count += 1
        week -= timedelta(days=7)
    return count


def checkin_streaks(portfolio: Portfolio, as_of: date) -> dict[str, Any]:
    """``{"cycle", "people": {author: weeks}, "teams": {team: weeks}}`` for the
    cycle running on ``as_of`` (``cycle`` None, and no one listed, between cycles).

    A check-in counts for its author and for the team of the objective or KPI
    it is about; one dated after ``as_of`` is not there yet, so its author
    is not listed (one who checked in only in earlier cycles is, with 0). Every preview save counts these again over every check-in,
    so each check-in costs a few dictionary look-ups: its week is looked up
    by date (a site has far fewer dates than check-ins), and only the weeks
    within the cycle are kept.
    """
    # a streak counts within a running cycle: after the last one ended (or
    # before the first) there is none, not a streak of 0 in a cycle long over
    cycle = cycles_mod.running_cycle(portfolio.cycles, as_of)
    if cycle is None:
        return {"cycle": None, "people": {}, "teams": {}}
    since = cycle.start
    by_person: dict[str, set[date]] = {}
    by_team: dict[str, set[date]] = {}
    mondays: dict[date, date | None] = {}  # a day's week, None outside the cycle up to as_of
    objectives, kpis = portfolio.objectives, portfolio.kpis
    for c in portfolio.checkins:
        day = c.date
        if day > as_of:  # not yet written as of then: it names nobody
            continue
        if day in mondays:
            monday = mondays[day]
        else:
            monday = mondays[day] = week_of(day) if since <= day <= as_of else None
        if c.author:
            weeks = by_person.get(c.author)
            if weeks is None:
                weeks = by_person[c.author] = set()
            if monday is not None:
                weeks.add(monday)
        target = objectives.get(c.objective or "") or kpis.get(c.kpi or "")
        team = getattr(target, "team", None)
        if team:
            weeks = by_team.get(team)
            if weeks is None:
                weeks = by_team[team] = set()
            if monday is not None:
                weeks.add(monday)
    return {
        "cycle": cycle.name,
        "people": {p: _weeks_in_a_row(w, as_of) for p, w in sorted(by_person.items())},
        "teams": {t: _weeks_in_a_row(w, as_of) for t, w in sorted(by_team.items())},
    }
