"""SMART goals: a goal's progress on its measure, its SMART letters, its deadline.

Goals are scored apart from objectives (no roll-up, no pace): progress on
their own measure, which SMART letters they meet, and whether they are
overdue, which a manager needs to see on the goal's page and in every list
of goals.
"""

from __future__ import annotations

from datetime import date

from okrsite.model import Goal, GoalScore, Measure, Portfolio
from okrsite.resolve import reference_exists
from okrsite.scoring_compare import for_comparison
from okrsite.scoring_progress import grade_for, numeric_progress
from okrsite.stub_bodies import is_stub_body


def smart_letters(goal: Goal, portfolio: Portfolio) -> dict[str, bool]:
    return {
        # the stub body okrsite new writes describes nothing
        "S": bool(goal.title.strip())
        and bool(goal.body.strip())
        and not is_stub_body("goal", goal.body),
        "M": goal.measure is not None and goal.measure.target is not None,
        # a team's own goal (owner: Customer Success) is assigned to that team
        "A": bool(goal.owner) or goal.id in portfolio.team_owned_goals,
        "R": goal.supports is not None
        and reference_exists(goal.supports, portfolio.objectives, portfolio.kpis),
        "T": goal.due is not None or (goal.cycle is not None and goal.cycle in portfolio.cycles),
    }


def goal_deadline(goal: Goal, portfolio: Portfolio) -> date | None:
    """The day a goal is due: its ``due:``, else the last day of its cycle."""
    if goal.due is not None:
        return goal.due
    cycle = portfolio.cycles.get(goal.cycle) if goal.cycle is not None else None
    return cycle.end if cycle is not None else None


def goal_score(goal: Goal, portfolio: Portfolio, as_of: date | None = None) -> GoalScore:
    """A goal's progress on its measure, its SMART letters, and whether it is
    overdue: due before ``as_of`` and not done (progress below 1), which a
    manager needs to see on the goal's page and in every list of goals.
    A goal due on ``as_of`` is not overdue yet: the day is still running."""
    m = goal.measure or Measure()
    if m.target is None:
        progress, ratio = 0.0, None
    else:
        progress, ratio = numeric_progress(m.start or 0.0, m.target, m.current)
    deadline = goal_deadline(goal, portfolio)
    overdue = (
        as_of is not None
        and deadline is not None
        and as_of > deadline
        and for_comparison(progress) < 1
    )
    return GoalScore(
        goal.id,
        progress,
        ratio,
        smart_letters(goal, portfolio),
        grade_for(progress),
        deadline,
        overdue,
    )
