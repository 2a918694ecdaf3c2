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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrsite import kpi_csv
from okrsite.config import CONFIG_FILE
from okrsite.goal_yaml import front_matter, yaml_number
from okrsite.model import Portfolio
from okrsite.overlay import OverlayTree
from okrsite.pipeline import FileTree, LoadResult, load
from okrsite.pull_sources import Source, SourceError, fetch, parse_values, read_sources

__all__ = ["PullOutcome", "pull_sources"]


@dataclass
class PullOutcome:
    """What one source did (or, with --dry-run, would do)."""

    name: str
    error: str | None = None
    added: list[tuple[date, float]] = field(default_factory=list)
    updated: list[tuple[date, float, float]] = field(default_factory=list)
    changed: list[tuple[date, float, float]] = field(default_factory=list)  # not updated
    unchanged: int = 0
    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def pull_sources(
    root: Path,
    *,
    only: str | None = None,
    dry_run: bool = False,
    update: bool = False,
    fetcher: Callable[[Source, Path], str] = fetch,
) -> tuple[list[PullOutcome], list[str]]:
    """Run the sources (all, or the one named ``only``); problems in the
    ``[[sources]]`` declarations come back as the second value."""
    raw = FileTree(root).read(CONFIG_FILE)
    sources, problems = read_sources(raw.decode("utf-8-sig", "replace") if raw else None)
    if only is not None:
        sources = [s for s in sources if s.name == only]
    outcomes = []
    base: LoadResult | None = None
    for source in sources:
        try:
            # the site is loaded again only after a source changed it
            base = base or load(FileTree(root), jobs=1)
            outcome = _run_source(root, base, source, update, fetcher)
            if outcome.files and not dry_run:
                _write(root, outcome.files)
                base = None
        except SourceError as exc:
            outcome = PullOutcome(source.name, error=str(exc))
        except OSError as exc:
            outcome = PullOutcome(source.name, error=f"cannot write: {exc.strerror or exc}")
        outcomes.append(outcome)
    return outcomes, problems


def _run_source(
    root: Path,
    base: LoadResult,
    source: Source,
    update: bool,
    fetcher: Callable[[Source, Path], str],
) -> PullOutcome:
    """Fetch one source and plan its files, checked with the loader in memory."""
    _target(base.scored.portfolio, source.name)  # before running anything
    readings = parse_values(fetcher(source, root), source.format)
    for late in (False, True):
        outcome = PullOutcome(source.name)
        _plan(root, base, source.name, readings, update, outcome, late)
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
        _plan_kpi(root, content, portfolio, name, readings, update, outcome)
        return
    oid, _, kr_id = name.partition("#")
    known: dict[date, float] = {}
    for c in portfolio.checkins:  # in the order scoring reads them: the last one counts
        if c.objective == oid and kr_id in c.values:
            known[c.date] = c.values[kr_id]
    for day, value in readings:
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
    """Refuse a source whose name is no KPI and no key result taking values."""
    if name in portfolio.kpis:
        return
    oid, sep, kr_id = name.partition("#")
    obj = portfolio.objectives.get(oid)
    kr = obj.key_result(kr_id) if obj is not None and sep else None
    if obj is None or kr is None:
        raise SourceError(
            f"the site has no KPI {name!r} and no key result of that name "
            "(write a KPI id, or objective#key-result)"
        )
    if kr.kind in ("milestones", "rollup"):
        what = "a checklist" if kr.kind == "milestones" else "a roll-up"
        raise SourceError(f"key result {name!r} is {what} and takes no value")


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
    while (root / rel).exists() or rel in taken:
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
) -> None:
    kpi = portfolio.kpis[name]
    known: dict[date, float] = dict(portfolio.kpi_series.get(name, ()))
    data = kpi.data or f"data/{name}.csv"
    csv_rel = f"{content}/{data}"
    csv_path = root / csv_rel
    if kpi.data is None and csv_path.exists():
        raise SourceError(
            f"{csv_rel} exists but KPI {name!r} does not name it; add 'data: {data}' to {kpi.file}"
        )
    delimiter, rows = _read_rows(csv_path) if csv_path.exists() else (",", [["date", "value"]])
    found = kpi_csv.columns(rows[0])
    if found is None:
        raise SourceError(f"{csv_rel} has no 'date,value' header")
    di, vi = found
    header = rows[0]
    style = kpi_csv.style_of(delimiter, rows, di, vi)
    slashes = kpi_csv.slash_order(row[di] for row in rows[1:] if len(row) > di)
    in_csv = {
        day: row
        for row in rows[1:]
        if len(row) > max(di, vi) and (day := kpi_csv.read_date(row[di], slashes)) is not None
    }
    changed_file = False
    for day, value in sorted(readings):
        if day in known and known[day] == value:
            outcome.unchanged += 1
            continue
        if day in known:
            row = in_csv.get(day)
            if not update:
                outcome.changed.append((day, known[day], value))
            elif row is None:
                outcome.changed.append((day, known[day], value))
                outcome.notes.append(
                    f"{day} not updated: its value is written in {kpi.file} or a check-in; edit it there"
                )
            else:
                row[vi] = kpi_csv.format_number(_fmt(value), style)
                outcome.updated.append((day, known[day], value))
                changed_file = True
            continue
        new_row = [""] * len(header)
        new_row[di] = kpi_csv.format_date(day, style)
        new_row[vi] = kpi_csv.format_number(_fmt(value), style)
        rows.append(new_row)
        outcome.added.append((day, value))
        changed_file = True
    if not changed_file:
        return
    buf = io.StringIO()
    csv.writer(buf, delimiter=style.delimiter, lineterminator="\n").writerows(rows)
    outcome.files[csv_rel] = buf.getvalue().encode("utf-8")
    if kpi.data is None:
        outcome.files[kpi.file] = _link_data(root / kpi.file, data)
        outcome.notes.append(f"created {csv_rel} and linked it from {kpi.file}")


def _read_rows(path: Path) -> tuple[str, list[list[str]]]:
    """The data file's delimiter and rows (:func:`okrsite.kpi_csv.split_rows`)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read {path.name}: {exc}") from None
    delimiter, rows = kpi_csv.split_rows(text)
    return delimiter, [row for row in rows if row] or [["date", "value"]]


def _link_data(kpi_path: Path, data: str) -> bytes:
    """The KPI file with ``data: PATH`` added as the last front-matter key;
    the rest of the file stays exactly as the person wrote it."""
    text = kpi_path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise SourceError(f"{kpi_path.name} has no front matter to add 'data:' to")
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            newline = "\r\n" if line.endswith("\r\n") else "\n"
            lines.insert(i, f"data: {data}{newline}")
            return "".join(lines).encode("utf-8")
    raise SourceError(f"{kpi_path.name}: the front matter has no closing ---")


class _ReadOther(SourceError):
    """The site with the planned files reads another value than the source gave."""


def _verify(root: Path, base: LoadResult, name: str, outcome: PullOutcome) -> None:
    """Load the site with the planned files; refuse them if the loader finds a
    new error, or reads other values than the source gave."""
    after = load(OverlayTree(root, outcome.files), jobs=1)
    old = {d.format_text() for d in base.diagnostics}
    new = [d for d in after.diagnostics if d.is_error and d.format_text() not in old]
    if new:
        raise SourceError(f"the written files would not load: {new[0].format_text()}")
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


def _write(root: Path, files: dict[str, bytes]) -> None:
    """Write a source's files; new ones are created, never overwriting a file
    that appeared meanwhile, and a failure removes the new ones again."""
    created: list[Path] = []
    try:
        for rel, data in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists():
                tmp = path.with_name(f".{path.name}.okrsite-pull")
                tmp.write_bytes(data)
                tmp.replace(path)
            else:
                with open(path, "xb") as fh:
                    created.append(path)
                    fh.write(data)
    except OSError:
        for path in created:
            path.unlink(missing_ok=True)
        raise
