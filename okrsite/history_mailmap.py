"""What names the history's authors besides the commits: git's mailmap.

Authors are named as ``git log`` names them (``%aN``), through the
repository's ``.mailmap`` and the ``mailmap.file`` / ``mailmap.blob`` of
git's configuration. None of these is a commit: a ``.mailmap`` edited but
not committed, or a ``mailmap.file`` set in a global config, renames every
author while HEAD stays put. The history is read again when HEAD moves, and
pages render again when the history's fingerprint changes, so both must
also change when the mailmap does; else a user who adds a ``.mailmap`` and
rebuilds to check it sees the old names and concludes it is ignored.

:func:`mailmap_state` is cheap: one ``git config`` process and the small
files it names, read whole (their content, not their times: a file
rewritten within the same second is still seen).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from okrsite.gitsource import _run

#: the most of a mailmap file hashed (a mailmap bigger than this is unheard of)
MAX_MAILMAP_BYTES = 16 * 1024 * 1024


def _content(path: Path) -> bytes:
    """The bytes of ``path`` (empty when it cannot be read: git ignores it then too)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_MAILMAP_BYTES)
    except OSError:
        return b""


def mailmap_state(top: Path) -> str:
    """A digest that changes whenever git would name authors otherwise while
    HEAD stays put: the work tree's ``.mailmap``, the values of
    ``mailmap.file`` and ``mailmap.blob`` (from every config git reads) and
    the file ``mailmap.file`` names, and the blob ``mailmap.blob`` names."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(_content(top / ".mailmap"))
    proc = _run(["config", "-z", "--get-regexp", r"^mailmap\.(file|blob)$"], top)
    # exit 1: neither is set (the usual case)
    for item in proc.stdout.split(b"\0") if proc.returncode == 0 else ():
        key, _, value = item.partition(b"\n")
        if not key:
            continue
        digest.update(b"\0" + key + b"=" + value)
        text = value.decode("utf-8", "surrogateescape")
        if key.lower() == b"mailmap.file":
            path = Path(os.path.expanduser(text))
            digest.update(_content(path if path.is_absolute() else top / path))
        elif key.lower() == b"mailmap.blob":
            blob = _run(["rev-parse", "--verify", "--quiet", text], top)
            digest.update(blob.stdout)
    return digest.hexdigest()
