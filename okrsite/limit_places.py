"""How many decimals a figure needs beside the limits it is judged by.

Pages write a figure with up to four decimals (:func:`okrsite.numbers.format_number`).
A KPI reading of 2.99996% beside its healthy threshold of 3% is "warning",
but written with four decimals it reads "3%", on the threshold, under a
"warning" badge; a key result's current 2.99996 beside its target 3 is not
done, but reads "3 → 3". Where those decimals would put a figure on the
other side of a limit shown beside it (or on it, or off it), the figure gets
as many more as tell it (2.99996% stays 2.99996%), as progress gets beside
expected progress (:func:`okrsite.scoring_pace.pace_places`). The decimals
are decided here once, for the KPI (:attr:`okrsite.model.KPIScore.value_places`,
the scorecard's figure at a cycle's end) and for a key result's row; every
page, tile and table writes the figure with them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from okrsite import numbers
from okrsite.scoring_compare import for_comparison

__all__ = ["DEFAULT_PLACES", "MOST_PLACES", "kpi_value_places", "places_beside"]

#: the decimals a figure is written with wherever it shows (format_number's default)
DEFAULT_PLACES = 4
#: how many (figure, limits) answers :func:`places_beside` keeps: every
#: distinct one of a large site's pages, a bounded memory for ``okrsite serve``
_REMEMBERED = 1 << 16
#: the most decimals a figure gets: the precision figures are compared at
#: (:func:`okrsite.scoring_compare.for_comparison`)
MOST_PLACES = 9
#: a figure farther than this (and a few float steps) from a limit stands on
#: its side of it however both are written: written with four decimals or
#: more, each moves by at most 0.00005, a float step and the 9-decimal
#: rounding of comparison, so their written difference keeps its sign
_FAR = 1e-3


def _shown(value: float, places: int) -> float:
    """The figure as a page writes it with ``places`` decimals, read back."""
    return float(numbers.format_number(value, places).replace(",", ""))


def _side(value: float, limit: float) -> int:
    """-1, 0 or 1: below, on or above ``limit``, as scoring compares them."""
    a, b = for_comparison(value), for_comparison(limit)
    return (a > b) - (a < b)


def places_beside(value: float | None, limits: Iterable[float | None]) -> int:
    """The decimals (at least :data:`DEFAULT_PLACES`) ``value`` needs to stand
    on the side of each of ``limits`` it is on, each limit as a page writes
    it: 2.99996 beside 3 needs 5 (2.99996), beside 2.5 the default 4 (3)."""
    figure = _plain(value)
    if figure is None:
        return DEFAULT_PLACES
    plain_limits = tuple(limit for limit in (_plain(x) for x in limits) if limit is not None)
    if not plain_limits:
        return DEFAULT_PLACES
    return _places(figure, plain_limits)


@lru_cache(maxsize=_REMEMBERED)
def _places(figure: float, limits: tuple[float, ...]) -> int:
    """:func:`places_beside` of a finite figure and its finite limits,
    remembered: a key result's sparkline asks it for every value beside the
    same start and target, and its row again for the current value, on every
    page that shows the row, which made it a cost of its own in building
    10,000 objectives (session 50's profile). Floats that compare equal give
    one answer (``-0.0`` is written and compared as ``0.0``), so the cache
    cannot mix two that differ. Each limit's written form and the side the
    figure is really on are found once, the figure written once per number
    of decimals tried, not once per limit; a limit the figure is far from
    (:func:`_far`, as most are) is one it stands beside at any decimals."""
    sides = [
        (_limit_shown(limit), _side(figure, limit)) for limit in limits if not _far(figure, limit)
    ]
    if not sides:
        return DEFAULT_PLACES
    places = DEFAULT_PLACES
    while places < MOST_PLACES:
        shown = for_comparison(_shown(figure, places))
        if all((shown > limit) - (shown < limit) == side for limit, side in sides):
            break
        places += 1
    return places


def _far(figure: float, limit: float) -> bool:
    """Whether ``figure`` is so far from ``limit`` that no writing of either
    with :data:`DEFAULT_PLACES` decimals or more moves it onto or past it."""
    return abs(figure - limit) > _FAR + 4 * math.ulp(max(abs(figure), abs(limit)))


@lru_cache(maxsize=_REMEMBERED)
def _limit_shown(limit: float) -> float:
    """A limit as its page writes it, read back and rounded as compared
    (remembered: one key result's start and target stand beside each of its
    values)."""
    return for_comparison(_shown(limit, DEFAULT_PLACES))


def _plain(value: float | None) -> float | None:
    """``value`` if it is a finite figure a page writes out (not ``1.7e+308``)."""
    figure = numbers.finite(value)
    return figure if figure is not None and abs(figure) < numbers.PLAIN_LIMIT else None


def kpi_value_places(
    value: float | None, green: float | None, red: float | None, target: float | None
) -> int:
    """:func:`places_beside` for a KPI's reading: its health thresholds and target,
    which its page writes beside it."""
    return places_beside(value, (green, red, target))
