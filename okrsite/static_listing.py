"""The ``static/`` files a build publishes, listed without loading the theme.

A link in a body or a check-in note to ``static/img/diagram.svg`` works in
the built site only when that file is there: the site's own ``static/`` or
a theme's (OKR314, :mod:`okrsite.md_links`). ``okrsite check`` must say so
too, and it never imports Jinja or loads templates, so this lists the
files the way :meth:`okrsite.theme.Theme.static_files` copies them (hidden
folders and files left out, links not followed, links to a hidden file or
the site's sources left out: :mod:`okrsite.static_links`) from the folders of
:func:`okrsite.theme_find.theme_chain` alone. Names are in NFC, as
:func:`okrsite.md_links.resolved` writes the files links name.

The listing is part of the load's input signature (:func:`listing_print`):
adding or deleting a static file changes the warnings, so a load whose goal
files did not change is not reused then.

A ``static/`` folder that is itself a link leading outside its owner (the
site for the site's, the theme's folder for a theme's) is not walked at all:
``os.walk`` follows the folder it starts from even with ``followlinks=False``,
so ``static -> /`` would walk the whole file system. The build reports that
folder once (OKR012); none of its files are published. The listing also stops
after :data:`MAX_STATIC_FILES` names, so a huge folder cannot hold a check up.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
from pathlib import Path

from okrsite.config import SiteConfig
from okrsite.md_links import nfc_files
from okrsite.sitefiles import owned_roots, within
from okrsite.static_links import link_refusal
from okrsite.theme_find import ThemeError, theme_chain, walk_files

__all__ = ["MAX_STATIC_FILES", "listing_print", "owned_folder", "published_static"]

#: names listed at most, over all ``static/`` folders: far above any real
#: site's files (the page limit), far below a walk of a whole disk
MAX_STATIC_FILES = 200_000


def published_static(root: Path, config: SiteConfig) -> frozenset[str]:
    """``static/<rel>`` of every file the build copies into ``static/``: the
    theme chain's and the site's own. A theme that cannot be found lists
    none of its files (the build reports the theme itself)."""
    folders = [(root / "static", root)]
    with contextlib.suppress(ThemeError, OSError):
        folders += [(path / "static", path) for _, path in theme_chain(config.theme, root)]
    names: list[str] = []
    for folder, owner in folders:
        if owned_folder(folder, owner) and len(names) < MAX_STATIC_FILES:
            # hidden files are not published (the theme's static entries)
            listed = walk_files(folder, MAX_STATIC_FILES - len(names))
            home = [os.path.realpath(owner)]
            names += [
                "static/" + rel
                for rel in listed
                if not posixpath.basename(rel).startswith(".")
                and link_refusal(folder / rel, home, root, config) is None
            ]
    return frozenset(nfc_files(names))


def owned_folder(folder: Path, owner: Path) -> bool:
    """Whether ``folder`` resolves inside ``owner`` (links followed): only
    then may it be walked. A folder linked out of its owner is OKR012."""
    try:
        return within(os.path.realpath(folder), owned_roots(owner))
    except (OSError, ValueError):
        return False


def listing_print(names: frozenset[str] | None) -> str:
    """A short print of a listing, for the load's input signature."""
    if names is None:
        return "static:-"
    digest = hashlib.blake2b(digest_size=16)
    digest.update("\0".join(sorted(names)).encode("utf-8", "surrogatepass"))
    return "static:" + digest.hexdigest()
