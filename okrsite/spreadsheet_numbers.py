"""How a sheet writes its numbers: the decimal mark, worked out from the file.

``1,250`` is one thousand two hundred and fifty in a sheet that writes
``1,250.5`` and ``0.25``, and one and a quarter in one that writes ``2,5``
and ``1.200,50``: a spreadsheet program reads a cell by the locale it was
written in, and a CSV file or a text cell carries no locale but its own
figures. So the text cells of a file's number columns decide how all of
them are read (:func:`file_convention`): a figure that can be read one way
only (``2,5``, ``1.8``, ``1,250.5``, ``1.200,50``, ``0,125``) tells which
mark writes decimals. When no figure tells, a semicolon between a CSV
file's cells says decimal comma (spreadsheets save CSV so where a comma
marks decimals), and else the site's ``language`` decides; then each
figure that reads both ways (``1,250``, ``1.000``) is read so with a
warning that names both readings (:func:`ambiguous`).

A cell that holds a number (an .xlsx cell typed as one) is a number
whatever the convention: only text is read.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from okrsite.column_match import ColumnMap
from okrsite.spreadsheet_read import Sheet
from okrsite.written_numbers import comma_groups_thousands, read_number

__all__ = [
    "NUMBER_FIELDS",
    "NumberConvention",
    "SheetFigure",
    "ambiguous",
    "ascii_figure",
    "file_convention",
    "parse_number",
]

#: the fields whose cells are figures
NUMBER_FIELDS = (
    "start",
    "target",
    "current",
    "progress",
    "weight",
    "objective_weight",
    "score",
    "confidence",
)


@dataclass(frozen=True)
class NumberConvention:
    """How a file writes decimals: ``decimal_comma`` ``True`` (``2,5``;
    ``1.000`` groups thousands), ``False`` (``2.5``; ``1,000`` groups
    thousands) or ``None`` (not known: ``1,000`` groups thousands, as before
    a site's language was known). ``by_cells``: its own figures said so;
    ``reason``: what decided, for a warning to quote. ``comma_separated``:
    a CSV file whose cells commas separate, whose quoted ``"1,200"`` the
    site may read otherwise than the sheet it came from wrote it
    (:meth:`okrsite.spreadsheet_row.SheetRow._parse` refuses it, IMP111).
    ``workbook``: an .xlsx workbook, whose text cell ``1,200`` is refused by
    the same rule: a workbook is no more the site's language than a CSV
    file is (an English sheet typed 1,200 customers as text), and its
    number cells, which are numbers, never reach the rule."""

    decimal_comma: bool | None = False
    by_cells: bool = False
    reason: str = "the site's language"
    comma_separated: bool = False
    workbook: bool = False


#: the figure of a cell, with the marks that group or divide its digits
_FIGURE = re.compile(r"\d(?:[\d.,'\u00a0\u202f\u2009]| (?=\d))*")


def _mark(text: str) -> bool | None:
    """``True`` when ``text`` is a figure that writes a decimal comma and can
    be read no other way (``2,5``, ``1.200,50``, ``1.000.000``, ``0,125``),
    ``False`` for a decimal point (``2.5``, ``1,250.5``, ``1,000,000``,
    ``0.125``), ``None`` when it does not tell (``12``, ``1,250``, a title)."""
    figures = _FIGURE.findall(text)
    if len(figures) != 1 or sum(c.isdigit() for c in text) != sum(c.isdigit() for c in figures[0]):
        return None  # not one figure (a title with several numbers in it)
    figure = re.sub(r"[ '\u00a0\u202f\u2009]", "", figures[0]).rstrip(".,")
    commas, points = figure.count(","), figure.count(".")
    if commas and points:  # the last mark divides the decimals
        return bool(figure.rfind(",") > figure.rfind("."))
    if commas + points == 0:
        return None
    mark = "," if commas else "."
    if commas + points > 1:  # 1,000,000 or 1.000.000: the mark groups thousands
        return mark == "."
    before, after = figure.split(mark)
    if len(after) != 3 or before.startswith("0") or len(before) > 3:
        return mark == ","  # 2,5  12,75  0,125  1234,567: decimals
    return None  # 1,250 or 1.000: either


def file_convention(
    sheets: Iterable[tuple[Sheet, ColumnMap]], language: str | None
) -> NumberConvention:
    """The decimal mark of a file: its figures' (the text cells of its number
    columns), else the semicolons between a CSV file's cells, else the site's
    ``language``."""
    said: dict[bool, list[str]] = {True: [], False: []}
    semicolons = comma_separated = workbook = False
    for sheet, cols in sheets:
        semicolons = semicolons or sheet.delimiter == ";"
        comma_separated = comma_separated or sheet.delimiter == ","
        workbook = workbook or sheet.delimiter is None  # an .xlsx tab
        columns = [cols.fields[f] for f in NUMBER_FIELDS if f in cols.fields]
        for number, cells in sheet.rows:
            for index in columns:
                cell = cells[index]
                if not isinstance(cell, str) or isinstance(cell, SheetFigure):
                    continue  # a number cell says nothing of the file's decimal mark
                mark = _mark(cell)
                if mark is not None:
                    said[mark].append(f"{cell.strip()!r} (row {number})")
    commas, points = len(said[True]), len(said[False])
    if commas != points:
        comma = commas > points
        example = said[comma][0]
        written = "a decimal comma" if comma else "a decimal point"
        if commas and points:
            other = said[not comma][0]
            reason = f"most of the file's figures write {written}, such as {example} (not {other})"
        else:
            reason = f"the file's figures write {written}, such as {example}"
        return NumberConvention(
            comma,
            by_cells=not (commas and points),
            reason=reason,
            comma_separated=comma_separated,
            workbook=workbook,
        )
    if semicolons:
        return NumberConvention(
            True,
            reason="nothing in the file shows its decimal mark, and its cells are separated by "
            "semicolons, as spreadsheets save CSV where a comma marks decimals",
        )
    groups = comma_groups_thousands(language) if language else None
    marks = {True: "a decimal point", False: "a decimal comma", None: "no one decimal mark"}
    return NumberConvention(
        None if groups is None else not groups,
        reason=f"nothing in the file shows its decimal mark, and the site's language "
        f"({language}) writes {marks[groups]}",
        comma_separated=comma_separated,
        workbook=workbook,
    )


class SheetFigure(str):
    """A workbook's number cell formatted as a percentage or an amount of
    money: its text shows the sign (``12.345%``, ``205000.5 €``), which gives
    the key result its unit as a typed ``45%`` or ``250.000 €`` does, while
    its figure is the cell's exact number. Read from its text, ``12.345%``
    would be twelve thousand in a file whose decimal mark is a comma: the
    cell held a number, and there is nothing to read two ways."""

    number: float
    percent: bool

    def __new__(cls, text: str, number: float, percent: bool) -> SheetFigure:
        figure = super().__new__(cls, text)
        figure.number, figure.percent = number, percent
        return figure


def parse_number(value: Any, decimal_comma: bool | None = False) -> tuple[float, bool] | None:
    """``"1,200"``, ``"$1.5"``, ``"45 %"``, ``12`` → the number and a percent flag.

    Text is read as goal files read it (:mod:`okrsite.written_numbers`),
    with a separator before exactly three digits (``1,250``, ``1.000``) read
    by ``decimal_comma``, the file's convention: thousands unless it writes a
    decimal comma (then ``1,250`` is 1.25 and ``1.000`` is 1000). Beside a
    dollar, pound or yen sign a comma groups thousands, and beside any
    currency sign a point before three digits does (``€5.000``): amounts
    are written so. A euro amount's comma is the file's, as a plain
    figure's: ``€4,000`` is 4 where a comma marks decimals, read by the goal
    files' function (:func:`okrsite.written_numbers.read_number`, whose money
    rule is :func:`~okrsite.written_numbers.money_grouped`), so that import, a
    goal file and a KPI's data file read one figure one way. A figure in brackets is negative (``($50,000.00)``, as
    accounting formats of Excel and Google Sheets write a loss, and export
    it to CSV): okrsite's other readers of figures (goal files, a KPI's data
    file) read them by :mod:`okrsite.written_numbers`, not here."""
    if isinstance(value, bool):
        return None
    if isinstance(value, SheetFigure):
        return value.number, value.percent
    if isinstance(value, (int, float)):
        if isinstance(value, int) and not -(10**308) < value < 10**308:
            return None  # too large for a float
        number = float(value)
        return (number, False) if number == number and abs(number) != float("inf") else None
    text = str(value)
    if not text.isascii():
        text = ascii_figure(text)
    bracketed = _unbracketed(text)
    if bracketed is not None:
        # ($50,000.00): a negative amount as accounting formats write it
        inner = parse_number(bracketed, decimal_comma)
        return None if inner is None or inner[0] < 0 else (-inner[0], inner[1])
    if decimal_comma is True and not any(sign in text for sign in "$£¥"):
        if _ONE_POINT_GROUP.fullmatch(text.strip()):
            text = text.replace(".", "", 1)  # 1.200: the point groups thousands
        # 1,250 and €1,250: the comma marks decimals, read by the goal files'
        # reader, whose money rule is not fooled as a rewritten €1.250 was (1250)
        read = read_number(text, decimal_comma=True)
    else:
        read = read_number(text, one_group_thousands=True)
    return read if read is not None else _scientific(text)


#: a figure in scientific notation, as a spreadsheet shows a large or small
#: number (``1e3``, ``1.5E+06``, ``2e-3``), with its percent sign maybe
_SCIENTIFIC = re.compile(r"([-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d{1,3})\s*(%?)")


def _scientific(text: str) -> tuple[float, bool] | None:
    """``1e3`` as 1000: a goal file reads it so (YAML, and Python's float for
    a quoted one), and a spreadsheet writes a number so in a CSV file."""
    found = _SCIENTIFIC.fullmatch(text.strip())
    if found is None:
        return None
    number = float(found[1])
    return (number, bool(found[2])) if math.isfinite(number) else None


#: the marks of other scripts' figures, as their ASCII ones: full-width
#: forms (a Japanese or Chinese keyboard's ``１２３，５``) and Arabic's own
#: decimal, thousands and percent signs (``١٢٣٫٥``, ``٪``)
_MARKS = str.maketrans(
    {
        "\uff0e": ".",
        "\uff0c": ",",
        "\uff05": "%",
        "\uff0b": "+",
        "\uff0d": "-",
        "\u3000": " ",
        "\u066b": ".",
        "\u066c": ",",
        "\u066a": "%",
        "\uff04": "$",
        "\uffe5": "¥",
        "\uffe1": "£",
    }
)


def ascii_figure(text: str) -> str:
    """``text`` with the digits of any script as ASCII digits (``１２３`` and
    ``١٢٣`` are 123), as a goal file reads them (Python's float takes every
    script's decimal digits), and their marks as ASCII marks. Only decimal
    digits are: a superscript ``²`` (of ``m²``) is no digit of a figure."""
    if not any(c.isdecimal() and not c.isascii() for c in text):
        return text
    digits = "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text
    )
    return digits.translate(_MARKS)


def _unbracketed(text: str) -> str | None:
    """The figure of a cell written in brackets, a currency sign inside or
    outside them (``($50,000.00)``, ``$ (50,000.00)`` as a Google Sheets
    accounting cell writes it, ``(1.234,50 €)``, ``(5)``), with the signs
    kept and the brackets taken off; ``None`` when the cell is not so
    written, or writes its own sign inside (``(-5)``).

    Read by its first and last characters, not by a pattern: a pattern with
    a lazy run before spaces and a bracket took time by the square of a long
    cell's length (26 s for one cell of 100,000 spaces), and a sheet's cells
    are anyone's text."""
    cell = text.strip()
    lead = ""
    if cell[:1] in ("$", "€", "£", "¥"):
        lead, cell = cell[0], cell[1:].lstrip()
    trail = ""
    if cell[-1:] in ("€", "%"):
        trail, cell = cell[-1], cell[:-1].rstrip()
    if len(cell) < 2 or cell[0] != "(" or cell[-1] != ")":
        return None
    inner = cell[1:-1].strip()
    if not inner or inner[0] in "+-" or "(" in inner or ")" in inner:
        return None
    return f"{lead}{inner}{trail}"


#: one point before exactly three digits, with a sign, a percent or
#: currency sign around; matched against the stripped cell, so that no two runs
#: of spaces meet (``\s*[-+]?[$€£¥]?\s*`` took time by the square of a cell's
#: leading spaces)
_ONE_POINT_GROUP = re.compile(r"[-+]?[$€£¥]?\s*[1-9]\d{0,2}\.\d{3}\s*[%€]?")


def ambiguous(text: str) -> tuple[float, float] | None:
    """The two readings of a figure that reads both ways (``1,250``: 1250
    with a comma grouping thousands, 1.25 with a decimal comma), the one
    with a decimal point first; ``None`` for one that reads one way."""
    point, comma = parse_number(text, False), parse_number(text, True)
    if point is None or comma is None or point[0] == comma[0]:
        return None
    return point[0], comma[0]
