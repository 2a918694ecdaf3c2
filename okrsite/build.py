"""``okrsite build``: load → score → render → write, refusing to publish errors.

Everything is gathered and scored before anything is rendered, and nothing is
written unless the whole portfolio is free of errors (and of warnings with
``strict``); a failed build leaves the previous output exactly as it was.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from okrsite.config import CONFIG_FILE, SiteConfig, setting_line
from okrsite.diagnostics import Diagnostic, sorted_diagnostics
from okrsite.fork_pool import run_apart, wait_apart
from okrsite.gcpause import paused_gc
from okrsite.history import HistoryReader, current_records, with_repo_folder
from okrsite.history_unread import history_unread
from okrsite.kept_pieces import MARKDOWN_FOLDER, KeptPieces
from okrsite.page_cache import PageCache
from okrsite.parse_store import cache_folder_problem
from okrsite.pipeline import FileTree, LoadResult, ParseCache, load_site
from okrsite.render import SiteRenderer
from okrsite.render_plan import (
    forks_workers,
    render_and_write,
    render_diagnostic,
    template_diagnostic,
)
from okrsite.static_links import static_link_problems
from okrsite.template_macros import missing_macros
from okrsite.theme import Theme, ThemeError, load_theme
from okrsite.theme_required import missing_templates
from okrsite.theme_toml import unknown_key_warnings
from okrsite.value_prints import parsed_records, printed_before_forking
from okrsite.writer import (
    MARKER,
    OutputError,
    StagedOutput,
    WriteStats,
    check_output_dir,
    linked_out,
    read_folders,
)


@dataclass
class BuildResult:
    """What one build did: its findings, the portfolio it loaded and what it wrote."""

    ok: bool
    diagnostics: list[Diagnostic]
    load: LoadResult | None
    out_dir: Path | None = None
    stats: WriteStats | None = None
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    #: ``meanwhile`` was done (in this process, or in a child waited for)
    meanwhile_done: bool = False


#: what a build for a process that ends after it (``freeze``) does not free
_LEFT_TO_EXIT: list[object] = []


def default_jobs() -> int:
    return min(2, os.cpu_count() or 1)


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
    cache_dir: Path | None = None,
    history_cache: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> BuildResult:
    """Build the site. ``freeze`` (for a process that exits after the build)
    moves the loaded portfolio out of the garbage collector's sight, which
    also spares forked render workers copying memory the collector touches.
    ``cache_dir`` (``--cache-dir``) is where the history read from git is
    kept, beside the parse cache (default: ``cache_dir`` of okrsite.toml);
    ``history_cache`` false (``--no-cache``) neither reads nor writes it.
    ``meanwhile`` is work for this process once the load is done (``okrsite
    build`` saves the parse cache): done while forked workers render pages,
    where there are any, so that it does not add to the build's time; with
    ``freeze`` and pages to render in this process alone (after an edit), in
    a forked child while they render, waited for before the build returns
    (``BuildResult.meanwhile_done``); else after rendering. It is not done
    when the build stops early."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    site_root = Path(site_root)
    with paused_gc():  # frozen before the collector is back: it never walks the load's objects
        load = load_site(site_root, as_of, cache=cache, jobs=jobs or default_jobs())
        if not load.failed(strict):
            _ = load.scored  # a load answered from the cache reads its portfolio now, gc paused
        if freeze:
            gc.freeze()
    timings["load"] = time.perf_counter() - started
    if load.failed(strict):  # with what the theme's files say: every error in one run
        found = sorted_diagnostics(
            [*load.diagnostics, *site_theme_problems(load.config, site_root)]
        )
        return BuildResult(False, found, load, seconds=time.perf_counter() - started)
    out = Path(out_dir) if out_dir is not None else site_root / load.config.output_dir
    if not out.is_absolute():
        out = Path.cwd() / out
    # The theme is loaded before anything is written: its folders are ones the
    # output may not overlap, and its refused static files and templates stop
    # the build with their diagnostics.
    try:
        theme = load_theme(load.config.theme, site_root)
    except ThemeError as exc:
        problem = render_diagnostic(exc, site_root)
        assert problem is not None
        return BuildResult(False, [*load.diagnostics, problem], load)
    named = "--out" if out_dir is not None else "output_dir in okrsite.toml"
    check_output_dir(out, site_root, read_folders(site_root, load.config, theme), named)
    if history_cache and load.config.cache:  # the caches' folder may not meet --out either
        folder = cache_dir if cache_dir is not None else site_root / load.config.cache_dir
        overlap = linked_out("cache folder", folder, site_root, "--cache-dir")
        overlap = overlap or cache_folder_problem(folder, site_root, load.config, out)
        if overlap is not None:
            raise OutputError(overlap)
    refused = theme_problems(theme, load.config, site_root)
    if any(d.is_error for d in refused) or (strict and refused):
        return BuildResult(False, sorted_diagnostics([*load.diagnostics, *refused]), load)
    t = time.perf_counter()
    config = load.config if history else replace(load.config, history=False)
    portfolio = load.scored.portfolio
    reader = HistoryReader(
        site_root, config, portfolio.cycles, jobs or default_jobs(), cache_dir, history_cache
    )
    reader.keep_spent = freeze
    reader.save_later = True  # saved while the pages render (``side`` below)
    with paused_gc():
        site_history = reader.read(current_records(portfolio))
        if freeze:  # as for the load: the history's objects out of the collector's sight
            # before the collector is back: enabled first, its next pass walked
            # every object the read made (0.6 s at 10,000 objectives)
            gc.freeze()
            # and the reader's per-commit events (millions of small objects, freed
            # one by one in half a second at 10,000 objectives) left to the end of
            # the process, which ends without freeing them (lifecycle.exit_now)
            _LEFT_TO_EXIT.append(reader)
    refused = [*refused, *history_unread(site_history, site_root)]
    if strict and refused:  # before anything is written, as for the theme's warnings
        return BuildResult(False, sorted_diagnostics([*load.diagnostics, *refused]), load)
    timings["history"] = time.perf_counter() - t
    site_config = with_repo_folder(load.config, site_root, reader)
    t = time.perf_counter()
    staged = StagedOutput(out, clean=clean)
    side = _Once(_both(meanwhile, reader.save_pending), apart=freeze)
    use_cache = history_cache and load.config.cache
    if cache is not None and use_cache:  # records printed by their parse's hash
        parsed_records(((d, pf.record) for d, pf in cache.by_digest.items()), cache.key)
    try:
        # The collector stays paused from the view model to the saved cache,
        # not only while pages render: a full pass over the render's millions
        # of objects found nothing and landed in the bookkeeping after it
        # (1.4 s at 10,000 objectives).
        with paused_gc():
            site = SiteRenderer(
                load.scored,
                site_config,
                site_root,
                theme=theme,
                history=site_history,
                timelines_apart=True,
                value_pieces=use_cache,
            )
            folder = cache_dir if cache_dir is not None else site_root / load.config.cache_dir
            stats = _render_and_commit(
                site,
                site_root,
                staged,
                jobs or default_jobs(),
                progress,
                clean,
                folder if use_cache else None,
                timings,
                load.inputs,
                side,
                exits=freeze,
            )
            side()
        timings["render+write"] = time.perf_counter() - t
    except BaseException as exc:
        side.wait()  # a save begun apart ends before anything else is done
        reader.save_pending()  # the history read stays read (unless saved already)
        staged.abort()
        problem = render_diagnostic(exc, site_root) if isinstance(exc, Exception) else None
        if problem is None:
            raise
        diags = [*load.diagnostics, problem]
        return BuildResult(False, diags, load, seconds=time.perf_counter() - started)
    finally:
        parsed_records(())
        printed_before_forking(())
    return BuildResult(
        True,
        sorted_diagnostics([*load.diagnostics, *refused]),
        load,
        out_dir=out,
        stats=stats,
        seconds=time.perf_counter() - started,
        timings=timings,
        meanwhile_done=side.done,
    )


def theme_problems(theme: Theme, config: SiteConfig, site_root: Path) -> list[Diagnostic]:
    """What the theme says before anything is rendered: its static files and
    templates that will not be read (:meth:`Theme.source_problems`), its
    ``theme.toml``'s unknown keys (:mod:`okrsite.theme_toml`), the templates
    okrsite renders that a theme standing alone lacks
    (:mod:`okrsite.theme_required`), the macros the theme's templates import
    from a site's template that it does not define (:mod:`okrsite.template_macros`), the
    site's templates that do not compile (:meth:`Theme.template_syntax_errors`), and a
    ``language`` its catalogues and the site's do not translate
    (:meth:`Theme.language_problem`, located in okrsite.toml)."""
    problems = theme.source_problems(site_root)
    problems += static_link_problems(
        [(name, file) for name, file in theme.used_files(site_root) if ":static/" in name],
        [
            folder / rel
            for folder in [*(path / "static" for _, path in theme.chain), site_root / "static"]
            for rel in theme.linked_folders(folder)
        ],
        theme.home_of,
        site_root,
        config,
    )
    problems += unknown_key_warnings(theme.chain, site_root)
    problems += missing_templates(theme, site_root)
    problems += missing_macros(theme, site_root)
    problems += [template_diagnostic(e, site_root) for e in theme.template_syntax_errors(site_root)]
    problems += theme.catalogue_problems(config.language, site_root)
    if config.language != "en":
        written = FileTree(site_root).read(CONFIG_FILE)  # as the load read it
        line = setting_line(written.decode("utf-8", "replace"), "language") if written else None
        language = theme.language_problem(config.language, site_root, line)
        if language is not None:
            problems.append(language)
    return problems


def site_theme_problems(config: SiteConfig, site_root: Path) -> list[Diagnostic]:
    """:func:`theme_problems` of the site's theme, for a run that loads no
    theme otherwise (a build whose content has errors, ``okrsite check`` of a
    site with theme files of its own, :data:`~okrsite.config.SITE_THEME_FOLDERS`):
    its files linked outside the site, its catalogues' broken strings, a
    theme that does not exist."""
    try:
        theme = load_theme(config.theme, site_root)
    except ThemeError as exc:
        problem = render_diagnostic(exc, site_root)
        return [problem] if problem is not None else []
    return theme_problems(theme, config, site_root)


#: a site with fewer check-ins and pages to render than this saves its
#: parse cache in this process: the save takes milliseconds there, less than
#: forking a child for it (the example site's build after an edit, median of
#: 20: 0.273 s with the child, 0.245 and 0.244 s without)
SAVE_APART_FROM = 2_000


def _both(first: Callable[[], object] | None, second: Callable[[], object]) -> Callable[[], None]:
    """``first`` (if any), then ``second``: the work a build does while pages render."""

    def work() -> None:
        if first is not None:
            first()
        second()

    return work


class _Once:
    """A piece of work done the first time it is called, never again (or
    begun apart, in a forked child, and waited for when called)."""

    def __init__(self, work: Callable[[], object] | None, apart: bool = False) -> None:
        self.work = work
        #: the work may run in a forked child (:meth:`begin_apart`): a process
        #: that ends after the build, so nothing it changes in memory is missed
        self.apart = apart
        self._child: int | None = None
        #: the work was done (here, or apart and waited for)
        self.done = False

    def begin_apart(self) -> None:
        """Start the work in a forked child, if it may and can be.

        A build after an edit renders its few pages in one process, and then
        saved the parse cache (half a second of pickling at 10,000 objectives)
        on the same core; begun apart, it runs on the other core while the
        pages render."""
        if self.work is None or not self.apart:
            return
        pid = run_apart(self.work)
        if pid is not None:
            self.work, self._child = None, pid

    def __call__(self) -> None:
        work, self.work = self.work, None
        if work is not None:
            work()
            self.done = True
        self.wait()

    def wait(self) -> None:
        """Wait for the work begun apart, if any. Work that failed there (a
        bug: a save that cannot write says so by its result) counts as not
        done, and the caller does it again."""
        child, self._child = self._child, None
        if child is not None:
            self.done = wait_apart(child)


def _kept_pieces(
    site: SiteRenderer, cache: PageCache, folder: Path
) -> dict[str, tuple[KeptPieces, int]]:
    """The pieces kept from earlier builds (:mod:`okrsite.kept_pieces`) when this
    build holds the cache: the bodies' HTML, and the history timelines when the
    site has a history; each with how many a build of every page uses."""
    if not cache.usable:
        return {}
    p = site.scored.portfolio
    site.kept_markdown = KeptPieces(folder, cache.site_print, MARKDOWN_FOLDER)
    records = (p.objectives, p.kpis, p.goals, p.teams, p.people, p.pages)
    kept = {"bodies": (site.kept_markdown, sum(len(group) for group in records))}
    if site.has_history:
        site.partial.timelines = KeptPieces(folder, cache.site_print)
        kept["timelines"] = (site.partial.timelines, len(p.objectives) + len(p.kpis))
    return kept


def _render_and_commit(
    site: SiteRenderer,
    site_root: Path,
    staged: StagedOutput,
    jobs: int,
    progress: Callable[[int, int], None] | None,
    clean: bool,
    cache_folder: Path | None,
    timings: dict[str, float],
    inputs: str = "",
    meanwhile: Callable[[], object] | None = None,
    *,
    exits: bool = False,
) -> WriteStats:
    """Render into ``staged`` and swap it in; with the page cache in
    ``cache_folder`` (:mod:`okrsite.page_cache`), only pages whose inputs
    changed are rendered, the others linked from the previous output."""
    if cache_folder is None:
        paths, written, unchanged = render_and_write(
            site, site_root, staged, jobs, progress, meanwhile=meanwhile, exits=exits
        )
        return staged.commit(paths, written, unchanged)
    with PageCache(cache_folder, staged.out_dir, site, site_root, inputs, jobs) as cache:
        keys = cache.plan(clean)
        reads = None
        staged.digests = {}
        if cache.previous is not None:
            staged.update_in_place(set(cache.previous), cache.digests)
        if cache.unchanged:  # nothing the site reads changed: the output stays as it is
            assert cache.previous is not None
            paths = set(cache.previous) - {MARKER}
            written, unchanged = 0, len(paths) - len(cache.reused)
        else:
            if (
                isinstance(meanwhile, _Once)
                and not forks_workers(jobs, len(keys))
                and len(site.scored.portfolio.checkins) + len(keys) >= SAVE_APART_FROM
            ):
                meanwhile.begin_apart()  # these pages render in this process alone
            reads = cache.numbered_reads()
            kept = _kept_pieces(site, cache, cache_folder)
            # every render process reads every objective's score: printed once here
            printed_before_forking(site.scored.objectives.values())
            try:
                paths, written, unchanged = render_and_write(
                    site,
                    site_root,
                    staged,
                    jobs,
                    progress,
                    keys=keys,
                    want_deps=True,
                    reads=reads,
                    meanwhile=meanwhile,
                    exits=exits,
                )
            except BaseException:
                for pieces, _count in kept.values():
                    pieces.abort()
                raise
            for name, (pieces, count) in kept.items():
                timings[f"{name} reused"] = pieces.commit(count)
        fresh = reads.pieces.get("entries", {}) if reads is not None else {}
        site.memo.keep_entries(site.partial.used | fresh.keys())
        reused = cache.reused_files
        timings["pages reused"] = len(reused)
        timings["pieces reused"] = cache.pieces_reused
        stats = staged.commit(paths | reused, written, unchanged + len(reused))
        in_place = staged.previous is not None
        cache.save(
            site.page_deps,
            staged.digests or {},
            staged.replaced if in_place else None,
            staged.deleted if in_place else None,
            reads,
        )
        return stats
