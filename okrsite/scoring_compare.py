"""How scoring compares its numbers: every threshold rounds to 9 decimals first.

``0.5 - 0.35`` is ``0.15000000000000002`` in floating point, and a user whose
objective is exactly 0.15 behind must see "on-track" as the brief says. Each
rule of scoring (:mod:`okrsite.scoring`) compares through :func:`for_comparison`
or :func:`at_most`, so the rounding is one rule kept in one place.
"""

from __future__ import annotations

_EPS_DIGITS = 9


def for_comparison(x: float) -> float:
    """``x`` rounded to 9 decimals: float sums compare as written (0.5 - 0.35 is 0.15)."""
    return round(x, _EPS_DIGITS)


def clamp(x: float, low: float = 0.0, high: float = 1.0) -> float:
    return min(high, max(low, x))


def at_most(value: float, limit: float) -> bool:
    """``value <= limit`` as every threshold here compares (rounded to 9 decimals)."""
    return for_comparison(value) <= for_comparison(limit)
