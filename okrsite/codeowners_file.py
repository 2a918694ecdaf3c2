"""Reading and writing the committed CODEOWNERS file safely and byte-exact.

The file is read from a pull request's checkout in CI, so it is the pull
request's to choose: committed as a link to ``/proc/self/environ`` or to a
file outside the repository, ``okrsite codeowners --check`` printed the
target into the CI log and ``--write`` appended to it. A link (or a folder
on the way) that leads out of the repository, or into ``.git``, is refused
as every other link out is (:func:`okrsite.sitefiles.link_out_of_site`).
A CODEOWNERS that is itself a link is refused too, wherever it leads: one
to a git-ignored ``.env`` in the checkout had ``--check`` print the secret
and ``--write`` turn the link into a committable copy of it, and a
CODEOWNERS has no reason to be a link. The
file is written by replacing it (:func:`okrsite.file_replace.replace_file`),
never through a link.

The lines outside okrsite's block are the user's, kept byte for byte: a
comment in Latin-1 (``Zust\\xe4ndig``) is carried through undecoded
(``surrogateescape``), and a UTF-8 byte order mark a Windows editor put in
front is set aside on reading, so the marker line after it is seen, and put
back on writing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BOM = b"\xef\xbb\xbf"
#: the largest CODEOWNERS read: GitHub ignores a CODEOWNERS over 3 MB, and one
#: that large (a pull request can commit a gigabyte under that name) was read
#: whole into memory and diffed line by line, as no other user file is
#: (docs/limits.md). Measured on disk before anything is read.
MAX_BYTES = 3 * 1024 * 1024


class CodeownersFileError(Exception):
    """The file cannot be read or written as it is: the message names it and what to do."""


@dataclass(frozen=True)
class Committed:
    """A committed CODEOWNERS file's text (undecodable bytes kept as
    ``surrogateescape`` characters) and whether it began with a BOM."""

    text: str
    bom: bool

    def shown(self) -> str:
        """The text for a terminal or CI log: undecodable bytes as U+FFFD."""
        return self.text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def refuse_link(path: Path, toplevel: Path, name: str) -> None:
    """Raise :class:`CodeownersFileError` when ``path`` is a link, or a
    folder on the way to it is a link inside the repository that leads out
    of it (or into ``.git``)."""
    from okrsite.sitefiles import link_out_of_site

    found = link_out_of_site(path, toplevel)
    if found is not None:
        link, target = found
        shown = name if os.path.realpath(link) == os.path.realpath(path) else os.path.relpath(link)
        raise CodeownersFileError(
            f"{shown} is a link out of the repository (to {target}); not read or written: "
            f"commit CODEOWNERS as a regular file (git rm --cached {shown}, then write it with "
            f"okrsite codeowners --write)"
        )
    if os.path.islink(path):
        raise CodeownersFileError(
            f"{name} is a link (to {os.readlink(path)}); not read or written: commit "
            f"CODEOWNERS as a regular file (git rm --cached {name}, then write it with "
            f"okrsite codeowners --write)"
        )


def exists(path: Path) -> bool:
    """Whether there is anything at ``path``, a link to nowhere included
    (it is then refused or replaced, not passed over)."""
    return os.path.lexists(path)


def read(path: Path) -> Committed | None:
    """The file's text, or ``None`` when there is no file."""
    if not os.path.lexists(path):
        return None
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)  # never more, whatever stat said
    if len(data) > MAX_BYTES:
        raise CodeownersFileError(
            f"{path.name} is over {MAX_BYTES // (1024 * 1024)} MB; not read or written "
            f"(GitHub ignores a CODEOWNERS that large): remove what is not rules from it, "
            f"or delete it and write it again with okrsite codeowners --write"
        )
    bom = data.startswith(BOM)
    body = data[len(BOM) :] if bom else data
    return Committed(body.decode("utf-8", "surrogateescape"), bom)


def write(path: Path, text: str, bom: bool) -> None:
    """``text`` as the file, its BOM put back when it had one; the file is
    replaced (a link of that name becomes the file, its target untouched)."""
    from okrsite.file_replace import replace_file

    path.parent.mkdir(parents=True, exist_ok=True)
    data = (BOM if bom else b"") + text.encode("utf-8", "surrogateescape")
    replace_file(path, data, ".okrsite-codeowners")
