"""The parse cache's file format: headers, the safe unpickler, whole-file writes.

Each file of the cache (:mod:`okrsite.parse_store`) is a header line naming
its format and version followed by a pickle. A cache folder can come from
elsewhere (a CI cache, a hostile pull request that commits one), and
unpickling arbitrary data runs code, so :func:`_read` builds only okrsite's
own record classes and plain values (the "restricting globals" recipe of the
:mod:`pickle` documentation) and the values read are checked for exactly the
shape written (:func:`_valid_stats` and the others) before use. Each file
ends in a checksum (:mod:`okrsite.cache_checksum`), verified before it is
unpickled: a file damaged on disk is not read. :func:`_write`
writes a file whole or not at all. The scores are written with references to
the records the shards keep rather than a second copy (:class:`_RecordPickler`).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import os
import pickle
import tempfile
from collections.abc import Collection
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from okrsite import diagnostics, model, parse
from okrsite.cache_checksum import SealedWriter, opened_verified
from okrsite.gcpause import paused_gc
from okrsite.load_cache import LoadOutcome

#: each header's version counts the formats okrsite wrote; files of earlier
#: versions (before the checksum of :mod:`okrsite.cache_checksum`; before a
#: goal kept a ``due:`` naming a fiscal or custom cycle, ``Goal.due_cycle``,
#: whose parse of ``due: FY27 Q4`` was an error) are foreign
_FORMAT = b"okrsite-parse-cache 6\n"
_SHARD_FORMAT = b"okrsite-parse-shard 3\n"
_INDEX_FORMAT = b"okrsite-cache-index 2\n"
_FOLDERS_FORMAT = b"okrsite-folder-listings 2\n"
#: parses are kept in this many files by content hash, so that a check after
#: one edit reads the one that holds the file's previous parse (1/SHARDS of all)
SHARDS = 32
_RECORD_MODULES = {m.__name__: m for m in (model, parse, diagnostics)}
_PLAIN = {
    ("datetime", "date"): datetime.date,
    ("datetime", "datetime"): datetime.datetime,
    ("datetime", "time"): datetime.time,
    ("datetime", "timedelta"): datetime.timedelta,
    ("builtins", "frozenset"): frozenset,
    ("builtins", "set"): set,
    ("builtins", "complex"): complex,
}


class _RecordUnpickler(pickle.Unpickler):
    """Builds okrsite's record dataclasses and enums and plain values, nothing else.

    ``records`` resolves the references the scores file makes to records kept
    in the shards (see :class:`_RecordPickler`).
    """

    def __init__(self, file: IO[bytes], records: dict[str, parse.ParsedFile]) -> None:
        super().__init__(file)
        self.records = records

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, "_stored_record"):
            return self.stored_record
        plain = _PLAIN.get((module, name))
        if plain is not None:
            return plain
        owner = _RECORD_MODULES.get(module)
        found = getattr(owner, name, None) if owner is not None else None
        if isinstance(found, type) and (
            dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)
        ):
            return found
        raise pickle.UnpicklingError(f"refused to build {module}.{name} from the cache")

    def stored_record(self, digest: str) -> model.Record:
        record = self.records[digest].record  # a missing one fails the whole file
        if record is None:
            raise pickle.UnpicklingError("the cache names a record it does not keep")
        return record


def _stored_record(digest: str) -> None:
    """Stands for a record kept in a shard (the unpickler resolves it; never called)."""
    raise pickle.UnpicklingError(f"record {digest} outside a cache load")


class _RecordPickler(pickle.Pickler):
    """Writes the scores without a second copy of the records the shards keep.

    The scored portfolio holds the same record objects as the parses; each is
    written as a reference to its parse's content hash instead. Only objects
    that are not plain values reach :meth:`reducer_override`, so this costs
    little next to writing them.
    """

    def __init__(self, file: Any, records: dict[int, str]) -> None:
        super().__init__(file, protocol=5)
        self.records = records

    def reducer_override(self, obj: Any) -> Any:
        digest = self.records.get(id(obj))
        if digest is None:
            return NotImplemented
        return _stored_record, (digest,)


def shard_of(digest: str) -> int:
    """Which shard keeps a content hash (hashes are uniform, so shards are even)."""
    return int(digest[:4], 16) % SHARDS


def _read(path: Path, header: bytes, records: dict[str, parse.ParsedFile] | None = None) -> object:
    """The unpickled contents of ``path`` (``None`` if missing, foreign or damaged)."""
    try:
        with opened_verified(path, header) as fh, paused_gc():
            if fh is None:
                return None
            return _RecordUnpickler(fh, records or {}).load()
    except Exception:  # a corrupt pickle can raise almost anything; never trust it
        return None


def _write(
    cache_dir: Path,
    target: Path,
    header: bytes,
    value: object,
    records: dict[int, str] | None = None,
) -> None:
    """Write ``target`` whole or not at all (a temporary file renamed into place)."""
    fd, tmp = tempfile.mkstemp(prefix=".okrsite-", suffix=".tmp", dir=cache_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            out = SealedWriter(fh)
            out.write(header)
            if records:
                _RecordPickler(out, records).dump(value)
            else:
                pickle.dump(value, out, protocol=5)
            out.seal()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _valid_parses(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(pf, parse.ParsedFile) for k, pf in value.items()
    )


def _tuples_of(values: Collection[object], kinds: tuple[type, ...]) -> bool:
    """Whether every value is a tuple of exactly ``len(kinds)`` items of these types.

    One pass per column, each a loop in C: the index's 53,000 entries are
    checked on every run, and a generator testing each entry took 0.07 s of
    a 0.9 s ``check`` after one edit at 10,000 objectives.
    """
    if not values:
        return True
    if set(map(type, values)) != {tuple} or set(map(len, values)) != {len(kinds)}:  # type: ignore[arg-type]
        return False
    return all(
        set(map(type, map(itemgetter(i), values))) == {kind}  # type: ignore[arg-type]
        for i, kind in enumerate(kinds)
    )


def _valid_stats(value: object) -> bool:
    """Each file's ``(ctime_ns, size, inode, content hash)``, by path."""
    return (
        isinstance(value, dict)
        and set(map(type, value)) <= {str}
        and _tuples_of(value.values(), (int, int, int, str))
    )


def _valid_folders(value: object) -> bool:
    """Folder listings of the shape :mod:`okrsite.folder_listings` keeps."""
    return (
        isinstance(value, dict)
        and set(map(type, value)) <= {str}
        and _tuples_of(value.values(), (int, int, int, str, str))
    )


def _outcome(value: object) -> LoadOutcome | None:
    """The stored outcome, if it has exactly the expected shape."""
    if not (isinstance(value, tuple) and len(value) == 7):
        return None
    signature, csv, diags, files_read, counts, cross, watch = value
    if not (
        isinstance(signature, str)
        and isinstance(csv, tuple)
        and all(isinstance(c, tuple) and len(c) == 2 for c in csv)
        and isinstance(diags, tuple)
        and all(isinstance(d, diagnostics.Diagnostic) for d in diags)
        and isinstance(cross, tuple)
        and all(isinstance(d, diagnostics.Diagnostic) for d in cross)
        and isinstance(files_read, int)
        and isinstance(counts, tuple)
        and len(counts) == 4
        and (watch is None or (isinstance(watch, tuple) and set(map(type, watch)) <= {str}))
    ):
        return None
    return LoadOutcome(signature, csv, diags, files_read, counts, cross, watch)


def _outcome_tuple(outcome: LoadOutcome) -> tuple[object, ...]:
    """The outcome as plain fields (``dataclasses.astuple`` would unpack the diagnostics too)."""
    o = outcome
    return (o.signature, o.csv, o.diagnostics, o.files_read, o.counts, o.cross, o.watch)
