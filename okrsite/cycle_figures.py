"""Team and person figures, one cycle at a time.

A team's "73%" that averages a finished quarter with the running one answers
no question anybody asks, so every figure here is for one named cycle: the
objectives of that cycle only, never a mix. A team's figures roll up its
sub-teams (teams whose ``parent`` is the team, at any depth), because a
department head reads the department, not only the objectives filed under
the department's own name. Pure: reads a :class:`ScoredPortfolio`, returns
new records; the view decides how they look.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from okrsite.cycles import current_cycle
from okrsite.model import Cycle, Grade, ScoredPortfolio, Status, Team
from okrsite.scoring import grade_for, weighted_mean

#: objectives with these life statuses count in figures (drafts and dropped ones count nowhere)
COUNTED = frozenset({"active"})


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures of a set of objectives of one cycle.

    ``progress`` and ``expected`` are weighted means (objective ``weight``) of
    the counted objectives, ``None`` when none counts or their weights sum
    to 0 (:func:`counted_mean`), so "no objectives" never shows as a red 0%.
    ``statuses`` counts every listed objective by status.
    """

    cycle: str
    objectives: tuple[str, ...]
    counted: int
    progress: float | None
    expected: float | None
    grade: Grade | None
    statuses: Mapping[Status, int]


def objective_cycles(scored: ScoredPortfolio) -> dict[str, Cycle]:
    """The cycles objectives use, oldest first."""
    p = scored.portfolio
    used = {o.cycle for o in p.objectives.values() if o.cycle in p.cycles}
    return {n: p.cycles[n] for n in sorted(used, key=lambda n: (p.cycles[n].start, n))}


def cycles_under_review(scored: ScoredPortfolio) -> frozenset[str]:
    """The cycles being carried: those of the objectives a draft continues
    (``carried_from:``, as ``okrsite carry`` writes it). Until the team sets
    the drafts active, the cycle they come from is the one under review, so
    the dashboard stays on it rather than on a longer cycle that ended the
    same day (see :func:`okrsite.cycles.current_cycle`)."""
    objectives = scored.portfolio.objectives
    return frozenset(
        source.cycle
        for o in objectives.values()
        if o.status == "draft" and o.carried_from is not None
        if (source := objectives.get(o.carried_from)) is not None and source.cycle
    )


def focus_cycle(scored: ScoredPortfolio) -> str | None:
    """The current cycle: the one the dashboard shows, marked current on the
    cycles page and listed first on team and person pages, of the cycles in
    use (an objective of it counts: not only drafts and dropped ones, as
    ``okrsite carry`` writes into the next quarter): the running one, or the
    ended one still under review (:func:`okrsite.cycles.current_cycle`).

    The one place this is decided: :class:`okrsite.view.site_index.SiteIndex`
    reads it (``index.current_cycle``) for every page, so no page can name
    another cycle current than the dashboard does."""
    p = scored.portfolio
    scored_ones = [p.objectives[oid] for oid in scored.objectives if oid in p.objectives]
    known = {o.cycle: p.cycles[o.cycle] for o in scored_ones if o.cycle in p.cycles}
    counting = {o.cycle for o in scored_ones if o.status in COUNTED}
    used = {n: c for n, c in known.items() if n in counting}
    found = current_cycle(used or known, scored.as_of, cycles_under_review(scored))
    return found.name if found else None


def counted_mean(pairs: list[tuple[float, float]]) -> float | None:
    """The weighted mean of (figure, weight) pairs of counted objectives, or
    ``None`` when there is none or their weights sum to 0: objectives that
    all weigh 0 give a group no figure, as none counting does, not a red 0%
    beside each one's own green figure."""
    if not pairs or sum(w for _, w in pairs) <= 0:
        return None
    return weighted_mean(pairs)


def counted_progress(scored: ScoredPortfolio, ids: Iterable[str]) -> float | None:
    """The weighted mean (objective ``weight``) progress of the counted objectives
    among ``ids``; ``None`` when none counts or they all weigh 0
    (:func:`counted_mean`). Callers pass one cycle's ids."""
    p = scored.portfolio
    pairs = [
        (scored.objectives[i].progress, p.objectives[i].weight)
        for i in ids
        if p.objectives[i].status in COUNTED
    ]
    return counted_mean(pairs)


def figures(scored: ScoredPortfolio, cycle: str, ids: Iterable[str]) -> Figures:
    """Figures of the objectives ``ids`` that belong to ``cycle`` (others are left out)."""
    p = scored.portfolio
    chosen = tuple(sorted(i for i in set(ids) if p.objectives[i].cycle == cycle))
    statuses: dict[Status, int] = {}
    for i in chosen:
        status = scored.objectives[i].status
        statuses[status] = statuses.get(status, 0) + 1
    counted = [i for i in chosen if p.objectives[i].status in COUNTED]
    if not counted:
        return Figures(cycle, chosen, 0, None, None, None, statuses)
    weights = [p.objectives[i].weight for i in counted]
    progress = counted_progress(scored, counted)
    expected = counted_mean(
        [(scored.objectives[i].expected, w) for i, w in zip(counted, weights, strict=True)]
    )
    grade = None if progress is None else grade_for(progress)
    return Figures(cycle, chosen, len(counted), progress, expected, grade, statuses)


def sub_teams(scored: ScoredPortfolio) -> dict[str, tuple[str, ...]]:
    """Each team's direct sub-teams (teams naming it as ``parent``), sorted."""
    out: dict[str, list[str]] = {}
    for tid, team in scored.portfolio.teams.items():
        if team.parent is not None and team.parent != tid:
            out.setdefault(team.parent, []).append(tid)
    return {k: tuple(sorted(v)) for k, v in sorted(out.items())}


def team_and_descendants(team: str, children: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """``team`` and every team below it, each once (a ``parent`` loop stops the walk)."""
    seen = [team]
    stack = list(children.get(team, ()))
    while stack:
        tid = stack.pop()
        if tid in seen:
            continue
        seen.append(tid)
        stack.extend(children.get(tid, ()))
    return tuple(seen)


def teams_above(teams: Mapping[str, Team], team: str | None) -> tuple[str, ...]:
    """The teams whose figures count ``team``'s objectives besides ``team``
    itself: its ``parent``, that team's parent and so on, nearest first (the
    inverse of :func:`team_and_descendants` over :func:`sub_teams`). A list
    filtered by a team shows these objectives too, so the filter and the
    team's figures hold the same objectives. A parent named without a file
    ends the chain; a ``parent`` loop stops where it would repeat."""
    chain: list[str] = []
    tid = team
    while tid is not None and tid in teams:
        parent = teams[tid].parent
        if parent is None or parent in (tid, team) or parent in chain:
            break
        chain.append(parent)
        tid = parent
    return tuple(chain)


def team_ids(scored: ScoredPortfolio) -> list[str]:
    """Every team: those with a file and those only named by an objective."""
    p = scored.portfolio
    named = {o.team for o in p.objectives.values() if o.team}
    return sorted(set(p.teams) | named)


@dataclass(frozen=True, slots=True)
class TeamFigures:
    """A team's figures for one cycle: its own objectives, and with its sub-teams'."""

    team: str
    #: the team's own objectives
    own: Figures
    #: its own objectives and those of all its sub-teams
    rolled_up: Figures
    sub_teams: tuple[str, ...]


def team_figures(scored: ScoredPortfolio, cycle: str) -> dict[str, TeamFigures]:
    """Figures of every team for ``cycle``, own and rolled up through ``parent``."""
    p = scored.portfolio
    by_team: dict[str, list[str]] = {}
    for oid, obj in p.objectives.items():
        if obj.team and obj.cycle == cycle:
            by_team.setdefault(obj.team, []).append(oid)
    children = sub_teams(scored)
    out = {}
    for tid in team_ids(scored):
        below = team_and_descendants(tid, children)
        rolled = [oid for t in below for oid in by_team.get(t, ())]
        out[tid] = TeamFigures(
            team=tid,
            own=figures(scored, cycle, by_team.get(tid, ())),
            rolled_up=figures(scored, cycle, rolled),
            sub_teams=children.get(tid, ()),
        )
    return out


def person_figures(scored: ScoredPortfolio, cycle: str) -> dict[str, Figures]:
    """Figures of every objective owner for ``cycle`` (owners without objectives
    in it get empty figures, so an index can still list them)."""
    p = scored.portfolio
    by_owner: dict[str, list[str]] = {}
    for oid, obj in p.objectives.items():
        if obj.owner:
            by_owner.setdefault(obj.owner, []).append(oid)
    people = sorted(set(p.people) | set(by_owner))
    return {pid: figures(scored, cycle, by_owner.get(pid, ())) for pid in people}


def cycles_with_objectives(scored: ScoredPortfolio, ids: Iterable[str]) -> list[str]:
    """The cycles (oldest first) in which some of ``ids`` fall: the links a team
    or person page offers to its other cycles."""
    p = scored.portfolio
    used = {p.objectives[i].cycle for i in ids}
    return [n for n in objective_cycles(scored) if n in used]
