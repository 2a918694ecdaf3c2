"""A KPI's data file: the CSV of readings its ``data:`` names, read into
dated values with a located finding for each row that cannot be used.

Kept apart from :mod:`okrsite.parse_kpis` (a KPI's front matter) because
reading a spreadsheet's export is a concept of its own, with its own
findings (OKR2xx): the file's bytes (its encoding, or a workbook named in
its place), its header, and each row, the rows that sum the others
(:func:`okrsite.kpi_csv.totals_row`) and the rows without a reading left
out with a warning. How cells are read is :mod:`okrsite.kpi_csv`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from okrsite import limits
from okrsite.csv_date_forms import Moment, counts_over, utc_shown, zone_offset

# what is wrong with a row's date lives in its own module; named here too, as callers import it
from okrsite.csv_date_problems import csv_date_problem as csv_date_problem
from okrsite.csv_date_problems import no_date

# the hints live in their own module (csv_hints); named here too, as callers import them
from okrsite.csv_hints import csv_header_hint as csv_header_hint
from okrsite.csv_hints import csv_number_hint as csv_number_hint
from okrsite.csv_hints import csv_split_hint as csv_split_hint
from okrsite.csv_time_column import time_column, with_time
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.parse_messages import shown_value
from okrsite.plural import plural

__all__ = [
    "CsvRow",
    "csv_date_problem",
    "csv_number_hint",
    "header_unit",
    "header_unit_warning",
    "cell_money_not_in_unit",
    "parse_csv",
    "summary_row_kind",
]


class CsvRow(tuple[date, float]):
    """A row's day and the whole figure its cell reads (``€1.2M``: 1,200,000),
    with what the cell writes beside its digits, ``written``: its magnitude
    and currency (``€M``, ``k€``, :func:`okrsite.parse_figures.magnitude_written`)
    or its currency sign alone (``€``), ``""`` for a bare figure; ``cell``
    and ``line`` say where. A file is read once for every KPI that names it,
    and the KPIs' units may differ: each counts the figure in its own
    (:func:`okrsite.resolve_kpis_goals.csv_rows_in_unit`), as a check-in's is."""

    written: str
    cell: str
    line: int
    #: the value column's header cell and its line: a unit it names
    #: (``Revenue (k€)``) is compared with each reading KPI's (:func:`header_unit_warning`)
    header: tuple[str, int]

    def __new__(
        cls,
        day: date,
        value: float,
        written: str = "",
        cell: str = "",
        line: int = 0,
        header: tuple[str, int] = ("", 0),
    ) -> CsvRow:
        row = super().__new__(cls, (day, value))
        row.written, row.cell, row.line, row.header = written, cell, line, header
        return row

    def __getnewargs__(self) -> tuple[date, float, str, str, int, tuple[str, int]]:  # type: ignore[override]
        return self[0], self[1], self.written, self.cell, self.line, self.header


def written_beside(cell: str) -> str:
    """What a value cell writes beside its digits that counts it in a unit:
    its magnitude (``k€`` of ``150 k€``, ``€M`` of ``€1.2M``) or its one
    currency sign (``€`` of ``250.000 €``), as a check-in notes it; ``""``."""
    from okrsite.parse_figures import currency_of, magnitude_written

    written = magnitude_written(cell)
    if written is not None:
        return written
    signs = set(currency_of(cell))
    return signs.pop() if len(signs) == 1 else ""


def cell_money_not_in_unit(written: str, unit: str) -> bool:
    """Whether a cell's money (``$`` of ``"$1,200"``, ``$M`` of ``$1.5M``:
    :func:`written_beside`) is not what a KPI measured in ``unit`` holds:
    another currency sign (``$`` or ``£`` beside ``unit: €``) or money
    beside a percentage, as ``okrsite checkin --value '$1,200'`` refuses it
    (OKR312). okrsite converts nothing, and reading the sign past would
    count dollars as euros. A unit naming its currency by code (``EUR``) is
    that money (``$`` beside it is refused, ``€`` not), and a KPI without a
    unit takes its figures'. (A goal file's figure, read whole, is
    :func:`okrsite.parse_figures.other_money`'s.)
    For a unit without a magnitude: beside one with a magnitude (``k€``)
    :func:`okrsite.resolve_kpis_goals.csv_rows_in_unit` already decides."""
    from okrsite.parse import is_percent_unit
    from okrsite.parse_figures import currency_of

    sign, held = currency_of(written), unit.strip()
    if not sign or not held:
        return False
    if is_percent_unit(held):
        return True
    money = currency_of(held)
    return bool(money) and money != sign


def parse_csv(rel: str, raw: bytes) -> tuple[list[tuple[date, float]], list[Diagnostic]]:
    """A KPI's ``data:`` CSV: a ``date,value`` header, then one row per reading
    (or a spreadsheet's European form, ``Datum;Wert``: :mod:`okrsite.kpi_csv`)."""
    from okrsite import kpi_csv  # imported when a KPI reads a file: most runs read none

    diags: list[Diagnostic] = []
    workbook = _workbook(rel, raw)
    if workbook is not None:
        return [], [workbook]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode Text" and some exports: every other byte a zero,
        # which Windows-1252 below would read as letters and a bad header
        return [], [
            error(
                "OKR201",
                "CSV file is UTF-16 text (as Excel saves 'Unicode Text'), not UTF-8",
                rel,
                line=1,
                hint="save it as 'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8')",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        save_as = "save it as 'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8')"
        try:
            # Excel on Windows saves "CSV" in Windows-1252: 'Größer' is not
            # UTF-8, and its dates and values are read the same either way
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return [], [
                error(
                    "OKR201",
                    f"CSV file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                    rel,
                    line=line,
                    column=column,
                    hint=save_as,
                )
            ]
        diags.append(
            warning(
                "OKR204",
                "CSV file is not UTF-8: read as Windows-1252, as Excel saves 'CSV' on Windows",
                rel,
                line=line,
                column=column,
                hint=f"{save_as}, so its letters are read as written",
            )
        )
    try:
        starts: list[int] = []  # the line each row begins on
        delimiter, rows = kpi_csv.split_rows(text, starts)
    except kpi_csv.UnreadableCsv as exc:
        return [], [
            *diags,
            error(
                "OKR203",
                f"CSV file cannot be read: {exc.reason}",
                rel,
                line=exc.line,
                column=exc.column,
                hint=exc.hint
                or "a KPI's CSV holds a date and a value per row: save the readings "
                "alone as CSV from the spreadsheet",
            ),
        ]
    if not rows:
        return [], [
            error(
                "OKR202",
                "CSV file is empty",
                rel,
                line=1,
                hint="start it with the header 'date,value'",
            )
        ]
    found = kpi_csv.columns(rows[0])
    if found is None:
        return [], [
            error(
                "OKR202",
                "CSV header must name 'date' and 'value' columns, "
                f"got {shown_value(delimiter.join(rows[0]))}",
                rel,
                line=starts[0],
                hint=csv_header_hint(rows[0], delimiter),
            )
        ]
    di, vi = found
    if len(rows) > limits.MAX_DATA_ROWS + 1:
        return [], [
            error(
                "OKR009",
                f"the CSV has {len(rows) - 1} rows",
                rel,
                line=limits.MAX_DATA_ROWS + 2,
                hint=f"a KPI's data file may have at most {limits.MAX_DATA_ROWS} rows",
            )
        ]
    out: list[tuple[date, float]] = []
    by_day: dict[date, _Reading] = {}  # a date's reading that counts, so far
    overruled: list[Diagnostic] = []  # OKR206, one per date with two readings
    ti = time_column(rows[0], (di, vi))  # Date,Time,Orders: the time orders a day's rows
    slashes = kpi_csv.slash_order(row[di] for row in rows[1:] if len(row) > di)
    grouped = kpi_csv.thousands_grouped((row[vi] for row in rows[1:] if len(row) > vi), delimiter)
    for n, row in zip(starts[1:], rows[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > di and kpi_csv.totals_row(row[di]):
            diags.append(_totals(rel, n, row, di))
            continue
        if len(row) <= max(di, vi):
            diags.append(
                error(
                    "OKR203",
                    f"row has {plural(len(row), 'column')}, expected date and value",
                    rel,
                    line=n,
                )
            )
            continue
        if any(cell.strip() for cell in row[len(rows[0]) :]):
            # "2026-11-15,150,5": a decimal comma split the value, which would read as 150
            diags.append(
                error(
                    "OKR203",
                    f"row has {len(row)} columns, the header {len(rows[0])}",
                    rel,
                    line=n,
                    column=_csv_col(row, len(rows[0])),
                    hint=csv_split_hint(row, vi, len(rows[0]), delimiter),
                )
            )
            continue
        if not row[di].strip():
            diags.append(no_date(rel, n, row, (di, vi), delimiter, n == starts[1]))
            continue
        moment = kpi_csv.read_moment(with_time(row, di, ti), slashes)
        if moment is None or not limits.date_in_range(moment[0]):
            message, hint = csv_date_problem(row[di])
            diags.append(error("OKR203", message, rel, line=n, column=_csv_col(row, di), hint=hint))
            continue
        if row[vi].strip() in NO_READING:
            # a month without a reading, as a spreadsheet exports it: no figure
            # to count, and no reason to stop the build
            diags.append(
                warning(
                    "OKR205",
                    "the row has no value"
                    + (f" ({shown_value(row[vi].strip())})" if row[vi].strip() else "")
                    + ": left out",
                    rel,
                    line=n,
                    column=_csv_col(row, vi),
                    hint="write the reading, or delete the row if there is none",
                )
            )
            continue
        value = kpi_csv.read_number(row[vi], delimiter, grouped)
        if value is None:
            diags.append(
                error(
                    "OKR203",
                    f"{shown_value(row[vi])} is not a number",
                    rel,
                    line=n,
                    column=_csv_col(row, vi),
                    hint=csv_number_hint(row[vi], delimiter),
                )
            )
            continue
        kept = by_day.get(moment[0])
        zone = zone_offset(row[di])
        reading = _Reading(moment[1], n, value, row[vi].strip(), written_beside(row[vi]), zone)
        if kept is None:
            by_day[moment[0]] = reading
            continue
        later, earlier = (
            (reading, kept) if counts_over(reading.order, kept.order) else (kept, reading)
        )
        by_day[moment[0]] = later
        if later.value != earlier.value:
            overruled.append(_overruled(rel, moment[0], earlier, later))
    diags.extend(_first_overruled(overruled, rel))
    header = (rows[0][vi].strip(), starts[0])
    out.extend(
        CsvRow(day, reading.value, reading.mark, reading.written, reading.line, header)
        for day, reading in by_day.items()
    )
    return out, diags


@dataclass(frozen=True)
class _Reading:
    """One row's reading, as a date's readings are compared: its time of day
    (``""``: none, the start of the day), line, value and cell as written,
    and the zone its time names (:func:`okrsite.csv_date_forms.zone_offset`)."""

    time: str
    line: int
    value: float
    written: str
    #: what the cell writes beside its digits: :func:`written_beside`
    mark: str = ""
    zone: int | None = None

    @property
    def order(self) -> Moment:
        """What orders readings of one day, the last one counting
        (:func:`okrsite.csv_date_forms.counts_over`): the instant named when
        both name a zone, else the time of day as written (none is the start
        of the day), then the row, as check-ins do."""
        return self.time, self.zone, self.line


#: OKR206 warnings given one by one for one data file; the rest in one more
MAX_OVERRULED_WARNINGS = 20


def _first_overruled(overruled: list[Diagnostic], rel: str) -> list[Diagnostic]:
    """The first :data:`MAX_OVERRULED_WARNINGS` OKR206 of a data file, then
    one for the rest with their count, at the first of their lines, as
    OKR314 and OKR016 do: a file of readings every 3 hours gives one per
    day (87,491 for 100,000 rows), which no one reads in a terminal or CI log."""
    if len(overruled) <= MAX_OVERRULED_WARNINGS:
        return overruled
    rest = overruled[MAX_OVERRULED_WARNINGS:]
    return [
        *overruled[:MAX_OVERRULED_WARNINGS],
        warning(
            "OKR206",
            f"and {len(rest):,} more readings that another reading of their date overrules, "
            "the first of them: only one reading a date counts (the later time of day, "
            "else the last row)",
            rel,
            line=min(d.line or 0 for d in rest),
            hint="keep one row a day (okrsite counts one reading a day), or correct the dates",
        ),
    ]


def _overruled(rel: str, day: date, earlier: _Reading, later: _Reading) -> Diagnostic:
    """The warning for a reading another of its day overrules, at its line."""
    why = "the last row of a date counts"
    if earlier.zone is not None and later.zone is not None and earlier.time and later.time:
        before, after = utc_shown(earlier.time, earlier.zone), utc_shown(later.time, later.zone)
        if before != after:  # 09:00+01:00 beside 08:30Z: 08:00 UTC before 08:30 UTC
            why = f"the later time counts: {after}, after {before}"
    elif earlier.time != later.time:
        why = "the later time of day counts"
    return warning(
        "OKR206",
        f"{day} has two readings: {earlier.written} on line {earlier.line} and "
        f"{later.written} on line {later.line}; {later.written} counts ({why}), "
        f"{earlier.written} is ignored",
        rel,
        line=earlier.line,
        hint="delete the row that is wrong, or correct its date",
    )


#: a unit written at the end of a column's header: ``Revenue (k€)``, ``Latency [ms]``
_HEADER_UNIT = re.compile(r"[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$")
#: currency codes a header writes for the signs a ``unit:`` holds
_CODES = {"eur": "€", "usd": "$", "gbp": "£", "jpy": "¥", "chf": "chf"}


def header_unit(cell: str) -> str | None:
    """The unit a value column's header names in brackets or parentheses
    (``k€`` of ``Revenue (k€)``, ``ms`` of ``Latency [ms]``, ``%`` of ``Churn
    (%)``): money, a share, a magnitude or a short unit word; ``None`` for
    none, or for words that are no unit (``Revenue (net of refunds)``)."""
    from okrsite.parse_figures import currency_of, unit_multiplier

    m = _HEADER_UNIT.search(cell)
    if m is None:
        return None
    unit = m.group(1)
    if any(c in unit for c in "%‰") or currency_of(unit) or unit_multiplier(unit) != 1:
        return unit
    squeezed = "".join(unit.split())
    if squeezed.casefold() in _CODES or (len(squeezed) <= 4 and not squeezed.isdigit()):
        return unit
    return None


def _unit_key(unit: str) -> str:
    """A unit as two spellings of it compare: ``Mio €`` and ``Mio€``, ``EUR`` and ``€``."""
    squeezed = "".join(unit.split()).casefold()
    for code, sign in _CODES.items():
        squeezed = squeezed.replace(code, sign)
    return squeezed


def header_unit_warning(
    rows: list[tuple[date, float]], unit: str, kid: str, kpi_file: str, rel: str
) -> Diagnostic | None:
    """OKR209 when the value column's header names a unit (``Revenue (k€)``)
    other than the ``unit:`` of KPI ``kid`` that reads the file, while its
    cells write bare figures: ``2,618.5`` would count as 2,618.5 € where the
    sheet meant 2,618,500 €. Not converted: which of the two is wrong only
    the person knows, so the warning says both ways out. Nothing when the
    KPI has no unit, the units agree, or every cell writes its own."""
    from okrsite.numbers import format_number
    from okrsite.parse_figures import money_counted_in

    if not rows or not unit.strip():
        return None
    cell, line = getattr(rows[0], "header", ("", 0))
    named = header_unit(cell)
    if named is None or _unit_key(named) == _unit_key(unit):
        return None
    one = money_counted_in(1, named, unit)  # Mio. € and Mio € are one unit
    if one == 1 or all(getattr(row, "written", "") for row in rows):
        return None  # or each cell says its unit (150 k€), counted by it
    convert = f"convert the column's figures to {unit}"
    if one is not None and one != 1:
        convert += f" (1 {named} is {format_number(one)} {unit})"
    return warning(
        "OKR209",
        f"the value column's header {shown_value(cell)} names the unit {named!r}, "
        f"but KPI {kid!r} is measured in {unit!r}: its bare figures count in {unit!r}",
        rel,
        line=line or 1,
        hint=f"write 'unit: {named}' in {kpi_file}, or {convert} and correct its header",
    )


def _totals(rel: str, n: int, row: list[str], di: int) -> Diagnostic:
    """The warning for a row that sums up the others (``Total,"3,307"``,
    ``Summe;1295``, ``Average,3.0%``), as a spreadsheet's export ends: left
    out, as ``okrsite import`` leaves a totals row out (IMP207)."""
    label = " ".join(row[di].split())
    kind, why = summary_row_kind(label)
    return warning(
        "OKR207",
        # the row is the location's line: the message does not repeat it, so
        # a row added above moves the finding without changing it (okrsite diff)
        f"{label!r} makes the row a {kind} ({why}): left out",
        rel,
        line=n,
        column=_csv_col(row, di),
        hint=f"a row of a KPI's data file is one reading; delete the {kind}, "
        "or give the row its date if it is a reading",
    )


def summary_row_kind(label: str) -> tuple[str, str]:
    """What a row that :func:`okrsite.kpi_csv.totals_row` leaves out is, and
    why, as the data file's OKR207 and ``okrsite pull`` say it: a totals row
    (``Total``, ``Summe``) sums the others; a summary row (``Average``,
    ``Mittelwert``, ``Max``) is a figure of them that is no reading either."""
    from okrsite.spreadsheet_cells import totals_label  # it imports the parser

    if totals_label(label):
        return "totals row", "it sums the others"
    return "summary row", "an average, count, minimum or maximum of the others"


#: what a spreadsheet workbook's file starts with: a zip (.xlsx, .ods), OLE (.xls)
ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORKBOOKS = {".xlsx": "Excel", ".xlsm": "Excel", ".xls": "Excel", ".ods": "OpenDocument"}


def _workbook(rel: str, raw: bytes) -> Diagnostic | None:
    """The error for a spreadsheet workbook named as a KPI's data file
    (``data: data/mrr.xlsx``), by its name or, renamed, by its first bytes:
    read as text it would be refused as no UTF-8, which says nothing of what to do."""
    name = rel.rsplit("/", 1)[-1]
    stem, dot, suffix = name.rpartition(".")
    suffix = f".{suffix.lower()}" if dot else ""
    if suffix not in WORKBOOKS and not raw.startswith((ZIP, OLE)):
        return None
    kind = WORKBOOKS.get(suffix) or ("Excel 97-2003" if raw.startswith(OLE) else "Excel")
    csv_name = f"{stem or name}.csv"
    then = (
        "keep that name"
        if suffix == ".csv"
        else f"change the KPI's data: to the .csv ({csv_name} in place of {name})"
    )
    return error(
        "OKR208",
        f"{name} is a spreadsheet workbook ({kind}), not a CSV file",
        rel,
        line=1,
        hint=f"open it in the spreadsheet and save the readings as CSV (Excel: "
        f"File > Save As > 'CSV UTF-8'; LibreOffice: File > Save As > 'Text CSV'), "
        f"then {then}",
    )


#: what a spreadsheet's cell holds for a period without a reading
NO_READING = frozenset({"", "-", "–", "—", "n/a", "N/A", "NA", "#N/A", "?"})


def _csv_col(row: list[str], index: int) -> int:
    return sum(len(c) + 1 for c in row[:index]) + 1
