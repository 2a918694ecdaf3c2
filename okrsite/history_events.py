"""What one commit did to the goals: the per-commit facts the site's history is made of.

A commit's ``git log --raw`` lists the files it added, modified and deleted
with their blob ids before and after. Both versions are parsed with the
project's own parser and compared with :mod:`okrsite.diff`'s record
comparisons, so "target 50 → 40: less ambitious" is judged by the same rule
as in ``okrsite diff``. The result is plain JSON data (lists, strings,
numbers) because it is cached per commit under ``.okrsite-cache/``: a commit
never changes, so its facts never need computing again.

This module is pure: it takes parsed versions and returns data. Reading git
and parsing blobs happen in :mod:`okrsite.history`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from okrsite import diff as diff_mod
from okrsite.diff_records import _milestones
from okrsite.history_names import SiteNames, named_by_a_file, site_named, strays
from okrsite.model import KPI, CheckIn, KeyResult, Objective

Event = dict[str, Any]
Record = Objective | KPI
#: what a CSV row says: its whole figure (``1200000.0``), or that and what its
#: cell writes beside the digits (``(1200000.0, "€M")`` for ``€1.2M``), by
#: which a KPI counting in a magnitude (``k€``) counts it (1200)
CsvSaid = float | tuple[float, str]

# The timeline shows every definition field ``okrsite diff`` compares
# (okrsite.diff_records: objective_fields, key_result_changes, kpi_fields):
# one definition of what changed, so a key result dropped or reweighted, a
# milestone ticked or an objective reweighted is in both.


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _fields(changes: Sequence[diff_mod.FieldChange]) -> list[list[Any]]:
    """``[[field, old, new, less_ambitious, note]]`` for every field ``okrsite
    diff`` saw move: ``note`` is its judgement ("less ambitious", "direction
    reversed", …; None), kept whole so the timeline says what the diff says."""
    return [
        [f.field, _json_value(f.before), _json_value(f.after), f.note == diff_mod.LESS, f.note]
        for f in changes
    ]


def key_result_events(before: Objective, after: Objective) -> list[Event]:
    """The key results added, removed and changed between two versions of an
    objective, as an event lists them (``key_results``); also how a key
    result added back differs from its version before its removal
    (:mod:`okrsite.history_readd`)."""
    out: list[Event] = []
    currents = _currents(after)
    ticks = _ticks(after)
    for kr in diff_mod.key_result_changes(before, after):
        event: Event = {"id": kr.id, "title": kr.title, "change": kr.change}
        if kr.change == "added" and kr.id in currents:
            event["current"] = currents[kr.id]
        if kr.change == "added" and kr.id in ticks:
            event["ticks"] = ticks[kr.id]
        if kr.renamed_from:
            event["from"] = kr.renamed_from
        if kr.change == "changed":
            event["fields"] = _fields(kr.fields)
            if not event["fields"] and not kr.renamed_from:
                continue
        out.append(event)
    return out


def _currents(o: Objective) -> dict[str, Any]:
    """The ``current:`` values a version of an objective gives, by key result:
    what a figure read from ``current:`` was when committed, so a page can
    tell a value edited since its last commit from the committed one."""
    return {kr.id: kr.current for kr in o.key_results if kr.current is not None}


def milestones_done(kr: KeyResult) -> str | None:
    """A checklist key result's milestones as ``okrsite diff`` compares them
    (``"1/2 done"``; None for other kinds): the ``milestones`` field of a change."""
    return _milestones(kr)


def _ticks(o: Objective) -> dict[str, str]:
    """What a version of an objective says of its checklists' milestones, by
    key result: a page tells a milestone ticked since its last commit by it."""
    out: dict[str, str] = {}
    for kr in o.key_results:
        done = _milestones(kr)
        if done is not None:
            out[kr.id] = done
    return out


def checkin_says(c: CheckIn) -> list[Any]:
    """What a check-in says (its figures and confidence), compared between
    versions: a commit that changes it is the one that wrote its figures."""
    return [[[k, v] for k, v in sorted(c.values.items())], c.value, c.confidence]


def record_change(before: Record | None, after: Record | None) -> Event | None:
    """One record's change in a commit, or ``None`` when nothing the timeline shows moved."""
    rec = after if after is not None else before
    assert rec is not None
    kind = "objective" if isinstance(rec, Objective) else "kpi"
    event: Event = {"kind": kind, "id": rec.id, "file": rec.file, "title": rec.title}
    if isinstance(rec, Objective):
        event["cycle"] = rec.cycle
    if before is None:
        event["change"] = "created"
        if isinstance(rec, Objective):
            event["currents"] = _currents(rec)
            ticks = _ticks(rec)
            if ticks:
                event["ticks"] = ticks
        if isinstance(rec, KPI):
            event["values"] = _new_values((), rec.values)
        return event
    if after is None:
        event["change"] = "removed"
        return event
    event["change"] = "changed"
    if before.id != after.id:
        event["from"] = before.id
    if isinstance(before, Objective) and isinstance(after, Objective):
        event["fields"] = _fields(diff_mod.objective_fields(before, after, {}))
        event["key_results"] = key_result_events(before, after)
        event["values"] = []
    elif isinstance(before, KPI) and isinstance(after, KPI):
        event["fields"] = _fields(diff_mod.kpi_fields(before, after))
        event["key_results"] = []
        event["values"] = _new_values(before.values, after.values)
    else:  # an objective became a KPI or back: a removal and a creation
        return None
    if not (event["fields"] or event["key_results"] or event["values"] or "from" in event):
        return None
    return event


def _new_values(
    before: Sequence[tuple[date, float]], after: Sequence[tuple[date, float]]
) -> list[list[Any]]:
    """``values:`` entries of a KPI that this version added or changed: ``[[date, value]]``."""
    old = set(before)
    return [[d.isoformat(), v] for d, v in after if (d, v) not in old]


def csv_said(row: tuple[date, float]) -> CsvSaid:
    """What a data file's row (a :class:`~okrsite.kpi_data_file.CsvRow`) says:
    its figure, with what its cell writes beside the digits when it writes
    any. Rows that say the same read the same for every KPI, whatever its unit."""
    written = getattr(row, "written", "")
    return (row[1], written) if written else row[1]


def _row(path: str, day: str, said: CsvSaid) -> list[Any]:
    """A CSV row of an event: ``[path, date, value]``, and what its cell
    writes beside the digits after them when it writes any."""
    return [path, day, *said] if isinstance(said, tuple) else [path, day, said]


#: the fields whose values are a person's or a team's id, and which kind
_NAMED_FIELDS = {"owner": "person", "team": "team"}


def written_as(written: dict[tuple[str, str], str], names: Sequence[tuple[str, str, str]]) -> None:
    """Note in ``written`` (``(kind, id) → name``) the people and teams a
    version names as it writes them (:attr:`okrsite.parse.ParsedFile.names`);
    a name written with capitals wins over one in lower case, as resolving
    keeps it (:func:`okrsite.resolve_tables._gather`)."""
    for kind, ident, name in names:
        first = written.setdefault((kind, ident), name)
        if first == first.lower() and name != name.lower():
            written[kind, ident] = name


def names_written(event: Event, written: Mapping[tuple[str, str], str]) -> None:
    """Keep in a record's ``event`` (``names``: by field, ``[old, new]``) the
    names its versions wrote for the owner or team ids its changes name: an
    owner written only by name (``owner: Ana Costa``), with no person file
    and named by no current file, is ``Ana Costa`` on the timeline, as in
    ``okrsite diff``, not the id ``ana-costa``. Ids written as ids (or named
    by no version read) are left out; so is the whole key when none is
    written otherwise."""
    kept: dict[str, list[str | None]] = {}
    for entry in event.get("fields", ()):
        kind = _NAMED_FIELDS.get(entry[0])
        if kind is None:
            continue
        pair = [_written(written, kind, value) for value in entry[1:3]]
        if pair != [None, None]:
            kept[entry[0]] = pair
    if kept:
        event["names"] = kept


def _written(written: Mapping[tuple[str, str], str], kind: str, value: Any) -> str | None:
    """The name ``value`` (an id) was written by, of ``kind`` or else of
    the other kind (``owner: Platform`` names a team), when not the id itself."""
    if not isinstance(value, str) or named_by_a_file(value):
        return None
    other = "team" if kind == "person" else "person"
    name = written.get((kind, value)) or written.get((other, value))
    return name if name is not None and name != value else None


def commit_events(
    before: Mapping[str, Record],
    after: Mapping[str, Record],
    checkins: Sequence[CheckIn],
    csv_rows: Sequence[tuple[str, str, CsvSaid]],
    moved: Mapping[str, str] | None = None,
    checkins_from: Mapping[str, str] | None = None,
    checkins_was: Mapping[str, CheckIn] | None = None,
    written_names: Mapping[tuple[str, str], str] | None = None,
) -> Event:
    """Everything a commit did, from the records of the files it touched.

    ``before`` and ``after`` map ``kind:id`` to the record in the old and new
    versions of the touched files. ``moved`` pairs ``kind:id`` keys of
    ``after`` with keys of ``before`` that git saw as one file moving (its
    path-derived id changed, whatever else changed with it). Of the ids left
    on one side only, one is paired with one on the other side that has the
    same title, with the rule ``okrsite diff`` uses. Either way the pair keeps
    its timeline. ``checkins`` are check-ins as this commit wrote them (or
    moved them: ``checkins_from`` maps a moved one's id to its id before) and
    ``csv_rows`` the ``(path, date, value)`` rows it added to CSV files
    (``value`` as :func:`csv_said` gives it).
    ``checkins_was`` holds, by id, the version before this commit of a
    check-in it changed or moved: what that said is kept (``was``), for a
    shallow clone, where the commit that wrote it is not at hand.
    ``written_names``: the people and teams the versions read name, as they
    write them (``(kind, id) → name``): each record's event keeps those of
    the owners and teams its changes name (:func:`names_written`).
    """
    # each version named as the site names people, teams and KPIs, however it
    # was read (parsed as written, or the site's resolved record): the two
    # sides of a change are compared alike (okrsite.history_names)
    before = {k: site_named(r) for k, r in before.items()}
    after = {k: site_named(r) for k, r in after.items()}
    written = checkins
    checkins = [site_named(c) for c in checkins]
    checkins_was = {i: site_named(c) for i, c in (checkins_was or {}).items()}
    records: list[Event] = []
    moved = moved or {}
    checkins_from = checkins_from or {}
    for kind in ("objective", "kpi"):
        b = {k.split(":", 1)[1]: r for k, r in before.items() if k.startswith(kind + ":")}
        a = {k.split(":", 1)[1]: r for k, r in after.items() if k.startswith(kind + ":")}
        renames: dict[str, str] = {}
        for to_key, from_key in moved.items():
            to_kind, to_id = to_key.split(":", 1)
            from_kind, from_id = from_key.split(":", 1)
            # a moved file whose old id another file holds now, or whose new
            # id one held before, is no rename: each id keeps its own timeline
            if to_kind == from_kind == kind and to_id not in b and from_id not in a:
                renames[to_id] = from_id
        rest_b = {i: r for i, r in b.items() if i not in renames.values()}
        rest_a = {i: r for i, r in a.items() if i not in renames}
        renames.update(diff_mod.match_renames(rest_b, rest_a, lambda r: r.title))
        renamed_base = set(renames.values())
        for rid, rec in a.items():
            event = record_change(b.get(renames.get(rid, rid)), rec)
            if event is not None:
                records.append(event)
        for rid, rec in b.items():
            if rid not in a and rid not in renamed_base:
                gone = record_change(rec, None)
                if gone is not None:
                    records.append(gone)
    if written_names:
        for event in records:
            names_written(event, written_names)
    return {
        "records": records,
        "checkins": [
            _checkin(c, checkins_from.get(c.id), checkins_was.get(c.id), w)
            for c, w in zip(checkins, written, strict=True)
        ],
        "rows": [_row(*r) for r in csv_rows],
    }


def _checkin(
    c: CheckIn, moved_from: str | None, was: CheckIn | None = None, written: CheckIn | None = None
) -> Event:
    out: Event = {
        "id": c.id,
        "file": c.file,
        "date": c.date.isoformat(),
        "objective": c.objective,
        "kpi": c.kpi,
        "author": c.author,
        "values": sorted(c.values),
        # what it says, so a later commit that changes a figure (a typo put
        # right in another pull request) is known as the one that wrote it
        "says": checkin_says(c),
    }
    loose = [k for k in written.loose if k in written.values] if written is not None else []
    if loose:
        # its figures written at the top, as written: those that name no key
        # result were dropped (okrsite.history_names), which judged_alike checks
        out["loose"] = loose
    if moved_from is not None:
        out["from"] = moved_from
    if was is not None:
        # what the version before this commit said: a shallow clone's oldest
        # commits are not read, so this is all it knows of the figures
        # committed before them (assemble)
        out["was"] = checkin_says(was)
    return out


def judged_alike(events: Mapping[str, Event], names: SiteNames) -> dict[str, Event]:
    """The commits' ``events`` whose check-ins' top-level figures the site's
    key results as ``names`` knows them keep and drop as they were kept and
    dropped when read (:func:`okrsite.history_names.strays`). A key result
    added or removed since (``sprint`` made one) changes what the check-ins
    that wrote its id at the top said: those commits are left out, to be read
    again, instead of every commit (the key results' ids are not in the
    history cache's key)."""
    out: dict[str, Event] = {}
    for sha, event in events.items():
        for c in event.get("checkins", ()):
            loose = c.get("loose")
            if loose and (
                c["objective"] is None
                or set(strays(names, c["objective"], loose)) != set(loose) - set(c["values"])
            ):
                break
        else:
            out[sha] = event
    return out
