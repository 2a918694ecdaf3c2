"""Control characters in a translation catalogue (THM003).

A control character (:data:`okrsite.limits.CONTROL_CHARS`: U+0000–U+001F
but tab and newline, U+007F–U+009F) in a translation would reach every page
that shows the word, and the check-ins feed, where it makes the XML
invalid: it is refused as goal files refuse it (OKR016). It gets into a
``.po`` file raw (a NUL byte pasted into an editor) or through an escape
Babel reads as one (``\\a``, ``\\b``, ``\\f``, ``\\r``, ``\\v``); ``\\t``
and ``\\n`` are a tab and a line break, which goal files hold too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from okrsite.limits import CONTROL_CHARS

__all__ = ["control_in", "escaped_control_problems", "raw_control_problems"]

#: lines with a raw control character reported one by one; the rest in one more error
_MAX_LINES = 20

#: an escape Babel reads as a control character, after an even run of backslashes
_CONTROL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*(\\[abfrv])")

#: the character each escape of :data:`_CONTROL_ESCAPE` stands for
_ESCAPED = {"a": 0x07, "b": 0x08, "f": 0x0C, "r": 0x0D, "v": 0x0B}

#: the first line of the next entry (its comments, context or id)
_NEXT_ENTRY = re.compile(r"\s*(?:#|msgctxt\b|msgid\b)")

_HINT = (
    "delete it (it is invisible in most editors; it often comes from pasted text): "
    "write \\t for a tab and \\n for a line break"
)

Problem = tuple[Path, int, str, "str | None"]


def _lines(text: str) -> list[str]:
    """The lines of a ``.po`` file as Babel reads them (split at ``\\n``; a
    CRLF line end is no control character)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def raw_control_problems(file: Path, text: str) -> list[Problem]:
    """An error for each line (up to 20, then one for the rest) of ``text``
    that holds a control character as it is, at the line, naming the
    character and its column."""
    if CONTROL_CHARS.search(text.replace("\r\n", "\n")) is None:
        return []
    out: list[Problem] = []
    more, first_more = 0, 0
    for number, line in enumerate(_lines(text), 1):
        found = CONTROL_CHARS.search(line)
        if found is None:
            continue
        if len(out) < _MAX_LINES:
            out.append(
                (
                    file,
                    number,
                    f"the file contains the control character U+{ord(found.group()):04X} "
                    f"(column {found.start() + 1})",
                    _HINT,
                )
            )
        else:
            more += 1
            first_more = first_more or number
    if more:
        out.append(
            (
                file,
                first_more,
                f"and {more:,} more lines with a control character, the first of them",
                _HINT,
            )
        )
    return out


def control_in(message: Any) -> str | None:
    """The first control character of a message's id, context or translations
    (``None``: there is none)."""
    for part in (message.id, message.string, message.context):
        for text in part if isinstance(part, (list, tuple)) else (part,):
            found = CONTROL_CHARS.search(text or "")
            if found is not None:
                return found.group()
    return None


def escaped_control_problems(file: Path, text: str, catalogue: Any) -> list[Problem]:
    """An error for each message of ``catalogue`` (read from ``text``) whose
    strings hold a control character written as an escape (``"\\a"``), at
    the line of the escape. One written raw is left to
    :func:`raw_control_problems`, which names its line already."""
    lines: list[str] | None = None
    out: list[Problem] = []
    for message in catalogue:
        if not message.id or control_in(message) is None:
            continue
        lines = lines if lines is not None else _lines(text)
        found = _escape_line(lines, message.lineno or 0)
        if found is not None:
            number, escape = found
            out.append(
                (
                    file,
                    number,
                    f"a string contains the control character U+{_ESCAPED[escape[1]]:04X}, "
                    f"written {escape}",
                    "remove the escape: write \\t for a tab and \\n for a line break, "
                    "nothing for the rest",
                )
            )
    return out


def _escape_line(lines: list[str], start: int) -> tuple[int, str] | None:
    """The line (1-based) and text of the first control escape of the entry
    whose ``msgid`` is on line ``start``, and its context's line before it;
    ``None``: the entry holds none (its control character is raw)."""
    if start <= 0:
        return None
    first = above = start - 1
    while above > 0 and lines[above - 1].lstrip().startswith('"'):
        above -= 1
    if above > 0 and lines[above - 1].lstrip().startswith("msgctxt"):
        first = above - 1  # the entry's context, written above its msgid
    for index in range(first, len(lines)):
        if index >= start and _NEXT_ENTRY.match(lines[index]):
            break
        found = _CONTROL_ESCAPE.search(lines[index])
        if found is not None:
            return index + 1, found.group(1)
    return None
