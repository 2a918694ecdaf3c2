"""``okrsite pull``: dated values from where they live into the site's files.

Each ``[[sources]]`` entry of ``okrsite.toml`` names a KPI (its values go to
the KPI's ``data:`` CSV, which is created and linked when missing) or a key
result as ``objective#kr`` (each new date becomes a check-in file). A date
the site already has is not written again; a different value for it is
reported, and only replaces the old one with ``--update``. A source either
changes everything it should or nothing: its files are planned, loaded with
the real pipeline in memory, and written only when that load takes them.
One source failing never stops the others.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

from okrsite import kpi_csv, kpi_csv_style
from okrsite.config import CONFIG_FILE
from okrsite.csv_date_forms import Moment, counts_over, zone_offset
from okrsite.csv_hints import csv_header_hint
from okrsite.csv_separator_line import separator_line
from okrsite.diagnostics import Diagnostic
from okrsite.goal_yaml import front_matter, yaml_number
from okrsite.model import Portfolio
from okrsite.overlay import OverlayTree
from okrsite.parse_messages import shown_value
from okrsite.pipeline import FileTree, LoadResult, load
from okrsite.pull_fetch import fetch
from okrsite.pull_sources import (
    Source,
    SourceError,
    SourceProblem,
    cell_in_unit,
    csv_problem,
    parse_values,
    read_sources,
    readings_in_unit,
)
from okrsite.pull_write import check_targets, write_files
from okrsite.resolve_hints import _did_you_mean
from okrsite.sitefiles import UnsafeFileError, read_owned
from okrsite.written_numbers import numbers_written_in

__all__ = ["PullOutcome", "declared_sources", "pull_sources"]


@dataclass
class PullOutcome:
    """What one source did (or, with --dry-run, would do)."""

    name: str
    error: str | None = None
    added: list[tuple[date, float]] = field(default_factory=list)
    updated: list[tuple[date, float, float]] = field(default_factory=list)
    changed: list[tuple[date, float, float]] = field(default_factory=list)  # not updated
    unchanged: int = 0
    #: dates whose value the site holds where pull never writes (a KPI's
    #: ``values:``, a check-in), another than the source's: said in ``notes``
    held_elsewhere: int = 0
    #: dates whose data-file row the site refuses (its value unread): taken,
    #: never written beside it, said in ``notes``
    on_unread_rows: int = 0
    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: the KPI data file among ``files`` (the others are check-ins) ...
    data_file: str | None = None
    #: ... and the KPI file that gets a ``data:`` line, when the data file is new
    linked_from: str | None = None


def _fmt(value: float) -> str:
    """A value as a file gets it: every digit of ``repr``'s shortest round
    trip, written out in full (``0.00005``, never ``5e-05``), since a data
    file's cell in exponent notation loses the column's form (its ``%``) and
    reads as another figure in a spreadsheet or a review."""
    if float(value).is_integer():
        return f"{Decimal(int(value)):f}"
    return f"{Decimal(repr(value)):f}"


def pull_sources(
    root: Path,
    *,
    only: Collection[str] | None = None,
    dry_run: bool = False,
    update: bool = False,
    fetcher: Callable[[Source, Path], str] = fetch,
) -> tuple[list[PullOutcome], list[SourceProblem]]:
    """Run the sources (all, or those named in ``only``, in the order
    ``okrsite.toml`` declares them); problems in the ``[[sources]]``
    declarations come back as the second value."""
    sources, problems = declared_sources(root)
    if only is not None:
        sources = [s for s in sources if s.name in only]
    outcomes = []
    base: LoadResult | None = None
    for source in sources:
        try:
            # the site is loaded again only after a source changed it
            base = base or load(FileTree(root), jobs=1)
            outcome = _run_source(root, base, source, update, fetcher)
            if outcome.files and not dry_run:
                write_files(root, outcome.files)
                base = None
        except SourceError as exc:
            outcome = PullOutcome(source.name, error=str(exc))
        except OSError as exc:
            outcome = PullOutcome(source.name, error=f"cannot write: {exc.strerror or exc}")
        outcomes.append(outcome)
    return outcomes, problems


def declared_sources(root: Path) -> tuple[list[Source], list[SourceProblem]]:
    """The ``[[sources]]`` of the site's ``okrsite.toml`` and the problems in them
    (read once here, so ``--source`` checks names against what pull runs)."""
    raw = FileTree(root).read(CONFIG_FILE)
    return read_sources(raw.decode("utf-8-sig", "replace") if raw else None)


def _run_source(
    root: Path,
    base: LoadResult,
    source: Source,
    update: bool,
    fetcher: Callable[[Source, Path], str],
) -> PullOutcome:
    """Fetch one source and plan its files, checked with the loader in memory."""
    _target(base.scored.portfolio, source.name)  # before running anything
    text = fetcher(source, root)
    left_out: list[str] = []
    try:
        with numbers_written_in(base.config.language):  # "1,105" as the site's data files read it
            readings = parse_values(text, source.format, left_out)
    except SourceError as exc:  # its line, named with the file (or command, URL) it is in
        raise SourceError(f"{source.label}, {exc}") from None
    for late in (False, True):
        outcome = PullOutcome(source.name)
        outcome.notes.extend(f"{source.label}, {note}" for note in left_out)
        with numbers_written_in(base.config.language):  # a row written as the file is read
            _plan(root, base, source.name, readings, update, outcome, late)
        check_targets(root, outcome.files)  # --dry-run says it too
        try:
            if outcome.files:
                _verify(root, base, source.name, outcome)
            return outcome
        except _ReadOther:
            if late or not outcome.updated:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _plan(
    root: Path,
    base: LoadResult,
    name: str,
    readings: list[tuple[date, float]],
    update: bool,
    outcome: PullOutcome,
    late: bool = False,
) -> None:
    portfolio = base.scored.portfolio
    content = base.config.content_dir.strip("/")
    if name in portfolio.kpis:
        refused = {(d.file, d.line): d for d in base.diagnostics if d.is_error}
        _plan_kpi(root, content, portfolio, name, readings, update, outcome, refused)
        return
    oid, _, kr_id = name.partition("#")
    known: dict[date, float] = {}
    for c in portfolio.checkins:  # in the order scoring reads them: the last one counts
        if c.objective == oid and kr_id in c.values:
            known[c.date] = c.values[kr_id]
    for day, value in sorted(readings):
        if day in known and known[day] == value:
            outcome.unchanged += 1
            continue
        if day in known and not update:
            outcome.changed.append((day, known[day], value))
            continue
        if day in known:
            outcome.updated.append((day, known[day], value))
        else:
            outcome.added.append((day, value))
        rel = _free_checkin(root, content, oid, day, outcome.files, late and day in known)
        data = {"objective": oid, "date": day, "values": {kr_id: yaml_number(value)}}
        text = front_matter(data, f"Pulled from source `{name}`.")
        outcome.files[rel] = text.encode("utf-8")


def _target(portfolio: Portfolio, name: str) -> None:
    """Refuse a source whose name is no KPI and no key result taking values.

    A source names its KPI or key result by id, as check-ins and ``parent:``
    do (docs/content-format.md): a title is reworded, and a nightly pull
    must not break with it. A name that is a title gets the id to write."""
    if name in portfolio.kpis:
        return
    oid, sep, kr_id = name.partition("#")
    obj = portfolio.objectives.get(oid)
    kr = obj.key_result(kr_id) if obj is not None and sep else None
    if obj is None or kr is None:
        ids = _ids_titled(portfolio, name)
        if ids:
            quoted = " or ".join(repr(i) for i in ids)
            one = "the title of" if len(ids) == 1 else "a title shared by"
            raise SourceError(
                f"{name!r} is {one} {quoted}: name it by its id: "
                + (f'name = "{ids[0]}"' if len(ids) == 1 else "the one meant")
            )
        raise SourceError(
            f"the site has no KPI {name!r} and no key result of that name"
            + (f": {meant}" if (meant := _id_meant(portfolio, name)) else "")
            + " (write a KPI id, or objective#key-result)"
        )
    if kr.kind in ("milestones", "rollup"):
        what = "a checklist" if kr.kind == "milestones" else "a roll-up"
        raise SourceError(f"key result {name!r} is {what} and takes no value")


def _id_meant(portfolio: Portfolio, name: str) -> str | None:
    """ "did you mean 'nps'?" for a source name that is a slip of a KPI's id or
    an ``objective#key-result`` (in another letter case, or mistyped), as
    ``okrsite check`` hints a check-in's ``kpi:``."""
    ids = list(portfolio.kpis)
    if "#" in name:
        ids = [f"{o.id}#{kr.id}" for o in portfolio.objectives.values() for kr in o.key_results]
    return _did_you_mean(name, ids)


def _ids_titled(portfolio: Portfolio, name: str) -> list[str]:
    """The ids a source name written as a title means: KPIs titled so
    (``NPS``: ``nps``), key results as ``objective#title`` (the objective by
    its id or title), compared in any case and spacing."""

    def same(a: str, b: str) -> bool:
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()

    ids = [k.id for k in portfolio.kpis.values() if same(k.title, name)]
    head, sep, tail = name.rpartition("#")
    if sep:
        for obj in portfolio.objectives.values():
            if obj.id == head or same(obj.title, head):
                ids.extend(
                    f"{obj.id}#{kr.id}"
                    for kr in obj.key_results
                    if kr.id == tail or same(kr.title, tail)
                )
    return [i for i in dict.fromkeys(ids) if i != name]


def _free_checkin(
    root: Path, content: str, oid: str, day: date, taken: dict[str, bytes], late: bool
) -> str:
    """A new check-in path for the day: ``2026-02-10.md``, then ``2026-02-10-2.md``, …
    (the order ``okrsite checkin`` uses).

    A replacing value must be read after the day's other check-ins; when the
    loader orders file names so that ``-2`` comes first, ``late`` names
    (``2026-02-10z01.md``) sort after every other name of the day in plain
    and in natural order alike.
    """
    base = f"{content}/checkins/{oid}/{day.isoformat()}"
    n = 1
    rel = f"{base}z{n:02d}.md" if late else f"{base}.md"
    while os.path.lexists(root / rel) or rel in taken:
        n += 1
        rel = f"{base}z{n:02d}.md" if late else f"{base}-{n}.md"
    return rel


def _plan_kpi(
    root: Path,
    content: str,
    portfolio: Portfolio,
    name: str,
    readings: list[tuple[date, float]],
    update: bool,
    outcome: PullOutcome,
    refused: Mapping[tuple[str | None, int | None], Diagnostic] | None = None,
) -> None:
    kpi = portfolio.kpis[name]
    known: dict[date, float] = dict(portfolio.kpi_series.get(name, ()))
    readings = readings_in_unit(readings, kpi.unit, name)  # €1.2M into k€: 1200
    data = kpi.data or f"data/{name}.csv"
    csv_rel = f"{content}/{data}"
    csv_path = root / csv_rel
    exists = os.path.lexists(csv_path)  # a link pointing nowhere is refused, not replaced
    if kpi.data is None and exists:
        raise SourceError(
            f"{csv_rel} exists but KPI {name!r} does not name it; add 'data: {data}' to {kpi.file}"
        )
    saved = _read_rows(root, csv_rel) if exists else _Saved()
    delimiter, newline, rows = saved.delimiter, saved.newline, saved.rows
    found = kpi_csv.columns(rows[0])
    if found is None:
        raise SourceError(
            f"{csv_rel}:1: the header must name 'date' and 'value' columns, got "
            f"{shown_value(saved.delimiter.join(rows[0])[:80])} "
            f"(hint: {csv_header_hint(rows[0], saved.delimiter)})"
        )
    di, vi = found
    header = rows[0]
    style = kpi_csv_style.style_of(delimiter, rows, di, vi)
    slashes = style.slashes  # the loader's one decision, for reading and for writing
    # each date's row that counts, as the loader picks it: the latest time
    # (:func:`okrsite.csv_date_forms.counts_over`), then the last row
    in_csv: dict[date, list[str]] = {}
    counts: dict[date, Moment] = {}
    unread: dict[date, Diagnostic] = {}  # a date's first row the loader refuses
    for n, row in enumerate(rows[1:]):
        moment = kpi_csv.read_moment(row[di], slashes) if len(row) > max(di, vi) else None
        if moment is None:
            continue
        line = saved.lines[n + 1] if len(saved.lines) > n + 1 else None
        refusal = (refused or {}).get((csv_rel, line))
        if refusal is not None:  # the loader refuses the row: its value is unread
            unread.setdefault(moment[0], refusal)
        order = (moment[1], zone_offset(row[di]), n)
        if moment[0] not in counts or counts_over(order, counts[moment[0]]):
            in_csv[moment[0]], counts[moment[0]] = row, order
    new_rows: list[tuple[date, list[str]]] = []
    changed_file = False
    for day, value in sorted(readings):
        if day in known and known[day] == value:
            outcome.unchanged += 1
            continue
        if day in known:
            counted = in_csv.get(day)
            holder = _held_elsewhere(portfolio, name, day, counted is not None)
            if holder is not None:  # pull never rewrites it: said, never hinted at, skipped
                outcome.held_elsewhere += 1
                outcome.notes.append(
                    f"{day}: {holder} holds {_fmt(known[day])}, which counts; not written "
                    f"(the source says {_fmt(value)}; to change it, edit it there)"
                )
            elif not update or counted is None:
                outcome.changed.append((day, known[day], value))
            else:
                counted[vi] = cell_in_unit(_fmt(value), style, kpi.unit, name)
                outcome.updated.append((day, known[day], value))
                changed_file = True
            continue
        if day in unread:  # its row is there, unread: a second row would read twice
            outcome.on_unread_rows += 1
            outcome.notes.append(_unread_note(unread[day], day, value))
            continue
        new_row = [""] * len(header)
        new_row[di] = kpi_csv_style.format_date(day, style)
        new_row[vi] = cell_in_unit(_fmt(value), style, kpi.unit, name)
        new_rows.append((day, new_row))
        outcome.added.append((day, value))
        changed_file = True
    if not changed_file:
        return
    if new_rows:
        rows = rows[:1] + _merged(rows[1:], new_rows, di, slashes)
    buf = io.StringIO()
    csv.writer(buf, delimiter=style.delimiter, lineterminator=newline).writerows(rows)
    outcome.files[csv_rel] = saved.encode(buf.getvalue(), csv_rel)
    outcome.data_file = csv_rel
    if kpi.data is None:
        outcome.files[kpi.file] = _link_data(root, kpi.file, data)
        outcome.linked_from = kpi.file


def _unread_note(refusal: Diagnostic, day: date, value: float) -> str:
    """What pull says of a date whose data-file row the site refuses.

    A row whose value the loader cannot read (a quoted ``"1,455"`` in a
    German site, which reads two ways; ``lots``) is no reading, so its date
    looked free, and pull added a second row for it beside the bad one: once
    the row was fixed, the file had two readings of that date. A date the
    data file has is taken, as docs/pull.md says, read or not; the row's
    value is not one pull can compare or replace, so it is named, to be
    fixed by hand (``--update`` replaces values the site reads)."""
    return (
        f"{day}: not written (the source says {_fmt(value)}): the data file's row of this "
        f"date is one the site cannot read, {refusal.format_text()}; fix that row in "
        f"{refusal.file}, then pull again"
    )


def _held_elsewhere(portfolio: Portfolio, name: str, day: date, in_csv: bool) -> str | None:
    """What holds KPI ``name``'s counting value for ``day`` when no row of its
    data file does: the day's last check-in naming the KPI (it counts over
    the file), or ``values:`` (when the file has no row that day). Pull
    writes only the data file, so such a date is said to be held and left:
    a replaced row would not count, and failing the source for it would
    drop its other dates every night."""
    days = [c for c in portfolio.checkins if c.kpi == name and c.date == day]
    held = [c.file for c in days if c.value is not None]  # in check-in order: the last counts
    if held:
        return f"the check-in {held[-1]}"
    kpi = portfolio.kpis[name]
    return f"values: in {kpi.file}" if not in_csv and day in dict(kpi.values) else None


def _merged(
    rows: list[list[str]], new: list[tuple[date, list[str]]], di: int, slashes: int | None
) -> list[list[str]]:
    """The data rows with the new ones, in date order.

    A series reads best, and diffs stay small, when its file runs in date
    order: new rows go among the old ones by date instead of at the end. A
    file written newest first stays newest first. The order is only ever set
    here, when rows are added: a file pull adds nothing to is left as written.
    A row without a readable date (a blank ``;;`` line a spreadsheet left)
    stays behind the row it followed; a totals row (``Total``, ``Summe``)
    stays last, below every reading, as the sheet had it.
    """
    keyed: list[tuple[date | None, list[str]]] = []
    totals = [row for row in rows if len(row) > di and kpi_csv.totals_row(row[di])]
    rows = [row for row in rows if not (len(row) > di and kpi_csv.totals_row(row[di]))]
    last: date | None = None
    for row in rows:
        day = kpi_csv.read_date(row[di], slashes) if len(row) > di else None
        last = day or last
        keyed.append((last, row))
    days = [d for d, _ in keyed if d is not None]
    newest_first = len(set(days)) > 1 and all(a >= b for a, b in pairwise(days))
    before_all = date.max if newest_first else date.min
    merged = [(d or before_all, row) for d, row in keyed] + new
    merged.sort(key=lambda item: item[0], reverse=newest_first)  # stable either way
    return [row for _, row in merged] + totals


@dataclass
class _Saved:
    """A data file as it is saved: its delimiter, line ending (a file saved on Windows
    keeps its ``\\r\\n``, so a pull's diff shows only the rows it adds), rows, encoding
    (UTF-8, or Windows-1252 as Excel on Windows saves "CSV", which the loader reads too),
    byte-order mark (Excel's "CSV UTF-8" starts with one, without it Excel shows
    ``Kündigung`` garbled) and Excel's ``sep=;`` line, kept above the rows."""

    delimiter: str = ","
    newline: str = "\n"
    rows: list[list[str]] = field(default_factory=lambda: [["date", "value"]])
    encoding: str = "utf-8"
    bom: bool = False
    sep_line: str = ""
    #: the line of the file each of ``rows`` starts on, as diagnostics name it
    lines: list[int] = field(default_factory=lambda: [1])

    def encode(self, text: str, rel: str) -> bytes:
        """``text`` saved as the file was."""
        try:
            raw = (self.sep_line + text).encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise SourceError(
                f"{rel} is saved in Windows-1252, which cannot hold "
                f"{text[exc.start : exc.end]!r} of the rows to write; save it as "
                "'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8') and pull again"
            ) from None
        return (b"\xef\xbb\xbf" if self.bom else b"") + raw


def _read_owned(root: Path, rel: str) -> bytes:
    """A site file read as the loader reads it (:func:`okrsite.sitefiles.read_owned`):
    a link out of the site (OKR012), a FIFO or device (OKR013, never opened)
    and a file over the size limit (OKR014) fail the source, located."""
    try:
        return read_owned(root / rel, [os.path.realpath(root)])
    except UnsafeFileError as exc:
        raise SourceError(exc.refusal.diagnostic(rel).format_text()) from None


def _read_rows(root: Path, rel: str) -> _Saved:
    """The data file as saved (:class:`_Saved`; rows by
    :func:`okrsite.kpi_csv.split_rows`), decoded as the loader decodes it
    (:func:`okrsite.parse_kpis.parse_csv`)."""
    path = root / rel
    raw = _read_owned(root, rel)
    bom = raw.startswith(b"\xef\xbb\xbf")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            f"{path.name} is UTF-16 text (as Excel saves 'Unicode Text'); save it as "
            "'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8') and pull again"
        )
    encoding = "utf-8"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise SourceError(
                f"cannot read {path.name}: it is not UTF-8 text (byte 0x{raw[exc.start]:02x}, "
                f"line {line}); save it as 'CSV UTF-8' (Excel: Save As, then 'CSV UTF-8')"
            ) from None
    starts: list[int] = []
    try:
        delimiter, rows = kpi_csv.split_rows(text, starts)
    except csv.Error as exc:  # a cell longer than the csv module reads, a NUL byte
        raise SourceError(f"cannot read {path.name}: {csv_problem(exc)}") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    kept = [(row, line) for row, line in zip(rows, starts, strict=True) if row]
    rows, lines = [row for row, _ in kept] or [["date", "value"]], [n for _, n in kept] or [1]
    sep_line = separator_line(text, newline)
    return _Saved(delimiter, newline, rows, encoding, bom, sep_line, lines)


def _link_data(root: Path, rel: str, data: str) -> bytes:
    """The KPI file with ``data: PATH`` added as the last front-matter key;
    the rest of the file stays as the person wrote it, line endings too,
    except that a file pull writes ends with a line break (git and editors
    flag a text file that does not; a file pull leaves alone is not touched)."""
    kpi_path = root / rel
    try:
        text = _read_owned(root, rel).decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError(f"{rel} is not UTF-8 text; save it as UTF-8") from None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise SourceError(f"{kpi_path.name} has no front matter to add 'data:' to")
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            lines.insert(i, f"data: {data}{newline}")
            if not lines[-1].endswith(("\n", "\r")):
                lines[-1] += newline
            return "".join(lines).encode("utf-8")
    raise SourceError(f"{kpi_path.name}: the front matter has no closing ---")


class _ReadOther(SourceError):
    """The site with the planned files reads another value than the source gave."""


def _verify(root: Path, base: LoadResult, name: str, outcome: PullOutcome) -> None:
    """Load the site with the planned files; refuse them if the loader finds a
    new error, or reads other values than the source gave."""
    after = load(OverlayTree(root, outcome.files), jobs=1)
    # compared without line numbers: a row merged in by date, or a data: line
    # added, moves a finding the site already had without making it new
    old = Counter((d.code, d.file, d.message) for d in base.diagnostics if d.is_error)
    new = []
    for d in (d for d in after.diagnostics if d.is_error):
        key = (d.code, d.file, d.message)
        if old[key] > 0:
            old[key] -= 1
        else:
            new.append(d)
    if new:
        raise SourceError(f"the written files would not load: {new[0].format_text()}")
    # a figure read at another scale than meant (0.037 for a KPI in %) loads,
    # so it is said beside what is written, as okrsite checkin says it
    seen = Counter((d.code, d.file, d.message) for d in base.diagnostics)
    for d in after.diagnostics:
        if d.code in _SCALE_SLIPS and seen[(d.code, d.file, d.message)] == 0:
            outcome.notes.append(d.format_text())
    wanted = [(d, v) for d, v in outcome.added] + [(d, v) for d, _, v in outcome.updated]
    portfolio = after.scored.portfolio
    if name in portfolio.kpis:
        got: dict[date, list[float]] = {}
        for day, value in portfolio.kpi_series[name]:
            got.setdefault(day, []).append(value)
        missing = [(d, v) for d, v in wanted if v not in got.get(d, [])]
    else:
        oid, _, kr_id = name.partition("#")
        last: dict[date, float] = {}
        for c in portfolio.checkins:
            if c.objective == oid and kr_id in c.values:
                last[c.date] = c.values[kr_id]
        missing = [(d, v) for d, v in wanted if last.get(d) != v]
    if missing:
        day, value = missing[0]
        raise _ReadOther(f"after writing, the site would not read {_fmt(value)} for {day}")


#: the warnings of a figure read at another scale than its source meant
_SCALE_SLIPS = frozenset({"OKR128", "OKR129"})
