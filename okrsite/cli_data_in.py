"""``okrsite import`` and ``okrsite pull``: the commands that bring data in.

Kept out of :mod:`okrsite.cli` so the main command module stays small; it
registers these two commands.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from okrsite.cli import DATE, print_diagnostics, resolve_site, site_option
from okrsite.diagnostics import summary_line

FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
}


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

    root = resolve_site(site)
    fmt = fmt or FORMATS.get(file.suffix.lower())
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
            + ", ".join(repr(c) for c in result.ignored_columns)
            + " (read one as a field with --map 'COLUMN=FIELD')",
            err=True,
        )
    # warnings too: a value the import leaves out is said, never dropped silently
    print_diagnostics(result.diagnostics)
    if not result.ok:
        click.echo(
            f"okrsite: import failed, {summary_line(result.diagnostics)}; nothing was written",
            err=True,
        )
        sys.exit(1)
    for rel in result.skipped:
        click.echo(f"okrsite: skipped {rel}: it already exists (never overwritten)", err=True)
    if dry_run:
        for planned in result.files:
            click.echo(f"# would write {planned.rel}\n{planned.text}")
        click.echo(
            f"okrsite: dry run: {len(result.files)} files would be written, "
            f"{len(result.skipped)} skipped",
            err=True,
        )
        return
    try:
        write_planned(root, result.files)
    except OSError as exc:
        click.echo(f"okrsite: import failed: {exc}; nothing was written", err=True)
        sys.exit(1)
    for planned in result.files:
        click.echo(f"okrsite: wrote {planned.rel}")
    click.echo(
        f"okrsite: imported {len(result.files)} files, {len(result.skipped)} skipped; "
        "next: okrsite check",
        err=True,
    )


@click.command("pull")
@click.option("--source", "only", default=None, metavar="NAME", help="Run only this source.")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option(
    "--update", is_flag=True, help="Replace a value the site has for a date with the source's."
)
@site_option
def pull_command(only: str | None, dry_run: bool, update: bool, site: Path | None) -> None:
    """Fetch dated values from the [[sources]] of okrsite.toml into KPI data and check-ins.

    Exits 1 if any source failed (the others still run). See docs/pull.md.
    """
    from okrsite.pull import pull_sources
    from okrsite.pull_sources import read_sources

    root = resolve_site(site)
    if only is not None:
        raw = (root / "okrsite.toml").read_bytes() if (root / "okrsite.toml").is_file() else None
        names = [s.name for s in read_sources(raw.decode("utf-8", "replace") if raw else None)[0]]
        if only not in names:
            raise click.UsageError(
                f"no source named {only!r} in okrsite.toml"
                + (f" (sources: {', '.join(names)})" if names else "")
            )
    outcomes, problems = pull_sources(root, only=only, dry_run=dry_run, update=update)
    for problem in problems:
        click.echo(f"okrsite.toml: error PULL001: {problem}", err=True)
    if not outcomes and not problems:
        click.echo("okrsite: no [[sources]] in okrsite.toml; see docs/pull.md", err=True)
    verb = "would write" if dry_run else "wrote"
    for o in outcomes:
        if o.error:
            click.echo(
                f"okrsite: source {o.name!r} failed: {o.error}; nothing changed for it", err=True
            )
            continue
        for day, value in o.added:
            click.echo(f"{o.name}: {day} {value:g} (new)")
        for day, old, value in o.updated:
            click.echo(f"{o.name}: {day} {old:g} -> {value:g} (updated)")
        for day, old, value in o.changed:
            click.echo(
                f"{o.name}: {day} has {old:g}, the source says {value:g}"
                + ("" if update else " (not changed; --update replaces it)")
            )
        for note in o.notes:
            click.echo(f"{o.name}: {note}", err=True)
        for rel in o.files:
            click.echo(f"okrsite: {verb} {rel}", err=True)
        if not o.files:
            click.echo(
                f"okrsite: source {o.name!r}: nothing new ({o.unchanged} values already there)",
                err=True,
            )
    failed = sum(1 for o in outcomes if o.error) + len(problems)
    if failed:
        click.echo(f"okrsite: pull: {failed} source(s) failed", err=True)
        sys.exit(1)
