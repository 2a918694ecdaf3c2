"""Dates as people write them: ``2026-11-21``, or day, month and year with dots.

German, Austrian, Swiss, Scandinavian and Eastern European teams write
``21.11.2026`` (``21.11.26`` is left out: which century is a guess). No
convention reads dotted dates month first, so they mean one day only; dates
with slashes (``11/01/2026``: the 11th of January in most of the world,
November 1st in the United States) are not read.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DOTTED", "read_date"]

#: ``21.11.2026`` or ``1.2.2026``: day, month, four-digit year
DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def read_date(text: str) -> date | None:
    """The day ``text`` names (ISO or dotted), or ``None`` if neither or no such day."""
    text = text.strip()
    try:
        if dotted := DOTTED.fullmatch(text):
            day, month, year = (int(part) for part in dotted.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None
