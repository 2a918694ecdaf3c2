"""The figures the value rules read, for a check after a few edits.

:mod:`okrsite.edit_check` answers a check after an edit from the last
check's findings when the edit changes nothing the cross-file rules read.
Some of those rules read figures: a check-in value beside its key result's
start and target (OKR124: ``1.275`` meant as 1275; OKR128: ``0.031`` meant
as 3.1%; OKR129: ``16.5`` beside "ARR from $10M to $20M"), a KPI reading
beside the KPI's other readings (OKR128), a key result's figures beside
its title (OKR410's example quotes its current value). Comparing every
figure exactly would send most edits (a check-in's new value, a key
result's new target) the long way, though nearly all of them change no
finding. So the figures are compared as these rules can tell them apart:

- a value is kept exactly only where a rule may read it as a slip
  (:func:`reading_class`: between 0 and 1, 0 and 1 themselves, or exactly
  three decimals between 1 and 1000); any other value is just "plain";
- the last full check notes (:func:`figure_watch`) which key results have
  such a value among their check-ins (by key result id), which key results
  OKR129 reads (a title with a magnitude whose figures are its start and
  target), and which KPIs in % have a reading that may be a share of one.

An edit that changes a plain value or a key result's figures is then
answered from the last findings only when nothing watched is touched
(:func:`figures_unwatched`); else the check runs in full.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from okrsite.diagnostics import Diagnostic
from okrsite.model import KPI, CheckIn, KeyResult, Objective
from okrsite.parse import ParsedFile, is_percent_unit
from okrsite.quality import _says_down
from okrsite.title_figures import _title_scale

#: what a value that no value rule can read as a slip is compared as (no
#: figure read from a file is infinite: :mod:`okrsite.limits`)
PLAIN = math.inf


def reading_class(value: float) -> float:
    """``value`` itself where a rule may read it as a slip, else :data:`PLAIN`.

    Exactly: 0 and 1 (a done-or-not key result takes only these, OKR307),
    a value between -1 and 1 (a share of one for a figure in %, OKR128)
    and a value with exactly three decimals between 1 and 1000 (a point or
    comma that grouped thousands, OKR124)."""
    size = abs(value)
    if size <= 1 or _three_decimals(size):
        return value
    return PLAIN


def _three_decimals(size: float) -> bool:
    """``1.275``: exactly three decimals, the last not 0, between 1 and 1000
    (as :func:`okrsite.resolve_checkins._thousand_times_too_small` reads them;
    ``1.200`` is warned of as it is read, OKR124, a finding of its own file)."""
    if not 1 <= size < 1000 or size == int(size):
        return False
    scaled = size * 1000
    return abs(scaled - round(scaled)) <= 1e-6 and round(scaled) % 10 != 0


def _slip_read(value: float) -> bool:
    """Whether :func:`reading_class` keeps ``value`` for a rule that reads slips
    (0 and 1 are kept for OKR307, which reads no figure beside them)."""
    return value not in (0.0, 1.0) and reading_class(value) != PLAIN


def scaled_by_title(kr: KeyResult) -> bool:
    """Whether OKR129 reads values of ``kr``: its title writes its figures with a
    magnitude (``ARR from $10M to $20M``) (:func:`okrsite.title_figures.scale_slip`)."""
    return kr.kind == "numeric" and bool(kr.title) and _title_scale(kr.title) is not None


def figure_watch(
    parsed: Iterable[ParsedFile],
    csv_data: Mapping[str, tuple[list[tuple[date, float]], list[Diagnostic]] | None],
) -> tuple[str, ...]:
    """What a full check notes for :func:`figures_unwatched`: ``kr:<id>`` for
    each key result id given a value a rule may read as a slip, ``scaled:<id>``
    for each key result whose title OKR129 reads, ``kpi:<id>`` for each KPI
    in % with a reading between -1 and 1 (in its file or its data file) and
    each KPI with a check-in value a rule may read as a slip (OKR128 for a
    KPI in %, OKR124 beside the KPI's readings)."""
    watch: set[str] = set()
    kpis: list[KPI] = []
    read: set[str] = set()  # KPIs with a reading a rule may read as a slip
    for pf in parsed:
        rec = pf.record
        if isinstance(rec, CheckIn):
            watch.update(f"kr:{key}" for key, value in rec.values.items() if _slip_read(value))
            if rec.kpi is not None and rec.value is not None and _slip_read(rec.value):
                read.add(rec.kpi)
        elif isinstance(rec, Objective):
            watch.update(f"scaled:{kr.id}" for kr in rec.key_results if scaled_by_title(kr))
        elif isinstance(rec, KPI) and is_percent_unit(rec.unit):
            kpis.append(rec)
    for kpi in kpis:
        rows = csv_data.get(kpi.data or "") if kpi.data else None
        readings = [v for _, v in kpi.values] + ([v for _, v in rows[0]] if rows else [])
        if any(_slip_read(v) for v in readings):
            watch.add(f"kpi:{kpi.id}")
    # a check-in's 2.005 is weighed against its KPI's readings (OKR124), in any unit
    watch.update(f"kpi:{kpi_id}" for kpi_id in read)
    return tuple(sorted(watch))


def _quotes_current(d: Diagnostic, key_results: Sequence[str]) -> bool:
    """Whether ``d`` is OKR410 of one of ``key_results`` (by id), whose example
    quotes its current value: the latest check-in's (:func:`okrsite.quality._upward_from_zero`)."""
    return d.code == "OKR410" and any(f"key result {k!r} " in d.message for k in key_results)


def _measure(kr: KeyResult) -> tuple[Any, ...]:
    """What the value rules and OKR410 read of a key result."""
    return (kr.title, kr.start, kr.target, kr.current, kr.unit, kr.kind)


def figures_unwatched(
    old: ParsedFile,
    new: ParsedFile,
    watch: Sequence[str] | None,
    cross: Sequence[Diagnostic],
) -> bool:
    """Whether the figures this edit changes (its :func:`reading_class` is
    the same) change no finding of the last check: none is watched (see
    :func:`figure_watch`), and no finding that quotes them is there.
    ``watch`` ``None``: not known, so any changed figure counts."""
    before, after = old.record, new.record
    notes = set(watch or ())
    if isinstance(before, Objective) and isinstance(after, Objective):
        mine = {kr.id: kr for kr in before.key_results}
        for kr in after.key_results:
            was = mine.get(kr.id)
            if was is None or _measure(was) == _measure(kr):
                continue
            if watch is None or f"kr:{kr.id}" in notes or f"scaled:{kr.id}" in notes:
                return False
            if scaled_by_title(kr) or _says_down(kr) or _says_down(was):
                return False  # OKR129 may read it now; OKR410 quotes its figures
        return True
    if isinstance(before, CheckIn) and isinstance(after, CheckIn):
        moved = [k for k, v in after.values.items() if before.values.get(k) != v]
        if moved and watch is None:
            return False
        if any(_quotes_current(d, moved) for d in cross):
            return False  # its example quotes the key result's current value
        if any(f"scaled:{k}" in notes for k in moved):
            return False
        if after.kpi is not None and before.value != after.value:
            return watch is not None and f"kpi:{after.kpi}" not in notes
        return True
    if isinstance(before, KPI) and isinstance(after, KPI) and before.values != after.values:
        if after.data:
            return False  # a day also in its data file: OKR206 quotes both readings
        return watch is not None and f"kpi:{after.id}" not in notes
    return True
