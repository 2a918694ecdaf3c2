"""Numbers as pages, charts, badges and exports show them, safe at any magnitude.

``check`` accepts any finite number a user writes, from ``5e-324`` to
``±1.7e308``; sums and ratios of such numbers can overflow to infinity (a
target of ``1e-300`` reached by ``1e300``) or to ``nan`` (``inf / inf``).
Everything that turns a number into text goes through here, so no extreme
value can raise ``OverflowError`` or ``ValueError`` in a renderer, write
``nan`` into an SVG attribute or ``Infinity`` into JSON. Pure functions, no
I/O.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from json import encoder as json_encoder
from typing import Any

#: beyond this magnitude numbers are written in scientific notation (1.7e+308)
PLAIN_LIMIT = 1e15
#: below this magnitude a figure is rounded as any other is, to 0, rather than
#: kept with its significant digits (:func:`format_number`, :func:`json_number`):
#: what arithmetic leaves of nothing (``0.1 + 0.2 - 0.3`` is ``5.6e-17``) is
#: no figure anyone wrote, and the smallest written ones (an error rate of
#: ``0.0000001``) lie far above it
NOISE_FLOOR = 1e-12
#: ratios beyond this many percent are shown as "more than …%"
MAX_PERCENT = 1_000_000
_FLOAT_MAX = sys.float_info.max
_COORD_LIMIT = 1e6  # an SVG coordinate: far outside any chart, still a short number


def finite(value: float | None) -> float | None:
    """``value`` if it is a finite number, else ``None``."""
    if value is None or isinstance(value, bool):
        return None
    try:
        value = float(value)
    except (OverflowError, TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def format_number(value: float | None, places: int = 4) -> str:
    """A compact human number: ``2``, ``2.5``, ``0.1249``, ``1,000,000``, ``1.7e+308``.

    ``–`` for no value or one that is not a number; ``∞`` for an overflow.
    At most ``places`` decimals, four wherever a figure is shown (pages,
    messages, ``okrsite diff``): a figure is written as people write it,
    and a KPI of 0.1249 beside its healthy threshold of 0.125 must not read
    "0.12, healthy ≥ 0.12" under a "warning" badge, nor a change in the
    third decimal "0.12 → 0.12". Trailing zeros go (``0.30000000000000004``
    is ``0.3``). A nonzero figure so small that ``places`` decimals would
    keep one digit of it or none (an error rate of ``0.00005``, a target of
    ``0.00001``) shows ``places`` significant digits instead: it must not
    read "0.0001 → 0", a range from something to nothing (from
    :data:`NOISE_FLOOR` on: below it, 0).
    """
    if value is None or isinstance(value, float) and math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if abs(value) >= PLAIN_LIMIT:
        return f"{value:.3g}"
    if value == int(value):
        return f"{int(value):,}"
    if NOISE_FLOOR <= abs(value) < 10 ** (1 - places):
        return _significant(value, places)
    text = f"{value:,.{places}f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def _significant(value: float, digits: int) -> str:
    """A small nonzero ``value`` with ``digits`` significant digits, written
    out as people write it (``0.000025``, never ``2.5e-05``)."""
    return format(Decimal(f"{value:.{max(digits, 1)}g}"), "f")


def format_money(value: float | None) -> str:
    """An amount of money: ``95,000.50`` (two decimals when it has cents, as
    a spreadsheet shows a currency cell), ``95,000`` when it has none;
    otherwise as :func:`format_number`."""
    if value is None or not math.isfinite(value) or abs(value) >= PLAIN_LIMIT:
        return format_number(value)
    cents = round(value * 100)
    if cents % 100 == 0:
        return format_number(value)
    return f"{cents / 100:,.2f}"


def format_fixed(value: float | None, digits: int, pad: bool = False) -> str:
    """Up to ``digits`` decimals, no trailing zeros (for formulas, grades);
    exactly ``digits`` when ``pad`` (two figures compared side by side:
    ``75.00% → 74.94%``); scientific when huge.

    Halves are rounded away from zero, as :func:`percent` rounds them (a
    grade of 0.125 reads 0.13 beside its 13%): ``f"{0.125:.2f}"`` gives 0.12
    (Python rounds halves to even) and ``0.075`` gives 0.07 (it is a hair
    below in binary). The figure is first rounded to 9 decimals, the
    precision scores carry, which removes that binary noise."""
    plain = type(value) is float or type(value) is int
    if plain and 0 <= digits < 9 and -_FIXED_FAST < value < _FIXED_FAST:  # type: ignore[operator]
        return _fixed_from_nine(f"{value:.9f}", digits, pad)
    if value is None or not math.isfinite(value):
        return format_number(value)
    if abs(value) >= PLAIN_LIMIT:
        return f"{value:.{digits + 1}g}"
    rounded = Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text and not pad:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not rounded:
        text = text[1:]  # -0, -0.00: no sign on nothing
    return text or "0"


#: below this magnitude :func:`format_fixed` rounds the figure's nine decimals
#: as text (:func:`_fixed_from_nine`): ``f"{value:.9f}"`` then holds at most 15
#: significant digits, so it is the very number ``repr(round(value, 9))``
#: writes (both are correctly rounded, and 15 digits survive a round trip
#: through a float), which the rounding of :class:`~decimal.Decimal` started from
_FIXED_FAST = 1e6


def _fixed_from_nine(nine: str, digits: int, pad: bool) -> str:
    """:func:`format_fixed` of a figure already written with nine decimals
    (``nine``), rounded to ``digits`` < 9 halves away from zero by hand: the
    objective pages ask it some 40 times each, and a :class:`~decimal.Decimal`
    made, quantised and formatted for each call was most of what they cost
    in numbers (a test holds the two ways equal on millions of figures)."""
    end = len(nine) - 9 + digits  # where the kept decimals end
    if nine[end] >= "5":  # the first dropped decimal: up, away from zero
        negative = nine[0] == "-"
        kept = str(int(nine[negative:end].replace(".", "")) + 1)
        if digits:
            kept = kept.rjust(digits + 1, "0")
            kept = f"{kept[:-digits]}.{kept[-digits:]}"
        text = "-" + kept if negative else kept
    else:
        text = nine[:end] if digits else nine[: end - 1]
    if digits and not pad:
        text = text.rstrip("0").rstrip(".")
    if text[0] == "-" and not text.strip("-0."):
        text = text[1:]  # -0, -0.00: no sign on nothing
    return text


def formula_minus(figure: str) -> str:
    """A figure already written in the site's language as a term of a
    formula: a negative one with the typographic minus (U+2212) the
    formula's operators are written with (``0.707 − 0.725 = −0.018``), not
    Python's hyphen-minus beside them (``= -0.018``). Pages only: CSVs, JSON
    and ``okrsite diff`` keep the hyphen-minus a spreadsheet reads."""
    return "\u2212" + figure[1:] if figure.startswith("-") else figure


#: whole percentages a ratio below them never rounds up to: the grade bands'
#: edges (red < 0.4 ≤ yellow < 0.7 ≤ green; 0.7 is also an aspirational
#: objective's default success level) and done (1)
EDGE_PERCENTS = frozenset({40, 70, 100})


def percent(ratio: float | None) -> int:
    """The whole percentage of ``ratio``, halves rounded away from zero as a
    spreadsheet rounds them (0.125 is 13%, 0.075 is 8%), clamped to
    ±:data:`MAX_PERCENT`; 0 for no value or nan.

    ``round(ratio * 100)`` would give 12% for 0.125 (Python rounds halves to
    even) and 7% for 0.075 (``0.075 * 100`` is 7.499999999999999 in binary),
    while the exports write 0.125 and 0.075: the page and the file would
    disagree. The scaled figure is first rounded to 6 decimals, which removes
    that binary noise (scores carry 9 decimals), then its half rounded up.

    A ratio under 1 (at the 9 decimals scores carry) is never 100%: a key
    result $50 short of $1,500,000 (0.999967) reads 99%, not "100% missed";
    people read 100% as done. Nor is one under a grade band's edge rounded
    onto it (:data:`EDGE_PERCENTS`): 0.6996 is yellow and, aspirational,
    missed its 0.7: it reads 69%, not "70% missed"; 0.3996 reads 39%.
    """
    if ratio is None or math.isnan(ratio):
        return 0
    scaled = ratio * 100
    if scaled >= MAX_PERCENT:
        return MAX_PERCENT
    if scaled <= -MAX_PERCENT:
        return -MAX_PERCENT
    whole = math.floor(abs(round(scaled, 6)) + 0.5)
    if whole in EDGE_PERCENTS and scaled > 0 and round(ratio, 9) < whole / 100:
        return whole - 1  # 0.6996 is 69%, never "70% missed" beside its yellow grade
    return whole if scaled >= 0 else -whole


def percent_figure(ratio: float | None) -> str:
    """The figure before the ``%``: ``"125"``, or ``"more than 1,000,000"`` beyond display range."""
    shown = percent(ratio)
    if abs(shown) >= MAX_PERCENT:
        return ("more than " if shown > 0 else "less than −") + f"{MAX_PERCENT:,}"
    return str(shown)


def percent_text(ratio: float) -> str:
    """``"125%"``, or ``"more than 1,000,000%"`` for a ratio beyond display range."""
    return percent_figure(ratio) + "%"


def json_number(value: float | None, digits: int = 6) -> float | int | None:
    """Whole numbers as ints, others rounded to ``digits`` decimals; ``None`` if not finite
    (JSON has no ``Infinity`` or ``NaN``). From 10^15 on a float that writes
    itself in scientific notation (``2e+15``: :class:`_Huge`), whole or not,
    as the exports' number format says. A nonzero figure below one unit of
    the last decimal (``0.0000001``, an error rate's target), which the
    rounding would write as 0 or as that unit and so with none of its own
    digits, keeps ``digits`` significant digits instead (``1e-07``): an
    export must not say a target of 0 beside a progress that counts it.
    Below :data:`NOISE_FLOOR` it is 0, as arithmetic's leftovers are."""
    value = finite(value)
    if value is None:
        return None
    if NOISE_FLOOR <= abs(value) < 10.0**-digits:
        return float(f"{value:.{max(digits, 1)}g}")
    rounded = round(value, digits)
    if abs(rounded) >= PLAIN_LIMIT:
        return _Huge(rounded)
    return int(rounded) if rounded.is_integer() else rounded


class _Huge(float):
    """A float from 10^15 on that writes itself as :func:`scientific` writes it
    (``str``, ``repr``, a CSV cell: ``2e+15``, never ``2000000000000000.0``);
    ``json.dumps`` writes its plain ``repr`` whatever the class, which
    :func:`json_dumps` corrects."""

    __slots__ = ()

    def __repr__(self) -> str:
        return scientific(self)

    __str__ = __repr__


def json_value(value: object) -> object:
    """A value of any kind for a JSON file: a number as :func:`json_number`
    writes it (``18``, not ``18.0``), the numbers of a list or tuple likewise
    (as a list) and of a dict's values; text, booleans and ``None`` as they are. For the files that
    write what the goals held (``api/history.json``, ``okrsite diff --format
    json``), so they write numbers as ``api/portfolio.json`` does."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return json_number(value)
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {key: json_value(v) for key, v in value.items()}
    return value


def scientific(value: float) -> str:
    """``value`` in scientific notation with the fewest digits that read back
    as it (``2e+15``, ``1.5000000000000002e+15``, ``-1e+16``), as JSON
    writes a float from 10^16 on: from 10^15 on too, where Python's own text
    is ``2000000000000000.0`` and would break the exports' number format
    (whole numbers without decimals, scientific beyond 10^15)."""
    return format(Decimal(float.__repr__(value)).normalize(), "e")


def csv_number(value: float | None, digits: int = 6) -> str:
    """A number for a CSV cell: the text :func:`json_number` gives it in
    ``api/portfolio.json`` (``8``, not ``8.0``; ``0.444444``; ``2e+15``
    beyond 10^15: :func:`scientific`), so one figure reads the same in every
    export; empty when none or not finite."""
    number = json_number(value, digits)
    return "" if number is None else str(number)


def json_dumps(value: object, **options: Any) -> str:
    """``json.dumps(value, **options)`` with every float from 10^15 on written
    as :func:`scientific` writes it: ``json.dumps`` writes a float as its
    ``repr``, ``2000000000000000.0`` below 10^16, and no float subclass
    changes that. Text without such a float is ``json.dumps``'s own, from its
    fast encoder; with one, the same encoder's Python form writes it.

    The fast encoder writes first: a float from 10^15 on shows in its text
    as sixteen digits before a point or as an exponent (``e+``), so text
    without either has none, and only text with one (or a string that looks
    so) is walked for such a float in Python. Walking every value first cost
    a third of writing ``api/history.json``'s 40,000 check-ins."""
    text = _encoder(tuple(options.items())).encode(value)
    if not _may_show_huge_float(text) or not _has_huge_float(value):
        return text
    return "".join(_ScientificEncoder(**options).iterencode(value))


@functools.lru_cache(maxsize=16)
def _encoder(options: tuple[tuple[str, Any], ...]) -> json.JSONEncoder:
    """The encoder ``json.dumps(value, **options)`` makes for every call,
    made once per set of options: the exports write tens of thousands of
    records with the same two or three, and making it was a third of
    writing a small record. Encoding keeps no state between calls."""
    return json.JSONEncoder(**dict(options))


#: how json.dumps writes a float from 10^15 on (its ``repr``): sixteen or more
#: digits before the point, or from 10^16 on an exponent (``1e+16``); each
#: pattern begins with its literal character and looks back for the digits,
#: so the scan jumps from one ``.`` (or ``e+``) to the next instead of trying
#: a digit run at every character (``[0-9]{16}\.|[0-9]e\+`` took longer than
#: json.dumps writing the text, a second at 10,000 objectives' ``api/history.json``)
_SIXTEEN_DIGITS_POINT = re.compile(r"\.(?<=[0-9]{16}\.)")
_DIGIT_EXPONENT = re.compile(r"e\+(?<=[0-9]e\+)")


def _may_show_huge_float(text: str) -> bool:
    """Whether ``text`` holds sixteen digits before a point, or a digit before
    ``e+``: how a float from 10^15 on is written (or a string that looks so)."""
    if "e+" in text and _DIGIT_EXPONENT.search(text) is not None:
        return True
    return _SIXTEEN_DIGITS_POINT.search(text) is not None


def _has_huge_float(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) >= PLAIN_LIMIT
    if isinstance(value, dict):
        return any(_has_huge_float(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_huge_float(v) for v in value)
    return False


def _float_text(value: float, allow_nan: bool) -> str:
    """A float as :class:`json.JSONEncoder` writes it, scientific from 10^15 on."""
    if math.isfinite(value):
        return scientific(value) if abs(value) >= PLAIN_LIMIT else float.__repr__(value)
    if not allow_nan:
        raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
    return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"


class _ScientificEncoder(json.JSONEncoder):
    """The standard encoder, in its Python form, with :func:`_float_text`."""

    def iterencode(self, o: Any, _one_shot: bool = False) -> Iterator[str]:
        strings = (
            json_encoder.encode_basestring_ascii
            if self.ensure_ascii
            else json_encoder.encode_basestring
        )
        allow_nan = self.allow_nan
        make = json_encoder._make_iterencode  # type: ignore[attr-defined]
        encode = make(
            {} if self.check_circular else None,
            self.default,
            strings,
            self.indent,
            lambda value: _float_text(value, allow_nan),
            self.key_separator,
            self.item_separator,
            self.sort_keys,
            self.skipkeys,
            _one_shot,
        )
        return encode(o, 0)  # type: ignore[no-any-return]


def coordinate(value: float) -> str:
    """An SVG coordinate with at most one decimal, clamped to a sane range."""
    if -_COORD_LIMIT <= value <= _COORD_LIMIT:  # most: written as it is (never nan)
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text
    if not math.isfinite(value):
        value = 0.0 if math.isnan(value) else math.copysign(_COORD_LIMIT, value)
    value = max(-_COORD_LIMIT, min(_COORD_LIMIT, value))
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def half_span(lo: float, hi: float) -> float:
    """``(hi - lo) / 2`` without overflowing for finite inputs of opposite sign."""
    return hi / 2 - lo / 2


def scale(lo: float, hi: float, out_lo: float, out_hi: float) -> tuple[float, float]:
    """(a, b) such that ``a * v + b`` maps lo..hi onto out_lo..out_hi, for any finite range."""
    half = half_span(lo, hi)
    if half == 0 or not math.isfinite(half):
        return 0.0, (out_lo + out_hi) / 2
    a = (out_hi - out_lo) / 2 / half
    return a, out_lo - a * lo


def padded_range(lo: float, hi: float, share: float = 0.08) -> tuple[float, float]:
    """``lo..hi`` widened by ``share`` of its span on each side, kept finite."""
    half = half_span(lo, hi)
    pad = 2 * half * share if half else (abs(hi) * 0.1 or 1.0)
    if not math.isfinite(pad):
        pad = _FLOAT_MAX * share
    return max(-_FLOAT_MAX, lo - pad), min(_FLOAT_MAX, hi + pad)
