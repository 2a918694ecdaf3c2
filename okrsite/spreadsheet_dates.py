"""The dates of an import's date column (Due), read as the column writes them.

A sheet exported from a spreadsheet writes a whole column one way:
``03/11/2026`` is November 3rd beside ``31/12/2026`` (the day first) and
March 11th beside ``12/31/2026`` (the month first). The column's dates that
name one day only decide how the others are read, by the rule a KPI's data
file is read with (:func:`okrsite.kpi_csv.slash_order`, reused, so a date
reads the same in both). A date the column does not explain is said to name
two days, never read by a guess, and a day without its year (``Nov 3``) is
said to lack it, as the site's other readers of dates say (a goal's
``due:``, a check-in's ``date:``): none of them reads a day with a year it
was not given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from okrsite import kpi_csv
from okrsite.parse_messages import _date_hint, year_in_full
from okrsite.spreadsheet_cells import excel_serial_day
from okrsite.written_dates import read_date, year_last_readings

__all__ = ["column_order", "read_day"]

#: a leap year, to tell a day without its year (``Feb 29`` too) from no day
_ANY_YEAR = 2028


def column_order(cells: Iterable[Any]) -> int | None:
    """How the column's dates with slashes put day and month (0 the day
    first, 1 the month first, ``None`` when its dates do not show it): the
    decision a KPI data file's column is read by."""
    return kpi_csv.slash_order(cell for cell in cells if isinstance(cell, str))


def read_day(value: Any, slashes: int | None) -> tuple[date | None, tuple[str, str] | None]:
    """The day a cell names, or what is wrong with it (the rest of the message
    after the cell's value, and a hint); ``slashes`` is :func:`column_order`
    of its column."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    serial = excel_serial_day(value)
    if serial is not None:
        return serial, None
    text = " ".join(str(value).split())
    # a date with a time of day, as a spreadsheet exports it: 2026-03-31 00:00:00
    for written in dict.fromkeys((text, text[:10])):
        day = kpi_csv.read_date(written, slashes)
        if day is not None:
            return day, None
    readings = year_last_readings(text[:10])
    if len(readings) == 2:
        first, second = readings
        return None, (
            f"names two days, {first} or {second}, and no other date of the column shows "
            "whether the day or the month comes first",
            f"write it as year-month-day: {first} or {second}",
        )
    if re.search(r"\d{4}", text) is None and any(
        read_date(f"{text}{sep}{_ANY_YEAR}") for sep in (" ", ", ")
    ):
        return None, ("has no year", _date_hint(text))
    full = year_in_full(text)
    if full is not None:  # 23.11.26: which century is a guess, so it is not read
        return None, (
            "is not a date: its year has two digits",
            f"write the year in full, as in {full}",
        )
    return None, ("is not a date", "write it as 2026-03-31")
