"""How an OKR sheet is laid out around its rows: what the header alone does
not tell.

People lay out a sheet of OKRs in more ways than one row per key result
with an Objective and a Key result column: the objective's title written
once with its key results indented under it in the same column (many Google
Sheets templates), one tab per team with no Team column, an objective's
first row hidden because its key result was dropped. Each function here
reads one such layout as the flat table :func:`okrsite.spreadsheet_import.plan_rows`
reads, so a layout is understood in one place, not guessed at row by row;
and it says what it did (notes for the plan's output), so nothing is
decided unseen.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from okrsite.column_match import ColumnMap, match_columns
from okrsite.grade_column import with_grade_read
from okrsite.spreadsheet_cells import has_value, totals_label
from okrsite.spreadsheet_header import joined_header
from okrsite.spreadsheet_import import ObjectivePlan
from okrsite.spreadsheet_read import Sheet

__all__ = [
    "INDENTED_KEY_RESULTS",
    "displaced_notes",
    "indented_key_results",
    "laid_out",
    "objectives_from_hidden_rows",
    "tab_team",
]

#: the fields an objective's first row gives it, which the rows under it
#: may leave blank ("filled only on its first row")
_OBJECTIVE_FIELDS = (
    "objective",
    "objective_id",
    "owner",
    "team",
    "cycle",
    "parent",
    "commitment",
    "objective_weight",
    "objective_status",
)

#: the names a spreadsheet program gives a new tab (English, German, French,
#: Spanish): a tab so named was never named after a team
_UNNAMED_TAB = re.compile(r"(?i)(?:sheet|tabelle|blatt|feuil|hoja)\s*\d+")

#: the header of the Key result column an indented layout is read into
INDENTED_KEY_RESULTS = "Key result (indented)"


def laid_out(read: Sheet, mapping: dict[str, str] | None) -> tuple[Sheet, ColumnMap, list[str]]:
    """A sheet as read, its header's columns matched, as the flat table of one
    row per key result that the rows are planned from; and the notes saying
    how it was read (:func:`indented_key_results`, :func:`displaced_notes`).
    The rows a sheet hides give their objective to the rows under them
    (:func:`objectives_from_hidden_rows`)."""
    sheet, indent_note = indented_key_results(joined_header(read, mapping), mapping)
    # a Grade column of figures is the scores (okrsite's export's, of colours, is not)
    cols = with_grade_read(sheet, match_columns(sheet.headers, mapping), mapping)
    notes = [indent_note] if indent_note else []
    return objectives_from_hidden_rows(sheet, cols), cols, notes + displaced_notes(cols)


def displaced_notes(cols: ColumnMap) -> list[str]:
    """What ``--map`` took from a column the built-in names would have read:
    ``--map 'Stretch target=target'`` beside a Target column reads the
    stretch figures, and Target is not imported, said so."""
    return [
        f"column {header!r} is not imported: --map reads {fld} from {mapped!r}"
        for header, (fld, mapped) in cols.displaced.items()
    ]


def objectives_from_hidden_rows(sheet: Sheet, cols: ColumnMap) -> Sheet:
    """``sheet`` with the blank objective cells of the first visible row
    under a hidden row that starts an objective filled from that hidden row.

    A sheet whose objective is written on its first row only leaves the
    cells blank below; hiding that first row (its key result was dropped)
    must not hand the objective's other key results to the objective above.
    The hidden row's key result stays out, as every hidden row's data does;
    its objective's title, owner, team and cycle are what Excel shows as
    belonging to the rows under it. A hidden objective with no visible row
    under it stays out whole."""
    titles = [cols.fields[f] for f in ("objective", "objective_id") if f in cols.fields]
    if not sheet.hidden_rows or not titles:
        return sheet
    hidden = {n for n, _ in sheet.hidden_rows}
    rows: list[tuple[int, tuple[Any, ...]]] = []
    pending: tuple[Any, ...] | None = None
    for number, cells in sorted([*sheet.rows, *sheet.hidden_rows], key=lambda r: r[0]):
        titled = [cells[i] for i in titles if has_value(cells[i])]
        if number in hidden:
            if titled and not any(totals_label(c) for c in titled):
                pending = cells
            continue
        if titled:
            pending = None
        elif pending is not None:
            filled = list(cells)
            for fld in _OBJECTIVE_FIELDS:
                index = cols.fields.get(fld)
                if index is not None and not has_value(filled[index]):
                    filled[index] = pending[index]
            cells, pending = tuple(filled), None
        rows.append((number, cells))
    return replace(sheet, rows=tuple(rows))


def tab_team(
    plans: list[ObjectivePlan], sheet: Sheet, cols: ColumnMap, several: bool
) -> str | None:
    """Give the objectives of a workbook's tab with no Team column the tab's
    name as their team, when the workbook has several tabs imported (one tab
    per team, the layout docs/import.md recommends); the note saying so.

    Left out, two tabs' ``Improve quality`` would be one folder's
    ``improve-quality`` and ``improve-quality-2``, neither with a team."""
    if not several or "team" in cols.fields or not sheet.name or not sheet.name.strip():
        return None
    if _UNNAMED_TAB.fullmatch(sheet.name.strip()):
        return None  # "Sheet2" names no team: the tab was never named
    team = " ".join(sheet.name.split())
    given = [plan for plan in plans if not plan.team]
    for plan in given:
        plan.team = team
    if not given:
        return None
    return (
        f"sheet {sheet.name!r} has no Team column: its name is the team of its "
        f"{len(given)} objective{'s' if len(given) != 1 else ''} (team: {team})"
    )


def indented_key_results(sheet: Sheet, mapping: dict[str, str] | None) -> tuple[Sheet, str | None]:
    """``sheet`` read as one row per key result when its key results are
    indented under their objective in the Objective column (leading spaces)
    and it has no Key result column: an indented title becomes the row's
    key result, in a column of its own; and the note saying so.

        Objective                        Owner     Progress
        O1: Grow revenue in EMEA         Uma Diaz
            KR1.1: Close $2M new ARR     Uma Diaz  40%
    """
    cols = match_columns(sheet.headers, mapping)
    at = cols.fields.get("objective")
    if at is None or "key_result" in cols.fields:
        return sheet, None
    indented = {n for n, cells in sheet.rows if _indented(cells[at])}
    if not indented:
        return sheet, None
    rows = tuple(
        (
            n,
            (*cells[:at], None, *cells[at + 1 :], " ".join(cells[at].split()))
            if n in indented
            else (*cells, None),
        )
        for n, cells in sheet.rows
    )
    hidden = tuple(
        (n, (*cells[:at], None, *cells[at + 1 :], " ".join(cells[at].split())))
        if _indented(cells[at])
        else (n, (*cells, None))
        for n, cells in sheet.hidden_rows
    )
    headers = (*sheet.headers, INDENTED_KEY_RESULTS)
    note = (
        f"column {sheet.headers[at]!r} holds key results indented under their objective "
        f"({len(indented)} row{'s' if len(indented) != 1 else ''}): each is read as its row's "
        "key result"
    )
    return replace(sheet, headers=headers, rows=rows, hidden_rows=hidden), note


def _indented(cell: Any) -> bool:
    """Whether a title cell is indented: text written after leading spaces
    (or a tab, or Excel's no-break space)."""
    return isinstance(cell, str) and cell.strip() != "" and cell[:1] in (" ", "\t", "\u00a0")
