"""The parse cache kept on disk between runs of ``okrsite check`` and ``build``.

Parsing is most of the cost of loading a large site, and a pull request
usually changes a handful of its tens of thousands of files. The preview
server keeps parses in memory (:class:`okrsite.pipeline.ParseCache`); this
module stores that same cache in ``.okrsite-cache/`` so that a CI job that
restores the folder, or a second build on a laptop, parses only what changed.

Any doubt means a cold load, never stale output:

- the file names the okrsite version *and* a fingerprint of the code that
  wrote it (an editable install changes code without changing the version),
  and the content folder and default cycle (the parse inputs besides bytes);
- entries are keyed by a hash of each file's path and bytes, and a file is
  re-hashed whenever its size or modification time differs (or is recent);
- a file that cannot be read or unpickled completely is ignored, and the
  cache is written to a temporary name and renamed into place, so a killed
  or concurrent run leaves either the old file or the new one.

Pickle is used for speed, but a cache folder can come from elsewhere (a CI
cache, a hostile pull request that commits one), and unpickling arbitrary
data runs code. The unpickler therefore builds only okrsite's own record
classes and plain values (the "restricting globals" recipe of the
:mod:`pickle` documentation); anything else is refused and the cache dropped.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import io
import os
import pickle
import stat
import tempfile
import time
from collections.abc import Callable, Collection
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any

import click

from okrsite import __version__, diagnostics, model, parse
from okrsite.config import SiteConfig
from okrsite.folder_listings import FolderListing
from okrsite.gcpause import paused_gc
from okrsite.load_cache import LoadOutcome, ParseCache, StatEntry
from okrsite.pipeline import FileTree, parse_cache_key, read_config
from okrsite.scoring import ScoreMemo
from okrsite.value_prints import PRINT_SIZE, known_prints, print_of

__all__ = [
    "StoredParseCache",
    "code_fingerprint",
    "load_parse_cache",
    "save_parse_cache",
    "stored_parse_cache",
]

_FORMAT = b"okrsite-parse-cache 4\n"
_SHARD_FORMAT = b"okrsite-parse-shard 1\n"
_INDEX_FORMAT = b"okrsite-cache-index 1\n"
_FOLDERS_FORMAT = b"okrsite-folder-listings 1\n"
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

    def __init__(self, file: io.BufferedReader, records: dict[str, parse.ParsedFile]) -> None:
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


@cache
def code_fingerprint() -> str:
    """A hash of okrsite's own source: a cache written by other code is not read.

    ``precompiled/`` is left out: it is Jinja's code for the built-in
    templates, a function of their text and of Jinja's version, and is used
    only while both match (:mod:`okrsite.shipped_templates`); the page cache
    hashes the templates and Jinja's version itself. It is more than half of
    the package's source, read on every build. Its folder is not even
    listed, nor are the ``__pycache__`` folders: walking them with
    ``Path.rglob`` took most of this function's 11 ms, a twentieth of a
    build after one edit of the example site (now about 4 ms, the same hash).
    """
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    sources: list[tuple[str, str]] = []
    _list_sources(os.path.dirname(os.path.realpath(__file__)), "", sources)
    for name, path in sorted(sources):
        with open(path, "rb") as fh:
            digest.update(name.encode() + b"\0" + fh.read())
    return digest.hexdigest()


def _list_sources(folder: str, prefix: str, out: list[tuple[str, str]]) -> None:
    """(name relative to the package, path) of each ``.py`` file that
    :func:`code_fingerprint` hashes, below ``folder``."""
    with os.scandir(folder) as entries:
        for entry in entries:
            name = prefix + entry.name
            if entry.is_dir():  # followed if a link, as rglob followed the package's own
                if entry.name != "__pycache__" and name != "precompiled":
                    _list_sources(entry.path, name + "/", out)
            elif entry.name.endswith(".py"):
                out.append((name, entry.path))


def cache_file(cache_dir: Path, key: tuple[str, ...], kind: str = "parse") -> Path:
    """One file of each kind per code version and parse configuration."""
    return cache_dir / f"{kind}-{_stem(key)}.pickle"


def shard_file(cache_dir: Path, key: tuple[str, ...], shard: int) -> Path:
    return cache_dir / f"shard-{_stem(key)}-{shard:02d}.pickle"


def shard_of(digest: str) -> int:
    """Which shard keeps a content hash (hashes are uniform, so shards are even)."""
    return int(digest[:4], 16) % SHARDS


def _stem(key: tuple[str, ...]) -> str:
    inputs = "\0".join((code_fingerprint(), *key)).encode()
    return hashlib.blake2b(inputs, digest_size=12).hexdigest()


def _read(path: Path, header: bytes, records: dict[str, parse.ParsedFile] | None = None) -> object:
    """The unpickled contents of ``path`` (``None`` if missing, foreign or damaged)."""
    try:
        with open(path, "rb") as fh, paused_gc():
            if fh.read(len(header)) != header:
                return None
            return _RecordUnpickler(io.BufferedReader(fh), records or {}).load()
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
            fh.write(header)
            if records:
                _RecordPickler(fh, records).dump(value)
            else:
                pickle.dump(value, fh, protocol=5)
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
    if not (isinstance(value, tuple) and len(value) == 6):
        return None
    signature, csv, diags, files_read, counts, cross = value
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
    ):
        return None
    return LoadOutcome(signature, csv, diags, files_read, counts, cross)


def _outcome_tuple(outcome: LoadOutcome) -> tuple[object, ...]:
    """The outcome as plain fields (``dataclasses.astuple`` would unpack the diagnostics too)."""
    o = outcome
    return (o.signature, o.csv, o.diagnostics, o.files_read, o.counts, o.cross)


@dataclasses.dataclass
class _Base:
    """What :func:`load_parse_cache` found of the large file (see :class:`StoredParseCache`)."""

    generation: str = ""
    digests: frozenset[str] = frozenset()
    #: the input signature of the scores in the large file, once read
    scores_signature: str = ""


def _fill_from(cache_dir: Path, key: tuple[str, ...], base: _Base) -> Callable[[ParseCache], None]:
    """A loader for the shards of parses and the scores, checked against ``base.generation``."""

    def fill(cache: ParseCache) -> None:
        by_digest: dict[str, parse.ParsedFile] = {}
        for shard in range(SHARDS):
            got = _read_shard(cache_dir, key, base.generation, shard)
            if got is None:
                return
            by_digest.update(got)
        base.digests = frozenset(by_digest)
        # the parses since the shards were written ride in the index (read
        # already): the scores name records of both
        cache.by_digest = {**by_digest, **cache.by_digest}
        stored = _read(cache_file(cache_dir, key), _FORMAT, cache.by_digest)
        if not (isinstance(stored, tuple) and len(stored) == 6):
            return
        stored_key, generation, signature, scored, values, prints = stored
        if stored_key != key or generation != base.generation or not isinstance(signature, str):
            return
        if isinstance(scored, model.ScoredPortfolio) and isinstance(values, dict):
            cache.scores = ScoreMemo(scored=scored, values=values)
            cache.scores_signature = base.scores_signature = signature
            known_prints(_score_prints(scored, prints))

    return fill


def _write_scores(
    cache_dir: Path,
    cache: ParseCache,
    generation: str,
    keep: dict[str, parse.ParsedFile],
    print_scores: bool,
) -> None:
    """The large file's scores: each record kept in ``keep`` (the shards, or
    the index) is written as a reference to its parse's content hash."""
    memo = cache.scores
    scored = memo.scored if memo is not None else None
    values = memo.values if memo is not None else {}
    records = {id(pf.record): d for d, pf in keep.items() if pf.record is not None}
    _write(
        cache_dir,
        cache_file(cache_dir, cache.key),
        _FORMAT,
        (
            cache.key,
            generation,
            cache.scores_signature,
            scored,
            values,
            _prints_of(scored) if print_scores and scored is not None else {},
        ),
        records,
    )


def _prints_of(scored: model.ScoredPortfolio) -> dict[str, bytes]:
    """Each objective score's fingerprint (:func:`okrsite.value_prints.fingerprint`;
    the print a score was read back with is its print still)."""
    return {oid: print_of(score) for oid, score in scored.objectives.items()}


def _score_prints(scored: model.ScoredPortfolio, prints: object) -> list[tuple[object, bytes]]:
    """The scores read back with the prints kept with them (none if they are not all
    well-formed): their objects are the scores a build reuses for every
    objective an edit did not touch."""
    if not isinstance(prints, dict):
        return []
    pairs: list[tuple[object, bytes]] = []
    for oid, print_ in prints.items():
        score = scored.objectives.get(oid) if isinstance(oid, str) else None
        if score is None or not isinstance(print_, bytes) or len(print_) != PRINT_SIZE:
            return []
        pairs.append((score, print_))
    return pairs


def _read_shard(
    cache_dir: Path, key: tuple[str, ...], generation: str, shard: int
) -> dict[str, parse.ParsedFile] | None:
    """The parses of one shard, if it belongs to ``generation`` (else ``None``)."""
    stored = _read(shard_file(cache_dir, key, shard), _SHARD_FORMAT)
    if not (isinstance(stored, tuple) and len(stored) == 4):
        return None
    stored_key, stored_generation, number, parses = stored
    if (
        stored_key != key
        or stored_generation != generation
        or not generation
        or number != shard
        or not _valid_parses(parses)
        or any(shard_of(d) != shard for d in parses)
    ):
        return None
    return parses  # type: ignore[no-any-return]


def stored_parse(
    cache_dir: Path, key: tuple[str, ...], base: _Base, digest: str
) -> parse.ParsedFile | None:
    """The stored parse kept under ``digest``, reading only the shard that holds it."""
    parses = _read_shard(cache_dir, key, base.generation, shard_of(digest))
    return None if parses is None else parses.get(digest)


def load_parse_cache(
    cache_dir: Path, key: tuple[str, ...], base: _Base | None = None, *, lazy: bool = False
) -> ParseCache:
    """The stored cache for ``key``, or an empty one if there is none or any doubt.

    Two files make it up: a small index (each file's stat signature and
    content hash, the parses made since the large file was written, and the
    last outcome) and a large file (every parse, and the scores). ``lazy``
    leaves the large file unread until the load needs it. The folder
    listings (:mod:`okrsite.folder_listings`) are kept beside them.
    """
    base = base if base is not None else _Base()
    fresh = ParseCache(key=key)
    stored = _read(cache_file(cache_dir, key, "index"), _INDEX_FORMAT)
    if not (isinstance(stored, tuple) and len(stored) == 5):
        return fresh
    stored_key, generation, stats, delta, outcome = stored
    if stored_key != key or not isinstance(generation, str):
        return fresh
    if not (_valid_stats(stats) and _valid_parses(delta)):
        return fresh
    base.generation = generation
    cache = ParseCache(key=key, by_digest=delta, stats=stats, outcome=_outcome(outcome))
    cache.folders = _folder_listings(cache_dir, key)
    cache.fill = _fill_from(cache_dir, key, base)
    cache.lookup = lambda digest: stored_parse(cache_dir, key, base, digest)
    if not lazy:
        cache.complete()
    return cache


# The large file is written again when this many parses were made since it was
# (up to then they ride along in the index, which every run reads).
REWRITE_AFTER = 2000


def save_parse_cache(
    cache_dir: Path, cache: ParseCache, base: _Base | None = None, print_scores: bool = False
) -> bool:
    """Store the entries of the files that exist now; ``False`` if it could not.

    A cache that cannot be written (read-only checkout, full disk) costs the
    next run its speed, not its correctness, so failures are not errors.
    ``print_scores`` (for ``okrsite build``, whose page cache compares what
    pages read by fingerprints) keeps each objective score's fingerprint
    with the scores, and keeps new scores even when the large file is not
    written again (the next build after an edit starts from them).
    """
    base = base if base is not None else _Base()
    live = {entry[3] for entry in cache.stats.values()}
    filled = cache.fill is None
    if filled:
        delta = {d: pf for d, pf in cache.by_digest.items() if d in live and d not in base.digests}
    else:  # the large file was not needed, so it was not read: it stays as it is
        delta = {d: pf for d, pf in cache.by_digest.items() if d in live}
    rewrite = filled and (not base.digests or len(delta) > REWRITE_AFTER)
    outcome = cache.outcome
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        ignore_in_git(cache_dir)
        with paused_gc():
            keep = {d: pf for d, pf in cache.by_digest.items() if d in live}
            if rewrite:
                generation = os.urandom(8).hex()
                shards: list[dict[str, parse.ParsedFile]] = [{} for _ in range(SHARDS)]
                for digest, pf in keep.items():
                    shards[shard_of(digest)][digest] = pf
                for number, parses in enumerate(shards):
                    _write(
                        cache_dir,
                        shard_file(cache_dir, cache.key, number),
                        _SHARD_FORMAT,
                        (cache.key, generation, number, parses),
                    )
                _write_scores(cache_dir, cache, generation, keep, print_scores)
                base.generation, base.digests, delta = generation, frozenset(keep), {}
                base.scores_signature = cache.scores_signature
            elif (
                print_scores  # okrsite build (a check never reads the scores after an edit)
                and filled
                and base.generation
                and cache.scores is not None
                and cache.scores.scored is not None
                and cache.scores_signature != base.scores_signature
            ):
                # New scores (a build after an edit): the next build after an
                # edit swaps its edits into them instead of resolving again
                # (okrsite.pipeline_reuse._scored_later). The records they name are
                # in the shards or in the index written next.
                _write_scores(cache_dir, cache, base.generation, keep, print_scores)
                base.scores_signature = cache.scores_signature
            _write(
                cache_dir,
                cache_file(cache_dir, cache.key, "index"),
                _INDEX_FORMAT,
                (
                    cache.key,
                    base.generation,
                    cache.stats,
                    delta,
                    None if outcome is None else _outcome_tuple(outcome),
                ),
            )
        kept = {
            cache_file(cache_dir, cache.key),
            cache_file(cache_dir, cache.key, "index"),
            cache_file(cache_dir, cache.key, "folders"),
            *(shard_file(cache_dir, cache.key, n) for n in range(SHARDS)),
        }
        for pattern in ("parse-*.pickle", "index-*.pickle", "shard-*.pickle", "folders-*.pickle"):
            for old in cache_dir.glob(pattern):
                if old not in kept:
                    old.unlink(missing_ok=True)
        sweep_temporaries(cache_dir)
    except OSError:
        return False
    return True


#: a write's temporary file is renamed into place within seconds of being
#: made; one older than this was left by a run killed while writing
STALE_AFTER_SECONDS = 3600.0

#: where okrsite's stores write temporary files in the cache folder: the
#: folder itself (parse cache, page cache) and the folders of kept pieces
#: and of the history, which only okrsite writes to
_TEMPORARIES = (
    ("", ".okrsite-*.tmp"),
    ("", ".pages-*.tmp"),
    ("history", "*.tmp"),
    ("markdown", "*.tmp"),
    ("pieces", "*.tmp"),
)


def sweep_temporaries(cache_dir: Path) -> None:
    """Remove the temporary files a killed run left in the cache folder. Each
    is as large as the file it was to replace (the page cache's is 100 MB at
    10,000 objectives), and a CI job that saves the folder would carry them
    from run to run. A file being written now is younger than
    :data:`STALE_AFTER_SECONDS` and is left alone."""
    limit = time.time() - STALE_AFTER_SECONDS
    for folder, pattern in _TEMPORARIES:
        for path in (cache_dir / folder).glob(pattern) if folder else cache_dir.glob(pattern):
            try:
                st = path.lstat()
                if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                    path.unlink()
            except OSError:
                continue


def _folder_listings(cache_dir: Path, key: tuple[str, ...]) -> dict[str, FolderListing]:
    """The folder listings kept for ``key`` (none if missing or damaged).

    They are a file of their own, written only when a folder changed, so an
    edit of a file does not write them again; and each is checked against
    its folder's ``stat`` before use, so they need not match the index."""
    stored = _read(cache_file(cache_dir, key, "folders"), _FOLDERS_FORMAT)
    if (
        isinstance(stored, tuple)
        and len(stored) == 2
        and stored[0] == key
        and _valid_folders(stored[1])
    ):
        return stored[1]  # type: ignore[no-any-return]
    return {}


def save_folder_listings(cache_dir: Path, cache: ParseCache) -> bool:
    """Store the cache's folder listings; ``False`` if they could not be."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        ignore_in_git(cache_dir)
        with paused_gc():
            _write(
                cache_dir,
                cache_file(cache_dir, cache.key, "folders"),
                _FOLDERS_FORMAT,
                (cache.key, cache.folders),
            )
    except OSError:
        return False
    return True


def ignore_in_git(cache_dir: Path) -> None:
    """A cache is never content: keep it out of commits even without a .gitignore line."""
    marker = cache_dir / ".gitignore"
    if not marker.exists():
        marker.write_text("# written by okrsite: the build cache is not content\n*\n")


@dataclasses.dataclass
class StoredParseCache:
    """A parse cache read from ``folder`` at the start of a run, saved at its end.

    Only the index is read at the start: a ``check`` whose inputs did not
    change never reads the large file of parses and scores.
    """

    folder: Path
    cache: ParseCache
    stats_before: dict[str, StatEntry]
    outcome_before: LoadOutcome | None
    base: _Base
    #: the folder listings when last read or saved (a load replaces the
    #: cache's dictionary rather than change it)
    folders_before: dict[str, FolderListing] = dataclasses.field(default_factory=dict)
    #: the cache's count of parses made when it was last saved
    misses_saved: int = 0
    #: keep each objective score's fingerprint with the scores (``okrsite build``)
    print_scores: bool = False

    @classmethod
    def open(cls, folder: Path, config: SiteConfig) -> StoredParseCache:
        base = _Base()
        cache = load_parse_cache(folder, parse_cache_key(config), base, lazy=True)
        return cls(folder, cache, dict(cache.stats), cache.outcome, base, cache.folders)

    def save(self) -> bool:
        """Write the cache back if this run parsed, re-hashed or concluded
        anything new since it was read or last saved (and the folder
        listings, if a folder changed)."""
        cache = self.cache
        saved = True
        if cache.folders is not self.folders_before and cache.folders != self.folders_before:
            saved = save_folder_listings(self.folder, cache)
            if saved:
                self.folders_before = cache.folders
        if (
            cache.misses == self.misses_saved
            and cache.stats == self.stats_before
            and cache.outcome == self.outcome_before
            and (cache.fill is not None or self.base.digests)
            and (cache.fill is not None or not self.print_scores or not self._new_scores())
        ):
            return saved
        if not save_parse_cache(self.folder, cache, self.base, self.print_scores):
            return False
        self.stats_before, self.outcome_before = dict(cache.stats), cache.outcome
        self.misses_saved = cache.misses
        return saved

    def _new_scores(self) -> bool:
        """Whether this run scored inputs other than those of the stored scores."""
        memo = self.cache.scores
        return (
            memo is not None
            and memo.scored is not None
            and self.cache.scores_signature != self.base.scores_signature
        )


def stored_parse_cache(
    site_root: Path, cache_dir: Path | None = None, enabled: bool = True
) -> StoredParseCache | None:
    """The run's cache: ``--cache-dir`` over ``cache_dir`` in okrsite.toml; ``None`` if off."""
    config, problems = read_config(FileTree(site_root))
    if not enabled or not config.cache or problems:
        return None
    folder = cache_dir if cache_dir is not None else site_root / config.cache_dir
    problem = cache_folder_problem(folder, site_root, config)
    if problem is not None:
        raise CacheFolderError(problem)
    return StoredParseCache.open(folder, config)


class CacheFolderError(click.ClickException):
    """The cache folder would hold, or be, something else: nothing was written."""

    exit_code = 1


def cache_folder_problem(
    folder: Path, site_root: Path, config: SiteConfig, out_dir: Path | None = None
) -> str | None:
    """Why ``folder`` may not be the cache folder, or ``None``.

    The cache writes a ``.gitignore`` of ``*`` into its folder and replaces
    its files: as the site, a folder okrsite reads (``content/``) or one
    holding them, it would hide goal files from git; inside the output
    folder (or holding it), each build would delete the cache or publish
    it. A folder inside ``content/`` is fine (okrsite reads only goal files
    there).
    """
    try:
        cache = folder.resolve()
        root = site_root.resolve()
        reads = {
            name: (root / name).resolve()
            for name in (config.content_dir, "templates", "static", "themes", "translations")
        }
        out = (out_dir if out_dir is not None else root / config.output_dir).resolve()
    except (OSError, RuntimeError):
        return None
    shown = f"cache folder {folder}"
    hint = "choose another cache_dir in okrsite.toml or --cache-dir (the default is .okrsite-cache)"
    if cache == root or cache in root.parents:
        return f"{shown} is the site's folder or holds it; {hint}"
    for name, read in reads.items():
        if cache == read or cache in read.parents:
            return f"{shown} is or holds the {name} folder, which okrsite reads; {hint}"
    if cache == out or out in cache.parents or cache in out.parents:
        return (
            f"{shown} overlaps the output folder {out_dir or config.output_dir}: each build "
            f"would replace it or publish it; {hint}"
        )
    return None
