"""Watch a site's sources and call back, once per burst of saves, on one thread.

``okrsite serve`` rebuilds the site whenever a source file changes. Editors do
not save a file in one tidy step: vim writes ``4913`` and ``.swp`` files,
JetBrains IDEs write ``*___jb_tmp___`` and rename over the original, Emacs
leaves ``.#lock`` files, and a ``git checkout`` touches hundreds of files in a
few milliseconds. Rebuilding on each raw event would rebuild many times per
save, on several threads at once, and would react to the site's own output.

So :class:`SiteWatcher`

* drops events for editor droppings, VCS folders and the output folders
  (otherwise every build would trigger the next one);
* collects the remaining paths and waits for a short quiet period (the
  *debounce*) so one save or one checkout becomes one rebuild;
* calls ``on_change`` on a single worker thread, so rebuilds never overlap; a
  change that arrives while a rebuild runs is kept and causes exactly one more
  rebuild afterwards, so the last save is never lost.
"""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import os
import threading
import time
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Union

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

__all__ = [
    "SiteWatcher",
    "IGNORED_FILE_PATTERNS",
    "IGNORED_DIR_NAMES",
    "git_ref_paths",
    "is_editor_dropping",
]

logger = logging.getLogger(__name__)

StrPath = Union[str, "os.PathLike[str]"]

#: File names that editors, IDEs and operating systems write next to the
#: files a person edits. They never change what the site looks like.
IGNORED_FILE_PATTERNS: tuple[str, ...] = (
    "*.swp",  # vim swap files (and the rarer .swo/.swn/.swx/.swpx siblings)
    "*.swo",
    "*.swn",
    "*.swx",
    "*.swpx",
    "*~",  # vim/emacs/gedit backups
    ".#*",  # emacs lock files
    "#*#",  # emacs auto-save files
    "4913",  # vim's "can I write in this folder?" probe file
    "*.tmp",
    "*___jb_tmp___",  # JetBrains "safe write"
    "*___jb_old___",
    ".DS_Store",
    "~$*",  # Word/Excel/PowerPoint owner (lock) files
    "*.kate-swp",
)

#: Folder names whose contents never affect the site.
IGNORED_DIR_NAMES: frozenset[str] = frozenset({".git", ".hg", ".svn", "__pycache__"})

# Event types that mean "this path's content may be different now". Opened and
# closed-without-write events are reads; "modified" on a *folder* only means an
# entry in it changed, which is reported separately for the entry itself (and
# would make an ignored .swp file look like a change of its folder).
_FILE_EVENT_TYPES = frozenset({"created", "modified", "deleted", "moved", "attrib"})
_DIR_EVENT_TYPES = frozenset({"created", "deleted", "moved"})


# Only changes are subscribed to. Watchdog otherwise asks inotify for opens and
# closes-without-write too: every file a rebuild (or any other program) reads
# would queue two events, and reading a 50,000-file site overflows the
# kernel's queue (16,384 events by default), which loses real saves.
_EVENT_FILTER: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


def is_editor_dropping(name: str) -> bool:
    """True if a file called ``name`` is a temporary file of an editor or OS."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED_FILE_PATTERNS)


def git_ref_paths(folder: Path) -> list[Path]:
    """The files git rewrites when HEAD moves, for the repository holding ``folder``.

    A commit, a pull or a reset rewrites the current branch's file under
    ``refs/heads/`` (or ``packed-refs``); a checkout rewrites ``HEAD``. The
    whole ``refs/heads/`` folder is watched, so a checkout of another branch
    needs no new watch. None of these is a source file, and ``.git`` is
    ignored below watched folders, so they need a watcher of their own.
    Worktrees keep ``HEAD`` in their own git folder and the branches in the
    common one. Empty outside a repository (or without git).
    """
    import subprocess

    from okrsite.git_command import git_argv
    from okrsite.git_environment import git_environment

    try:
        proc = subprocess.run(
            git_argv(["rev-parse", "--absolute-git-dir", "--git-common-dir"]),
            cwd=folder,
            env=git_environment(folder),
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or len(lines) < 2:
        return []
    git_dir = Path(lines[0])
    common = Path(lines[1]) if Path(lines[1]).is_absolute() else folder / lines[1]
    return [git_dir / "HEAD", common / "refs" / "heads", common / "packed-refs"]


def _real(path: StrPath) -> str:
    return os.path.realpath(os.path.abspath(os.fspath(path)))


def _is_under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class _Handler(FileSystemEventHandler):
    """Turns watchdog events of one scheduled folder into changed paths.

    Watchdog reports paths under the folder it was given, which we give as a
    real path (so ignore checks compare like with like); ``shown`` is the same
    folder as the caller spelled it, used for the paths handed to
    ``on_change`` so callers can relate them to their own paths.
    """

    def __init__(
        self,
        watcher: SiteWatcher,
        real: str,
        shown: Path,
        only: frozenset[str] | None,
    ) -> None:
        super().__init__()
        self._watcher = watcher
        self._real = real
        self._shown = shown
        # For single watched files we watch their folder (so atomic "write a
        # temp file, rename over" saves are seen) and keep only these names.
        self._only = only

    def dispatch(self, event: FileSystemEvent) -> None:
        kinds = _DIR_EVENT_TYPES if event.is_directory else _FILE_EVENT_TYPES
        if event.event_type not in kinds:
            return
        raw = [event.src_path]
        if event.event_type == "moved" and event.dest_path:
            raw.append(event.dest_path)
        changed: list[Path] = []
        for item in raw:
            path = self._accept(os.fsdecode(item))
            if path is not None:
                changed.append(path)
                if self._only is not None and path in self._watcher._folders:
                    # a watched folder appeared, vanished or was replaced: watch it afresh
                    self._watcher._rearm(path)
        if changed:
            self._watcher._add(changed)

    def _accept(self, path: str) -> Path | None:
        if not _is_under(path, self._real):
            return None
        rel = os.path.relpath(path, self._real)
        if rel == os.curdir:
            return None
        if self._only is not None and rel not in self._only:
            return None
        if self._watcher.is_ignored(path, rel):
            return None
        return self._shown / rel


class SiteWatcher:
    """Watch folders and single files; call ``on_change`` once per burst.

    ``paths`` are folders (watched recursively) and single files such as
    ``okrsite.toml``; paths that do not exist when :meth:`start` runs are
    skipped; :meth:`update` watches other paths (and ignores other folders)
    while the watcher runs. ``ignore`` are folders whose contents never count
    (the output folder, a build's staging folder); ``ignore_patterns`` are extra
    :mod:`fnmatch` patterns matched against every path component below a
    watched folder (e.g. ``"_site.*"`` for staging folders beside the output).

    ``on_change(changed)`` receives the set of changed paths (created,
    modified, deleted, and both ends of a move), spelled under the watched
    path they were found in. It runs on one worker thread; while it runs, new
    changes are collected and delivered in exactly one further call after it
    returns. Exceptions it raises are logged and do not stop the watcher.

    ``debounce`` is the quiet period in seconds: a call happens once no event
    arrived for that long. ``max_delay`` bounds the wait, so a file that is
    written continuously (a log, a running export) still lets rebuilds happen.
    With ``poll=True`` a :class:`~watchdog.observers.polling.PollingObserver`
    scans every ``poll_interval`` seconds instead of using OS notifications
    (for network drives, Docker bind mounts, WSL); one burst of saves can then
    be split across two scans, so the quiet period is extended by one
    ``poll_interval`` to keep it one call.
    """

    def __init__(
        self,
        paths: Iterable[StrPath],
        on_change: Callable[[set[Path]], object],
        *,
        ignore: Iterable[StrPath] = (),
        ignore_patterns: Iterable[str] = (),
        debounce: float = 0.05,
        max_delay: float = 2.0,
        poll: bool = False,
        poll_interval: float = 0.5,
    ) -> None:
        if debounce < 0 or max_delay <= 0 or poll_interval <= 0:
            raise ValueError("debounce must be >= 0, max_delay and poll_interval > 0")
        self.paths: list[Path] = [Path(p) for p in paths]
        self.on_change = on_change
        self.ignore: list[Path] = [Path(p) for p in ignore]
        self.ignore_patterns: tuple[str, ...] = tuple(ignore_patterns)
        self.poll = poll
        self.poll_interval = poll_interval
        self.debounce = debounce + (poll_interval if poll else 0.0)
        self.max_delay = max(max_delay, self.debounce)
        self._ignore_real = [_real(p) for p in self.ignore]
        self._cond = threading.Condition()
        self._pending: set[Path] = set()
        self._first_event = 0.0
        self._last_event = 0.0
        self._stopping = False
        self._started = False
        self._busy = False
        self._observer: BaseObserver | None = None
        self._worker: threading.Thread | None = None
        #: Paths actually being watched (existing ones), set by :meth:`start`
        #: and :meth:`update`.
        self.watched: list[Path] = []
        self._folders: set[Path] = set()
        # each watch with its handler (another entry may share the watch: two
        # spellings of one folder, whose handlers watchdog keeps on one emitter)
        self._folder_watches: dict[Path, tuple[ObservedWatch, _Handler]] = {}
        #: the folders of watched files and of watched folders' names, each
        #: watched once, non-recursively, keeping only those names
        self._parent_watches: dict[str, tuple[ObservedWatch, _Handler]] = {}

    # -- filtering -------------------------------------------------------

    def is_ignored(self, path: StrPath, rel: StrPath | None = None) -> bool:
        """True if a change of ``path`` should not cause a rebuild.

        ``rel`` is the path relative to the watched folder; folder-name rules
        (``.git``, ``__pycache__``, ``ignore_patterns``) apply only to that
        part, so a site that itself lives below a folder called ``.git`` or
        ``__pycache__`` is still watched.
        """
        full = _real(path)
        if any(_is_under(full, folder) for folder in self._ignore_real):
            return True
        parts = Path(rel).parts if rel is not None else Path(full).parts[-1:]
        if not parts:
            return False
        if is_editor_dropping(parts[-1]):
            return True
        for part in parts:
            if part in IGNORED_DIR_NAMES:
                return True
            if any(fnmatch.fnmatchcase(part, pat) for pat in self.ignore_patterns):
                return True
        return False

    # -- life cycle ------------------------------------------------------

    def start(self) -> None:
        """Start watching. When this returns, changes are being recorded."""
        with self._cond:
            if self._started:
                raise RuntimeError("SiteWatcher.start() called twice")
            self._started = True
        observer: BaseObserver = (
            PollingObserver(timeout=self.poll_interval) if self.poll else Observer()
        )
        self._observer = observer
        self._point()
        self._worker = threading.Thread(target=self._run, name="okrsite-watch-rebuild", daemon=True)
        self._worker.start()
        # Emitters add their OS watches (or take their first snapshot) inside
        # start(), so nothing written after this returns is missed.
        observer.start()

    def update(self, paths: Iterable[StrPath], *, ignore: Iterable[StrPath] | None = None) -> None:
        """Watch ``paths`` instead (and ignore ``ignore``, if given) from now on.

        Watches of paths still listed are kept as they are, so no change in
        them is missed; those of paths no longer listed are dropped and new
        ones added (watchdog's ``schedule``/``unschedule``, with OS
        notifications and with polling alike). Changes still waiting for
        their quiet period are delivered as usual. Before :meth:`start` this
        only sets what :meth:`start` will watch.
        """
        new = [Path(p) for p in paths]
        if ignore is not None:
            ignored = [Path(p) for p in ignore]
            self.ignore, self._ignore_real = ignored, [_real(p) for p in ignored]
        if new == self.paths:
            return
        self.paths = new
        with self._cond:
            if self._stopping or not self._started:
                return
        self._point()

    def _plan(self) -> tuple[list[Path], list[Path], dict[str, tuple[Path, set[str]]]]:
        """What :attr:`paths` ask for: the folders (watched recursively), the
        paths that exist (:attr:`watched`), and by real parent folder the
        names to keep in it (single files, and folders' own names)."""
        folders: list[Path] = []
        watched: list[Path] = []
        files_by_dir: dict[str, tuple[Path, set[str]]] = {}
        for path in self.paths:
            if path.is_dir() or (not path.exists() and not path.suffix):
                # A folder is watched recursively, and its name in its parent
                # folder too: deleting and re-creating it (a checkout, a
                # restored backup) re-arms the watch. A folder that does not
                # exist yet is armed when it appears.
                folders.append(path)
                if path.parent.is_dir():
                    real_parent = _real(path.parent)
                    entry = files_by_dir.setdefault(real_parent, (path.parent, set()))
                    entry[1].add(path.name)
                if path.is_dir():
                    watched.append(path)
            elif path.exists():
                # Watch the folder, not the file: an editor's atomic save
                # replaces the file's inode, which would end a file watch.
                real_parent = _real(path.parent)
                entry = files_by_dir.setdefault(real_parent, (path.parent, set()))
                entry[1].add(path.name)
                watched.append(path)
            elif path.parent.is_dir():
                # a file that does not exist yet (okrsite.toml written after
                # serve started): its name in its folder, so creating it is seen
                real_parent = _real(path.parent)
                entry = files_by_dir.setdefault(real_parent, (path.parent, set()))
                entry[1].add(path.name)
            else:
                logger.debug("not watching %s: it does not exist", path)
        return folders, watched, files_by_dir

    def _point(self) -> None:
        """Make the observer's watches those :attr:`paths` ask for, keeping
        the ones already there."""
        observer = self._observer
        if observer is None:
            return
        folders, watched, files_by_dir = self._plan()
        # new watches first, so a change in a path both old and new lists
        # (spelled another way) is not missed in between
        for real_parent, (shown, names) in files_by_dir.items():
            with self._cond:
                known = self._parent_watches.get(real_parent)
            if known is not None and known[1]._shown == shown:
                known[1]._only = frozenset(names)
                continue
            handler = _Handler(self, real_parent, shown, frozenset(names))
            try:
                watch = observer.schedule(
                    handler, real_parent, recursive=False, event_filter=_EVENT_FILTER
                )
            except OSError:  # gone already: not watched, as a path that does not exist
                continue
            with self._cond:
                self._parent_watches[real_parent] = (watch, handler)
            if known is not None:
                self._drop(*known)
        with self._cond:
            gone = [k for k in self._parent_watches if k not in files_by_dir]
            old = [self._parent_watches.pop(k) for k in gone]
        for watch, handler in old:
            self._drop(watch, handler)
        wanted = set(folders)
        with self._cond:
            dropped = self._folders - wanted
            self._folders = wanted
        for folder in dropped:
            with self._cond:
                entry = self._folder_watches.pop(folder, None)
            if entry is not None:
                self._drop(*entry)
        for folder in folders:
            if folder.is_dir() and folder not in self._folder_watches:
                self._arm(folder)
        self.watched = watched

    def _drop(self, watch: ObservedWatch, handler: _Handler) -> None:
        """Stop ``handler`` seeing ``watch``; end the watch unless another
        entry still uses it."""
        observer = self._observer
        if observer is None:
            return
        with self._cond:
            shared = any(
                w == watch
                for w, _ in (*self._folder_watches.values(), *self._parent_watches.values())
            )
        with contextlib.suppress(KeyError, OSError):
            if shared:
                observer.remove_handler_for_watch(handler, watch)
            else:
                observer.unschedule(watch)

    def _arm(self, folder: Path) -> None:
        """Watch ``folder`` recursively (again), dropping a previous watch of it."""
        observer = self._observer
        if observer is None:
            return
        with self._cond:
            old = self._folder_watches.pop(folder, None)
        if old is not None:
            self._drop(*old)
        if not folder.is_dir():
            return
        real = _real(folder)
        handler = _Handler(self, real, folder, None)
        try:
            watch = observer.schedule(handler, real, recursive=True, event_filter=_EVENT_FILTER)
        except OSError:  # gone again already; the parent's next event re-arms it
            return
        with self._cond:
            kept = folder in self._folders  # not dropped by update() meanwhile
            if kept:
                self._folder_watches[folder] = (watch, handler)
        if not kept:
            self._drop(watch, handler)

    def _rearm(self, folder: Path) -> None:
        if not self._stopping and folder in self._folders:
            self._arm(folder)

    def stop(self) -> None:
        """Stop watching and wait for a running ``on_change`` to finish.

        Changes still waiting for their quiet period are dropped: the process
        is going away, there is nobody to rebuild for.
        """
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        # an interrupt (Ctrl-C as serve starts) can end start() anywhere:
        # after the observer was made but before it ran, or the worker was
        # made but not started; joining a thread never started raises, and
        # one that never ran has nothing to wait for
        observer = self._observer
        if observer is not None:
            observer.stop()  # ends the OS watches and emitters even if never started
            if observer.is_alive():
                observer.join()
            self._observer = None
        worker = self._worker
        if worker is not None and worker is not threading.current_thread() and worker.is_alive():
            worker.join()

    def __enter__(self) -> SiteWatcher:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def busy(self) -> bool:
        """True while ``on_change`` runs."""
        with self._cond:
            return self._busy

    # -- internals -------------------------------------------------------

    def _add(self, paths: Iterable[Path]) -> None:
        now = time.monotonic()
        with self._cond:
            if self._stopping:
                return
            if not self._pending:
                self._first_event = now
            self._pending.update(paths)
            self._last_event = now
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                # Wait for the quiet period (bounded by max_delay).
                while not self._stopping:
                    now = time.monotonic()
                    due = min(self._last_event + self.debounce, self._first_event + self.max_delay)
                    if now >= due:
                        break
                    self._cond.wait(due - now)
                if self._stopping:
                    return
                changed, self._pending = self._pending, set()
                self._busy = True
            try:
                self.on_change(changed)
            except Exception:
                logger.exception("rebuild after changes to %d file(s) failed", len(changed))
            finally:
                with self._cond:
                    self._busy = False
