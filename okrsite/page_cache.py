"""The rendered-page cache of ``okrsite build``: render only pages whose inputs changed.

Every page records what it reads while it renders (:mod:`okrsite.dependencies`).
After a build, ``pages.pickle`` in the cache folder keeps, for each page, its
file and what it read, a fingerprint of each thing read (a hash of its
value: a record, a score, an index entry), a fingerprint of everything all
pages read (okrsite's code and version, the theme and the site's templates,
static files and translations, ``okrsite.toml``, as_of, the cycles, the
navigation), the size, modification time, inode and content hash of every
file of the output folder it produced, and the memoised pieces of the
renderer (each objective's list item, tree node, export rows, badge and
entry of ``api/history.json``, and the rest of that file) with what each
read. The next build reuses a page, leaving its file where it is, when
the site fingerprint is the same and every fingerprint the page read is
too, and puts the still-valid pieces back into the renderer's memo; the
output folder is then updated in place (:mod:`okrsite.writer`). When the
load's hash of every input is the one stored too, nothing is rendered at
all. The site-wide files (exports, search index, feed, badges, static
files) are otherwise rendered every time; a file whose bytes did not change
is not written.

Any doubt is a full build, never stale output: another okrsite, version or
code, a changed theme or setting, a cache that cannot be read or unpickled
completely, another build holding the cache's lock, ``--clean``, another
output folder, or an output folder that is not exactly the one the cache
describes (a file added, removed, or changed by hand; a restored copy is
accepted when every file's content hash matches). In the last two cases
(a CI job that keeps only the cache folder builds into a new one) every
page is rendered, but the still-valid pieces are put back into the memo
all the same: they hold no trace of the output folder. The cache is written
to a temporary name and renamed into place, after the new output is in
place; a failed build leaves it as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import IO, Any

import jinja2

from okrsite.dependencies import EVERY, Dep
from okrsite.fork_pool import can_fork, forked_pool, shared
from okrsite.page_cache_output import Snapshot, _same_content, snapshot
from okrsite.page_cache_save import _FRAGMENT_KINDS, PageCacheSave
from okrsite.page_cache_save import plain_piece as plain_piece  # for okrsite.render_plan
from okrsite.page_store import CACHE_FILE, StoredBase, read_pages
from okrsite.parse_store import code_fingerprint, ignore_in_git
from okrsite.render import HISTORY_TABLES, PageKey, SiteRenderer
from okrsite.sitefiles import UnsafeFileError, read_owned
from okrsite.urls import page_file
from okrsite.value_prints import Printer, before_forking, fingerprint, forked_printer

__all__ = ["PageCache", "fingerprint", "CACHE_FILE"]

LOCK_FILE = "pages.lock"


@cache
def _libraries_print() -> bytes:
    """The libraries that shape pages besides okrsite's own code: the code Jinja
    generates for a template is its version's, and a body's HTML (kept by
    :mod:`okrsite.kept_pieces`) is markdown-it's and its plugins' (and, on a
    site with ``allow_html``, nh3's). Those are named by their package's
    ``__init__.py`` (which states the version; nh3, by its compiled module's
    size and time, as reading it would cost a build a millisecond),
    found without importing them: a build after one edit may convert no
    Markdown at all."""
    digest = hashlib.blake2b(f"jinja {jinja2.__version__}".encode(), digest_size=16)
    for package in ("markdown_it", "mdit_py_plugins"):
        spec = importlib.util.find_spec(package)
        origin = spec.origin if spec is not None else None
        digest.update(b"\0" + package.encode() + b"\0")
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(origin).read_bytes())  # type: ignore[arg-type]
    spec = importlib.util.find_spec("nh3")
    if spec is not None and spec.origin:
        for compiled in sorted(Path(spec.origin).parent.glob("nh3*.*")):
            with contextlib.suppress(OSError):
                stat = compiled.stat()
                digest.update(f"\0{compiled.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.digest()


def site_fingerprint(site: SiteRenderer, site_root: Path) -> bytes:
    """What every page reads and no dependency key holds: okrsite's code, the
    settings, and every file of the theme and of the site's own theme files
    the build may read (:meth:`~okrsite.theme.Theme.used_files`), each read
    only from inside the folder it belongs to. A file that may not be read
    (a link out of the site, a FIFO, no permission) is not read, and stops
    the build before this (:meth:`~okrsite.theme.Theme.source_problems`);
    should it turn up here all the same, its refusal is what is printed."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(code_fingerprint().encode())
    digest.update(_libraries_print())
    digest.update(fingerprint((site.config, site.global_state())))
    theme = site.theme
    folders: dict[tuple[str, ...], dict[str, tuple[str, bool]]] = {}
    for name, path in theme.used_files(site_root):
        digest.update(b"\0file\0" + name.encode("utf-8", "surrogateescape") + b"\0")
        roots = theme.home_of(path)
        try:
            data = read_owned(path, roots, folders.setdefault(roots, {}))
        except UnsafeFileError as exc:
            digest.update(b"refused " + exc.refusal.code.encode())
            continue
        digest.update(hashlib.blake2b(data, digest_size=16).digest())
    return digest.digest()


class PageCache(PageCacheSave):
    """One build's use of the page cache (hold it with ``with``: it holds the lock).

    Storing it after the build (:meth:`save`) is its base class's, in
    :mod:`okrsite.page_cache_save`; the output folder's listing is
    :mod:`okrsite.page_cache_output`'s."""

    def __init__(
        self,
        folder: Path,
        out_dir: Path,
        site: SiteRenderer,
        site_root: Path,
        inputs: str = "",
        jobs: int = 1,
    ) -> None:
        self.folder = folder
        self.out_dir = out_dir
        self.site = site
        self._printer = Printer()
        self.site_root = site_root
        #: the load's hash of every input (``LoadResult.inputs``; empty: unknown)
        self.inputs = inputs
        self.jobs = jobs
        self._lock: IO[bytes] | None = None
        self._values: dict[Dep, bytes] = {}
        #: pages kept from the previous output: key → (file, the numbers of what
        #: it read in the stored table of dependencies)
        self.reused: dict[PageKey, tuple[str, tuple[int, ...]]] = {}
        self.site_print = b""
        #: the previous output's files, when it is exactly the one this cache describes
        self.previous: Snapshot | None = None
        #: nothing the site reads changed: every file of the previous output stays
        self.unchanged = False
        #: numbers of stored dependencies this build did not compare (and so
        #: treats as changed), whose prints the render takes as pages read them
        self.unknown: frozenset[int] = frozenset()
        #: each output file's content hash, as stored (and, after the build, as now)
        self.digests: dict[str, bytes] = {}
        #: the output folder holds the stored files, but as copies (a CI cache restored)
        self.restored = False
        #: memoised pieces taken from the cache (:meth:`_seed_memo`)
        self.pieces_reused = 0
        # what the stored cache said, kept so that saving after a small
        # change reuses its table instead of numbering 750,000 reads again
        self._kept: tuple[tuple[Dep, ...], tuple[bytes, ...], list[bool]] | None = None
        self._table: dict[Dep, int] | None = None
        self._seeded: dict[str, dict[Any, tuple[Any, tuple[int, ...]]]] = {}
        #: the large file of the stored cache, which a small change is stored against
        self._base: StoredBase | None = None

    # ------------------------------------------------------------ locking
    def __enter__(self) -> PageCache:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore_in_git(self.folder)
            import fcntl

            lock = open(self.folder / LOCK_FILE, "ab")  # noqa: SIM115 (held until __exit__)
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                lock.close()  # another build runs: neither read nor write the cache
                return self
            self._lock = lock
        except (OSError, ImportError):
            pass
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    @property
    def usable(self) -> bool:
        return self._lock is not None

    # ------------------------------------------------------------ reading
    def value(self, dep: Dep) -> bytes:
        hit = self._values.get(dep)
        if hit is None:
            hit = self._values[dep] = self._printer.dep(self.site.recorder.collections, dep)
        return hit

    def _history_print(self) -> str:
        return self.value(("history", EVERY)).hex()

    def plan(self, clean: bool) -> list[PageKey]:
        """The pages to render; the others are in :attr:`reused`."""
        keys = self.site.page_keys()
        if not self.usable:
            return keys
        self.site_print = site_fingerprint(self.site, self.site_root)
        if clean:
            return keys
        stored = self._load()
        if stored is None:
            return keys
        site_print, out_dir, files, pages, deps_table, values, inputs, digests, fragments = stored
        if site_print != self.site_print:
            return keys
        now = snapshot(self.out_dir) if out_dir == str(self.out_dir) else None
        # The output is not the one this cache describes (a fresh folder, as
        # a CI job that keeps only the cache folder has): every page is
        # rendered, but the pieces whose inputs did not change (an objective's
        # row of the lists and the exports, its badge, its history entry) are
        # taken from the cache, not rendered again.
        same_output = now is not None and (
            now == files or _same_content(self.out_dir, now, files, digests)
        )
        if same_output:
            assert now is not None
            self.restored = now != files
            self.previous = now
            self.digests = dict(digests)
        # The git history as a whole (HEAD and what was read): pages read
        # only their own timelines, but api/history.json and the feed read it all.
        stored_inputs, _, stored_history = str(inputs).rpartition("|")
        history_same = stored_history == self._history_print()
        # Which stored dependencies to compare: every one when the stored
        # pages may be kept; in a new output folder only those the stored
        # pieces read (a third of them). The others are changed as far as
        # this build knows (:attr:`unknown`): no page is kept, and the
        # render workers print what their pages read of them. That spares
        # computing and printing every objective's history timeline here,
        # in this one process, which the workers do anyway for the pages
        # that show them (a first build with history at 10,000 objectives
        # planned in 1.6 s instead of 3.3 s).
        wanted: set[int] | None = None
        if not same_output:
            wanted = set()
            for entries in fragments.values():
                for _, ids in entries.values():
                    wanted.update(ids)
        if self.inputs and stored_inputs == self.inputs:
            # The same files, configuration, as_of, code and theme: the same
            # portfolio, so every dependency has its old value but the git
            # history's, which no input file holds.
            # The history's own tables are the history's: the same when it is.
            same = [
                not dep[0].startswith("history")
                or (history_same and dep[0] in HISTORY_TABLES)
                or ((wanted is None or i in wanted) and values[i] == self.value(dep))
                for i, dep in enumerate(deps_table)
            ]
        elif wanted is None:
            self._fill([dep for dep in deps_table if dep not in self._values])
            same = [values[i] == self._values[dep] for i, dep in enumerate(deps_table)]
        else:
            self._fill([deps_table[i] for i in sorted(wanted) if deps_table[i] not in self._values])
            same = [False] * len(deps_table)
            for i in wanted:
                same[i] = values[i] == self._values[deps_table[i]]
        if wanted is not None:  # what was not compared counts as changed
            self.unknown = frozenset(i for i, ok in enumerate(same) if not ok and i not in wanted)
        self._kept = (deps_table, values, same)
        # what changed, by number: a page or piece is kept when none of the
        # numbers it read is among these (one set operation in C each)
        changed = frozenset(i for i, ok in enumerate(same) if not ok)
        if not same_output:
            self._seed_memo(fragments, deps_table, changed)
            return keys
        render: list[PageKey] = []
        for key in keys:
            entry = pages.get(key)
            if (
                entry is not None
                and entry[0] == page_file(key)
                and entry[0] in files
                and changed.isdisjoint(entry[1])
            ):
                self.reused[key] = entry
            else:
                render.append(key)
        self.unchanged = not render and not changed and set(pages) == set(keys) and history_same
        if not self.unchanged:
            self._seed_memo(fragments, deps_table, changed)
        return render

    def _seed_memo(
        self, fragments: Mapping[str, Any], deps_table: tuple[Dep, ...], changed: frozenset[int]
    ) -> None:
        """Put the stored pieces whose dependencies did not change into the
        renderer's memo: the dashboard, the alignment tree and the exports
        of a large site are mostly one piece per objective, so after one
        edit they are joined again, not rendered again."""
        memo = self.site.memo
        for kind, entries in fragments.items():
            target = getattr(memo, kind, None)
            if not isinstance(target, dict) or not isinstance(entries, dict):
                continue
            wrap = _FRAGMENT_KINDS.get(kind)
            if wrap is None:
                continue
            deps_of = deps_table.__getitem__
            for key, (value, ids) in entries.items():
                if key not in target and changed.isdisjoint(ids):
                    target[key] = piece = (wrap(value), frozenset(map(deps_of, ids)))
                    self._seeded.setdefault(kind, {})[key] = (piece, ids)
                    self.pieces_reused += 1

    def _fill(self, deps: list[Dep]) -> None:
        """Fingerprint these dependencies, in forked processes when there are many."""
        self._values.update(zip(deps, fingerprints(self.site, deps, self.jobs), strict=True))

    def _load(self) -> tuple[Any, ...] | None:
        stored, self._base = read_pages(self.folder)
        if not (isinstance(stored, tuple) and len(stored) == 9):
            return None
        _, _, files, pages, deps_table, values, _, digests, fragments = stored
        if not (
            isinstance(fragments, dict)
            and isinstance(files, dict)
            and isinstance(digests, dict)
            and set(digests) == set(files)
            and isinstance(pages, dict)
            and isinstance(deps_table, tuple)
            and isinstance(values, tuple)
            and len(deps_table) == len(values)
        ):
            return None
        numbers = range(len(deps_table))
        try:
            for rel, ids in pages.values():
                if not isinstance(rel, str) or not _numbered(ids, numbers):
                    return None
            for entries in fragments.values():
                for _, ids in entries.values():
                    if not _numbered(ids, numbers):
                        return None
        except (TypeError, ValueError, AttributeError):
            return None
        return stored


def _numbered(ids: Any, numbers: range) -> bool:
    """Whether ``ids`` is a tuple of numbers of the dependency table."""
    return type(ids) is tuple and (not ids or (min(ids) in numbers and max(ids) in numbers))


def _prints_of(deps: list[Dep]) -> bytes:
    """In a forked worker: the fingerprints of these dependencies, joined."""
    site = shared()
    collections = site.recorder.collections
    return b"".join(forked_printer().deps(collections, deps))


#: fewer dependencies than this are fingerprinted in this process. Forking
#: two workers from a parent holding a 10,000-objective portfolio (175,000
#: dependencies after an edit) cost about 2 CPU seconds more than printing
#: them here (copied pages, each worker printing the shared records again)
#: and was no faster on two busy cores, so only far larger sites fork.
PARALLEL_DEPS = 500_000


def fingerprints(site: SiteRenderer, deps: list[Dep], jobs: int) -> list[bytes]:
    """The fingerprint of each dependency, in ``jobs`` forked processes when
    there are very many (:data:`PARALLEL_DEPS`)."""
    if jobs <= 1 or len(deps) < PARALLEL_DEPS or not can_fork():
        collections = site.recorder.collections
        return Printer().deps(collections, deps)
    size = -(-len(deps) // (jobs * 4))
    chunks = [deps[i : i + size] for i in range(0, len(deps), size)]
    before_forking()
    with forked_pool(site, jobs) as pool:
        joined = b"".join(pool.map(_prints_of, chunks))
    return [joined[i : i + 16] for i in range(0, len(joined), 16)]
