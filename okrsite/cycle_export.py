"""``api/cycles/<cycle>.json`` and ``.csv``: each cycle's scorecard as data.

The JSON holds the whole :class:`~okrsite.scorecard.Scorecard` (for scripts
and the quarterly review deck); the CSV one row per objective of the cycle,
for a spreadsheet. Numbers follow ``api/portfolio.json``: 0..1, ``null`` when
missing; CSV text that a spreadsheet would run as a formula is defused with
a leading ``'`` as in every CSV okrsite writes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from okrsite import __version__
from okrsite.cycle_figures import COUNTED, objective_cycles
from okrsite.export import _cell as csv_cell
from okrsite.export import _num as number
from okrsite.model import ScoredPortfolio
from okrsite.scorecard import Scorecard, Tally, scorecard
from okrsite.scoring import reached
from okrsite.urls import safe_path

CSV_COLUMNS = [
    "cycle",
    "objective_id",
    "objective_title",
    "owner",
    "team",
    "commitment",
    "status",
    "progress",
    "expected",
    "grade",
    "achieved",
]


def _tally(t: Tally) -> dict[str, Any]:
    f = t.figures
    return {
        "objectives": len(f.objectives),
        "counted": f.counted,
        "achieved": t.achieved,
        "missed": t.missed,
        "progress": number(f.progress),
        "expected": number(f.expected),
        "grade": f.grade,
        "grades": dict(t.grades),
        "statuses": dict(sorted(f.statuses.items())),
    }


def _objective_rows(scored: ScoredPortfolio, card: Scorecard) -> list[dict[str, Any]]:
    p = scored.portfolio
    rows = []
    for oid in card.total.figures.objectives:
        obj, s = p.objectives[oid], scored.objectives[oid]
        counted = obj.status in COUNTED
        rows.append(
            {
                "id": oid,
                "title": obj.title,
                "owner": obj.owner,
                "team": obj.team,
                "commitment": obj.commitment,
                "status": s.status,
                "progress": number(s.progress),
                "expected": number(s.expected),
                "grade": s.grade,
                "achieved": reached(s.progress, s.success) if counted else None,
            }
        )
    return rows


def scorecard_json(scored: ScoredPortfolio, card: Scorecard) -> dict[str, Any]:
    p = scored.portfolio
    least = []
    for m in card.least_moved:
        kr = p.objectives[m.objective].key_result(m.key_result)
        assert kr is not None
        least.append(
            {
                "objective": m.objective,
                "key_result": m.key_result,
                "title": kr.title,
                "progress": number(m.progress),
                "current": number(m.current),
                "target": number(kr.target if kr.kind == "numeric" else kr.threshold),
                "unit": kr.unit or None,
                "checkins": m.checkins,
            }
        )
    return {
        "cycle": card.cycle.name,
        "title": card.cycle.title or card.cycle.name,
        "start": card.cycle.start.isoformat(),
        "end": card.cycle.end.isoformat(),
        "as_of": card.as_of.isoformat(),
        "final": card.final,
        "generator": f"okrsite {__version__}",
        "summary": _tally(card.total),
        "commitment": {
            kind: {"success": number(_success(scored, kind)), **_tally(t)}
            for kind, t in card.commitment.items()
        },
        "teams": [
            {"team": tid, "title": p.teams[tid].title if tid in p.teams else tid, **_tally(t)}
            for tid, t in card.teams.items()
        ],
        "least_moved": least,
        "kpis": [
            {
                "id": k.kpi,
                "title": p.kpis[k.kpi].title,
                "value": number(k.value),
                "date": k.date.isoformat() if k.date else None,
                "health": k.health,
                "trend_meaning": k.trend_meaning,
            }
            for k in card.kpis
        ],
        "objectives": _objective_rows(scored, card),
    }


def _success(scored: ScoredPortfolio, commitment: str) -> float:
    return scored.settings.aspirational_success if commitment == "aspirational" else 1.0


def scorecard_csv(scored: ScoredPortfolio, card: Scorecard) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for row in _objective_rows(scored, card):
        w.writerow(
            [
                csv_cell(v)
                for v in (
                    card.cycle.name,
                    row["id"],
                    row["title"],
                    row["owner"],
                    row["team"],
                    row["commitment"],
                    row["status"],
                    row["progress"],
                    row["expected"],
                    row["grade"],
                    row["achieved"],
                )
            ]
        )
    return buf.getvalue()


def cycle_export_path(cycle: str, ext: str) -> str:
    return f"api/cycles/{safe_path(cycle)}.{ext}"


def cycle_export_files(scored: ScoredPortfolio) -> dict[str, bytes]:
    """Both files for every cycle objectives use."""
    out: dict[str, bytes] = {}
    for name in objective_cycles(scored):
        card = scorecard(scored, name)
        text = json.dumps(scorecard_json(scored, card), ensure_ascii=False, indent=2) + "\n"
        out[cycle_export_path(name, "json")] = text.encode("utf-8")
        out[cycle_export_path(name, "csv")] = scorecard_csv(scored, card).encode("utf-8")
    return out
