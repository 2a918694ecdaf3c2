"""``okrsite build``, ``okrsite serve`` and ``okrsite export``: the commands that
turn the goals into the site (or its data).

Kept out of :mod:`okrsite.cli` so the main command module stays small; it
registers these three commands. The rendering, preview and export modules
are imported inside each command, only when it runs.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from okrsite.cli_options import (
    _ENDS_AT_ONCE,
    as_of_option,
    cache_options,
    load_or_exit,
    print_diagnostics,
    resolve_site,
    site_option,
)
from okrsite.diagnostics import summary_line
from okrsite.parse_store import stored_parse_cache
from okrsite.plural import plural

if TYPE_CHECKING:
    from okrsite.preview import Preview


@click.command()
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


@click.command()
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


def _host_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """The ``--allow-host`` names, refused (exit code 2) where one can never
    be a ``Host`` header's name, so a request to it would only ever get 403."""
    from okrsite.server_safety import can_be_allowed

    for name in names:
        if not can_be_allowed(name):
            raise click.BadParameter(
                f"{name!r} is not a host name: write one name of letters, digits, "
                "'.', '-' and '_', without a port (--allow-host mybox.local)",
                param_hint="'--allow-host'",
            )
    return names


@click.command()
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
    callback=lambda _ctx, _param, names: _host_names(names),
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
    import signal
    import threading
    import webbrowser

    from okrsite import serve_signals

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops as Ctrl-C does

    # SIGTERM is answered from the first line on, and the `try` covers the
    # whole start (the import, the build folder, the watchers, the first
    # build): an interrupt at any moment ends in "okrsite: stopped" with the
    # folder removed, never in "Aborted!" or a traceback with it left behind.
    # Only the main thread may set handlers (tests may call serve elsewhere).
    main = threading.current_thread() is threading.main_thread()
    old_term = signal.signal(signal.SIGTERM, terminate) if main else None
    preview: Preview | None = None
    interrupted = False
    try:
        from okrsite.preview import Preview

        root = resolve_site(site)
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(
                f"okrsite: warning: listening on {host}: other machines on your network can see this preview",
                err=True,
            )
        try:
            with serve_signals.held():  # answered once ``preview`` is set
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
        preview.start()
        click.echo(
            f"okrsite: serving {root.name} at {preview.server.url} (Ctrl-C to stop)", err=True
        )
        if open_browser:
            webbrowser.open(preview.server.url)
        # a short wait, not a long one: a signal the kernel hands to another
        # thread (the rebuild's, say) sets Python's flag but does not wake
        # the main thread's wait, which would sleep on through Ctrl-C
        while not stop.wait(0.25):
            pass
    except KeyboardInterrupt:
        interrupted = True
    finally:
        # tabs' event streams close first, a rebuild under way announces
        # nothing, and "stopped" comes after everything else the preview says
        try:
            # a second Ctrl-C: the stop goes on, and after an interrupt the
            # process ends with exit code 0 whatever comes later
            with serve_signals.ignored(for_good=interrupted):
                if preview is not None:
                    preview.stop()
        finally:
            if main and not interrupted:
                signal.signal(signal.SIGTERM, signal.SIG_DFL if old_term is None else old_term)
    if interrupted:
        click.echo("okrsite: stopped", err=True)
