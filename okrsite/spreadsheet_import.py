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
from datetime import date, datetime
from typing import Any

from okrsite import cycles
from okrsite.column_match import ColumnMap
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.parse import confidence_word, split_unit, without_unit
from okrsite.slug import slugify
from okrsite.spreadsheet_cells import split_owners, totals_label
from okrsite.spreadsheet_dates import column_order, read_day
from okrsite.spreadsheet_header import second_header_row
from okrsite.spreadsheet_numbers import NumberConvention, SheetFigure, ambiguous, parse_number
from okrsite.spreadsheet_read import Sheet
from okrsite.spreadsheet_xlsx import FormulaCell
from okrsite.units import same_unit
from okrsite.written_numbers import CURRENCY_SIGNS

__all__ = ["KRPlan", "ObjectivePlan", "plan_rows", "split_owners"]

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


def column_letter(index: int) -> str:
    """0 → ``A``, 27 → ``AB``: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class _Row:
    """Typed reads of one row's cells; each failure is one located diagnostic."""

    def __init__(
        self,
        cells: tuple[Any, ...],
        number: int,
        cols: ColumnMap,
        file: str,
        diags: list[Diagnostic],
        convention: NumberConvention | None = None,
        slashes: Mapping[str, int | None] | None = None,
        progress_column: bool = False,
    ) -> None:
        self.cells, self.row_no, self.cols, self.file, self.diags = cells, number, cols, file, diags
        #: whether the current figures are a Progress column's (the sheet has no Current column)
        self.progress_column = progress_column
        self.convention = convention or NumberConvention()
        #: how each date column orders ``03/11/2026`` (:func:`okrsite.spreadsheet_dates.column_order`)
        self.slashes = slashes or {}
        self.said: set[str] = set()  # fields whose cell was warned about once
        #: the unit the row's figures are written with (``8 h``), where it has no Unit cell
        self.written_unit: str | None = None

    def raw(self, fld: str) -> Any:
        index = self.cols.fields.get(fld)
        if index is None:
            return None
        value = self.cells[index]
        if isinstance(value, FormulaCell):
            if fld not in self.said:
                self.said.add(fld)
                formula = f" (={value.formula})" if value.formula else ""
                self.warn(
                    fld,
                    f"the cell holds a formula{formula} with no stored value: it is not imported",
                    "open the file in a spreadsheet program and save it (that stores each "
                    "formula's result), or type the value",
                    code="IMP205",
                )
            return None
        if isinstance(value, str) and not isinstance(value, SheetFigure):
            value = value.strip()
            return value or None
        return value

    def fail(self, fld: str, message: str, hint: str | None = None, code: str = "IMP102") -> None:
        index = self.cols.fields[fld]
        where = f"row {self.row_no}, column {column_letter(index)} {self.cols.headers[index]!r}"
        self.diags.append(
            error(
                code,
                f"{where}: {message}",
                self.file,
                line=self.row_no,
                column=index + 1,
                hint=hint,
            )
        )

    def warn(self, fld: str, message: str, hint: str | None = None, code: str = "IMP201") -> None:
        """Something in the cell is not imported: said, never silently dropped."""
        index = self.cols.fields[fld]
        where = f"row {self.row_no}, column {column_letter(index)} {self.cols.headers[index]!r}"
        self.diags.append(
            warning(
                code,
                f"{where}: {message}",
                self.file,
                line=self.row_no,
                column=index + 1,
                hint=hint,
            )
        )

    def note(self) -> str | None:
        """The Notes cell, its line breaks kept (a note is often a few lines)."""
        value = self.raw("notes")
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        lines = [" ".join(line.split()) for line in str(value).splitlines()]
        return "\n".join(line for line in lines if line) or None

    def owner(self, whose: str) -> str | None:
        """The Owner cell's first name; co-owners left out with a warning.

        okrsite has one owner per objective and per key result (the loader
        takes the first of ``owner: [A, B]`` with warning OKR123); a cell
        ``Tom Lee, Ana Ruiz`` would otherwise be one person, ``tom-lee-ana-ruiz``.
        """
        cell = self.text("owner")
        if cell is None:
            return None
        names = split_owners(cell)
        if len(names) > 1:
            others = ", ".join(repr(n) for n in names[1:])
            self.warn(
                "owner",
                f"{whose} has one owner: the first, {names[0]!r}, is imported; not {others}",
                "name one person; another can own a key result: write them in the Owner cell of its row",
            )
        return names[0]

    def text(self, fld: str) -> str | None:
        value = self.raw(fld)
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime):
            value = value.date()
        return " ".join(str(value).split())

    def number(self, fld: str) -> tuple[float | None, bool]:
        """The cell as a number, and whether it was written as a percentage.

        A figure followed by its unit (``8 h``, ``1,200 tickets``) is read
        when the unit is the row's: its Unit cell's, or, with none, the one
        every figure of the row is written with (:attr:`written_unit`)."""
        value = self.raw(fld)
        if value is None:
            return None, False
        parsed = self._parse(value, fld)
        if parsed is None and isinstance(value, str):
            parsed = self._with_unit(value, fld)
        if parsed is None:
            if isinstance(value, (date, datetime)):  # a spreadsheet took the figure for a date
                day = value.date() if isinstance(value, datetime) else value
                self.fail(
                    fld,
                    f"the cell holds the date {day.isoformat()}, not a number",
                    "a spreadsheet turns a figure such as 1.2 into a date in some languages: "
                    "format the cell as a number (or text) and type the figure again",
                )
                return None, False
            self.fail(
                fld,
                f"{_show(value)} is not a number",
                "write digits, e.g. 40, 12.5, 45% or 1,200; put the unit in a Unit column",
            )
            return None, False
        return parsed

    def _with_unit(self, value: str, fld: str) -> tuple[float, bool] | None:
        unit = self.text("unit")
        if unit is not None:
            bare = without_unit(value, unit)
            return None if bare is None else self._parse(bare, fld)
        split = split_unit(value)
        if split is None:
            return None
        parsed, word = self._parse(split[0], fld), split[1]
        if parsed is None or (
            self.written_unit is not None and not same_unit(word, self.written_unit)
        ):
            return None
        self.written_unit = word
        return parsed

    def _parse(self, value: Any, fld: str) -> tuple[float, bool] | None:
        """A figure read by the file's decimal mark; one that reads both ways,
        where the file's own figures did not say which, is warned about."""
        convention = self.convention
        parsed = parse_number(value, convention.decimal_comma)
        if (
            parsed is None
            or convention.by_cells
            or not isinstance(value, str)
            or isinstance(value, SheetFigure)
        ):
            return parsed
        both = ambiguous(value)
        if both is None or fld in self.said:
            return parsed
        self.said.add(fld)
        point, comma = both
        mark = "comma" if "," in value else "point"
        grouped, decimal = (point, comma) if mark == "comma" else (comma, point)
        self.warn(
            fld,
            f"{value.strip()!r} reads two ways: {grouped:g} with the {mark} grouping thousands, "
            f"{decimal:g} with a decimal {mark}; read as {parsed[0]:g}: {convention.reason}",
            f"write {grouped:g} or {format(decimal, 'g').replace('.', ',' if mark == 'comma' else '.')} "
            "without a separator before exactly three digits; one figure with decimals "
            "(2,5 or 2.5) settles the decimal mark for the whole file",
            code="IMP204",
        )
        return parsed

    def word(self, fld: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(fld)
        if value is None:
            return None
        word = value.lower().replace(" ", "_").replace("-", "_")
        if word not in allowed:
            self.fail(fld, f"{_show(value)} is not one of {', '.join(allowed)}", code="IMP104")
            return None
        return word

    def day(self, fld: str) -> date | None:
        value = self.raw(fld)
        if value is None:
            return None
        day, problem = read_day(value, self.slashes.get(fld))
        if problem is not None:
            self.fail(fld, f"{_show(value)} {problem[0]}", problem[1], code="IMP103")
        return day

    def totals(self) -> bool:
        """Whether the row sums the others (``Total`` or ``Summe:`` in a title
        column): it is left out, and said to be (IMP207), never imported as
        an objective or key result ``total``, nor refused for its figures."""
        for fld in ("objective", "objective_id", "key_result"):
            index = self.cols.fields.get(fld)
            if index is not None and totals_label(self.cells[index]):
                label = " ".join(str(self.cells[index]).split())
                self.warn(
                    fld,
                    f"{label!r} makes row {self.row_no} look like a totals row: it is left out",
                    "okrsite works out an objective's progress from its key results; if the "
                    "row is one to import, give it another title",
                    code="IMP207",
                )
                return True
        return False


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def normalise_cycle(text: str) -> str:
    """``"Q1 2026"``, ``"2026 q1"``, ``"2026Q1"`` → ``"2026-Q1"``; other names as written."""
    return cycles.canonical(text.strip())


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def plan_rows(
    sheet: Sheet,
    cols: ColumnMap,
    file: str,
    convention: NumberConvention | None = None,
    *,
    progress_column: bool = False,
) -> tuple[list[ObjectivePlan], list[Diagnostic]]:
    """Group the rows into objectives; read every cell, reporting each bad one.

    ``convention`` is the file's decimal mark (:func:`okrsite.spreadsheet_numbers.file_convention`);
    ``progress_column``: the column read as the current figures is a Progress
    column (the sheet has no Current column), so its figures are 0-100 %.

    Rows name the same objective when they give its title (or id) and the same
    cycle and team, or leave the cycle or team blank: a title repeated under
    another team is that team's objective, never merged into the first."""
    diags: list[Diagnostic] = []
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
    for number, cells in sheet.rows:
        row = _Row(cells, number, cols, file, diags, convention, slashes, progress_column)
        if row.totals():
            continue
        title, oid = row.text("objective"), row.text("objective_id")
        cycle = _row_cycle(row)
        if title or oid:
            name = (oid or title or "").casefold()
            # an id names one objective, whatever team a row gives it
            team = None if oid else _team_key(row.text("team"))
            named = by_name.setdefault(name, [])
            found = _same_objective(named, current, cycle, team)
            if found is None:
                current = _objective(row, title or oid or "", oid, cycle)
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
            current.key_results.append(kr)
        elif (note := row.note()) is not None:
            current.notes.append(note)
    _progress_only_scale(plans)
    return plans, diags


#: the fields whose cells are dates
_DATE_FIELDS = ("due",)


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


def _row_cycle(row: _Row) -> str | None:
    text = row.text("cycle")
    if text:
        return normalise_cycle(text)
    due = row.day("due")
    return quarter_of(due) if due else None


def _confidence(row: _Row) -> float | None:
    """The row's Confidence cell on the 0-10 scale (IMP105 outside it)."""
    word = confidence_word(row.text("confidence") or "")
    confidence, percent = (word, False) if word is not None else row.number("confidence")
    if confidence is not None and (percent or 0 < confidence < 1):
        # 70% or 0.7 of certainty: the 0-10 scale's 7
        confidence = round(confidence / 10 if percent else confidence * 10, 6)
    if confidence is not None and not 0 <= confidence <= 10:
        row.fail("confidence", f"confidence {confidence:g} is outside 0-10", code="IMP105")
        confidence = None
    return confidence


def _later_confidence(row: _Row, obj: ObjectivePlan) -> None:
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


def _objective(row: _Row, title: str, oid: str | None, cycle: str | None) -> ObjectivePlan:
    confidence = _confidence(row)
    weight, _ = row.number("objective_weight")
    status = row.word("objective_status", _STATUS_WORDS)
    return ObjectivePlan(
        row=row.row_no,
        file=row.file,
        title=title,
        oid=oid,
        cycle=cycle,
        cycle_column=row.cols.fields.get("cycle" if row.text("cycle") else "due"),
        cycle_header=row.cols.headers[row.cols.fields["cycle" if row.text("cycle") else "due"]]
        if cycle
        else None,
        owner=row.owner("an objective"),
        owner_cell=row.text("owner"),
        team=row.text("team"),
        parent=row.text("parent"),
        parent_column=row.cols.fields.get("parent"),
        commitment=row.word("commitment", ("committed", "aspirational")),
        weight=weight,
        status=status if status in ("draft", "dropped") else None,
        confidence=confidence,
        confidence_row=row.row_no if confidence is not None else None,
    )


# okrsite's export writes the computed status words; only draft and dropped
# are something a person set, the rest are read past.
_STATUS_WORDS = (
    "active",
    "draft",
    "dropped",
    "upcoming",
    "achieved",
    "missed",
    "done",
    "on_track",
    "at_risk",
    "off_track",
)


def _key_result(row: _Row, obj: ObjectivePlan) -> KRPlan | None:
    title = row.text("key_result")
    start, _ = row.number("start")
    target, target_pct = row.number("target")
    kind = row.word("kind", KR_KINDS)
    done: bool | None = None
    current_text = row.text("current")
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
        elif current is None and done is None:
            row.warn(
                "progress",
                f"{_show(row.raw('progress'))} is not imported: this key result is measured "
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
        row.fail("score", f"score {score:g} is outside 0-1", code="IMP105")
    status = row.word("kr_status", _STATUS_WORDS)
    # the objective's owner repeated on its rows is not the key result's own
    owner = row.owner("a key result") if row.text("owner") != obj.owner_cell else None
    unit = row.text("unit") or row.written_unit
    measured = any(v is not None for v in (start, target, current, done, kind))
    if title is None:
        if measured:
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
    progress_only = (
        kind is None
        and target is None
        and start is None
        and current is not None
        and (from_progress or (unit or "").casefold() in _PERCENT_UNITS)
    )
    if kind is None and target is None and not progress_only and _has_figures(start, current):
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
        status=status if status in ("draft", "dropped") and status != obj.status else None,
        owner=owner if owner and owner != obj.owner else None,
        done=done,
        progress_only=progress_only,
        percent_marked=current_pct,
        note=row.note(),
    )


#: the units of a key result measured by a percentage figure alone (0-100 %)
_PERCENT_UNITS = ("%", "percent", "prozent")


def _has_figures(*figures: float | None) -> bool:
    return any(figure is not None for figure in figures)


def _no_target(
    row: _Row, title: str, start: float | None, current: float | None, unit: str | None
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


def _currency(row: _Row, fields: tuple[str, ...]) -> str | None:
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


def _progress_only_scale(plans: list[ObjectivePlan]) -> None:
    """A progress column without targets holds percentages: ``45%`` or ``45``
    are 45 of 100, and when every such figure lies in 0..1 the column holds
    fractions (``0.45``), so they are scaled to 0..100 alike."""
    only = [kr for p in plans for kr in p.key_results if kr.progress_only]
    fractions = all(
        kr.current is not None and 0 <= kr.current <= 1 for kr in only if not kr.percent_marked
    )
    for kr in only:
        assert kr.current is not None
        if fractions and not kr.percent_marked:
            kr.current = round(kr.current * 100, 9)
        kr.kind, kr.start, kr.target = "numeric", 0.0, 100.0
        kr.unit = kr.unit or "%"
