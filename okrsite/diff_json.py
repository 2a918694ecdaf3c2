"""The diff report for scripts (``okrsite diff --format json``).

A stable structure, documented in ``docs/diff.md``: :data:`JSON_SCHEMA_VERSION`
is bumped on breaking changes. See :mod:`okrsite.diff_report`.
"""

from __future__ import annotations

from collections.abc import Sequence

from okrsite.diff import DiffResult, FieldChange, RecordChange
from okrsite.diff_org_words import organisation_json
from okrsite.diff_wording import ReportContext, summary_sentence
from okrsite.numbers import json_dumps, json_value

JSON_SCHEMA_VERSION = 1


# ------------------------------------------------------------------ json
def _fields_json(fields: Sequence[FieldChange]) -> list[dict[str, object]]:
    return [
        {
            "field": f.field,
            "before": json_value(f.before),
            "after": json_value(f.after),
            "note": f.note,
        }
        for f in fields
    ]


def _record_json(rec: RecordChange) -> dict[str, object]:
    out: dict[str, object] = {
        "id": rec.id,
        "title": rec.title,
        "change": rec.change,
        "file": rec.file,
        "renamed_from": rec.renamed_from,
        "moved_from": rec.moved_from,
        "broken": rec.broken,
        "broken_at_base": rec.broken_at_base,
        "fields": _fields_json(rec.fields),
    }
    if rec.kind == "kpi":
        out["cycle_ended"] = rec.cycle_ended
        out["readings"] = [
            {"date": r.date.isoformat(), **_pair(r.before, r.after)} for r in rec.readings
        ]
    if rec.kind == "objective":
        out["cycle_ended"] = rec.cycle_ended
        out["mid_cycle"] = rec.mid_cycle
        out["key_results"] = [
            {
                "id": kr.id,
                "title": kr.title,
                "change": kr.change,
                "renamed_from": kr.renamed_from,
                "mid_cycle": kr.mid_cycle,
                "fields": _fields_json(kr.fields),
            }
            for kr in rec.key_results
        ]
    return out


def _pair(before: object, after: object) -> dict[str, object]:
    """``before`` and ``after``, numbers written as every JSON file of the site
    writes them (:func:`okrsite.numbers.json_value`: ``18``, not ``18.0``)."""
    return {"before": json_value(before), "after": json_value(after)}


def to_json(
    result: DiffResult,
    ctx: ReportContext = ReportContext(),  # noqa: B008 (a frozen dataclass)
    site_moved: tuple[str, str] | None = None,
) -> dict[str, object]:
    """The documented JSON structure (``docs/diff.md``); ``schema`` bumps on
    breaking changes. ``site_moved``: the site's folders at base and head
    when the change moved it (``"site_moved"``, else ``null``)."""
    failures = result.failures(ctx.fail_on)
    return {
        "schema": JSON_SCHEMA_VERSION,
        "as_of": result.as_of.isoformat(),
        "changed_on": (result.changed_on or result.as_of).isoformat(),
        "base": {"label": ctx.base_label, "commit": ctx.base_commit},
        "head": {"label": ctx.head_label, "commit": ctx.head_commit},
        "site_moved": None if site_moved is None else {"from": site_moved[0], "to": site_moved[1]},
        "summary": summary_sentence(result),
        "empty": result.is_empty,
        "settings": [{"key": s.key, **_pair(s.before, s.after)} for s in result.settings],
        "organisation": organisation_json(result.organisation),
        "objectives": [_record_json(r) for r in result.objectives],
        "kpis": [_record_json(r) for r in result.kpis],
        "goals": [_record_json(r) for r in result.goals],
        "checkins": [
            {
                "id": c.id,
                "old_id": c.old_id,
                "file": c.file,
                "old_file": c.old_file,
                "date": c.date.isoformat(),
                "time": c.time or None,
                # the zone that time names (+01:00; Z is +00:00), null without one
                "zone": c.zone or None,
                "change": c.change,
                "target_kind": c.target_kind,
                "target": c.target,
                "author": c.author,
                "values": [{"key": v.key, **_pair(v.before, v.after)} for v in c.values],
                "confidence": _pair(c.confidence_before, c.confidence_after),
                "counted": c.counted,
                "fields": _fields_json(c.fields),
                "broken": c.broken,
                "broken_at_base": c.broken_at_base,
                "errors": [d.to_json() for d in c.errors],
            }
            for c in result.checkins
        ],
        "scores": [
            {
                "id": s.id,
                "title": s.title,
                "progress": _pair(s.progress_before, s.progress_after),
                "expected": _pair(s.expected_before, s.expected_after),
                "status": _pair(s.status_before, s.status_after),
                # the objective's, as api/portfolio.json lists them on each side
                "confidence": _pair(s.confidence_before, s.confidence_after),
                "forecast": _pair(s.forecast_before, s.forecast_after),
                "causes": list(s.causes),
                "key_results": [
                    {
                        "id": k.id,
                        "progress": _pair(k.progress_before, k.progress_after),
                        "status": _pair(k.status_before, k.status_after),
                    }
                    for k in s.key_results
                ],
            }
            for s in result.scores
        ],
        "diagnostics": {
            "introduced": [d.to_json() for d in result.introduced],
            "resolved": [d.to_json() for d in result.resolved],
            "not_checked": [d.to_json() for d in result.not_checked],
            "not_checked_at_base": [d.to_json() for d in result.not_checked_at_base],
            "head_errors": [d.to_json() for d in result.head_errors],
        },
        "findings": [
            {"rule": f.rule, "subject": f.subject, "message": f.message} for f in result.findings
        ],
        "fail_on": list(ctx.fail_on),
        "failed": bool(failures),
    }


def render_json(
    result: DiffResult,
    ctx: ReportContext = ReportContext(),  # noqa: B008 (a frozen dataclass)
    site_moved: tuple[str, str] | None = None,
) -> str:
    return json_dumps(to_json(result, ctx, site_moved), indent=2, ensure_ascii=False) + "\n"
