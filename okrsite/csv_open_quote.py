"""A CSV cell whose opening quote nothing closes.

Python's csv module, as spreadsheets do, reads a quoted cell up to its
closing quote, line breaks and all: a note typed over three lines with
Alt+Enter is one cell. A quote that is never closed (``O,"KR,U,10`` typed
by hand) makes the rest of the file that one cell, and the module, unless
strict, says nothing: an import would write a key result titled with the
rest of the file, a KPI's data file would read its next rows as one
value. :func:`unclosed_quote` finds that quote, as the module reads
quotes, so the reader can refuse the file at the line the quote opens;
a quoted cell that spans lines and is closed is never refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

__all__ = ["CLOSE_QUOTE_HINT", "OpenQuote", "unclosed_quote"]

_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class OpenQuote:
    """Where a quote no quote closes opens the cell it quotes."""

    line: int  # 1-based, lines counted as an editor counts them
    column: int  # 1-based, of the quote on that line
    cell: int  # 0-based index of the cell in its row
    lines_after: int  # the lines after it, which would be read into the cell

    def what(self, row: int) -> str:
        """What is wrong, naming the cell (``row``: the record's number, as a
        spreadsheet numbers its rows)."""
        letters, index = "", self.cell + 1
        while index:
            index, rem = divmod(index - 1, 26)
            letters = chr(65 + rem) + letters
        rest = (
            f"the rest of the file ({self.lines_after:,} more line{'s' * (self.lines_after != 1)})"
            if self.lines_after
            else "the rest of the line"
        )
        return (
            f"the quote (\") that opens row {row}'s cell in column {letters} is never "
            f"closed, so {rest} would be read as that one cell"
        )

    def message(self, name: str, row: int) -> str:
        """:meth:`what`, after the file's name and the quote's line."""
        return f"{name}, line {self.line}: {self.what(row)}"


#: what to do, for every reader of such a file
CLOSE_QUOTE_HINT = (
    "close the quote where the cell's text ends, or remove it; a quote inside a quoted "
    'cell is written twice: ""'
)


def unclosed_quote(text: str, delimiter: str, record_line: int = 1) -> OpenQuote | None:
    """The quote of ``text`` that opens a cell and is never closed, read as
    the csv module reads quotes (``""`` inside a quoted cell is one quote; a
    quote not at a cell's start is a letter), from the record that starts on
    line ``record_line`` (the last one the reader read: only it can end
    inside a cell)."""
    start = 0
    if record_line > 1:
        found = next(islice(_BREAK.finditer(text), record_line - 2, None), None)
        if found is None:
            return None
        start = found.end()
    if '"' not in text[start:]:
        return None
    stop = re.compile(f"[{re.escape(delimiter)}\r\n]")
    at, cell, end = start, 0, len(text)
    while at < end:
        if text[at] == '"':  # opens a quoted cell
            opened, at = at, at + 1
            while True:
                close = text.find('"', at)
                if close < 0:
                    return _located(text, opened, cell)
                at = close + 1
                if not text.startswith('"', at):
                    break
                at += 1  # "" inside the cell: one quote
        # up to the cell's end: past its closing quote, a quote is a letter
        ends = stop.search(text, at)
        if ends is None:
            return None
        at = ends.end()
        cell = cell + 1 if ends.group() == delimiter else 0
    return None


def _located(text: str, index: int, cell: int) -> OpenQuote:
    before = list(_BREAK.finditer(text, 0, index))
    line_start = before[-1].end() if before else 0
    after = len(_BREAK.findall(text, index)) - text.endswith(("\n", "\r"))
    return OpenQuote(len(before) + 1, index - line_start + 1, cell, after)
