"""The history of a goal file that is a link to another file of the site.

A checkout reads ``content/objectives/growth.md -> ../../shared/growth.md``
as the file it leads to, and ``okrsite diff`` follows it inside each
revision (:mod:`okrsite.revision_tree`). git, though, records every change
of the goal under ``shared/growth.md``, outside the content folder the
history asks about, and the link's own blob (the path it names) never
changes: the goal's timeline was empty, with no word of why.

So the history asks git about the files the checkout's links lead to as
well, and puts each change under the link's path, as if the link were the
file: the history of the linked file, matching what diff compares. The
links are those of the checkout now (one ``git ls-files``, links only then
resolved); a link that leads out of the site is refused by ``check``
(OKR012) and not followed here either, and one to a file of the content
folder is left alone (that file has its own history).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from okrsite.gitsource import (
    LINK_MODE,
    ZERO_OID,
    GitError,
    RawChange,
    _run,
    _stderr,
    raw_changes_in,
)

#: ``{the linked file: the link}``, both relative to the repository's top folder
Links = Mapping[str, str]


def linked_files(top: Path, prefix: str, folder: str) -> dict[str, str]:
    """``{the file a link leads to: the link}`` for the goal files under
    ``folder`` (in the repository, ending in ``/``) that git holds as links
    and that lead to a file of the site (``prefix``) outside ``folder``."""
    proc = _run(["ls-files", "--stage", "-z", "--", folder.rstrip("/") or "."], top)
    if proc.returncode != 0:
        raise GitError(f"git ls-files failed: {_stderr(proc)}")
    real_top = os.path.realpath(top)
    site = os.path.join(real_top, prefix)
    out: dict[str, str] = {}
    for item in proc.stdout.split(b"\0"):
        meta, _, raw_path = item.partition(b"\t")
        if not meta.startswith(LINK_MODE.encode() + b" "):
            continue
        link = raw_path.decode("utf-8", "surrogateescape")
        real = os.path.realpath(top / link)
        if not os.path.isfile(real) or not real.startswith(os.path.join(site, "")):
            continue  # out of the site (OKR012), to nothing or a folder: not read
        target = Path(os.path.relpath(real, real_top)).as_posix()
        if not target.startswith(folder):
            out.setdefault(target, link)
    return out


def link_changes(top: Path, shas: Sequence[str], links: Links) -> dict[str, list[RawChange]]:
    """What each of ``shas`` did to the files ``links`` lead to, each change
    put under its link's path (one ``git log --raw``; none without links). A
    linked file moved into place is an addition: where it was is no goal."""
    if not links or not shas:
        return {}
    out: dict[str, list[RawChange]] = {}
    for sha, changes in raw_changes_in(top, shas, sorted(links)).items():
        mapped: list[RawChange] = []
        for ch in changes:
            if ch.status == "R":  # git pairs moves among the linked files only
                if ch.old_path is not None and ch.old_path in links:
                    mapped.append(RawChange("D", ch.old, ZERO_OID, links[ch.old_path]))
                if ch.path in links:
                    mapped.append(RawChange("A", ZERO_OID, ch.new, links[ch.path]))
            elif ch.path in links:
                mapped.append(RawChange(ch.status, ch.old, ch.new, links[ch.path]))
        if mapped:
            out[sha] = mapped
    return out
