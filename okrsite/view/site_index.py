"""Who and what a page lists: objectives by team, person, cycle and tag.

Built once per render from the scored portfolio, so each page does work
linear in what it shows (a site may have 10,000 objectives and 40,000
check-ins). Only objectives that were scored are listed, in a stable order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from okrsite.carry import carried_into
from okrsite.checkin_index import checkin_index
from okrsite.config import SiteConfig
from okrsite.cycle_figures import focus_cycle, sub_teams, team_and_descendants
from okrsite.cycles import lookup
from okrsite.display_order import title_order
from okrsite.model import CheckIn, Cycle, ScoredPortfolio
from okrsite.parse_names import as_nfc
from okrsite.urls import page_path

__all__ = ["SiteIndex"]


class SiteIndex:
    """The indexes of one scored portfolio (read them, never change them)."""

    def __init__(self, scored: ScoredPortfolio, config: SiteConfig) -> None:
        portfolio = scored.portfolio
        objectives = portfolio.objectives
        self.objective_ids = sorted(i for i in objectives if i in scored.objectives)
        #: what lists and breadcrumbs read of an objective: title and parent
        #: (a page that shows no more depends on no more, okrsite.dependencies)
        self.objective_heads: dict[str, tuple[str, str | None]] = {
            oid: (o.title, o.parent_objective) for oid, o in objectives.items()
        }
        # check-ins up to as_of (as scored), oldest first
        checkins = checkin_index(scored.checkins)
        self.checkins = scored.checkins
        self.checkins_by_objective: Mapping[str, list[CheckIn]] = checkins.by_objective
        #: a KPI's check-ins: its page shows them, and the feed links there
        self.checkins_by_kpi: Mapping[str, list[CheckIn]] = checkins.by_kpi
        self.checkins_by_author: Mapping[str, list[CheckIn]] = checkins.by_author

        # alignment
        self.direct_children: dict[str, list[str]] = defaultdict(list)
        self.supported_by: dict[str, list[str]] = defaultdict(list)
        for oid in self.objective_ids:
            objective = objectives[oid]
            parent = objective.parent_objective
            if parent and parent in scored.objectives and not objective.parent_key_result:
                self.direct_children[parent].append(oid)
            for ref in objective.supports:
                self.supported_by[ref].append(oid)
                if "#" in ref:
                    self.supported_by[ref.split("#", 1)[0]].append(oid)
        # goals are listed by title in natural order, as objectives are
        # (okrsite.display_order); every goal list below keeps this order
        self.goal_ids = sorted(
            (i for i in portfolio.goals if i in scored.goals),
            key=lambda i: (title_order(portfolio.goals[i].title), i),
        )
        self.goals_supporting: dict[str, list[str]] = defaultdict(list)
        for gid in self.goal_ids:
            goal = portfolio.goals[gid]
            if goal.supports:
                self.goals_supporting[goal.supports].append(gid)
                if "#" in goal.supports:
                    self.goals_supporting[goal.supports.split("#", 1)[0]].append(gid)

        # people, teams, cycles, tags
        self.by_owner: dict[str, list[str]] = defaultdict(list)
        self.by_team: dict[str, list[str]] = defaultdict(list)
        self.by_cycle: dict[str, list[str]] = defaultdict(list)
        self.by_tag: dict[str, list[str]] = defaultdict(list)
        for oid in self.objective_ids:
            objective = objectives[oid]
            if objective.owner:
                self.by_owner[objective.owner].append(oid)
            if objective.team:
                self.by_team[objective.team].append(oid)
            self.by_cycle[objective.cycle].append(oid)
            for tag in objective.tags:
                self.by_tag[tag].append(oid)
        # KPIs by title in natural order too (the exports keep id order)
        self.kpi_ids = sorted(
            (i for i in portfolio.kpis if i in scored.kpis),
            key=lambda i: (title_order(portfolio.kpis[i].title), i),
        )
        self.goal_tags: dict[str, list[str]] = defaultdict(list)
        for gid in self.goal_ids:
            for tag in portfolio.goals[gid].tags:
                self.goal_tags[tag].append(gid)

        # what a team's and a person's page lists besides objectives: members
        # and sub-teams in the order of their ids, KPIs and goals by title
        # (a page reading these does not scan every
        # person, team, KPI and goal: 331 team pages × 2,500 people at 10,000)
        self.members_by_team: dict[str, list[str]] = defaultdict(list)
        for pid, member in sorted(portfolio.people.items()):
            if member.team:
                self.members_by_team[member.team].append(pid)
        #: person → the teams whose files list them (members:), by id
        self.teams_of_member: dict[str, list[str]] = defaultdict(list)
        for tid, record in sorted(portfolio.teams.items()):
            if record.members:  # listed in the team's file (members:): by id, as above
                self.members_by_team[tid] = sorted({*self.members_by_team[tid], *record.members})
                for pid in record.members:
                    self.teams_of_member[pid].append(tid)
        self.subteams_by_team: dict[str, list[str]] = defaultdict(list)
        for tid, record in sorted(portfolio.teams.items()):
            if record.parent:
                self.subteams_by_team[record.parent].append(tid)
        self.kpis_by_team: dict[str, list[str]] = defaultdict(list)
        self.kpis_by_owner: dict[str, list[str]] = defaultdict(list)
        for kid in self.kpi_ids:
            kpi = portfolio.kpis[kid]
            if kpi.team:
                self.kpis_by_team[kpi.team].append(kid)
            if kpi.owner:
                self.kpis_by_owner[kpi.owner].append(kid)
        self.goals_by_team: dict[str, list[str]] = defaultdict(list)
        self.goals_by_owner: dict[str, list[str]] = defaultdict(list)
        for gid in self.goal_ids:
            goal = portfolio.goals[gid]
            if goal.team:
                self.goals_by_team[goal.team].append(gid)
            if goal.owner:
                self.goals_by_owner[goal.owner].append(gid)

        people: set[str] = set(portfolio.people)
        people.update(self.by_owner)
        people.update(  # an initiative's owner links to their page too
            i.owner for oid in self.objective_ids for i in objectives[oid].initiatives if i.owner
        )
        people.update(k.owner for k in portfolio.kpis.values() if k.owner)
        people.update(g.owner for g in portfolio.goals.values() if g.owner)
        people.update(self.checkins_by_author)
        people.update(t.lead for t in portfolio.teams.values() if t.lead)
        people.update(m for t in portfolio.teams.values() for m in t.members)
        self.people_ids = sorted(people)
        teams: set[str] = set(portfolio.teams)
        teams.update(self.by_team)
        teams.update(k.team for k in portfolio.kpis.values() if k.team)
        teams.update(g.team for g in portfolio.goals.values() if g.team)
        teams.update(x.team for x in portfolio.people.values() if x.team)
        self.team_ids = sorted(teams)
        self.tags = sorted(set(self.by_tag) | set(self.goal_tags))

        self.cycles: dict[str, Cycle] = {}
        # a cycle declared in okrsite.toml keeps its page (and scorecard files)
        # when it has no objective or goal (the last one moved out of it):
        # links and bookmarks to it still lead somewhere, which says so
        used = set(self.by_cycle) | {g.cycle for g in portfolio.goals.values() if g.cycle}
        for name in sorted(used | set(config.cycles)):  # the same order in every process
            cycle = portfolio.cycles.get(name) or lookup(name, config.cycles)
            if cycle is not None:
                self.cycles[name] = cycle
        self.cycle_names = sorted(self.cycles, key=lambda n: (self.cycles[n].start, n))
        #: cycle name -> how pages name it for reading: its ``title`` in
        #: okrsite.toml (``Sprint 7 (Feb/Mär)``), else its name; one field, so
        #: the dashboard, team and person pages, streaks and cards name a
        #: cycle alike (links, anchors and data attributes keep the name)
        self.cycle_titles: dict[str, str] = {n: c.title or n for n, c in self.cycles.items()}
        #: the current cycle, decided once in the core (focus_cycle): the
        #: dashboard, the cycles page and every page's cycle order read it
        self.current_cycle = focus_cycle(scored)
        #: objective id -> the objectives carried from it (``carried_from:``)
        self.carried_into = carried_into(portfolio)
        self.sub_teams = sub_teams(scored)
        self.page_ids = sorted(
            portfolio.pages,
            key=lambda i: (portfolio.pages[i].order, title_order(portfolio.pages[i].title), i),
        )
        #: goal file -> its record's page: a body's link to the file is
        #: written as a link to the page (okrsite.md_links)
        self.page_of_file: dict[str, str] = {}
        for kind, ids, records in (
            ("objective", self.objective_ids, objectives),
            ("kpi", self.kpi_ids, portfolio.kpis),
            ("goal", self.goal_ids, portfolio.goals),
            ("team", portfolio.teams, portfolio.teams),
            ("person", portfolio.people, portfolio.people),
            ("page", portfolio.pages, portfolio.pages),
        ):
            for rid in ids:
                file = getattr(records[rid], "file", "")
                if file:  # in NFC, as okrsite.md_links.resolved writes a link's file
                    self.page_of_file[as_nfc(file)] = page_path(kind, rid)

    def team_below(self, tid: str) -> list[str]:
        """Objectives of the sub-teams of ``tid`` (at any depth): its page rolls them up."""
        below = team_and_descendants(tid, self.sub_teams)[1:]
        return [oid for t in below for oid in self.by_team.get(t, [])]

    def cycle_title(self, name: str | None) -> str:
        """A cycle as pages name it for reading (:attr:`cycle_titles`); an
        unknown cycle (OKR302) by its name."""
        if not name:
            return ""
        return self.cycle_titles.get(name, name)

    def titled_cycles(self) -> dict[str, str]:
        """Each cycle whose title is not its name, by name (:attr:`cycle_titles`):
        the list filters name a linked cycle that no item of the page has by
        the title every other page gives it, not by the name in the address."""
        return {n: t for n, t in sorted(self.cycle_titles.items()) if t != n}
