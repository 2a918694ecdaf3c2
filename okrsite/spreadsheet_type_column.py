"""A sheet whose rows are objectives or key results by a Type column.

Viva Goals, Perdoo and Lattice export OKRs one item a row: a ``Type`` (or
``Item type``) column says ``Objective`` or ``Key Result``, the title of
either stands in one Title column, and a key result's row follows its
objective's (or names it as its Parent). okrsite's sheet is one key result
a row beside its objective's title, so such a sheet cannot be read as it
is: without a word about the Type column the import would ask for an
Objective column (IMP002), and mapping Title to it would take every
objective row for a key result's row without a Key result column (IMP101).
:func:`type_column_layout` finds the layout so that the import stops at once
with one error that names the Type column and says how to rewrite the sheet.
"""

from __future__ import annotations

from okrsite.column_match import ColumnMap, header_key
from okrsite.spreadsheet_read import Sheet
from okrsite.spreadsheet_row import column_letter

__all__ = ["type_column_layout"]

#: the headers of a column saying what a row is
_TYPE_HEADERS = frozenset({"type", "itemtype", "goaltype", "objecttype", "typ"})
#: what its cells say, compared after :func:`header_key`
_OBJECTIVE_WORDS = frozenset({"objective", "goal", "ziel", "o"})
_KEY_RESULT_WORDS = frozenset({"keyresult", "kr", "result", "schlüsselergebnis"})


def type_column_layout(sheet: Sheet, cols: ColumnMap) -> tuple[str, str] | None:
    """The message and hint of the error for a sheet laid out by a Type column
    (objective rows and key-result rows), or ``None`` for any other sheet,
    and for one that has a Key result column as well (then read as ours)."""
    if "key_result" in cols.fields:
        return None
    for index, header in enumerate(sheet.headers):
        if header_key(header or "") not in _TYPE_HEADERS or index in cols.fields.values():
            continue
        said = {
            header_key(str(cells[index]))
            for _, cells in sheet.rows
            if index < len(cells) and cells[index] is not None
        }
        if said & _OBJECTIVE_WORDS and said & _KEY_RESULT_WORDS:
            where = f"column {column_letter(index)} {header!r}"
            return (
                f"{where} says whether a row is an objective or a key result (the layout "
                "Viva Goals, Perdoo and Lattice export), which okrsite does not read: its "
                "sheet has one row per key result, beside its objective's title",
                "rewrite it so: give each key-result row its objective's title in a column "
                "named Objective and its own title in a column named Key result, delete the "
                f"objective rows (okrsite works out their progress) and the {header!r} "
                "column, then import again (see docs/import.md, 'The sheet')",
            )
    return None
