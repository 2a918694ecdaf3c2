"""A header written on two rows: a group label over the columns it names.

Planning templates often group columns under a label merged across them
(``Values`` over Start, Target and Current) with the columns' own names in
the row below, and the other columns' names in the upper row only:

    | Objective | Key result | Values |        |         | Unit |
    |           |            | Start  | Target | Current |      |

:func:`joined_header` reads such a pair of rows as one header: the lower
row's name where the upper row's cell is blank or a label that names no
field, the upper row's elsewhere, and keeps the labels: one may name the
rows' cycle (:func:`group_cycle`). The labels may also stand on the row
above a header that names every column itself (``Q3 2026`` over Start,
Target and Current, the objective's columns blank above). :func:`second_header_row` tells a row that
looks like a header row of its own, for an error that says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from okrsite import cycles
from okrsite.column_match import ColumnMap, match_columns
from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Cycle
from okrsite.spreadsheet_read import Sheet
from okrsite.spreadsheet_row import column_letter

__all__ = ["group_cycle", "joined_header", "second_header_row", "toml_key"]


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
        return _labelled(sheet, mapping)
    named = set(match_columns(sheet.headers, mapping).fields.values())
    if any(name and index in named for index, name in enumerate(names)):
        return _labelled(sheet, mapping)  # a value under a named column: a row of data
    below = match_columns(names, mapping).fields
    if not below:
        return _labelled(sheet, mapping)  # it names no field: not a header row
    joined = list(sheet.headers) + [""] * (len(names) - len(sheet.headers))
    groups = _groups(joined, names)
    for index, name in enumerate(names):
        if name:
            # a group label over a name that names no field stays in front of it
            upper = joined[index]
            joined[index] = name if index in below.values() or not upper else f"{upper} {name}"
    return replace(sheet, headers=tuple(joined), rows=sheet.rows[1:], groups=groups)


def _labelled(sheet: Sheet, mapping: dict[str, str] | None) -> Sheet:
    """``sheet`` with the group labels of the row right above its header,
    when that row holds text over the figures' columns only: the other
    layout of a two-row header, every column named on the lower row

        |           |            | Q3 2026 |        |         |
        | Objective | Key result | Start   | Target | Current |

    A title above the header (``OKRs 2026`` in column A) stands over the
    objective, not the figures, and is no group label."""
    if sheet.above is None:
        return sheet
    row, cells = sheet.above
    upper = _names(cells)
    if upper is None or not any(upper):
        return sheet
    cols = match_columns(sheet.headers, mapping).fields
    figures = {cols[f] for f in _FIGURE_FIELDS if f in cols}
    if any(label and index not in figures for index, label in enumerate(upper)):
        return sheet
    # a workbook's row ends at its last cell: as wide as the header below it
    groups = _groups([*upper, *[""] * (len(sheet.headers) - len(upper))], sheet.headers)
    return replace(sheet, groups=groups, group_row=row) if groups else sheet


def _groups(
    upper: list[str], lower: tuple[str, ...]
) -> tuple[tuple[int, str, tuple[int, ...]], ...]:
    """The labels of the upper row over names of the lower row: each with the
    columns under it, its own and those right of it with a blank upper cell
    (a merged cell holds its text in its first column only)."""
    groups = []
    for index, label in enumerate(upper):
        if not label or index >= len(lower) or not lower[index]:
            continue
        under = [index]
        while under[-1] + 1 < len(lower) and not upper[under[-1] + 1] and lower[under[-1] + 1]:
            under.append(under[-1] + 1)
        groups.append((index, label, tuple(under)))
    return tuple(groups)


def group_cycle(
    sheet: Sheet, cols: ColumnMap, file: str, known: Mapping[str, Cycle]
) -> tuple[str | None, list[Diagnostic]]:
    """The cycle a group label over the columns the figures are read from
    names (``Q3 2026`` merged over Baseline, Target and Actual), for a sheet
    with no cycle column: the rows' cycle, read as a cycle cell is read.

    Planning templates often write the quarter so, once above its figures;
    dropped, its objectives would land in the default cycle unsaid. A label
    with a digit that names no cycle (``FY26 plan``) is warned about (IMP208,
    a cell not imported) at its cell; a label of words alone (``Values``)
    names the group, not a cycle, and is read past as before."""
    if "cycle" in cols.fields:
        return None, []
    figures = {cols.fields[f] for f in _FIGURE_FIELDS if f in cols.fields}
    cycle: str | None = None
    diags: list[Diagnostic] = []
    for index, label, under in sheet.groups:
        if not figures & set(under):
            continue  # over columns not imported (already listed as such)
        name = cycles.canonical(" ".join(label.split()), known)
        if cycles.lookup(name, known) is not None:
            cycle = cycle or name
            continue
        if not any(c.isdigit() for c in label):
            continue
        first, last = column_letter(under[0]), column_letter(under[-1])
        row = sheet.group_row or sheet.header_row
        diags.append(
            warning(
                "IMP208",
                f"row {row}, column {first} {label!r}: the group label over "
                f"columns {first} to {last} names no cycle okrsite knows: it is not imported, "
                "and the rows take the cycle --cycle or default_cycle gives",
                file,
                line=row,
                column=index + 1,
                hint="write the cycle like 2026-Q3 (or Q3 2026) in the label or in a Cycle "
                f"column, or define it in okrsite.toml as [cycles.{toml_key(name)}] with start "
                "and end dates",
            )
        )
    return cycle, diags


#: the fields whose columns a cycle's group label stands over
_FIGURE_FIELDS = ("start", "target", "current", "progress", "confidence", "score")


def toml_key(name: str) -> str:
    """A key as TOML needs it written: bare when it can be, else quoted."""
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)


def second_header_row(cells: tuple[Any, ...], mapping: dict[str, str] | None = None) -> list[str]:
    """The column names a row of text holds (``['Start', 'Target']``) when it
    names two fields or more: a header row of its own. Else ``[]``."""
    names = _names(cells)
    if names is None:
        return []
    fields = match_columns(names, mapping).fields
    return [names[index] for index in sorted(fields.values())] if len(fields) >= 2 else []
