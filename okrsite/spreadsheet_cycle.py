"""A row's cycle cell, read as the cycle it names, in a CSV as in an .xlsx.

A spreadsheet's Quarter column often holds a date: an .xlsx date cell
formatted ``mmm-yy`` (the sheet shows ``Oct-26``), and the CSV a spreadsheet
saves from it writes that date as the cell shows it (``Oct-26``, ``Oct 2026``,
``01.10.2026``, ``10/1/2026``). One rule reads them all, whichever format
the file is: in a column named Quarter (Quartal) a date, or a month, is the
quarter it lies in (``2026-Q4``); a date is read by the Due column's reader
(:func:`okrsite.spreadsheet_dates.read_day`, with the column's own day-order
rule), so the two columns of one sheet never read a date two ways. In a
cycle column of another name (Cycle, Period) a month is the month's cycle
(``2026-10``), as a goal file's ``cycle:`` reads it, and a date is an error
(IMP108) whose hint names its quarter, never a cycle ``01.10.2026`` to
define in okrsite.toml.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import date, datetime

from okrsite import cycles
from okrsite.cycle_names import quarter_of
from okrsite.model import Cycle
from okrsite.spreadsheet_cells import excel_serial_day
from okrsite.spreadsheet_dates import read_day
from okrsite.spreadsheet_row import SheetRow
from okrsite.written_dates import year_last_readings

__all__ = ["cycle_cell", "normalise_cycle"]

#: a cycle column's header that makes a date (or a month) in it its quarter
_QUARTER_HEADER = re.compile(r"quarter|quartal", re.I)
#: a date as a spreadsheet saves a date cell to CSV (with its time of day, maybe)
_ISO_DAY = re.compile(r"(\d{4}-\d\d-\d\d)(?:[ T]00:00(?::00)?)?")
#: a month with a two-digit year, as Excel's ``mmm-yy`` shows a date: ``Oct-26``
_MONTH_SHORT_YEAR = re.compile(r"([^\W\d_]{3,}\.?)[-\s/]+'?(\d\d)")
#: a month cycle's name (``2026-10``), as :func:`okrsite.cycles.canonical` writes ``Oct 2026``
_MONTH_CYCLE = re.compile(r"(\d{4})-(\d\d)")


def normalise_cycle(text: str, known: Mapping[str, Cycle] | None = None) -> str:
    """``"Q1 2026"``, ``"2026 q1"``, ``"2026Q1"`` → ``"2026-Q1"``; on a site with
    ``fiscal_year_start`` (``known``: its cycles) ``"FY27 Q4"``, ``"Q4 FY27"``
    → ``"FY2027-Q4"``, as a goal file's ``cycle:`` reads them; other names as written."""
    return cycles.canonical(text.strip(), known)


def cycle_cell(row: SheetRow, known: Mapping[str, Cycle]) -> str | None:
    """The cycle cell's cycle (see the module's docstring); a date that
    cannot be a cycle, or that names two days, is an error at its cell."""
    value = row.raw("cycle")
    if value is None:
        return None
    quarter_column = bool(_QUARTER_HEADER.search(row.cols.header("cycle")))
    day = _day_of(value)
    if day is None:
        text = _month_in_full(" ".join(str(row.text("cycle")).split()))
        name = normalise_cycle(text, known)
        month = _MONTH_CYCLE.fullmatch(name)
        if month and cycles.lookup(name, known) is not None:
            # a month: its quarter in a Quarter column, else the month's own cycle
            first = date(int(month.group(1)), int(month.group(2)), 1)
            return quarter_of(first, known) if quarter_column else name
        if cycles.lookup(name, known) is not None:
            return name
        day = _written_day(row, text, known if quarter_column else None)
        if day is None:
            return name if "cycle" not in row.failed else None
    if quarter_column:
        return quarter_of(day, known)
    serial = excel_serial_day(value)
    held = f"the Excel date serial {row.text('cycle')}, " if serial is not None else ""
    row.fail(
        "cycle",
        f"the cell holds {held}the date {day.isoformat()}, not a cycle",
        f"write the cycle it lies in, e.g. {quarter_of(day, known)} (a column named Quarter "
        "reads a date as its quarter)",
        code="IMP108",
    )
    return None


def _day_of(value: object) -> date | None:
    """The day of a date cell, an Excel date serial (``46296``, a date cell
    formatted General, or saved so to CSV) or a date saved to CSV as
    ``2026-10-01``; no day (``2026-13-45``) is read as a cycle's name."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    serial = excel_serial_day(value)
    if serial is not None:
        return serial
    if isinstance(value, str) and (iso := _ISO_DAY.fullmatch(value.strip())):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(iso.group(1))
    return None


def _month_in_full(text: str) -> str:
    """``Oct-26`` (Excel's ``mmm-yy``) → ``Oct 2026``: in a cycle cell a
    month with a two-digit year, never the 26th of a month without its year
    (a two-digit year is of this century, as ``Q4 '26`` reads)."""
    short = _MONTH_SHORT_YEAR.fullmatch(text)
    if short is None:
        return text
    whole = f"{short.group(1)} 20{short.group(2)}"
    day, _ = read_day(whole, None)
    return whole if day is not None else text


def _written_day(row: SheetRow, text: str, quarters: Mapping[str, Cycle] | None) -> date | None:
    """The day date text names (``01.10.2026``, ``1 Oct 2026``, ``10/1/2026``),
    read as the Due column reads it; text that names two days is an error
    (IMP108) with the reader's words, and text that is no date is None. In a
    Quarter column (``quarters``: the site's cycles) two days of one quarter
    (``11/10/2026``: 11 October or 10 November, both 2026-Q4) are as good as
    one, as only the quarter is wanted: the first is given."""
    if not any(ch.isdigit() for ch in text):
        return None
    day, problem = read_day(text, row.slashes.get("cycle"))
    if problem is not None and problem[0].startswith("names two days"):
        readings = year_last_readings(text[:10])
        if quarters is not None and len({quarter_of(d, quarters) for d in readings}) == 1:
            return readings[0]
        row.fail("cycle", f"{text!r} {problem[0]}", problem[1], code="IMP108")
    return day
