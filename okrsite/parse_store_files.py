"""Loading and saving a parse cache: the index, the shards, the scores, the listings.

A stored cache is a small index read by every run (each file's stat
signature and content hash, the parses made since the large files were
written, the last outcome), :data:`SHARDS` files of parses by content hash,
a file of the scores, and the folder listings. :func:`load_parse_cache`
reads the index and leaves the rest to be read when a load needs it;
:func:`save_parse_cache` writes the index, and the shards and scores again
only when enough changed. The format of each file is
:mod:`okrsite.parse_store_format`'s, their names :mod:`okrsite.parse_store_key`'s.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

from okrsite import model, parse
from okrsite.folder_listings import FolderListing
from okrsite.gcpause import paused_gc
from okrsite.load_cache import ParseCache
from okrsite.parse_store_folder import ignore_in_git, sweep_temporaries
from okrsite.parse_store_format import (
    _FOLDERS_FORMAT,
    _FORMAT,
    _INDEX_FORMAT,
    _SHARD_FORMAT,
    SHARDS,
    _outcome,
    _outcome_tuple,
    _read,
    _valid_folders,
    _valid_parses,
    _valid_stats,
    _write,
    shard_of,
)
from okrsite.parse_store_key import cache_file, shard_file
from okrsite.scoring import ScoreMemo
from okrsite.value_prints import PRINT_SIZE, known_prints, print_of


@dataclasses.dataclass
class _Base:
    """What :func:`load_parse_cache` found of the large file (see
    :class:`okrsite.parse_store.StoredParseCache`)."""

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
