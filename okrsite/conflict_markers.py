"""Merge conflict markers left in a goal file (OKR020).

A merge that stopped on a conflict leaves ``<<<<<<< HEAD``, ``=======`` and
``>>>>>>> feature`` lines in the file, and committing it as it is happens.
Read as it is, a body's markers render as a heading and nested quotes and
the front matter's as a YAML error about indentation, neither of which
says what happened; so they are found first and refused with what to do.

Only a file holding ``<<<<<<<`` is searched: the usual file costs one
substring test. A line ``=======`` alone is a Markdown heading's underline
and is a marker only beside a ``<<<<<<<`` line.
"""

from __future__ import annotations

import re

from okrsite.sitefiles import excerpt

__all__ = ["HINT", "conflict_markers"]

_OPENING = re.compile(r"^<<<<<<<(?:[ \t]|$)", re.M)
_MARKER = re.compile(r"^(?:(?:<<<<<<<|\|\|\|\|\|\|\||>>>>>>>)(?:[ \t].*)?|=======[ \t]*)$", re.M)

HINT = (
    "keep the lines of one side (or combine the two), delete the marker lines "
    "'<<<<<<< …', '=======' and '>>>>>>> …', then commit the file"
)


def conflict_markers(text: str) -> tuple[int, str] | None:
    """The line of the first ``<<<<<<<`` marker and a message naming the
    markers of the first conflict by line, or ``None`` when the file has
    no ``<<<<<<<`` line."""
    if "<<<<<<<" not in text:  # the usual file: one substring test
        return None
    opening = _OPENING.search(text)
    if opening is None:
        return None
    found = []
    conflicts = 0
    for m in _MARKER.finditer(text, opening.start()):
        conflicts += m.group().startswith("<<<<<<<")
        if conflicts == 1:  # the markers of the first conflict, by line
            line = text.count("\n", 0, m.start()) + 1
            found.append(f"{excerpt(m.group().rstrip(), 40)!r} on line {line}")
    first = text.count("\n", 0, opening.start()) + 1
    listed = ", ".join(found[:-1]) + f" and {found[-1]}" if len(found) > 1 else found[0]
    more = f" ({conflicts} conflicts in all)" if conflicts > 1 else ""
    return first, f"the file holds a merge conflict left unresolved: {listed}{more}"
