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


def _start_worker() -> None:
    """A forked worker's first step: what it inherited is moved out of the
    garbage collector's sight (``gc.freeze``, which splices the collector's
    lists and touches no object), then :func:`die_with_parent`.

    The parent forks with the collector paused, after making objects it
    never collected (some 45,000 at 10,000 objectives besides those frozen
    after the load). A worker's first collection walked them and, by
    writing to each object's header, copied the pages of memory they lie
    on, which the worker otherwise shares with the parent. Frozen, they are
    never walked in the worker; the worker's own objects are collected as
    before (:class:`~okrsite.gcpause.ChunkCollections`)."""
    gc.freeze()
    die_with_parent()


@contextmanager
def forked_pool(state: Any, workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` forked processes that inherit ``state``.

    Every worker starts in :func:`_start_worker`: the parent's objects out
    of its collector's sight, killed when the parent dies (even by ``kill
    -9``) and ignoring Ctrl-C, so the parent alone stops the pool and
    cleans up.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _SHARED = state
    try:
        with ProcessPoolExecutor(
            max_workers=max(1, workers),
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
        ) as pool:
            yield pool
    finally:
        _SHARED = None


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
