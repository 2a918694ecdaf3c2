"""A check-in's file name as a date, and the date it must agree with.

Split from :mod:`okrsite.parse_checkins`, which reads what a check-in says:
this is what its file's name says of its day. ``okrsite checkin`` names a
check-in by its day (``2026-11-25.md``, ``2026-11-25-2.md``), as Jekyll and
Hugo date posts, so a name is read as the day of a check-in without
``date:``, and one whose ``date:`` says another day (a file copied from last
week's, its date left as it was) is warned of: it is read on the old day,
and the newest file's value never shows.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrsite.limits import EARLIEST_DATE, LATEST_DATE
from okrsite.parse_fields import _Fields
from okrsite.written_dates import iso_week

_NAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[-_ .T][^/]*)?\.md")
#: a check-in file named by its ISO week (``2026-W48.md``, ``2026-W48-5.md``,
#: ``2026-W48-retro.md``), as teams that check in weekly name them
_NAME_WEEK = re.compile(r"(\d{4})-W(\d{2})(-[1-7](?![0-9]))?(?:[-_ .][^/]*)?\.md")


def _dated_by_name(data: dict[str, Any], rel: str) -> dict[str, Any]:
    """A check-in without ``date:`` whose file name starts with one
    (``2026-11-25.md``, as ``okrsite checkin`` names them; ``2026-11-25-2.md``,
    ``2026-11-25-weekly.md``, as Jekyll and Hugo date posts by their names):
    that day. A name that is no day (``2026-02-30.md``) gives a
    :class:`NoSuchDay`, which :func:`_checkin_moment` reports (OKR104)."""
    if data.get("date") is not None:
        return data
    m = _NAME_DATE.fullmatch(rel.rpartition("/")[2])
    if m is None:
        return _dated_by_week(data, rel)
    year, month, day_ = (int(g) for g in m.groups())
    try:
        day = date(year, month, day_)
    except ValueError:
        return {**data, "date": NoSuchDay(year, month, day_)}
    return {**data, "date": day}


def _dated_by_week(data: dict[str, Any], rel: str) -> dict[str, Any]:
    """A check-in without ``date:`` whose file name starts with an ISO week
    (``2026-W48.md``, ``2026-W48-5.md``): the day that week date names where
    a ``date:`` writes it (:func:`okrsite.written_dates.iso_week`: the
    week's Monday, or the weekday after it, 1 Monday to 7 Sunday), so a
    weekly check-in is dated as its ``date: 2026-W48`` would be. A week the
    year does not have (``2026-W54.md``) gives a :class:`NoSuchWeek`."""
    m = _NAME_WEEK.fullmatch(rel.rpartition("/")[2])
    if m is None:
        return data
    written = f"{m[1]}-W{m[2]}{m[3] or ''}"
    day = iso_week(written)
    if day is None:
        return {**data, "date": NoSuchWeek(int(m[1]), int(m[2]), int((m[3] or "-0")[1:]))}
    return {**data, "date": day}


@dataclass(frozen=True)
class NoSuchWeek:
    """The ISO week a check-in's file name starts with when the year has no
    such week (``2026-W54.md``, ``2026-W00.md``): kept as its ``date`` for
    :func:`okrsite.parse_checkins._checkin_moment` to report, as a
    :class:`NoSuchDay` is."""

    year: int
    week: int
    weekday: int  # 0: none written (the week's Monday)

    def report(self, f: _Fields) -> None:
        """OKR104 at the top of the file: the name's week, how many weeks its
        year has, and the nearest real week to rename the file to."""
        year = min(max(self.year, EARLIEST_DATE.year), LATEST_DATE.year - 1)
        weeks = date(year, 12, 28).isocalendar()[1]  # the 28th: always in the year's last week
        day = f"-{self.weekday}" if self.weekday else ""
        written = f"{self.year:04d}-W{self.week:02d}{day}"
        meant = f"{year:04d}-W{min(max(self.week, 1), weeks):02d}{day}"
        f.err(
            "OKR104",
            f"the check-in is dated by its file name, {written}, which is not a real week: "
            f"{year} has {weeks} ISO weeks",
            (),
            hint=f"rename the file to the check-in's week, e.g. {meant}.md, "
            f"or add 'date: {meant}' (year-Wweek)",
        )


@dataclass(frozen=True)
class NoSuchDay:
    """The day a check-in's file name starts with when there is no such day
    (``2026-02-30.md``): kept as its ``date`` for :func:`_checkin_moment` to
    report."""

    year: int
    month: int
    day: int

    def nearest_day(self) -> date:
        """The real day the name most likely meant: day and month swapped
        where its month is none and they make one, as a day-first writer
        puts them (``2026-13-05``: 2026-05-13), else the nearest month and
        day (``2026-02-30``: 2026-02-28; ``2026-00-10``: 2026-01-10;
        ``2026-14-31``: 2026-12-31), in a year okrsite reads. Named from the
        written day, never a fixed example, which soon lay outside every
        running cycle (OKR309)."""
        year = min(max(self.year, EARLIEST_DATE.year), LATEST_DATE.year)
        if not 1 <= self.month <= 12 and 1 <= self.day <= 12 and self.month <= 31:
            try:
                return date(year, self.day, self.month)
            except ValueError:
                pass
        month = min(max(self.month, 1), 12)
        return date(year, month, min(max(self.day, 1), monthrange(year, month)[1]))

    def report(self, f: _Fields) -> None:
        """OKR104 at the top of the file: the name's day, why it is none, and
        what to do: rename the file, or write ``date:``."""
        written = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        meant = self.nearest_day().isoformat()
        how = "rename the file to the check-in's day"
        if self.year < 1:
            why = "there is no year 0"
        elif 1 <= self.month <= 12:
            last = monthrange(self.year, self.month)[1]
            why = f"{date(self.year, self.month, 1):%B %Y} has {last} days"
        else:
            why = f"there is no month {self.month}"
            how += " as year-month-day"
        f.err(
            "OKR104",
            f"the check-in is dated by its file name, {written}, which is not a real day: {why}",
            (),
            hint=f"{how}, e.g. {meant}.md, or add 'date: {meant}' (year-month-day)",
        )


def name_date_differs(f: _Fields, rel: str, day: date | None) -> None:
    """OKR318 at ``date:`` of a check-in whose file name is another day's
    (``2026-12-05.md`` saying ``date: 2026-11-03``) or another week's
    (``2026-W48.md`` saying ``date: 2026-12-10``, of week 50): one of the two
    is a slip, most often a copied file's ``date:``, and the check-in is read
    on the day ``date:`` says. No word for a name that is no date, or is the
    same day (``2026-11-03-2.md``, ``2026-11-03-evening.md``), or, for a name
    that is a week, a day of that week (``2026-W48.md`` saying ``date:
    2026-11-26``: a weekly check-in is written on any day of its week)."""
    if day is None:
        return
    name = rel.rpartition("/")[2]
    if name.startswith(day.isoformat()):  # 2026-11-03.md, 2026-11-03-2.md: the usual case
        return
    m = _NAME_DATE.fullmatch(name)
    if m is None:
        _name_week_differs(f, name, day)
        return
    try:
        named = date(*(int(g) for g in m.groups()))
    except ValueError:
        return
    if named != day:
        f.warn(
            "OKR318",
            f"the file name says {named.isoformat()} but date: says {day.isoformat()}; "
            f"the check-in is read as of {day.isoformat()}",
            ("date",),
            hint="fix date: or rename the file",
        )


def _name_week_differs(f: _Fields, name: str, day: date) -> None:
    """OKR318 for a file named by an ISO week (``2026-W48.md``,
    ``2026-W48-5.md``) whose ``date:`` lies in another week: the same rule
    as a day's name, by the week the name is read as (its weekday aside), so
    the message names the week ``date:`` is in. A week the year does not
    have is no week: nothing to compare."""
    m = _NAME_WEEK.fullmatch(name)
    if m is None or iso_week(f"{m[1]}-W{m[2]}") is None:
        return
    year, week, _ = day.isocalendar()
    if (year, week) != (int(m[1]), int(m[2])):
        named = f"{m[1]}-W{m[2]}"
        f.warn(
            "OKR318",
            f"the file name says {named} but date: says {day.isoformat()}, "
            f"of {year:04d}-W{week:02d}; the check-in is read as of {day.isoformat()}",
            ("date",),
            hint="fix date: or rename the file",
        )
