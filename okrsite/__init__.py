"""okrsite: a static site generator for goal portfolios.

The pipeline reads top to bottom (see :mod:`okrsite.pipeline`):
discover -> parse -> resolve -> score -> render -> write.
"""

from okrsite import interrupt_at_start as _interrupt_at_start

_interrupt_at_start.guard_when_run_as_command()  # before anything slow loads

from okrsite import dataclass_code as _dataclass_code  # noqa: E402

__version__ = "0.1.0"

_dataclass_code.install()
