"""Links in ``static/``: published only when what they lead to could be.

``static/`` is published as it is, and a hidden file in it (``static/.env``)
is left out. A link there is followed when the site is built, so without
this module ``static/env.txt -> ../.env`` published the git-ignored
``.env`` (an ``okrsite pull`` token), ``static/key.pem ->
../.secrets/key.pem`` a key, and ``static/settings.txt -> ../okrsite.toml``
or ``static/alex.txt -> ../content/people/alex.md`` the site's sources,
which docs/serve.md promises are never reachable, without a word: the
hidden-file rule was applied to the link's name, not to where it leads.

The same rules now hold for the file a link leads to (:func:`link_refusal`):
a target with a hidden or ``_`` folder or name on its way from its owner
(the site, or the theme's folder: ``.env``, ``.secrets/``,
``.okrsite-cache/``, ``_site/``), or one of the site's sources (its
``okrsite.toml``, content, templates, output and cache folders), is not
published, and the build says so at the link (OKR012, an error, as a link
out of the site is: :func:`okrsite.sitefiles.outside_site`). A linked
folder in ``static/`` is not followed (the walk never follows links) and,
as in the content folder, now said so (OKR011). A link out of the site is
refused by :mod:`okrsite.sitefiles` already. The build's copy
(:meth:`okrsite.theme.Theme.static_files`), ``okrsite serve`` (which serves
what the build renders) and ``okrsite check``'s listing
(:mod:`okrsite.static_listing`) all ask :func:`link_refusal`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from okrsite.config import CONFIG_FILE, SiteConfig
from okrsite.diagnostics import Diagnostic, warning
from okrsite.sitefiles import Refusal, excerpt, within

__all__ = ["link_refusal", "static_link_problems"]

_HINT = (
    "static/ publishes what it holds: copy the file into static/ if it is meant to be "
    "public, or remove the link"
)


def _sources(config: SiteConfig | None) -> tuple[str, ...]:
    """The site's sources by their paths in the site, which no link publishes."""
    named = (
        [config.content_dir, config.output_dir, config.cache_dir]
        if config is not None
        else ["content", "_site", ".okrsite-cache"]
    )
    return (CONFIG_FILE, "templates", *(n.replace("\\", "/").strip("/") for n in named if n))


def _under(rel: str, sources: Iterable[str]) -> bool:
    return any(rel == s or rel.startswith(s + "/") for s in sources if s and s != ".")


def _unpublished_kind(rel: str) -> str:
    """What makes ``rel`` (a path from its owner) one static/ never
    publishes, said as it is ("" when nothing does): ``_private/x.txt`` is
    no hidden file, and was called one."""
    parts = rel.split("/")
    for n, part in enumerate(parts):
        if not part.startswith((".", "_")):
            continue
        if n == len(parts) - 1:
            return "a hidden file" if part[0] == "." else "a file whose name starts with _"
        folder = excerpt("/".join(parts[: n + 1]), 60) + "/"
        if part[0] == ".":
            return f"a file in a hidden folder ({folder})"
        return f"a file in a folder starting with _ ({folder})"
    return ""


def link_refusal(
    file: Path, homes: Iterable[str], site_root: Path | None, config: SiteConfig | None
) -> Refusal | None:
    """OKR012 for ``file`` (in a ``static/`` folder) when it is a link to a
    hidden file or one of the site's sources; ``None`` for any other file. A
    link out of its owner ``homes`` (resolved folders) is left to
    :func:`okrsite.sitefiles.stat_owned`, which refuses it."""
    if not os.path.islink(file):
        return None
    real = os.path.realpath(file)
    home = next((h for h in homes if within(real, [h]) and real != h), None)
    if home is None:
        return None
    rel = os.path.relpath(real, home).replace(os.sep, "/")
    shown = excerpt(_shown(file, site_root), 120)
    what = _unpublished_kind(rel)
    if what:
        return Refusal(
            "OKR012",
            f"link {shown} leads to {excerpt(rel, 80)}, {what}, which static/ never "
            "publishes; not published",
            _HINT,
        )
    if site_root is not None:
        root = os.path.realpath(site_root)
        if within(real, [root]):
            in_site = os.path.relpath(real, root).replace(os.sep, "/")
            if _under(in_site, _sources(config)):
                return Refusal(
                    "OKR012",
                    f"link {shown} leads to {excerpt(in_site, 80)}, one of the site's sources, "
                    "which are never published; not published",
                    _HINT,
                )
    return None


def static_link_problems(
    static_files: Iterable[tuple[str, Path]],
    linked_folders: Iterable[Path],
    home_of: Callable[[Path], Iterable[str]],
    site_root: Path,
    config: SiteConfig | None,
) -> list[Diagnostic]:
    """OKR012 for each ``static/`` file that is a link to a hidden file or a
    source of the site; OKR011 for each of ``linked_folders`` (in a
    ``static/`` folder, which its walk does not follow).
    ``home_of`` gives the resolved folder a file belongs to (the site's, or
    its theme's: :meth:`okrsite.theme.Theme.home_of`)."""
    out: list[Diagnostic] = []
    for _name, file in static_files:
        refusal = link_refusal(file, home_of(file), site_root, config)
        if refusal is not None:
            out.append(refusal.diagnostic(_shown(file, site_root)))
    for folder in linked_folders:
        shown = _shown(folder, site_root)
        out.append(
            warning(
                "OKR011",
                f"linked folder {excerpt(shown)} is not followed; skipped",
                shown,
                hint="move the files into static/ instead of linking",
            )
        )
    return out


def _shown(file: Path, site_root: Path | None) -> str:
    """``file`` as a diagnostic names it: from the site's folder when inside it
    (the link itself, not where it leads)."""
    if site_root is not None:
        try:
            return Path(os.path.abspath(file)).relative_to(os.path.abspath(site_root)).as_posix()
        except ValueError:
            pass
    return str(file)
