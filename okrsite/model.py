"""The goal model: frozen, typed records of what users write.

These records are produced by :mod:`okrsite.parse` from one file each, checked
against each other by :mod:`okrsite.resolve` and judged by
:mod:`okrsite.scoring`. None of them touches the disk. Values are already
validated and normalised here (numbers are floats, dates are ``date``), so the
later stages never have to second-guess user input.

Mappings inside frozen records are plain dicts by convention: nothing mutates
them after parsing.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Literal, TypeVar

_C = TypeVar("_C", bound=type)


def pickled_by_fields(cls: _C) -> _C:
    """Pickle instances of a frozen dataclass as a call ``cls(*field values)``.

    Without this, a frozen dataclass with slots pickles through the
    ``__getstate__``/``__setstate__`` that :mod:`dataclasses` adds, which list
    the fields and set each one through ``object.__setattr__`` in Python.
    Parse results cross from worker processes to the parent by the tens of
    thousands (:mod:`okrsite.pipeline`); a tuple of the values and the
    class's own ``__init__`` pickle and unpickle them in about half the
    time. ``__init__`` stores every field as given, so the copy equals the
    original.
    """
    names = [f.name for f in fields(cls)]
    assert len(names) > 1 and all(f.init for f in fields(cls)), cls
    values: Callable[[Any], tuple[Any, ...]] = operator.attrgetter(*names)

    def __reduce_ex__(self: Any, protocol: object) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce_ex__ = __reduce_ex__  # type: ignore[assignment]
    return cls


Day = date  # alias for annotations inside classes that have a field named "date"

Kind = Literal["objective", "kpi", "goal", "checkin", "team", "person", "page"]
KIND_FOLDERS: dict[str, Kind] = {
    "objectives": "objective",
    "kpis": "kpi",
    "goals": "goal",
    "checkins": "checkin",
    "teams": "team",
    "people": "person",
    "pages": "page",
}

LifeStatus = Literal["active", "draft", "dropped"]
Commitment = Literal["committed", "aspirational"]
KRKind = Literal["numeric", "milestones", "boolean", "stay_above", "stay_below", "rollup"]
Status = Literal[
    "dropped", "draft", "upcoming", "achieved", "missed", "done", "on-track", "at-risk", "off-track"
]
Grade = Literal["red", "yellow", "green"]
Health = Literal["healthy", "warning", "critical", "unknown"]
Trend = Literal["up", "down", "flat"]
TrendMeaning = Literal["improving", "worsening", "steady"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cycle:
    """A named period; runs from ``start`` to ``end`` inclusive."""

    name: str
    start: date
    end: date
    title: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Milestone:
    """One milestone of a milestone key result: done or not."""

    title: str
    done: bool


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Initiative:
    """Work planned to move an objective, listed on its page; never scored."""

    title: str
    status: str = "active"
    link: str | None = None
    owner: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class KeyResult:
    """A key result as written. ``kind`` says which progress rule applies.

    ``rollup`` means the key result has no measure of its own; its progress is
    the weighted mean of the objectives aligned to it (``parent: obj#kr``).
    ``kpi`` may accompany ``numeric``: the KPI then supplies the current value.
    """

    id: str
    title: str
    kind: KRKind
    start: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str = ""
    weight: float = 1.0
    kpi: str | None = None
    milestones: tuple[Milestone, ...] = ()
    done: bool | None = None
    threshold: float | None = None
    score: float | None = None
    status: LifeStatus = "active"
    index: int = 0
    #: ``owner:`` and ``description:`` as the file writes them: never scored or
    #: shown, kept so that ``okrsite carry`` writes them into the next cycle
    written_owner: str | None = None
    description: str | None = None

    @property
    def lower_is_better(self) -> bool:
        if self.kind == "stay_below":
            return True
        return (
            self.kind == "numeric"
            and self.start is not None
            and self.target is not None
            and self.target < self.start
        )


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Objective:
    """An objective as its file says it, references resolved to ids; scores are apart."""

    id: str
    file: str
    title: str
    cycle: str
    owner: str | None = None
    team: str | None = None
    parent: str | None = None
    supports: tuple[str, ...] = ()
    commitment: Commitment = "committed"
    weight: float = 1.0
    status: LifeStatus = "active"
    tags: tuple[str, ...] = ()
    key_results: tuple[KeyResult, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    body: str = ""
    body_line: int = 1
    #: the objective of an earlier cycle this one continues (``okrsite carry``)
    carried_from: str | None = None

    @property
    def parent_objective(self) -> str | None:
        """The objective part of ``parent`` (``company/x`` of ``company/x#kr``)."""
        return self.parent.split("#", 1)[0] if self.parent else None

    @property
    def parent_key_result(self) -> str | None:
        if self.parent and "#" in self.parent:
            return self.parent.split("#", 1)[1]
        return None

    def key_result(self, kr_id: str) -> KeyResult | None:
        for kr in self.key_results:
            if kr.id == kr_id:
                return kr
        return None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class CheckIn:
    """A dated progress update for an objective (``values``) or a KPI (``value``).

    Check-ins are ordered by date, the instant of their time of day (one
    without a zone counted as written), then file name in natural order
    (:func:`okrsite.resolve.checkin_order`); the last one is current.
    """

    id: str
    file: str
    date: date
    objective: str | None = None
    kpi: str | None = None
    author: str | None = None
    confidence: float | None = None
    values: dict[str, float] = field(default_factory=dict)
    value: float | None = None
    body: str = ""
    body_line: int = 1
    #: a ``note:`` of the front matter stands first in ``body``, on its first
    #: ``note_lines`` lines and a blank one; ``note_line`` is the file line it
    #: starts on (0: no such note), so its links are reported where written
    note_line: int = 0
    note_lines: int = 0
    #: time of day as ``HH:MM`` or ``HH:MM:SS`` when the date carried one
    #: (``2026-11-29T14:05``); orders check-ins of the same day
    time: str = ""
    #: the values written as percentages (``45%``): key result ids, or
    #: ``"value"`` for a KPI's; resolving holds each to its unit
    percent: tuple[str, ...] = ()
    #: key result ids whose values were written at the top (``lead: 5``), not
    #: under ``values:``; one that names no key result is an unknown key
    loose: tuple[str, ...] = ()
    #: key result ids whose values were written yes or no (``launch: yes``,
    #: read as 1 or 0): resolving refuses them for a key result that is not
    #: done-or-not
    yes_no: tuple[str, ...] = ()
    #: values under ``values:`` written as words with no digit in them
    #: (``site: Design approved``), with the words: no number, but what to
    #: say depends on the key result (a checklist's milestone is ticked in
    #: the objective's file), which resolving knows
    texts: tuple[tuple[str, str], ...] = ()
    #: values written with a unit after the figure (``5 h``, ``1,200
    #: tickets``): key result id (or ``"value"`` for a KPI's) and the unit as
    #: written; resolving holds each to the key result's or KPI's unit
    units: tuple[tuple[str, str], ...] = ()
    #: the objective (or KPI) was not written: it is the folder the check-in
    #: is filed in (``checkins/<id>/<date>.md``)
    implied: bool = False
    #: the zone the time names, as RFC 3339 writes it (``+01:00``; ``Z`` is
    #: ``+00:00``), ``""`` when none: check-ins of one day are ordered by the
    #: instant (:func:`okrsite.written_dates.utc_clock`), and the feed writes
    #: the time with it.
    zone: str = ""
    #: key result ids whose values were written with a comma before three
    #: digits and read as a decimal (``1,275`` is 1.275 on a site that writes
    #: a decimal comma): OKR124 quotes them so, and says the comma. Last, so
    #: a cache's older pickles still load.
    decimal_commas: tuple[str, ...] = ()
    #: the file has no ``date:``: its day is its file name's
    #: (``2026-11-26-3.md``), so a warning about its date (OKR311) says to
    #: add a ``date:`` line rather than to change one. Last, as above.
    dated_by_name: bool = False
    #: values written with a lowercase ``m`` or ``mn`` after the figure
    #: (``1.2m``, ``€1.2m``: million, or metres?): key result id (or
    #: ``"value"``) and the value as written, which OKR102 quotes where the
    #: key result's or KPI's unit does not take it. Last, as above.
    lowercase_m: tuple[tuple[str, str], ...] = ()

    @property
    def undated(self) -> bool:
        """Whether this is the record of a check-in whose date could not be read."""
        return self.date == UNDATED


#: the date of a check-in whose ``date:`` is missing or no real date. Its file
#: has that error, so the check-in is never part of a portfolio; it is built
#: only so that the same run checks its objective, KPI and values too.
UNDATED = date.min


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class KPI:
    """A key performance indicator: a health metric watched over time, not a goal."""

    id: str
    file: str
    title: str
    unit: str = ""
    direction: Literal["up", "down"] = "up"
    indicator: Literal["leading", "lagging"] | None = None
    owner: str | None = None
    team: str | None = None
    target: float | None = None
    green: float | None = None
    red: float | None = None
    drives: tuple[str, ...] = ()
    values: tuple[tuple[date, float], ...] = ()
    data: str | None = None
    body: str = ""
    body_line: int = 1


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Measure:
    """The numbers a SMART goal measures: start, target and current value."""

    start: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str = ""

    @property
    def lower_is_better(self) -> bool:
        """The target lies below the start (cost €100 → €80): progress past
        100% is then a share of the planned reduction, not of the target
        (€70 is 150% of the reduction), and pages say so."""
        return self.start is not None and self.target is not None and self.target < self.start


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Goal:
    """A SMART goal: what it measures, by when, and who owns it."""

    id: str
    file: str
    title: str
    owner: str | None = None
    team: str | None = None
    due: date | None = None
    cycle: str | None = None
    supports: str | None = None
    measure: Measure | None = None
    tags: tuple[str, ...] = ()
    body: str = ""
    body_line: int = 1
    #: ``due:`` as written when it may name a fiscal or custom cycle
    #: (``FY27 Q4``), which only the site's settings tell: resolving sets
    #: ``due`` to that cycle's last day (:mod:`okrsite.due_cycles`)
    due_cycle: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Team:
    """A team, from a team file or named by goals; teams nest through ``parent``."""

    id: str
    file: str
    title: str
    lead: str | None = None
    parent: str | None = None
    body: str = ""
    body_line: int = 1
    github: str | None = None  # handles for okrsite codeowners
    gitlab: str | None = None
    #: people the team file lists (``members:``), as ids; beside them, the
    #: people whose own file names the team are its members too
    members: tuple[str, ...] = ()
    #: the entry of ``members:`` each member was first written at: a repeated
    #: name or an entry naming nobody before it shifts the rest (findings
    #: about a member point at its own line)
    member_places: tuple[int, ...] = ()
    #: the keys the file gives its lead and parent under: ``lead`` and
    #: ``parent``, or ``owner`` and ``team`` as goal files name them (findings
    #: about them point there)
    keys: tuple[str, str] = ("lead", "parent")
    #: the ids of the names and ids the team was known by (``aliases:``,
    #: ``formerly:``): a goal that still writes one names this team
    aliases: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Person:
    """A person, from a person file or named by goals as owner or author."""

    id: str
    file: str
    title: str
    team: str | None = None
    role: str | None = None
    email: str | None = None
    body: str = ""
    body_line: int = 1
    github: str | None = None  # handles for okrsite codeowners
    gitlab: str | None = None
    #: the ids of the names and ids the person was known by (``aliases:``): a
    #: name changed by marriage, an id changed with it
    aliases: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Page:
    """A free-form page of the site, written in Markdown."""

    id: str
    file: str
    title: str
    order: int = 0
    body: str = ""
    body_line: int = 1


Record = Objective | CheckIn | KPI | Goal | Team | Person | Page


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Portfolio:
    """Every record of a site, keyed by id, after resolving.

    ``checkins`` are sorted by (date, file) so "the latest" is well defined.
    ``kpi_series`` holds each KPI's values from ``values:``, its CSV and the
    check-ins naming it, sorted by date (before as_of is applied).
    ``person_names`` and ``team_names`` give every person and team id named
    anywhere the name pages show: the ``title`` of its file, else the name as
    first written (``owner: Uma Diaz``), else the id. ``team_owned`` are the
    objectives a team owns (``owner: Finance``), ``team_owned_goals`` the goals
    and ``team_owned_kpis`` the KPIs (:mod:`okrsite.record_owner` reads them).
    """

    objectives: dict[str, Objective]
    kpis: dict[str, KPI]
    goals: dict[str, Goal]
    checkins: tuple[CheckIn, ...]
    teams: dict[str, Team]
    people: dict[str, Person]
    pages: dict[str, Page]
    cycles: dict[str, Cycle]
    kpi_series: dict[str, tuple[tuple[date, float], ...]]
    person_names: dict[str, str] = field(default_factory=dict)
    team_names: dict[str, str] = field(default_factory=dict)
    #: objectives whose ``owner:`` names a team (``owner: Finance``): the
    #: team's own goals, owned by their team and by no person
    team_owned: frozenset[str] = frozenset()
    #: goals whose ``owner:`` names a team (``owner: Customer Success``), as
    #: a team's own goal is written: assigned (SMART A) to that team
    team_owned_goals: frozenset[str] = frozenset()
    #: KPIs whose ``owner:`` names a team (``owner: Customer Success``): that
    #: team is their owner, as it is of a team's own goal
    team_owned_kpis: frozenset[str] = frozenset()


# ---------------------------------------------------------------- scores
@pickled_by_fields
@dataclass(frozen=True, slots=True)
class KRScore:
    """What okrsite computed for one key result, with what it was computed from."""

    id: str
    progress: float
    ratio: float | None
    current: float | None
    current_source: Literal["checkin", "current", "kpi", "score", "rollup", "milestones"] | None
    current_date: date | None
    status: Status
    expected: float
    counted: bool
    #: none for a key result that counts nowhere or has not begun (draft,
    #: dropped, upcoming: :func:`okrsite.scoring_progress.counted_grade`)
    grade: Grade | None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ObjectiveScore:
    """Everything scoring works out for one objective as of a date; pages only read it."""

    id: str
    progress: float
    expected: float
    elapsed: float
    success: float
    behind: float
    status: Status
    #: none for a draft, dropped or upcoming objective (counted_grade)
    grade: Grade | None
    stale: bool
    confidence: float | None
    forecast: float | None
    last_checkin: date | None
    key_results: dict[str, KRScore]
    history: tuple[tuple[date, float], ...] = ()
    #: the forecast rests on little: fewer than 3 check-ins, or check-ins
    #: spanning under a quarter of the cycle (see :func:`scoring.forecast_is_tentative`)
    forecast_tentative: bool = False
    #: the latest day on or before as_of on which the progress moved without a
    #: check-in of the objective's own (an aligned objective's check-in, a KPI
    #: reading), when later than its last check-in: the progress chart's last
    #: point (:attr:`progress_points`)
    moved_on: Day | None = None

    @property
    def progress_points(self) -> tuple[tuple[Day, float], ...]:
        """The progress chart's points: progress at the end of each day with a
        check-in of the objective's own (:attr:`history`), then, when a child's
        check-in or a KPI reading moved it later, the day of that latest move
        with the headline progress, so the chart ends at the figure the page
        shows (nothing dated moved it after that day)."""
        if self.moved_on is None:
            return self.history
        return (*self.history, (self.moved_on, self.progress))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class KPIScore:
    """A KPI's value, health and trend as of a date, worked out once by scoring."""

    id: str
    value: float | None
    date: date | None
    previous: float | None
    health: Health
    trend: Trend | None
    series: tuple[tuple[Day, float], ...]
    targeted_by: tuple[str, ...]
    driven_by: tuple[str, ...]
    #: what the trend means for this KPI's direction (down is good news for a
    #: response time); ``None`` without a trend
    trend_meaning: TrendMeaning | None = None
    #: its latest reading is more than :attr:`stale_after` days before as_of:
    #: its value and health describe a past period, not now
    stale: bool = False
    #: the days after its latest reading it turns stale: ``kpi_stale_after_days``,
    #: or twice its usual interval between readings (``scoring.kpi_stale_limit``)
    stale_after: int = 45
    #: the decimals its value is written with (:func:`okrsite.limit_places.kpi_value_places`):
    #: four, or as many more as keep it on its side of its thresholds and target
    value_places: int = 4

    @property
    def role(self) -> Literal["target", "monitored"]:
        return "target" if self.targeted_by else "monitored"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class GoalScore:
    """A SMART goal's progress, SMART checks and grade as of a date, worked out once by scoring."""

    id: str
    progress: float
    ratio: float | None
    smart: dict[str, bool]
    grade: Grade
    #: the day it is due: its ``due:``, else the last day of its ``cycle:``
    deadline: date | None = None
    #: its deadline has passed at as_of and its measure has not reached its target
    overdue: bool = False


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Settings:
    """The scoring settings of ``okrsite.toml`` (see :mod:`okrsite.config`)."""

    on_track: float = 0.15
    at_risk: float = 0.30
    stale_after_days: int = 14
    aspirational_success: float = 0.7
    #: a confidence at or below this puts an objective on the attention list
    #: (:mod:`okrsite.attention`; ``low_confidence`` in okrsite.toml)
    low_confidence: float = 4.0
    #: "what changed": check-ins of the last this many days, as_of included
    #: (:mod:`okrsite.changes`; ``change_window_days`` in okrsite.toml)
    changes_days: int = 7
    #: a KPI whose latest reading is older than this is stale (``KPIScore.stale``)
    kpi_stale_after_days: int = 45


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ScoredPortfolio:
    """A portfolio judged at ``as_of``: the single input of every renderer and export.

    ``children`` maps an objective id to the ids of objectives aligned to it
    (directly or to one of its key results); ``kr_children`` maps
    ``"obj#kr"`` to the objectives aligned to that key result. ``checkins``
    are the portfolio's check-ins dated on or before ``as_of`` (what every
    page, feed and export shows), sorted like ``portfolio.checkins``.
    """

    portfolio: Portfolio
    as_of: date
    settings: Settings
    objectives: dict[str, ObjectiveScore]
    kpis: dict[str, KPIScore]
    goals: dict[str, GoalScore]
    children: dict[str, tuple[str, ...]]
    kr_children: dict[str, tuple[str, ...]]
    roots: tuple[str, ...]
    checkins: tuple[CheckIn, ...] = ()
