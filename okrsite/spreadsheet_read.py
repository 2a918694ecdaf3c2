"""Read a spreadsheet (CSV or XLSX) into rows of cells with their row numbers.

People save CSV from Excel with a semicolon in much of Europe and with a
byte-order mark on Windows; Excel keeps a percentage as 0.45 with a ``0%``
format. This module hides those differences: every cell comes out as text,
a number, a date or ``None``, a percentage-formatted number as text ``45%``,
each row with the number the spreadsheet shows for it.

A sheet is input anyone can hand over, so it is read within limits (the
``MAX_*`` constants, far above what a sheet of OKRs needs; see
docs/limits.md): a file that breaks one is refused with a :class:`SheetError`
saying which, before it is unpacked or held in memory (an .xlsx file's
guards are in :mod:`okrsite.spreadsheet_xlsx`).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from okrsite.csv_open_quote import CLOSE_QUOTE_HINT, unclosed_quote
from okrsite.csv_separator_line import declared_separator
from okrsite.diagnostics import Diagnostic
from okrsite.formula_guard import guarded
from okrsite.text_sniff import utf16_form
from okrsite.workbook_kind import not_csv

__all__ = [
    "Book",
    "CellLines",
    "Notice",
    "Sheet",
    "SheetError",
    "csv_text",
    "delimiter_of",
    "read_sheet",
    "read_sheets",
]

MAX_ROWS = 100_000
#: ``<row>`` elements an .xlsx may write in all, empty ones included: rows
#: with data are counted against MAX_ROWS, but each written row costs time
#: to read (a formatted blank row is written too), so a million are refused
MAX_WRITTEN_ROWS = 2 * MAX_ROWS
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

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line  # the row (CSV: the line) where reading stopped, if known
        self.column = column  # and the column on it, where one is to blame
        #: what reading the file had to say before it stopped (:class:`Notice`):
        #: the hidden rows of a sheet that holds nothing else are why it stopped
        self.notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """The header row and the data rows below it (``(row number, cells)``)."""

    headers: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    name: str | None = None  # the worksheet (tab) of an .xlsx workbook
    delimiter: str | None = None  # what separates a CSV file's cells
    #: cells right of the header's last name, ``(row number, column index, value)``:
    #: not imported, and said so rather than cut off unseen
    beyond: tuple[tuple[int, int, Any], ...] = ()
    #: a CSV file's lines where its records' cells start (:class:`CellLines`)
    lines: CellLines | None = field(default=None, compare=False)
    #: the group labels of a header on two rows (``Q3 2026`` merged over
    #: Baseline, Target, Actual), ``(column index, label, columns under it)``:
    #: the joined header keeps the lower names, and a label may name the rows'
    #: cycle (:func:`okrsite.spreadsheet_header.group_cycle`)
    groups: tuple[tuple[int, str, tuple[int, ...]], ...] = ()
    #: the row the group labels are on: the header's own when the names are
    #: below them, the row above the header when the header names every
    #: column and the labels stand over some (``None``: the header's)
    group_row: int | None = None
    #: the row right above the header, ``(row number, cells)``, when there is
    #: one: a label row over the figures' columns
    #: (:func:`okrsite.spreadsheet_header.joined_header` tells)
    above: tuple[int, tuple[Any, ...]] | None = field(default=None, compare=False)
    #: the rows below the header an .xlsx sheet hides, ``(row number, cells)``:
    #: not imported, but an objective's cells written on one are what the
    #: visible rows under it leave blank
    #: (:func:`okrsite.spreadsheet_layout.objectives_from_hidden_rows`)
    hidden_rows: tuple[tuple[int, tuple[Any, ...]], ...] = ()


@dataclass(frozen=True)
class Notice:
    """What reading a file must say though the file is read: how its text
    was decoded, or what of it was left out (hidden rows and sheets) before
    any row was planned. :mod:`okrsite.import_files` makes it a warning."""

    code: str
    message: str
    hint: str
    line: int | None = None  # CSV: the file's line; .xlsx: the row
    column: int | None = None
    sheet: str | None = None  # the workbook tab it concerns
    #: the hidden rows it names, as written (``3-5 and 8``): an IMP001 for a
    #: sheet whose every row under the header is hidden names them too
    rows: str = ""


#: codes whose line is the CSV file's own line already, not a row to locate
_FILE_LINES = frozenset({"IMP210"})


class CellLines(dict[int, tuple[int, ...]]):
    """Where a CSV file's records start, by record number: the physical line
    of each of its cells, for records that do not start on the line of their
    number (a quoted cell with line breaks above, or in the record itself).

    A record is a spreadsheet's row, so messages count rows by it; an editor
    counts lines, so ``file:line:col`` gives the line a cell starts on."""

    def locate(self, diags: list[Diagnostic], label: str) -> list[Diagnostic]:
        """The import's findings in the file ``label`` located on the line
        where their cell starts, for an editor to jump to: their message
        counts rows as a spreadsheet does (a record whose quoted cell spans
        three lines is one row), their ``line`` counts the file's lines."""
        return [
            d.located(self.line(d.line, None if d.column is None else d.column - 1), d.column)
            if d.file == label
            and d.line is not None
            and d.code.startswith("IMP")
            and d.code not in _FILE_LINES
            else d
            for d in diags
        ]

    def line(self, row: int, column: int | None = None) -> int:
        """The line row ``row``'s cell of 0-based ``column`` starts on (its
        first cell's, without a column)."""
        starts = self.get(row)
        if starts is None:
            return row
        return starts[min(column or 0, len(starts) - 1)]


@dataclass(frozen=True)
class Book:
    """The sheets of a file that hold an import table: a CSV file's one, each
    tab of a workbook whose header names the objective (one tab per team is
    a common layout), and the tabs holding something else (``unread``)."""

    sheets: tuple[Sheet, ...]
    unread: tuple[str, ...] = ()
    #: what reading the file must say (:class:`Notice`)
    notices: tuple[Notice, ...] = ()


def read_sheet(
    path: Path, fmt: str, is_header: Callable[[tuple[str, ...]], int] | None = None
) -> Sheet:
    """The first sheet of ``path`` that :func:`read_sheets` imports."""
    return read_sheets(path, fmt, is_header).sheets[0]


def read_sheets(
    path: Path, fmt: str, is_header: Callable[[tuple[str, ...]], int] | None = None
) -> Book:
    """The sheets of ``path`` (``fmt`` ``csv`` or ``xlsx``) to import.

    A sheet's header is the one of its first rows with text that
    ``is_header`` scores highest, naming the most columns (a sheet often starts with a title line such as
    "OKRs Q1 2026" above its header). Every tab of a workbook with such a
    header and rows under it is imported; when no tab has one, the first is
    read with its first row with text as the header, as a CSV file is (the
    import then says which columns it lacks).
    """
    delimiter = None
    lines: CellLines | None = None
    tabs: list[tuple[str | None, list[tuple[int, tuple[Any, ...]]]]]
    notices: tuple[Notice, ...] = ()
    context: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
    try:
        if fmt == "xlsx":
            from okrsite.spreadsheet_xlsx import xlsx_tabs

            found, notices, context = xlsx_tabs(path, is_header)
            tabs = list(found)
        else:
            text, notices = _csv_text(path)
            delimiter = delimiter_of(text)
            lines = CellLines()
            tabs = [(None, _csv_rows(text, delimiter, path.name, lines))]
        filled = [
            (name, [(n, row) for n, row in raw if any(_filled(c) for c in row)])
            for name, raw in tabs
        ]
    except OSError as exc:
        raise SheetError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        book = _book(path, filled, is_header, delimiter, lines, notices)
    except SheetError as exc:
        exc.notices = notices
        raise
    return Book(
        tuple(_with_hidden(s, context.get(str(s.name), [])) for s in book.sheets),
        book.unread,
        book.notices,
    )


def _with_hidden(sheet: Sheet, hidden: list[tuple[int, tuple[Any, ...]]]) -> Sheet:
    """``sheet`` with its hidden rows below the header, as wide as the header."""
    width = len(sheet.headers)
    rows = tuple(
        (n, tuple(row[:width]) + (None,) * (width - len(row)))
        for n, row in hidden
        if n > sheet.header_row
    )
    return replace(sheet, hidden_rows=rows) if rows else sheet


def _book(
    path: Path,
    filled: list[tuple[str | None, list[tuple[int, tuple[Any, ...]]]]],
    is_header: Callable[[tuple[str, ...]], int] | None,
    delimiter: str | None,
    lines: CellLines | None,
    notices: tuple[Notice, ...],
) -> Book:
    """The :class:`Book` of the rows :func:`read_sheets` read (``filled``: each
    tab's rows that hold something), and what reading them said."""
    hidden = {n.sheet: n for n in notices if n.code == "IMP211" and n.rows}
    sheets: list[Sheet] = []
    cells = 0
    if len(filled) > 1 and is_header is not None:
        for name, numbered in filled:
            first = _header_index(numbered, is_header)
            if first is None or first == len(numbered) - 1:
                continue  # no import table, or an empty one (a template tab)
            sheet = _sheet(path, numbered, first, name, delimiter, cells, lines)
            cells += len(sheet.headers) * len(sheet.rows)
            sheets.append(sheet)
    if not sheets:
        name, numbered = filled[0]
        first = (_header_index(numbered, is_header) if is_header is not None else None) or 0
        sheets.append(_sheet(path, numbered, first, name, delimiter, 0, lines, hidden.get(name)))
    read = {sheet.name for sheet in sheets}
    unread = tuple(str(name) for name, numbered in filled if numbered and name not in read)
    return Book(tuple(sheets), unread, notices)


def _header_index(
    numbered: list[tuple[int, tuple[Any, ...]]], is_header: Callable[[tuple[str, ...]], int]
) -> int | None:
    """The index of the header among the first rows with text: the row that
    names the most columns (``is_header``: how many, 0 for no header), the
    first of them on a tie. A title line above the header (``Objectives``)
    or a data row whose Type cell says ``Objective`` names fewer."""
    scores = [is_header(_texts(row)) for _, row in numbered[:HEADER_SEARCH]]
    best = max(scores, default=0)
    return scores.index(best) if best > 0 else None


def _sheet(
    path: Path,
    numbered: list[tuple[int, tuple[Any, ...]]],
    first: int,
    name: str | None,
    delimiter: str | None,
    cells_before: int,
    lines: CellLines | None = None,
    hidden: Notice | None = None,
) -> Sheet:
    """The sheet whose header is ``numbered[first]``, its rows as wide as the
    header; ``hidden``: the sheet's hidden rows, left out (IMP211)."""
    if not numbered:
        raise SheetError(f"{path.name} has no rows: the first row must name the columns")
    header_row, header_cells = numbered[first]
    headers = _texts(header_cells)
    while headers and not headers[-1]:  # blank cells right of the last header
        headers = headers[:-1]
    if first + 1 < len(numbered) and numbered[first + 1][0] == header_row + 1:
        # a second header row (names below a group label merged across
        # them) may name columns right of the upper row's last name
        next_cells = numbered[first + 1][1]
        if all(c is None or isinstance(c, str) for c in next_cells):
            names = _texts(next_cells)
            while names and not names[-1]:
                names = names[:-1]
            headers += ("",) * (len(names) - len(headers))
    width = len(headers)
    below = len(numbered) - first - 1
    if cells_before + width * below > MAX_CELLS:  # every row is made as wide as its header
        raise SheetError(
            f"{path.name} has {width:,} columns under its header (row {header_row}"
            + (f" of sheet {name!r}" if cells_before else "")
            + f") and {below:,} rows below it: more than {MAX_CELLS:,} cells"
            + (" with the sheets before it" if cells_before else "")
            + "; import the sheet of OKRs alone (see docs/limits.md)",
            header_row,
        )
    rows = tuple(
        (n, tuple(row[:width]) + (None,) * (width - len(row))) for n, row in numbered[first + 1 :]
    )
    beyond = tuple(
        (n, index, cell)
        for n, row in numbered[first + 1 :]
        for index, cell in enumerate(row[width:], start=width)
        if _filled(cell)
    )
    if not rows and hidden is not None and hidden.line is not None and hidden.line > header_row:
        # a filter that hides every row: the rows are there, to be shown
        raise SheetError(
            f"{path.name}: every row under its header (row {header_row}"
            + (f" of sheet {name!r}" if name else "")
            + f") is hidden (row{'s' if not hidden.rows.isdigit() else ''} {hidden.rows}): "
            "nothing to import; unhide them (select the rows around, right-click, then "
            "Unhide) or clear the sheet's filter, and import again",
            hidden.line,
        )
    if not rows:  # the header of an empty template, or the wrong sheet or file
        raise SheetError(
            f"{path.name} has no rows under its header (row {header_row}): nothing to import; "
            "is it the right file (an .xlsx file is read from the sheets whose header names "
            "the objective)?"
        )
    above = numbered[first - 1] if first and numbered[first - 1][0] == header_row - 1 else None
    return Sheet(headers, header_row, rows, name, delimiter, beyond, lines, above=above)


def _texts(cells: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if c is None else str(c).strip() for c in cells)


def _filled(cell: Any) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _csv_text(path: Path) -> tuple[str, tuple[Notice, ...]]:
    """The text of a CSV file as Excel saves one on Windows, and what reading
    it must say (:func:`csv_text`)."""
    with open(path, "rb") as fh:
        raw = fh.read(MAX_CSV_BYTES + 1)
    if len(raw) > MAX_CSV_BYTES:
        raise SheetError(
            f"{path.name} is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB, more than a sheet "
            "of OKRs holds: is it the right file? (see docs/limits.md)"
        )
    workbook = not_csv(path.name, raw)  # an .xlsx or .xls given to --format csv
    if workbook is not None:
        raise SheetError(workbook)
    return csv_text(raw, path.name)


def csv_text(raw: bytes, name: str) -> tuple[str, tuple[Notice, ...]]:
    """A CSV file's text, its byte-order mark stripped, whatever Excel saved it as.

    "Unicode Text" is UTF-16 with a byte-order mark (tab-separated), "CSV
    UTF-8" UTF-8 with one, plain "CSV" the Windows code page (Windows-1252 in
    the Americas and western Europe) without one. A file wholly in Windows-1252
    is read so, with a warning (IMP210) naming the encoding, as a KPI's data
    file is (OKR204). A file that is UTF-8 but for a few bytes (a cell pasted
    from another file) is refused at the first such byte: reading it whole as
    Windows-1252 would garble every other letter (``Jürgen`` as ``JÃ¼rgen``),
    silently, into the goal files and their folder names.
    """
    form = utf16_form(raw)
    if form is not None:
        codec = "utf-16-le" if form == "UTF-16 LE" else "utf-16-be"
        body = raw[2:] if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw
        try:
            return body.decode(codec), ()
        except UnicodeDecodeError as exc:
            line = body[: exc.start].decode(codec, errors="replace").count("\n") + 1
            raise SheetError(
                f"{name}, line {line}: the file is {form} text (as Excel saves 'Unicode Text') "
                f"but cannot be read as such ({exc.reason}); {SAVE_AS_CSV_UTF8}",
                line,
            ) from None
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    # the bytes that are not UTF-8 become U+DC80-U+DCFF, to be found and counted
    text = body.decode("utf-8", errors="surrogateescape")
    bad = [m.start() for m in _NOT_UTF8.finditer(text)]
    line, column = _line_column(text, bad[0])
    byte = ord(text[bad[0]]) - 0xDC00
    if _UTF8_LETTER.search(text):
        # letters written in UTF-8 beside bytes that are not: a mix, not a guess to make
        others = sorted({_line_column(text, i)[0] for i in bad} - {line})
        more = (
            f" (so are bytes on line{'s' if len(others) > 1 else ''} "
            + ", ".join(str(n) for n in others[:5])
            + (", …" if len(others) > 5 else "")
            + ")"
            if others
            else ""
        )
        raise SheetError(
            f"{name}, line {line}, column {column}: byte 0x{byte:02x} is not UTF-8, while the "
            f"rest of the file is{more}: the file is not read, so that no letter of it is "
            "garbled; open it in a text editor, retype that character and save the file "
            "as UTF-8, then import again",
            line,
        )
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError as exc:
        line, column = _line_column(body[: exc.start].decode("cp1252", errors="replace"), exc.start)
        raise SheetError(
            f"{name}, line {line}, column {column}: byte 0x{body[exc.start]:02x} is neither "
            f"UTF-8 nor Windows-1252; {SAVE_AS_CSV_UTF8}",
            line,
        ) from None
    said = Notice(
        "IMP210",
        f"the file is not UTF-8 (byte 0x{byte:02x} here is no UTF-8): it is read as "
        "Windows-1252, as Excel saves 'CSV' on Windows",
        f"{SAVE_AS_CSV_UTF8}, so that its letters are read as written whatever the encoding",
        line,
        column,
    )
    return text, (said,)


#: a byte that is not UTF-8, as ``errors="surrogateescape"`` decodes it
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
#: a letter beyond ASCII that is UTF-8
_UTF8_LETTER = re.compile("[\u0080-\udc7f\udd00-\U0010ffff]")

#: what to do about a CSV file that is not UTF-8 (or UTF-16 with a byte-order mark)
SAVE_AS_CSV_UTF8 = "save it as 'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8')"


def _line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``, counting lines as an
    editor does (CR LF, LF or a lone CR ends one)."""
    before = text[:index]
    lines = _BREAK.split(before)
    return len(lines), len(lines[-1]) + 1


def _csv_rows(
    text: str, delimiter: str, name: str, lines: CellLines | None = None
) -> list[tuple[int, tuple[Any, ...]]]:
    """The file's records numbered as a spreadsheet numbers its rows; ``lines``
    is filled with where each record's cells start in the file, where that
    is not the line of the record's number."""
    out: list[tuple[int, tuple[Any, ...]]] = []
    checked = _width_checked(io.StringIO(text, newline=""), delimiter, name)
    reader = csv.reader(checked, delimiter=delimiter)
    cells_in_all = 0
    read = last = 0  # the lines the reader has taken; the line the last record starts on
    try:
        for row in reader:
            if lines is not None:
                _cell_lines(lines, len(out) + 1, read + 1, row)
            last, read = read + 1, reader.line_num
            if len(out) >= MAX_ROWS:
                raise SheetError(f"{name} has more than {MAX_ROWS:,} rows", reader.line_num)
            cells_in_all += len(row)
            if cells_in_all > MAX_CELLS:
                raise SheetError(
                    f"{name} has more than {MAX_CELLS:,} cells (line {reader.line_num})",
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
        raise SheetError(f"{name}, line {line}: {reason}", line) from None
    # a quote no quote closes: the csv module reads the rest of the file into its cell
    quote = unclosed_quote(text, delimiter, last) if out else None
    if quote is not None:
        message = f"{quote.message(name, len(out))}; {CLOSE_QUOTE_HINT}"
        raise SheetError(message, quote.line, quote.column)
    return out


_BREAK = re.compile(r"\r\n|\r|\n")


def _cell_lines(lines: CellLines, record: int, start: int, cells: list[str]) -> None:
    """Note where record ``record``'s cells start, when not all on line ``record``."""
    starts, line = [], start
    for cell in cells:
        starts.append(line)
        line += len(_BREAK.findall(cell))
    if start != record or line != start:
        lines[record] = tuple(starts) if line != start else (start,)


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
    semicolon (Excel in much of Europe) and tab that splits the most of the
    file's first lines with text into the same number of cells, more than one.

    A table's rows are as wide as each other; a title line above the header
    (``Sales OKRs``, ``Sales, Q4``) is not, so it does not decide, as the
    first line alone did. :class:`csv.Sniffer` is not used: it gives up on
    exactly such a file, whose lines do not all agree. When no delimiter
    splits more lines (a file of one line), the first line's most frequent
    one is taken, a comma before a semicolon before a tab on a tie. A first
    line ``sep=;`` declares the delimiter, as Excel reads it
    (:mod:`okrsite.csv_separator_line`): it is taken.
    """
    declared = declared_separator(text)
    if declared is not None:
        return declared[0]
    lines: list[str] = []
    for line in io.StringIO(text, newline=None):
        if line.strip():
            lines.append(line)
            if len(lines) == HEADER_SEARCH:
                break
    if not lines:
        return ","

    def score(delimiter: str) -> tuple[int, int]:
        widths = Counter(len(cells) for cells in _split_lines(lines, delimiter) if len(cells) > 1)
        return max(widths.values(), default=0), lines[0].count(delimiter)

    return max(",;\t", key=score)


def _split_lines(lines: list[str], delimiter: str) -> list[list[str]]:
    """The cells of the lines (a record whose quoted cell spans lines counts
    once); lines the csv module cannot split count for nothing."""
    try:
        return list(csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        return []


def _unexport(cell: str) -> str:
    """Undo the ``'`` that okrsite's own export puts before text a spreadsheet
    would run as a formula (``'-5%``), or before ``'`` (one or more) followed by such a
    character (``''=x`` is the title ``'=x``: :func:`okrsite.formula_guard.guarded`)."""
    if cell[:1] == "'" and guarded(cell[1:]):
        return cell[1:]
    return cell
