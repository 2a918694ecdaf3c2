"""Ctrl-C and SIGTERM around the moments ``okrsite serve`` must not be cut short.

``serve`` ends every interrupt in "okrsite: stopped" with its build folder
(a whole copy of the site under the temporary folder) removed. Two moments
escaped that: a second Ctrl-C while the preview stops (people press it
twice) raised inside the stop, which click answered with "Aborted!" and
exit code 1, the folder possibly left; and a signal in the last
instructions of making the preview, after its folder existed but before
``serve`` held the preview that removes it.

:func:`held` blocks the two signals while the preview is made: one that
comes meanwhile waits, and is answered (``KeyboardInterrupt``) once
``serve`` holds the preview. The threads the preview starts meanwhile keep
them blocked, so the kernel hands every later signal to the main thread,
the one Python answers them in. :func:`ignored` ignores them while the
preview stops: the stop takes a moment, and then the process ends anyway.
Both do nothing outside the main thread (tests may call ``serve`` there),
where Python sets no handlers.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["held", "ignored"]

_STOPS = {signal.SIGINT, signal.SIGTERM}


def _main() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block ends, then answer them."""
    if not _main():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextmanager
def ignored(for_good: bool = False) -> Iterator[None]:
    """Ignore Ctrl-C and SIGTERM until the block ends; ``for_good`` (a stop
    after an interrupt: the process ends next) after it too. Restored, a
    second signal that came while the process waited at its exit for the
    first build's thread ended it with exit code 130 or 143 after
    "okrsite: stopped"."""
    if not _main():
        yield
        return
    before = {sig: signal.signal(sig, signal.SIG_IGN) for sig in _STOPS}
    try:
        yield
    finally:
        if not for_good:
            for sig, handler in before.items():
                signal.signal(sig, signal.SIG_DFL if handler is None else handler)
