"""coordinate's path for figures within its range (no clamping) writes what
the clamping one did."""

from __future__ import annotations

import math
import random

from okrsite.numbers import coordinate


def _clamped(value: float) -> str:
    if not math.isfinite(value):
        value = 0.0 if math.isnan(value) else math.copysign(1e6, value)
    value = max(-1e6, min(1e6, value))
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def test_coordinate_as_clamped() -> None:
    pick = random.Random(51)
    figures = [0.0, -0.0, 0.05, -0.05, 0.25, 1e6, -1e6, 1e6 + 1, -1e7, 999999.96]
    figures += [float("nan"), float("inf"), -float("inf"), 3, -7]
    figures += [pick.uniform(-200, 200) for _ in range(20000)]
    figures += [pick.uniform(-2e6, 2e6) for _ in range(2000)]
    for value in figures:
        assert coordinate(value) == _clamped(value), value
