"""What is wrong with a row's date in a KPI's data file, said so the person
who keeps the file knows what to do: the date cell's form
(:func:`csv_date_problem`: two readings, a two-digit year, an Excel serial
number, a time of day not read ...) and a row with none (:func:`no_date`: a
units row under the header, as many sheets export one).

Kept apart from :mod:`okrsite.kpi_data_file`, which reads the rows, since
naming a bad date is a concept of its own, and read only when one is bad.
"""

from __future__ import annotations

import re

from okrsite import limits
from okrsite.diagnostics import Diagnostic, error
from okrsite.parse_messages import excel_serial_day, shown_value, year_in_full
from okrsite.written_dates import compact_iso, impossible_zone, read_date, year_last_readings

__all__ = ["DATE_FORMS", "csv_date_problem", "no_date"]


def no_date(
    rel: str, n: int, row: list[str], at: tuple[int, int], delimiter: str, first: bool
) -> Diagnostic:
    """OKR203 for a row whose date cell is empty. Right under the header with
    no number for a value (``;in EUR``), it is a second header row, the
    units a sheet writes under its column names: the header is one row."""
    from okrsite import kpi_csv  # imported when a KPI reads a file: most runs read none

    di, vi = at
    if first and kpi_csv.read_number(row[vi], delimiter) is None:
        return error(
            "OKR203",
            f"row {n} has no date — a second header row (units?)",
            rel,
            line=n,
            column=_column(row, di),
            hint="delete it: the header is one row, and a KPI's unit goes in its unit: line",
        )
    return error(
        "OKR203",
        f"row {n} has no date",
        rel,
        line=n,
        column=_column(row, di),
        hint="write the row's date, or delete the row",
    )


def _column(row: list[str], index: int) -> int:
    """The 1-based column of cell ``index`` in the row as written (one
    delimiter between cells), as the data file's other findings give it."""
    return sum(len(cell) + 1 for cell in row[:index]) + 1


def csv_date_problem(cell: str) -> tuple[str, str]:
    """Message and hint for a CSV's date cell that :func:`okrsite.kpi_csv.read_date`
    does not read (or reads as a day outside the dates okrsite accepts)."""
    from okrsite import kpi_csv

    shown = shown_value(cell)
    text = kpi_csv.date_part(cell)
    readings = year_last_readings(text)
    if len(readings) >= 2:
        return (
            f"{shown} names two days, {readings[0]} or {readings[1]}, "
            "and no other row shows whether the day or the month comes first",
            "write it as year-month-day",
        )
    zone = impossible_zone(cell)
    if zone is not None:  # +99:99 would move the reading days away: no instant
        return (
            f"{shown} names the time zone {zone}, which no clock shows",
            "write a zone from -14:00 to +14:00, as +01:00 or Z, or leave it out",
        )
    full = year_in_full(text)
    if full is not None:
        return (
            f"{shown} is not a date like 2026-02-01: its year has two digits",
            f"write the year in full, as in {full}; in a spreadsheet, format the "
            "column's dates with four-digit years",
        )
    if (text != cell.strip() and kpi_csv.read_date(text) is not None) or _day_then_more(text):
        # 23.11.2026 16.30, 23.11.2026, 16: a day, then what is no time of day
        return (
            f"{shown} is a date with no time of day okrsite reads",
            "write the time as 24-hour HH:MM (or HH:MM:SS), or the date alone",
        )
    day = kpi_csv.read_date(cell)
    if day is not None:
        return (
            f"{shown} is outside the dates okrsite accepts",
            f"dates run from {limits.EARLIEST_DATE} to {limits.LATEST_DATE}",
        )
    extended = compact_iso(text)
    if extended is not None:  # 20261231, 2026W53: ISO's basic form, not read
        return (
            f"{shown} is not a date okrsite reads",
            f"write it as {extended}: dates are read with their hyphens only",
        )
    serial = excel_serial_day(text)
    if serial is not None:  # 46330: a date column Excel saved as its numbers
        return (
            f"{shown} looks like an Excel serial date ({serial})",
            f"format the column as dates in the spreadsheet before saving the CSV, "
            f"or write {serial}",
        )
    if _NUMBERED_DAY.fullmatch(text):  # 31.02.2026: three numbers, but no such day
        return (
            f"{shown} is not a date like 2026-02-01",
            f"write real dates between {limits.EARLIEST_DATE} and {limits.LATEST_DATE}",
        )
    return f"{shown} is not a date like 2026-02-01", DATE_FORMS


def _day_then_more(text: str) -> bool:
    """Whether ``text`` is a day in numbers (``23.11.2026``) and more after a
    space, comma or ``T``, which :func:`okrsite.written_dates.timed` did not
    read as a time of day (``16.30``, an hour alone)."""
    parts = _AFTER_DAY.split(text, maxsplit=1)
    return len(parts) == 2 and bool(parts[1]) and read_date(parts[0]) is not None


#: where a day in numbers ends and its time begins: ``T``, a comma, spaces
_AFTER_DAY = re.compile(r"(?<=\d)(?:[Tt]|\s*,\s*|\s+)")


#: the forms a data file's date cell is read in, for the hint of one that is not
DATE_FORMS = (
    "write the date as 2026-02-01, 01.02.2026 or Feb 1, 2026, "
    "a month as 2026-02, Feb 2026 or 02/2026, or a week as 2026-W44 or KW 44/2026"
)
#: a day written as three numbers (``31.02.2026``): a date in form, if not in fact
_NUMBERED_DAY = re.compile(r"\d{1,4}([-./])\d{1,2}\1\d{1,4}")
