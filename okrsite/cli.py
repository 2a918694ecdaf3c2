"""The ``okrsite`` command line: thin click wrappers over the pipeline.

Exit codes: 0 success, 1 content errors (diagnostics printed), 2 usage errors
(click's own convention for bad options and arguments).
"""

from __future__ import annotations

import gc
import os
import shlex
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from okrsite import __version__
from okrsite.config import SITE_THEME_FOLDERS
from okrsite.diagnostics import Diagnostic, format_report, summary_line
from okrsite.gcpause import paused_gc
from okrsite.parse_store import StoredParseCache, stored_parse_cache
from okrsite.pipeline import LoadResult, find_site_root, load_site
from okrsite.plural import plural

F = TypeVar("F", bound=Callable[..., Any])


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        from okrsite.limits import EARLIEST_DATE, LATEST_DATE, date_in_range
        from okrsite.written_dates import relative_day

        day = value if isinstance(value, date) else relative_day(str(value))
        if day is None:
            try:
                day = date.fromisoformat(str(value))
            except ValueError:
                self.fail(
                    f"{value!r} is not a date like 2026-02-15 (or today, yesterday)", param, ctx
                )
        if not date_in_range(day):
            self.fail(f"{day} is outside {EARLIEST_DATE} to {LATEST_DATE}", param, ctx)
        return day


DATE: DateType = DateType()


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


def cache_options(f: F) -> F:
    """``--cache-dir`` and ``--no-cache``: where the parse cache between runs lives."""
    f = click.option(
        "--no-cache",
        "no_cache",
        is_flag=True,
        help="Parse every file and leave the cache folder alone (cache = false in okrsite.toml).",
    )(f)
    return click.option(
        "--cache-dir",
        "cache_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Cache folder kept between runs (default: cache_dir of okrsite.toml, .okrsite-cache).",
    )(f)


def one_shot_load(
    root: Path, as_of: date | None, stored: StoredParseCache | None = None
) -> LoadResult:
    """Load for a command that exits afterwards.

    The loaded portfolio lives until the process ends, so its objects are
    moved out of the cyclic garbage collector's sight (``gc.freeze``): a
    collection over millions of objects that can never be garbage costs up
    to a second on a large site.
    """
    with paused_gc():  # frozen before the collector is back: it never walks the load's objects
        result = load_site(root, as_of, cache=stored.cache if stored else None)
        gc.freeze()
    if stored is not None:
        stored.save()
    return result


def load_or_exit(
    site: Path | None, as_of: date | None, strict: bool, fmt: str = "text"
) -> LoadResult:
    """Load the site; on content errors print every diagnostic and exit 1."""
    root = resolve_site(site)
    result = one_shot_load(root, as_of)
    if result.failed(strict):
        print_diagnostics(result.diagnostics, fmt)
        if fmt == "text":
            click.echo(
                f"okrsite: {summary_line(result.diagnostics)}" + (" (--strict)" if strict else ""),
                err=True,
            )
        sys.exit(1)
    return result


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
@cache_options
def check(
    site: Path | None,
    as_of: date | None,
    strict: bool,
    fmt: str,
    cache_dir: Path | None,
    no_cache: bool,
) -> None:
    """Validate every goal file; writes nothing but its parse cache.

    Prints each problem as file:line:column with a hint, and exits 1 if there
    is any error (or any warning with --strict).
    """
    _ENDS_AT_ONCE.append(True)
    root = resolve_site(site)
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
    diags = result.diagnostics
    if fmt == "json":
        click.echo(format_report(diags, "json"))
    elif fmt == "github":
        if diags:  # annotations name files from the repository's top (goals/content/…)
            from okrsite.gitsource import site_prefix

            click.echo(format_report(diags, "github", site_prefix(root)))
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


class _ProgressBar:
    """click's progress bar for writing a large site; silent for small ones."""

    def __init__(self, threshold: int = 2000) -> None:
        self.threshold = threshold
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.threshold:
                return
            self.bar = click.progressbar(
                length=total, label="okrsite: writing", file=sys.stderr, show_eta=False
            )
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@cli.command()
@site_option
@as_of_option
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: output_dir of okrsite.toml, _site).",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--clean", is_flag=True, help="Rewrite every file instead of keeping unchanged ones.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: up to 2).",
)
@cache_options
@click.option(
    "--no-history",
    is_flag=True,
    help="Do not read the git history (same as history = false in okrsite.toml).",
)
def build(
    site: Path | None,
    as_of: date | None,
    out: Path | None,
    strict: bool,
    clean: bool,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    no_history: bool,
) -> None:
    """Build the static site.

    On any error, prints every diagnostic, exits 1 and leaves the previous
    output folder exactly as it was.
    """
    from okrsite.build import build_site

    _ENDS_AT_ONCE.append(True)
    root = resolve_site(site)
    stored = stored_parse_cache(root, cache_dir, not no_cache)
    if stored is not None:
        stored.print_scores = True  # the page cache reads them (okrsite.value_prints)
    bar = _ProgressBar() if sys.stderr.isatty() else None
    try:
        result = build_site(
            root,
            out_dir=out,
            as_of=as_of,
            strict=strict,
            clean=clean,
            jobs=jobs,
            cache=stored.cache if stored else None,
            progress=bar,
            freeze=True,
            history=not no_history,
            cache_dir=cache_dir,
            history_cache=not no_cache,
            meanwhile=stored.save if stored else None,
        )
    finally:
        if bar is not None:
            bar.close()
    if stored is not None and not result.meanwhile_done:
        stored.save()  # saved already, unless the build stopped early
    print_diagnostics(result.diagnostics)
    if not result.ok:
        click.echo(
            f"okrsite: build failed, {summary_line(result.diagnostics)}"
            + (" (--strict)" if strict else "")
            + "; the previous output was left untouched",
            err=True,
        )
        sys.exit(1)
    assert result.stats is not None and result.load is not None and result.out_dir is not None
    stats = result.stats
    try:
        shown = result.out_dir.relative_to(Path.cwd())
    except ValueError:
        shown = result.out_dir
    click.echo(
        f"okrsite: built {plural(stats.total, 'file')} into {shown}/ "
        f"from {plural(result.load.files_read, 'source file')} "
        f"({stats.written} written, {stats.unchanged} unchanged) as of {result.load.as_of}, "
        f"{summary_line(result.diagnostics)}, {result.seconds:.2f} s",
        err=True,
    )


@cli.command()
@site_option
@as_of_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    "-p",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0: any free port).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the default browser.")
@click.option("--poll", is_flag=True, help="Poll for changes (network and container file systems).")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests addressed to this host name (repeatable); "
    "others than localhost and IP addresses get 403.",
)
def serve(
    site: Path | None,
    as_of: date | None,
    host: str,
    port: int,
    open_browser: bool,
    poll: bool,
    allow_hosts: tuple[str, ...],
) -> None:
    """Preview the site: rebuild on every save and reload the browser.

    Builds into a private temporary folder (never _site/), serves it on
    127.0.0.1, and shows errors in the page instead of stopping. Ctrl-C stops.
    """
    import threading
    import webbrowser

    from okrsite.preview import Preview

    root = resolve_site(site)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"okrsite: warning: listening on {host}: other machines on your network can see this preview",
            err=True,
        )
    try:
        preview = Preview(
            root,
            host=host,
            port=port,
            as_of=as_of,
            poll=poll,
            echo=lambda m: click.echo(m, err=True),
            allowed_hosts=allow_hosts,
        )
    except OSError as exc:
        raise click.UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; try --port 0"
        ) from None
    stop = threading.Event()
    try:
        preview.start()
        click.echo(
            f"okrsite: serving {root.name} at {preview.server.url} (Ctrl-C to stop)", err=True
        )
        if open_browser:
            webbrowser.open(preview.server.url)
        while not stop.wait(3600):
            pass
    except KeyboardInterrupt:
        click.echo("okrsite: stopped", err=True)
    finally:
        preview.stop()


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a site in DIRECTORY with a small sample portfolio that builds at once.

    DIRECTORY may be new, empty, or an existing repository that holds only
    dot-files (.git), a README and a LICENSE (okrsite init .). Nothing is
    overwritten.
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


@cli.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@site_option
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "text", "json"]),
    default="markdown",
    show_default=True,
    help="markdown for a PR comment, text for a terminal, json for scripts.",
)
@click.option(
    "--fail-on",
    "fail_on",
    default="errors",
    show_default=True,
    metavar="RULES",
    # the rules of okrsite.diff.RULES, named here so --help does not import the diff
    help="Comma list of errors, less-ambitious, removed-key-result, reparented, "
    "ended-cycle (or none): exit 1 when one of them is found.",
)
@click.option(
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of stdout.",
)
def diff(
    base: str | None,
    head: str | None,
    site: Path | None,
    as_of: date | None,
    fmt: str,
    fail_on: str,
    output: Path | None,
) -> None:
    """Report what a change does to the goals, between two git revisions.

    BASE defaults to the merge base with the default branch, HEAD to the
    working tree. Both are scored at the same date. See docs/diff.md.
    """
    from okrsite.diff import parse_rules
    from okrsite.diff_report import run_diff

    try:
        rules = parse_rules(fail_on)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--fail-on") from exc
    sys.exit(run_diff(resolve_site(site), base, head, as_of, fmt, rules, output))


@cli.command()
@click.argument("from_cycle", metavar="FROM")
@click.argument("to_cycle", metavar="TO")
@click.option(
    "--all", "every", is_flag=True, help="Carry every objective (not dropped), finished or not."
)
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@site_option
@as_of_option
def carry(
    from_cycle: str,
    to_cycle: str,
    every: bool,
    dry_run: bool,
    site: Path | None,
    as_of: date | None,
) -> None:
    """Write the unfinished objectives of cycle FROM into cycle TO as drafts.

    Unfinished: missed, or (while FROM still runs) not done. Each unfinished
    key result starts at its last value. Never overwrites a file, never
    aligns a draft to an objective left behind in FROM. See docs/review.md.
    """
    from okrsite.carry import (
        CarryError,
        carry_cycles,
        names_as_written,
        plan_carry,
        write_carry,
    )

    result = load_or_exit(site, as_of, strict=False)
    root = resolve_site(site)
    content_dir = result.config.content_dir
    try:
        start, to = carry_cycles(
            result.scored.portfolio, from_cycle, to_cycle, result.config.cycles
        )
        written = names_as_written(
            root, result.scored.portfolio, start.name, content_dir, result.config.language
        )
        plan = plan_carry(
            result.scored, start.name, to.name, content_dir, every, result.config.cycles, written
        )
    except CarryError as exc:
        raise click.UsageError(str(exc)) from None
    if not plan:
        click.echo(f"okrsite: nothing to carry from {start.name}")
        return
    existing = {oid: o.carried_from for oid, o in result.scored.portfolio.objectives.items()}
    outcome = write_carry(root, content_dir, plan, existing, dry_run=dry_run)
    for item in outcome.written:
        krs = ", ".join(item.key_results) or "no key results"
        verb = "would write" if dry_run else "wrote"
        click.echo(f"{verb} {item.rel} (from {item.source}; {krs})")
        if dry_run:
            click.echo(item.text, nl=False)
    for item in outcome.written:
        note = item.note(to.name)
        if note:
            click.echo(f"note: {note}", err=True)
    for item, why in (*outcome.already, *outcome.conflicts):
        click.echo(f"skipped {item.rel}: {why}", err=True)
    if dry_run:
        click.echo(
            f"okrsite: would carry {len(outcome.written)} of {plural(len(plan), 'objective')} "
            f"into {to.name} as drafts (dry run: nothing written)"
        )
    else:
        click.echo(
            f"okrsite: carried {len(outcome.written)} of {plural(len(plan), 'objective')} "
            f"into {to.name} as drafts; review them and set status: active"
        )
    if outcome.conflicts:
        sys.exit(1)


@cli.command()
@site_option
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Exit 1 when the committed CODEOWNERS differs from what the goals call for (for CI).",
)
@click.option(
    "--platform",
    type=click.Choice(["github", "gitlab"]),
    default=None,
    help="Whose handles to use (default: gitlab when repo_url names GitLab, else github).",
)
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The CODEOWNERS file to check (default: where the platform looks for it).",
)
def codeowners(
    site: Path | None, check_only: bool, platform: str | None, file: Path | None
) -> None:
    """Print a CODEOWNERS file giving each goal file to its owner and team.

    Handles come from github:/gitlab: in person and team files. Write it with
    okrsite codeowners > .github/CODEOWNERS; see docs/ci/README.md.
    """
    from okrsite import codeowners as co
    from okrsite.gitsource import GitError, find_site

    result = load_or_exit(site, None, False)
    root = resolve_site(site)
    try:
        found = find_site(root)
        toplevel, prefix = found.toplevel, found.prefix
    except GitError:
        toplevel, prefix = root, ""
    chosen: co.Platform = (
        "gitlab"
        if platform == "gitlab"
        else "github"
        if platform
        else co.platform_of(result.config.repo_url)
    )
    text = co.codeowners_text(result.scored.portfolio, chosen, prefix)
    if not check_only:
        click.echo(text, nl=False)
        return
    target = file if file is not None else co.find_committed(toplevel, chosen)
    if target is None or not target.is_file():

        def shown(path: Path) -> str:
            # the platform reads CODEOWNERS at the repository's top, which for
            # a site in a subfolder is not the folder the command runs in
            return os.path.relpath(path) if path.is_absolute() else str(path)

        places = [toplevel / rel for rel in co.LOCATIONS[chosen]]
        where = shown(target) if target is not None else " or ".join(map(shown, places))
        click.echo(
            f"okrsite: no CODEOWNERS file ({where}); write one with: "
            f"okrsite codeowners > {shown(target or places[0])}",
            err=True,
        )
        sys.exit(1)
    committed = target.read_text("utf-8", errors="replace")
    if committed != text:
        click.echo(co.difference(committed, text, str(target)), nl=False)
        click.echo(
            f"okrsite: {target} is out of date; regenerate it with: okrsite codeowners > {target}",
            err=True,
        )
        sys.exit(1)
    click.echo(f"okrsite: {target} is up to date", err=True)


#: set by the commands whose process may end without freeing what they
#: made (:func:`okrsite.lifecycle.exit_now`): ``build`` and ``check``, which
#: finish their work and leave no thread or worker behind; ``serve`` and the
#: others end as Python ends
_ENDS_AT_ONCE: list[bool] = []


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
