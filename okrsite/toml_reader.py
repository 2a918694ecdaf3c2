"""Reading TOML under one name on every Python okrsite supports.

The standard library reads TOML from Python 3.11 on (``tomllib``); on 3.10 the
same parser is the ``tomli`` package, which ``pyproject.toml`` installs only
there. ``okrsite.toml``, TOML front matter and pull sources all read it from
here, so the choice is made in one place.
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    from tomllib import TOMLDecodeError, loads
else:  # pragma: no cover - exercised on 3.10 only
    from tomli import TOMLDecodeError, loads

__all__ = ["TOMLDecodeError", "loads"]
