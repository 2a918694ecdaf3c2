"""The words of ``okrsite diff`` for what a change did to people and teams.

A re-org (a person's file renamed or deleted, a team renamed or merged
with ``aliases:``, a sub-team moved under another parent) changes no goal file,
and the goals' owners and teams are compared by one naming
(:mod:`okrsite.diff_naming`), so it is said once here, in the section
"People and teams" of the text and Markdown reports and in the summary,
the team figures a parent move changes listed under it (team roll-ups
follow today's team tree, past cycles included: docs/scoring.md).
"""

from __future__ import annotations

from collections.abc import Mapping

from okrsite.diff import DiffResult
from okrsite.diff_naming import OrgChange
from okrsite.diff_words import ENGLISH, Words


def organisation_summary(result: DiffResult, w: Words = ENGLISH) -> list[str]:
    """The summary's parts for the people and teams renamed or whose files
    were deleted, and the teams moved."""
    parts: list[str] = []
    renamed = [c for c in result.organisation if c.change == "renamed"]
    removed = [c for c in result.organisation if c.change == "removed"]
    moved = [c for c in result.organisation if c.change == "moved"]
    if renamed:
        parts.append(
            w.n(
                "renames %(num)d person or team",
                "renames %(num)d people or teams",
                len(renamed),
            )
        )
    if removed:
        parts.append(
            w.n(
                "removes %(num)d person's or team's file",
                "removes %(num)d people's or teams' files",
                len(removed),
            )
        )
    if moved:
        # a figure two moves change (both left one parent) is one figure
        figures = len({(f.team, f.cycle) for c in moved for f in c.figures})
        parts.append(
            w.n(
                "moves %(num)d team to another parent (%(figures)s)",
                "moves %(num)d teams to other parents (%(figures)s)",
                len(moved),
                figures=w.n(
                    "%(num)d team figure changes",
                    "%(num)d team figures change",
                    figures,
                ),
            )
        )
    return parts


def organisation_lines(result: DiffResult, w: Words = ENGLISH) -> list[tuple[int, str]]:
    """Each line of the "People and teams" section, with its depth (0: a
    rename, removal or move; 1: a team figure the move changes), as plain text."""
    lines: list[tuple[int, str]] = []
    teams = result.team_names
    for c in result.organisation:
        if c.change == "renamed":
            said = (
                "renames person %(old)s → %(new)s (%(title)s, %(file)s)"
                if c.kind == "person"
                else "renames team %(old)s → %(new)s (%(title)s, %(file)s)"
            )
            lines.append((0, w._(said, old=c.old_id, new=c.id, title=c.title, file=c.file)))
            continue
        if c.change == "removed":
            said = (
                "removes person %(id)s (%(title)s, %(file)s)"
                if c.kind == "person"
                else "removes team %(id)s (%(title)s, %(file)s)"
            )
            lines.append((0, w._(said, id=c.id, title=c.title, file=c.file)))
            continue
        lines.append(
            (
                0,
                w._(
                    "moves team %(team)s (%(file)s) from parent %(before)s to %(after)s",
                    team=c.title,
                    file=c.file,
                    before=_team(c.parent_before, teams, w),
                    after=_team(c.parent_after, teams, w),
                ),
            )
        )
        if not c.figures:
            lines.append((1, w._("no team figure changes")))
        for f in c.figures:
            lines.append(
                (
                    1,
                    w._(
                        "%(team)s in %(cycle)s: %(before)s → %(after)s "
                        "(%(num_before)d → %(num_after)d objectives)",
                        team=_team(f.team, teams, w),
                        cycle=f.cycle,
                        before=w.percent(f.before),
                        after=w.percent(f.after),
                        num_before=f.objectives_before,
                        num_after=f.objectives_after,
                    ),
                )
            )
    return lines


def organisation_json(changes: tuple[OrgChange, ...]) -> list[dict[str, object]]:
    """The ``organisation`` list of ``--format json``: ids and plain numbers."""
    from okrsite.numbers import json_value

    return [
        {
            "kind": c.kind,
            "change": c.change,
            "id": c.id,
            "old_id": c.old_id,
            "title": c.title,
            "file": c.file,
            "parent_before": c.parent_before,
            "parent_after": c.parent_after,
            "figures": [
                {
                    "team": f.team,
                    "cycle": f.cycle,
                    "before": json_value(f.before),
                    "after": json_value(f.after),
                    "objectives_before": f.objectives_before,
                    "objectives_after": f.objectives_after,
                }
                for f in c.figures
            ],
        }
        for c in changes
    ]


def _team(tid: str | None, names: Mapping[str, str], w: Words) -> str:
    """A team by the name pages show it by; no team: "none"."""
    if tid is None:
        return w._("none")
    return names.get(tid, tid)
