"""The portfolio export: ``api/portfolio.json`` and ``okrsite export``.

The JSON shape is the product brief's contract for scripts and CI. Numbers
stay numbers in 0..1; missing values are ``null``.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from okrsite import __version__
from okrsite.model import ScoredPortfolio


def _num(x: float | None) -> float | int | None:
    """Whole numbers as ints, others rounded to 6 decimals (stable, diff-friendly)."""
    if x is None:
        return None
    r = round(x, 6)
    return int(r) if r.is_integer() and abs(r) < 1e15 else r


def portfolio_json(scored: ScoredPortfolio) -> dict[str, Any]:
    p = scored.portfolio
    objectives = []
    for oid, obj in p.objectives.items():
        s = scored.objectives[oid]
        objectives.append(
            {
                "id": oid,
                "title": obj.title,
                "cycle": obj.cycle,
                "owner": obj.owner,
                "team": obj.team,
                "parent": obj.parent,
                "commitment": obj.commitment,
                "status": s.status,
                "progress": _num(s.progress),
                "expected": _num(s.expected),
                "grade": s.grade,
                "stale": s.stale,
                "confidence": _num(s.confidence),
                "forecast": _num(s.forecast),
                "children": list(scored.children.get(oid, ())),
                "key_results": [
                    {
                        "id": kr.id,
                        "title": kr.title,
                        "kind": kr.kind,
                        "start": _num(kr.start),
                        "target": _num(kr.target if kr.kind == "numeric" else kr.threshold),
                        "current": _num(s.key_results[kr.id].current),
                        "unit": kr.unit or None,
                        "weight": _num(kr.weight),
                        "progress": _num(s.key_results[kr.id].progress),
                        "status": s.key_results[kr.id].status,
                    }
                    for kr in obj.key_results
                ],
            }
        )
    kpis = []
    for kid, kpi in p.kpis.items():
        ks = scored.kpis[kid]
        kpis.append(
            {
                "id": kid,
                "title": kpi.title,
                "value": _num(ks.value),
                "date": ks.date.isoformat() if ks.date else None,
                "health": ks.health,
                "trend": ks.trend,
                "direction": kpi.direction,
                "indicator": kpi.indicator,
            }
        )
    goals = [
        {
            "id": gid,
            "title": g.title,
            "progress": _num(scored.goals[gid].progress),
            "smart": scored.goals[gid].smart,
        }
        for gid, g in p.goals.items()
    ]
    return {
        "as_of": scored.as_of.isoformat(),
        "generator": f"okrsite {__version__}",
        "objectives": objectives,
        "kpis": kpis,
        "goals": goals,
    }


def portfolio_json_text(scored: ScoredPortfolio, data: dict[str, Any] | None = None) -> str:
    """The export as text: one objective, KPI or goal per line.

    Readable, and friendly to ``git diff`` of a published export; and it keeps
    to json's C encoder (``indent=`` switches to a pure-Python one that costs
    seconds on a large portfolio).
    """
    data = data if data is not None else portfolio_json(scored)

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    parts = [f'  "as_of": {dump(data["as_of"])}', f'  "generator": {dump(data["generator"])}']
    for key in ("objectives", "kpis", "goals"):
        items = data[key]
        body = "[\n" + ",\n".join("    " + dump(x) for x in items) + "\n  ]" if items else "[]"
        parts.append(f'  "{key}": {body}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _cell(value: Any) -> Any:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


CSV_COLUMNS = [
    "objective_id",
    "objective_title",
    "cycle",
    "owner",
    "team",
    "parent",
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
    "kr_progress",
    "kr_status",
]


def portfolio_csv(scored: ScoredPortfolio, data: dict[str, Any] | None = None) -> str:
    """One row per key result, with its objective's figures (objectives without
    key results get one row with empty key result columns)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for o in (data if data is not None else portfolio_json(scored))["objectives"]:
        head = [
            o["id"],
            o["title"],
            o["cycle"],
            o["owner"],
            o["team"],
            o["parent"],
            o["status"],
            o["progress"],
            o["expected"],
            o["grade"],
            o["stale"],
            o["confidence"],
            o["forecast"],
        ]
        rows = o["key_results"] or [None]
        for kr in rows:
            tail = (
                [
                    kr["id"],
                    kr["title"],
                    kr["kind"],
                    kr["start"],
                    kr["target"],
                    kr["current"],
                    kr["unit"],
                    kr["weight"],
                    kr["progress"],
                    kr["status"],
                ]
                if kr
                else [""] * 10
            )
            w.writerow([_cell(v) for v in head + tail])
    return buf.getvalue()
