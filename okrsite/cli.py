"""The ``okrsite`` command line: thin click wrappers over the pipeline.

Exit codes: 0 success, 1 content errors (diagnostics printed), 2 usage errors
(click's own convention for bad options and arguments).

This module holds the command group, ``check``, ``init`` and :func:`main`;
the site commands are in :mod:`okrsite.cli_site`, the review commands in
:mod:`okrsite.cli_review` (both registered below), the data-in and
authoring commands in :mod:`okrsite.cli_data_in` and
:mod:`okrsite.authoring_cli` (imported only when used), and the options
they share in :mod:`okrsite.cli_options`.
"""

from __future__ import annotations

import shlex
import sys
from datetime import date
from pathlib import Path

import click

from okrsite import __version__
from okrsite.cli_options import _ENDS_AT_ONCE as _ENDS_AT_ONCE
from okrsite.cli_options import DATE as DATE
from okrsite.cli_options import DateType as DateType
from okrsite.cli_options import F as F
from okrsite.cli_options import as_of_option as as_of_option
from okrsite.cli_options import cache_options as cache_options
from okrsite.cli_options import load_or_exit as load_or_exit
from okrsite.cli_options import one_shot_load as one_shot_load
from okrsite.cli_options import print_diagnostics as print_diagnostics
from okrsite.cli_options import resolve_site as resolve_site
from okrsite.cli_options import site_option as site_option
from okrsite.cli_review import carry as carry
from okrsite.cli_review import codeowners as codeowners
from okrsite.cli_review import diff as diff
from okrsite.cli_site import _ProgressBar as _ProgressBar
from okrsite.cli_site import build as build
from okrsite.cli_site import export as export
from okrsite.cli_site import serve as serve
from okrsite.config import SITE_THEME_FOLDERS
from okrsite.diagnostics import format_report, summary_line
from okrsite.parse_store import stored_parse_cache
from okrsite.plural import plural
from okrsite.theme_find import missing_theme


class CommandGroup(click.Group):
    """The command group, with the commands that live in modules of their own
    imported only when they run (or ``--help`` lists them).

    ``okrsite check`` after one edit takes well under a second on a large
    site, and importing the authoring and data-import modules (YAML writers,
    scaffolding) would be a noticeable part of it.
    """

    #: command name: (module, attribute)
    elsewhere = {
        "new": ("okrsite.authoring_cli", "new"),
        "checkin": ("okrsite.authoring_cli", "checkin"),
        "import": ("okrsite.cli_data_in", "import_command"),
        "pull": ("okrsite.cli_data_in", "pull_command"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.elsewhere})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in self.elsewhere:
            import importlib

            module, attribute = self.elsewhere[cmd_name]
            found = getattr(importlib.import_module(module), attribute)
            self.add_command(found, cmd_name)
        return found


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="okrsite")
def cli() -> None:
    """Build a static site from a folder of OKRs, KPIs, SMART goals and check-ins.

    Run the commands in your site's folder (the one with okrsite.toml and
    content/), or point at it with --site.
    """


# the site and review commands: their modules are imported with this one (they
# import only what it does; each command imports its heavy modules as it runs)
cli.add_command(build)
cli.add_command(carry)
cli.add_command(codeowners)
cli.add_command(diff)
cli.add_command(export)
cli.add_command(serve)


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
@click.option(
    "--changed-from",
    "changed_from",
    metavar="BASE",
    default=None,
    help="With --format github: annotate first the findings in files changed since "
    "HEAD forked from BASE (git diff BASE...HEAD), e.g. origin/main.",
)
@cache_options
def check(
    site: Path | None,
    as_of: date | None,
    strict: bool,
    fmt: str,
    changed_from: str | None,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Validate every goal file; writes nothing but its parse cache.

    Prints each problem as file:line:column with a hint, and exits 1 if there
    is any error (or any warning with --strict).
    """
    _ENDS_AT_ONCE.append(True)
    root = resolve_site(site)
    changed = _changed_files(root, changed_from, fmt)
    result = one_shot_load(root, as_of, stored_parse_cache(root, cache_dir, not no_cache))
    # the site's own theme files (templates, static files, catalogues): what
    # build would refuse, check refuses too (the rendering modules imported
    # only then: a third of a second of a check after an edit)
    if any((root / name).is_dir() for name in SITE_THEME_FOLDERS):
        from okrsite.build import site_theme_problems
        from okrsite.diagnostics import sorted_diagnostics

        themed = site_theme_problems(result.config, root)
        if themed:
            result.diagnostics = sorted_diagnostics([*result.diagnostics, *themed])
    else:  # a theme named in okrsite.toml must be found, as build requires
        missing = missing_theme(result.config, root)
        if missing is not None:
            from okrsite.diagnostics import sorted_diagnostics

            result.diagnostics = sorted_diagnostics([*result.diagnostics, missing])
    diags = result.diagnostics
    if fmt == "json":
        click.echo(format_report(diags, "json"))
    elif fmt == "github":
        if diags:  # annotations name files from the repository's top (goals/content/…)
            # repo_folder says it where git cannot (a checkout of another user)
            folder = result.config.repo_folder
            prefix = _annotation_prefix(root) if folder is None else f"{folder.strip('/')}/"
            from okrsite.github_annotations import annotation_lines

            click.echo("\n".join(annotation_lines(diags, prefix.lstrip("/"), changed)))
    else:
        print_diagnostics(diags)
        objectives, kpis, goals, checkins = result.counts
        click.echo(
            f"okrsite: checked {plural(result.files_read, 'file')} "
            f"({plural(objectives, 'objective')}, {plural(kpis, 'KPI')}, "
            f"{plural(goals, 'goal')}, {plural(checkins, 'check-in')}) "
            f"as of {result.as_of}: {summary_line(diags)}",
            err=True,
        )
    if result.failed(strict):
        sys.exit(1)


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a site in DIRECTORY with a small sample portfolio that builds at once.

    DIRECTORY may be new, empty, or an existing folder, such as the
    repository you keep goals in (okrsite init .), that has no okrsite.toml
    and no content/ folder yet: init writes only those (and a .gitignore
    where there is none), so nothing is overwritten.
    """
    from okrsite.scaffold import ScaffoldError, init_site

    try:
        written = init_site(directory)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"okrsite: created {plural(len(written), 'file')} in {directory}/")
    ignore = directory / ".gitignore"
    if ".gitignore" not in written and "_site" not in ignore.read_text(errors="replace"):
        click.echo("note: add the line '_site/' to your .gitignore (the built site)")
    where = "" if directory.resolve() == Path.cwd() else f"cd {shlex.quote(str(directory))} && "
    click.echo(f"next: {where}okrsite serve   (or okrsite build)")


def _changed_files(root: Path, changed_from: str | None, fmt: str) -> frozenset[str] | None:
    """The site's files HEAD changed since ``changed_from`` (``None`` when not
    asked); a usage error (exit 2) for it without ``--format github`` or
    for a revision git cannot find, saying what to fetch."""
    if changed_from is None:
        return None
    if fmt != "github":
        raise click.UsageError("--changed-from orders annotations: use it with --format github")
    from okrsite.github_annotations import changed_in_site
    from okrsite.gitsource import GitError

    try:
        return changed_in_site(root, changed_from)
    except GitError as exc:
        raise click.UsageError(f"--changed-from: {exc}") from None


def _annotation_prefix(root: Path) -> str:
    """The site's folder in its repository, which GitHub annotations name files
    from. Where git refuses to read the repository (a CI checkout of another
    user: "dubious ownership") the folder is unknown: the annotations name
    files from the site's folder, and one annotation of its own says so and
    what to do, instead of pinning them, silently, on paths that do not exist."""
    from okrsite.diagnostics import _gh_data
    from okrsite.gitsource import GitError, NotInRepository, find_site

    try:
        return find_site(root).prefix
    except NotInRepository:
        return ""
    except (GitError, OSError) as exc:
        reason = " ".join(str(exc).split())
        click.echo(
            "::warning title=okrsite::"
            + _gh_data(
                "git cannot read the repository, so these annotations name files from the "
                f"site's folder, not the repository's top ({reason}); set repo_folder in "
                "okrsite.toml, or trust the checkout with git config --global --add "
                "safe.directory <path>"
            )
        )
        return ""


def main() -> None:
    """The ``okrsite`` command: :data:`cli`, then, after ``build`` or ``check``,
    :func:`okrsite.lifecycle.exit_now`."""
    from okrsite.lifecycle import exit_now, interrupt_on_sigterm

    interrupt_on_sigterm()  # SIGTERM cleans up (staging, the preview's folder) as Ctrl-C does
    try:
        cli(prog_name="okrsite")
    except SystemExit as stop:  # click's way out, with the exit code
        if _ENDS_AT_ONCE:
            exit_now(stop.code)
        raise
