"""How okrsite's processes end: alike on Ctrl-C and SIGTERM, never leaving orphans.

A build's staging folder and the preview's temporary folder are removed by
``finally`` blocks and context managers. Those run on Ctrl-C (Python raises
:class:`KeyboardInterrupt`) but not on SIGTERM, whose default action ends the
process at once; so SIGTERM is turned into the same exception. Forked
workers ask the kernel to kill them when their parent dies (Linux's parent
death signal), so a ``kill -9`` of a build cannot leave them running. A
finished command ends without freeing its objects one by one
(:func:`exit_now`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from types import FrameType
from typing import NoReturn

_PR_SET_PDEATHSIG = 1


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def interrupt_on_sigterm() -> None:
    """Make SIGTERM raise :class:`KeyboardInterrupt`, so it cleans up as Ctrl-C does."""
    if threading.current_thread() is threading.main_thread():
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGTERM, _raise_interrupt)


def exit_now(code: object) -> NoReturn:
    """End the process as ``sys.exit(code)`` would, without freeing every object first.

    When a command is done, Python's own exit takes every module apart and
    frees each object the run made, one by one: after a build of 10,000
    objectives that took over a second (the portfolio, the pages' recorded
    reads, the history), for nothing, since the process's memory goes back
    to the system at once. So the command line, once ``build`` or ``check``
    has returned or raised :class:`SystemExit`, runs what was registered with
    :mod:`atexit` (as Python's exit does first: okrsite's kept dataclass
    code, the finalizers of temporary folders), flushes standard output and
    error, and ends with :func:`os._exit` (as Instagram's servers do with
    the same collector settings). Every file okrsite writes is closed by
    the command that wrote it, and its worker processes have ended with it;
    ``python -m okrsite`` and the ``okrsite`` script end here, while a
    program that calls the click command itself keeps Python's exit.
    A ``code`` that is neither ``None`` nor a number is printed to standard
    error and ends with 1, as ``sys.exit`` does. While another thread still
    runs, Python's exit (which waits for it) is left to do the work.
    """
    if threading.active_count() > 1:
        sys.exit(code)  # type: ignore[arg-type]
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code & 0xFF
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(status)


def die_with_parent() -> None:
    """In a forked worker: be killed when the parent process dies (Linux; elsewhere a no-op).

    Also restores default SIGTERM handling, so a worker stops at once rather
    than running the parent's cleanup, and ignores Ctrl-C (which the terminal
    sends to every process of the group): the parent handles it, stops the
    workers and removes what they wrote, without a traceback from each.
    """
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here: only forked workers need it, a small build forks none

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        return
