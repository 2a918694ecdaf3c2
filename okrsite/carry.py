"""``okrsite carry FROM TO``: unfinished objectives continue in the next cycle.

At the end of a quarter the objectives that were not reached are usually
written again for the next one, by hand, from the last check-in's numbers.
This module plans those files from the scored portfolio (pure: which
objectives, which key results, which ids, what text) and writes them at the
edge, never over an existing file. Each new file is a ``status: draft``
objective the team reviews before setting it to active.

Ids: the new objective's id is the old one with the new cycle as a suffix,
``sales/pipeline`` → ``sales/pipeline-2027-q1``; an id that already ends with
the old cycle's suffix has it replaced (``sales/emea-2026-q4`` →
``sales/emea-2027-q1``), so carrying twice does not stack suffixes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from okrsite.cycles import lookup
from okrsite.model import (
    Cycle,
    KeyResult,
    Objective,
    ObjectiveScore,
    Portfolio,
    ScoredPortfolio,
)
from okrsite.parse import parse_file
from okrsite.scoring import reached
from okrsite.slug import slugify

#: statuses of an objective that carry without ``--all``: missed after the
#: cycle, anything short of done while it runs (upcoming included)
_UNFINISHED = frozenset({"missed", "on-track", "at-risk", "off-track", "upcoming"})


class CarryError(Exception):
    """A usage mistake (unknown cycle, same cycle twice); the message says what to do."""


@dataclass(frozen=True, slots=True)
class CarriedObjective:
    """One file ``okrsite carry`` writes (or would write, with ``--dry-run``)."""

    source: str
    id: str
    rel: str
    text: str
    key_results: tuple[str, ...]
    parent: str | None


def carried_into(portfolio: Portfolio) -> dict[str, list[str]]:
    """Objective id → the objectives carried from it (``carried_from:``), sorted:
    the source's page links its continuation as the continuation links back."""
    out: dict[str, list[str]] = {}
    for oid, obj in portfolio.objectives.items():
        if obj.carried_from is not None and obj.carried_from in portfolio.objectives:
            out.setdefault(obj.carried_from, []).append(oid)
    return {k: sorted(v) for k, v in out.items()}


def carried_id(oid: str, from_cycle: str, to_cycle: str) -> str:
    """The id of ``oid`` carried into ``to_cycle`` (see the module docstring)."""
    old, new = slugify(from_cycle), slugify(to_cycle)
    if old and oid.endswith("-" + old):
        return oid[: -len(old)] + new
    return f"{oid}-{new}"


def _number(x: float) -> int | float:
    """Whole numbers written as ``12``, not ``12.0``."""
    return int(x) if float(x).is_integer() and abs(x) < 1e15 else x


def _past(kr: KeyResult, value: float) -> bool:
    """Whether ``value`` is at or beyond the target, on the better side."""
    target = kr.target if kr.target is not None else 0.0
    return value <= target if kr.lower_is_better else value >= target


def _carried_key_result(kr: KeyResult, score: ObjectiveScore) -> dict[str, Any]:
    """The front matter of one key result in the next cycle: same measure, and a
    numeric one starts where the last value left it."""
    out: dict[str, Any] = {"id": kr.id, "title": kr.title}
    last = score.key_results[kr.id].current
    if kr.kind == "numeric":
        if kr.kpi is not None:
            out["kpi"] = kr.kpi
        start = last if last is not None else kr.start
        if start is not None and kr.target is not None and _past(kr, start):
            # already at or past the target (graded below 1.0 with score:):
            # starting there would turn the key result's direction round
            start = kr.start
        if start is not None:
            out["start"] = _number(start)
        if kr.target is not None:
            out["target"] = _number(kr.target)
    elif kr.kind == "milestones":
        out["milestones"] = [{"title": m.title, "done": False} for m in kr.milestones if not m.done]
        if not out["milestones"]:  # every milestone was done: the checklist starts over
            out["milestones"] = [{"title": m.title, "done": False} for m in kr.milestones]
    elif kr.kind == "boolean":
        out["done"] = False
    elif kr.kind in ("stay_above", "stay_below") and kr.threshold is not None:
        out[kr.kind] = _number(kr.threshold)
    if kr.unit:
        out["unit"] = kr.unit
    if kr.weight != 1.0:
        out["weight"] = _number(kr.weight)
    return out


def _chosen(scored: ScoredPortfolio, from_cycle: str, every: bool) -> list[str]:
    p = scored.portfolio
    ids = []
    for oid, obj in p.objectives.items():
        if obj.cycle != from_cycle:
            continue
        status = scored.objectives[oid].status
        if (every and status != "dropped") or status in _UNFINISHED:
            ids.append(oid)
    return ids


def _key_results_to_carry(obj: Objective, score: ObjectiveScore, every: bool) -> list[KeyResult]:
    """Active key results short of 1.0 (all active ones with ``every``)."""
    return [
        kr
        for kr in obj.key_results
        if kr.status == "active" and (every or not reached(score.key_results[kr.id].progress, 1.0))
    ]


def _parent(
    obj: Objective,
    new_ids: dict[str, str],
    carried_krs: dict[str, tuple[str, ...]],
) -> str | None:
    """The parent, re-pointed to the carried parent when that one is carried too
    (to its key result when that key result was carried, else to the objective)."""
    pid = obj.parent_objective
    if pid is None or pid not in new_ids:
        return obj.parent
    kr = obj.parent_key_result
    if kr is not None and kr in carried_krs[pid]:
        return f"{new_ids[pid]}#{kr}"
    return new_ids[pid]


def plan_carry(
    scored: ScoredPortfolio,
    from_cycle: str,
    to_cycle: str,
    content_dir: str,
    every: bool = False,
    custom_cycles: Mapping[str, Cycle] | None = None,
) -> list[CarriedObjective]:
    """The objectives of ``from_cycle`` to write into ``to_cycle``, with their text.

    Pure: reads the scored portfolio only, so the plan is the same whether it
    is written or only shown (``--dry-run``). ``custom_cycles`` are the
    cycles of ``okrsite.toml``: TO is usually a cycle no objective names yet.
    """
    p = scored.portfolio
    if from_cycle == to_cycle:
        raise CarryError(f"FROM and TO are the same cycle ({from_cycle}); name the next cycle")
    for name in (from_cycle, to_cycle):
        if name not in p.cycles and lookup(name, custom_cycles or {}) is None:
            raise CarryError(
                f"unknown cycle {name!r}: use 2026, 2026-H1, 2026-Q1 or 2026-03, "
                "or define it in okrsite.toml"
            )
    if not slugify(to_cycle):
        raise CarryError(f"cycle {to_cycle!r} has no letters or digits to name the new ids with")
    chosen = _chosen(scored, from_cycle, every)
    new_ids = {oid: carried_id(oid, from_cycle, to_cycle) for oid in chosen}
    krs = {
        oid: _key_results_to_carry(p.objectives[oid], scored.objectives[oid], every)
        for oid in chosen
    }
    carried_krs = {oid: tuple(kr.id for kr in found) for oid, found in krs.items()}
    plan = []
    for oid in chosen:
        obj, score = p.objectives[oid], scored.objectives[oid]
        parent = _parent(obj, new_ids, carried_krs)
        data: dict[str, Any] = {"title": obj.title, "cycle": to_cycle, "status": "draft"}
        for key, value in (("owner", obj.owner), ("team", obj.team), ("parent", parent)):
            if value is not None:
                data[key] = value
        if obj.supports:
            data["supports"] = list(obj.supports)
        if obj.commitment != "committed":
            data["commitment"] = obj.commitment
        if obj.weight != 1.0:
            data["weight"] = _number(obj.weight)
        if obj.tags:
            data["tags"] = list(obj.tags)
        data["carried_from"] = oid
        if krs[oid]:
            data["key_results"] = [_carried_key_result(kr, score) for kr in krs[oid]]
        open_work = [i for i in obj.initiatives if i.status not in ("done", "dropped")]
        if open_work:
            data["initiatives"] = [
                {
                    k: v
                    for k, v in (
                        ("title", i.title),
                        ("status", i.status),
                        ("link", i.link),
                        ("owner", i.owner),
                    )
                    if v
                }
                for i in open_work
            ]
        new_id = new_ids[oid]
        plan.append(
            CarriedObjective(
                source=oid,
                id=new_id,
                rel=f"{content_dir}/objectives/{new_id}.md",
                text=_front_matter(data, obj.body),
                key_results=carried_krs[oid],
                parent=parent,
            )
        )
    return plan


def _front_matter(data: dict[str, Any], body: str) -> str:
    # okrsite.scaffold (and textwrap) only when something is carried: every
    # build imports this module for :func:`carried_into`
    from okrsite.scaffold import front_matter

    return front_matter(data, body)


def write_new(path: Path, text: str, rel: str, content_dir: str) -> None:
    """Check ``text`` with the real parser, then create ``path`` (never overwrite)."""
    from okrsite.scaffold import ScaffoldError

    parsed = parse_file(rel, text.encode("utf-8"), content_dir=content_dir)
    errors = [d for d in parsed.diagnostics if d.is_error]
    if errors:
        raise ScaffoldError("; ".join(d.message for d in errors))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise ScaffoldError(
            f"{rel} already exists; okrsite never overwrites a file: choose another id"
        ) from None


@dataclass(frozen=True, slots=True)
class CarryOutcome:
    """The objectives one carry-over wrote, and those it left alone with the reason."""

    written: tuple[CarriedObjective, ...]
    #: (planned file, why it was not written): carried by an earlier run
    already: tuple[tuple[CarriedObjective, str], ...]
    #: (planned file, why it was not written): the id or file belongs to something else
    conflicts: tuple[tuple[CarriedObjective, str], ...]


def write_carry(
    site_root: Path,
    content_dir: str,
    plan: list[CarriedObjective],
    existing: dict[str, str | None],
) -> CarryOutcome:
    """Write the planned files, never over an existing file or objective.

    ``existing`` maps the ids of the site's objectives to their
    ``carried_from``: a planned id that is already an objective carried from
    the same source was carried by an earlier run (running ``carry`` twice
    is harmless); any other clash is a conflict the user must resolve.
    """
    from okrsite import scaffold

    written, already, conflicts = [], [], []
    for item in plan:
        if item.id in existing:
            if existing[item.id] == item.source:
                already.append((item, f"already carried: objective {item.id!r} exists"))
            else:
                conflicts.append((item, f"objective {item.id!r} already exists"))
            continue
        try:
            write_new(site_root / item.rel, item.text, item.rel, content_dir)
        except scaffold.ScaffoldError as exc:
            conflicts.append((item, str(exc)))
            continue
        written.append(item)
    return CarryOutcome(tuple(written), tuple(already), tuple(conflicts))
