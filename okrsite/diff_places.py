"""Key results written without ``id:`` that a change moved, while check-ins name them by place.

A key result without ``id:`` is named by its place, ``kr1``, ``kr2``, …,
and that is what ``okrsite checkin`` writes into a check-in for it. A key
result added above the others (or one removed, or the list reordered)
gives each key result below it another place: every check-in already
written now gives its figures to another key result (revenue of 1,200,000
to "Hire 5 account executives", done at once), and nothing in the files
says so. ``okrsite diff`` compares key results by id, so it shows them
renamed and retargeted; :func:`place_moves` finds the key results that
kept their title but moved, and the check-ins that name them by their old
place, for the ``moved-key-results`` finding (:mod:`okrsite.diff_findings`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from okrsite.diff_records import norm_title
from okrsite.model import CheckIn, KeyResult, Objective, Portfolio
from okrsite.parse_key_results import place_id


@dataclass(frozen=True, slots=True)
class PlaceMove:
    """The key results of one objective that a change moved to another place."""

    objective: str
    #: (title, the place it had, the place it has), in the head's order
    moves: tuple[tuple[str, str, str], ...]
    #: the check-ins left as they were that name a moved key result by its old place
    checkins: tuple[str, ...]


def _by_place_title(krs: Sequence[KeyResult]) -> dict[str, KeyResult]:
    """The key results named by their place, by title (a title two of them share names neither)."""
    seen: dict[str, list[KeyResult]] = {}
    for kr in krs:
        if kr.id == place_id(kr.index):
            seen.setdefault(norm_title(kr.title), []).append(kr)
    return {title: found[0] for title, found in seen.items() if len(found) == 1 and title}


def _moves(before: Objective, after: Objective) -> list[tuple[str, str, str]]:
    old, new = _by_place_title(before.key_results), _by_place_title(after.key_results)
    moved = [(kr.title, old[t].id, kr.id) for t, kr in new.items() if t in old]
    return sorted((m for m in moved if m[1] != m[2]), key=lambda m: int(m[2][2:]))


def _keys(c: CheckIn) -> set[str]:
    return {*c.values, *c.yes_no, *(key for key, _ in c.texts)}


def _kept_naming(
    base: Portfolio, head: Portfolio, before: str, places: set[str], has_file: Callable[[str], bool]
) -> list[str]:
    """The check-ins of objective ``before`` (its base id) that name one of
    ``places`` and that the change leaves as they were: the same values at
    head, or still there but unreadable at head (a place the objective no
    longer has: OKR304)."""
    at_head = {c.file: c for c in head.checkins}
    kept = []
    for c in base.checkins:
        if c.objective != before or not _keys(c) & places:
            continue
        now = at_head.get(c.file)
        if (now is None and has_file(c.file)) or (
            now is not None and (now.values, _keys(now)) == (c.values, _keys(c))
        ):
            kept.append(c.file)
    return sorted(kept)


def place_moves(
    base: Portfolio,
    head: Portfolio,
    renames: Mapping[str, str],
    head_has_file: Callable[[str], bool] | None = None,
) -> tuple[PlaceMove, ...]:
    """The objectives (at head, ``renames``: head id → base id) whose key
    results written without ``id:`` kept their title but not their place,
    where a check-in the change leaves as it was names one of them by its
    old place (``head_has_file``: whether a file is there at head, as
    :func:`okrsite.diff.diff_portfolios` takes it; without it, every file
    is); the check-ins the change adds name the new places, as ``okrsite
    checkin`` writes them after the change."""
    has_file = head_has_file or (lambda _file: True)
    out = []
    for oid, after in head.objectives.items():
        before = base.objectives.get(renames.get(oid, oid))
        if before is None:
            continue
        moves = _moves(before, after)
        if not moves:
            continue
        old_places = {was for _title, was, _now in moves}
        kept = _kept_naming(base, head, before.id, old_places, has_file)
        if kept:
            out.append(PlaceMove(oid, tuple(moves), tuple(kept)))
    return tuple(out)
