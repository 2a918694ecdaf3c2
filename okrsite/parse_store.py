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

The pieces live in modules of their own, and each name can still be imported
from here: :mod:`okrsite.parse_store_key` (the cache key and code
fingerprint), :mod:`okrsite.parse_store_format` (the file format, the safe
unpickler), :mod:`okrsite.parse_store_files` (loading and saving the files)
and :mod:`okrsite.parse_store_folder` (the cache folder). This module keeps
the stored cache a run opens and saves (:class:`StoredParseCache`).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from okrsite.config import SiteConfig
from okrsite.folder_listings import FolderListing
from okrsite.load_cache import LoadOutcome, ParseCache, StatEntry
from okrsite.parse_store_files import REWRITE_AFTER as REWRITE_AFTER
from okrsite.parse_store_files import _Base as _Base
from okrsite.parse_store_files import load_parse_cache as load_parse_cache
from okrsite.parse_store_files import save_folder_listings as save_folder_listings
from okrsite.parse_store_files import save_parse_cache as save_parse_cache
from okrsite.parse_store_files import stored_parse as stored_parse
from okrsite.parse_store_folder import STALE_AFTER_SECONDS as STALE_AFTER_SECONDS
from okrsite.parse_store_folder import CacheFolderError as CacheFolderError
from okrsite.parse_store_folder import cache_folder_problem as cache_folder_problem
from okrsite.parse_store_folder import ignore_in_git as ignore_in_git
from okrsite.parse_store_folder import sweep_temporaries as sweep_temporaries
from okrsite.parse_store_format import _FOLDERS_FORMAT as _FOLDERS_FORMAT
from okrsite.parse_store_format import _FORMAT as _FORMAT
from okrsite.parse_store_format import _INDEX_FORMAT as _INDEX_FORMAT
from okrsite.parse_store_format import _SHARD_FORMAT as _SHARD_FORMAT
from okrsite.parse_store_format import SHARDS as SHARDS
from okrsite.parse_store_format import _valid_folders as _valid_folders
from okrsite.parse_store_format import _valid_parses as _valid_parses
from okrsite.parse_store_format import _valid_stats as _valid_stats
from okrsite.parse_store_format import shard_of as shard_of
from okrsite.parse_store_key import cache_file as cache_file
from okrsite.parse_store_key import code_fingerprint as code_fingerprint
from okrsite.parse_store_key import shard_file as shard_file
from okrsite.pipeline import FileTree, parse_cache_key, read_config

__all__ = [
    "StoredParseCache",
    "code_fingerprint",
    "load_parse_cache",
    "save_parse_cache",
    "stored_parse_cache",
]


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
