""" "Explain this score": the numbers behind an objective's progress and status.

The wording is the theme's (``objective.html`` and ``partials/explain_row.html``
compose it, so it can be translated); this module hands it the numbers,
each read from the scored portfolio: the progress of every key result (or
aligned objective) with what it was computed from, the weighted mean, the
expected progress and how far behind it the objective is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from okrsite.model import Cycle, KeyResult, KRScore, Objective, ObjectiveScore, Settings
from okrsite.view.view_model import Link, ViewModel

__all__ = ["ExplainLine", "Explanation", "explain"]


@dataclass(frozen=True, slots=True)
class ExplainLine:
    """How one key result's (or aligned objective's) progress came about.

    ``case`` names the rule: ``score`` (graded by hand), ``no-current``,
    ``progress`` (a numeric key result without start or target),
    ``start-is-target``, ``numeric``, ``milestones``, ``boolean``,
    ``stay_above``, ``stay_below``, ``rollup`` (``terms`` holds the aligned
    objectives' (weight, progress) pairs) or ``child`` (an aligned objective
    of an objective without key results, ``child`` links to it).
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


@dataclass(frozen=True, slots=True)
class Explanation:
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


def _line(view: ViewModel, o: Objective, kr: KeyResult, ks: KRScore) -> ExplainLine:
    def make(case: str, **numbers: Any) -> ExplainLine:
        return ExplainLine(case, kr.title, ks.progress, kr.weight, ks.counted, **numbers)

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
        return make("boolean", holds=bool(kr.done))
    if kr.kind in ("stay_above", "stay_below"):
        return make(
            kr.kind,
            current=ks.current,
            threshold=kr.threshold,
            holds=ks.progress >= 1.0,
        )
    kids = [i for i in view.scored.kr_children.get(f"{o.id}#{kr.id}", ()) if i in view.scores]
    terms = tuple((view.objectives[i].weight, view.scores[i].progress) for i in kids)
    return make("rollup", terms=terms)


def explain(view: ViewModel, o: Objective, s: ObjectiveScore) -> Explanation:
    """This objective's score as the formula with its own numbers."""
    lines: list[ExplainLine] = []
    terms: list[tuple[float, float]] = []
    for kr in o.key_results:
        ks = s.key_results.get(kr.id)
        if ks is None:
            continue
        lines.append(_line(view, o, kr, ks))
        if ks.counted:
            terms.append((kr.weight, ks.progress))
    source = "key results"
    if not o.key_results:
        source = "aligned objectives"
        for cid in view.scored.children.get(o.id, ()):
            cs, co = view.scores.get(cid), view.objectives.get(cid)
            if cs is None or co is None or co.status != "active":
                continue
            terms.append((co.weight, cs.progress))
            child = Link(cid, co.title, view.url("objective", cid))
            lines.append(ExplainLine("child", co.title, cs.progress, co.weight, True, child))
    return Explanation(
        tuple(lines),
        source,
        tuple(terms),
        sum(w for w, _ in terms),
        s,
        s.behind,
        view.index.cycles.get(o.cycle),
        view.scored.settings,
    )
