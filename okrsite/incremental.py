"""Which pages a change can affect: the preview's incremental rendering.

The preview rescores the whole portfolio after every save (alignment makes any
change potentially global, and scoring is cheap), then compares the new scored
portfolio with the previous one to find the pages whose inputs changed. Only
those are rendered again. The rule is conservative: when in doubt a page is
dirty, and structural changes (ids added or removed, people, teams, free pages,
settings, as_of) render everything. The tests hold the result of an
incremental rebuild byte-equal to a full one.
"""

from __future__ import annotations

from collections import defaultdict

from okrsite.checkin_index import checkin_index
from okrsite.model import Portfolio, ScoredPortfolio
from okrsite.urls import SUMMARY_FILES

PageKey = tuple[str, str]

# Site-wide pages: cheap, and they summarise everything, so always rendered.
SUMMARY_KINDS = frozenset(SUMMARY_FILES)


def _tags(p: Portfolio) -> set[str]:
    return {t for o in p.objectives.values() for t in o.tags}


def dirty_pages(prev: ScoredPortfolio, new: ScoredPortfolio) -> set[PageKey] | None:
    """Pages (besides the summary pages) to render again; ``None`` means all."""
    P, N = prev.portfolio, new.portfolio
    if (
        prev.as_of != new.as_of
        or prev.settings != new.settings
        or P.objectives.keys() != N.objectives.keys()
        or P.kpis.keys() != N.kpis.keys()
        or P.goals.keys() != N.goals.keys()
        or P.teams != N.teams
        or P.people != N.people
        or P.pages != N.pages
        or P.cycles != N.cycles
        or _tags(P) != _tags(N)
    ):
        return None

    dirty: set[PageKey] = set()
    old_index, new_index = checkin_index(P.checkins), checkin_index(N.checkins)
    old_ci, new_ci = old_index.by_objective, new_index.by_objective
    old_kci, new_kci = old_index.by_kpi, new_index.by_kpi

    record_changed = {oid for oid, o in N.objectives.items() if o != P.objectives[oid]}
    score_changed = {oid for oid in N.objectives if new.objectives[oid] != prev.objectives[oid]}
    checkins_changed = {
        oid for oid in set(old_ci) | set(new_ci) if old_ci.get(oid, []) != new_ci.get(oid, [])
    }
    objectives = record_changed | score_changed | checkins_changed

    # neighbours show each other's titles and figures
    supported_by: dict[str, set[str]] = defaultdict(set)
    for side in (P, N):
        for o in side.objectives.values():
            for ref in o.supports:
                supported_by[ref.partition("#")[0]].add(o.id)
    carried: dict[str, set[str]] = defaultdict(set)
    for side in (P, N):
        for o in side.objectives.values():
            if o.carried_from in N.objectives and o.carried_from is not None:
                carried[o.id].add(o.carried_from)
                carried[o.carried_from].add(o.id)
    for oid in list(record_changed | score_changed):
        for side, scored in ((P, prev), (N, new)):
            obj = side.objectives[oid]
            if obj.parent_objective in side.objectives:
                objectives.add(obj.parent_objective)
            objectives.update(scored.children.get(oid, ()))
            objectives.update(
                ref.partition("#")[0]
                for ref in obj.supports
                if ref.partition("#")[0] in N.objectives
            )
        objectives.update(supported_by.get(oid, ()))
        # carried_from: each page shows the other's title and cycle
        objectives.update(carried.get(oid, ()))
    # a changed title shows in every descendant's breadcrumb
    stack = [oid for oid in record_changed if N.objectives[oid].title != P.objectives[oid].title]
    while stack:
        for child in new.children.get(stack.pop(), ()):
            if child not in objectives or child in record_changed:
                objectives.add(child)
            stack.append(child)

    kpis = {
        kid
        for kid in N.kpis
        if N.kpis[kid] != P.kpis[kid]
        or new.kpis[kid] != prev.kpis[kid]
        or old_kci.get(kid, []) != new_kci.get(kid, [])
    }
    for kid in list(kpis):
        for side in (P, N):
            kpis.update(side.kpis[kid].drives)
            kpis.update(k.id for k in side.kpis.values() if kid in k.drives)
    for oid in objectives & (record_changed | score_changed):
        for side in (P, N):
            kpis.update(kr.kpi for kr in side.objectives[oid].key_results if kr.kpi in N.kpis)

    # an objective page shows the series of the KPIs its key results use
    changed_kpis = set(kpis)
    for side in (P, N):
        for o in side.objectives.values():
            if any(kr.kpi in changed_kpis for kr in o.key_results):
                objectives.add(o.id)

    changed_goals = {
        gid for gid in N.goals if N.goals[gid] != P.goals[gid] or new.goals[gid] != prev.goals[gid]
    }
    # ... and the goals that support it (as does a KPI page)
    for gid in changed_goals:
        for side in (P, N):
            target = (side.goals[gid].supports or "").partition("#")[0]
            if target in N.objectives:
                objectives.add(target)
            elif target in N.kpis:
                kpis.add(target)
    goals = changed_goals | {
        gid
        for gid in N.goals
        if (N.goals[gid].supports or "").partition("#")[0] in objectives | kpis
    }

    people: set[str] = set()
    teams: set[str] = set()
    tags: set[str] = set()
    cycles: set[str] = set()
    for side in (P, N):
        for oid in objectives:
            o = side.objectives[oid]
            people.add(o.owner or "")
            teams.add(o.team or "")
            tags.update(o.tags)
            cycles.add(o.cycle)
            for c in (old_ci if side is P else new_ci).get(oid, []):
                people.add(c.author or "")
        for kid in kpis:
            people.add(side.kpis[kid].owner or "")
            teams.add(side.kpis[kid].team or "")
        for gid in goals:
            people.add(side.goals[gid].owner or "")
            teams.add(side.goals[gid].team or "")
    for pid in list(people):
        person = N.people.get(pid)
        if person is not None and person.team:
            teams.add(person.team)
    # a team page rolls up the objectives of its sub-teams: every team above shows them too
    for tid in list(teams):
        parent = N.teams[tid].parent if tid in N.teams else None
        while parent is not None and parent not in teams:
            teams.add(parent)
            parent = N.teams[parent].parent if parent in N.teams else None

    dirty.update(("objective", oid) for oid in objectives)
    dirty.update(("kpi", kid) for kid in kpis)
    dirty.update(("goal", gid) for gid in goals)
    dirty.update(("person", pid) for pid in people if pid)
    dirty.update(("team", tid) for tid in teams if tid)
    dirty.update(("tag", t) for t in tags)
    dirty.update(("cycle", c) for c in cycles)
    if kpis:
        # every cycle page's scorecard shows each KPI's health at the cycle's end
        dirty.update(("cycle", c) for c in N.cycles)
    return dirty
