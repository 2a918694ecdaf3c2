"""The formula guard of every CSV okrsite writes, and its undoing on import.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-`` or ``@`` as a
formula (a title ``=HYPERLINK(...)`` would run on opening), so the CSV
writers put a ``'`` before such text and ``okrsite import`` removes it
again. Both sides ask :func:`guarded`, so what the export adds is exactly
what the import removes.
"""

from __future__ import annotations

#: what a spreadsheet runs a cell starting with as a formula
FORMULA_STARTS = "=+-@\t\r"
#: the same, one character each (made once: every CSV cell asks)
_STARTS = tuple(FORMULA_STARTS)


def guarded(text: str) -> bool:
    """Whether a CSV cell of ``text`` gets the formula guard's ``'``: text a
    spreadsheet would run as a formula (``=1+2``), and text that already
    starts with one or more ``'`` before such a character (``'=x``), which ``okrsite
    import`` could not otherwise tell from a guarded one: it removes one
    ``'`` from exactly these cells (``okrsite.spreadsheet_read._unexport``),
    so every title comes back as written."""
    return text.lstrip("'")[:1] in _STARTS
