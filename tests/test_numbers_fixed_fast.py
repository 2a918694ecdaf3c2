"""format_fixed's rounding of nine decimals as text (okrsite.numbers._fixed_from_nine)
writes what rounding a Decimal of ``repr(round(value, 9))`` wrote before it."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from okrsite.numbers import format_fixed


def _by_decimal(value: float, digits: int, pad: bool) -> str:
    rounded = Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text and not pad:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not rounded:
        text = text[1:]
    return text or "0"


def _figures(count: int) -> list[float]:
    pick = random.Random(51)
    figures: list[float] = [
        0.0,
        -0.0,
        0.125,
        -0.125,
        0.075,
        0.5,
        -0.5,
        0.9999999996,
        0.9999999995,
        999999.9999999999,
        -999999.9999999,
        1e-5,
        -1e-12,
        0.1249999999999,
        2.675,
        1.005,
        0.0005,
        -0.0005,
        99.995,
        9.5,
        -9.5,
        1,
        -3,
        0,
    ]
    for _ in range(count):
        figures += [
            pick.random(),
            pick.uniform(-2, 2),
            pick.uniform(-1e6, 1e6),
            round(pick.uniform(-100, 100), pick.randint(0, 10)),
            pick.randint(-(10**6), 10**6) / 10 ** pick.randint(0, 12),
            # a hair off a figure of three decimals: where nine decimals round
            pick.randint(0, 1000) / 1000 + pick.choice([1e-10, -1e-10, 5e-10, -5e-10, 1e-9]),
            pick.uniform(0, 1e-4),
            pick.randint(-(10**7), 10**7),
        ]
    return figures


def test_format_fixed_rounds_as_the_decimal_did() -> None:
    for value in _figures(3000):
        for digits in range(10):
            for pad in (False, True):
                assert format_fixed(value, digits, pad) == _by_decimal(value, digits, pad), (
                    value,
                    digits,
                    pad,
                )


def test_format_fixed_outside_the_text_rounding() -> None:
    assert format_fixed(None, 2) == "–"
    assert format_fixed(float("inf"), 2) == "∞"
    assert format_fixed(1e16, 2) == "1e+16"
    assert format_fixed(2_000_000.125, 2) == "2000000.13"
    assert format_fixed(0.1234567891, 10) == "0.123456789"
