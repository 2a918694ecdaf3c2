"""A header written on two rows: a group label over the columns it names.

Planning templates often group columns under a label merged across them
(``Values`` over Start, Target and Current) with the columns' own names in
the row below, and the other columns' names in the upper row only:

    | Objective | Key result | Values |        |         | Unit |
    |           |            | Start  | Target | Current |      |

:func:`joined_header` reads such a pair of rows as one header: the lower
row's name where the upper row's cell is blank or a label that names no
field, the upper row's elsewhere. :func:`second_header_row` tells a row that
looks like a header row of its own, for an error that says so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from okrsite.column_match import match_columns
from okrsite.spreadsheet_read import Sheet

__all__ = ["joined_header", "second_header_row"]


def _names(cells: tuple[Any, ...]) -> tuple[str, ...] | None:
    """The cells of a row as names, or ``None`` when one is not text."""
    if not all(cell is None or isinstance(cell, str) for cell in cells):
        return None
    return tuple((cell or "").strip() for cell in cells)


def joined_header(sheet: Sheet, mapping: dict[str, str] | None = None) -> Sheet:
    """``sheet`` with the row right below its header joined to it, when that
    row names columns the header leaves blank or labels as a group (and
    holds nothing under the columns the header names); else ``sheet``."""
    if not sheet.rows:
        return sheet
    number, cells = sheet.rows[0]
    names = _names(cells)
    if number != sheet.header_row + 1 or names is None:
        return sheet
    named = set(match_columns(sheet.headers, mapping).fields.values())
    if any(name and index in named for index, name in enumerate(names)):
        return sheet  # a value under a named column: a row of data
    below = match_columns(names, mapping).fields
    if not below:
        return sheet  # it names no field: not a header row
    joined = list(sheet.headers) + [""] * (len(names) - len(sheet.headers))
    for index, name in enumerate(names):
        if name:
            # a group label over a name that names no field stays in front of it
            upper = joined[index]
            joined[index] = name if index in below.values() or not upper else f"{upper} {name}"
    return replace(sheet, headers=tuple(joined), rows=sheet.rows[1:])


def second_header_row(cells: tuple[Any, ...], mapping: dict[str, str] | None = None) -> list[str]:
    """The column names a row of text holds (``['Start', 'Target']``) when it
    names two fields or more: a header row of its own. Else ``[]``."""
    names = _names(cells)
    if names is None:
        return []
    fields = match_columns(names, mapping).fields
    return [names[index] for index in sorted(fields.values())] if len(fields) >= 2 else []
