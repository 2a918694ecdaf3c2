"""Objective roll-up and alignment: an objective's progress as of any date.

An objective's progress is the weighted mean of its active key results, a
roll-up key result's is that of the objectives aligned to it, and an
objective without key results of its own averages its aligned children.
:class:`Scorer` computes these as of any date, memoised, because forecasts
read every subtree at every ancestor's check-in dates: at 10,000 objectives
this is most of the cost of scoring.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from okrsite.checkin_index import checkin_index
from okrsite.model import CheckIn, KeyResult, Objective, Portfolio, Settings
from okrsite.scoring_progress import current_reading, measured_progress


def counts_in_objective(kr: KeyResult) -> bool:
    """Whether a key result counts in its own objective's progress: its own
    status only (a dropped objective's progress is still its key results'
    mean, where it stood; the objective itself counts nowhere above). The
    explanation's "Counted" column reads this."""
    return kr.status == "active"


def counts_in_rollup(obj: Objective) -> bool:
    """Whether an aligned objective counts in its parent's roll-up: drafts and
    dropped objectives count nowhere. The explanation of a roll-up lists the
    same ones."""
    return obj.status == "active"


def counted_children(
    obj: Objective,
    children: Mapping[str, Sequence[str]],
    kr_children: Mapping[str, Sequence[str]],
) -> set[str]:
    """The aligned objectives whose figures go into ``obj``'s progress (as
    :meth:`Scorer.progress` and :meth:`Scorer._plan` count them): all of its
    aligned objectives when it has no counted key result of its own, else
    only those aligned to one of its counted roll-up key results (one
    without ``score:``). An objective with counted key results of its own
    does not roll its other children up, so their moves do not move it:
    ``okrsite diff`` reads this to say why a parent's figure moved.
    ``children`` / ``kr_children``: as :class:`~okrsite.model.ScoredPortfolio`
    keeps them; whether each child is active is not asked here (a child
    that became a draft changed what is counted too)."""
    counted = [kr for kr in obj.key_results if counts_in_objective(kr)]
    if not counted:
        return set(children.get(obj.id, ()))
    return {
        kid
        for kr in counted
        if kr.score is None and kr.kind == "rollup"
        for kid in kr_children.get(f"{obj.id}#{kr.id}", ())
    }


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float:
    """Mean of (value, weight) pairs; 0 when the weights sum to 0."""
    total = sum(w for _, w in pairs)
    if total <= 0:
        return 0.0
    if math.isinf(total) or total < 1e-300:
        # huge (or tiny) weights: rescale rather than divide inf by inf (or underflow to 0)
        top = max(w for _, w in pairs)
        pairs = [(v, w / top) for v, w in pairs]
        total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total


@dataclass(frozen=True, slots=True)
class KRValue:
    """A key result's progress and the check-in value it comes from."""

    progress: float
    ratio: float | None
    current: float | None
    source: str | None
    day: date | None


class Scorer:
    """Computes progress as of any date, memoised, so roll-ups and forecasts are cheap."""

    def __init__(self, portfolio: Portfolio, settings: Settings) -> None:
        self.p = portfolio
        self.settings = settings
        self.children: dict[str, list[str]] = {}
        self.kr_children: dict[str, list[str]] = {}
        for oid, obj in portfolio.objectives.items():
            pid = obj.parent_objective
            if pid is not None and pid in portfolio.objectives:
                self.children.setdefault(pid, []).append(oid)
                if obj.parent_key_result is not None:
                    self.kr_children.setdefault(obj.parent, []).append(oid)  # type: ignore[arg-type]
        # check-ins per objective, sorted by (date, file); the readings of each
        # key result are taken from them when an objective is first scored
        self.checkins: Mapping[str, list[CheckIn]] = checkin_index(portfolio.checkins).by_objective
        self._readings: dict[str, dict[str, tuple[list[date], list[float]]]] = {}
        self.kpi_days = {k: [d for d, _ in s] for k, s in portfolio.kpi_series.items()}
        self.kpi_values = {k: [v for _, v in s] for k, s in portfolio.kpi_series.items()}
        self.counted_kids: dict[str, list[tuple[str, float]]] = {
            key: [(c, portfolio.objectives[c].weight) for c in kids if self.counted(c)]
            for key, kids in [*self.children.items(), *self.kr_children.items()]
        }
        self.memo: dict[tuple[str, date], tuple[float, dict[str, KRValue]]] = {}
        self.vmemo: dict[tuple[str, date], float] = {}
        self.plans: dict[str, list[tuple[Any, ...]]] = {}
        self.moves: dict[tuple[str, date], date | None] = {}

    def readings(self, oid: str) -> dict[str, tuple[list[date], list[float]]]:
        """Check-in values of an objective's key results: kr id → (dates, values)."""
        found = self._readings.get(oid)
        if found is None:
            found = self._readings[oid] = {}
            for c in self.checkins.get(oid, ()):
                for kr_id, value in c.values.items():
                    days, values = found.setdefault(kr_id, ([], []))
                    days.append(c.date)
                    values.append(value)
        return found

    # -- the lean path: progress as a number, for roll-ups and forecast history
    def value_at(self, oid: str, day: date) -> float:
        """Objective progress as of ``day``, as a bare number (memoised).

        The same rules as :meth:`progress` (both read a key result's value
        through :func:`current_reading` and :func:`measured_progress`), over a
        flat per-objective plan and without building per-key-result detail:
        forecasts evaluate every subtree at every ancestor's check-in dates,
        so this path runs many times more often than the detailed one.
        """
        key = (oid, day)
        hit = self.vmemo.get(key)
        if hit is not None:
            return hit
        plan = self.plans.get(oid)
        if plan is None:
            plan = self.plans[oid] = self._plan(oid)
        if plan:
            pairs = []
            for weight, kr, reading, kpi_reading, kids, end in plan:
                if kids is not None:
                    value = weighted_mean([(self.value_at(c, day), w) for c, w in kids])
                else:
                    current, source, _ = current_reading(kr, reading, kpi_reading, day, end)
                    value = measured_progress(kr, current, source == "checkin")[0]
                pairs.append((value, weight))
        else:
            pairs = [(self.value_at(c, day), w) for c, w in self.counted_kids.get(oid, ())]
        result = weighted_mean(pairs)
        self.vmemo[key] = result
        return result

    def last_move(self, oid: str, as_of: date) -> date | None:
        """The latest day on or before ``as_of`` that a dated input of an
        objective's progress is from (memoised), or ``None`` when none is dated.

        The inputs are those :meth:`value_at` reads: the check-in or KPI
        reading each counted key result's current value comes from (the date
        :func:`current_reading` gives), and, for a roll-up, the same day of
        every counted objective it averages. Nothing feeding the progress is
        dated later, so the progress on that day is the progress as of
        ``as_of``: the progress chart ends there with the headline figure
        although the objective's own last check-in is earlier. One pass over
        the subtree's plans (each objective once per run), no scoring by day.
        """
        key = (oid, as_of)
        if key in self.moves:
            return self.moves[key]
        plan = self.plans.get(oid)
        if plan is None:
            plan = self.plans[oid] = self._plan(oid)
        days: list[date | None] = []
        if plan:
            for _weight, kr, reading, kpi_reading, kids, end in plan:
                if kids is not None:
                    days.extend(self.last_move(c, as_of) for c, _ in kids)
                else:
                    days.append(current_reading(kr, reading, kpi_reading, as_of, end)[2])
        else:
            days.extend(self.last_move(c, as_of) for c, _ in self.counted_kids.get(oid, ()))
        found = max((d for d in days if d is not None), default=None)
        self.moves[key] = found
        return found

    def _plan(self, oid: str) -> list[tuple[Any, ...]]:
        """The counted key results of an objective with everything their value needs:
        (weight, key result, its check-in readings, its KPI's readings, the
        objectives a roll-up averages or ``None``, the cycle's last day)."""
        obj = self.p.objectives[oid]
        readings = self.readings(oid)
        end = self.cycle_end(obj)
        plan = []
        for kr in obj.key_results:
            if kr.status != "active":
                continue
            rollup = kr.score is None and kr.kind == "rollup"
            plan.append(
                (
                    kr.weight,
                    kr,
                    readings.get(kr.id),
                    self.kpi_reading(kr),
                    self.counted_kids.get(f"{oid}#{kr.id}", ()) if rollup else None,
                    end,
                )
            )
        return plan

    def cycle_end(self, obj: Objective) -> date | None:
        """The last day of an objective's cycle: a KPI is read no later (see
        :func:`current_reading`)."""
        cycle = self.p.cycles.get(obj.cycle) if obj.cycle else None
        return None if cycle is None else cycle.end

    def kpi_reading(self, kr: KeyResult) -> tuple[list[date], list[float]] | None:
        if kr.kpi is None or kr.kpi not in self.kpi_days:
            return None
        return self.kpi_days[kr.kpi], self.kpi_values[kr.kpi]

    def current(
        self, obj: Objective, kr: KeyResult, as_of: date
    ) -> tuple[float | None, str | None, date | None]:
        """The brief's "current value" of a key result (see :func:`current_reading`)."""
        return current_reading(
            kr, self.readings(obj.id).get(kr.id), self.kpi_reading(kr), as_of, self.cycle_end(obj)
        )

    def counted(self, oid: str) -> bool:
        return counts_in_rollup(self.p.objectives[oid])

    def kr_value(self, obj: Objective, kr: KeyResult, as_of: date) -> KRValue:
        """A key result's progress and current value as of a day.

        ``score:`` overrides the progress only: the current value is the one
        the key result has without it (a checklist's number done, a yes/no
        key result's ``done:`` or check-in), so every export and page that
        reads the scored figures writes the same current with or without a
        grade. Its source reads ``score``.
        """
        current, source, day = self.current(obj, kr, as_of)
        if kr.kind == "milestones":
            current, source, day = (
                float(sum(1 for m in kr.milestones if m.done)),
                "milestones",
                None,
            )
        elif kr.kind == "boolean" and source != "checkin":
            current, source = (1.0 if kr.done else 0.0), "current"
        if kr.score is not None:
            return KRValue(kr.score, kr.score, current, "score", day)
        if kr.kind != "rollup":
            progress, ratio = measured_progress(kr, current, source == "checkin")
            return KRValue(progress, ratio, current, source, day)
        # roll-up: weighted mean of the objectives aligned to this key result
        kids = self.counted_kids.get(f"{obj.id}#{kr.id}", [])
        value = weighted_mean([(self.value_at(c, as_of), w) for c, w in kids])
        if kids:
            return KRValue(value, value, None, "rollup", None)
        # nothing to measure (no target, no aligned objective): a current
        # the user wrote (``Calls made: 55``, as trackers keep such figures)
        # is still theirs, so every page and export shows it and an export
        # imported again keeps it; it measures no progress
        return KRValue(value, None, current, source if current is not None else None, day)

    def progress(self, oid: str, as_of: date) -> tuple[float, dict[str, KRValue]]:
        key = (oid, as_of)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        obj = self.p.objectives[oid]
        krs = {kr.id: self.kr_value(obj, kr, as_of) for kr in obj.key_results}
        counted = [kr for kr in obj.key_results if counts_in_objective(kr)]
        if counted:
            value = weighted_mean([(krs[kr.id].progress, kr.weight) for kr in counted])
        else:
            value = weighted_mean(
                [(self.value_at(c, as_of), w) for c, w in self.counted_kids.get(oid, ())]
            )
        self.memo[key] = (value, krs)
        return value, krs


def children_first(
    objectives: Mapping[str, Objective], children: Mapping[str, list[str]]
) -> list[str]:
    """Post-order over the alignment forest, so roll-ups fill the memo bottom-up
    without deep recursion."""
    order: list[str] = []
    seen: set[str] = set()
    for root in objectives:
        if root in seen:
            continue
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if node in seen:
                continue
            seen.add(node)
            stack.append((node, True))
            stack.extend((c, False) for c in children.get(node, []) if c not in seen)
    return order
