"""People and teams across the two sides of ``okrsite diff``: one naming, and the re-org itself.

Each side of a diff resolves its goals' ``owner``, ``team`` and check-ins'
``author`` to the ids of *its own* people and teams files. A person's file
renamed (``tom-lee.md`` to ``tom.lee.md``, the same ``title``), a team
renamed or merged with ``aliases: [Customer Success]`` then gave every goal
and check-in that names them different ids on the two sides, and the report
listed dozens of changes nobody made ("owner: Tom Lee → Tom Lee") though
the site's history shows none. So the base's records are named by the
head's people and teams before they are compared (:func:`named_as_head`),
by the very rule the history names every old version by
(:func:`okrsite.history_names.people_named`): there is one rule, not two.

What the re-org did is then said once, here (:func:`organisation_changes`):
a person or team whose id at base is a former name of one at head (its
file's title, an ``aliases:`` entry) is *renamed*; one whose file the
change deleted, under no other name, is *removed* (the person left: their
goals and check-ins still name them, now as written); a team whose ``parent``
moved is *moved*, with the team figures the move changes. Team roll-ups
follow today's team tree in every cycle (docs/scoring.md), so moving a
sub-team restates its old and new parents' figures of past, closed cycles
too: the reviewer is shown which teams' figures in which cycles, before →
after, as the team pages show them (:func:`okrsite.cycle_figures.team_figures`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from okrsite.cycle_figures import objective_cycles, team_figures
from okrsite.history_names import SiteNames, people_named
from okrsite.model import Person, Portfolio, ScoredPortfolio, Team
from okrsite.parse_names import name_to_id, without_note


def head_names(head: Portfolio) -> SiteNames:
    """The head's people and teams, naming what the base's records write."""
    return SiteNames(head.people, head.teams)


def named_as_head(base: Portfolio, names: SiteNames, head: Portfolio | None = None) -> Portfolio:
    """``base`` with every goal's owner and team and every check-in's author
    named by the head's people and teams (:func:`people_named`): only an
    owner, team or author that is another person or team at head is then
    a change. Records that name no one differently are kept as they are.

    A person or team whose file ``head`` no longer has (the person left)
    is named at head by the name goals write (``owner: Kim Park`` is
    ``kim-park`` there, the base's ``kim`` no more): such an id of base is
    read as the id head gives its name (:func:`_gone_ids`), so a name that
    reads the same on both sides is no change."""
    gone_people = _gone_ids(base.people, names.person, head.person_names) if head else {}
    gone_teams = _gone_ids(base.teams, names.team, head.team_names) if head else {}

    def head_named(rec: object) -> dict[str, Any]:
        changes = people_named(rec, names)  # type: ignore[arg-type]
        for key, gone in (("owner", gone_people), ("author", gone_people), ("team", gone_teams)):
            rid = changes.get(key, getattr(rec, key, None))
            if isinstance(rid, str) and rid in gone:
                changes[key] = gone[rid]
        return changes

    def named(records: Mapping[str, object]) -> dict[str, object]:
        out: dict[str, object] = {}
        for rid, rec in records.items():
            changes = head_named(rec)
            out[rid] = replace(rec, **changes) if changes else rec  # type: ignore[type-var]
        return out

    checkins = tuple(
        replace(c, **changes) if (changes := head_named(c)) else c for c in base.checkins
    )
    return replace(
        base,
        objectives=named(base.objectives),  # type: ignore[arg-type]
        kpis=named(base.kpis),  # type: ignore[arg-type]
        goals=named(base.goals),  # type: ignore[arg-type]
        checkins=checkins,
    )


def _gone_ids(
    before: Mapping[str, Person] | Mapping[str, Team],
    name: Callable[[str | None], str | None],
    shown: Mapping[str, str],
) -> dict[str, str]:
    """The base's people (or teams) whose file head has not, not renamed
    either, each with the id head gives the name it was known by: its
    title (without a note after it), else its email or handle, as goals
    write it (:func:`okrsite.parse_names.name_to_id`) and head's files or
    pages (``shown``: the names head's pages show, by id) name it. One
    head has no page of is left as it is."""
    out: dict[str, str] = {}
    for rid, rec in before.items():
        if name(rid) in shown or name(rid) != rid:
            continue  # still there, or renamed (aliases:, the same title)
        written: list[str | None] = [rec.title]
        if isinstance(rec, Person):
            written += [without_note(rec.title), rec.email, rec.github, rec.gitlab]
        for said in written:
            now = name(name_to_id(said)) if said else None
            if now and now != rid and now in shown:
                out[rid] = now
                break
    return out


@dataclass(frozen=True, slots=True)
class TeamFigureMove:
    """One team's rolled-up figure of one cycle that a change of the team tree moved."""

    team: str
    cycle: str
    before: float | None
    after: float | None
    objectives_before: int
    objectives_after: int


@dataclass(frozen=True, slots=True)
class OrgChange:
    """A person or team renamed (``renamed``: ``old_id`` is now ``id``), whose
    file was deleted (``removed``: ``file`` is the base's), or a
    team moved to another parent (``moved``: ``parent_before`` →
    ``parent_after``, with the team figures it moves)."""

    kind: str  # "person" or "team"
    change: str  # "renamed", "removed" or "moved"
    id: str
    old_id: str
    title: str
    file: str
    parent_before: str | None = None
    parent_after: str | None = None
    figures: tuple[TeamFigureMove, ...] = ()


def organisation_changes(
    base: ScoredPortfolio, head: ScoredPortfolio, names: SiteNames
) -> tuple[OrgChange, ...]:
    """The people and teams the change renamed or merged or whose file it
    deleted, and the teams it moved under another parent, in id order
    (renames and removals first)."""
    bp, hp = base.portfolio, head.portfolio
    found: list[OrgChange] = []
    for kind, before, after, name in (
        ("person", bp.people, hp.people, names.person),
        ("team", bp.teams, hp.teams, names.team),
    ):
        for old_id in sorted(before):
            if old_id in after:
                continue
            now = name(old_id)
            if now is None or now == old_id or now not in after:
                if now == old_id:  # its file deleted: the person left, the team ended
                    rec = before[old_id]
                    found.append(OrgChange(kind, "removed", old_id, old_id, rec.title, rec.file))
                continue
            rec = after[now]
            found.append(OrgChange(kind, "renamed", now, old_id, rec.title, rec.file))
    moved = [
        (tid, team, names.team(bp.teams[old].parent))
        for tid, team in sorted(hp.teams.items())
        for old in _base_ids(tid, team, bp.teams)
        if names.team(bp.teams[old].parent) != team.parent
    ]
    if moved:
        for (tid, team, was), figures in zip(
            moved, _figure_moves(base, head, names, moved), strict=True
        ):
            found.append(
                OrgChange(
                    "team", "moved", tid, tid, team.title, team.file, was, team.parent, figures
                )
            )
    return tuple(found)


def _base_ids(tid: str, team: Team, base_teams: Mapping[str, Team]) -> list[str]:
    """The base's team that is ``team`` at head: its own id, else the first
    of its former names (``aliases:``) base has (one, so a merge of two
    teams is judged by one parent)."""
    if tid in base_teams:
        return [tid]
    return [a for a in team.aliases if a in base_teams][:1]


def _above(
    tid: str, before: str | None, after: str | None, head: Portfolio, names: SiteNames
) -> set[str]:
    """The teams whose roll-ups a move of ``tid`` from ``before`` to
    ``after`` can change: the old and the new parents and their parents."""
    out: set[str] = set()
    for start in (before, after):
        at = start
        while at is not None and at not in out and at != tid:
            out.add(at)
            parent = head.teams.get(at)
            at = names.team(parent.parent) if parent is not None else None
    return out


def _figure_moves(
    base: ScoredPortfolio,
    head: ScoredPortfolio,
    names: SiteNames,
    moved: list[tuple[str, Team, str | None]],
) -> list[tuple[TeamFigureMove, ...]]:
    """Each move's own effect: the rolled-up figures of every cycle, as the
    team pages show them, that differ between the base's team tree and
    that tree with only this one move made, for the teams above the moved
    one (:func:`_above`).

    Both sides count the base's objectives (named as at head), so an edit
    of a goal in the same change is not put down to a move: that is listed
    with the goal. Judged against the whole head, five teams moved from
    Engineering to Product each listed the five moves' combined effect
    ("Engineering: 25 → 3 objectives" under every one), and the summary
    counted those lines once per move (20 where 4 figures changed).
    """
    hp = head.portfolio
    named_base = named_as_head(base.portfolio, names, hp)
    before_tree = dict(hp.teams)
    for tid, moved_team, was in moved:
        before_tree[tid] = replace(moved_team, parent=was)
    frame = replace(base, portfolio=replace(named_base, teams=before_tree))
    cycles = list(objective_cycles(head))
    cycles += [c for c in objective_cycles(base) if c not in cycles]
    befores = {cycle: team_figures(frame, cycle) for cycle in cycles}
    out: list[tuple[TeamFigureMove, ...]] = []
    for tid, moved_team, was in moved:
        watched = _above(tid, was, moved_team.parent, hp, names)
        one_move = replace(
            frame, portfolio=replace(frame.portfolio, teams={**before_tree, tid: moved_team})
        )
        own: list[TeamFigureMove] = []
        for cycle in cycles:
            before, after = befores[cycle], team_figures(one_move, cycle)
            for team in sorted(watched):
                b, a = before.get(team), after.get(team)
                b_fig = b.rolled_up if b else None
                a_fig = a.rolled_up if a else None
                b_p = b_fig.progress if b_fig else None
                a_p = a_fig.progress if a_fig else None
                b_n = len(b_fig.objectives) if b_fig else 0
                a_n = len(a_fig.objectives) if a_fig else 0
                if (b_p, b_n) != (a_p, a_n):
                    own.append(TeamFigureMove(team, cycle, b_p, a_p, b_n, a_n))
        out.append(tuple(own))
    return out
