"""The ``[[sources]]`` of ``okrsite.toml`` and reading one source's dated values.

A source is a command (an argv list, run without a shell, with a timeout), a
file inside the site, or an http(s) URL; each gives ``date,value`` lines or a
JSON list of ``{"date": …, "value": …}``. Every way a source can fail (exit
code, timeout, malformed output, a value that is not a number) becomes a
:class:`SourceError` naming the offending line, so ``okrsite pull`` reports
it and goes on with the other sources. Reading a source's text (running its
command, reading its file, fetching its URL) is :mod:`okrsite.pull_fetch`'s;
only ``okrsite pull`` calls either: ``build``, ``check`` and ``serve`` never
run a source; ``check`` and ``build`` read the declarations only to report
what ``pull`` would refuse (CFG019, :mod:`okrsite.source_declarations`).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrsite import kpi_csv, kpi_csv_style, limits, written_numbers
from okrsite import toml_reader as tomllib
from okrsite.sitefiles import excerpt

__all__ = [
    "Source",
    "SourceError",
    "SourceProblem",
    "cell_in_unit",
    "csv_problem",
    "parse_values",
    "read_sources",
    "readings_in_unit",
]

DEFAULT_TIMEOUT = 30.0
_SOURCE_KEYS = {"name", "command", "file", "url", "header", "header_env", "timeout", "format"}


class SourceError(Exception):
    """A source failed; the message names what and where (the offending line)."""


@dataclass(frozen=True)
class Source:
    """One ``[[pull]]`` source of ``okrsite.toml``: a command, a file or a URL."""

    name: str
    line: int | None  # of its ``name =`` in okrsite.toml
    command: tuple[str, ...] | None = None
    file: str | None = None
    url: str | None = None
    header: str | None = None
    header_env: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    format: str | None = None  # csv | json; None: recognised from the text

    @property
    def kind(self) -> str:
        return "command" if self.command else "file" if self.file else "url"

    @property
    def label(self) -> str:
        """What a message names the source's text by (``exports/nps.csv``, the
        command, the URL), so its line is found where it was written."""
        if self.file:
            return self.file
        if self.command:
            return excerpt(" ".join(self.command), 120)
        return excerpt(self.url or "", 120)


@dataclass(frozen=True)
class SourceProblem:
    """A ``[[sources]]`` declaration ``okrsite pull`` refuses: what is wrong,
    the line of ``okrsite.toml`` it is written on (``None``: the file as a
    whole), and the code of the diagnostic ``okrsite check`` already gives
    for it (``CFG001`` broken TOML, ``CFG010`` a key a source does not take;
    ``None``: check reports it as CFG019), so no mistake is said twice."""

    message: str
    line: int | None = None
    checked_as: str | None = None

    def __str__(self) -> str:
        return self.message

    def reported(self) -> str:
        """The problem as ``okrsite pull`` prints it: file, line, code, message."""
        at = f"okrsite.toml:{self.line}" if self.line else "okrsite.toml"
        return f"{at}: error PULL001: {self.message}"


def _source_line(text: str, index: int) -> int | None:
    """The line of the ``name =`` of the ``index``-th ``[[sources]]`` table
    (its header's when it has no name): each declaration's own line, also
    when two share a name."""
    from okrsite.config_tables import cached_places

    places = cached_places(text)
    at = places.get(("sources", index, "name")) or places.get(("sources", index))
    return at.line if at is not None else None


def read_sources(text: str | None) -> tuple[list[Source], list[SourceProblem]]:
    """The declared sources, and a problem for each declaration that is wrong.

    Two declarations with one name are both refused: which of them ``pull``
    ran was the last one written, and a pull request that put a ``command``
    before a same-named ``file`` source got it run nightly unseen."""
    if text is None:
        return [], []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [], [SourceProblem(f"okrsite.toml is not valid TOML: {exc}", None, "CFG001")]
    default = data.get("pull_timeout", DEFAULT_TIMEOUT)
    problems: list[SourceProblem] = []
    if not _positive(default):
        line = _top_line(text, "pull_timeout")
        problems.append(
            SourceProblem(
                f"pull_timeout must be a number of seconds above 0, got {default!r}", line
            )
        )
        default = DEFAULT_TIMEOUT
    raw = data.get("sources", [])
    if not isinstance(raw, list):
        return [], [SourceProblem("sources must be written as [[sources]] tables", None, "CFG010")]
    out: list[Source] = []
    first_line: dict[str, int | None] = {}
    twice: set[str] = set()
    for n, item in enumerate(raw, start=1):
        line = _source_line(text, n - 1)
        where = f"[[sources]] number {n}"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            problems.append(
                SourceProblem(f'{where} needs name = "KPI id" or "objective#key-result"', line)
            )
            continue
        name = item["name"]
        where = f"source {name!r}"
        if name in first_line:
            twice.add(name)
            at = first_line[name]
            problems.append(
                SourceProblem(
                    f"{where} is declared again"
                    + (f" (first at line {at})" if at else "")
                    + ": okrsite pull runs none of the sources of this name; "
                    "give each source its own name",
                    line,
                )
            )
            continue
        first_line[name] = line
        unknown = sorted(set(item) - _SOURCE_KEYS)
        if unknown:
            keys = "key" if len(unknown) == 1 else "keys"
            problems.append(
                SourceProblem(f"{where}: unknown {keys} {', '.join(unknown)}", line, "CFG010")
            )
        given = [k for k in ("command", "file", "url") if k in item]
        if len(given) != 1:
            problems.append(
                SourceProblem(f"{where} needs exactly one of command, file or url", line)
            )
            continue
        command = item.get("command")
        if command is not None and (
            not isinstance(command, list)
            or not command
            or not all(isinstance(a, str) and a for a in command)
        ):
            problems.append(
                SourceProblem(
                    f'{where}: command must be a list of words, e.g. ["python3", "scripts/nps.py"]',
                    line,
                )
            )
            continue
        url = item.get("url")
        if url is not None and not (isinstance(url, str) and re.match(r"^https?://", url)):
            problems.append(
                SourceProblem(f"{where}: url must start with http:// or https://", line)
            )
            continue
        timeout = item.get("timeout", default)
        fmt = item.get("format")
        if not _positive(timeout) or fmt not in (None, "csv", "json"):
            problems.append(
                SourceProblem(
                    f"{where}: timeout must be seconds above 0 and format csv or json", line
                )
            )
            continue
        header, header_env = item.get("header"), item.get("header_env")
        if (header is None) != (header_env is None) or not all(
            v is None or isinstance(v, str) for v in (header, header_env, item.get("file"))
        ):
            problems.append(
                SourceProblem(
                    f'{where}: write header = "Authorization" together with '
                    'header_env = "ENV_VAR_NAME"',
                    line,
                )
            )
            continue
        out.append(
            Source(
                name=name,
                line=line,
                command=tuple(command) if command else None,
                file=item.get("file"),
                url=url,
                header=header,
                header_env=header_env,
                timeout=float(timeout),
                format=fmt,
            )
        )
    return [s for s in out if s.name not in twice], problems


def _top_line(text: str, key: str) -> int | None:
    """The line of ``key`` written at the top of ``okrsite.toml``."""
    from okrsite.config_tables import cached_places

    at = cached_places(text).get((key,))
    return at.line if at is not None else None


def _positive(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


# ------------------------------------------------------------------ parse
def parse_values(
    text: str, fmt: str | None = None, left_out: list[str] | None = None
) -> list[tuple[date, float]]:
    """``date,value`` lines (a header line is allowed) or a JSON list of
    ``{"date", "value"}`` objects → readings in the order given, each with
    what its cell writes beside the digits (a :class:`~okrsite.kpi_data_file.CsvRow`:
    ``€1.2M`` is 1,200,000 written ``€M``), as a KPI counts it in its unit
    (:func:`readings_in_unit`).

    A row a KPI's data file leaves out with a warning (a totals row, OKR207;
    a date without a value, OKR205) is left out here too, and said in
    ``left_out`` (``line 3 'Total,87': …: left out``): a sheet exported with
    its totals or its months to come must not fail the night's pull, and
    nothing may vanish unsaid."""
    notes = left_out if left_out is not None else []
    stripped = text.strip()
    if fmt == "json" or (fmt is None and stripped[:1] in "[{"):
        return _json_values(stripped, notes)
    return _csv_values(text, notes)


def _left_out(date_cell: str, value_cell: Any) -> str | None:
    """Why a row is no reading, as a KPI's data file leaves it out with a
    warning (:mod:`okrsite.kpi_data_file`); ``None`` for a row to read."""
    from okrsite.kpi_data_file import NO_READING, summary_row_kind

    if isinstance(date_cell, str) and kpi_csv.totals_row(date_cell):
        label = " ".join(date_cell.split())
        return "{!r} makes it a {} ({}): left out".format(label, *summary_row_kind(label))
    if value_cell is None or (isinstance(value_cell, str) and value_cell.strip() in NO_READING):
        shown = value_cell.strip() if isinstance(value_cell, str) else ""
        return "no value" + (f" ({shown!r})" if shown else "") + ": left out"
    return None


def _reading(
    day: Any,
    value: Any,
    where: str,
    delimiter: str = ",",
    slashes: int | None = None,
    grouped: bool = False,
    column: str = "",
    line: int = 0,
) -> tuple[date, float]:
    """A date and a number as a KPI's data file reads them (:mod:`okrsite.kpi_csv`;
    a :class:`~okrsite.kpi_data_file.CsvRow`, with what the cell writes beside its digits;
    ``delimiter`` ``""``: a JSON string, read as a goal file's figure is):
    ``2026-02-01``, ``01.02.2026``, a month alone (``2026-03``), a date with a
    time of day; a date with slashes in the order of the column's others
    (``slashes``); a decimal comma where the values are not separated by
    commas, and ``215.000`` where the column groups thousands (``grouped``;
    for a JSON string, ``column``: :func:`_json_column`)."""
    from okrsite.kpi_data_file import CsvRow, written_beside
    from okrsite.parse_kpis import csv_date_problem, csv_number_hint
    from okrsite.parse_messages import number_hint

    parsed_day = kpi_csv.read_date(str(day), slashes)
    if parsed_day is None or not limits.date_in_range(parsed_day):
        message, hint = csv_date_problem(str(day))
        raise SourceError(f"{where}: {message} (hint: {hint})")
    number: float | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        if not -(10**308) < value < 10**308:
            raise SourceError(f"{where}: {_shown(value)} is too large")
        number = float(value)
    elif isinstance(value, float):
        if math.isinf(value):  # 1e400 in a JSON file: read as infinity
            raise SourceError(f"{where}: the value is too large to read")
        number = value
    elif isinstance(value, str) and delimiter == "":
        # a JSON string is a cell of no file: read as the site's language
        # writes figures, as a goal file's are ("1.234,50 €" on a German site)
        number = kpi_csv.read_number(value, column, True) if column else None
        if number is None:
            written = written_numbers.read_number(value)
            number = None if written is None else written[0]
    elif isinstance(value, str):
        number = kpi_csv.read_number(value, delimiter, grouped)
    if number is None or not math.isfinite(number):
        hint = ""
        if isinstance(value, str) and delimiter == "":
            hint = f" (hint: {number_hint(value).replace(', 1,000,000', '')})"
        elif isinstance(value, str):
            hint = f" (hint: {csv_number_hint(value, delimiter)})"
        raise SourceError(f"{where}: {_shown(value)} is not a number{hint}")
    if isinstance(value, str):
        return CsvRow(parsed_day, number, written_beside(value), value.strip(), line)
    return CsvRow(parsed_day, number)


def _shown(value: Any) -> str:
    """A value as a message quotes it: at most 60 characters (an integer of
    thousands of digits, as its count of digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and not -(10**60) < value < 10**60:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, bool) or value is None:  # as JSON writes them: true, null
        return json.dumps(value)
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _json_values(text: str, notes: list[str]) -> list[tuple[date, float]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"line {exc.lineno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise SourceError(
            'not a JSON list of {"date": …, "value": …} objects: nested too deeply to read'
        ) from None
    except ValueError:  # an integer of more digits than Python converts
        long = re.search(r"\d{1000,}", text)
        line = f"line {text.count(chr(10), 0, long.start()) + 1}: " if long else ""
        raise SourceError(
            f"{line}not valid JSON: a number has more digits than can be read"
        ) from None
    data = _unwrapped(data)
    if not isinstance(data, list):
        raise SourceError('JSON must be a list of {"date": …, "value": …} objects')
    out: dict[date, tuple[date, float]] = {}
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict) or "date" not in item or "value" not in item:
            shown = json.dumps(item, ensure_ascii=False)[:80]
            raise SourceError(
                f"item {n}: {shown} has no date and value "
                '(a list of {"date": …, "value": …} objects is expected)'
            )
    slashes = kpi_csv.slash_order(item["date"] for item in data if isinstance(item["date"], str))
    column = _json_column([item["value"] for item in data if isinstance(item["value"], str)])
    for n, item in enumerate(data, start=1):
        where = f"item {n} {json.dumps(item, ensure_ascii=False)[:80]}"
        dated = _dated(item["date"], slashes)
        why = _left_out(item["date"], item["value"]) if dated else None
        if why is not None:
            notes.append(f"{where}: {why}")
            continue
        _add(out, _reading(item["date"], item["value"], where, "", slashes, column=column), where)
    return list(out.values())


def _unwrapped(data: Any) -> Any:
    """The list of readings in a JSON answer: the list itself; an object
    with ``date`` and ``value`` as a list of one; and the list an API wraps
    in an object under one key (``{"data": [...]}``, ``{"results": [...]}``),
    when that is the object's one list. An object with two lists or none is
    refused by name: which of them holds the readings is a guess."""
    if not isinstance(data, dict) or {"date", "value"} <= data.keys():
        return [data] if isinstance(data, dict) else data
    lists = [key for key, value in data.items() if isinstance(value, list)]
    if len(lists) == 1:
        return data[lists[0]]
    keys = ", ".join(repr(k) for k in list(data)[:5])
    raise SourceError(
        f'JSON must be a list of {{"date": …, "value": …}} objects, got an object of keys {keys}'
        + (" with more than one list" if lists else "")
        + ": have the source print the list of readings itself"
    )


def _json_column(texts: list[str]) -> str:
    """How a JSON source's text values group thousands, as the whole column
    shows it, the way a data file's column decides
    (:func:`okrsite.kpi_csv.thousands_grouped`): ``";"`` where some value
    groups them with points (``201.234,50``, ``4.512.300``), so ``215.000``
    beside it is 215000 and ``1,100`` is 1.1; ``","`` where some value groups
    them with commas (``1,234.5``, ``4,512,300``), so ``1,100`` is 1100 and
    ``1.100`` is 1.1; ``""`` where none shows it, or both do: each value is
    then read as a goal file's figure is. An export writes a whole column one
    way: reading ``215.000`` as 215 beside ``201.234,50`` would be a thousand
    times too small."""
    points = kpi_csv.thousands_grouped(texts, ";")
    commas = kpi_csv.thousands_grouped(texts, ",")
    return ";" if points and not commas else "," if commas and not points else ""


def csv_problem(exc: csv.Error) -> str:
    """What the csv module refused, with the line where it stopped."""
    reason = str(getattr(exc, "reason", exc))
    if "field larger than field limit" in reason:
        reason = f"a cell is longer than {csv.field_size_limit():,} characters"
    line = getattr(exc, "line", None)
    return f"line {line}: {reason}" if line else reason


def _add(out: dict[date, tuple[date, float]], reading: tuple[date, float], where: str) -> None:
    """One reading per date: the same date twice with two values is malformed."""
    day, value = reading
    if day in out and out[day][1] != value:
        raise SourceError(f"{where}: {day} was already given as {out[day][1]:g}")
    out[day] = reading


def readings_in_unit(
    readings: list[tuple[date, float]], unit: str, kid: str
) -> list[tuple[date, float]]:
    """A source's readings counted in the unit of KPI ``kid``, as its data
    file's rows are (:func:`okrsite.resolve_kpis_goals.csv_rows_in_unit`):
    ``€1.2M`` beside ``unit: k€`` is 1200. A reading in another unit
    (``£250,000`` beside ``k€``) fails the source: it would be no reading."""
    from okrsite.kpi_data_file import cell_money_not_in_unit
    from okrsite.resolve_kpis_goals import csv_rows_in_unit

    out: list[tuple[date, float]] = []
    for reading in readings:
        counted, wrong = csv_rows_in_unit([reading], unit, kid, "")
        written = getattr(reading, "written", "")
        if wrong or cell_money_not_in_unit(written, unit):
            # "$1,200" beside unit "€": the sign read past, dollars would be
            # counted as euros (and written into the data file as "€1,200.00")
            cell = getattr(reading, "cell", "") or f"{reading[1]:g}"
            line = getattr(reading, "line", 0)
            row = f"line {line} ({reading[0]})" if line else f"{reading[0]}"
            hint = (
                wrong[0].hint
                if wrong
                else f"write the figure in {unit!r}, without a unit or with it"
            )
            raise SourceError(
                f"{row}: {cell!r} is written in {written!r}, but KPI {kid!r} is "
                f"measured in {unit!r} (hint: {hint})"
            )
        out.extend(counted)
    return out


def cell_in_unit(figure: str, style: kpi_csv_style.CsvStyle, unit: str, kid: str) -> str:
    """``figure`` (as :func:`okrsite.pull._fmt` writes it), a reading in KPI
    ``kid``'s ``unit``, as a cell of a column written in ``style`` that reads
    back as it: a column of money (``250.000 €``, ``€1.2M``) beside a unit
    that holds a magnitude (``k€``) holds whole figures, so 1200 is written
    ``1.200.000 €``; a column of bare figures holds them in the unit. When
    neither reads back so, the bare form: the site's load refuses it."""
    from decimal import Decimal

    from okrsite.parse_figures import unit_multiplier

    cell = kpi_csv_style.format_number(figure, style)
    multiplier = unit_multiplier(unit)
    if multiplier == 1 or _cell_reads(cell, style, unit, kid) == float(figure):
        return cell
    whole = f"{Decimal(figure) * Decimal(repr(multiplier)):f}"
    if "." in whole:
        whole = whole.rstrip("0").rstrip(".")
    other = kpi_csv_style.format_number(whole, style)
    return other if _cell_reads(other, style, unit, kid) == float(figure) else cell


def _cell_reads(cell: str, style: kpi_csv_style.CsvStyle, unit: str, kid: str) -> float | None:
    """What a written cell reads as in KPI ``kid``'s ``unit``, as its data file reads it."""
    from okrsite.kpi_data_file import CsvRow, written_beside
    from okrsite.resolve_kpis_goals import csv_rows_in_unit

    figure = kpi_csv.read_number(cell, style.delimiter, style.values.grouped)
    if figure is None:
        return None
    row = CsvRow(date.min, figure, written_beside(cell), cell)
    counted, _wrong = csv_rows_in_unit([row], unit, kid, "")
    return counted[0][1] if counted else None


def _dated(cell: Any, slashes: int | None) -> bool:
    """Whether a row's date cell lets it be left out for its value: a date
    okrsite reads, or a totals label. A row whose date is wrong is refused
    for it, never dropped, as a data file's row is (OKR203 before OKR205)."""
    if not isinstance(cell, str):
        return False
    day = kpi_csv.read_date(cell, slashes)
    return kpi_csv.totals_row(cell) or (day is not None and limits.date_in_range(day))


def _csv_values(text: str, notes: list[str]) -> list[tuple[date, float]]:
    """``date,value`` lines, or a spreadsheet's European ``Datum;Wert`` with
    ``01.02.2026;41,5`` (the delimiter as :func:`okrsite.kpi_csv.split_rows` finds it),
    read as a KPI's data file is (:func:`okrsite.kpi_data_file.parse_csv`): with the
    column-wide decisions of :func:`okrsite.kpi_csv.slash_order` and
    :func:`okrsite.kpi_csv.thousands_grouped`, a header's extra columns
    (``date,value,comment``) ignored, the rows it leaves out left out
    (``notes``), and the rows it refuses refused with its hints."""
    from okrsite.csv_hints import csv_header_hint, csv_split_hint
    from okrsite.parse_messages import shown_value
    from okrsite.plural import plural

    out: dict[date, tuple[date, float]] = {}
    try:
        starts: list[int] = []
        delimiter, rows = kpi_csv.split_rows(text, starts)
    except csv.Error as exc:  # a cell longer than the csv module reads, a NUL byte
        raise SourceError(csv_problem(exc)) from None
    lines: list[tuple[int, list[str], str]] = []
    di, vi, width, headed = 0, 1, 2, False  # no header: the date, then the value
    raw = io.StringIO(text, newline="").readlines()  # the lines as the csv module reads them
    ends = [*starts[1:], len(raw) + 1]
    for n, end, row in zip(starts, ends, rows, strict=True):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        # the row as written, quotes and all: '2026-10-01,"1,300"' joined
        # again from its cells would read as three columns
        shown = "".join(raw[n - 1 : end - 1]).rstrip("\r\n")[:80]
        if not lines and not headed and _header(cells, delimiter):
            found = kpi_csv.columns(cells)
            if found is None:
                raise SourceError(
                    f"line {n}: the header must name 'date' and 'value' columns, got "
                    f"{shown_value(shown)} (hint: {csv_header_hint(row, delimiter)})"
                )
            (di, vi), width, headed = found, len(row), True
            continue
        lines.append((n, cells, shown))
    slashes = kpi_csv.slash_order(cells[di] for _, cells, _ in lines if len(cells) > di)
    grouped = kpi_csv.thousands_grouped(
        (cells[vi] for _, cells, _ in lines if len(cells) > vi), delimiter
    )
    for n, cells, shown in lines:
        where = f"line {n} {shown!r}"
        if len(cells) > di and kpi_csv.totals_row(cells[di]):
            notes.append(f"{where}: {_left_out(cells[di], '1')}")
            continue
        if len(cells) <= max(di, vi):
            raise SourceError(
                f"{where}: the row has {plural(len(cells), 'column')}, expected date and value"
            )
        if any(cells[width:]):
            # "2026-11-17,39,5": a decimal comma split the value, which would read as 39
            hint = csv_split_hint(cells, vi, width, delimiter)
            expected = f"the header {width}" if headed else "expected date and value"
            raise SourceError(
                f"{where}: the row has {len(cells)} columns, {expected} (hint: {hint})"
            )
        why = _left_out(cells[di], cells[vi]) if _dated(cells[di], slashes) else None
        if why is not None:
            notes.append(f"{where}: {why}")
            continue
        reading = _reading(cells[di], cells[vi], where, delimiter, slashes, grouped, line=n)
        _add(out, reading, where)
    return list(out.values())


def _header(cells: list[str], delimiter: str) -> bool:
    """Whether a source's first line is a header: one that names its columns
    (:func:`okrsite.kpi_csv.columns`), or one no cell of which is a date or a
    number (``when,value``, refused with the data file's hint), never a
    reading whose date is wrong (refused as that)."""
    if kpi_csv.columns(cells) is not None or (cells and cells[0].lower() in kpi_csv.DATE_HEADERS):
        return True
    return not any(
        kpi_csv.read_date(c, 0) is not None
        or kpi_csv.read_number(c, delimiter, True) is not None
        or any(ch.isdigit() for ch in c)
        for c in cells
    )
