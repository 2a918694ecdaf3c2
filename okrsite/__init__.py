"""okrsite: a static site generator for goal portfolios.

The pipeline reads top to bottom (see :mod:`okrsite.pipeline`):
discover -> parse -> resolve -> score -> render -> write.
"""

from okrsite import dataclass_code as _dataclass_code

__version__ = "0.1.0"

_dataclass_code.install()
