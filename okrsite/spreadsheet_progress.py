"""A sheet's own Progress column, read beside the figures it was worked out from.

A sheet often carries the progress its author's formula worked out
(``54%``) beside the start, target and current figures. okrsite works
progress out itself, once, in :func:`okrsite.scoring_progress.numeric_progress`;
the sheet's column is read only to check the import: where the two disagree
by more than the rounding of a percentage, one of the row's figures was not
read as the sheet meant it (most often a start column under a name okrsite
does not know, so start is 0), and that is said at the cell (IMP220),
never left to show as a different figure on every page.

A Progress column that is a key result's only figure holds percentages
(``45%``, ``45``) or shares of one (``0.45``); a column mixing the two
(``0.45`` beside ``100``) reads two ways, and is said (IMP212).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrsite.diagnostics import Diagnostic, warning
from okrsite.numbers import format_number
from okrsite.scoring_compare import clamp
from okrsite.scoring_progress import numeric_progress
from okrsite.spreadsheet_row import SheetRow, column_letter, show_value

if TYPE_CHECKING:
    from okrsite.column_match import ColumnMap
    from okrsite.spreadsheet_import import KRPlan, ObjectivePlan

__all__ = ["check_progress_cell", "progress_only_scale"]

#: how far a sheet's progress may lie from okrsite's: a percentage rounded to
#: a whole one is off by half a point at most
_TOLERANCE = 0.01


def check_progress_cell(
    row: SheetRow,
    figures: tuple[float | None, float | None, float | None],
    sheet_progress: tuple[float | None, bool],
    kind: str | None,
) -> None:
    """IMP220 when the row's Progress cell disagrees with the progress of its
    (start, target, current) ``figures`` as okrsite works it out; a blank
    start counts from 0, as the imported key result does."""
    start, target, current = figures
    value, percent = sheet_progress
    if value is None or target is None or current is None or kind not in (None, "numeric"):
        return
    shown = value / 100 if percent or value > 1 else value
    worked, _ = numeric_progress(start or 0.0, target, current)
    if abs(clamp(shown) - worked) <= _TOLERANCE:
        return
    cols = row.cols
    said = (
        f"start {format_number(start)}"
        if start is not None
        else "start 0 (the sheet has no Start column okrsite reads)"
    )
    if "start" in cols.fields:
        hint = (
            f"check the row's figures in columns "
            f"{', '.join(column_letter(cols.fields[f]) for f in ('start', 'target', 'current'))}"
            " (a cost to bring down has its start above its target), or correct the "
            "Progress cell"
        )
    else:
        unread = ", ".join(repr(h) for h in cols.ignored)
        hint = (
            "if a column holds the start (a baseline), read it with --map 'COLUMN=start'"
            + (f" (columns not imported: {unread})" if unread else "")
            + "; else add a Start column"
        )
    row.warn(
        "progress",
        f"the sheet's progress {show_value(row.raw('progress'))} differs from the "
        f"{_percent(worked)} okrsite works out from {said}, target {format_number(target)} "
        f"and current {format_number(current)}: the figures are imported, and pages show "
        f"{_percent(worked)}",
        hint,
        code="IMP220",
    )


def _percent(share: float) -> str:
    return f"{format_number(round(share * 100, 1))}%"


def progress_only_scale(
    plans: list[ObjectivePlan], cols: ColumnMap, diags: list[Diagnostic]
) -> None:
    """A progress column without targets holds percentages: ``45%`` or ``45``
    are 45 of 100, and when every such figure lies in 0..1 the column holds
    fractions (``0.45``), so they are scaled to 0..100 alike. Shares of one
    (``0.45``) beside whole percentages (``100``) read two ways: imported as
    written (0.45 %, as the column's other figures are percentages) and said,
    naming the rows of each (IMP212)."""
    only = [(p.file, kr) for p in plans for kr in p.key_results if kr.progress_only]
    fractions = all(
        kr.current is not None and 0 <= kr.current <= 1 for _, kr in only if not kr.percent_marked
    )
    if not fractions:
        _mixed_scales(only, cols, diags)
    for _, kr in only:
        assert kr.current is not None
        if fractions and not kr.percent_marked:
            kr.current = round(kr.current * 100, 9)
        kr.kind, kr.start, kr.target = "numeric", 0.0, 100.0
        kr.unit = kr.unit or "%"


def _mixed_scales(
    only: list[tuple[str | None, KRPlan]], cols: ColumnMap, diags: list[Diagnostic]
) -> None:
    """IMP212 at the first share of one in a progress column of percentages."""
    shares = [
        (file, kr)
        for file, kr in only
        if not kr.percent_marked and kr.current is not None and 0 < kr.current <= 1
    ]
    if not any(0 < (kr.current or 0) < 1 for _, kr in shares):
        return  # 0 and 1 beside 100 are percentages too
    wholes = [kr for _, kr in only if kr.current and all(kr is not s for _, s in shares)]
    file, first = shares[0]
    index = cols.fields.get("progress", cols.fields.get("current", 0))
    small = [kr.current or 0.0 for _, kr in shares]

    def listed(krs: list[KRPlan]) -> str:
        rows = [f"row {kr.row} ({format_number(kr.current)})" for kr in krs[:6]]
        return ", ".join(rows) + (" …" if len(krs) > 6 else "")

    diags.append(
        warning(
            "IMP212",
            f"row {first.row}, column {column_letter(index)} {cols.headers[index]!r}: the "
            f"column mixes shares of one, {listed([kr for _, kr in shares])}, with "
            f"percentages, {listed(wholes)}: all are imported as percentages, so "
            + ", ".join(f"{format_number(n)} is {format_number(n)}%" for n in small[:3])
            + (" …" if len(small) > 3 else ""),
            file,
            line=first.row,
            column=index + 1,
            hint="write the column one way: as percentages ("
            + ", ".join(f"{format_number(round(n * 100, 9))}%" for n in small[:3])
            + "), or with the percent sign where a small figure is meant ("
            + ", ".join(f"{format_number(n)}%" for n in small[:3])
            + ")",
        )
    )
