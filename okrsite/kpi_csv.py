"""A KPI's data file as people save it from a spreadsheet.

The file is a CSV with a ``date`` and a ``value`` column. Much of Europe's
Excel saves "CSV" with semicolons, because the comma marks decimals there:
``Datum;Wert`` then ``01.11.2026;150,5``. Refusing that file would make a
team retype what their spreadsheet already says, so this module reads both
conventions, and nothing ambiguous:

- the delimiter is the one of ``,`` ``;`` and tab the header line holds most of;
- the columns are named ``date`` and ``value`` (any case), or ``Datum`` and
  ``Wert``, the words German Excel users write (the languages okrsite ships),
  or the other words people head them with (:data:`DATE_HEADERS`,
  :data:`VALUE_HEADERS`: ``Stichtag``, ``Week``, ``Fecha``, ``Anzahl``); in a
  file of two columns, one named as a date (``Month;ARR``), the other is the
  value, whatever its name (people name it after the measure); a header
  that names no date column is refused (``when,value``), as is one that names
  neither: which column holds the dates is not guessed;
- a row whose date cell labels it as summing up the others (``Total``,
  ``Summe:``, ``Average``: :func:`totals_row`) is no reading, and is left out;
- a date is ``2026-11-01``, or day, month and year with dots (``01.11.2026``,
  ``1.11.2026``), which no convention reads another way, or with slashes and
  the year last in the order the column shows (:func:`slash_order`):
  ``11/01/2026`` is the 11th of January in most of the world and November
  1st in the US, so it is read only beside a date such as ``11/20/2026``;
- a quoted ``"1,234"`` in a file separated by commas is 1234 in a site whose
  language groups thousands with commas (``language = "en"``, the default),
  or where the column shows thousands grouped (``"1,234.5"``), and refused
  as ambiguous (:func:`ambiguous`) in any other site: the separator says
  an English sheet, the language a decimal comma (``"1,5"``, with fewer
  than three decimals, is 1.5 in a site writing a decimal comma);
- a number is written as YAML writes it (``150.5``); in a file separated by
  semicolons or tabs, a comma marks the decimals too (``150,5``,
  ``1.234,5``), dots group thousands where there are two groups or more
  (``4.512.300``), and ``1.234`` alone is refused as ambiguous (a thousand
  and more, or one and a bit) unless another value of the column groups
  thousands with dots (``201.234,50``: :func:`thousands_grouped`), as a German
  spreadsheet formats a whole column one way;
- beside a currency sign a point before exactly three digits groups
  thousands (``1.200 €``, ``€5.000``), in a file of either separator, as the
  goal files read money (no amount of money has three decimals); a
  magnitude after the digits multiplies them as in the goal files (``$1.5M``,
  ``2.5k``, ``1,5 Mio €``), the digits read by the rules above; thousands
  grouped by spaces or apostrophes (``1 234``) are read.

:mod:`okrsite.parse` reads the file with this; ``okrsite pull`` writes new
rows in the file's own convention by :mod:`okrsite.kpi_csv_style`, which
reads that convention with the same rules.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from datetime import date

from okrsite import written_numbers
from okrsite.csv_date_forms import (
    ISO_DATES,
    DateStyle,
    date_part,
    date_style,
)
from okrsite.csv_open_quote import CLOSE_QUOTE_HINT, unclosed_quote
from okrsite.csv_separator_line import declared_separator
from okrsite.csv_time_column import TIME_HEADERS
from okrsite.spreadsheet_read import delimiter_of
from okrsite.word_processor_marks import as_typed
from okrsite.written_dates import read_date as _read_date
from okrsite.written_dates import read_period, timed, year_last_readings
from okrsite.written_numbers import CURRENCY_SIGNS, comma_convention

__all__ = [
    "DATE_HEADERS",
    "VALUE_HEADERS",
    "ISO_DATES",
    "DateStyle",
    "ambiguous",
    "columns",
    "date_part",
    "date_style",
    "thousands_grouped",
    "written_grouped",
    "totals_row",
    "read_date",
    "read_moment",
    "read_number",
    "slash_order",
    "split_rows",
]

#: header words of the date and value columns, compared lower-cased
DATE_HEADERS = (
    "date",
    "datum",
    "day",
    "tag",
    "stichtag",
    "week",
    "woche",
    "month",
    "monat",
    "quarter",
    "quartal",
    "period",
    "zeitraum",
    "fecha",
    "mes",
    "semana",
)
VALUE_HEADERS = ("value", "wert", "valor", "count", "anzahl", "amount", "betrag")

_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")
_GROUPED_COMMA = re.compile(r"[-+]?[1-9]\d{0,2}(?:\.\d{3})+,\d+")
#: ``1.234`` in a file whose decimals are commas: a thousand and more, or one and a bit
_AMBIGUOUS = re.compile(r"[-+]?[1-9]\d{0,2}\.\d{3}")
#: ``"1,234.5"`` in a file separated by commas (quoted): commas group, the point marks decimals
_GROUPED_POINT = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+\.\d+")
#: ``"4,512,300"``: two commas or more can only group thousands
_GROUPED_COMMAS = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3}){2,}")
#: ``"1,234"``: a thousand and more, or one and a bit, unless the column shows which
_ONE_COMMA_GROUP = re.compile(r"[-+]?[1-9]\d{0,2},\d{3}")
#: ``4.512.300``: two dots or more can only group thousands
_GROUPED_DOTS = re.compile(r"[-+]?[1-9]\d{0,2}(?:\.\d{3}){2,}")


class UnreadableCsv(csv.Error):
    """The file cannot be split into rows: a cell longer than the csv module
    reads (131,072 characters), a NUL byte. ``line`` is where the reader stopped."""

    def __init__(
        self, line: int, reason: str, column: int | None = None, hint: str | None = None
    ) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason
        self.column = column
        self.hint = hint  # what to do, where the reason has its own (an unclosed quote)


def split_rows(text: str, starts: list[int] | None = None) -> tuple[str, list[list[str]]]:
    """The file's delimiter and its rows (``text`` decoded, byte-order mark removed):
    the delimiter a first line ``sep=;`` declares, as Excel reads it (the line
    is no row), else the one the file's lines agree on.
    Raises :class:`UnreadableCsv` for a file the csv module refuses.

    ``starts``, when given, gets the line each row starts on: a quoted cell
    may hold line breaks (a note written over three lines), so the fifth
    line can be the third row, and a message names the line."""
    delimiter = delimiter_of(text)
    declared = declared_separator(text)
    skipped = 0 if declared is None else 1  # lines before the first row
    text = text if declared is None else text[declared[1] :]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    read = last = 0  # lines read before the row; the line the last row starts on
    try:
        for row in reader:
            if starts is not None:
                starts.append(skipped + read + 1)
            rows.append(row)
            last, read = read + 1, reader.line_num
    except csv.Error as exc:
        reason = str(exc)
        if "field larger than field limit" in reason:
            reason = f"a cell is longer than {csv.field_size_limit():,} characters"
        raise UnreadableCsv(skipped + max(reader.line_num, 1), reason) from None
    # a quote no quote closes: the csv module reads the rest of the file into its cell
    quote = unclosed_quote(text, delimiter, last) if rows else None
    if quote is not None:
        reason = quote.what(len(rows))
        raise UnreadableCsv(skipped + quote.line, reason, quote.column, CLOSE_QUOTE_HINT)
    return delimiter, rows


def columns(header: list[str]) -> tuple[int, int] | None:
    """The indices of the date and value columns, if the header names both."""
    names = [cell.strip().lower() for cell in header]
    found = [
        next((i for i, name in enumerate(names) if name in words), None)
        for words in (DATE_HEADERS, VALUE_HEADERS)
    ]
    date_at, value_at = found
    if (
        date_at is not None
        and value_at is None
        and len(names) == 2
        and names[1 - date_at]
        and names[1 - date_at] not in TIME_HEADERS  # Date,Time: no readings
    ):
        value_at = 1 - date_at  # ``Month;ARR``: the other column is the value
    return None if date_at is None or value_at is None else (date_at, value_at)


def totals_row(cell: str) -> bool:
    """Whether a date cell labels a row that sums up the others (``Total``,
    ``Summe:``, ``Grand total``: the words ``okrsite import`` leaves such a
    row out by, IMP207; or ``Average``, ``Mittelwert``, ``Max``), as a
    spreadsheet's export ends."""
    if not cell.strip()[:1].isalpha():
        return False  # a date, a number, blank: no label
    from okrsite.spreadsheet_cells import summary_label

    return summary_label(cell)


def read_date(cell: str, slashes: int | None = None) -> date | None:
    """The day of a reading: a date (ISO or dotted), or a month, quarter or
    half alone (``2026-10``, ``Oct 2026``, ``2026-Q3``: its first day), as
    monthly and quarterly exports key their rows; a date with a time of day
    (``2026-01-01 00:00:00``, ``21.01.2026 09:15``, as a spreadsheet exports
    a date cell) is its date.

    ``slashes`` (:func:`slash_order` of the column) reads a date such as
    ``03/04/2026``, which names two days, in the order the column's other
    dates show: 0 the day first, 1 the month first.
    """
    found = read_moment(cell, slashes)
    return None if found is None else found[0]


def read_moment(cell: str, slashes: int | None = None) -> tuple[date, str] | None:
    """:func:`read_date`, and the reading's time of day as written
    (zero-padded ``HH:MM`` or ``HH:MM:SS``; ``""`` for none): readings of one
    day are ordered by it, as check-ins are. ``None`` for a date with a time
    that is no time of day (``2026-01-01 25:00``)."""
    text = cell.strip()
    found = _read_date(text) or read_period(text) or read_week(text)
    time = ""
    if found is None:
        split = timed(text)
        if split is not None:
            if split[1] is None:
                return None
            text, time = split[0].strip(), split[1]
            found = _read_date(text)
    if found is None and slashes is not None:
        readings = year_last_readings(text)
        if len(readings) == 2:
            found = readings[slashes]
    return None if found is None else (found, time)


#: a week as a German team heads its ``Woche`` column (``KW 44/2026``,
#: ``KW44 2026``) or an English one (``Week 44, 2026``, ``W44 2026``)
_WEEK = re.compile(r"(?:kw|w|wk|week|woche)\.?\s*(\d{1,2})\s*(?:[/,-]\s*|\s+)(\d{4})", re.I)


def read_week(text: str) -> date | None:
    """The Monday of an ISO week written with its number first (``KW 44/2026``:
    2026-10-26), as ``2026-W44`` reads; ``None`` for no such week."""
    m = _WEEK.fullmatch(text.strip())
    if m is None:
        return None
    try:
        return date.fromisocalendar(int(m[2]), int(m[1]), 1)
    except ValueError:
        return None


def slash_order(cells: Iterable[str]) -> int | None:
    """Whether a column's dates with slashes put the day first (0) or the
    month first (1), as the dates that make one day only show (``20/11/2026``,
    ``11/20/2026``); ``None`` when none shows it, or when some show each.

    A spreadsheet exports a whole column in one order: its unambiguous dates
    say how to read ``03/04/2026`` in the rows around them.
    """
    seen: set[int] = set()
    for cell in cells:
        text = date_part(cell)
        parts = text.split("/")
        if len(parts) == 3 and len(year_last_readings(text)) == 1:
            first, second = parts[0], parts[1]
            if first.isdigit() and int(first) > 12:
                seen.add(0)
            elif second.isdigit() and int(second) > 12:
                seen.add(1)
    return seen.pop() if len(seen) == 1 else None


def _figure(cell: str) -> str:
    """A value cell's figure: without a percent sign after it or one currency
    sign before or after it (spaces, no-break ones too, around them). A
    negative figure may be written as an accounting format exports it,
    ``(3)`` or ``(1.200 €)``, and with the minus sign a word processor or
    spreadsheet writes, ``−12``, or the en dash Word types, ``–12``: all are ``-``."""
    text = as_typed(cell).replace("\u2212", "-")  # –5 and “5”, as Word types them
    negative = len(text) > 2 and text[0] == "(" and text[-1] == ")"
    if negative:
        text = text[1:-1].strip()
    text = text.removesuffix("%").strip()
    sign = ""
    if len(text) > 1 and text[0] in "-+" and text[1] in CURRENCY_SIGNS:  # -€5, as Excel writes it
        sign, text = text[0], text[1:]
    if text[:1] in CURRENCY_SIGNS:
        text = sign + text[1:].strip()
    elif text[-1:] in CURRENCY_SIGNS:
        text = text[:-1].strip()
    return f"-{text}" if negative and text[:1] not in ("-", "+") else text


def thousands_grouped(cells: Iterable[str], delimiter: str) -> bool:
    """Whether a column's values show that they group thousands: with points
    (``201.234,50`` or ``4.512.300``) in a file whose decimals are commas, with
    commas (``"1,234.5"``, ``"4,512,300"``, quoted) in a file separated by commas.

    A spreadsheet formats a whole column one way: beside ``201.234,50`` the
    ``215.000`` of the next row is two hundred and fifteen thousand, as the
    sheet showed it, not a figure to refuse as ambiguous; so is ``"215,000"``
    beside ``"1,234.5"``.
    """
    grouped = (
        (_GROUPED_POINT, _GROUPED_COMMAS) if delimiter == "," else (_GROUPED_COMMA, _GROUPED_DOTS)
    )
    for cell in cells:
        parts = _magnitude(_figure(cell))  # 1.234,5 Mio: its digits
        if parts is not None and any(pattern.fullmatch(parts[0]) for pattern in grouped):
            return True
    return False


def written_grouped(cells: Iterable[str], delimiter: str) -> bool:
    """Whether a column's values are written with their thousands grouped, as
    the loader reads them: where :func:`thousands_grouped` says so, and in a
    file separated by commas on a site whose language groups thousands with
    commas (:func:`okrsite.written_numbers.comma_convention`), where a value
    shows one group (``"1,402"``), which :func:`read_number` reads as 1402.

    What ``okrsite pull`` writes a row by (:mod:`okrsite.kpi_csv_style`), so
    a column of ``"1,402"`` gets ``"1,501"``, not ``1501``. (``1.402`` alone
    in a file separated by semicolons is refused, on any site: no column of
    such values is read to copy.)"""
    cells = list(cells)
    if thousands_grouped(cells, delimiter):
        return True
    if delimiter != "," or comma_convention() is not True:
        return False
    for cell in cells:
        parts = _magnitude(_figure(cell))
        if parts is not None and _ONE_COMMA_GROUP.fullmatch(parts[0]):
            return True
    return False


def _magnitude(figure: str) -> tuple[str, float] | None:
    """A figure's digits and what the words or letters after them multiply
    it by (``1,5 Mio``: ``("1,5", 1e6)``; ``$1.5M``'s ``1.5M``: ``("1.5",
    1e6)``; ``3x``: 1), as the goal files read them
    (:func:`okrsite.written_numbers.read_number`, asked what ``1`` with the
    same letters is); ``(figure, 1.0)`` for a figure with none after its
    digits; ``None`` for letters that are no magnitude (``1.5m``: million
    or metres?, a German ``Billion``)."""
    last = max((i for i, c in enumerate(figure) if c.isdigit()), default=-1)
    after = figure[last + 1 :]
    if last < 0 or not any(c.isalpha() or c == "×" for c in after):
        return figure, 1.0  # 150., 12-: no letters after the digits, no magnitude
    probe = written_numbers.read_number("1" + after)
    if probe is None or probe[1]:
        return None
    return figure[: last + 1].rstrip(), probe[0]


def _money(cell: str) -> str:
    """The currency sign of a value cell (``€`` of ``1.200 €``), or ``""``."""
    return next((c for c in cell if c in CURRENCY_SIGNS), "")


def read_number(cell: str, delimiter: str, grouped: bool = False) -> float | None:
    """The number in ``cell``; a decimal comma only in a file not separated by commas.
    A percent sign after it (``3.1%``, as a spreadsheet exports a column formatted
    as percentages) is read past, and so is a currency sign before or after it
    (``1.200 €``, ``€ 1.350,50``, ``$1,200``, as one formatted as money): the
    KPI's figures say what its unit is. Beside a currency sign a point before
    exactly three digits groups thousands (``1.200 €``, ``€5.000``: 1200, 5000),
    as the goal files read money (:func:`okrsite.written_numbers.read_number`):
    no amount of money has three decimals.
    A magnitude after the digits multiplies them as in the goal files
    (``$1.5M``, ``2.5k``, ``1,5 Mio €``: :func:`_magnitude`), the digits read
    by the file's decimal mark; thousands may be grouped by spaces or
    apostrophes (``1 234``, ``1'234,5``), in groups of three.
    ``grouped`` (:func:`thousands_grouped` of the column) reads ``215.000`` (or,
    separated by commas, ``"215,000"``) as 215000; so does a site whose
    language groups thousands with commas (English) read ``"215,000"``
    (:func:`okrsite.written_numbers.comma_convention`). A figure in brackets
    is negative, as an accounting format exports one (``(1,234)``, ``(€ 50)``).
    """
    inner = cell.strip()
    if len(inner) > 2 and inner[0] == "(" and inner[-1] == ")" and "(" not in inner[1:]:
        number = read_number(inner[1:-1], delimiter, grouped)
        return None if number is None or number < 0 else -number
    parts = _magnitude(_figure(cell))
    if parts is None:
        return None
    text, factor = parts
    sign = _money(cell)
    if sign and factor == 1.0 and "," not in text:
        # 1.200 €, €5.000: the goal files' reading of money, by their function
        money = written_numbers.read_number(f"{text} {sign}")
        return None if money is None else money[0]
    spaced = _SPACE_GROUPED.fullmatch(text)
    if spaced is not None:
        text = text.replace(spaced[1], "")
    number = _read_figure(text, delimiter, grouped)
    if number is None:
        return None
    number *= factor
    return number if math.isfinite(number) else None


#: ``1 234``, ``1'234,5``: thousands grouped by spaces (no-break, thin ones
#: too) or apostrophes (also U+2019, Windows' Swiss ``1’234``), as the goal
#: files read them, in groups of three
_SPACE_GROUPED = re.compile(
    r"[-+]?[1-9]\d{0,2}([ \u00a0\u202f\u2009\u2007'\u2019])\d{3}(?:\1\d{3})*(?:[.,]\d+)?"
)


def _read_figure(text: str, delimiter: str, grouped: bool) -> float | None:
    """A figure's digits (:func:`read_number`), by the file's decimal mark."""
    if delimiter == "," and "," in text:
        # a quoted "1,234.5": an English spreadsheet's thousands separators
        if (
            _GROUPED_POINT.fullmatch(text)
            or _GROUPED_COMMAS.fullmatch(text)
            or ((grouped or comma_convention()) and _ONE_COMMA_GROUP.fullmatch(text))
        ):
            text = text.replace(",", "")
        elif (
            comma_convention() is False
            and _DECIMAL_COMMA.fullmatch(text)
            and not _ONE_COMMA_GROUP.fullmatch(text)
        ):
            # a site whose language writes a decimal comma: "1,5" is 1.5, as
            # its goal files read it; "1,250" is refused (:func:`ambiguous`)
            text = text.replace(",", ".")
        else:
            return None
    elif delimiter != "," and "," in text:
        if _DECIMAL_COMMA.fullmatch(text):
            text = text.replace(",", ".")
        elif _GROUPED_COMMA.fullmatch(text):
            text = text.replace(".", "").replace(",", ".")
        else:
            return None
    elif delimiter != "," and (
        _GROUPED_DOTS.fullmatch(text) or (grouped and _AMBIGUOUS.fullmatch(text))
    ):
        text = text.replace(".", "")
    elif delimiter != "," and _AMBIGUOUS.fullmatch(text):
        return None
    try:
        number = float(text.replace("_", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def comma_grouped(cell: str) -> tuple[str, str] | None:
    """``cell`` written the two ways a file whose decimals are commas reads,
    when its figure groups thousands with commas as English does
    (``1,000,000``: ``1000000`` and ``1.000.000``; ``1,234.5 €``: ``1234,5 €``
    and ``1.234,5 €``), for the hint of such a file's refusal; else ``None``."""
    parts = _magnitude(_figure(cell))
    if parts is None:
        return None
    figure = parts[0].lstrip("-+")
    if not (_GROUPED_COMMAS.fullmatch(figure) or _GROUPED_POINT.fullmatch(figure)):
        return None
    whole, _, decimals = figure.partition(".")
    tail = f",{decimals}" if decimals else ""
    plain = whole.replace(",", "") + tail
    dotted = whole.replace(",", ".") + tail
    return cell.strip().replace(figure, plain, 1), cell.strip().replace(figure, dotted, 1)


def ambiguous(cell: str, delimiter: str) -> bool:
    """Whether ``cell`` is a number :func:`read_number` refuses as ambiguous
    (when no other value of its column shows that thousands are grouped):
    ``1.234`` or ``1.500 Tsd`` in a file whose decimals are commas (an amount
    of money, ``1.200 €``, is not); a quoted ``"1,250"`` in a file separated
    by commas, in a site whose language writes a decimal comma.

    The file and the site disagree there: a file separated by commas comes
    from an English sheet or a script, whose ``"1,250"`` is 1250, while the
    site reads 1.25. Read either way, it was a silent slip by a thousand
    (the one ``values:`` warns of, OKR124, and a semicolon file's ``1.250``
    is refused for), so it is refused with both readings."""
    parts = _magnitude(_figure(cell))
    if parts is None:
        return False
    text, factor = parts
    if delimiter == ",":
        return not comma_convention() and bool(_ONE_COMMA_GROUP.fullmatch(text))
    return not (_money(cell) and factor == 1.0) and bool(_AMBIGUOUS.fullmatch(text))
