"""Pausing Python's cyclic garbage collector around bulk work.

Loading, rendering and a preview rebuild allocate millions of small objects
and make (next to) no reference cycles. The collector's passes over them find
nothing, yet cost up to a fifth of the time, and on a large portfolio a full
pass lands at random in the middle of the work. Refcounting still frees
everything that is not in a cycle while the collector is paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the body with the cyclic collector off; restore its previous state."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: a probe's collection that frees more than this many objects (four per page
#: of a chunk) means the site's templates make reference cycles
CYCLES_FOUND = 1000
#: one chunk in this many is a probe
PROBE_EVERY = 8


class ChunkCollections:
    """The cyclic collector between chunks of rendered pages.

    Pages render with the collector paused. The default theme's pages make
    no reference cycles (:func:`okrsite.view.partials._drop_macros` breaks
    the only ones), so a collection after each chunk freed nothing and only
    walked every object the chunk made and kept (the memoised pieces and
    what pages read): 50 collections of 40,000-60,000 objects, some 4 CPU s
    at 10,000 objectives. A site's own templates may still make cycles.

    In a process that ends after rendering (``exits``: a forked render
    worker, or ``okrsite build``), one chunk in :data:`PROBE_EVERY` is a
    probe: the objects of the chunks before it are first moved out of the
    collector's sight (``gc.freeze``, which touches no object), so its
    collection walks only what that chunk made. A probe that frees more than
    :data:`CYCLES_FOUND` objects shows templates that make cycles, and from
    then on every chunk is collected, as everywhere else: what the chunks
    between two probes left in cycles stays until the process ends, at most
    seven chunks' worth. A process that goes on (the preview's, a build
    through the API) collects after every chunk."""

    def __init__(self, exits: bool) -> None:
        self.probing = exits
        self.chunks = 0

    def before_chunk(self) -> None:
        if self.probing and self.chunks % PROBE_EVERY == 0:
            gc.freeze()

    def after_chunk(self) -> None:
        """Collect, or not, after a chunk that more chunks follow in this process."""
        probe = self.chunks % PROBE_EVERY == 0
        self.chunks += 1
        if not self.probing:
            gc.collect(1)
        elif probe and gc.collect(1) > CYCLES_FOUND:
            self.probing = False
