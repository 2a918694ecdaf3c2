"""How two versions of one record compare: objectives, key results, KPIs, SMART goals.

``okrsite diff`` and the site's history (:mod:`okrsite.history_events`) judge a
change with these same rules, so a target is "less ambitious" by one rule
everywhere: the field-by-field comparison of a record present on both sides
(:func:`objective_fields`, :func:`key_result_changes`, :func:`kpi_fields`),
the pairing of records whose id changed (:func:`match_renames`), and the
list of records added, removed or edited (:func:`_record_changes`).

:mod:`okrsite.diff` puts these together with the check-ins
(:mod:`okrsite.diff_checkins`) and the scores (:mod:`okrsite.diff_scores`).
The history calls :func:`key_result_changes` once per version it reads, so
nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal, TypeVar

from okrsite.diff_scores import _rounded
from okrsite.model import KPI, Goal, GoalScore, KeyResult, KPIScore, Objective

Value = str | float | bool | None | tuple[str, ...]
ChangeKind = Literal["added", "removed", "changed"]

MORE = "more ambitious"
LESS = "less ambitious"
REVERSED = "direction reversed"
STRICTER = "stricter"
LOOSER = "looser"
FOLLOWS_RENAME = "follows rename"
#: a parent link the head cuts because the objective (or key result) it
#: names was removed: the child's own ``parent:`` did not change
PARENT_GONE = "removed"


# ------------------------------------------------------------------ results
@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs. ``note`` judges it: "more ambitious", "looser", …"""

    field: str
    before: Value
    after: Value
    note: str | None = None


@dataclass(frozen=True, slots=True)
class KRChange:
    """A key result added, removed or edited inside an objective present on both sides.

    ``mid_cycle`` is set for additions, removals and edits (a target, a
    start) while the objective's cycle is running (the caller judges it:
    :func:`okrsite.diff._mid_cycle`): changing the yardstick half-way is
    what a reviewer most wants to see.
    """

    objective: str
    id: str
    title: str
    change: ChangeKind
    fields: tuple[FieldChange, ...] = ()
    renamed_from: str | None = None
    mid_cycle: bool = False
    #: the key result's unit before and after, for the report to write its
    #: figures as pages do (``1,000,000 EUR``); the values stay raw
    units: tuple[str, str] = ("", "")


@dataclass(frozen=True, slots=True)
class ReadingChange:
    """One counted reading of a KPI (a day of its series at as_of: its data
    file's row, ``values:`` or check-in) that a change added, removed or
    moved: ``before`` is ``None`` for one added, ``after`` for one removed."""

    date: date
    before: float | None
    after: float | None


@dataclass(frozen=True, slots=True)
class RecordChange:
    """An objective, KPI or SMART goal that was added, removed or edited.

    ``renamed_from`` is the base id when the record was matched by title under
    a new id; ``moved_from`` is the base file when the record now lives in
    another file (with or without a new id). ``broken`` marks a record that
    is missing at head only because its file there has errors (the pipeline
    leaves such records out): not a deliberate removal.
    """

    kind: Literal["objective", "kpi", "goal"]
    id: str
    title: str
    change: ChangeKind
    file: str
    fields: tuple[FieldChange, ...] = ()
    renamed_from: str | None = None
    moved_from: str | None = None
    key_results: tuple[KRChange, ...] = ()
    broken: bool = False
    #: a KPI's or SMART goal's unit before and after (as :attr:`KRChange.units`)
    units: tuple[str, str] = ("", "")
    #: the ended cycle whose final figures this change moves (an objective
    #: whose measure changed after its cycle ended: :func:`_after_the_end`)
    cycle_ended: str | None = None
    #: an objective whose own fields (its cycle, owner, weight…) changed
    #: while its cycle ran, as its timeline marks them
    #: (:func:`okrsite.cycles.change_timing`); never with ``cycle_ended``
    mid_cycle: bool = False
    #: the mirror of ``broken``: "added" only because its file had errors at
    #: base (the change fixes it), not a new record
    broken_at_base: bool = False
    #: a KPI's readings the change added, removed or moved, by date
    #: (:mod:`okrsite.diff_kpi_readings`): a reading backdated into an ended
    #: cycle moves its final figures though no goal file changed
    readings: tuple[ReadingChange, ...] = ()


# ------------------------------------------------------------------ helpers
T = TypeVar("T")


def norm_title(title: str) -> str:
    """A title as pairing compares it: spaces collapsed, case folded."""
    return " ".join(title.split()).casefold()


def _paired(
    base: Mapping[str, Any], head: Mapping[str, Any], moved: Mapping[str, str]
) -> dict[str, str]:
    """``{head id: base id}`` for records whose id is on one side only: paired
    by the file git saw each move from (``moved``: file at head → file at
    base), and the rest by title (:func:`match_renames`)."""
    by_file = {rec.file: rid for rid, rec in base.items()} if moved else {}
    out: dict[str, str] = {}
    for rid, rec in head.items():
        was = by_file.get(moved.get(rec.file, ""))
        if was is not None and rid not in base and was not in head and was not in out.values():
            out[rid] = was
    rest_b = {i: r for i, r in base.items() if i not in out.values()}
    rest_h = {i: r for i, r in head.items() if i not in out}
    return {**match_renames(rest_b, rest_h, lambda r: r.title), **out}


def match_renames(
    base: Mapping[str, T], head: Mapping[str, T], title: Callable[[T], str]
) -> dict[str, str]:
    """``{head id: base id}`` for ids on one side only that share a unique title."""
    gone = [i for i in base if i not in head]
    new = [i for i in head if i not in base]
    by_title: dict[str, list[str]] = {}
    for i in gone:
        by_title.setdefault(norm_title(title(base[i])), []).append(i)
    new_titles: dict[str, int] = {}
    for i in new:
        key = norm_title(title(head[i]))
        new_titles[key] = new_titles.get(key, 0) + 1
    out: dict[str, str] = {}
    for i in new:
        key = norm_title(title(head[i]))
        if key and new_titles[key] == 1 and len(by_title.get(key, [])) == 1:
            out[i] = by_title[key][0]
    return out


def _field(name: str, before: Value, after: Value, note: str | None = None) -> FieldChange | None:
    if before == after:
        return None
    return FieldChange(name, before, after, note)


def _unit_field(before: str | None, after: str | None) -> FieldChange | None:
    """A unit added, removed or changed. No unit is None (the parsers' ``""``),
    so a unit added reads "— → $" as every missing value does, and JSON
    writes ``null`` for it; a figure with no unit and no figure at all have
    the same (no) unit."""
    return _field("unit", before or None, after or None)


def _ambition(before: float, after: float, lower_is_better: bool) -> str:
    """A target raised is more ambitious when higher is better, and the reverse."""
    raised = after > before
    return MORE if raised != lower_is_better else LESS


def _fields(*items: FieldChange | None) -> tuple[FieldChange, ...]:
    return tuple(f for f in items if f is not None)


def _milestones(kr: KeyResult) -> str | None:
    if kr.kind != "milestones":
        return None
    done = sum(1 for m in kr.milestones if m.done)
    return f"{done}/{len(kr.milestones)} done"


def _target_notes(
    before_start: float | None,
    before_target: float | None,
    after_start: float | None,
    after_target: float | None,
    before_lower: bool,
    after_lower: bool,
    same_unit: bool = True,
) -> str | None:
    """The judgement on a numeric measure's target change, direction taken into account.

    A target whose unit changed in the same edit (``2 h`` → ``120 min``)
    gets no ambition verdict: okrsite converts no units, so the numbers
    cannot be compared (the unit change is reported as a field of its own).
    A direction reversal is still one: start and target swap sides on
    each side's own scale.
    """
    if before_target is None or after_target is None or before_target == after_target:
        return None
    if before_start is not None and after_start is not None and before_lower != after_lower:
        return REVERSED
    if not same_unit:
        return None
    return _ambition(before_target, after_target, after_lower)


def same_unit(before: str | None, after: str | None) -> bool:
    """Whether two figures are in the same unit, so that they can be compared
    (``h`` and ``min`` cannot: nothing is converted)."""
    return (before or "").strip() == (after or "").strip()


# ------------------------------------------------------------------ key results
def _direction(kr: KeyResult) -> bool | None:
    """Whether lower is better for ``kr`` (None: it has no direction, as a
    yes/no or checklist key result, or a number without start and target)."""
    if kr.kind in ("stay_above", "stay_below"):
        return kr.kind == "stay_below"
    if kr.kind == "numeric" and kr.start is not None and kr.target is not None:
        return kr.lower_is_better
    return None


def _kind_reverses(b: KeyResult, h: KeyResult) -> bool:
    """Whether a key result's new kind flips its direction (``stay_below`` →
    ``stay_above``, a lower-is-better number → ``stay_above``): the table of
    docs/diff.md counts ``stay_below`` as lower is better and ``stay_above``
    as higher, so the flip is "direction reversed" as a start or target
    crossing over is."""
    before, after = _direction(b), _direction(h)
    return b.kind != h.kind and before is not None and after is not None and before != after


def _kr_fields(b: KeyResult, h: KeyResult) -> tuple[FieldChange, ...]:
    target_note: str | None = None
    threshold_note: str | None = None
    if b.kind == "numeric" and h.kind == "numeric":
        target_note = _target_notes(
            b.start,
            b.target,
            h.start,
            h.target,
            b.lower_is_better,
            h.lower_is_better,
            same_unit(b.unit, h.unit),
        )
    if (
        b.kind == h.kind
        and same_unit(b.unit, h.unit)
        and h.kind in ("stay_above", "stay_below")
        and b.threshold is not None
        and h.threshold is not None
        and b.threshold != h.threshold
    ):
        threshold_note = _ambition(b.threshold, h.threshold, h.kind == "stay_below")
    start_note = None
    if (
        b.kind == h.kind == "numeric"
        and b.start != h.start
        and b.target == h.target
        and b.lower_is_better != h.lower_is_better
    ):
        start_note = REVERSED
    return _fields(
        _field("title", b.title, h.title),
        _field("kind", b.kind, h.kind, REVERSED if _kind_reverses(b, h) else None),
        _field("start", b.start, h.start, start_note),
        _field("target", b.target, h.target, target_note),
        _field("threshold", b.threshold, h.threshold, threshold_note),
        _unit_field(b.unit, h.unit),
        _field("weight", b.weight, h.weight),
        _field("kpi", b.kpi, h.kpi),
        _field("current", b.current, h.current),
        _field("milestones", _milestones(b), _milestones(h)),
        _field("done", b.done, h.done),
        _field("score", b.score, h.score),
        _field("status", b.status, h.status),
    )


def key_result_changes(
    b_obj: Objective,
    h_obj: Objective,
    added_mid_cycle: bool = False,
    removed_mid_cycle: bool = False,
    changed_mid_cycle: bool = False,
) -> tuple[KRChange, ...]:
    """The key results added, removed or edited between two versions of an objective.

    Shared by ``okrsite diff`` and the site's history (:mod:`okrsite.history`), so
    a target change is judged "less ambitious" by one rule everywhere. The
    caller says whether an addition, removal or edit happens mid-cycle: the
    diff judges that at as_of, the history at the commit's date.
    """
    b_list, h_list = b_obj.key_results, h_obj.key_results
    if (
        len(b_list) == len(h_list)
        and all(b.id == h.id for b, h in zip(b_list, h_list, strict=True))
        and len({kr.id for kr in h_list}) == len(h_list)
    ):
        # the same key results in the same order (what nearly every version
        # in a history is): none added, removed or renamed, and already in
        # the order the general case sorts into; the history's 100,000
        # versions spent most of this function on that general case
        return tuple(
            KRChange(
                h_obj.id,
                h.id,
                h.title,
                "changed",
                fields,
                mid_cycle=changed_mid_cycle,
                units=(b.unit, h.unit),
            )
            for b, h in zip(b_list, h_list, strict=True)
            if b is not h and (fields := _kr_fields(b, h))
        )
    b_krs = {kr.id: kr for kr in b_list}
    h_krs = {kr.id: kr for kr in h_list}
    renames = match_renames(b_krs, h_krs, lambda kr: kr.title)
    renamed_base = set(renames.values())
    out: list[KRChange] = []
    for kr_id, h in h_krs.items():
        base_id = renames.get(kr_id, kr_id)
        b = b_krs.get(base_id)
        if b is None:
            out.append(
                KRChange(
                    h_obj.id,
                    kr_id,
                    h.title,
                    "added",
                    mid_cycle=added_mid_cycle,
                    units=(h.unit, h.unit),
                )
            )
            continue
        fields = () if b is h else _kr_fields(b, h)  # the history reuses unchanged ones
        if fields or base_id != kr_id:
            out.append(
                KRChange(
                    h_obj.id,
                    kr_id,
                    h.title,
                    "changed",
                    fields,
                    renamed_from=base_id if base_id != kr_id else None,
                    mid_cycle=changed_mid_cycle,
                    units=(b.unit, h.unit),
                )
            )
    for kr_id, b in b_krs.items():
        if kr_id not in h_krs and kr_id not in renamed_base:
            out.append(
                KRChange(
                    h_obj.id,
                    kr_id,
                    b.title,
                    "removed",
                    mid_cycle=removed_mid_cycle,
                    units=(b.unit, b.unit),
                )
            )
    order = {kr.id: i for i, kr in enumerate(h_obj.key_results)}
    return tuple(sorted(out, key=lambda c: (order.get(c.id, len(order)), c.id)))


# ------------------------------------------------------------------ records
def _parent_note(b: Objective, h: Objective, obj_renames: Mapping[str, str]) -> str | None:
    """A parent that changed only because the parent objective was renamed is no reparenting."""
    if b.parent is None or h.parent is None:
        return None
    h_obj, _, h_kr = h.parent.partition("#")
    b_obj, _, b_kr = b.parent.partition("#")
    if obj_renames.get(h_obj) == b_obj and h_kr == b_kr:
        return FOLLOWS_RENAME
    return None


def _parent_objective(parent: str | None) -> str | None:
    return None if parent is None else parent.partition("#")[0]


def objective_fields(
    b: Objective,
    h: Objective,
    obj_renames: Mapping[str, str],
    unreadable: Collection[str] = frozenset(),
    parent_gone: bool = False,
) -> tuple[FieldChange, ...]:
    """What changed in an objective present on both sides.

    ``parent_gone``: the head cut ``h``'s link to its parent because the
    parent was removed (OKR303 at head); the lost ``parent`` is then noted
    :data:`PARENT_GONE`, which is no reparenting.

    ``unreadable`` are objectives whose file has errors on one side (so
    that side's loader left them out): a child's link to such a parent is
    cut on that side only, not by the change, so the lost or regained
    ``parent`` is no reparenting and is not reported.
    """
    if b.parent != h.parent and (
        (h.parent is None and _parent_objective(b.parent) in unreadable)
        or (b.parent is None and _parent_objective(h.parent) in unreadable)
    ):
        h = replace(h, parent=b.parent)
    return _fields(
        _field("title", b.title, h.title),
        _field("owner", b.owner, h.owner),
        _field("team", b.team, h.team),
        _field("cycle", b.cycle, h.cycle),
        _field("commitment", b.commitment, h.commitment),
        _field("weight", b.weight, h.weight),
        _field(
            "parent",
            b.parent,
            h.parent,
            PARENT_GONE if parent_gone else _parent_note(b, h, obj_renames),
        ),
        _field("supports", b.supports, h.supports),
        _field("status", b.status, h.status),
    )


def kpi_fields(b: KPI, h: KPI) -> tuple[FieldChange, ...]:
    lower = h.direction == "down"
    reversed_ = b.direction != h.direction
    comparable = same_unit(b.unit, h.unit)

    def judged(before: float | None, after: float | None, up: str, down: str) -> str | None:
        if before is None or after is None or before == after:
            return None
        if reversed_:
            return REVERSED
        if not comparable:  # 3 % → 0.03 ratio: nothing is converted, nothing judged
            return None
        return up if (after > before) != lower else down

    return _fields(
        _field("title", b.title, h.title),
        _unit_field(b.unit, h.unit),
        _field("direction", b.direction, h.direction, REVERSED if reversed_ else None),
        _field("indicator", b.indicator, h.indicator),
        _field("owner", b.owner, h.owner),
        _field("team", b.team, h.team),
        _field("target", b.target, h.target, judged(b.target, h.target, MORE, LESS)),
        _field("green", b.green, h.green, judged(b.green, h.green, STRICTER, LOOSER)),
        _field("red", b.red, h.red, judged(b.red, h.red, STRICTER, LOOSER)),
        _field("drives", b.drives, h.drives),
        _field("data", b.data, h.data),
    )


def _goal_fields(b: Goal, h: Goal) -> tuple[FieldChange, ...]:
    bm, hm = b.measure, h.measure
    b_start = bm.start if bm else None
    h_start = hm.start if hm else None
    b_target = bm.target if bm else None
    h_target = hm.target if hm else None

    def lower(start: float | None, target: float | None) -> bool:
        return target is not None and (start or 0.0) > target

    note = _target_notes(
        b_start if b_start is not None else 0.0,
        b_target,
        h_start if h_start is not None else 0.0,
        h_target,
        lower(b_start, b_target),
        lower(h_start, h_target),
        same_unit(bm.unit if bm else None, hm.unit if hm else None),
    )
    return _fields(
        _field("title", b.title, h.title),
        _field("owner", b.owner, h.owner),
        _field("team", b.team, h.team),
        _field("due", b.due.isoformat() if b.due else None, h.due.isoformat() if h.due else None),
        _field("cycle", b.cycle, h.cycle),
        _field("supports", b.supports, h.supports),
        _field("start", b_start, h_start),
        _field("target", b_target, h_target, note),
        _field("current", bm.current if bm else None, hm.current if hm else None),
        _unit_field(bm.unit if bm else None, hm.unit if hm else None),
    )


def _kpi_score_fields(b: KPIScore | None, h: KPIScore | None) -> tuple[FieldChange, ...]:
    """The KPI's latest value and health at as_of, so new data shows up too."""
    if b is None or h is None:
        return ()
    return _fields(
        _field("value", b.value, h.value),
        _field("health", b.health, h.health),
    )


def _smart(score: GoalScore | None) -> str | None:
    if score is None:
        return None
    return "".join(letter if ok else "·" for letter, ok in score.smart.items())


def _goal_score_fields(b: GoalScore | None, h: GoalScore | None) -> tuple[FieldChange, ...]:
    if b is None or h is None:
        return ()
    return _fields(
        _field("progress", _rounded(b.progress), _rounded(h.progress)),
        _field("smart", _smart(b), _smart(h)),
    )


R = TypeVar("R", Objective, KPI, Goal)


def _record_changes(
    kind: Literal["objective", "kpi", "goal"],
    base: Mapping[str, R],
    head: Mapping[str, R],
    renames: Mapping[str, str],
    compare: Callable[[R, R], tuple[FieldChange, ...]],
    krs: Callable[[R, R], tuple[KRChange, ...]] | None = None,
    unit: Callable[[R], str] = lambda r: "",
) -> tuple[RecordChange, ...]:
    out: list[RecordChange] = []
    renamed_base = set(renames.values())
    for rid, h in head.items():
        base_id = renames.get(rid, rid)
        b = base.get(base_id)
        if b is None:
            out.append(RecordChange(kind, rid, h.title, "added", h.file, units=(unit(h),) * 2))
            continue
        fields = compare(b, h)
        kr_changes = krs(b, h) if krs is not None else ()
        moved = b.file if b.file != h.file else None
        renamed = base_id if base_id != rid else None
        if fields or kr_changes or moved or renamed:
            out.append(
                RecordChange(
                    kind,
                    rid,
                    h.title,
                    "changed",
                    h.file,
                    fields,
                    renamed,
                    moved,
                    kr_changes,
                    units=(unit(b), unit(h)),
                )
            )
    for rid, b in base.items():
        if rid not in head and rid not in renamed_base:
            out.append(RecordChange(kind, rid, b.title, "removed", b.file, units=(unit(b),) * 2))
    return tuple(sorted(out, key=lambda c: c.id))
