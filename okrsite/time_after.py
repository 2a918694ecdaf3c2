"""The time of day a check-in is stamped at to be read after a given one.

A check-in without a time counts from the start of its day, so one meant
as the day's latest needs a time after the day's last timed one. Two
places suggest or write that time: ``okrsite checkin --date DAY`` stamps it
(:mod:`okrsite.checkin_stamp`), and the OKR311 warning offers it
(:mod:`okrsite.checkin_order_warnings`); they share this rule so the hint
never names a time the command would not write, such as 23:59 after a
check-in at 23:59:30.
"""

from __future__ import annotations

__all__ = ["clock_parts", "time_after"]


def clock_parts(time: str) -> tuple[int, int, int]:
    """``HH:MM`` or ``HH:MM:SS`` as hours, minutes and seconds."""
    hours, minutes, seconds = ([int(part) for part in time.split(":")] + [0, 0])[:3]
    return hours, minutes, seconds


def time_after(time: str) -> str | None:
    """The first time of the same day read after ``time`` (``HH:MM`` or
    ``HH:MM:SS``), as people write it: the minute after (``14:06`` after
    ``14:05:30``), written ``HH:MM``; after 23:59 (or 23:59:30) there is no
    next minute that day, so the second after, with its seconds
    (``23:59:01``, ``23:59:31``). ``None`` after 23:59:59: no moment of the
    day is left."""
    hours, minutes, seconds = clock_parts(time)
    if (hours, minutes) < (23, 59):
        total = hours * 60 + minutes + 1
        return f"{total // 60:02d}:{total % 60:02d}"
    if seconds < 59:
        return f"23:59:{seconds + 1:02d}"
    return None
