"""Storing the page cache after a build: what its pages and pieces read, numbered.

:class:`PageCacheSave`, a base class of :class:`okrsite.page_cache.PageCache`,
writes ``pages.pickle`` (:mod:`okrsite.page_store`) once the new output is
in place: each page's file and the numbers of what it read in one table of
dependencies, each dependency's fingerprint, the output folder's files, and
the renderer's memoised pieces (:data:`_FRAGMENT_KINDS`) as plain values.
The next build reads it back in :meth:`okrsite.page_cache.PageCache.plan`.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from markupsafe import Markup

from okrsite.dependencies import Dep
from okrsite.page_cache_output import Snapshot, snapshot
from okrsite.page_store import StoredBase, write_pages
from okrsite.read_numbers import NumberedReads
from okrsite.render import PageKey
from okrsite.urls import page_file

if TYPE_CHECKING:
    from okrsite.render import SiteRenderer

__all__ = ["PageCacheSave", "plain_piece"]


class PageCacheSave:
    """The writing side of :class:`okrsite.page_cache.PageCache` (a base class
    of it: its attributes are the page cache's, set up there)."""

    folder: Path
    out_dir: Path
    site: SiteRenderer
    inputs: str
    site_print: bytes
    _values: dict[Dep, bytes]
    reused: dict[PageKey, tuple[str, tuple[int, ...]]]
    previous: Snapshot | None
    unchanged: bool
    unknown: frozenset[int]
    digests: dict[str, bytes]
    restored: bool
    _kept: tuple[tuple[Dep, ...], tuple[bytes, ...], list[bool]] | None
    _table: dict[Dep, int] | None
    _seeded: dict[str, dict[Any, tuple[Any, tuple[int, ...]]]]
    _base: StoredBase | None

    if TYPE_CHECKING:  # the page cache's own (okrsite.page_cache)

        @property
        def usable(self) -> bool: ...

        def _fill(self, deps: list[Dep]) -> None: ...

        def _history_print(self) -> str: ...

    def numbered_reads(self) -> NumberedReads:
        """Where render workers put what pages read, numbered in the table
        this cache will store (its stored numbering, new reads after it)."""
        order = self._kept[0] if self._kept is not None else ()
        return NumberedReads(self._numbering(), unknown=self.unknown, order=order)

    def _numbering(self) -> dict[Dep, int]:
        if self._table is None:
            kept = self._kept[0] if self._kept is not None else ()
            self._table = {dep: i for i, dep in enumerate(kept)}
        return self._table

    @property
    def reused_files(self) -> set[str]:
        """The files of the reused pages. Pages are reused only when the output
        folder is the one this cache describes, and the build then updates it
        in place (:meth:`okrsite.writer.StagedOutput.update_in_place`), so the
        files simply stay where they are."""
        return {rel for rel, _ in self.reused.values()}

    def save(
        self,
        rendered: dict[PageKey, frozenset[Dep]],
        written: Mapping[str, bytes],
        replaced: list[str] | None = None,
        deleted: list[str] | None = None,
        reads: NumberedReads | None = None,
    ) -> bool:
        """Store what the new output's pages read; ``False`` if it could not.

        ``written`` holds the content hash of every file this build staged.
        After an in-place update, ``replaced`` and ``deleted`` name the files
        that changed, and only those are looked at again."""
        if not self.usable:
            return False
        if self.unchanged and not self.restored:
            return True  # the stored cache describes this output exactly
        if self.previous is not None and replaced is not None and deleted is not None:
            files: Snapshot | None = dict(self.previous)
            assert files is not None
            for rel in deleted:
                files.pop(rel, None)
            try:
                for rel in replaced:
                    st = os.stat(self.out_dir / rel, follow_symlinks=False)
                    files[rel] = (st.st_size, st.st_ctime_ns, st.st_ino)
            except OSError:
                return False
        else:
            files = snapshot(self.out_dir)
        if files is None:
            return False
        self.digests.update(written)
        for rel in [rel for rel in self.digests if rel not in files]:
            del self.digests[rel]
        if set(self.digests) != set(files):
            return False  # a file nobody hashed (made by hand during the build)
        table = self._numbering()
        old_values: list[bytes] = []
        if self._kept is not None:  # numbered as stored; new reads are numbered after
            _, kept_values, same = self._kept
            old_values = [v if same[i] else b"" for i, v in enumerate(kept_values)]
        numbered = reads if reads is not None else NumberedReads(table)
        assert numbered.table is table
        pages: dict[PageKey, tuple[str, tuple[int, ...]]] = {}
        for key, entry in self.reused.items():
            pages[key] = entry
        for key, deps in rendered.items():
            pages[key] = (page_file(key), _ids(table, deps))
        for key, ids in numbered.pages.items():
            pages[key] = (page_file(key), ids)
        fragments: dict[str, dict[Any, tuple[Any, tuple[int, ...]]]] = {}
        memo = self.site.memo
        for kind in _FRAGMENT_KINDS:
            entries = fragments[kind] = {}
            seeded = self._seeded.get(kind, {})
            taken = numbered.pieces.get(kind, {})
            for key, piece in getattr(memo, kind).items():
                if key in taken:  # rendered by the build's own process, numbered there
                    continue
                kept = seeded.get(key)
                ids = kept[1] if kept is not None and kept[0] is piece else _ids(table, piece[1])
                entries[key] = (plain_piece(piece[0]), ids)
            for key, (value, ids) in numbered.pieces.get(kind, {}).items():
                entries[key] = (plain_piece(value), ids)
        deps_table = tuple(table)
        printed = numbered.prints
        missing = [
            (i, dep)
            for i, dep in enumerate(deps_table)
            if (i >= len(old_values) or not old_values[i]) and i not in printed
        ]
        self._fill([dep for _, dep in missing if dep not in self._values])
        old_values += [b""] * (len(deps_table) - len(old_values))
        for i, print_ in printed.items():
            if not old_values[i]:
                old_values[i] = print_
        for i, dep in missing:
            old_values[i] = self._values[dep]
        try:
            values = tuple(old_values)
            data = (
                self.site_print,
                str(self.out_dir),
                files,
                pages,
                deps_table,
                values,
                f"{self.inputs}|{self._history_print()}",
                self.digests,
                fragments,
            )
            self._base = write_pages(self.folder, data, self._base)
        except (OSError, pickle.PicklingError):
            return False
        return True


def _ids(table: dict[Dep, int], deps: frozenset[Dep]) -> tuple[int, ...]:
    """The numbers of these dependencies in ``table`` (new ones numbered next).

    Mostly every one is numbered already (a dashboard read 100,000 of them at
    10,000 objectives): those are looked up in one pass in C, and only a
    page that read something new is numbered one dependency at a time."""
    found: list[int | None] = list(map(table.get, deps))
    if None in found:
        found = [table.setdefault(dep, len(table)) for dep in deps]
    numbers = cast(list[int], found)
    numbers.sort()
    return tuple(numbers)


#: the renderer's memoised pieces kept between builds, and how each is read back
_FRAGMENT_KINDS: dict[str, Callable[[Any], Any]] = {
    "items": Markup,
    "nodes": Markup,
    "exports": tuple,
    "entries": Markup,  # value-keyed (Partials.VALUE_KEYED): read nothing
    "badges": str,
    "histories": str,
    "history_rests": str,
}


def plain_piece(value: Any) -> Any:
    """A piece as plain values (the cache may hold no classes but builtins)."""
    if type(value) is str:
        return value
    if isinstance(value, Markup):
        return str(value)
    return tuple(value)
