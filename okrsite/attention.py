"""The attention list: the objectives of the running cycles that need help this week.

A manager opening the dashboard wants the few objectives to talk about, not
a count. An active objective is listed when it is off track or at risk, when
it is stale, or when its latest confidence is at or below the
``low_confidence`` setting, each time with the reasons and the figures behind
them, so a page can say *why* without deciding anything itself. Pure: reads
a :class:`ScoredPortfolio`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Literal

from okrsite import numbers
from okrsite.diff_scores import fewest_places
from okrsite.display_order import title_order
from okrsite.model import ObjectiveScore, ScoredPortfolio, Settings
from okrsite.scoring import at_most
from okrsite.scoring_pace import pace_places

ReasonKind = Literal["off-track", "at-risk", "stale", "low-confidence"]
#: the order of reasons, worst first; the list sorts by an objective's worst reason
REASON_ORDER: tuple[ReasonKind, ...] = ("off-track", "at-risk", "stale", "low-confidence")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why an objective is on the list, with the figure that says so.

    ``behind`` (expected − progress) for off-track and at-risk, with
    ``places``: the decimals its percentage points are written with
    (:func:`behind_places`, so that "15.1 points behind" stands past the
    on-track limit of 15 that made it at risk); ``days`` since the last
    check-in for stale (``None``: no check-in yet); ``confidence`` for low
    confidence.
    """

    kind: ReasonKind
    behind: float | None = None
    days: int | None = None
    confidence: float | None = None
    places: int = 0


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """An objective on the dashboard's needs-attention list, with every reason it is there."""

    objective: str
    reasons: tuple[Reason, ...]
    last_checkin: date | None


#: the most decimals of percentage points: scores carry 9 decimals of a ratio
_MOST_PLACES = 7


def behind_places(behind: float, above: float, at_most_limit: float | None = None) -> int:
    """How many decimals "N points behind" needs so that N, as written
    (halves rounded up, :func:`okrsite.numbers.format_fixed`), stands on the
    side of the limits its status says: past ``above`` (the on-track limit
    for at risk, the at-risk limit for off track) and, for at risk, not past
    ``at_most_limit``. Whole points when they show it (20 > 15), else the
    fewest decimals that do (0.150725 behind a limit of 0.15: 15.1, never
    "15"): the rule :func:`okrsite.diff_scores.fewest_places` keeps for the
    diff report's moves. Every page that writes points behind beside a status
    takes its decimals from here (:class:`Reason`'s ``places``).
    """
    low = round(above * 100, _MOST_PLACES)
    high = None if at_most_limit is None else round(at_most_limit * 100, _MOST_PLACES)

    def shows(places: int) -> bool:
        shown = float(numbers.format_fixed(behind * 100, places))
        return shown > low and (high is None or shown <= high)

    return fewest_places(shows, _MOST_PLACES)


def status_places(s: ObjectiveScore, settings: Settings) -> int:
    """The decimals of ``s``'s points behind that show the side of the limits
    its status stands on (:func:`behind_places`): past the at-risk limit for
    off track, between the limits for at risk, within the on-track limit for
    on track; 0 for any other status, which compares no limit. Never fewer
    than the progress and expected written beside them
    (:func:`okrsite.scoring_pace.pace_places`): beside "34.5%" and "expected
    50%" the gap reads 15.5 points, never 16, a third figure for one gap.
    And one decimal where whole points would differ from the gap between the
    whole percentages beside them: 0.4636 beside expected 0.6300 is 16.64
    behind, "46%" and "62%" beside it, and "17 points behind" read as a
    slip of the reader's sum (62 - 46 = 16); "16.6 points" says it is the
    gap between the unrounded figures."""
    if s.status == "off-track":
        points = behind_places(s.behind, settings.at_risk)
    elif s.status == "at-risk":
        points = behind_places(s.behind, settings.on_track, settings.at_risk)
    elif s.status == "on-track":
        points = behind_places(s.behind, -1.0, settings.on_track)
    else:
        return 0
    places = max(points, pace_places(s.progress, s.expected, s.status, settings))
    if places == 0 and numbers.percent(s.expected) - numbers.percent(s.progress) != int(
        numbers.format_fixed(s.behind * 100, 0)
    ):
        return 1
    return places


def reason_behind(s: ObjectiveScore, settings: Settings) -> Reason:
    """An off-track or at-risk objective's reason, its points behind with the
    decimals that show why (:func:`status_places`)."""
    kind: ReasonKind = "off-track" if s.status == "off-track" else "at-risk"
    return Reason(kind, s.behind, places=status_places(s, settings))


def low_confidence(s: ObjectiveScore, settings: Settings) -> bool:
    """The objective's latest confidence is at or below ``low_confidence`` while
    it still runs (a done or finished objective's confidence no longer matters)."""
    return (
        s.confidence is not None
        and s.status not in ("done", "achieved", "missed", "upcoming")
        and at_most(s.confidence, settings.low_confidence)
    )


def attention_list(scored: ScoredPortfolio, cycles: str | Collection[str]) -> list[AttentionItem]:
    """The active objectives of ``cycles`` (one name or several: the dashboard
    passes every cycle running on as_of) that need attention as of
    ``scored.as_of``, worst first: by worst reason, then most behind, then by
    title as lists of objectives go (:func:`okrsite.display_order.title_order`),
    then id."""
    settings = scored.settings
    wanted = {cycles} if isinstance(cycles, str) else set(cycles)
    items: list[tuple[tuple[int, float, tuple[tuple[str | int, ...], str], str], AttentionItem]]
    items = []
    for oid, obj in scored.portfolio.objectives.items():
        if obj.cycle not in wanted or obj.status != "active":
            continue
        s = scored.objectives[oid]
        reasons: list[Reason] = []
        if s.status in ("off-track", "at-risk"):
            reasons.append(reason_behind(s, settings))
        if s.stale:
            days = (scored.as_of - s.last_checkin).days if s.last_checkin else None
            reasons.append(Reason("stale", days=days))
        if low_confidence(s, settings):
            reasons.append(Reason("low-confidence", confidence=s.confidence))
        if reasons:
            worst = min(REASON_ORDER.index(r.kind) for r in reasons)
            item = AttentionItem(oid, tuple(reasons), s.last_checkin)
            key = (worst, -round(s.behind, 9), title_order(obj.title), oid)
            items.append((key, item))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]
