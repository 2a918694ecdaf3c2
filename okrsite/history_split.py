"""Many commits read in several processes, each reading the whole history of some files.

A file's versions are parsed one from the other (:mod:`okrsite.history_parse`),
so the cheapest order is each file's versions oldest first in one process.
Cutting the commits into runs instead made every run after the first parse
whole the version before each file's first change in it: 10,000 extra whole
parses at 10,000 objectives, and runs of unequal work. So each worker takes
a share of the files (:func:`assign_files`, balanced by the parsing each
file needs), reads every commit's changes to them, and returns, per commit,
what those changes did with where each fact came from in the commit
(:func:`read_files`). :func:`merge` puts a commit's shares together in the
order one process would have produced them.

What a commit did is not always the sum of its files: a goal whose file moved
without git pairing the two paths is paired across the deleted and the added
file (a move git saw is one change, read by one worker: :func:`assign_files`),
and two files claiming one id overwrite each other. When a commit's shares could meet that way (a
record removed in one share and one of the same kind added in another, or
one key in two shares), :func:`merge` says so and the commit is read again
whole, in one process.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from typing import Any

from okrsite.content_names import is_folder_readme
from okrsite.gitsource import ZERO_OID, RawChange
from okrsite.history_events import Event, Record, commit_events
from okrsite.model import KPI, CheckIn, Objective

CommitChanges = tuple[str, list[RawChange]]
#: what a worker found of one commit: the event of its files, the place in the
#: commit of each record, check-in and row of it, and the records' keys on
#: each side (``kind:id``)
Share = tuple[Event, list[tuple[int, int, int]], list[int], list[int], set[str], set[str]]
#: what parsing one version costs, in units of parsing a version from the one
#: before it: a file's first version is parsed whole, which costs about twice as much
WHOLE_PARSE = 2.0
_CHANGE = 0.1  # a change whose version is already parsed: bookkeeping only


def wanted(path: str) -> bool:
    """Whether the history reads the file ``path``: goal files and CSV files,
    not a folder's ``README.md``, which the site never reads either
    (:func:`~okrsite.content_names.is_folder_readme`)."""
    if path.endswith(".csv"):
        return True
    return path.endswith(".md") and not is_folder_readme(path.rpartition("/")[2])


def before_path(ch: RawChange) -> str:
    """Where the file was before the change: its old path when git saw it move."""
    return ch.old_path or ch.path


def split_moves(commits: Sequence[CommitChanges]) -> list[CommitChanges]:
    """``commits`` with every move that is not one Markdown file to another made
    a deletion and an addition, as it was read before git's moves were asked for.

    A goal or check-in moved is read as one change, each side under its own
    path; a CSV file moved keeps the commits that wrote its rows (its old
    side is read under its old path), and a file that moved in or out of what
    the history reads, or from one kind of file to another, is simply added
    or removed.
    """
    out: list[CommitChanges] = []
    for sha, changes in commits:
        if all(ch.old_path is None for ch in changes):
            out.append((sha, changes))
            continue
        split: list[RawChange] = []
        for ch in changes:
            if ch.old_path is None or (
                wanted(ch.old_path)
                and wanted(ch.path)
                and ch.old_path.endswith(".md") == ch.path.endswith(".md")
            ):
                split.append(ch)
            else:
                split.append(RawChange("D", ch.old, ZERO_OID, ch.old_path))
                split.append(RawChange("A", ZERO_OID, ch.new, ch.path))
        out.append((sha, split))
    return out


def assign_files(
    commits: Sequence[CommitChanges], jobs: int, known: Mapping[tuple[str, str], Any]
) -> list[set[str]]:
    """The files each of ``jobs`` workers reads, of about equal parsing work.

    A version the current site has parsed (``known``: check-ins written once)
    costs next to nothing; a file's first version to parse costs a whole
    parse. The dearest files are handed out first, each to the least busy
    worker. A file that moved goes with the paths it had (:func:`_moved_together`):
    its new path's first version is parsed from its old path's last, and the
    record it holds is paired across the move, in one worker.
    """
    cost: dict[str, float] = {}
    for _sha, changes in commits:
        for ch in changes:
            if not wanted(ch.path):
                continue
            parse = ch.new != ZERO_OID and (ch.path, ch.new) not in known
            if ch.path not in cost:
                first = WHOLE_PARSE if parse else _CHANGE
                if ch.old != ZERO_OID and (before_path(ch), ch.old) not in known:
                    first += WHOLE_PARSE  # its history starts with a change: the old side too
                cost[ch.path] = first
            else:
                cost[ch.path] += 1.0 if parse else _CHANGE
    groups = _moved_together(commits, cost)
    loads = [(0.0, i) for i in range(jobs)]
    out: list[set[str]] = [set() for _ in range(jobs)]
    for group_cost, paths in sorted(groups, key=lambda g: (-g[0], min(g[1]))):
        load, i = heapq.heappop(loads)
        out[i].update(paths)
        heapq.heappush(loads, (load + group_cost, i))
    return out


def _moved_together(
    commits: Sequence[CommitChanges], cost: Mapping[str, float]
) -> list[tuple[float, set[str]]]:
    """The files of ``cost`` in groups, a moved file's paths in one group, with each
    group's cost (a union of the paths each move joins)."""
    parent: dict[str, str] = {path: path for path in cost}

    def root(path: str) -> str:
        while parent[path] != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    for _sha, changes in commits:
        for ch in changes:
            if ch.old_path is not None and ch.path in parent:
                parent.setdefault(ch.old_path, ch.old_path)
                parent[root(ch.old_path)] = root(ch.path)
    groups: dict[str, tuple[float, set[str]]] = {}
    for path in parent:
        total, paths = groups.get(root(path), (0.0, set()))
        paths.add(path)
        groups[root(path)] = (total + cost.get(path, 0.0), paths)
    return list(groups.values())


def mine(
    commits: Sequence[CommitChanges], files: set[str]
) -> list[tuple[str, list[tuple[int, RawChange]]]]:
    """The commits that changed any of ``files``, with those changes and their places
    (a move is the new path's: :func:`assign_files` gives both paths to one worker)."""
    out = []
    for sha, changes in commits:
        picked = [(i, ch) for i, ch in enumerate(changes) if ch.path in files]
        if picked:
            out.append((sha, picked))
    return out


def share_of(
    changes: Sequence[tuple[int, RawChange]],
    prefix: str,
    records: Any,
    csv_days: Any,
    written: dict[tuple[str, str], str] | None = None,
) -> Share:
    """What these changes of one commit did (``records(path, old, new, old_path)``
    gives both sides of a Markdown file, the old one read under ``old_path``
    when git saw the file move, ``csv_days(path, oid, old)`` a CSV file's
    rows), with each fact's place in the commit. ``written``: the table
    ``records`` notes the names its versions write in
    (:attr:`okrsite.history_commits._Versions.written`), emptied here first:
    the owners and teams the changes name keep them."""
    if written is not None:
        written.clear()
    before: dict[str, Record] = {}
    after: dict[str, Record] = {}
    where_before: dict[str, int] = {}
    where_after: dict[str, int] = {}
    moved: dict[str, str] = {}
    checkins_from: dict[str, str] = {}
    checkins_was: dict[str, CheckIn] = {}
    checkins: list[CheckIn] = []
    checkin_places: list[int] = []
    rows: list[tuple[str, str, float]] = []
    row_places: list[int] = []
    csv_moves: list[list[str]] = []
    for i, ch in changes:
        path = ch.path[len(prefix) :]
        if path.endswith(".md"):
            old_path = ch.old_path[len(prefix) :] if ch.old_path is not None else path
            old, new = records(path, ch.old, ch.new, old_path)
            keys = []
            for side, where, rec in ((before, where_before, old), (after, where_after, new)):
                if isinstance(rec, (Objective, KPI)):
                    key = f"{'objective' if isinstance(rec, Objective) else 'kpi'}:{rec.id}"
                    side[key] = rec
                    where.setdefault(key, i)
                    keys.append(key)
            if ch.old_path is not None and len(keys) == 2 and keys[0] != keys[1]:
                moved[keys[1]] = keys[0]  # git saw this file move: one record, a new id
            if isinstance(new, CheckIn) and not isinstance(old, CheckIn):
                checkins.append(new)
                checkin_places.append(i)
            elif isinstance(new, CheckIn) and isinstance(old, CheckIn) and new.id != old.id:
                # moved to a new id: it keeps the commit that wrote it (assemble)
                checkins.append(new)
                checkin_places.append(i)
                checkins_from[new.id] = old.id
                checkins_was[new.id] = old
            elif (
                isinstance(new, CheckIn)
                and isinstance(old, CheckIn)
                and (new.values, new.value, new.confidence)
                != (old.values, old.value, old.confidence)
            ):
                # a figure put right later: this commit wrote what it says now (assemble)
                checkins.append(new)
                checkin_places.append(i)
                checkins_was[new.id] = old
        else:
            old_path = path
            if ch.old_path is not None:  # moved: its rows keep the commits that wrote them
                old_path = ch.old_path[len(prefix) :]
                csv_moves.append([old_path, path])
            earlier = csv_days(old_path, ch.old, True)
            for day, value in csv_days(path, ch.new, False).items():
                if earlier.get(day) != value:
                    rows.append((path, day, value))
                    row_places.append(i)
    event = commit_events(
        before, after, checkins, rows, moved, checkins_from, checkins_was, written
    )
    if csv_moves:
        event["csv_moves"] = csv_moves
    places = []
    for rec in event["records"]:
        key = f"{rec['kind']}:{rec['id']}"
        gone = rec["change"] == "removed"
        places.append(
            (
                0 if rec["kind"] == "objective" else 1,
                int(gone),
                (where_before if gone else where_after)[key],
            )
        )
    return event, places, checkin_places, row_places, set(after), set(before)


def _kinds(keys: set[str]) -> set[str]:
    return {key.split(":", 1)[0] for key in keys}


def merge(shares: Sequence[Share]) -> Event | None:
    """One commit's event from its shares, in one process's order; ``None`` when
    the shares could meet (a moved file, one id in two files): read it whole."""
    if len(shares) == 1:
        return shares[0][0]
    seen_after: set[str] = set()
    seen_before: set[str] = set()
    added_kinds: list[set[str]] = []
    removed_kinds: list[set[str]] = []
    for _event, _p, _c, _r, after, before in shares:
        if after & seen_after or before & seen_before:
            return None
        seen_after |= after
        seen_before |= before
        added_kinds.append(_kinds(after - before))
        removed_kinds.append(_kinds(before - after))
    for i, removed in enumerate(removed_kinds):
        for j, added in enumerate(added_kinds):
            if i != j and removed & added:
                return None
    records = sorted(
        (place, n, k, rec)
        for n, (event, places, _c, _r, _a, _b) in enumerate(shares)
        for k, (place, rec) in enumerate(zip(places, event["records"], strict=True))
    )
    checkins = sorted(
        (place, n, k, c)
        for n, (event, _p, places, _r, _a, _b) in enumerate(shares)
        for k, (place, c) in enumerate(zip(places, event["checkins"], strict=True))
    )
    rows = sorted(
        (place, n, k, r)
        for n, (event, _p, _c, places, _a, _b) in enumerate(shares)
        for k, (place, r) in enumerate(zip(places, event["rows"], strict=True))
    )
    event: Event = {
        "records": [rec for *_, rec in records],
        "checkins": [c for *_, c in checkins],
        "rows": [r for *_, r in rows],
    }
    moves = [move for share in shares for move in share[0].get("csv_moves", ())]
    if moves:
        event["csv_moves"] = moves
    return event
