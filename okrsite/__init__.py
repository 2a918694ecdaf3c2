"""okrsite: a static site generator for goal portfolios.

The pipeline reads top to bottom (see :mod:`okrsite.pipeline`):
discover -> parse -> resolve -> score -> render -> write.
"""

__version__ = "0.1.0"
