"""Cycle names: ``2026``, ``2026-H1``, ``2026-Q3``, ``2026-03``, fiscal and custom ones.

Calendar cycles are known without configuration. Fiscal ones (``FY2027``,
``FY2027-Q1``, ``FY2027-H2``, written in any of the ways people write them:
``FY27 Q1``, ``Q1 FY27``, ``FY 2026/27``) are known when ``okrsite.toml``
says in which month the fiscal year starts (:class:`FiscalCycles`); anything
else must be named in ``okrsite.toml``. A cycle runs from its first to its
last day inclusive.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

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


@lru_cache(maxsize=4096)
def calendar_cycle(name: str) -> Cycle | None:
    """The calendar cycle a name denotes, or ``None`` when it is not one
    (or when its year lies outside the dates okrsite accepts).

    Remembered by name (a cycle is immutable): the history names the cycle
    of each of 100,000 versions of a large site's files, nearly all in a few
    cycles, and building each anew was 3% of reading it."""
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
    """The name of the cycle ``name`` is written for: ``Q4 2026``, ``2026 q4``,
    ``2026Q4``, ``Q4 26``, ``Q4 '26``, ``4Q26`` and the German ``4. Quartal
    2026`` are ``2026-Q4`` (so one quarter is one cycle however it is
    written, in a team's own words too; a two-digit year is of this
    century), ``2. Halbjahr 2026`` is ``2026-H2``, and the French ``T4 2026``
    (trimestre) and ``S2 2026`` (semestre) are ``2026-Q4`` and ``2026-H2``;
    a name ``okrsite.toml`` defines, or any other, stays as it is."""
    if (custom and name in custom) or calendar_cycle(name) is not None and name == name.upper():
        return name
    if isinstance(custom, FiscalCycles):  # FY27 Q1 is FY2027-Q1 where fiscal years are known
        fiscal = fiscal_name(name)
        if fiscal is not None:
            return fiscal
    if not _WRITTEN:
        _WRITTEN.append(
            re.compile(
                r"^(?:(\d{4})[\s_/-]*([QH][1-4])|([QH][1-4])[\s_/-]*'?(\d{4}|\d{2})"
                r"|([1-4])Q[\s_/-]*'?(\d{4}|\d{2})"
                r"|([1-4])\.?\s*(Quartal|Halbjahr|Hj\.?)\s*'?(\d{4}|\d{2}))$",
                re.I,
            )
        )
    m = _WRITTEN[0].match(name.strip())
    if not m:
        french = french_period(name)
        if french is not None:
            return french
        month = _month_named(name)
        return name if month is None else month
    if m.group(8):  # 4. Quartal 2026, 2. Halbjahr 2026, 1. Hj. 2026: as German writes them
        half = not m.group(8).lower().startswith("q")
        if half and m.group(7) not in "12":
            return name  # a third half: no cycle
        return f"{_full_year(m.group(9))}-{'H' if half else 'Q'}{m.group(7)}"
    year = m.group(1) or m.group(4) or m.group(6)
    part = (m.group(2) or m.group(3) or f"Q{m.group(5)}").upper()
    return f"{_full_year(year)}-{part}"


#: a quarter or half as French writes it: ``T4 2026`` (trimestre), ``S2 2026``
#: (semestre), ``T4 26``, ``2026 T4``; compiled when first needed
_FRENCH: list[re.Pattern[str]] = []


def french_period(name: str) -> str | None:
    """``2026-Q4`` for ``T4 2026`` and ``2026-H2`` for ``S2 2026``: the quarter
    (trimestre) and half (semestre) a French team writes, read on every site
    as French dates are; ``None`` for any other name (``S3 2026``: a third
    half, no cycle). A cycle of ``okrsite.toml`` named so is looked up
    before this (:func:`canonical`), so a sprint named ``S1 2026`` stays one."""
    if not _FRENCH:
        _FRENCH.append(
            re.compile(
                r"^(?:([TS])([1-4])[\s_/-]*'?(\d{4}|\d{2})|(\d{4})[\s_/-]*([TS])([1-4]))$", re.I
            )
        )
    m = _FRENCH[0].match(name.strip())
    if m is None:
        return None
    letter, number, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[6], m[4])
    if letter.upper() == "S":
        return f"{_full_year(year)}-H{number}" if number in "12" else None
    return f"{_full_year(year)}-Q{number}"


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


_FISCAL = re.compile(r"^FY(\d{4})(?:-(Q[1-4]|H[12]))?$")
#: a fiscal year, half or quarter as people write it: FY27, FY 2027, FY2026/27,
#: FY2026-27, each with a quarter or half after it (FY27 Q1, FY27-H2) or before
#: it (Q1 FY27, H2 FY2027)
_FISCAL_WRITTEN: list[re.Pattern[str]] = []
_FY = r"FY[\s_]*'?(\d{4}|\d{2})(?:\s*[-/]\s*(\d{4}|\d{2}))?"


def _fiscal_written() -> re.Pattern[str]:
    if not _FISCAL_WRITTEN:
        _FISCAL_WRITTEN.append(
            re.compile(rf"^(?:{_FY}(?:[\s_/-]*([QH])([1-4]))?|([QH])([1-4])[\s_/-]*{_FY})$", re.I)
        )
    return _FISCAL_WRITTEN[0]


#: a quarter or half written number first (``1Q``, ``2H``), not part of a year's digits
_NUMBER_FIRST = re.compile(r"(?<![0-9A-Za-z'])([1-4])([QH])(?![0-9])", re.I)


def _full_year(digits: str) -> int:
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def fiscal_name(written: str) -> str | None:
    """The canonical name of a fiscal cycle written as people write it
    (``FY27 Q1``, ``Q1 FY2027``, ``1Q FY27``, ``fy 2026/27``: ``FY2027-Q1``), or ``None``.

    A fiscal year is named by the calendar year it ends in, as most
    companies name theirs (FY2027 of a year starting in April runs from
    April 2026 to March 2027); ``2026/27`` and ``2026-27`` name that year by
    both of its calendar years. Two digits are a year of this century."""
    # 1Q FY27, FY27 2H: the quarter's number first, as 4Q26 writes a calendar one
    text = _NUMBER_FIRST.sub(r"\2\1", written.strip())
    m = _fiscal_written().match(text)
    if m is None:
        return None
    first, second, kind, number = m.group(1), m.group(2), m.group(3), m.group(4)
    if first is None:
        kind, number, first, second = m.group(5), m.group(6), m.group(7), m.group(8)
    year = _full_year(first)
    if second is not None:
        end = _full_year(second) if len(second) == 4 else year // 100 * 100 + int(second)
        if end != year + 1:
            return None  # FY2026/28 names no one year
        year = end
    if kind is not None and kind.upper() == "H" and number not in ("1", "2"):
        return None
    part = f"-{kind.upper()}{number}" if kind is not None else ""
    return f"FY{year}{part}"


def fiscal_cycle(name: str, start_month: int) -> Cycle | None:
    """The fiscal cycle ``name`` (canonical: ``FY2027``, ``FY2027-Q1``,
    ``FY2027-H2``) of a fiscal year starting in month ``start_month``
    (1: the calendar year), or ``None``."""
    m = _FISCAL.match(name)
    if m is None:
        return None
    year = int(m.group(1))
    first_year = year if start_month == 1 else year - 1
    months = 12
    offset = 0
    part = m.group(2)
    if part is not None:
        months = 3 if part[0] == "Q" else 6
        offset = months * (int(part[1]) - 1)
    first = start_month - 1 + offset  # months after January of first_year
    y0, m0 = first_year + first // 12, first % 12 + 1
    last = first + months - 1
    y1, m1 = first_year + last // 12, last % 12 + 1
    if not (EARLIEST_DATE.year <= y0 and y1 <= LATEST_DATE.year):
        return None
    return Cycle(name, date(y0, m0, 1), _month_end(y1, m1), name)


class FiscalCycles(dict[str, Cycle]):  # type: ignore[misc]
    """The cycles ``okrsite.toml`` defines, and every fiscal one its
    ``fiscal_year_start`` makes known.

    Iterating gives the defined cycles only (the site's pages list those
    and the ones its goals name); looking a name up (``get``, ``in``,
    ``[]``) also finds ``FY2027-Q1`` and the rest, computed when asked:
    so every reader of the configured cycles knows the fiscal ones without
    a list of all of them, which has no end."""

    def __init__(self, defined: Mapping[str, Cycle], start_month: int) -> None:
        dict.__init__(self, defined)
        self.start_month = start_month

    def _fiscal(self, name: object) -> Cycle | None:
        return fiscal_cycle(name, self.start_month) if isinstance(name, str) else None

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        found = self._fiscal(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or self._fiscal(key) is not None

    def __missing__(self, key: str) -> Cycle:
        found = self._fiscal(key)
        if found is None:
            raise KeyError(key)
        return found

    def __bool__(self) -> bool:
        # it knows cycles even when okrsite.toml defines none (``custom or {}``
        # must keep it)
        return True

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, FiscalCycles)
            and self.start_month == other.start_month
            and dict.__eq__(self, other)
        )

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        return (FiscalCycles, (dict(self), self.start_month))

    def __repr__(self) -> str:
        return f"FiscalCycles({dict.__repr__(self)}, start_month={self.start_month})"


def lookup(name: str, custom: Mapping[str, Cycle]) -> Cycle | None:
    """Custom cycles first (a site may redefine ``2026`` as a fiscal year), then calendar ones."""
    return custom.get(name) or calendar_cycle(name)


#: fields whose change after a cycle ended is record-keeping, not a new
#: yardstick: grading (``score:``), last values, milestones ticked, names and
#: owners. What teams do after the end is never marked "after … ended".
RECORD_KEEPING = frozenset(
    {"title", "owner", "team", "supports", "tags", "score", "current", "done", "milestones"}
)


def changed_mid_cycle(name: str | None, day: date, cycles: Mapping[str, Cycle]) -> bool:
    """Whether a change on ``day`` to a goal of cycle ``name`` is made after the
    cycle began and before it ended: the one rule the history's timelines and
    ``okrsite diff`` mark "mid-cycle" by (a cycle it does not know: never).
    After its last day a change is "after … ended" (:func:`changed_after_end`),
    never both, so the two commands say the same of one change."""
    found = lookup(name, cycles) if name else None
    return found is not None and found.start < day <= found.end


def changed_after_end(name: str | None, day: date, cycles: Mapping[str, Cycle]) -> str | None:
    """The name of cycle ``name`` when a change on ``day`` comes after its last
    day (its final figures change: the history's and ``okrsite diff``'s
    "after … ended", ``cycle_ended`` in both JSONs), else None."""
    found = lookup(name, cycles) if name else None
    return found.name if found is not None and day > found.end else None


def change_timing(
    before: str | None, after: str | None, day: date, cycles: Mapping[str, Cycle]
) -> tuple[bool, str | None]:
    """When a change on ``day`` to an objective whose cycle was ``before`` and
    is ``after`` comes: ``(mid_cycle, ended)``, the one rule ``okrsite diff``,
    the site's timelines and ``api/history.json`` judge every field of one
    change by, objective fields and key result fields alike.

    A change that moves the objective between cycles counts by both: out of
    (or into) a cycle that had ended, its final figures change, so it is
    "after … ended" (``ended`` names that cycle, the one it is in now when
    both had ended); out of (or into) a running one it is mid-cycle. Ended
    wins over mid-cycle, as the final figures change, and the two are never
    both set, so a reviewer and the site read one change alike."""
    ended = changed_after_end(after, day, cycles)
    if ended is None and before != after:
        ended = changed_after_end(before, day, cycles)
    if ended is not None:
        return False, ended
    mid = changed_mid_cycle(after, day, cycles) or (
        before != after and changed_mid_cycle(before, day, cycles)
    )
    return mid, None


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


def running_cycle(cycles: Mapping[str, Cycle], as_of: date) -> Cycle | None:
    """The shortest cycle containing ``as_of`` (a quarter beats its year), or
    ``None`` between cycles: what counts only while a cycle runs (a streak)."""
    running = [c for c in cycles.values() if c.contains(as_of)]
    return min(running, key=lambda c: (c.end - c.start, c.name)) if running else None


def current_cycle(
    cycles: Mapping[str, Cycle], as_of: date, under_review: Collection[str] = ()
) -> Cycle | None:
    """The dashboard's cycle as of a date: the running cycle (:func:`running_cycle`,
    the shortest: the month being worked on, not the quarter around it),
    unless the cycle that ended last is still under review; between cycles
    the one that ended last, else the first to come.

    Of the cycles that ended last on one day (a quarter, its last month and
    the year around it all end on 31 December) one being carried
    (``under_review``: a draft's ``carried_from:`` names one of its
    objectives) is chosen, then the longest, then the first by name: the end
    of a quarter is the quarter's review, and the dashboard stays on the
    quarter, not on its December sprint, and on the quarter being carried,
    not on the year that ended with it.

    A running cycle longer than that ended one does not take the dashboard
    from it (:func:`_still_reviewed`): a year running around the next quarter
    is no sign that the next quarter's work began, and review.md promises
    the ended quarter stays until an objective of the next one is active."""
    running = running_cycle(cycles, as_of)
    past = sorted((c for c in cycles.values() if c.end < as_of), key=lambda c: c.name)
    # max keeps the first of equals: the first by name
    ended = max(past, key=lambda c: (c.end, c.name in under_review, c.end - c.start), default=None)
    if running is not None:
        if ended is not None and _still_reviewed(ended, running, as_of):
            return ended
        return running
    if ended is not None:
        return ended
    if cycles:
        return min(cycles.values(), key=lambda c: c.start)
    return None


def _still_reviewed(ended: Cycle, running: Cycle, as_of: date) -> bool:
    """Whether ``ended`` keeps the dashboard from the shortest ``running`` cycle:
    every cycle running is more than half again as long as it (no cycle of
    its kind, a few days longer or shorter, has begun with an active
    objective: the year 2027 runs, 2027-Q1 has only drafts), and it ended at most half as long ago as it lasted (2026-Q4
    until 15 February: a review takes weeks, and a site that stops writing
    quarters is not held on its last quarter while its year runs on)."""
    lasted = ended.end - ended.start + timedelta(days=1)
    # longer by more than half: cycles of one kind differ by days (Q2 has 91
    # days, Q1 90; March 31, February 28), and the next of them running with
    # an active objective is the new work begun, not a cycle around it
    longer = running.end - running.start + timedelta(days=1) > lasted * 1.5
    return longer and as_of - ended.end <= lasted / 2
