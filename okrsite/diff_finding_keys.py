"""What makes a finding of the base and one of the head the same finding.

``okrsite diff`` lists the findings a change introduces and resolves, and
compares them by code, file and message, never by line: a line added at the
top of a file moves every finding below it without introducing anything
(docs/diff.md, "Findings"). Some messages quote a line or row themselves
(OKR206 "1,288 on line 5 and 1,295 on line 6", a key "written twice, on
lines 3 and 12", OKR128 "row 4 of data/mrr.csv"): those numbers are places
too, and a row added above them is no new finding, so the key leaves them out.
"""

from __future__ import annotations

import re

from okrsite.diagnostics import Diagnostic

#: a line or row number a message quotes: ``line 5``, ``row 4``, ``lines 3
#: and 12``; a list only after the plural, so the figure in "on line 5 and
#: 1,295 on line 6" stays in the key
_QUOTED_PLACE = re.compile(r"\b(?:(?:lines|rows) \d+(?:(?:, | and | or )\d+)*|(?:line|row) \d+)\b")


def _no_number(found: re.Match[str]) -> str:
    return found[0].split(" ", 1)[0] + " #"


def diag_key(d: Diagnostic) -> tuple[str, str, str]:
    """Code, file and message, the line and row numbers the message quotes
    left out as the location's line is: an OKR206 naming lines 5 and 6 is
    the same warning when a row added above makes them 6 and 7."""
    return (d.code, d.file or "", _QUOTED_PLACE.sub(_no_number, d.message))
