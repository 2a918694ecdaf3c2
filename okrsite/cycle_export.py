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
from collections.abc import Callable
from typing import Any

from okrsite import __version__
from okrsite.cycle_figures import COUNTED, objective_cycles
from okrsite.export import _num as number
from okrsite.export import csv_cell, json_line
from okrsite.export_shares import SharesOf, graded_share
from okrsite.model import ScoredPortfolio
from okrsite.record_owner import owner_of
from okrsite.scorecard import Scorecard, Tally, scorecard
from okrsite.scoring import reached, success_level
from okrsite.urls import flat_path

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
        "progress": graded_share(f.progress),
        "expected": number(f.expected),
        # before the cycle's first day its figure is no grade yet (the
        # objectives' own grades are none: scoring.counted_grade)
        "grade": f.grade if t.achieved is not None else None,
        "grades": dict(t.grades),
        "statuses": dict(sorted(f.statuses.items())),
    }


def _objective_rows(
    scored: ScoredPortfolio, card: Scorecard, shares_of: SharesOf
) -> list[dict[str, Any]]:
    p = scored.portfolio
    rows = []
    for oid in card.total.figures.objectives:
        obj, s = p.objectives[oid], scored.objectives[oid]
        counted = obj.status in COUNTED
        shares = shares_of(s)
        # a team's own objective's team, as its page shows (record_owner),
        # and what the id names, as api/portfolio.json says it
        owner, owner_kind = owner_of(p, obj)
        rows.append(
            {
                "id": oid,
                "title": obj.title,
                "owner": owner,
                "owner_kind": owner_kind,
                "team": obj.team,
                "commitment": obj.commitment,
                "status": s.status,
                "progress": shares.progress,
                "expected": shares.expected,
                "grade": s.grade,
                "achieved": reached(s.progress, s.success) if counted and card.started else None,
            }
        )
    return rows


def scorecard_json(
    scored: ScoredPortfolio,
    card: Scorecard,
    rows: list[dict[str, Any]] | None = None,
    shares_of: SharesOf | None = None,
) -> dict[str, Any]:
    """The cycle's JSON; its objectives' shares from ``shares_of`` when the
    build writes them into other files too (see :class:`SharesOf`)."""
    p = scored.portfolio
    shares_of = shares_of if shares_of is not None else SharesOf(scored.settings)
    least = []
    for m in card.least_moved:
        kr = p.objectives[m.objective].key_result(m.key_result)
        assert kr is not None
        least.append(
            {
                "objective": m.objective,
                "key_result": m.key_result,
                "title": kr.title,
                # as the key result's own record writes it
                "progress": shares_of(scored.objectives[m.objective]).key_results[m.key_result],
                "current": number(m.current),
                "target": number(m.target),
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
            kind: {"success": number(success_level(scored.settings, kind)), **_tally(t)}
            for kind, t in card.commitment.items()
        },
        "teams": [
            {
                "team": tid,
                "title": p.team_names.get(tid, tid),
                **_tally(t),
                # the figures above are the team's own objectives; this one
                # rolls up its sub-teams', as the Teams index and team page do
                "progress_with_sub_teams": graded_share(card.teams_rolled_up[tid].progress),
            }
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
        "objectives": rows if rows is not None else _objective_rows(scored, card, shares_of),
    }


def scorecard_csv(
    scored: ScoredPortfolio, card: Scorecard, rows: list[dict[str, Any]] | None = None
) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    cycle = csv_cell(card.cycle.name)
    achieved = {True: "true", False: "false", None: ""}
    rows = rows if rows is not None else _objective_rows(scored, card, SharesOf(scored.settings))
    w.writerows(
        [
            cycle,
            csv_cell(row["id"]),
            csv_cell(row["title"]),
            csv_cell(row["owner"]),
            csv_cell(row["team"]),
            row["commitment"],
            row["status"],
            row["progress"],
            row["expected"],
            row["grade"],
            achieved[row["achieved"]],
        ]
        for row in rows
    )
    return buf.getvalue()


def cycle_export_path(cycle: str, ext: str) -> str:
    return f"api/cycles/{flat_path(cycle)}.{ext}"


def scorecard_json_text(data: dict[str, Any]) -> str:
    """The JSON as text: top-level fields one per line, list items (teams,
    objectives, ...) one per line, like ``api/portfolio.json``: readable,
    diff-friendly, and on json's C encoder (``indent=`` is pure Python)."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = "[\n" + ",\n".join("    " + json_line(x) for x in value) + "\n  ]"
        else:
            body = json_line(value)
        parts.append(f"  {json_line(key)}: {body}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


#: per cycle: (what its files were made from, the files), from the last call
_recent: dict[str, tuple[tuple[Any, ...], dict[str, bytes]]] = {}


def _inputs(scored: ScoredPortfolio, ids: list[str]) -> tuple[Any, ...]:
    """What a cycle's files are made from. Records and scores are compared by
    identity: the preview reuses both for unchanged objectives (a rescored or
    re-read objective is a new object), so a save elsewhere costs a few
    thousand ``is`` checks instead of a rebuild of every cycle's files."""
    p = scored.portfolio
    return (
        scored.as_of,
        scored.settings,
        tuple(ids),
        tuple(p.objectives[i] for i in ids),
        tuple(scored.objectives[i] for i in ids),
        p.teams,
        p.kpis,
        p.kpi_series,
    )


def _same(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    if old[:3] != new[:3]:
        return False
    for a, b in zip(old[3:5], new[3:5], strict=True):
        if any(x is not y for x, y in zip(a, b, strict=True)):
            return False
    return bool(old[5:] == new[5:])


def cycle_export_files(
    scored: ScoredPortfolio,
    card_of: Callable[[str], Scorecard] | None = None,
    shares_of: SharesOf | None = None,
) -> dict[str, bytes]:
    """Both files for every cycle objectives use (a cycle whose inputs are
    unchanged since the last call keeps its files: see :func:`_inputs`).
    ``card_of`` gives a cycle's scorecard of ``scored`` (the cycle page's,
    when a build worked it out already); ``shares_of`` the objectives'
    written shares (the ones ``api/portfolio.json`` wrote, in a build)."""
    shares_of = shares_of if shares_of is not None else SharesOf(scored.settings)
    out: dict[str, bytes] = {}
    by_cycle: dict[str, list[str]] = {}
    for oid, obj in scored.portfolio.objectives.items():
        by_cycle.setdefault(obj.cycle, []).append(oid)
    kept: dict[str, tuple[tuple[Any, ...], dict[str, bytes]]] = {}
    for name in objective_cycles(scored):
        inputs = _inputs(scored, by_cycle[name])
        hit = _recent.get(name)
        if hit is not None and _same(hit[0], inputs):
            files = hit[1]
        else:
            card = card_of(name) if card_of is not None else scorecard(scored, name)
            rows = _objective_rows(scored, card, shares_of)
            text = scorecard_json_text(scorecard_json(scored, card, rows, shares_of))
            files = {
                cycle_export_path(name, "json"): text.encode("utf-8"),
                cycle_export_path(name, "csv"): scorecard_csv(scored, card, rows).encode("utf-8"),
            }
        kept[name] = (inputs, files)
        out.update(files)
    _recent.clear()
    _recent.update(kept)
    return out
