"""OKR128 and OKR129: a figure off by the scale it was meant in.

OKR128: a check-in value for a key result in % written as a share of one.

``coverage: 0.65`` (or ``--set coverage=0,65``) for a key result that runs
from 40% to 80% reads as 0.65%, far below its start, and moves its
progress to 0 without a word, though the person meant 65%: spreadsheets
show 65% and hold 0.65. The confidence's slip (``0.7``) has OKR125 and a
thousandfold one OKR124; this is the hundredfold one. Its own module, as
:mod:`okrsite.resolve_checkins` is at its size limit; that module calls
:func:`hundredfold_slips` for each value it has checked. A KPI in % gets
the same slip (``okrsite pull`` writes a source's 0.037 as ``0.037%``),
checked by :mod:`okrsite.resolve_kpis_goals` with :func:`kpi_share_slip`.

A key result's own ``current:`` in its file (``current: 0.12`` beside
``start: 10``, ``target: 40``, ``unit: "%"``) and a SMART goal's measure
(``measure: {current: 0.12, unit: "%", target: 40}``) get the same
warning by the one rule of :func:`share_as_current`, which the parse of
each calls (:mod:`okrsite.title_figures`, :mod:`okrsite.parse_goals`).

OKR129: a bare check-in value beside a key result whose title writes its
figures with a magnitude (``16.5`` for ``ARR from $10M to $20M``), told by
:func:`okrsite.title_figures.scale_slip`; called from the same place.
"""

from __future__ import annotations

from collections.abc import Iterable

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import KPI, CheckIn, KeyResult
from okrsite.numbers import format_number
from okrsite.parse_measures import is_percent_unit


def hundredfold_slips(
    c: CheckIn, key: str, value: float, where: tuple[str, ...], kr: KeyResult | None
) -> list[Diagnostic]:
    """OKR128 when ``value`` lies between 0 and 1 for a numeric key result
    in % whose start and target are both above 1, and its hundredfold lies
    between them (0.65 for one running 40 → 80). A value written with its
    ``%`` (``0.65%``) says what it means, and is left alone. Also OKR129
    (:func:`scale_slips`)."""
    if kr is not None and not (key in c.percent or key in dict(c.units)):
        scaled = scale_slips(c, key, value, where, kr)
        if scaled:
            return scaled
    if (
        kr is None
        or kr.kind != "numeric"
        or not is_percent_unit(kr.unit)
        or key in c.percent
        or not 0 < value < 1
        or kr.start is None
        or kr.target is None
        or min(kr.start, kr.target) <= 1
    ):
        return []
    meant = value * 100
    if not min(kr.start, kr.target) <= meant <= max(kr.start, kr.target):
        return []
    return [
        warning(
            "OKR128",
            f"value of {key} is {value:g}, which reads as {value:g}%, though key result "
            f"{key!r} runs from {kr.start:g}% to {kr.target:g}%: a share of one "
            f"where a percentage belongs?",
            c.file,
            hint=f"write {meant:g}% (or {meant:g}) if you meant {meant:g}%",
            key_path=where,
        )
    ]


def scale_slips(
    c: CheckIn, key: str, value: float, where: tuple[str, ...], kr: KeyResult
) -> list[Diagnostic]:
    """OKR129 for a value written bare (``--set arr=17``) beside a key
    result whose start and target are its title's figures with a magnitude
    (``ARR from $10M to $20M``): 17 is $17, not 17 million."""
    # imported here: title_figures reads share_as_current from this module
    from okrsite.title_figures import scale_slip

    if kr.kind != "numeric":
        return []
    slip = scale_slip(f"value of {key}", value, kr.title, (kr.start, kr.target), kr.unit)
    if slip is None:
        return []
    return [warning("OKR129", slip[0], c.file, hint=slip[1], key_path=where)]


def share_as_current(
    whose: str, start: float | None, target: float | None, current: float | None
) -> tuple[str, str] | None:
    """OKR128's (message, hint) for a measure in % whose own ``current:`` is
    a bare figure between 0 and 1 while its target, and its start where one
    is written, are above 1 and its hundredfold lies between its start (0
    when left out, as it counts from 0) and its target (``current: 0.12``
    beside ``start: 10``, ``target: 40``, or beside ``target: 40`` alone):
    read as 0.12%, so it shows next to no progress though 12% was meant,
    as a sheet's 12% is pasted. ``whose`` names it in the message
    (``current of key result 'cov'``). The callers leave out a ``current:``
    written with its ``%``, which says what it means."""
    if target is None or current is None or not 0 < current < 1:
        return None
    low = 0.0 if start is None else start
    meant = float(f"{current * 100:.12g}")
    if target <= 1 or (start is not None and start <= 1):
        return None
    if not min(low, target) <= meant <= max(low, target):
        return None
    figure, shown = format_number(current), format_number(meant)
    return (
        f"{whose} is {figure}, which reads as {figure}%, though it runs from "
        f"{format_number(low)}% to {format_number(target)}%: a share of one where a "
        "percentage belongs?",
        f"write current: {shown}% (or {shown}) if you meant {shown}%",
    )


def kpi_share_slip(
    kpi: KPI, value: float, others: Iterable[float], what: str, file: str, **where: object
) -> Diagnostic | None:
    """OKR128 for a KPI in % whose reading ``value`` lies between -1 and 1
    while its target and thresholds are all above 1 and its hundredfold lies
    among them and its other readings (``0.037`` beside green at 3% and red
    at 5%, readings of 4.1%): a share of one, as a sheet or an API holds
    3.7%, read as 0.037% and healthy. ``where`` is the diagnostic's place
    (``line=`` or ``key_path=``)."""
    if not is_percent_unit(kpi.unit) or not 0 < abs(value) < 1:
        return None
    set_ = {"target": kpi.target, "green at": kpi.green, "red at": kpi.red}
    given = {name: figure for name, figure in set_.items() if figure is not None}
    if any(abs(figure) <= 1 for figure in given.values()):
        return None
    beside = [*given.values(), *(x for x in others if abs(x) > 1)]
    meant = float(f"{value * 100:.12g}")
    if not beside or not min(beside) / 2 <= abs(meant) <= max(beside) * 2:
        return None
    said = [f"{name} {format_number(figure)}%" for name, figure in given.items()]
    readings = sorted(x for x in others if abs(x) > 1)
    if readings:
        said.append(
            f"readings of {format_number(readings[0])}%"
            + (f" to {format_number(readings[-1])}%" if readings[-1] != readings[0] else "")
        )
    figure = format_number(value)
    return warning(
        "OKR128",
        f"{what} {figure}, which reads as {figure}%, though KPI {kpi.id!r} is in % "
        f"({', '.join(said)}): a share of one where a percentage belongs?",
        file,
        hint=f"write {format_number(meant)}% (or {format_number(meant)}) if you meant "
        f"{format_number(meant)}%",
        **where,  # type: ignore[arg-type]
    )
