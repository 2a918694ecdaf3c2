"""Records a team owns: an ``owner:`` that names a team and no person.

A phase of :func:`okrsite.resolve.resolve`, after names became file ids
(:mod:`okrsite.resolve_people`) and before people and teams are checked:
``owner: Finance`` (``teams/finance.md``, no person so named) is how people
write a team's own objective, goal or KPI, so the team owns it instead of
a warning that Finance is no person. Which records their team owns is kept
(``Portfolio.team_owned`` and its kin) because the resolved record alone
cannot tell it from a bare ``team: Finance``; :mod:`okrsite.record_owner`
reads it for every page, list and export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TypeVar

from okrsite.model import KPI, Goal, Objective
from okrsite.resolve_tables import Resolving

__all__ = ["team_as_owner", "teams_as_owners"]

_Owned = TypeVar("_Owned", Objective, KPI, Goal)


def team_as_owner(rec: _Owned, people: Mapping[str, object], teams: Mapping[str, object]) -> _Owned:
    """``rec`` owned by the team its ``owner`` names (``owner: Finance`` where
    ``teams/finance.md`` is a team and no person is so named), as people
    write a team's goal: its team is that team, and it has no owner, instead
    of a warning that Finance is no person and a page for a person Finance.
    An owner that is its own ``team:`` (``owner: finance``, ``team:
    finance``: how the exports write a team's own record, so that ``okrsite
    import`` brings it back) is that team's too, with or without a team
    file. A record whose ``team:`` names another team keeps both as written."""
    owner = rec.owner
    if owner is None or owner in people:
        return rec
    if owner != rec.team and (owner not in teams or rec.team is not None):
        return rec
    return replace(rec, owner=None, team=owner)


def teams_as_owners(r: Resolving) -> None:
    """Make the team the owner where an owner names a team and no person."""
    people, teams = r.people, r.teams

    def owned(table: dict[str, _Owned]) -> tuple[dict[str, _Owned], set[str]]:
        """The records with their team as owner, and the ids of those changed."""
        new = {rid: team_as_owner(rec, people, teams) for rid, rec in table.items()}
        return new, {rid for rid, rec in new.items() if rec is not table[rid]}

    # an owner that names a team and no person (owner: Finance): the team owns it
    r.objectives, r.team_owned = owned(r.objectives)
    r.kpis, r.team_owned_kpis = owned(r.kpis)
    r.goals, r.team_owned_goals = owned(r.goals)
