"""Counts with their noun in English: "1 file", "2 files", "0 files".

Messages the CLI and the diagnostics write (in English only; pages go through
the theme's translation catalogues and their plural forms, ``ngettext``) say
how many of something there are. Written as ``f"{n} files"`` they read
"1 files"; every such count goes through :func:`plural` instead.
"""

from __future__ import annotations


def plural(n: int, one: str, many: str | None = None) -> str:
    """``n`` and ``one`` when ``n`` is 1, else ``many`` (default: ``one`` + "s").

    ``many`` is for nouns that do not just take an "s" (``plural(n, "entry",
    "entries")``, ``plural(n, "KPI", "KPIs")`` works without it). ``n`` is
    written as given, so a caller can pass a count it formatted itself only
    as an int.
    """
    return f"{n} {one if n == 1 else (many or one + 's')}"
