"""Writing the files ``okrsite pull`` planned for a source, inside the site only.

A source's files are planned and loaded in memory first (:mod:`okrsite.pull`);
this is the last step, kept apart because it is where a file system that
changed meanwhile (a link put at a target's name, a folder linked out of the
site, a file that appeared) must be refused or undone: each target is
checked before anything is written and again once its folders exist, new
files are created exclusively and removed again on a failure, and existing
ones are replaced at once, keeping their permissions.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from okrsite.file_replace import replace_file
from okrsite.pull_sources import SourceError
from okrsite.sitefiles import Refusal, excerpt, outside_site, within


def check_targets(root: Path, files: dict[str, bytes]) -> None:
    """Refuse a planned file that would land outside the site: a link at its
    name, or a folder on its way linked out of the site (OKR012). Missing
    folders are judged by the deepest one that exists."""
    site = os.path.realpath(root)
    for rel in files:
        path = root / rel
        folder = path.parent
        while not folder.exists() and not folder.is_symlink() and folder != root:
            folder = folder.parent
        real = os.path.realpath(path if path.is_symlink() else folder)
        if not within(real, [site]):
            message = outside_site(excerpt(rel, 120), real).message.removesuffix("; not read")
            refusal = Refusal(
                "OKR012",
                f"{message}; not written",
                "pull writes only inside the site folder; replace the link "
                "with a file or folder of the site",
            )
            raise SourceError(refusal.diagnostic(rel).format_text())


def write_files(root: Path, files: dict[str, bytes]) -> None:
    """Write a source's files; new ones are created, never overwriting a file
    that appeared meanwhile, and a failure removes the new ones again.

    Every target is checked first (:func:`check_targets`), its folders again
    once created; a file is replaced through a temporary file of a name of
    its own, created exclusively, so no link is ever written through."""
    check_targets(root, files)
    created: list[Path] = []
    try:
        for rel, data in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            check_targets(root, {rel: data})
            if path.is_symlink():  # a link inside the site: its file gets the bytes
                _replace(Path(os.path.realpath(path)), data)
            elif os.path.lexists(path):
                _replace(path, data)
            else:
                with open(path, "xb") as fh:  # O_EXCL: never through a link
                    created.append(path)
                    fh.write(data)
    except OSError:
        for path in created:
            path.unlink(missing_ok=True)
        raise


def _replace(path: Path, data: bytes) -> None:
    """``path``'s bytes replaced by ``data`` at once, keeping its permissions."""
    replace_file(path, data, ".okrsite-pull", stat.S_IMODE(os.lstat(path).st_mode))
