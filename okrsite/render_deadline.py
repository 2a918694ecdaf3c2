"""How long a render may take before it stops with an error at its template's line.

A template that loops for ever (two nested ``range(100000)``, each within
the sandbox's limit) would hang a CI job or a preview for hours. Every
render runs inside :func:`deadline`: past :data:`RENDER_SECONDS`,
:class:`RenderTooLong` is raised inside the render, at whatever template line
it had reached, and the render path reports it there (THM002).

In a process's main thread (a build and its workers) a timer signal
interrupts the render. A preview renders in a thread of its own, where no
signal arrives: there a timer thread raises the exception in the rendering
thread, as Python's ``PyThreadState_SetAsyncExc`` lets one thread do to
another, between two bytecodes of the render.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from collections.abc import Iterator
from typing import Any

#: the longest one chunk of pages (or the site's data files) may take to
#: render, in seconds. A chunk takes a second or two on a large site.
RENDER_SECONDS = 300.0


class RenderTooLong(Exception):
    """Raised inside a render that ran past :data:`RENDER_SECONDS`."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or f"rendering took longer than {RENDER_SECONDS:g} s: a template loops too long"
        )


def _too_long(_signum: int, _frame: Any) -> None:
    raise RenderTooLong


@contextlib.contextmanager
def deadline() -> Iterator[None]:
    """:data:`RENDER_SECONDS` for the work inside, in any thread."""
    if threading.current_thread() is threading.main_thread():
        with _by_signal():
            yield
    else:
        with _by_timer_thread():
            yield


@contextlib.contextmanager
def _by_signal() -> Iterator[None]:
    before = signal.signal(signal.SIGALRM, _too_long)
    signal.setitimer(signal.ITIMER_REAL, RENDER_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Have thread ``thread_id`` raise ``exc`` at its next bytecode (``None``:
    take back one not raised yet)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )


@contextlib.contextmanager
def _by_timer_thread() -> Iterator[None]:
    me = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def stop() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(me, RenderTooLong)

    timer = threading.Timer(RENDER_SECONDS, stop)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                _raise_in(me, None)  # not raised yet: the render is over
        timer.cancel()
