"""How numbers look on a page: the formats every template uses.

Kept apart from the view model so a theme (through the ``num``, ``decimal``,
``pct`` and ``pct_figure`` globals) and Python format a number the same way.
The arithmetic lives in :mod:`okrsite.numbers`, the one implementation that
is safe at any magnitude (no ``OverflowError``, no ``nan`` or ``inf`` in a
page); this module only names what the view uses.
"""

from __future__ import annotations

from okrsite import numbers

__all__ = ["format_number", "format_decimal", "percent", "percent_figure", "bar_width"]


def format_number(value: float | None) -> str:
    """A compact human number: ``2``, ``2.5``, ``99.95``, ``1,000,000``, ``1.7e+308``; ``–`` for none."""
    return numbers.format_number(value)


def format_decimal(value: float | None, places: int) -> str:
    """A number with at most ``places`` decimals and no trailing zeros.

    The score explanation uses three, so each step reads true (0.543 − 0.497
    = 0.047, where two decimals would show 0.54 − 0.5 = 0.05).
    """
    return numbers.format_fixed(value, places)


def percent(progress: float | None) -> int:
    """The whole percentage shown for a 0..1 progress (``round(progress * 100)``),
    kept within ±1,000,000 so any finite ratio has one."""
    return numbers.percent(progress)


def percent_figure(ratio: float | None) -> str:
    """What stands before ``%`` for a ratio: ``125``, or ``more than 1,000,000``."""
    return numbers.percent_figure(ratio)


def bar_width(progress: float | None) -> int:
    """The filled share of a progress bar, in percent: :func:`percent` kept to 0..100."""
    return max(0, min(100, percent(progress)))
