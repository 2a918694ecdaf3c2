"""``okrsite build``: load → score → render → write, refusing to publish errors.

Everything is gathered and scored before anything is rendered, and nothing is
written unless the whole portfolio is free of errors (and of warnings with
``strict``); a failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from okrsite.diagnostics import Diagnostic, error
from okrsite.pipeline import LoadResult, ParseCache, load_site
from okrsite.writer import WriteStats, check_output_dir, write_site


@dataclass
class BuildResult:
    ok: bool
    diagnostics: list[Diagnostic]
    load: LoadResult | None
    out_dir: Path | None = None
    stats: WriteStats | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def default_jobs() -> int:
    return min(2, os.cpu_count() or 1)


def render(load: LoadResult, site_root: Path, jobs: int | None = None) -> dict[str, bytes]:
    """Render every file of the site in memory (no disk writes)."""
    from okrsite.render import render_site

    return render_site(load.scored, load.config, site_root, jobs=jobs or default_jobs())


def template_diagnostic(exc: jinja2.TemplateError, site_root: Path) -> Diagnostic:
    """A theme or template-override mistake, located in the template file."""
    file = getattr(exc, "filename", None)
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
        line=getattr(exc, "lineno", None),
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
) -> BuildResult:
    started = time.perf_counter()
    timings: dict[str, float] = {}
    site_root = Path(site_root)
    load = load_site(site_root, as_of, cache=cache, jobs=jobs or default_jobs())
    timings["load"] = time.perf_counter() - started
    if load.failed(strict):
        return BuildResult(False, load.diagnostics, load, seconds=time.perf_counter() - started)
    out = Path(out_dir) if out_dir is not None else site_root / load.config.output_dir
    if not out.is_absolute():
        out = Path.cwd() / out
    check_output_dir(out, site_root, site_root / load.config.content_dir)
    t = time.perf_counter()
    try:
        files = render(load, site_root, jobs)
    except (jinja2.TemplateError, ValueError) as exc:
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
    timings["render"] = time.perf_counter() - t
    t = time.perf_counter()
    stats = write_site(files, out, clean=clean, progress=progress)
    timings["write"] = time.perf_counter() - t
    return BuildResult(
        True,
        load.diagnostics,
        load,
        out_dir=out,
        stats=stats,
        files=files,
        seconds=time.perf_counter() - started,
        timings=timings,
    )
