"""Reading TOML under one name on every Python okrsite supports.

The standard library reads TOML from Python 3.11 on (``tomllib``); on 3.10 the
same parser is the ``tomli`` package, which ``pyproject.toml`` installs only
there. ``okrsite.toml``, TOML front matter and pull sources all read it from
here, so the choice is made in one place.
"""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    from tomllib import TOMLDecodeError
    from tomllib import loads as _loads
else:  # pragma: no cover - exercised on 3.10 only
    from tomli import TOMLDecodeError
    from tomli import loads as _loads

__all__ = ["TOMLDecodeError", "UnreadableToml", "duplicate_hint", "loads"]

#: a run of more digits than Python converts to an integer
_TOO_MANY_DIGITS = re.compile(r"[0-9_]{4301,}")

#: one part of a key: bare, "quoted" or 'literal'
_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
#: ``key = …`` at the start of a line: the key
_KEY_LINE = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")
#: ``[table]`` or ``[[array of tables]]`` at the start of a line
_HEADER_LINE = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]")


class UnreadableToml(TOMLDecodeError):  # type: ignore[misc]
    """Valid TOML that the parser still cannot turn into values: arrays or
    tables nested thousands deep (Python's recursion limit), an integer of
    more than 4,300 digits (Python's limit on converting one). Raised as a
    :class:`TOMLDecodeError`, with the line where it can be told, so every
    reader of TOML reports it as it reports bad TOML, never as a traceback."""

    def __init__(self, message: str) -> None:
        ValueError.__init__(self, message)  # not TOMLDecodeError's (msg, doc, pos) of 3.14


#: tables and arrays nested deeper than this are refused, as YAML's keys
#: under keys are (docs/limits.md): ``[a.a.a.…]`` a thousand deep parses
#: without recursion, but every reader after it recurses (a traceback), and
#: finding a deep key's line took seconds a level
MAX_DEPTH = 200


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads``, with :class:`UnreadableToml` for what it raises other than
    :class:`TOMLDecodeError`, and for tables or arrays nested more than
    :data:`MAX_DEPTH` deep."""
    if text.count(".") > MAX_DEPTH:
        _refuse_long_keys(text)  # the parser takes time with the square of a key's parts
    try:
        data: dict[str, Any] = _loads(text)
        if _deeper_than(data, MAX_DEPTH):
            raise UnreadableToml(f"tables or arrays are nested more than {MAX_DEPTH} levels deep")
        return data
    except TOMLDecodeError:
        raise
    except RecursionError:
        raise UnreadableToml("arrays or tables are nested too deeply to read") from None
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        found = _TOO_MANY_DIGITS.search(text)
        where = ""
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            where = f" (at line {line}, column {column})"
        raise UnreadableToml(f"a number has more than 4,300 digits{where}") from None


def _refuse_long_keys(text: str) -> None:
    """:class:`UnreadableToml` at the first key or table header of more than
    :data:`MAX_DEPTH` dotted parts: the parser would nest that deep (refused
    after it), but takes seconds a thousand parts first (19 s for 60,000)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count(".") <= MAX_DEPTH:
            continue
        found = _HEADER_LINE.match(line)
        written = found.group(2) if found is not None else None
        if written is None:
            key = _KEY_LINE.match(line)
            written = key.group(1) if key is not None else None
        if written is not None and len(re.findall(_PART, written)) > MAX_DEPTH:
            raise UnreadableToml(
                f"tables or arrays are nested more than {MAX_DEPTH} levels deep "
                f"(at line {number}, column 1)"
            )


def _deeper_than(data: dict[str, Any], limit: int) -> bool:
    """Whether tables and arrays in ``data`` nest more than ``limit`` deep (a
    walk without recursion, each value once)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        items = value.values() if isinstance(value, dict) else value
        stack.extend((item, depth + 1) for item in items if isinstance(item, (dict, list)))
    return False


def _key(written: str) -> tuple[str, ...]:
    """A key as TOML means it: ``"a" . b`` is ``("a", "b")``."""
    parts = re.findall(_PART, written)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def duplicate_hint(text: str, message: str, line: int | None) -> str | None:
    """A hint for TOML that sets a key, or declares a table, a second time
    (the parser's "Cannot overwrite a value" and "Cannot declare … twice" at
    ``line``): which line set it first, and to keep one of the two. ``None``
    for any other mistake, or when the first one cannot be found."""
    if line is None or not ("Cannot overwrite" in message or "twice" in message):
        return None
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    here = lines[line - 1]
    header = _HEADER_LINE.match(here)
    if header is not None:
        if header.group(1) != "[":
            return None
        name = _key(header.group(2))
        for n, earlier in enumerate(lines[: line - 1], start=1):
            found = _HEADER_LINE.match(earlier)
            if found and found.group(1) == "[" and _key(found.group(2)) == name:
                table = ".".join(name)
                return (
                    f"[{table}] is already declared on line {n}; keep one of the two "
                    f"and put all of its settings under it"
                )
        return None
    written = _KEY_LINE.match(here)
    if written is None:
        return None
    key = _key(written.group(1))
    for n in range(line - 1, 0, -1):  # back to the table this line is in
        earlier = lines[n - 1]
        if _HEADER_LINE.match(earlier):
            return None
        found = _KEY_LINE.match(earlier)
        if found and _key(found.group(1)) == key:
            return (
                f"{'.'.join(key)} is already set on line {n}; keep one of the two lines "
                f"(a setting is written once)"
            )
    return None
