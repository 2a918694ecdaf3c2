"""Figures ``okrsite checkin`` writes as the number the loader reads.

A bare figure typed after ``--set`` or ``--value`` (``1,520``, ``1.35M``)
is read by :func:`okrsite.authoring.number_or_text` and written as YAML
writes numbers. A figure typed with money, a percent or a unit
(``€1,400,000``, ``45%``, ``5 h``) was written as typed, for the loader to
hold to the key result's or KPI's unit, so one site's check-ins came out
written two ways (``revenue: 1.35`` beside ``revenue: "€1,400,000"``, both
1.4 M EUR as read), and a reader of the file had to work out the second.

Here such a check-in is read by the loader, as ``okrsite check`` reads it,
and each figure the loader reads without a finding of its own is written
as that number, in the key result's unit (``€1,400,000`` beside ``unit: M
EUR``: ``1.4``). The check-in so written is read again, and is written so
only when every such figure reads back as the same number with no new
finding; otherwise, and for a figure the loader refuses or warns of (a
percentage for a key result in euros, dollars beside euros), what was
typed is written, so the loader's diagnostic names it as the user wrote it.

A SMART goal's current value (``okrsite checkin GOAL --value``) is written
in its own file, not in a check-in, by the same rule
(:func:`goal_current_as_read`): ``€1,400,000`` beside ``unit: M EUR`` is
written ``current: 1.4``.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import click

from okrsite.authoring import AmbiguousFigure, new_findings, number_or_text, point_read_as_decimal
from okrsite.overlay import OverlayTree
from okrsite.pipeline import LoadResult, ParseCache, load

__all__ = [
    "figures_as_read",
    "goal_current_as_read",
    "say_point_read_as_decimal",
    "typed_figure",
]

#: the check-in's text, given its key results' values and a KPI's reading
TextOf = Callable[[dict[str, Any], Any], str]


def figures_as_read(
    root: Path,
    base: LoadResult,
    cache: ParseCache,
    rel: str,
    text_of: TextOf,
    values: dict[str, Any],
    reading: Any,
    *,
    beside: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], Any]:
    """``values`` (an objective's, by key result id) and ``reading`` (a
    KPI's) with each figure typed as text written as the number the loader
    reads it as, when it reads back so; what was typed otherwise. ``rel``
    is the check-in's path, ``text_of`` makes its text, ``beside`` other
    files written with it (an objective whose milestones it ticks)."""
    typed = {key for key, value in values.items() if isinstance(value, str)}
    if isinstance(reading, str):
        typed.add("value")
    if not typed:
        return values, reading
    numbers, flagged = _read(root, base, cache, rel, text_of(values, reading), beside)
    meant = {key: numbers[key] for key in typed if key in numbers and key not in flagged}
    if not meant:
        return values, reading
    as_numbers = {key: _plain(meant[key]) if key in meant else v for key, v in values.items()}
    as_reading = _plain(meant["value"]) if "value" in meant else reading
    again, flagged_again = _read(root, base, cache, rel, text_of(as_numbers, as_reading), beside)
    if any(
        key not in again or _plain(again[key]) != _plain(number) or key in flagged_again
        for key, number in meant.items()
    ):
        return values, reading  # not read back alike: written as typed, as the loader judges it
    return as_numbers, as_reading


def _read(
    root: Path,
    base: LoadResult,
    cache: ParseCache,
    rel: str,
    text: str,
    beside: Mapping[str, str] | None,
) -> tuple[dict[str, float], set[str]]:
    """The figures the loader reads in the check-in ``text`` at ``rel`` (by
    key result id, a KPI's reading as ``"value"``), and the keys that a new
    finding of the loader points at."""
    files = {**(beside or {}), rel: text}
    after = load(
        OverlayTree(root, {path: body.encode("utf-8") for path, body in files.items()}),
        base.as_of,
        cache=cache,
    )
    flagged: set[str] = set()
    for d in new_findings(base.diagnostics, after.diagnostics):
        if d.file == rel and d.key_path:
            flagged.add(str(d.key_path[-1]))
    found = next((c for c in after.scored.portfolio.checkins if c.file == rel), None)
    if found is None:
        return {}, flagged
    numbers = dict(found.values)
    if found.kpi is not None and found.value is not None:
        numbers["value"] = found.value
        if found.kpi in flagged:  # kpi: nps and nps: 44: the reading on the line of its id
            flagged.add("value")
    return numbers, flagged


def goal_current_as_read(
    root: Path,
    base: LoadResult,
    cache: ParseCache,
    rel: str,
    text_of: Callable[[Any], str],
    current: Any,
) -> Any:
    """A SMART goal's ``current`` typed as text (``€1,400,000``) as the number
    the loader reads it as in the goal's unit (``1.4`` beside ``unit: M
    EUR``), when it reads back so with no finding at it, as
    :func:`figures_as_read` writes a check-in's figures; what was typed
    otherwise. ``rel`` is the goal's file, ``text_of`` makes its text with
    a given current value."""
    if not isinstance(current, str):
        return current
    number, flagged = _goal_read(root, base, cache, rel, text_of(current))
    if number is None or flagged:
        return current  # refused or warned of: written as typed, as the loader judges it
    plain = _plain(number)
    again, flagged_again = _goal_read(root, base, cache, rel, text_of(plain))
    if again is None or flagged_again or _plain(again) != plain:
        return current
    return plain


def _goal_read(
    root: Path, base: LoadResult, cache: ParseCache, rel: str, text: str
) -> tuple[float | None, bool]:
    """The current value the loader reads in the goal file ``text`` at
    ``rel`` (None when it reads none), and whether a new finding of the
    loader points at it."""
    after = load(OverlayTree(root, {rel: text.encode("utf-8")}), base.as_of, cache=cache)
    flagged = any(
        d.file == rel and d.key_path and d.key_path[-1] == "current"
        for d in new_findings(base.diagnostics, after.diagnostics)
    )
    goal = next((g for g in after.scored.portfolio.goals.values() if g.file == rel), None)
    if goal is None or goal.measure is None:
        return None, flagged
    return goal.measure.current, flagged


def _plain(number: float) -> float | int:
    """``number`` as YAML writes it: a whole one without ``.0``, others to
    12 significant digits (1.4, never 1.4000000000000001)."""
    rounded = float(f"{number:.12g}")
    return int(rounded) if rounded.is_integer() and abs(rounded) < 2**53 else rounded


def typed_figure(
    option: str,
    raw: str,
    language: str,
    read: Callable[[str, str], Any] = number_or_text,
) -> Any:
    """A figure given with ``option`` (``--set kunden=1.234``), read as the
    site's language writes numbers; one the language does not tell how to
    read (``1.234`` in a French site) is a usage error with both readings,
    and one read as a decimal that may mean thousands (``131.500`` in an
    English site: 131.5) is written with the warning a file's gets (OKR124)."""
    shown = shlex.join(option.split(" ", 1))
    try:
        value = read(raw, language)
    except AmbiguousFigure as exc:
        raise click.UsageError(f"{shown}: {exc}") from None
    say_point_read_as_decimal(shown, raw, language)
    return value


def say_point_read_as_decimal(shown: str, raw: str, language: str) -> None:
    """The warning a file's ``131.500`` gets (OKR124), said of ``raw`` typed
    on the command line (``shown``: the option) or at a prompt (the answer),
    where the site's language reads its point as a decimal (English: 131.5)."""
    warned = point_read_as_decimal(raw, language)
    if warned is not None:  # 131.500 on an English site: 131.5, as a file's is, and said so
        click.echo(f"{shown}: warning OKR124: {warned[0]} (hint: {warned[1]})", err=True)
