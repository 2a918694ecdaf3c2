"""Two person or team files with one ``github:`` or ``gitlab:`` handle: warning OKR324.

A person file copied from another (``bob.md`` from ``tom-lee.md``) keeps
the handle unless someone changes it. Nothing else notices: ``okrsite
codeowners`` then routes Bob's goals to ``@tom-lee``, who approves them,
and ``owner: "@tom-lee"`` names either of them. Handles are compared as
okrsite keeps them (``@tom-lee``, ``tom-lee`` and
``https://github.com/tom-lee`` are one handle) and in any letter case, as
both platforms compare them. Said at the later file, naming the first.
"""

from __future__ import annotations

from collections.abc import Iterable

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Person, Team


def handle_twin_warnings(records: Iterable[Person | Team]) -> list[Diagnostic]:
    """OKR324 at each file whose handle an earlier file (by path) already has."""
    found: list[Diagnostic] = []
    ordered = sorted((r for r in records if r.file), key=lambda r: r.file)
    for key in ("github", "gitlab"):
        first: dict[str, Person | Team] = {}
        for rec in ordered:
            handle = getattr(rec, key)
            if not handle:
                continue
            had = first.setdefault(handle.casefold(), rec)
            if had is rec:
                continue
            found.append(
                warning(
                    "OKR324",
                    f"{key} handle {handle!r} of {rec.title} is also the handle of "
                    f"{had.title} ({had.file}): okrsite codeowners gives both their goals to "
                    "one account, and owner: with that handle names either",
                    rec.file,
                    key_path=(key,),
                    hint=f"give {rec.title} their own {key}: handle (a file copied from "
                    f"{had.file} keeps its handle), or leave the line out",
                )
            )
    return found
