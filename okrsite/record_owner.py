"""Who owns an objective, a goal or a KPI, as its page shows it: a person, or a team.

An objective, goal or KPI whose ``owner:`` names a team and no person
(``owner: Customer Success``) is resolved with no owner and that team as
its team (:func:`okrsite.team_owners.team_as_owner`), and recorded in
``Portfolio.team_owned`` / ``team_owned_goals`` / ``team_owned_kpis``. Its
page shows the team as owner; the lists, the exports (JSON and CSV) and
the search index read the owner here, so that none of them calls it
ownerless while the page names the team. (The record alone cannot tell:
``owner: Finance`` and a bare ``team: Finance`` resolve to the same one.)
"""

from __future__ import annotations

from typing import Literal

from okrsite.model import KPI, Goal, Objective, Portfolio

__all__ = ["OwnerKind", "owner_of"]

#: what an owner id names: a person's page or a team's
OwnerKind = Literal["person", "team"]


def owner_of(
    portfolio: Portfolio, record: Objective | Goal | KPI
) -> tuple[str | None, OwnerKind | None]:
    """The id of the owner of ``record`` and what it is: ``("uma-diaz",
    "person")``, ``("customer-success", "team")`` for a team's own
    objective, goal or KPI, ``(None, None)`` for one nobody owns."""
    team_owned = _team_owned(portfolio, record)
    if record.id in team_owned and record.team:
        return record.team, "team"
    if record.owner:
        return record.owner, "person"
    return None, None


def _team_owned(portfolio: Portfolio, record: Objective | Goal | KPI) -> frozenset[str]:
    """The ids of the records of ``record``'s kind that their team owns."""
    if isinstance(record, Objective):
        return portfolio.team_owned
    if isinstance(record, Goal):
        return portfolio.team_owned_goals
    return portfolio.team_owned_kpis
