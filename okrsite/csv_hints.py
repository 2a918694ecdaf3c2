"""What to write instead, for a KPI data file's header, row or value cell
that cannot be read: the hints of its findings (OKR202, OKR203) and of
``okrsite pull``'s refusals of the same rows in a source.

Apart from :mod:`okrsite.kpi_data_file`, which reads the file and says
what is wrong where, because the hints are a concept of their own, each
a figure the file would read (``2000.5`` for a German ``2.000,5`` in a
file separated by commas), and would push that module past a size one
reads at once.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from okrsite.parse_messages import number_hint
from okrsite.written_numbers import read_number

__all__ = ["csv_header_hint", "csv_number_hint", "csv_split_hint", "one_way_decimal"]


def csv_header_hint(header: list[str], delimiter: str) -> str:
    """What to write in a header okrsite cannot read: a spreadsheet's export
    often has more columns than the two a KPI needs (``Date,CSAT,Responses``),
    and only its author knows which one holds the readings, so the hint
    renames one in place (the file's other columns stay) instead of
    suggesting a header that would no longer fit its rows: the first column
    that is neither the dates nor their times of day (:data:`TIME_HEADERS`)."""
    from okrsite import kpi_csv
    from okrsite.csv_time_column import TIME_HEADERS

    names = [cell.strip() for cell in header]
    date_at = next(
        (i for i, name in enumerate(names) if name.lower() in kpi_csv.DATE_HEADERS), None
    )
    if len(names) < 2 or (len(names) == 2 and date_at is None):
        return f"make the first line 'date{delimiter}value'"
    if date_at is None:
        renamed = ["date", "value", *names[2:]]
        return (
            "name the column of dates 'date' and the column of readings 'value', "
            f"keeping the others: {delimiter.join(renamed)!r}"
        )
    # not a column of times (Date,Time,Orders): the readings are beside it
    value_at = next(
        (i for i in range(len(names)) if i != date_at and names[i].lower() not in TIME_HEADERS),
        None,
    )
    if value_at is None:
        return (
            f"add a column of readings named 'value', as in {delimiter.join([*names, 'value'])!r}"
        )
    renamed = [("value" if i == value_at else name) for i, name in enumerate(names)]
    return (
        f"{len(names)} columns: name the one that holds the readings 'value', "
        f"keeping the others, as in {delimiter.join(renamed)!r}"
    )


def csv_split_hint(row: list[str], vi: int, width: int, delimiter: str) -> str:
    """What to write when a row has more cells than its header: most often a
    value with a decimal comma (``150,5``), split in two by the comma, or a
    date written with one (``Nov 5, 2026``), which reads as ``Nov 5`` and ``2026``."""
    if delimiter == ",":
        split_date = _split_date(row)
        if split_date is not None:
            written, day = split_date
            return (
                f'put the date in double quotes ("{written}") or write it {day.isoformat()}: '
                f"a comma separates the columns here, so {written} reads as two cells"
            )
    if delimiter == "," and vi == width - 1 and row[vi + 1].strip().isdigit():
        whole, part = row[vi].strip(), row[vi + 1].strip()
        return (
            f"write {whole}.{part}: a comma separates the columns here, so {whole},{part} "
            f"reads as {whole} and a stray {part}"
        )
    return f"put a value that holds {delimiter!r} in double quotes, or remove the extra cells"


def _split_date(row: list[str]) -> tuple[str, date] | None:
    """The date a comma split across two cells (``Nov 5`` and `` 2026``), as
    written and as read, if the row has one: joined again they read as a
    date, the first alone does not."""
    from okrsite import kpi_csv

    for first, second in itertools.pairwise(row):
        written = f"{first.strip()},{second}".strip()
        day = kpi_csv.read_date(written)
        if day is not None and kpi_csv.read_date(first) is None:
            return written, day
    return None


def csv_number_hint(cell: str, delimiter: str) -> str:
    """:func:`number_hint`, for a CSV: a comma-separated file cannot have a decimal
    comma (it would split the cell), and ``1.234`` is ambiguous where commas mark decimals."""
    from okrsite import kpi_csv

    separated = _SEPARATED_BY.get(delimiter, "semicolons")
    if kpi_csv.ambiguous(cell, delimiter) and delimiter == ",":
        bare = cell.strip()
        return (
            f"write {bare.replace(',', '')} if the comma groups thousands, or "
            f"{_decimal_reading(bare)} if it marks the decimals: a file separated by "
            "commas marks decimals with a point, this site's language with a comma"
        )
    if kpi_csv.ambiguous(cell, delimiter):
        bare = cell.strip()
        return (
            f"write {bare.replace('.', '')} if the points group thousands, or "
            f"{bare.replace('.', ',')} if the point marks the decimals: "
            f"in a file separated by {separated} a comma marks the decimals"
        )
    bare = cell.strip()
    if delimiter != ",":
        english = kpi_csv.comma_grouped(bare)
        if english is not None:  # 1,000,000 or 1,234.5 in a file whose decimals are commas
            plain, dotted = english
            return (
                f"write {plain} or {dotted}: in a file separated by {separated} "
                "a comma marks the decimals"
            )
    million = re.fullmatch(r"([^a-zA-Z]*\d)\s?m([^\w]*)", bare)
    if million is not None:  # $1.5m, 1,5m €: million, or metres?
        head, tail = million[1], million[2]
        return (
            f"write {head}M{tail} or {head} Mio{tail} for millions: "
            "a lowercase m is million or metres"
        )
    german = _GERMAN_FIGURE.fullmatch(bare) if delimiter == "," else None
    if german is not None:
        # "2.000,5", "1.234,56 €": points group thousands and the comma marks
        # the decimals, as a German sheet writes them; "2.000.5" is no number
        head, figure, tail = german.groups()
        plain = figure.replace(".", "").replace(",", ".")
        return (
            f"write {head}{plain}{tail}: in a file separated by commas a point marks "
            'the decimals, and a comma in a quoted number groups thousands ("1,200")'
        )
    if delimiter == "," and re.fullmatch(r"[^,]*\d,\d{1,2}(?!\d)\D*", bare):
        # "4,5%" quoted in a comma-separated file: a decimal comma, which such
        # a file cannot hold (its commas group thousands: "1,200")
        return (
            f"write {bare.replace(',', '.')}: in a file separated by commas a point marks "
            'the decimals, and a comma in a quoted number groups thousands ("1,200")'
        )
    written = read_number(bare)
    if delimiter != ",":
        hint = number_hint(cell)
        # a hint of its own (a space grouping, a Billion); the general one is YAML's
        if hint != number_hint("?") and not (written is not None and written[1]):
            return hint
        # the examples in the file's own convention, not YAML's 0.25 and 1,000,000
        percent = " or 3,5 %" if written is not None and written[1] else ""
        return (
            f"write digits, e.g. 50, 0,25, 1000000{',' if percent else ' or'} 1.000.000"
            f"{percent}: in a file separated by {separated} a comma marks the decimals"
        )
    if written is not None and written[1]:  # a KPI's reading may be a percentage
        return "write digits, e.g. 50, 0.25, 1,000,000 or 3.5%"
    return number_hint(cell).replace("in YAML", "in a file separated by commas")


def one_way_decimal(decimal: float, mark: str) -> str:
    """``decimal`` written with a decimal ``mark`` (``"point"`` or
    ``"comma"``) so that it reads one way: ``1.25``, ``4`` (not ``4.000``,
    which a German reader and the money rule beside a currency sign read as
    4000), and ``1.8340`` for 1.834, as ``1.834``, the figure a hint is
    about, reads two ways (a separator before exactly three digits may
    group thousands): a fourth decimal settles it. For the hints of IMP111,
    IMP204 and OKR203, which suggest it for the decimal reading of
    ``1,834``."""
    whole, _, decimals = format(decimal, "g").partition(".")
    if not decimals:
        return whole
    written = whole + ("," if mark == "comma" else ".") + decimals
    return written + "0" if len(decimals) == 3 else written


def _decimal_reading(bare: str) -> str:
    """A comma-separated file's cell whose one comma before three digits
    (``"€4,000"``, ``"1,834 %"``) is written as the decimal it would mark,
    its signs kept, so that the file reads it so: ``€4``, ``1.8340 %``
    (:func:`one_way_decimal`); ``€4.000`` would read 4000 (the money rule)."""
    found = _COMMA_FIGURE.search(bare)
    if found is None:
        return bare.replace(",", ".")
    decimal = one_way_decimal(float(f"{found[1]}.{found[2]}"), "point")
    return bare[: found.start()] + decimal + bare[found.end() :]


#: one comma before exactly three digits, the figure of an ambiguous cell
_COMMA_FIGURE = re.compile(r"(?<![\d.,])([1-9]\d{0,2}),(\d{3})(?![\d.,])")
#: a figure a German sheet writes (``1.234,56 €``, ``(2.000,5)``): points
#: group thousands, a comma marks the decimals; what is before and after it
_GERMAN_FIGURE = re.compile(r"(\D*?)([-+\u2212]?[1-9]\d{0,2}(?:\.\d{3})+,\d+)(\D*)")
#: what a file separated by other than commas is separated by, for hints
_SEPARATED_BY = {";": "semicolons", "\t": "tabs"}
