"""The one pool of forked worker processes, used by loading and rendering.

Parsing 50,000 files and rendering 23,000 pages are both split over a few
processes. Workers are forked (POSIX), so they inherit what the parent has
built (the source tree, the scored portfolio, compiled templates) instead of
receiving it pickled; the parent hands them only small tasks (file names,
page keys) and gets small results back. :func:`forked_pool` sets the state
the workers inherit, and :func:`shared` is how a worker reads it.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from okrsite.lifecycle import die_with_parent

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["can_fork", "forked_pool", "shared", "run_apart", "wait_apart"]

_SHARED: Any = None


def can_fork() -> bool:
    """Whether multiprocessing offers the fork start method (every POSIX
    system), asked without importing it: a small build never forks, and
    multiprocessing with concurrent.futures is several ms of its start-up."""
    return sys.platform != "win32" and hasattr(os, "fork")


@contextmanager
def forked_pool(state: Any, workers: int, *, freeze: bool = False) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` forked processes that inherit ``state``.

    ``freeze`` moves the parent's objects out of the garbage collector's
    sight before forking (``gc.freeze``): a collection in a worker would
    otherwise touch, and so copy, every page of memory the parent shares.
    Every worker starts in :func:`~okrsite.lifecycle.die_with_parent`: it is
    killed when the parent dies (even by ``kill -9``) and ignores Ctrl-C, so
    the parent alone stops the pool and cleans up.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _SHARED = state
    if freeze:
        gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=max(1, workers),
            mp_context=multiprocessing.get_context("fork"),
            initializer=die_with_parent,
        ) as pool:
            yield pool
    finally:
        _SHARED = None
        if freeze:
            gc.unfreeze()


def shared() -> Any:
    """In a worker: the state its pool was forked with."""
    assert _SHARED is not None, "called outside a forked worker"
    return _SHARED


def run_apart(work: Callable[[], object]) -> int | None:
    """Start ``work`` in a forked child process and return its pid (``None``:
    it could not fork, and the caller does the work itself).

    For work whose only effect is on files (saving a cache), which a process
    that renders on one core can leave to the other. The child inherits the
    parent's memory as it is (the collector stays as the parent left it,
    paused), dies with the parent (:func:`~okrsite.lifecycle.die_with_parent`),
    and leaves with ``os._exit``: it runs none of the parent's exit handlers
    and flushes none of its buffers. What the work changes in memory stays
    in the child. Wait for it with :func:`wait_apart`."""
    if not can_fork():
        return None
    for stream in (sys.stdout, sys.stderr):  # nothing written twice by the child
        stream.flush()
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    code = 1
    try:
        die_with_parent()
        work()
        code = 0
    finally:
        os._exit(code)


def wait_apart(pid: int) -> bool:
    """Wait for a child of :func:`run_apart`; whether its work ended without an error."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return False
    return os.waitstatus_to_exitcode(status) == 0
