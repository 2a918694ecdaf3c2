"""``okrsite build``: load → score → render → write, refusing to publish errors.

Everything is gathered and scored before anything is rendered, and nothing is
written unless the whole portfolio is free of errors (and of warnings with
``strict``); a failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from okrsite.diagnostics import Diagnostic, error
from okrsite.gcpause import paused_gc
from okrsite.history import SiteHistory, current_records, read_history
from okrsite.pipeline import LoadResult, ParseCache, load_site
from okrsite.writer import StagedOutput, WriteStats, check_output_dir


@dataclass
class BuildResult:
    ok: bool
    diagnostics: list[Diagnostic]
    load: LoadResult | None
    out_dir: Path | None = None
    stats: WriteStats | None = None
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def default_jobs() -> int:
    return min(2, os.cpu_count() or 1)


# Set in the parent just before forking, inherited by the render workers.
_FORK_STATE: tuple[Any, StagedOutput] | None = None
PARALLEL_PAGES = 400


def _render_chunk(keys: list[Any] | None) -> tuple[list[str], int, int]:
    """In a forked worker: render these pages (or, for ``None``, the site-wide
    files) and write them into the staging folder."""
    assert _FORK_STATE is not None
    site, staged = _FORK_STATE
    # The collector is paused while rendering (okrsite.gcpause); each chunk
    # ends with a young-generation collection in case a theme's templates do
    # make reference cycles.
    with paused_gc():
        try:
            files = site.render_assets() if keys is None else site.render_pages(keys)
            written, unchanged = staged.write(files)
        finally:
            gc.collect(1)
    return list(files), written, unchanged


def render_and_write(
    load: LoadResult,
    site_root: Path,
    staged: StagedOutput,
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
    history: SiteHistory | None = None,
) -> tuple[set[str], int, int]:
    """Render every page and write it into ``staged``, in ``jobs`` forked processes.

    Workers inherit the scored portfolio and the compiled templates through
    fork and write their pages themselves, so no page travels between
    processes; only paths and counts come back.
    """
    global _FORK_STATE
    from okrsite.render import SiteRenderer

    site = SiteRenderer(load.scored, load.config, site_root)
    site.history = history
    keys = site.page_keys()
    paths: set[str] = set()
    written = unchanged = 0
    chunks = [keys[i : i + 250] for i in range(0, len(keys), 250)]
    done = 0
    if jobs > 1 and len(keys) >= PARALLEL_PAGES and "fork" in mp.get_all_start_methods():
        _FORK_STATE = (site, staged)
        try:
            with mp.get_context("fork").Pool(jobs) as pool:
                # the site-wide files are one task among the pages
                work: list[Any] = [None, *chunks]
                for names, w, u in pool.imap_unordered(_render_chunk, work):
                    paths.update(names)
                    written, unchanged = written + w, unchanged + u
                    done += len(names)
                    if progress is not None:
                        progress(min(done, len(keys)), len(keys))
        finally:
            _FORK_STATE = None
    else:
        with paused_gc():
            assets = site.render_assets()
            w, u = staged.write(assets)
            written, unchanged = written + w, unchanged + u
            paths.update(assets)
            for chunk in chunks:
                files = site.render_pages(chunk)
                w, u = staged.write(files)
                paths.update(files)
                written, unchanged, done = written + w, unchanged + u, done + len(files)
                gc.collect(1)
                if progress is not None:
                    progress(done, len(keys))
    return paths, written, unchanged


def template_diagnostic(exc: jinja2.TemplateError, site_root: Path) -> Diagnostic:
    """A theme or template-override mistake, located in the template file."""
    file = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    if file is None:
        # a runtime error (an undefined variable, say): Jinja rewrites the
        # traceback so template frames carry the template's file and line
        tb = exc.__traceback__
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if name.endswith((".html", ".xml", ".txt", ".svg")):
                file, line = name, tb.tb_lineno
            tb = tb.tb_next
    if file:
        with contextlib.suppress(ValueError):
            file = Path(file).resolve().relative_to(site_root.resolve()).as_posix()
    if isinstance(exc, jinja2.TemplateNotFound):
        return error(
            "THM001",
            f"template {exc.name!r} was not found in the theme",
            file,
            hint="check the theme name in okrsite.toml and the files in themes/ and templates/",
        )
    return error(
        "THM002",
        f"template error: {exc.message or exc}",
        file,
        line=line,
        hint="fix the template; run okrsite build again to see the page render",
    )


def build_site(
    site_root: Path,
    *,
    out_dir: Path | None = None,
    as_of: date | None = None,
    strict: bool = False,
    clean: bool = False,
    jobs: int | None = None,
    cache: ParseCache | None = None,
    progress: Callable[[int, int], None] | None = None,
    freeze: bool = False,
    history: bool = True,
) -> BuildResult:
    """Build the site. ``freeze`` (for a process that exits after the build)
    moves the loaded portfolio out of the garbage collector's sight, which
    also spares forked render workers copying memory the collector touches."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    site_root = Path(site_root)
    load = load_site(site_root, as_of, cache=cache, jobs=jobs or default_jobs())
    timings["load"] = time.perf_counter() - started
    if freeze:
        gc.freeze()
    if load.failed(strict):
        return BuildResult(False, load.diagnostics, load, seconds=time.perf_counter() - started)
    out = Path(out_dir) if out_dir is not None else site_root / load.config.output_dir
    if not out.is_absolute():
        out = Path.cwd() / out
    check_output_dir(out, site_root, site_root / load.config.content_dir)
    t = time.perf_counter()
    config = load.config if history else replace(load.config, history=False)
    portfolio = load.scored.portfolio
    site_history = read_history(
        site_root, config, portfolio.cycles, jobs or default_jobs(), current_records(portfolio)
    )
    timings["history"] = time.perf_counter() - t
    t = time.perf_counter()
    staged = StagedOutput(out, clean=clean)
    try:
        paths, written, unchanged = render_and_write(
            load, site_root, staged, jobs or default_jobs(), progress, site_history
        )
        timings["render+write"] = time.perf_counter() - t
        stats = staged.commit(paths, written, unchanged)
    except (jinja2.TemplateError, ValueError) as exc:
        staged.abort()
        from okrsite.theme import ThemeError

        if isinstance(exc, jinja2.TemplateError):
            problem = template_diagnostic(exc, site_root)
        elif isinstance(exc, ThemeError):
            problem = error(
                "THM001", str(exc), "okrsite.toml", hint="check theme = … in okrsite.toml"
            )
        else:
            raise
        diags = [*load.diagnostics, problem]
        return BuildResult(False, diags, load, seconds=time.perf_counter() - started)
    except BaseException:
        staged.abort()
        raise
    return BuildResult(
        True,
        load.diagnostics,
        load,
        out_dir=out,
        stats=stats,
        seconds=time.perf_counter() - started,
        timings=timings,
    )
