"""Enum members pickled as ``cls(value)`` on every Python.

How :mod:`enum` pickles a member changed within Python 3.11: the early
3.11 releases (3.11.2, Debian 12's ``python3``, and 3.11.3 at least) pickle a
member as the call ``getattr(cls, name)``, later ones (3.11.7; 3.10 and 3.12
too) as ``cls(value)``. The
parse cache's unpickler (:mod:`okrsite.parse_store_format`) builds only
okrsite's record classes and plain values, and rightly refuses
``builtins.getattr`` (its result could be called), so on 3.11.2 every cache
file holding a diagnostic's :class:`~okrsite.diagnostics.Severity` was read
as damaged: each run loaded cold and no stored outcome was reused. And the
fingerprints of :mod:`okrsite.value_prints`, hashes of pickles, differed
between the two Pythons. Each enum okrsite keeps in a cache pickles as
``cls(value)`` through :func:`pickled_by_value`, the same bytes on every
Python.
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar

_E = TypeVar("_E", bound=type[enum.Enum])


def pickled_by_value(cls: _E) -> _E:
    """Pickle the members of the enum ``cls`` as the call ``cls(value)``."""

    def __reduce_ex__(self: Any, protocol: object) -> tuple[type, tuple[Any]]:
        return cls, (self._value_,)

    cls.__reduce_ex__ = __reduce_ex__  # type: ignore[assignment]
    return cls
