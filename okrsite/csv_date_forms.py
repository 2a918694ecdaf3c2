"""How a KPI data file writes its dates, read off its rows, so a row that
``okrsite pull`` adds is written as a person or their spreadsheet wrote the
others: three numbers (``17.11.2026``, ``11/17/2026``), a month by name
(``Okt 2026``, ``Nov 17, 2026``) or a month or quarter in numbers
(``10/2026``, ``2026-Q3``). :func:`okrsite.kpi_csv_style.format_date` writes a day
in the form and keeps it only if it reads back as that day.

The zone a date with a time of day is written with (``+01:00``, ``Z``) is
read here too, as part of how a date is written: it orders the readings of
one day for the loader and for ``okrsite pull`` alike (:func:`counts_over`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from okrsite.written_dates import MONTHS, read_period, timed, utc_seconds

__all__ = [
    "DateStyle",
    "ISO_DATES",
    "date_part",
    "date_style",
    "named_template",
    "period_template",
    "format_named",
    "format_period",
    "Moment",
    "counts_over",
    "utc_shown",
    "zone_offset",
]


def date_part(cell: str) -> str:
    """The date of a cell written with a time of day (``11/01/2026 09:15``:
    ``11/01/2026``), else the cell, stripped."""
    text = cell.strip()
    split = timed(text)
    return text if split is None else split[0].strip()


@dataclass(frozen=True)
class DateStyle:
    """How a file's date column writes a day, so a row added to it looks like
    the rows a person or their spreadsheet wrote: ``separator`` ``-`` (ISO),
    ``.`` or ``/``; ``order`` of day, month and year (``ymd``, ``dmy``,
    ``mdy``); ``padded`` ``03/11`` rather than ``3/11``; ``year_digits`` 4, or
    2 (``15.10.26``, which the reader leaves out: :func:`format_date` writes
    only what reads back)."""

    separator: str = "-"
    order: str = "ymd"
    padded: bool = True
    year_digits: int = 4


#: what a file of no dates (or none in a form to copy) gets: they read one way only
ISO_DATES = DateStyle()

#: a day written as three numbers: ``2026-11-17``, ``17.11.2026``, ``11/17/26``
_WRITTEN_DAY = re.compile(r"(\d{1,4})([-./])(\d{1,2})\2(\d{1,4})")


#: month names as spreadsheets abbreviate them, by the month's number - 1: one
#: list for each way ``MONTHS`` reads (German as LibreOffice, Microsoft Excel
#: and Austria write March and January, ``Mär``, ``Mrz``, ``Jän``; French as
#: Excel does, ``janv.``, with and without its accents)
_ABBREVIATED = (
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "jan feb mär apr mai jun jul aug sep okt nov dez",
    "jan feb mrz apr mai jun jul aug sep okt nov dez",
    "jän feb mär apr mai jun jul aug sep okt nov dez",
    "janv févr mars avr mai juin juil août sept oct nov déc",
    "janv fevr mars avr mai juin juil aout sept oct nov dec",
)
#: month names written out
_WHOLE = (
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
)
_MONTH_NAMES = tuple(tuple(names.split()) for names in _ABBREVIATED + _WHOLE)
#: names that are a whole word, not cut short: ``Mai`` in a column of ``Okt.``
#: is written without the point
_WHOLE_NAMES = frozenset(" ".join(_WHOLE).split())
_TOKENS = re.compile(r"[^\W\d_]+|\d+|[\W_]+")


def named_template(cells: list[str]) -> tuple[str, ...] | None:
    """The last date cell split into words, numbers and what lies between,
    when it names its month (``Okt 2026``, ``Nov 17, 2026``,
    ``17. November 2026``): a row added to the file is written so, its
    month in the names the column's dates use (``Dez`` beside ``Okt``)."""
    if not cells:
        return None
    tokens = tuple(_TOKENS.findall(cells[-1].strip()))
    words = [t for t in tokens if t[:1].isalpha()]
    if len(words) != 1 or words[0].lower() not in MONTHS:
        return None
    names = [n for n in _MONTH_NAMES if words[0].lower() in n]
    if not names:
        return None
    used = {_TOKENS.findall(c.strip())[0].lower() for c in cells if c.strip()[:1].isalpha()}
    names = [n for n in names if used <= set(n)] or names
    return (*tokens, "|".join(names[0]))


#: a month or quarter alone, in numbers: 10/2026, 10.2026, 2026-10, 2026/10,
#: 2026-Q3, Q3 2026 (groups: what comes before the year, the year, after it)
_PERIOD = re.compile(r"(\d{1,2}[/.-]|[Qq][1-4][ -]?)?(\d{4})([-/]\d{1,2}|-?[Qq][1-4])?")


def period_template(cells: list[str]) -> str | None:
    """The last date cell as a template, when it keys a month or quarter in
    numbers (a monthly or quarterly file): ``{m}/{y}`` for ``10/2026``,
    ``{y}-{m}`` for ``2026-10``, ``{y}-Q{q}`` for ``2026-Q3``; ``{m}`` is
    zero-padded when the column's months are (``03/2026``)."""
    if not cells:
        return None
    last = cells[-1].strip()
    m = _PERIOD.fullmatch(last)
    if m is None or (m.group(1) is None) == (m.group(3) is None) or read_period(last) is None:
        return None
    before, _, after = m.groups()
    piece = before or after
    if "q" in piece.lower():
        letter = "Q" if "Q" in piece else "q"
        if before:
            return f"{letter}{{q}}{before[2:]}{{y}}"
        return f"{{y}}{after[: after.lower().index('q')]}{letter}{{q}}"
    # 3/2026 beside 11/2026 unpadded, 03/2026 padded; 10/2026 alone: padded
    unpadded = any(_ONE_DIGIT_MONTH.fullmatch(c.strip()) for c in cells)
    padded = any(_ZERO_LED_MONTH.fullmatch(c.strip()) for c in cells)
    month = "{n}" if unpadded and not padded else "{m}"
    return f"{month}{before[-1]}{{y}}" if before else f"{{y}}{after[0]}{month}"


_ONE_DIGIT_MONTH = re.compile(r"\d[/.-]\d{4}|\d{4}[-/]\d")
_ZERO_LED_MONTH = re.compile(r"0\d[/.-]\d{4}|\d{4}[-/]0\d")


def format_period(day: date, template: str) -> str:
    return template.format(
        y=f"{day.year:04d}", m=f"{day.month:02d}", n=day.month, q=(day.month - 1) // 3 + 1
    )


def format_named(day: date, template: tuple[str, ...]) -> str:
    *tokens, names = template
    month = names.split("|")[day.month - 1]
    out: list[str] = []
    for token in tokens:
        if token.startswith(".") and month in _WHOLE_NAMES and out and out[-1].lower() == month:
            token = token[1:]
        if token[:1].isalpha():
            out.append(
                month.upper()
                if token.isupper() and len(token) > 1
                else month.title()
                if token[:1].isupper()
                else month
            )
        elif token.isdigit() and len(token) == 4:
            out.append(f"{day.year:04d}")
        elif token.isdigit():
            out.append(f"{day.day:02d}" if len(token) == 2 else str(day.day))
        else:
            out.append(token)
    return "".join(out)


def date_style(cells: Iterable[str], slashes: int | None) -> DateStyle:
    """The form of the column's last date written as three numbers (the
    file's convention now, should it have changed), its zero padding as the
    column's dates of that separator show it (``3/11/2026`` unpadded,
    ``03/11/2026`` padded; all two-digit: padded).

    Dates with slashes and the year last take the order ``slashes`` (the
    column's :func:`slash_order`) gives; when the column does not show it
    (every date could be read either way), the loader reads no date of it
    that names two days, and a pulled row in either order would decide the
    order of every row after it: such a file gets ISO dates, which read
    one way only.
    """
    found = ISO_DATES
    one_digit: set[str] = set()  # separators of a date written 3/11/2026
    zero_led: set[str] = set()  # ... and of one written 03/11/2026
    for cell in cells:
        m = _WRITTEN_DAY.fullmatch(date_part(cell))
        if m is None:
            continue
        first, separator, second, last = m.groups()
        if len(first) == 4 and len(last) <= 2:
            order, parts, year = "ymd", (second, last), first
        elif len(first) <= 2 and len(last) in (2, 4) and separator != "-":
            parts, year = (first, second), last
            if separator == ".":
                order = "dmy"
            elif slashes is not None:
                order = ("dmy", "mdy")[slashes]
            else:
                found = ISO_DATES  # the order is not known
                continue
        else:
            continue
        found = DateStyle(separator, order, True, len(year))
        if any(len(part) == 1 for part in parts):
            one_digit.add(separator)
        if any(len(part) == 2 and part.startswith("0") for part in parts):
            zero_led.add(separator)
    padded = found.separator in zero_led or found.separator not in one_digit
    return DateStyle(found.separator, found.order, padded, found.year_digits)


# ------------------------------------------------------------------ zones
#: the zone a date with a time of day ends in, as tools write it
#: (``2026-11-24T09:00:00+01:00``, ``…08:30:00Z``, ``14:05 Uhr +01:00``)
_ZONE = re.compile(
    r"\d(?:\s*(?:[AaPp]\.?[Mm]\.?|[Uu][Hh][Rr]|h))?\s*"
    r"(?:(?P<utc>[Zz]|UTC)|(?P<sign>[+-])(?P<hours>\d{2})(?::?(?P<minutes>\d{2}))?)$"
)


def zone_offset(cell: str) -> int | None:
    """The minutes east of UTC that the zone of a date with a time of day
    names (``+01:00``: 60, ``Z``: 0); ``None`` for a cell without a time or
    without a zone. A data file's day stays the date as written: the zone
    only orders readings of that day (:func:`counts_over`)."""
    text = cell.strip()
    split = timed(text)
    if split is None or split[1] is None:
        return None
    m = _ZONE.search(text)
    if m is None:
        return None
    if m["utc"]:
        return 0
    minutes = int(m["hours"]) * 60 + int(m["minutes"] or 0)
    return -minutes if m["sign"] == "-" else minutes


#: one reading of a day as readings of the day are ordered: its time of day
#: as written (``""``: none, the start of the day), its zone
#: (:func:`zone_offset`) and its row
Moment = tuple[str, int | None, int]


def counts_over(new: Moment, old: Moment) -> bool:
    """Whether reading ``new`` counts over ``old``, of the same day: the
    later one. Two readings that both name a zone (``09:00+01:00`` and
    ``08:30Z``) are ordered by the instant they name (08:00 UTC is before
    08:30 UTC), since tools write one instant in different zones; otherwise
    by the time of day as written, a reading without one being the start of
    its day. Equal, the later row counts."""
    if new[0] and old[0] and new[1] is not None and old[1] is not None:
        return (utc_seconds(new[0], new[1]), new[2]) >= (utc_seconds(old[0], old[1]), old[2])
    return (new[0], new[2]) >= (old[0], old[2])


def utc_shown(time: str, zone: int) -> str:
    """A time of day with its zone as UTC, as a message names it:
    ``08:00 UTC``, ``23:00 UTC the day before``."""
    seconds = utc_seconds(time, zone)
    day, rest = divmod(seconds, 86400)
    shown = f"{rest // 3600:02d}:{rest % 3600 // 60:02d}"
    if len(time) > 5:
        shown += f":{rest % 60:02d}"
    return shown + " UTC" + {-1: " the day before", 1: " the day after"}.get(day, "")
