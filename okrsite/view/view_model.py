"""What a page shows, read from the scored portfolio: the view model.

Between the scores and the templates stands this one layer. It turns
records and scores into small, flat objects (names, links, figures) and
decides no rule: every progress, expected value, grade, status, "stale",
confidence and forecast is the one :mod:`okrsite.scoring` computed, so a
page, ``portfolio.json``, the CSVs and the badges cannot disagree. It
writes no markup either: the partials of the theme do (docs/themes.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from okrsite.cycle_figures import counted_progress, teams_above
from okrsite.cycles import phase
from okrsite.dependencies import Dep, Recorder
from okrsite.display_order import title_order
from okrsite.model import (
    CheckIn,
    Grade,
    KeyResult,
    Objective,
    ScoredPortfolio,
    Status,
)
from okrsite.record_owner import OwnerKind, owner_of
from okrsite.scoring import boolean_done, grade_for
from okrsite.scoring_pace import pace_places
from okrsite.scoring_rollup import counts_in_rollup
from okrsite.urls import href, page_path
from okrsite.view.anchors import Anchors
from okrsite.view.chart_geometry import Sparkline, sparkline
from okrsite.view.site_index import SiteIndex

__all__ = [
    "Link",
    "ObjectiveView",
    "CheckinView",
    "GroupSummary",
    "CycleSection",
    "NavItem",
    "ViewModel",
    "STATUS_ORDER",
]

STATUS_ORDER = (
    "off-track",
    "at-risk",
    "on-track",
    "done",
    "achieved",
    "missed",
    "upcoming",
    "draft",
    "dropped",
)

_OBJECTIVE_COLLECTIONS = ("portfolio.objectives", "scored.objectives")


@dataclass(frozen=True, slots=True)
class Link:
    """A record a page links to: its id, its display name and its site-relative URL."""

    id: str
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class NavItem:
    """A link of the site's navigation: ``path`` where its page is written
    (what ``current`` is compared with), ``href`` the same percent-encoded
    for a link (a free page ``CON.md`` is written to ``pages/CO%4E/``,
    linked as ``pages/CO%254E/``)."""

    title: str
    path: str

    @property
    def href(self) -> str:
        return href(self.path)


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    """One objective as lists, cards and the alignment tree show it."""

    id: str
    title: str
    url: str
    owner: Link | None
    team: Link | None
    cycle: str
    commitment: str
    status: Status
    progress: float
    grade: Grade | None  # none where the objective counts nowhere or has not begun
    expected: float
    #: the forecast of progress at the cycle's end while the cycle runs; none
    #: once it has ended (it would forecast an end already reached: the
    #: score's ``forecast`` stays in the exports)
    forecast: float | None
    #: the latest confidence; after the cycle's end pages call it the last one
    confidence: float | None
    stale: bool
    #: its active key results, as ``okrsite check`` counts them (OKR401): a
    #: dropped or draft one counts nowhere, so the dashboard's "N key
    #: results" leaves it out too
    key_results: int
    #: expected - progress (what "behind" sorts by)
    behind: float
    last_checkin: date | None
    forecast_tentative: bool = False
    #: the objective's cycle ended before as_of
    cycle_over: bool = False
    #: it counts (:func:`okrsite.scoring_rollup.counts_in_rollup`): a draft or
    #: dropped one counts nowhere, and lists show its status and no figure
    counted: bool = True
    #: the decimals progress and expected are written with where they stand
    #: side by side (:func:`okrsite.scoring_pace.pace_places`): 0, or as many
    #: as keep the gap a reader works out on its status's side ("34.97%"
    #: beside "50%", at risk; "35%" reads 15 points behind, on track).
    #: Decided here once, so the page, its badge, the lists and the
    #: dashboard write one figure; templates pass it to ``percent_at``
    pace_places: int = 0
    #: ``"team"`` for a team's own objective (``owner: Finance``): ``owner``
    #: is none and ``team`` is its owner, shown as such (no "nobody", no
    #: second team); ``"person"`` with an owner, none without
    #: (:func:`okrsite.record_owner.owner_of`)
    owner_kind: OwnerKind | None = None
    #: the teams above ``team`` whose figures count this objective too
    #: (:func:`okrsite.cycle_figures.teams_above`), nearest first, as
    #: (id, name): a list filtered by one of them shows it, as the team's
    #: figures count it
    teams_above: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CheckinValue:
    """One value a check-in reports, with the label and unit it is shown with."""

    label: str
    value: float
    unit: str
    #: for a yes/no key result, whether the value says done
    #: (:func:`okrsite.scoring.boolean_done`, as its row says); else ``None``
    done: bool | None = None


@dataclass(frozen=True, slots=True)
class CheckinView:
    """One check-in: date, what it is about, author, confidence, values, notes (HTML)."""

    id: str
    anchor: str
    date: date
    #: its time of day as written (``14:05``), or ``""``: orders check-ins of one day
    time: str
    #: the zone that time names, as the check-in keeps it (``+01:00``; ``Z``
    #: is ``+00:00``), or ``""`` for none: shown beside the time, or
    #: 17:00+01:00 and 09:00-08:00 of one day read as if the later were earlier
    zone: str
    target: Link | None
    target_id: str
    author: Link | None
    confidence: float | None
    values: tuple[CheckinValue, ...]
    value: float | None
    #: the unit of ``value``: its KPI's (``%`` for churn), so that the
    #: reading shows as the KPI's own page shows it
    unit: str
    #: the notes as HTML (Markdown rendered and sanitised)
    notes: Markup


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """Progress of a group of objectives (a cycle, team, person or tag):
    the weighted mean of the counted ones, and how many are in each status.

    ``progress`` and ``grade`` are ``None`` when none of them counts (no
    objectives, or only drafts and dropped ones), as in the scorecard: pages
    show "–", never 0%."""

    progress: float | None
    grade: Grade | None
    counts: tuple[tuple[str, int], ...]
    total: int


@dataclass(frozen=True, slots=True)
class CycleSection:
    """One cycle's part of a team or person page: figures never mix cycles.

    ``ids`` are the record's own objectives of the cycle, ``sub_ids`` those of
    its sub-teams (a team page rolls them up); ``summary`` covers both.
    """

    cycle: str
    current: bool
    ids: tuple[str, ...]
    sub_ids: tuple[str, ...]
    summary: GroupSummary


class ViewModel:
    """Builds view objects from one scored portfolio (memoised per record)."""

    def __init__(
        self,
        scored: ScoredPortfolio,
        index: SiteIndex,
        notes_html: Callable[[CheckIn], str],
        recorder: Recorder | None = None,
        plain: ScoredPortfolio | None = None,
    ) -> None:
        self.scored = scored
        self.index = index
        self.objectives = scored.portfolio.objectives
        self.scores = scored.objectives
        self._notes_html = notes_html
        self._urls: dict[tuple[str, str], str] = {}
        # views are kept per record with what they read, replayed into the
        # dependencies of every page that shows them again (okrsite.dependencies)
        self.recorder = recorder or Recorder()
        #: the same portfolio without recording (see _read_objectives)
        self.plain = plain or scored
        self._objective_views: dict[str, tuple[ObjectiveView, frozenset[Dep]]] = {}
        self._checkin_views: dict[str, tuple[CheckinView, frozenset[Dep]]] = {}
        self._kpi_sparklines: dict[str, tuple[Sparkline | None, frozenset[Dep]]] = {}
        #: the people and teams that have a page: :meth:`person` and
        #: :meth:`team` link to those only
        self._person_pages = frozenset(index.people_ids)
        self._team_pages = frozenset(index.team_ids)
        #: every key result's and check-in's element id, told apart once for
        #: the site (read unrecorded: they are in SiteRenderer.global_state)
        self.anchors = Anchors(self.plain.portfolio.objectives, self.plain.portfolio.checkins)

    def forget_checkins(self) -> None:
        """Drop the check-in views kept so far (each holds its notes as HTML)."""
        self._checkin_views.clear()

    def url(self, kind: str, ident: str) -> str:
        """The encoded site-relative href of a record's page."""
        key = (kind, ident)
        cached = self._urls.get(key)
        if cached is None:
            cached = self._urls[key] = href(page_path(kind, ident))
        return cached

    def person_name(self, pid: str | None) -> str:
        if not pid:
            return ""
        return self.scored.portfolio.person_names.get(pid, pid)

    def team_name(self, tid: str | None) -> str:
        if not tid:
            return ""
        return self.scored.portfolio.team_names.get(tid, tid)

    def person(self, pid: str | None) -> Link | None:
        """The link to person ``pid``'s page, ``None`` for an id that has none
        (a theme's ``{% if person("typo") %}`` must not link to a page the
        build never writes). Every id the site names (a file's, or an
        ``owner:`` written as free text) has a page (``SiteIndex.people_ids``)."""
        if not pid or pid not in self._person_pages:
            return None
        return Link(pid, self.person_name(pid), self.url("person", pid))

    def team(self, tid: str | None) -> Link | None:
        """The link to team ``tid``'s page, ``None`` for an id that has none
        (see :meth:`person`)."""
        if not tid or tid not in self._team_pages:
            return None
        return Link(tid, self.team_name(tid), self.url("team", tid))

    def objective(self, oid: str) -> ObjectiveView:
        hit = self._objective_views.get(oid)
        if hit is None:
            hit = self._objective_views[oid] = self.recorder.capture(
                lambda: self._objective_view(oid)
            )
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def cycle_state(self, name: str | None) -> str:
        """``upcoming`` (as_of is before the cycle's first day), ``over`` (after
        its last), ``running``, or ``""`` for a cycle no file defines: the same
        dates that make an objective ``upcoming`` or ``achieved``/``missed``."""
        cycle = self.index.cycles.get(name) if name else None
        if cycle is None:
            return ""
        return phase(cycle, self.scored.as_of)

    def cycle_over(self, name: str) -> bool:
        """The cycle ended before as_of: what an objective of it shows is its
        end (no forecast, its last confidence), decided here once for every page."""
        return self.cycle_state(name) == "over"

    def _objective_view(self, oid: str) -> ObjectiveView:
        o, s = self.objectives[oid], self.scores[oid]
        over = self.cycle_over(o.cycle)
        return ObjectiveView(
            oid,
            o.title,
            self.url("objective", oid),
            self.person(o.owner),
            self.team(o.team),
            o.cycle,
            o.commitment,
            s.status,
            s.progress,
            s.grade,
            s.expected,
            None if over else s.forecast,
            s.confidence,
            s.stale,
            sum(1 for kr in o.key_results if kr.status == "active"),
            s.behind,
            s.last_checkin,
            s.forecast_tentative and not over,
            over,
            counts_in_rollup(o),
            pace_places(s.progress, s.expected, s.status, self.scored.settings),
            owner_of(self.scored.portfolio, o)[1],
            tuple(
                (link.id, link.name)
                for link in map(self.team, teams_above(self.scored.portfolio.teams, o.team))
                if link is not None
            ),
        )

    def _read_objectives(self, ids: Sequence[str]) -> ScoredPortfolio:
        """Record that these objectives (records and scores) are read, at once,
        and hand out the portfolio that does not record each read again (the
        lists of a page read thousands of objectives this way)."""
        self.recorder.many(_OBJECTIVE_COLLECTIONS, ids)
        return self.plain

    def objectives_sorted(self, ids: Iterable[str]) -> list[str]:
        """By title in natural order ("Goal 2" before "Goal 10", any case; then by
        id): reads the titles only (``index.objective_heads``)."""
        ids = list(ids)
        self.recorder.many(("index.objective_heads",), ids)
        heads, head = self.index.objective_heads, dict.__getitem__
        return sorted(ids, key=lambda i: (title_order(head(heads, i)[0]), i))

    def teams_sorted(self, ids: Iterable[str]) -> list[str]:
        """Team ids by the names pages show, in natural order (then by id), as
        lists of objectives go by title: "Acme" (``company.md``) before
        "Brand" (``brand.md``); ids would list a team by its file's name."""
        return sorted(ids, key=lambda t: (title_order(self.team_name(t)), t))

    def people_sorted(self, ids: Iterable[str]) -> list[str]:
        """Person ids by the names pages show, in natural order (then by id):
        see :meth:`teams_sorted`."""
        return sorted(ids, key=lambda p: (title_order(self.person_name(p)), p))

    def summary(self, ids: Sequence[str]) -> GroupSummary:
        """Counts by status of ``ids`` and the weighted mean progress of the counted
        ones (:func:`okrsite.cycle_figures.counted_progress`, the one rule)."""
        plain = self._read_objectives(ids)
        scores = plain.objectives
        counts: dict[str, int] = {}
        for oid in ids:
            status = scores[oid].status
            counts[status] = counts.get(status, 0) + 1
        progress = counted_progress(plain, ids)
        ordered = tuple((status, counts[status]) for status in STATUS_ORDER if status in counts)
        grade = grade_for(progress) if progress is not None else None
        return GroupSummary(progress, grade, ordered, len(ids))

    def in_cycle(self, ids: Iterable[str], cycle: str | None) -> list[str]:
        ids = list(ids)
        records = self._read_objectives(ids).portfolio.objectives
        return [i for i in ids if records[i].cycle == cycle]

    def running_cycles(self) -> list[str]:
        """The cycles of the site's objectives running on as_of (their first
        day on or before it, their last on or after it), in :meth:`cycle_order`."""
        index, as_of = self.index, self.scored.as_of
        return self.cycle_order(
            n for n in index.by_cycle if n in index.cycles and index.cycles[n].contains(as_of)
        )

    def cycle_order(self, names: Iterable[str]) -> list[str]:
        """Cycle names in the order pages list cycles: the current cycle, then
        the other cycles running on as_of (a year around its quarter), then the
        rest newest first (by first day); an unknown cycle (OKR302) last, by name.
        Every page that lists cycle sections orders them here."""
        index, as_of = self.index, self.scored.as_of
        current = index.current_cycle

        def order(name: str) -> tuple[int, int, str]:
            cycle = index.cycles.get(name)
            if cycle is None:
                return (3, 0, name)
            rank = 0 if name == current else 1 if cycle.contains(as_of) else 2
            return (rank, -cycle.start.toordinal(), name)

        return sorted(set(names), key=order)

    def cycle_sections(self, own: Sequence[str], below: Sequence[str] = ()) -> list[CycleSection]:
        """One section per cycle, in :meth:`cycle_order`: the current cycle
        first, then the other running ones, then the rest newest first."""
        current = self.index.current_cycle
        names = self.cycle_order(self.objectives[i].cycle for i in [*own, *below])
        sections = []
        for name in names:
            mine, subs = self.in_cycle(own, name), self.in_cycle(below, name)
            sections.append(
                CycleSection(
                    name,
                    name == current,
                    tuple(self.objectives_sorted(mine)),
                    tuple(self.objectives_sorted(subs)),
                    self.summary([*mine, *subs]),
                )
            )
        return sections

    def aligned_via(self, oid: str) -> Link | None:
        """The key result an objective is aligned to (``parent: obj#kr``), as a
        link to it on its objective's page; ``None`` for an objective aligned
        to a whole objective, or to a key result its parent does not have."""
        parent = self.objectives[oid].parent
        pid, _, kr_id = (parent or "").partition("#")
        if not kr_id or pid not in self.objectives:
            return None
        kr = self.objectives[pid].key_result(kr_id)
        if kr is None:
            return None
        link = self.url("objective", pid) + "#" + self.anchors.key_result(pid, kr.id)
        return Link(kr_id, kr.title, link)

    def ref_link(self, ref: str) -> Link | None:
        """The page of an objective, ``objective#kr`` or KPI reference."""
        portfolio = self.scored.portfolio
        oid, _, kr_id = ref.partition("#")
        if oid in portfolio.objectives and oid in self.scores:
            o = portfolio.objectives[oid]
            if kr_id:
                kr = o.key_result(kr_id)
                label = f"{o.title} — {kr.title if kr else kr_id}"
                kr_anchor = self.anchors.key_result(oid, kr.id if kr else kr_id)
                return Link(ref, label, self.url("objective", oid) + "#" + kr_anchor)
            return Link(ref, o.title, self.url("objective", oid))
        if ref in portfolio.kpis and ref in self.scored.kpis:
            return Link(ref, portfolio.kpis[ref].title, self.url("kpi", ref))
        return None

    def checkin(self, c: CheckIn) -> CheckinView:
        hit = self._checkin_views.get(c.id)
        if hit is None:
            hit = self._checkin_views[c.id] = self.recorder.capture(lambda: self._checkin_view(c))
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def _checkin_view(self, c: CheckIn) -> CheckinView:
        portfolio = self.scored.portfolio
        target = None
        krs: dict[str, KeyResult] = {}
        unit = ""
        if c.objective and c.objective in self.scores:
            o = self.objectives[c.objective]
            target = Link(c.objective, o.title, self.url("objective", c.objective))
            krs = {kr.id: kr for kr in o.key_results}
        elif c.kpi and c.kpi in self.scored.kpis:
            target = Link(c.kpi, portfolio.kpis[c.kpi].title, self.url("kpi", c.kpi))
            unit = portfolio.kpis[c.kpi].unit
        values = []
        for kr_id, value in c.values.items():
            kr = krs.get(kr_id)
            if kr is None:
                values.append(CheckinValue(kr_id, value, ""))
                continue
            done = boolean_done(kr, value, True) if kr.kind == "boolean" else None
            values.append(CheckinValue(kr.title, value, kr.unit, done))
        return CheckinView(
            c.id,
            self.anchors.checkin(c.id),
            c.date,
            c.time[:5],
            c.zone if c.time else "",
            target,
            c.objective or c.kpi or "",
            self.person(c.author),
            c.confidence,
            tuple(values),
            c.value,
            unit,
            Markup(self._notes_html(c)),
        )

    def kpi_sparkline(self, kid: str) -> Sparkline | None:
        """A KPI's values as a word-sized line with its health bands and target
        (``None`` without values), for the KPI tiles."""
        hit = self._kpi_sparklines.get(kid)
        if hit is None:
            hit = self._kpi_sparklines[kid] = self.recorder.capture(
                lambda: self._kpi_sparkline(kid)
            )
        else:
            self.recorder.replay(hit[1])
        return hit[0]

    def _kpi_sparkline(self, kid: str) -> Sparkline | None:
        k, ks = self.scored.portfolio.kpis[kid], self.scored.kpis[kid]
        return sparkline(
            ks.series,
            target=k.target,
            green=k.green,
            red=k.red,
            direction=k.direction,
            unit=k.unit,
        )

    def breadcrumb(self, o: Objective) -> list[Link]:
        chain: list[Link] = []
        seen = {o.id}
        current = o.parent_objective
        heads = self.index.objective_heads
        while current and current in self.scores and current not in seen:
            title, parent = heads[current]
            chain.append(Link(current, title, self.url("objective", current)))
            seen.add(current)
            current = parent
        return chain[::-1]
