"""Which objective an imported row's "aligned to" cell names.

A sheet names a parent by its title (``Improve quality``), its id, or
either with ``#`` and a key result; the title may be of a row of the same
sheet or of an objective already in the site. A title two objectives share
(two teams' "Improve quality") is refused naming both (IMP109): taking the
first would align the row to another team's objective without a word.
Split from :mod:`okrsite.import_files`, which plans the files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from okrsite.diagnostics import Diagnostic, error
from okrsite.resolve_hints import _did_you_mean
from okrsite.spreadsheet_import import ObjectivePlan

__all__ = ["AmbiguousParent", "ambiguous_parent", "parent_id", "unknown_parent"]


class AmbiguousParent(Exception):
    """A parent title that names more than one objective: ``(id, team)`` of each."""

    def __init__(self, candidates: list[tuple[str, str | None]]) -> None:
        super().__init__(candidates)
        self.candidates = sorted(candidates)


def _one_of(candidates: list[Any], cycle: str | None, key: Any) -> Any:
    """The one candidate (those of the row's cycle first); two or more is ambiguous."""
    chosen = [c for c in candidates if c.cycle == cycle] or candidates
    if len(chosen) > 1:
        raise AmbiguousParent([key(c) for c in chosen])
    return chosen[0]


def parent_id(
    plan: ObjectivePlan, titles: dict[str, list[ObjectivePlan]], existing: Mapping[str, Any]
) -> str | None:
    """``Title``, ``id``, ``Title#Key result title`` or ``id#kr`` → ``id[#kr]``.

    A title two objectives share (two teams' "Improve quality") raises
    :class:`AmbiguousParent`: taking the first would align the row to
    another team's objective without a word."""
    assert plan.parent is not None
    name, _, kr_name = plan.parent.partition("#")
    name, kr_name = name.strip(), kr_name.strip()
    imported = {p.oid: p for ps in titles.values() for p in ps}
    same = [p for p in titles.get(name.casefold(), []) if p is not plan]
    krs: list[tuple[str, str]]  # (id, title) of the parent's key results
    if name in imported or same:
        target = imported.get(name) or _one_of(same, plan.cycle, lambda p: (p.oid, p.team))
        oid = target.oid
        krs = [(kr.kr_id or "", kr.title) for kr in target.key_results]
    else:
        found = existing.get(name)
        if found is None:
            titled = [o for o in existing.values() if o.title.casefold() == name.casefold()]
            if not titled:
                return None
            found = _one_of(titled, plan.cycle, lambda o: (o.id, o.team))
        oid = found.id
        krs = [(kr.id, kr.title) for kr in found.key_results]
    if not kr_name:
        return oid
    kr_id = next(
        (i for i, title in krs if kr_name in (i, title) or title.casefold() == kr_name.casefold()),
        kr_name,
    )
    return f"{oid}#{kr_id}"


def ambiguous_parent(
    plan: ObjectivePlan, candidates: list[tuple[str, str | None]], label: str
) -> Diagnostic:
    named = ", ".join(f"{oid!r}" + (f" (team {team})" if team else "") for oid, team in candidates)
    return _at_parent(
        "IMP109",
        plan,
        f"names {len(candidates)} objectives: {named}",
        label,
        f"write the id of the one meant, e.g. {candidates[0][0]}, optionally with #key-result",
    )


def _at_parent(code: str, plan: ObjectivePlan, says: str, label: str, hint: str) -> Diagnostic:
    """An error of ``plan``'s parent cell: ``row N: parent 'X' <says>``."""
    return error(
        code,
        f"row {plan.row}: parent {plan.parent!r} {says}",
        label,
        line=plan.row,
        column=None if plan.parent_column is None else plan.parent_column + 1,
        hint=hint,
    )


def unknown_parent(
    plan: ObjectivePlan,
    titles: dict[str, list[ObjectivePlan]],
    existing: Mapping[str, Any],
    label: str,
) -> Diagnostic:
    """IMP107: the parent names no objective; the hint names the closest title
    or id of the sheet or the site (a slip, ``Grow revenu in EMEA``), as
    ``okrsite check`` does for a goal file's ``parent:``."""
    assert plan.parent is not None
    name = plan.parent.partition("#")[0].strip()
    known = [p.title for ps in titles.values() for p in ps if p is not plan]
    known += [o.title for o in existing.values()] + list(existing)
    meant = _did_you_mean(name, dict.fromkeys(known))
    return _at_parent(
        "IMP107",
        plan,
        "names no objective of this file or the site",
        label,
        (f"{meant} " if meant else "")
        + "write the parent objective's title or id, optionally with #key-result",
    )
