"""The rows of an objective's key-result table (``partials/kr_row.html``):
what each key result shows, read from the scored portfolio through the view
model, with the objectives aligned to it and its sparkline's coordinates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from okrsite.limit_places import DEFAULT_PLACES, places_beside
from okrsite.model import Grade, KeyResult, KRScore, Objective, Status
from okrsite.resolve_kpis_goals import one_reading_per_day
from okrsite.scoring import counts_in_rollup, scored_done
from okrsite.scoring_pace import PACE_STATUSES, pace_places
from okrsite.scoring_progress import kpi_readings_in_cycle
from okrsite.view.chart_geometry import Sparkline, sparkline
from okrsite.view.view_model import Link, ViewModel


@dataclass(frozen=True, slots=True)
class AlignedChild:
    """An objective aligned below another, as the parent's page lists it.

    ``counted``: it counts in the roll-up (:func:`okrsite.scoring.counts_in_rollup`);
    drafts and dropped ones are listed with their ``status``, marked as not counted.
    """

    title: str
    url: str
    progress: float
    status: Status
    counted: bool


@dataclass(frozen=True, slots=True)
class KeyResultRow:
    """One row of an objective's key-result table."""

    kr: KeyResult
    anchor: str
    active: bool
    progress: float
    grade: Grade | None  # none where the key result counts nowhere or has not begun
    status: Status
    current: float | None
    ratio: float | None
    beyond_target: bool
    milestones_done: int
    rollup_count: int
    kpi: Link | None
    aligned: tuple[AlignedChild, ...]
    spark: Sparkline | None
    #: a yes/no key result is done (:func:`okrsite.scoring.boolean_done`):
    #: a check-in's yes counts over the file's ``done: no``
    done: bool = False
    #: the decimals of its progress and of its ``expected`` on the
    #: objective's page, where its status is judged against the objective's
    #: expected (:func:`okrsite.scoring_pace.pace_places`): 0.3497 at risk
    #: beside 0.50 reads "34.97%", since "35%" reads 15 points behind, on
    #: track. Decided here once; ``kr_row.html`` passes it to
    #: ``progress_bar.html`` as ``places`` and writes ``expected`` with it
    pace_places: int = 0
    #: the expected progress its status was judged against (the objective's),
    #: for its own row to write with the row's ``pace_places``: the
    #: objective's "Expected by now" has the objective's decimals, and 0.343
    #: at risk beside an expected 0.4945 written "49%" reads 14.7 behind, on
    #: track, where the row's "49.5%" reads 15.2. None where its status
    #: compares no expected (done, upcoming, over, draft, dropped)
    expected: float | None = None
    #: the decimals its current value is written with beside its start and
    #: target (a threshold for stay_above/stay_below), or a KPI's reading
    #: it shows (:func:`okrsite.limit_places.places_beside`): 2.99996 beside
    #: a target of 3 reads "2.99996 → 3", never "3 → 3", not done
    current_places: int = DEFAULT_PLACES
    #: the KPI (``kpi``) supplies ``current``, or will once it has a reading:
    #: no check-in and no ``current:`` of the file (which count first,
    #: :func:`~okrsite.scoring_progress.current_reading`) does. The default
    #: theme's "from KPI" label shows only then, so a row never says its
    #: figure is the KPI's when it is not
    from_kpi: bool = False
    #: ``spark`` draws the readings of the KPI it reads (no check-in gave it
    #: a value), not values of its check-ins: its label says so
    spark_from_kpi: bool = False


def key_result_points(
    view: ViewModel, o: Objective, kr: KeyResult
) -> tuple[list[tuple[date, float]], bool]:
    """A key result's values over its objective's check-ins (up to as_of), one
    per day, the later check-in of a day winning as it does in scoring (the
    progress chart's rule: a morning figure fixed that afternoon is not a
    value it had, :func:`~okrsite.resolve_kpis_goals.one_reading_per_day`),
    else the readings of the KPI it reads in the cycle (ending where its
    current value does: :func:`~okrsite.scoring_progress.kpi_readings_in_cycle`);
    and whether they are the KPI's, so its label says what it draws."""
    points = list(
        one_reading_per_day(
            [
                (c.date, c.values[kr.id])
                for c in view.index.checkins_by_objective.get(o.id, ())
                if kr.id in c.values
            ]
        )
    )
    if not points and kr.kpi and kr.kpi in view.scored.kpis:
        cycle = view.scored.portfolio.cycles.get(o.cycle) if o.cycle else None
        points = kpi_readings_in_cycle(
            view.scored.kpis[kr.kpi].series,
            None if cycle is None else cycle.start,
            None if cycle is None else cycle.end,
        )
        return points, True
    return points, False


def key_result_row(view: ViewModel, o: Objective, kr: KeyResult, ks: KRScore) -> KeyResultRow:
    kpi = None
    if kr.kpi and kr.kpi in view.scored.kpis:
        kpi = Link(kr.kpi, view.scored.portfolio.kpis[kr.kpi].title, view.url("kpi", kr.kpi))
    rollup = view.scored.kr_children.get(f"{o.id}#{kr.id}", ())
    # what the roll-up averages is the core's rule (counts_in_rollup), the
    # same the score and "Explain this score" use: the others are listed
    # after them, marked as not counted
    counted = {i for i in rollup if counts_in_rollup(view.objectives[i])}
    aligned: tuple[AlignedChild, ...] = ()
    if rollup:  # most key results have none aligned: nothing to read or sort
        listed = view.objectives_sorted(i for i in rollup if i in view.scores)
        aligned = tuple(
            AlignedChild(
                view.objectives[i].title,
                view.url("objective", i),
                view.scores[i].progress,
                view.scores[i].status,
                i in counted,
            )
            for i in sorted(listed, key=lambda i: i not in counted)
        )
    spark = None
    spark_from_kpi = False
    if kr.kind in ("numeric", "stay_above", "stay_below"):
        points, spark_from_kpi = key_result_points(view, o, kr)
        cycle = view.index.cycles.get(o.cycle)
        # a key result reading a KPI shows the KPI's health bands
        source = view.scored.portfolio.kpis[kr.kpi] if kpi and kr.kpi else None
        spark = sparkline(
            points,
            target=kr.target if kr.kind == "numeric" else kr.threshold,
            start=kr.start,
            span=(cycle.start, cycle.end) if cycle else None,
            green=source.green if source else None,
            red=source.red if source else None,
            direction=source.direction if source else "up",
            unit=kr.unit,
        )
    return KeyResultRow(
        kr=kr,
        anchor=view.anchors.key_result(o.id, kr.id),
        active=kr.status == "active",
        progress=ks.progress,
        grade=ks.grade,
        status=ks.status,
        current=ks.current,
        ratio=ks.ratio,
        beyond_target=ks.ratio is not None and ks.ratio > 1.0 + 1e-9,
        milestones_done=sum(1 for m in kr.milestones if m.done),
        rollup_count=len(counted),
        kpi=kpi,
        from_kpi=kpi is not None and ks.current_source in ("kpi", None),
        aligned=aligned,
        spark=spark,
        spark_from_kpi=spark is not None and spark_from_kpi,
        done=kr.kind == "boolean" and scored_done(kr, ks.current, ks.current_source),
        # ks.expected is the objective's expected progress, which the key
        # result's status was judged against (okrsite.scoring)
        pace_places=pace_places(ks.progress, ks.expected, ks.status, view.scored.settings),
        expected=ks.expected if ks.status in PACE_STATUSES else None,
        current_places=places_beside(ks.current, (kr.start, kr.target, kr.threshold)),
    )
