"""The ``okrsite`` command's entry point: the command line, imported under a guard.

Ctrl-C in the first third of a second of any command, while Python imports
okrsite's modules, ended in a twenty-line ``KeyboardInterrupt`` traceback
through whichever module was loading: click turns an interrupt into
"Aborted!" only once the command runs. The import happens here instead, and
an interrupt during it ends the command as click ends one later: "Aborted!"
and exit code 1, nothing written.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """Import the command line and run it (:func:`okrsite.cli.main`)."""
    try:
        from okrsite.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("Aborted!\n")
        raise SystemExit(1) from None
    from okrsite import interrupt_at_start

    interrupt_at_start.release()  # from here click says "Aborted!" and commands clean up
    run()
