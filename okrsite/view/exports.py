"""The data files of a built site: ``api/portfolio.json`` and the two CSVs.

The records come from :mod:`okrsite.export` (the one shape the JSON export
has, also for ``okrsite export``); this module cuts them into per-objective
pieces that a :class:`~okrsite.view.partials.RenderMemo` keeps between
preview rebuilds, so a save re-encodes only the objectives it touched.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from okrsite import __version__, numbers
from okrsite.export import (
    CSV_COLUMNS,
    csv_cell,
    csv_rows,
    json_line,
    json_text_from_lines,
    kpi_and_goal_records,
    objective_record,
)
from okrsite.export_shares import SharesOf
from okrsite.view.partials import RenderMemo
from okrsite.view.search import search_entries
from okrsite.view.view_model import ViewModel

__all__ = ["OBJECTIVES_CSV_COLUMNS", "export_pieces", "data_files"]

OBJECTIVES_CSV_COLUMNS = [
    "id",
    "title",
    "cycle",
    "owner",
    "team",
    "parent",
    "commitment",
    "status",
    "progress",
    "expected",
    "grade",
    "stale",
    "confidence",
    "forecast",
    "last_checkin",
]


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


#: the search index's encoder (as ``search_files`` writes the other entries)
_SEARCH_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _csv_number(value: float | None) -> str:
    return numbers.csv_number(value)


def _written(value: float | int | None) -> str:
    """A figure of an export record, already rounded as it is written (a
    second rounding to 6 decimals would undo its decimals: export_shares)."""
    return "" if value is None else str(value)


def export_pieces(
    view: ViewModel, memo: RenderMemo, oid: str, shares_of: SharesOf | None = None
) -> tuple[str, str, str, str]:
    """This objective's line of portfolio.json, its rows of both CSVs and its
    search-index entry (memoised in ``memo``); its shares from ``shares_of``
    when the build writes them into the cycle exports too."""
    hit = memo.exports.get(oid)
    if hit is None:
        hit = memo.exports[oid] = view.recorder.capture(
            lambda: _export_pieces(view, oid, shares_of)
        )
    else:
        view.recorder.replay(hit[1])
    return hit[0]


def _export_pieces(
    view: ViewModel, oid: str, shares_of: SharesOf | None
) -> tuple[str, str, str, str]:
    record = objective_record(view.scored, oid, shares_of)
    o, s = view.objectives[oid], view.scores[oid]
    # text cells defused as every CSV defuses them (okrsite.export.csv_cell):
    # a cycle may be named "=1+2", a title "-Infinity"; figures are numbers
    # the owner as the record has it: a team's own objective's team (record_owner)
    text = (o.id, o.title, o.cycle, record["owner"], o.team, o.parent, o.commitment, s.status)
    row = [
        *(csv_cell(cell) for cell in text),
        # the record's figures: the decimals that tell its grade and status
        _written(record["progress"]),
        _written(record["expected"]),
        s.grade or "",
        "true" if s.stale else "false",
        _csv_number(s.confidence),
        _csv_number(s.forecast),
        s.last_checkin.isoformat() if s.last_checkin else "",
    ]
    # the entries comma-separated: the list's JSON without its brackets, in
    # one call instead of one per entry
    entry = _SEARCH_ENCODER.encode(search_entries(view, oid))[1:-1]
    return (json_line(record), csv_text(csv_rows(record)), csv_text([row]), entry)


def data_files(
    view: ViewModel, memo: RenderMemo, shares_of: SharesOf | None = None
) -> dict[str, bytes]:
    """``api/portfolio.json``, ``api/objectives.csv`` and ``api/key-results.csv``;
    the objectives' shares from ``shares_of`` (see :func:`export_pieces`)."""
    scored = view.scored
    pieces = [export_pieces(view, memo, oid, shares_of) for oid in scored.portfolio.objectives]
    rest = kpi_and_goal_records(scored)
    portfolio = json_text_from_lines(
        scored.as_of.isoformat(),
        f"okrsite {__version__}",
        {
            "objectives": [p[0] for p in pieces],
            "kpis": [json_line(x) for x in rest["kpis"]],
            "goals": [json_line(x) for x in rest["goals"]],
        },
    )
    objectives_csv = csv_text([OBJECTIVES_CSV_COLUMNS]) + "".join(
        export_pieces(view, memo, oid)[2] for oid in view.index.objective_ids
    )
    key_results_csv = csv_text([CSV_COLUMNS]) + "".join(p[1] for p in pieces)
    return {
        "api/portfolio.json": portfolio.encode("utf-8"),
        "api/objectives.csv": objectives_csv.encode("utf-8"),
        "api/key-results.csv": key_results_csv.encode("utf-8"),
    }
