"""``okrsite import``: planned objectives become goal files, all or nothing.

Ids are slugs of the titles under the team's folder, made unique within the
import; owners and teams written as names become ids with the one slug
function (:func:`okrsite.slug.slugify`). Before anything is written, the site
with the new files is loaded by the real pipeline in memory: a file the
loader would reject is reported against the spreadsheet row it came from, and
then nothing is written at all. Files that already exist are never
overwritten; they are reported and skipped, so importing the same sheet twice
adds nothing the second time. Nor is an objective the site has under an id of
its own written again (:mod:`okrsite.import_existing`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from okrsite.column_match import ColumnMap, header_key, match_columns
from okrsite.cycle_names import quarter_of, unknown_cycle_hint
from okrsite.cycles import lookup
from okrsite.default_cycle_ended import ended_default_cycle_note
from okrsite.diagnostics import Diagnostic, error, warning
from okrsite.goal_yaml import Block, PlannedFile, front_matter, yaml_number
from okrsite.import_checkins import (
    confidence_checkins,
    confidence_not_written,
    imported_note,
    uncounted_checkins_note,
)
from okrsite.import_control_cells import control_cells
from okrsite.import_existing import missing_key_results, take_existing_ids
from okrsite.import_owner_addresses import owners_by_address
from okrsite.import_parents import AmbiguousParent, ambiguous_parent, parent_id, unknown_parent
from okrsite.import_team_typos import team_typos
from okrsite.import_validate import planned_exists, validate_planned
from okrsite.model import Cycle
from okrsite.parse import ID_RE, KR_ID_RE
from okrsite.parse_names import id_fault, usable_id
from okrsite.pipeline import FileTree, LoadResult, load, read_config
from okrsite.portfolio_import import plans_from_portfolio
from okrsite.sitefiles import create_new
from okrsite.slug import slugify
from okrsite.spreadsheet_header import toml_key
from okrsite.spreadsheet_import import KRPlan, ObjectivePlan, normalise_cycle, plan_rows
from okrsite.spreadsheet_layout import laid_out, tab_team
from okrsite.spreadsheet_numbers import file_convention
from okrsite.spreadsheet_read import CellLines, Sheet, SheetError, read_sheets
from okrsite.spreadsheet_row import column_letter
from okrsite.written_numbers import numbers_written_in

__all__ = ["ImportResult", "name_id", "plan_import", "write_planned"]


@dataclass
class ImportResult:
    """The files an import planned, the rows it skipped and what it found wrong."""

    files: list[PlannedFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    #: where a CSV file's records start (a quoted cell may span lines)
    lines: CellLines | None = field(default=None, repr=False)
    #: how the sheet was read where its layout says more than its header
    #: (:mod:`okrsite.spreadsheet_layout`): said with the plan
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def name_id(text: str | None) -> str | None:
    """An owner or team as written in the sheet, as the file will say it.

    The loader takes a name (``Uma Diaz``) as well as an id and shows the name
    as written on pages, so the name is kept; only a cell without a letter or
    digit to make an id from (``--``, ``?``) is left out.
    """
    if not text or not text.strip() or not slugify(text):
        return None
    return " ".join(text.split())


def _slug(title: str, limit: int) -> str:
    """A title's slug cut at a word boundary, so ids stay readable in paths."""
    slug = slugify(title)
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate.casefold() in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate.casefold())
    return candidate


# ------------------------------------------------------------------ planning
def plan_import(
    root: Path,
    source: Path,
    fmt: str,
    *,
    cycle: str | None = None,
    mapping: dict[str, str] | None = None,
    checkin_day: date | None = None,
) -> ImportResult:
    """Everything ``okrsite import`` would write, validated; writes nothing."""
    label = source.name
    result = ImportResult()
    config, _ = read_config(FileTree(root))
    before = load(FileTree(root))
    kpi_files: list[PlannedFile] = []
    if fmt == "json":
        plans, kpi_files, diags = plans_from_portfolio(source, label, config.content_dir)
    else:
        read = _plans_from_sheets(
            source, fmt, label, mapping, (config.language, before.config.cycles), result
        )
        if read is None:
            return result
        plans, diags = read
    result.diagnostics.extend(diags)
    # --cycle is read as a cycle cell is: "Q1 2027" is 2027-Q1 in both
    given = normalise_cycle(cycle, before.config.cycles) if cycle else None
    now = config.as_of or date.today()  # as the site is judged
    # rows naming no cycle take --cycle, else default_cycle, else the current
    # quarter (the fiscal one on a fiscal site), as okrsite new does: okrsite
    # init leaves default_cycle a comment, and a sheet without a cycle column
    # was refused row by row on a site made by it
    default_cycle: tuple[str | None, str] = (
        (given, "--cycle")
        if given
        else (config.default_cycle, "default_cycle of okrsite.toml")
        if config.default_cycle
        else (quarter_of(now, before.config.cycles), "the current quarter")
    )
    # say so when default_cycle has ended
    defaulted = not given and any(not p.cycle for p in plans)
    site = before.scored.portfolio
    result.notes += owners_by_address(plans, site.people)  # uma.diaz@… beside Uma Diaz
    files = _objective_files(plans, before, config.content_dir, default_cycle, label, result)
    if fmt != "json":  # a sheet's typed team names, not an export's ids
        teams = {o.team for o in site.objectives.values() if o.team}
        result.diagnostics += team_typos(plans, site.teams, teams, config.content_dir)
    what = "each objective of a row without a cycle"
    ended = ended_default_cycle_note(
        before.config, now, quarter_of(now, before.config.cycles), what
    )
    if defaulted and ended:
        result.notes.append(ended)
    existing = before.scored.portfolio.objectives
    kept = {p.oid for p in plans if p.oid not in existing}
    confidences = {oid: score.confidence for oid, score in before.scored.objectives.items()}
    result.diagnostics += confidence_not_written(plans, confidences, config.content_dir, label)
    files += confidence_checkins(
        [p for p in plans if p.oid in kept],
        config.content_dir,
        # a site that pins its date is looked at on that date: a check-in
        # dated today would lie after it, and count for nothing there
        checkin_day or config.as_of or date.today(),
        before.config.cycles,
        imported_note(root, config.theme, config.language),
    )
    files += kpi_files
    for planned in files:
        oid = planned.rel.removeprefix(f"{config.content_dir}/objectives/").removesuffix(".md")
        there = planned_exists(root, planned, label, result.diagnostics)
        if there or (oid in existing and oid not in kept):
            result.skipped.append(planned.rel)
        else:
            result.files.append(planned)
    late = uncounted_checkins_note(result.files, config.content_dir, config.as_of, date.today())
    if late:
        result.notes.append(late)
    if result.ok and result.files:
        # a new file's finding is said against the sheet its rows are on
        sources = {
            f"{config.content_dir}/{kind}/{p.oid}{end}": p.file
            for p in plans
            if p.file
            for kind, end in (("objectives", ".md"), ("checkins", "/"))
        }
        result.diagnostics.extend(validate_planned(root, result.files, before, label, sources))
    if result.lines:
        result.diagnostics = result.lines.locate(result.diagnostics, label)
    # in the order a person goes through the sheet: file, row, column
    result.diagnostics.sort(key=lambda d: (d.file or "", d.line or 0, d.column or 0))
    return result


def _plans_from_sheets(
    source: Path,
    fmt: str,
    label: str,
    mapping: dict[str, str] | None,
    site: tuple[str, Mapping[str, Cycle]],
    result: ImportResult,
) -> tuple[list[ObjectivePlan], list[Diagnostic]] | None:
    """The objectives of every sheet of a CSV or XLSX file that holds an
    import table (a workbook's tabs are named in messages, ``okrs.xlsx[Sales]``,
    when there are several), its figures read by the file's decimal mark.
    ``site``: its language and its cycles (a Due date is checked against them)."""
    language, known_cycles = site
    try:
        book = read_sheets(source, fmt, lambda cells: _names_objective(cells, mapping))
    except SheetError as exc:
        # what reading said before it stopped (the hidden rows of a sheet that
        # holds nothing else are why): warned as for a file that is read
        result.diagnostics += [
            warning(
                n.code,
                n.message,
                f"{label}[{n.sheet}]" if n.sheet is not None and n.line is None else label,
                line=n.line,
                column=n.column,
                hint=n.hint,
            )
            for n in exc.notices
        ]
        result.diagnostics.append(
            error("IMP001", str(exc), label, line=exc.line, column=exc.column)
        )
        return None
    diags: list[Diagnostic] = [
        warning(
            "IMP206",
            f"sheet {tab!r} is not imported: none of its first rows names the objective",
            f"{label}[{tab}]",
            hint="give its OKRs a header row (Objective, Key result, …) to import them, "
            "or leave them out knowingly",
        )
        for tab in book.unread
    ]
    several = len(book.sheets) > 1
    diags += [
        warning(
            notice.code,
            notice.message,
            # a tab is named beside the file where messages name tabs (several
            # are imported), or where the tab itself was left out
            f"{label}[{notice.sheet}]"
            if notice.sheet is not None
            and (several or notice.sheet not in {s.name for s in book.sheets})
            else label,
            line=notice.line,
            column=notice.column,
            hint=notice.hint,
        )
        for notice in book.notices
    ]
    result.lines = book.sheets[0].lines if fmt != "xlsx" else None
    tabs: list[tuple[Sheet, ColumnMap, str]] = []
    ignored: list[str] = []
    headed: set[str] = set()
    for read in book.sheets:
        sheet, cols, notes = laid_out(read, mapping)
        result.notes += notes
        where = f"{label}[{sheet.name}]" if len(book.sheets) > 1 else label
        tabs.append((sheet, cols, where))
        ignored += [c for c in cols.ignored if c not in ignored]
        headed |= {header_key(h) for h in sheet.headers}
    result.ignored_columns = tuple(ignored)
    first, _, where = tabs[0]
    for column in (mapping or {}).keys() - headed:
        # a typo in --map would otherwise leave the column unread, unsaid
        diags.append(
            error(
                "IMP003",
                f"--map names a column {column!r} that the header (row {first.header_row}) "
                "does not have; its columns are: " + ", ".join(repr(h) for h in first.headers if h),
                where,
                line=first.header_row,
                hint="write the column's header as the sheet has it, e.g. --map 'Stretch goal=target'",
            )
        )
    convention = file_convention([(sheet, cols) for sheet, cols, _ in tabs], language)
    plans: list[ObjectivePlan] = []
    with numbers_written_in(language):  # 2,345 in a unit's text as the site's files read it
        for sheet, cols, where in tabs:
            found, said = plan_rows(
                sheet,
                cols,
                where,
                convention,
                progress_column=_current_is_progress(cols, mapping),
                known_cycles=known_cycles,
            )
            plans += found
            diags += said + control_cells(sheet, cols, where)  # at the cell, not the file
            if note := tab_team(found, sheet, cols, several):
                result.notes.append(note)
    return plans, diags


def _current_is_progress(cols: ColumnMap, mapping: dict[str, str] | None) -> bool:
    """Whether the column read as the current figures is a Progress column
    (taken for them because the sheet has no Current column): its figures are
    0-100 %, not counts. Asked of :func:`match_columns` itself, with a Current
    column put before it."""
    if "current" not in cols.fields or "progress" in cols.fields:
        return False
    probe = match_columns(
        ["okrsite current", cols.header("current")],
        {**(mapping or {}), "okrsitecurrent": "current"},
    )
    return probe.fields.get("progress") == 1


def _names_objective(cells: tuple[str, ...], mapping: dict[str, str] | None) -> int:
    return match_columns(cells, mapping).header_score()


def _objective_files(
    plans: list[ObjectivePlan],
    before: LoadResult,
    content_dir: str,
    default_cycle: tuple[str | None, str],
    label: str,
    result: ImportResult,
) -> list[PlannedFile]:
    used: set[str] = set()
    for plan in plans:
        if plan.oid is not None:
            if not ID_RE.match(plan.oid):
                result.diagnostics.append(
                    error(
                        "IMP106",
                        f"row {plan.row}: objective id {plan.oid!r} {id_fault(plan.oid)}",
                        plan.file or label,
                        line=plan.row,
                        hint=f"write it as {usable_id(plan.oid, 'sales/emea')!r}",
                    )
                )
                plan.oid = None
            else:
                used.add(plan.oid.casefold())
    # an objective the site has under an id of its own is that one, skipped
    site = before.scored.portfolio
    matched, notes = take_existing_ids(plans, site.objectives, site.teams, default_cycle[0], label)
    result.notes += notes
    for plan in plans:
        if plan.oid is None:
            folder = slugify(plan.team) if plan.team else None
            slug = _slug(plan.title, 60) or "objective"
            plan.oid = _unique(f"{folder}/{slug}" if folder else slug, used)
    for plan in plans:
        _assign_kr_ids(plan, plan.file or label, result)
    result.diagnostics += missing_key_results(plans, matched, label)
    titles: dict[str, list[ObjectivePlan]] = {}
    for plan in plans:
        titles.setdefault(plan.title.casefold(), []).append(plan)
    files = []
    for plan in plans:
        data = _objective_data(plan, default_cycle, titles, before, plan.file or label, result)
        if data is not None:
            assert plan.oid is not None
            files.append(
                PlannedFile(
                    f"{content_dir}/objectives/{plan.oid}.md",
                    front_matter(data, _body(plan)),
                    plan.row,
                )
            )
    return files


def _body(plan: ObjectivePlan) -> str:
    """The sheet's notes as the objective's Markdown body, shown on its page.

    A note on a key result's row is about that key result, so it is listed
    under the key result's title; a note on a row without one is the
    objective's own, a paragraph of its own."""
    parts = list(plan.notes)
    listed = [
        f"- {kr.title}: " + kr.note.replace("\n", "\n  ") for kr in plan.key_results if kr.note
    ]
    if listed:
        parts.append("\n".join(listed))
    return "\n\n".join(parts)


def _unknown_cycle(
    plan: ObjectivePlan,
    cycle: str,
    given_by: str | None,
    label: str,
    site: tuple[Mapping[str, Cycle], date],
) -> Diagnostic:
    """The cycle of this objective is none the site knows: said against its
    cell (or the option that gave it) in the same run as every cell error,
    with a hint in the site's own cycle names (``site``: its cycles and
    as_of; fiscal ones where it has ``fiscal_year_start``) or one that can
    be pasted into okrsite.toml as it is."""
    if given_by is None and plan.cycle_column is not None:
        where = f"row {plan.row}, column {column_letter(plan.cycle_column)} {plan.cycle_header!r}"
    else:
        where = f"row {plan.row}" + (f" (given by {given_by})" if given_by else "")
    hint = unknown_cycle_hint(cycle, site[0], site[1], define=toml_key(cycle))
    column = plan.cycle_column + 1 if given_by is None and plan.cycle_column is not None else None
    return error(
        "IMP108",
        f"{where}: unknown cycle {cycle!r} of objective {plan.title!r}",
        label,
        line=plan.row,
        column=column,
        hint=hint,
    )


def _objective_data(
    plan: ObjectivePlan,
    default_cycle: tuple[str | None, str],
    titles: dict[str, list[ObjectivePlan]],
    before: LoadResult,
    label: str,
    result: ImportResult,
) -> dict[str, Any] | None:
    existing = before.scored.portfolio.objectives
    cycle = plan.cycle or default_cycle[0]
    if cycle is None:
        result.diagnostics.append(
            error(
                "IMP101",
                f"row {plan.row}: objective {plan.title!r} has no cycle",
                label,
                line=plan.row,
                hint="add a Cycle (or Quarter) column, or pass --cycle 2026-Q1",
            )
        )
        return None
    if lookup(cycle, before.config.cycles) is None:
        given_by = None if plan.cycle else default_cycle[1]
        result.diagnostics.append(
            _unknown_cycle(plan, cycle, given_by, label, (before.config.cycles, before.as_of))
        )
    plan.cycle = cycle
    data: dict[str, Any] = {"title": plan.title, "cycle": cycle}
    for key, value in (("owner", name_id(plan.owner)), ("team", name_id(plan.team))):
        if value:
            data[key] = value
    if plan.parent:
        try:
            parent = parent_id(plan, titles, existing)
        except AmbiguousParent as ambiguous:
            result.diagnostics.append(ambiguous_parent(plan, ambiguous.candidates, label))
            return None
        if parent is None:
            result.diagnostics.append(unknown_parent(plan, titles, existing, label))
        else:
            data["parent"] = parent
    if plan.commitment == "aspirational":
        data["commitment"] = "aspirational"
    if plan.weight is not None and plan.weight != 1:
        data["weight"] = yaml_number(plan.weight)
    if plan.status:
        data["status"] = plan.status
    if plan.key_results:
        data["key_results"] = [Block(_kr_data(kr, label, result)) for kr in plan.key_results]
    return data


def _assign_kr_ids(plan: ObjectivePlan, label: str, result: ImportResult) -> None:
    """Given ids are kept; the others are slugs of the titles, unique in the objective."""
    used: set[str] = set()
    for kr in plan.key_results:
        if kr.kr_id is not None and not KR_ID_RE.match(kr.kr_id):
            result.diagnostics.append(
                error(
                    "IMP106",
                    f"row {kr.row}: key result id {kr.kr_id!r} is not usable",
                    label,
                    line=kr.row,
                    hint="a key result id is letters, digits, '-', '_' and '.'",
                )
            )
            kr.kr_id = None
        if kr.kr_id is not None:
            used.add(kr.kr_id.casefold())
    for n, kr in enumerate(plan.key_results, start=1):
        if kr.kr_id is None:
            kr.kr_id = _unique(_slug(kr.title, 40) or f"kr{n}", used)


def _kr_data(kr: KRPlan, label: str, result: ImportResult) -> dict[str, Any]:
    item: dict[str, Any] = {"id": kr.kr_id, "title": kr.title}  # ids assigned before
    kind = kr.kind or ("numeric" if kr.target is not None else "rollup")
    if kind == "numeric":
        if kr.target is None:
            result.diagnostics.append(
                error(
                    "IMP101",
                    f"row {kr.row}: key result {kr.title!r} is numeric but has no target",
                    label,
                    line=kr.row,
                    hint="fill the Target column",
                )
            )
        item |= {"start": yaml_number(kr.start or 0.0), "target": yaml_number(kr.target)}
        if kr.current is not None:
            item["current"] = yaml_number(kr.current)
    elif kind == "milestones":
        total = kr.target
        if total is None or not total.is_integer() or total < 1:
            result.diagnostics.append(
                error(
                    "IMP101",
                    f"row {kr.row}: checklist key result {kr.title!r} needs its number of milestones as target",
                    label,
                    line=kr.row,
                )
            )
            total = 1.0
        done = int(kr.current or 0)
        item["milestones"] = [
            {"title": f"Milestone {n}", "done": n <= done} for n in range(1, int(total) + 1)
        ]
    elif kind == "boolean":
        item["done"] = kr.done if kr.done is not None else (kr.current or 0) >= 1
    elif kind in ("stay_above", "stay_below"):
        item[kind] = yaml_number(kr.target)
        if kr.current is not None:
            item["current"] = yaml_number(kr.current)
    else:
        # figures without a target (warned about where they were read), or a
        # roll-up's own figures as an export writes them (current 55 of
        # "Calls made"): kept as written, so the target is all a person has
        # to add
        if kr.start is not None:
            item["start"] = yaml_number(kr.start)
        if kr.current is not None:
            item["current"] = yaml_number(kr.current)
    if kr.unit and (kind != "rollup" or _has_figures(kr)):
        item["unit"] = kr.unit
    if kr.weight is not None and kr.weight != 1:
        item["weight"] = yaml_number(kr.weight)
    if kr.score is not None and 0 <= kr.score <= 1:
        item["score"] = yaml_number(kr.score)
    if kr.status:
        item["status"] = kr.status
    if owner := name_id(kr.owner):  # a cell with no name in it (``—``) is left out
        item["owner"] = owner
    return item


def _has_figures(kr: KRPlan) -> bool:
    return kr.start is not None or kr.current is not None


# ------------------------------------------------------------------ validate, write
def write_planned(root: Path, files: list[PlannedFile]) -> None:
    """Create every file, or none: on a failure the ones already written, and
    the folders made for them, are removed. Never through a link
    (:func:`okrsite.sitefiles.create_new`): a folder linked out of the site
    found only now is refused here too."""
    content_dir = read_config(FileTree(root))[0].content_dir
    written: list[Path] = []
    made: list[Path] = []
    try:
        for planned in files:
            fd = create_new(root, planned.rel, made, through=content_dir)
            written.append(root / planned.rel)
            with open(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(planned.text)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):  # not empty: something else wrote into it
                folder.rmdir()
        raise
