"""Read a spreadsheet (CSV or XLSX) into rows of cells with their row numbers.

People save CSV from Excel with a semicolon in much of Europe and with a
byte-order mark on Windows; Excel keeps a percentage as 0.45 with a ``0%``
format. This module hides those differences: every cell comes out as text,
a number, a date or ``None``, a percentage-formatted number as text ``45%``,
each row with the number the spreadsheet shows for it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

__all__ = ["Sheet", "SheetError", "delimiter_of", "read_sheet"]

MAX_ROWS = 100_000
HEADER_SEARCH = 10  # rows with text looked at for the header


class SheetError(Exception):
    """The file as a whole cannot be read (message says why and what to do)."""


@dataclass(frozen=True)
class Sheet:
    """The header row and the data rows below it (``(row number, cells)``)."""

    headers: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


def read_sheet(
    path: Path, fmt: str, is_header: Callable[[tuple[str, ...]], bool] | None = None
) -> Sheet:
    """The first sheet of ``path`` (``fmt`` ``csv`` or ``xlsx``).

    The header is the first of the first rows with text that ``is_header``
    accepts (a sheet often starts with a title line such as "OKRs Q1 2026"
    above its header), else the first row with text.
    """
    try:
        raw_rows = _xlsx_rows(path) if fmt == "xlsx" else _csv_rows(path)
        numbered = [(n, row) for n, row in raw_rows if any(_filled(c) for c in row)]
    except OSError as exc:
        raise SheetError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not numbered:
        raise SheetError(f"{path.name} has no rows: the first row must name the columns")
    first = 0
    if is_header is not None:
        first = next(
            (i for i, (_, row) in enumerate(numbered[:HEADER_SEARCH]) if is_header(_texts(row))), 0
        )
    header_row, header_cells = numbered[first]
    headers = _texts(header_cells)
    width = len(headers)
    rows = tuple(
        (n, tuple(row[:width]) + (None,) * (width - len(row))) for n, row in numbered[first + 1 :]
    )
    if not rows:  # the header of an empty template, or the wrong sheet or file
        raise SheetError(
            f"{path.name} has no rows under its header (row {header_row}): nothing to import; "
            "is it the right file (an .xlsx file is read from its first sheet)?"
        )
    return Sheet(headers, header_row, rows)


def _texts(cells: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if c is None else str(c).strip() for c in cells)


def _filled(cell: Any) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _csv_rows(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page unless told otherwise
        text = raw.decode("cp1252", errors="replace")
    delimiter = delimiter_of(text)
    out: list[tuple[int, tuple[Any, ...]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        if len(out) > MAX_ROWS:
            raise SheetError(f"{path.name} has more than {MAX_ROWS} rows")
        cells = tuple(_unexport(c) if c.strip() else None for c in row)
        # the record's number, as a spreadsheet shows it (a quoted line break
        # inside a cell does not start a new row)
        out.append((len(out) + 1, cells))
    return out


def delimiter_of(text: str) -> str:
    """The delimiter of a CSV file as spreadsheets save it: the one of comma,
    semicolon (Excel in much of Europe) and tab its first line holds most of."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(",;\t", key=first.count) if first else ","


def _unexport(cell: str) -> str:
    """Undo the ``'`` that okrsite's own export puts before text a spreadsheet
    would run as a formula (``'-5%``)."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell


def _xlsx_rows(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pragma: no cover - a dependency of okrsite
        raise SheetError("reading .xlsx needs openpyxl: pip install openpyxl") from exc
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException …
        raise SheetError(
            f"{path.name} is not an Excel workbook (.xlsx) that can be read: {exc}"
        ) from None
    try:
        sheet = book.worksheets[0]
        out: list[tuple[int, tuple[Any, ...]]] = []
        for row in sheet.iter_rows():
            if len(out) > MAX_ROWS:
                raise SheetError(f"{path.name} has more than {MAX_ROWS} rows")
            cells = tuple(_xlsx_value(c) for c in row)
            number = next((c.row for c in row if getattr(c, "row", None)), len(out) + 1)
            out.append((number, cells))
        return out
    finally:
        book.close()


def _xlsx_value(cell: Any) -> Any:
    value = cell.value
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) and "%" in (getattr(cell, "number_format", "") or ""):
        percent = round(value * 100, 9)
        return f"{int(percent) if float(percent).is_integer() else percent}%"
    if isinstance(value, str):
        return value if value.strip() else None
    return value
