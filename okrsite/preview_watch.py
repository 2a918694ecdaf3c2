"""What the preview watches, and what a change it sees tells the rebuild.

:class:`PreviewWatch`, a base class of :class:`okrsite.preview.Preview`,
lists the folders and files a save in which rebuilds the site (content,
theme, templates, static files, translations, ``okrsite.toml``) and the git
files that move with HEAD, and turns what the watchers saw into what the
parse cache must read again before it rebuilds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from okrsite.config import CONFIG_FILE
from okrsite.gitsource import head_commit
from okrsite.theme import ThemeError, theme_chain
from okrsite.watch import SiteWatcher, git_ref_paths

if TYPE_CHECKING:
    from okrsite.history import HistoryReader
    from okrsite.pipeline import ParseCache
    from okrsite.preview import RebuildReport

__all__ = ["PreviewWatch"]


class PreviewWatch:
    """The watching side of :class:`okrsite.preview.Preview` (a base class of
    it: its attributes are the preview's, set up there)."""

    site_root: Path
    content_dir: str
    cache: ParseCache
    full_next: bool
    history_reader: HistoryReader | None

    if TYPE_CHECKING:  # the preview's own (okrsite.preview)

        def rebuild(self) -> RebuildReport: ...

    def watch_paths(self, content_dir: str, theme: str) -> list[Path]:
        paths = [
            self.site_root / content_dir,
            self.site_root / "themes",
            self.site_root / "templates",
            self.site_root / "static",
            self.site_root / "translations",
            self.site_root / CONFIG_FILE,
        ]
        try:
            for _, folder in theme_chain(theme, self.site_root):
                if folder not in paths:
                    paths.append(folder)
        except ThemeError:
            pass  # reported by the first rebuild
        return paths

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
        reader = self.history_reader
        site = reader.site if reader is not None else None
        if reader is not None and site is not None and head_commit(site.toplevel) == reader.head:
            return
        self.rebuild()
