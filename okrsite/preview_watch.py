"""What the preview watches, and what a change it sees tells the rebuild.

:class:`PreviewWatch`, a base class of :class:`okrsite.preview.Preview`,
lists the folders and files a save in which rebuilds the site (content,
theme, templates, static files, translations, ``okrsite.toml``) and the git
files that move with HEAD, and turns what the watchers saw into what the
parse cache must read again before it rebuilds.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from okrsite.config import CONFIG_FILE, SiteConfig
from okrsite.content_names import is_folder_readme
from okrsite.gitsource import head_commit
from okrsite.pipeline import FileTree, read_config
from okrsite.server_words import site_words
from okrsite.theme import ThemeError, theme_chain
from okrsite.watch import SiteWatcher, git_ref_paths

if TYPE_CHECKING:
    from okrsite.history import HistoryReader
    from okrsite.pipeline import ParseCache
    from okrsite.preview import RebuildReport
    from okrsite.server import PreviewServer

__all__ = ["PreviewWatch"]

logger = logging.getLogger(__name__)

#: the codes of what walking the content folder finds (see :meth:`PreviewWatch._walk_found_names`)
_WALK_CODES = frozenset(("OKR011", "OKR016", "OKR022"))


class PreviewWatch:
    """The watching side of :class:`okrsite.preview.Preview` (a base class of
    it: its attributes are the preview's, set up there)."""

    site_root: Path
    content_dir: str
    cache: ParseCache
    full_next: bool
    history_reader: HistoryReader | None
    out: Path
    watcher: SiteWatcher
    server: PreviewServer
    #: the paths watched and the paths ignored, as :meth:`watch_plan` gave them
    watching: tuple[tuple[Path, ...], tuple[Path, ...]]
    #: the watcher of HEAD (:meth:`watch_git`), and the ``history`` setting it
    #: was made for; inotify or polling, as the source watcher
    git_watcher: SiteWatcher | None
    git_history: bool
    poll: bool
    #: the last rebuild's report (``None``: none yet)
    last: RebuildReport | None
    #: the real paths of the files that linked content files point to outside
    #: the content folder, each with the links to it (:meth:`watch_link_targets`)
    link_targets: dict[Path, set[str]]
    #: set once the first build is over (:meth:`after_first_build`)
    first_build_done: threading.Event
    #: set when the preview stops
    stopping: threading.Event

    if TYPE_CHECKING:  # the preview's own (okrsite.preview)

        def rebuild(self) -> RebuildReport: ...

    def site_paths(self, content_dir: str) -> list[Path]:
        """What is watched of the site itself, whatever the theme."""
        return [
            self.site_root / content_dir,
            self.site_root / "themes",
            self.site_root / "templates",
            self.site_root / "static",
            self.site_root / "translations",
            self.site_root / CONFIG_FILE,
        ]

    def watch_paths(
        self, content_dir: str, theme: str, *, theme_folders: Sequence[Path] = ()
    ) -> list[Path]:
        """:meth:`site_paths` and the folders of ``theme`` and the themes it
        extends; ``theme_folders`` stand in for those while the chain cannot
        be found (a ``theme.toml`` with a mistake, which the rebuild reports)."""
        paths = self.site_paths(content_dir)
        try:
            folders = [folder for _, folder in theme_chain(theme, self.site_root)]
        except ThemeError:
            folders = list(theme_folders)
        for folder in folders:
            if folder not in paths:
                paths.append(folder)
        return paths

    def watch_plan(
        self, config: SiteConfig, *, theme_folders: Sequence[Path] = ()
    ) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
        """The paths ``config`` has watched (:meth:`watch_paths`) and those
        whose changes never count (its output folder, the preview's own)."""
        paths = self.watch_paths(config.content_dir, config.theme, theme_folders=theme_folders)
        return tuple(paths), (self.site_root / config.output_dir, self.out)

    def follow_settings(self) -> None:
        """Point the watcher at what ``okrsite.toml`` names now.

        Called before the rebuild after a change outside the content folder
        (``okrsite.toml``, a theme's ``theme.toml``, a theme folder appearing),
        so a save in a new ``content_dir`` or theme folder during that rebuild
        is seen too; a content save never calls it. Only the watches of paths
        that changed are replaced. An ``okrsite.toml`` with errors (CFG001 …)
        reads as defaults, which are not what the site means: the folders of
        the last good one stay watched (``okrsite.toml`` among them, so fixing
        it is seen), as do the last theme's folders while the theme cannot be
        found.
        """
        config, diags = read_config(FileTree(self.site_root))
        if any(d.is_error for d in diags):
            return
        site = self.site_paths(self.content_dir)
        themes = [path for path in self.watching[0] if path not in site]
        plan = self.watch_plan(config, theme_folders=themes)
        self.content_dir = config.content_dir
        self.server.language = config.language
        self.server.words = site_words(config.language, self.site_root, config.theme)
        if plan != self.watching:
            self.watching = plan
            self.watcher.update([*plan[0], *self.link_targets], ignore=plan[1])
        if config.history != self.git_history:
            self.follow_history(config.history)

    def follow_history(self, history: bool) -> None:
        """Watch HEAD from now on if ``history`` was turned on in ``okrsite.toml``
        (a commit then shows without a save, as when serve started with it on);
        stop watching it if it was turned off."""
        self.git_history = history
        old, self.git_watcher = self.git_watcher, self.watch_git(history, self.poll)
        if old is not None:
            old.stop()
        if self.git_watcher is not None:
            self.git_watcher.start()

    def on_change(self, changed: set[Path]) -> None:
        """Rebuild after the watcher saw ``changed``; tell the parse cache what it saw.

        Edits of known Markdown files are all the cache needs to re-read; a
        new or deleted file, a file now a link or a link now a file, a
        folder, or anything outside content/ (settings,
        theme, templates) makes it list the site again, and outside content/
        also renders every page and points the watcher at what the settings
        name now (:meth:`follow_settings`).
        """
        if not self.after_first_build():
            return
        root = self.site_root.resolve()
        content = (root / self.content_dir).resolve()
        rels: set[str] | None = set()
        outside = False
        for p in changed:
            if Path(p).resolve() in self.link_targets:
                continue  # what a link points to: its links are read again (ParseCache.linked)
            # the folder resolved, not the name: a link's own name is the
            # file the site lists (grow-alias.md -> grow.md is a file of its
            # own, new to the listing), not the name of what it points to
            path = Path(p).parent.resolve() / Path(p).name
            if content not in path.parents:
                outside = True
                rels = None
                continue
            if is_folder_readme(path.name):
                continue  # a folder's description for the git host: never read
            if path.suffix == ".md" and path.is_file():
                rel = path.relative_to(root).as_posix()
                if path.is_symlink() != (rel in self.cache.linked):
                    # replaced by a link (or a link by a file) under its own
                    # name: only a listing tells the cache it is a link now,
                    # to read again whenever what it points to is saved and
                    # to watch that file (watch_link_targets)
                    rels = None
                elif rels is not None:
                    rels.add(rel)
            elif path.suffix.lower() != ".csv":
                rels = None  # deleted or new file, folder: list again
        if rels is not None and self._walk_found_names():
            rels = None  # said only by listing the folders: list them again, to say it again
        if outside:
            self.full_next = True
            try:
                self.follow_settings()
            except Exception:  # the rebuild still runs, with the folders watched so far
                logger.exception("could not point the watcher at the folders okrsite.toml names")
        self.cache.changed(rels)
        self.rebuild()
        self.watch_link_targets()

    def after_first_build(self) -> bool:
        """Wait until the preview's first build is over; whether to go on
        (``False``: the preview is stopping).

        The watchers start before that build (:meth:`Preview.start`), so a
        save made while it runs is seen; what they saw is handled only after
        it, against the listing and the history it read, as a save after it
        would be: the saved file is read again, a new one is listed.
        """
        self.first_build_done.wait()
        return not self.stopping.is_set()

    def watch_link_targets(self) -> None:
        """Watch the files that linked goal files and linked ``data:`` CSV
        files point to, where they lie outside the content folder (elsewhere
        in the site, as docs/limits.md allows).

        A save there changes what the link reads, but the operating system
        reports it only under the file's own name, in a folder not watched
        otherwise: without a watch of its own the preview would keep the old
        page (polling saw it, through the link). Called after each rebuild,
        as the last listing tells which files are links.
        """
        root = self.site_root
        content = (root / self.content_dir).resolve()
        outcome = self.cache.outcome
        data = [rel for rel, _ in outcome.csv] if outcome is not None else []
        links = [*self.cache.linked, *(rel for rel in data if os.path.islink(root / rel))]
        targets: dict[Path, set[str]] = {}
        for rel in links:
            real = Path(os.path.realpath(root / rel))
            if content not in real.parents:
                targets.setdefault(real, set()).add(rel)
        if outcome is None:  # not known this time: the CSV targets watched stay
            targets.update((t, r) for t, r in self.link_targets.items() if t not in targets)
        changed = targets.keys() != self.link_targets.keys()
        self.link_targets = targets
        if changed:
            self.watcher.update([*self.watching[0], *targets], ignore=self.watching[1])

    def _walk_found_names(self) -> bool:
        """Whether the last rebuild showed a finding that only listing the
        folders makes (a file not read for its ending, OKR022; a name that is
        not UTF-8, OKR016; a linked folder, OKR011): a rebuild that trusts the
        last listing after an edit would lose it from the page until the
        next new file."""
        last = getattr(self, "last", None)
        return last is not None and any(d.code in _WALK_CODES for d in last.diagnostics)

    def watch_git(self, history: bool, poll: bool) -> SiteWatcher | None:
        """A watcher of the git files that move with HEAD (:func:`git_ref_paths`),
        so a commit, checkout or pull updates the history without a save; none
        when the history is off or the site is not in a repository."""
        paths = git_ref_paths(self.site_root) if history else []
        if not paths:
            return None
        return SiteWatcher(paths, self.on_git_change, debounce=0.1, poll=poll)

    def on_git_change(self, changed: set[Path]) -> None:
        """Rebuild when HEAD now names another commit than the history was read at.

        Git rewrites these files for other reasons too (a branch created, a
        fetch packing refs); one quick ``git rev-parse`` tells those apart.
        """
        if not self.after_first_build():
            return
        reader = self.history_reader
        site = reader.site if reader is not None else None
        if reader is not None and site is not None and head_commit(site.toplevel) == reader.head:
            return
        self.rebuild()
