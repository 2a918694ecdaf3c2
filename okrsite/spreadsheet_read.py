"""Read a spreadsheet (CSV or XLSX) into rows of cells with their row numbers.

People save CSV from Excel with a semicolon in much of Europe and with a
byte-order mark on Windows; Excel keeps a percentage as 0.45 with a ``0%``
format. This module hides those differences: every cell comes out as text,
a number, a date or ``None``, a percentage-formatted number as text ``45%``,
each row with the number the spreadsheet shows for it.

A sheet is input anyone can hand over, so it is read within limits (the
``MAX_*`` constants, far above what a sheet of OKRs needs; see
docs/limits.md): a file that breaks one is refused with a :class:`SheetError`
saying which, before it is unpacked or held in memory. An .xlsx file is a zip
of XML parts; each part is looked at with a streaming parser first, so a zip
bomb, a DTD (entity expansion, external entities) or a row of millions of
cells is refused before openpyxl builds anything from it.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.parsers import expat

__all__ = ["Sheet", "SheetError", "delimiter_of", "read_sheet"]

MAX_ROWS = 100_000
MAX_COLUMNS = 16_384  # column XFD, the last one Excel has
MAX_CELLS = 1_000_000  # in all, the blank ones inside a row counted too
MAX_CELL_CHARS = 32_767  # of one .xlsx cell, Excel's own limit
MAX_CSV_BYTES = 16 * 1024 * 1024
MAX_XLSX_BYTES = 32 * 1024 * 1024  # the .xlsx file as stored ...
MAX_UNPACKED = 128 * 1024 * 1024  # ... all its parts unpacked ...
MAX_PART = 64 * 1024 * 1024  # ... and one part unpacked
MAX_PART_ELEMENTS = 1_000_000  # XML elements of a part other than the sheet's cells
MAX_ROW_ELEMENTS = 4 * MAX_COLUMNS  # XML elements in one row (a cell, a string)
EXCEL_ROWS = 1_048_576  # the last row number Excel has
HEADER_SEARCH = 10  # rows with text looked at for the header
_CHUNK = 64 * 1024


class SheetError(Exception):
    """The file as a whole cannot be read (message says why and what to do)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line  # the row (CSV: the line) where reading stopped, if known


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
    while headers and not headers[-1]:  # blank cells right of the last header
        headers = headers[:-1]
    width = len(headers)
    below = len(numbered) - first - 1
    if width * below > MAX_CELLS:  # every row is made as wide as its header
        raise SheetError(
            f"{path.name} has {width:,} columns under its header (row {header_row}) and "
            f"{below:,} rows below it: more than {MAX_CELLS:,} cells; "
            "import the sheet of OKRs alone (see docs/limits.md)",
            header_row,
        )
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
    with open(path, "rb") as fh:
        raw = fh.read(MAX_CSV_BYTES + 1)
    if len(raw) > MAX_CSV_BYTES:
        raise SheetError(
            f"{path.name} is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB, more than a sheet "
            "of OKRs holds: is it the right file? (see docs/limits.md)"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page unless told otherwise
        text = raw.decode("cp1252", errors="replace")
    del raw
    delimiter = delimiter_of(text)
    out: list[tuple[int, tuple[Any, ...]]] = []
    lines = _width_checked(io.StringIO(text, newline=""), delimiter, path.name)
    reader = csv.reader(lines, delimiter=delimiter)
    cells_in_all = 0
    try:
        for row in reader:
            if len(out) >= MAX_ROWS:
                raise SheetError(f"{path.name} has more than {MAX_ROWS:,} rows", reader.line_num)
            cells_in_all += len(row)
            if cells_in_all > MAX_CELLS:
                raise SheetError(
                    f"{path.name} has more than {MAX_CELLS:,} cells (line {reader.line_num})",
                    reader.line_num,
                )
            cells = tuple(_unexport(c) if c.strip() else None for c in row)
            # the record's number, as a spreadsheet shows it (a quoted line break
            # inside a cell does not start a new row)
            out.append((len(out) + 1, cells))
    except csv.Error as exc:
        line = max(reader.line_num, 1)
        reason = str(exc)
        if "field larger than field limit" in reason:
            reason = f"a cell is longer than {csv.field_size_limit():,} characters"
        elif "line contains NUL" in reason:
            reason = "it holds a NUL byte: is it a text (CSV) file?"
        raise SheetError(f"{path.name}, line {line}: {reason}", line) from None
    return out


def _width_checked(lines: io.StringIO, delimiter: str, name: str) -> Iterator[str]:
    """The file's lines, refusing one with more delimiters than a row may have
    columns before the csv module makes a list of its cells (a line of a
    million commas would be a million cells in memory)."""
    for number, line in enumerate(lines, start=1):
        if line.count(delimiter) >= MAX_COLUMNS:
            raise SheetError(
                f"{name}, line {number}: more than {MAX_COLUMNS:,} columns "
                f"(cells separated by {delimiter!r})",
                number,
            )
        yield line


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
    _check_workbook(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError:
        raise
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException …
        raise SheetError(
            f"{path.name} is not an Excel workbook (.xlsx) that can be read: {_reason(exc)}"
        ) from None
    out: list[tuple[int, tuple[Any, ...]]] = []
    try:
        if not book.worksheets:
            raise SheetError(f"{path.name} has no worksheet: nothing to import")
        sheet = book.worksheets[0]
        part = getattr(sheet, "_worksheet_path", None)
        _check_sheet(path, part)
        # rows as wide as their cells, whatever width the sheet declares
        sheet.reset_dimensions()
        for row in sheet.iter_rows():
            if len(out) >= MAX_ROWS:
                raise SheetError(f"{path.name} has more than {MAX_ROWS:,} rows")
            cells = tuple(_xlsx_value(c) for c in row)
            number = next((c.row for c in row if getattr(c, "row", None)), len(out) + 1)
            out.append((number, cells))
        return out
    except (SheetError, OSError):
        raise
    except Exception as exc:  # a value openpyxl cannot read (a 5000-digit number)
        reason = (
            "a number has more digits than can be read"
            if isinstance(exc, ValueError) and "digits" in str(exc)
            else _reason(exc)
        )
        raise SheetError(
            f"{path.name}: the first sheet cannot be read after row {len(out)}: {reason}",
            len(out) + 1,
        ) from None
    finally:
        book.close()


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


def _check_sheet(path: Path, part: str | None) -> None:
    """Count the cells of the sheet that is imported, as they will be made."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            parts = (
                [part]
                if part in names
                else [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
            )
            for one in parts:
                _scan_part(zf, zf.getinfo(one), path.name, _SheetCount(path.name))
    except _ZIP_ERRORS as exc:
        raise _not_workbook(path.name, exc) from None


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _SheetCount:
    """Counts a worksheet's rows, columns, cells and cell text as it streams by,
    and the elements around its cells (merged ranges, links), which openpyxl
    makes objects of too."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells = 0
        self.other = 0  # elements outside <sheetData>
        self.row = 0  # the row number, as openpyxl numbers it
        self.row_elements = 0
        self.column = 0  # of the last cell in the row
        self.in_data = False
        self.in_cell = False
        self.chars = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if not self.in_data:
            self.in_data = local == "sheetData"
            self.other += 1
            if self.other > MAX_PART_ELEMENTS:
                raise SheetError(
                    f"{self.name}: the first sheet has more than {MAX_PART_ELEMENTS:,} XML "
                    "elements besides its cells (see docs/limits.md)"
                )
            return
        self.row_elements += 1
        if self.row_elements > MAX_ROW_ELEMENTS:
            raise SheetError(
                f"{self.name}: row {self.row} has more than {MAX_ROW_ELEMENTS:,} XML elements",
                self.row,
            )
        if local == "row":
            number = attrs.get("r")
            self.row = int(number) if number and number.isdigit() else self.row + 1
            if self.row > EXCEL_ROWS:
                raise SheetError(
                    f"{self.name}: row number {self.row:,} is past {EXCEL_ROWS:,}, the last row "
                    "Excel has"
                )
            self.row_elements, self.column = 0, 0
        elif local == "c":
            ref = attrs.get("r")
            letters = ref.rstrip("0123456789$").lstrip("$") if ref else ""
            column = _column_number(letters) if letters else self.column + 1
            if column > MAX_COLUMNS:
                raise SheetError(
                    f"{self.name}: row {self.row} has more than {MAX_COLUMNS:,} columns "
                    "(a cell past column XFD, the last one Excel has; see docs/limits.md)",
                    self.row,
                )
            # a row is made as wide as its last cell: blank cells before it count
            self.cells += max(column - self.column, 1)
            self.column = max(column, self.column)
            if self.cells > MAX_CELLS:
                raise SheetError(
                    f"{self.name}: the first sheet has more than {MAX_CELLS:,} cells "
                    f"(at row {self.row}; see docs/limits.md)",
                    self.row,
                )
            self.in_cell, self.chars = True, 0

    def end(self, tag: str) -> None:
        if self.in_cell and _local(tag) == "c":
            self.in_cell = False
        elif self.in_data and _local(tag) == "sheetData":
            self.in_data = False

    def text(self, data: str) -> None:
        if self.in_cell:
            self.chars += len(data)
            if self.chars > MAX_CELL_CHARS:
                raise SheetError(
                    f"{self.name}: row {self.row}, column {_letters(self.column)}: a cell holds "
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
    if isinstance(value, (int, float)) and "%" in (getattr(cell, "number_format", "") or ""):
        percent = round(value * 100, 9)
        return f"{int(percent) if float(percent).is_integer() else percent}%"
    if isinstance(value, str):
        return value if value.strip() else None
    return value
