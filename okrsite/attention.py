"""The attention list: the objectives of a cycle that need help this week.

A manager opening the dashboard wants the few objectives to talk about, not
a count. An active objective is listed when it is off track or at risk, when
it is stale, or when its latest confidence is at or below the
``low_confidence`` setting, each time with the reasons and the figures behind
them, so a page can say *why* without deciding anything itself. Pure: reads
a :class:`ScoredPortfolio`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from okrsite.model import ObjectiveScore, ScoredPortfolio, Settings
from okrsite.scoring import at_most

ReasonKind = Literal["off-track", "at-risk", "stale", "low-confidence"]
#: the order of reasons, worst first; the list sorts by an objective's worst reason
REASON_ORDER: tuple[ReasonKind, ...] = ("off-track", "at-risk", "stale", "low-confidence")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why an objective is on the list, with the figure that says so.

    ``behind`` (expected − progress) for off-track and at-risk; ``days`` since
    the last check-in for stale (``None``: no check-in yet); ``confidence``
    for low confidence.
    """

    kind: ReasonKind
    behind: float | None = None
    days: int | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """An objective on the dashboard's needs-attention list, with every reason it is there."""

    objective: str
    reasons: tuple[Reason, ...]
    last_checkin: date | None


def low_confidence(s: ObjectiveScore, settings: Settings) -> bool:
    """The objective's latest confidence is at or below ``low_confidence`` while
    it still runs (a done or finished objective's confidence no longer matters)."""
    return (
        s.confidence is not None
        and s.status not in ("done", "achieved", "missed", "upcoming")
        and at_most(s.confidence, settings.low_confidence)
    )


def attention_list(scored: ScoredPortfolio, cycle: str) -> list[AttentionItem]:
    """The objectives of ``cycle`` that need attention as of ``scored.as_of``,
    worst first (by worst reason, then most behind, then id)."""
    settings = scored.settings
    items: list[tuple[tuple[int, float, str], AttentionItem]] = []
    for oid, obj in scored.portfolio.objectives.items():
        if obj.cycle != cycle or obj.status != "active":
            continue
        s = scored.objectives[oid]
        reasons: list[Reason] = []
        if s.status in ("off-track", "at-risk"):
            reasons.append(Reason(s.status, behind=s.behind))
        if s.stale:
            days = (scored.as_of - s.last_checkin).days if s.last_checkin else None
            reasons.append(Reason("stale", days=days))
        if low_confidence(s, settings):
            reasons.append(Reason("low-confidence", confidence=s.confidence))
        if reasons:
            worst = min(REASON_ORDER.index(r.kind) for r in reasons)
            item = AttentionItem(oid, tuple(reasons), s.last_checkin)
            items.append(((worst, -round(s.behind, 9), oid), item))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]
