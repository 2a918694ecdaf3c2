"""A figure as front matter writes it: a number, or a number with its unit.

YAML gives a number for ``12.5`` and text for ``1,000,000``, ``$1.5M`` or
``12 min``; these read the number such text writes (through
:mod:`okrsite.written_numbers`), and split a figure from the unit written
after it (``5 h``, ``1,200 tickets``), for the field reader, a record's
figures (:mod:`okrsite.parse_measures`) and check-ins' values.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

from okrsite.units import same_unit
from okrsite.written_numbers import CURRENCY_SIGNS, magnitude_word, money_grouped, read_number


def without_unit(value: str, unit: str) -> str | None:
    """``12`` of ``12 min`` where the unit is ``min``, when what is left is a
    number; else ``None``. The unit may be written as its other spellings
    are (``12 minutes``, ``8 hrs`` beside ``unit: h``: see
    :func:`okrsite.units.same_unit`); only the item's own unit is read
    past: ``12 h`` beside ``unit: min`` stays an error, not a guess."""
    text, word = value.strip(), unit.strip()
    if not word or len(text) <= len(word) or text[-len(word) :].lower() != word.lower():
        found = split_unit(text)
        return found[0] if found is not None and same_unit(found[1], word) else None
    head = text[: -len(word)]
    if word[0].isalnum() and head[-1:].isalnum() and not head[-1:].isdigit():
        return None  # "12 hmin": the unit is part of a longer word
    head = head.rstrip()
    if _as_number(head) is None and read_number(head) is None and not _DIGITS.fullmatch(head):
        return None
    # a figure whose own reading may fail (1,200): its error says why
    return _beside_code(head, word)


def _beside_code(figure: str, word: str) -> str:
    """``figure`` as the number reader reads it beside ``word`` when that
    is a currency's code (``2.000`` beside ``EUR`` or ``CHF``: ``2000``,
    as ``€2.000`` is; ``2,000`` beside ``USD``: ``2000``, as ``$2,000``
    is: :func:`okrsite.written_numbers.money_grouped`); else as it is
    written. Every figure written with a code, before or after it, in a
    goal file, a check-in or an import, is read through here, so that it
    means what the same figure written with its sign does."""
    coded = code_money(word) if word[:1].isalpha() else None
    if coded is None or coded[1]:
        return figure
    return money_grouped(figure, coded[0]) or figure


def _as_number(value: Any) -> float | None:
    if type(value) is float:  # the usual case: what YAML gives for 12.5
        return value if math.isfinite(value) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            result = float(value)
        except OverflowError:  # an int too large for a float (e.g. 400 digits)
            return None
    elif isinstance(value, str):
        try:
            result = float(value.strip().replace("_", ""))
        except ValueError:
            # as people write and paste numbers: 1,000,000  $1.5M  1 234,5
            written = read_number(value)
            if written is None or written[1]:  # a percentage only where one may be
                return None
            return written[0]
    else:
        return None
    return result if math.isfinite(result) else None


#: a check-in value with a word after its figure (``5 h``, ``1,200 tickets``,
#: ``24 °C``, ``50 m²``, ``20 km/h``, ``12 Stück``): the word starts with a
#: letter in any script or a sign units start with (degrees, per mille)
_FIGURE_AND_WORD = re.compile(
    r"(?P<figure>.*\d%?)(?P<space>\s*)(?P<word>(?:[^\W\d_]|[°º‰℃℉])[^\d]{0,29})", re.S
)
#: digits with the marks that group or divide them: a figure, however
#: ambiguous (``1,200``), whose own error the number's reading gives
_DIGITS = re.compile(r"[-+]?\d[\d.,' \u00a0]*%?")


def is_figure(value: str, unit: str = "") -> bool:
    """Whether ``value`` writes a figure at all: a number as people write it
    (``99.9``, ``1,000``, ``$5k``), a percentage (``12.5 %``), or a number
    with a unit word after it (``5 h``, also its ``unit``'s spellings). Its
    reading may still fail (``1,200`` is ambiguous: its own error says why);
    text with no figure (``ten``, ``<img src=x>``) is none."""
    text = value.strip()
    return (
        _as_number(text) is not None
        or read_number(text) is not None
        or _DIGITS.fullmatch(text) is not None
        or split_unit(text) is not None
        or (bool(unit.strip()) and without_unit(text, unit) is not None)
    )


def split_unit(value: str) -> tuple[str, str] | None:
    """The figure and the unit of a number written with its unit after it
    (``("5", "h")`` of ``5 h``, ``1,200 tickets``, ``10k users``, ``24 °C``;
    ``("1,2 Mio.", "EUR")`` of ``1,2 Mio. EUR``: a magnitude word is the
    figure's, not the unit's; a currency code before it too, ``CHF 2’000``:
    :func:`_code_before`); ``None``
    for a number as written (``1.5k``, ``$3M``, ``45 %``) or a text that is
    no figure and word. The figure may still be one whose reading fails
    (``1,200`` is ambiguous): its own error says why."""
    text = value.strip()
    if read_number(text) is not None:  # 1.5k, $3M, 45 %: numbers as written
        return None
    before = _code_before(text)
    if before is not None:
        return before
    found = _FIGURE_AND_WORD.fullmatch(text)
    if found is None:
        return None
    figure, word = found["figure"], found["word"].strip()
    if " " in word:  # 10k users, 1,2 Mio. EUR, 2.5 million users: a magnitude, then the unit
        magnitude, rest = word.split(None, 1)
        if (not found["space"] or magnitude_word(magnitude) is not None) and read_number(
            figure + found["space"] + magnitude
        ) is not None:
            figure, word = figure + found["space"] + magnitude, rest.strip()
    coded = code_money(word)
    if coded is not None and coded[1] and read_number(f"{figure} {coded[1]}") is not None:
        # 1.35 M EUR, 150 kUSD: the magnitude is the figure's, the code its money
        figure, word = f"{figure} {coded[1]}", _CODE.search(word)[0]  # type: ignore[index]
    if _as_number(figure) is None and read_number(figure) is None and not _DIGITS.fullmatch(figure):
        return None
    return _beside_code(figure, word), word


#: a currency code, or the Swiss franc's ``Fr.``/``SFr.``, before a figure
#: (``CHF 2’000.50``, as Excel's de-CH currency format writes it, ``USD 2,000``)
_CODE_BEFORE = re.compile(r"(?P<code>[A-Z]{3}|S?Fr\.)\s*(?P<figure>[-+\u2212]?[\d.].*)", re.S)


def _code_before(text: str) -> tuple[str, str] | None:
    """The figure and the currency of a figure written after its currency
    code (``("2’000.50", "CHF")`` of ``CHF 2’000.50``), as :func:`split_unit`
    gives them of ``2’000.50 CHF``: the code's place says nothing, as a
    currency sign's does not (``$5``, ``5 €``); ``None`` for other text."""
    found = _CODE_BEFORE.fullmatch(text)
    if found is None or (found["code"] not in CURRENCY_CODES and "Fr." not in found["code"]):
        return None
    figure = found["figure"].strip()
    if _as_number(figure) is None and read_number(figure) is None and not _DIGITS.fullmatch(figure):
        return None
    code = found["code"]
    if code not in CURRENCY_CODES:  # Fr. 2.000: the franc, whose sign is no code
        return money_grouped(figure) or figure, code
    return _beside_code(figure, code), code


#: currency codes a unit may be written with (``unit: M EUR``, ``kUSD``), as
#: the sign each stands for where it has one (EUR is €), else as itself
CURRENCY_CODES = {
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "JPY": "¥",
    **{code: code for code in ("AUD", "CAD", "CHF", "CNY", "DKK", "INR", "NOK", "PLN", "SEK")},
}
#: currencies a unit may name in words (``unit: TEuro``, ``Mio. Euro``): the
#: money its code names, so that its magnitude is held as ``T€``'s is
_CURRENCY_NAMES = {"EUROS": "€", "EURO": "€"}
#: a name before the code it starts with (``Euro`` is no ``EUR`` and an ``o``)
_CODE = re.compile("|".join([*_CURRENCY_NAMES, *CURRENCY_CODES]), re.I)


@functools.lru_cache(maxsize=256)
def code_money(unit: str) -> tuple[str, str] | None:
    """The currency (its sign, or its code where it has none) and the rest of
    a unit of money written with a code (``M EUR``, ``EUR M``, ``MEUR``,
    ``kUSD``, ``Mio. EUR``, ``bn USD``, ``EURm``: ``("€", "M")``;
    ``EUR``: ``("€", "")``), or with its name (``TEuro``, ``Mio. Euro``,
    ``Euro``), so that it holds its magnitude as ``M€`` does; ``None`` for
    any other unit (``€``, ``EUR/h``, ``Europa``)."""
    for found in _CODE.finditer(unit):
        rest = (unit[: found.start()] + unit[found.end() :]).strip()
        if not rest or _money_magnitude(rest) != 1:
            word = found[0].upper()
            return _CURRENCY_NAMES.get(word) or CURRENCY_CODES[word], rest
    return None


def _money_magnitude(word: str) -> float:
    """What a magnitude written beside a currency sign or code multiplies by:
    a lowercase ``m`` or ``mn`` is a million there (``£m``, ``EURm``), as
    finance writes it, and a ``T`` a thousand (``T€``, ``TEUR``, ``tEUR``, the
    German annual report's thousand euro), as ``Tsd.`` is; any other word as
    :func:`_magnitude` reads it (``k``, ``Mio.``). Alone, ``m`` is metres and
    ``T`` or ``t`` no magnitude (tonnes, say)."""
    if word in ("m", "mn"):
        return 1e6
    if word in ("T", "t"):
        return 1e3
    return _magnitude(word)


def _magnitude(word: str) -> float:
    """What a magnitude word multiplies by (``k``, ``Mio.``: 1000, 1,000,000), else 1."""
    for written in (f"1{word}", f"1 {word}"):
        read = read_number(written)
        if read is not None and not read[1] and read[0] != 1:
            return read[0]
    return 1.0


@functools.lru_cache(maxsize=256)
def unit_multiplier(unit: str) -> float:
    """What a ``unit:`` that holds a magnitude multiplies by (``k€``, ``M€``,
    ``$k``, ``k``, ``Mio €``, ``M EUR``, ``kUSD``, ``T€``, ``TEUR``: 1000 or
    1,000,000), or 1 for a unit that holds none (``€``, ``EUR``, ``h``,
    ``km``). Beside one currency sign or code a lowercase m or mn is million
    (``£m``, ``$mn``, ``EURm``), as finance writes it and money is never
    counted in metres, and a T is thousand (``T€``, ``TEUR``, ``tEUR``, as
    German accounts write it); alone, ``m`` is metres and ``T`` a unit of
    its own (:func:`_money_magnitude`)."""
    coded = code_money(unit.strip())
    if coded is not None:  # M EUR holds its million as M€ does
        return _money_magnitude(coded[1]) if coded[1] else 1.0
    word = "".join(c for c in unit.strip() if c not in CURRENCY_SIGNS).strip()
    if not word or not any(c.isalpha() for c in word):
        return 1.0
    if len(currency_of(unit)) == 1:
        return _money_magnitude(word)
    return _magnitude(word)


def figure_in_unit(value: str, unit: str) -> str | None:
    """The figure of ``value`` written with ``unit``'s own spelling, before or
    after it (``150`` of ``150 k€``, ``$150k`` or ``150k`` beside ``unit:
    k€``, ``$k``, ``k``), when ``unit`` holds a magnitude; else ``None``. Such
    a figure is in the unit: 150 k€ in a key result in k€ is 150. A figure
    written with a currency code (``1.35M EUR``) is read as with its sign
    (``1.35M €``), and one written with a magnitude and no money (``1.35M``
    beside ``unit: M€``, ``150k`` beside ``M EUR``) is counted in the unit's
    magnitude (1.35; 0.15), as ``okrsite checkin --set`` writes it."""
    times = unit_multiplier(unit)
    if times == 1:
        return None
    signed = signed_figure(value)
    if signed is not None:
        return figure_in_unit(signed, unit)
    found = _in_spelling(value, unit)
    if found is not None:
        return found
    read = read_number(value)
    if read is None or read[1] or currency_of(value) or magnitude_written(value) is None:
        return None
    return f"{read[0] / times:.12g}"  # 1.35M in M€: 1.35, never 1.3500000000000001


#: a figure written with a currency code before or after it (``1.35M EUR``,
#: ``EUR 1,2 Mio.``, ``150 kUSD``): the code and the figure with its magnitude
_CODED_FIGURE = re.compile(
    r"\s*(?:(?P<before>[A-Za-z]{3})\s*(?P<a>[-+\u2212]?\d.*?)|(?P<b>[-+\u2212]?\d.*?\d\.?\s*"
    r"[^\W\d_]*?\.?)\s*(?P<after>[A-Za-z]{3}))\s*"
)


def signed_figure(value: str) -> str | None:
    """``value`` with the currency code it is written with as its sign
    (``1.35M EUR``: ``1.35M €``; ``EUR 1,2 Mio.``: ``1,2 Mio. €``), when
    that currency has a sign; else ``None``."""
    found = _CODED_FIGURE.fullmatch(value)
    if found is None:
        return None
    code = (found["before"] or found["after"]).upper()
    figure = (found["a"] or found["b"]).strip()
    sign = CURRENCY_CODES.get(code, "")
    if sign not in CURRENCY_SIGNS or not sign or currency_of(figure):
        return None
    signed = f"{figure} {sign}"
    return signed if read_number(signed) is not None else None


def money_figure(value: str, unit: str) -> str | None:
    """``value`` as the figure a goal file's ``unit:`` reads: in the unit's
    magnitude where it holds one (:func:`figure_in_unit`), else written with
    its currency's sign where it is written with its code (``1,200 EUR``
    beside ``unit: €``: ``1,200 €``); ``None`` when neither applies."""
    if unit_multiplier(unit) != 1:
        return figure_in_unit(value, unit)
    return signed_figure(value) if currency_of(unit) else None


def other_money(value: object, unit: str) -> str | None:
    """The currency of ``value``, a figure written with one (``$1,200``,
    ``€1.35M``, ``1.2M USD``), where ``unit`` is money of another currency
    (``€``, ``M EUR``, ``k€``): okrsite converts nothing between currencies,
    so the figure is refused (OKR312), not counted as the unit's money.
    ``None`` for a figure without money, or of the unit's currency."""
    if type(value) is not str or not unit.strip():
        return None
    ours = currency_of(unit)
    if len(ours) != 1 and ours not in CURRENCY_CODES.values():
        return None  # a unit of no money (k, h), or money per something (€/h)
    found = _CODED_FIGURE.fullmatch(value)
    code = (found["before"] or found["after"]).upper() if found is not None else ""
    written = currency_of(value) if code not in CURRENCY_CODES else CURRENCY_CODES[code]
    if not written or written == ours or (len(written) > 1 and written not in CURRENCY_CODES):
        return None
    return written if read_number(value) is not None or code in CURRENCY_CODES else None


def _in_spelling(value: str, unit: str) -> str | None:
    """The figure of ``value`` written with ``unit``'s own spelling or its
    currency in another magnitude (:func:`figure_in_unit`)."""
    text, word = value.strip(), re.sub(r"\s+", "", unit).casefold()
    squeezed = re.sub(r"\s+", "", text)
    for head, tail in ((squeezed, word), (squeezed[::-1], word[::-1])):
        if head.casefold().endswith(tail) and len(head) > len(tail):
            bare = head[: -len(tail)]
            bare = bare if head is squeezed else bare[::-1]
            read = read_number(bare)
            if read is not None and not read[1]:
                return bare
    # $150k beside unit: $k, 150k € beside unit: k€: the sign and the magnitude apart
    signs = "".join(c for c in word if c in CURRENCY_SIGNS)
    rest = word
    for sign in signs:
        rest = rest.replace(sign, "")
    bare_text = squeezed
    for sign in signs:
        bare_text = bare_text.replace(sign, "")
    if (
        signs
        and rest
        and bare_text.casefold().endswith(rest)
        and not any(c in CURRENCY_SIGNS for c in bare_text)
    ):
        bare = bare_text[: -len(rest)]
        read = read_number(bare)
        if read is not None and not read[1] and all(c in squeezed for c in signs):
            return bare
    return _money_in_unit(text, unit)


def _money_in_unit(text: str, unit: str) -> str | None:
    """``text`` as the figure it counts in ``unit`` when it writes money of the
    unit's currency in another magnitude or in none (``€1.2M`` or
    ``€300.000`` beside ``unit: k€``: 1200, 300), through
    :func:`money_in_unit`, as a check-in's value is; else ``None``."""
    read = read_number(text)
    if read is None or read[1]:
        return None
    signs = currency_of(text)
    written = magnitude_written(text) or (signs if len(signs) == 1 else "")
    divide = money_in_unit(written, unit) if written else None
    return None if divide is None else repr(read[0] / divide)


def magnitude_written(value: str) -> str | None:
    """What a number written with a magnitude carries beside its digits
    (``k€`` of ``150 k€``, ``$k`` of ``$150k``, ``Mio€`` of ``1,5 Mio €``),
    when it has one; ``None`` for a figure without (``150 €``, ``45%``).
    A check-in notes it, so that a key result whose ``unit:`` is that
    (``k€``) counts the figure in it (:func:`money_in_unit`)."""
    rest = _NOT_UNIT_MARKS.sub("", value)
    if not rest or unit_multiplier(rest) == 1:
        return None
    return rest


#: what is left out of a written figure to see what it carries beside its digits
_NOT_UNIT_MARKS = re.compile(r"[-+\u2212\d.,'_\s\u00a0\u202f\u2009]")


def money_in_unit(written: str, unit: str) -> float | None:
    """What to divide the whole number a figure writes by to count it in
    ``unit``, a unit that holds a magnitude: ``written`` is what the figure
    carries beside its digits (:func:`magnitude_written`, or its currency
    sign alone). The unit's own magnitude (``150 k€`` in a key result in
    ``k€``: 150); or money of the unit's currency in another magnitude or
    in none, which is whole money (``$450k`` in ``$M``: 0.45; ``€250,000``
    or ``250.000 €`` in ``k€``: 250). ``None`` when ``unit`` holds no
    magnitude (150 k€ in ``€`` is 150,000) or the figure is in another unit
    (another currency, or money beside ``unit: k``)."""
    times = unit_multiplier(unit)
    if times == 1:
        return None
    if _NOT_UNIT_MARKS.sub("", unit).casefold() == written.casefold():
        return times
    sign = currency_of(written)
    whole = written == sign or code_money(written) == (sign, "")  # $, USD: whole money
    if sign and sign == currency_of(unit) and (whole or unit_multiplier(written) != 1):
        return times
    return None


def currency_of(written: str) -> str:
    """The currency signs of a figure or unit as written (``€`` of ``k€``), or
    ``""``; of a unit written with a currency code its sign (``€`` of ``M
    EUR``), or the code of one without (``CHF`` of ``k CHF``)."""
    signs = "".join(c for c in written if c in CURRENCY_SIGNS)
    if signs or not any(c.isalpha() for c in written):
        return signs
    coded = code_money(written.strip())
    return "" if coded is None else coded[0]


def money_counted_in(value: float, unit: str, into: str) -> float | None:
    """``value``, a figure in ``unit``, counted in ``into`` when both are money
    of one currency, each in a magnitude or in none (180,000 in ``$`` is 180
    in ``$k``; 450 in ``$k`` is 0.45 in ``$M``; 1.2 in ``Mio €`` is 1200 in
    ``k€``), as :func:`money_in_unit` counts a written figure; ``None`` for
    any other pair (``€`` and ``$k``; ``$`` and ``k``, a magnitude of no
    money; ``€/h``), which okrsite does not convert. A key result measured by
    a KPI (``kpi: mrr``) whose figures were written as whole money (``from
    $180k to $250k``) is so counted in the KPI's ``$k``."""
    sign = currency_of(unit)
    if not sign or sign != currency_of(into) or not (is_money(unit) and is_money(into)):
        return None
    return value * unit_multiplier(unit) / unit_multiplier(into)


def is_money(unit: str) -> bool:
    """Whether ``unit`` is one currency sign alone or with a magnitude (``$``,
    ``k€``, ``$M``, ``Mio €``), not money per something (``€/h``, ``$ per user``)."""
    if code_money(unit.strip()) is not None:  # EUR, M EUR, kUSD
        return True
    sign = currency_of(unit)
    if len(sign) != 1:
        return False
    bare = "".join(unit.split()).replace(sign, "")
    return not bare or unit_multiplier(unit) != 1
