"""The site search's index: ``search-index.json`` (and ``.js`` for ``file://``).

Objectives, KPIs, goals, people and teams with what the search page matches
on (title, owner, team) and shows (percent, status or health). Objective
entries are memoised with the exports (:func:`okrsite.view.exports.export_pieces`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from okrsite import __version__
from okrsite.view.formatting import percent
from okrsite.view.view_model import ViewModel

__all__ = ["search_entry", "search_files"]


def search_entry(view: ViewModel, oid: str) -> dict[str, Any]:
    o, s = view.objectives[oid], view.scores[oid]
    return {
        "k": "objective",
        "t": o.title,
        "u": view.url("objective", oid),
        "o": view.person_name(o.owner),
        "m": view.team_name(o.team),
        "c": o.cycle,
        "p": percent(s.progress),
        "s": s.status,
    }


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
                "o": view.person_name(kpi.owner),
                "m": view.team_name(kpi.team),
                "s": view.scored.kpis[kid].health,
            }
        )
    for gid in index.goal_ids:
        goal = portfolio.goals[gid]
        items.append(
            {
                "k": "goal",
                "t": goal.title,
                "u": view.url("goal", gid),
                "o": view.person_name(goal.owner),
                "m": view.team_name(goal.team),
                "p": percent(view.scored.goals[gid].progress),
            }
        )
    for pid in index.people_ids:
        person = portfolio.people.get(pid)
        items.append(
            {
                "k": "person",
                "t": view.person_name(pid),
                "u": view.url("person", pid),
                "o": pid,
                "m": view.team_name(person.team) if person else "",
            }
        )
    for tid in index.team_ids:
        items.append(
            {"k": "team", "t": view.team_name(tid), "u": view.url("team", tid), "o": "", "m": tid}
        )
    return items


def search_files(view: ViewModel, objective_entry: Callable[[str], str]) -> dict[str, bytes]:
    """``search-index.json`` and ``search-index.js``; ``objective_entry`` gives an
    objective's entry as JSON text (memoised by the caller)."""
    entries = [objective_entry(oid) for oid in view.index.objective_ids]
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
