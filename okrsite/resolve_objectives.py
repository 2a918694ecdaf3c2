"""Objectives' references: cycles, parents, supported goals, carried-from and KPIs.

A phase of :func:`okrsite.resolve.resolve`: every reference an objective
makes is checked, and a broken one cut, so the rest can still be scored; an
alignment loop (a walk up the parents that comes back) is reported once on
each objective on it and cut, so that scoring terminates. The loop finding
is shared with the team tree (:mod:`okrsite.resolve_people`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TypeVar

from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.model import KPI, KeyResult, Objective, Team
from okrsite.numbers import format_number
from okrsite.parent_key_result import key_result_as_parent
from okrsite.parse_figures import currency_of, is_money, money_counted_in, unit_multiplier
from okrsite.parse_measures import is_percent_unit
from okrsite.resolve_hints import _did_you_mean, _named_by_title, key_results_listed
from okrsite.resolve_tables import Resolving
from okrsite.title_figures import kpi_title_figures_unlike
from okrsite.units import same_unit


def parent_loops(parent_of: Mapping[str, str | None]) -> list[list[str]]:
    """Each loop of ``parent_of`` (record id → its parent's id) once, as the ids
    on it starting from the smallest: a walk up the parents that comes back to
    an id it passed is a loop. Ids whose walk ends (no parent, or one that is
    not in ``parent_of``) are on none."""
    state: dict[str, int] = {}  # 0 visiting, 1 done
    loops: list[list[str]] = []
    for start in sorted(parent_of):
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent_of and node not in state:
            state[node] = 0
            path.append(node)
            node = parent_of[node]
        if node is not None and state.get(node) == 0 and node in path:
            loop = path[path.index(node) :]
            k = loop.index(min(loop))
            loops.append(loop[k:] + loop[:k])
        for n in path:
            state[n] = 1
    return loops


_Linked = TypeVar("_Linked", bound=Objective | Team)


def _cut_loops(
    table: dict[str, _Linked],
    parent_of: Mapping[str, str | None],
    diagnostic: Callable[[_Linked, str], Diagnostic],
) -> list[Diagnostic]:
    """Each loop of :func:`parent_loops`, reported on every record on it with
    its whole chain (``a → b → c → a``), and cut: those records lose their
    ``parent``, so every walk up the tree ends."""
    found: list[Diagnostic] = []
    for ordered in parent_loops(parent_of):
        chain = " → ".join([*ordered, ordered[0]])
        found += [diagnostic(table[rid], chain) for rid in ordered]
        for rid in ordered:
            table[rid] = replace(table[rid], parent=None)
    return found


def reference_exists(
    ref: str, objectives: Mapping[str, Objective], kpis: Mapping[str, KPI]
) -> bool:
    """Whether ``ref`` names an objective, ``objective#key-result`` or KPI."""
    obj, _, kr = ref.partition("#")
    if kr:
        o = objectives.get(obj)
        return o is not None and o.key_result(kr) is not None
    return obj in objectives or obj in kpis


def both_kinds(
    ref: str,
    objectives: Mapping[str, Objective],
    kpis: Mapping[str, KPI],
    file: str,
    key_path: tuple[str | int, ...],
) -> Diagnostic | None:
    """OKR317 for a ``supports:`` that names an id an objective and a KPI
    both have (``objectives/nps.md`` and ``kpis/nps.md``). A reference is
    an id alone, and the objective wins, so the page links to the objective
    in silence where the writer may have meant the KPI; ``okrsite checkin
    nps`` refuses the same doubt. No way of writing the reference names the
    KPI, so the hint says which is read and how to make the other one
    nameable: give one of them another id."""
    if "#" in ref or ref not in objectives or ref not in kpis:
        return None
    obj, kpi = objectives[ref], kpis[ref]
    key = next((str(k) for k in reversed(key_path) if isinstance(k, str)), "supports")
    return warning(
        "OKR317",
        f"{key}: {ref} names both the objective {obj.file} and the KPI {kpi.file}; "
        "it is read as the objective",
        file,
        hint=f"to support the KPI, rename one of the two files (and write its new id here); "
        f"to support a key result of the objective, write {key}: {ref}#KEY-RESULT",
        key_path=key_path,
    )


def _kpi_as_parent(file: str, kpi_id: str) -> Diagnostic:
    """OKR303 for ``parent:`` naming a KPI: a parent is an objective (or its
    key result); a KPI is linked another way, which the hint names."""
    return error(
        "OKR303",
        f"parent objective {kpi_id!r} does not exist: {kpi_id!r} is a KPI, and a KPI is no parent",
        file,
        hint=f"name the KPI under supports: (supports: [{kpi_id}]), or link a key result "
        f"to it with kpi: {kpi_id}",
        key_path=("parent",),
    )


def _objectives_without_cycle(r: Resolving) -> list[str]:
    """The objectives whose cycle is unknown (each reported), to set aside later."""
    objectives, cycle_of = r.objectives, r.cycle_of
    aside_objectives: dict[str, Objective] = r.aside["objective"]  # type: ignore[assignment]
    # an objective in an unknown cycle cannot be scored; its other references
    # are still checked below (every error in one run), then it is set aside
    no_cycle = [
        oid for oid, obj in objectives.items() if cycle_of(obj.cycle, obj.file, ("cycle",)) is None
    ]
    for obj in aside_objectives.values():
        cycle_of(obj.cycle, obj.file, ("cycle",))
    return no_cycle


def _check_objective_references(r: Resolving) -> None:
    """Check each objective's parent, supported goals, carried_from and key
    results' KPIs; a broken one is cut from the objective (in the table)."""
    objectives, kpis, diags, unknown = r.objectives, r.kpis, r.diags, r.unknown
    aside_objectives: dict[str, Objective] = r.aside["objective"]  # type: ignore[assignment]
    # ---- objective references
    for oid, obj in [*objectives.items(), *aside_objectives.items()]:
        changes: dict[str, object] = {}
        if obj.parent is not None:
            pid, kr = obj.parent_objective or "", obj.parent_key_result
            parent = objectives.get(pid)
            if parent is None and kr is None and pid in kpis:
                diags.append(_kpi_as_parent(obj.file, pid))
                changes["parent"] = None
            elif (
                parent is None
                and kr is None
                and (slip := key_result_as_parent(obj.file, obj.parent, objectives, oid))
            ):
                diags.append(slip)  # parent: arr, a key result of company/growth
                changes["parent"] = None
            elif parent is None:
                unknown(
                    "objective",
                    pid,
                    objectives,
                    obj.file,
                    ("parent",),
                    "parent objective",
                    oid,
                    written=obj.parent,
                )
                changes["parent"] = None
            elif kr is not None and parent.key_result(kr) is None:
                diags.append(_no_key_result(obj.file, pid, parent, kr, ("parent",)))
                changes["parent"] = None
            elif pid == oid:
                diags.append(
                    error(
                        "OKR308",
                        f"objective {oid!r} is aligned to itself",
                        obj.file,
                        hint="remove 'parent:' or name the objective above this one",
                        key_path=("parent",),
                    )
                )
                changes["parent"] = None
        for i, ref in enumerate(obj.supports):
            sup_obj, _, sup_kr = ref.partition("#")
            doubt = both_kinds(ref, objectives, kpis, obj.file, ("supports", i))
            if doubt is not None:
                diags.append(doubt)
            if sup_kr and sup_obj in objectives and not reference_exists(ref, objectives, kpis):
                diags.append(
                    _no_key_result(obj.file, sup_obj, objectives[sup_obj], sup_kr, ("supports", i))
                )
            elif not reference_exists(ref, objectives, kpis):
                unknown(
                    "objective",
                    ref.split("#")[0],
                    [*objectives, *kpis],
                    obj.file,
                    ("supports", i),
                    "supported goal",
                    oid,
                    among="objective or kpi",
                    written=ref,
                )
        if obj.carried_from is not None:
            source = obj.carried_from
            if source == oid or "#" in source or source not in objectives:
                problem = (
                    f"objective {oid!r} is carried from itself"
                    if source == oid
                    else f"carried_from must name an objective, not a key result: {source!r}"
                )
                if source != oid and "#" not in source:
                    unknown(
                        "objective", source, objectives, obj.file, ("carried_from",), "objective"
                    )
                else:
                    diags.append(error("OKR308", problem, obj.file, key_path=("carried_from",)))
                changes["carried_from"] = None
        krs = list(obj.key_results)
        for i, key_result in enumerate(krs):
            if key_result.kpi in kpis and not key_result.unit:
                kpi_title_figures_unlike(key_result, kpis[key_result.kpi].unit, obj.file, diags)
            if key_result.kpi is not None and key_result.kpi not in kpis:
                unknown("kpi", key_result.kpi, kpis, obj.file, ("key_results", i, "kpi"), "KPI")
                krs[i] = replace(key_result, kpi=None)
                changes["key_results"] = tuple(krs)
            elif key_result.kpi is not None and not key_result.unit and kpis[key_result.kpi].unit:
                # measured by the KPI: its figures are in the KPI's unit (a
                # page, api/portfolio.json and the CSVs then all say so)
                krs[i] = replace(key_result, unit=kpis[key_result.kpi].unit)
                changes["key_results"] = tuple(krs)
            elif key_result.kpi is not None and key_result.unit and kpis[key_result.kpi].unit:
                counted = _in_kpi_unit(key_result, kpis[key_result.kpi], obj.file, i, diags)
                if counted is not key_result:
                    krs[i] = counted
                    changes["key_results"] = tuple(krs)
        if changes and oid in objectives:
            objectives[oid] = replace(obj, **changes)  # type: ignore[arg-type]
    diags.extend(_aligned_to_key_results(objectives))


def _aligned_to_key_results(objectives: Mapping[str, Objective]) -> list[Diagnostic]:
    """OKR316: a roll-up key result (no measure of its own) counts the
    objectives aligned to it (``parent: obj#kr``), so a ``current:`` or
    ``start:`` written for it would count nothing, silently. Said at the key
    result, naming the objectives. A key result with a measure of its own
    that objectives align to is the usual cascade (a team's objective
    serving a company's key result): it counts its measure and its page
    lists them, so that is not warned of."""
    kids: dict[tuple[str, str], list[str]] = {}
    for oid, obj in objectives.items():
        pid, kr_id = obj.parent_objective, obj.parent_key_result
        if pid is not None and kr_id is not None and pid != oid:
            kids.setdefault((pid, kr_id), []).append(oid)
    out: list[Diagnostic] = []
    for (pid, kr_id), aligned in sorted(kids.items()):
        parent = objectives.get(pid)
        kr = parent.key_result(kr_id) if parent is not None else None
        if parent is None or kr is None:
            continue
        own = [key for key in ("current", "start") if getattr(kr, key) is not None]
        if kr.kind != "rollup" or kr.score is not None or not own:
            continue
        shown = ", ".join(aligned[:3]) + (
            f" and {len(aligned) - 3} more" if len(aligned) > 3 else ""
        )
        them = "objective " + shown if len(aligned) == 1 else "objectives " + shown
        written = " and ".join(f"{key}: {format_number(getattr(kr, key))}" for key in own)
        out.append(
            warning(
                "OKR316",
                f"key result {kr_id!r} has no target:, so it rolls up {them} aligned to "
                f"it: its own {written} {'is' if len(own) == 1 else 'are'} not counted",
                parent.file,
                hint=f"remove {' and '.join(f'{k}:' for k in own)} (the aligned "
                f"objectives' progress is its progress), or give it a target: and align "
                f"{shown} to {pid} instead (parent: {pid})",
                key_path=("key_results", kr.index, own[0]),
            )
        )
    return out


def counted_in_kpi_unit(kr: KeyResult, into: str) -> KeyResult | None:
    """``kr``, measured by a KPI in ``into``, with its figures counted in that
    unit when they are money of its currency in another magnitude or in none
    (``title: MRR from $180k to $250k`` or ``target: $250k`` is read as whole
    dollars, in ``$``: beside a KPI in ``$k`` it runs from 180 to 250, as the
    KPI's readings are, so its 200 is 29% of the way, not 0% of the way from
    180,000); ``kr`` itself when its unit is the KPI's, or one of its own
    that is no money (``unit: %`` stays its own); ``None`` for money the
    KPI's unit cannot hold (``€`` beside ``$k``; ``$`` beside ``k``), which
    okrsite does not convert. The history names old versions so too
    (:mod:`okrsite.history_names`), so it shows no change nobody made."""
    unit = kr.unit
    if not unit or not into or same_unit(unit, into) or not is_money(unit):
        return kr
    if money_counted_in(1.0, unit, into) is not None:
        figures = {"start": kr.start, "target": kr.target, "current": kr.current}
        figures["threshold"] = kr.threshold
        counted = {k: money_counted_in(v, unit, into) for k, v in figures.items() if v is not None}
        return replace(kr, unit=into, **counted)  # type: ignore[arg-type]
    if not (currency_of(into) or unit_multiplier(into) != 1):
        return kr  # unit: USD, points: a unit okrsite does not read as money
    return None


def _in_kpi_unit(kr: KeyResult, kpi: KPI, file: str, i: int, diags: list[Diagnostic]) -> KeyResult:
    """``kr`` counted in its KPI's unit (:func:`counted_in_kpi_unit`); money
    that unit cannot hold is error OKR312, as a check-in's value in another
    unit is, and the key result is left as written: its progress against
    the KPI's readings means nothing, so the error says so."""
    counted = counted_in_kpi_unit(kr, kpi.unit)
    unit, into = kr.unit, kpi.unit
    if counted is kr and _another_unit(unit, into):
        # seconds beside a KPI in minutes: the KPI's 7 (minutes) would be
        # read as 7 s, "done, 222%"; okrsite converts nothing, so it says so.
        # A warning: a key result counted in its own unit by its own
        # check-ins (10 answer macros) beside the KPI it moves (first
        # response in hours) is written so on purpose, and reads the KPI
        # only while no check-in or current: gives it a value
        diags.append(
            warning(
                "OKR413",
                f"key result {kr.id!r} is written in {unit!r} but its KPI {kpi.id!r} is "
                f"measured in {into!r}: okrsite converts nothing, so while no check-in or "
                f"current: gives it a value, the KPI's readings count as {unit!r}",
                file,
                hint=f"write the key result's figures in {into!r}, as the KPI's readings "
                f"are, with no unit: or unit: {into}; or measure it by a KPI in {unit!r}, "
                "or by its own check-ins without kpi:",
                key_path=("key_results", i, "kpi"),
            )
        )
        return kr
    if counted is not None:
        return counted
    money = bool(currency_of(into))
    diags.append(
        error(
            "OKR312",
            f"key result {kr.id!r} is written in {unit!r} but its KPI {kpi.id!r} is "
            f"measured in {into!r}: okrsite converts nothing"
            + (" between currencies" if money else ""),
            file,
            hint=f"write the key result's figures in {into!r} (bare, or as money of its "
            f"currency), or measure it by a KPI in {unit!r}"
            if money
            else f"write the key result's figures as bare numbers in {into!r}, "
            f"or give KPI {kpi.id!r} a unit of money",
            key_path=("key_results", i, "kpi"),
        )
    )
    return kr


def _another_unit(unit: str, into: str) -> bool:
    """Whether a key result's own unit that is no money (``s``, ``hours``,
    ``%``) is not its KPI's (``minutes``): its figures are then not the
    KPI's readings' (money is counted in the KPI's unit, or refused, by
    :func:`counted_in_kpi_unit`). ``%`` and ``percent`` are one unit."""
    if not unit or not into or is_money(unit) or same_unit(unit, into):
        return False
    return not (is_percent_unit(unit) and is_percent_unit(into))


def _no_key_result(
    file: str, oid: str, target: Objective, kr: str, key_path: tuple[str | int, ...]
) -> Diagnostic:
    """``objective#key-result`` naming a key result that objective does not
    have (OKR304), with the one surely meant or the ones it has."""
    krs_of = [k.id for k in target.key_results]
    return error(
        "OKR304",
        f"objective {oid!r} has no key result {kr!r}",
        file,
        hint=_named_by_title(kr, target.key_results, "wherever it is named")
        or _did_you_mean(kr, krs_of)
        or f"its key results are: {key_results_listed(target.key_results)}",
        key_path=key_path,
    )


def _cut_alignment_loops(r: Resolving) -> None:
    """Report and cut each loop of objectives' parents."""
    objectives = r.objectives
    # ---- alignment loops: follow parents; a walk that returns to itself is a loop
    # (each is cut, so that scoring terminates)
    r.diags += _cut_loops(
        objectives,
        {oid: obj.parent_objective for oid, obj in objectives.items()},
        lambda obj, chain: error(
            "OKR305",
            f"alignment loop: {chain}",
            obj.file,
            hint="an objective cannot be aligned (directly or through others) to itself; change one 'parent:'",
            key_path=("parent",),
        ),
    )


def _drop_without_cycle(r: Resolving, no_cycle: list[str]) -> None:
    """Set aside the objectives of unknown cycles; their children lose the link."""
    objectives, broken = r.objectives, r.broken
    for oid in no_cycle:
        del objectives[oid]
        broken.setdefault("objective", set()).add(oid)
    if no_cycle:  # their children keep no link to them
        r.hints.clear()  # and no hint names them: those were worked out with them in the table
        for oid, obj in list(objectives.items()):
            if obj.parent_objective in broken["objective"]:
                objectives[oid] = replace(obj, parent=None)
