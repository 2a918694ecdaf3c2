"""The ``okrsite`` command line: thin click wrappers over the pipeline.

Exit codes: 0 success, 1 content errors (diagnostics printed), 2 usage errors
(click's own convention for bad options and arguments).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from okrsite import __version__
from okrsite.diagnostics import Diagnostic, format_report, summary_line
from okrsite.pipeline import LoadResult, find_site_root, load_site

F = TypeVar("F", bound=Callable[..., Any])


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-02-15", param, ctx)


DATE = DateType()


def site_option(f: F) -> F:
    return click.option(
        "--site",
        "site",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Site folder (default: the nearest folder with okrsite.toml, or the current folder).",
    )(f)


def as_of_option(f: F) -> F:
    return click.option(
        "--as-of",
        "as_of",
        type=DATE,
        default=None,
        help="Judge the portfolio at this date (default: as_of in okrsite.toml, else today).",
    )(f)


def resolve_site(site: Path | None) -> Path:
    if site is not None:
        if not site.is_dir():
            raise click.UsageError(f"--site {site}: no such folder")
        return site.resolve()
    found = find_site_root(Path.cwd())
    if found is None:
        raise click.UsageError(
            "no okrsite site here: no okrsite.toml in this folder or above it, and no content/ folder. "
            "Run okrsite in your site's folder, pass --site PATH, or create one with 'okrsite init DIR'."
        )
    return found


def print_diagnostics(diags: list[Diagnostic], fmt: str = "text") -> None:
    if not diags:
        return
    report = format_report(diags, fmt)
    if fmt == "text":
        click.echo(report, err=True)
    else:
        click.echo(report)


def load_or_exit(
    site: Path | None, as_of: date | None, strict: bool, fmt: str = "text"
) -> LoadResult:
    """Load the site; on content errors print every diagnostic and exit 1."""
    root = resolve_site(site)
    result = load_site(root, as_of)
    if result.failed(strict):
        print_diagnostics(result.diagnostics, fmt)
        if fmt == "text":
            click.echo(
                f"okrsite: {summary_line(result.diagnostics)}" + (" (--strict)" if strict else ""),
                err=True,
            )
        sys.exit(1)
    return result


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrsite")
def cli() -> None:
    """Build a static site from a folder of OKRs, KPIs, SMART goals and check-ins.

    Run the commands in your site's folder (the one with okrsite.toml and
    content/), or point at it with --site.
    """


@cli.command()
@site_option
@as_of_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for GitHub Actions annotations.",
)
def check(site: Path | None, as_of: date | None, strict: bool, fmt: str) -> None:
    """Validate every goal file without writing anything.

    Prints each problem as file:line:column with a hint, and exits 1 if there
    is any error (or any warning with --strict).
    """
    root = resolve_site(site)
    result = load_site(root, as_of)
    diags = result.diagnostics
    if fmt == "json":
        click.echo(format_report(diags, "json"))
    elif fmt == "github":
        if diags:
            click.echo(format_report(diags, "github"))
    else:
        print_diagnostics(diags)
        p = result.scored.portfolio
        click.echo(
            f"okrsite: checked {result.files_read} files ({len(p.objectives)} objectives, "
            f"{len(p.kpis)} KPIs, {len(p.goals)} goals, {len(p.checkins)} check-ins) "
            f"as of {result.as_of}: {summary_line(diags)}",
            err=True,
        )
    if result.failed(strict):
        sys.exit(1)


@cli.command()
@site_option
@as_of_option
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def export(site: Path | None, as_of: date | None, fmt: str, strict: bool) -> None:
    """Print the scored portfolio (the api/portfolio.json of the site) to stdout.

    CSV has one row per key result with its objective's figures.
    """
    from okrsite.export import portfolio_csv, portfolio_json_text

    result = load_or_exit(site, as_of, strict)
    text = portfolio_csv(result.scored) if fmt == "csv" else portfolio_json_text(result.scored)
    click.echo(text, nl=False)


def main() -> None:
    cli(prog_name="okrsite")
