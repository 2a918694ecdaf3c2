"""The cycle page as a quarterly scorecard: core's figures dressed for the theme.

:func:`okrsite.scorecard.scorecard` computes the scorecard once (the same
record ``api/cycles/<cycle>.json`` and ``.csv`` are written from); this
module only turns its ids into links and titles and orders its parts, so the
page and the data files can never disagree. The markup is the theme's
(``partials/scorecard_*.html``, see docs/themes.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from okrsite.cycle_figures import Figures
from okrsite.limit_places import DEFAULT_PLACES, kpi_value_places, places_beside
from okrsite.model import Cycle, Grade, Health, Trend, TrendMeaning
from okrsite.scorecard import Scorecard, Tally, scorecard
from okrsite.scoring import scored_done, success_level
from okrsite.scoring_pace import pace_places
from okrsite.view.view_model import Link, ViewModel

__all__ = ["KPIRow", "LeastMovedRow", "ScorecardView", "TallyRow", "scorecard_view"]


@dataclass(frozen=True, slots=True)
class TallyRow:
    """One group's line of the scorecard (all objectives, a commitment, a team).

    ``progress``/``expected`` are ``None`` when no objective of the group
    counts (drafts and dropped ones count nowhere).
    """

    link: Link | None
    objectives: int
    counted: int
    #: ``None`` before the cycle has started (its page then shows no scorecard)
    achieved: int | None
    missed: int | None
    progress: float | None
    expected: float | None
    grade: Grade | None
    grades: Mapping[Grade, int]
    #: the progress a commitment's objectives must reach (1.0 or aspirational_success)
    success: float | None = None
    #: a team's row: its progress with its sub-teams' objectives rolled up (the
    #: Teams index's figure), beside its own objectives' ``progress``
    with_sub_teams: float | None = None


@dataclass(frozen=True, slots=True)
class LeastMovedRow:
    """A key result that moved least in its cycle, as the scorecard lists it."""

    objective: Link
    #: the key result's title and its anchor on the objective's page
    key_result: Link
    progress: float
    current: float | None
    target: float | None
    unit: str
    checkins: int
    #: the key result's kind (``boolean``: a yes/no one reads "done" or "not
    #: done", as its objective's key-result table writes it)
    kind: str = "numeric"
    #: a yes/no key result is done (:func:`okrsite.scoring.boolean_done`)
    done: bool = False
    #: the decimals of ``current`` beside its start and target, as its
    #: objective's key-result row writes it (:func:`okrsite.limit_places.places_beside`)
    current_places: int = DEFAULT_PLACES
    #: the decimals of ``progress``, as its row on its objective's page
    #: writes it (:func:`okrsite.scoring_pace.pace_places`: "34.97%" at risk,
    #: never "35%"); the default theme passes it to ``percent_at``
    pace_places: int = 0


@dataclass(frozen=True, slots=True)
class KPIRow:
    """A KPI's row on the scorecard: value, health and trend at the cycle's end."""

    kpi: Link
    value: float | None
    unit: str
    date: date | None
    health: Health
    trend_meaning: TrendMeaning | None
    #: the KPI is stale today (its scored ``stale``): shown only while the
    #: cycle runs, when the row's health is today's
    stale: bool = False
    #: the decimals of its value beside the KPI's thresholds and target
    #: (:func:`okrsite.limit_places.kpi_value_places`), as its page writes it
    value_places: int = DEFAULT_PLACES
    #: the way its value last moved (up, down, flat; none with one value),
    #: for ``partials/trend.html`` as the KPI's other places call it
    trend: Trend | None = None


@dataclass(frozen=True, slots=True)
class ScorecardView:
    """A cycle's scorecard as its page shows it: links and figures, no computing."""

    cycle: Cycle
    as_of: date
    #: the cycle has ended (else the page is a preview at today's progress)
    final: bool
    total: TallyRow
    #: committed, then aspirational (each with its success level)
    commitment: tuple[tuple[str, TallyRow], ...]
    teams: tuple[TallyRow, ...]
    least_moved: tuple[LeastMovedRow, ...]
    kpis: tuple[KPIRow, ...]


def _row(t: Tally, link: Link | None = None, success: float | None = None) -> TallyRow:
    f: Figures = t.figures
    return TallyRow(
        link,
        len(f.objectives),
        f.counted,
        t.achieved,
        t.missed,
        f.progress,
        f.expected,
        f.grade if t.achieved is not None else None,  # no grade before the first day
        dict(t.grades),
        success,
    )


def scorecard_view(view: ViewModel, cycle: str, card: Scorecard | None = None) -> ScorecardView:
    """The scorecard of ``cycle`` as the cycle page shows it (``card``: the
    scorecard of ``view.scored``, if it was worked out already)."""
    scored = view.scored
    p = scored.portfolio
    if card is None:
        card = scorecard(scored, cycle)
    teams = []
    for tid in view.teams_sorted(card.teams):  # by name, as every list of teams
        row = _row(card.teams[tid], view.team(tid))
        teams.append(replace(row, with_sub_teams=card.teams_rolled_up[tid].progress))
    least = []
    for m in card.least_moved:
        kr = p.objectives[m.objective].key_result(m.key_result)
        assert kr is not None
        url = view.url("objective", m.objective)
        ks = scored.objectives[m.objective].key_results[kr.id]
        least.append(
            LeastMovedRow(
                Link(m.objective, p.objectives[m.objective].title, url),
                Link(kr.id, kr.title, f"{url}#{view.anchors.key_result(m.objective, kr.id)}"),
                m.progress,
                m.current,
                m.target,
                kr.unit or "",
                m.checkins,
                kr.kind,
                kr.kind == "boolean" and scored_done(kr, ks.current, ks.current_source),
                places_beside(m.current, (kr.start, kr.target, kr.threshold)),
                pace_places(ks.progress, ks.expected, ks.status, scored.settings),
            )
        )
    kpis = tuple(
        KPIRow(
            Link(k.kpi, p.kpis[k.kpi].title, view.url("kpi", k.kpi)),
            k.value,
            p.kpis[k.kpi].unit or "",
            k.date,
            k.health,
            k.trend_meaning,
            not card.final and k.kpi in scored.kpis and scored.kpis[k.kpi].stale,
            kpi_value_places(k.value, p.kpis[k.kpi].green, p.kpis[k.kpi].red, p.kpis[k.kpi].target),
            k.trend,
        )
        for k in card.kpis
    )
    return ScorecardView(
        cycle=card.cycle,
        as_of=card.as_of,
        final=card.final,
        total=_row(card.total),
        commitment=tuple(
            (kind, _row(t, success=success_level(scored.settings, kind)))
            for kind, t in card.commitment.items()
        ),
        teams=tuple(teams),
        least_moved=tuple(least),
        kpis=kpis,
    )
