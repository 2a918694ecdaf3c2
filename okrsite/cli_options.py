"""What the ``okrsite`` commands share: their common options and the site's one-shot load.

``--site``, ``--as-of``, ``--cache-dir``/``--no-cache``, finding the site,
printing diagnostics, loading for a command that exits afterwards, and the
flag of the commands that may end the process at once. Split from
:mod:`okrsite.cli` so the commands in modules of their own
(:mod:`okrsite.cli_site`, :mod:`okrsite.cli_review`) use them without
importing :mod:`okrsite.cli`, which imports those modules to register their
commands.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from okrsite.diagnostics import Diagnostic, format_report, summary_line
from okrsite.gcpause import paused_gc
from okrsite.parse_store import StoredParseCache
from okrsite.path_probe import name_too_long
from okrsite.pipeline import LoadResult, find_site_root, load_site

F = TypeVar("F", bound=Callable[..., Any])


class DateType(click.ParamType):  # type: ignore[type-arg]
    """``--as-of`` (and ``import --date``): a day as okrsite.toml's ``as_of``
    takes it (:func:`okrsite.written_dates.read_date`: ``2026-11-24``,
    ``24.11.2026``, ``Nov 24, 2026``), so a date the setting accepts is never
    refused on the command line; there only, ``today`` and ``yesterday`` too."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        from okrsite.limits import EARLIEST_DATE, LATEST_DATE, date_in_range
        from okrsite.parse_messages import shown_value
        from okrsite.written_dates import read_date, relative_day, year_last_readings

        day = value if isinstance(value, date) else relative_day(str(value))
        if day is None:
            day = read_date(str(value))
        if day is None:
            readings = year_last_readings(str(value).strip())
            if len(readings) > 1:  # 03/01/2026: the 3rd of January, or March 1st?
                first, second = readings
                self.fail(
                    f"{shown_value(value)} names two days: {first.day} {first:%B %Y} (day first) or "
                    f"{second:%B} {second.day}, {second.year} (month first); write the one "
                    f"you mean as {first} or {second}",
                    param,
                    ctx,
                )
            self.fail(
                f"{shown_value(value)} is not a date like 2026-02-15 or 15.02.2026 (or today, yesterday)",
                param,
                ctx,
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
        try:  # a name too long for a folder is none, not asked (ENAMETOOLONG)
            folder = not name_too_long(str(site)) and site.is_dir()
        except OSError as exc:
            raise click.UsageError(f"--site {site}: {exc.strerror or exc}") from None
        if not folder:
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
    """``--cache-dir`` and ``--no-cache``: where the parse cache between runs
    lives. The command refuses, before anything opens the cache, a cache
    folder that lies through a link in the site leading out of it
    (:func:`refuse_linked_cache`)."""

    command = f

    @functools.wraps(command)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("no_cache"):
            refuse_linked_cache(kwargs.get("site"), kwargs.get("cache_dir"))
        return command(*args, **kwargs)

    f = cast(F, checked)
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


def refuse_linked_cache(site: Path | None, cache_dir: Path | None) -> None:
    """Exit 1 with one line when the cache folder (``--cache-dir``, else
    ``cache_dir`` of okrsite.toml) lies through a link inside the site that
    leads out of it: a committed ``.okrsite-cache -> /elsewhere`` would have
    ``check`` and ``build`` write their caches there, and remove what looks
    like their old temporary files. Asked before the cache is opened; a site
    that cannot be found or a cache that is off is the command's to handle."""
    try:
        root = resolve_site(site)
    except click.UsageError:
        return
    from okrsite.pipeline import read_config
    from okrsite.pipeline_files import FileTree
    from okrsite.writer import linked_out

    if cache_dir is None:
        config, problems = read_config(FileTree(root))
        if not config.cache or problems:
            return
        cache_dir = root / config.cache_dir
    problem = linked_out("cache folder", cache_dir, root, "--cache-dir")
    if problem is not None:
        raise click.ClickException(problem)


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


#: set by the commands whose process may end without freeing what they
#: made (:func:`okrsite.lifecycle.exit_now`): ``build`` and ``check``, which
#: finish their work and leave no thread or worker behind; ``serve`` and the
#: others end as Python ends
_ENDS_AT_ONCE: list[bool] = []
