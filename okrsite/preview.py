"""``okrsite serve``: rebuild on save, reload the browser, show errors in the page.

The preview builds into a private temporary folder (never the user's
``_site/``), keeps a parse cache so a save re-reads and re-parses only the
changed files, rescores the portfolio (reusing the scores of objectives none
of whose inputs changed, which gives the same figures as scoring afresh), and
writes only pages whose bytes changed. A failed rebuild keeps the last good site on screen and shows every
diagnostic in an overlay; the next good rebuild removes it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from okrsite.build import theme_problems
from okrsite.diagnostics import Diagnostic, error, format_report, sorted_diagnostics, summary_line
from okrsite.gcpause import paused_gc
from okrsite.history import HistoryReader, SiteHistory
from okrsite.history_unread import history_unread
from okrsite.pipeline import FileTree, LoadResult, ParseCache, load_site, read_config
from okrsite.plural import plural
from okrsite.preview_plan import PreviewPlan, RenderedState
from okrsite.preview_watch import PreviewWatch
from okrsite.render import RenderMemo
from okrsite.render_plan import render_diagnostic, render_files
from okrsite.scoring import ScoreMemo
from okrsite.server import PreviewServer, in_place_ok
from okrsite.server_words import site_words
from okrsite.template_hints import as_the_preview_says
from okrsite.watch import SiteWatcher
from okrsite.writer import SyncWriter

logger = logging.getLogger(__name__)

#: How often (seconds) the preview looks whether the day changed, when no
#: ``--as-of`` or ``as_of`` pins the date the portfolio is judged at.
CLOCK_INTERVAL = 1.0

#: How long a rebuild waits for open tabs to fetch their reloaded page
#: before it renders the rest of what a change touched.
RELOAD_GRACE = 1.0


@dataclass
class RebuildReport:
    """What one rebuild of the preview did, for its log line and the browser."""

    ok: bool
    diagnostics: list[Diagnostic]
    changed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    parsed_again: int = 0
    pages: int = 0
    #: when the pages in view were written and the tabs told to reload
    #: (``time.perf_counter()``); ``None``: they are told once the whole
    #: rebuild is done (too when they were told early, but a tab then
    #: fetched a file the rest of the rebuild wrote: :meth:`Preview.fetched_early`)
    shown_after: float | None = None


class _Abandoned(BaseException):
    """Raised inside a rebuild once the preview is stopping: what it would
    write and announce no tab will see (a BaseException, so no handler of
    render errors turns it into a diagnostic)."""


class Preview(PreviewWatch, PreviewPlan):
    """The preview server, its watcher and the rebuild loop, wired together.

    What it watches (:mod:`okrsite.preview_watch`) and what a save can have
    affected (:mod:`okrsite.preview_plan`) are methods of base classes, each
    in a module of its own."""

    def __init__(
        self,
        site_root: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        as_of: date | None = None,
        poll: bool = False,
        debounce: float = 0.02,
        echo: Callable[[str], None] = print,
        allowed_hosts: tuple[str, ...] = (),
        today: Callable[[], date] = date.today,
        clock_interval: float = CLOCK_INTERVAL,
    ) -> None:
        """``today`` is the clock the portfolio is judged by when neither
        ``as_of`` nor ``okrsite.toml`` pins a date; it is asked every
        ``clock_interval`` seconds, and a new day rebuilds the site (tests
        pass a clock of their own)."""
        self.site_root = site_root.resolve()
        self.as_of = as_of
        self.today = today
        self.clock_interval = clock_interval
        #: the day the last rebuild judged at when that was today's date
        #: (``None``: a pinned date, or no rebuild yet)
        self.judged_on: date | None = None
        #: set when :meth:`stop` starts: nothing more is built or announced
        self.stopping = threading.Event()
        self._clock: threading.Thread | None = None
        self.echo = echo
        self.cache = ParseCache()
        self.scores = ScoreMemo()
        self.out = Path(tempfile.mkdtemp(prefix="okrsite-serve-"))
        try:
            self._set_up(host, port, allowed_hosts, poll, debounce)
        except BaseException:
            # A busy port, an unreadable site or Ctrl-C while setting up must
            # not leave the folder (or the listening socket) behind.
            server: PreviewServer | None = getattr(self, "server", None)
            if server is not None:
                server.stop()
            shutil.rmtree(self.out, ignore_errors=True)
            raise

    def _set_up(
        self,
        host: str,
        port: int,
        allowed_hosts: tuple[str, ...],
        poll: bool,
        debounce: float,
    ) -> None:
        """The rest of :meth:`__init__`, once the build folder exists: the
        server (listening from here on), the settings, the watchers."""
        self.writer = SyncWriter(self.out)
        self.lock = threading.Lock()
        self.rebuilds = 0
        self.last: RebuildReport | None = None
        #: whether a rebuild has succeeded yet: until one has, there is no
        #: last good site to keep serving, only the page that lists the errors
        self.built_once = False
        self.previous: LoadResult | None = None
        self.full_next = True
        self.memo = RenderMemo()
        self.rendered: RenderedState | None = None
        #: cleared while :meth:`start`'s first build runs: what the watchers
        #: saw meanwhile waits for it (:meth:`PreviewWatch.after_first_build`);
        #: set otherwise (a preview driven by calling :meth:`rebuild` itself)
        self.first_build_done = threading.Event()
        self.first_build_done.set()
        # the git history: read at the first rebuild, extended when HEAD moves
        self.history_reader: HistoryReader | None = None
        self.history: SiteHistory | None = None
        config, _ = read_config(FileTree(self.site_root))
        self.content_dir = config.content_dir
        self.server = PreviewServer(self.out, host=host, port=port, allowed_hosts=allowed_hosts)
        # read from okrsite.toml alone, so a site whose content does not
        # build yet still gets its own language on the preview's 404 page
        self.server.language = config.language
        self.server.words = site_words(config.language, self.site_root, config.theme)
        # what okrsite.toml says to watch and ignore; a change of it (or of a
        # theme) points the watcher elsewhere (PreviewWatch.follow_settings)
        self.watching = self.watch_plan(config)
        self.link_targets = {}
        self.watcher = SiteWatcher(
            self.watching[0],
            self.on_change,
            ignore=self.watching[1],
            debounce=debounce,
            poll=poll,
        )
        self.poll = poll
        self.git_history = config.history
        self.git_watcher = self.watch_git(config.history, poll)

    def rebuild(self) -> RebuildReport:
        """Load, score, render and sync; never raises.

        Problems in the user's files become diagnostics; an unexpected failure
        inside okrsite becomes one too (shown in the page, the server keeps
        serving the last good site) rather than ending the preview.
        """
        with self.lock:
            started = time.perf_counter()
            first = self.rebuilds == 0
            with paused_gc():  # see _settle_memory
                try:
                    self._check_stopping()
                    report = self._rebuild()
                except _Abandoned:
                    # the process is going away; should it not, build afresh
                    self.full_next = True
                    self.cache.changed(None)
                    return RebuildReport(False, [])
                except Exception as exc:  # a bug in okrsite, not in the user's files
                    self.full_next = True
                    self.cache.changed(None)
                    self.scores = ScoreMemo()
                    report = RebuildReport(
                        False,
                        [
                            error(
                                "OKR999",
                                f"okrsite failed unexpectedly: {type(exc).__name__}: {exc}",
                                hint="this is a bug in okrsite; please report it with the file you changed",
                            )
                        ],
                    )
                report.seconds = time.perf_counter() - started
                if report.shown_after is not None:
                    report.shown_after -= started
                self.rebuilds += 1
                self.last = report
                self.publish(report)
            if first and gc.isenabled():
                self._settle_memory()
            return report

    @staticmethod
    def _settle_memory() -> None:
        """Keep the cyclic garbage collector off the portfolio between saves.

        A large site keeps millions of long-lived objects (parses, records,
        scores, memoised pieces). A full collection walks all of them, which
        takes hundreds of milliseconds, and it would strike at random inside
        a rebuild. So rebuilds run with the collector paused, and after the
        first (full) build the survivors are collected once and frozen
        (``gc.freeze``): later collections only walk what later saves
        allocate. Refcounting still frees frozen objects that are replaced.
        """
        gc.collect()
        gc.freeze()

    def _check_stopping(self) -> None:
        if self.stopping.is_set():
            raise _Abandoned

    def judging_date(self) -> date | None:
        """The date to judge the portfolio at: ``as_of``, else ``None`` when
        ``okrsite.toml`` pins one, else :attr:`today` (noted in
        :attr:`judged_on`; a new day since the last rebuild scores and
        renders everything again)."""
        if self.as_of is not None:
            self.judged_on = None
            return self.as_of
        config, _ = read_config(FileTree(self.site_root))
        if config.as_of is not None:
            self.judged_on = None
            return None
        today = self.today()
        if self.judged_on is not None and today != self.judged_on:
            self.full_next = True
            self.scores = ScoreMemo()
        self.judged_on = today
        return today

    def _rebuild(self) -> RebuildReport:
        when = self.judging_date()
        load = load_site(self.site_root, when, cache=self.cache, jobs=1, scores=self.scores)
        self._check_stopping()
        diags = load.diagnostics
        if not load.ok:
            return RebuildReport(False, diags, parsed_again=load.parsed_again)
        report = RebuildReport(True, diags, parsed_again=load.parsed_again)
        try:
            job = self.plan(load)
            refused = as_the_preview_says(
                theme_problems(job.site.theme, load.config, self.site_root)
            )
            refused += history_unread(job.site.history, self.site_root)
            if any(d.is_error for d in refused):
                return RebuildReport(False, [*diags, *refused], parsed_again=load.parsed_again)
            report.diagnostics = sorted_diagnostics([*diags, *refused])
            # Pages open in a browser first: write them and reload the tabs,
            # then render the rest of what the change touched.
            files = render_files(job.site, self.site_root, job.first)
            self._check_stopping()
            if files:
                report.changed += self.writer.sync(files, complete=False)
                report.shown_after = time.perf_counter()
                mark = self.server.serial()
                self.server.notify_reload(
                    uuid.uuid4().hex[:12], in_place=in_place_ok(report.changed)
                )
                self.let_tabs_reload(mark)
            files.update(
                render_files(
                    job.site, self.site_root, job.rest, assets=True, badges_for=job.badges_for
                )
            )
            self._check_stopping()
        except BaseException as exc:
            self.memo.clear()  # pieces of a render that is not published must not outlive it
            extra = render_diagnostic(exc, self.site_root) if isinstance(exc, Exception) else None
            if extra is None:
                raise
            self.full_next = True
            return RebuildReport(
                False, [*diags, *as_the_preview_says([extra])], parsed_again=load.parsed_again
            )
        # an incremental render keeps the pages and badges it did not render
        late = self.writer.sync(files, keep=job.keep())
        self.remember(job)
        report.changed += late
        report.pages = len(files)
        if report.shown_after is not None and self.fetched_early(mark, late):
            report.shown_after = None  # publish() tells the tabs to reload again
        self.previous = load
        self.full_next = False
        return report

    def fetched_early(self, mark: int, late: list[str]) -> bool:
        """Whether a tab fetched a file written only after the pages in view
        (``late``) since the tabs were told to reload (``mark``), and so may
        show its old bytes.

        A tab opens one of the later pages while they are being rendered; or
        the tab that reloaded early runs its scripts again, which fetch a
        file the rest of the rebuild rewrites (the search page's
        ``search-index.js``). Requests are noted before the file is read, so
        one that got the new bytes may count too: it costs one more reload.
        """
        fetched = self.server.fetched_since(mark)
        return fetched is None or not fetched.isdisjoint(late)

    def let_tabs_reload(self, mark: int) -> None:
        """Stand back while the tabs fetch the pages just written.

        The rest of the rebuild is Python work that holds the interpreter
        lock, and the server answering the reloading tab needs it too: a
        page would then take several times longer to arrive. So wait until
        a tab has asked for its page again (at most ``RELOAD_GRACE`` seconds,
        in case no tab listens), and a moment more for its style sheet.
        """
        if self.server.client_count and self.server.wait_served(mark, RELOAD_GRACE):
            time.sleep(0.05)

    def publish(self, report: RebuildReport) -> None:
        if self.stopping.is_set():  # a rebuild that finished as the preview stops
            return
        if report.diagnostics:
            self.echo(format_report(report.diagnostics))
        ms = report.seconds * 1000
        if report.ok:
            self.built_once = True
            early = report.shown_after
            if early is None:
                self.server.notify_reload(
                    uuid.uuid4().hex[:12], in_place=in_place_ok(report.changed)
                )
            # what changed on the site, then the work done: pages rendered
            # again may come out as they were (a broken file put back: 12
            # rendered, none changed), and files whose bytes the parse cache
            # knows are not parsed again
            changed = len(report.changed)
            self.echo(
                f"okrsite: rebuilt in {ms:.0f} ms: "
                + (f"{plural(changed, 'page')} changed" if changed else "no page changed")
                + f" ({plural(report.parsed_again, 'file')} parsed, "
                f"{plural(report.pages, 'page')} rendered"
                + (f"; pages in view reloaded after {early * 1000:.0f} ms)" if early else ")")
            )
        else:
            self.server.set_errors([d for d in report.diagnostics if d.is_error])
            self.echo(
                f"okrsite: rebuild failed in {ms:.0f} ms, {summary_line(report.diagnostics)}; "
                + (
                    "still serving the last good site"
                    if self.built_once
                    else "the preview shows the errors until the site builds"
                )
            )

    def start(self) -> None:
        """Watch, build the site once, then serve.

        The watchers start before the first build, which on a large site
        takes seconds: a save (or a commit) made meanwhile is recorded, and
        once the first build is done it rebuilds as any later save does
        (:meth:`PreviewWatch.after_first_build`); watching only after it
        would lose that save until the next one.
        """
        self.first_build_done.clear()
        self.watcher.start()
        if self.git_watcher is not None:
            self.git_watcher.start()
        try:
            self.rebuild()
            self.watch_link_targets()
        finally:
            self.first_build_done.set()
        self.server.start()
        self._clock = threading.Thread(target=self._watch_clock, name="okrsite-clock", daemon=True)
        self._clock.start()

    def _watch_clock(self) -> None:
        """Rebuild when the day the portfolio was judged at is over
        (:meth:`judging_date`), as a save on the new day would."""
        while not self.stopping.wait(self.clock_interval):
            judged = self.judged_on
            try:
                if judged is None or self.today() == judged:
                    continue
                self.rebuild()
            except Exception:  # the preview keeps serving; the next save rebuilds
                logger.exception("could not rebuild for the new day")

    def stop(self) -> None:
        """Stop serving, watching and rebuilding, and remove the build folder.

        The event streams close first, so no tab is told to reload into a
        server that is going away (it reconnects, and reloads, when serve
        runs again); a rebuild under way is abandoned at its next step and
        announces nothing."""
        self.stopping.set()
        self.first_build_done.set()  # a watcher waiting for it returns
        # every step runs even if one before it fails, and whatever the
        # preview got to start before an interrupt (Ctrl-C in its first
        # seconds): the build folder, a whole copy of the site, always goes
        with contextlib.ExitStack() as steps:  # run last to first
            steps.callback(shutil.rmtree, self.out, ignore_errors=True)
            steps.callback(self._stop_clock)
            steps.callback(self.watcher.stop)
            if self.git_watcher is not None:
                steps.callback(self.git_watcher.stop)
            steps.callback(self.server.stop)

    def _stop_clock(self) -> None:
        """Wait for the clock thread, if it ever started (an interrupt may
        come between creating it and starting it): :attr:`stopping` is set,
        so it ends at its next tick."""
        clock = self._clock
        if clock is not None and clock is not threading.current_thread() and clock.is_alive():
            clock.join()

    def __enter__(self) -> Preview:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
