"""Which template each page uses, with which view objects.

One function per kind of page, ``(renderer, record id) -> (path, bytes)``;
:data:`HANDLERS` maps page kinds to them. The functions gather view objects
(:mod:`okrsite.view`) and hand them to the page's template; they compute no
figure and write no markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from okrsite.cycle_export import cycle_export_path
from okrsite.cycle_figures import team_and_descendants
from okrsite.cycles import phase
from okrsite.goal_agenda import goal_agenda
from okrsite.markdown import is_safe_url
from okrsite.resolve_kpis_goals import drives_loops
from okrsite.scoring_pace import pace_places
from okrsite.urls import SUMMARY_FILES, href, page_path, prefix
from okrsite.view.chart_geometry import line_chart, progress_chart
from okrsite.view.dashboard_lists import ATTENTION_PAGE, attention_views, dashboard_lists
from okrsite.view.explain import explain
from okrsite.view.key_result_rows import key_result_row
from okrsite.view.progress_chart_source import progress_chart_source
from okrsite.view.review import changes, ended_change_cycles
from okrsite.view.scorecard import scorecard_view

if TYPE_CHECKING:
    from okrsite.model import Team
    from okrsite.render import SiteRenderer

LATEST_CHECKINS = 10
CHECKINS_PAGE_LIMIT = 200
PERSON_CHECKINS = 20

Page = tuple[str, bytes]


def dashboard(site: SiteRenderer, _: str) -> Page:
    path = SUMMARY_FILES["dashboard"]
    index, view = site.index, site.view
    cycle = index.current_cycle
    ids = index.by_cycle.get(cycle, []) if cycle else []
    in_cycle = set(ids)
    roots = [i for i in ids if view.objectives[i].parent_objective not in in_cycle]
    lists = dashboard_lists(view, cycle, site.config.dashboard_attention)
    first, last, moves, changes_total = changes(view, cycle, site.config.dashboard_changes or None)
    return path, site.render(
        "dashboard.html",
        path,
        title=site.config.title,
        cycle=index.cycles.get(cycle) if cycle else None,
        # the other cycles running on as_of (a year around its quarter), whose
        # check-ins "what changed" lists too, as "needs attention" their objectives
        change_cycles=[
            index.cycle_title(n) for n in view.running_cycles() if n != cycle and n in index.cycles
        ]
        if cycle
        else [],
        # the cycles that ended inside the window, whose last check-ins it lists too
        ended_change_cycles=[index.cycle_title(n) for n in ended_change_cycles(view, cycle)],
        # "upcoming" before the cycle's first day (the dashboard says when it
        # starts), "over" after its last, else "running"
        cycle_state=view.cycle_state(cycle),
        summary=view.summary(ids),
        # how many of the cycle's objectives are followed (neither draft nor
        # dropped): with none, "nothing needs attention" and "no stale
        # objectives" say why instead of speaking of running objectives
        followed=sum(1 for i in ids if view.scores[i].status not in ("draft", "dropped")),
        roots=[view.objective(i) for i in view.objectives_sorted(roots)],
        # the first dashboard_attention of each list; the others are counted
        # under it, with a link to the page of all of them
        stale=lists.first_stale(),
        stale_more=lists.stale_more,
        latest=[view.checkin(c) for c in index.checkins[-LATEST_CHECKINS:][::-1]],
        kpi_ids=index.kpi_ids,
        cycle_names=index.cycle_names,
        attention=attention_views(view, lists.first_attention()),
        attention_more=lists.attention_more,
        attention_page=ATTENTION_PAGE,
        changes=moves,
        changes_total=changes_total,
        window=(first, last),
        has_objectives=bool(index.objective_ids),
        # a site without a cycle of objectives (SMART goals and KPIs alone)
        # shows its overdue goals and those due soon in the cycle's place
        goals=None if cycle else goal_agenda(view.scored),
    )


def alignment(site: SiteRenderer, _: str) -> Page:
    """Every objective under the one it is aligned to, as a flat list of steps
    (``node``, ``open`` with a child count, ``close``, ``end``) the template
    walks in one loop: a recursive macro costs seconds at 10,000 objectives."""
    path = SUMMARY_FILES["alignment"]
    view = site.view
    root = prefix(path)
    roots = [r for r in site.scored.roots if r in view.scores]
    by_cycle: dict[str, list[str]] = defaultdict(list)
    for r in roots:
        by_cycle[view.objectives[r].cycle].append(r)
    order = view.cycle_order(by_cycle)
    children = site.scored.children

    def steps(ids: list[str], depth: int) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for oid in ids:
            out.append(("node", site.alignment_node(root, oid)))
            kids = [k for k in children.get(oid, ()) if k in view.scores]
            if kids and depth < 40:
                out.append(("open", len(kids)))
                out += steps(view.objectives_sorted(kids), depth + 1)
                out.append(("close", None))
            out.append(("end", None))
        return out

    groups = [(n, steps(view.objectives_sorted(by_cycle[n]), 0)) for n in order]
    return path, site.render("alignment.html", path, title=site.gettext("Alignment"), groups=groups)


def kpi_tree(site: SiteRenderer, _: str) -> Page:
    """Each KPI under the KPIs it drives, outcomes at the top. A loop of
    ``drives:`` (warning OKR315) is cut where :func:`drives_loops` cuts it,
    so the tree is a tree: its lagging KPI stays at the top."""
    path = SUMMARY_FILES["kpi-tree"]
    scored, index = site.scored, site.index
    records = scored.portfolio.kpis
    shown = [k for k in index.kpi_ids if k in scored.kpis]
    drives = {
        k: list(dict.fromkeys(d for d in records[k].drives if d in scored.kpis)) for k in shown
    }
    for _loop, (driver, driven) in drives_loops(drives, {k: records[k].indicator for k in shown}):
        drives[driver].remove(driven)
    roots = [k for k in shown if not drives[k]]
    drivers: dict[str, list[str]] = {k: [] for k in shown}
    for k in shown:
        for d in drives[k]:
            drivers[d].append(k)
    # a drives graph is a DAG: expand each KPI once, later occurrences are
    # plain links, so the page stays linear in size
    expanded: set[str] = set()

    def build(kid: str) -> dict[str, Any]:
        if kid in expanded:
            return {"id": kid, "children": [], "repeat": True}
        expanded.add(kid)
        # drivers in the order of index.kpi_ids: by title
        return {"id": kid, "children": [build(d) for d in drivers[kid]], "repeat": False}

    tree = [build(r) for r in roots]
    tree += [build(k) for k in shown if k not in expanded]  # never: each loop is cut
    return path, site.render(
        "kpi_tree.html", path, title=site.gettext("KPIs"), tree=tree, kpi_ids=index.kpi_ids
    )


def teams(site: SiteRenderer, _: str) -> Page:
    """Every team with the figures of the current cycle, sub-teams rolled up."""
    path = SUMMARY_FILES["teams"]
    view, index = site.view, site.index
    cycle = index.current_cycle
    rows = [
        (
            t,
            view.team_name(t),
            view.summary(view.in_cycle([*index.by_team.get(t, []), *index.team_below(t)], cycle)),
        )
        for t in view.teams_sorted(index.team_ids)
    ]

    # what else each team owns, with its sub-teams as its objectives are
    # counted (the page's one rule, said at its top): a team with KPIs or
    # goals only is not "0 objectives"
    def with_sub_teams(t: str, owned: Mapping[str, Iterable[str]]) -> int:
        return len(
            {
                r
                for member in team_and_descendants(t, index.sub_teams)
                for r in owned.get(member, ())
            }
        )

    owns = {
        t: {
            "kpis": with_sub_teams(t, index.kpis_by_team),
            "goals": with_sub_teams(t, index.goals_by_team),
        }
        for t, _, _ in rows
    }
    return path, site.render(
        "teams.html", path, title=site.gettext("Teams"), rows=rows, cycle=cycle, owns=owns
    )


def people(site: SiteRenderer, _: str) -> Page:
    """Every person with the figures of the current cycle."""
    path = SUMMARY_FILES["people"]
    view, index = site.view, site.index
    cycle = index.current_cycle
    rows = [
        (
            pid,
            view.person_name(pid),
            view.summary(view.in_cycle(index.by_owner.get(pid, []), cycle)),
        )
        for pid in view.people_sorted(index.people_ids)
    ]
    # what else each person owns: a KPI's or goal's owner is not "0 objectives"
    owns = {
        pid: {
            "kpis": len(index.kpis_by_owner.get(pid, ())),
            "goals": len(index.goals_by_owner.get(pid, ())),
        }
        for pid, _, _ in rows
    }
    return path, site.render(
        "people.html", path, title=site.gettext("People"), rows=rows, cycle=cycle, owns=owns
    )


def cycles(site: SiteRenderer, _: str) -> Page:
    path = SUMMARY_FILES["cycles"]
    index = site.index
    rows = [
        (index.cycles[n], site.view.summary(index.by_cycle.get(n, [])))
        for n in reversed(index.cycle_names)
    ]
    return path, site.render(
        "cycles.html", path, title=site.gettext("Cycles"), rows=rows, current=index.current_cycle
    )


def tags(site: SiteRenderer, _: str) -> Page:
    path = SUMMARY_FILES["tags"]
    index = site.index
    rows = [(t, len(index.by_tag.get(t, [])) + len(index.goal_tags.get(t, []))) for t in index.tags]
    return path, site.render("tags.html", path, title=site.gettext("Tags"), rows=rows)


def goals(site: SiteRenderer, _: str) -> Page:
    path = SUMMARY_FILES["goals"]
    return path, site.render(
        "goals.html", path, title=site.gettext("SMART goals"), goal_ids=site.index.goal_ids
    )


def checkins(site: SiteRenderer, _: str) -> Page:
    path = SUMMARY_FILES["checkins"]
    every = site.index.checkins
    return path, site.render(
        "checkins.html",
        path,
        title=site.gettext("Check-ins"),
        checkins=every[-CHECKINS_PAGE_LIMIT:][::-1],
        total=len(every),
    )


def free_pages(site: SiteRenderer, _: str) -> Page:
    """Every free page, in navigation order: rendered only when there are more
    than the navigation lists (okrsite.render_pieces.NAV_PAGES)."""
    path = SUMMARY_FILES["pages"]
    portfolio = site.scored.portfolio
    rows = [(i, portfolio.pages[i].title) for i in site.index.page_ids]
    return path, site.render("pages.html", path, title=site.gettext("Pages"), rows=rows)


def all_attention(site: SiteRenderer, _: str) -> Page:
    """Every objective of the dashboard's "Needs attention" and "Stale
    objectives", which list the first ``dashboard_attention``: built only
    when they leave some out (:meth:`okrsite.render.SiteRenderer.page_keys`)."""
    path = ATTENTION_PAGE
    view, cycle = site.view, site.index.current_cycle
    lists = dashboard_lists(view, cycle, 0)
    return path, site.render(
        "attention.html",
        path,
        title=site.gettext("Objectives that need attention"),
        cycle=site.index.cycles.get(cycle) if cycle else None,
        attention=attention_views(view, lists.attention),
        stale=lists.stale,
        limit=site.config.dashboard_attention,
    )


def search(site: SiteRenderer, _: str) -> Page:
    path = SUMMARY_FILES["search"]
    return path, site.render("search.html", path, title=site.gettext("Search"))


def not_found(site: SiteRenderer, _: str) -> Page:
    path = SUMMARY_FILES["404"]
    return path, site.render("404.html", path, title=site.gettext("Page not found"))


def objective(site: SiteRenderer, oid: str) -> Page:
    path = page_path("objective", oid)
    view, index = site.view, site.index
    o, s = view.objectives[oid], view.scores[oid]
    rows = [key_result_row(view, o, kr, s.key_results[kr.id]) for kr in o.key_results]
    cycle = index.cycles.get(o.cycle)
    history = None
    if s.progress_points and cycle is not None:
        history = progress_chart(
            s.progress_points, cycle=cycle, as_of=site.scored.as_of, success=s.success
        )
    history_source = progress_chart_source(view, o, s)
    initiatives = [(i, i.link if i.link and is_safe_url(i.link) else None) for i in o.initiatives]
    parent_kr = None
    if o.parent_key_result and o.parent_objective in view.scores:
        parent_kr = view.ref_link(o.parent or "")
    return path, site.render(
        "objective.html",
        path,
        title=o.title,
        o=o,
        s=s,
        item=view.objective(oid),
        rows=rows,
        history_source=history_source,
        crumbs=view.breadcrumb(o),
        parent_kr=parent_kr,
        parent=view.objective(o.parent_objective) if parent_kr and o.parent_objective else None,
        direct=view.objectives_sorted(index.direct_children.get(oid, [])),
        supports=[(ref, view.ref_link(ref)) for ref in o.supports],
        supported_by=sorted(set(index.supported_by.get(oid, []))),
        goals=list(dict.fromkeys(index.goals_supporting.get(oid, []))),  # by title
        initiatives=initiatives,
        checkins=index.checkins_by_objective.get(oid, [])[::-1],
        body=site.body(o.body, o.file, path),
        explain=explain(view, o, s),
        history=history,
        edit=site.edit_url(o.file),
        cycle=cycle,
        owner=view.person(o.owner),
        team=view.team(o.team),
        carried_from=(
            view.objective(o.carried_from)
            if o.carried_from and o.carried_from in view.scores
            else None
        ),
        carried_into=[
            view.objective(i) for i in index.carried_into.get(oid, []) if i in view.scores
        ],
        timeline=site.timeline("objective", oid),
    )


def kpi(site: SiteRenderer, kid: str) -> Page:
    path = page_path("kpi", kid)
    view = site.view
    k = site.scored.portfolio.kpis[kid]
    ks = site.scored.kpis[kid]
    chart = line_chart(
        ks.series, target=k.target, green=k.green, red=k.red, direction=k.direction, unit=k.unit
    )
    targeted = []
    for ref in ks.targeted_by:
        link = view.ref_link(ref)
        if link:
            oid, _, kr_id = ref.partition("#")
            figures = view.scores[oid].key_results.get(kr_id) if kr_id else None
            score = figures or view.scores[oid]
            # its progress as its objective's page writes it: "34.97%" at
            # risk beside expected 50%, never "35%" (scoring_pace.pace_places)
            places = pace_places(score.progress, score.expected, score.status, site.scored.settings)
            targeted.append((link, score, places))
    return path, site.render(
        "kpi.html",
        path,
        title=k.title,
        k=k,
        ks=ks,
        chart=chart,
        targeted=targeted,
        drives=[d for d in k.drives if d in site.scored.kpis],
        driven_by=[d for d in ks.driven_by if d in site.scored.kpis],
        goals=list(dict.fromkeys(site.index.goals_supporting.get(kid, []))),  # by title
        supported_by=sorted(set(site.index.supported_by.get(kid, []))),
        # every check-in of the KPI, newest first, as on an objective's page:
        # the feed links each one here (#checkin-<id>), note or not
        checkins=site.index.checkins_by_kpi.get(kid, [])[::-1],
        body=site.body(k.body, k.file, path),
        edit=site.edit_url(k.file),
        timeline=site.timeline("kpi", kid),
    )


def goal(site: SiteRenderer, gid: str) -> Page:
    path = page_path("goal", gid)
    g = site.scored.portfolio.goals[gid]
    return path, site.render(
        "goal.html",
        path,
        title=g.title,
        g=g,
        gs=site.scored.goals[gid],
        supports=site.view.ref_link(g.supports) if g.supports else None,
        body=site.body(g.body, g.file, path),
        edit=site.edit_url(g.file),
        cycle=site.index.cycles.get(g.cycle) if g.cycle else None,
    )


def team(site: SiteRenderer, tid: str) -> Page:
    path = page_path("team", tid)
    portfolio, index, view = site.scored.portfolio, site.index, site.view
    record = portfolio.teams.get(tid)
    ids = view.objectives_sorted(index.by_team.get(tid, []))
    return path, site.render(
        "team.html",
        path,
        title=view.team_name(tid),
        tid=tid,
        team=record,
        ancestors=_team_ancestors(portfolio.teams, record),
        ids=ids,
        sections=view.cycle_sections(ids, index.team_below(tid)),
        members=view.people_sorted(index.members_by_team.get(tid, [])),
        subteams=view.teams_sorted(index.subteams_by_team.get(tid, [])),
        kpi_ids=index.kpis_by_team.get(tid, []),
        goal_ids=index.goals_by_team.get(tid, []),
        body=site.body(record.body, record.file, path) if record else "",
        streak=site.streak("team", tid),
    )


def _team_ancestors(teams: Mapping[str, Team], record: Team | None) -> list[str]:
    """The teams above ``record``, the top one first (the breadcrumb: Company ›
    Engineering › Platform). A parent named but without a file of its own
    ends the chain; a loop of parents (an error of the load) stops where it
    would repeat."""
    chain: list[str] = []
    parent = record.parent if record is not None else None
    while parent and parent not in chain and (record is None or parent != record.id):
        chain.append(parent)
        above = teams.get(parent)
        parent = above.parent if above is not None else None
    return chain[::-1]


def person(site: SiteRenderer, pid: str) -> Page:
    path = page_path("person", pid)
    portfolio, index, view = site.scored.portfolio, site.index, site.view
    record = portfolio.people.get(pid)
    ids = view.objectives_sorted(index.by_owner.get(pid, []))
    return path, site.render(
        "person.html",
        path,
        title=view.person_name(pid),
        pid=pid,
        person=record,
        teams=[
            *([record.team] if record and record.team else []),
            *view.teams_sorted(
                t for t in index.teams_of_member.get(pid, []) if not record or t != record.team
            ),
        ],
        ids=ids,
        sections=view.cycle_sections(ids),
        kpi_ids=index.kpis_by_owner.get(pid, []),
        goal_ids=index.goals_by_owner.get(pid, []),
        checkins=index.checkins_by_author.get(pid, [])[-PERSON_CHECKINS:][::-1],
        body=site.body(record.body, record.file, path) if record else "",
        streak=site.streak("person", pid),
    )


def cycle(site: SiteRenderer, name: str) -> Page:
    path = page_path("cycle", name)
    view, index = site.view, site.index
    ids = view.objectives_sorted(index.by_cycle.get(name, []))
    record = index.cycles[name]
    # its goals: those of its cycle:, and those due within it (due: Q4 2026)
    goals_of_cycle = [
        gid
        for gid, g in ((i, site.scored.portfolio.goals[i]) for i in index.goal_ids)
        if g.cycle == name or (g.due is not None and record.contains(g.due))
    ]
    with_card = bool(ids) and name in site.scored.portfolio.cycles
    return path, site.render(
        "cycle.html",
        path,
        title=site.gettext("Cycle %(name)s") % {"name": index.cycle_title(name)},
        cyc=record,
        ids=ids,
        summary=view.summary(ids),
        goal_ids=goals_of_cycle,
        # the scorecard once the cycle has started (a preview until it ends)
        card=(
            scorecard_view(view, name, site.scorecard(name))
            if with_card and phase(record, site.scored.as_of) != "upcoming"
            else None
        ),
        exports=(
            {ext: href(cycle_export_path(name, ext)) for ext in ("json", "csv")}
            if with_card
            else None
        ),
    )


def tag(site: SiteRenderer, name: str) -> Page:
    path = page_path("tag", name)
    view = site.view
    ids = view.objectives_sorted(site.index.by_tag.get(name, []))
    return path, site.render(
        "tag.html",
        path,
        title=site.gettext("Tag: %(name)s") % {"name": name},
        tag=name,
        ids=ids,
        summary=view.summary(ids),
        goal_ids=site.index.goal_tags.get(name, []),
    )


def free_page(site: SiteRenderer, pid: str) -> Page:
    path = page_path("page", pid)
    record = site.scored.portfolio.pages[pid]
    return path, site.render(
        "page.html",
        path,
        title=record.title,
        page=record,
        body=site.body(record.body, record.file, path),
        edit=site.edit_url(record.file),
    )


HANDLERS: dict[str, Callable[[SiteRenderer, str], Page]] = {
    "dashboard": dashboard,
    "alignment": alignment,
    "kpi-tree": kpi_tree,
    "teams": teams,
    "people": people,
    "cycles": cycles,
    "tags": tags,
    "goals": goals,
    "checkins": checkins,
    "search": search,
    "pages": free_pages,
    "attention": all_attention,
    "404": not_found,
    "objective": objective,
    "kpi": kpi,
    "goal": goal,
    "team": team,
    "person": person,
    "cycle": cycle,
    "tag": tag,
    "page": free_page,
}

#: the site-wide pages, in the order they are listed
SUMMARY_PAGES = tuple(k for k in HANDLERS if k in SUMMARY_FILES)
