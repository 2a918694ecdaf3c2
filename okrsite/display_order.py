"""The order in which pages list things by their title or name.

"Goal 10" after "Goal 2", "q3 review" beside "Q3 Review", "Özge" beside
"Oskar": digit runs compare as numbers and letters without regard to case
or accents, as a reader expects of a list (a file manager's or a
spreadsheet's natural sort, a phone book's ä as a and ö as o, German's DIN
5007), not as strings compare code point by code point ("Goal 10" <
"Goal 2", "Zeta" < "alpha", "Sven" < "Özge"). Two titles that differ only in
case or accents ("Muller", "Müller") keep one order: the unaccented first,
then as written. Callers add
the record's id after the key, so two titles the key does not tell apart
("Goal 2", "goal 02") still come in one order on every build.

Only what pages show is ordered so; data exports keep the order they document
(by id).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from okrsite.slug import latin_letters_spelled_out

__all__ = ["title_order"]

_DIGITS = re.compile(r"(\d+)")


@lru_cache(maxsize=65536)
def title_order(text: str) -> tuple[tuple[str | int, ...], str]:
    """The sort key of a title: its case-folded text without accents, each
    digit run as a number; then, for a title with accents, its letters as
    written, so that "Muller" and "Müller" keep one order.

    Text sits at even places and numbers at odd ones (``"goal ", 10, ""``), so
    any two keys compare. Kept for the titles it has seen: a site's lists sort
    the same few thousand titles on many pages.
    """
    folded = text.casefold()
    if folded.isascii():
        accents = ""  # nothing to tell apart beyond the key: the caller's id decides
        parts = _DIGITS.split(folded)
    else:
        accents = _DIGITS.sub("", folded)  # "muller" before "müller"; digits told apart already
        parts = _DIGITS.split(_without_accents(folded))
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), accents


def _without_accents(text: str) -> str:
    """``text`` (case-folded) with its letters' accents taken off (ö → o,
    é → e, å → a): the marks Unicode's decomposition splits from a letter
    are dropped, and the letters it does not split (ø, ł, æ, đ, œ, þ) are
    spelled out as ids spell them (:func:`okrsite.slug.latin_letters_spelled_out`),
    so "Łukasz" sorts among the L's, not after Z."""
    plain = latin_letters_spelled_out(text)
    return "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
