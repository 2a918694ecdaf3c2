"""How numbers look on a page: the two formats every template uses.

Kept apart from the view model so a theme (through the ``num`` and
``decimal`` globals) and Python format a number the same way.
"""

from __future__ import annotations

__all__ = ["format_number", "format_decimal", "percent", "bar_width"]


def format_number(value: float | None) -> str:
    """A compact human number: ``2``, ``2.5``, ``99.95``, ``1,000,000``; ``–`` for none."""
    if value is None:
        return "–"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def format_decimal(value: float | None, places: int) -> str:
    """A number with at most ``places`` decimals and no trailing zeros.

    The score explanation uses three, so each step reads true (0.543 − 0.497
    = 0.047, where two decimals would show 0.54 − 0.5 = 0.05).
    """
    if value is None:
        return "–"
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(progress: float | None) -> int:
    """The whole percentage shown for a 0..1 progress (``round(progress * 100)``)."""
    return round((progress or 0.0) * 100)


def bar_width(progress: float | None) -> int:
    """The filled share of a progress bar, in percent: :func:`percent` kept to 0..100."""
    return max(0, min(100, percent(progress)))
