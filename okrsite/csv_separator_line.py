"""Excel's separator line: a CSV whose first line is ``sep=;`` (or ``sep=,``,
``sep=`` and a tab) declares its delimiter there.

Excel writes and reads this line, and many exports meant "for Excel" (in
much of Europe, where a semicolon separates the cells) start with it, so
that Excel splits the file whatever the reader's regional settings. It is
no row: its date cell would be ``sep=`` and it would stand where the header
belongs. A KPI's data file, ``okrsite pull`` and ``okrsite import`` take the
delimiter it names, as Excel does, and read the file from the next line.
"""

from __future__ import annotations

import re

__all__ = ["declared_separator", "separator_line"]

#: ``sep=;`` alone on the first line (quoted, as some exports write it, or
#: followed by the delimiter again to fill the row's width: ``sep=;;;``)
_SEP_LINE = re.compile(r'"?sep=([,;\t|])"?\1*[ ]*(?:\r\n|\r|\n|\Z)', re.IGNORECASE)


def declared_separator(text: str) -> tuple[str, int] | None:
    """The delimiter a first line ``sep=X`` declares, and where the file's
    rows start after it (in characters); ``None`` without such a line.
    ``text`` is decoded, its byte-order mark removed."""
    found = _SEP_LINE.match(text)
    return None if found is None else (found[1], found.end())


def separator_line(text: str, newline: str) -> str:
    """The file's ``sep=X`` line as written, with its line break (``newline``
    where the file is that line alone), or ``""``: what a rewrite of the
    file's rows (``okrsite pull``) keeps above them, so Excel still splits it."""
    declared = declared_separator(text)
    if declared is None:
        return ""
    line = text[: declared[1]]
    return line if line.endswith(("\n", "\r")) else line + newline
