"""Turn the rows of an OKR spreadsheet into planned objectives and key results.

One row per key result; the objective's columns are either repeated on every
row or filled only on its first row and left blank below (both layouts are
common). Every cell that cannot be read becomes a located diagnostic (the
file, the row number, the column), and all of them are reported, so a person
fixes the sheet once. Nothing here touches the disk: :mod:`okrsite.import_files`
turns the plans into files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from okrsite import cycles
from okrsite.column_match import ColumnMap
from okrsite.confidence_words import CONFIDENCE_FORMS_HINT
from okrsite.cycle_names import quarter_of
from okrsite.diagnostics import Diagnostic, error
from okrsite.import_status import status_of
from okrsite.model import Cycle
from okrsite.parse import confidence_word
from okrsite.parse_checkins import _out_of as out_of_scale
from okrsite.slug import slugify
from okrsite.spreadsheet_cells import split_owners
from okrsite.spreadsheet_cycle import cycle_cell, normalise_cycle
from okrsite.spreadsheet_dates import column_order
from okrsite.spreadsheet_figures import settle_figures
from okrsite.spreadsheet_header import group_cycle, second_header_row
from okrsite.spreadsheet_numbers import NumberConvention
from okrsite.spreadsheet_progress import check_progress_cell, progress_only_scale
from okrsite.spreadsheet_read import Sheet
from okrsite.spreadsheet_repeated_rows import repeated_key_result
from okrsite.spreadsheet_row import SheetRow, column_letter, show_value
from okrsite.spreadsheet_stray import stray_cells, stray_warning
from okrsite.spreadsheet_type_column import type_column_layout
from okrsite.written_numbers import CURRENCY_SIGNS
from okrsite.written_yes_no import written_done, yes_no

__all__ = ["KRPlan", "ObjectivePlan", "normalise_cycle", "plan_rows", "split_owners"]

KR_KINDS = ("numeric", "milestones", "boolean", "stay_above", "stay_below", "rollup")
TRUE_WORDS = {"yes", "y", "true", "done", "complete", "completed", "achieved", "x", "✓", "✔"}
FALSE_WORDS = {"no", "n", "false", "not done", "open", "todo", "pending", "incomplete"}
# a German team's sheet, whose headers are read on every site, says it in German
TRUE_WORDS |= {"ja", "erledigt", "fertig", "erreicht", "abgeschlossen", "wahr"}
FALSE_WORDS |= {"nein", "offen", "nicht erledigt", "nicht erreicht", "ausstehend", "falsch"}


@dataclass
class KRPlan:
    """A key result read from one row (``None``: the cell was blank)."""

    row: int
    title: str
    kr_id: str | None = None
    kind: str | None = None
    start: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str | None = None
    weight: float | None = None
    score: float | None = None
    status: str | None = None
    owner: str | None = None
    done: bool | None = None
    progress_only: bool = False  # a bare progress figure: a key result from 0 to 100
    percent_marked: bool = False
    note: str | None = None  # the row's Notes cell


@dataclass
class ObjectivePlan:
    """An objective read from its first row, with the key results of all its rows."""

    row: int
    title: str
    oid: str | None = None
    cycle: str | None = None
    cycle_column: int | None = None  # the column the cycle was read from
    cycle_header: str | None = None
    owner: str | None = None
    owner_cell: str | None = None  # as written, before co-owners were left out
    team: str | None = None
    parent: str | None = None
    parent_column: int | None = None
    commitment: str | None = None
    weight: float | None = None
    status: str | None = None
    confidence: float | None = None
    confidence_row: int | None = None  # the row its confidence was read from
    key_results: list[KRPlan] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # of its rows without a key result
    file: str | None = None  # where its rows are (``okrs.xlsx[Sales]``), for messages
    #: the columns of its sheet, for messages that name a cell (None: a portfolio.json)
    columns: ColumnMap | None = field(default=None, repr=False, compare=False)


def plan_rows(
    sheet: Sheet,
    cols: ColumnMap,
    file: str,
    convention: NumberConvention | None = None,
    *,
    progress_column: bool = False,
    known_cycles: Mapping[str, Cycle] | None = None,
) -> tuple[list[ObjectivePlan], list[Diagnostic]]:
    """Group the rows into objectives; read every cell, reporting each bad one.

    ``convention`` is the file's decimal mark (:func:`okrsite.spreadsheet_numbers.file_convention`);
    ``progress_column``: the column read as the current figures is a Progress
    column (the sheet has no Current column), so its figures are 0-100 %;
    ``known_cycles``: the site's own cycles, which a row's Due date is checked
    against when its cycle cell names one.

    Rows name the same objective when they give its title (or id) and the same
    cycle and team, or leave the cycle or team blank: a title repeated under
    another team is that team's objective, never merged into the first."""
    diags: list[Diagnostic] = []
    by_type = type_column_layout(sheet, cols)  # Viva Goals' objective and KR rows
    if by_type is not None:
        diags.append(error("IMP002", by_type[0], file, line=sheet.header_row, hint=by_type[1]))
        return [], diags
    if "objective" not in cols.fields and "objective_id" not in cols.fields:
        diags.append(
            error(
                "IMP002",
                "no column names the objective; found: "
                + ", ".join(repr(h) for h in sheet.headers if h),
                file,
                line=sheet.header_row,
                hint="name a column Objective (or Goal, O), or pass --map 'YOUR HEADER=objective'",
            )
        )
        return [], diags
    plans: list[ObjectivePlan] = []
    by_name: dict[str, list[ObjectivePlan]] = {}
    current: ObjectivePlan | None = None
    slashes = {
        fld: column_order(cells[cols.fields[fld]] for _, cells in sheet.rows)
        for fld in _DATE_FIELDS
        if fld in cols.fields
    }
    stray = stray_cells(sheet, cols)
    # a cycle written once, as the group label over the figures' columns
    label_cycle, said = group_cycle(sheet, cols, file, known_cycles or {})
    diags += said
    for number, cells in sheet.rows:
        row = SheetRow(cells, number, cols, file, diags, convention, slashes, progress_column)
        if row.totals():
            continue
        for index, value, beyond in stray.get(number, ()):
            diags.append(stray_warning(file, number, index, value, beyond, cols.headers))
        title, oid = row.text("objective"), row.text("objective_id")
        if not (title or oid) and row.unread_formula("objective", "objective_id"):
            # its objective is a formula's result nobody stored: the row would
            # join the objective above, which it may not belong to (IMP205 said)
            continue
        cycle, given_by = _row_cycle(row, known_cycles or {}, label_cycle)
        if title or oid:
            name = (oid or title or "").casefold()
            # an id names one objective, whatever team a row gives it
            team = None if oid else _team_key(row.text("team"))
            named = by_name.setdefault(name, [])
            found = _same_objective(named, current, cycle, team)
            if found is None:
                current = _objective(row, title or oid or "", oid, cycle, given_by)
                named.append(current)
                plans.append(current)
            else:
                current = found
                _later_confidence(row, current)
        elif current is None:
            names = second_header_row(cells)
            row.fail(
                "objective" if "objective" in cols.fields else "objective_id",
                "the first row of an objective needs its title"
                + (
                    f"; row {number} looks like a second header row (it names "
                    + ", ".join(repr(n) for n in names)
                    + ")"
                    if names
                    else ""
                ),
                "keep one header row: write each column's name in it (Start, Target, Current "
                "rather than a label over them)"
                if names
                else None,
                code="IMP101",
            )
            continue
        else:
            _later_confidence(row, current)
        kr = _key_result(row, current)
        if kr is not None:
            repeated_key_result(row, current, kr)
            current.key_results.append(kr)
        elif (note := row.note()) is not None:
            current.notes.append(note)
    progress_only_scale(plans, cols, diags)
    return plans, diags


#: the fields whose cells may be dates, read with their column's day-order rule
_DATE_FIELDS = ("due", "cycle")


def _team_key(team: str | None) -> str | None:
    """A Team cell as the id it becomes (``Customer Success`` and ``customer
    success`` are one team); None for a blank cell or one with no name in it."""
    return (slugify(team) or None) if team else None


def _same_objective(
    named: list[ObjectivePlan],
    current: ObjectivePlan | None,
    cycle: str | None,
    team: str | None,
) -> ObjectivePlan | None:
    """The objective of this title (``named``, in the order read) a row
    repeating the title belongs to: one of the row's cycle and team, where
    it names them; a blank cycle or team cell (the objective's columns
    filled only on its first rows) takes the nearest above, the previous
    row's objective first. With another cycle or team, it is another objective."""

    def fits(plan: ObjectivePlan) -> bool:
        return (cycle is None or plan.cycle == cycle) and (
            team is None or _team_key(plan.team) == team
        )

    if current is not None and any(plan is current for plan in named) and fits(current):
        return current
    return next((plan for plan in reversed(named) if fits(plan)), None)


def _row_cycle(
    row: SheetRow, known: Mapping[str, Cycle], label_cycle: str | None = None
) -> tuple[str | None, str | None]:
    """The cycle a row names, and the field of the cell it was read from: its
    cycle cell's, else the sheet's group label's (``Q3 2026`` over its
    figures; no cell of the row), else its Due date's quarter."""
    cycle = cycle_cell(row, known)
    if cycle:
        if "due" in row.cols.fields:
            _due_outside(row, cycle, known)
        return cycle, "cycle"
    if label_cycle:
        return label_cycle, None
    due = row.day("due")
    return (quarter_of(due, known), "due") if due else (None, None)


def _due_outside(row: SheetRow, cycle: str, known: Mapping[str, Cycle]) -> None:
    """A Due date beside a cycle cell gives no cycle (the cycle cell does), and
    okrsite keeps no due date of a key result: one outside the cycle is a
    contradiction in the sheet, said (IMP209) rather than dropped unseen. A
    cycle the site does not know is reported on its own (IMP108)."""
    due = row.day("due")
    span = cycles.lookup(cycle, known) if due is not None else None
    if due is None or span is None or span.start <= due <= span.end:
        return
    column = f"column {column_letter(row.cols.fields['cycle'])} {row.cols.header('cycle')!r}"
    quarter = quarter_of(due, known)
    row.warn(
        "due",
        f"due date {due.isoformat()} lies outside cycle {cycle} "
        f"({span.start.isoformat()} to {span.end.isoformat()}), which {column} names: "
        f"the cycle {cycle} is imported, as the cycle cell names it, and the due date is "
        "not imported (a Due date gives the cycle only where the cycle cell is blank)",
        f"if the due date is right, write {quarter} in {column}; else correct the due date "
        f"to a day of {cycle}",
        code="IMP209",
    )


def _confidence(row: SheetRow) -> float | None:
    """The row's Confidence cell on the 0-10 scale (IMP105 outside it), in
    the forms a check-in takes: a word, ``7/10`` (``4/5``, ``8 of 10``), a
    number or a percentage; text that is none gets the hint naming them."""
    text = row.text("confidence") or ""
    word = confidence_word(text)
    if word is None and isinstance(row.raw("confidence"), str):
        word = out_of_scale(text)  # "7/10", as people write it: read as a check-in's
    confidence, percent = (
        (word, False) if word is not None else row.number("confidence", CONFIDENCE_FORMS_HINT)
    )
    if confidence is not None and (percent or 0 < confidence < 1):
        # 70% or 0.7 of certainty: the 0-10 scale's 7
        confidence = round(confidence / 10 if percent else confidence * 10, 6)
    if confidence is not None and not 0 <= confidence <= 10:
        row.fail(
            "confidence",
            f"confidence {confidence:g} is outside 0-10",
            "write a whole number from 0 (no chance) to 10 (sure), a word (low, medium, "
            "high) or a score out of its scale (7/10, 4/5)",
            code="IMP105",
        )
        confidence = None
    return confidence


def _later_confidence(row: SheetRow, obj: ObjectivePlan) -> None:
    """A Confidence cell on a later row of an objective (sheets often have one
    per key result): the objective's check-in takes the first one given, and
    one that differs from it is said not to be imported, never dropped silently."""
    confidence = _confidence(row)
    if confidence is None:
        return
    if obj.confidence is None:
        obj.confidence, obj.confidence_row = confidence, row.row_no
    elif confidence != obj.confidence:
        row.warn(
            "confidence",
            f"confidence {confidence:g} is not imported: an objective has one confidence, "
            f"and row {obj.confidence_row} gave it {obj.confidence:g}",
            "keep one confidence per objective; a key result's own confidence goes in a "
            "check-in's note",
            code="IMP203",
        )


def _objective(
    row: SheetRow, title: str, oid: str | None, cycle: str | None, given_by: str | None
) -> ObjectivePlan:
    confidence = _confidence(row)
    weight, _ = row.number("objective_weight")
    status = status_of(row, "objective_status")
    return ObjectivePlan(
        row=row.row_no,
        file=row.file,
        title=title,
        oid=oid,
        cycle=cycle,
        cycle_column=row.cols.fields[given_by] if cycle and given_by else None,
        cycle_header=row.cols.header(given_by) if cycle and given_by else None,
        owner=row.owner("an objective"),
        owner_cell=row.text("owner"),
        team=row.text("team"),
        parent=row.text("parent"),
        parent_column=row.cols.fields.get("parent"),
        commitment=row.word("commitment", ("committed", "aspirational")),
        weight=weight,
        status=status,
        confidence=confidence,
        confidence_row=row.row_no if confidence is not None else None,
        columns=row.cols,
    )


def _key_result(row: SheetRow, obj: ObjectivePlan) -> KRPlan | None:
    title = row.text("key_result")
    start, start_pct = row.number("start")
    kind = row.word("kind", KR_KINDS)
    current_text = row.text("current")
    target: float | None
    current: float | None
    done = _written_done(row, start, kind)
    if done is not None:  # Target 'done', Current 'not done': a yes/no key result
        target, target_pct, current, current_pct = None, False, None, False
        kind = kind or "boolean"
    else:
        target, target_pct = row.number("target", _yes_no_target_hint(row))
        if current_text and current_text.lower() in TRUE_WORDS | FALSE_WORDS and target is None:
            done, current, current_pct = current_text.lower() in TRUE_WORDS, None, False
            kind = kind or "boolean"
        else:
            current, current_pct = row.number("current")
    # a figure of a Progress column is a percentage, whether or not it says so
    from_progress = row.progress_column and current is not None
    progress, progress_pct = row.number("progress")
    if progress is not None:
        if all(v is None for v in (kind, start, target, current, done)):
            # measured by its progress figure alone: a key result from 0 to 100 %
            current, current_pct, from_progress = progress, progress_pct, True
        elif current is None and done is None and "current" not in row.failed:
            row.warn(
                "progress",
                f"{show_value(row.raw('progress'))} is not imported: this key result is measured "
                "by its figures, and its current figure is blank",
                f"write its current value in column "
                f"{column_letter(row.cols.fields['current'])}, or clear its start and target "
                "to import the progress as 0-100 %"
                if "current" in row.cols.fields
                else "write its current value",
                code="IMP202",
            )
        # with a current figure, progress is worked out from it
    weight, weight_pct = row.number("weight")
    if (
        weight is not None and weight_pct
    ):  # 50%: a share of the default weight, as goal files read it
        weight /= 100
    score, score_pct = row.number("score")
    if score is not None and score_pct:
        score /= 100
    if score is not None and not 0 <= score <= 1:
        row.fail(
            "score",
            f"score {score:g} is outside 0-1",
            "write the end-of-cycle grade from 0 to 1 (0.7) or as a percentage (70%)",
            code="IMP105",
        )
    status = status_of(row, "kr_status")
    # the objective's owner repeated on its rows is not the key result's own;
    # a KR owner column (okrsite's export has one) names it
    if "kr_owner" in row.cols.fields:
        owner = row.owner("a key result", "kr_owner")
    else:
        owner = row.owner("a key result") if row.text("owner") != obj.owner_cell else None
    unit = row.text("unit") or row.written_unit
    measured = any(v is not None for v in (start, target, current, done, kind))
    if title is None:
        if measured and "key_result" not in row.cols.fields:
            row.fail(
                "objective",
                "this row has key result values, but the sheet has no Key result column "
                "to give them a title",
                "put the key results' titles in a column of their own (Key result), one row "
                "per key result, or indent them under their objective's title with leading "
                "spaces (see docs/import.md)",
                code="IMP101",
            )
        elif measured:
            row.fail(
                "key_result" if "key_result" in row.cols.fields else "objective",
                "this row has key result values but no key result title",
                "give the key result its title; a totals row is left out (IMP207) "
                "when its objective or key result cell says Total (or Summe), so label "
                "it so or delete it",
                code="IMP101",
            )
        return None
    if unit is None and (target_pct or current_pct) and kind not in ("milestones", "boolean"):
        unit = "%"
    if unit is None and kind not in ("milestones", "boolean"):
        unit = _currency(row, ("start", "target", "current"))
    if kind not in ("milestones", "boolean"):
        # €1.2M beside k€ is 1200; 10% beside points an error; 0.1 beside 12% is 10%
        figures = {"start": (start, start_pct), "target": (target, target_pct)}
        settled = settle_figures(
            row, unit, {**figures, "current": (current, current_pct)}, from_progress
        )
        start, target = settled["start"], settled["target"]
        current = settled.get("current", current)
        if not from_progress and done is None:
            check_progress_cell(row, (start, target, current), (progress, progress_pct), kind)
    progress_only = (
        kind is None
        and target is None
        and start is None
        and current is not None
        and (from_progress or (unit or "").casefold() in _PERCENT_UNITS)
    )
    if (
        kind is None
        and target is None
        and not progress_only
        and _has_figures(start, current)
        # an unreadable figure is its own error (IMP102): a target that is
        # there but not a number is not missing, nor is a row's start half said
        and not row.failed & {"start", "target", "current"}
    ):
        _no_target(row, title, start, current, unit)
    return KRPlan(
        row=row.row_no,
        title=title,
        kr_id=row.text("kr_id"),
        kind=kind,
        start=start,
        target=target,
        current=current,
        unit=unit,
        weight=weight,
        score=score,
        # the export repeats a dropped objective's status on its key results
        status=status if status != obj.status else None,
        owner=owner if owner and owner != obj.owner else None,
        done=done,
        progress_only=progress_only,
        percent_marked=current_pct,
        note=row.note(),
    )


def _written_done(row: SheetRow, start: float | None, kind: str | None) -> bool | None:
    """A yes/no key result written with a yes/no word as its target (``done``,
    ``yes``, ``ja``) and as its current value (``not done``, ``no``, or
    blank), read by the rule a goal file's ``target: done`` is
    (:func:`okrsite.written_yes_no.written_done`): whether it is done, or
    ``None`` for any other row, whose target is read as a number. Not with a
    start figure beside it, as a goal file's ``start:`` makes it numeric."""
    if start is not None or "start" in row.failed or kind not in (None, "boolean"):
        return None
    return written_done(row.text("target"), row.text("current"), _done_word)


def _done_word(text: str) -> bool | None:
    """A Current cell's yes/no word: the import's words (``open``,
    ``pending``, ``offen``, …), else those a goal file takes (``oui``)."""
    word = text.lower()
    if word in TRUE_WORDS | FALSE_WORDS:
        return word in TRUE_WORDS
    return yes_no(text)


def _yes_no_target_hint(row: SheetRow) -> str | None:
    """The hint for a Target cell holding a yes/no word that cannot be read
    as one (a start or a figure beside it): how a yes/no key result is
    written. ``None`` (the hint for digits) for any other cell."""
    text = row.text("target")
    if text is None or yes_no(text) is None:
        return None
    return (
        "a yes/no key result is written with done (or yes) as its target, done or not done "
        "(yes or no) as its current value, and no start; a numeric one with digits, "
        "e.g. 40, 12.5 or 45%"
    )


#: the units of a key result measured by a percentage figure alone (0-100 %)
_PERCENT_UNITS = ("%", "percent", "prozent")


def _has_figures(*figures: float | None) -> bool:
    return any(figure is not None for figure in figures)


def _no_target(
    row: SheetRow, title: str, start: float | None, current: float | None, unit: str | None
) -> None:
    """A key result with a start or current figure but no target: what the
    row gives is imported (its start, current and unit), and it is said that
    they measure nothing yet, never dropped silently. A count (``55 calls``)
    is no percentage: it is not read as 55 of 100."""
    kept = [
        f"{name} {figure:g}"
        for name, figure in (("start", start), ("current", current))
        if figure is not None
    ]
    fld = next(f for f in ("target", "current", "start") if f in row.cols.fields)
    where = (
        f"write its target in column {column_letter(row.cols.fields['target'])}"
        if "target" in row.cols.fields
        else "add a Target column with its target"
    )
    row.warn(
        fld,
        f"key result {title!r} has no target: its {' and '.join(kept)}"
        + (f" ({unit})" if unit else "")
        + (" are" if len(kept) > 1 else " is")
        + " imported, and its progress stays 0 until it has a target or an objective "
        "aligned to it (as a roll-up key result)",
        f"{where}; a figure meant as progress alone is read as 0-100 % when it is written "
        "as a percentage (45%) or in a Progress column",
        code="IMP202",
    )


def _currency(row: SheetRow, fields: tuple[str, ...]) -> str | None:
    """The one currency sign the row's figures are written with (``$180,000``,
    ``250.000 €``), as a goal file's ``target: $250,000`` gives its key result
    the unit ``$``: the sheet said dollars, and the file keeps saying it. None
    when no figure has one, or two have different ones."""
    signs = {
        sign
        for fld in fields
        if isinstance(text := row.raw(fld), str)
        for sign in CURRENCY_SIGNS
        if sign in text
    }
    return signs.pop() if len(signs) == 1 else None
