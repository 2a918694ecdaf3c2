"""Folder listings kept between runs, so that a folder nothing was added to,
removed from or renamed in is not listed again.

Checking a large site for changes costs, per folder, opening it, reading its
entries and closing it (five system calls), and per file one ``lstat``. At
10,000 objectives in 10,700 folders, listing the folders is about 40% of that
work. A folder's own ``stat`` says whether its entries changed: creating,
removing or renaming an entry updates the folder's modification and change
times (POSIX), and setting the times back (``touch -d``, ``tar``, ``rsync -a``)
still updates the change time, which no program can set. So a folder whose
``(mtime, ctime, inode)`` equal the ones kept with its listing has the same
entries; its files are still ``lstat``-ed one by one (editing a file does not
touch its folder). Mercurial's ``dirstate-v2`` keeps folder times in the same
way, and git's untracked cache does with ``core.untrackedCache``.

What is kept is never doubtful:

- a listing is kept only when the folder's times lie more than
  :data:`SETTLED_NS` before the walk began: a change in the same tick of a
  coarse clock (two seconds on FAT) could otherwise leave the times as they
  were (the same rule :func:`okrsite.pipeline_scan._scan` applies to files);
- the folder's ``stat`` is taken *before* its entries are read, so a change
  made while it is read shows as new times next time;
- a folder holding anything but folders and regular files among what the walk
  looks at (a link, whose target can change without its folder knowing; an
  entry that could not be examined) is listed every time.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["SETTLED_NS", "FolderListing", "FolderListings", "split_names"]

#: ``(mtime_ns, ctime_ns, inode, Markdown file names, subfolder names)`` of a
#: folder (its path relative to the site, ending in ``/``, is the key); the
#: names are joined by ``/`` (which no name holds): one string per folder
#: reads back from the cache much faster than one per name
FolderListing = tuple[int, int, int, str, str]

#: a folder's times must lie this long before the walk for its listing to be kept
SETTLED_NS = 2_000_000_000

#: where ``st_ctime`` is the change time no program can set (POSIX); on Windows
#: it is the creation time, so a listing is never kept there
CHANGE_TIMES = os.name == "posix"


@dataclass
class FolderListings:
    """The listings a walk may reuse (``before``) and the ones it leaves for the
    next walk (``after``: reused or taken again, and settled)."""

    before: Mapping[str, FolderListing]
    after: dict[str, FolderListing] = field(default_factory=dict)
    #: folders before this (nanoseconds since the epoch) are settled
    settled_before: int = field(default_factory=lambda: time.time_ns() - SETTLED_NS)
    #: set by a walk that got to its end (only then is ``after`` a whole listing)
    complete: bool = False

    def kept(self, folder: str, st: os.stat_result) -> FolderListing | None:
        """The kept listing of ``folder`` if its ``lstat`` ``st`` shows it unchanged."""
        known = self.before.get(folder)
        if (
            known is None
            or known[0] != st.st_mtime_ns
            or known[1] != st.st_ctime_ns
            or known[2] != st.st_ino
            or not stat.S_ISDIR(st.st_mode)
        ):
            return None
        self.after[folder] = known
        return known

    def remember(
        self, folder: str, st: os.stat_result, files: list[str], subfolders: list[str]
    ) -> None:
        """Keep a listing just taken, if the folder's times are settled
        (``st``: its ``lstat`` taken before the listing)."""
        mtime, ctime = st.st_mtime_ns, st.st_ctime_ns
        if (
            CHANGE_TIMES
            and stat.S_ISDIR(st.st_mode)
            and mtime < self.settled_before
            and ctime < self.settled_before
        ):
            self.after[folder] = (mtime, ctime, st.st_ino, "/".join(files), "/".join(subfolders))


def split_names(joined: str) -> list[str]:
    """The names a :data:`FolderListing` holds joined."""
    return joined.split("/") if joined else []
