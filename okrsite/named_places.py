"""Every place a record names a person or team, for the checks of those names.

An objective's, KPI's and goal's ``owner:`` and ``team:``, an initiative's
``owner:``, a person's ``team:``, a team's ``lead:``, each of its
``members:`` and its ``parent:`` (one that is no team's id), in the records
kept and in those set aside for errors of their own. Two phases walk them:
the look-alike names (:mod:`okrsite.look_alike_names`, warned of where
they are written, before they are read as the person or team they look
like) and the check of names that are no file's
(:func:`okrsite.resolve_people._check_people_and_teams`, which leaves
``members:`` entries alone: a member needs no file of their own); one
walk, so the two cannot disagree on where a name is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from okrsite.model import KPI, Goal, Objective, Person, Team
from okrsite.resolve_tables import Resolving

__all__ = ["NamedPlace", "named_places"]


class NamedPlace(NamedTuple):
    """A person (``kind`` "person") or team named by ``file`` under ``key``,
    as ``what`` (``owner``, ``lead``, ``team``); ``itself``: the team whose
    ``parent:`` it is; ``record`` and ``team``: for the ``owner:`` of an
    objective, KPI or goal, which of them it is and its ``team:`` (an owner
    naming another team than that one is warned of as such)."""

    kind: str
    ref: str | None
    file: str
    key: tuple[str | int, ...]
    what: str
    itself: str | None = None
    record: str | None = None
    team: str | None = None


def named_places(r: Resolving) -> Iterator[NamedPlace]:
    """The places, in the order the checks report them."""
    aside = r.aside
    aside_objectives: list[Objective] = list(aside["objective"].values())  # type: ignore[arg-type]
    aside_kpis: list[KPI] = list(aside["kpi"].values())  # type: ignore[arg-type]
    aside_goals: list[Goal] = list(aside["goal"].values())  # type: ignore[arg-type]
    for obj in [*r.objectives.values(), *aside_objectives]:
        yield NamedPlace(
            "person", obj.owner, obj.file, ("owner",), "owner", None, "objective", obj.team
        )
        yield NamedPlace("team", obj.team, obj.file, ("team",), "team")
        for i, initiative in enumerate(obj.initiatives):
            yield NamedPlace(
                "person", initiative.owner, obj.file, ("initiatives", i, "owner"), "owner"
            )
    for kpi in [*r.kpis.values(), *aside_kpis]:
        yield NamedPlace("person", kpi.owner, kpi.file, ("owner",), "owner", None, "KPI", kpi.team)
        yield NamedPlace("team", kpi.team, kpi.file, ("team",), "team")
    for g in [*r.goals.values(), *aside_goals]:
        yield NamedPlace("person", g.owner, g.file, ("owner",), "owner", None, "goal", g.team)
        yield NamedPlace("team", g.team, g.file, ("team",), "team")
    aside_people: list[Person] = list(aside["person"].values())  # type: ignore[arg-type]
    aside_teams: list[Team] = list(aside["team"].values())  # type: ignore[arg-type]
    for p in [*r.people.values(), *aside_people]:
        yield NamedPlace("team", p.team, p.file, ("team",), "team")
    for t in [*r.teams.values(), *aside_teams]:
        yield NamedPlace("person", t.lead, t.file, (t.keys[0],), "lead")
        places = t.member_places or range(len(t.members))
        for i, member in zip(places, t.members, strict=True):
            yield NamedPlace("person", member, t.file, ("members", i), "member")
        if t.parent is not None and t.parent not in r.teams:
            yield NamedPlace("team", t.parent, t.file, (t.keys[1],), "team", t.id)
