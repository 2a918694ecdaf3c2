"""Folding per-commit events into timelines and origins (split from :mod:`okrsite.history`).

:func:`assemble` takes the commits (parents before children:
``git log --date-order``) and what each did (:mod:`okrsite.history_events`)
and returns a :class:`~okrsite.history.SiteHistory`. It is pure, so tests
can feed it directly.

Dates: an entry's ``date`` is the day the change entered the branch: the
commit's committer date for a commit on HEAD's first-parent line (a rebased
or cherry-picked commit lands after the commits before it, whenever it was
written), the committer date of the merge commit that brought it in for a
commit of a merged branch (:func:`entered`). The commits are folded in that
order, and every timeline is kept in it (pages show it newest first), even
where a committer's clock was wrong and the dates say otherwise;
``authored`` keeps the author date, which pages mention where it differs.
Mid-cycle is judged by the same date. A check-in's ``committed``
(what backdating compares) is its commit's own committer date.

A commit a merge brought in is compared with the commit before it on its
own branch (git's view of it), but what the branch's file already said is
what the commits folded before it made it: a change cherry-picked onto the
first-parent line, then merged with its branch, is there twice. A change of
such a commit that leaves a value as the fold already has it (the same
target, the same row's figure) is no change (:meth:`_Timelines.same_as_before`):
it keeps the commit that first made it, and the timeline lists it once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from okrsite import cycles as cycles_mod
from okrsite.diff_records import LESS
from okrsite.gitsource import CommitInfo
from okrsite.history import BEFORE_HISTORY, Change, Origin, SiteHistory, Tick, pr_numbers
from okrsite.history_events import Event
from okrsite.history_merges import MERGE, NOT_KEPT
from okrsite.history_why import Why, commit_why
from okrsite.model import Cycle
from okrsite.slot_maker import slot_maker

#: a Change of all its fields, positionally (okrsite.slot_maker): made 100,000
#: times at 10,000 objectives, in the one process between loading and rendering
_change = slot_maker(Change)

#: a KPI check-in's ``value`` among a check-in's figures (key result ids are never empty)
KPI_VALUE = ""
#: the fields a record's "created" and "removed" entries stand for: whether it exists
_EXISTENCE = ("created", "removed")
#: the kind of the key ``(KEY_RESULTS_BACK, objective id)`` under which a
#: commit's ``again`` holds the key results it added back to that objective
#: (:mod:`okrsite.history_readd`): ``{"key_results": {id: event}}``
KEY_RESULTS_BACK = "key_results_back"


def judged(fields: Iterable[Sequence[Any]]) -> Iterable[tuple[str, Any, Any, bool, str | None]]:
    """An event's ``[field, old, new, less_ambitious, note]`` entries
    (:func:`okrsite.history_events._fields`); an entry cached without its
    note (four items) is judged by ``less_ambitious`` alone."""
    for f in fields:
        note = f[4] if len(f) > 4 else (LESS if f[3] else None)
        yield f[0], f[1], f[2], f[3], note


def _cycle_before(rec: Event) -> str | None:
    """The cycle an objective's event had before its commit: the old side
    of its ``cycle`` field when the commit moved it, else the one it has."""
    for name, old, *_ in rec.get("fields", ()):
        if name == "cycle":
            return old if isinstance(old, str) else None
    return rec.get("cycle")


def _day(stamp: str) -> date:
    return date.fromisoformat(stamp[:10])


def entered(commits: Sequence[CommitInfo]) -> tuple[list[CommitInfo], dict[str, str]]:
    """The commits in the order they entered the branch, and, for each one a
    merge commit brought in, that merge's committer date.

    ``commits`` are parents before children, HEAD last. HEAD's first-parent
    line is walked oldest first; each merge on it brings in the commits
    reachable from its other parents that no earlier commit of the line did
    (in ``commits``' order), just before itself. Linear in the commits."""
    by_sha = {c.sha: c for c in commits}
    line: list[CommitInfo] = []
    sha = commits[-1].sha if commits else None
    while sha is not None and sha in by_sha:
        c = by_sha.pop(sha)  # popped: a loop (a broken repository) ends
        line.append(c)
        sha = c.parents[0] if c.parents else None
    line.reverse()
    place = {c.sha: i for i, c in enumerate(commits)}
    order: list[CommitInfo] = []
    dates: dict[str, str] = {}
    for merge in line:
        brought: list[CommitInfo] = []
        stack = list(merge.parents[1:])
        while stack:
            got = by_sha.pop(stack.pop(), None)  # None: on the line, brought in, or not held
            if got is not None:
                brought.append(got)
                stack.extend(got.parents)
        brought.sort(key=lambda b: place[b.sha])
        for b in brought:
            dates[b.sha] = merge.committed
        order.extend(brought)
        order.append(merge)
    if by_sha:  # not reached from HEAD (never from git log HEAD): git's order then
        return list(commits), {}
    return order, dates


def said_figures(says: Any) -> dict[str, Any]:
    """A check-in's figures from what it says
    (:func:`~okrsite.history_events.checkin_says`): by key result id, and
    :data:`KPI_VALUE` for a KPI's value."""
    out = {k: v for k, v in says[0]}
    if says[1] is not None:
        out[KPI_VALUE] = says[1]
    return out


class _Timelines:
    """Timelines being folded together, oldest commit first, following renames."""

    def __init__(self, cycles: Mapping[str, Cycle]) -> None:
        self.cycles = cycles
        self.lines: dict[tuple[str, str], list[Change]] = {}
        self.whys: dict[str, Why] = {}
        self.kpi_values: dict[str, dict[str, Origin]] = {}
        self.kpi_said: dict[str, dict[str, Any]] = {}
        self.currents: dict[str, dict[str, Any]] = {}
        self.ticks: dict[str, dict[str, Tick]] = {}
        #: each commit folded in, by the order it was (that it entered the branch)
        self.place: dict[str, int] = {}

    def _joined(self, first: list[Change], then: list[Change]) -> list[Change]:
        """Two timelines as one, in the order their commits entered the branch:
        a record that takes over the id of one removed before keeps both
        stories, each change where it happened, so every timeline is in
        commit order (pages show it so, newest first, whatever the dates say)."""
        if not first or not then:
            return first or then
        place = self.place
        return sorted(first + then, key=lambda e: place.get(e.commit, -1))

    def apply(
        self,
        c: CommitInfo,
        pr: str | None,
        event: Event,
        day: date,
        again: Mapping[tuple[str, str], Event] | None = None,
        merged: bool = False,
        brought: Collection[str] = (),
    ) -> None:
        """Fold in commit ``c``, which entered the branch on ``day``. ``again``:
        by ``(kind, id)``, how a record this commit created again differs from
        its version before its removal, and by ``(KEY_RESULTS_BACK, id)`` how
        each key result it added back to objective ``id`` differs from its
        version before its removal (:mod:`okrsite.history_readd`).
        ``merged``: a merge brought ``c`` in (it is not on HEAD's first-parent
        line): a change that leaves a value as it already was is none
        (:meth:`same_as_before`). ``brought``: for a merge commit, the commits
        it brought in (their changes it did not keep are marked so:
        :meth:`not_kept_in`)."""
        self.place.setdefault(c.sha, len(self.place))
        authored = _day(c.authored)
        origin = Origin(c.sha, pr, c.author, authored, _day(c.committed), c.co_authors)
        # why, from the message of the commit the change is attributed to (the
        # one that made it: a merge commit records none), read once per commit
        # and only for one with an entry (most commits are check-ins)
        whys = self.whys

        def add(
            rec: Event,
            name: str,
            old: Any,
            new: Any,
            less: bool,
            kr: str | None,
            note: str | None = None,
        ) -> bool:
            if merged and self.same_as_before((rec["kind"], rec["id"]), name, kr, new):
                return False  # already so on the line it merged into: a cherry-pick's twin
            # every field of one change is judged by the objective's cycle
            # before and after it, as okrsite diff judges it: moved out of
            # or into an ended cycle it is "after … ended", never mid-cycle
            mid, ended = cycles_mod.change_timing(
                _cycle_before(rec), rec.get("cycle"), day, self.cycles
            )
            if name in cycles_mod.RECORD_KEEPING or name == "id":
                ended = None
            if c.sha not in whys:
                why = commit_why(c)
                if why is not None:
                    whys[c.sha] = why
            # a merge's value kept of main's over its branch's changed nothing
            # on main, as okrsite diff of it says: judged neither way, not
            # mid-cycle, no ended cycle's figures altered
            kept = not rec.get(NOT_KEPT)
            written = rec.get("names", {}).get(name) if kr is None else None
            entry = _change(
                c.sha,
                pr,
                day,
                c.author,
                name,
                old,
                new,
                mid and kept,
                less and kept,
                kr,
                authored,
                note if kept else None,
                ended if kept else None,
                not kept,
                None,  # not_kept_in: set by a later merge (not_kept_in below)
                written[0] if written else None,
                written[1] if written else None,
            )
            line = self.lines.setdefault((rec["kind"], rec["id"]), [])
            if not kept:
                self.not_kept_in(line, name, kr, brought, c.sha)
            line.append(entry)
            return True

        # the check-in a commit wrote with a tick (okrsite checkin ticks the
        # milestone in the objective's file and writes the check-in in one go)
        checkin_of = {ci["objective"]: ci["id"] for ci in event["checkins"] if ci.get("objective")}
        for rec in event["records"]:
            key = (rec["kind"], rec["id"])
            if "from" in rec:
                old_key = (rec["kind"], rec["from"])
                self.lines[key] = self._joined(self.lines.pop(old_key, []), self.lines.get(key, []))
                if rec["kind"] == "kpi" and rec["from"] in self.kpi_values:
                    self.kpi_values[rec["id"]] = self.kpi_values.pop(rec["from"])
                    self.kpi_said[rec["id"]] = self.kpi_said.pop(rec["from"], {})
                if rec["kind"] == "objective" and rec["from"] in self.currents:
                    self.currents[rec["id"]] = self.currents.pop(rec["from"])
                if rec["kind"] == "objective" and rec["from"] in self.ticks:
                    self.ticks[rec["id"]] = self.ticks.pop(rec["from"])
                add(rec, "id", rec["from"], rec["id"], False, None)
            fresh = True  # False: created again where the line has it already
            if rec["change"] in _EXISTENCE:
                title = rec["title"]
                old, new = (None, title) if rec["change"] == "created" else (title, None)
                fresh = add(rec, rec["change"], old, new, False, None)
            since = again.get(key) if again and rec["change"] == "created" else None
            if since is not None:
                # created again: after "created", what changed since the
                # version removed, as if the file had been edited
                # (the names its versions wrote for the owners and teams they name too)
                rec = {
                    **rec,
                    "fields": since["fields"],
                    "key_results": since["key_results"],
                    "names": since.get("names", {}),
                }
            for name, old, new, less, note in judged(rec.get("fields", ())):
                add(rec, name, old, new, less, None, note)
            if rec["kind"] == "objective":
                back = again.get((KEY_RESULTS_BACK, rec["id"])) if again else None
                self._key_results(
                    rec,
                    origin,
                    checkin_of.get(rec["id"]),
                    add,
                    fresh,
                    (back or {}).get("key_results"),
                )
            if rec["kind"] == "kpi":
                values = self.kpi_values.setdefault(rec["id"], {})
                said = self.kpi_said.setdefault(rec["id"], {})
                for d, value in rec.get("values", ()):
                    if merged and d in said and said[d] == value:
                        continue  # the line said so already: its commit keeps the figure
                    values[d] = origin
                    said[d] = value

    @staticmethod
    def not_kept_in(
        line: list[Change], name: str, kr: str | None, brought: Collection[str], merge: str
    ) -> None:
        """Mark the latest entries of ``line`` for field ``name`` (of key result
        ``kr``) that commits ``merge`` brought in made, and ``merge`` did not
        keep: they did not land, so they count as no easing (nor mid-cycle, nor
        altering an ended cycle), as the merge's own entry does not; each keeps
        its figures and what ``okrsite diff`` judged its commit
        (:attr:`okrsite.history_records.Change.not_kept_in`). Main's own
        entries before them (the value kept) stay as they are."""
        for i in range(len(line) - 1, -1, -1):
            entry = line[i]
            if entry.key_result != kr or entry.field != name:
                continue
            if entry.commit not in brought:
                return
            line[i] = replace(
                entry, mid_cycle=False, less_ambitious=False, cycle_ended=None, not_kept_in=merge
            )

    def same_as_before(self, key: tuple[str, str], name: str, kr: str | None, new: Any) -> bool:
        """Whether the latest entry of ``key``'s timeline for field ``name`` (of
        key result ``kr``) left it at ``new`` already: a record created or
        removed is compared by whether it exists, a key result added or
        removed by its title. No such entry: nothing to tell, not the same."""
        existence = name in _EXISTENCE
        for entry in reversed(self.lines.get(key, ())):
            if entry.key_result != kr:
                continue
            if existence and entry.field in _EXISTENCE:
                return (entry.field == "created") == (name == "created")
            if not existence and entry.field == name:
                return bool(entry.new == new)
        return False

    def _key_results(
        self,
        rec: Event,
        origin: Origin,
        checkin: str | None,
        add: Any,
        fresh: bool = True,
        back: Mapping[str, Event] | None = None,
    ) -> None:
        """Fold in the key results of objective ``rec``'s change; ``back``: by
        id, how each key result added back differs from its version before
        its removal (its id before, when that was another, and its fields,
        judged as ``okrsite diff`` across both commits judges them), after
        "key result added", so it cannot be eased by removing and adding it."""
        currents = self.currents.setdefault(rec["id"], {})
        ticks = self.ticks.setdefault(rec["id"], {})
        if rec["change"] == "created" and fresh:
            currents.clear()
            currents.update(rec.get("currents", ()))
            ticks.clear()
            ticks.update((kid, (origin, None, done)) for kid, done in rec.get("ticks", {}).items())
        for kr in rec.get("key_results", ()):
            kid = kr["id"]
            if kr["change"] == "added":
                if not add(rec, "key_result", None, kr["title"], False, kid):
                    continue  # added on the line already (a cherry-pick's twin)
                currents.pop(kid, None)
                ticks.pop(kid, None)
                if "current" in kr:
                    currents[kid] = kr["current"]
                if "ticks" in kr:
                    ticks[kid] = (origin, None, kr["ticks"])
                since = back.get(kid) if back else None
                if since is not None:
                    if "from" in since:  # added back under another id, the same title
                        add(rec, "id", since["from"], kid, False, kid)
                    for name, old, new, less, note in judged(since.get("fields", ())):
                        add(rec, name, old, new, less, kid, note)
            elif kr["change"] == "removed":
                add(rec, "key_result", kr["title"], None, False, kid)
                currents.pop(kid, None)
                ticks.pop(kid, None)
            else:
                if "from" in kr:
                    add(rec, "id", kr["from"], kid, False, kid)
                    if kr["from"] in currents:
                        currents[kid] = currents.pop(kr["from"])
                    if kr["from"] in ticks:
                        ticks[kid] = ticks.pop(kr["from"])
                for name, old, new, less, note in judged(kr.get("fields", ())):
                    if not add(rec, name, old, new, less, kid, note):
                        continue  # so on the line already: its commit keeps it
                    if name == "current":
                        currents[kid] = new
                    elif name == "milestones" and new is None:
                        ticks.pop(kid, None)
                    elif name == "milestones":
                        ticks[kid] = (origin, checkin, new)


def _figure_origins(
    before: Any, says: Any, earlier: Origin, figures: Mapping[str, Origin], origin: Origin
) -> dict[str, Origin]:
    """Which commit wrote each figure of a check-in this commit wrote again,
    where that is not ``origin`` (this commit): ``before`` is what it said
    before, ``earlier`` the commit that wrote that, ``figures`` its figures'
    own commits where those differ."""
    old, new = said_figures(before), said_figures(says)
    out: dict[str, Origin] = {}
    for key, value in new.items():
        if key in old and old[key] == value:
            wrote = figures.get(key, earlier)
            if wrote != origin:
                out[key] = wrote
    return out


def assemble(
    commits: Sequence[CommitInfo],
    events: Mapping[str, Event],
    cycles: Mapping[str, Cycle],
    backdate_days: int,
    shallow: bool = False,
    readded: Mapping[str, Mapping[tuple[str, str], Event]] | None = None,
) -> SiteHistory:
    """Fold per-commit events (oldest first) into timelines and origins.

    ``readded``: by commit, what each record it created again changed since
    its removal (:func:`okrsite.history_readd.readded`).

    ``shallow``: the commits are a shallow clone's, whose oldest commits
    are left out; a check-in one of them holds and a later commit changes
    keeps, of its figures that commit did not change, that they were
    written before them (:data:`~okrsite.history.BEFORE_HISTORY`)."""
    prs = pr_numbers(commits)
    lines = _Timelines(cycles)
    checkins: dict[str, Origin] = {}
    figures: dict[str, dict[str, Origin]] = {}  # check-in id -> figure -> commit, where not its own
    said: dict[str, Any] = {}  # check-in id -> what it said when last written
    csv_rows: dict[str, dict[str, Origin]] = {}
    csv_said: dict[str, dict[str, Any]] = {}
    ordered, merged_on = entered(commits)
    brought: list[str] = []  # the commits the next merge on the line brings in
    for c in ordered:
        if c.sha in merged_on:
            brought.append(c.sha)
            bringing: Collection[str] = ()
        else:  # on the first-parent line: a merge brings in those folded since
            bringing, brought = frozenset(brought), []
        event = events.get(c.sha)
        if not event:
            continue
        resolution = bool(event.get(MERGE))  # a merge's own changes (okrsite.history_merges)
        if resolution and c.sha in merged_on:
            continue  # read while it was on the first-parent line; now a merged branch's
        pr = prs.get(c.sha)
        origin = Origin(c.sha, pr, c.author, _day(c.authored), _day(c.committed), c.co_authors)
        again = readded.get(c.sha) if readded else None
        # a merged commit's change, or a merge's own (each side compared with
        # a parent): one that leaves a value as the fold has it already is none
        merged = c.sha in merged_on or resolution
        entered_on = _day(merged_on.get(c.sha, c.committed))
        lines.apply(c, pr, event, entered_on, again, merged, bringing)
        for ci in event["checkins"]:
            # a check-in moved to a new id keeps the commit that wrote it; one
            # whose figures or confidence a later commit changed is that
            # commit's, and each figure is the commit's that last changed it
            ident, says = ci["id"], ci.get("says")
            was = ci.get("from", ident)
            before = said.get(was)
            earlier = checkins.get(was)
            if shallow and was not in said and "was" in ci:
                # a shallow clone: the check-in was written before the oldest
                # commits it holds, by a commit it does not have; what that
                # wrote is what this commit's parent said
                before, earlier = ci["was"], BEFORE_HISTORY
            if ident not in checkins:
                written = checkins.get(ci["from"]) if "from" in ci else None
                written = written or (earlier if earlier is BEFORE_HISTORY else None)
                checkins[ident] = written or origin
                if written is not None and before is not None and says != before:
                    checkins[ident] = origin
            elif before is not None and says != before:
                checkins[ident] = origin
            if before is not None and earlier is not None and says is not None:
                own = _figure_origins(before, says, earlier, figures.get(was, {}), checkins[ident])
                if own:
                    figures[ident] = own
                else:
                    figures.pop(ident, None)
            else:
                figures.pop(ident, None)
            said[ident] = says
        for before_path, after_path in event.get("csv_moves", ()):
            # a CSV file moved (git mv): its rows keep the commits that wrote them
            moved = csv_rows.pop(before_path, {})
            moved.update(csv_rows.get(after_path, {}))
            csv_rows[after_path] = moved
            moved_said = csv_said.pop(before_path, {})
            moved_said.update(csv_said.get(after_path, {}))
            csv_said[after_path] = moved_said
        for path, day, value, *written in event["rows"]:
            # what the row says (history_events.csv_said): its figure, with
            # what its cell writes beside the digits (``€M``) when it writes any
            row = (value, written[0]) if written else value
            if merged and day in csv_said.get(path, {}) and csv_said[path][day] == row:
                continue  # the line said so already (a cherry-pick's twin): its commit keeps it
            csv_rows.setdefault(path, {})[day] = origin
            csv_said.setdefault(path, {})[day] = row
    history = SiteHistory(available=True, commits_seen=len(commits), whys=lines.whys)
    for (kind, rid), entries in lines.lines.items():
        (history.objectives if kind == "objective" else history.kpis)[rid] = entries
    history.checkins = checkins
    history.checkin_figures = figures
    history.kpi_values = lines.kpi_values
    history.csv_rows = csv_rows
    history.checkins_said = said
    history.kpi_values_said = lines.kpi_said
    history.csv_rows_said = csv_said
    history.currents = {oid: krs for oid, krs in lines.currents.items() if krs}
    history.ticks = {oid: krs for oid, krs in lines.ticks.items() if krs}
    return history
