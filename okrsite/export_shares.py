"""The progress and expected progress an export writes, with the decimals that
keep them on the scorer's side of every threshold.

Exports write shares with 6 decimals, but scoring compares at 9
(:mod:`okrsite.scoring_compare`): 0.6999996 is yellow, yet written ``0.7``
it reads green by the documented bands, and 0.9999996 of a missed objective
written ``1`` reads achieved. A BI tool that recomputes ``grade``, ``status``
or ``achieved`` from the figures beside them must get the exported verdicts,
as a reader of the pages does (they choose their decimals the same way:
:func:`okrsite.scoring_pace.pace_places`). So a share gets the fewest
decimals from 6 up to 9 at which, written, it stands on the same side as the
scored figure of the grade bands (0.4, 0.7), of 1, of the success level,
and for a running objective or key result of the on-track and at-risk limits
of its gap to expected. Ordinary figures keep their 6 decimals; computed
once here for ``api/portfolio.json``, both CSVs, the cycle exports and
``okrsite export``.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrsite import numbers
from okrsite.model import ObjectiveScore, Settings, Status
from okrsite.scoring_compare import for_comparison
from okrsite.scoring_pace import PACE_STATUSES, pace_status, reached
from okrsite.scoring_progress import grade_for

#: the decimals of a share in every export, unless a threshold needs more
EXPORT_PLACES = 6
#: the decimals scoring compares at: written with these a share reads as scored
MOST_PLACES = 9

Number = float | int | None


@dataclass(frozen=True, slots=True)
class WrittenShares:
    """An objective's shares as its export records write them."""

    progress: Number
    expected: Number
    #: each key result's progress, by id
    key_results: dict[str, Number]


Sides = tuple[str, bool, bool, str | None]


def _sides(
    progress: float, expected: float, status: Status, success: float, settings: Settings | None
) -> Sides:
    """Where ``progress`` stands against every threshold a verdict was drawn
    from: its grade band, 1, the success level, and (running, with
    ``settings``) the pace limits of its gap to ``expected``."""
    pace = None
    if settings is not None and status in PACE_STATUSES:
        pace = pace_status(progress, expected, settings)
    return (grade_for(progress), for_comparison(progress) >= 1.0, reached(progress, success), pace)


def _progress_places(
    progress: float, expected: Number, status: Status, success: float, settings: Settings | None
) -> int | None:
    """The fewest decimals (6..9) at which ``progress``, written beside the
    written ``expected``, stands where the scored pair stands; none if even
    9 do not (the written expected itself crosses a limit)."""
    written_expected = 0.0 if expected is None else float(expected)
    scored = _sides(progress, written_expected, status, success, settings)
    if scored[3] is not None:
        # the pace verdict is the scorer's, drawn from the unrounded pair
        scored = (*scored[:3], status)
    for places in range(EXPORT_PLACES, MOST_PLACES + 1):
        written = numbers.json_number(progress, places)
        shown = 0.0 if written is None else float(written)
        if _sides(shown, written_expected, status, success, settings) == scored:
            return places
    return None


def _share(value: float, places: int | None) -> Number:
    return numbers.json_number(value, MOST_PLACES if places is None else places)


def written_shares(score: ObjectiveScore, settings: Settings) -> WrittenShares:
    """Progress and expected of an objective and its key results as its
    export writes them: expected with the fewest decimals (6..9) beside which
    every progress finds decimals that tell its verdicts."""
    pairs = [(score.progress, score.status)] + [
        (kr.progress, kr.status) for kr in score.key_results.values()
    ]
    for places in range(EXPORT_PLACES, MOST_PLACES + 1):
        expected = numbers.json_number(score.expected, places)
        found = [
            _progress_places(p, expected, status, score.success, settings) for p, status in pairs
        ]
        if all(f is not None for f in found) or places == MOST_PLACES:
            break
    return WrittenShares(
        progress=_share(score.progress, found[0]),
        expected=expected,
        key_results={
            kid: _share(kr.progress, f)
            for (kid, kr), f in zip(score.key_results.items(), found[1:], strict=True)
        },
    )


class SharesOf:
    """Each objective's :func:`written_shares` under one portfolio's
    ``settings``, worked out once however many exports write them: a build
    writes them into ``api/portfolio.json``, both CSVs and the cycle's JSON
    and CSV (its least moved key results too), and working them out twice
    cost a quarter of a second at 10,000 objectives. Held by score (compared
    by identity, kept alive here so its id stays its own): a rescored
    objective is a new score, so no answer outlives what it was worked out
    from. One lives for one build's site-wide files."""

    __slots__ = ("_settings", "_found")

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._found: dict[int, tuple[ObjectiveScore, WrittenShares]] = {}

    def __call__(self, score: ObjectiveScore) -> WrittenShares:
        hit = self._found.get(id(score))
        if hit is not None and hit[0] is score:
            return hit[1]
        shares = written_shares(score, self._settings)
        self._found[id(score)] = (score, shares)
        return shares


def graded_share(progress: float | None) -> Number:
    """A share written beside a grade alone (a scorecard's overall progress):
    the fewest decimals (6..9) that keep it in its colour band and below 1
    when under it; ``None`` stays ``None`` (nothing counted)."""
    if progress is None:
        return None
    return _share(progress, _progress_places(progress, None, "done", 1.0, None))
