"""The site search's index: ``search-index.json`` (and ``.js`` for ``file://``).

Objectives, their key results, KPIs, goals, people and teams with what the
search page matches on (title, id, owner, team, cycle, tags, status and, for
an objective, its key results' titles and ids) and shows (percent, status or
health; a draft or dropped one its status alone, as it counts nowhere). Objective entries (with their key results) are memoised with the
exports (:func:`okrsite.view.exports.export_pieces`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from okrsite import __version__
from okrsite.model import KPI, Goal, Objective
from okrsite.record_owner import owner_of
from okrsite.scoring import counts_in_rollup
from okrsite.scoring_pace import pace_places
from okrsite.view.formatting import percent, percent_figure
from okrsite.view.view_model import ViewModel

__all__ = ["search_entries", "search_files", "KINDS"]

#: the kinds of entries, in the order the search page groups its results
KINDS = ("objective", "kr", "kpi", "goal", "person", "team")


def _words(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _former_names(aliases: tuple[str, ...]) -> dict[str, str]:
    """The names a person or team file says it was known by (``aliases:``,
    kept as ids: ``uma-diaz``), as words too (``uma diaz``): someone looks
    a colleague up by the name used for years, and the old page is not built.
    No key where there are none: most entries have none."""
    if not aliases:
        return {}
    return {"x": _words(*aliases, *(a.replace("-", " ") for a in aliases if "-" in a))}


def search_entries(view: ViewModel, oid: str) -> list[dict[str, Any]]:
    """An objective's entry, then one entry per key result (found by title or id:
    "nps" finds "Raise NPS from 31 to 40")."""
    o, s = view.objectives[oid], view.scores[oid]
    url = view.url("objective", oid)
    # a team's own objective (owner: Finance) has its team's name as owner
    owner, team = _owner_name(view, o), view.team_name(o.team)
    krs = [kr for kr in o.key_results if kr.id in s.key_results]
    settings = view.scored.settings
    # a draft or dropped objective or key result counts nowhere: its entry
    # shows its status and no figure, as its page and badge do (no "p")
    entries: list[dict[str, Any]] = [
        {
            "k": "objective",
            "t": o.title,
            "u": url,
            "i": oid,
            "o": owner,
            "m": team,
            "c": o.cycle,
            # the figure its page writes beside expected ("34.97", at risk;
            # never 35, which reads on track), as ObjectiveView.pace_places
            **(
                {
                    "p": percent_figure(
                        s.progress, pace_places(s.progress, s.expected, s.status, settings)
                    )
                }
                if counts_in_rollup(o)
                else {}
            ),
            "s": s.status,
            "x": _words(*o.tags, *(kr.title for kr in krs), *(kr.id for kr in krs)),
        }
    ]
    for kr in krs:
        ks = s.key_results[kr.id]
        entries.append(
            {
                "k": "kr",
                "t": kr.title,
                "u": f"{url}#{view.anchors.key_result(oid, kr.id)}",
                "i": kr.id,
                "o": owner,
                # its objective's team, as every kind's "m" is a team; the
                # objective it belongs to is its own field, "j"
                "m": team,
                "j": o.title,
                "c": o.cycle,
                # as its row on the objective's page writes it
                **(
                    {
                        "p": percent_figure(
                            ks.progress, pace_places(ks.progress, ks.expected, ks.status, settings)
                        )
                    }
                    if ks.counted
                    else {}
                ),
                "s": ks.status,
                "x": _words(*o.tags, kr.kpi or ""),
            }
        )
    return entries


def _owner_name(view: ViewModel, record: Objective | Goal | KPI) -> str:
    """The name of the owner its page shows: a person's, or the team's for a
    team's own objective, goal or KPI (``owner: Customer Success``)."""
    owner, kind = owner_of(view.scored.portfolio, record)
    return view.team_name(owner) if kind == "team" else view.person_name(owner)


def _other_entries(view: ViewModel) -> list[dict[str, Any]]:
    """Search entries of KPIs, goals, people and teams."""
    portfolio, index = view.scored.portfolio, view.index
    items: list[dict[str, Any]] = []
    for kid in index.kpi_ids:
        kpi = portfolio.kpis[kid]
        items.append(
            {
                "k": "kpi",
                "t": kpi.title,
                "u": view.url("kpi", kid),
                "i": kid,
                "o": _owner_name(view, kpi),
                "m": view.team_name(kpi.team),
                "s": view.scored.kpis[kid].health,
            }
        )
    for gid in index.goal_ids:
        goal = portfolio.goals[gid]
        # found by its cycle: and by the cycles its due falls in, as the cycle
        # pages list it (``due: 2026-11-30`` under 2026-Q4 and 2026)
        due_cycles = (
            [n for n in index.cycle_names if n != goal.cycle and index.cycles[n].contains(goal.due)]
            if goal.due is not None
            else []
        )
        items.append(
            {
                "k": "goal",
                "t": goal.title,
                "u": view.url("goal", gid),
                "i": gid,
                "o": _owner_name(view, goal),
                "m": view.team_name(goal.team),
                **({"c": goal.cycle} if goal.cycle else {}),
                "p": percent(view.scored.goals[gid].progress),
                "x": _words(*goal.tags, *due_cycles),
            }
        )
    for pid in view.people_sorted(index.people_ids):
        person = portfolio.people.get(pid)
        # the teams the person's page names: their own team:, then the teams
        # whose files list them (members:)
        own = [person.team] if person and person.team else []
        teams = own + view.teams_sorted(
            t for t in index.teams_of_member.get(pid, []) if t not in own
        )
        items.append(
            {
                "k": "person",
                "t": view.person_name(pid),
                "u": view.url("person", pid),
                "i": pid,
                "o": "",
                "m": ", ".join(view.team_name(t) for t in teams),
                **_former_names(person.aliases if person else ()),
            }
        )
    for tid in view.teams_sorted(index.team_ids):
        team = portfolio.teams.get(tid)
        items.append(
            {
                "k": "team",
                "t": view.team_name(tid),
                "u": view.url("team", tid),
                "i": tid,
                "o": "",
                "m": "",
                **_former_names(team.aliases if team else ()),
            }
        )
    return items


def search_files(view: ViewModel, objective_entries: Callable[[str], str]) -> dict[str, bytes]:
    """``search-index.json`` and ``search-index.js``; ``objective_entries`` gives an
    objective's entries as JSON text, comma-separated (memoised by the caller)."""
    entries = [objective_entries(oid) for oid in view.index.objective_ids]
    entries += [
        json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in _other_entries(view)
    ]
    generator = json.dumps(f"okrsite {__version__}", ensure_ascii=False)
    as_of = json.dumps(view.scored.as_of.isoformat())
    data = f'{{"generator":{generator},"as_of":{as_of},"items":[{",".join(entries)}]}}'
    # a script, not fetch(): fetch of a local file fails under file://
    js_data = data.replace("</", "<\\/")
    return {
        "search-index.json": data.encode("utf-8"),
        "search-index.js": f"window.OKRSITE_SEARCH_INDEX = {js_data};\n".encode(),
    }
