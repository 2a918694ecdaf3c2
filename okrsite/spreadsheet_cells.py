"""What an OKR sheet's cells mean beyond their text: the names of an Owner
cell (co-owners, a name written last name first) and the Excel day serial a
date column holds when its cells are formatted General, and the label of a
row that sums the others."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from okrsite.parse import first_name_first

__all__ = ["TOTALS_LABELS", "excel_serial_day", "split_owners", "totals_label"]


# "Tom Lee, Ana Ruiz", "Tom Lee & Ana Ruiz", "Tom Lee and Ana Ruiz", "Tom Lee / Ana Ruiz"
_CO_OWNERS = re.compile(r"\s*(?:[,;&/]|\b(?:and|und)\b)\s*", re.IGNORECASE)


def split_owners(cell: str) -> list[str]:
    """The names of an Owner cell: ``Tom Lee, Ana Ruiz`` → both, in order.

    A part without two letters means the cell is not a list of names
    (``N/A``), so it stays whole; so does a cell with one name."""
    person = first_name_first(cell)
    if person != cell:  # "Diaz, Uma": one person, last name first
        return [person]
    parts = [p for p in (p.strip() for p in _CO_OWNERS.split(cell)) if p]
    if len(parts) == 1:
        return parts  # "Tom Lee," is one name
    if len(parts) > 1 and all(len(re.findall(r"[^\W\d_]", p)) >= 2 for p in parts):
        return parts
    return [cell]


#: the days Excel serial numbers are read as in a date column: 1950 to 2149
_SERIALS = (18264, 91311)
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01, past Excel's false 1900-02-29


def excel_serial_day(value: Any) -> date | None:
    """A date column's number as the day Excel counts it (``46387`` is
    2026-12-31): a cell formatted as General, or a sheet exported to CSV
    with its dates unformatted, holds the serial rather than the date.
    Only whole days in 1950-2149 are read so, never another number."""
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"\d{5}(?:\.0+)?", text):
            return None
        value = float(text)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not _SERIALS[0] <= value <= _SERIALS[1] or not float(value).is_integer():
        return None
    return _EXCEL_EPOCH + timedelta(days=int(value))


#: what a sheet labels the row that adds up the others, English and German
TOTALS_LABELS = frozenset(
    {
        "total",
        "totals",
        "grand total",
        "subtotal",
        "sum",
        "sums",
        "summe",
        "summen",
        "gesamt",
        "gesamtsumme",
        "insgesamt",
        "zwischensumme",
    }
)


def totals_label(cell: Any) -> bool:
    """Whether a title cell labels a totals row (``Total``, ``TOTALS``,
    ``Summe:``, ``Gesamt``): the whole cell, so ``Total customer love`` is
    an objective's title. Such a row sums the sheet's figures (``=SUM(E2:E9)``):
    imported, it would be an objective or a key result named ``total``."""
    if not isinstance(cell, str):
        return False
    return " ".join(cell.split()).casefold().removesuffix(":").rstrip() in TOTALS_LABELS
