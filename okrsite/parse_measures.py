"""A record's figures and their unit.

A key result and a goal's measure write a start, a target and a current
value, and a KPI its target and readings, with a unit: ``unit: min``
beside ``target: 12 min``, the unit written with the figures alone
(``start: 8 hours``), a percentage (``45%``) or a currency sign
(``€2.5M``); and a key result or a goal's measure may say its figures in a
sentence (``from 8 h to 2 h``). These read them so for
:mod:`okrsite.parse_key_results`, :mod:`okrsite.parse_goals` and
:mod:`okrsite.parse_kpis`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from okrsite.mixed_currencies import mixed_currencies
from okrsite.numbers import format_number
from okrsite.parse_fields import Path_, T, _Fields
from okrsite.parse_figures import currency_of as currency_of
from okrsite.parse_figures import magnitude_written as magnitude_written
from okrsite.parse_figures import (
    money_figure,
    other_money,
    split_unit,
    unit_multiplier,
    without_unit,
)
from okrsite.parse_messages import magnitude_refused, shares_of_one, shown_value
from okrsite.units import known_unit, same_unit, unit_name
from okrsite.written_numbers import CURRENCY_SIGNS, read_number

_NUMERIC_KEYS = ("start", "target", "current")


def _with_unit(f: _Fields, item: Mapping[str, Any], read: Callable[[], T]) -> T:
    """What ``read`` reads with :attr:`_Fields.unit_word` set to ``item``'s
    ``unit:``, so that ``target: 12 min`` beside ``unit: min`` is 12."""
    f.unit_word = item["unit"] if isinstance(item.get("unit"), str) else ""
    try:
        return read()
    finally:
        f.unit_word = ""


_GOAL_MEASURE_KEYS = {"start", "target", "current", "unit"}


#: a figure in a sentence: a sign, a currency before or after, digits that
#: commas, points, apostrophes or spaces may group (``1,200``, ``1 200``), a
#: thousand, million or billion (``$200k``, ``1.2M €``, ``1,2 M€``)
_FIGURE = (
    r"[-+\u2212]?[$€£¥]?\s?\d(?:[\d.,']|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))*"
    r"(?:\s?(?:[kMB]|bn)(?![^\W\d_])|\s(?:mio|mrd|tsd)(?:\.|(?![^\W\d_]))"
    r"|\s(?:millionen|millions?|milliarden?|billions?|thousands?|tausend)(?![^\W\d_]))?"
    r"(?:\s?[$€£¥](?!\w))?"
)
#: a unit word after a figure in a sentence (or a percent sign), with the
#: point of an abbreviation (``48 Std.``, ``8 hrs.``): :func:`_unit_point`
#: tells it from a sentence's closing point
_UNIT_WORD = r"(?:%|[^\W\d_]+\.?)"
#: German "von 30 auf 50 steigern" ("von … bis …" is a range as often as a
#: change, "Teams von 5 bis 10 Personen": not read)
_VON_AUF = (
    rf"\bvon\s+(?P<a>{_FIGURE})\s*(?P<ua>{_UNIT_WORD})?"
    rf"\s+auf\s+(?P<b>{_FIGURE})\s*(?P<ub>{_UNIT_WORD})?"
)
#: the ways a sentence says where a measure starts and ends, tried in this
#: order; the first one found decides (``a``, ``ua``: the start and its
#: unit; ``b``, ``ub``: the target and its unit). Compiled when a key result
#: is first written as a sentence (re keeps them compiled)
_FROM_TO = (
    # "from 30 to 50", "from 8h to 2h", "from $200k to $1M", "from 5% to 2%"
    rf"\bfrom\s+(?P<a>{_FIGURE})\s*(?P<ua>{_UNIT_WORD})?"
    rf"\s+to\s+(?P<b>{_FIGURE})\s*(?P<ub>{_UNIT_WORD})?",
    # "30 -> 50", "from 30 → 50", "8 h ⟶ 2 h": an arrow between two figures
    rf"(?:\bfrom\s+)?(?<![\w.,])(?P<a>{_FIGURE})\s*(?P<ua>{_UNIT_WORD})?"
    rf"\s*(?:-{{1,2}}>|=>|[→⟶⇒➔➜])\s*(?P<b>{_FIGURE})\s*(?P<ub>{_UNIT_WORD})?",
    # "to 2% from 3%": the target said first
    rf"\bto\s+(?P<b>{_FIGURE})\s*(?P<ub>{_UNIT_WORD})?"
    rf"\s+from\s+(?P<a>{_FIGURE})\s*(?P<ua>{_UNIT_WORD})?",
    _VON_AUF,
)
#: the verbs a German key result ends with ("NPS von 30 auf 50 steigern"):
#: after the target, but no unit of it
_GERMAN_VERBS = (
    "abbauen",
    "anheben",
    "ausbauen",
    "beschleunigen",
    "bringen",
    "erhöhen",
    "erreichen",
    "erzielen",
    "gewinnen",
    "halbieren",
    "halten",
    "heben",
    "kürzen",
    "maximieren",
    "minimieren",
    "optimieren",
    "reduzieren",
    "senken",
    "sinken",
    "steigen",
    "steigern",
    "verbessern",
    "verdoppeln",
    "verkürzen",
    "verringern",
    "wachsen",
)
#: words that may follow a figure in a sentence but are no unit of it
#: ("from 30 to 50 by March", "from 12% to 9% in EMEA")
_NOT_UNITS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "before",
        "by",
        "during",
        "each",
        "every",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "per",
        "than",
        "the",
        "this",
        "through",
        "till",
        "to",
        "until",
        "while",
        "with",
        # a scale: "from 4.2 to 4.5 out of 5"
        "out",
        "within",
        "without",
        # how often: "from 5% to 3% monthly", "from €1M to €2M annually"
        "annually",
        "yearly",
        "quarterly",
        "monthly",
        "weekly",
        "biweekly",
        "daily",
        "nightly",
        "hourly",
        "jährlich",
        "quartalsweise",
        "monatlich",
        "wöchentlich",
        "täglich",
        "stündlich",
        "pro",
        "je",
        "im",
        "bis",
        # German words between or after the figures: "von 30 auf 50 bis
        # März", "von 5 % auf 3 % im Q4", "von 30 auf 50 steigern"
        "ab",
        "am",
        "auf",
        "bei",
        "durch",
        "für",
        "mit",
        "nach",
        "oder",
        "ohne",
        "seit",
        "um",
        "und",
        "vor",
        "von",
        "zum",
        "zur",
        *_GERMAN_VERBS,
    ]
)
#: one comma or point before exactly three digits: thousands or decimals?
_ONE_MARK = r"[1-9]\d{0,2}([.,])\d{3}"


def _sentence_unit(word: str | None, german: bool = False) -> str | None:
    """The unit a word after a figure names, or ``None`` ("by", "in": no unit).
    In a German sentence (``german``) a verb in small letters is none either
    (``von 30 auf 50 anpeilen``): German writes its nouns, and so its units
    of counted things (``Kunden``, ``Tage``), with a capital letter."""
    bare = None if word is None else word.removesuffix(".")
    if bare is None or bare.casefold() in _NOT_UNITS:
        return None
    if (
        german
        and bare.islower()
        and len(bare) > 4
        and bare.endswith(("en", "ern", "eln"))
        and not known_unit(bare)  # minuten, stunden, tagen: units
    ):
        return None
    return word


def _unit_point(found: re.Match[str], side: str, other: str | None) -> str | None:
    """The unit word of one side (``ua``, ``ub``) of a sentence with the point
    after it only where that point is an abbreviation's: before more of the
    sentence (``von 48 Std. auf 24 Std. verkürzen``), or at its end where
    the other side writes the same word with it (``from 8 hrs. to 2 hrs.``).
    A point that closes the sentence after a word is the sentence's (``von
    30 Kunden auf 50 Kunden.``, ``von 48 Std. auf 24 Stunden.``)."""
    word = found[side]
    if word is None or not word.endswith(".") or word == ".":
        return word
    closes = not found.string[found.end(side) :].strip()
    if closes and (other or "").casefold() != word.casefold():
        return word[:-1]
    return word


def _sentence_figure(text: str, other: str) -> tuple[float, bool] | None:
    """A figure of a "from … to …" sentence, read with the other figure as context.

    ``1,200`` and ``1.200`` alone say neither thousands nor decimals (a
    ``start:`` refuses the first and warns on the second). In a sentence the
    other side tells: when it uses the same mark for decimals (``from 1,200
    to 1,5``) the mark is a decimal one; otherwise it groups thousands, as
    people write counts in prose (``from 1,200 to 900``, German ``von 1.200
    auf 900``, ``from 12,500 to 15,000``).
    """
    core = re.search(r"\d[\d.,']*", text)
    shape = re.fullmatch(_ONE_MARK, core.group()) if core is not None else None
    if core is None or shape is None:
        return read_number(text)
    mark = shape.group(1)
    decimal = re.search(rf"\{mark}(?:\d{{1,2}}|\d{{4,}})(?!\d)", other) is not None
    written = core.group().replace(mark, "." if decimal else "")
    return read_number(text[: core.start()] + written + text[core.end() :])


@lru_cache(maxsize=4096)
def _from_to_match(sentence: str) -> tuple[re.Match[str] | None, bool]:
    """The first "from … to …" of :data:`_FROM_TO` in ``sentence``, and
    whether it is the German "von … auf …". Kept for the titles read again
    (a key result's title is read for its figures, for OKR409 and OKR129,
    and in its unit): a search of every pattern is the costly part."""
    for pattern in _FROM_TO:
        found = re.search(pattern, sentence, re.IGNORECASE)  # re keeps it compiled
        if found is not None:
            return found, pattern is _VON_AUF
    return None, False


def title_figures(title: str) -> tuple[re.Match[str], dict[str, Any]] | None:
    """Where ``title`` writes the figures :func:`_written_out` reads from it
    (groups ``a``, ``ua``: the start and its unit; ``b``, ``ub``: the
    target and its unit) and what it reads (``start``, ``target``,
    ``unit``), or ``None`` when it reads no start and target: ``okrsite
    carry`` rewrites the start a carried title still says (OKR409 reads it
    the same way)."""
    said = _written_out(title)
    if not isinstance(said.get("start"), float) or not isinstance(said.get("target"), float):
        return None  # also any title over MAX_SENTENCE_CHARS, never searched
    found = _from_to_match(title)[0]
    return None if found is None else (found, said)


#: longer text is not read for figures (title only): no sentence is this long, and
#: :data:`_FROM_TO` backtracks on long runs of numbers (``"123 " * 5000``: 19 s)
MAX_SENTENCE_CHARS = 300


def _written_out(sentence: str) -> dict[str, Any]:
    """A key result written as a sentence, as people list them (``- Increase NPS
    from 30 to 50``): its title, and the start, target and unit its "from …
    to …" says (or "to … from …", an arrow ``30 -> 50``, German "von …
    auf …": :data:`_FROM_TO`), when both sides are numbers
    (:mod:`okrsite.written_numbers`) of the same thing: "Move 40 services
    from 2 data centres to 1 region" counts different things on each side
    and is no measure (its title only). One unit written two ways is one
    unit, as beside ``start:`` and ``target:`` (``from 5 days to 1 day``,
    :func:`okrsite.units.same_unit`): the target's word, in the plural where
    the target is 1 of it (:func:`okrsite.units.unit_name`).
    """
    item: dict[str, Any] = {"title": sentence.strip()}
    if len(sentence) > MAX_SENTENCE_CHARS:
        return item  # no sentence: never searched (MAX_SENTENCE_CHARS)
    found, german = _from_to_match(sentence)
    if found is None:
        return item
    ua, ub = (
        _sentence_unit(_unit_point(found, u, found[v]), german)
        for u, v in (("ua", "ub"), ("ub", "ua"))
    )
    if ua is None and all(any(c in CURRENCY_SIGNS for c in found[s]) for s in "ab"):
        ub = None  # from €1M to €2M steigern: both amounts name their unit, the word is none
    if ua and ub and ua.casefold() != ub.casefold() and not same_unit(ua, ub):
        return item
    if (ua or ub or "").casefold() == "mn" and currency_of(found["a"] + found["b"]):
        # from $10mn to $20mn: money in millions, no unit "mn"; refused as 1.2m is
        item["start"], item["target"] = (found[s].strip() + (found[f"u{s}"] or "") for s in "ab")
        return item
    start = _sentence_figure(found["a"], found["b"])
    target = _sentence_figure(found["b"], found["a"])
    if start is None or target is None:
        if any(re.search(r"\dm$", found[s].strip()) for s in "ab"):
            # from 1.2m to 2m: million, or metres? the figures as written, for
            # the key result's reading to refuse with what to write
            item["start"], item["target"] = found["a"].strip(), found["b"].strip()
        return item
    item["start"], item["target"] = _shared_magnitude(found, ua, start[0], target[0]), target[0]
    if ua and ub:  # from 5 days to 1 day: days
        item["unit"] = unit_name(ub, target[0], [ua, ub])
    elif ua or ub:
        item["unit"] = ua or ub
    else:  # from $1M to $3,000,000: the currency, as for target: $3,000,000
        signs = {c for c in found["a"] + found["b"] if c in CURRENCY_SIGNS}
        if len(signs) == 1:
            item["unit"] = signs.pop()
    return item


def _shared_magnitude(found: re.Match[str], ua: str | None, start: float, target: float) -> float:
    """The start of "from 1.2 to 1.5 M EUR": the magnitude after the last
    figure is said once for both, as "from 10 to 40 %" is percent on both
    sides (1.2 M, so 1,200,000 as ``from €1.2M`` reads). Only where it is
    plausible: the start, said first, is a bare figure (no magnitude, sign
    or unit of its own) more than 100 times off the target as written and
    within 10 times of it with the magnitude; "from 500 to 1.5M users"
    keeps 500."""
    times = unit_multiplier(magnitude_written(found["b"]) or "")
    bare = ua is None and not currency_of(found["a"]) and magnitude_written(found["a"]) is None
    if times == 1 or not bare or found.start("a") > found.start("b") or start * target <= 0:
        return start
    off, scaled = abs(target / start), abs(target / (start * times))
    plausible = (off > 100 or off < 0.01) and 0.1 <= scaled <= 10
    return float(f"{start * times:.12g}") if plausible else start  # 1.1 M: not 1100000.0000000002


def measure_sentence(text: str) -> dict[str, Any] | None:
    """A goal's ``measure:`` written as a key result's sentence is
    (``measure: from 8 h to 2 h``, ``8 h to 2 h``): its start, target and
    unit, read as :func:`_written_out` reads a key result's; ``None`` when
    the text says no such thing. ``okrsite checkin`` reads it too, to write
    the measure's ``current`` beside its figures."""
    figures = _written_out(text if re.search(r"\bfrom\b", text, re.I) else f"from {text}")
    if "target" not in figures:
        return None
    return {k: v for k, v in figures.items() if k != "title"}


#: words after a figure that say how many, not of what (``5 m``: million, or
#: metres?): no unit is taken from them, and the figure stays an error
_MAGNITUDES = frozenset(
    [
        "m",
        "mm",
        "mn",
        "mio",
        "mil",
        "mill",
        "million",
        "millions",
        "millionen",
        "thousand",
        "thousands",
        "tausend",
        "tsd",
        "billion",
        "billions",
        "billionen",
        "bn",
        "mrd",
        "milliarde",
        "milliarden",
        "lakh",
        "crore",
    ]
)
#: the figures of a key result or a goal's measure that may carry its unit
_FIGURE_KEYS = ("start", "target", "current", "stay_above", "stay_below")


def _units_written(f: _Fields, item: dict[str, Any], path: Path_, what: str) -> dict[str, Any]:
    """A key result's or measure's figures written with their unit and no
    ``unit:`` line (``start: 8 hours``, ``target: 2 h``): the unit is the
    target's word (else the first written), and every figure must be in it
    (any spelling of it, :func:`okrsite.units.same_unit`); a figure in
    another unit, or in another currency (:mod:`okrsite.mixed_currencies`),
    is error OKR312, as okrsite converts nothing."""
    item = _magnitudes_refused(f, item, path)
    if item.get("unit") is not None:
        if not any(type(item.get(key)) is str for key in _FIGURE_KEYS):
            return item  # figures written as numbers (most): no money, no unit to hold
        item = _other_money(f, item, path, what)
        return _in_own_unit(item)  # the usual case: figures beside unit: are read past it
    item = mixed_currencies(f, item, path, what, _FIGURE_KEYS)  # 500 EUR, $900: no one unit
    words = [
        (key, found[1])
        for key in _FIGURE_KEYS
        if type(value := item.get(key)) is str
        and (found := split_unit(value)) is not None
        and not found[0].endswith("%")  # 5%x: no figure with a unit
        and found[1].split()[0].rstrip(".").casefold() not in _MAGNITUDES  # 1.2m €: no unit "m €"
    ]
    if not words:
        return item
    unit_key, unit = next(((k, w) for k, w in words if k == "target"), words[0])
    figure = split_unit(item[unit_key])
    read = read_number(figure[0]) if figure is not None else None
    unit = unit_name(unit, read[0] if read is not None else None, [w for _k, w in words])
    out = {**item, "unit": unit}
    for key, word in words:
        if not same_unit(word, unit):
            f.err(
                "OKR312",
                f"{key} is written in {word!r} but {unit_key} in {unit!r}: okrsite converts nothing",
                (*path, key),
                hint=f"write {key} in {unit!r} too, or give the {what} a 'unit:' and figures in it",
            )
            out[key] = None
    return out


def _magnitudes_refused(f: _Fields, item: dict[str, Any], path: Path_) -> dict[str, Any]:
    """OKR102 for each figure written with a magnitude okrsite does not read
    (``1.2m €``: million, or metres?; ``5 mn``, ``2 lakh``), saying which
    forms say it; the figure is then left out, so nothing else reports it."""
    out = item
    unit = item.get("unit") if isinstance(item.get("unit"), str) else ""
    for key in _FIGURE_KEYS:
        value = item.get(key)
        if type(value) is not str or read_number(value) is not None:
            continue
        if unit and (without_unit(value, unit) or money_figure(value, unit)) is not None:
            continue  # 5 mm beside unit: mm, 5 m beside unit: m, £16.5m beside unit: £m
        found = split_unit(value)
        if found is None or found[0].endswith("%"):
            continue
        word, *rest = found[1].split(None, 1)
        if word.rstrip(".").casefold() not in _MAGNITUDES:
            continue
        reason, hint = magnitude_refused(value, found[0], word, rest[0] if rest else "")
        f.err(
            "OKR102",
            f"{key} must be a number, got {shown_value(value)}: {reason}",
            (*path, key),
            hint=hint,
        )
        out = {**out, key: None}
    return out


def _other_money(f: _Fields, item: dict[str, Any], path: Path_, what: str) -> dict[str, Any]:
    """OKR312 for each figure written in another currency than the ``unit:``
    (``current: "$1,200"`` beside ``unit: "€"``), as a check-in's value is
    refused: read past its sign it would count as 1,200 €. Left out."""
    unit = item["unit"] if isinstance(item["unit"], str) else ""
    rid = item.get("id")
    whose = f"key result {rid!r} is" if isinstance(rid, str) else f"the {what} is"
    out = item
    for key in _FIGURE_KEYS:
        written = other_money(item.get(key), unit)
        if written is not None:
            f.err(
                "OKR312",
                f"{key} is written in {written!r}, but {whose} measured in {unit!r}: "
                "okrsite converts nothing between currencies",
                (*path, key),
                hint=f"write {key} in {unit!r}, without a currency or with its own",
            )
            out = {**out, key: None}
    return out


def _in_own_unit(item: dict[str, Any]) -> dict[str, Any]:
    """A key result's or measure's figures written with its ``unit:``'s own
    spelling where that unit holds a magnitude (``target: 200 k€`` beside
    ``unit: k€``): 200 of that unit, as a bare ``200`` is, not 200,000. The
    magnitude is the unit's, so a figure written with it counts in it; one
    with a currency code is read as with its sign (:func:`money_figure`)."""
    unit = item.get("unit")
    if not isinstance(unit, str) or not (unit_multiplier(unit) != 1 or currency_of(unit)):
        return item
    out = dict(item)
    for key in _FIGURE_KEYS:
        value = item.get(key)
        if type(value) is str and (bare := money_figure(value, unit)) is not None:
            out[key] = bare
    return out


#: units that say a figure is a percentage
PERCENT_UNITS = frozenset({"%", "percent", "per cent", "pct", "prozent"})


def is_percent_unit(unit: str) -> bool:
    return unit.strip().lower() in PERCENT_UNITS


def _percent_unit(f: _Fields, unit: str, written: list[Path_], whose: str) -> str:
    """The unit of figures some of which were written as percentages (``45%``):
    ``%`` when none is given; an error when another one is."""
    if not written or is_percent_unit(unit):
        return unit
    if not unit:
        return "%"
    f.err(
        "OKR121",
        f"{written[0][-1]} is written as a percentage, but {whose} unit is {shown_value(unit)}",
        written[0],
        hint=f"write the bare number, or 'unit: \"%\"' if {whose} figures are percentages",
    )
    return unit


def _currency_unit(unit: str, signs: list[str]) -> str:
    """The unit of figures written with a currency sign (``target: €2.5M``):
    that sign when no unit is given and every such figure has the same one,
    so that pages show what was written (``2,500,000 €``), not a bare number."""
    if unit or not signs or len(set(signs)) != 1:
        return unit
    return signs[0]


def shares_in_percent(
    f: _Fields, readings: list[tuple[str, float, Path_]], references: dict[str, float | None]
) -> None:
    """OKR127: a KPI in percent whose readings (date, figure, path; by date)
    are all shares of one (``0.028``, as a sheet's 2.8% is pasted) while its
    target and thresholds are above 1 (``target: 1.5%``): read in percent,
    2.8% churn would be 0.028% and healthy. Warned at the first such reading;
    a reading written ``2.8%`` (or ``2.8``) is none."""
    shares = [(key, value, path) for key, value, path in readings if path not in f.percents]
    beside = {name: value for name, value in references.items() if value is not None}
    if (
        not shares
        or not beside
        or any(abs(value) > 1 for _, value, _ in shares)
        or not any(value for _, value, _ in shares)
        or any(abs(value) <= 1 for value in beside.values())
    ):
        return
    shown = [format_number(value) for _, value, _ in shares]
    if len(shown) > 3:
        shown = [*shown[:2], f"{len(shown) - 2} more"]
    latest = format_number(shares[-1][1])
    meant = [(key, format_number(round(value * 100, 9))) for key, value, _ in shares]
    listed = ", ".join(f"{key}: {figure}%" for key, figure in meant[:3])
    f.warn(
        "OKR127",
        shares_of_one(
            [f"{'reading' if len(shares) == 1 else 'readings'} {shown[0]}", *shown[1:]],
            [f"{name} {format_number(value)}%" for name, value in beside.items()],
        )
        + f", so the latest reading, {latest}, is {latest}%",
        shares[0][2],
        hint=f"write {'it' if len(shares) == 1 else 'them'} as percentages: {listed}"
        + (", …" if len(meant) > 3 else "")
        + f" (or {' and '.join(figure for _, figure in meant[:2])}"
        + (" …" if len(meant) > 2 else "")
        + ": the KPI's unit is %)",
    )
