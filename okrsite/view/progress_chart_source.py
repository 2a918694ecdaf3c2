"""What an objective's progress chart draws its points from, so its title
can say so.

The chart (:attr:`okrsite.model.ObjectiveScore.progress_points`) has a point
on each day with a check-in of the objective's own and, when something
dated later moved the progress, one on the day of that move. When a key
result's KPI reading is that move, titling the chart "Progress over
check-ins" misnames what it draws (an objective whose only key result reads
a KPI has no check-in at all); the title names the KPI instead, as the key
result's sparkline does (``partials/kr_row.html``). Which reading moved it
is read from the scores (each key result's ``current_source`` and
``current_date``), never worked out again here.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrsite.model import Objective, ObjectiveScore
from okrsite.view.view_model import Link, ViewModel


@dataclass(frozen=True, slots=True)
class ProgressChartSource:
    """Where the progress chart's points come from (``objective.html``)."""

    #: the KPI whose reading is the chart's last point, the day after the
    #: objective's last own check-in that its progress last moved on
    kpi: Link | None
    #: some points are days with a check-in of the objective's own
    checkins: bool


def progress_chart_source(view: ViewModel, o: Objective, s: ObjectiveScore) -> ProgressChartSource:
    """The KPI of the first counted key result whose current value is the
    KPI reading of the day the chart's last point is on, if any."""
    kpi = None
    if s.moved_on is not None:
        for kr in o.key_results:
            ks = s.key_results.get(kr.id)
            if (
                ks is not None
                and ks.counted
                and ks.current_source == "kpi"
                and ks.current_date == s.moved_on
                and kr.kpi in view.scored.portfolio.kpis
            ):
                k = view.scored.portfolio.kpis[kr.kpi]
                kpi = Link(k.id, k.title, view.url("kpi", k.id))
                break
    return ProgressChartSource(kpi, bool(s.history))
