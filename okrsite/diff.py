"""What a change does to the goals: a pure comparison of two scored portfolios.

``okrsite diff`` answers the reviewer's question on a pull request: *which
targets moved, which key results disappeared, whose scores changed and why?*
A text diff of YAML cannot answer that: whether "target 50 → 100" is good
news depends on whether lower is better, a moved file looks like a deletion,
and an objective's progress can change without its file changing at all
(a child objective lost a key result, a KPI got a new value).

So both revisions are parsed and scored with the *same* ``as_of`` and the
records are compared here. This module does no I/O: it takes two
:class:`~okrsite.model.ScoredPortfolio` objects plus their diagnostics and
returns a frozen :class:`DiffResult`; :mod:`okrsite.diff_report` renders it
and :mod:`okrsite.gitsource` gets the files. That keeps every rule below
testable with in-memory portfolios.

Matching records between the two sides: the id first; an id that exists on
one side only is paired with a record of the other side that has the same
title (a *rename*, e.g. after ``git mv`` changed the path-derived id). Key
results are matched the same way inside their objective.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any, Literal, TypeVar

from okrsite import cycles as cycles_mod
from okrsite import numbers
from okrsite.diagnostics import Diagnostic
from okrsite.model import (
    KPI,
    CheckIn,
    Goal,
    GoalScore,
    KeyResult,
    KPIScore,
    Objective,
    ObjectiveScore,
    Portfolio,
    ScoredPortfolio,
    Status,
)
from okrsite.resolve import checkin_order, natural_key
from okrsite.translations import load_language

Value = str | float | bool | None | tuple[str, ...]
ChangeKind = Literal["added", "removed", "changed"]
Cause = Literal["added", "removed", "edited", "check-in", "kpi", "roll-up", "settings"]

MORE = "more ambitious"
LESS = "less ambitious"
REVERSED = "direction reversed"
STRICTER = "stricter"
LOOSER = "looser"
FOLLOWS_RENAME = "follows rename"

RULES: dict[str, str] = {
    "errors": "the head revision has errors (broken goal files)",
    "less-ambitious": "a target moved the easy way (key result, SMART goal or KPI target)",
    "removed-key-result": "a key result was removed from an objective that still exists",
    "reparented": "an objective was aligned to a different parent",
    "ended-cycle": "how an objective of a cycle that has ended is measured was changed",
}

_PRECISION = 6  # progress differences below 1e-6 are float noise, not changes


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

    ``mid_cycle`` is set for additions and removals while the objective's
    cycle is running at as_of: changing the yardstick half-way is what a
    reviewer most wants to see.
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
    #: the mirror of ``broken``: "added" only because its file had errors at
    #: base (the change fixes it), not a new record
    broken_at_base: bool = False


@dataclass(frozen=True, slots=True)
class ValueMove:
    """A value a check-in reports, next to the one it replaces, in ``unit``
    (its key result's or KPI's, for the report to write as pages do)."""

    key: str
    before: float | None
    after: float | None
    unit: str = ""


@dataclass(frozen=True, slots=True)
class CheckInChange:
    """A check-in added, removed or edited.

    For an added check-in ``before`` values are what the target had before it
    (the previous check-in's value, else the key result's ``current:``, else
    the KPI's previous value); for an edited one they are the base version's.
    ``counted`` is false when the check-in is dated after as_of and so does
    not affect any score yet.

    ``fields`` say what else an edit changed (``objective`` or ``kpi`` when
    it now reports on another target, ``date``, ``time``, ``author``,
    ``note``): without them an edit that touched no value, such as pointing a
    check-in at an objective's new id after a rename, read as "changed" and
    nothing more.

    ``broken`` marks a check-in whose file is still there at head but is
    refused by the loader (a value for a key result that was deleted, say,
    or its objective or KPI cannot be read at head):
    the pipeline leaves it out of head's portfolio, so without this mark it
    would read as deleted, and the reviewer would not learn that the change
    made committed check-ins invalid. ``errors`` are head's errors in its
    file; ``values`` are empty, as nothing of it counts at head.

    ``time`` is its time of day as written (``14:05``), empty without one:
    two check-ins of one day are told apart, and listed, by it.
    """

    id: str
    file: str
    date: date
    change: ChangeKind
    target_kind: Literal["objective", "kpi"]
    target: str
    author: str | None
    values: tuple[ValueMove, ...]
    confidence_before: float | None
    confidence_after: float | None
    counted: bool
    fields: tuple[FieldChange, ...] = ()
    broken: bool = False
    errors: tuple[Diagnostic, ...] = ()
    time: str = ""
    #: the mirror of ``broken``: "added" only because base refused it (its
    #: file, or its objective's or KPI's file, had errors there); ``errors``
    #: are then base's errors that made it unreadable
    broken_at_base: bool = False


@dataclass(frozen=True, slots=True)
class KRScoreChange:
    """How one key result's progress and status moved between two portfolios."""

    id: str
    progress_before: float | None
    progress_after: float | None
    status_before: Status | None
    status_after: Status | None


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """An objective whose progress, expected progress or status changed.

    ``causes`` says why: the objective itself was ``edited``, a ``check-in``
    for it changed, a ``kpi`` one of its key results reads changed, or only
    ``roll-up`` from aligned objectives (``settings`` when none of these: the
    scoring settings in okrsite.toml changed).
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


@dataclass(frozen=True, slots=True)
class Finding:
    """A change a ``--fail-on`` rule can fail the run on."""

    rule: str
    subject: str
    message: str


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Everything a change does to the goals, ready to render."""

    as_of: date
    objectives: tuple[RecordChange, ...]
    kpis: tuple[RecordChange, ...]
    goals: tuple[RecordChange, ...]
    checkins: tuple[CheckInChange, ...]
    scores: tuple[ScoreChange, ...]
    introduced: tuple[Diagnostic, ...]
    resolved: tuple[Diagnostic, ...]
    head_errors: tuple[Diagnostic, ...]
    findings: tuple[Finding, ...]
    #: the names pages show for people and teams (their file's title, else
    #: the name as first written), head's over base's: the report names
    #: ``owner``, ``team`` and ``author`` by them, the JSON keeps the ids
    person_names: Mapping[str, str] = dataclass_field(default_factory=dict)
    team_names: Mapping[str, str] = dataclass_field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        """True when the change does nothing to the goals (errors at head may remain)."""
        return not (
            self.objectives
            or self.kpis
            or self.goals
            or self.checkins
            or self.scores
            or self.introduced
            or self.resolved
        )

    def failures(self, rules: Iterable[str]) -> tuple[Finding, ...]:
        """The findings that the given ``--fail-on`` rules turn into a failure."""
        wanted = set(rules)
        return tuple(f for f in self.findings if f.rule in wanted)


def parse_rules(text: str) -> tuple[str, ...]:
    """``"errors,less-ambitious"`` → rules; ``none`` or empty → no rules.

    Raises :class:`ValueError` naming the unknown rule and the known ones, so
    a typo in CI configuration fails loudly instead of silently never firing.
    """
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if names == ["none"]:
        return ()
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise ValueError(f"unknown rule {unknown[0]!r}; choose from {', '.join(RULES)} (or none)")
    return tuple(dict.fromkeys(names))


# ------------------------------------------------------------------ helpers
T = TypeVar("T")


def _norm_title(title: str) -> str:
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
        by_title.setdefault(_norm_title(title(base[i])), []).append(i)
    new_titles: dict[str, int] = {}
    for i in new:
        key = _norm_title(title(head[i]))
        new_titles[key] = new_titles.get(key, 0) + 1
    out: dict[str, str] = {}
    for i in new:
        key = _norm_title(title(head[i]))
        if key and new_titles[key] == 1 and len(by_title.get(key, [])) == 1:
            out[i] = by_title[key][0]
    return out


def _field(name: str, before: Value, after: Value, note: str | None = None) -> FieldChange | None:
    if before == after:
        return None
    return FieldChange(name, before, after, note)


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


#: fields whose change only records or describes how an ended cycle went:
#: grading it (``score``), its last values, ticked milestones and who owns what
_RECORD_KEEPING = frozenset(
    {"title", "owner", "team", "supports", "tags", "score", "current", "done", "milestones"}
)


def _after_the_end(
    rec: RecordChange, base: Portfolio, head: Portfolio, as_of: date
) -> RecordChange:
    """Mark an objective whose yardstick changed after its cycle ended (a
    target eased, a key result added or dropped, a weight, commitment,
    parent or status changed): its final figures are no longer those the
    cycle ended with. Grading it (``score:``) and recording its last values
    are what teams do after the end, and are not marked."""
    if rec.kind != "objective":
        return rec
    side = base.objectives.get(rec.renamed_from or rec.id) if rec.change == "removed" else None
    obj = side or head.objectives.get(rec.id)
    if obj is None:
        return rec
    cycle = cycles_mod.lookup(obj.cycle, (base if side else head).cycles)
    if cycle is None or cycles_mod.phase(cycle, as_of) != "over":
        return rec
    measured = rec.change in ("added", "removed") or any(
        f.field not in _RECORD_KEEPING for f in rec.fields
    )
    measured = measured or any(
        kr.change != "changed" or any(f.field not in _RECORD_KEEPING for f in kr.fields)
        for kr in rec.key_results
    )
    return replace(rec, cycle_ended=cycle.name) if measured else rec


def _running(obj: Objective, portfolio: Portfolio, as_of: date) -> bool:
    cycle = cycles_mod.lookup(obj.cycle, portfolio.cycles)
    return cycle is not None and cycle.contains(as_of)


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
        _field("kind", b.kind, h.kind),
        _field("start", b.start, h.start, start_note),
        _field("target", b.target, h.target, target_note),
        _field("threshold", b.threshold, h.threshold, threshold_note),
        _field("unit", b.unit, h.unit),
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
) -> tuple[KRChange, ...]:
    """The key results added, removed or edited between two versions of an objective.

    Shared by ``okrsite diff`` and the site's history (:mod:`okrsite.history`), so
    a target change is judged "less ambitious" by one rule everywhere. The
    caller says whether an addition or removal happens mid-cycle: the diff
    judges that at as_of, the history at the commit's date.
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
            KRChange(h_obj.id, h.id, h.title, "changed", fields, units=(b.unit, h.unit))
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
) -> tuple[FieldChange, ...]:
    """What changed in an objective present on both sides.

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
        _field("parent", b.parent, h.parent, _parent_note(b, h, obj_renames)),
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
        _field("unit", b.unit, h.unit),
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
        _field("unit", bm.unit if bm else None, hm.unit if hm else None),
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


# ------------------------------------------------------------------ check-ins
def _checkin_target(c: CheckIn) -> tuple[Literal["objective", "kpi"], str]:
    if c.kpi is not None:
        return "kpi", c.kpi
    return "objective", c.objective or ""


def _checkin_key(c: CheckIn) -> tuple[object, ...]:
    return (
        c.date,
        c.time,
        c.objective,
        c.kpi,
        c.author,
        c.confidence,
        tuple(sorted(c.values.items())),
        c.value,
        c.body,
    )


def _previous(
    head: Portfolio, c: CheckIn, same_target: Sequence[tuple[tuple[object, ...], CheckIn]]
) -> tuple[dict[str, float], float | None, float | None]:
    """What ``c``'s target showed before ``c``: KR values, confidence, KPI value.

    ``same_target`` is the check-ins for ``c``'s objective or KPI with their
    place in the loader's order (:func:`~okrsite.resolve.checkin_order`),
    sorted by it: head's, plus the
    base versions of check-ins that head refuses (their files are still
    there, so the one before ``c`` is the one a reader sees in the folder,
    not an older one). Indexing them once per target keeps a diff that adds
    thousands of check-ins linear instead of quadratic.
    """
    values: dict[str, float] = {}
    confidence: float | None = None
    kpi_value: float | None = None
    kpi_day: date | None = None
    if c.objective is not None:
        obj = head.objectives.get(c.objective)
        if obj is not None:
            for kr in obj.key_results:
                if kr.current is not None:
                    values[kr.id] = kr.current
    if c.kpi is not None:
        for day, v in head.kpi_series.get(c.kpi, ()):
            if day < c.date:
                kpi_day, kpi_value = day, v
    here = checkin_order(c)
    for place, other in same_target:  # in order: later ones overwrite
        if place >= here:
            break
        values.update(other.values)
        if other.confidence is not None and c.objective is not None:
            confidence = other.confidence
        # head's series already holds its own check-ins; a refused one is
        # newer than the series' value of an earlier day
        if (
            c.kpi is not None
            and other.value is not None
            and other.date < c.date
            and (kpi_day is None or other.date >= kpi_day)
        ):
            kpi_day, kpi_value = other.date, other.value
    return values, confidence, kpi_value


def _checkin_fields(
    b: CheckIn, h: CheckIn, obj_renames: Mapping[str, str]
) -> tuple[FieldChange, ...]:
    """What an edit changed besides its values and confidence (those are value moves).

    An ``objective`` that changed only because the objective was renamed
    is noted "follows rename", as an objective's ``parent`` is.
    """
    renamed = h.objective is not None and obj_renames.get(h.objective) == b.objective
    return _fields(
        _field("objective", b.objective, h.objective, FOLLOWS_RENAME if renamed else None),
        _field("kpi", b.kpi, h.kpi),
        _field("date", b.date.isoformat(), h.date.isoformat()),
        _field("time", b.time or None, h.time or None),
        _field("author", b.author, h.author),
        _field("note", b.body, h.body),
    )


def _checkin_changes(
    base: Portfolio,
    head: Portfolio,
    as_of: date,
    head_errors: Mapping[str, tuple[Diagnostic, ...]],
    obj_renames: Mapping[str, str],
    kr_renames: Mapping[str, Mapping[str, str]] | None = None,
    base_errors: Mapping[str, tuple[Diagnostic, ...]] | None = None,
    head_unreadable: Mapping[tuple[str, str], tuple[Diagnostic, ...]] | None = None,
    base_unreadable: Mapping[tuple[str, str], tuple[Diagnostic, ...]] | None = None,
    head_has_file: Callable[[str], bool] | None = None,
    base_has_file: Callable[[str], bool] | None = None,
) -> tuple[CheckInChange, ...]:
    """Check-ins added, edited, removed, or refused at head (``head_errors`` by file).

    A check-in is also refused, silently, when its objective or KPI cannot
    be read (``head_unreadable``: ``(kind, id)`` → that file's errors):
    while its own file is still there (``head_has_file``) it is "cannot be
    read at head", not removed. ``base_errors``, ``base_unreadable`` and
    ``base_has_file`` are the mirror: a check-in base refused and head
    reads is "added" with ``broken_at_base``, not a new check-in.

    ``kr_renames`` maps an objective (head's id) to its renamed key results
    (head's id → base's): an edit that only follows a key result's new id
    (``incidents: 7`` → ``sev-incidents: 7``) moves no value, and says so
    as a "key result" field noted "follows rename".
    """
    kr_renames = kr_renames or {}
    base_errors = base_errors or {}
    head_unreadable = head_unreadable or {}
    base_unreadable = base_unreadable or {}

    def cut(
        c: CheckIn,
        errors: Mapping[str, tuple[Diagnostic, ...]],
        unreadable: Mapping[tuple[str, str], tuple[Diagnostic, ...]],
        has_file: Callable[[str], bool] | None,
    ) -> tuple[Diagnostic, ...] | None:
        """The errors that make a side refuse ``c`` (its file's, else its
        target's while its file is there), ``None`` when that side has no
        reason to: it was added or deleted."""
        if c.file in errors:
            return errors[c.file]
        target = unreadable.get(_checkin_target(c))
        if target is not None and (has_file is None or has_file(c.file)):
            return target
        return None

    b_all = {c.id: c for c in base.checkins}
    h_all = {c.id: c for c in head.checkins}
    refused_errors = {
        cid: errs
        for cid, b in b_all.items()
        if cid not in h_all
        and (errs := cut(b, head_errors, head_unreadable, head_has_file)) is not None
    }
    refused = {cid: b_all[cid] for cid in refused_errors}
    out: list[CheckInChange] = []
    moves: tuple[ValueMove, ...]
    by_target: dict[tuple[str | None, str | None], list[tuple[tuple[object, ...], CheckIn]]] = {}

    def unit_of(c: CheckIn, key: str) -> str:
        """The unit of a value ``c`` gives: its key result's or KPI's, head's first."""
        for side in (head, base):
            if c.kpi is not None:
                kpi = side.kpis.get(c.kpi)
                if kpi is not None:
                    return kpi.unit
            elif c.objective is not None and (obj := side.objectives.get(c.objective)):
                kr = obj.key_result(key)
                if kr is not None:
                    return kr.unit
        return ""

    for c in (*head.checkins, *refused.values()):
        by_target.setdefault((c.objective, c.kpi), []).append((checkin_order(c), c))
    for same in by_target.values():
        same.sort(key=lambda pair: pair[0])
    for cid, h in h_all.items():
        b = b_all.get(cid)
        if b is not None and _checkin_key(b) == _checkin_key(h):
            continue
        kind, target = _checkin_target(h)
        if b is None:
            same = by_target.get((h.objective, h.kpi), [])
            prev_values, prev_conf, prev_kpi = _previous(head, h, same)
            if h.kpi is not None:
                moves = (ValueMove("value", prev_kpi, h.value, unit_of(h, "value")),)
            else:
                moves = tuple(
                    ValueMove(k, prev_values.get(k), v, unit_of(h, k)) for k, v in h.values.items()
                )
            at_base = cut(h, base_errors, base_unreadable, base_has_file)
            out.append(
                CheckInChange(
                    cid, h.file, h.date, "added", kind, target, h.author, moves,
                    prev_conf, h.confidence, h.date <= as_of, time=h.time,
                    errors=at_base or (), broken_at_base=at_base is not None,
                )
            )  # fmt: skip
        else:
            follows: tuple[FieldChange, ...] = ()
            if h.kpi is not None:
                moves = (
                    (ValueMove("value", b.value, h.value, unit_of(h, "value")),)
                    if b.value != h.value
                    else ()
                )
            else:
                same_objective = h.objective is not None and b.objective in (
                    h.objective,
                    obj_renames.get(h.objective),
                )
                renamed = kr_renames.get(h.objective or "", {}) if same_objective else {}
                followed = {
                    old: new
                    for new, old in renamed.items()
                    if old in b.values and new in h.values and old not in h.values
                }
                b_values = {followed.get(k, k): v for k, v in b.values.items()}
                keys = list(dict.fromkeys([*h.values, *b_values]))
                moves = tuple(
                    ValueMove(k, b_values.get(k), h.values.get(k), unit_of(h, k))
                    for k in keys
                    if b_values.get(k) != h.values.get(k)
                )
                follows = _fields(
                    *(
                        _field("key result", old, new, FOLLOWS_RENAME)
                        for old, new in followed.items()
                    )
                )
            out.append(
                CheckInChange(
                    cid, h.file, h.date, "changed", kind, target, h.author, moves,
                    b.confidence, h.confidence, h.date <= as_of or b.date <= as_of,
                    _checkin_fields(b, h, obj_renames) + follows, time=h.time,
                )
            )  # fmt: skip
    for cid, b in b_all.items():
        if cid in h_all:
            continue
        kind, target = _checkin_target(b)
        if cid in refused:
            out.append(
                CheckInChange(
                    cid, b.file, b.date, "removed", kind, target, b.author, (),
                    b.confidence, None, b.date <= as_of,
                    broken=True, errors=refused_errors[cid], time=b.time,
                )
            )  # fmt: skip
            continue
        if b.kpi is not None:
            moves = (ValueMove("value", b.value, None, unit_of(b, "value")),)
        else:
            moves = tuple(ValueMove(k, v, None, unit_of(b, k)) for k, v in b.values.items())
        out.append(
            CheckInChange(
                cid, b.file, b.date, "removed", kind, target, b.author, moves,
                b.confidence, None, b.date <= as_of, time=b.time,
            )
        )  # fmt: skip
    # the loader's order (resolve.checkin_order): by date, time of day, then
    # file name in natural order, so "2026-11-19.md" (10:30) is listed before
    # "2026-11-19-2.md" (17:00), as on the pages, not after it as plain
    # string order of the paths would have it
    return tuple(sorted(out, key=lambda c: (c.date, c.time, natural_key(c.file))))


# ------------------------------------------------------------------ scores
def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, _PRECISION)


def _score_change(
    oid: str,
    title: str,
    b: ObjectiveScore | None,
    h: ObjectiveScore | None,
    causes: tuple[Cause, ...],
    kr_renames: Mapping[str, str] | None = None,
) -> ScoreChange | None:
    """How ``oid``'s figures moved; ``None`` when they did not.

    A renamed key result (``kr_renames``: head's id → base's) is compared
    with itself under its old id: a rename alone moves no figure, and the
    objective is not listed as if one key result had gone to "—" and
    another come from it.
    """
    kr_moves: list[KRScoreChange] = []
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
                bk.progress if bk else None,
                hk.progress if hk else None,
                bk.status if bk else None,
                hk.status if hk else None,
            )
            if (_rounded(move.progress_before), move.status_before) != (
                _rounded(move.progress_after),
                move.status_after,
            ):
                kr_moves.append(move)
    change = ScoreChange(
        oid,
        title,
        b.progress if b else None,
        h.progress if h else None,
        b.expected if b else None,
        h.expected if h else None,
        b.status if b else None,
        h.status if h else None,
        causes,
        tuple(kr_moves),
    )
    same = (
        _rounded(change.progress_before) == _rounded(change.progress_after)
        and _rounded(change.expected_before) == _rounded(change.expected_after)
        and change.status_before == change.status_after
        and not kr_moves
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
        change = _score_change(oid, title, before, after, (), (kr_renames or {}).get(oid))
        if change is not None:
            changed[oid] = change
    for oid, change in changed.items():
        causes = direct(oid)
        both = change.progress_before is not None and change.progress_after is not None
        base_id = renames.get(oid, oid)
        kids = {*head.children.get(oid, ()), *base.children.get(base_id, ())}
        if both and any(child in changed for child in kids):
            causes.append("roll-up")
        if not causes:
            causes.append("settings")
        out.append(
            ScoreChange(
                change.id,
                change.title,
                change.progress_before,
                change.progress_after,
                change.expected_before,
                change.expected_after,
                change.status_before,
                change.status_after,
                tuple(causes),
                change.key_results,
            )
        )
    return tuple(sorted(out, key=lambda c: c.id))


# ------------------------------------------------------------------ diagnostics
def _diag_key(d: Diagnostic) -> tuple[str, str, str]:
    return (d.code, d.file or "", d.message)


def _diag_changes(
    base_diags: Sequence[Diagnostic],
    head_diags: Sequence[Diagnostic],
    moved: Mapping[str, str] | None = None,
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """Introduced and resolved findings, compared by code, file and message.

    Lines are left out of the comparison on purpose: adding a line at the top
    of a file moves every finding below it without introducing anything.
    ``moved`` maps a head file to its base file for records that moved, so a
    warning that simply travelled with its file is neither new nor fixed.
    """
    moved = moved or {}

    def head_key(d: Diagnostic) -> tuple[str, str, str]:
        code, file, message = _diag_key(d)
        return code, moved.get(file, file), message

    b_keys = {_diag_key(d) for d in base_diags}
    h_keys = {head_key(d) for d in head_diags}
    introduced = tuple(d for d in head_diags if head_key(d) not in b_keys)
    resolved = tuple(d for d in base_diags if _diag_key(d) not in h_keys)
    return introduced, resolved


# ------------------------------------------------------------------ findings
def _findings(
    objectives: Sequence[RecordChange],
    kpis: Sequence[RecordChange],
    goals: Sequence[RecordChange],
    head_errors: Sequence[Diagnostic],
) -> tuple[Finding, ...]:
    out: list[Finding] = []
    for d in head_errors:
        out.append(Finding("errors", d.location, f"{d.location}: {d.code} {d.message}"))
    for rec in objectives:
        if rec.cycle_ended:
            out.append(
                Finding(
                    "ended-cycle",
                    rec.id,
                    f"objective {rec.id}: {rec.change} after {rec.cycle_ended} ended; "
                    "its final figures change",
                )
            )
    for rec in (*objectives, *kpis, *goals):
        for f in rec.fields:
            if f.note == LESS:
                out.append(
                    Finding(
                        "less-ambitious",
                        rec.id,
                        f"{rec.kind} {rec.id}: {f.field} {' → '.join(show_field(f, rec.units))} "
                        f"({LESS})",
                    )
                )
            if rec.kind == "objective" and f.field == "parent" and f.note != FOLLOWS_RENAME:
                out.append(
                    Finding(
                        "reparented",
                        rec.id,
                        f"objective {rec.id}: parent {show(f.before)} → {show(f.after)}",
                    )
                )
        for kr in rec.key_results:
            subject = f"{rec.id}#{kr.id}"
            if kr.change == "removed":
                when = " mid-cycle" if kr.mid_cycle else ""
                out.append(
                    Finding(
                        "removed-key-result",
                        subject,
                        f"key result {subject} ({kr.title}) removed{when}",
                    )
                )
            for f in kr.fields:
                if f.note == LESS:
                    out.append(
                        Finding(
                            "less-ambitious",
                            subject,
                            f"key result {subject}: {f.field} "
                            f"{' → '.join(show_field(f, kr.units))} ({LESS})",
                        )
                    )
    return tuple(out)


def show(value: Value) -> str:
    """A value as a person reads it: ``16`` not ``16.0``, ``1,000,000``, ``—`` for none.

    Numbers go through :func:`okrsite.numbers.format_number`, the pages'
    formatter, with four decimals rather than two: a diff must not show a
    change in the third decimal as "0.12 → 0.12".
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return numbers.format_number(value, 4)
    if isinstance(value, tuple):
        return ", ".join(value) if value else "—"
    return str(value)


#: fields measured in their record's unit, which the report writes with them
MEASURED = frozenset({"start", "target", "threshold", "current", "green", "red", "value"})

#: the report's words are English, so are its numbers (``1,000,000 EUR``, ``4.5%``)
_ENGLISH = load_language("en", ())


def show_measure(value: Value, unit: str) -> str:
    """A figure with its unit as the pages write it (``1,000,000 EUR``, ``4.5%``).

    The unit is put on by :meth:`okrsite.translations.Language.with_unit`,
    the pages' one place for it; anything but a finite number is :func:`show`.
    """
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and numbers.finite(value) is not None
    ):
        return _ENGLISH.with_unit(show(value), unit)
    return show(value)


def show_field(f: FieldChange, units: tuple[str, str] = ("", "")) -> tuple[str, str]:
    """A field's before and after as text, figures of :data:`MEASURED` fields with their units."""
    if f.field in MEASURED:
        return show_measure(f.before, units[0]), show_measure(f.after, units[1])
    return show(f.before), show(f.after)


def _mark_broken(
    rec: RecordChange, error_files: Collection[str], base_error_files: Collection[str]
) -> RecordChange:
    if rec.change == "removed" and rec.file in error_files:
        return replace(rec, broken=True)
    if rec.change == "added" and rec.file in base_error_files:
        return replace(rec, broken_at_base=True)
    return rec


def _errors_by_file(diags: Sequence[Diagnostic]) -> dict[str, tuple[Diagnostic, ...]]:
    out: dict[str, tuple[Diagnostic, ...]] = {}
    for d in diags:
        if d.is_error and d.file:
            out[d.file] = (*out.get(d.file, ()), d)
    return out


def _unreadable(
    kind: str,
    side: Mapping[str, Objective] | Mapping[str, KPI],
    other: Mapping[str, Objective] | Mapping[str, KPI],
    matched: Collection[str],
    other_errors: Mapping[str, tuple[Diagnostic, ...]],
) -> dict[tuple[str, str], tuple[Diagnostic, ...]]:
    """``(kind, id)`` → errors for the records of ``side`` that ``other``
    lacks only because their file has errors there (the loader leaves such
    records out, and silently cuts every link to them)."""
    return {
        (kind, rid): other_errors[rec.file]
        for rid, rec in side.items()
        if rid not in other and rid not in matched and rec.file in other_errors
    }


# ------------------------------------------------------------------ entry point
def diff_portfolios(
    base: ScoredPortfolio,
    head: ScoredPortfolio,
    base_diags: Sequence[Diagnostic] = (),
    head_diags: Sequence[Diagnostic] = (),
    *,
    head_has_file: Callable[[str], bool] | None = None,
    base_has_file: Callable[[str], bool] | None = None,
    moved_files: Mapping[str, str] | None = None,
) -> DiffResult:
    """Compare two scored portfolios; both should be scored at the same as_of.

    Scoring both sides at one date is what makes the comparison mean "what
    the change did" rather than "what the passing of time did".

    ``head_has_file`` and ``base_has_file`` say whether a file (relative to
    the site) exists on that side: a check-in of an objective that cannot be
    read there is "cannot be read" while its file is there, and removed (or
    added) when it is not. Without them every such file counts as there.

    ``moved_files`` maps a file at head (relative to the site) to the file
    git saw it move from (``git mv``, or a deletion and an addition git pairs
    by content): a record whose id changed with its file is one record,
    whatever else the commit changed in it (its title too), as the history
    reads it; records on one side only are otherwise paired by title.
    """
    bp, hp = base.portfolio, head.portfolio
    as_of = head.as_of
    moved = moved_files or {}
    obj_renames = _paired(bp.objectives, hp.objectives, moved)
    kpi_renames = _paired(bp.kpis, hp.kpis, moved)
    goal_renames = _paired(bp.goals, hp.goals, moved)
    head_errors_by_file = _errors_by_file(head_diags)
    base_errors_by_file = _errors_by_file(base_diags)
    # records one side leaves out only because their file has errors there:
    # "cannot be read at head" / "could not be read at base", and what links
    # to them (a child's parent, a check-in) is not changed by the change
    head_unreadable = {
        **_unreadable(
            "objective", bp.objectives, hp.objectives, obj_renames.values(), head_errors_by_file
        ),
        **_unreadable("kpi", bp.kpis, hp.kpis, kpi_renames.values(), head_errors_by_file),
    }
    base_unreadable = {
        **_unreadable("objective", hp.objectives, bp.objectives, obj_renames, base_errors_by_file),
        **_unreadable("kpi", hp.kpis, bp.kpis, kpi_renames, base_errors_by_file),
    }
    unreadable_objectives = {
        rid for kind, rid in (*head_unreadable, *base_unreadable) if kind == "objective"
    }

    objectives = _record_changes(
        "objective",
        bp.objectives,
        hp.objectives,
        obj_renames,
        lambda b, h: objective_fields(b, h, obj_renames, unreadable_objectives),
        lambda b, h: key_result_changes(b, h, _running(h, hp, as_of), _running(b, bp, as_of)),
    )
    kpis = _record_changes(
        "kpi",
        bp.kpis,
        hp.kpis,
        kpi_renames,
        lambda b, h: kpi_fields(b, h) + _kpi_score_fields(base.kpis.get(b.id), head.kpis.get(h.id)),
        unit=lambda k: k.unit,
    )
    goals = _record_changes(
        "goal",
        bp.goals,
        hp.goals,
        goal_renames,
        lambda b, h: (
            _goal_fields(b, h) + _goal_score_fields(base.goals.get(b.id), head.goals.get(h.id))
        ),
        unit=lambda g: g.measure.unit if g.measure else "",
    )
    kr_renames = {
        rec.id: {kr.id: kr.renamed_from for kr in rec.key_results if kr.renamed_from}
        for rec in objectives
        if any(kr.renamed_from for kr in rec.key_results)
    }
    checkins = _checkin_changes(
        bp,
        hp,
        as_of,
        head_errors_by_file,
        obj_renames,
        kr_renames,
        base_errors_by_file,
        head_unreadable,
        base_unreadable,
        head_has_file,
        base_has_file,
    )

    edited = {c.id for c in objectives if c.change == "changed"}
    checked_in = {c.target for c in checkins if c.target_kind == "objective" and c.counted}
    changed_kpis = {c.id for c in kpis} | {
        c.target for c in checkins if c.target_kind == "kpi" and c.counted
    }
    changed_kpis |= {
        k for k in set(base.kpis) & set(head.kpis) if base.kpis[k].series != head.kpis[k].series
    }
    scores = _score_changes(
        base,
        head,
        obj_renames,
        edited,
        checked_in,
        changed_kpis,
        kr_renames,
        unreadable_objectives,
    )
    objectives, kpis, goals = (
        tuple(_mark_broken(r, head_errors_by_file, base_errors_by_file) for r in records)
        for records in (objectives, kpis, goals)
    )
    objectives = tuple(
        r if r.broken or r.broken_at_base else _after_the_end(r, bp, hp, as_of) for r in objectives
    )
    moved = {r.file: r.moved_from for r in (*objectives, *kpis, *goals) if r.moved_from}
    introduced, resolved = _diag_changes(base_diags, head_diags, moved)
    head_errors = tuple(d for d in head_diags if d.is_error)
    return DiffResult(
        as_of=as_of,
        objectives=objectives,
        kpis=kpis,
        goals=goals,
        checkins=checkins,
        scores=scores,
        introduced=introduced,
        resolved=resolved,
        head_errors=head_errors,
        findings=_findings(objectives, kpis, goals, head_errors),
        person_names={**bp.person_names, **hp.person_names},
        team_names={**bp.team_names, **hp.team_names},
    )
