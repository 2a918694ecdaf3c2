"""The page cache on disk: a large file written now and then, and small deltas.

What :mod:`okrsite.page_cache` keeps for a 10,000-objective site (what 23,000
output files are, what 13,000 pages read, and 60,000 memoised pieces) pickles
to about 130 MB, and writing all of it after every one-edit build took about
a second. An edit changes a few dozen of those entries, so a build writes
only what differs from the large file (``pages.pickle``) into a small one
(``pages-delta.pickle``), and writes the large file again, dropping the
delta, once the delta has grown to a quarter of it.

A delta can also be a *link* of a chain (``pages-delta-2.pickle``,
``-3``…): what differs from the state the previous link left, when that is
smaller than what differs from the large file. A new commit after a build
that first read the git history changes a quarter of the entries against a
large file written without it (every objective's page and its
``api/history.json`` entry), but a few hundred against the last build:
the rebuild then writes those few hundred instead of the 150 MB large file
again. The chain is folded (the large file written anew) once its links
together reach :data:`_CHAIN_SHARE` of the large file's entries, or
:data:`_MAX_LINKS` links.

Every file is written to a temporary name and renamed into place. The large
file carries a random generation; every delta names that generation, and
every link its own random token and the previous link's: a delta of another
generation, or a link whose predecessor is not the one on disk (a build
killed between two writes, a folder put together from two caches, links
left from an older chain), is never applied, nor anything after it. A
state read without its last deltas is an older state of the output folder,
which :mod:`okrsite.page_cache` finds not to match the folder and answers
with a full build, never with stale pages.

Each ends in a checksum of its bytes (:mod:`okrsite.cache_checksum`),
verified before it is unpickled: a file damaged on disk is read as no file,
never as a state whose wrong hashes would keep wrong pages as "unchanged".

Like the page cache itself, every file holds only strings, numbers, bytes,
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
#: the first delta (against the large file); a chain's later links are ``pages-delta-N.pickle``
DELTA_FILE = "pages-delta.pickle"
#: versions 6 and 2 end in a checksum (:mod:`okrsite.cache_checksum`); earlier ones are foreign.
#: Delta version 3 is a link of a chain (its generation, the previous link's token, its own, its size)
_FORMAT = b"okrsite-page-cache 6\n"
_DELTA_FORMAT = b"okrsite-page-cache-delta 3\n"

State = tuple[Any, ...]
"""(site print, output folder, files, pages, dependency table, their values,
inputs, content hashes, pieces): what :class:`okrsite.page_cache.PageCache` keeps."""

#: the positions in :data:`State` of the dictionaries kept as changed entries
_DICTS = (2, 3, 7)
_TABLE, _VALUES, _PIECES = 4, 5, 8
#: the large file is written again when a delta against it has this share of its entries
_REWRITE_SHARE = 0.25
#: a chain of links is folded when its links together hold this share of the
#: large file's entries (each build reads them all), or has this many links
_CHAIN_SHARE = 0.5
_MAX_LINKS = 8


class _PlainUnpickler(pickle.Unpickler):
    """Only plain values: any class is refused (a cache folder may come from elsewhere)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "frozenset"):
            return frozenset
        raise pickle.UnpicklingError(f"refused to build {module}.{name} from the page cache")


class StoredBase:
    """The large file as read or written, which the next delta is taken against,
    with the chain of links read after it (each link's token and size) and
    the state they leave (``tip``), which the next link is taken against."""

    __slots__ = ("generation", "state", "chain", "tip")

    def __init__(self, generation: str, state: State) -> None:
        self.generation = generation
        self.state = state
        self.chain: list[tuple[str, int]] = []
        self.tip = state


def _link_file(number: int) -> str:
    return DELTA_FILE if number == 1 else f"pages-delta-{number}.pickle"


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
    """The stored state (the large file with its chain of deltas applied, as
    far as each link follows the one before) and the large file itself;
    ``(None, None)`` when there is none or it cannot be trusted."""
    stored = _read(folder / CACHE_FILE, _FORMAT)
    if not (isinstance(stored, tuple) and len(stored) == 10 and isinstance(stored[0], str)):
        return None, None
    base = StoredBase(stored[0], stored[1:])
    state, previous = base.state, ""
    for number in range(1, _MAX_LINKS + 1):
        link = _read(folder / _link_file(number), _DELTA_FORMAT)
        if not (
            isinstance(link, tuple)
            and len(link) == 5
            and link[0] == base.generation
            and link[1] == previous
            and isinstance(link[2], str)
            and link[2]
            and type(link[3]) is int
        ):
            break
        try:
            state = _applied(state, link[4])
        except (TypeError, ValueError, AttributeError, KeyError, IndexError):
            return None, None
        previous = link[2]
        base.chain.append((previous, link[3]))
    base.tip = state
    return state, base


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
    """Store ``state``: as a link of the chain when what differs from the last
    state stored is smaller than what differs from the large file and the
    chain stays short; else as a delta against ``base`` while that is small;
    else as a new large file. The large file now on disk is returned (raises
    ``OSError`` or ``pickle.PicklingError`` when it could not write)."""
    if base is not None:
        entries = _entries(base.state)
        against_base = _delta(base.state, state)
        if base.chain and len(base.chain) < _MAX_LINKS:
            link = _delta(base.tip, state)
            chained = sum(size for _, size in base.chain)
            if (
                link is not None
                and (against_base is None or link[1] < against_base[1])
                and chained + link[1] <= _CHAIN_SHARE * entries
            ):
                token = _write_link(folder, base, len(base.chain) + 1, link)
                base.chain.append((token, link[1]))
                base.tip = state
                return base
        if against_base is not None and against_base[1] <= _REWRITE_SHARE * entries:
            token = _write_link(folder, base, 1, against_base)
            base.chain = [(token, against_base[1])]
            base.tip = state
            _drop_links(folder, 2)
            return base
    generation = os.urandom(8).hex()
    with _atomic(folder / CACHE_FILE) as fh:
        fh.write(_FORMAT)
        pickle.dump((generation, *state), fh, protocol=5)
        fh.seal()
    _drop_links(folder, 1)
    return StoredBase(generation, state)


def _write_link(folder: Path, base: StoredBase, number: int, found: tuple[Any, int]) -> str:
    """Write link ``number`` of ``base``'s chain (after ``base.chain[:number - 1]``); its token."""
    token = os.urandom(8).hex()
    previous = base.chain[number - 2][0] if number > 1 else ""
    with _atomic(folder / _link_file(number)) as fh:
        fh.write(_DELTA_FORMAT)
        pickle.dump((base.generation, previous, token, found[1], found[0]), fh, protocol=5)
        fh.seal()
    return token


def _drop_links(folder: Path, first: int) -> None:
    """Remove links from number ``first`` on: none follows the chain on disk
    any more (each names a predecessor that is gone), so this only tidies."""
    for number in range(first, _MAX_LINKS + 1):
        with contextlib.suppress(OSError):
            (folder / _link_file(number)).unlink(missing_ok=True)


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
