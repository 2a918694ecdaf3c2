"""Read the worksheets of an .xlsx workbook, within limits.

An .xlsx file is a zip of XML parts; each part is looked at with a streaming
parser first, so a zip bomb, a DTD (entity expansion, external entities) or
a row of millions of cells is refused before openpyxl builds anything from
it. The same pass over a worksheet notes each formula cell that holds no
stored result (a file written by a program that does not calculate, such as
openpyxl or pandas): openpyxl reads it as blank, and the import says so
rather than leaving it out silently (:class:`FormulaCell`).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.parsers import expat

from okrsite.spreadsheet_cells import has_value, hidden_rows, hidden_sheet, merged_down, visible
from okrsite.spreadsheet_numbers import SheetFigure
from okrsite.spreadsheet_read import (
    _CHUNK,
    EXCEL_ROWS,
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_PART,
    MAX_PART_ELEMENTS,
    MAX_ROW_ELEMENTS,
    MAX_ROWS,
    MAX_UNPACKED,
    MAX_WRITTEN_ROWS,
    MAX_XLSX_BYTES,
    Notice,
    SheetError,
    _header_index,
)
from okrsite.workbook_kind import not_xlsx
from okrsite.written_numbers import CURRENCY_SIGNS

__all__ = ["FormulaCell", "currency_of", "xlsx_tabs"]


@dataclass(frozen=True)
class FormulaCell:
    """A formula cell without a stored result: openpyxl reads it as blank.

    A spreadsheet program stores each formula's result when it saves; a
    program that writes files without calculating (openpyxl, pandas, report
    generators) does not, and then there is no value to import."""

    formula: str  # as written, without its "=" (blank for a shared formula's other cells)

    def __str__(self) -> str:  # a header made of a formula names nothing
        return ""


Rows = list[tuple[int, tuple[Any, ...]]]


def xlsx_tabs(
    path: Path, is_header: Callable[[tuple[str, ...]], int] | None = None
) -> tuple[list[tuple[str, Rows]], tuple[Notice, ...], dict[str, Rows]]:
    """The visible worksheets of the workbook: their names and rows, numbered,
    as Excel shows them (:func:`okrsite.spreadsheet_cells.merged_down` below
    the header ``is_header`` finds, :func:`okrsite.spreadsheet_cells.visible`),
    what was left out of them (hidden rows and sheets that hold something),
    and each tab's hidden rows that hold something: not imported as data,
    but an objective written on one still names the visible rows under it
    (:func:`okrsite.spreadsheet_layout.objectives_from_hidden_rows`)."""
    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pragma: no cover - a dependency of okrsite
        raise SheetError("reading .xlsx needs openpyxl: pip install openpyxl") from exc
    _check_workbook(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException …
        raise SheetError(
            f"{path.name} is not an Excel workbook (.xlsx) that can be read: {_reason(exc)}"
        ) from None
    tabs: list[tuple[str, Rows]] = []
    out: Rows = []
    rows_in_all = 0
    try:
        if not book.worksheets:
            raise SheetError(f"{path.name} has no worksheet: nothing to import")
        parts = [getattr(sheet, "_worksheet_path", None) for sheet in book.worksheets]
        titles = [str(sheet.title) for sheet in book.worksheets]
        marks = _check_sheets(path, titles, parts)
        hidden = [str(getattr(s, "sheet_state", "visible")) != "visible" for s in book.worksheets]
        for sheet, mark in zip(book.worksheets, marks, strict=True):
            formulas = mark.unstored
            out = []
            tabs.append((sheet.title, out))
            # rows as wide as their cells, whatever width the sheet declares
            sheet.reset_dimensions()
            for index, row in enumerate(sheet.iter_rows(), start=1):
                if not row:
                    # a row openpyxl makes up for a gap in the row numbers: the
                    # file has nothing there. Counted, the empty rows above a
                    # stray cell at row 100,001 refused a sheet of 3 rows
                    continue
                rows_in_all += 1
                if rows_in_all > MAX_ROWS:
                    raise SheetError(f"{path.name} has more than {MAX_ROWS:,} rows")
                cells = tuple(_xlsx_value(c) for c in row)
                number = next((c.row for c in row if getattr(c, "row", None)), index)
                if formulas:
                    cells = _formula_cells(cells, number, formulas)
                out.append((number, cells))
        if all(hidden):  # Excel keeps one sheet visible; a file that does not is read whole
            hidden = [False] * len(hidden)
        notices: list[Notice] = []
        shown: list[tuple[str, Rows]] = []
        context: dict[str, Rows] = {}
        for (title, rows), mark, left_out in zip(tabs, marks, hidden, strict=True):
            if left_out:
                if any(has_value(c) for _, row in rows for c in row):
                    notices.append(hidden_sheet(title))
                continue
            filled = [(n, row) for n, row in rows if any(has_value(c) for c in row)]
            at = _header_index(filled, is_header) if is_header is not None else None
            header = filled[at or 0][0] if filled else 0
            rows = merged_down(rows, mark.merged, path.name, _fills, header)
            # the header a hidden row holds is still the header: hidden rows
            # are left out as data (a row 1 hidden by mistake named the columns)
            everything = rows
            rows, left = visible(rows, mark.hidden - {header} if at is not None else mark.hidden)
            if left:
                notices.append(hidden_rows(title, left))
                context[title] = [(n, row) for n, row in everything if n in left]
            shown.append((title, rows))
        return shown, tuple(notices), context
    except (SheetError, OSError):
        raise
    except Exception as exc:  # a value openpyxl cannot read (a 5000-digit number)
        reason = (
            "a number has more digits than can be read"
            if isinstance(exc, ValueError) and "digits" in str(exc)
            else _reason(exc)
        )
        which = "the first sheet" if len(tabs) <= 1 else f"sheet {tabs[-1][0]!r}"
        raise SheetError(
            f"{path.name}: {which} cannot be read after row {len(out)}: {reason}",
            len(out) + 1,
        ) from None
    finally:
        book.close()


def _fills(value: Any) -> bool:
    """Whether a merged range's value fills the rows it covers: a formula
    without a stored result has none (it is warned about at its own cell)."""
    return has_value(value) and not isinstance(value, FormulaCell)


def _formula_cells(
    cells: tuple[Any, ...], row: int, formulas: dict[tuple[int, int], str]
) -> tuple[Any, ...]:
    """The row's cells, a formula without a stored result marked as one."""
    width = max(
        (column for (r, column) in formulas if r == row), default=0
    )  # a row is short of a trailing empty formula cell only in odd files
    padded = cells + (None,) * max(0, width - len(cells))
    return tuple(
        FormulaCell(formulas[(row, i + 1)]) if cell is None and (row, i + 1) in formulas else cell
        for i, cell in enumerate(padded)
    )


def _reason(exc: BaseException) -> str:
    """An exception's message, short and on one line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# ------------------------------------------------------------------ xlsx guards
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # a compression method zipfile does not have
    RuntimeError,  # an encrypted member
    ValueError,
)


def _not_workbook(name: str, exc: BaseException) -> SheetError:
    return SheetError(f"{name} is not an Excel workbook (.xlsx) that can be read: {_reason(exc)}")


def _check_workbook(path: Path) -> None:
    """Refuse a workbook whose parts would take more to read than any sheet of
    OKRs needs, or that declares a DTD, before openpyxl reads anything.

    The sizes come from the zip's directory: zipfile never unpacks more of a
    part than its entry declares (a part that unpacks to more fails its check).
    """
    name = path.name
    wrong = not_xlsx(path)  # an .xls, a protected workbook, a CSV named .xlsx
    if wrong is not None:
        raise SheetError(wrong)
    if path.stat().st_size > MAX_XLSX_BYTES:
        raise SheetError(
            f"{name} is larger than {MAX_XLSX_BYTES // (1024 * 1024)} MB, more than a "
            "workbook of OKRs holds: is it the right file? (see docs/limits.md)"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            total = 0
            for info in infos:
                if info.file_size > MAX_PART:
                    raise SheetError(
                        f"{name}: its part {_short(info.filename)} unpacks to "
                        f"{info.file_size:,} bytes, more than {MAX_PART // (1024 * 1024)} MB "
                        "(see docs/limits.md)"
                    )
                total += info.file_size
            if total > MAX_UNPACKED:
                raise SheetError(
                    f"{name} unpacks to {total:,} bytes, more than "
                    f"{MAX_UNPACKED // (1024 * 1024)} MB (see docs/limits.md)"
                )
            for info in infos:
                _scan_part(zf, info, name, None)
    except _ZIP_ERRORS as exc:
        raise _not_workbook(name, exc) from None


def _check_sheets(path: Path, titles: list[str], parts: list[str | None]) -> list[_SheetCount]:
    """Count the cells of the worksheets, as they will be made, in all; note
    each sheet's formula cells without a stored result (row, column: formula),
    its hidden rows and its merged ranges (which openpyxl's read-only mode
    does not give)."""
    found = [_SheetCount(path.name) for _ in parts]
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            known = [(i, str(part)) for i, part in enumerate(parts) if part in names]
            if len(known) < len(parts):  # parts openpyxl did not name: count them all
                known = [
                    (0, n) for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")
                ]
            cells = written = 0
            for i, part in known:
                count = _SheetCount(path.name, i, titles[i], cells, written)
                _scan_part(zf, zf.getinfo(part), path.name, count)
                cells, written = count.cells, count.rows_written
                if len(known) == len(parts):
                    found[i] = count
    except _ZIP_ERRORS as exc:
        raise _not_workbook(path.name, exc) from None
    return found


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _SheetCount:
    """Counts a worksheet's rows, columns, cells and cell text as it streams by,
    and the elements around its cells (merged ranges, links), which openpyxl
    makes objects of too."""

    def __init__(
        self, name: str, index: int = 0, title: str = "", cells: int = 0, rows_written: int = 0
    ) -> None:
        self.name = name
        self.sheet = "the first sheet" if index == 0 else f"sheet {title!r}"
        self.at = "" if index == 0 else f"sheet {title!r}, "  # before "row 3"
        self.cells = cells  # of the sheets counted before, and this one's
        self.rows_written = rows_written  # <row> elements, so counted too
        #: formula cells with no stored result: (row, column) → the formula
        self.unstored: dict[tuple[int, int], str] = {}
        self.formula: str | None = None  # of the cell streaming by, if it has one
        self.stored = False  # the cell streaming by has a value
        self.in_formula = self.in_value = False
        self.other = 0  # elements outside <sheetData>
        self.row = 0  # the row number, as openpyxl numbers it
        self.row_elements = 0
        self.column = 0  # of the last cell in the row
        self.in_data = False
        self.in_cell = False
        self.chars = 0
        self.hidden: set[int] = set()  # the rows hidden (``<row hidden="1">``)
        self.merged: list[str] = []  # the merged ranges, ``A2:A5``

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if not self.in_data:
            self.in_data = local == "sheetData"
            if local == "mergeCell" and attrs.get("ref"):
                self.merged.append(attrs["ref"])
            self.other += 1
            if self.other > MAX_PART_ELEMENTS:
                raise SheetError(
                    f"{self.name}: {self.sheet} has more than {MAX_PART_ELEMENTS:,} XML "
                    "elements besides its cells (see docs/limits.md)"
                )
            return
        self.row_elements += 1
        if self.row_elements > MAX_ROW_ELEMENTS:
            raise SheetError(
                f"{self.name}: {self.at}row {self.row} has more than {MAX_ROW_ELEMENTS:,} "
                "XML elements",
                self.row,
            )
        if local == "row":
            number = attrs.get("r")
            self.row = int(number) if number and number.isdigit() else self.row + 1
            if attrs.get("hidden") in ("1", "true"):
                self.hidden.add(self.row)
            self.rows_written += 1
            if self.rows_written > MAX_WRITTEN_ROWS:
                raise SheetError(
                    f"{self.name}: {self.sheet} writes more than {MAX_WRITTEN_ROWS:,} rows "
                    + ("" if self.at == "" else "with the sheets before it ")
                    + f"(at row {self.row:,}), empty ones included: Excel writes a blank "
                    "row that was formatted too; delete the rows below the table and save "
                    "again (see docs/limits.md)",
                    self.row,
                )
            if self.row > EXCEL_ROWS:
                raise SheetError(
                    f"{self.name}: {self.at}row number {self.row:,} is past {EXCEL_ROWS:,}, "
                    "the last row "
                    "Excel has"
                )
            self.row_elements, self.column = 0, 0
        elif local == "c":
            ref = attrs.get("r")
            letters = ref.rstrip("0123456789$").lstrip("$") if ref else ""
            column = _column_number(letters) if letters else self.column + 1
            if column > MAX_COLUMNS:
                raise SheetError(
                    f"{self.name}: {self.at}row {self.row} has more than {MAX_COLUMNS:,} columns "
                    "(a cell past column XFD, the last one Excel has; see docs/limits.md)",
                    self.row,
                )
            # a row is made as wide as its last cell: blank cells before it count
            self.cells += max(column - self.column, 1)
            self.column = max(column, self.column)
            if self.cells > MAX_CELLS:
                raise SheetError(
                    f"{self.name}: {self.sheet} has more than {MAX_CELLS:,} cells "
                    + ("" if self.at == "" else "with the sheets before it ")
                    + f"(at row {self.row}; see docs/limits.md)",
                    self.row,
                )
            self.in_cell, self.chars = True, 0
            self.formula, self.stored = None, False
        elif self.in_cell and local == "f":
            self.formula, self.in_formula = "", True
        elif self.in_cell and local in ("v", "is"):
            self.in_value = True

    def end(self, tag: str) -> None:
        local = _local(tag)
        if self.in_cell and local == "c":
            self.in_cell = False
            if self.formula is not None and not self.stored:
                self.unstored[(self.row, self.column)] = self.formula
        elif self.in_cell and local == "f":
            self.in_formula = False
        elif self.in_cell and local in ("v", "is"):
            self.in_value = False
        elif self.in_data and local == "sheetData":
            self.in_data = False

    def text(self, data: str) -> None:
        if self.in_cell:
            if self.in_formula and self.formula is not None and len(self.formula) < 80:
                self.formula += data
            elif self.in_value and data.strip():
                self.stored = True
            self.chars += len(data)
            if self.chars > MAX_CELL_CHARS:
                raise SheetError(
                    f"{self.name}: {self.at}row {self.row}, column {_letters(self.column)}: "
                    "a cell holds "
                    f"more than {MAX_CELL_CHARS:,} characters, the most Excel allows",
                    self.row,
                )


def _letters(number: int) -> str:
    """1 → ``A``, 28 → ``AB``: a column's name."""
    out = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        out = chr(65 + rem) + out
    return out


def _column_number(letters: str) -> int:
    """``A`` → 1, ``XFD`` → 16384; anything longer is past every limit."""
    if len(letters) > 3 or not letters.isalpha() or not letters.isascii():
        return MAX_COLUMNS + 1
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


class _PartCount:
    """Counts the elements of a part openpyxl reads whole, and the text of
    each shared string; of a worksheet, the elements before its cells."""

    def __init__(self, name: str, part: str) -> None:
        self.name, self.part = name, part
        self.elements = 0
        self.limit = MAX_PART_ELEMENTS
        self.root: str | None = None
        self.chars = 0
        self.string_elements = 0

    def start(self, tag: str, attrs: dict[str, str]) -> bool:
        """False once the rest of the part need not be counted."""
        local = _local(tag)
        if self.root is None:
            self.root = local
            if local == "sst":  # a string per cell at most, of a few elements each
                self.limit = 4 * MAX_CELLS
        elif self.root == "worksheet" and local == "sheetData":
            # the cells are counted for the sheet that is imported, the only
            # one read past here; a DTD can only come before the root
            return False
        self.elements += 1
        if self.elements > self.limit:
            raise SheetError(
                f"{self.name}: its part {_short(self.part)} has more than {self.limit:,} "
                "XML elements (see docs/limits.md)"
            )
        if self.root == "sst":
            if local == "si":
                self.chars, self.string_elements = 0, 0
            self.string_elements += 1
            if self.string_elements > MAX_ROW_ELEMENTS:
                raise SheetError(
                    f"{self.name}: a shared string has more than {MAX_ROW_ELEMENTS:,} XML elements"
                )
        return True

    def text(self, data: str) -> None:
        if self.root == "sst":
            self.chars += len(data)
            if self.chars > MAX_CELL_CHARS:
                raise SheetError(
                    f"{self.name}: a text holds more than {MAX_CELL_CHARS:,} characters, "
                    "the most an Excel cell allows"
                )


def _scan_part(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, sheet: _SheetCount | None
) -> None:
    """Stream one part through expat (the parser openpyxl's ElementTree uses,
    set up the same way), refusing a DTD and counting what will be built.

    A part that is not XML (an image) is passed by; one expat cannot parse is
    left for openpyxl to refuse, having been counted up to the same point.
    """
    with zf.open(info) as fh:
        chunk = fh.read(_CHUNK)
        head = chunk.lstrip(b" \t\r\n")
        if sheet is None and not head.startswith(
            (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00<")
        ):
            return
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True

        def doctype(*_: Any) -> None:
            raise SheetError(
                f"{name}: its part {_short(info.filename)} declares a DTD (<!DOCTYPE …>), "
                "which Excel never writes and which could expand entities or read other "
                "files: it is not read; save the sheet again from a spreadsheet program"
            )

        parser.StartDoctypeDeclHandler = doctype
        parser.EntityDeclHandler = doctype
        if sheet is not None:
            parser.StartElementHandler = sheet.start
            parser.EndElementHandler = sheet.end
            parser.CharacterDataHandler = sheet.text
        else:
            count = _PartCount(name, info.filename)

            def start(tag: str, attrs: dict[str, str]) -> None:
                if not count.start(tag, attrs):
                    raise _Enough

            parser.StartElementHandler = start
            parser.CharacterDataHandler = count.text
        try:
            while chunk:
                parser.Parse(chunk, False)
                chunk = fh.read(_CHUNK)
            parser.Parse(b"", True)
        except _Enough:
            return
        except expat.ExpatError:
            return  # openpyxl's parser stops at the same place and says why


#: what a number format writes beside the figure: ``"€"``, ``\\€``, ``[$€-407]``
_QUOTED = re.compile(r'"([^"]*)"|\\(.)|\[\$([^\]\[-]*)(?:-[^\]\[]*)?\]')
#: Excel keeps a number format to 255 characters; a longer one (a file not
#: saved by Excel) is not read for its signs: matching it costs time, not truth
MAX_FORMAT = 255
#: an ISO 4217 code as a format writes it (``[$EUR]``, ``"USD "``)
_CODE = re.compile(r"\b[A-Z]{3}\b")


@lru_cache(maxsize=256)  # a sheet has a few formats and asks once per cell
def _literal_free(form: str) -> str:
    """A number format without its quoted text, escapes and ``[…]`` parts:
    where a ``%`` or ``$`` is the format's own."""
    return _QUOTED.sub("", form)


@lru_cache(maxsize=256)
def currency_of(form: str) -> str | None:
    """The currency a cell's number format shows (``#,##0.00 "€"``,
    ``[$€-407] #,##0.00``, ``"$"#,##0.00_)``, ``$#,##0``, ``#,##0 [$EUR]``):
    the sign or code, else ``None``. An Excel user formats money so rather
    than typing the sign, and the sheet imported as text keeps it."""
    if len(form) > MAX_FORMAT:
        return None
    section = form.split(";", 1)[0]  # the format of positive figures
    for quoted, escaped, bracket in _QUOTED.findall(section):
        for text in (quoted, escaped, bracket):
            text = text.strip()
            if text and (text in CURRENCY_SIGNS or _CODE.fullmatch(text)):
                return str(text)
    own = _literal_free(section)
    found = [sign for sign in CURRENCY_SIGNS if sign in own]
    return found[0] if len(found) == 1 else None


class _Enough(Exception):
    """The rest of a part need not be looked at."""


def _xlsx_value(cell: Any) -> Any:
    value = cell.value
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and not -(10**308) < value < 10**308:
        # too large for a float: kept as text, short, for the cell's error to quote
        digits = str(abs(value))
        return f"{digits[:12]}… ({len(digits)} digits)"
    if isinstance(value, (int, float)):
        form = getattr(cell, "number_format", "") or ""
        if len(form) > MAX_FORMAT:
            form = ""
        if "%" in _literal_free(form):
            percent = round(value * 100, 9)
            shown = int(percent) if float(percent).is_integer() else percent
            return SheetFigure(f"{shown}%", float(percent), True)
        if "%" in form.split(";", 1)[0]:  # 0.0"%": a figure in percent, shown with the sign
            return SheetFigure(f"{value}%", float(value), True)
        sign = currency_of(form)
        if sign is not None:
            return SheetFigure(f"{value} {sign}", float(value), False)
    if isinstance(value, str):
        return value if value.strip() else None
    return value
