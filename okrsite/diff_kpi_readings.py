"""A KPI's readings that a change added, removed or moved, and the ended
cycles whose final figures they move.

A KPI's readings come from its data file, its ``values:`` and its check-ins,
none of them a goal file; a key result with ``kpi:`` reads the KPI's value
on its cycle's last day. So a reading written into the past (an old row of
the CSV corrected, ``okrsite checkin churn --date 2026-09-20`` in November)
restates an ended quarter's final scorecard while every goal file stays as
it was. ``okrsite diff`` names each such reading under its KPI (date,
before → after) and marks the KPI "after 2026-Q3 ended", which the
``ended-cycle`` rule reads (:func:`okrsite.diff_findings.findings_of`), so
a reviewer sees what moved the quarter and a CI gate can stop it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from okrsite import cycles as cycles_mod
from okrsite.diff_records import ReadingChange, RecordChange
from okrsite.diff_scores import ScoreChange
from okrsite.model import KPI, KPIScore, Portfolio


def reading_changes(b: KPIScore | None, h: KPIScore | None) -> tuple[ReadingChange, ...]:
    """The counted readings (the series at as_of, one a day) that differ, by date."""
    if b is None or h is None:
        return ()
    before, after = dict(b.series), dict(h.series)
    return tuple(
        ReadingChange(day, before.get(day), after.get(day))
        for day in sorted(before.keys() | after.keys())
        if before.get(day) != after.get(day)
    )


def with_readings(
    kpis: Sequence[RecordChange],
    base: Mapping[str, KPI],
    head: Mapping[str, KPI],
    renames: Mapping[str, str],
    base_scores: Mapping[str, KPIScore],
    head_scores: Mapping[str, KPIScore],
) -> tuple[RecordChange, ...]:
    """``kpis`` with each KPI's changed readings, and a KPI on both sides
    whose only change is its readings listed too (it had no field to show:
    a corrected old reading leaves value and health at as_of alone)."""
    by_id = {rec.id: rec for rec in kpis}
    for kid, h in head.items():
        b = base.get(renames.get(kid, kid))
        if b is None:
            continue
        readings = reading_changes(base_scores.get(b.id), head_scores.get(kid))
        if not readings:
            continue
        rec = by_id.get(kid)
        if rec is None:
            by_id[kid] = RecordChange(
                "kpi", kid, h.title, "changed", h.file, units=(b.unit, h.unit), readings=readings
            )
        elif rec.change == "changed":
            by_id[kid] = replace(rec, readings=readings)
    return tuple(sorted(by_id.values(), key=lambda c: c.id))


def ended_by_readings(
    kpis: Sequence[RecordChange],
    scores: Sequence[ScoreChange],
    head: Portfolio,
    changed_on: date,
) -> tuple[RecordChange, ...]:
    """``kpis`` with ``cycle_ended`` set on each KPI whose changed readings
    move the final figures of a cycle that had ended on ``changed_on``: a
    key result of an objective of that cycle reads the KPI, its figures
    changed, and a changed reading is dated on or before the cycle's last
    day (the one a key result reads then). A reading after it, a key result
    whose own check-in counts over the KPI, leave the final figures alone."""
    readings = {rec.id: rec.readings for rec in kpis if rec.readings}
    ended_by: dict[str, str] = {}
    for s in scores:
        obj = head.objectives.get(s.id)
        ended = cycles_mod.changed_after_end(obj.cycle, changed_on, head.cycles) if obj else None
        cycle = cycles_mod.lookup(ended, head.cycles) if ended else None
        if obj is None or cycle is None:
            continue
        moved = {kr.id for kr in s.key_results}
        for kr in obj.key_results:
            dated = readings.get(kr.kpi or "", ())  # on or before the day a key result reads
            if kr.id in moved and any(r.date <= cycle.end for r in dated):
                ended_by.setdefault(kr.kpi or "", cycle.name)
    return tuple(
        replace(rec, cycle_ended=ended_by[rec.id]) if rec.id in ended_by else rec for rec in kpis
    )
