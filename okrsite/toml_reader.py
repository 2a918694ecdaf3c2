"""The TOML reader for this Python: :mod:`tomllib` from 3.11, ``tomli`` before.

Chosen once here, so config, TOML front matter, pull sources and the tests do
not each carry the same version switch (``tomli`` is the package ``tomllib``
was made from, with the same ``loads`` and ``TOMLDecodeError``).
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    from tomllib import TOMLDecodeError, load, loads
else:  # pragma: no cover - exercised on 3.10 only
    from tomli import TOMLDecodeError, load, loads

__all__ = ["TOMLDecodeError", "load", "loads"]
