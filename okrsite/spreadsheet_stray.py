"""Cells a sheet holds where its header names no column.

A note typed right of the table (``see Q3 deck`` under a blank header, or
one cell more than the header has) belongs to no field, so nothing imports
it; a column with a header nothing matches is listed as not imported, but
a column without a header has no name to list. Each such filled cell is
said (IMP208) with its row and column, so nothing a person wrote is left
out unseen.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from okrsite.column_match import ColumnMap, header_key
from okrsite.diagnostics import Diagnostic, warning
from okrsite.spreadsheet_read import Sheet
from okrsite.spreadsheet_row import column_letter, show_value
from okrsite.spreadsheet_xlsx import FormulaCell

__all__ = ["stray_cells", "stray_warning"]


def stray_cells(sheet: Sheet, cols: ColumnMap) -> dict[int, list[tuple[int, Any, bool]]]:
    """The filled cells of each row (by row number) under a column with no
    header, or right of the header's last column: ``(index, value, beyond)``."""
    taken = set(cols.fields.values())
    unnamed = [
        index
        for index, header in enumerate(cols.headers)
        if not header_key(header) and index not in taken
    ]
    out: dict[int, list[tuple[int, Any, bool]]] = {}
    if unnamed:
        for number, cells in sheet.rows:
            for index in unnamed:
                if _filled(cells[index]):
                    out.setdefault(number, []).append((index, cells[index], False))
    for number, index, value in sheet.beyond:
        out.setdefault(number, []).append((index, value, True))
    return out


def _filled(cell: Any) -> bool:
    if isinstance(cell, str):
        return bool(cell.strip())
    return cell is not None


def stray_warning(
    file: str, row: int, index: int, value: Any, beyond: bool, headers: tuple[str, ...]
) -> Diagnostic:
    """IMP208: the cell at ``row``, 0-based column ``index`` is not imported."""
    header = headers[index].strip() if index < len(headers) else ""
    named = f"{header!r}, a header with no name in it" if header else "no header"
    why = (
        "it lies right of the header's last column, so no field takes it"
        if beyond
        else "its column has no header, so no field takes it"
    )
    return warning(
        "IMP208",
        f"row {row}, column {column_letter(index)} ({named}): {_shown(value)} is not "
        f"imported: {why}",
        file,
        line=row,
        column=index + 1,
        hint=f"write a header over column {column_letter(index)} to import it (Notes makes "
        "it the objective's notes; a column named as another field is read as that field), "
        "or clear the cell",
    )


def _shown(value: Any) -> str:
    if isinstance(value, FormulaCell):
        return (
            f"a formula (={value.formula}) with no stored value" if value.formula else "a formula"
        )
    if isinstance(value, datetime):
        return repr(value.date().isoformat() if value.time() == datetime.min.time() else str(value))
    if isinstance(value, date):
        return repr(value.isoformat())
    if isinstance(value, str):
        return show_value(" ".join(value.split()))
    return show_value(value)
