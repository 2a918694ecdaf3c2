"""How an objective's figures moved between two scored portfolios, and why.

Progress, expected progress and status are compared per objective and key
result, and each objective's confidence (its latest check-in's, the one
``api/portfolio.json`` lists) and forecast, all as scoring worked them out
on each side (never recomputed here), rounded so float noise is no
change; each move is given its
causes (the objective was edited, a check-in or KPI changed, or only its
aligned objectives rolled up). Split from :mod:`okrsite.diff`, which passes
in what the other comparisons found.

:func:`percent_move` writes a move as the text and Markdown reports show it,
from the very figures the JSON lists: a move under one whole percent (the
expected line shifted by a day) gets the decimals that tell it apart, so a
listed objective never reads "54% → 54%" as if nothing had moved.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from okrsite import numbers
from okrsite.model import KRScore, ObjectiveScore, ScoredPortfolio, Settings, Status
from okrsite.scoring_pace import pace_places
from okrsite.scoring_rollup import counted_children

Cause = Literal["added", "removed", "edited", "check-in", "kpi", "roll-up", "settings"]

_PRECISION = 6  # progress differences below 1e-6 are float noise, not changes


@dataclass(frozen=True, slots=True)
class KRScoreChange:
    """How one key result's progress and status moved between two portfolios."""

    id: str
    progress_before: float | None
    progress_after: float | None
    status_before: Status | None
    status_after: Status | None
    #: the decimals each side's progress was written with on that side's
    #: pages (:func:`okrsite.scoring_pace.pace_places`: "34.5%" at risk)
    places_before: int = 0
    places_after: int = 0


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """An objective whose progress, expected progress, status, confidence or
    forecast changed (each as :class:`~okrsite.model.ObjectiveScore` has it on
    that side, the figures ``api/portfolio.json`` lists).

    ``causes`` says why: the objective itself was ``edited``, a ``check-in``
    for it changed, a ``kpi`` one of its key results reads changed, or only
    ``roll-up`` from aligned objectives its figure counts, ``settings`` when
    okrsite.toml moved its cycle's dates or the scoring settings (beside the
    others), or when none of these applies.
    """

    id: str
    title: str
    progress_before: float | None
    progress_after: float | None
    expected_before: float | None
    expected_after: float | None
    status_before: Status | None
    status_after: Status | None
    causes: tuple[Cause, ...]
    key_results: tuple[KRScoreChange, ...] = ()
    #: the objective's confidence, 0-10: its latest check-in's that gives one
    #: at as_of (``None``: no check-in gave one)
    confidence_before: float | None = None
    confidence_after: float | None = None
    #: the progress its check-ins point to at the cycle's end (``None``: fewer
    #: than two check-ins, or no trend to read)
    forecast_before: float | None = None
    forecast_after: float | None = None
    #: the decimals each side's progress was written with on that side's
    #: pages beside its expected (:func:`okrsite.scoring_pace.pace_places`):
    #: the diff writes each side so, "34.5% → 36%", never "35% at-risk"
    places_before: int = 0
    places_after: int = 0

    @property
    def expected_moved(self) -> bool:
        """Whether the expected progress moved (the objective's pace: its
        cycle's dates, its commitment, the success level), by the rule that
        lists the objective at all: float noise is no move."""
        return moved(self.expected_before, self.expected_after)

    @property
    def confidence_moved(self) -> bool:
        """Whether the objective's confidence moved (a check-in that gives one
        added, removed, edited, or another one now the latest)."""
        return moved(self.confidence_before, self.confidence_after)

    @property
    def forecast_moved(self) -> bool:
        """Whether the objective's forecast moved, float noise aside."""
        return moved(self.forecast_before, self.forecast_after)

    def with_causes(self, causes: tuple[Cause, ...]) -> ScoreChange:
        """The same figures, with ``causes`` as why they moved."""
        return replace(self, causes=causes)


def moved(before: float | None, after: float | None) -> bool:
    """Whether a figure moved, float noise (below 1e-6) aside."""
    return _rounded(before) != _rounded(after)


def _percent_at(x: float | None, places: int, pad: bool = True) -> str:
    """``x`` as a percentage with ``places`` decimals, trailing zeros kept
    when ``pad`` (:func:`percent_move` says when)."""
    if x is None:
        return "—"
    if places == 0 or abs(x * 100) >= numbers.MAX_PERCENT:
        return numbers.percent_text(x)
    return numbers.format_fixed(x * 100, places, pad=pad) + "%"


def _true_to(before: float, after: float, places: int) -> bool:
    """Whether two percentages written with ``places`` decimals show a move
    within half of their true move (as whole percentages: 0.6996 → 0.7004 is
    "69% → 70%", a point where the move was 0.08)."""
    true = (after - before) * 100
    if places == 0:
        shown = float(numbers.percent(after)) - float(numbers.percent(before))
    else:
        shown = float(numbers.format_fixed(after * 100, places)) - float(
            numbers.format_fixed(before * 100, places)
        )
    return abs(shown - true) <= abs(true) / 2


def fewest_places(shows: Callable[[int], bool], most: int = 4) -> int:
    """The fewest decimals, 0 to ``most``, with which a figure written
    ``shows`` what it must (``most`` when none does): the one rule that a
    move, or a gap past a limit, that whole numbers would hide is written
    with the decimals that show it. :func:`percent_move` asks it for two
    percentages that must differ; :func:`okrsite.attention.behind_places`
    for "points behind" that must stand past the limit the status crossed.
    """
    places = 0
    while places < most and not shows(places):
        places += 1
    return places


def percent_move(
    before: float | None,
    after: float | None,
    arrow: bool = True,
    percent_at: Callable[[float | None, int, bool], str] = _percent_at,
    places: tuple[int, int] = (0, 0),
) -> str:
    """``40% → 55% ▲``: a progress or expected progress before → after as the
    pages write percentages, with ▲/▼ when ``arrow`` and it rose or fell.

    A move the whole percentages hide (0.541 → 0.544 is "54%" both) is
    written with the fewest decimals that show it (``54.1% → 54.4% ▲``),
    both sides with as many, at most the four the JSON's six decimals of a
    fraction hold. "Show it" means the written move is within half of the
    true one: 0.749633 → 0.749394 is ``74.96% → 74.94%``, not ``75.0% →
    74.9%``, which reads five times the move it was.
    ``percent_at`` writes a ratio with so many decimals (another language's
    way: :meth:`okrsite.diff_words.Words.percent_move`).
    ``places`` are the decimals each side's pages wrote it with beside its
    expected (:func:`okrsite.scoring_pace.pace_places`); a side gets at
    least those, so it reads as that side's page did: 0.345 at risk is
    "34.5% → 36%", never "35% → 36%" beside "at-risk → on-track".

    ``percent_at(x, places, pad)`` keeps trailing zeros when ``pad``: the
    one rule of when is here, for every language. A side written with the
    move's decimals is padded, so both read alike ("54.0% → 54.4%"); one
    whose decimals come from its page's alone is written as that page wrote
    it, trailing zeros dropped ("24% → 30%" where the page says "24%" beside
    "expected 54.3%", not "24.0%").
    """
    move = 0
    if before is not None and after is not None and moved(before, after):
        b, a = before, after
        move = fewest_places(
            lambda p: percent_at(b, p, True) != percent_at(a, p, True) and _true_to(b, a, p)
        )
    before_places, after_places = max(move, places[0]), max(move, places[1])
    # padded only where the move's decimals are what it is written with
    before_text = percent_at(before, before_places, move > 0 and before_places == move)
    after_text = percent_at(after, after_places, move > 0 and after_places == move)
    text = f"{before_text} → {after_text}"
    if not arrow or before is None or after is None or not moved(before, after):
        return text
    delta: float = numbers.percent(after) - numbers.percent(before)
    if before_places or after_places:
        delta = (_rounded(after) or 0.0) - (_rounded(before) or 0.0)
    return text + (" ▲" if delta > 0 else " ▼" if delta < 0 else "")


# ------------------------------------------------------------------ scores
def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, _PRECISION)


#: an objective with these statuses counts nowhere: pages show its status and
#: no figure (docs/scoring.md, Grade), and so does the diff
_COUNTS_NOWHERE = frozenset({"draft", "dropped"})


def _figures(score: ObjectiveScore | None) -> ObjectiveScore | None:
    """An objective's figures as the diff compares them: none (``None``) for
    a draft or dropped objective, as pages show it with its status alone, so
    the drafts ``okrsite carry`` writes do not read "— → 0%, expected — →
    1%" as if they had scored; its status still shows."""
    return None if score is None or score.status in _COUNTS_NOWHERE else score


def _written_places(score: ObjectiveScore | KRScore | None, settings: Settings | None) -> int:
    """The decimals a side's pages wrote ``score``'s progress with beside its
    expected (:func:`okrsite.scoring_pace.pace_places`); 0 without a figure."""
    if score is None or settings is None:
        return 0
    return pace_places(score.progress, score.expected, score.status, settings)


def _score_change(
    oid: str,
    title: str,
    b: ObjectiveScore | None,
    h: ObjectiveScore | None,
    causes: tuple[Cause, ...],
    kr_renames: Mapping[str, str] | None = None,
    settings: tuple[Settings, Settings] | None = None,
) -> ScoreChange | None:
    """How ``oid``'s figures moved; ``None`` when they did not.

    Only the objective's own figures (progress, expected progress, status,
    confidence, forecast) list it; its key results' moves are shown with it
    then, whether they count or not (a dropped or weight-0 key result counts
    nowhere, so its move alone lists nothing).

    A renamed key result (``kr_renames``: head's id → base's) is compared
    with itself under its old id: a rename alone moves no figure, and the
    objective is not listed as if one key result had gone to "—" and
    another come from it.

    A draft or dropped objective has no figure on its side (:func:`_figures`):
    its own and its key results' progress, its expected, confidence and
    forecast read "—" there (``null`` in the JSON), its status does not, so a draft that
    changes only figures is not listed, and one set active reads
    ``— → 40%, draft → on-track``.

    ``settings`` (base's, head's) give each side's decimals
    (:func:`_written_places`).
    """
    b_settings, h_settings = settings or (None, None)
    kr_moves: list[KRScoreChange] = []
    b_fig, h_fig = _figures(b), _figures(h)
    b_krs = b.key_results if b else {}
    h_krs = h.key_results if h else {}
    renames = kr_renames or {}
    renamed_base = set(renames.values())
    if b is not None and h is not None:
        base_only = [k for k in b_krs if k not in h_krs and k not in renamed_base]
        for kr_id in dict.fromkeys([*h_krs, *base_only]):
            bk, hk = b_krs.get(renames.get(kr_id, kr_id)), h_krs.get(kr_id)
            move = KRScoreChange(
                kr_id,
                bk.progress if bk and b_fig else None,
                hk.progress if hk and h_fig else None,
                bk.status if bk else None,
                hk.status if hk else None,
                _written_places(bk if b_fig else None, b_settings),
                _written_places(hk if h_fig else None, h_settings),
            )
            if (_rounded(move.progress_before), move.status_before) != (
                _rounded(move.progress_after),
                move.status_after,
            ):
                kr_moves.append(move)
    change = ScoreChange(
        oid,
        title,
        b_fig.progress if b_fig else None,
        h_fig.progress if h_fig else None,
        b_fig.expected if b_fig else None,
        h_fig.expected if h_fig else None,
        b.status if b else None,
        h.status if h else None,
        causes,
        tuple(kr_moves),
        b_fig.confidence if b_fig else None,
        h_fig.confidence if h_fig else None,
        b_fig.forecast if b_fig else None,
        h_fig.forecast if h_fig else None,
        _written_places(b_fig, b_settings),
        _written_places(h_fig, h_settings),
    )
    # listed only when the objective's own figures moved: a key result's
    # move alone (a dropped or weight-0 one counts nowhere; counted ones that
    # cancel out leave the objective where it was) lists nothing, and is
    # shown beside the objective's when that is listed
    same = (
        _rounded(change.progress_before) == _rounded(change.progress_after)
        and not change.expected_moved
        and change.status_before == change.status_after
        and not change.confidence_moved
        and not change.forecast_moved
    )
    return None if same else change


def _score_changes(
    base: ScoredPortfolio,
    head: ScoredPortfolio,
    renames: Mapping[str, str],
    edited: set[str],
    checked_in: set[str],
    changed_kpis: set[str],
    kr_renames: Mapping[str, Mapping[str, str]] | None = None,
    unreadable: Collection[str] = frozenset(),
) -> tuple[ScoreChange, ...]:
    """``unreadable``: objectives missing on one side only because their file
    has errors there; their figures moved because their file was ``edited``
    (into errors, or out of them), not because they were added or removed."""
    pending: dict[str, tuple[ObjectiveScore | None, ObjectiveScore | None, str]] = {}
    renamed_base = set(renames.values())
    for oid, h in head.objectives.items():
        b = base.objectives.get(renames.get(oid, oid))
        pending[oid] = (b, h, head.portfolio.objectives[oid].title)
    for oid, gone in base.objectives.items():
        if oid not in head.objectives and oid not in renamed_base:
            pending[oid] = (gone, None, base.portfolio.objectives[oid].title)

    def direct(oid: str) -> list[Cause]:
        b, h, _ = pending[oid]
        if (b is None or h is None) and oid in unreadable:
            return ["edited"]
        if b is None:
            return ["added"]
        if h is None:
            return ["removed"]
        causes: list[Cause] = []
        if oid in edited:
            causes.append("edited")
        if oid in checked_in:
            causes.append("check-in")
        obj = head.portfolio.objectives[oid]
        if any(kr.kpi in changed_kpis for kr in obj.key_results if kr.kpi):
            causes.append("kpi")
        return causes

    out: list[ScoreChange] = []
    changed: dict[str, ScoreChange] = {}
    for oid, (before, after, title) in pending.items():
        change = _score_change(
            oid,
            title,
            before,
            after,
            (),
            (kr_renames or {}).get(oid),
            (base.settings, head.settings),
        )
        if change is not None:
            changed[oid] = change
    for oid, change in changed.items():
        causes = direct(oid)
        both = change.progress_before is not None and change.progress_after is not None
        if both and _rolled_up(oid, base, head, renames, changed):
            causes.append("roll-up")
        if not causes or (both and _paced_by_settings(oid, base, head, renames)):
            causes.append("settings")
        out.append(change.with_causes(tuple(causes)))
    return tuple(sorted(out, key=lambda c: c.id))


def _rolled_up(
    oid: str,
    base: ScoredPortfolio,
    head: ScoredPortfolio,
    renames: Mapping[str, str],
    changed: Collection[str],
) -> bool:
    """Whether what ``oid``'s aligned objectives give its roll-up changed
    (``oid`` and ``renames``: head's ids; ``renames`` maps them to base's).

    A child whose own figures moved (``changed``), and also one that joined
    or left (added, removed, or re-parented to or away from ``oid``), or
    whose ``weight:`` or ``parent:`` (another key result of ``oid``) changed:
    each moves the weighted mean the parent's score is made of, so the
    parent moved by its roll-up, not by "settings". Only children its
    figure counts (:func:`~okrsite.scoring_rollup.counted_children`): a
    parent with counted key results of its own that are no roll-ups is not
    moved by its children at all.
    """
    base_id = renames.get(oid, oid)
    to_head = {b: h for h, b in renames.items()}
    h_obj, b_obj = head.portfolio.objectives.get(oid), base.portfolio.objectives.get(base_id)
    if h_obj is None or b_obj is None:
        return False
    # only the children its figure counts (none beside counted key results
    # of its own that are no roll-ups): a child's move elsewhere moves nothing
    h_kids = counted_children(h_obj, head.children, head.kr_children)
    b_kids = {to_head.get(k, k) for k in counted_children(b_obj, base.children, base.kr_children)}
    if h_kids != b_kids or any(kid in changed for kid in h_kids):
        return True
    for kid in h_kids:
        h, b = (
            head.portfolio.objectives.get(kid),
            base.portfolio.objectives.get(renames.get(kid, kid)),
        )
        if h is None or b is None:
            return True
        if (
            h.weight != b.weight
            or (h.parent or "").partition("#")[2] != (b.parent or "").partition("#")[2]
        ):
            return True
    return False


def _paced_by_settings(
    oid: str, base: ScoredPortfolio, head: ScoredPortfolio, renames: Mapping[str, str]
) -> bool:
    """Whether ``okrsite.toml`` moved ``oid``'s pace: its cycle (same name
    on both sides) has other dates (``fiscal_year_start``, a ``[cycles]``
    table), or the scoring settings changed. Said beside the other causes,
    so a parent whose expected progress moved with a new fiscal year does
    not read as moved by its children alone."""
    h = head.portfolio.objectives.get(oid)
    b = base.portfolio.objectives.get(renames.get(oid, oid))
    if h is None or b is None:
        return False
    if base.settings != head.settings:
        return True
    if h.cycle != b.cycle:
        return False  # a cycle edited in the file is "edited"
    h_cycle, b_cycle = head.portfolio.cycles.get(h.cycle), base.portfolio.cycles.get(b.cycle)
    if h_cycle is None or b_cycle is None:
        return h_cycle is not b_cycle
    return (h_cycle.start, h_cycle.end) != (b_cycle.start, b_cycle.end)
