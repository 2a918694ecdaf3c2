"""The order in which pages list things by their title or name.

"Goal 10" after "Goal 2", "q3 review" beside "Q3 Review": digit runs compare
as numbers and letters without regard to case, as a reader expects of a list
(a file manager's or a spreadsheet's natural sort), not as strings compare
code point by code point ("Goal 10" < "Goal 2", "Zeta" < "alpha"). Callers add
the record's id after the key, so two titles the key does not tell apart
("Goal 2", "goal 02") still come in one order on every build.

Only what pages show is ordered so; data exports keep the order they document
(by id).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["title_order"]

_DIGITS = re.compile(r"(\d+)")


@lru_cache(maxsize=65536)
def title_order(text: str) -> tuple[str | int, ...]:
    """The sort key of a title: its case-folded text with each digit run as a number.

    Text sits at even places and numbers at odd ones (``"goal ", 10, ""``), so
    any two keys compare. Kept for the titles it has seen: a site's lists sort
    the same few thousand titles on many pages.
    """
    parts = _DIGITS.split(text.casefold())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))
