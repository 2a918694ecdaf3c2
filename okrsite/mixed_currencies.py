"""OKR312: a key result's or goal's figures written in two currencies, with no ``unit:``.

A currency sign is read past by the number's reading (``$900`` is 900), and
a figure written with a currency code keeps the code as its unit word
(``500 EUR``). Beside a ``unit:`` that is money a figure in another
currency is refused (:func:`okrsite.parse_measures._other_money`); without
one the unit is taken from the figures, and ``start: 500 EUR`` with
``target: $900`` read 900 dollars as 900 euros, ``1000 €`` with
``$2,000`` dropped both currencies, without a word. okrsite converts
nothing between currencies, so such figures are refused as figures in two
units are (``start: 3 days``, ``target: 20 hours``).
"""

from __future__ import annotations

from typing import Any

from okrsite.parse_fields import Path_, _Fields
from okrsite.parse_figures import currency_of, signed_figure
from okrsite.written_numbers import CURRENCY_SIGNS


def figure_currency(value: object) -> str:
    """The currency a figure is written in, as its sign (``$900``, ``900 $``,
    ``500 EUR``, ``EUR 1,2 Mio.``: ``$``, ``$``, ``€``, ``€``), or the code
    of one without a sign (``300 CHF``: ``CHF``); ``""`` for a figure with
    none, or no text."""
    if type(value) is not str:
        return ""
    signed = signed_figure(value)  # 500 EUR: 500 €
    signs = "".join(c for c in (signed or value) if c in CURRENCY_SIGNS)
    if signs:
        return signs[0] if len(set(signs)) == 1 else signs
    words = value.split()
    if len(words) > 1:  # 300 CHF, CHF 300: a code with no sign
        return currency_of(words[-1]) or currency_of(words[0])
    return ""


def mixed_currencies(
    f: _Fields, item: dict[str, Any], path: Path_, what: str, keys: tuple[str, ...]
) -> dict[str, Any]:
    """``item`` (a key result or a goal's measure with no ``unit:``) with each
    of its figures (``keys``) written in another currency than its target
    (else than its first figure written with one) left out, with OKR312 at
    that figure's line; ``item`` itself when they share one currency or
    name none."""
    written = [(key, money) for key in keys if (money := figure_currency(item.get(key)))]
    if len({money for _key, money in written}) < 2:
        return item
    first_key, first = next(((k, m) for k, m in written if k == "target"), written[0])
    out = dict(item)
    for key, money in written:
        if money != first:
            f.err(
                "OKR312",
                f"{key} is written in {money!r} but {first_key} in {first!r}: "
                "okrsite converts nothing between currencies",
                (*path, key),
                hint=f"write {key} in {first!r} too, or give the {what} a 'unit:' and figures in it",
            )
            out[key] = None
    return out
