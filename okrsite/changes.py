"""What changed this week: the check-ins of the last few days, as moves.

A check-in says "logos: 9"; a weekly meeting wants "Win 40 new logos: 6 → 9
logos, +7.5 points, confidence 6 → 7, by Sofia". This module turns each
check-in dated within the last ``changes_days`` days (as_of included) into
those moves; the dashboard's are those of the cycles running on as_of and of
those that ended inside those days (:func:`ended_in_window`). Pure: reads a :class:`ScoredPortfolio`.

The value *before* a check-in follows the current-value rule just before it:
the latest earlier check-in of the same key result (check-ins in their
order: date, then file name), else ``current:``, else the KPI's latest value
dated before the check-in, else none. A KPI check-in's previous value is the
KPI's value on its last date before the check-in's (its one value per date,
as its page gives it); a KPI check-in that a later one of the same day
overrules is not listed (the KPI never held its value). Progress before and after are the
key result's progress as scored at each value, by the one rule every score
uses (:func:`scoring.measured_progress`): a key result graded with
``score:`` has that grade before and after, so its values move no points
of progress (0); one that counts nowhere (dropped or draft, itself or its
objective) has none, and a yes/no one's values are also given as done or
not done (:func:`scoring.boolean_done`), as every page writes them. A
checklist's move is the tick a check-in records (``runbooks: Train the
team``, as ``okrsite checkin`` writes it: :mod:`okrsite.checkin_ticks`):
1 → 2 of 3 milestones done.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from okrsite.checkin_ticks import milestone_moves
from okrsite.model import (
    CheckIn,
    Cycle,
    KeyResult,
    LifeStatus,
    Objective,
    Portfolio,
    ScoredPortfolio,
    TrendMeaning,
)
from okrsite.scoring import (
    boolean_done,
    kr_life_status,
    measured_progress,
    trend_for,
    trend_meaning,
)


@dataclass(frozen=True, slots=True)
class ValueChange:
    """One value of a check-in: a key result's (or a KPI's) previous → new value."""

    id: str
    title: str
    unit: str
    previous: float | None
    new: float
    #: progress before and after (key results; ``None`` for KPIs)
    progress_before: float | None
    progress_after: float | None
    #: for a KPI: whether the move is good news by its direction
    meaning: TrendMeaning | None = None
    #: for a yes/no key result: whether the value before and after says done
    #: (:func:`scoring.boolean_done`, as its row and the check-ins write it)
    done_before: bool | None = None
    done_after: bool | None = None
    #: a key result's status as scored: its own, else its objective's
    #: (``draft``/``dropped`` count nowhere, so they move no progress)
    status: LifeStatus = "active"
    #: for a checklist: how many milestones it has (``previous``/``new``
    #: count those done), so a page writes "1 → 2 of 3 milestones" in its
    #: language
    milestones: int | None = None

    @property
    def progress_change(self) -> float | None:
        if self.progress_before is None or self.progress_after is None:
            return None
        return self.progress_after - self.progress_before


@dataclass(frozen=True, slots=True)
class CheckinChange:
    """A check-in a change added, edited or removed, with the figures it moved."""

    checkin: str
    file: str
    date: date
    #: the objective or KPI the check-in reports on (one of them is set)
    objective: str | None
    kpi: str | None
    title: str
    author: str | None
    confidence_before: float | None
    confidence_after: float | None
    values: tuple[ValueChange, ...]
    #: the check-in's time of day and zone, as its file gives them (``""``
    #: without): two check-ins of one day are told apart by them
    time: str = ""
    zone: str = ""


def changes_window(scored: ScoredPortfolio, days: int | None = None) -> tuple[date, date]:
    """(first day, last day) of "this week": ``days`` (default the
    ``changes_days`` setting) days ending at as_of."""
    n = scored.settings.changes_days if days is None else days
    return scored.as_of - timedelta(days=n - 1), scored.as_of


def ended_in_window(
    scored: ScoredPortfolio, cycles: Mapping[str, Cycle], days: int | None = None
) -> list[str]:
    """The cycles among ``cycles`` whose last day falls inside the window but
    before as_of: their check-ins belong to "this week" too.

    A sprint that ended on Sunday had its closing check-in that Sunday; on
    Monday the window (Tuesday to Monday) still holds that day, and a weekly
    review that dropped the check-in, because its cycle no longer runs,
    would never show the sprint's last update. A cycle ending on as_of is
    still running (not listed here); one that ended before the window's
    first day is a late check-in's cycle, under the latest check-ins."""
    first, last = changes_window(scored, days)
    return sorted(n for n, c in cycles.items() if first <= c.end < last)


def recent_changes(
    scored: ScoredPortfolio, days: int | None = None, cycle: str | None = None
) -> list[CheckinChange]:
    """The check-ins of the window as moves, newest first. With ``cycle``,
    only objective check-ins of that cycle (and every KPI check-in)."""
    return window_changes(scored, days, cycle)[0]


def window_changes(
    scored: ScoredPortfolio,
    days: int | None = None,
    cycle: str | Collection[str] | None = None,
    limit: int | None = None,
) -> tuple[list[CheckinChange], int]:
    """The newest ``limit`` (``None``: all) of :func:`recent_changes`, and how
    many there are in all. ``cycle``: one cycle's objective check-ins, or
    those of several (the dashboard's: every cycle running on as_of, as its
    "needs attention" lists them).

    A value's "before" needs every earlier check-in of its key result, so
    the check-ins before the window are walked too, but only to note each
    key result's latest value and each objective's latest confidence; the
    moves are built only for the check-ins shown (at 10,000 objectives the
    week holds some 8,000 check-ins, of which the dashboard lists 50).
    """
    p = scored.portfolio
    first, last = changes_window(scored, days)
    every = p.checkins
    start = bisect.bisect_left(every, first, key=_date_of)
    end = bisect.bisect_right(every, last, key=_date_of)
    objectives = p.objectives

    cycles = {cycle} if isinstance(cycle, str) else None if cycle is None else set(cycle)

    def counted(c: CheckIn) -> bool:
        """An objective check-in of the cycles (any, without them), or a KPI reading."""
        if c.objective is not None:
            return cycles is None or objectives[c.objective].cycle in cycles
        return c.kpi is not None and c.value is not None

    overruled = overruled_readings(every, start, end)
    listed = [i for i, c in enumerate(every[start:end], start) if counted(c) and i not in overruled]
    shown = frozenset(listed if limit is None else listed[max(0, len(listed) - limit) :])
    seen: dict[tuple[str, str], float] = {}  # (objective, kr) -> latest value so far
    confidence: dict[str, float] = {}  # objective -> latest stated confidence so far
    for c in every[:start]:
        if c.objective is not None:
            oid = c.objective
            for kr_id, value in c.values.items():
                seen[(oid, kr_id)] = value
            if c.confidence is not None:
                confidence[oid] = c.confidence
    out: list[CheckinChange] = []
    for i in range(start, end):
        c = every[i]
        if c.objective is not None:
            obj = objectives[c.objective]
            if i not in shown:
                for kr_id, value in c.values.items():
                    seen[(obj.id, kr_id)] = value
                if c.confidence is not None:
                    confidence[obj.id] = c.confidence
                continue
            before_conf = confidence.get(obj.id)
            moves = []
            for kr_id, value in c.values.items():
                kr = obj.key_result(kr_id)
                previous = seen.get((obj.id, kr_id))
                if previous is None and kr is not None:
                    previous = value_before(scored.portfolio, kr, c.date)
                seen[(obj.id, kr_id)] = value
                if kr is not None:
                    moves.append(_kr_move(obj, kr, previous, value))
            if c.texts:  # runbooks: Train the team, the record of a milestone's tick
                later = [x for x in every[i + 1 :] if x.objective == obj.id]
                for kr, done_before, done_after in milestone_moves(obj, c, later):
                    moves.append(_milestone_move(obj, kr, done_before, done_after))
            if c.confidence is not None:
                confidence[obj.id] = c.confidence
            out.append(
                CheckinChange(
                    c.id,
                    c.file,
                    c.date,
                    obj.id,
                    None,
                    obj.title,
                    c.author,
                    before_conf,
                    # the check-in's own: one that gives none moves nothing
                    # (the objective's carried confidence is not its word)
                    c.confidence,
                    tuple(moves),
                    c.time,
                    c.zone,
                )
            )
        elif c.kpi is not None and c.value is not None:
            if i not in shown:
                continue
            # the KPI's value on its last date before this one, from its one
            # value per date (the reading a later check-in of the same day
            # overrules is no value the KPI held: it is not listed, and is
            # no "previous" either, as on the KPI's page)
            kpi = p.kpis[c.kpi]
            previous = _kpi_before(scored.portfolio, c.kpi, c.date)
            move = ValueChange(
                kpi.id,
                kpi.title,
                kpi.unit,
                previous,
                c.value,
                None,
                None,
                trend_meaning(kpi.direction, trend_for(previous, c.value)),
            )
            out.append(
                CheckinChange(
                    c.id,
                    c.file,
                    c.date,
                    None,
                    kpi.id,
                    kpi.title,
                    c.author,
                    None,
                    None,
                    (move,),
                    c.time,
                    c.zone,
                )
            )
    return out[::-1], len(listed)


def _kr_move(obj: Objective, kr: KeyResult, previous: float | None, value: float) -> ValueChange:
    """A key result's previous → new value. One that counts nowhere (dropped
    or draft, itself or its objective: the status scoring gives it) moves
    no progress; one graded with ``score:`` moves none either (its grade is
    its progress, whatever its value); a yes/no one says whether each value
    is done."""
    life = kr_life_status(obj, kr)
    counted = life == "active" and kr.kind not in ("milestones", "rollup")
    boolean = kr.kind == "boolean"
    return ValueChange(
        kr.id,
        kr.title,
        kr.unit,
        previous,
        value,
        measured_progress(kr, previous, previous is not None)[0] if counted else None,
        measured_progress(kr, value, True)[0] if counted else None,
        done_before=boolean_done(kr, previous, previous is not None) if boolean else None,
        done_after=boolean_done(kr, value, True) if boolean else None,
        status=life,
    )


def _milestone_move(obj: Objective, kr: KeyResult, before: int, after: int) -> ValueChange:
    """A checklist's move by a tick its check-in records (1 → 2 of 3): its
    progress is the share of milestones done, as scored (a grade given
    with ``score:`` moves none; one that counts nowhere has none)."""
    life = kr_life_status(obj, kr)
    total = len(kr.milestones)

    def progress(done: int) -> float | None:
        if life != "active" or not total:
            return None
        return kr.score if kr.score is not None else done / total

    return ValueChange(
        kr.id,
        kr.title,
        "",
        float(before),
        float(after),
        progress(before),
        progress(after),
        status=life,
        milestones=total,
    )


def overruled_readings(
    every: Sequence[CheckIn], start: int = 0, end: int | None = None
) -> frozenset[int]:
    """The positions of the KPI check-ins of ``every[start:end]`` that a later
    check-in of the same KPI and day overrules: of several on one date the
    last in check-in order is the KPI's value that day, and the others are
    not kept (docs/scoring.md "KPIs"), so neither "What changed" nor the
    check-ins feed lists them. The window holds whole days, so a day's last
    reading is in it."""
    end = len(every) if end is None else end
    readings = [
        i
        for i in range(start, end)
        if every[i].kpi is not None and every[i].objective is None and every[i].value is not None
    ]
    last = {(every[i].kpi, every[i].date): i for i in readings}  # later ones overwrite
    return frozenset(readings) - frozenset(last.values())


def _date_of(checkin: CheckIn) -> date:
    return checkin.date


def _kpi_before(portfolio: Portfolio, kpi: str, day: date) -> float | None:
    """The KPI's latest value dated before ``day``."""
    series = portfolio.kpi_series.get(kpi, ())
    i = bisect.bisect_left([d for d, _ in series], day)
    return series[i - 1][1] if i else None


def value_before(portfolio: Portfolio, kr: KeyResult, day: date) -> float | None:
    """A key result's value before its first check-in: ``current:``, else its
    KPI's latest value before ``day``, else (a yes/no one) its ``done:`` as 1
    or 0. The one rule of "what a check-in replaced" for the dashboard, the
    feed and ``okrsite diff``."""
    if kr.current is not None:
        return kr.current
    if kr.kpi is not None:
        found = _kpi_before(portfolio, kr.kpi, day)
        if found is not None:
            return found
    if kr.kind == "boolean":
        return 1.0 if boolean_done(kr, None, False) else 0.0
    return None
