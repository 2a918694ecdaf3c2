"""Whether a file made from a typed id is there, asked without a traceback.

``okrsite new`` and ``okrsite import`` ask whether the file an id names
exists before they write it. An id typed or imported (a Team cell of 260
letters, a person's name of 80 words) can make a file name longer than a
file system allows: asked about it, the system answers with an error
(``File name too long``), not with "no". Such a name is never asked about:
no file can have it, and the loader refuses the id with its own message
(OKR009, "too long to be a file name"), said against the command's input.
"""

from __future__ import annotations

import errno
from pathlib import Path

from okrsite.limits import utf8_length

__all__ = ["NAME_MAX_BYTES", "file_exists", "name_too_long"]

#: the longest file or folder name Linux, macOS and Windows file systems hold
NAME_MAX_BYTES = 255
#: the longest path Linux takes (PATH_MAX)
_PATH_MAX_BYTES = 4095


def name_too_long(rel: str) -> bool:
    """Whether a part of the path ``rel`` (between '/') is too long to be a
    file or folder name, or the path too long to be one; decided without
    asking the file system."""
    if len(rel) <= NAME_MAX_BYTES // 4:  # at most 4 bytes a character: short enough
        return False
    if utf8_length(rel) > _PATH_MAX_BYTES:
        return True
    return any(utf8_length(part) > NAME_MAX_BYTES for part in rel.split("/"))


def file_exists(root: Path, rel: str) -> bool:
    """Whether ``root / rel`` exists. A name too long to be one (or with a NUL
    byte) cannot exist: ``False``, the file system not asked. Another
    ``OSError`` (a folder that may not be read) is raised, for the caller to
    say against what was typed."""
    if name_too_long(rel) or "\0" in rel:
        return False
    try:
        return (root / rel).exists()
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # a file system with shorter names
            return False
        raise
