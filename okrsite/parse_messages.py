"""How a parse finding shows the value it is about, and what it suggests.

Every reader of :mod:`okrsite.parse` words its diagnostics with these: a
value shown short however large it is, a number without a needless
``.0``, the closest known word for "did you mean …", and the hint for a
number or date that could not be read. :mod:`okrsite.resolve` words its
own findings with them too.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from okrsite.key_aliases import GERMAN_HINTS
from okrsite.parse_names import without_typed_quotes
from okrsite.written_dates import WITH_YEAR, compact_iso, read_date, read_period
from okrsite.written_numbers import CURRENCY_SIGNS, ambiguous_comma, long_billion, read_number


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate by edit similarity, for "did you mean …" hints.

    Memoised: a key that is unknown in one file is usually unknown in many
    (a site written for another tool, an upgrade), and comparing it with
    every known key costs more than the rest of the warning.
    """
    key = (name, frozenset(candidates))
    if key not in _CLOSEST:
        if len(_CLOSEST) > 4096:
            _CLOSEST.clear()
        import difflib  # here: most builds have no unknown key to suggest for

        # ties go to the smaller candidate whatever the order, so sorting changes nothing
        german = GERMAN_HINTS.get(name.strip().casefold().replace("-", "_").replace(" ", "_"))
        if german in key[1]:  # datum: for date, einheit: for unit (not weight)
            matches = [german]
        else:
            matches = difflib.get_close_matches(name, sorted(key[1]), n=1, cutoff=0.6)
        _CLOSEST[key] = matches[0] if matches else None
    return _CLOSEST[key]


_CLOSEST: dict[tuple[str, frozenset[str]], str | None] = {}


#: a date whose year has two digits (``1/15/26``, ``15.01.26``)
_TWO_DIGIT_YEAR = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{2})")


def year_in_full(text: str) -> str | None:
    """``text`` with its two-digit year written in full (``1/15/26`` →
    ``1/15/2026``: 20YY, as goals and readings are recent), or ``None`` when
    its year is not two digits. Such a date is not read, since which century
    it means is a guess; the hints of every reader suggest this form."""
    short = _TWO_DIGIT_YEAR.fullmatch(text)
    if short is None:
        return None
    first, sep, second, year = short.groups()
    return f"{first}{sep}{second}{sep}20{year}"


def _date_hint(value: Any, month: bool = False, period: bool = False) -> str:
    """What to write for a date okrsite could not read: the year it lacks
    (``Nov 12``; a month alone, ``January``, where ``month`` says a month is
    read as a date), the time it could not read (``2026-11-03 9am``), or the
    general form; where a period is read too (``period``: a goal's ``due:``),
    :func:`_period_hint`; for a number Excel writes a date as, that date
    (:func:`_excel_serial_hint`)."""
    extended = compact_iso(str(value)) if isinstance(value, (int, str)) else None
    if extended is not None:  # 20261231, 2026W53: ISO's basic form, not read
        return f"write it as {extended}: dates are read with their hyphens only"
    serial = _excel_serial_hint(value)
    if serial is not None:
        return serial
    if isinstance(value, str):
        text = value.strip()
        full = year_in_full(text)
        if full is not None:
            return f"write the year in full, as in {full}"
        short_month = _month_two_digit_year(text) if month else None
        if short_month is not None:
            return short_month
        if re.search(r"\d{4}", text) is None:
            for with_year in (form.format(text, 2026) for form in WITH_YEAR):
                day = read_date(with_year)
                if day is not None:
                    return f"write the year too, e.g. {day} or {_day_month_year(day)}"
            opening = read_period(f"{text} 2026") if month else None
            if opening is not None:  # "January": a month's readings keyed by its name
                return f"write the year too, e.g. {text} 2026 or {opening}"
        # 23.11.2026, 16: a comma between the date and the time, as German writes it
        first, _, rest = re.sub(r"\s*,\s*", " ", text, count=1).partition(" ")
        day = read_date(first.partition("T")[0]) if rest or "T" in first else None
        if day is not None:
            return (
                f"{first.partition('T')[0]} is a date, but what follows is no time okrsite "
                f"reads: write it as 24-hour HH:MM or with am/pm, e.g. {day}T09:00 or "
                f"{day} 9:00 am"
            )
    general = "write dates as YYYY-MM-DD (or DD.MM.YYYY) and check the day exists in that month"
    if period and isinstance(value, str):
        return _period_hint(value, general)
    return general


#: the day before Excel's day 1 as it counts (1900-01-01 is day 1, and it
#: counts a 29 February 1900 that never was, so from March 1900 on: day 0)
_EXCEL_DAY_0 = date(1899, 12, 30)
#: the serial numbers read as Excel dates in a hint: 1982-02-18 to 2064-04-08
_EXCEL_SERIALS = range(30000, 60001)


def excel_serial_day(text: str) -> date | None:
    """The day a whole number written as text (``46330``, a CSV's date cell
    that Excel saved as the number it keeps a date as) is in Excel's count,
    for one that is a plausible date (1982 to 2064); else ``None``."""
    text = text.strip()
    if not text.isdigit() or int(text) not in _EXCEL_SERIALS:
        return None
    return _EXCEL_DAY_0 + timedelta(days=int(text))


def _excel_serial_hint(value: Any) -> str | None:
    """What to do about ``date: 46361``, a date cell pasted from Excel as the
    number Excel keeps it as (days since 1899-12-30): the date it is there,
    for a number of days that is a plausible date, with a time of day too
    (``46361.375``); ``None`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if not 0 < number < _EXCEL_SERIALS.stop or (
        not number.is_integer() and type(value) is not float
    ):
        return None  # nan, inf, 1e400: no serial; 46361.5 typed as text: no cell's
    if int(number) not in _EXCEL_SERIALS:
        return None
    day = _EXCEL_DAY_0 + timedelta(days=int(number))
    return (
        f"{value} looks like an Excel serial date ({day}): format the cell as a date "
        f"before copying it, or write {day}"
    )


#: a month's name and two digits (``Nov-26``, ``Nov 26``, ``Sep.26``), as
#: Excel's mmm-yy format writes a month
_MONTH_YY = re.compile(r"([^\W\d_]{3,}\.?)[\s'./-]*(\d{2})")


def _month_two_digit_year(text: str) -> str | None:
    """The hint for a month written with a two-digit year where a month may
    key a reading (a KPI's ``values: {Nov-26: 40}``, as a sheet formatted
    mmm-yy shows it): the month of 2026 it reads like, to be written with
    its year in full, not the 26th its day would be. Which century a
    two-digit year means is a guess, so it stays unread; ``None`` for any
    other text. A check-in's ``date: Nov 26`` is a day and keeps its hint."""
    found = _MONTH_YY.fullmatch(text)
    opening = read_period(f"{found[1]} 20{found[2]}") if found is not None else None
    if found is None or opening is None:
        return None
    day = next(
        (d for t in (f"{text} 2026", f"{text}, 2026") if (d := read_date(t)) is not None), None
    )
    return (
        f"{text} reads like a month with a two-digit year: write {found[1]} 20{found[2]} "
        f"or {opening:%Y-%m}" + (f"; for a day, {day}" if day is not None else "")
    )


def _period_hint(value: str, general: str) -> str:
    """The hint of a goal's ``due:`` okrsite could not read: ``Q4`` without its
    year (``end of Q4``) names what is missing; else the forms it takes."""
    from okrsite.cycles import calendar_cycle

    named = re.search(r"(?<![A-Za-z0-9])([QqHh])([1-4])(?![0-9])", value)
    quarter_or_half = named and (named.group(1) in "Qq" or named.group(2) in "12")
    if named and quarter_or_half and re.search(r"\d{4}", value) is None:
        period = named.group(1).upper() + named.group(2)
        last = calendar_cycle(f"2026-{period}")
        return (
            f"{value.strip()!r} names {period} but no year: write the year too, e.g. "
            f"due: {period} 2026 (due on its last day"
            + (f", {last.end}" if last is not None else "")
            + ")"
        )
    return f"{general}, or name a quarter with its year: due: Q4 2026 (due on its last day)"


#: the hint of every figure written with a "billion" okrsite does not read
BILLION_HINT = (
    'a German or French "Billion" is a million millions: write Mrd. or bn for a thousand '
    "millions, or the whole number"
)


def billion_refused(value: Any) -> tuple[str, str] | None:
    """For a figure written with a "billion" read as a million millions
    (:func:`okrsite.written_numbers.long_billion`: ``2 Billionen €`` on any
    site, ``1 Billion €`` on a German one), what OKR102 adds to its message
    and its hint; ``None`` for any other value. One wording for every place
    a figure is written, so a key result, a KPI's reading and a check-in
    value say the same."""
    word = long_billion(value) if isinstance(value, str) else None
    if word is None:
        return None
    return (
        f"okrsite does not read {word!r} as a magnitude",
        BILLION_HINT,
    )


#: digits parted by spaces other than in thousands (``4 5``), which no reading
#: takes for a number: :func:`number_hint` says how spaces group
_SPACED_DIGITS = re.compile(r"([-+]?)([0-9]+(?:[ \u00a0\u202f\u2009\u2007]+[0-9]+)+)")


def number_hint(value: Any) -> str:
    if value is None:
        return "write its number after the colon, or leave the key out"
    if isinstance(value, str):
        billion = billion_refused(value)
        if billion is not None:
            return billion[1]
        thousands = ambiguous_comma(value)
        if thousands is not None:
            decimal = thousands[:-3] + "." + thousands[-3:]
            return (
                f"write {thousands} for the whole number or {decimal} for the decimal: "
                "one comma before three digits means either"
            )
        written = read_number(value)
        spaced = _SPACED_DIGITS.fullmatch(value.strip()) if written is None else None
        if spaced is not None:  # 4 5: not thousands, so no number (okrsite.written_numbers)
            sign, groups = spaced.group(1), spaced.group(2).split()
            return (
                "a space only groups thousands, in groups of three "
                f"(write {sign}{''.join(groups)} or {sign}{groups[0]}.{''.join(groups[1:])})"
            )
        if written is not None and written[1]:
            return (
                f"write the bare number {_fmt(written[0])}: this value is no percentage "
                "(a key result's, KPI's or goal's figures and check-in values may be)"
            )
    return "write digits, e.g. 50, 0.25 or 1,000,000"


def magnitude_refused(value: str, figure: str, word: str, after: str = "") -> tuple[str, str]:
    """Why OKR102 refuses ``value``, a ``figure`` written with a magnitude
    ``word`` okrsite does not read (``1.2m``: million, or metres?; ``5 mn``,
    ``2 lakh``), and its hint (``after``: what follows the word, ``€`` of
    ``1.2m €``): a key result's figures and a check-in's value alike. A
    lowercase m beside the figure or a currency sign (``1.2m``, ``€1.2m``)
    is money, whose hint writes ``1.2M`` or ``1.2 Mio``; ``5 m`` alone may be
    metres, which no figure without a ``unit: m`` may carry."""
    figure, after = figure.strip(), f" {after}" if after else ""
    lower = word == "m"
    money = not value.strip()[len(figure) :].startswith(" ") or any(
        c in CURRENCY_SIGNS for c in value
    )
    billion = billion_refused(value)  # 2 Billionen €: the one hint every figure gets
    if billion is not None:
        hint = billion[1]
    elif not money and lower:
        hint = number_hint(value)
    elif lower or word.casefold().startswith("m"):
        hint = f"write {figure}M{after} or {figure} Mio{after} for millions"
    else:
        hint = (
            "write the whole number, or k, M, B (bn), Tsd., Mio., Mrd., "
            "thousand, million after the figure"
        )
    reason = (
        "a lowercase m is million or metres"
        if lower
        else f"okrsite does not read {word!r} as a magnitude"
    )
    return reason, hint


#: what a key result's ``target:`` may be, for the hint of one that is no number
TARGET_FORMS_HINT = (
    "write a number, e.g. 50, 12.5 % or 1,000,000, or a level to keep with its "
    'number: target: ">= 99.9" or "<= 2"'
)


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxdict = _SHORT.maxtuple = 5
_SHORT.maxlevel = 3


def shown_value(value: Any) -> str:
    """A short repr for messages: bounded however large or deep ``value`` is."""
    if type(value) is str and len(value) <= 58:  # what reprlib gives, without its dispatch
        text = repr(value)
        if len(text) <= 60:
            return text
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, int) and abs(value) >= 10**40:
        # YAML reads digits of any length as an int: too large for a float
        # (and, past 4,300 digits, for str()), and for a message
        bits = abs(value).bit_length()
        digits = len(str(abs(value))) if bits < 14_000 else int(bits * 0.30103) + 1
        return f"a number of {'about ' if bits >= 14_000 else ''}{digits:,} digits"
    return str(int(value)) if float(value).is_integer() else str(value)


def _day_month_year(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def keys_listed(listed: Any) -> set[str]:
    """The keys a check-in's ``values:`` names, as a mapping or a list of one-key mappings."""
    if isinstance(listed, dict):
        return {str(key) for key in listed}
    if isinstance(listed, list):
        return {str(key) for item in listed if isinstance(item, dict) for key in item}
    return set()


def given_twice(data: Mapping[str, Any], key: str) -> tuple[str, str] | None:
    """A key at the top of a check-in that its ``values:`` names too
    (``logos: 11`` beside ``values: {logos: 12}``): the message and hint of
    its warning, saying that the value under ``values:`` counts; ``None``
    for any other key."""
    listed = data.get("values")
    plain = without_typed_quotes(key)
    if plain not in {without_typed_quotes(k) for k in keys_listed(listed)}:
        return None
    if isinstance(listed, dict):
        counted = next(
            value for k, value in listed.items() if without_typed_quotes(str(k)) == plain
        )
    else:
        counted = next(
            value
            for item in listed or ()
            if isinstance(item, dict)
            for k, value in item.items()
            if without_typed_quotes(str(k)) == plain
        )
    return (
        f"{key!r} is given twice, at the top ({_shown_plain(data[key])}) and under values: "
        f"({_shown_plain(counted)}): the value under values: counts, this one is ignored",
        f"keep one: remove this line, or move it under values: in place of {key}: "
        f"{_shown_plain(counted)}",
    )


def _shown_plain(value: Any) -> str:
    """A value as a check-in writes it: ``11``, ``eleven``, ``nothing``."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and value.strip() and len(value) <= 40 and value.isprintable():
        return value.strip()
    return shown_value(value)


def and_joined(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``: items as a sentence lists them."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def shares_of_one(shares: list[str], beside: list[str]) -> str:
    """The start of OKR127's message: figures written as shares of one
    (``start 0.3``, ``readings 0.028 and 0.031``) beside figures written in
    percent (``current 36%``, ``target 1.5%``), all of them read in percent."""
    looks = "looks like a share" if len(shares) == 1 else "look like shares"
    return f"{and_joined(shares)} {looks} of one beside {and_joined(beside)}: all are read as percentages"


def values_refused(raw: Any) -> tuple[str, tuple[str | int, ...]]:
    """OKR106's message, and where it points, for a check-in's ``values:``
    that is neither a mapping nor a list of one-key entries: both forms the
    docs allow, and which item is neither, as written in the file rather
    than as Python shows what YAML read (``[{'kr2': 16}, '5 %']``)."""
    path: tuple[str | int, ...] = ("values",)
    if not isinstance(raw, list):
        said = f"it is {_as_yaml(raw)}"
    elif not raw:  # values: [] names no key result
        said = "it is an empty list"
    else:
        at = next(i for i, x in enumerate(raw) if not (isinstance(x, dict) and len(x) == 1))
        item = raw[at]
        said = (
            f"item {at + 1} has {len(item)} keys"
            if isinstance(item, dict)
            else f"item {at + 1} ({_as_yaml(item)}) is no 'key: value' entry"
        )
        path = ("values", at)
    return (
        "values must name each key result with its value, as a mapping "
        f"{{kr1: 3, kr2: 5}} or a list of one-key entries [kr1: 3, kr2: 5], but {said}",
        path,
    )


def _as_yaml(item: Any) -> str:
    """A value as the file writes it (``5 %``, ``true``), not as a Python repr."""
    if isinstance(item, str):
        return item if len(item) <= 40 else item[:37] + "..."
    if item is None:
        return "nothing"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return _fmt(item)
    return (
        "a list" if isinstance(item, list) else "a mapping" if isinstance(item, dict) else "a value"
    )


_TIME_ALONE = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)


def time_alone(value: Any) -> str | None:
    """``value`` when it is a time of day alone (``09:15``, ``9:15am``), as
    written; YAML reads ``9:15`` as the number 555 (minutes, base 60), shown
    as ``9:15`` again. ``None`` for anything else."""
    if isinstance(value, str):
        text = value.strip()
        return text if _TIME_ALONE.fullmatch(text) else None
    if type(value) is int and 0 <= value < 24 * 60:
        return f"{value // 60}:{value % 60:02d}" if value >= 60 else None
    return None


#: the largest number a figure may be (the largest float), about 1.8e308
_LARGEST = float.fromhex("0x1.fffffffffffffp+1023")


def _overflows(text: str) -> bool:
    """Whether ``text`` is a number written with an exponent too large (``1e400``)."""
    if len(text) > 400 or "e" not in text.lower():
        return False
    try:
        return float(text) in (float("inf"), float("-inf"))
    except ValueError:
        return False


def too_large_hint(value: Any) -> str | None:
    """The hint for a number too large to read (a 400-digit integer), else ``None``."""
    if type(value) is str:
        digits = value.strip().lstrip("+-").replace("_", "").replace(",", "").replace(" ", "")
        if not (digits.isdigit() and len(digits) > 308) and not _overflows(digits):
            return None
    elif type(value) is not int or abs(value) <= _LARGEST:
        return None
    return (
        "the number is too large: a figure may be at most about 1.8e308 (309 digits); "
        "write it in a larger unit (millions, billions) so that it has fewer digits"
    )
