"""Numbers as people write them, and paste them from spreadsheets.

YAML reads ``12.5`` and ``1_000`` as numbers; a spreadsheet cell pasted into
a goal file brings ``45%``, ``$1,000,000``, ``1 234,5``, ``€ 12``, ``2M``.
Each of those means one number, so okrsite reads it:

- a percent sign after the number (``45%``, ``45 %``): 45, written as a
  percentage (the caller decides what that says about the unit);
- a currency symbol before or after it (``$``, ``€``, ``£``, ``¥``): read
  past (the unit is the ``unit:`` key's, or the symbol when there is none:
  :func:`okrsite.parse._currency_unit`);
- thousands grouped by spaces (also no-break and thin spaces), apostrophes
  (Swiss ``1'234``, also the typographic ``1’234`` that Windows' de-CH
  locale writes), by commas when a point marks the decimals or there are
  several groups (``1,234.5``, ``1,000,000``), by points when a comma marks
  the decimals (``1.234,5``, ``1.000.000``);
- a decimal comma where it can mean nothing else (``5,9``, ``12,75``,
  ``0,125``: not three digits after it, or a leading zero);
- a thousand, million or billion as ``k``/``K``, ``M``, ``B``/``bn``
  (``1.5k``, ``2M``, ``$3B``), or as a word or its German abbreviation,
  beside a currency sign too (``1,2 Mio €``, ``€ 1,2 Mio.``, ``$1.2
  million``, ``500 Tsd. €``, ``2 Mrd.``: :data:`MAGNITUDE_WORDS`);
  "billion" only in a language whose billion is a thousand millions;
- "times" after a multiple (``3x``, ``1.5×``): read past, as a currency;
- a figure in brackets (``(123)``, ``(1.200,00 €)``), as accounting formats
  write a loss: negative, as a data file's cell reads it;
- a figure in typographic quotes (``“100”``, ``„1.000“``) or with an en
  dash for its minus (``–5``), as Word types them
  (:mod:`okrsite.word_processor_marks`).

One comma before exactly three digits (``2,345``) is two thousand three
hundred and forty-five in English and two point three four five in German,
so it is read as the site's language writes numbers, as a spreadsheet reads
a cell by its locale: ``1,200`` is 1200 in a site with ``language = "en"``
(the default), 1.2 in one with ``language = "de"`` (or any language that
writes a decimal comma). :func:`numbers_written_in` sets that convention
for a run; where it is not known (a language that groups with spaces and
writes a decimal point, an unknown code, code outside a site's load) the
figure is refused and :func:`ambiguous_comma` lets the message give both
readings. Beside a dollar, pound or yen sign (``$250,000``) it groups
thousands whatever the language: those amounts are written the English
way (a euro amount is written both ways, so ``€2,345`` follows the
language), and so it does beside their codes (``USD 250,000``:
:func:`money_grouped`). One point before exactly three digits beside any
currency sign (``€5.000``, ``500.000 €``) groups thousands too: no amount of money is written with three decimals, and
reading it as YAML reads ``5.000`` (5) would make it a thousand times
too small. So are a lowercase ``m`` (million or metres?) and anything else
that is not one number.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from okrsite.word_processor_marks import as_typed

__all__ = [
    "CURRENCY_SIGNS",
    "ambiguous_comma",
    "comma_groups_thousands",
    "comma_convention",
    "long_billion",
    "magnitude_word",
    "numbers_written_in",
    "point_groups_thousands",
    "read_number",
    "MAGNITUDE_WORDS",
]

#: the currency signs read past (a key result without a unit takes its figures' one)
CURRENCY_SIGNS = "$€£¥"
_CURRENCY = CURRENCY_SIGNS
#: currencies whose amounts are written with commas grouping thousands
_ENGLISH_CURRENCY = "$£¥"
#: "times" after a multiple (``3x``, ``1.5×``)
_TIMES = "xX×"
_MULTIPLIERS = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9}
#: a thousand, million or billion written as a word or its German
#: abbreviation (``1,2 Mio €``, ``2.5 million``, ``500 Tsd. €``, ``3 Mrd.``),
#: in any letter case, with or without a point; "billion" only where the
#: language's billion is a thousand millions (:data:`_SHORT_SCALE`)
MAGNITUDE_WORDS = {
    **dict.fromkeys(("tsd", "tausend", "thousand", "thousands"), 1e3),
    **dict.fromkeys(("mio", "million", "millions", "millionen"), 1e6),
    **dict.fromkeys(("mrd", "milliarde", "milliarden"), 1e9),
    **dict.fromkeys(("billion", "billions"), 1e9),
}
#: words whose meaning depends on the language: a German, French or Spanish
#: "Billion" is a million millions, so they are read only where a comma
#: groups thousands (English), and refused elsewhere
_SHORT_SCALE = frozenset({"billion", "billions"})
#: the German plural, a million millions in every language that writes it:
#: never read, and never taken for a unit either (``2 Billionen €``)
_LONG_SCALE = frozenset({"billionen"})
#: spaces that group thousands: space, no-break, narrow no-break, thin, figure
_GROUP_SPACES = " \u00a0\u202f\u2009\u2007"
#: the patterns, compiled when first needed: most sites write plain numbers,
#: which YAML reads, and compiling them at import would cost every run
_PATTERNS: dict[str, re.Pattern[str]] = {}
_SOURCES = {
    "grouped_point": r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?",  # 1,234.5  1,000,000
    "grouped_comma": r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?",  # 1.234,5  1.000.000
    "decimal_comma": r"\d+,(?:\d{1,2}|\d{4,})|0,\d+",  # 5,9  12,75  0,125
    "one_group": r"[1-9]\d{0,2},\d{3}",  # 2,345: thousands or decimals?
    "one_point_group": r"[1-9]\d{0,2}\.\d{3}",  # €5.000: thousands beside a currency
    "plain": r"\d+(?:\.\d*)?|\.\d+",
}


class _Convention(threading.local):
    """How this thread reads ``2,345`` (one comma before exactly three digits):
    ``True`` as thousands, ``False`` as a decimal comma, ``None`` refused as
    ambiguous.

    Set by :func:`numbers_written_in` around a site's load, so that every
    file of one site is read one way: a setting of the thread rather than an
    argument, because figures are read in some forty functions of the
    parser, forked parse workers inherit the forking thread's value, and
    the preview's rebuild thread loads while other threads keep their own.
    Outside a load it is ``None``: the cautious reading, as before languages
    were taken into account.
    """

    comma_groups: bool | None = None


_NOW = _Convention()


@cache
def comma_groups_thousands(language: str) -> bool | None:
    """How ``language`` (a site's ``language``, a BCP 47 or POSIX code) reads
    ``2,345``: ``True`` (a comma groups thousands, a point marks decimals:
    English, Japanese, Chinese …), ``False`` (a comma marks decimals:
    German, French, Spanish …), ``None`` (neither is sure: a language that
    groups with spaces or apostrophes and writes a decimal point, or a code
    Babel does not know).

    English, the default, is answered without importing Babel (about 30 ms
    of a small build's start-up, which an English site never needs)."""
    if language == "en":
        return True
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    if decimal == "." and group == ",":
        return True
    if decimal == ",":
        return False
    return None


@cache
def point_groups_thousands(language: str) -> bool | None:
    """How ``language`` reads ``1.234`` (one point before exactly three
    digits) where no YAML has read it first, as a figure typed on the
    command line: ``True`` (a point groups thousands and a comma marks
    decimals: German, Spanish, Italian, Dutch, Danish …), ``False`` (a
    point marks decimals: English, Swiss German, Japanese …), ``None``
    (neither is sure: a language that writes a decimal comma and groups
    with spaces, such as French or Swedish, or a code Babel does not know).

    A goal file's ``1.234`` is YAML's 1.234 before okrsite sees it, in every
    language (with warning OKR124 where it ends in zero); this is for text
    that is read by okrsite alone."""
    if language == "en":
        return False
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    if decimal == ".":
        return False
    if decimal == "," and group == ".":
        return True
    return None


@contextmanager
def numbers_written_in(language: str | None) -> Iterator[None]:
    """Read ``2,345`` as ``language`` writes it while the block runs (``None``:
    refused as ambiguous), and as before afterwards."""
    before = _NOW.comma_groups
    _NOW.comma_groups = None if language is None else comma_groups_thousands(language)
    try:
        yield
    finally:
        _NOW.comma_groups = before


def comma_convention() -> bool | None:
    """How this run reads ``2,345`` (see :class:`_Convention`): for readers of
    other sources (a KPI's CSV file, a spreadsheet) that follow the same convention."""
    return _NOW.comma_groups


def _matches(name: str, text: str) -> bool:
    pattern = _PATTERNS.get(name)
    if pattern is None:
        pattern = _PATTERNS[name] = re.compile(_SOURCES[name])
    return pattern.fullmatch(text) is not None


def money_grouped(figure: str, currency: str = "") -> str | None:
    """The digits of an amount of money written with one point before
    exactly three digits (``2000`` of the ``2.000`` in ``€2.000``,
    ``2.000 €``, ``EUR 2.000``, ``2.000 CHF``), else ``None``: no amount of
    money is written with three decimals, so the point groups thousands, as
    in German, beside a currency's sign or its code alike.

    ``currency`` is the sign of the currency the figure is written with
    when that is given by its code (``$`` for ``USD 2,000``): beside the
    code of the dollar, the pound or the yen one comma before exactly three
    digits groups thousands too (``2000``), as :func:`read_number` reads it
    beside their signs (``$2,000``), in a site of any language. Without it
    a figure beside ``USD`` was read as the language writes numbers (2 on
    a German site) where ``$2,000`` is 2000, so a key result's target and
    its check-in's value, one written each way, disagreed a thousandfold."""
    body = figure.strip()
    sign = body[:1] if body[:1] in "+-" else ""
    body = body[len(sign) :]
    if _matches("one_point_group", body) or (
        currency and currency in _ENGLISH_CURRENCY and _matches("one_group", body)
    ):
        return sign.replace("+", "") + body.replace(".", "").replace(",", "")
    return None


def read_number(
    text: str, *, one_group_thousands: bool = False, decimal_comma: bool = False
) -> tuple[float, bool] | None:
    """The number ``text`` writes and whether it was written as a percentage
    (``"45 %"`` → ``(45.0, True)``), or ``None`` if it is not one number.
    ``2,345`` is read as the run's language writes it (:func:`numbers_written_in`);
    ``one_group_thousands`` reads it as thousands whatever the language (for
    sources known to write the English way), ``decimal_comma`` as a decimal
    (for sources known to write a decimal comma: an imported sheet whose
    figures say so, :func:`okrsite.spreadsheet_numbers.parse_number`). Either
    way the money rule is this function's: ``€2,345`` is read as ``2,345``
    is, beside a dollar, pound or yen sign it groups thousands, and
    ``€2.345`` is 2345 (:func:`money_grouped`), so a sheet's ``"€4,000"``
    reads as a goal file's does."""
    body = as_typed(text)  # “100”, –5: as typed before Word turned the quotes and the minus
    if not body:
        return None
    if len(body) > 2 and body[0] == "(" and body[-1] == ")":
        return _bracketed(body[1:-1], one_group_thousands, decimal_comma)
    # the dollar, the pound and the yen are written the English way, where a
    # comma groups thousands ($250,000); the euro is written both ways
    comma_groups = False if decimal_comma else _NOW.comma_groups
    one_group_thousands = (
        one_group_thousands
        or comma_groups is True
        or any(sign in body for sign in _ENGLISH_CURRENCY)
    )
    percent = body.endswith("%")
    if percent:
        body = body[:-1].rstrip()
    sign = ""
    money = any(c in body for c in _CURRENCY)
    for _ in range(2):  # -$5 and $-5 alike
        if body and body[0] in "+-\u2212" and not sign:
            sign, body = ("-" if body[0] != "+" else "+"), body[1:].lstrip()
        body = body.strip(_CURRENCY).strip()
    sign = sign.replace("+", "")
    if body[-1:] in _TIMES and body[:-1].rstrip()[-1:].isdigit():
        body = body[:-1].rstrip()  # 3x coverage, 1.5× the traffic: read past, as a currency
    factor = 1.0
    for suffix, value in _MULTIPLIERS.items():
        if body.endswith(suffix) and body[: -len(suffix)].rstrip()[-1:].isdigit():
            body, factor = body[: -len(suffix)].rstrip(), value
            break
    else:
        word = _MAGNITUDE_AFTER.search(body)
        if word is not None:
            times = magnitude_word(word[1])
            if times is None:
                return None  # 1 Billion in German: a million millions, or a thousand?
            body, factor = body[: word.start()], times
        body = body.strip(_CURRENCY).strip()  # € 1,2 Mio, 1,2 Mio €: the sign and the word
    if any(mark in body for mark in _GROUP_MARKS):
        if not _thousands_grouped(body):
            return None  # 4 5, 1 23: not thousands, and not to be read as 45 or 123
        for mark in _GROUP_MARKS:
            body = body.replace(mark, "")
    if not body.isascii():
        return None
    if money and factor == 1.0 and (grouped := money_grouped(body)) is not None:
        digits = grouped
    elif _matches("plain", body):
        digits = body
    elif _matches("grouped_point", body) and (
        one_group_thousands or not _matches("one_group", body)
    ):
        digits = body.replace(",", "")
    elif _matches("grouped_comma", body) and body.count(".") + body.count(",") > 1:
        digits = body.replace(".", "").replace(",", ".")
    elif _matches("decimal_comma", body) or (comma_groups is False and _matches("one_group", body)):
        digits = body.replace(",", ".")
    else:
        return None
    number = float(sign + digits) * factor
    return (number, percent) if math.isfinite(number) else None


def _bracketed(
    inner: str, one_group_thousands: bool, decimal_comma: bool = False
) -> tuple[float, bool] | None:
    """``(123)``, ``(1.200,00 €)``, ``($50,000.00)``: negative, as accounting
    formats write a loss and a spreadsheet exports and pastes it; a data
    file's cell reads it so (:func:`okrsite.kpi_csv.read_number`), and a
    figure must mean the same wherever it is written. What is inside is one
    figure without a sign of its own (``(-5)``, ``((5))`` are no number)."""
    body = inner.strip()
    if not body or body[0] in "+-\u2212()" or ")" in body or "(" in body:
        return None
    found = read_number(body, one_group_thousands=one_group_thousands, decimal_comma=decimal_comma)
    if found is None:
        return None
    return (-found[0] if found[0] else 0.0), found[1]


#: what may group thousands in a figure's whole part: spaces, the apostrophe,
#: the typographic one (U+2019) that Windows' Swiss locales write and Swiss
#: Excel exports (``1’500’000``), and the underscore
_GROUP_MARKS = _GROUP_SPACES + "'\u2019_"
_GROUPED = re.compile(r"\d{1,3}(?:[" + _GROUP_MARKS + r"]\d{3})+(?:[.,]\d*)?")


def _thousands_grouped(body: str) -> bool:
    """Whether spaces, apostrophes or underscores in ``body`` only group
    thousands: 1 to 3 digits, then groups of exactly three (``1 234 567``,
    ``1'234.5``); ``4 5`` or ``12 34`` is a typo or two numbers, not 45."""
    return _GROUPED.fullmatch(body) is not None


#: a magnitude word after a figure's digits (``1,2 Mio``, ``1.5 million``)
_MAGNITUDE_AFTER = re.compile(r"(?<=\d)\s?([^\W\d_]+)\.?\s*$")


def magnitude_word(word: str) -> float | None:
    """What a word after a figure multiplies it by (``Mio``, ``Mio.``,
    ``million``, ``Tsd.``, ``Mrd``: :data:`MAGNITUDE_WORDS`), or ``None``
    (no such word; "billion" where the language's billion is a million
    millions, or not known)."""
    key = word.strip().rstrip(".").casefold()
    if key in _SHORT_SCALE and _NOW.comma_groups is not True:
        return None
    return MAGNITUDE_WORDS.get(key)


def long_billion(text: str) -> str | None:
    """The word of a figure written with a "billion" that this run reads as a
    million millions (``Billionen`` of ``2 Billionen €`` in any language,
    ``Billion`` or ``billions`` where the language is not English-like), as
    written; ``None`` for any other text. Such a figure is an error wherever
    it is written (a key result, a KPI's reading, a check-in value), with
    one hint, rather than taken for a number with the unit ``Billionen €``:
    a thousand times too small, or too large, is worse than no figure."""
    if not any(c.isdigit() for c in text):
        return None
    for found in _WORDS.finditer(text):
        word = found[0]
        key = word.casefold()
        if key in _LONG_SCALE or (key in _SHORT_SCALE and _NOW.comma_groups is not True):
            return word
    return None


_WORDS = re.compile(r"[^\W\d_]+")


def ambiguous_comma(text: str) -> str | None:
    """For ``2,345`` (one comma before three digits, nothing else to tell the
    convention by: no English site, no dollar sign), the digits without
    separators; otherwise ``None``. (A site writing decimal commas reads it
    as a decimal in its goal files, but a comma-separated CSV file may still
    refuse it.)"""
    if _NOW.comma_groups is True or any(sign in text for sign in _ENGLISH_CURRENCY):
        return None  # read as the language or the currency writes it (read_number)
    body = text.strip().rstrip("%").strip().strip(_CURRENCY).strip().lstrip("+-\u2212")
    return body.replace(",", "") if _matches("one_group", body) else None
