"""``okrsite serve``: rebuild on save, reload the browser, show errors in the page.

The preview builds into a private temporary folder (never the user's
``_site/``), keeps a parse cache so a save re-reads and re-parses only the
changed files, rescores the portfolio (reusing the scores of objectives none
of whose inputs changed, which gives the same figures as scoring afresh), and
writes only pages whose bytes changed. A failed rebuild keeps the last good site on screen and shows every
diagnostic in an overlay; the next good rebuild removes it.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2
import jinja2.bccache

from okrsite.build import template_diagnostic
from okrsite.config import CONFIG_FILE
from okrsite.diagnostics import Diagnostic, error, format_report, summary_line
from okrsite.incremental import SUMMARY_KINDS, dirty_pages
from okrsite.pipeline import FileTree, LoadResult, ParseCache, load_site, read_config
from okrsite.scoring import ScoreMemo
from okrsite.server import PreviewServer
from okrsite.theme import ThemeError, theme_chain
from okrsite.watch import SiteWatcher
from okrsite.writer import SyncWriter


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory between rebuilds.

    Jinja keys each entry by the template's name and a checksum of its
    source, so an edited template is compiled again by itself.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


@dataclass
class RebuildReport:
    ok: bool
    diagnostics: list[Diagnostic]
    changed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    parsed_again: int = 0
    pages: int = 0


class Preview:
    """The preview server, its watcher and the rebuild loop, wired together."""

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
    ) -> None:
        self.site_root = site_root.resolve()
        self.as_of = as_of
        self.echo = echo
        self.cache = ParseCache()
        self.scores = ScoreMemo()
        self.out = Path(tempfile.mkdtemp(prefix="okrsite-serve-"))
        self.writer = SyncWriter(self.out)
        self.lock = threading.Lock()
        self.rebuilds = 0
        self.last: RebuildReport | None = None
        self.previous: LoadResult | None = None
        self.full_next = True
        self.bytecode = MemoryBytecodeCache()
        try:
            config, _ = read_config(FileTree(self.site_root))
            self.content_dir = config.content_dir
            self.server = PreviewServer(self.out, host=host, port=port)
        except BaseException:
            # A busy port (or an unreadable site) must not leave the folder behind.
            shutil.rmtree(self.out, ignore_errors=True)
            raise
        self.watcher = SiteWatcher(
            self.watch_paths(config.content_dir, config.theme),
            self.on_change,
            ignore=[self.site_root / config.output_dir, self.out],
            debounce=debounce,
            poll=poll,
        )

    def watch_paths(self, content_dir: str, theme: str) -> list[Path]:
        paths = [
            self.site_root / content_dir,
            self.site_root / "themes",
            self.site_root / "templates",
            self.site_root / "static",
            self.site_root / CONFIG_FILE,
        ]
        try:
            for _, folder in theme_chain(theme, self.site_root):
                if folder not in paths:
                    paths.append(folder)
        except ThemeError:
            pass  # reported by the first rebuild
        return paths

    def rebuild(self) -> RebuildReport:
        """Load, score, render and sync; never raises.

        Problems in the user's files become diagnostics; an unexpected failure
        inside okrsite becomes one too (shown in the page, the server keeps
        serving the last good site) rather than ending the preview.
        """
        with self.lock:
            started = time.perf_counter()
            try:
                report = self._rebuild()
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
            self.rebuilds += 1
            self.last = report
            self.publish(report)
            return report

    def _rebuild(self) -> RebuildReport:
        load = load_site(self.site_root, self.as_of, cache=self.cache, jobs=1, scores=self.scores)
        diags = load.diagnostics
        report: RebuildReport
        if not load.ok:
            report = RebuildReport(False, diags, parsed_again=load.parsed_again)
        else:
            try:
                files, complete = self.render(load)
            except (jinja2.TemplateError, ThemeError) as exc:
                extra = (
                    template_diagnostic(exc, self.site_root)
                    if isinstance(exc, jinja2.TemplateError)
                    else error(
                        "THM001", str(exc), CONFIG_FILE, hint="check theme = … in okrsite.toml"
                    )
                )
                report = RebuildReport(False, [*diags, extra], parsed_again=load.parsed_again)
            else:
                changed = self.writer.sync(files, complete=complete)
                report = RebuildReport(
                    True, diags, changed, parsed_again=load.parsed_again, pages=len(files)
                )
                self.previous = load
                self.full_next = False
        return report

    def render(self, load: LoadResult) -> tuple[dict[str, bytes], bool]:
        """Render what the change can have affected; (files, whether that is all of them)."""
        from okrsite.render import SiteRenderer
        from okrsite.theme import load_theme

        # A fresh environment per rebuild (templates see this rebuild's data),
        # but compiled template code is kept in memory between rebuilds.
        theme = load_theme(load.config.theme, self.site_root)
        theme.env.bytecode_cache = self.bytecode
        site = SiteRenderer(load.scored, load.config, self.site_root, theme=theme)
        dirty = None
        prev = self.previous
        if prev is not None and not self.full_next and prev.config == load.config:
            dirty = dirty_pages(prev.scored, load.scored)
        if dirty is None:
            files = site.render_assets()
            files.update(site.render_pages(site.page_keys()))
            return files, True
        keys = [k for k in site.page_keys() if k in dirty or k[0] in SUMMARY_KINDS]
        files = site.render_assets(badges_for=[oid for kind, oid in dirty if kind == "objective"])
        files.update(site.render_pages(keys))
        return files, False

    def publish(self, report: RebuildReport) -> None:
        if report.diagnostics:
            self.echo(format_report(report.diagnostics))
        ms = report.seconds * 1000
        if report.ok:
            self.server.notify_reload(uuid.uuid4().hex[:12])
            self.echo(
                f"okrsite: rebuilt {len(report.changed)} page{'s' * (len(report.changed) != 1)} "
                f"in {ms:.0f} ms ({report.parsed_again} file{'s' * (report.parsed_again != 1)} "
                f"parsed, {report.pages} rendered)"
            )
        else:
            self.server.set_errors([d for d in report.diagnostics if d.is_error])
            self.echo(
                f"okrsite: rebuild failed in {ms:.0f} ms, {summary_line(report.diagnostics)}; "
                "still serving the last good site"
            )

    def on_change(self, changed: set[Path]) -> None:
        """Rebuild after the watcher saw ``changed``; tell the parse cache what it saw.

        Edits of known Markdown files are all the cache needs to re-read; a
        new or deleted file, a folder, or anything outside content/ (settings,
        theme, templates) makes it list the site again, and outside content/
        also renders every page.
        """
        root = self.site_root.resolve()
        content = (root / self.content_dir).resolve()
        rels: set[str] | None = set()
        for p in changed:
            path = Path(p).resolve()
            if content not in path.parents:
                self.full_next = True
                rels = None
                continue
            if path.suffix == ".md" and path.is_file():
                if rels is not None:
                    rels.add(path.relative_to(root).as_posix())
            elif path.suffix.lower() != ".csv":
                rels = None  # deleted or new file, folder: list again
        self.cache.changed(rels)
        self.rebuild()

    def start(self) -> None:
        self.rebuild()
        self.server.start()
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()
        self.server.stop()
        shutil.rmtree(self.out, ignore_errors=True)

    def __enter__(self) -> Preview:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
