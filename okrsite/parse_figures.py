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
from okrsite.written_numbers import CURRENCY_SIGNS, magnitude_word, read_number


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
    return head  # a figure whose own reading may fail (1,200): its error says why


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
    figure's, not the unit's); ``None``
    for a number as written (``1.5k``, ``$3M``, ``45 %``) or a text that is
    no figure and word. The figure may still be one whose reading fails
    (``1,200`` is ambiguous): its own error says why."""
    text = value.strip()
    if read_number(text) is not None:  # 1.5k, $3M, 45 %: numbers as written
        return None
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
    if _as_number(figure) is None and read_number(figure) is None and not _DIGITS.fullmatch(figure):
        return None
    return figure, word


@functools.lru_cache(maxsize=256)
def unit_multiplier(unit: str) -> float:
    """What a ``unit:`` that holds a magnitude multiplies by (``k€``, ``M€``,
    ``$k``, ``k``, ``Mio €``: 1000 or 1,000,000), or 1 for a unit that holds
    none (``€``, ``h``, ``km``). Beside one currency sign a lowercase m or mn
    is million (``£m``, ``$mn``), as finance writes it and money is never
    counted in metres; alone, ``m`` is metres."""
    word = "".join(c for c in unit.strip() if c not in CURRENCY_SIGNS).strip()
    if not word or not any(c.isalpha() for c in word):
        return 1.0
    if word in ("m", "mn") and len(currency_of(unit)) == 1:
        return 1e6
    for written in (f"1{word}", f"1 {word}"):
        read = read_number(written)
        if read is not None and not read[1] and read[0] != 1:
            return read[0]
    return 1.0


def figure_in_unit(value: str, unit: str) -> str | None:
    """The figure of ``value`` written with ``unit``'s own spelling, before or
    after it (``150`` of ``150 k€``, ``$150k`` or ``150k`` beside ``unit:
    k€``, ``$k``, ``k``), when ``unit`` holds a magnitude; else ``None``. Such
    a figure is in the unit: 150 k€ in a key result in k€ is 150."""
    if unit_multiplier(unit) == 1:
        return None
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
    if sign and sign == currency_of(unit) and (written == sign or unit_multiplier(written) != 1):
        return times
    return None


def currency_of(written: str) -> str:
    """The currency signs of a figure or unit as written (``€`` of ``k€``), or ``""``."""
    return "".join(c for c in written if c in CURRENCY_SIGNS)


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
    sign = currency_of(unit)
    if len(sign) != 1:
        return False
    bare = "".join(unit.split()).replace(sign, "")
    return not bare or unit_multiplier(unit) != 1
