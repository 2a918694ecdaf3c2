"""Cold builds, the reference of the cache tests, built once per test session.

The cache tests compare a build that used the caches with a cold build
(``--no-cache``) of the same files. Many of them reach the very same files
(the same edit of the example site, the same edit and then a title), and a
cold build is a function of its inputs alone: the site's files, the as_of
date and, for a site in git, its commits (it keeps and reads nothing, and
writes nothing that names its folders). So the files' digests of each cold
build are kept under a key of those inputs, in a folder of the test
session's that every xdist worker reads (the conftest fixture
``cache_tests_reference_folder``): a test whose files an earlier test built
cold compares with that build instead of building them once more.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: set by the cache tests' autouse fixture; None keeps nothing (each build is run)
FOLDER: Path | None = None

#: what a build writes or keeps beside the inputs, and git's own folder
_NOT_INPUT = {"_site", ".okrsite-cache", ".git"}


def digests_of(folder: Path) -> dict[str, bytes]:
    """Every file of an output folder but hidden ones, as its SHA-256: what a
    comparison of the bytes compares, without keeping them."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).digest()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def inputs_key(site: Path, as_of: date | str) -> str:
    """What a cold build of ``site`` reads: every file of the site but the
    output and cache folders, the date, and the commit git is at."""
    digest = hashlib.sha256(str(as_of).encode())
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if rel.parts[0] in _NOT_INPUT:
            continue
        digest.update(b"\0" + rel.as_posix().encode() + b"\0")
        if path.is_symlink():  # a link is not its target's bytes: the rules tell them apart
            digest.update(b"link to " + os.readlink(path).encode())
        elif path.is_dir():
            digest.update(b"folder")
        elif path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:  # a FIFO, a socket: never read (it may never end)
            digest.update(b"special %o" % path.lstat().st_mode)
    if (site / ".git").exists():
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=site, capture_output=True, check=True
        ).stdout
        digest.update(b"\0git\0" + head)
    return digest.hexdigest()


def once(site: Path, as_of: date | str, what: str, compute: Callable[[], T]) -> T:
    """``compute()``, a cold run (``what`` names it) that reads ``site`` as of
    ``as_of`` and nothing else, from this session's earlier run of the same
    inputs where there was one."""
    if FOLDER is None:
        return compute()
    key = hashlib.sha256(f"{what}\0{inputs_key(site, as_of)}".encode()).hexdigest()
    kept = FOLDER / f"{key}.pickle"
    if kept.is_file():
        found: T = pickle.loads(kept.read_bytes())
        return found
    found = compute()
    part = kept.with_name(f"{key}.{os.getpid()}.part")
    part.write_bytes(pickle.dumps(found))
    os.replace(part, kept)  # whole or not at all, for the other worker
    return found


def cold_digests(
    site: Path, as_of: date | str, out: Path, build: Callable[[Path], None]
) -> dict[str, bytes]:
    """The digests of ``build(out)`` (a cold build of ``site`` into an empty
    ``out``), from this session's earlier build of the same inputs where there
    was one."""

    def built() -> dict[str, bytes]:
        shutil.rmtree(out, ignore_errors=True)
        build(out)
        return digests_of(out)

    return once(site, as_of, "cold build", built)
