"""Rows ``okrsite pull`` adds to a KPI's data file, written as the file writes its own.

People keep a KPI's CSV in their spreadsheet's convention; a row added in
another (``2026-11-17,1234.5`` under ``17.11.2026;1.234,50 €``) would look
foreign, and could read back as another day or number. So the file's own
convention (:func:`style_of`) is taken from its rows: its delimiter, decimal
mark (a comma in a file separated by semicolons or tabs), its values' form
(``3,10%``, ``205.000,00 €``: :class:`ValueStyle`), months by name
(``Okt 2026``, ``Nov 17, 2026``: :func:`~okrsite.csv_date_forms.named_template`)
and dates (:func:`~okrsite.csv_date_forms.date_style`: ``11/17/2026`` beside
``10/20/2026``, ``17/11/2026`` beside ``28/10/2026``), by the one
:func:`~okrsite.kpi_csv.slash_order` the file is read by, so a row written
reads back as the day it was written for. Reading stays in
:mod:`okrsite.kpi_csv`, whose rules this follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from okrsite.csv_date_forms import (
    ISO_DATES,
    DateStyle,
    date_style,
    format_named,
    format_period,
    named_template,
    period_template,
)
from okrsite.kpi_csv import (
    _AMBIGUOUS,
    _SPACE_GROUPED,
    _figure,
    _magnitude,
    _money,
    read_date,
    read_number,
    slash_order,
    totals_row,
    written_grouped,
)

__all__ = ["CsvStyle", "ValueStyle", "format_date", "format_number", "style_of", "value_style"]


@dataclass(frozen=True)
class CsvStyle:
    """How a file writes its rows, so rows added to it look like the others.

    ``slashes`` is the column's :func:`slash_order`, the decision the loader
    reads its ``03/11/2026`` by: a row is written and read by that one
    decision, never by a second guess."""

    delimiter: str = ","
    decimal_comma: bool = False
    dates: DateStyle = ISO_DATES
    slashes: int | None = None
    #: the last value's form: :class:`ValueStyle`
    values: ValueStyle = field(default_factory=lambda: ValueStyle())
    #: the last date's words and numbers, when it names its month
    #: (``Okt 2026``, ``Nov 17, 2026``): :func:`named_template`
    named: tuple[str, ...] | None = None
    #: the last date's form when it is a month or quarter in numbers
    #: (``10/2026``, ``2026-10``, ``2026-Q3``): :func:`period_template`
    period: str | None = None

    @property
    def dotted_dates(self) -> bool:
        return self.dates.separator == "."


def style_of(delimiter: str, rows: list[list[str]], date_at: int, value_at: int) -> CsvStyle:
    """The convention of the file's data rows (a file of none: ISO dates, points)."""
    data = [
        row
        for row in rows[1:]
        if len(row) > max(date_at, value_at) and not totals_row(row[date_at])
    ]
    slashes = slash_order(row[date_at] for row in rows[1:] if len(row) > date_at)
    cells = [row[value_at] for row in data]
    # a file separated by semicolons or tabs marks decimals with a comma, as
    # the spreadsheet that saved it does, unless its rows show points only
    points = any(_POINT_DECIMAL.fullmatch(_figure(c)) for c in cells)
    decimal_comma = delimiter != "," and (not points or any("," in c for c in cells))
    figures = [c for c in cells if read_number(c, delimiter, True) is not None]
    return CsvStyle(
        delimiter=delimiter,
        decimal_comma=decimal_comma,
        dates=date_style((row[date_at] for row in data), slashes),
        slashes=slashes,
        values=value_style(
            figures, written_grouped(cells, delimiter), "," if decimal_comma else "."
        ),
        named=named_template([row[date_at] for row in data if row[date_at].strip()]),
        period=period_template([row[date_at] for row in data if row[date_at].strip()]),
    )


#: ``8.5`` in a file separated by semicolons: a point marking the decimals
_POINT_DECIMAL = re.compile(r"[-+]?\d+\.(?:\d{1,2}|\d{4,})")


@dataclass(frozen=True)
class ValueStyle:
    """How a file's values are formatted, so a written value looks like them:
    ``prefix`` and ``suffix`` (``€ ``, `` €``, ``%``, as a column formatted as
    money or percentages exports them), ``grouped`` thousands (where the column
    shows them grouped, so the loader reads them so) by ``thousands`` (``.``, ``,``
    or the space of ``312 450,50``) and at least ``decimals`` decimals (``3,10%``: 2)."""

    prefix: str = ""
    suffix: str = ""
    grouped: bool = False
    decimals: int = 0
    thousands: str = ""


def value_style(cells: list[str], grouped: bool, mark: str) -> ValueStyle:
    """The form of a column's values (those that read as numbers): the signs
    around its last one, and its decimals where the column shows a fixed
    count (``3,10``, or every value with two)."""
    if not cells:
        return ValueStyle(grouped=grouped)
    text = cells[-1].strip()
    figure = _figure(text)
    at = text.find(figure)
    # (3) or −12: no sign around the figure as written to copy
    prefix, suffix = (text[:at], text[at + len(figure) :]) if at >= 0 else ("", "")
    # 1,5 Mio €: the decimals of the digits before a magnitude are none of the
    # whole number's, which a row is written as (the sign kept, not the word)
    counts = [_decimals(_digits(c), mark) for c in cells]
    decimals = 0
    if counts[-1] and (_digits(text).endswith("0") or (len(counts) > 1 and len(set(counts)) == 1)):
        decimals = counts[-1]
    spaced = [m[1] for c in cells if (m := _SPACE_GROUPED.fullmatch(_digits(c)))]  # 312 450,50 €
    thousands = spaced[-1] if spaced else ("." if mark == "," else ",") if grouped else ""
    return ValueStyle(prefix, suffix, grouped, min(decimals, 6), thousands)


def _digits(cell: str) -> str:
    """A value cell's figure (:func:`_figure`) when no magnitude follows its
    digits; ``""`` (no decimals) when one does."""
    figure = _figure(cell)
    parts = _magnitude(figure)
    return figure if parts is None or parts[0] == figure else ""


def _decimals(figure: str, mark: str) -> int:
    """How many decimals a figure writes after the file's decimal ``mark``
    (``205.000,00``: 2)."""
    at = figure.rfind(mark)
    return 0 if at < 0 else len(figure) - at - 1


def format_date(day: date, style: CsvStyle) -> str:
    """``day`` as the file's rows write theirs (:func:`date_style`).

    A written row must read back as the day it was written for: a form the
    loader would read otherwise, or not at all (a two-digit year), gives
    way to the four-digit year, and then to ISO."""
    if style.named is not None:
        written = format_named(day, style.named)
        if read_date(written, style.slashes) == day:
            return written
    if style.period is not None:
        written = format_period(day, style.period)
        if read_date(written, style.slashes) == day:  # the period's first day only
            return written
    dates = style.dates
    for digits in dict.fromkeys((dates.year_digits, 4)):
        numbers = {
            "d": f"{day.day:02d}" if dates.padded else str(day.day),
            "m": f"{day.month:02d}" if dates.padded else str(day.month),
            "y": f"{day.year:04d}" if digits == 4 else f"{day.year % 100:02d}",
        }
        written = dates.separator.join(numbers[part] for part in dates.order)
        if read_date(written, style.slashes) == day:
            return written
    return day.isoformat()


def format_number(text: str, style: CsvStyle) -> str:
    """A number as :func:`okrsite.pull` writes it (``12.5``), in the file's
    style: its decimal mark, its thousands grouped as its column groups them,
    at least its count of decimals, its currency or percent sign."""
    values = style.values
    if re.fullmatch(r"[-+]?\d+(\.\d+)?[eE][-+]?\d+", text):
        # 1e-05, as Python writes a small float: written out (0.00005), so
        # the cell keeps the column's form and reads as the same figure
        text = f"{Decimal(text):f}"
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    if not re.fullmatch(r"\d+(\.\d+)?", body):
        return text.replace(".", ",") if style.decimal_comma else text
    whole, _, part = body.partition(".")
    part = part.ljust(values.decimals, "0")
    if values.thousands:  # 410 000,00 € beside 312 450,50 €: the column's space
        whole = f"{int(whole):,}".replace(",", values.thousands)
    mark = "," if style.decimal_comma else "."
    if style.delimiter != "," and _AMBIGUOUS.fullmatch(f"{whole}.{part}"):
        mark = ","  # 9.125 beside 8.5: a point would be read as grouping, or refused
    if mark == "." and _money(values.prefix + values.suffix) and len(part) == 3 and len(whole) <= 3:
        part += "0"  # 1.1250 €: 1.125 € would read as 1125 (no money has three decimals)
    # -€5 and -5 €, as a spreadsheet writes them: the sign before the currency's
    return f"{sign}{values.prefix}{whole}{mark + part if part else ''}{values.suffix}"
