"""A spreadsheet's Grade column: the score a team agreed on, or okrsite's colour.

``grade:`` in a goal file is read as ``score:`` (the pages call a score a
grade), so a sheet's column of grades 0-1 (``0.6``, ``70%``) is the key
results' scores, and importing it silently past lost them. okrsite's own
export writes a Grade column too, but of colours (green, yellow, red),
computed from progress: that one is read past silently, as before. A Grade
column that is neither (colours and figures mixed, other words) is said
not imported, as any column no field takes; so is one of figures beside a
Score column, which holds the scores already.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from okrsite.column_match import ColumnMap, header_key
from okrsite.spreadsheet_cells import has_value
from okrsite.spreadsheet_numbers import parse_number
from okrsite.spreadsheet_read import Sheet

#: the grades okrsite's export writes (:func:`okrsite.scoring_progress.grade_for`)
COLOURS = frozenset({"green", "yellow", "red"})


def _figure(cell: Any) -> bool:
    if isinstance(cell, str) and cell.strip().casefold() in COLOURS:
        return False
    return parse_number(cell) is not None or parse_number(cell, True) is not None


def with_grade_read(sheet: Sheet, cols: ColumnMap, mapping: Mapping[str, str] | None) -> ColumnMap:
    """``cols`` with a Grade column of figures read as the score (when no
    column holds the score already), a Grade column of colours left unread
    and unsaid, and any other Grade column listed as not imported. A Grade
    column ``--map`` names is read as it says."""
    at = next(
        (i for i, h in enumerate(sheet.headers) if header_key(h) == "grade"),
        None,
    )
    if at is None or "grade" in (mapping or {}) or at in cols.fields.values():
        return cols
    cells = [cells[at] for _, cells in sheet.rows if at < len(cells) and has_value(cells[at])]
    if all(isinstance(c, str) and c.strip().casefold() in COLOURS for c in cells):
        return cols  # okrsite's export: computed from progress, not input
    numbers = all(_figure(c) for c in cells)
    if numbers and "score" not in cols.fields:
        return replace(cols, fields={**cols.fields, "score": at})
    return replace(cols, ignored=(*cols.ignored, sheet.headers[at]))
