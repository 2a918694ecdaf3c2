"""The portfolio export: ``api/portfolio.json`` and ``okrsite export``.

The JSON shape is the product brief's contract for scripts and CI. Numbers
stay numbers in 0..1; missing values are ``null``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from okrsite import __version__, numbers
from okrsite.export_shares import SharesOf, written_shares
from okrsite.formula_guard import guarded
from okrsite.model import Portfolio, ScoredPortfolio
from okrsite.parse_names import name_to_id
from okrsite.record_owner import OwnerKind, owner_of
from okrsite.scoring import kr_target


def _num(x: float | None) -> float | int | None:
    """Whole numbers as ints, others rounded to 6 decimals (stable, diff-friendly)."""
    return numbers.json_number(x)


def objective_record(
    scored: ScoredPortfolio, oid: str, shares_of: SharesOf | None = None
) -> dict[str, Any]:
    """One objective of the export (an element of ``objectives``); its shares
    from ``shares_of`` when the build writes them into other files too."""
    obj = scored.portfolio.objectives[oid]
    s = scored.objectives[oid]
    # with the decimals that keep them on their verdicts' side (export_shares)
    shares = shares_of(s) if shares_of is not None else written_shares(s, scored.settings)
    # a team's own objective (owner: Finance) is owned by its team, as its
    # page shows: the team's id, owner_kind "team"; the CSVs' owner column
    # reads it here too, and import reads owner = team back as the team's own
    owner, owner_kind = owner_of(scored.portfolio, obj)
    return {
        "id": oid,
        "title": obj.title,
        "cycle": obj.cycle,
        "owner": owner,
        "owner_kind": owner_kind,
        # the names its page shows, as a goal's: import writes them back
        "owner_name": _name_of(scored.portfolio, owner, owner_kind),
        "team": obj.team,
        "team_name": _name_of(scored.portfolio, obj.team, "team"),
        "parent": obj.parent,
        "commitment": obj.commitment,
        "weight": _num(obj.weight),
        "status": s.status,
        "progress": shares.progress,
        "expected": shares.expected,
        "grade": s.grade,
        "stale": s.stale,
        "confidence": _num(s.confidence),
        "forecast": _num(s.forecast),
        "forecast_tentative": s.forecast_tentative,
        # as api/objectives.csv's column: the same data in both
        "last_checkin": s.last_checkin.isoformat() if s.last_checkin else None,
        "children": list(scored.children.get(oid, ())),
        "key_results": [
            {
                "id": kr.id,
                "title": kr.title,
                "kind": kr.kind,
                "start": _num(kr.start),
                "target": _num(kr_target(kr)),
                "current": _num(s.key_results[kr.id].current),
                "unit": kr.unit or None,
                "weight": _num(kr.weight),
                "score": _num(kr.score),
                "progress": shares.key_results[kr.id],
                "status": s.key_results[kr.id].status,
                "grade": s.key_results[kr.id].grade,
                # its own owner as its file writes it (none: the objective's),
                # so that a round trip through import keeps it
                "owner": kr.written_owner,
                "owner_name": _written_name(scored.portfolio, kr.written_owner),
            }
            for kr in obj.key_results
        ],
    }


def portfolio_json(scored: ScoredPortfolio) -> dict[str, Any]:
    return {
        "as_of": scored.as_of.isoformat(),
        "generator": f"okrsite {__version__}",
        "objectives": [objective_record(scored, oid) for oid in scored.portfolio.objectives],
        **kpi_and_goal_records(scored),
    }


def kpi_and_goal_records(scored: ScoredPortfolio) -> dict[str, list[dict[str, Any]]]:
    """The ``kpis`` and ``goals`` lists of the export."""
    p = scored.portfolio
    kpis = []
    for kid, kpi in p.kpis.items():
        ks = scored.kpis[kid]
        owner, owner_kind = owner_of(p, kpi)
        kpis.append(
            {
                "id": kid,
                "title": kpi.title,
                "value": _num(ks.value),
                "unit": kpi.unit or None,
                "date": ks.date.isoformat() if ks.date else None,
                "health": ks.health,
                "trend": ks.trend,
                "trend_meaning": ks.trend_meaning,
                "stale": ks.stale,
                "direction": kpi.direction,
                "indicator": kpi.indicator,
                "target": _num(kpi.target),
                "thresholds": {"green": _num(kpi.green), "red": _num(kpi.red)},
                # last, so the keys before keep their places: who owns it,
                # as a goal's, which import writes back
                "owner": owner,
                "owner_kind": owner_kind,
                "owner_name": _name_of(p, owner, owner_kind),
                "team": kpi.team,
                "team_name": _name_of(p, kpi.team, "team"),
            }
        )
    goals = []
    for gid, g in p.goals.items():
        gs = scored.goals[gid]
        # a team's own goal is owned by its team, as its page shows: the
        # team's id, with owner_kind "team" (and as its team); import reads
        # owner: customer-success back as the team's own goal
        owner, owner_kind = owner_of(p, g)
        goals.append(
            {
                "id": gid,
                "title": g.title,
                "owner": owner,
                "owner_kind": owner_kind,
                # the names the pages show for them: a person or team named
                # only in goal files (no file of their own) is known by the
                # name alone, which ``okrsite import`` writes back
                "owner_name": _name_of(p, owner, owner_kind),
                "team": g.team,
                "team_name": _name_of(p, g.team, "team"),
                # what it supports (its R): ``okrsite import`` reads it back
                "supports": g.supports,
                "due": gs.deadline.isoformat() if gs.deadline else None,
                "overdue": gs.overdue,
                "progress": _num(gs.progress),
                "smart": gs.smart,
                # its body as written: what makes it Specific (smart.S), so
                # that import writes it back and the goal stays Specific
                "description": g.body.strip() or None,
            }
        )
    return {"kpis": kpis, "goals": goals}


def _name_of(p: Portfolio, rid: str | None, kind: OwnerKind | None) -> str | None:
    """The name of the person or team ``rid`` names, as its page shows it: its
    file's title, else the name first written (``owner: Zoë Ångström``)."""
    if rid is None or kind is None:
        return None
    return (p.team_names if kind == "team" else p.person_names).get(rid)


def _written_name(p: Portfolio, written: str | None) -> str | None:
    """The name of the person or team a key result's ``owner:`` names, as
    their own pages show it: a key result's owner is kept as written, never
    resolved (no page shows it), so an id (``zoe-angstrom``) or a name of a
    known person or team is looked up here for the export alone; a name of
    no one known is its own name."""
    if written is None:
        return None
    for rid in (written, name_to_id(written)):
        for names in (p.person_names, p.team_names):
            if rid in names:
                return names[rid]
    return written


def json_line(value: Any) -> str:
    """One value of the JSON export as a single line (its format for every record)."""
    return numbers.json_dumps(value, ensure_ascii=False, separators=(", ", ": "))


def portfolio_json_text(scored: ScoredPortfolio, data: dict[str, Any] | None = None) -> str:
    """The export as text: one objective, KPI or goal per line.

    Readable, and friendly to ``git diff`` of a published export; and it keeps
    to json's C encoder (``indent=`` switches to a pure-Python one that costs
    seconds on a large portfolio).
    """
    data = data if data is not None else portfolio_json(scored)
    return json_text_from_lines(
        data["as_of"],
        data["generator"],
        {key: [json_line(x) for x in data[key]] for key in ("objectives", "kpis", "goals")},
    )


def json_text_from_lines(as_of: str, generator: str, lines: dict[str, list[str]]) -> str:
    """The export's text from its records already dumped one per line (the
    preview keeps the lines of unchanged objectives between rebuilds)."""
    parts = [f'  "as_of": {json_line(as_of)}', f'  "generator": {json_line(generator)}']
    for key in ("objectives", "kpis", "goals"):
        items = lines[key]
        # each line indented by the separator before it: one join, no copy per line
        body = "[\n    " + ",\n    ".join(items) + "\n  ]" if items else "[]"
        parts.append(f'  "{key}": {body}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def csv_cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula gets a
    leading ' (:func:`guarded`)."""
    if type(value) is str:  # most cells are text: asked first
        return "'" + value if guarded(value) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and guarded(value):
        return "'" + value
    return value


CSV_COLUMNS = [
    "objective_id",
    "objective_title",
    "cycle",
    "owner",
    "team",
    "parent",
    "commitment",
    "objective_weight",
    "objective_status",
    "objective_progress",
    "expected",
    "grade",
    "stale",
    "confidence",
    "forecast",
    "kr_id",
    "kr_title",
    "kr_kind",
    "start",
    "target",
    "current",
    "unit",
    "weight",
    "score",
    "kr_progress",
    "kr_status",
    "kr_owner",  # last: the columns before it keep their places
]


def portfolio_csv(scored: ScoredPortfolio, data: dict[str, Any] | None = None) -> str:
    """One row per key result, with its objective's figures (objectives without
    key results get one row with empty key result columns)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for o in (data if data is not None else portfolio_json(scored))["objectives"]:
        w.writerows(csv_rows(o))
    return buf.getvalue()


#: the keys of an objective record in the first columns of every one of its rows
_OBJECTIVE_KEYS = (
    "id",
    "title",
    "cycle",
    "owner",
    "team",
    "parent",
    "commitment",
    "weight",
    "status",
    "progress",
    "expected",
    "grade",
    "stale",
    "confidence",
    "forecast",
)
#: the keys of a key result's record in the columns after them
_KEY_RESULT_KEYS = (
    "id",
    "title",
    "kind",
    "start",
    "target",
    "current",
    "unit",
    "weight",
    "score",
    "progress",
    "status",
    "owner",
)


def csv_rows(o: dict[str, Any]) -> list[list[Any]]:
    """The key-result rows of one objective record (see :func:`objective_record`).
    The objective's cells, the same in each of its rows, are made once."""
    head = [csv_cell(o[key]) for key in _OBJECTIVE_KEYS]
    key_results = o["key_results"]
    if not key_results:
        return [head + [""] * len(_KEY_RESULT_KEYS)]
    return [head + [csv_cell(kr[key]) for key in _KEY_RESULT_KEYS] for kr in key_results]
