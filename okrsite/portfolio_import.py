"""``okrsite import`` of okrsite's own ``portfolio.json``: a portfolio moved between sites.

The export holds the written facts of every objective and key result (ids,
owners, alignment, commitment, weights, kinds, values) next to the computed
figures; this module reads the facts back as the same plans a spreadsheet
gives, and KPIs and SMART goals as files of their own.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from okrsite.diagnostics import Diagnostic, error
from okrsite.goal_yaml import PlannedFile, front_matter, yaml_number
from okrsite.parse import ID_RE, KR_ID_RE
from okrsite.parse_names import name_to_id
from okrsite.spreadsheet_import import KRPlan, ObjectivePlan
from okrsite.written_dates import iso_day

__all__ = ["plans_from_portfolio"]

MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_JSON_CONTAINERS = 1_000_000  # lists and objects (``[`` and ``{``)


def plans_from_portfolio(
    source: Path, label: str, content_dir: str
) -> tuple[list[ObjectivePlan], list[PlannedFile], list[Diagnostic]]:
    """okrsite's own ``portfolio.json``: objectives, KPIs and goals."""
    data = _read_json(source, label)
    if isinstance(data, Diagnostic):
        return [], [], [data]
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("objectives", []), list)
        or not {"objectives", "kpis", "goals"} & data.keys()
    ):
        return [], [], [_not_a_portfolio(data, label)]
    plans: list[ObjectivePlan] = []
    files: list[PlannedFile] = []
    diags: list[Diagnostic] = []
    for n, record in enumerate(data.get("objectives", []), start=1):
        plan = _json_objective(record, n, label, diags)
        if plan is not None:
            plans.append(plan)
    for n, record in enumerate(data.get("kpis", []) or [], start=1):
        if (
            isinstance(record, dict)
            and _ok_id(record.get("id"))
            and isinstance(record.get("title"), str)
        ):
            kpi: dict[str, Any] = {"title": record["title"]}
            for key in ("direction", "indicator"):
                if record.get(key) in ("up", "down", "leading", "lagging"):
                    kpi[key] = record[key]
            if isinstance(record.get("unit"), str) and record["unit"]:
                kpi["unit"] = record["unit"]
            # its owner and team by the names the old site showed, as a goal's
            for key in ("owner", "team"):
                if _ok_id(record.get(key)):
                    kpi[key] = _name_or_id(record[key], record.get(f"{key}_name"))
            if _is_number(record.get("target")):
                kpi["target"] = _as_written(record["target"])
            bands = record.get("thresholds")
            if isinstance(bands, dict):
                kept = {
                    k: _as_written(bands[k]) for k in ("green", "red") if _is_number(bands.get(k))
                }
                if kept:
                    kpi["thresholds"] = kept
            # the day as files take it (iso_day: never by the Python version)
            day = iso_day(str(record.get("date") or ""))
            if _is_number(record.get("value")) and day is not None:
                kpi["values"] = {day: _as_written(record["value"])}
            files.append(PlannedFile(f"{content_dir}/kpis/{record['id']}.md", front_matter(kpi), n))
        else:
            diags.append(error("IMP106", f"KPI {n} needs an id and a title", label))
    for n, record in enumerate(data.get("goals", []) or [], start=1):
        if (
            isinstance(record, dict)
            and _ok_id(record.get("id"))
            and isinstance(record.get("title"), str)
        ):
            goal: dict[str, Any] = {"type": "goal", "title": record["title"]}
            # who owns it and by when: what a goal's page and its overdue mark show
            for key in ("owner", "team"):
                if _ok_id(record.get(key)):
                    goal[key] = _name_or_id(record[key], record.get(f"{key}_name"))
            # what it supports: an objective, ``objective#key-result`` or a
            # KPI, as the goal file writes it (without it the goal is not Relevant)
            if _ok_reference(record.get("supports")):
                goal["supports"] = record["supports"]
            due = iso_day(record["due"]) if isinstance(record.get("due"), str) else None
            if due is not None:
                goal["due"] = due
            # a measure only for a goal that had one (its M): a goal without
            # one is exported with progress 0, and a 0 -> 100 % measure made
            # from that would make it Measurable on the new site; a file
            # without ``smart`` (not okrsite's export) is read by its progress
            smart = record.get("smart")
            measurable = smart.get("M") is True if isinstance(smart, dict) else True
            progress = _json_number(record.get("progress"))
            if progress is not None and measurable:
                goal["measure"] = {
                    "start": 0,
                    "target": 100,
                    "current": yaml_number(progress * 100),
                    "unit": "%",
                }
            # its body, which says what will be done: without it the goal is not Specific
            body = record.get("description")
            body = body if isinstance(body, str) else ""
            files.append(
                PlannedFile(f"{content_dir}/goals/{record['id']}.md", front_matter(goal, body), n)
            )
        else:
            diags.append(error("IMP106", f"goal {n} needs an id and a title", label))
    return plans, files, diags


def _named(written: Any, name: Any) -> str | None:
    """An objective's or key result's owner or team as the export gives it
    (``owner``, else ``None``), by :func:`_name_or_id`."""
    if not isinstance(written, str) or not written:
        return None
    return _name_or_id(written, name)


def _name_or_id(rid: str, name: Any) -> str:
    """An owner or team as the new file writes it: the name the export
    gives (``Zoë Ångström``) when it stands for the same id, so a person
    known only by name in the old site keeps the name on the new site's
    pages; else the id (a person file's own id, ``zoe``, names no one else)."""
    if isinstance(name, str) and name.strip() and name_to_id(name) == rid:
        return " ".join(name.split())
    return rid


def _not_a_portfolio(data: Any, label: str) -> Diagnostic:
    """IMP001 for JSON that is not okrsite's ``portfolio.json``: an object with
    an ``objectives`` list (and ``kpis``, ``goals``). Another tool's API
    answer (a list, or ``{"data": [...]}``) would otherwise read as a
    portfolio with nothing in it and import nothing without a word."""
    found = (
        "a list"
        if isinstance(data, list)
        else f"an object of keys {', '.join(repr(k) for k in list(data)[:5])}"
        if isinstance(data, dict) and data
        else "an empty object"
        if isinstance(data, dict)
        else "no object"
    )
    return error(
        "IMP001",
        f"not an okrsite portfolio.json: it holds {found}, where an object with an "
        "'objectives' list (and 'kpis', 'goals') is expected, as okrsite export writes it",
        label,
        line=1,
        hint="another tool's export imports as a sheet: save it as .csv or .xlsx with a "
        "column per field (Objective, Key result, Target, ...), then import that",
    )


def _read_json(source: Path, label: str) -> Any:
    """The file's JSON, or an IMP001 diagnostic saying why it cannot be read.

    Read within limits (docs/limits.md): a file larger than any export, or
    with more lists and objects than one holds, is refused before it is
    parsed; nesting too deep for the parser and a number of more digits than
    Python reads are refused with a message rather than a traceback."""
    try:
        with open(source, "rb") as fh:
            raw = fh.read(MAX_JSON_BYTES + 1)
    except OSError as exc:
        return error("IMP001", f"cannot read {label}: {exc.strerror or exc}", label)
    if len(raw) > MAX_JSON_BYTES:
        return error(
            "IMP001",
            f"{label} is larger than {MAX_JSON_BYTES // (1024 * 1024)} MB, more than an "
            "okrsite portfolio.json holds: is it the right file? (see docs/limits.md)",
            label,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return error("IMP001", "not UTF-8 text", label, line=line, hint="save it as UTF-8")
    del raw
    if text.count("[") + text.count("{") > MAX_JSON_CONTAINERS:
        return error(
            "IMP001",
            f"more than {MAX_JSON_CONTAINERS:,} lists and objects, more than an okrsite "
            "portfolio.json holds: is it the right file? (see docs/limits.md)",
            label,
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return error(
            "IMP001", f"not valid JSON: {exc.msg}", label, line=exc.lineno, column=exc.colno
        )
    except RecursionError:
        return error(
            "IMP001",
            "not a portfolio.json: its lists and objects are nested too deeply to read",
            label,
        )
    except ValueError as exc:  # an integer of more digits than Python converts
        long = re.search(r"\d{1000,}", text)
        where = text.count("\n", 0, long.start()) + 1 if long else None
        reason = (
            "a number has more digits than can be read"
            if "digits" in str(exc)
            else " ".join(str(exc).split())[:200]
        )
        return error("IMP001", f"not valid JSON: {reason}", label, line=where)


def _ok_id(value: Any) -> bool:
    return isinstance(value, str) and bool(ID_RE.match(value))


def _ok_reference(value: Any) -> bool:
    """An id, or ``objective#key-result``: what a goal's ``supports`` names."""
    if not isinstance(value, str):
        return False
    oid, hash_, kr = value.partition("#")
    return _ok_id(oid) and (not hash_ or bool(KR_ID_RE.match(kr)))


def _json_number(value: Any) -> float | None:
    """A JSON number as a float; an integer too large for one becomes an
    infinity, as JSON's ``1e400`` does, which the loader refuses (OKR102)."""
    if not _is_number(value):
        return None
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _json_objective(
    record: Any, n: int, label: str, diags: list[Diagnostic]
) -> ObjectivePlan | None:
    if not isinstance(record, dict) or not isinstance(record.get("title"), str):
        diags.append(error("IMP101", f"objective {n} needs a title", label))
        return None
    text = {k: (v if isinstance(v, str) and v else None) for k, v in record.items()}
    plan = ObjectivePlan(
        row=n,
        title=record["title"],
        oid=text.get("id"),
        cycle=text.get("cycle"),
        owner=_named(text.get("owner"), record.get("owner_name")),
        team=_named(text.get("team"), record.get("team_name")),
        parent=text.get("parent"),
        commitment=text.get("commitment"),
        weight=_json_number(record.get("weight")),
        status=record.get("status") if record.get("status") in ("draft", "dropped") else None,
        confidence=_json_number(record.get("confidence")),
    )
    for kr in record.get("key_results") or []:
        if not isinstance(kr, dict) or not isinstance(kr.get("title"), str):
            diags.append(error("IMP101", f"objective {n}: a key result needs a title", label))
            continue
        kind = (
            kr.get("kind")
            if kr.get("kind")
            in ("numeric", "milestones", "boolean", "stay_above", "stay_below", "rollup")
            else None
        )
        plan.key_results.append(
            KRPlan(
                row=n,
                title=kr["title"],
                kr_id=kr.get("id") if isinstance(kr.get("id"), str) else None,
                kind=kind,
                start=_json_number(kr.get("start")),
                target=_json_number(kr.get("target")),
                current=_json_number(kr.get("current")),
                unit=kr.get("unit") if isinstance(kr.get("unit"), str) else None,
                weight=_json_number(kr.get("weight")),
                score=_json_number(kr.get("score")),
                owner=_named(kr.get("owner"), kr.get("owner_name")),
                status=kr.get("status")
                if kr.get("status") in ("draft", "dropped") and kr.get("status") != plan.status
                else None,
            )
        )
    return plan


def _as_written(value: float) -> float:
    """A JSON number as the file writes it: as given, unless it is an integer
    too large for a float (the loader then refuses the infinity, OKR102)."""
    if isinstance(value, int) and not -(10**308) < value < 10**308:
        return math.inf if value > 0 else -math.inf
    return value


def _is_number(value: Any) -> bool:
    """A JSON number (``true`` is not one, though Python's bool is an int)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
