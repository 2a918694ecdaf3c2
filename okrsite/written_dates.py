"""Dates as people write them: ``2026-11-21``, or day, month and year with dots.

German, Austrian, Swiss, Scandinavian and Eastern European teams write
``21.11.2026`` (``21.11.26`` is left out: which century is a guess). No
convention reads dotted dates month first, so they mean one day only; dates
with slashes (``11/01/2026``: the 11th of January in most of the world,
November 1st in the United States) are not read.
"""

from __future__ import annotations

from datetime import date

__all__ = ["dotted", "read_date"]


def dotted(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of ``21.11.2026`` or ``1.2.2026`` (day, month,
    four-digit year), or ``None`` for any other text. Written out rather than
    a regular expression: it is tried on every date that is not ISO, and a
    pattern compiled at import would cost every run that has none."""
    parts = text.split(".")
    if len(parts) != 3:
        return None
    day, month, year = parts
    if not (
        0 < len(day) <= 2
        and 0 < len(month) <= 2
        and len(year) == 4
        and (day + month + year).isascii()
        and (day + month + year).isdigit()
    ):
        return None
    return int(year), int(month), int(day)


def read_date(text: str) -> date | None:
    """The day ``text`` names (ISO or dotted), or ``None`` if neither or no such day."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = dotted(text)
    if found is None:
        return None
    try:
        return date(*found)
    except ValueError:
        return None
