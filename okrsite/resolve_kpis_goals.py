"""KPIs and SMART goals: what they drive and support, and a KPI's readings.

A phase of :func:`okrsite.resolve.resolve`: each KPI's ``drives`` are
checked and its ``data:`` file's rows (read by the pipeline) join its
readings; a goal's cycle and supported goal are checked. A KPI's readings
come to one per day (:func:`one_reading_per_day`) once check-ins add theirs
(:mod:`okrsite.resolve_checkins`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from okrsite import percent_shares
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.due_cycles import resolve_due_cycles
from okrsite.kpi_data_file import header_unit_warning
from okrsite.model import KPI, Goal, Objective
from okrsite.numbers import format_number
from okrsite.parse_figures import unit_multiplier
from okrsite.parse_measures import is_percent_unit
from okrsite.resolve_checkins import _other_unit, _unit_of
from okrsite.resolve_hints import _did_you_mean, _titled
from okrsite.resolve_objectives import both_kinds, reference_exists
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
                whole, csv_diags = loaded
                diags.extend(csv_diags)
                rel = f"{config.content_dir.strip('/')}/{kpi.data}"
                rows, wrong_unit = csv_rows_in_unit(whole, kpi.unit, kid, rel)
                diags.extend(wrong_unit)
                headed = header_unit_warning(whole, kpi.unit, kid, kpi.file, rel)
                if headed is not None:  # "Revenue (k€)" above the figures of a KPI in €
                    diags.append(headed)
                diags.extend(_typed_and_filed(kpi, rows))
                diags.extend(_shares_among_rows(kpi, whole, rel))  # % holds no magnitude: as read
                if kid in series:
                    series[kid].extend(rows)
    diags.extend(_drives_loop_warnings(kpis))
    diags.extend(shared_id_warnings(r.objectives, kpis, config.content_dir))
    diags.extend(_shares_checked_in(r, series))
    return series


def _shares_among_rows(kpi: KPI, rows: list[tuple[date, float]], rel: str) -> list[Diagnostic]:
    """OKR128 for a data file's row of a KPI in % that is a share of one
    among percentages (``0.037`` among rows of ``4.10%``, as ``okrsite
    pull`` writes an API's 0.037): at the row, as its error would be.

    Linear in the rows, as a data file may hold 100,000 of them: only a
    KPI in % can hold such a share, and the rule reads of the other
    readings only the lowest and highest of those beyond ±1, which a row
    it looks at (one between -1 and 1) is never among, so they are found
    once for all rows rather than re-listed for each."""
    if not is_percent_unit(kpi.unit):
        return []
    beyond_one = [x for _, x in rows if abs(x) > 1] + [x for _, x in kpi.values if abs(x) > 1]
    others = [min(beyond_one), max(beyond_one)] if beyond_one else []
    out: list[Diagnostic] = []
    for row in rows:
        if not 0 < abs(row[1]) < 1:
            continue
        line = getattr(row, "line", 0) or None
        what = f"row {line} of {kpi.data} ({row[0]}) is" if line else f"{row[0]} is"
        found = percent_shares.kpi_share_slip(kpi, row[1], others, what, rel, line=line)
        if found is not None:
            out.append(found)
    return out


def _shares_checked_in(
    r: Resolving, series: Mapping[str, list[tuple[date, float]]]
) -> list[Diagnostic]:
    """OKR128 for a KPI check-in's value (``okrsite checkin churn --value
    0.036``) that is a share of one for a KPI in %; one written with its
    ``%`` (``0.036%``) says what it means, and is left alone."""
    out: list[Diagnostic] = []
    for c in r.checkins:
        kpi = r.kpis.get(c.kpi or "")
        if kpi is None or c.value is None or "value" in c.percent or "value" in dict(c.units):
            continue
        what = "value is"
        found = percent_shares.kpi_share_slip(
            kpi, c.value, [x for _, x in series.get(kpi.id, [])], what, c.file, key_path=("value",)
        )
        if found is not None:
            out.append(found)
    return out


def drives_loops(
    drives: Mapping[str, Sequence[str]], indicator: Mapping[str, str | None]
) -> list[tuple[list[str], tuple[str, str]]]:
    """Each loop of KPIs' ``drives:`` (``a`` drives ``b`` drives ``a``), in
    order, with the one edge ``(driver, driven)`` cut to end it, found
    again until none is left: the KPI tree (kpis/index.html) is a tree only
    without these edges. Of a loop's edges the one cut leaves a lagging KPI
    (an outcome stays at the top, not nested under what it "drives"), else
    one of a KPI without ``indicator:``, else a leading one; among those the
    driver with the first id. Only KPIs in ``drives`` count (the others were
    reported as unknown). A loop is named from its first id."""
    edges = {
        k: list(dict.fromkeys(d for d in ds if d in drives)) for k, ds in sorted(drives.items())
    }
    rank = {"lagging": 0, "leading": 2}
    found: list[tuple[list[str], tuple[str, str]]] = []
    while (loop := _first_loop(edges)) is not None:
        start = loop.index(min(loop))
        loop = loop[start:] + loop[:start]
        pairs = list(zip(loop, [*loop[1:], loop[0]], strict=True))
        cut = min(pairs, key=lambda e: (rank.get(indicator.get(e[0]) or "", 1), e[0]))
        edges[cut[0]].remove(cut[1])
        found.append((loop, cut))
    return found


def _first_loop(edges: Mapping[str, list[str]]) -> list[str] | None:
    """The first loop a depth-first walk of ``edges`` (in their order) meets:
    its KPIs in order, each driving the next and the last the first."""
    done: set[str] = set()
    for root in edges:
        if root in done:
            continue
        path: list[str] = [root]
        on_path = {root}
        todo = [iter(edges[root])]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                todo.pop()
                left = path.pop()
                on_path.discard(left)
                done.add(left)
                continue
            if nxt in on_path:
                return path[path.index(nxt) :]
            if nxt in done:
                continue
            path.append(nxt)
            on_path.add(nxt)
            todo.append(iter(edges[nxt]))
    return None


def _drives_loop_warnings(kpis: Mapping[str, KPI]) -> list[Diagnostic]:
    """OKR315 on each KPI of a loop of ``drives:``, at the entry that goes on
    round it, naming the whole loop and the entry left out of the KPI tree."""
    out: list[Diagnostic] = []
    loops = drives_loops(
        {k: v.drives for k, v in kpis.items()}, {k: v.indicator for k, v in kpis.items()}
    )
    for loop, (driver, driven) in loops:
        chain = " → ".join([*loop, loop[0]])
        for at, kid in enumerate(loop):
            nxt = loop[(at + 1) % len(loop)]
            kpi = kpis[kid]
            out.append(
                warning(
                    "OKR315",
                    f"KPI loop: {chain} (each drives the next); the KPI tree leaves out "
                    f"'{driver} drives {driven}'",
                    kpi.file,
                    hint="a KPI cannot drive itself (directly or through others): remove one "
                    "'drives:' entry of the loop, usually the one of the outcome (lagging) KPI",
                    key_path=("drives", kpi.drives.index(nxt)),
                )
            )
    return out


def csv_rows_in_unit(
    rows: list[tuple[date, float]], unit: str, kid: str, rel: str
) -> tuple[list[tuple[date, float]], list[Diagnostic]]:
    """A data file's rows counted in the unit of the KPI ``kid`` that reads them,
    as its ``values:`` and check-ins are: a cell that writes money or a
    magnitude (``€1.2M``, ``250.000 €``, ``150 k€``: a
    :class:`~okrsite.kpi_data_file.CsvRow`'s ``written``) beside a ``unit:``
    that holds one (``k€``) is counted in it (1200, 250, 150) by the rule
    a check-in's value is (:func:`okrsite.parse_figures.money_in_unit`); a
    bare figure is in the unit as written. A cell in another unit (``£250,000``
    or ``2.5k`` beside ``k€``) is an error at its row (OKR203), and no reading;
    beside a unit without a magnitude (``€``) a cell is the whole figure it
    reads (``$1.5M``: 1,500,000), its sign read past. A file
    is read once for all the KPIs that name it, which may count in other units:
    so each converts here, not the file's reading."""
    from okrsite.kpi_data_file import cell_money_not_in_unit

    out: list[tuple[date, float]] = []
    diags: list[Diagnostic] = []
    in_magnitude = unit_multiplier(unit) != 1
    for row in rows:
        written = getattr(row, "written", "")
        if written and not in_magnitude and cell_money_not_in_unit(written, unit):
            diags.append(_csv_unit_mismatch(row, written, unit, kid, rel))  # "$1,200" in €
            continue
        if not written or not in_magnitude:
            out.append((row[0], row[1]))
            continue
        scaled: dict[str, float] = {}
        if _other_unit(_unit_of(written, unit, "value", row[1], scaled), unit):
            diags.append(_csv_unit_mismatch(row, written, unit, kid, rel))
            continue
        out.append((row[0], scaled.get("value", row[1])))
    return out, diags


def _csv_unit_mismatch(
    row: tuple[date, float], written: str, unit: str, kid: str, rel: str
) -> Diagnostic:
    """OKR203 for a data file's cell written in a unit the KPI reading it is not in."""
    cell = getattr(row, "cell", "") or format_number(row[1])
    measured = f"in {unit!r}" if unit else "in plain numbers (it has no unit:)"
    line = getattr(row, "line", 0) or None
    return error(
        "OKR203",
        f"{cell!r} is written in {written!r}, but KPI {kid!r} is measured {measured}",
        rel,
        line=line,
        hint=f"write the figure in {unit!r}, without a unit or with it"
        if unit
        else f"write the bare number, or give KPI {kid!r} 'unit: {written}'",
    )


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
    # due: FY27 Q4 (a cycle only the site's settings make one): its last day
    diags.extend(
        resolve_due_cycles(goals, r.config.cycles, r.as_of or r.config.as_of or date.today())
    )
    aside_goals: list[Goal] = list(r.aside["goal"].values())  # type: ignore[arg-type]
    # ---- goals
    for g in [*goals.values(), *aside_goals]:
        if g.cycle is not None:
            cycle_of(g.cycle, g.file, ("cycle",))
        doubt = both_kinds(g.supports or "", objectives, kpis, g.file, ("supports",))
        if doubt is not None:
            diags.append(doubt)
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


def shared_id_warnings(
    objectives: Mapping[str, Objective], kpis: Mapping[str, KPI], content_dir: str
) -> list[Diagnostic]:
    """OKR319 for each id an objective and a KPI both have: an id names its
    record's check-in folder, ``checkins/<id>/``, so both file their
    check-ins there, and a check-in in it that names neither is read by its
    values, not by where it is; ``okrsite codeowners`` gives the folder to
    neither owner (it gave it to both, so a KPI named like another team's
    objective made its owner an approver of that objective's check-ins).
    Said always, not only when a ``supports:`` names the id (OKR317)."""
    folder = f"{content_dir.strip('/')}/checkins"
    return [
        warning(
            "OKR319",
            f"KPI {kid!r} has the id of the objective {objectives[kid].file}: both file their "
            f"check-ins in {folder}/{kid}/, which okrsite codeowners routes to neither owner",
            kpi.file,
            hint="rename one of the two files, so each has a check-in folder of its own",
        )
        for kid, kpi in kpis.items()
        if kid in objectives
    ]
