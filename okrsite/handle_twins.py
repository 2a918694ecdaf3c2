"""Two person or team files with one ``github:`` or ``gitlab:`` handle: warning OKR324.

A person file copied from another (``bob.md`` from ``tom-lee.md``) keeps
the handle unless someone changes it. Nothing else notices: ``okrsite
codeowners`` then routes Bob's goals to ``@tom-lee``, who approves them,
and ``owner: "@tom-lee"`` names either of them. Handles are compared as
okrsite keeps them (``@tom-lee``, ``tom-lee`` and
``https://github.com/tom-lee`` are one handle) and in any letter case, as
both platforms compare them. Said at the copy, naming the file it was
copied from, which is told apart without guessing from history: the file
whose id is the handle (``tom-lee.md`` with ``github: tom-lee``) is the
original, and of files none or several of which match, the first by path.
The first version said it at the later path: ``tom-lee.md`` then got the
warning for ``bob.md``'s copied line, and a hint telling Tom Lee to change
a handle that is theirs. The hint names both files and blames neither.
"""

from __future__ import annotations

from collections.abc import Iterable

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Person, Team


def _named_after(rec: Person | Team, handle: str) -> bool:
    """Whether ``rec``'s id is ``handle`` (its last part: ``sales`` for a
    team ``@acme/sales``), in any letter case: the file is the handle's own."""
    return rec.id.rsplit("/", 1)[-1].casefold() == handle.rsplit("/", 1)[-1].casefold()


def handle_twin_warnings(records: Iterable[Person | Team]) -> list[Diagnostic]:
    """OKR324 at each file whose handle another file has, naming the one
    taken for the original (:func:`_named_after`, else the first by path)."""
    found: list[Diagnostic] = []
    ordered = sorted((r for r in records if r.file), key=lambda r: r.file)
    for key in ("github", "gitlab"):
        sharing: dict[str, list[Person | Team]] = {}
        for rec in ordered:
            handle = getattr(rec, key)
            if handle:
                sharing.setdefault(handle.casefold(), []).append(rec)
        for group in sharing.values():
            if len(group) < 2:
                continue
            had = next((r for r in group if _named_after(r, getattr(r, key))), group[0])
            for rec in group:
                if rec is had:
                    continue
                found.append(
                    warning(
                        "OKR324",
                        f"{key} handle {getattr(rec, key)!r} of {rec.title} is also the handle "
                        f"of {had.title} ({had.file}): okrsite codeowners gives both their "
                        "goals to one account, and owner: with that handle names either",
                        rec.file,
                        key_path=(key,),
                        hint=f"the handle is the account of one of {rec.file} and {had.file} "
                        "(a file copied from another keeps its handle): in the other, write "
                        f"that one's own {key}: handle or leave the line out",
                    )
                )
    return found
