"""A key result's figures read together with its unit, as a goal file reads them.

:class:`okrsite.spreadsheet_row.SheetRow` reads each cell alone; what a
figure means can depend on the row's unit and on its other figures, and a
sheet pasted together from several sources mixes them:

- money written whole beside a unit that holds a magnitude: ``€1.2M`` or
  ``1.200.000 €`` in a row whose Unit is ``k€`` is 1200 of it, as a goal
  file's ``current: €1.2M`` beside ``unit: k€`` is (read as written it
  would be 1,200,000 k€, a thousand times too large);
- a percentage in a row whose Unit is another (``10%`` beside ``points``):
  an error (IMP102), as a goal file's is (OKR121), never 10 points;
- shares of one beside percentages (``0.10``, ``0.40`` beside ``12%``):
  read as percentages alike (10, 40) and said (IMP212), where read as
  written the key result would be done (12 past 0.4); and figures all
  between 0 and 1 in a row whose unit is ``%`` (``0.1``, ``0.4``,
  ``0.12``), imported as written but said (IMP212), since they are most
  often shares of one.

Kept apart from :mod:`okrsite.spreadsheet_import`, which groups rows into
objectives, because this is about one row's figures and their unit.
"""

from __future__ import annotations

from okrsite.numbers import format_number
from okrsite.parse_figures import currency_of, magnitude_written, money_in_unit, unit_multiplier
from okrsite.parse_measures import is_percent_unit
from okrsite.spreadsheet_row import SheetRow, column_letter, show_value

__all__ = ["FIGURES", "Figures", "settle_figures"]

#: the fields of a key result's figures, in the order a message names them
FIGURES = ("start", "target", "current")

#: each figure field's number (``None``: blank or unreadable) and whether it
#: was written as a percentage
Figures = dict[str, tuple[float | None, bool]]


def settle_figures(
    row: SheetRow, unit: str | None, figures: Figures, from_progress: bool
) -> dict[str, float | None]:
    """The row's start, target and current as the key result counts them in
    ``unit`` (see the module's docstring); each problem is said at its cell.
    ``from_progress``: the current figure is a progress figure (0-100 %),
    which no unit counts."""
    figures = dict(figures)
    if from_progress:
        figures.pop("current", None)
    _percent_beside_unit(row, figures)
    if unit:
        _money_in_unit(row, unit, figures)
        if is_percent_unit(unit):
            _one_scale(row, unit, figures)
    return {fld: figures[fld][0] for fld in figures}


def _percent_beside_unit(row: SheetRow, figures: Figures) -> None:
    """IMP102 for a figure written as a percentage in a row whose Unit cell
    names another unit: nothing is converted (a goal file says OKR121)."""
    unit = row.text("unit")
    if unit is None or is_percent_unit(unit):
        return
    index = row.cols.fields["unit"]
    column = f"column {column_letter(index)} {row.cols.headers[index]!r}"
    for fld, (number, percent) in figures.items():
        if number is None or not percent:
            continue
        row.fail(
            fld,
            f"{show_value(row.raw(fld))} is written as a percentage, but the row's unit, "
            f"in {column}, is {unit!r}: nothing is converted",
            f"write the bare number ({format_number(number)}) if it counts {unit}, or % in "
            f"{column} if the row's figures are percentages",
        )
        figures[fld] = (None, False)


def _money_in_unit(row: SheetRow, unit: str, figures: Figures) -> None:
    """Money written whole, or in another magnitude, counted in a unit that
    holds a magnitude (``€1.2M``, ``1.200.000 €``, an .xlsx cell formatted
    ``#,##0 "€"`` holding 1200000, beside ``k€``: 1200), and a figure written
    with the unit's own spelling (``1200 k€``: 1200), by the rule a goal
    file's figures follow (:func:`okrsite.parse_figures.money_in_unit`). A
    bare figure (``1200``) is that many of the unit already."""
    if unit_multiplier(unit) == 1:
        return
    for fld, (number, percent) in figures.items():
        text = row.raw(fld)
        if number is None or percent or not isinstance(text, str):
            continue
        signs = currency_of(text)
        written = magnitude_written(text) or (signs if len(signs) == 1 else "")
        divide = money_in_unit(written, unit) if written else None
        if divide is not None:
            figures[fld] = (round(number / divide, 9), False)


def _one_scale(row: SheetRow, unit: str, figures: Figures) -> None:
    """A row in percent whose figures are on two scales: shares of one
    (``0.10``) beside percentages over 1 (``12%``) are read as percentages
    (10), since a key result's figures are on one scale, and said (IMP212);
    figures all between 0 and 1 with no percent sign beside a target are
    imported as written (0.1 %) and said, with both ways to write them."""
    given = {fld: fig for fld, fig in figures.items() if fig[0] is not None}
    shares = [f for f, (n, pct) in given.items() if not pct and n is not None and 0 < abs(n) <= 1]
    percents = [f for f, (n, pct) in given.items() if pct]
    if not shares:
        return
    if any(abs(given[f][0] or 0) > 1 for f in percents):
        read = {f: round((given[f][0] or 0) * 100, 9) for f in shares}
        for fld, number in read.items():
            figures[fld] = (number, True)
        row.warn(
            shares[0],
            " and ".join(f"{f} {format_number(given[f][0])}" for f in shares)
            + (" look like shares" if len(shares) > 1 else " looks like a share")
            + " of one beside "
            + " and ".join(f"{f} {format_number(given[f][0])}%" for f in percents)
            + ": a key result's figures are on one scale, so "
            + " and ".join(f"{f} is imported as {format_number(n)}%" for f, n in read.items()),
            "write them alike, as percentages ("
            + ", ".join(f"{format_number(n)}%" for n in read.values())
            + f"); if {' and '.join(shares)} {'are' if len(shares) > 1 else 'is'} meant as "
            "written, write the percent sign with "
            + ("them" if len(shares) > 1 else "it")
            + " ("
            + ", ".join(f"{format_number(given[f][0])}%" for f in shares)
            + ")",
            code="IMP212",
        )
        return
    if percents or "target" not in given or any(abs(n or 0) > 1 for n, _ in given.values()):
        return
    listed = [f"{f} {format_number(n)}" for f, (n, _) in given.items()]
    row.warn(
        shares[0],
        ", ".join(listed[:-1])
        + (" and " if len(listed) > 1 else "")
        + listed[-1]
        + f" all lie between 0 and 1 in a row whose unit is {unit}: they are imported as "
        + ", ".join(f"{format_number(n)}%" for n, _ in given.values())
        + ", not as shares of one",
        "if they are shares of one, write them as percentages ("
        + ", ".join(f"{format_number(round((n or 0) * 100, 9))}%" for n, _ in given.values())
        + "); to import them as written without this warning, write the percent sign with "
        "them (" + ", ".join(f"{format_number(n)}%" for n, _ in given.values()) + ")",
        code="IMP212",
    )
