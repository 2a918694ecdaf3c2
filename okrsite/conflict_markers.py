"""Merge conflict markers left in a goal file (OKR020).

A merge that stopped on a conflict leaves ``<<<<<<< HEAD``, ``=======`` and
``>>>>>>> feature`` lines in the file, and committing it as it is happens.
Read as it is, a body's markers render as a heading and nested quotes and
the front matter's as a YAML error about indentation, neither of which
says what happened; so they are found first and refused with what to do.

Only a file holding ``<<<<<<<`` is searched: the usual file costs one
substring test. A line ``=======`` alone is a Markdown heading's underline
and is a marker only beside a ``<<<<<<<`` line. Lines inside a fenced code
block (```` ``` ```` or ``~~~``) are content: a "how we use git" page shows
a conflict on purpose.
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
    """The line of the first ``<<<<<<<`` marker outside a fenced code block
    and a message naming the markers of the first conflict by line, or
    ``None`` when the file has no such ``<<<<<<<`` line."""
    if "<<<<<<<" not in text:  # the usual file: one substring test
        return None
    if _OPENING.search(text) is None:
        return None
    markers = _outside_fences(text)
    firsts = [n for n, line in markers if line.startswith("<<<<<<<")]
    if not firsts:
        return None
    found = []
    conflicts = 0
    for n, line in markers:
        if n < firsts[0]:
            continue
        conflicts += line.startswith("<<<<<<<")
        if conflicts == 1:  # the markers of the first conflict, by line
            found.append(f"{excerpt(line.rstrip(), 40)!r} on line {n}")
    listed = ", ".join(found[:-1]) + f" and {found[-1]}" if len(found) > 1 else found[0]
    more = f" ({conflicts} conflicts in all)" if conflicts > 1 else ""
    return firsts[0], f"the file holds a merge conflict left unresolved: {listed}{more}"


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _outside_fences(text: str) -> list[tuple[int, str]]:
    """The marker lines (line number, text) that are not inside a fenced code block."""
    out: list[tuple[int, str]] = []
    fence = ""
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        opened = _FENCE.match(line)
        if fence:
            closes = opened is not None and opened.group(1)[0] == fence[0]
            if closes and opened and len(opened.group(1)) >= len(fence):
                fence = "" if not line[opened.end() :].strip() else fence
            continue
        if opened and not (opened.group(1)[0] == "`" and "`" in line[opened.end() :]):
            fence = opened.group(1)
            continue
        if _MARKER.fullmatch(line):
            out.append((n, line))
    return out
