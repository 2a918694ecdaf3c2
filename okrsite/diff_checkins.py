"""Which check-ins a change adds, edits, removes or makes unreadable.

A check-in moves values, so the comparison says what each value was before
(the previous check-in's, the key result's ``current:``, the KPI's last
value) and what it is now, and tells a check-in that the change broke (its
file, or its objective's or KPI's, has errors at head) from one it deleted.
Split from :mod:`okrsite.diff`, which calls :func:`_checkin_changes` with
the records already matched (:mod:`okrsite.diff_records`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from okrsite.changes import value_before
from okrsite.diagnostics import Diagnostic
from okrsite.diff_records import FOLLOWS_RENAME, ChangeKind, FieldChange, _field, _fields
from okrsite.model import CheckIn, Portfolio
from okrsite.resolve import checkin_order
from okrsite.scoring import boolean_done


@dataclass(frozen=True, slots=True)
class ValueMove:
    """A value a check-in reports, next to the one it replaces, in ``unit``
    (its key result's or KPI's, for the report to write as pages do)."""

    key: str
    before: float | None
    after: float | None
    unit: str = ""
    #: for a yes/no key result: whether each value says done
    #: (:func:`okrsite.scoring.boolean_done`, as the dashboard words it);
    #: ``None`` for other values, and where there is no value
    done_before: bool | None = None
    done_after: bool | None = None


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
    two check-ins of one day are told apart, and listed, by it. ``zone`` is
    the zone that time names as the check-in keeps it (``+01:00``; ``Z`` is
    ``+00:00``), empty without one: the report shows it as pages do
    (``17:00 (UTC+01:00)``), or 17:00+01:00 and 09:00-08:00 of one day read
    as if the later were the earlier.
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
    #: a check-in that moved with its renamed objective or KPI (its id is its
    #: path, so it changed too): its base id and file, beside head's ``id``
    #: and ``file``, so a script follows it without reading its ``fields``;
    #: none for one that did not move
    old_id: str | None = None
    old_file: str | None = None
    zone: str = ""


#: ``({head id: base id} of objectives, the same of KPIs)``: the records
#: whose id changed (:func:`okrsite.diff_records._paired`)
_Renames = tuple[Mapping[str, str], Mapping[str, str]]


# ------------------------------------------------------------------ check-ins
def _checkin_target(c: CheckIn) -> tuple[Literal["objective", "kpi"], str]:
    if c.kpi is not None:
        return "kpi", c.kpi
    return "objective", c.objective or ""


def _checkin_key(c: CheckIn) -> tuple[object, ...]:
    return (
        c.date,
        c.time,
        c.zone,
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
                seed = value_before(head, kr, c.date)
                if seed is not None:
                    values[kr.id] = seed
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
        # head's series already holds its own check-ins of earlier days; a
        # refused one is newer than the series' value of an earlier day. One
        # of the same day before ``c`` (09:00, then 17:00) is no previous
        # value: the day's last reading overrules it, so the KPI's value
        # before ``c`` is its last date's before, as the dashboard and the
        # KPI's page say (okrsite.changes)
        if (
            c.kpi is not None
            and other.value is not None
            and other.date < c.date
            and (kpi_day is None or other.date >= kpi_day)
        ):
            kpi_day, kpi_value = other.date, other.value
    return values, confidence, kpi_value


def _follows(b: CheckIn, h: CheckIn, renames: _Renames) -> tuple[bool, bool]:
    """Whether ``h`` names ``b``'s objective, and its KPI, under the id
    that record was renamed to (:func:`okrsite.diff_records._paired`)."""
    obj_renames, kpi_renames = renames
    return (
        h.objective is not None and obj_renames.get(h.objective) == b.objective,
        h.kpi is not None and kpi_renames.get(h.kpi) == b.kpi,
    )


def _checkin_fields(b: CheckIn, h: CheckIn, renames: _Renames) -> tuple[FieldChange, ...]:
    """What an edit changed besides its values and confidence (those are value moves).

    An ``objective`` (or ``kpi``) that changed only because that record was
    renamed is noted "follows rename", as an objective's ``parent`` is; so
    is the ``file`` of a check-in that moved with it (``git mv`` of the
    objective's folder of check-ins): a reader sees where it went, and
    that nothing else did.
    """
    obj_follows, kpi_follows = _follows(b, h, renames)
    moved_with = FOLLOWS_RENAME if obj_follows or kpi_follows else None
    return _fields(
        _field("file", b.file, h.file, moved_with),
        _field("objective", b.objective, h.objective, FOLLOWS_RENAME if obj_follows else None),
        _field("kpi", b.kpi, h.kpi, FOLLOWS_RENAME if kpi_follows else None),
        _field("date", b.date.isoformat(), h.date.isoformat()),
        _field("time", _zoned_time(b), _zoned_time(h)),
        _field("author", b.author, h.author),
        _field("note", b.body, h.body),
    )


def _zoned_time(c: CheckIn) -> str | None:
    """A check-in's time of day with its zone as RFC 3339 writes it
    (``17:00+01:00``; ``17:00`` without one, ``None`` without a time): an
    edit that moves only the zone moves the instant, and is a ``time`` change."""
    return c.time + c.zone if c.time else None


def _why_refused(
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


def _move(
    c: CheckIn,
    key: str,
    before: float | None,
    after: float | None,
    head: Portfolio,
    base: Portfolio,
) -> ValueMove:
    """A value ``c`` gives, in its key result's or KPI's unit (head's first);
    a yes/no key result's values also as done or not
    (:func:`~okrsite.scoring.boolean_done` of a check-in's value, as the
    dashboard's "changed this week" words them)."""
    for side in (head, base):
        if c.kpi is not None:
            kpi = side.kpis.get(c.kpi)
            if kpi is not None:
                return ValueMove(key, before, after, kpi.unit)
        elif c.objective is not None and (obj := side.objectives.get(c.objective)):
            kr = obj.key_result(key)
            if kr is not None:
                if kr.kind != "boolean":
                    return ValueMove(key, before, after, kr.unit)
                done = [None if v is None else boolean_done(kr, v, True) for v in (before, after)]
                return ValueMove(key, before, after, kr.unit, done[0], done[1])
    return ValueMove(key, before, after)


def _checkins_by_target(
    checkins: Iterable[CheckIn],
) -> dict[tuple[str | None, str | None], list[tuple[tuple[object, ...], CheckIn]]]:
    """The check-ins of each objective or KPI with their place in the loader's
    order, sorted by it: what :func:`_previous` reads."""
    by_target: dict[tuple[str | None, str | None], list[tuple[tuple[object, ...], CheckIn]]] = {}
    for c in checkins:
        by_target.setdefault((c.objective, c.kpi), []).append((checkin_order(c), c))
    for same in by_target.values():
        same.sort(key=lambda pair: pair[0])
    return by_target


def _added_checkin(
    h: CheckIn,
    head: Portfolio,
    base: Portfolio,
    as_of: date,
    same: Sequence[tuple[tuple[object, ...], CheckIn]],
    at_base: tuple[Diagnostic, ...] | None,
) -> CheckInChange:
    """A check-in head has and base has not, its values next to what its
    target showed before it (``same``: :func:`_checkins_by_target`'s list
    for its target). ``at_base`` are base's errors when base refused it."""
    kind, target = _checkin_target(h)
    moves: tuple[ValueMove, ...]
    prev_values, prev_conf, prev_kpi = _previous(head, h, same)
    if h.kpi is not None:
        moves = (_move(h, "value", prev_kpi, h.value, head, base),)
    else:
        moves = tuple(_move(h, k, prev_values.get(k), v, head, base) for k, v in h.values.items())
    return CheckInChange(
        h.id, h.file, h.date, "added", kind, target, h.author, moves,
        prev_conf, h.confidence, h.date <= as_of, time=h.time, zone=h.zone if h.time else "",
        errors=at_base or (), broken_at_base=at_base is not None,
    )  # fmt: skip


def _edited_checkin(
    b: CheckIn,
    h: CheckIn,
    head: Portfolio,
    base: Portfolio,
    as_of: date,
    renames: _Renames,
    kr_renames: Mapping[str, Mapping[str, str]],
) -> CheckInChange:
    """A check-in on both sides that differs: the values it moves, and what
    else the edit changed (:func:`_checkin_fields`, key results it follows
    to their new ids)."""
    obj_renames = renames[0]
    kind, target = _checkin_target(h)
    moves: tuple[ValueMove, ...]
    follows: tuple[FieldChange, ...] = ()
    if h.kpi is not None:
        moves = (_move(h, "value", b.value, h.value, head, base),) if b.value != h.value else ()
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
            _move(h, k, b_values.get(k), h.values.get(k), head, base)
            for k in keys
            if b_values.get(k) != h.values.get(k)
        )
        follows = _fields(
            *(_field("key result", old, new, FOLLOWS_RENAME) for old, new in followed.items())
        )
    return CheckInChange(
        h.id, h.file, h.date, "changed", kind, target, h.author, moves,
        b.confidence, h.confidence, h.date <= as_of or b.date <= as_of,
        _checkin_fields(b, h, renames) + follows, time=h.time, zone=h.zone if h.time else "",
        old_id=b.id if b.id != h.id else None,
        old_file=b.file if b.file != h.file else None,
    )  # fmt: skip


def _removed_checkin(
    b: CheckIn,
    head: Portfolio,
    base: Portfolio,
    as_of: date,
    refused: tuple[Diagnostic, ...] | None,
) -> CheckInChange:
    """A check-in base has and head has not: deleted, or, with ``refused``
    (head's errors), still there but refused by head's loader."""
    kind, target = _checkin_target(b)
    if refused is not None:
        return CheckInChange(
            b.id, b.file, b.date, "removed", kind, target, b.author, (),
            b.confidence, None, b.date <= as_of,
            broken=True, errors=refused, time=b.time, zone=b.zone if b.time else "",
        )  # fmt: skip
    moves: tuple[ValueMove, ...]
    if b.kpi is not None:
        moves = (_move(b, "value", b.value, None, head, base),)
    else:
        moves = tuple(_move(b, k, v, None, head, base) for k, v in b.values.items())
    return CheckInChange(
        b.id, b.file, b.date, "removed", kind, target, b.author, moves,
        b.confidence, None, b.date <= as_of, time=b.time, zone=b.zone if b.time else "",
    )  # fmt: skip


def _moved_checkins(
    b_all: Mapping[str, CheckIn],
    h_all: Mapping[str, CheckIn],
    moved: Mapping[str, str],
    renames: _Renames,
) -> dict[str, str]:
    """``{head id: base id}`` for check-ins whose id is on one side only
    because their file moved (a check-in's id is its path under
    ``content/checkins/``): one check-in, not one removed and one added.

    Paired first by the file git saw each move from (``moved``: file at head
    → file at base), as records are (:func:`okrsite.diff_records._paired`);
    then, for those git did not pair (a small file edited as it moved is a
    deletion and an addition to git), a check-in of the same day, time of
    day and file name whose objective or KPI is the record that was renamed
    (filed in its folder, ``content/checkins/<id>/``, it moved with it).
    Each side's check-in is paired once, and only where the pairing is
    unique."""
    gone = {cid: c for cid, c in b_all.items() if cid not in h_all}
    new = {cid: c for cid, c in h_all.items() if cid not in b_all}
    if not gone or not new:
        return {}
    by_file = {c.file: cid for cid, c in gone.items()}
    out: dict[str, str] = {}
    for cid, h in new.items():
        was = by_file.get(moved.get(h.file, ""))
        if was is not None and was not in out.values():
            out[cid] = was
    candidates: dict[tuple[object, ...], list[str]] = {}
    for cid, b in gone.items():
        if cid not in out.values():
            key = (b.date, b.time, b.file.rpartition("/")[2])
            candidates.setdefault(key, []).append(cid)
    claimed: dict[str, list[str]] = {}
    for cid, h in new.items():
        if cid in out:
            continue
        same = candidates.get((h.date, h.time, h.file.rpartition("/")[2]), [])
        found = [bid for bid in same if any(_follows(b_all[bid], h, renames))]
        if len(found) == 1:
            claimed.setdefault(found[0], []).append(cid)
    out.update({heads[0]: bid for bid, heads in claimed.items() if len(heads) == 1})
    return out


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
    kpi_renames: Mapping[str, str] | None = None,
    moved_files: Mapping[str, str] | None = None,
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

    ``kpi_renames`` are the KPIs whose id changed, as ``obj_renames`` the
    objectives, and ``moved_files`` the files git saw move (head → base):
    a check-in that moved with its objective or KPI is paired with itself
    (:func:`_moved_checkins`), an edit that "follows rename", not a check-in
    removed and one added with its values shown as new.
    """
    kr_renames = kr_renames or {}
    renames: _Renames = (obj_renames, kpi_renames or {})
    base_errors = base_errors or {}
    head_unreadable = head_unreadable or {}
    base_unreadable = base_unreadable or {}
    b_all = {c.id: c for c in base.checkins}
    h_all = {c.id: c for c in head.checkins}
    moved = _moved_checkins(b_all, h_all, moved_files or {}, renames)
    kept = set(moved.values())  # base ids that moved: on both sides
    refused_errors = {
        cid: errs
        for cid, b in b_all.items()
        if cid not in h_all
        and cid not in kept
        and (errs := _why_refused(b, head_errors, head_unreadable, head_has_file)) is not None
    }
    refused = {cid: b_all[cid] for cid in refused_errors}
    by_target = _checkins_by_target((*head.checkins, *refused.values()))
    out: list[CheckInChange] = []
    for cid, h in h_all.items():
        b = b_all.get(moved.get(cid, cid))
        if b is None:
            same = by_target.get((h.objective, h.kpi), [])
            at_base = _why_refused(h, base_errors, base_unreadable, base_has_file)
            out.append(_added_checkin(h, head, base, as_of, same, at_base))
        elif _checkin_key(b) != _checkin_key(h) or b.file != h.file:
            out.append(_edited_checkin(b, h, head, base, as_of, renames, kr_renames))
    for cid, b in b_all.items():
        if cid not in h_all and cid not in kept:
            out.append(_removed_checkin(b, head, base, as_of, refused_errors.get(cid)))
    # the loader's order (resolve.checkin_order): by date, the instant of the
    # time of day, then file name in natural order, so "2026-11-19.md"
    # (10:30) is listed before "2026-11-19-2.md" (17:00), as on the pages, not
    # after it as plain string order of the paths would have it; the order of
    # the check-in each change shows (head's, or base's when removed), whose
    # zone orders one day's times by the instant
    shown = {**b_all, **h_all}
    return tuple(sorted(out, key=lambda change: checkin_order(shown[change.id])))
