"""okrsite: a static site generator for goal portfolios.

The pipeline reads top to bottom (see :mod:`okrsite.pipeline`):
discover -> parse -> resolve -> score -> render -> write.
"""

# Ctrl-C from the package's very first line: held (a C module already loaded,
# one call) until okrsite.interrupt_at_start, itself a file to find and read,
# decides what it means; see that module.
import _signal  # type: ignore[import-not-found]  # noqa: I001

_early_interrupts: list[int] = []


def _hold(signum: int, frame: object) -> None:
    _early_interrupts.append(signum)


try:
    if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
        _signal.signal(_signal.SIGINT, _hold)
    if _signal.getsignal(_signal.SIGTERM) == _signal.SIG_DFL:  # and SIGTERM, alike
        _signal.signal(_signal.SIGTERM, _hold)
except ValueError:  # not the main thread: nothing to hold
    pass

from okrsite import interrupt_at_start as _interrupt_at_start  # noqa: E402

# before anything slow loads
_interrupt_at_start.guard_when_run_as_command(_hold, _early_interrupts)

from okrsite import dataclass_code as _dataclass_code  # noqa: E402

__version__ = "0.1.0"

_dataclass_code.install()
