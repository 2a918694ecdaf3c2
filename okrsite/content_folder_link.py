"""Where a site's content folder really is in a git revision, when it is a link.

A checkout follows a content folder kept as a symbolic link (``content ->
goals``) as the file system does, and ``okrsite check`` reads the goals
through it, refusing one that leads out of the site (CFG012). A revision
read from git's objects has no file system to ask: ``git ls-tree -- content``
lists the link itself (mode ``120000``), one entry with nothing under it,
so ``okrsite diff`` saw no goals at all and the history none of their
changes. :func:`real_folder` resolves the folder's path inside the
revision the way the file system would in a checkout, component by
component, so ``okrsite diff`` reads the folder the link leads to; the
history reads its changes there too (:func:`real_content_dir`, the
checkout's link followed): git records a change of ``goals/...``, never of
``content/...``, which it knows only as a link.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from pathlib import Path

from okrsite.config import CONFIG_FILE
from okrsite.diagnostics import Diagnostic, error
from okrsite.gitsource import LINK_MODE, TreeEntry
from okrsite.sitefiles import excerpt, in_git

#: links a path may pass through before it counts as a loop (the kernel's own limit)
MAX_LINK_HOPS = 40


def real_folder(
    folder: str, tree: Mapping[str, TreeEntry], targets: Mapping[str, str], prefix: str
) -> str | None:
    """``folder`` (relative to the site, whose folder in the repository is
    ``prefix``) with every link on its path followed inside the revision;
    ``None`` when it leads out of the site, into ``.git`` or loops.

    ``tree`` is the revision's listing under ``prefix`` and ``targets``
    ``{link: the path it points to}``, as
    :func:`okrsite.revision_tree.read_revision` has them."""
    todo = [part for part in folder.strip("/").split("/") if part not in ("", ".")]
    done: list[str] = []
    hops = 0
    while todo:
        part = todo.pop(0)
        if part == "..":
            if not done:
                return None
            done.pop()
            continue
        here = "/".join([*done, part])
        entry = tree.get(here)
        if entry is None or entry.mode != LINK_MODE:
            done.append(part)
            continue
        hops += 1
        target = targets.get(here)
        if hops > MAX_LINK_HOPS or target is None or target.startswith("/"):
            return None
        where = posixpath.normpath(posixpath.join(posixpath.dirname(prefix + here), target))
        if where == ".." or where.startswith("../") or in_git(where):
            return None
        if prefix and not (where + "/").startswith(prefix):
            return None
        inside = where[len(prefix) :] if where != "." else ""
        todo = [p for p in inside.split("/") if p not in ("", ".")] + todo
        done = []
    return "/".join(done)


def linked_out(folder: str) -> Diagnostic:
    """CFG012 for a content folder whose link leads out of the site, worded as
    ``okrsite check`` words it for a checkout."""
    return error(
        "CFG012",
        f"content folder {excerpt(folder)!r} lies outside the site folder",
        CONFIG_FILE,
        hint="content_dir must name a folder inside the site",
    )


def real_content_dir(site_root: Path, content_dir: str) -> str:
    """The folder of the site (relative to it, ``/``-separated) that the
    checkout's ``content_dir`` really is: the folder a link on its path
    leads to, when it stays inside the site (one out of it is CFG012 and
    no site is built); else ``content_dir`` itself. The history reads the
    content's changes there, each path put back under ``content_dir``."""
    real_root = os.path.realpath(site_root)
    real = os.path.realpath(site_root / content_dir)
    if real == os.path.normpath(os.path.join(real_root, content_dir)):
        return content_dir  # no link on the way (the usual case)
    if not real.startswith(os.path.join(real_root, "")):
        return content_dir
    return Path(os.path.relpath(real, real_root)).as_posix()
