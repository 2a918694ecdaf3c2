"""OKR312: a key result's or goal's figures written in two currencies, with no ``unit:``;
and check-ins of a key result or KPI with no ``unit:`` in two currencies.

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

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from okrsite.checkin_units import value_path
from okrsite.diagnostics import Diagnostic, error
from okrsite.model import KPI, CheckIn, Objective
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


def checkins_in_two_currencies(
    kept: Sequence[CheckIn],
    objectives: Mapping[str, Objective],
    kpis: Mapping[str, KPI],
    order: Callable[[CheckIn], Any],
) -> tuple[list[CheckIn], list[Diagnostic]]:
    """``kept`` without the check-ins whose value of a key result or KPI with
    no ``unit:`` is money of another currency than the first check-in (in
    check-in order, ``order``) that gives that key result or KPI a value in
    money, with OKR312 at each: ``€1,200,000`` then ``$1,300,000`` for a KPI
    with no unit read both as plain numbers, one series of euros and dollars,
    without a word. A check-in in the record's own unit is held to it
    elsewhere (:mod:`okrsite.checkin_units`); one without a currency is no
    money to compare."""
    written: dict[tuple[str, str, str], list[tuple[Any, CheckIn, str, str, str]]] = {}
    for c in kept:
        for key, word in c.units:
            money = currency_of(word)
            if not money:
                continue
            if c.kpi is not None and key == "value":
                kpi = kpis.get(c.kpi)
                if kpi is None or kpi.unit:
                    continue
                record = ("KPI", c.kpi, "value")
            elif c.objective is not None:
                obj = objectives.get(c.objective)
                kr = obj.key_result(key) if obj is not None else None
                if kr is None or kr.unit:
                    continue
                record = ("key result", f"{c.objective}#{key}", key)
            else:
                continue
            written.setdefault(record, []).append((order(c), c, key, money, word))
    refused: dict[str, Diagnostic] = {}
    for (kind, name, _key), seen in written.items():
        seen.sort(key=lambda each: each[0])
        _, first, _, money, first_word = seen[0]
        for _, c, key, other, word in seen[1:]:
            if other != money and c.file not in refused:
                what = f"{kind} {name.rpartition('#')[2] if kind == 'key result' else name!r}"
                refused[c.file] = error(
                    "OKR312",
                    f"{key} is written in {word!r}, but {first.file} gives {what} in "
                    f"{first_word!r}, "
                    f"and {what} has no unit: okrsite converts nothing between currencies",
                    c.file,
                    hint=f"write the figure in {first_word!r}, or give {what} a 'unit:' and "
                    "every figure in it",
                    key_path=value_path(c, key),
                )
    if not refused:
        return list(kept), []
    return [c for c in kept if c.file not in refused], list(refused.values())
