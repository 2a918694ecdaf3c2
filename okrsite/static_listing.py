"""The ``static/`` files a build publishes, listed without loading the theme.

A link in a body or a check-in note to ``static/img/diagram.svg`` works in
the built site only when that file is there: the site's own ``static/`` or
a theme's (OKR314, :mod:`okrsite.md_links`). ``okrsite check`` must say so
too, and it never imports Jinja or loads templates, so this lists the
files the way :meth:`okrsite.theme.Theme.static_files` copies them (hidden
folders and files left out, links not followed) from the folders of
:func:`okrsite.theme_find.theme_chain` alone. Names are in NFC, as
:func:`okrsite.md_links.resolved` writes the files links name.

The listing is part of the load's input signature (:func:`listing_print`):
adding or deleting a static file changes the warnings, so a load whose goal
files did not change is not reused then.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from okrsite.config import SiteConfig
from okrsite.md_links import nfc_files
from okrsite.theme_find import ThemeError, theme_chain

__all__ = ["listing_print", "published_static"]


def published_static(root: Path, config: SiteConfig) -> frozenset[str]:
    """``static/<rel>`` of every file the build copies into ``static/``: the
    theme chain's and the site's own. A theme that cannot be found lists
    none of its files (the build reports the theme itself)."""
    folders = [root / "static"]
    with contextlib.suppress(ThemeError, OSError):
        folders += [path / "static" for _, path in theme_chain(config.theme, root)]
    names: list[str] = []
    for folder in folders:
        names.extend("static/" + rel for rel in _files_under(folder))
    return frozenset(nfc_files(names))


def _files_under(folder: Path) -> list[str]:
    """The names under ``folder`` of its files, as the theme walks it."""
    if not folder.is_dir():
        return []
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = Path(dirpath).relative_to(folder).as_posix()
        prefix = "" if base == "." else base + "/"
        out.extend(prefix + name for name in filenames if not name.startswith("."))
    return out


def listing_print(names: frozenset[str] | None) -> str:
    """A short print of a listing, for the load's input signature."""
    if names is None:
        return "static:-"
    digest = hashlib.blake2b(digest_size=16)
    digest.update("\0".join(sorted(names)).encode("utf-8", "surrogatepass"))
    return "static:" + digest.hexdigest()
