"""What the history tells: changes of goals, origins of figures, and the site's whole history.

These are the values :mod:`okrsite.history` reads from git and
:func:`okrsite.history.assemble` folds into timelines; pages
(:mod:`okrsite.view.history`, :mod:`okrsite.view.figure_sources`), the
history's JSON and the page cache's prints read them. Kept apart from the
reading machinery so that what a history *is* can be read in one place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from okrsite.diff_records import LESS as _LESS
from okrsite.diff_records import MORE as _MORE
from okrsite.model import pickled_by_fields

if TYPE_CHECKING:
    from okrsite.history_former_names import FormerNames
    from okrsite.history_why import Why

_Day = date  # inside Change, ``date`` names its field


# ------------------------------------------------------------------ results
# Changes and origins pickle as a call with their fields' values
# (okrsite.model.pickled_by_fields): the page cache fingerprints each entry of
# the history's tables by its pickle after every new commit (100,000 changes
# at 10,000 objectives), 5.5 µs a change instead of 7.9.
@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Change:
    """One entry of a timeline: a field of a goal (or of one of its key results) moved.

    ``date`` is the day the commit entered the branch: its committer date, or
    for a commit a merge on HEAD's first-parent line brought in, that merge's
    (:func:`okrsite.history_fold.entered`).
    ``field`` is ``created``, ``removed`` or ``id`` for the record itself,
    ``key_result`` for a key result added (``old`` None) or removed (``new``
    None), else the name of the changed field.
    """

    commit: str
    pr: str | None
    date: date
    author: str
    field: str
    old: Any
    new: Any
    mid_cycle: bool
    less_ambitious: bool
    key_result: str | None = None
    #: the author date (when the change was written); ``date`` is when it
    #: entered the branch (the timeline's order is the commits', whatever
    #: either date says), and a page mentions this one where it differs
    authored: _Day | None = None
    #: what ``okrsite diff`` says of the change (:mod:`okrsite.diff_records`,
    #: the one rule): "less ambitious", "more ambitious", "direction
    #: reversed", "stricter" or "looser"; None when it judges nothing. A
    #: target moved across its start is "direction reversed", which
    #: ``less_ambitious`` (true only for "less ambitious") cannot say.
    note: str | None = None
    #: the ended cycle whose final figures it alters (:func:`okrsite.cycles.changed_after_end`)
    cycle_ended: str | None = None
    #: a merge commit's entry for a value it kept of its first parent's over
    #: the one its branch's commits left (:data:`okrsite.history_merges.NOT_KEPT`):
    #: it changed nothing on the branch it landed on, so it is judged neither
    #: more nor less ambitious (``less_ambitious`` false, no ``note``) nor
    #: mid-cycle or after a cycle ended, as ``okrsite diff`` of the merge
    #: against its first parent reports nothing
    not_kept: bool = False
    #: a merged branch's change that the merge bringing it in did not keep
    #: (resolved in favour of main, ``git merge -s ours``): the merge commit
    #: whose :attr:`not_kept` entry says so. It keeps its figures and ``note``
    #: (what ``okrsite diff`` judged the commit itself), but did not land, so
    #: it counts as no easing: ``less_ambitious`` and ``mid_cycle`` false, no
    #: ``cycle_ended`` (:meth:`okrsite.history_fold._Timelines.not_kept_in`)
    not_kept_in: str | None = None
    #: for an ``owner`` or ``team`` change, the names the versions read wrote
    #: for ``old`` and ``new`` where they wrote a name, not the id
    #: (``owner: Ana Costa``): the timeline names by them an owner or team
    #: the site names no more and whose file was never deleted, as ``okrsite
    #: diff`` does (:func:`okrsite.view.history._name`)
    old_written: str | None = None
    new_written: str | None = None

    def as_json(self) -> dict[str, Any]:
        out = {
            "commit": self.commit,
            "pr": self.pr,
            "date": self.date.isoformat(),
            "author": self.author,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "mid_cycle": self.mid_cycle,
            "less_ambitious": self.less_ambitious,
        }
        if self.authored is not None and self.authored != self.date:
            out["authored"] = self.authored.isoformat()  # written before it landed
        if self.note is not None and (self.not_kept_in or self.note not in (_LESS, _MORE)):
            # more or less ambitious is what ``less_ambitious`` says; ``note``
            # is written only for what it cannot say (direction reversed), and
            # for a change not kept, whose ``less_ambitious`` is false
            out["note"] = self.note
        if self.cycle_ended is not None:
            out["cycle_ended"] = self.cycle_ended
        if self.not_kept:
            out["not_kept"] = True  # the branch's change was not kept in the merge
        if self.not_kept_in is not None:
            out["not_kept_in"] = self.not_kept_in  # this merge did not keep it
        return out


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Origin:
    """The commit that wrote a figure: a check-in file, a CSV row, a ``values:`` entry.

    ``committed`` is the commit's own committer date (what backdating
    compares), on whichever branch it was made. ``co_authors`` are the
    further authors its ``Co-authored-by:`` trailers name
    (:attr:`okrsite.gitsource.CommitInfo.co_authors`, through the mailmap
    and counted once each, as the timeline names them): a pair that checks
    in together is credited on the figure as on the timeline."""

    commit: str
    pr: str | None
    author: str
    authored: date
    committed: date
    co_authors: tuple[str, ...] = ()


#: stands for the commit that wrote a check-in's figure (in
#: ``SiteHistory.checkin_figures``) or a whole check-in (``checkins``) when
#: that commit is older than the oldest commit a shallow clone holds: pages
#: say so instead of naming a commit (:mod:`okrsite.view.figure_sources`)
BEFORE_HISTORY = Origin("", None, "", date.min, date.min)


#: the commit that last changed a checklist's milestones (ticked one, added
#: or removed one), the check-in it wrote with them (``okrsite checkin``
#: ticks them so) or None, and what they were then (``"1/2 done"``)
Tick = tuple[Origin, str | None, str]


@dataclass
class SiteHistory:
    """The history of a site's content folder, or the reason there is none.

    ``note`` is set whenever the history is missing or partial (no git,
    shallow clone, disabled); pages show it where the timeline would be,
    translated: ``note_text`` is its English text with ``%(name)s``
    placeholders (the translation table's key) and ``note_values`` fills them.
    """

    available: bool
    note: str | None = None
    note_text: str | None = None
    note_values: dict[str, Any] = field(default_factory=dict)
    commits_seen: int = 0
    shallow: bool = False
    commits_read: int = 0
    objectives: dict[str, list[Change]] = field(default_factory=dict)
    kpis: dict[str, list[Change]] = field(default_factory=dict)
    checkins: dict[str, Origin] = field(default_factory=dict)  # by check-in id
    #: by check-in id, the commit that last changed each figure (key result
    #: id, ``""`` for a KPI's value), where that is not the check-in's own
    #: (a later commit put another figure right)
    checkin_figures: dict[str, dict[str, Origin]] = field(default_factory=dict)
    kpi_values: dict[str, dict[str, Origin]] = field(default_factory=dict)  # kpi -> day
    csv_rows: dict[str, dict[str, Origin]] = field(default_factory=dict)  # path -> day
    #: what each figure was at HEAD, beside its origin: a page compares the
    #: figure it shows with it, and one edited since its last commit (a
    #: check-in being written in ``okrsite serve``) says so instead of naming
    #: the commit that wrote the value before (:mod:`okrsite.view.history`).
    #: Check-ins by id (:func:`~okrsite.history_events.checkin_says`); KPI
    #: ``values:`` by KPI and day; CSV rows by path and day; ``current:``
    #: values by objective and key result.
    checkins_said: dict[str, Any] = field(default_factory=dict)
    kpi_values_said: dict[str, dict[str, Any]] = field(default_factory=dict)
    csv_rows_said: dict[str, dict[str, Any]] = field(default_factory=dict)
    currents: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: checklists' milestones by objective and key result (:data:`Tick`)
    ticks: dict[str, dict[str, Tick]] = field(default_factory=dict)
    #: in a shallow clone, the site's files (relative to it) as committed:
    #: a figure from one of them whose commit the clone does not hold was
    #: committed before its oldest commit
    committed_files: frozenset[str] = frozenset()
    #: the git submodules in the content folder, relative to the site
    #: (``content/objectives/platform``: warning OKR011): the history reads
    #: none of their files, so a figure from one has no commit to name and
    #: is not "not committed yet" (:func:`in_submodule`)
    submodules: tuple[str, ...] = ()
    #: what each commit with a change in a timeline says of why, by commit
    #: (:mod:`okrsite.history_why`): a function of the commit, so kept beside
    #: the changes, not in each (a timeline's fingerprint need not hash it)
    whys: dict[str, Why] = field(default_factory=dict)
    #: the names of people and teams whose files its commits deleted
    #: (:mod:`okrsite.history_former_names`), read when a timeline asks for
    #: one the site does not name; a function of the commits, as ``whys``
    former_names: FormerNames | None = None
    #: what this history was read from (HEAD, settings, cycles, okrsite's version);
    #: empty when it was put together some other way (tests)
    source: str = ""

    def fingerprint(self) -> bytes | None:
        """A short hash that changes whenever what pages show of the history can.

        The history is a function of the commits up to HEAD, the settings and
        cycles it was read with and okrsite's version, so hashing those stands
        for hashing its every entry (the page cache asks for this once a build;
        writing out 100,000 entries cost seconds). ``None`` without a
        ``source``: hash the entries then.
        """
        if not self.source:
            return None
        shown = (
            self.available,
            self.note,
            self.shallow,
            self.commits_seen,
            self.submodules,
            self.source,
        )
        return hashlib.blake2b(repr(shown).encode(), digest_size=16).digest()


def unavailable(text: str, **values: Any) -> SiteHistory:
    """No history, and why: ``text`` may hold ``%(name)s`` placeholders for ``values``."""
    return SiteHistory(available=False, note=text % values, note_text=text, note_values=values)


def in_submodule(history: SiteHistory, file: str) -> str | None:
    """The git submodule (of :attr:`SiteHistory.submodules`) ``file`` (relative
    to the site) is in, else None."""
    for folder in history.submodules:
        if file.startswith(folder + "/"):
            return folder
    return None
