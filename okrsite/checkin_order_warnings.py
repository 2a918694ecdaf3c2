"""Warnings where the order of a day's check-ins is not what their names say.

A check-in without a time of day counts from the start of its day, and
timed ones by the instant their times name
(:func:`okrsite.resolve_checkins.checkin_order`), so a file written by hand
without a time is read before a timed one its name sorts after, and files
told apart by words (``…-afternoon.md``, ``…-morning.md``) order by those
words; a time without a zone counts as if in UTC beside one that names
its zone. The rule is the documented one; these warnings keep it from being
silent (OKR311). Apart from resolving, which is long enough.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn
from okrsite.time_after import time_after


def same_day_order_warnings(
    ordered: Sequence[CheckIn],
    natural_key: Callable[[str], tuple[str | int, ...]],
    content_dir: str = "content",
) -> list[Diagnostic]:
    """Warn where the order rule reads a check-in before one its name sorts after.

    A check-in without a time of day counts from the start of its day, so a
    file written by hand without a time (``2026-11-29-2.md``) is read before
    one that ``okrsite checkin`` stamped at 14:05 (``2026-11-29.md``), though
    its name says it came later. The rule is kept (it is the documented one),
    but such an order is never silent: the untimed file gets a warning.
    """
    days: dict[tuple[str, date], list[CheckIn]] = defaultdict(list)
    for c in ordered:
        subject = c.objective if c.objective is not None else f"kpi:{c.kpi}"
        days[(subject, c.date)].append(c)
    found: list[Diagnostic] = []
    for group in days.values():
        if len(group) >= 2 and not any(c.time for c in group):
            found.extend(_named_in_words(group, content_dir))
        found.extend(_zones_mixed(group, content_dir))
        if len(group) < 2 or all(c.time for c in group) or not any(c.time for c in group):
            continue
        for untimed in (c for c in group if not c.time):
            later_name = [
                c for c in group if c.time and natural_key(untimed.file) > natural_key(c.file)
            ]
            if later_name:
                named = ", ".join(
                    f"{_name_beside(c.file, untimed.file, content_dir)} ({c.time}{c.zone})"
                    for c in later_name
                )
                # the day's last timed one in check-in order (by the instant,
                # when zones are named), and the time after it in its zone
                latest = [c for c in group if c.time][-1]
                found.append(
                    warning(
                        "OKR311",
                        f"check-in has no time of day, so it is read before {named} of "
                        "the same day although its name sorts after "
                        + ("them" if len(later_name) > 1 else "it"),
                        untimed.file,
                        hint=_latest_hint(untimed, latest),
                        line=1 if untimed.dated_by_name else None,
                        key_path=None if untimed.dated_by_name else ("date",),
                    )
                )
    return found


def _named_in_words(group: Sequence[CheckIn], content_dir: str) -> list[Diagnostic]:
    """A warning on the last of a day's untimed check-ins when words in their
    file names order them (``2026-11-03-afternoon.md`` sorts before
    ``…-morning.md``, so the morning's values would be the current ones).
    Names told apart by a number (``2026-11-03.md``, ``2026-11-03-2.md``) are
    the documented way to order them and pass."""
    names = [c.file.rsplit("/", 1)[-1] for c in group]
    stems = [name.rsplit(".", 1)[0] for name in names]
    common = len(os.path.commonprefix(stems))
    if not any(ch.isalpha() for stem in stems for ch in stem[common:]):
        return []
    last = group[-1]
    others = ", ".join(_name_beside(c.file, last.file, content_dir) for c in group[:-1])
    return [
        warning(
            "OKR311",
            f"this check-in and {others} of the same day have no time of day: their "
            "file names order them, so this one is read last and its values are that day's",
            last.file,
            hint=f"give each its time, e.g. date: {last.date}T09:00 and {last.date}T16:30",
            key_path=("date",),
        )
    ]


def _name_beside(file: str, beside: str, content_dir: str) -> str:
    """How a message about ``beside`` names ``file``: by its name in the same
    folder (``2026-11-29.md``), else by its path from the content folder
    (``checkins/cs/renewals/2026-11-29.md``), so a file filed in another
    objective's folder (a copied one naming this objective) can be found."""
    folder, _, name = file.rpartition("/")
    if folder == beside.rpartition("/")[0]:
        return name
    return file.removeprefix(content_dir.strip("/") + "/")


def _zones_mixed(group: Sequence[CheckIn], content_dir: str) -> list[Diagnostic]:
    """A warning on each timed check-in of a day whose time names no zone,
    beside one whose time names one (``okrsite checkin`` stamps its zone,
    ``2026-12-05T01:02-05:00``; a hand-written ``16:30`` does not): the
    unzoned time counts as if in UTC, so where it is written in another
    zone the order of the two is not the one meant, and the later value
    can be lost. The warning cannot tell which zone was meant, so it asks
    for it rather than guessing."""
    zoned = [c for c in group if c.time and c.zone]
    if not zoned:
        return []
    example = zoned[-1]

    def named(beside: str) -> str:
        # by its name beside it, else by its path (a file of another folder)
        return ", ".join(
            f"{_name_beside(c.file, beside, content_dir)} ({c.time}{c.zone})" for c in zoned
        )

    return [
        warning(
            "OKR311",
            f"check-in's time {c.time} names no zone, so it counts as if in UTC beside "
            f"{named(c.file)} of the same day, whose time names one: if it was written in "
            "another zone, they are not read in the order they happened",
            c.file,
            hint=f"add the zone it was written in to its date, e.g. date: "
            f"{c.date}T{c.time}{example.zone}, as okrsite checkin stamps it",
            key_path=("date",),
        )
        for c in group
        if c.time and not c.zone
    ]


def _latest_hint(untimed: CheckIn, latest: CheckIn) -> str:
    """How to make ``untimed`` the day's latest: a time after ``latest``'s, the
    one ``okrsite checkin --date`` would stamp (:func:`okrsite.time_after.time_after`:
    ``23:59:31`` after ``23:59:30``, where ``23:59`` would still be read
    before it); after ``23:59:59`` no time of the day is left, and it says so.
    A file dated by its name has no ``date:`` to add the time to: the line
    goes under its opening ``---``, where the warning points."""
    after = time_after(latest.time)
    if after is None:
        return (
            f"the day's last check-in is at {latest.time}{latest.zone}, its last second, so no "
            f"time of {untimed.date} is read after it: if this one is the latest, date it "
            f"{untimed.date + timedelta(days=1)}; else give it its time of day"
        )
    example = f"date: {untimed.date}T{after}{latest.zone}"
    if untimed.dated_by_name:
        return (
            f"its day comes from its file name: add a line {example} under its first ---, "
            "if it is the latest of the day"
        )
    return f"add the time to its date, e.g. {example}, if it is the latest of the day"
