"""Replace a file's bytes whole: a temporary file created new in its folder,
moved onto the name.

``okrsite pull`` rewrites a KPI's data file and ``okrsite diff --output``
writes its report this way: a reader never sees half a file, and a link of
that name is replaced by the file rather than written through (a report
path committed as a link into ``site-packages`` must not become code that
Python runs). One function, so both keep the file's permissions alike.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes, suffix: str, mode: int | None = None) -> None:
    """``data`` as ``path``'s bytes, with ``mode`` (default: the existing
    file's permissions, or the umask's for a new file or a link)."""
    if mode is None:
        try:
            kept = os.lstat(path)
        except OSError:
            kept = None
        if kept is not None and stat.S_ISREG(kept.st_mode):
            mode = stat.S_IMODE(kept.st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # POSIX
                os.fchmod(fh.fileno(), mode)
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
