"""Cycle names: ``2026``, ``2026-H1``, ``2026-Q3``, ``2026-03`` and custom ones.

Calendar cycles are known without configuration; anything else must be named
in ``okrsite.toml``. A cycle runs from its first to its last day inclusive.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Literal

from okrsite.limits import EARLIEST_DATE, LATEST_DATE
from okrsite.model import Cycle

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$", re.I)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.I)
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _month_end(year: int, month: int) -> date:
    # the day before the next month's first (``calendar`` costs a start-up its import)
    if month == 12:  # also year 9999, which has no next month's first
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _year(name: str) -> int:
    """The year a cycle name starts with (0 when it starts with no four digits)."""
    head = name[:4]
    return int(head) if len(head) == 4 and head.isdigit() and head.isascii() else 0


def calendar_cycle(name: str) -> Cycle | None:
    """The calendar cycle a name denotes, or ``None`` when it is not one
    (or when its year lies outside the dates okrsite accepts)."""
    if not EARLIEST_DATE.year <= _year(name) <= LATEST_DATE.year:
        return None
    if m := _YEAR.match(name):
        y = int(m.group(1))
        return Cycle(name, date(y, 1, 1), date(y, 12, 31), name) if y >= 1 else None
    if m := _HALF.match(name):
        y, h = int(m.group(1)), int(m.group(2))
        if y < 1:
            return None
        first = 1 if h == 1 else 7
        return Cycle(name, date(y, first, 1), _month_end(y, first + 5), name)
    if m := _QUARTER.match(name):
        y, q = int(m.group(1)), int(m.group(2))
        if y < 1:
            return None
        first = 3 * (q - 1) + 1
        return Cycle(name, date(y, first, 1), _month_end(y, first + 2), name)
    if m := _MONTH.match(name):
        y, mo = int(m.group(1)), int(m.group(2))
        if y < 1:
            return None
        return Cycle(name, date(y, mo, 1), _month_end(y, mo), name)
    return None


#: a quarter or half written the way people write it: ``Q4 2026``, ``2026 q4``, ``2026Q4``
#: (compiled when first needed: most runs name no cycle that is not canonical)
_WRITTEN: list[re.Pattern[str]] = []


def canonical(name: str, custom: Mapping[str, Cycle] | None = None) -> str:
    """The name of the cycle ``name`` is written for: ``Q4 2026``, ``2026 q4``
    and ``2026Q4`` are ``2026-Q4`` (so one quarter is one cycle however it is
    written); a name ``okrsite.toml`` defines, or any other, stays as it is."""
    if (custom and name in custom) or calendar_cycle(name) is not None and name == name.upper():
        return name
    if not _WRITTEN:
        _WRITTEN.append(
            re.compile(r"^(?:(\d{4})[\s_/-]*([QH][1-4])|([QH][1-4])[\s_/-]*(\d{4}))$", re.I)
        )
    m = _WRITTEN[0].match(name.strip())
    if not m:
        month = _month_named(name)
        return name if month is None else month
    year = m.group(1) or m.group(4)
    part = (m.group(2) or m.group(3)).upper()
    return f"{year}-{part}"


def _month_named(name: str) -> str | None:
    """``2026-11`` for a month cycle written with the month as a word (``Nov
    2026``, ``November 2026``, ``2026 Nov``), else ``None``."""
    from okrsite.written_dates import MONTHS

    words = name.replace(",", " ").split()
    if len(words) != 2:
        return None
    month, year = (words[0], words[1]) if words[1].isdigit() else (words[1], words[0])
    number = MONTHS.get(month.lower().rstrip("."))
    if number is None or not (len(year) == 4 and year.isascii() and year.isdigit()):
        return None
    return f"{year}-{number:02d}"


def lookup(name: str, custom: Mapping[str, Cycle]) -> Cycle | None:
    """Custom cycles first (a site may redefine ``2026`` as a fiscal year), then calendar ones."""
    return custom.get(name) or calendar_cycle(name)


def phase(cycle: Cycle, as_of: date) -> Literal["upcoming", "running", "over"]:
    """Where as_of stands in the cycle: before its first day (its objectives are
    ``upcoming``), after its last (``achieved`` or ``missed``), or inside it.
    Scoring's statuses and what pages say of a cycle both ask this."""
    if as_of < cycle.start:
        return "upcoming"
    return "over" if as_of > cycle.end else "running"


def elapsed(cycle: Cycle, as_of: date) -> float:
    """(as_of − first day) ÷ (day after last day − first day), clamped to 0..1."""
    total = (cycle.end + timedelta(days=1) - cycle.start).days
    share = (as_of - cycle.start).days / total
    return min(1.0, max(0.0, share))


def current_cycle(cycles: Mapping[str, Cycle], as_of: date) -> Cycle | None:
    """The running cycle as of a date: the shortest one containing it (a quarter beats its year)."""
    running = [c for c in cycles.values() if c.contains(as_of)]
    if running:
        return min(running, key=lambda c: (c.end - c.start, c.name))
    past = [c for c in cycles.values() if c.end < as_of]
    if past:
        return max(past, key=lambda c: (c.end, -(c.end - c.start).days))
    if cycles:
        return min(cycles.values(), key=lambda c: c.start)
    return None
