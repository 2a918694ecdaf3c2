"""OKR409 and OKR129: a key result's title that says other figures than it counts.

Apart from :mod:`okrsite.parse_measures`, which reads a sentence's figures,
because comparing them with the key result's own is a concept of its own:
the title's figures are read as whole money (``from $1M to $2M``: 1,000,000)
where the key result may count in a magnitude of the same money (``unit:
$M``, ``k€``, ``M EUR``), so they are counted in its unit before they are
compared. OKR129 reads the same title's magnitude: a bare ``current: 16.5``
(or check-in value) beside ``from $10M to $20M`` is $16.50, though 16.5
million was meant, and the key result would read 0% without a word. A key
result with a ``unit:`` and no figures of its own counts its title's in
that unit (:func:`title_figures_in_unit`), the same reading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Protocol

from okrsite.diagnostics import Diagnostic, warning
from okrsite.model import KeyResult
from okrsite.numbers import csv_number, format_number
from okrsite.parse_fields import Path_, _Fields
from okrsite.parse_figures import (
    code_money,
    currency_of,
    is_money,
    magnitude_written,
    unit_multiplier,
)
from okrsite.parse_measures import _written_out, is_percent_unit, title_figures
from okrsite.percent_shares import share_as_current
from okrsite.units import same_unit
from okrsite.written_numbers import CURRENCY_SIGNS


def _money(unit: str) -> tuple[str, float] | None:
    """The currency of a unit of money (``$``, ``k€``, ``Mio €``, and written
    with a code: ``EUR``, ``M EUR``, ``Mio. USD``) and what it multiplies by
    (1, 1000, 1,000,000), or ``None`` for any other unit (``€/h``, ``k``)."""
    if is_money(unit):  # as a KPI-linked key result's figures are counted
        return currency_of(unit), unit_multiplier(unit)
    return None


def _counted_in(value: float, unit: str, into: str) -> float | None:
    """``value`` in ``unit`` counted in ``into`` when both are one currency's
    money, each in a magnitude or none (1,200,000 in ``EUR`` is 1.2 in ``M
    EUR``; 1,000,000 in ``$`` is 1 in ``$M``); else ``None``."""
    ours, theirs = _money(unit), _money(into)
    if ours is None or theirs is None or ours[0] != theirs[0]:
        return None
    counted = value * ours[1] / theirs[1]
    return float(f"{counted:.12g}")  # 1.2000000000000002 is 1.2


#: a figure's lowercase m or mn of million (``£10m``, ``$10 mn``), read as M
#: beside a unit of money that writes its millions so (:func:`_millions_meant`)
_LOWER_MILLION = re.compile(r"(?<=\d)(\s?)(?:mn|m)(?![^\W\d_])")


def _millions_meant(unit: str) -> str:
    """``unit`` with a lowercase m or mn of million written as okrsite reads
    one (``£m`` is ``£M``, ``$mn`` is ``$M``, ``m €`` is ``M €``): beside a
    currency sign it says million, as money is never counted in metres.
    Any other unit as it is (``m`` alone may be metres)."""
    coded = code_money(unit.strip())  # EURm, GBP m: a code's lowercase m is million too
    if coded is not None:
        return unit.replace(coded[1], "M", 1) if coded[1] in ("m", "mn") else unit
    sign = currency_of(unit)
    if len(sign) != 1:
        return unit
    rest = "".join(unit.split()).replace(sign, "")
    return unit.replace(rest, "M", 1) if rest in ("m", "mn") else unit


def title_figures_in_unit(title: str, unit: str) -> dict[str, Any]:
    """The start and target a key result's title says, counted in the ``unit:``
    written beside it, as the person meant by writing the unit: ``{title:
    ARR from $10M to $20M, unit: $M}`` runs from 10 to 20 $M, and so does
    ``from 10 to 20`` with ``unit: $M``. A title whose figures carry the
    magnitude a unit holds counts in it too, money or not (``Users from 10k
    to 20k`` beside ``unit: k``: 10 to 20, so that ``current: 16.5`` and a
    check-in's ``16.5k`` are 65%), and a lowercase m is million beside a
    unit of money that writes it so (``from £10m to £20m`` beside ``unit:
    £m``: 10 to 20). A title whose figures are of another unit (``from 300
    to 200 ms`` with ``unit: s``) says nothing okrsite can count in it: none
    then (``{}``), and the key result is measured as if the title gave no
    figures."""
    meant = _millions_meant(unit)
    if meant != unit:  # £10m beside unit: £m, which says a lowercase m is million
        title = _LOWER_MILLION.sub(r"\1M", title)
    read = title_figures(title)
    if read is None:
        return {}
    found, said = read
    start, target, word = said["start"], said["target"], said.get("unit")
    if word is not None and word != unit and not same_unit(word, unit):
        counted = [_counted_in(figure, word, meant) for figure in (start, target)]
        if counted[0] is None or counted[1] is None:
            return {}
        return {"start": counted[0], "target": counted[1]}
    times = unit_multiplier(meant)
    if word is None and times != 1 and any(magnitude_written(found[s]) for s in "ab"):
        # from 10k to 20k beside unit: k: whole figures as read, counted in thousands
        return {"start": _tidy(start / times), "target": _tidy(target / times)}
    return {"start": start, "target": target}


def _tidy(value: float) -> float:
    return float(f"{value:.12g}")  # 16500 / 1000 is 16.5, never 16.499999999999998


class _Warns(Protocol):
    """Where OKR409 is said: a file's parse (:class:`okrsite.parse_fields._Fields`)
    or a resolved key result's file (:func:`kpi_title_figures_unlike`)."""

    def warn(self, code: str, msg: str, path: Path_, hint: str | None = None) -> None: ...


class _ResolvedWarnings:
    """Warnings about one objective's file, said once its references are resolved."""

    def __init__(self, file: str, diags: list[Diagnostic]) -> None:
        self.file, self.diags = file, diags

    def warn(self, code: str, msg: str, path: Path_, hint: str | None = None) -> None:
        self.diags.append(warning(code, msg, self.file, hint=hint, key_path=path))


def kpi_title_figures_unlike(kr: KeyResult, unit: str, file: str, diags: list[Diagnostic]) -> None:
    """OKR409 for a key result measured by a KPI with no ``unit:`` of its
    own: its figures count in the KPI's ``unit`` (``start: 180, target:
    250`` beside a KPI in ``$k``), which the parse of its file cannot know,
    so its title (``MRR from $180k to $250k``) is compared with them only
    once the KPI is linked; read as whole dollars, the title would be
    "from 180,000" and the warning's hint would break a right key result."""
    if kr.kind != "numeric":
        return
    path = ("key_results", kr.index)
    title_figures_unlike(
        _ResolvedWarnings(file, diags),
        {"title": kr.title},
        path,
        kr.id,
        (kr.start, kr.target),
        unit,
    )


def title_figures_unlike(
    f: _Warns,
    item: Mapping[str, Any],
    path: Path_,
    kr_id: str,
    figures: tuple[float | None, float | None],
    unit: str,
) -> None:
    """OKR409: a numeric key result whose title says where it starts and ends
    (``Deploys from 10 to 40``, read as
    :func:`okrsite.parse_measures._written_out` reads a key result's
    sentence) while its own ``start:`` and ``target:`` count otherwise: a
    start left out is 0 (``target: 40`` alone counts 22 as 55% where the
    title means 40%), or a figure differs (``target: 50%``). The figures
    count, the title is what readers see: one of the two is a slip. Said
    only where both are in one unit, or in one currency's money that the
    title writes whole (``from $1M to $2M`` beside ``unit: $M``: from 1 to
    2), and never where a figure is an error of its own already."""
    start, target = figures
    title = item.get("title")
    if target is None or not isinstance(title, str) or (start is None and "start" in item):
        return
    if not any(c.isdigit() for c in title):
        return  # the usual title, with no figures to read
    said = _written_out(title)
    title_unit = str(said.get("unit", ""))
    if unit and not (is_percent_unit(title_unit) and is_percent_unit(unit)):
        in_ours = title_figures_in_unit(title, unit)
        if not in_ours:
            return  # no figures okrsite can count in the unit: it converts nothing else
        if [in_ours["start"], in_ours["target"]] != [said.get("start"), said.get("target")]:
            said, title_unit = {**said, **in_ours}, unit  # $1M in $M is 1; 10k in k is 10
    if not isinstance(said.get("target"), float) or not isinstance(said.get("start"), float):
        return  # no "from … to …" (or "from 1.2m to 2m", refused as no figures)
    counted = {"start": 0.0 if start is None else start, "target": target}
    wrong = [
        key
        for key in ("start", "target")
        if abs(counted[key] - said[key]) > 1e-9 * max(1, abs(said[key]))
    ]
    if not wrong:
        return
    shown_unit = unit or title_unit

    def shown(value: float, suffix: str) -> str:
        return format_number(value) + ("" if suffix in ("", "%") else " ") + suffix

    f.warn(
        "OKR409",
        f"key result {kr_id!r} "
        + ("has no start:, so it " if start is None else "")
        + f"counts from {shown(counted['start'], shown_unit)} to {shown(target, shown_unit)}, "
        f"but its title says from {shown(said['start'], title_unit)} to "
        f"{shown(said['target'], title_unit)}",
        (*path, "target" if wrong == ["target"] else "start" if start is not None else "title"),
        hint="write "
        + " and ".join(
            f"{key}: {csv_number(said[key])}{'%' if is_percent_unit(title_unit) else ''}"
            for key in wrong
        )
        + ", or fix the title",
    )


@lru_cache(maxsize=4096)  # a key result's check-ins ask of one title again and again
def _title_scale(title: str) -> tuple[float, str, str, str, float, float] | None:
    """What a title's "from … to …" multiplies its figures by (``from $10M
    to $20M``: 1,000,000), the magnitude as written without its currency
    (``M``, ``Mio``), the start and target as the title writes them, and
    the whole figures read from it; ``None`` for a title whose figures
    carry no magnitude."""
    read = title_figures(title)
    if read is None:
        return None
    found, said = read
    written = magnitude_written(found["b"])
    times = unit_multiplier(written or "")
    if written is None or times == 1:
        return None
    word = "".join(c for c in written if c not in CURRENCY_SIGNS).strip()
    after = f" {found['ub'].strip()}" if found["ub"] else ""
    return (
        times,
        word,
        found["a"].strip(),
        found["b"].strip() + after,
        said["start"],
        said["target"],
    )


def scale_slip(
    what: str, value: float, title: str, figures: tuple[float | None, float | None], unit: str
) -> tuple[str, str] | None:
    """OKR129's message and hint when ``value``, a figure written bare (no
    unit, no magnitude), lies outside the key result's range but within it
    once scaled by the magnitude its title writes: ``current: 16.5`` beside
    ``ARR from $10M to $20M`` counts as $16.50, far below the start, so the
    key result reads 0% where 16.5 million was meant. Only where the key
    result counts the title's whole figures (its start and target are the
    title's), so a key result in ``$M`` counting 16.5 is never told so."""
    start, target = figures
    if start is None or target is None:
        return None
    low, high = min(start, target), max(start, target)
    if low <= value <= high:
        return None  # the usual value: no title read (a check in every check-in's value)
    scale = _title_scale(title)
    if scale is None:
        return None
    times, word, start_written, target_written, said_start, said_target = scale
    if abs(start - said_start) > 1e-9 * abs(said_start) or abs(target - said_target) > 1e-9 * abs(
        said_target
    ):
        return None
    meant = float(f"{value * times:.12g}")
    if not low <= meant <= high:
        return None
    figure = csv_number(value)
    bare = f"{figure} {word}" if len(word) > 1 and word.isalpha() else f"{figure}{word}"
    as_title = re.sub(r"\d[\d.,'\u00a0 ]*\d|\d", figure, target_written, count=1)
    sign = unit.strip()
    shown = (
        f"{sign}{value:,.2f}"
        if len(sign) == 1 and sign in CURRENCY_SIGNS
        else format_number(value) + (f" {sign}" if sign else "")
    )
    return (
        f"{what} is {figure}, which reads as {shown} beside the title's {start_written} → "
        f"{target_written}, outside them, though {bare} lies between them: "
        f"a figure in {word} written without its {word}?",
        f"write {bare}" + (f" (or {as_title})" if as_title != bare else ""),
    )


def current_beside_title(
    f: _Fields,
    item: Mapping[str, Any],
    path: Path_,
    kr_id: str,
    figures: tuple[float | None, float | None, float | None],
    unit: str,
) -> None:
    """OKR129 for a key result's own ``current:`` written as a bare number
    (:func:`scale_slip`); a figure written with its magnitude or money
    (``16.5M``, ``$16.5M``) says what it means and is left alone."""
    start, target, current = figures
    raw, title = item.get("current"), item.get("title")
    if is_percent_unit(unit) and not (isinstance(raw, str) and "%" in raw):
        _share_as_current(f, item, path, kr_id, figures)  # 0.12 beside 10% → 40%
    if current is None or isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return
    if not isinstance(title, str):
        return
    slip = scale_slip(f"current of key result {kr_id!r}", current, title, (start, target), unit)
    if slip is not None:
        f.warn("OKR129", slip[0], (*path, "current"), hint=slip[1])


def _share_as_current(
    f: _Fields,
    item: Mapping[str, Any],
    path: Path_,
    kr_id: str,
    figures: tuple[float | None, float | None, float | None],
) -> None:
    """OKR128 for a key result in % whose own ``current:`` is a bare figure
    between 0 and 1 while its target (and start, where written) is above 1
    and its hundredfold lies between its start (0 when left out) and target
    (``current: 0.12`` beside ``start: 10``, ``target: 40``; the rule:
    :func:`okrsite.percent_shares.share_as_current`, which a SMART goal's
    measure is told by too). The check-in value's slip has the same warning
    (:func:`okrsite.percent_shares.hundredfold_slips`); figures written
    partly with their ``%`` are OKR127's already."""
    start, target, current = figures
    if any(isinstance(item.get(key), str) and "%" in item[key] for key in ("start", "target")):
        return  # start: 10%, current: 0.12: OKR127 says so
    slip = share_as_current(f"current of key result {kr_id!r}", start, target, current)
    if slip is not None:
        f.warn("OKR128", slip[0], (*path, "current"), hint=slip[1])
