"""Fingerprints of what pages read: a short hash per value, equal for equal values.

The page cache (:mod:`okrsite.page_cache`) keeps one fingerprint per
dependency a page read (a record, a score, an index entry, a whole
collection) and compares it with the value's fingerprint in the next build.
At 10,000 objectives that is 165,000 values, and the same records come back
in many of them: a check-in is in ``portfolio.checkins``, in the index's
list of all check-ins, in its objective's list and in its author's list.
Pickling each occurrence (slotted frozen dataclasses pickle through a
Python-level ``__getstate__``) cost several seconds after every edit, so a
:class:`Printer` hashes each record once and a list of records by the
hashes of its members.

Equal values always give equal prints: a record's print is the hash of its
pickle written without pickle's memo (so sharing inside it does not change
the bytes), and a list's or tuple's print depends only on its kind and its
members' prints, in order. Different values give different prints unless
blake2b collides.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import pickle
from collections.abc import Mapping
from typing import Any

from okrsite.dependencies import Dep, value_of

__all__ = ["Printer", "fingerprint", "forked_printer", "before_forking"]

_SIZE = 16


def fingerprint(value: Any) -> bytes:
    """A hash of a value's pickle, written without pickle's memo, so equal
    values give equal bytes however their objects are shared."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True  # no memo: sharing does not change the bytes
    pickler.dump(value)
    return hashlib.blake2b(buf.getbuffer(), digest_size=_SIZE).digest()


class Printer:
    """Fingerprints for one state of the portfolio, each record hashed once.

    Keep one for as long as the values it printed do not change (a render
    worker's life, one planning pass): it remembers records by identity, and
    holds on to them so an identity is never reused for another record.
    """

    __slots__ = ("_records", "_kinds")

    def __init__(self) -> None:
        self._records: dict[int, tuple[Any, bytes]] = {}
        self._kinds: dict[type, bool] = {}

    def _is_record(self, value: Any) -> bool:
        kind = type(value)
        known = self._kinds.get(kind)
        if known is None:
            known = self._kinds[kind] = dataclasses.is_dataclass(kind)
        return known

    def _record(self, value: Any) -> bytes:
        hit = self._records.get(id(value))
        if hit is None:
            hit = self._records[id(value)] = (value, fingerprint(value))
        return hit[1]

    def _member(self, value: Any) -> bytes:
        """A member of a list: a record, a (key, record) pair, or anything else."""
        if self._is_record(value):
            return b"R" + self._record(value)
        if type(value) is tuple and len(value) == 2 and self._is_record(value[1]):
            return b"P" + fingerprint(value[0]) + self._record(value[1])
        return b"V" + fingerprint(value)

    def remembered(self, value: Any) -> bytes:
        """The fingerprint of ``value``, which does not change while this printer
        lives: remembered by identity, so asking again (for the page cache, say,
        after a kept piece was looked up by it) costs nothing."""
        hit = self._records.get(id(value))
        if hit is None:
            hit = self._records[id(value)] = (value, self.value(value))
        return hit[1]

    def value(self, value: Any) -> bytes:
        """The fingerprint of ``value``."""
        hit = self._records.get(id(value))
        if hit is not None:  # a record, or a value remembered
            return hit[1]
        if self._is_record(value):
            return self._record(value)
        kind = type(value)
        if (kind is list or kind is tuple) and value:
            first = value[0]
            if self._is_record(first) or (
                type(first) is tuple and len(first) == 2 and self._is_record(first[1])
            ):
                digest = hashlib.blake2b(b"L" if kind is list else b"T", digest_size=_SIZE)
                member = self._member
                for item in value:
                    digest.update(member(item))
                return digest.digest()
        return fingerprint(value)

    def dep(self, collections: Mapping[str, Any], dep: Dep) -> bytes:
        """The fingerprint of what one dependency stands for now."""
        value = value_of(collections, dep)
        if dep[0] == "history":  # the collection is (history,)
            return _history_print(value[0] if isinstance(value, tuple) and value else None)
        return self.value(value)


def _history_print(history: Any) -> bytes:
    """The history read from git as pages see it, as JSON: read afresh or from
    its cache file it holds the same values in lists or tuples (which pickle
    differently), and a different count of commits read this run (no page
    shows it)."""
    if history is None:
        return fingerprint(None)
    quick: bytes | None = history.fingerprint()  # from what it was read: cheap
    if quick is not None:
        return quick
    shown = dataclasses.asdict(history)
    shown.pop("commits_read", None)
    text = json.dumps(shown, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=_SIZE).digest()


#: the printer of this process while it is a forked worker (see :func:`forked_printer`)
_FORKED: list[Printer] = []


def before_forking() -> None:
    """Call before forking workers that take fingerprints: each starts a printer
    of its own, not one remembering records of an earlier portfolio."""
    _FORKED.clear()


def forked_printer() -> Printer:
    """In a forked worker: one printer for its life (the portfolio it sees does
    not change), so a record shared by many chunks is hashed once."""
    if not _FORKED:
        _FORKED.append(Printer())
    return _FORKED[0]
