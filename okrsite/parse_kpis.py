"""A KPI file, and the CSV file of readings a KPI's ``data:`` names.

A KPI has a unit, a direction, traffic-light thresholds and readings by
date, written in its front matter (``values:``) or in a CSV file;
:func:`parse_csv` reads that file (a spreadsheet's export, in its
English or European form) with a located finding for each row it cannot
use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrsite import limits, yamlsource
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.model import KPI
from okrsite.parse_fields import Path_, _Fields
from okrsite.parse_figures import unit_multiplier
from okrsite.parse_keys import respelled
from okrsite.parse_measures import _currency_unit, _percent_unit, is_percent_unit, shares_in_percent
from okrsite.parse_messages import _fmt, number_hint, shown_value, year_in_full
from okrsite.plural import plural
from okrsite.written_dates import timed, year_last_readings
from okrsite.written_numbers import read_number

#: the middle light's names: a KPI's thresholds written green and yellow mean
#: what okrsite's green and red do (worse than yellow is red)
_YELLOW = ("yellow", "amber", "orange", "gelb")
#: the other lights' names, in English and German: thresholds written
#: ``{grün: 120.000 €, rot: 80.000 €}`` are green and red in any language
_LIGHTS = {"green": "green", "grün": "green", "gruen": "green", "red": "red", "rot": "red"}


def _light(key: str) -> str:
    """The traffic light a threshold's key names (``Grün`` → ``green``), or
    the key in small letters."""
    low = unicodedata.normalize("NFC", key.strip().lower())
    return _LIGHTS.get(low, low)


def _kpi(
    f: _Fields,
    rid: str,
    rel: str,
    data: dict[str, Any],
    parts: yamlsource.Split,
    default_cycle: str | None,
) -> KPI | None:
    title = f.text(data, "title", (), required=True)
    f.unit_word = data["unit"] if isinstance(data.get("unit"), str) else ""
    f.magnitude_unit = f.unit_word if f.unit_word and unit_multiplier(f.unit_word) != 1 else ""
    written = f.mapping(data, "thresholds", ()) or {}
    thresholds = {str(k): v for k, v in written.items()}
    spelled = {key: _light(key) for key in thresholds}
    if "red" not in spelled.values():
        # traffic lights written green / yellow (amber): worse than yellow is red
        yellow = [key for key, low in spelled.items() if low in _YELLOW]
        if len(yellow) == 1:
            spelled[yellow[0]] = "red"
    lights: dict[str, str] = {}  # green and red: the key each is written under
    for key, low in spelled.items():
        if low in ("green", "red") and low not in lights:
            lights[low] = key
        elif low in ("green", "red"):
            f.warn(
                "OKR111",
                f"threshold {shown_value(key)} is ignored: {shown_value(lights[low])} "
                f"gives the {low} threshold already",
                ("thresholds", key),
                hint=f"keep one {low} threshold",
            )
        else:
            f.warn(
                "OKR111",
                f"unknown threshold {shown_value(key)} is ignored",
                ("thresholds", key),
                hint="okrsite needs only green and red: between them is a warning, worse than red critical"
                if low in _YELLOW
                else "thresholds take green and red (also grün and rot)",
            )
    percents, currencies = len(f.percents), len(f.currencies)
    green, red = (
        f.number_value(thresholds[lights[low]], low, ("thresholds", lights[low]), percent=True)
        if low in lights and thresholds[lights[low]] is not None
        else None
        for low in ("green", "red")
    )
    way = data.get("direction")
    said = _DIRECTION_WORDS.get(" ".join(way.lower().split())) if isinstance(way, str) else None
    direction = said or f.choice(data, "direction", ("up", "down"), "up", ()) or "up"
    if green is not None and red is not None:
        wrong = green < red if direction == "up" else green > red
        if wrong:
            f.err(
                "OKR113",
                f"thresholds contradict direction {direction}: green {_fmt(green)} is worse than red {_fmt(red)}",
                ("thresholds",),
                hint="for direction: down, green must be below red (lower is better)",
            )
    # a day's reading that counts: time, order, figure, date as written, paths of date and value
    counted: dict[date, tuple[str, int, float, str, Path_, Path_]] = {}
    for n, (key, value, day_path, path) in enumerate(_readings(f, data)):
        split = timed(key) if isinstance(key, str) else None
        time = split[1] if split is not None and split[1] is not None else ""
        day_key = split[0] if split is not None and split[1] is not None else key
        day = f.date_value(day_key, f"date {key}", day_path, month=True)
        number = f.number_value(value, f"value for {key}", path, percent=True)
        if day is None or number is None:
            continue
        reading = (time, n, number, str(key), day_path, path)
        kept = counted.get(day)
        later, earlier = (
            (reading, kept) if kept is None or reading[:2] >= kept[:2] else (kept, reading)
        )
        counted[day] = later
        if earlier is not None and earlier[2] != later[2]:
            why = (
                "the later time of day counts"
                if earlier[0] != later[0]
                else "the last one written counts"
            )
            f.warn(
                "OKR206",
                f"{day} has two readings: {_fmt(earlier[2])} ({earlier[3]}) and {_fmt(later[2])} "
                f"({later[3]}); {_fmt(later[2])} counts ({why}), {_fmt(earlier[2])} is ignored",
                earlier[4],
                hint="delete the reading that is wrong, or correct its date",
            )
    values = [(day, reading[2]) for day, reading in counted.items()]
    data_path = f.text(data, "data", ())
    if data_path is not None and not _safe_relative(data_path):
        f.err(
            "OKR006",
            f"data path {shown_value(data_path)} must be a relative path inside the content folder",
            ("data",),
            hint="write it relative to content/, e.g. data/nps.csv",
        )
        data_path = None
    target = f.number(data, "target", (), percent=True)
    unit = _percent_unit(f, f.text(data, "unit", ()) or "", f.percents[percents:], "the KPI's")
    unit = _currency_unit(unit, f.currencies[currencies:])
    if is_percent_unit(unit):
        readings = [(r[3], r[2], r[5]) for _, r in sorted(counted.items())]
        shares_in_percent(f, readings, {"target": target, "green": green, "red": red})
    return KPI(
        id=rid,
        file=rel,
        title=title or rid,  # missing: reported; the id stands in
        unit=unit,
        direction=direction,  # type: ignore[arg-type]
        indicator=f.choice(data, "indicator", ("leading", "lagging"), None, ()),  # type: ignore[arg-type]
        owner=f.name(data, "owner", (), "person"),
        team=f.name(data, "team", (), "team"),
        target=target,
        green=green,
        red=red,
        drives=f.text_list(data, "drives", (), refs=True),
        values=tuple(sorted(values)),
        data=data_path,
        body=parts.body,
        body_line=parts.body_line,
    )


def _readings(f: _Fields, data: dict[str, Any]) -> list[tuple[Any, Any, Path_, Path_]]:
    """A KPI's ``values:``: a mapping of dates to values (``2026-10-01: 31``), or
    a list of ``{date: …, value: …}`` entries, as tables are pasted; each
    reading as (date as written, value, path of the date, path of the value)."""
    raw = data.get("values")
    if isinstance(raw, list) and raw and all(isinstance(x, dict) for x in raw):
        out: list[tuple[Any, Any, Path_, Path_]] = []
        for i, item in enumerate(raw):
            entry = respelled({str(k): v for k, v in item.items()}, _READING_KEYS)
            if set(entry) != _READING_KEYS:
                f.err(
                    "OKR106",
                    f"reading {i + 1} must have a date and a value, got {shown_value(item)}",
                    ("values", i),
                    hint="write '- {date: 2026-10-01, value: 31}', or 'values: {2026-10-01: 31}'",
                )
                continue
            out.append(
                (entry["date"], entry["value"], ("values", i, "date"), ("values", i, "value"))
            )
        return out
    mapping = f.mapping(data, "values", ())
    if mapping is None:
        return []
    return [
        (key, value, ("values", str(key)), ("values", str(key))) for key, value in mapping.items()
    ]


_READING_KEYS = {"date", "value"}


def _safe_relative(path: str) -> bool:
    return not (
        limits.CONTROL_CHARS.search(path)
        or limits.utf8_length(path) > 1024
        or path.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", path)
        or ".." in re.split(r"[\\/]", path)
    )


#: a KPI's ``direction:`` as people say it beside ``up`` and ``down``
#: (``lower is better`` for churn, ``decrease``, German ``niedriger ist
#: besser``): each says which way is better, and refusing it would only make
#: the writer look up the word okrsite wants
_DIRECTION_WORDS = {
    **dict.fromkeys(
        (
            "higher",
            "higher is better",
            "increase",
            "increasing",
            "maximise",
            "maximize",
            "more is better",
            "höher",
            "höher ist besser",
            "steigend",
            "mehr ist besser",
        ),
        "up",
    ),
    **dict.fromkeys(
        (
            "lower",
            "lower is better",
            "decrease",
            "decreasing",
            "minimise",
            "minimize",
            "less is better",
            "niedriger",
            "niedriger ist besser",
            "sinkend",
            "weniger ist besser",
        ),
        "down",
    ),
}


# --------------------------------------------------------------- KPI CSV
def parse_csv(rel: str, raw: bytes) -> tuple[list[tuple[date, float]], list[Diagnostic]]:
    """A KPI's ``data:`` CSV: a ``date,value`` header, then one row per reading
    (or a spreadsheet's European form, ``Datum;Wert``: :mod:`okrsite.kpi_csv`)."""
    from okrsite import kpi_csv  # imported when a KPI reads a file: most runs read none

    diags: list[Diagnostic] = []
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
        delimiter, rows = kpi_csv.split_rows(text)
    except kpi_csv.UnreadableCsv as exc:
        return [], [
            *diags,
            error(
                "OKR203",
                f"CSV file cannot be read: {exc.reason}",
                rel,
                line=exc.line,
                hint="a KPI's CSV holds a date and a value per row: save the readings "
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
                line=1,
                hint=_header_hint(rows[0], delimiter),
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
    slashes = kpi_csv.slash_order(row[di] for row in rows[1:] if len(row) > di)
    grouped = kpi_csv.thousands_grouped((row[vi] for row in rows[1:] if len(row) > vi), delimiter)
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
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
                    hint=_split_hint(row, vi, len(rows[0]), delimiter),
                )
            )
            continue
        moment = kpi_csv.read_moment(row[di], slashes)
        if moment is None or not limits.date_in_range(moment[0]):
            message, hint = csv_date_problem(row[di])
            diags.append(error("OKR203", message, rel, line=n, column=_csv_col(row, di), hint=hint))
            continue
        if row[vi].strip() in _NO_READING:
            # a month without a reading, as a spreadsheet exports it: no figure
            # to count, and no reason to stop the build
            diags.append(
                warning(
                    "OKR205",
                    f"row {n} has no value"
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
        reading = _Reading(moment[1], n, value, row[vi].strip())
        if kept is None:
            by_day[moment[0]] = reading
            continue
        later, earlier = (reading, kept) if reading.order >= kept.order else (kept, reading)
        by_day[moment[0]] = later
        if later.value != earlier.value:
            diags.append(_overruled(rel, moment[0], earlier, later))
    out.extend((day, reading.value) for day, reading in by_day.items())
    return out, diags


@dataclass(frozen=True)
class _Reading:
    """One row's reading, as a date's readings are compared: its time of day
    (``""``: none, the start of the day), line, value and cell as written."""

    time: str
    line: int
    value: float
    written: str

    @property
    def order(self) -> tuple[str, int]:
        """Readings of one day count in this order, the last one: by time of
        day (none is the start of the day), then by row, as check-ins do."""
        return self.time, self.line


def _overruled(rel: str, day: date, earlier: _Reading, later: _Reading) -> Diagnostic:
    """The warning for a reading another of its day overrules, at its line."""
    why = (
        "the later time of day counts"
        if earlier.time != later.time
        else "the last row of a date counts"
    )
    return warning(
        "OKR206",
        f"{day} has two readings: {earlier.written} on line {earlier.line} and "
        f"{later.written} on line {later.line}; {later.written} counts ({why}), "
        f"{earlier.written} is ignored",
        rel,
        line=earlier.line,
        hint="delete the row that is wrong, or correct its date",
    )


def csv_date_problem(cell: str) -> tuple[str, str]:
    """Message and hint for a CSV's date cell that :func:`okrsite.kpi_csv.read_date`
    does not read (or reads as a day outside the dates okrsite accepts)."""
    from okrsite import kpi_csv

    shown = shown_value(cell)
    text = kpi_csv.date_part(cell)
    readings = year_last_readings(text)
    if len(readings) >= 2:
        return (
            f"{shown} names two days, {readings[0]} or {readings[1]}, "
            "and no other row shows whether the day or the month comes first",
            "write it as year-month-day",
        )
    full = year_in_full(text)
    if full is not None:
        return (
            f"{shown} is not a date like 2026-02-01: its year has two digits",
            f"write the year in full, as in {full}; in a spreadsheet, format the "
            "column's dates with four-digit years",
        )
    if text != cell.strip() and kpi_csv.read_date(text) is not None:
        return (
            f"{shown} is a date with no time of day okrsite reads",
            "write the time as 24-hour HH:MM (or HH:MM:SS), or the date alone",
        )
    day = kpi_csv.read_date(cell)
    if day is not None:
        return (
            f"{shown} is outside the dates okrsite accepts",
            f"dates run from {limits.EARLIEST_DATE} to {limits.LATEST_DATE}",
        )
    return (
        f"{shown} is not a date like 2026-02-01",
        f"write real dates between {limits.EARLIEST_DATE} and {limits.LATEST_DATE}",
    )


#: what a spreadsheet's cell holds for a period without a reading
_NO_READING = frozenset({"", "-", "–", "—", "n/a", "N/A", "NA", "#N/A", "?"})


def _header_hint(header: list[str], delimiter: str) -> str:
    """What to write in a header okrsite cannot read: a spreadsheet's export
    often has more columns than the two a KPI needs (``Date,CSAT,Responses``),
    and only its author knows which one holds the readings, so the hint
    renames one in place (the file's other columns stay) instead of
    suggesting a header that would no longer fit its rows."""
    from okrsite import kpi_csv

    names = [cell.strip() for cell in header]
    date_at = next(
        (i for i, name in enumerate(names) if name.lower() in kpi_csv.DATE_HEADERS), None
    )
    if len(names) < 2 or (len(names) == 2 and date_at is None):
        return f"make the first line 'date{delimiter}value'"
    if date_at is None:
        renamed = ["date", "value", *names[2:]]
        return (
            "name the column of dates 'date' and the column of readings 'value', "
            f"keeping the others: {delimiter.join(renamed)!r}"
        )
    value_at = next(i for i in range(len(names)) if i != date_at)
    renamed = [("value" if i == value_at else name) for i, name in enumerate(names)]
    return (
        f"{len(names)} columns: name the one that holds the readings 'value', "
        f"keeping the others, as in {delimiter.join(renamed)!r}"
    )


def _split_hint(row: list[str], vi: int, width: int, delimiter: str) -> str:
    """What to write when a row has more cells than its header: most often a
    value with a decimal comma (``150,5``), split in two by the comma."""
    if delimiter == "," and vi == width - 1 and row[vi + 1].strip().isdigit():
        whole, part = row[vi].strip(), row[vi + 1].strip()
        return (
            f"write {whole}.{part}: a comma separates the columns here, so {whole},{part} "
            f"reads as {whole} and a stray {part}"
        )
    return f"put a value that holds {delimiter!r} in double quotes, or remove the extra cells"


def csv_number_hint(cell: str, delimiter: str) -> str:
    """:func:`number_hint`, for a CSV: a comma-separated file cannot have a decimal
    comma (it would split the cell), and ``1.234`` is ambiguous where commas mark decimals."""
    from okrsite import kpi_csv

    if kpi_csv.ambiguous(cell, delimiter):
        bare = cell.strip()
        return (
            f"write {bare.replace('.', '')} if the points group thousands, or "
            f"{bare.replace('.', ',')} if the point marks the decimals: "
            "in a file separated by semicolons a comma marks the decimals"
        )
    bare = cell.strip()
    if delimiter == "," and re.fullmatch(r"[^,]*\d,\d{1,2}(?!\d)\D*", bare):
        # "4,5%" quoted in a comma-separated file: a decimal comma, which such
        # a file cannot hold (its commas group thousands: "1,200")
        return (
            f"write {bare.replace(',', '.')}: in a file separated by commas a point marks "
            'the decimals, and a comma in a quoted number groups thousands ("1,200")'
        )
    written = read_number(bare)
    if written is not None and written[1]:  # a KPI's reading may be a percentage
        return "write digits, e.g. 50, 0.25, 1,000,000 or 3.5%"
    return number_hint(cell).replace("in YAML", "in a file separated by commas")


def _csv_col(row: list[str], index: int) -> int:
    return sum(len(c) + 1 for c in row[:index]) + 1
