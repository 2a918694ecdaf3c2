"""A fast fingerprint of what a history timeline reads: its changes and origins.

:func:`okrsite.view.history.timeline_key` prints, for each of 10,000
objectives after every new commit, the history's entries about it (about
ten :class:`~okrsite.history.Change` and a few :class:`~okrsite.history.Origin`
each) so that the page cache keeps the pages whose timelines did not move.
:func:`okrsite.value_prints.fingerprint` pickles without a memo (equal values
give equal bytes however their objects are shared), and without a memo
pickle looks up every class and every date's class again by importing its
module: about 140 µs an objective, a second and a half of a rebuild.

Here the changes and origins become tuples of their fields with each date
as its day number, and :mod:`marshal` (version 2: no references, no
interning marks, so sharing does not change the bytes either) writes them:
about a fifth of the time. Whatever marshal cannot write (a date in a
changed ``due:``, a value of another type) makes the whole print fall back
to :func:`~okrsite.value_prints.fingerprint`; the two kinds of print are
hashed each with a letter of its own. Marshal, like pickle, writes every value so
that it reads back equal, so different values never print alike; a test
holds the two equal and different on generated entries alike.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Mapping
from dataclasses import fields
from operator import attrgetter
from typing import Any

from okrsite.history_records import Change, Origin

#: marshal's format 2: floats in binary, and no back-references (format 3
#: on writes an object seen twice as a reference to the first, so the bytes
#: would depend on which equal strings are one object)
_FORMAT = 2
_SIZE = 16

# Every field of a change and of an origin, in their order, so that a field
# added to either is printed without a word here; the fields that hold days
# are written as day numbers (another date anywhere, say in a changed
# ``due:``, is left a date, which marshal refuses: the pickle print then).
_CHANGE = attrgetter(*(f.name for f in fields(Change)))
_ORIGIN = attrgetter(*(f.name for f in fields(Origin)))
_CHANGE_DAYS = tuple(i for i, f in enumerate(fields(Change)) if f.name in ("date", "authored"))
_ORIGIN_DAYS = tuple(i for i, f in enumerate(fields(Origin)) if f.name in ("authored", "committed"))


def _with_days(values: tuple[Any, ...], days: tuple[int, ...]) -> list[Any]:
    plain = list(values)
    for i in days:
        day = plain[i]
        if day is not None:
            plain[i] = day.toordinal()
    return plain


def origin_fields(origin: Origin | None) -> list[Any] | None:
    """An origin as plain values (its dates as day numbers); None stays None."""
    if origin is None:
        return None
    return _with_days(_ORIGIN(origin), _ORIGIN_DAYS)


def change_fields(change: Change) -> list[Any]:
    """A change as plain values (its dates as day numbers); ``old`` and ``new`` as they are."""
    return _with_days(_CHANGE(change), _CHANGE_DAYS)


def origins_fields(table: Mapping[str, Origin] | None) -> tuple[Any, ...] | None:
    """A table of origins by key result or day, in its order, as plain values."""
    if table is None:
        return None
    return tuple((key, origin_fields(origin)) for key, origin in table.items())


def entries_print(plain: Any, entries: Any) -> bytes:
    """A short hash (as long as every print: the page cache keeps them) of
    ``plain`` (what the callers above made of the entries) when marshal
    writes it, else of ``entries`` themselves by their pickle print; either
    kind hashed with a letter of its own, so the two never meet."""
    try:
        written = marshal.dumps(plain, _FORMAT)
    except ValueError:  # a value marshal does not write (a date, another class)
        from okrsite.value_prints import fingerprint  # which prints through this module

        return hashlib.blake2b(b"p" + fingerprint(entries), digest_size=_SIZE).digest()
    return hashlib.blake2b(b"m" + written, digest_size=_SIZE).digest()


def record_print(record: Change | Origin) -> bytes:
    """One change or origin's print, as :func:`entries_print` prints it: for the
    page cache, which prints what each page read of the history's tables
    (an objective's changes, a check-in's origin) before every build."""
    if isinstance(record, Change):
        return entries_print(change_fields(record), record)
    return entries_print(origin_fields(record), record)


def changes_print(changes: list[Change] | tuple[Change, ...]) -> bytes:
    """A list (or tuple) of changes' print: an objective's timeline as a page
    reads it from ``history.objectives``, 100,000 changes at 10,000
    objectives, printed before every build."""
    kind = "L" if type(changes) is list else "T"
    return entries_print((kind, [change_fields(c) for c in changes]), changes)
