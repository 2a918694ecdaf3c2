"""How numbers look on a page: the formats every template uses.

Kept apart from the view model so a theme (through the ``num``, ``decimal``,
``percent`` and ``with_unit`` globals) and Python format a number the same way.
A percentage is written by one function per language,
:meth:`okrsite.translations.Language.percent` (CLDR's pattern: ``34%`` in
English, ``34 %`` in German); :func:`remembered_percent` is how pages, charts
and badges reach it.
The arithmetic lives in :mod:`okrsite.numbers`, the one implementation that
is safe at any magnitude (no ``OverflowError``, no ``nan`` or ``inf`` in a
page); this module only names what the view uses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from okrsite import numbers
from okrsite.scoring_progress import grade_for
from okrsite.sitefiles import excerpt
from okrsite.written_numbers import CURRENCY_SIGNS

__all__ = [
    "format_number",
    "format_decimal",
    "percent",
    "bar_width",
    "percent_figure",
    "remembered_number",
    "remembered_decimal",
    "remembered_percent",
    "percent_with_places",
    "atom_time",
    "money_with_cents",
]


def format_number(value: float | None) -> str:
    """A compact human number: ``2``, ``2.5``, ``99.95``, ``1,000,000``, ``1.7e+308``; ``–`` for none."""
    return numbers.format_number(value)


@lru_cache(maxsize=1024)  # a site has a few dozen units; pages ask per figure
def is_money(unit: str | None) -> bool:
    """Whether a unit is money: a currency sign (``€``, ``$``) or an ISO 4217
    code (``EUR``, ``chf``), as Babel lists them; ``k EUR`` is not (thousands)."""
    if not unit:
        return False
    unit = unit.strip()
    if unit in CURRENCY_SIGNS:
        return True
    if len(unit) != 3 or not unit.isalpha():
        return False
    return unit.upper() in _currencies()


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def format_decimal(value: float | None, places: int) -> str:
    """A number with at most ``places`` decimals and no trailing zeros.

    The score explanation uses three, so each step reads true (0.543 − 0.497
    = 0.047, where two decimals would show 0.54 − 0.5 = 0.05).
    """
    return numbers.format_fixed(value, places)


#: the decimals a grade's figure is written with, where they keep it in its band
GRADE_PLACES = 2


def grade_places(progress: float | None, pace_places: int = 0) -> int:
    """The decimals a grade's figure needs to stand in its own colour band:
    two (0.43 yellow), or as many more as keep two places from rounding it
    over the band's edge (0.3996 is red: "0.3996 red", never "0.4 red"; the
    band is the core's :func:`~okrsite.scoring_progress.grade_for`, asked of
    the figure as written), or up to 1 (0.99997 is "0.99997 green", never
    "1 green"). A grade stands beside its percentage, which the status may
    have given decimals (``pace_places``,
    :func:`okrsite.scoring_pace.pace_places`: "34.97%" at risk): the grade
    is rounded as that percentage is, "0.3497 red", never "0.35 red", from
    which a reader works out 35% and on track."""
    if progress is None or progress != progress or abs(progress) >= numbers.PLAIN_LIMIT:
        return GRADE_PLACES
    if pace_places > 0:
        return max(pace_places + 2, grade_places(progress))
    band = grade_for(progress)
    under_one = round(progress, 9) < 1  # never written 1, the grade of a done key result

    def misleads(places: int) -> bool:
        shown = float(numbers.format_fixed(progress, places))
        return grade_for(shown) != band or (under_one and shown >= 1)

    places = GRADE_PLACES
    while places < 9 and misleads(places):
        places += 1
    return places


def percent(progress: float | None) -> int:
    """The whole percentage shown for a 0..1 progress (halves rounded up, as a
    spreadsheet rounds: :func:`okrsite.numbers.percent`), kept within
    ±1,000,000 so any finite ratio has one. Templates call it as ``pct``."""
    try:
        return numbers.percent(progress)
    except TypeError:
        needs_number("pct", progress, "a 0..1 ratio")
        raise


def percent_figure(progress: float | None, places: int) -> float | None:
    """The figure of a percentage written with ``places`` decimals (trailing
    zeros dropped): :func:`percent` with none, else the ratio × 100 rounded
    halves up (``34.97`` for 0.3497 at 2). :func:`percent_with_places` writes
    it on pages; the search index hands it to its script as a number, so a
    search result reads the figure the objective's page writes."""
    if progress is None or progress != progress:
        return None
    if places <= 0 or abs(progress * 100) >= numbers.MAX_PERCENT:
        return percent(progress)
    return float(numbers.format_fixed(progress * 100, places))


def bar_width(progress: float | None) -> int:
    """The filled share of a progress bar, in percent: :func:`percent` kept to 0..100."""
    try:
        return max(0, min(100, numbers.percent(progress)))
    except TypeError:
        needs_number("bar_width", progress, "a 0..1 ratio")
        raise


def needs_number(name: str, value: object, what: str = "a number") -> None:
    """Refuse a value that is no number in words a theme author can act on:
    Python's own ("must be real number, not str") names neither the global
    the template called nor the value (``percent("47")``, a history
    entry's ``new``, which is the title for ``created``). Only the calls
    that fail, or miss their memory, ask: the pages' figures pay nothing."""
    if value is not None and not isinstance(value, (int, float, Decimal)):
        raise TypeError(
            f"{name}() needs {what}, got {excerpt(repr(value))} ({type(value).__name__}); "
            "guard it with {% if x is number %}"
        )


#: a memory of formatted numbers starts again beyond this many values
_REMEMBERED = 65_536


def money_with_cents(value: float | None, unit: str | None) -> str | None:
    """An amount of money with cents as every page writes it beside its unit,
    in English symbols (``95,000.50``, not ``95,000.5``:
    :func:`okrsite.numbers.format_money`), where ``unit`` is money
    (:func:`is_money`) and ``value`` has cents; ``None`` for any other
    figure, which :func:`format_number` writes. The pages' ``with_unit``
    and ``okrsite diff``'s figures both ask it, so a diff writes
    ``450.000,50 €`` as the objective page does."""
    if value is None or not numbers.finite(value) or not is_money(unit) or value == int(value):
        return None
    return numbers.format_money(value)


def remembered_number(localise: Callable[[str], str]) -> Callable[[float | None], str]:
    """:func:`format_number` in a language's symbols (``localise``), remembered per value.

    Templates format the same figures again and again (weights, targets,
    confidence, 0 and 100): a page asks for about fifty. Ints and floats are
    remembered apart (``1`` and ``1.0`` are one dict key but two types);
    anything else is formatted every time.
    """
    floats: dict[float, str] = {}
    ints: dict[int, str] = {}

    def number(value: float | None) -> str:
        kind = type(value)
        memory: dict[Any, str] | None = floats if kind is float else ints if kind is int else None
        if memory is None:
            needs_number("num", value)
            return localise(format_number(value))
        text = memory.get(value)
        if text is None:
            if len(memory) >= _REMEMBERED:
                memory.clear()
            text = memory[value] = localise(format_number(value))
        return text

    return number


def remembered_percent(
    localise: Callable[[str], str],
    percent_sign: Callable[[str], str],
    gettext: Callable[[str], str] | None = None,
    name: str = "percent",
) -> Callable[[float | None], str]:
    """A 0..1 ratio as the language writes a percentage (``34%``, ``34 %``),
    remembered per value: :func:`percent` in the language's symbols
    (``localise``), then its percent pattern (``percent_sign``,
    :meth:`~okrsite.translations.Language.percent`). Every bar on a page asks
    for one. A ratio beyond display range reads "more than 1,000,000%" in
    the language's words (``gettext``). No ratio (a team whose objectives
    are all drafts) is "–", as :func:`format_number` writes no figure: a
    page must not say 0% of what nothing measured. With ``str`` as
    ``percent_sign`` it writes the figure alone (the ``pct_figure`` global:
    "mehr als 1.000.000" in German). ``name``: the global templates call it
    by, for the message when given no number."""
    memory: dict[float | None, str] = {}
    words = gettext or str

    def written(ratio: float | None) -> str:
        if ratio is None or ratio != ratio:  # none, or nan
            return format_number(None)
        needs_number(name, ratio, "a 0..1 ratio")
        shown = percent(ratio)
        if abs(shown) < numbers.MAX_PERCENT:
            # grouped as every figure of a page (``55,025%``, ``55.025 %``)
            return percent_sign(localise(f"{shown:,}"))
        bound = f"{numbers.MAX_PERCENT:,}" if shown > 0 else f"−{numbers.MAX_PERCENT:,}"
        text = words("more than %(percent)s" if shown > 0 else "less than %(percent)s")
        return text % {"percent": percent_sign(localise(bound))}

    def percent_text(ratio: float | None) -> str:
        try:
            text = memory.get(ratio)
        except TypeError:  # not hashable: formatted every time
            return written(ratio)
        if text is None:
            if len(memory) >= _REMEMBERED:
                memory.clear()
            text = memory[ratio] = written(ratio)
        return text

    return percent_text


def percent_with_places(
    percent_text: Callable[[float | None], str],
    localise: Callable[[str], str],
    percent_sign: Callable[[str], str],
) -> Callable[[float | None, int], str]:
    """A 0..1 ratio as a percentage with ``places`` decimals, trailing zeros
    dropped (``34.97%`` beside ``50%``): progress written beside expected
    with the decimals :func:`okrsite.scoring_pace.pace_places` gives, so the
    gap a reader works out stands on the side of the limit its status says.
    With 0 places it is ``percent_text`` (:func:`remembered_percent`, whose
    whole percentages keep their own rules near 40%, 70% and 100%)."""

    def written(ratio: float | None, places: int) -> str:
        needs_number("percent_at", ratio, "a 0..1 ratio")
        if places <= 0 or ratio is None or abs(ratio * 100) >= numbers.MAX_PERCENT:
            return percent_text(ratio)
        return percent_sign(localise(numbers.format_fixed(ratio * 100, places)))

    return written


def remembered_decimal(localise: Callable[[str], str]) -> Callable[[float | None, int], str]:
    """:func:`format_decimal` in a language's symbols, remembered per value and places."""
    memory: dict[tuple[type, float, int], str] = {}

    def decimal(value: float | None, places: int) -> str:
        kind = type(value)
        if kind is not float and kind is not int:
            needs_number("decimal", value)
            return localise(format_decimal(value, places))
        key = (kind, value, places)
        text = memory.get(key)  # type: ignore[arg-type]
        if text is None:
            if len(memory) >= _REMEMBERED:
                memory.clear()
            text = memory[key] = localise(format_decimal(value, places))  # type: ignore[index]
        return text

    return decimal


def atom_time(day: date, time: str = "", zone: str = "") -> str:
    """A check-in's moment as the Atom feed needs it (RFC 3339, ``2026-11-19T09:15:00Z``).

    A check-in keeps its time of day as written (``HH:MM`` or ``HH:MM:SS``,
    :func:`okrsite.parse._checkin_moment`); without it two check-ins of one
    day would have one timestamp and feed readers could not order them. A
    check-in without a time stands at the start of its day. A time that
    names a zone is written with it (``2026-11-23T17:00:00+01:00``), as RFC
    3339 allows, so the feed's instant is the one written; one without a
    zone is given as UTC, as the dates always were.
    """
    if not time:
        return f"{day.isoformat()}T00:00:00Z"
    return f"{day.isoformat()}T{time if time.count(':') == 2 else time + ':00'}{zone or 'Z'}"
