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

A record that is the very object a file's parse produced (resolving copies
every record it changes) is printed by the hash that parse is kept under
(:func:`parsed_records`) instead of its pickle: parsing is a function of
the file's path and bytes and the parse cache's key, so the same hash means
the same record, and 50,000 pickles are saved after every edit. The same
record may get either kind of print from one build to the next; that only
renders a page again, it never keeps a stale one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import operator
import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from okrsite.dependencies import PRESENT, Dep, RecordedTuple, value_of
from okrsite.history_prints import changes_print, record_print
from okrsite.history_records import Change, Origin

__all__ = [
    "Printer",
    "fingerprint",
    "value_print",
    "forked_printer",
    "before_forking",
    "parsed_records",
    "known_prints",
    "printed_before_forking",
    "Keyed",
    "unkeyed",
]

_SIZE = 16
#: bytes in a print
PRINT_SIZE = _SIZE

#: records as parsed, by identity: id → (the record, kept alive; its print)
_PARSED: dict[int, tuple[Any, bytes]] = {}
#: values read from a cache with the print they had when it was written
#: (:func:`known_prints`), by identity, as :data:`_PARSED`
_KNOWN: dict[int, tuple[Any, bytes]] = {}
#: values printed once before render processes fork
#: (:func:`printed_before_forking`), by identity, as :data:`_PARSED`
_PRINTED: dict[int, tuple[Any, bytes]] = {}


def print_of(value: Any) -> bytes:
    """:func:`fingerprint` of ``value``, or the print it was read back with
    (:func:`known_prints`) or printed with already (:func:`printed_before_forking`)."""
    known = _KNOWN.get(id(value)) or _PRINTED.get(id(value))
    return known[1] if known is not None and known[0] is value else fingerprint(value)


def printed_before_forking(values: Iterable[Any]) -> None:
    """Print these values now, once, for :func:`print_of` and for printers
    made after this call (in this process and in those it forks). An empty
    ``values`` forgets them.

    For the objective scores of a build with the page cache: every render
    process reads all of them (the dashboard, the exports), and each printed
    all 10,000 again (each one's pickle), as did the parse cache's save
    (:func:`print_of`). Each print is the :func:`fingerprint` a printer
    would take of the value, which is immutable and kept alive here, so its
    identity stands for it while the print is held."""
    _PRINTED.clear()
    printed = {}
    for value in values:
        printed[id(value)] = (value, print_of(value))
    _PRINTED.update(printed)


def known_prints(pairs: Iterable[tuple[Any, bytes]]) -> None:
    """Remember the prints of values read back from a cache (the scores of
    10,000 objectives: two thirds of a second to print again after every
    edit), for printers made after this call. Each print is the
    :func:`fingerprint` the value had when the cache was written, so it
    stands for exactly that value; the scores of objectives an edit did not
    touch are these very objects in the next build. An empty ``pairs``
    forgets them."""
    _KNOWN.clear()
    _KNOWN.update((id(value), (value, print_)) for value, print_ in pairs)


def parsed_records(records: Iterable[tuple[str, Any]], key: Iterable[str] = ()) -> None:
    """Print these records by the content hash of the file each was parsed
    from (``(digest, record)`` pairs of a parse cache whose key is ``key``):
    printers made after this call use it. An empty ``records`` forgets them."""
    _PARSED.clear()
    salt = b"parsed\0" + "\0".join(key).encode() + b"\0"
    blake2b = hashlib.blake2b
    for digest, record in records:
        if record is not None:
            _PARSED[id(record)] = (
                record,
                blake2b(salt + digest.encode(), digest_size=_SIZE).digest(),
            )


def fingerprint(value: Any) -> bytes:
    """A hash of a value's pickle, written without pickle's memo, so equal
    values give equal bytes however their objects are shared."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=5)
    pickler.fast = True  # no memo: sharing does not change the bytes
    pickler.dump(value)
    return hashlib.blake2b(buf.getbuffer(), digest_size=_SIZE).digest()


class Keyed(Mapping[str, Any]):
    """A mapping computed when first read, and printed by ``key``: a
    fingerprint of everything computing it reads, not of the mapping itself.

    For a value that is costly to compute and to print but whose inputs are
    cheap to print: an objective's history timeline (its changes, its
    figures' sources), which a build after one new commit would otherwise
    compute and pickle for each of 10,000 objectives to find the few that
    changed. :class:`Printer` prints it by its key, so a kept piece and the
    page cache recognise it without computing it; a template reads it as
    the mapping it stands for (``timeline.entries`` or
    ``timeline["entries"]``). Whoever makes one owes a key that changes
    whenever the computed value can.
    """

    __slots__ = ("key", "_compute", "_value")

    def __init__(self, key: bytes, compute: Callable[[], Mapping[str, Any]]) -> None:
        self.key = key
        self._compute: Callable[[], Mapping[str, Any]] | None = compute
        self._value: Mapping[str, Any] | None = None

    @property
    def value(self) -> Mapping[str, Any]:
        """The mapping itself, computed on first use."""
        if self._value is None:
            assert self._compute is not None
            self._value, self._compute = self._compute(), None
        return self._value

    def __getitem__(self, name: str) -> Any:
        return self.value[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.value)

    def __len__(self) -> int:
        return len(self.value)

    def __getattr__(self, name: str) -> Any:
        # only for names that are no slot or method: a template's ``x.entries``
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self.value[name]
        except KeyError:
            raise AttributeError(name) from None

    def __reduce_ex__(self, protocol: object) -> tuple[Any, ...]:
        # copied or pickled as the plain mapping it stands for
        return dict, (dict(self.value),)


def unkeyed(value: Any) -> Any:
    """``value``, or the mapping a :class:`Keyed` stands for."""
    return value.value if type(value) is Keyed else value


_UNSEEN = object()
#: per class: a getter of every field's value, or ``None`` for a class that is no dataclass
_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]] | None] = {}


def _fields_of(kind: type) -> Callable[[Any], tuple[Any, ...]] | None:
    """For a slotted dataclass whose slots are all fields (nothing else can
    hold a value), a getter of its fields' values; otherwise ``None``."""
    if not dataclasses.is_dataclass(kind) or getattr(kind, "__dictoffset__", 1) != 0:
        return None
    names = [f.name for f in dataclasses.fields(kind)]
    slots = {name for c in kind.__mro__ for name in getattr(c, "__slots__", ())}
    if not slots <= {*names, "__weakref__"}:
        return None
    if len(names) == 1:
        name = names[0]
        return lambda value: (getattr(value, name),)
    return operator.attrgetter(*names)  # type: ignore[return-value]


def value_print(value: Any) -> bytes:
    """:func:`fingerprint` of a value made of (frozen) dataclasses, tuples and
    plain values, with each dataclass and tuple taken apart first: a view
    object (a dashboard entry) pickles through Python-level ``__reduce_ex__``
    and ``__getstate__`` at each level, its parts in C. Each dataclass becomes
    its class's full name and its fields' values, each tuple or list its
    kind's name and its members, so different values still print differently."""
    return fingerprint(_taken_apart(value))


def _taken_apart(value: Any) -> Any:
    kind = type(value)
    getter = _FIELDS.get(kind, _UNSEEN)
    if getter is _UNSEEN:
        getter = _FIELDS[kind] = _fields_of(kind)
    if getter is not None:
        parts = getter(value)  # type: ignore[operator]
    elif isinstance(value, (tuple, list)):
        parts = value
    else:
        return value
    name = kind.__name__ if kind in (tuple, list) else f"{kind.__module__}.{kind.__qualname__}"
    leaves = _LEAVES
    return (name, tuple([p if type(p) in leaves else _taken_apart(p) for p in parts]))


#: kinds that :func:`_taken_apart` leaves as they are (most of a view's values)
_LEAVES = frozenset({str, int, float, bool, type(None), date})


class Printer:
    """Fingerprints for one state of the portfolio, each record hashed once.

    Keep one for as long as the values it printed do not change (a render
    worker's life, one planning pass): it remembers records by identity, and
    holds on to them so an identity is never reused for another record.
    """

    __slots__ = ("_records", "_kinds", "_plain")

    def __init__(self) -> None:
        self._records: dict[int, tuple[Any, bytes]] = {**_KNOWN, **_PRINTED, **_PARSED}
        self._kinds: dict[type, bool] = {}
        #: prints of strings and tuples of strings (most index entries: ids,
        #: often none), by value: equal ones pickle to equal bytes
        self._plain: dict[Any, bytes] = {}

    def _is_record(self, value: Any) -> bool:
        kind = type(value)
        known = self._kinds.get(kind)
        if known is None:
            known = self._kinds[kind] = dataclasses.is_dataclass(kind)
        return known

    def _record(self, value: Any) -> bytes:
        hit = self._records.get(id(value))
        if hit is None:
            kind = type(value)
            # the history's changes and origins: 100,000 and 40,000 at 10,000
            # objectives, none remembered from the parse, printed after every
            # new commit; their own print is five times as fast as a pickle's
            printed = record_print(value) if kind is Change or kind is Origin else None
            hit = self._records[id(value)] = (value, printed or fingerprint(value))
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
        known = self._records.get(id(value))
        if known is not None:  # a record, or a value remembered
            return known[1]
        kind = type(value)
        if kind is Keyed:
            return value.key  # type: ignore[no-any-return]
        if kind is RecordedTuple:
            # a portfolio's tuple as pages read it (every check-in: 40,000
            # records) is printed as the tuple it holds, by its members'
            # prints, not pickled whole; read without recording a read
            value, kind = tuple(tuple.__iter__(value)), tuple
        if kind is str or (kind is tuple and all(type(v) is str for v in value)):
            # only exact strings: a Markup or a number may equal one and pickle otherwise
            hit = self._plain.get(value)
            if hit is None:
                hit = self._plain[value] = fingerprint(value)
            return hit
        if self._is_record(value):
            return self._record(value)
        if (kind is list or kind is tuple) and value:
            first = value[0]
            if type(first) is Change and all(type(c) is Change for c in value):
                return changes_print(value)  # an objective's timeline, as pages read it
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

    def deps(self, collections: Mapping[str, Any], deps: Iterable[Dep]) -> list[bytes]:
        """:meth:`dep` of each of ``deps`` (150,000 after an edit at 10,000
        objectives): a presence (``name?``) is a yes or no, printed once each."""
        presence = {True: fingerprint(True), False: fingerprint(False)}
        dep, value = self.dep, self.value
        out = []
        for d in deps:
            name = d[0]
            if name.endswith(PRESENT):
                out.append(presence[value_of(collections, d)])
            elif name == "history":
                out.append(dep(collections, d))
            else:
                out.append(value(value_of(collections, d)))
        return out


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
