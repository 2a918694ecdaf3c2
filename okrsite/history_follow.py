"""Check-ins that only followed a rename: their figures keep the commits that wrote them.

A check-in's figure is credited to the commit that last changed it, and a
check-in is backdated when the commit that last changed what it says was
(:func:`okrsite.history_fold.assemble` compares each version of a check-in
with the one before). Two kinds of commit change a check-in's file without
changing what it says, and would otherwise take its figures over:

- a key result's id renamed (``id: b`` → ``id: bookings``, ``okrsite diff``'s
  "key result: b → bookings (follows rename)") with the check-ins that wrote
  ``b`` rewritten to write ``bookings``, in the same commit or a later one;
- an objective moved with its check-ins (``git mv``): the check-in keeps the
  commit that wrote it, and so must a checklist's milestones that
  ``okrsite checkin`` ticked with it, under the check-in's new id.

This module is separate from the fold because it works on the commits'
events before folding (:func:`followed`: a check-in's earlier versions are
read under the key results' new ids, so the fold finds nothing changed) and
on the folded history after (:func:`ticks_followed`). It is pure, like the
fold, and reads the events without changing them (they are the cache's).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from okrsite.gitsource import CommitInfo

if TYPE_CHECKING:
    from okrsite.history import SiteHistory
    from okrsite.history_events import Event

#: by objective id, each commit's key result renames: ``(place, {old: new})``
_Renames = dict[str, list[tuple[int, dict[str, str]]]]


def _renamed_says(says: Any, names: Mapping[str, str]) -> list[Any]:
    """What a check-in says (:func:`okrsite.history_events.checkin_says`) with
    its figures' key result ids renamed by ``names``, sorted as it sorts them."""
    figures = sorted(([names.get(k, k), v] for k, v in says[0]), key=lambda kv: kv[0])
    return [figures, *says[1:]]


def _followed_names(says: Any, now: Any, steps: Sequence[dict[str, str]]) -> dict[str, str]:
    """The renames of ``steps`` (each commit's, oldest first) that a check-in
    which said ``says`` and says ``now`` followed: each of its key result ids
    that ``now`` writes under its new id, and no longer under the old (a
    check-in that still writes the old id did not follow the rename)."""
    if not steps or not says or not now:
        return {}
    keys_now = {k for k, _v in now[0]}
    out: dict[str, str] = {}
    for key, _value in says[0]:
        name = key
        for step in steps:  # each commit's renames at once: b ↔ c swaps
            name = step.get(name, name)
        if name != key and name in keys_now:
            out[key] = name
    targets = set(out.values())
    if any(k in keys_now and k not in targets for k in out):
        return {}
    return out


def followed(commits: Sequence[CommitInfo], events: Mapping[str, Event]) -> dict[str, Event]:
    """``events`` with the earlier versions of each check-in that followed a
    key result's rename (in the same commit as the rename or a later one)
    said under the new ids, so that the fold finds the renaming commit
    changed none of its figures: they keep the commits that wrote them.

    The events are folded in the order they entered the branch
    (:func:`okrsite.history_fold.entered`), and so are read here. Events that
    need no change are the same objects; the others are copies."""
    from okrsite.history_fold import entered

    ordered, _dates = entered(commits)
    renames: _Renames = {}
    #: by check-in id, its versions so far: (place, commit, index in its checkins)
    chains: dict[str, list[tuple[int, str, int]]] = {}
    out = dict(events)
    copied: set[str] = set()

    def says_of(sha: str, index: int) -> Any:
        return out[sha]["checkins"][index].get("says")

    def put(sha: str, index: int, key: str, value: Any) -> None:
        if sha not in copied:
            copied.add(sha)
            out[sha] = {**out[sha], "checkins": list(out[sha]["checkins"])}
        checkins = out[sha]["checkins"]
        checkins[index] = {**checkins[index], key: value}

    for place, c in enumerate(ordered):
        event = events.get(c.sha)
        if not event:
            continue
        for rec in event.get("records", ()):
            if rec.get("kind") != "objective":
                continue
            if "from" in rec and rec["from"] in renames:
                renames.setdefault(rec["id"], [])[:0] = renames.pop(rec["from"])
            step = {
                kr["from"]: kr["id"]
                for kr in rec.get("key_results", ())
                if kr.get("change") == "changed" and kr.get("from")
            }
            if step:
                renames.setdefault(rec["id"], []).append((place, step))
        for index, ci in enumerate(event.get("checkins", ())):
            chain = chains.pop(ci.get("from", ci["id"]), [])
            now, objective = ci.get("says"), ci.get("objective")
            mine = renames.get(objective, []) if objective else []
            if chain:
                last = chain[-1][0]
                steps = [step for at, step in mine if last <= at <= place]
                names = _followed_names(says_of(*chain[-1][1:]), now, steps)
                if names:
                    for _at, sha, i in chain:
                        said = says_of(sha, i)
                        if said is not None:
                            put(sha, i, "says", _renamed_says(said, names))
            elif "was" in ci:
                # a shallow clone: what the version before this commit said
                steps = [step for at, step in mine if at <= place]
                names = _followed_names(ci["was"], now, steps)
                if names:
                    put(c.sha, index, "was", _renamed_says(ci["was"], names))
            chain.append((place, c.sha, index))
            chains[ci["id"]] = chain
    return out


def ticks_followed(
    history: SiteHistory, commits: Sequence[CommitInfo], events: Mapping[str, Event]
) -> None:
    """Name, in ``history.ticks``, a check-in that moved after it was written
    with a checklist's milestones (an objective and its check-ins moved with
    ``git mv``) by its new id: the milestones still come from it."""
    from okrsite.history_fold import entered

    ordered, _dates = entered(commits)
    place = {c.sha: i for i, c in enumerate(ordered)}
    moves: list[tuple[int, str, str]] = []
    for c in ordered:
        for ci in (events.get(c.sha) or {}).get("checkins", ()):
            if ci.get("from") and ci["from"] != ci["id"]:
                moves.append((place[c.sha], ci["from"], ci["id"]))
    if not moves:
        return
    for krs in history.ticks.values():
        for kid, (origin, checkin, done) in list(krs.items()):
            if checkin is None:
                continue
            wrote, now = place.get(origin.commit, -1), checkin
            for at, old, new in moves:
                if at > wrote and now == old:
                    now = new
            if now != checkin:
                krs[kid] = (origin, now, done)
