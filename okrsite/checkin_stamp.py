"""The moment ``okrsite checkin`` writes into a check-in's ``date:``.

Without ``--date`` the command stamps the local time with its zone
(:func:`okrsite.authoring_prompts.stamp_now`), so the new check-in is read
after every earlier one of its day. A date typed without a time would be
written as it is, and a check-in without a time counts from the start of
its day (docs/scoring.md): on a day that already has check-ins with a time
(every check-in the command wrote that day has one) it was read before
them, so the values just entered were not the day's, and OKR311 warned of
the file the command had just written. A date typed alone means "on that
day", and entered after the day's other check-ins it is meant as the
latest, as a backfilled check-in usually is, so:

- ``--date`` naming today is stamped with the time now, as without it;
- ``--date`` naming another day whose check-ins have a time is stamped the
  minute after the day's last one, in its zone, so it is read last; after
  one at 23:59 (or 23:59:30) there is no next minute on that day, so it is
  the second after (``23:59:01``, ``23:59:31``), written with its seconds
  (:func:`okrsite.time_after.time_after`, which OKR311's hint shares):
  a stamp at the same instant would leave the order to the file names, and
  the command's ``<id>/<date>.md`` sorts before another folder's
  ``weekly-sync.md``. After one at 23:59:59 no moment of the day is left:
  the command is refused (:class:`NoLaterStamp`), as a check-in it would
  write would not be the day's latest, saying to give the time;
- a day without timed check-ins keeps the date alone: it is filed after
  the day's other files, and their names order them.

A time typed with the date is written as typed: it says where in the day
the check-in belongs. The command says which time it stamped and how to
give another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from okrsite.model import CheckIn, Portfolio
from okrsite.resolve_checkins import checkin_order
from okrsite.time_after import clock_parts, time_after

__all__ = ["NoLaterStamp", "Stamp", "checkin_stamp"]


class NoLaterStamp(Exception):
    """A date alone for a day whose last check-in is at its last second
    (23:59:59): no stamp of that day is read after it (message: what to do)."""


@dataclass(frozen=True)
class Stamp:
    """The moment to write, what to say about it (``""``: nothing), and the
    moment of the day's check-in it was stamped after (``None``: none), so a
    command run twice is found to be the same check-in."""

    when: date | datetime
    note: str = ""
    after: datetime | None = None


def checkin_stamp(
    p: Portfolio,
    kind: str,
    target: str,
    moment: date | datetime | None,
    now: datetime,
    folder: str,
) -> Stamp:
    """The moment a check-in of ``target`` given ``--date moment`` is written
    at; ``now`` is the stamp a check-in without ``--date`` gets, and
    ``folder`` the check-in folder, for the note."""
    if moment is None or isinstance(moment, datetime):
        return Stamp(moment or now)
    if moment == now.date():
        return Stamp(
            now,
            f"okrsite: note: {moment} is today: stamped with the time now, "
            f"{now:%H:%M}{now.tzname() or ''}, as without --date, so it is read after the "
            f"check-ins written so far today (to place it elsewhere in the day, give the time: "
            f'--date "{moment} 09:00")',
        )
    timed = sorted(
        (c for c in _of_day(p, kind, target, moment) if c.time),
        key=checkin_order,
    )
    if not timed:
        return Stamp(moment)
    last = timed[-1]
    zone = _zone(last.zone)
    at = datetime(moment.year, moment.month, moment.day, *clock_parts(last.time), tzinfo=zone)
    name = last.file.removeprefix(folder.rstrip("/") + "/")
    shown = time_after(last.time)
    if shown is None:
        raise NoLaterStamp(
            f"{moment} has a check-in at {last.time}{last.zone}, {name}, the day's last "
            f"second: a check-in dated {moment} would be read before it, so its values would "
            f"not be the day's latest; nothing was written (hint: give the time of day to "
            f'place it before that one, --date "{moment} HH:MM", or date it the next day)'
        )
    stamped = datetime(moment.year, moment.month, moment.day, *clock_parts(shown), tzinfo=zone)
    return Stamp(
        stamped,
        f"okrsite: note: {moment} has check-ins with a time of day, the last {name} "
        f"at {last.time}{last.zone}; a date alone counts from the start of the day, "
        f"so this one is stamped {shown}{last.zone}, after it, to be read as the "
        f"day's latest (to place it elsewhere in the day, give the time: "
        f'--date "{moment} 09:00")',
        at,
    )


def _of_day(p: Portfolio, kind: str, target: str, day: date) -> list[CheckIn]:
    """The check-ins of ``target`` (an objective's, or a KPI's readings) on ``day``."""
    return [
        c
        for c in p.checkins
        if c.date == day and (c.kpi if kind == "kpi" else c.objective) == target
    ]


def _zone(written: str) -> timezone | None:
    """A check-in's zone as written (``+01:00``; ``""``: none) as a
    ``tzinfo`` named as written, so the stamp is written in the same zone,
    or without one beside a time that names none (mixing the two is
    warned of, OKR311)."""
    if not written:
        return None
    minutes = (int(written[1:3]) * 60 + int(written[4:6])) * (-1 if written[0] == "-" else 1)
    return timezone(timedelta(minutes=minutes), written)
