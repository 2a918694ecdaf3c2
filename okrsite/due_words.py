"""The words people put before a goal's ``due:`` (``end of Q4 2026``), and
the year the hint of an unread ``due:`` gives in its example.

A goal due "by the end of Q4 2026" is due on the last day of Q4 2026, which
is what ``due: Q4 2026`` means already: ``end of``, ``by``, ``EOY`` and the
German ``Ende``/``bis`` add nothing but the words, so they are left out
before the date or period is read. The hint for ``due: end of Q4`` asked
for the year; the same phrase with the year is then read, not refused.

The hint's example year is the year of the site's ``as_of`` (or today),
not a fixed one: parsing is cached per file and knows no ``as_of``, so it
writes :data:`HINT_YEAR` and the load puts in its year
(:func:`in_year_of`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from okrsite.diagnostics import Diagnostic

#: the year a parsed ``due:`` hint names before the load gives it its own
HINT_YEAR = 2026

_DEADLINE_WORDS = re.compile(
    r"^\s*(?:(?:by\s+)?(?:the\s+)?end\s+of(?:\s+the)?|by|eoy|bis(?:\s+ende)?|ende|zum\s+ende)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
_EOY = re.compile(r"^\s*eoy\s+(\d{4})\s*$", re.IGNORECASE)


def without_deadline_words(value: object) -> str | None:
    """The date or period of a ``due:`` written after ``end of``/``by``/
    ``EOY``/``Ende``/``bis`` (``end of Q4 2026`` → ``Q4 2026``); ``None``
    when ``value`` has no such words (it is read as written)."""
    if not isinstance(value, str):
        return None
    eoy = _EOY.match(value)
    if eoy is not None:  # EOY 2026: the end of that year, no other period
        return eoy.group(1)
    rest = _DEADLINE_WORDS.sub("", value, count=1)
    return rest.strip() if rest != value else None


#: the example of the hint of a ``due:`` okrsite could not read
#: (:func:`okrsite.parse_messages._period_hint`)
_EXAMPLE = re.compile(rf"(due: [QH][1-4]) {HINT_YEAR}( \(due on its last day)(?:, {HINT_YEAR}-)?")


def in_year_of(diags: Iterable[Diagnostic], year: int) -> list[Diagnostic]:
    """``diags`` with the example of each unread ``due:``'s hint in ``year``
    (the year of ``as_of``), so a site in 2028 is not shown a due long past."""
    out = []
    for d in diags:
        if d.code == "OKR104" and d.hint and d.key_path == ("due",) and _EXAMPLE.search(d.hint):
            hint = _EXAMPLE.sub(
                lambda m: f"{m[1]} {year}{m[2]}" + (f", {year}-" if m[0].endswith("-") else ""),
                d.hint,
            )
            d = replace(d, hint=hint)
        out.append(d)
    return out
