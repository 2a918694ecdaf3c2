"""What the pages of a build read, as numbers into one table of dependencies.

The page cache (:mod:`okrsite.page_cache`) stores each page's dependencies
as numbers into one table of every dependency read. At 10,000 objectives
the pages make 750,000 reads of 165,000 distinct dependencies. Sending each
page's reads from a render worker to the parent as a set of
``(collection, key)`` tuples, making one object of each in the parent and
numbering them again when the cache is saved cost seconds and hundreds of
megabytes. Instead each worker numbers what it reads in its own table
(:class:`WorkerNumbers`) and sends, per chunk, the dependencies new to that
table with their fingerprints, and each page's reads as numbers; the parent
(:class:`NumberedReads`) translates a worker's numbers into the build's
table with one list look-up per read.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from okrsite.dependencies import Dep

__all__ = ["NumberedReads", "WorkerNumbers"]


class WorkerNumbers:
    """In a render worker: its own numbering of what its pages read."""

    __slots__ = ("ids", "order", "sent", "base")

    def __init__(self, seed: Mapping[Dep, int] | None = None) -> None:
        #: ``seed``: the build's table as this process found it (the page
        #: cache's numbering, inherited through fork): what is numbered there
        #: keeps its number, which the parent knows, so after an edit a worker
        #: sends back only what no earlier build read
        self.ids: dict[Dep, int] = dict(seed) if seed else {}
        #: how many numbers the seed gave (the parent maps them to themselves)
        self.base = len(self.ids)
        #: the dependencies numbered here, after ``base``
        self.order: list[Dep] = []
        #: how many of ``order`` the parent has been sent
        self.sent = 0

    def number(self, deps: Iterable[Dep]) -> bytes:
        """These dependencies as this worker's numbers (packed unsigned ints).

        Mostly every one is numbered already (by the seed, or by an earlier
        chunk): those are looked up in one pass in C, and only a chunk that
        read something new numbers one dependency at a time (the dashboard
        read 100,000 dependencies at 10,000 objectives).
        """
        ids, order, base = self.ids, self.order, self.base
        listed = deps if isinstance(deps, (set, frozenset, list, tuple)) else list(deps)
        found = list(map(ids.get, listed))
        if None in found:
            numbers = array("I")
            for dep in listed:
                i = ids.get(dep)
                if i is None:
                    i = ids[dep] = base + len(order)
                    order.append(dep)
                numbers.append(i)
            return numbers.tobytes()
        return array("I", found).tobytes()  # type: ignore[type-var]

    def new(self) -> list[Dep]:
        """The dependencies numbered since the last call (the parent has not seen them)."""
        fresh = self.order[self.sent :]
        self.sent = len(self.order)
        return fresh


class NumberedReads:
    """In the parent: the reads of the pages and pieces workers rendered,
    numbered in one table (the page cache's, so stored numbers stay valid).

    A worker's chunks must be taken in the order that worker rendered them:
    each chunk's numbers may refer to dependencies a previous chunk of the
    same worker introduced.
    """

    def __init__(
        self,
        table: dict[Dep, int],
        *,
        unknown: frozenset[int] = frozenset(),
        order: Sequence[Dep] = (),
    ) -> None:
        self.table = table
        #: numbers of ``table`` whose fingerprints the page cache did not take
        #: (a build into a new output folder compares only what its kept
        #: pieces read): render processes print them as their pages read them
        self.unknown = unknown
        #: ``table``'s dependencies in the order of their numbers (as stored)
        self.order = order
        #: page → its reads, numbered in ``table`` and sorted
        self.pages: dict[Any, tuple[int, ...]] = {}
        #: memo kind → piece key → (piece, its reads numbered)
        self.pieces: dict[str, dict[Any, tuple[Any, tuple[int, ...]]]] = {}
        #: number in ``table`` → fingerprint taken by a worker
        self.prints: dict[int, bytes] = {}
        self._workers: dict[int, list[int]] = {}

    def take(
        self,
        worker: int,
        new: list[Dep],
        prints: list[bytes],
        pages: dict[Any, bytes],
        pieces: dict[str, dict[Any, tuple[Any, bytes]]],
        base: int = 0,
        seeded: Mapping[int, bytes] | None = None,
    ) -> None:
        """One chunk of one worker: its new dependencies (with their
        fingerprints), its pages' and pieces' reads in the worker's numbers
        (the first ``base`` of which are this table's own, its seed), and
        ``seeded``: the prints of :attr:`unknown` ones it read, by number."""
        table = self.table
        if seeded:
            for number, print_ in seeded.items():
                self.prints.setdefault(number, print_)
        local = self._workers.get(worker)
        if local is None:
            local = self._workers[worker] = list(range(base))
        for dep, print_ in zip(new, prints, strict=True):
            number = table.setdefault(dep, len(table))
            local.append(number)
            self.prints.setdefault(number, print_)
        at = local.__getitem__
        for key, packed in pages.items():
            self.pages[key] = tuple(sorted(map(at, array("I", packed))))
        for kind, entries in pieces.items():
            kept = self.pieces.setdefault(kind, {})
            for key, (value, packed) in entries.items():
                kept[key] = (value, tuple(sorted(map(at, array("I", packed)))))
