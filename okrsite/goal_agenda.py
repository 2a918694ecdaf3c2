"""Which SMART goals the dashboard of a site without objectives lists.

A team that works with SMART goals and KPIs alone has no cycle of objectives
for its dashboard to show; what it needs to see on the home page instead is
which goals are late and which are due soon. Worked out here, once, from the
goals as scored (their deadline and whether they are overdue,
:mod:`okrsite.scoring_goals`), so that the page only shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from okrsite.display_order import title_order
from okrsite.model import ScoredPortfolio
from okrsite.scoring_compare import for_comparison

__all__ = ["DUE_SOON_DAYS", "GoalAgenda", "goal_agenda"]

#: a goal not done whose deadline is as_of or one of this many days after it
#: is due soon (two weeks: what a fortnightly check-in can still act on)
DUE_SOON_DAYS = 14


@dataclass(frozen=True, slots=True)
class GoalAgenda:
    """The goals a goal-only dashboard lists, and the counts it names."""

    #: ids of the overdue goals, the longest overdue first
    overdue: tuple[str, ...]
    #: ids of the goals not done and due within :data:`DUE_SOON_DAYS`, soonest first
    due_soon: tuple[str, ...]
    #: how many goals the site has
    total: int
    #: how many days after as_of "due soon" reaches (:data:`DUE_SOON_DAYS`)
    days: int = DUE_SOON_DAYS


def goal_agenda(scored: ScoredPortfolio) -> GoalAgenda:
    """The overdue goals and those due soon, each by deadline, then by title
    in natural order (as every list of the site), then by id."""
    goals, as_of = scored.portfolio.goals, scored.as_of
    last = as_of + timedelta(days=DUE_SOON_DAYS)
    overdue, soon = [], []
    for gid, gs in scored.goals.items():
        if gid not in goals or gs.deadline is None:
            continue
        if gs.overdue:
            overdue.append(gid)
        elif for_comparison(gs.progress) < 1 and as_of <= gs.deadline <= last:
            soon.append(gid)

    def order(gid: str) -> tuple[object, ...]:
        return (scored.goals[gid].deadline, title_order(goals[gid].title), gid)

    return GoalAgenda(tuple(sorted(overdue, key=order)), tuple(sorted(soon, key=order)), len(goals))
