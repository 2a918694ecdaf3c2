"""OKR414: two active objectives with one title, team and cycle.

Such a pair is almost always one objective written twice: a spreadsheet
imported beside the file ``okrsite new objective`` wrote (an import made
before it matched the site's objectives), or a file copied to start a
second one and never retitled. Both count, so the team's page, the cycle's
average and the dashboard count the objective twice, and nothing else says
so. The title is folded as an import matches titles (case and spacing
aside). Objectives without a team are not compared: two people's own
objectives may share a title, and a team is what makes one title one
objective. Drafts and dropped objectives count nowhere, so they are not
said. Apart from
:mod:`okrsite.quality` because it compares objectives with each other, not
one objective's own shape.
"""

from __future__ import annotations

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import Objective, Portfolio

__all__ = ["same_objective_twice"]


def same_objective_twice(portfolio: Portfolio) -> list[Diagnostic]:
    """OKR414 at the ``title:`` of each active objective of a team whose
    title, cycle and team an earlier one's (by id) are too, naming that one."""
    first: dict[tuple[str, str, str], Objective] = {}
    out: list[Diagnostic] = []
    for oid in sorted(portfolio.objectives):
        obj = portfolio.objectives[oid]
        if obj.status != "active" or not obj.team:
            continue
        key = (" ".join(obj.title.split()).casefold(), obj.cycle, obj.team)
        earlier = first.setdefault(key, obj)
        if earlier is obj:
            continue
        named = portfolio.teams.get(obj.team)
        team = named.title if named is not None and named.title else obj.team
        out.append(
            warning(
                "OKR414",
                f"objective {obj.title!r} has the same title, team {team} and cycle {obj.cycle} as "
                f"{earlier.id} ({earlier.file}): both count, so pages and averages count it twice",
                obj.file,
                hint="if it is the same objective, delete one of the two files (move any key "
                "result only it has into the other); if it is another, give it a title of its own",
                key_path=("title",),
            )
        )
    return out
