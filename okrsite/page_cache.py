"""The rendered-page cache of ``okrsite build``: render only pages whose inputs changed.

Every page records what it reads while it renders (:mod:`okrsite.dependencies`).
After a build, ``pages.pickle`` in the cache folder keeps, for each page, its
file and what it read, a fingerprint of each thing read (a hash of its
value: a record, a score, an index entry), a fingerprint of everything all
pages read (okrsite's code and version, the theme and the site's templates,
static files and translations, ``okrsite.toml``, as_of, the cycles, the
navigation), and the size, modification time and inode of every file of the
output folder it produced. The next build reuses a page, by hard-linking
(else copying) the previous output's file into the staging folder, when the
site fingerprint is the same and every fingerprint the page read is too;
everything else is rendered as usual. The site-wide files (exports, search
index, feed, badges, static files) are rendered every time; a file whose
bytes did not change is linked, not written.

Any doubt is a full build, never stale output: another okrsite, version or
code, a changed theme or setting, a cache that cannot be read or unpickled
completely, another build holding the cache's lock, ``--clean``, another
output folder, or an output folder that is not exactly the one the cache
describes (a file added, removed, or touched by hand). The cache is written
to a temporary name and renamed into place, after the new output is in
place; a failed build leaves it as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from okrsite.dependencies import Dep, value_of
from okrsite.parse_store import code_fingerprint, ignore_in_git
from okrsite.render import PageKey, SiteRenderer
from okrsite.urls import page_file

__all__ = ["PageCache", "fingerprint", "CACHE_FILE"]

CACHE_FILE = "pages.pickle"
LOCK_FILE = "pages.lock"
_FORMAT = b"okrsite-page-cache 1\n"

Snapshot = dict[str, tuple[int, int, int]]
"""Output file (relative posix path) → (size, modification time in ns, inode)."""


def fingerprint(value: Any) -> bytes:
    """A hash of a value's pickle, written without pickle's memo, so equal
    values give equal bytes however their objects are shared."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True  # no memo: sharing does not change the bytes
    pickler.dump(value)
    return hashlib.blake2b(buf.getbuffer(), digest_size=16).digest()


def _history_print(history: Any) -> bytes:
    """The history read from git as pages see it, as JSON: read afresh or from
    its cache file it holds the same values in lists or tuples (which pickle
    differently), and a different count of commits read this run (no page
    shows it)."""
    if history is None:
        return fingerprint(None)
    quick: bytes | None = history.fingerprint()  # from what it was read: cheap
    if quick is not None:
        return quick
    shown = dataclasses.asdict(history)
    shown.pop("commits_read", None)
    text = json.dumps(shown, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


class _PlainUnpickler(pickle.Unpickler):
    """The cache holds only strings, numbers, bytes, tuples, lists, dicts and
    frozensets: any class is refused (a cache folder may come from elsewhere)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "frozenset"):
            return frozenset
        raise pickle.UnpicklingError(f"refused to build {module}.{name} from the page cache")


def snapshot(out_dir: Path) -> Snapshot | None:
    """Every file under ``out_dir`` with its size, mtime and inode (``None``: unreadable)."""
    files: Snapshot = {}
    try:
        for folder, _, names in os.walk(out_dir):
            rel_folder = os.path.relpath(folder, out_dir)
            for name in names:
                st = os.stat(os.path.join(folder, name), follow_symlinks=False)
                rel = name if rel_folder == "." else f"{rel_folder}/{name}".replace(os.sep, "/")
                files[rel] = (st.st_size, st.st_mtime_ns, st.st_ino)
    except OSError:
        return None
    return files


def site_fingerprint(site: SiteRenderer, site_root: Path) -> bytes:
    """What every page reads and no dependency key holds."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(code_fingerprint().encode())
    digest.update(fingerprint((site.config, site.global_state())))
    folders = [path for _, path in site.theme.chain]
    folders += [site_root / name for name in ("templates", "static", "translations")]
    for folder in folders:
        # named relative to the site when inside it: a moved checkout keeps its cache
        try:
            name = folder.resolve().relative_to(site_root.resolve()).as_posix()
        except (ValueError, OSError):
            name = str(folder)
        digest.update(b"\0folder\0" + name.encode())
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return digest.digest()


class PageCache:
    """One build's use of the page cache (hold it with ``with``: it holds the lock)."""

    def __init__(self, folder: Path, out_dir: Path, site: SiteRenderer, site_root: Path) -> None:
        self.folder = folder
        self.out_dir = out_dir
        self.site = site
        self.site_root = site_root
        self._lock: IO[bytes] | None = None
        self._values: dict[Dep, bytes] = {}
        #: pages kept from the previous output: key → (file, what it read)
        self.reused: dict[PageKey, tuple[str, frozenset[Dep]]] = {}
        self.site_print = b""

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
            value = value_of(self.site.recorder.collections, dep)
            if dep[0] == "history":  # the collection is (history,)
                hit = _history_print(value[0] if isinstance(value, tuple) and value else None)
            else:
                hit = fingerprint(value)
            self._values[dep] = hit
        return hit

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
        site_print, out_dir, files, pages, deps_table, values = stored
        if site_print != self.site_print or out_dir != str(self.out_dir):
            return keys
        if snapshot(self.out_dir) != files:
            return keys  # the output is not the one this cache describes
        same = [values[i] == self.value(dep) for i, dep in enumerate(deps_table)]
        render: list[PageKey] = []
        for key in keys:
            entry = pages.get(key)
            if (
                entry is not None
                and entry[0] == page_file(key)
                and entry[0] in files
                and all(same[i] for i in entry[1])
            ):
                self.reused[key] = (entry[0], frozenset(deps_table[i] for i in entry[1]))
            else:
                render.append(key)
        return render

    def _load(self) -> tuple[Any, ...] | None:
        try:
            with open(self.folder / CACHE_FILE, "rb") as fh:
                if fh.read(len(_FORMAT)) != _FORMAT:
                    return None
                stored = _PlainUnpickler(io.BufferedReader(fh)).load()
        except Exception:  # a corrupt pickle can raise almost anything; never trust it
            return None
        if not (isinstance(stored, tuple) and len(stored) == 6):
            return None
        _, _, files, pages, deps_table, values = stored
        if not (
            isinstance(files, dict)
            and isinstance(pages, dict)
            and isinstance(deps_table, tuple)
            and isinstance(values, tuple)
            and len(deps_table) == len(values)
        ):
            return None
        try:
            for rel, ids in pages.values():
                if not isinstance(rel, str) or any(not 0 <= i < len(deps_table) for i in ids):
                    return None
        except (TypeError, ValueError):
            return None
        return stored

    # ------------------------------------------------------------ writing
    def link_reused(self, staging: Path) -> set[str]:
        """Hard-link (else copy) the reused pages from the previous output."""
        done: set[str] = set()
        for rel, _ in self.reused.values():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            source = self.out_dir / rel
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)
            done.add(rel)
        return done

    def save(self, rendered: dict[PageKey, frozenset[Dep]]) -> bool:
        """Store what the new output's pages read; ``False`` if it could not."""
        if not self.usable:
            return False
        files = snapshot(self.out_dir)
        if files is None:
            return False
        table: dict[Dep, int] = {}
        pages: dict[PageKey, tuple[str, tuple[int, ...]]] = {}
        every = [(k, rel, deps) for k, (rel, deps) in self.reused.items()]
        every += [(k, page_file(k), deps) for k, deps in rendered.items()]
        for key, rel, deps in every:
            ids = tuple(sorted(table.setdefault(dep, len(table)) for dep in deps))
            pages[key] = (rel, ids)
        deps_table = tuple(table)
        try:
            values = tuple(self.value(dep) for dep in deps_table)
            data = (self.site_print, str(self.out_dir), files, pages, deps_table, values)
            with _atomic(self.folder / CACHE_FILE) as fh:
                fh.write(_FORMAT)
                pickle.dump(data, fh, protocol=5)
        except (OSError, pickle.PicklingError):
            return False
        return True


@contextlib.contextmanager
def _atomic(target: Path) -> Iterator[IO[bytes]]:
    fd, tmp = tempfile.mkstemp(prefix=".pages-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
