"""How okrsite's processes end: alike on Ctrl-C and SIGTERM, never leaving orphans.

A build's staging folder and the preview's temporary folder are removed by
``finally`` blocks and context managers. Those run on Ctrl-C (Python raises
:class:`KeyboardInterrupt`) but not on SIGTERM, whose default action ends the
process at once; so SIGTERM is turned into the same exception. Forked
workers ask the kernel to kill them when their parent dies (Linux's parent
death signal), so a ``kill -9`` of a build cannot leave them running.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from types import FrameType

_PR_SET_PDEATHSIG = 1


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def interrupt_on_sigterm() -> None:
    """Make SIGTERM raise :class:`KeyboardInterrupt`, so it cleans up as Ctrl-C does."""
    if threading.current_thread() is threading.main_thread():
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGTERM, _raise_interrupt)


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
