""" "Explain this score": the numbers behind an objective's progress and status.

The wording is the theme's (``objective.html`` and ``partials/explain_row.html``
compose it, so it can be translated); this module hands it the numbers,
each read from the scored portfolio: the progress of every key result (or
aligned objective) with what it was computed from, the weighted mean, the
expected progress and how far behind it the objective is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from okrsite.attention import low_confidence, status_places
from okrsite.diff_scores import fewest_places
from okrsite.model import Cycle, KeyResult, KRScore, Objective, ObjectiveScore, Settings
from okrsite.numbers import format_fixed
from okrsite.scoring import (
    FORECAST_MIN_CHECKINS,
    FORECAST_MIN_SPAN,
    counts_in_rollup,
    fit_line,
    forecast_points,
    forecast_x,
    scored_done,
)
from okrsite.scoring_pace import forecast_basis
from okrsite.scoring_rollup import counts_in_objective
from okrsite.view.formatting import grade_places
from okrsite.view.view_model import Link, ViewModel

__all__ = [
    "ConfidenceExplain",
    "ExplainLine",
    "Explanation",
    "ForecastExplain",
    "StaleExplain",
    "explain",
]


@dataclass(frozen=True, slots=True)
class ExplainLine:
    """How one key result's (or aligned objective's) progress came about.

    ``case`` names the rule: ``score`` (graded by hand), ``no-current``,
    ``progress`` (a numeric key result without start or target),
    ``start-is-target``, ``numeric``, ``milestones``, ``boolean``,
    ``stay_above``, ``stay_below``, ``rollup`` (``terms`` holds the counted
    aligned objectives' (weight, progress) pairs and ``total_weight`` their
    weight sum, the divisor of the weighted mean) or ``child`` (an aligned
    objective of an objective without key results, ``child`` links to it).

    ``counted``: the line counts in this objective's progress (the mean the
    explanation works out); ``counts_nowhere``: that objective is a draft or
    dropped, so the line counts there and nowhere else (its page must not
    say a bare "yes" above "the objective is draft, so it counts nowhere").
    """

    case: str
    title: str
    progress: float
    weight: float
    counted: bool
    child: Link | None = None
    current: float | None = None
    start: float | None = None
    target: float | None = None
    threshold: float | None = None
    ratio: float | None = None
    clamped: bool = False
    done: int = 0
    total: int = 0
    holds: bool = False
    terms: tuple[tuple[float, float], ...] = ()
    total_weight: float = 0.0
    counts_nowhere: bool = False


@dataclass(frozen=True, slots=True)
class ForecastExplain:
    """The forecast's fitted line: ``progress = intercept + slope × day`` (day 0
    is the cycle's first day), read at the cycle's last day (``at``).

    ``points`` are (date, day, progress) of each check-in day it rests on;
    ``raw`` is the line's value there, ``value`` that value kept to 0..1 (the
    forecast shown). ``tentative`` when it rests on fewer than
    ``min_checkins`` days with a check-in (``days``: two check-ins of one day
    are one point of the line, so scoring counts them once, and the words
    must count what scoring counts; only ``cycle_checkin_days``, those inside
    the cycle, count toward the minimum) or their span within the cycle
    (``span_days`` of the cycle's ``cycle_days``) is under ``min_span`` of the cycle. ``checkins``
    is how many check-ins there are, which themes may still show. ``last_day`` when
    as_of is the cycle's last day: scoring gives the progress itself as the
    forecast then, not the line's reading.
    """

    points: tuple[tuple[date, float, float], ...]
    checkins: int
    slope: float
    intercept: float
    at: float
    raw: float
    value: float
    #: the line's value lay outside 0..1 and was kept within
    clamped: bool
    tentative: bool
    span_days: int
    cycle_days: int
    #: the fewest days with a check-in a forecast that is not tentative rests on
    min_checkins: int
    min_span: float
    last_day: bool = False
    #: the days with a check-in it rests on (one point of the line each)
    days: int = 0
    #: of those, the days inside the cycle: the ones the tentative test
    #: counts (a check-in from before the cycle is a point of the line, but
    #: neither counts nor stretches ``span_days``: scoring_pace.forecast_basis)
    cycle_checkin_days: int = 0
    #: the decimals ``intercept`` and ``slope`` are written with: four and
    #: five, or as many more as make the equation add up, as written, to
    #: ``raw`` written with three (:func:`equation_places`)
    intercept_places: int = 4
    slope_places: int = 5


def equation_places(intercept: float, slope: float, at: float, raw: float) -> tuple[int, int]:
    """The decimals of the fitted line's intercept and slope with which
    ``intercept + slope × at``, worked out from the figures as written, is
    ``raw`` as written (three decimals): a year's slope of 0.0013774 written
    0.00138 made "0.1468 + 0.00138 × 364 = 0.648", which works out to 0.649.
    Four and five where they do (a quarter's slope is larger, its days fewer)."""
    shown = format_fixed(raw, 3)
    for ip, sp in ((4, 5), (4, 6), (4, 7), (5, 7), (5, 8), (6, 9)):
        written = float(format_fixed(intercept, ip)) + float(format_fixed(slope, sp)) * at
        if format_fixed(written, 3) == shown:
            return ip, sp
    return 6, 9


@dataclass(frozen=True, slots=True)
class ConfidenceExplain:
    """The latest confidence, the check-in it comes from, and the
    ``low_confidence`` setting that puts an objective on the attention list."""

    value: float | None
    date: date | None
    #: the check-in's anchor on this page
    anchor: str | None
    threshold: float
    low: bool
    #: the cycle has ended: the value is the objective's last confidence
    over: bool = False
    #: the check-in it comes from is dated after the cycle's last day
    after_end: bool = False


@dataclass(frozen=True, slots=True)
class StaleExplain:
    """When the objective was last checked in and what makes it stale."""

    last: date | None
    days: int | None
    threshold: int
    grace_days: int
    #: the rule applies: the objective is active and its cycle runs at as_of
    applies: bool
    stale: bool


@dataclass(frozen=True, slots=True)
class Explanation:
    """The numbers an explanation of a progress figure shows, for the templates to word."""

    lines: tuple[ExplainLine, ...]
    #: "key results" or "aligned objectives": what the mean is taken over
    source: str
    #: the (weight, progress) pairs of the weighted mean, and their weight sum
    terms: tuple[tuple[float, float], ...]
    total_weight: float
    score: ObjectiveScore
    behind: float
    cycle: Cycle | None
    settings: Settings
    #: how many check-ins the objective has up to as_of
    checkins: int = 0
    forecast: ForecastExplain | None = None
    confidence: ConfidenceExplain | None = None
    stale: StaleExplain | None = None
    #: the cycle ended before as_of: no forecast is shown (it would forecast
    #: an end already reached), and the confidence is the last one
    cycle_over: bool = False
    #: the decimals the steps write ratios with (progress, expected,
    #: behind): 3, or as many more as make each comparison they state read
    #: true ("0.1503 > 0.15", "0.6996 < 0.7", never "0.15 > 0.15" or
    #: "0.7 < 0.7"; :func:`explain_places`)
    places: int = 3


def _forecast(
    s: ObjectiveScore, cycle: Cycle, checkins: int, as_of: date
) -> ForecastExplain | None:
    """The line behind ``s.forecast``, from the same points scoring fitted."""
    if s.forecast is None:
        return None
    points = forecast_points(s.history, cycle)
    line = fit_line(points)
    if line is None:
        return None
    at = forecast_x(cycle)
    basis = forecast_basis([d for d, _ in s.history], cycle)
    places = equation_places(line.intercept, line.slope, at, line.at(at))
    return ForecastExplain(
        points=tuple((d, x, y) for (d, _), (x, y) in zip(s.history, points, strict=True)),
        checkins=checkins,
        slope=line.slope,
        intercept=line.intercept,
        at=at,
        raw=line.at(at),
        value=s.forecast,
        clamped=abs(line.at(at) - s.forecast) > 1e-9,
        tentative=s.forecast_tentative,
        span_days=basis.span_days,
        cycle_days=basis.cycle_days,
        min_checkins=FORECAST_MIN_CHECKINS,
        min_span=FORECAST_MIN_SPAN,
        last_day=as_of >= cycle.end,
        days=len(s.history),
        cycle_checkin_days=basis.days,
        intercept_places=places[0],
        slope_places=places[1],
    )


def _confidence_and_stale(
    view: ViewModel, o: Objective, s: ObjectiveScore, cycle: Cycle | None
) -> tuple[ConfidenceExplain, StaleExplain]:
    settings = view.scored.settings
    past = view.index.checkins_by_objective.get(o.id, [])
    latest = next((c for c in reversed(past) if c.confidence is not None), None)
    confidence = ConfidenceExplain(
        s.confidence,
        latest.date if latest else None,
        view.anchors.checkin(latest.id) if latest else None,
        settings.low_confidence,
        low_confidence(s, settings),
        view.cycle_over(o.cycle),
        latest is not None
        and o.cycle in view.scored.portfolio.cycles
        and latest.date > view.scored.portfolio.cycles[o.cycle].end,
    )
    as_of = view.scored.as_of
    stale = StaleExplain(
        s.last_checkin,
        (as_of - s.last_checkin).days if s.last_checkin else None,
        settings.stale_after_days,
        # the rule in force: one setting for both (scoring's is_stale), so a
        # site with stale_after_days = 7 is not told of a grace of 14
        settings.stale_after_days,
        o.status == "active" and cycle is not None and cycle.contains(as_of),
        s.stale,
    )
    return confidence, stale


def _line(view: ViewModel, o: Objective, kr: KeyResult, ks: KRScore) -> ExplainLine:
    def make(case: str, **numbers: Any) -> ExplainLine:
        counted = counts_in_objective(kr)
        nowhere = counted and not counts_in_rollup(o)  # a draft's or dropped one's own mean
        return ExplainLine(
            case, kr.title, ks.progress, kr.weight, counted, counts_nowhere=nowhere, **numbers
        )

    if kr.score is not None or ks.current_source == "score":
        return make("score")
    if kr.kind == "numeric":
        if ks.current is None:
            return make("no-current")
        if kr.start is None or kr.target is None:
            return make("progress")
        if kr.start == kr.target:
            return make("start-is-target", current=ks.current, target=kr.target)
        raw = ks.ratio if ks.ratio is not None else ks.progress
        return make(
            "numeric",
            current=ks.current,
            start=kr.start,
            target=kr.target,
            ratio=raw,
            clamped=abs(raw - ks.progress) > 1e-9,
        )
    if kr.kind == "milestones":
        done = sum(1 for m in kr.milestones if m.done)
        return make("milestones", done=done, total=len(kr.milestones))
    if kr.kind == "boolean":
        return make("boolean", holds=scored_done(kr, ks.current, ks.current_source))
    if kr.kind in ("stay_above", "stay_below"):
        return make(
            kr.kind,
            current=ks.current,
            threshold=kr.threshold,
            holds=ks.progress >= 1.0,
        )
    # the objectives scoring averages: the active ones (drafts and dropped
    # ones count nowhere), each by its weight
    kids = [
        i
        for i in view.scored.kr_children.get(f"{o.id}#{kr.id}", ())
        if i in view.scores and counts_in_rollup(view.objectives[i])
    ]
    terms = tuple((view.objectives[i].weight, view.scores[i].progress) for i in kids)
    return make("rollup", terms=terms, total_weight=sum(w for w, _ in terms))


def explain(view: ViewModel, o: Objective, s: ObjectiveScore) -> Explanation:
    """This objective's score as the formula with its own numbers."""
    lines: list[ExplainLine] = []
    terms: list[tuple[float, float]] = []
    for kr in o.key_results:
        ks = s.key_results.get(kr.id)
        if ks is None:
            continue
        lines.append(_line(view, o, kr, ks))
        if counts_in_objective(kr):
            terms.append((kr.weight, ks.progress))
    source = "key results"
    if not any(counts_in_objective(kr) for kr in o.key_results):
        # as scoring does: with no key result counted (none, or all dropped
        # or draft), the objective takes its aligned objectives' mean
        source = "aligned objectives"
        lines, terms = [], []
        for cid in view.scored.children.get(o.id, ()):
            cs, co = view.scores.get(cid), view.objectives.get(cid)
            if cs is None or co is None or not counts_in_rollup(co):
                continue
            terms.append((co.weight, cs.progress))
            child = Link(cid, co.title, view.url("objective", cid))
            lines.append(
                ExplainLine(
                    "child",
                    co.title,
                    cs.progress,
                    co.weight,
                    True,
                    child,
                    counts_nowhere=not counts_in_rollup(o),
                )
            )
    cycle = view.index.cycles.get(o.cycle)
    over = view.cycle_over(o.cycle)
    checkins = len(view.index.checkins_by_objective.get(o.id, []))
    confidence, stale = _confidence_and_stale(view, o, s, cycle)
    return Explanation(
        tuple(lines),
        source,
        tuple(terms),
        sum(w for w, _ in terms),
        s,
        s.behind,
        cycle,
        view.scored.settings,
        checkins,
        _forecast(s, cycle, checkins, view.scored.as_of)
        if cycle is not None and not over
        else None,
        confidence,
        stale,
        over,
        explain_places(s, view.scored.settings),
    )


#: the decimals an explanation writes a ratio with when they tell it apart
EXPLAIN_PLACES = 3


def explain_places(s: ObjectiveScore, settings: Settings) -> int:
    """The decimals "Explain this score" writes its ratios with, so that each
    comparison it states reads true, as the attention list's points behind
    do (:func:`okrsite.attention.status_places`): an objective 0.1503 behind
    is at risk, "0.1503 > 0.15", never "0.15 > 0.15"; one that ended at
    0.6996 missed, "0.6996 < 0.7", never "0.7 < 0.7"; one at 0.99996 not
    done is not written as 1; one graded red at 0.3996 is not written 0.4
    (:func:`~okrsite.view.formatting.grade_places`). Three when three tell it."""
    points = status_places(s, settings)
    places = max(EXPLAIN_PLACES, points + 2)

    def shown(places: int) -> float:
        return float(format_fixed(s.progress, places))

    if s.status in ("achieved", "missed"):
        achieved = s.status == "achieved"
        places = max(places, fewest_places(lambda p: (shown(p) >= s.success) is achieved, 9))
    places = max(places, grade_places(s.progress))  # "0.3996 red" in the last step too
    if s.status != "done" and s.progress < 1:
        places = max(places, _under_one_places(s.progress))
    # a key result's row and the weighted mean list each one's progress: one
    # at 0.999967 is not done, never "= 1"; one at 0.6999996 is yellow, as
    # its row's grade says, never "= 0.7" (the pages' rule: grade_places)
    for kr in s.key_results.values():
        places = max(places, grade_places(kr.progress))
        for figure in (kr.progress, kr.ratio):
            if figure is not None and 0 < figure < 1 and round(figure, 9) < 1:
                places = max(places, _under_one_places(figure))
    return places


def _under_one_places(figure: float) -> int:
    """The fewest decimals (up to 9) that keep ``figure`` < 1 from reading 1."""
    return fewest_places(lambda p: float(format_fixed(figure, p)) < 1, 9)
