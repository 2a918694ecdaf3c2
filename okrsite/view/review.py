"""What the dashboard shows for the weekly check-in: who needs help, what changed.

The attention list (:mod:`okrsite.attention`, cut and dressed for the
dashboard in :mod:`okrsite.view.dashboard_lists`) and the week's moves
(:mod:`okrsite.changes`) are computed in core; this module only dresses them
for the templates: links instead of ids, the objective's figures as every
list shows them, progress changes in percentage points. It decides nothing
and writes no markup (``partials/attention_item.html`` and
``partials/change.html`` do).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from okrsite.attention import Reason
from okrsite.changes import CheckinChange, changes_window, ended_in_window, window_changes
from okrsite.model import CheckIn
from okrsite.view.view_model import Link, ObjectiveView, ViewModel

__all__ = [
    "AttentionView",
    "ChangeView",
    "MoveView",
    "changes",
    "ended_change_cycles",
    "feed_moves",
]


@dataclass(frozen=True, slots=True)
class AttentionView:
    """One objective of the attention list: its figures and why it is listed."""

    item: ObjectiveView
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class MoveView:
    """One value of a check-in: previous → new, and the progress it moved."""

    title: str
    unit: str
    previous: float | None
    new: float
    #: change in progress in percentage points (key results; none for KPIs)
    points: float | None
    #: for a KPI: improving, worsening or steady by its direction
    meaning: str | None
    #: for a yes/no key result: whether the value before and after says done
    done_before: bool | None = None
    done_after: bool | None = None
    #: a key result's status as scored (``draft``/``dropped``: it counts
    #: nowhere, so ``points`` is none)
    status: str = "active"
    #: for a checklist ticked by the check-in: its number of milestones
    #: (``previous`` and ``new`` count those done)
    milestones: int | None = None
    #: the decimals ``points`` is written with: one, or as many as make a
    #: move that is not none read as not none (``-0.03 points``, never "0
    #: points", which is what a graded key result's move reads)
    points_places: int = 1


def points_places(points: float | None) -> int:
    """The decimals a change of progress in points is written with: one, and
    up to six where fewer would write a move as 0 (35 → 34.97 of a target
    of 100 is -0.03 points, and crosses a status limit)."""
    places = 1
    while points and places < 6 and round(points, places) == 0:
        places += 1
    return places


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One check-in of the window as moves."""

    date: date
    target: Link | None
    #: the check-in's anchor on its objective's page (none for KPIs)
    anchor: str | None
    author: Link | None
    confidence_before: float | None
    confidence_after: float | None
    moves: tuple[MoveView, ...]
    #: its time of day and zone (``""`` without), as the check-in's own line
    #: shows them: two check-ins of one day read apart
    time: str = ""
    zone: str = ""


def ended_change_cycles(view: ViewModel, cycle: str | None) -> list[str]:
    """The cycles of the site's objectives, other than ``cycle``, that ended
    inside the window of "what changed" (core's :func:`ended_in_window`): their
    last check-ins are this week's too, and the dashboard names them."""
    if cycle is None:
        return []
    index = view.index
    known = {n: index.cycles[n] for n in index.by_cycle if n in index.cycles}
    return view.cycle_order(n for n in ended_in_window(view.scored, known) if n != cycle)


def changes(
    view: ViewModel, cycle: str | None, limit: int | None = None
) -> tuple[date, date, list[ChangeView], int]:
    """(first day, last day, the newest ``limit`` check-ins of those days
    newest first (``None``: all), how many check-ins those days have)."""
    scored = view.scored
    first, last = changes_window(scored)
    out = []
    # the check-ins of every cycle running on as_of, as "needs attention" lists
    # their objectives: a year's objectives around the quarter move too
    # and of every cycle that ended inside the window (a sprint's closing
    # check-in of Sunday is still this week's on Monday)
    cycles = (
        None
        if cycle is None
        else {cycle, *view.running_cycles(), *ended_change_cycles(view, cycle)}
    )
    shown, total = window_changes(scored, cycle=cycles, limit=limit)
    for change in shown:
        target: Link | None
        if change.objective is not None:
            if change.objective not in view.scores:
                continue
            target = Link(change.objective, change.title, view.url("objective", change.objective))
            where: str | None = view.anchors.checkin(change.checkin)
        else:
            kpi = change.kpi or ""
            target = Link(kpi, change.title, view.url("kpi", kpi)) if kpi in scored.kpis else None
            where = None
        out.append(
            ChangeView(
                change.date,
                target,
                where,
                view.person(change.author),
                change.confidence_before,
                change.confidence_after,
                _moves(change),
                change.time,
                change.zone,
            )
        )
    return first, last, out, total


def _moves(change: CheckinChange) -> tuple[MoveView, ...]:
    """A check-in's values as moves, progress changes in percentage points."""
    out = []
    for m in change.values:
        points = None if m.progress_change is None else m.progress_change * 100
        out.append(
            MoveView(
                m.title,
                m.unit,
                m.previous,
                m.new,
                points,
                m.meaning,
                m.done_before,
                m.done_after,
                m.status,
                m.milestones,
                points_places(points),
            )
        )
    return tuple(out)


def feed_moves(view: ViewModel, entries: Sequence[CheckIn]) -> dict[str, tuple[MoveView, ...]]:
    """The values of the feed's check-ins (``checkins.xml``) as moves, by
    check-in id: a key result's previous → new value, a KPI's reading; the
    very moves the dashboard's "What changed" lists (:func:`changes`), each
    value's "before" from every earlier check-in, in the feed or not."""
    if not entries:
        return {}
    scored = view.scored
    days = (scored.as_of - min(c.date for c in entries)).days + 1
    wanted = {c.id for c in entries}
    shown, _ = window_changes(scored, days=max(days, 1))
    return {change.checkin: _moves(change) for change in shown if change.checkin in wanted}
