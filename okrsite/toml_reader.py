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

__all__ = ["TOMLDecodeError", "UnreadableToml", "loads"]

#: a run of more digits than Python converts to an integer
_TOO_MANY_DIGITS = re.compile(r"[0-9_]{4301,}")


class UnreadableToml(TOMLDecodeError):  # type: ignore[misc]
    """Valid TOML that the parser still cannot turn into values: arrays or
    tables nested thousands deep (Python's recursion limit), an integer of
    more than 4,300 digits (Python's limit on converting one). Raised as a
    :class:`TOMLDecodeError`, with the line where it can be told, so every
    reader of TOML reports it as it reports bad TOML, never as a traceback."""

    def __init__(self, message: str) -> None:
        ValueError.__init__(self, message)  # not TOMLDecodeError's (msg, doc, pos) of 3.14


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads``, with :class:`UnreadableToml` for what it raises other than
    :class:`TOMLDecodeError`."""
    try:
        data: dict[str, Any] = _loads(text)
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
