"""Who owns a goal or a KPI, as its page shows it: a person, or a team.

A goal or KPI whose ``owner:`` names a team and no person (``owner:
Customer Success``) is resolved with no owner and that team as its team
(:func:`okrsite.resolve_people._team_as_owner`), and recorded in
``Portfolio.team_owned_goals`` / ``team_owned_kpis``. Its page shows the
team as owner; the export and the search index read the owner here, so
that none of them calls it ownerless while the page names the team.
"""

from __future__ import annotations

from typing import Literal

from okrsite.model import KPI, Goal, Portfolio

__all__ = ["OwnerKind", "owner_of"]

#: what an owner id names: a person's page or a team's
OwnerKind = Literal["person", "team"]


def owner_of(portfolio: Portfolio, record: Goal | KPI) -> tuple[str | None, OwnerKind | None]:
    """The id of the owner of ``record`` and what it is: ``("uma-diaz",
    "person")``, ``("customer-success", "team")`` for a team's own goal or
    KPI, ``(None, None)`` for one nobody owns."""
    team_owned = (
        portfolio.team_owned_goals if isinstance(record, Goal) else portfolio.team_owned_kpis
    )
    if record.id in team_owned and record.team:
        return record.team, "team"
    if record.owner:
        return record.owner, "person"
    return None, None
