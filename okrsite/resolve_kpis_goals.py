"""KPIs and SMART goals: what they drive and support, and a KPI's readings.

A phase of :func:`okrsite.resolve.resolve`: each KPI's ``drives`` are
checked and its ``data:`` file's rows (read by the pipeline) join its
readings; a goal's cycle and supported goal are checked. A KPI's readings
come to one per day (:func:`one_reading_per_day`) once check-ins add theirs
(:mod:`okrsite.resolve_checkins`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.model import KPI, Goal
from okrsite.numbers import format_number
from okrsite.resolve_hints import _did_you_mean, _titled
from okrsite.resolve_objectives import reference_exists
from okrsite.resolve_tables import Resolving


def _check_kpis(
    r: Resolving,
    csv_data: Mapping[str, tuple[list[tuple[date, float]], list[Diagnostic]] | None],
    data_near: Mapping[str, str] | None,
) -> dict[str, list[tuple[date, float]]]:
    """Check each KPI's drives and data file; each KPI's readings so far
    (``values:``, then its data file's rows)."""
    kpis, diags, unknown, config = r.kpis, r.diags, r.unknown, r.config
    aside_kpis: dict[str, KPI] = r.aside["kpi"]  # type: ignore[assignment]
    # ---- KPIs: drives and data files
    series: dict[str, list[tuple[date, float]]] = {kid: list(k.values) for kid, k in kpis.items()}
    for kid, kpi in [*kpis.items(), *aside_kpis.items()]:
        for i, ref in enumerate(kpi.drives):
            if ref not in kpis:
                unknown("kpi", ref, kpis, kpi.file, ("drives", i), "driven KPI", kid)
        if kpi.data is not None:
            loaded = csv_data.get(kpi.data)
            if loaded is None:
                near = (data_near or {}).get(kpi.data)
                diags.append(
                    error(
                        "OKR310",
                        f"data file {kpi.data!r} does not exist"
                        + (f", but {near!r} does" if near else ""),
                        kpi.file,
                        hint=(
                            f"write data: {near} (file names are case-sensitive when the "
                            "site is built elsewhere), or rename the file"
                            if near
                            else f"put a CSV with a 'date,value' header at "
                            f"{config.content_dir}/{kpi.data}"
                        ),
                        key_path=("data",),
                    )
                )
            else:
                rows, csv_diags = loaded
                diags.extend(csv_diags)
                diags.extend(_typed_and_filed(kpi, rows))
                if kid in series:
                    series[kid].extend(rows)
    return series


def _typed_and_filed(kpi: KPI, rows: list[tuple[date, float]]) -> list[Diagnostic]:
    """OKR206 for each day that ``values:`` and the data file both give, with
    another value: the data file's counts (docs/content-format.md, "One
    reading a day"), so the typed one would be lost without a word."""
    typed = dict(kpi.values)
    out: list[Diagnostic] = []
    seen: set[date] = set()
    for day, value in rows:
        mine = typed.get(day)
        if mine is None or mine == value or day in seen:
            continue
        seen.add(day)
        out.append(
            warning(
                "OKR206",
                f"{day.isoformat()} has two readings: {format_number(mine)} in values: and "
                f"{format_number(value)} in {kpi.data}; the data file's counts, "
                f"{format_number(mine)} is ignored",
                kpi.file,
                key_path=("values",),
                hint="keep one reading for the day: remove it from values: or from the data file",
            )
        )
    return out


def _check_goals(r: Resolving) -> None:
    """Check each goal's cycle and the goal it supports."""
    objectives, kpis, goals, diags, broken = r.objectives, r.kpis, r.goals, r.diags, r.broken
    cycle_of = r.cycle_of
    aside_goals: list[Goal] = list(r.aside["goal"].values())  # type: ignore[arg-type]
    # ---- goals
    for g in [*goals.values(), *aside_goals]:
        if g.cycle is not None:
            cycle_of(g.cycle, g.file, ("cycle",))
        if g.supports is not None and not reference_exists(g.supports, objectives, kpis):
            obj_part, _, kr_part = g.supports.partition("#")
            if obj_part in broken.get("objective", set()) or obj_part in broken.get("kpi", set()):
                continue
            hint = _titled(g.supports, objectives, ("supports",), kpis) or _did_you_mean(
                obj_part, [*objectives, *kpis]
            )
            if kr_part and obj_part in objectives:
                hint = _did_you_mean(kr_part, [k.id for k in objectives[obj_part].key_results])
            diags.append(
                warning(
                    "OKR303",
                    f"supported goal {g.supports!r} does not exist, so this goal is not Relevant (R)",
                    g.file,
                    hint=hint or "name an objective, 'objective#key-result' or a KPI id",
                    key_path=("supports",),
                )
            )


def one_reading_per_day(readings: list[tuple[date, float]]) -> tuple[tuple[date, float], ...]:
    """A KPI's readings by date, one per date: the last of a day in the order
    they were gathered (``values:``, then the CSV's rows, then check-ins in
    check-in order), which is the one that wins that day. The readings it
    overrules are not values the KPI had: kept, a second reading of the
    latest day became the "previous" value its trend compared with."""
    by_day: dict[date, float] = {}
    for day, value in readings:
        by_day[day] = value  # the later reading of a day replaces the earlier
    return tuple(sorted(by_day.items(), key=lambda p: p[0]))
