"""``okrsite import`` and ``okrsite pull``: the commands that bring data in.

Kept out of :mod:`okrsite.cli` so the main command module stays small; it
registers these two commands.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from okrsite.cli import DATE, print_diagnostics, resolve_site, site_option
from okrsite.diagnostics import summary_line
from okrsite.import_new_site import import_root
from okrsite.plural import plural
from okrsite.workbook_kind import OTHER_WORKBOOKS

if TYPE_CHECKING:
    from okrsite.goal_yaml import PlannedFile
    from okrsite.pull import PullOutcome

FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
}
#: the columns not imported named by name, the rest counted: a sheet of
#: 16,000 columns made a line of 150,000 characters
_LISTED = 20


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "json"]),
    default=None,
    help="csv, xlsx (Excel) or json (an okrsite portfolio.json); default: from the file name.",
)
@click.option("--cycle", default=None, help="Cycle for rows that name none, e.g. 2026-Q1.")
@click.option(
    "--dry-run", is_flag=True, help="Print the files that would be written; write nothing."
)
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="Read a column as a field, e.g. --map 'Stretch goal=target' (repeatable; FIELD ignore skips it).",
)
@click.option(
    "--date",
    "day",
    type=DATE,
    default=None,
    help="Date of the check-ins that carry a Confidence column (default: the pinned as_of of okrsite.toml, else today).",
)
@site_option
def import_command(
    file: Path,
    fmt: str | None,
    cycle: str | None,
    dry_run: bool,
    maps: tuple[str, ...],
    day: date | None,
    site: Path | None,
) -> None:
    """Turn a spreadsheet of OKRs (CSV, XLSX) or a portfolio.json into goal files.

    One row per key result; the objective's columns repeated on every row or
    only on its first. Nothing is overwritten, and nothing at all is written
    if any row cannot be read. See docs/import.md.
    """
    from okrsite.column_match import parse_mapping
    from okrsite.import_files import plan_import, write_planned

    # in a new folder beside the sheet, the import starts the site there
    root = import_root(site)
    fmt = fmt or FORMATS.get(file.suffix.lower())
    if fmt is None and file.suffix.lower() in OTHER_WORKBOOKS:
        fmt = "xlsx"  # whose reader says what the file is and how to save it (IMP001)
    if fmt is None:
        raise click.UsageError(
            f"cannot tell the format of {file.name}: pass --format csv, xlsx or json"
        )
    try:
        mapping = parse_mapping(maps)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--map") from None
    result = plan_import(root, file, fmt, cycle=cycle, mapping=mapping, checkin_day=day)
    if result.ignored_columns:
        click.echo(
            "okrsite: columns not imported: "
            + ", ".join(repr(c) for c in result.ignored_columns[:_LISTED])
            + (
                f" and {len(result.ignored_columns) - _LISTED:,} more"
                if len(result.ignored_columns) > _LISTED
                else ""
            )
            + " (read one as a field with --map 'COLUMN=FIELD')",
            err=True,
        )
    for note in result.notes:  # how the sheet's layout was read
        click.echo(f"okrsite: note: {note}", err=True)
    # warnings too: a value the import leaves out is said, never dropped silently
    print_diagnostics(result.diagnostics)
    if not result.ok:
        click.echo(
            f"okrsite: import failed, {summary_line(result.diagnostics)}; nothing was written",
            err=True,
        )
        sys.exit(1)
    blocked = _blocked_paths(root, result.files)
    if blocked:
        for reason in blocked:
            click.echo(f"okrsite: {reason}", err=True)
        click.echo("okrsite: import failed; nothing was written", err=True)
        sys.exit(1)
    for rel in result.skipped:
        click.echo(f"okrsite: skipped {rel}: it already exists (never overwritten)", err=True)
    if dry_run:
        for planned in result.files:
            click.echo(f"# would write {planned.rel}\n{planned.text}")
        click.echo(
            f"okrsite: dry run: {plural(len(result.files), 'file')} would be written, "
            f"{len(result.skipped)} skipped",
            err=True,
        )
        return
    try:
        write_planned(root, result.files)
    except OSError as exc:  # a file made meanwhile, a full disk, no permission
        where = Path(exc.filename) if exc.filename else None
        if where is not None and where.is_relative_to(root):
            where = where.relative_to(root)
        click.echo(
            f"okrsite: import failed: cannot write {where or 'the files'}: "
            f"{exc.strerror or exc}; nothing was written",
            err=True,
        )
        sys.exit(1)
    for planned in result.files:
        click.echo(f"okrsite: wrote {planned.rel}")
    click.echo(
        f"okrsite: imported {plural(len(result.files), 'file')}, {len(result.skipped)} skipped; "
        "next: okrsite check",
        err=True,
    )


def _blocked_paths(root: Path, files: list[PlannedFile]) -> list[str]:
    """What keeps a planned file from being written, found before anything
    is (so ``--dry-run`` says it too), with what to do: a file where its
    folder must be (``content/objectives/sales`` for team Sales'
    objectives), a folder on its way that is a link, or a link where the
    file would go. A linked folder would take the file out of the site, or
    into a folder ``check`` skips (OKR011): nothing is written through one
    (:func:`okrsite.sitefiles.create_new` refuses it again while writing)."""
    from okrsite.pipeline import FileTree, read_config
    from okrsite.sitefiles import owned_roots

    roots = owned_roots(root)
    # the content folder itself may be a link that stays inside the site: it is read so
    content = len(Path(read_config(FileTree(root))[0].content_dir).parts)
    said = [_blocked(root, planned.rel, roots, content) for planned in files]
    return list(dict.fromkeys(reason for reason in said if reason))


#: how much of a path a refusal quotes: whole as paths are (a project folder
#: in a home folder, a CI workspace: often over 80 characters), cut only when
#: a hostile link's target would flood the message
_PATH_SHOWN = 240


def _blocked(root: Path, planned: str, roots: list[str], linkable: int) -> str | None:
    """What keeps the planned file ``planned`` from being written (see
    :func:`_blocked_paths`); its first ``linkable`` folders may be links into the site."""
    import os
    import stat

    from okrsite.sitefiles import excerpt, within

    parts = Path(planned).parts
    for depth in range(1, len(parts) + 1):
        path = root.joinpath(*parts[:depth])
        rel = "/".join(parts[:depth])
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            break  # made by the import, inside the folders looked at so far
        except OSError as exc:
            return f"cannot write {planned}: {rel}: {exc.strerror or exc}"
        if stat.S_ISLNK(mode):
            if depth <= linkable and within(os.path.realpath(path), roots) and path.is_dir():
                continue  # the content folder, read through a link inside the site
            return _linked(planned, rel, path, roots, last=depth == len(parts))
        if depth < len(parts) and not stat.S_ISDIR(mode):
            return (
                f"cannot write {planned}: {rel} is a file, where its folder must be; "
                f"move or rename {rel} (or give the rows another team), then import again"
            )
    real = os.path.realpath(root / planned)
    if not within(real, roots):  # a content_dir of ../elsewhere
        return (
            f"cannot write {planned}: it leads outside the site (to {excerpt(real, _PATH_SHOWN)}); "
            "set content_dir in okrsite.toml to a folder inside the site, then import again"
        )
    return None


def _linked(planned: str, rel: str, path: Path, roots: list[str], last: bool) -> str:
    """Why a planned file is not written through the link ``rel``, and what to do."""
    import os

    from okrsite.sitefiles import excerpt, within

    try:
        target = os.path.realpath(path, strict=True)
    except OSError:
        where = "points nowhere"
    else:
        if within(target, roots):
            where = f"leads to {excerpt(Path(os.path.relpath(target, roots[0])).as_posix(), _PATH_SHOWN)}"
        else:
            where = f"leads outside the site, to {excerpt(target, _PATH_SHOWN)}"
    if last:
        return (
            f"cannot write {planned}: a link is there already, and it {where}; "
            f"remove the link (or give the row's objective another title), then import again"
        )
    return (
        f"cannot write {planned}: its folder {rel} is a link that {where}, and okrsite writes "
        f"only into the site's own folders (check skips a linked folder); replace the link "
        f"with a real folder (or give the rows another team), then import again"
    )


@click.command("pull")
@click.option(
    "--source",
    "only",
    multiple=True,
    metavar="NAME",
    help="Run only this source (repeatable: --source arr --source nps).",
)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option(
    "--update", is_flag=True, help="Replace a value the site has for a date with the source's."
)
@site_option
def pull_command(only: tuple[str, ...], dry_run: bool, update: bool, site: Path | None) -> None:
    """Fetch dated values from the [[sources]] of okrsite.toml into KPI data and check-ins.

    Exits 1 if any source failed (the others still run). See docs/pull.md.
    """
    from okrsite.pull import declared_sources, pull_sources

    root = resolve_site(site)
    if only:
        sources, problems = declared_sources(root)
        names = list(dict.fromkeys(s.name for s in sources))
        unknown = [n for n in dict.fromkeys(only) if n not in names]
        if unknown:
            # a source written wrongly is left out of the names: say why first
            for problem in problems:
                click.echo(problem.reported(), err=True)
            raise click.UsageError(
                f"no {'source' if len(unknown) == 1 else 'sources'} named "
                f"{', '.join(repr(n) for n in unknown)} in okrsite.toml"
                + (f" (sources: {', '.join(names)})" if names else " (it declares none)")
            )
    outcomes, problems = pull_sources(
        root, only=set(only) if only else None, dry_run=dry_run, update=update
    )
    for problem in problems:
        click.echo(problem.reported(), err=True)
    if not outcomes and not problems:
        click.echo("okrsite: no [[sources]] in okrsite.toml; see docs/pull.md", err=True)
    for o in outcomes:
        if o.error:
            click.echo(
                f"okrsite: source {o.name!r} failed: {o.error}; nothing changed for it", err=True
            )
            continue
        # every digit the file gets (4700000.5, never 4.7e+06): a review of
        # what changed must tell 4,700,000.5 from 4,700,001
        for day, value in o.added:
            click.echo(f"{o.name}: {day} {_digits(value)} (new)")
        for day, old, value in o.updated:
            done = "would be updated" if dry_run else "updated"
            click.echo(f"{o.name}: {day} {_digits(old)} -> {_digits(value)} ({done})")
        for day, old, value in o.changed:
            click.echo(
                f"{o.name}: {day} has {_digits(old)}, the source says {_digits(value)}"
                + ("" if update else " (not changed; --update replaces it)")
            )
        for note in o.notes:
            click.echo(f"{o.name}: {note}", err=True)
        for line in _written(o, dry_run):
            click.echo(f"okrsite: {line}", err=True)
    if dry_run:
        files = sum(len(o.files) for o in outcomes if not o.error)
        click.echo(
            f"okrsite: dry run: {plural(files, 'file')} would be written; nothing was written",
            err=True,
        )
    failed = sum(1 for o in outcomes if o.error) + len(problems)
    if failed:
        click.echo(f"okrsite: pull: {plural(failed, 'source')} failed", err=True)
        sys.exit(1)


def _written(o: PullOutcome, dry_run: bool) -> list[str]:
    """What a source wrote, or with ``--dry-run`` would write, one line per file."""
    if not o.files:
        other = len(o.changed) + o.held_elsewhere  # not written, whatever holds it
        if not (o.unchanged or other or o.on_unread_rows):
            return [f"source {o.name!r}: the source gave no values; nothing to write"]
        there = [f"{plural(o.unchanged, 'value')} already there"] if o.unchanged else []
        if other:
            there.append(f"{other} with another value")
        if o.on_unread_rows:
            there.append(f"{o.on_unread_rows} on a row the site cannot read")
        return [f"source {o.name!r}: nothing new ({', '.join(there)})"]
    lines = []
    if o.data_file is not None:
        rel, added, updated = o.data_file, plural(len(o.added), "value"), len(o.updated)
        if o.linked_from is not None:
            lines.append(
                f"would create {rel} with {added} and link it from {o.linked_from}"
                if dry_run
                else f"created {rel} with {added} and linked it from {o.linked_from}"
            )
        elif o.added and updated:
            lines.append(
                f"would add {added} to {rel} and update {plural(updated, 'value')} there"
                if dry_run
                else f"added {added} to {rel} and updated {plural(updated, 'value')} there"
            )
        elif o.added:
            lines.append(f"would add {added} to {rel}" if dry_run else f"added {added} to {rel}")
        else:
            what = plural(updated, "value")
            lines.append(f"would update {what} in {rel}" if dry_run else f"updated {what} in {rel}")
    for rel in o.files:
        if rel not in (o.data_file, o.linked_from):  # a check-in, one per date
            lines.append(f"would write {rel}" if dry_run else f"wrote {rel}")
    return lines


def _digits(value: float) -> str:
    """A pulled figure with every digit the file is given (``repr``'s shortest
    round-trip digits), written out in full: 0.0000000001 for 1e-10, never 0."""
    from decimal import Decimal

    if value.is_integer():
        return str(int(value))
    return f"{Decimal(repr(value)):f}"
