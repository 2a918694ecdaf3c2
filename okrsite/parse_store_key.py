"""Which cache files belong to this code and these settings: the cache key.

A parse cache is only read by the code that wrote it: each of its files is
named by a hash of okrsite's own source (:func:`code_fingerprint`; an
editable install changes code without changing the version) and of the parse
configuration (the content folder and default cycle), so files of other code
or other settings are never even opened. The page cache hashes the same
fingerprint into its own key.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from okrsite import __version__


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


def _stem(key: tuple[str, ...]) -> str:
    inputs = "\0".join((code_fingerprint(), *key)).encode()
    return hashlib.blake2b(inputs, digest_size=12).hexdigest()
