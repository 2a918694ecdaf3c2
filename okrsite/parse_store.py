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
import tempfile
from functools import cache
from pathlib import Path

from okrsite import __version__, diagnostics, model, parse
from okrsite.config import SiteConfig
from okrsite.pipeline import FileTree, ParseCache, parse_cache_key, read_config

__all__ = [
    "StoredParseCache",
    "code_fingerprint",
    "load_parse_cache",
    "save_parse_cache",
    "stored_parse_cache",
]

_FORMAT = b"okrsite-parse-cache 1\n"
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
    """Builds okrsite's record dataclasses and enums and plain values, nothing else."""

    def find_class(self, module: str, name: str) -> type:
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


@cache
def code_fingerprint() -> str:
    """A hash of okrsite's own source: a cache written by other code is not read."""
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cache_file(cache_dir: Path, key: tuple[str, ...]) -> Path:
    """One file per code version and parse configuration."""
    inputs = "\0".join((code_fingerprint(), *key)).encode()
    return cache_dir / f"parse-{hashlib.blake2b(inputs, digest_size=12).hexdigest()}.pickle"


def load_parse_cache(cache_dir: Path, key: tuple[str, ...]) -> ParseCache:
    """The stored cache for ``key``, or an empty one if there is none or any doubt."""
    fresh = ParseCache(key=key)
    try:
        with open(cache_file(cache_dir, key), "rb") as fh:
            if fh.read(len(_FORMAT)) != _FORMAT:
                return fresh
            stored_key, by_digest, stats = _RecordUnpickler(io.BufferedReader(fh)).load()
    except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
        return fresh
    except Exception:  # a corrupt pickle can raise almost anything; never trust it
        return fresh
    if stored_key != key or not (isinstance(by_digest, dict) and isinstance(stats, dict)):
        return fresh
    if not all(isinstance(pf, parse.ParsedFile) for pf in by_digest.values()):
        return fresh
    return ParseCache(key=key, by_digest=by_digest, stats=stats)


def save_parse_cache(cache_dir: Path, cache: ParseCache) -> bool:
    """Store the entries of the files that exist now; ``False`` if it could not.

    A cache that cannot be written (read-only checkout, full disk) costs the
    next run its speed, not its correctness, so failures are not errors.
    """
    live = {entry[2] for entry in cache.stats.values()}
    by_digest = {digest: pf for digest, pf in cache.by_digest.items() if digest in live}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        ignore_in_git(cache_dir)
        target = cache_file(cache_dir, cache.key)
        fd, tmp = tempfile.mkstemp(prefix=".parse-", suffix=".tmp", dir=cache_dir)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_FORMAT)
                pickle.dump((cache.key, by_digest, cache.stats), fh, protocol=5)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in cache_dir.glob("parse-*.pickle"):
            if old != target:
                old.unlink(missing_ok=True)
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
    """A parse cache read from ``folder`` at the start of a run, saved at its end."""

    folder: Path
    cache: ParseCache
    stats_before: dict[str, tuple[int, int, str]]

    @classmethod
    def open(cls, folder: Path, config: SiteConfig) -> StoredParseCache:
        cache = load_parse_cache(folder, parse_cache_key(config))
        return cls(folder, cache, dict(cache.stats))

    def save(self) -> bool:
        """Write the cache back if this run parsed or re-hashed anything."""
        if not self.cache.misses and self.cache.stats == self.stats_before:
            return True
        return save_parse_cache(self.folder, self.cache)


def stored_parse_cache(
    site_root: Path, cache_dir: Path | None = None, enabled: bool = True
) -> StoredParseCache | None:
    """The run's cache: ``--cache-dir`` over ``cache_dir`` in okrsite.toml; ``None`` if off."""
    config, problems = read_config(FileTree(site_root))
    if not enabled or not config.cache or problems:
        return None
    folder = cache_dir if cache_dir is not None else site_root / config.cache_dir
    return StoredParseCache.open(folder, config)
