"""The page cache on disk: a large file written now and then, and a small delta.

What :mod:`okrsite.page_cache` keeps for a 10,000-objective site (what 23,000
output files are, what 13,000 pages read, and 60,000 memoised pieces) pickles
to about 100 MB, and writing all of it after every one-edit build took about
a second. An edit changes a few dozen of those entries, so a build writes
only what differs from the large file (``pages.pickle``) into a small one
(``pages-delta.pickle``), and writes the large file again, dropping the
delta, once the delta has grown to a quarter of it.

Both are written to a temporary name and renamed into place. The large file
carries a random generation, and the delta names the generation it was
taken against: a delta of another generation (a build killed between
writing the large file and removing the delta, a folder put together from
two caches) is never applied. A large file read without its delta is an
older state of the output folder, which :mod:`okrsite.page_cache` finds not
to match the folder and answers with a full build, never with stale pages.

Each ends in a checksum of its bytes (:mod:`okrsite.cache_checksum`),
verified before it is unpickled: a file damaged on disk is read as no file,
never as a state whose wrong hashes would keep wrong pages as "unchanged".

Like the page cache itself, both files hold only strings, numbers, bytes,
tuples, lists, dicts and frozensets: any class is refused.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from okrsite.cache_checksum import SealedWriter, opened_verified

__all__ = ["CACHE_FILE", "DELTA_FILE", "StoredBase", "read_pages", "write_pages"]

CACHE_FILE = "pages.pickle"
DELTA_FILE = "pages-delta.pickle"
#: versions 6 and 2 end in a checksum (:mod:`okrsite.cache_checksum`); earlier ones are foreign
_FORMAT = b"okrsite-page-cache 6\n"
_DELTA_FORMAT = b"okrsite-page-cache-delta 2\n"

State = tuple[Any, ...]
"""(site print, output folder, files, pages, dependency table, their values,
inputs, content hashes, pieces): what :class:`okrsite.page_cache.PageCache` keeps."""

#: the positions in :data:`State` of the dictionaries kept as changed entries
_DICTS = (2, 3, 7)
_TABLE, _VALUES, _PIECES = 4, 5, 8
#: the large file is written again when the delta has this share of its entries
_REWRITE_SHARE = 0.25


class _PlainUnpickler(pickle.Unpickler):
    """Only plain values: any class is refused (a cache folder may come from elsewhere)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "frozenset"):
            return frozenset
        raise pickle.UnpicklingError(f"refused to build {module}.{name} from the page cache")


class StoredBase:
    """The large file as read or written, which the next delta is taken against."""

    __slots__ = ("generation", "state")

    def __init__(self, generation: str, state: State) -> None:
        self.generation = generation
        self.state = state


def _read(path: Path, header: bytes) -> Any:
    try:
        with opened_verified(path, header) as fh:
            if fh is None:
                return None
            return _PlainUnpickler(fh).load()
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt pickle can raise almost anything; never trust it
        return None


def read_pages(folder: Path) -> tuple[State | None, StoredBase | None]:
    """The stored state (the large file with its delta applied) and the large
    file itself; ``(None, None)`` when there is none or it cannot be trusted."""
    stored = _read(folder / CACHE_FILE, _FORMAT)
    if not (isinstance(stored, tuple) and len(stored) == 10 and isinstance(stored[0], str)):
        return None, None
    base = StoredBase(stored[0], stored[1:])
    delta = _read(folder / DELTA_FILE, _DELTA_FORMAT)
    if not (isinstance(delta, tuple) and len(delta) == 2 and delta[0] == base.generation):
        return base.state, base
    try:
        return _applied(base.state, delta[1]), base
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):
        return None, None


def _applied(base: State, delta: Any) -> State:
    """``base`` with ``delta`` (see :func:`_delta`) applied, as new containers."""
    scalars, dicts, table_tail, values_set, pieces = delta
    state = list(base)
    for position, value in scalars.items():
        if position not in (0, 1, 6):
            raise ValueError("a delta may set only the prints, the folder and the inputs")
        state[position] = value
    for position, (changed, removed) in dicts.items():
        if position not in _DICTS:
            raise ValueError("not a dictionary of the page cache")
        merged = dict(base[position])
        for key in removed:
            merged.pop(key, None)
        merged.update(changed)
        state[position] = merged
    state[_TABLE] = tuple(base[_TABLE]) + tuple(table_tail)
    values = list(base[_VALUES]) + [b""] * len(table_tail)
    for i, value in values_set.items():
        values[i] = value
    state[_VALUES] = tuple(values)
    merged_pieces = dict(base[_PIECES])
    for kind, (changed, removed) in pieces.items():
        entries = dict(merged_pieces.get(kind, {}))
        for key in removed:
            entries.pop(key, None)
        entries.update(changed)
        merged_pieces[kind] = entries
    state[_PIECES] = merged_pieces
    return tuple(state)


def _changed(old: dict[Any, Any], new: dict[Any, Any]) -> tuple[dict[Any, Any], list[Any]]:
    missing = object()
    changed = {k: v for k, v in new.items() if old.get(k, missing) != v}
    return changed, [k for k in old if k not in new]


def _delta(base: State, state: State) -> tuple[Any, int] | None:
    """What turns ``base`` into ``state``, and how many entries that is;
    ``None`` when ``state``'s dependency table does not extend ``base``'s."""
    table, base_table = state[_TABLE], base[_TABLE]
    if len(table) < len(base_table) or table[: len(base_table)] != base_table:
        return None
    scalars = {i: state[i] for i in (0, 1, 6) if state[i] != base[i]}
    dicts = {i: _changed(base[i], state[i]) for i in _DICTS}
    base_values, values = base[_VALUES], state[_VALUES]
    values_set = {
        i: v for i, v in enumerate(values) if i >= len(base_values) or base_values[i] != v
    }
    pieces = {
        kind: _changed(base[_PIECES].get(kind, {}), entries)
        for kind, entries in state[_PIECES].items()
    }
    pieces.update(
        {kind: ({}, list(base[_PIECES][kind])) for kind in base[_PIECES] if kind not in pieces}
    )
    size = (
        sum(len(changed) + len(removed) for changed, removed in dicts.values())
        + len(values_set)
        + sum(len(changed) + len(removed) for changed, removed in pieces.values())
    )
    return (scalars, dicts, table[len(base_table) :], values_set, pieces), size


def _entries(state: State) -> int:
    return (
        sum(len(state[i]) for i in _DICTS)
        + len(state[_VALUES])
        + sum(len(entries) for entries in state[_PIECES].values())
    )


def write_pages(folder: Path, state: State, base: StoredBase | None) -> StoredBase:
    """Store ``state``: as a delta against ``base`` while that is small, else as
    a new large file. The large file now on disk is returned (raises
    ``OSError`` or ``pickle.PicklingError`` when it could not write)."""
    if base is not None:
        found = _delta(base.state, state)
        if found is not None and found[1] <= _REWRITE_SHARE * _entries(base.state):
            with _atomic(folder / DELTA_FILE) as fh:
                fh.write(_DELTA_FORMAT)
                pickle.dump((base.generation, found[0]), fh, protocol=5)
                fh.seal()
            return base
    generation = os.urandom(8).hex()
    with _atomic(folder / CACHE_FILE) as fh:
        fh.write(_FORMAT)
        pickle.dump((generation, *state), fh, protocol=5)
        fh.seal()
    (folder / DELTA_FILE).unlink(missing_ok=True)
    return StoredBase(generation, state)


@contextlib.contextmanager
def _atomic(target: Path) -> Iterator[SealedWriter]:
    """Write ``target`` whole or not at all; the caller seals what it wrote."""
    fd, tmp = tempfile.mkstemp(prefix=".pages-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield SealedWriter(fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
