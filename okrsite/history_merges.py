"""What a merge commit changed itself: conflict resolutions on the history's timelines.

A merge commit brings in the commits of its branch, and the history lists
what each of them did (:func:`okrsite.history_fold.entered`). But a merge
commit can also change what it brings in: a conflict resolved to a third
value (main 100 → 90, the branch 100 → 80, the merge 70), resolved in favour
of main, a branch merged with ``git merge -s ours`` or edited in GitHub's
"Resolve conflicts" editor. ``git log --raw`` shows no changes for a merge,
so without this module the branch's "100 → 80" was the newest entry while
the file said 70, and ``okrsite diff HEAD~1 HEAD`` said "90 → 70".

So each merge commit on HEAD's first-parent line (:func:`line_merges`) is
compared with each of its parents (:func:`merge_changes`: one
``git diff-tree --stdin`` for all of them, never a process per commit), and
its event (:func:`joined`, flagged :data:`MERGE`) holds what each side
changed: the first parent's side first, then the other parents'. The fold
applies it as it applies a merged commit's change
(:meth:`okrsite.history_fold._Timelines.same_as_before`): a change that
leaves a value as the timeline already has it is none. A merge that simply
brings in its branch therefore adds nothing (what its sides show is what the
branch's commits or main's recorded already). One that committed another
value than its first parent had (a conflict resolved to a third value)
adds an entry under the merge commit, with its pull request's number, from
the first parent's value to the merge's, judged as ``okrsite diff`` of the
merge against its first parent judges it: what the merge did to the branch
it landed on. (Judged against the branch's tip instead, main 4 → branch 1
resolved to 3 was "1 → 3, less ambitious" on the page, while the report
reviewers saw said "4 → 3, more ambitious".) One that kept the first
parent's value while the branch's commits left another (resolved in favour
of main, ``git merge -s ours``) changed nothing on its branch, and ``okrsite
diff`` says so; its entry, from the value the branch's commits left to the
one it kept, is there so that the newest entry is what the file says, and
is judged neither more nor less ambitious: it says the branch's change was
not kept (:data:`NOT_KEPT`; judged against the branch, one easing was
counted twice, main's own and this entry's). A
check-in figure set while resolving a conflict is the merge commit's,
likewise.

Merges that are not on the first-parent line (main merged into a branch, a
branch within a branch) are not read: their sides compare with commits
folded elsewhere in the order, and what they kept is what the first-parent
merge that brought them in committed, which is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from okrsite.gitsource import CommitInfo, GitError, RawChange, _run, _stderr, raw_entry
from okrsite.history_events import Event

#: the key of a merge commit's event saying its changes are its own, read
#: against each of its parents (kept in the history cache with the event)
MERGE = "merge"
#: the key of a record of a merge's event read against a parent it merged
#: (not its first): what differs there and the fold has not told yet is a
#: value the merge kept of its first parent's over the one the branch's
#: commits left (resolved in favour of main, ``git merge -s ours``). That
#: changed nothing on the branch it landed on (``okrsite diff`` of the merge
#: against its first parent reports nothing), so its entry is judged neither
#: more nor less ambitious: it says the branch's change was not kept
#: (:attr:`okrsite.history_records.Change.not_kept`). A value the merge
#: changed on its first parent's side (a third value) is told, and judged,
#: by the first side, which is folded first.
NOT_KEPT = "not_kept"
#: between a merge commit's id and a side's place in the key of one side's
#: changes while they are read (no commit id holds a NUL)
_SIDE = "\0"
_EVENT_LISTS = ("records", "checkins", "rows", "csv_moves")


def line_merges(commits: Sequence[CommitInfo]) -> dict[str, tuple[str, ...]]:
    """The merge commits on HEAD's first-parent line (``commits``: parents
    before children, HEAD last) with those of their parents that are held
    (a shallow clone's boundary leaves some out: git could not compare)."""
    by_sha = {c.sha: c for c in commits}
    out: dict[str, tuple[str, ...]] = {}
    sha = commits[-1].sha if commits else None
    while sha is not None and sha in by_sha:
        c = by_sha.pop(sha)  # popped: a loop (a broken repository) ends
        held = tuple(p for p in c.parents if p in by_sha or p in out)
        if len(c.parents) >= 2 and held:
            out[c.sha] = held
        sha = c.parents[0] if c.parents else None
    return out


def merge_changes(
    repo: Path, merges: Mapping[str, Sequence[str]], pathspecs: Sequence[str]
) -> dict[str, list[tuple[str, list[RawChange]]]]:
    """By merge commit, ``(parent, changes)`` for each of its ``merges``
    parents: the files under ``pathspecs`` the merge's tree differs in from
    that parent's, as ``git log --raw`` shows a commit's (renames paired).

    One ``git diff-tree --stdin`` reads every pair: a line ``M P`` compares
    ``P`` with ``M``; ``--always`` prints each line's header (``M P``) even
    when nothing differs, so each answer is known by its header."""
    pairs = [(sha, parent) for sha, parents in merges.items() for parent in parents]
    if not pairs:
        return {}
    args = ["diff-tree", "--stdin", "-r", "-z", "--raw", "--find-renames", "--no-abbrev"]
    args += ["--always", "--format=%H %P", "--", *pathspecs]
    proc = _run(args, repo, stdin="".join(f"{m} {p}\n" for m, p in pairs).encode())
    if proc.returncode != 0:
        raise GitError(f"git diff-tree failed: {_stderr(proc)}")
    out: dict[str, list[tuple[str, list[RawChange]]]] = {}
    current: list[RawChange] = []
    tokens = proc.stdout.split(b"\0")
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        if token.startswith(b":"):
            meta = token[1:].decode().split(" ")
            paths = 2 if len(meta) >= 5 and meta[4][:1] in ("R", "C") else 1
            names = [t.decode("utf-8", "surrogateescape") for t in tokens[i + 1 : i + 1 + paths]]
            if len(names) == paths and (change := raw_entry(meta, names)) is not None:
                current.append(change)
            i += 1 + paths
            continue
        head = token.decode().split()
        if len(head) == 2:
            current = []
            out.setdefault(head[0], []).append((head[1], current))
        i += 1
    return out


def side_changes(
    sha: str, parents: Sequence[str], sides: Sequence[tuple[str, list[RawChange]]]
) -> list[tuple[str, list[RawChange]]]:
    """A merge's sides as ``(key, changes)`` in the order the fold applies
    them: against its first parent first, so a value it changed on its
    branch is judged as ``okrsite diff`` judges it, then against the parents
    it merged (see the module); each key names the merge (:func:`joined`)."""
    first = parents[0] if parents else None
    ordered = [s for s in sides if s[0] == first] + [s for s in sides if s[0] != first]
    return [(f"{sha}{_SIDE}{n}", changes) for n, (_parent, changes) in enumerate(ordered)]


def joined(events: Mapping[str, Event], merges: Sequence[str]) -> dict[str, Event]:
    """``events`` with the events of each merge's sides (:func:`side_changes`)
    joined into the merge's one event, flagged :data:`MERGE`, in the sides'
    order; every merge of ``merges`` has one, empty when nothing differed."""
    out: dict[str, Event] = {}
    sides: dict[str, list[tuple[int, Event]]] = {sha: [] for sha in merges}
    for key, event in events.items():
        sha, cut, n = key.partition(_SIDE)
        if cut:
            sides.setdefault(sha, []).append((int(n), event))
        else:
            out[key] = event
    for sha, parts in sides.items():
        merged: Event = {name: [] for name in _EVENT_LISTS}
        for side, event in sorted(parts, key=lambda part: part[0]):
            for name in _EVENT_LISTS:
                items = event.get(name, ())
                if side > 0 and name == "records":  # compared with a merged parent: NOT_KEPT
                    items = [{**rec, NOT_KEPT: True} for rec in items]
                merged[name].extend(items)
        if not merged["csv_moves"]:
            del merged["csv_moves"]
        merged[MERGE] = True
        out[sha] = merged
    return out
