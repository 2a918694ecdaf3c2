"""What each commit did, kept on disk so a rebuild reads only the commits it has not seen.

A commit never changes, so its events (:mod:`okrsite.history_events`) never
need computing again. They are stored in *segments*: every run that read new
commits appends one file holding just those commits' events, and a run
loads all segments of its key. A rebuild after one commit therefore reads
the segments (a pickle of plain lists and dicts loads several times faster
than the same data as JSON) and writes one small file, instead of parsing
and rewriting one file holding the whole history. When there are more than
:data:`MAX_SEGMENTS` segments, or some hold commits no longer in the history
(a rebase, a reset), they are merged into one.

Segments live in ``history/`` of the cache folder (``.okrsite-cache/``),
named for the code that wrote them and a hash of the key (format, okrsite
version, site folder in the repository, content folder, default cycle), so
a change of any of these starts afresh, and the first save after a change of
code drops what other code wrote. A site that moved reads the commits before its move under
the folder it left, and keeps them under that folder's key: what a commit
did, relative to the site, does not depend on where the site is now, and
a commit read under one folder is never taken for one read under another. A cache folder can come from elsewhere (a CI cache, a
pull request that commits one), so the unpickler builds plain values only
(no class, no function: the "restricting globals" recipe of the
:mod:`pickle` documentation, with nothing allowed); any doubt about a
segment (unreadable, refused, the wrong shape, or bytes that do not match
the checksum each segment ends in, :mod:`okrsite.cache_checksum`) drops the whole cache, which
costs the next build its speed, never its correctness. Files are written
under a temporary name and renamed into place, so a killed or concurrent
run leaves whole segments only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from okrsite.cache_checksum import SealedWriter, opened_verified
from okrsite.history_events import Event
from okrsite.parse_store import ignore_in_git
from okrsite.parse_store_key import code_fingerprint

FOLDER = "history"
LEGACY_FILE = "history.json"  # the whole history in one file, as okrsite wrote it before
MAX_SEGMENTS = 16
#: version 3 ends in a checksum (:mod:`okrsite.cache_checksum`); earlier ones are foreign.
#: Version 4: a unit added to a key result, KPI or goal is recorded with no old
#: value (``null``, "—"), where version 3 recorded "" (a cache of it is read anew)
_FORMAT = b"okrsite-history 4\n"


class _PlainUnpickler(pickle.Unpickler):
    """Lists, dicts, strings, numbers, booleans and None: nothing that names a class."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused to build {module}.{name} from the history cache")


def key_name(key: list[Any]) -> str:
    """A key's file-name stem: the code that wrote it (:func:`code_fingerprint`,
    so that :meth:`HistoryCache.save` can drop what other code wrote), then
    the hash of the whole key."""
    whole = hashlib.blake2b(repr(key).encode(), digest_size=10).hexdigest()
    return f"{_code_tag()}-{whole}"


def _code_tag() -> str:
    return code_fingerprint()[:8]


def _segments(cache_dir: Path, key: list[Any]) -> list[Path]:
    try:
        return sorted((cache_dir / FOLDER).glob(f"{key_name(key)}-*.pickle"))
    except OSError:
        return []


def _drop_other_code(folder: Path) -> None:
    """Remove the segments other okrsite code wrote (another version, or the
    same version edited): they are never read by this code, and each version,
    default cycle or language left its own, so the folder only grew (a CI
    cache uploading it on every run). As the parse caches replace other
    versions' files, switching between two versions reads the history anew."""
    mine = f"{_code_tag()}-"
    with contextlib.suppress(OSError):
        for path in folder.glob("*.pickle"):
            if not path.name.startswith(mine):
                path.unlink(missing_ok=True)


def _read_segment(path: Path) -> dict[str, Event]:
    with opened_verified(path, _FORMAT) as fh:
        if fh is None:
            raise ValueError("not a history segment, or a damaged one")
        data = _PlainUnpickler(fh).load()
    if not isinstance(data, dict) or not all(isinstance(e, dict) for e in data.values()):
        raise ValueError("not a history segment")
    return data


class HistoryCache:
    """The segments of one key: :meth:`load` them once, :meth:`save` what is new."""

    def __init__(self, cache_dir: Path, key: list[Any]) -> None:
        self.cache_dir = cache_dir
        self.key = key
        self.segments: list[Path] = []

    def load(self) -> dict[str, Event]:
        """Every cached commit's events (empty when there are none or any doubt)."""
        self.segments = _segments(self.cache_dir, self.key)
        events: dict[str, Event] = {}
        try:
            for path in self.segments:
                events.update(_read_segment(path))
        except Exception:  # a corrupt pickle can raise almost anything; never trust it
            self.clear()
            return {}
        return events

    def save(self, new: Mapping[str, Event], wanted: Mapping[str, Event], stale: bool) -> None:
        """Append ``new`` as one segment; merge everything ``wanted`` into one when
        there are too many segments or ``stale`` ones (holding commits no longer wanted)."""
        merge = stale or len(self.segments) + 1 > MAX_SEGMENTS
        if not new and not merge:
            return
        try:
            folder = self.cache_dir / FOLDER
            folder.mkdir(parents=True, exist_ok=True)
            ignore_in_git(self.cache_dir)  # the folder keeps itself out of git
            (self.cache_dir / LEGACY_FILE).unlink(missing_ok=True)
            _drop_other_code(folder)
            target = folder / f"{key_name(self.key)}-{os.getpid()}-{os.urandom(4).hex()}.pickle"
            tmp = folder / f".{target.name}.tmp"
            with open(tmp, "wb") as fh:
                out = SealedWriter(fh)
                out.write(_FORMAT)
                pickle.dump(dict(wanted) if merge else dict(new), out, protocol=5)
                out.seal()
            os.replace(tmp, target)
            if merge:
                for old in self.segments:
                    old.unlink(missing_ok=True)
                self.segments = [target]
            else:
                self.segments.append(target)
        except OSError:
            pass  # a read-only checkout still builds; it reads the history again next time

    def clear(self) -> None:
        for path in self.segments:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        self.segments = []
