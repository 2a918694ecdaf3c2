"""OKR321: a check-in value written as money for a figure measured in something else.

A currency sign is read past by the number's reading (``$1,200`` is 1200),
and held to a ``unit:`` that is money (``£20`` for a key result in ``€`` is
OKR312). Beside a unit of no money at all (``users``, ``Stück``), the sign
was read past without a word: ``1,5 Mio. €`` for a key result in ``Stück``
counted 1,500,000 pieces, ``$1,200`` for one in ``users`` 1,200 users. It is
most likely a value typed into the wrong key result, or a unit that should
say money, so it is a warning, not an error: a unit may name money in a word
okrsite does not read as money (``dollars``, ``Franken``), and a key result
with no ``unit:`` at all ("Reach $1M ARR") takes money as its figures do.
"""

from __future__ import annotations

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import CheckIn
from okrsite.parse import is_percent_unit
from okrsite.parse_figures import currency_of, unit_multiplier

#: words that name money in a unit though okrsite reads no currency from
#: them (their plural or singular, folded): a sign beside them may be theirs
_MONEY_WORDS = frozenset(
    [
        "dollar",
        "dollars",
        "buck",
        "bucks",
        "pound",
        "pounds",
        "sterling",
        "yen",
        "yuan",
        "renminbi",
        "rmb",
        "franc",
        "francs",
        "franken",
        "krona",
        "kronor",
        "krone",
        "kroner",
        "kronur",
        "rupee",
        "rupees",
        "real",
        "reais",
        "peso",
        "pesos",
        "rand",
        "zloty",
        "złoty",
        "zlotych",
        "forint",
        "lira",
        "lire",
        "won",
        "ruble",
        "rubles",
        "rouble",
        "roubles",
        "rubel",
        "dirham",
        "dirhams",
        "riyal",
        "riyals",
        "rial",
        "shekel",
        "shekels",
        "baht",
        "ringgit",
        "dong",
        "cent",
        "cents",
        "pence",
        "money",
        "geld",
    ]
)


def money_beside_measure(
    c: CheckIn, key: str, word: str | None, what: str, unit: str, at: tuple[str, ...]
) -> list[Diagnostic]:
    """OKR321 when ``word``, the unit a check-in value of ``key`` was written
    with, is money (a currency sign, or one with a magnitude: ``Mio. €``),
    and ``unit`` (of ``what``, a key result or KPI) names no money: not a
    sign or code, no magnitude (``k``: a sign there is OKR312 already), no
    percentage (OKR312 too), not empty, no word of money."""
    sign = currency_of(word) if word else ""
    held = unit.strip()
    if len(sign) != 1 or not held or is_percent_unit(held):
        return []
    if unit_multiplier(held) != 1 or currency_of(held):
        return []
    if any(part.casefold().strip(".") in _MONEY_WORDS for part in held.split()):
        return []
    return [
        warning(
            "OKR321",
            f"{key} is written as money ({word}), but {what} is measured in {held!r}, "
            f"so the figure is counted in {held!r}",
            c.file,
            hint=f"write the figure without {sign} if it counts {held}, or give {what} "
            f"'unit: \"{word}\"' if it counts money",
            key_path=at,
        )
    ]
