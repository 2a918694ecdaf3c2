"""The count a figure with decimals gives ``ngettext``, so a language's own rule picks its words.

"0.7 points" in English and German, "0,7 point" in French: CLDR's plural
rules look at the figure as written, decimals included (English "one" is
``i = 1 and v = 0``, so "1.5 points"; French "one" is ``i = 0,1``, so "1,5
point"). A catalogue's ``Plural-Forms`` rule is gettext's, which only takes
whole numbers, and ``int()`` of the figure is wrong for one language or the
other (1 for 1.5 is English "one"). So a figure with decimals is looked up
in CLDR (Babel) for its category, and ``ngettext`` is given the smallest
whole number of that category: the catalogue's rule then picks the slot the
translator filled for it. A whole figure is its own count. See
docs/themes.md, "Translations".
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from okrsite import numbers

__all__ = ["count_as_shown", "whole_samples"]

#: whole numbers searched for one of a category (CLDR's examples start low)
_WHOLE = 1000


def count_as_shown(language: str, value: float | None, places: int) -> int:
    """What ``ngettext`` is given for ``value`` written with at most
    ``places`` decimals in ``language`` (a Babel locale code such as ``fr``):
    the figure itself when it is whole (``1`` point, ``3`` points), else a
    whole number of the plural category CLDR gives the figure as written
    (0.7 is English "other": 0; French "one": 0)."""
    if value is None:
        return 0
    shown = numbers.format_fixed(abs(value), places)
    try:
        figure = Decimal(shown.replace(",", ""))
    except InvalidOperation:  # not a figure at all ("–"): the plural
        return 2
    if not figure.is_finite():
        return 2
    if figure == figure.to_integral_value() and "." not in shown:
        return int(figure)
    if language == "en" or language.startswith(("en_", "en-")):
        # English is "one" for a whole 1 only: a figure with decimals is
        # "other", as 0 is (and an English site loads no Babel at all)
        return 0
    return _whole_of_category(language, shown)


@lru_cache(maxsize=256)
def _whole_of_category(language: str, shown: str) -> int:
    """The smallest whole number CLDR puts in the plural category of ``shown``
    (a figure with decimals) in ``language``; the figure's whole part where
    no whole number has that category (Russian "other" is for fractions only)
    or Babel does not know the language."""
    figure = Decimal(shown.replace(",", ""))
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    category = locale.plural_form(figure)
    found = next((n for n in range(_WHOLE) if locale.plural_form(n) == category), None)
    return int(figure) if found is None else found


@lru_cache(maxsize=16)
def whole_samples(language: str) -> tuple[tuple[str, int], ...]:
    """Each CLDR plural category of ``language`` that whole numbers fall in,
    with the smallest of them (English ``one`` 1, ``other`` 0; Polish also
    ``few`` 2 and ``many`` 5): a script that counts at run time (the search
    page's "1.200 Treffer.") is given ``ngettext``'s words for each, and picks
    by the category ``Intl.PluralRules`` gives its count, so a language of
    three or four forms gets them as the catalogue writes them."""
    if language == "en" or language.startswith(("en_", "en-")):
        return (("one", 1), ("other", 0))  # an English site loads no Babel at all
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    found: dict[str, int] = {}
    for n in range(_WHOLE):
        found.setdefault(locale.plural_form(n), n)
    return tuple(found.items())
