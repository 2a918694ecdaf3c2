"""A sheet's cells that hold a control character, said at the cell.

A cell can hold an invisible control character (U+0007, a NUL) pasted from
another program or a database export. Written into a goal file, the loader
refuses it (OKR016), and the import would say so only of the row, naming
the first such character of the file it would write (perhaps of another
cell), with a hint about escapes in YAML that a sheet does not have. So
every cell of a column the import reads is looked at first: IMP110 at its
row and column, naming each control character it holds. Line breaks and
tabs (white space, which the import writes as such) are not control
characters here.
"""

from __future__ import annotations

from okrsite.column_match import ColumnMap
from okrsite.diagnostics import Diagnostic, error
from okrsite.limits import CONTROL_CHARS
from okrsite.spreadsheet_read import Sheet
from okrsite.spreadsheet_row import column_letter

__all__ = ["control_cells"]

#: the names of the C0 control characters, as character tables give them
_C0 = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]
#: the characters of one cell named, at most
_NAMED = 5
#: the cells of one sheet said, at most
_MAX_CELLS = 50


def _named(char: str) -> str:
    code = ord(char)
    name = _C0[code] if code < 0x20 else "DEL" if code == 0x7F else None
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def _controls(text: str) -> list[str]:
    """The control characters of ``text`` that are no white space, each once, in order."""
    found: list[str] = []
    for match in CONTROL_CHARS.finditer(text):
        char = match.group()
        if not char.isspace() and char not in found:
            found.append(char)
    return found


def control_cells(sheet: Sheet, cols: ColumnMap, where: str) -> list[Diagnostic]:
    """IMP110 for each cell of a column ``cols`` reads that holds a control
    character, at its row and column (``where``: the file, or the file and
    its tab), naming each character."""
    read = sorted({index for name, index in cols.fields.items() if name != "ignore"})
    out: list[Diagnostic] = []
    for row, cells in sheet.rows:
        for index in read:
            cell = cells[index] if index < len(cells) else None
            if not isinstance(cell, str) or cell.isprintable():
                continue
            chars = _controls(cell)
            if not chars:
                continue
            if len(out) == _MAX_CELLS:
                return out
            letter = column_letter(index)
            header = sheet.headers[index] if index < len(sheet.headers) else ""
            named = ", ".join(_named(c) for c in chars[:_NAMED])
            if len(chars) > _NAMED:
                named += f" and {len(chars) - _NAMED} more"
            several = len(chars) > 1
            out.append(
                error(
                    "IMP110",
                    f"row {row}, column {letter} {header!r}: the cell holds "
                    + ("control characters " if several else "the control character ")
                    + f"{named}, which a goal file cannot hold",
                    where,
                    line=row,
                    column=index + 1,
                    hint=f"{'they are' if several else 'it is'} invisible, most often pasted "
                    "with text from another program: retype the cell's text, or put "
                    f"=CLEAN({letter}{row}) in a spare cell and paste its value over the cell; "
                    "CLEAN also removes line breaks",
                )
            )
    return out
