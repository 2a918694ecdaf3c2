"""One row of an OKR spreadsheet, read cell by cell for the import.

:class:`SheetRow` turns each cell a column maps to a field into a typed value
(text, number, day, word of a list, owner), and every cell it cannot read
into one located diagnostic: the file, the row number, the column letter and
header. :mod:`okrsite.spreadsheet_import` plans objectives from such rows.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from okrsite.column_match import ColumnMap
from okrsite.csv_hints import one_way_decimal
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.parse import split_unit, without_unit
from okrsite.spreadsheet_cells import split_owners, totals_label
from okrsite.spreadsheet_dates import read_day
from okrsite.spreadsheet_numbers import NumberConvention, SheetFigure, ambiguous, parse_number
from okrsite.spreadsheet_xlsx import FormulaCell
from okrsite.units import same_unit

__all__ = ["SheetRow", "cell_named", "column_letter", "show_value"]


def column_letter(index: int) -> str:
    """0 → ``A``, 27 → ``AB``: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_named(cols: ColumnMap | None, fld: str, row: int) -> tuple[str, int | None]:
    """``row 3, column D 'Team'`` and its column (1-based) for a message about
    a field of a row read before (an objective's team, its confidence); the
    row alone, and no column, where the sheet has no such column."""
    index = cols.fields.get(fld) if cols is not None else None
    if cols is None or index is None:
        return f"row {row}", None
    return f"row {row}, column {column_letter(index)} {cols.headers[index]!r}", index + 1


class SheetRow:
    """Typed reads of one row's cells; each failure is one located diagnostic."""

    def __init__(
        self,
        cells: tuple[Any, ...],
        number: int,
        cols: ColumnMap,
        file: str,
        diags: list[Diagnostic],
        convention: NumberConvention | None = None,
        slashes: Mapping[str, int | None] | None = None,
        progress_column: bool = False,
    ) -> None:
        self.cells, self.row_no, self.cols, self.file, self.diags = cells, number, cols, file, diags
        #: whether the current figures are a Progress column's (the sheet has no Current column)
        self.progress_column = progress_column
        self.convention = convention or NumberConvention()
        #: how each date column orders ``03/11/2026`` (:func:`okrsite.spreadsheet_dates.column_order`)
        self.slashes = slashes or {}
        self.said: set[str] = set()  # fields whose cell was warned about once
        #: fields whose cell is an error: what the row lacks for it is said by the error alone
        self.failed: set[str] = set()
        #: the unit the row's figures are written with (``8 h``), where it has no Unit cell
        self.written_unit: str | None = None

    def raw(self, fld: str) -> Any:
        index = self.cols.fields.get(fld)
        if index is None:
            return None
        value = self.cells[index]
        if isinstance(value, FormulaCell):
            if fld not in self.said:
                self.said.add(fld)
                formula = f" (={value.formula})" if value.formula else ""
                what = (
                    "it is not read, and a row whose objective is not read from it is not "
                    "imported (it would join the objective above)"
                    if fld in ("objective", "objective_id")
                    else "it is not imported"
                )
                self.warn(
                    fld,
                    f"the cell holds a formula{formula} with no stored value: {what}",
                    "open the file in a spreadsheet program and save it (that stores each "
                    "formula's result), or type the value",
                    code="IMP205",
                )
            return None
        if isinstance(value, str) and not isinstance(value, SheetFigure):
            value = value.strip()
            return value or None
        return value

    def unread_formula(self, *flds: str) -> bool:
        """Whether the cell of one of ``flds`` is a formula with no stored value
        (IMP205, said by :meth:`raw`)."""
        return any(
            isinstance(self.cells[i], FormulaCell)
            for i in (self.cols.fields.get(fld) for fld in flds)
            if i is not None
        )

    def fail(self, fld: str, message: str, hint: str | None = None, code: str = "IMP102") -> None:
        self.failed.add(fld)
        index = self.cols.fields[fld]
        where = f"row {self.row_no}, column {column_letter(index)} {self.cols.headers[index]!r}"
        self.diags.append(
            error(
                code,
                f"{where}: {message}",
                self.file,
                line=self.row_no,
                column=index + 1,
                hint=hint,
            )
        )

    def warn(self, fld: str, message: str, hint: str | None = None, code: str = "IMP201") -> None:
        """Something in the cell is not imported: said, never silently dropped."""
        index = self.cols.fields[fld]
        where = f"row {self.row_no}, column {column_letter(index)} {self.cols.headers[index]!r}"
        self.diags.append(
            warning(
                code,
                f"{where}: {message}",
                self.file,
                line=self.row_no,
                column=index + 1,
                hint=hint,
            )
        )

    def note(self) -> str | None:
        """The Notes cell, its line breaks kept (a note is often a few lines)."""
        value = self.raw("notes")
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        lines = [" ".join(line.split()) for line in str(value).splitlines()]
        return "\n".join(line for line in lines if line) or None

    def owner(self, whose: str, fld: str = "owner") -> str | None:
        """The Owner cell's first name (or the KR owner cell's, ``fld``
        ``kr_owner``); co-owners left out with a warning.

        okrsite has one owner per objective and per key result (the loader
        takes the first of ``owner: [A, B]`` with warning OKR123); a cell
        ``Tom Lee, Ana Ruiz`` would otherwise be one person, ``tom-lee-ana-ruiz``.
        """
        cell = self.text(fld)
        if cell is None:
            return None
        written = self.raw(fld)  # its line breaks part names (Alt+Enter)
        names = split_owners(written if isinstance(written, str) else cell)
        if len(names) > 1:
            others = ", ".join(repr(n) for n in names[1:])
            self.warn(
                fld,
                f"{whose} has one owner: the first, {names[0]!r}, is imported; not {others}",
                "name one person; another can own a key result: write them in the Owner cell of its row",
            )
        return names[0]

    def text(self, fld: str) -> str | None:
        value = self.raw(fld)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime):
            value = value.date()
        return " ".join(str(value).split())

    def number(self, fld: str, hint: str | None = None) -> tuple[float | None, bool]:
        """The cell as a number, and whether it was written as a percentage
        (``hint``: what to write instead of text that is none, where the
        column has forms of its own, as a confidence has).

        A figure followed by its unit (``8 h``, ``1,200 tickets``) is read
        when the unit is the row's: its Unit cell's, or, with none, the one
        every figure of the row is written with (:attr:`written_unit`)."""
        value = self.raw(fld)
        if value is None or _no_reading(value):
            return None, False
        refused_before = fld in self.failed
        parsed = self._parse(value, fld)
        if parsed is None and isinstance(value, str) and fld not in self.failed:
            parsed = self._with_unit(value, fld)
        if parsed is None and fld in self.failed and not refused_before:
            return None, False  # refused as reading two ways (IMP111), said once
        if parsed is None:
            if isinstance(value, (date, datetime)):  # a spreadsheet took the figure for a date
                day = value.date() if isinstance(value, datetime) else value
                self.fail(
                    fld,
                    f"the cell holds the date {day.isoformat()}, not a number",
                    "a spreadsheet turns a figure such as 1.2 into a date in some languages: "
                    "format the cell as a number (or text) and type the figure again",
                )
                return None, False
            if isinstance(value, str) and self._other_unit(value, fld):
                return None, False
            if fld in self.failed and not refused_before:
                return None, False  # its figure refused as reading two ways (IMP111)
            self.fail(
                fld,
                f"{show_value(value)} is not a number",
                hint or "write digits, e.g. 40, 12.5, 45% or 1,200; put the unit in a Unit column",
            )
            return None, False
        return parsed

    def _other_unit(self, value: str, fld: str) -> bool:
        """Whether ``value`` is a figure in another unit than the row's (``5
        days`` on a row whose Unit cell says ``h``): an error that says so
        (IMP102), as nothing is converted; not the hint to put the unit in a
        Unit column that is there."""
        split = split_unit(value)
        unit = self.text("unit")
        if split is None or self._parse(split[0], fld) is None:
            return False
        word = split[1]
        if unit is not None:
            index = self.cols.fields["unit"]
            column = f"column {column_letter(index)} {self.cols.headers[index]!r}"
            self.fail(
                fld,
                f"{show_value(value)} is in {word!r}, not in {unit!r}, the unit {column} "
                "gives the row: nothing is converted",
                f"write the figure in {unit} ({split[0].strip()} {word} converted), "
                f"or correct the unit in {column} if the row's figures are in {word}",
            )
            return True
        if self.written_unit is None:
            return False
        self.fail(
            fld,
            f"{show_value(value)} is in {word!r}, while the row's other figures are in "
            f"{self.written_unit!r}: nothing is converted",
            "write every figure of the row in one unit, or the unit in a Unit column "
            "and the figures without it",
        )
        return True

    def _with_unit(self, value: str, fld: str) -> tuple[float, bool] | None:
        unit = self.text("unit")
        if unit is not None:
            bare = without_unit(value, unit)
            return None if bare is None else self._parse(bare, fld)
        split = split_unit(value)
        if split is None:
            return None
        parsed, word = self._parse(split[0], fld), split[1]
        if parsed is None or (
            self.written_unit is not None and not same_unit(word, self.written_unit)
        ):
            return None
        self.written_unit = word
        return parsed

    def _parse(self, value: Any, fld: str) -> tuple[float, bool] | None:
        """A figure read by the file's decimal mark; one that reads both ways,
        where the file's own figures did not say which, is warned about, or
        refused (IMP111) where a KPI's data file would refuse it
        (:func:`_comma_file_slip`)."""
        convention = self.convention
        parsed = parse_number(value, convention.decimal_comma)
        if (
            parsed is None
            or convention.by_cells
            or not isinstance(value, str)
            or isinstance(value, SheetFigure)
        ):
            return parsed
        both = ambiguous(value)
        if (
            both is not None
            and (convention.comma_separated or convention.workbook)
            and _comma_file_slip(value)
        ):
            point, comma = both
            self.fail(fld, *_two_ways(value, point, comma, convention.workbook), code="IMP111")
            return None
        if both is None or fld in self.said:
            return parsed
        self.said.add(fld)
        point, comma = both
        mark = "comma" if "," in value else "point"
        grouped, decimal = (point, comma) if mark == "comma" else (comma, point)
        self.warn(
            fld,
            f"{value.strip()!r} reads two ways: {grouped:g} with the {mark} grouping thousands, "
            f"{decimal:g} with a decimal {mark}; read as {parsed[0]:g}: {convention.reason}",
            f"write {grouped:g} or {_one_way(decimal, mark)} without a separator before exactly "
            "three digits; one figure with decimals (2,5 or 2.5) settles the decimal mark for "
            "the whole file",
            code="IMP204",
        )
        return parsed

    def word(self, fld: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(fld)
        if value is None:
            return None
        word = value.lower().replace(" ", "_").replace("-", "_")
        if word not in allowed:
            self.fail(fld, f"{show_value(value)} is not one of {', '.join(allowed)}", code="IMP104")
            return None
        return word

    def day(self, fld: str) -> date | None:
        value = self.raw(fld)
        if value is None:
            return None
        day, problem = read_day(value, self.slashes.get(fld))
        if problem is not None:
            self.fail(fld, f"{show_value(value)} {problem[0]}", problem[1], code="IMP103")
        return day

    def totals(self) -> bool:
        """Whether the row sums the others (``Total`` or ``Summe:`` in a title
        column): it is left out, and said to be (IMP207), never imported as
        an objective or key result ``total``, nor refused for its figures."""
        for fld in ("objective", "objective_id", "key_result"):
            index = self.cols.fields.get(fld)
            if index is not None and totals_label(self.cells[index]):
                label = " ".join(str(self.cells[index]).split())
                self.warn(
                    fld,
                    f"{label!r} makes row {self.row_no} look like a totals row: it is left out",
                    "okrsite works out an objective's progress from its key results; if the "
                    "row is one to import, give it another title",
                    code="IMP207",
                )
                return True
        return False


def _comma_file_slip(value: str) -> bool:
    """Whether a quoted ``"1,200"`` of a file separated by commas is refused
    as a KPI's data file refuses it (OKR203, by its one rule,
    :func:`okrsite.kpi_csv.ambiguous`): such a file comes from an English
    sheet or a script, whose ``1,200`` is 1200, while a site whose language
    writes a decimal comma reads 1.2; taken either way it may be a silent
    slip by a thousand (a target of 1,200 customers imported as 1.2)."""
    from okrsite import kpi_csv  # (with the KPI reader, only when a sheet is read)

    return kpi_csv.ambiguous(value, ",")


def _two_ways(value: str, point: float, comma: float, workbook: bool) -> tuple[str, str]:
    """IMP111's message and hint for a ``"1,200"`` refused by
    :func:`_comma_file_slip`: a quoted cell of a file separated by commas, or
    a text cell of a workbook."""
    if workbook:
        return (
            f"{value.strip()!r} reads two ways: {point:g} with the comma grouping thousands, "
            f"as an English sheet writes it, and {comma:g} with a decimal comma, as this "
            "site's language writes it; the workbook's cell holds text, not a number, so the "
            "sheet does not say which: not imported",
            f"write {point:g} if the comma groups thousands, or {_one_way(comma, 'comma')} if "
            "it marks the decimals, or enter the figure as a number (a number cell is read as "
            "it is); one text figure with decimals (2.5, or 2,5) settles the decimal mark for "
            "the whole file",
        )
    return (
        f"{value.strip()!r} reads two ways: {point:g} with the comma grouping thousands, "
        f"as a file separated by commas writes it, and {comma:g} with a decimal comma, "
        "as this site's language writes it: not imported",
        f"write {point:g} if the comma groups thousands, or {_one_way(comma, 'point')} "
        "if it marks the decimals: a file separated by commas marks decimals with a "
        "point; one figure with decimals (2.5, or 2,5) settles the decimal mark for the "
        "whole file",
    )


def _one_way(decimal: float, mark: str) -> str:
    """``decimal`` written with a decimal ``mark`` so that it reads one way:
    ``1,25``; and ``1,8340`` for 1.834, as ``1,834``, the figure the hint is
    about, reads two ways (a separator before exactly three digits may group
    thousands): a fourth decimal settles it, and says what it is."""
    written = one_way_decimal(decimal, mark)
    if len(format(decimal, "g").partition(".")[2]) != 3:
        return written  # no fourth decimal added: 1,25, 4
    return f"{written} ({decimal:g} with a 0 added)"


def _no_reading(value: Any) -> bool:
    """Whether a figure's cell says there is no figure (``—``, ``n/a``,
    ``#N/A``), as a KPI's data file and ``okrsite pull`` read such a cell:
    the figure is left out, as a blank cell's is, not refused as no number."""
    return isinstance(value, str) and value.casefold() in _no_readings()


@functools.cache
def _no_readings() -> frozenset[str]:
    """The words of :data:`okrsite.kpi_data_file.NO_READING`, in any letter
    case; imported when a sheet is read, not with this module."""
    from okrsite.kpi_data_file import NO_READING

    return frozenset(word.casefold() for word in NO_READING)


def show_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
