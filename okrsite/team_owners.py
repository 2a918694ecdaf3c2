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

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import KPI, Goal, Objective, Person, Team
from okrsite.named_places import NamedPlace
from okrsite.resolve_tables import Resolving

__all__ = ["another_team_as_owner", "team_as_owner", "teams_as_owners"]

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


def _written(r: Resolving, kind: str, ref: str, file: str) -> str:
    """The name as ``file`` writes it in a ``kind`` place (an owner is
    written in a person's: ``owner: Platform``), else its id."""
    for name, files in r.spellings.get((kind, ref), {}).items():
        if file in files:
            return name
    return r.written_names.get((kind, ref)) or ref


def _a(record: str) -> str:
    """``an objective``, ``a KPI``, ``a goal``."""
    return f"an {record}" if record[0] in "aeiou" else f"a {record}"


def another_team_as_owner(r: Resolving, place: NamedPlace) -> Diagnostic | None:
    """OKR306 for an ``owner:`` that names a team (``owner: Platform``)
    beside a ``team:`` naming another (``team: Sales``): which team's record
    it is was not said, so both stay as written (a person page "Platform"),
    and "Platform is not a person: add content/people/platform.md" would
    have made a person of a team. The message says what each reading is
    written as: the owner's team as ``team:`` for its own record, or a
    person (its lead, where its file names one) as ``owner:`` for the other
    team's. ``None`` where the owner is no team, is a person, or is the
    record's own team (that team's own record, :func:`team_as_owner`)."""
    ref, team = place.ref, place.team
    if place.record is None or ref is None or team is None or ref == team:
        return None
    owner: Team | None = r.teams.get(ref)  # type: ignore[assignment]
    if owner is None or ref in r.people:
        return None
    owner_name = owner.title or ref
    other: Team | None = r.teams.get(team)  # type: ignore[assignment]
    team_name = (
        other.title if other is not None and other.title else _written(r, "team", team, place.file)
    )
    lead: Person | None = r.people.get(owner.lead or "")  # type: ignore[assignment]
    written = _written(r, "person", ref, place.file)
    shown = f"{written!r}" + (f" ({ref})" if written != ref else "")
    such_as = (
        f", such as the lead of {owner_name}: owner: {lead.title or lead.id}"
        if lead is not None
        else ""
    )
    return warning(
        "OKR306",
        f"owner {shown} is the team {owner_name!r} ({owner.file}), not a person, and "
        f"team: names another team, {team_name!r}: the {place.record} counts for "
        f"{team_name}, and {owner_name} is shown as a person who owns it",
        place.file,
        hint=f"{_a(place.record)} of {owner_name} itself: write team: {owner_name}, or "
        f"leave team: out; {_a(place.record)} of {team_name}: write a person as "
        f"owner:{such_as}",
        key_path=place.key,
    )
