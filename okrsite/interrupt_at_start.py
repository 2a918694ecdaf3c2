"""Ctrl-C before the command line is loaded: "Aborted!" and exit 1 from the package's first line.

Python turns Ctrl-C into ``KeyboardInterrupt`` from the moment it starts,
and click turns that into "Aborted!" only once a command runs;
:mod:`okrsite.entry` guards the import of the command line, but the package's
own start (``okrsite/__init__.py``, the dataclass table it installs, some
15 ms) came before that guard and ended in Python's traceback through
okrsite's modules. The package's first line holds Ctrl-C (a handler that
notes it) while this module is found and read, and
:func:`guard_when_run_as_command`, the next thing the package does, answers
it: when the process is the ``okrsite`` command (its console
script, or ``python -m okrsite``) it answers SIGINT with "Aborted!" and exit
code 1, as click does, until :func:`release` hands Ctrl-C back to Python
(``KeyboardInterrupt``, which the commands clean up after). A program that
only imports okrsite keeps its own SIGINT handling. What comes before the
package's first line (Python's own start, the ``.pth`` files of its
site-packages) is out of okrsite's reach. SIGTERM is held and answered
alike ("handled like Ctrl-C", docs/limits.md): it ended the command silently
with exit code 143 while the package loaded; a program importing okrsite
keeps SIGTERM's default, and one held for it ends it as SIGTERM would have.
"""

from __future__ import annotations

# the C module itself: ``signal``'s Python layer (its enums) takes about a
# millisecond to load, a millisecond in which Ctrl-C would still be Python's
import _signal as signal  # type: ignore[import-not-found]
import os
import sys
from types import FrameType

#: typing is not loaded for this (3 ms at start, before the guard); mypy
#: takes any name TYPE_CHECKING as true
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["guard_when_run_as_command", "release"]

#: The console script's names on every platform (pip's launcher strips the same
#: endings from ``sys.argv[0]``); ``re`` is not imported for this, it costs time.
_SCRIPT_NAMES = frozenset({"okrsite", "okrsite.exe", "okrsite-script.py", "okrsite-script.pyw"})


def _run_as_command() -> bool:
    """Whether this process is ``okrsite …`` or ``python -m okrsite …``."""
    argv = sys.argv
    if argv[:1] == ["-m"]:  # python -m, while the module is being found
        orig = list(getattr(sys, "orig_argv", []))
        return any(a == "-m" and b == "okrsite" for a, b in zip(orig, orig[1:], strict=False))
    if not argv or not argv[0]:
        return False
    return os.path.basename(argv[0]).lower() in _SCRIPT_NAMES


def _abort(signum: int, frame: FrameType | None) -> None:
    """Say what click says on Ctrl-C and end the process, no traceback."""
    sys.stderr.write("Aborted!\n")
    raise SystemExit(1)


def guard_when_run_as_command(
    holder: Callable[[int, Any], None] | None = None, held: list[int] | None = None
) -> None:
    """Answer Ctrl-C with "Aborted!" (exit 1) while the command starts, if this is the command.

    ``holder``: the handler the package's first line sets, which holds each
    Ctrl-C in ``held`` while this module is found and read (under load, the
    longest step before the guard: Ctrl-C in it ended in a traceback through
    the package). It is replaced here: by :func:`_abort` for the command, by
    Python's own for a program importing okrsite; an interrupt it held is
    then answered as the one now in place answers it."""
    command = _run_as_command()
    try:
        now = signal.getsignal(signal.SIGINT)
        ours = holder is not None and now is holder
        if command and (now is signal.default_int_handler or ours):
            signal.signal(signal.SIGINT, _abort)
        elif ours:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        # SIGTERM alike (held too), "handled like Ctrl-C": "Aborted!" for the
        # command, as it is once the command runs; its default for a program
        term = signal.getsignal(signal.SIGTERM)
        if holder is not None and term is holder:
            signal.signal(signal.SIGTERM, _abort if command else signal.SIG_DFL)
        elif command and term == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _abort)
    except ValueError:  # not the main thread: nothing to guard
        return
    if held:
        if command:
            _abort(held[0], None)
        if signal.SIGINT not in held:  # a program importing okrsite, sent SIGTERM: it ends
            os.kill(os.getpid(), signal.SIGTERM)
        raise KeyboardInterrupt


def release() -> None:
    """Give Ctrl-C back to Python once the command line is loaded (click says
    "Aborted!" from here), and make SIGTERM raise as Ctrl-C does, as the
    command line's :func:`okrsite.lifecycle.interrupt_on_sigterm` makes it
    (loaded with the command line by now)."""
    try:
        if signal.getsignal(signal.SIGINT) is _abort:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        if signal.getsignal(signal.SIGTERM) is _abort:
            from okrsite.lifecycle import interrupt_on_sigterm

            interrupt_on_sigterm()
    except ValueError:
        pass
