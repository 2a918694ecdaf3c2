"""Dates as people write them: ``2026-11-21``, and the other ways that name one day.

- German, Austrian, Swiss, Scandinavian and Eastern European teams write
  ``21.11.2026`` (``21.11.26`` is left out: which century is a guess). No
  convention reads dotted dates month first, so they mean one day only.
- The year first with slashes, ``2026/11/21``, is read as ISO's order too.
- A month written as a word, in English, German or French, says which
  number is the day: ``Nov 21, 2026``, ``21 November 2026``, ``November 21st
  2026``, ``21. Nov. 2026``, ``21. März 2026``, ``21 novembre 2026``, ``1er
  déc. 2026``, ``21-Nov-2026`` (Excel's dd-mmm-yyyy). Every language's
  months are read on every site, whatever its ``language``.

- With slashes and the year last, a date is read when only one order makes
  a day: ``11/20/2026`` (the United States' month first) and ``20/11/2026``
  (day first, as most of the world writes it) both name November 20th.
  ``11/01/2026`` (the 11th of January, or November 1st?) is refused with
  both readings (:func:`year_last_readings`).

- A check-in's date may carry a time of day (:func:`timed`): 24-hour or on
  a 12-hour clock, as scripts write it too, and as German writes it
  (``23.11.2026, 16:30 Uhr``), and a zone (``+01:00``, ``Z``), which
  orders check-ins of one day by the instant (:func:`utc_clock`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

__all__ = [
    "MOMENT_FORMS",
    "compact_iso",
    "dotted",
    "impossible_zone",
    "iso_day",
    "iso_parts",
    "iso_week",
    "named",
    "read_date",
    "read_month",
    "read_period",
    "slashed",
    "timed",
    "utc_clock",
    "utc_seconds",
    "year_last_readings",
    "zone_as_typed",
    "zone_written",
]

#: what a check-in's ``date:`` (and ``okrsite checkin --date``) takes, for messages
MOMENT_FORMS = (
    "2026-11-18, 18.11.2026, 2026/11/18, 11/18/2026, Nov 18, 2026 or 18. November 2026; "
    "with a time of day, 2026-11-18T16:30, 2026-11-18 4:30 pm or 18.11.2026 16:30"
)

#: month names and their usual abbreviations, English, German and French
#: (French with and without its accents: ``décembre``, ``decembre``, ``déc``;
#: German as Microsoft Excel abbreviates March, ``Mrz``, and as others do, ``Mär``)
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "jan january januar jän jänner janv janvier",
            "feb february februar fév fev févr fevr février fevrier",
            "mar march märz maerz mär mrz mars",
            "apr april avr avril",
            "may mai",
            "jun june juni juin",
            "jul july juli juil juillet",
            "aug august août aout",
            "sep sept september septembre",
            "oct october okt oktober octobre",
            "nov november novembre",
            "dec december dez dezember déc décembre decembre",
        ],
        start=1,
    )
    for name in names.split()
}


def dotted(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of ``21.11.2026`` or ``1.2.2026`` (day, month,
    four-digit year), or ``None`` for any other text. Written out rather than
    a regular expression: it is tried on every date that is not ISO, and a
    pattern compiled at import would cost every run that has none."""
    found = _two_numbers_then_year(text, ".")
    if found is None:
        return None
    day, month, year = found
    return year, month, day


def _two_numbers_then_year(text: str, separator: str) -> tuple[int, int, int] | None:
    """The three numbers of ``21.11.2026`` or ``11/20/2026``: two of one or
    two digits, then a four-digit year, between ``separator``s; else ``None``."""
    parts = text.split(separator)
    if len(parts) != 3:
        return None
    first, second, year = parts
    if not (
        0 < len(first) <= 2
        and 0 < len(second) <= 2
        and len(year) == 4
        and (first + second + year).isascii()
        and (first + second + year).isdigit()
    ):
        return None
    return int(first), int(second), int(year)


def slashed(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of ``2026/11/21`` (the year first), else ``None``."""
    parts = text.split("/")
    if len(parts) != 3:
        return None
    year, month, day = parts
    if not (
        len(year) == 4
        and 0 < len(month) <= 2
        and 0 < len(day) <= 2
        and (year + month + day).isascii()
        and (year + month + day).isdigit()
    ):
        return None
    return int(year), int(month), int(day)


def year_last_readings(text: str) -> list[date]:
    """The days ``11/20/2026`` or ``20/11/2026`` may name (two numbers of one
    or two digits and a four-digit year, with slashes): the day first and the
    month first, each when it is a day; one day when both read the same."""
    numbers = _two_numbers_then_year(text, "/")
    if numbers is None:
        return []
    first, second, year = numbers
    days = []
    for day, month in ((first, second), (second, first)):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found not in days:
            days.append(found)
    return days


def named(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a date whose month is a word (``Nov 21, 2026``,
    ``21. März 2026``): a month name, a day and a four-digit year, the day
    and the month in either order; else ``None``."""
    # 17-Oct-2026, as Excel writes a date formatted dd-mmm-yyyy
    words = text.replace(",", " ").replace(".", " ").replace("-", " ").split()
    if len(words) != 3 or not text[:1].isalnum():
        return None
    month = year = day = None
    for word in words:
        low = word.lower() if word.isascii() else unicodedata.normalize("NFC", word.lower())
        if low in MONTHS and month is None:
            month = MONTHS[low]
        elif len(word) == 4 and word.isascii() and word.isdigit() and year is None:
            year = int(word)
        else:
            digits = low.removesuffix("st").removesuffix("nd").removesuffix("rd")
            digits = digits.removesuffix("th").removesuffix("er")  # French 1er
            if not (0 < len(digits) <= 2 and digits.isascii() and digits.isdigit()) or day:
                return None
            day = int(digits)
    if month is None or year is None or day is None or str(year) == words[1]:
        return None  # the year first or last, as every convention writes it
    return year, month, day


#: a day written without its year with a year put after it, as read_date may
#: read it (``Dec 4 2026``, ``Dec 4, 2026``, ``4.12.2026``): the hints that
#: ask for the year and ``--date``, which takes the latest such day, try them
WITH_YEAR = ("{} {}", "{}, {}", "{}{}")


def read_date(text: str) -> date | None:
    """The day ``text`` names (ISO, an ISO week, dotted, slashes that make one
    day, or a month by name), or ``None`` if none of those or no such day.

    Read by our own rules, not ``date.fromisoformat``: from Python 3.11 on
    that also takes ``20261231``, ``2026W53`` and ``2026-W53``, on 3.10 only
    ``2026-12-31``, so one repository built clean on one interpreter and
    failed on the other. The forms read are those docs/content-format.md
    lists, on every version."""
    text = text.strip()
    day = iso_day(text) or iso_week(text)
    if day is not None:
        return day
    found = iso_parts(text) or dotted(text) or slashed(text) or named(text)
    if found is None:
        readings = year_last_readings(text)
        return readings[0] if len(readings) == 1 else None
    try:
        return date(*found)
    except ValueError:
        return None


def iso_parts(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of ``2026-12-31`` (ASCII digits, zero-padded, as
    ISO 8601 writes a day), whether or not that day exists, else ``None``."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    year, month, day = text[:4], text[5:7], text[8:]
    digits = year + month + day
    if not (digits.isascii() and digits.isdigit()):
        return None
    return int(year), int(month), int(day)


def iso_day(text: str) -> date | None:
    """The day of ``2026-12-31`` (ISO 8601's extended form, the only one read:
    ``20261231`` is no date here, on any Python version), else ``None``."""
    found = iso_parts(text)
    if found is None:
        return None
    try:
        return date(*found)
    except ValueError:
        return None


def iso_week(text: str) -> date | None:
    """The day of an ISO week date: ``2026-W53`` is that week's Monday
    (2026-12-28), ``2026-W53-4`` its Thursday (1 is Monday, 7 Sunday), as
    weekly reports key their rows; ``None`` for any other text or a week the
    year does not have (``2027-W53``). The compact ``2026W53`` is not read."""
    if len(text) not in (8, 10) or text[4:6] != "-W":
        return None
    year, week, rest = text[:4], text[6:8], text[8:]
    weekday = "1"
    if rest:
        if rest[0] != "-" or rest[1] not in "1234567":
            return None
        weekday = rest[1]
    if not ((year + week).isascii() and (year + week).isdigit()):
        return None
    try:
        return date.fromisocalendar(int(year), int(week), int(weekday))
    except ValueError:
        return None


def compact_iso(text: str) -> str | None:
    """``20261231`` written as okrsite reads it, ``2026-12-31``, and ``2026W53``
    (``2026W535``) as ``2026-W53`` (``2026-W53-5``): ISO 8601's basic forms,
    which are not read (a number of eight digits is as likely a value or an
    id as a day), for the hint that names the form that is; ``None`` when
    ``text`` is neither, or names no day."""
    text = text.strip()
    if len(text) == 8 and text.isascii() and text.isdigit():
        extended = f"{text[:4]}-{text[4:6]}-{text[6:]}"
        return extended if iso_day(extended) is not None else None
    if len(text) in (7, 8) and text[4:5] in ("W", "w") and text.isascii():
        extended = f"{text[:4]}-W{text[5:7]}" + (f"-{text[7]}" if len(text) == 8 else "")
        return extended if iso_week(extended) is not None else None
    return None


def read_month(text: str) -> date | None:
    """The first day of a month written alone, as a monthly reading is keyed
    (``2026-10``, ``2026/10``, ``Oct 2026``, ``Oktober 2026``; as Excel formats
    a month, ``10/2026``, ``10.2026``, ``Oct-2026``, ``Okt. 2026``), else ``None``.
    A four-digit year beside a month of one or two digits names one month
    only, whichever comes first."""
    text = text.strip()
    for separator in "-/":
        year, sep, month = text.partition(separator)
        if sep and _year_and_month(year, month):
            return date(int(year), int(month), 1) if 1 <= int(month) <= 12 else None
    for separator in "/.-":  # 10/2026, 10.2026: Excel's mm/yyyy and mm.yyyy
        month, sep, year = text.partition(separator)
        if sep and _year_and_month(year, month):
            return date(int(year), int(month), 1) if 1 <= int(month) <= 12 else None
    words = text.replace(".", " ").replace(",", " ").replace("-", " ").split()
    if len(words) == 2 and words[0].lower() in MONTHS:
        year = words[1]
        if len(year) == 4 and year.isascii() and year.isdigit():
            return date(int(year), MONTHS[words[0].lower()], 1)
    return None


def read_period(text: str) -> date | None:
    """The first day of a month, quarter or half written alone, as a reading
    reported per period is keyed: a month as :func:`read_month` reads it, a
    quarter or half as cycles are written (``2026-Q3``, ``Q3 2026``,
    ``2026 q3``, ``2026-H2``), else ``None``."""
    month = read_month(text)
    if month is not None:
        return month
    squeezed = "".join(text.split()).replace("-", "").replace("_", "").replace("/", "").upper()
    if len(squeezed) != 6 or not squeezed.isascii():
        return None
    if squeezed[:4].isdigit():
        year, kind, number = squeezed[:4], squeezed[4], squeezed[5]
    else:
        kind, number, year = squeezed[0], squeezed[1], squeezed[2:]
    if not (year.isdigit() and number.isdigit()):
        return None
    count = {"Q": 4, "H": 2}.get(kind)
    if count is None or not 1 <= int(number) <= count:
        return None
    return date(int(year), (int(number) - 1) * (12 // count) + 1, 1)


#: a time of day after its date: ``16:30``, ``4:30 pm``, ``9am``, as scripts
#: write it (``14:05:00.123Z``, ``+01:00``); as German writes it, with ``Uhr``
#: or ``h`` after it (``16:30 Uhr``, ``16 Uhr``, ``16.30 Uhr``, ``16:30 h``),
#: which says it is a 24-hour time of day: only then may the minutes follow a
#: point, or the hour stand alone without am or pm
_TIME = (
    r"(?P<hour>\d{1,2})(?:(?P<mark>[:.])(?P<minute>\d{2})"  # minutes
    r"(?::(?P<second>\d{2})(?:\.\d+)?)?)?"  # seconds, and their fraction (read past)
    r"\s*(?:(?P<half>[AaPp])\.?[Mm]\.?|(?P<uhr>[Uu][Hh][Rr]|h))?"  # 2:05 pm, 16:30 Uhr
    r"\s*(?P<zone>[Zz]|UTC|[+-]\d{2}(?::?\d{2})?)?$"  # a zone, as tools write it
)

#: a date in numbers, then its time after a ``T``, spaces or a comma
#: (``23.11.2026, 16:30``, as German writes a date and a time together)
_MOMENT = re.compile(
    r"^(?P<day>\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}/\d{1,2}/\d{1,2}"
    r"|\d{1,2}/\d{1,2}/\d{4})(?:[Tt ]+|\s*,\s*)" + _TIME
)


#: a date with its month's name and a time, as people type them: ``Dec 2, 2026
#: 9:15 am``, ``2 December 2026, 14:30``, ``Dec 2, 2026 at 9am``,
#: ``2. Dezember 2026, 14:30 Uhr``. The time needs its minutes, am/pm or Uhr
#: (``2 Dec 2026`` ends in a year, not an hour); whether the date is one is
#: for :func:`read_date` to judge, as for the others.
_NAMED_MOMENT = re.compile(r"^(?P<day>.*[^\W\d_].*?\d)[, ]+(?:at[ ]+)?" + _TIME)


#: the longest text read as a date with a time of day (``2. Dezember 2026,
#: 14:30:00.123 Uhr +01:00`` is 36): longer text is no date okrsite reads, and
#: is never searched, since the expressions above backtrack on long runs of
#: spaces (``23.11.2026, 16:30`` + 40,000 spaces + ``Uhr x`` took minutes)
MAX_MOMENT_CHARS = 64


def timed(text: str) -> tuple[str, str | None] | None:
    """A date with a time of day, split: the date as written (for
    :func:`read_date`, which judges it) and the time as zero-padded 24-hour
    ``HH:MM``, or ``HH:MM:SS`` when seconds are written; ``None`` for the
    time when there is no such time of day (``25:00``, ``13:05 pm``).
    ``None`` when ``text`` has no time (or is not a date with one).

    The time only orders check-ins of one day, so text whose text order is
    time order is all it needs to be. It may be written as scripts write it
    (``2026-11-29T14:05:00.123Z``, ``+01:00``), on a 12-hour clock
    (``2:05 pm``, ``9am``) or as German writes it (``29.11.2026, 14:05 Uhr``);
    a zone is not part of the time (a check-in keeps it apart:
    :func:`zone_written`), but a zone no clock
    shows (``+25:00``, ``+99:99``: :func:`impossible_zone`) makes it no time
    of day, as ``25:00`` does. One
    function for the loader's check-in ``date:`` and ``okrsite checkin
    --date``, so the command takes exactly what a file does.
    """
    text = text.strip()
    if len(text) > MAX_MOMENT_CHARS:
        return None  # no date with a time: read as a date, which it is not either
    m = _MOMENT.match(text)
    if m is None and any(c.isalpha() for c in text):
        m = _NAMED_MOMENT.match(text)  # Dec 2, 2026 9:15 am
    if m is None:
        return None
    if m["uhr"] is None and (m["mark"] == "." or (m["minute"] is None and m["half"] is None)):
        return None  # 2026-11-29 14 or 14.05: an hour alone, or a point, says no time
    hour, minute, second = int(m["hour"]), int(m["minute"] or 0), int(m["second"] or 0)
    if m["half"] is not None:  # 12 am is midnight, 12 pm noon; 13:05 pm no time at all
        hour = hour % 12 + (12 if m["half"] in "Pp" else 0) if 1 <= hour <= 12 else 99
    if hour > 23 or minute > 59 or second > 59 or _no_zone(m["zone"]):
        return m["day"], None
    return m["day"], f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if m["second"] else "")


#: the farthest a zone lies from UTC, in minutes: Kiritimati's +14:00; no
#: place is further west than -12:00, and -14:00 is let through alike
MAX_ZONE_MINUTES = 14 * 60


def _no_zone(zone: str | None) -> bool:
    """Whether ``zone`` (``+01:00``, ``-0530``, ``Z``) is one no clock shows:
    beyond +/-14:00 or with 60 minutes or more (``+25:00``, ``+99:99``).
    Such a zone would move the instant a reading names by days, and so
    decide which reading of a day counts: the date is refused instead."""
    if not zone or zone[0] not in "+-":
        return False
    hours, minutes = int(zone[1:3]), int(zone[-2:]) if len(zone) > 3 else 0
    return minutes > 59 or hours * 60 + minutes > MAX_ZONE_MINUTES


def impossible_zone(text: str) -> str | None:
    """The zone of a date with a time of day, as written, when it is one no
    clock shows (``+99:99`` of ``2026-11-26T12:00:00+99:99``), for the
    message that refuses the date; ``None`` for any other text."""
    zone = zone_as_typed(text)
    return zone if zone and _no_zone(zone) else None


def zone_as_typed(text: str) -> str:
    """The zone a date with a time of day ends in, spelled as typed
    (``+01:00``, ``Z``, ``-0800``, ``UTC``), or ``""`` for text without one.
    ``okrsite checkin --date`` writes it into the file so: the file says
    what its author typed, and the loader reads the instant from it as
    from any check-in's date (:func:`zone_written` is the one spelling
    pages show)."""
    text = text.strip()
    if len(text) > MAX_MOMENT_CHARS:
        return ""
    m = _MOMENT.match(text) or _NAMED_MOMENT.match(text)
    return (m["zone"] or "") if m is not None else ""


def zone_written(minutes: int | None) -> str:
    """A zone as a check-in keeps it, minutes east of UTC written as RFC
    3339 writes an offset (``+01:00``, ``-08:00``; ``Z`` is ``+00:00``), so
    one zone has one spelling however it was typed (``+0100``, ``+01``);
    ``""`` for a time that names none."""
    if minutes is None:
        return ""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def utc_seconds(time: str, zone: int) -> int:
    """Seconds from the written day's midnight, in UTC, of a time of day
    (``HH:MM[:SS]``) written in the zone ``zone`` (minutes east of UTC);
    below 0 or past a day when the zone moves it to another day. A data
    file's readings of one day (:mod:`okrsite.csv_date_forms`) and a
    check-in's (:func:`utc_clock`) are ordered by it."""
    parts = [int(p) for p in time.split(":")]
    hours, minutes, seconds = (parts + [0, 0])[:3]
    return hours * 3600 + minutes * 60 + seconds - zone * 60


def utc_clock(time: str, zone: str) -> int:
    """:func:`utc_seconds` of a check-in's time in its zone as it keeps it
    (:func:`zone_written`; ``""``: none, counted as written, as if in UTC).
    What orders check-ins of one day
    (:func:`okrsite.resolve_checkins.checkin_order`): tools write one
    instant in different zones, and the instant is what happened."""
    offset = 0
    if zone:
        offset = (int(zone[1:3]) * 60 + int(zone[4:6])) * (-1 if zone[0] == "-" else 1)
    return utc_seconds(time, offset)


#: the words for a day counted from today that the command line takes
RELATIVE_DAYS = {"today": 0, "yesterday": 1}


def relative_day(text: str, today: date | None = None) -> date | None:
    """``today`` or ``yesterday`` (any letter case) as a date, counted from
    ``today`` (default: the machine's clock); ``None`` for anything else.
    For command-line options only: a file's date must not move each day."""
    back = RELATIVE_DAYS.get(text.strip().casefold())
    if back is None:
        return None
    return (today or date.today()) - timedelta(days=back)


def _year_and_month(year: str, month: str) -> bool:
    """Whether two parts of a cell are a four-digit year and a month of one
    or two digits (ASCII digits only: ``٢٠٢٦`` is no year here)."""
    both = year + month
    return len(year) == 4 and 0 < len(month) <= 2 and both.isascii() and both.isdigit()
