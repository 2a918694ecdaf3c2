"""Warnings for a key result measured by a KPI (``kpi:``) whose own figures
do not fit the KPI's readings.

A key result with ``kpi:`` takes its current value from the KPI, but its
start and target are its own: when they are written in another scale or
direction than the KPI's readings, or a leftover ``current:`` keeps the
KPI from being read at all, the page says "done" or "from KPI" for a figure
that means nothing, and nothing else would say so. They need the KPI's
readings up to as_of, so they run with the other quality warnings
(:func:`okrsite.quality.quality_warnings`) on the scored portfolio:

- OKR128: ``start: 0.025, target: 0.035`` beside a KPI in % reading 3%: a
  share of one where a percentage belongs, as for a check-in's value;
- OKR410: a key result of a ``direction: down`` KPI counting up from 0
  (no ``start:``), so a handle time worse than its target reads done;
- OKR412: a ``current:`` beside ``kpi:``, which the scoring order (check-in,
  else ``current:``, else the KPI) reads instead of the KPI, for good.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import KPI, KeyResult, Objective, ScoredPortfolio
from okrsite.numbers import csv_number
from okrsite.parse_measures import is_percent_unit


def kpi_key_result_warnings(scored: ScoredPortfolio, obj: Objective) -> list[Diagnostic]:
    """OKR128, OKR410 and OKR412 for the active numeric key results of
    ``obj`` that name a KPI (see the module's docstring)."""
    p = scored.portfolio
    cycle = p.cycles.get(obj.cycle) if obj.cycle else None
    out: list[Diagnostic] = []
    for kr in obj.key_results:
        if kr.status != "active" or kr.kind != "numeric" or kr.kpi not in p.kpis:
            continue
        kpi = p.kpis[kr.kpi]  # type: ignore[index]
        ks = scored.kpis.get(kpi.id)
        series = ks.series if ks is not None else ()
        share = _shares_beside_percent(kr, kpi, series, obj.file)
        if share is not None:
            out.append(share)
        if kpi.direction == "down" and kr.start == 0 and (kr.target or 0) > 0:
            first = None if cycle is None else _reading_on(series, cycle.start, after=True)
            out.append(_up_beside_down_kpi(kr, kpi, first, obj.file))
        if kr.current is not None:
            last = min(scored.as_of, cycle.end) if cycle is not None else scored.as_of
            out.append(_current_beside_kpi(kr, kpi, _reading_on(series, last), obj.file))
    return out


def reads_down_kpi(kr: KeyResult, kpis: dict[str, KPI]) -> bool:
    """Whether OKR410 is this module's for ``kr`` (its KPI's direction is
    down): the title's OKR410 is then not said again."""
    return kr.kpi in kpis and kpis[kr.kpi].direction == "down"  # type: ignore[index]


def _reading_on(
    series: Sequence[tuple[date, float]], day: date, after: bool = False
) -> tuple[date, float] | None:
    """The KPI's reading on ``day``: its latest on or before it, else (with
    ``after``) its first after it."""
    before = [point for point in series if point[0] <= day]
    if before:
        return before[-1]
    return series[0] if after and series else None


def _shares_beside_percent(
    kr: KeyResult, kpi: KPI, series: Sequence[tuple[date, float]], file: str
) -> Diagnostic | None:
    """OKR128 when a key result in its KPI's % writes its target (and its
    start, where one is written) between -1 and 1, while the KPI's target,
    thresholds and readings are all above 1 and its target's hundredfold
    lies among them: ``target: 0.035`` beside readings of 3% is 0.035%, so
    the 3% reads "29,750% of target", though 3.5% was meant."""
    if not is_percent_unit(kpi.unit) or not is_percent_unit(kr.unit) or kr.target is None:
        return None
    own = [kr.target] if kr.start in (None, 0) else [kr.start, kr.target]
    if not all(0 < abs(figure) < 1 for figure in own):  # type: ignore[arg-type]
        return None
    beside = [x for x in (kpi.target, kpi.green, kpi.red) if x is not None]
    beside += [value for _, value in series]
    if not beside or any(abs(x) <= 1 for x in beside):
        return None
    meant = [float(f"{figure * 100:.12g}") for figure in own]  # type: ignore[operator]
    if not all(min(beside) / 2 <= abs(x) <= max(beside) * 2 for x in meant):
        return None
    names = ["target"] if len(own) == 1 else ["start", "target"]
    written = " and ".join(f"{n}: {csv_number(f)}" for n, f in zip(names, own, strict=True))
    read = " and ".join(f"{csv_number(f)}%" for f in own)
    latest = (
        f"reads {csv_number(series[-1][1])}% ({series[-1][0].isoformat()})"
        if series
        else f"has target {csv_number(kpi.target)}%"
    )
    lines = ", ".join(f"{n}: {csv_number(m)}%" for n, m in zip(names, meant, strict=True))
    return warning(
        "OKR128",
        f"key result {kr.id!r} has {written}, which read{'s' if len(own) == 1 else ''} as "
        f"{read}, though its KPI {kpi.id!r} {latest}: a share of one where a percentage "
        "belongs?",
        file,
        hint=f"write {lines} if you meant percentages, as the KPI's readings are",
        key_path=("key_results", kr.index, "target"),
    )


def _up_beside_down_kpi(
    kr: KeyResult, kpi: KPI, first: tuple[date, float] | None, file: str
) -> Diagnostic:
    """OKR410 for a key result counting up from 0 to a positive target while
    its KPI says lower is better (``direction: down``): a handle time of 7
    minutes beside ``target: 5`` reads done, 140% of target. The start to
    write is the KPI's reading on the first day of the objective's cycle."""
    example = (
        f", e.g. start: {csv_number(first[1])} (KPI {kpi.id!r} on {first[0].isoformat()})"
        if first is not None
        else ""
    )
    return warning(
        "OKR410",
        f"key result {kr.id!r} counts up from 0 to {csv_number(kr.target)} (start: is 0 "
        f"when left out), but its KPI {kpi.id!r} has direction: down: the higher the "
        "value, the more progress it shows",
        file,
        hint=f"give start: (the KPI's reading on the cycle's first day){example}",
        key_path=("key_results", kr.index, "target"),
    )


def _current_beside_kpi(
    kr: KeyResult, kpi: KPI, reading: tuple[date, float] | None, file: str
) -> Diagnostic:
    """OKR412 for a ``current:`` beside ``kpi:``: it is read instead of the
    KPI (a check-in, else ``current:``, else the KPI), so the key result
    never moves with the KPI; mostly a key result copied from a hand-tracked
    one."""
    read = (
        f"the reading {csv_number(reading[1])} of KPI {kpi.id!r} ({reading[0].isoformat()})"
        if reading is not None
        else f"the readings of KPI {kpi.id!r}"
    )
    return warning(
        "OKR412",
        f"key result {kr.id!r} has current: {csv_number(kr.current)}, which overrides "
        f"{read}: the key result does not move with its KPI",
        file,
        hint="remove current: to read the KPI, or kpi: if the key result is tracked by hand",
        key_path=("key_results", kr.index, "current"),
    )
