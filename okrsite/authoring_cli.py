"""``okrsite checkin`` and ``okrsite new``: the authoring commands.

Each asks only for what it needs, and only on a terminal (every prompt has a
flag, so scripts and CI never hang); the file it would write is validated by
the real loader before anything touches the disk (:mod:`okrsite.authoring`).
Exit codes as elsewhere: 1 when the loader rejects the file (its diagnostics
are printed and nothing is written) or the file cannot take what was given
(a current value for a SMART goal without a target), 2 for a usage mistake.
On a terminal each answer is checked by the loader as it is typed, and asked
again if it refuses it (:func:`_answer_checker`).
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from okrsite.authoring import (
    Outcome,
    checkin_file,
    checkin_text,
    confidence_share,
    confidence_value,
    load_for_writing,
    number_or_text,
    set_goal_current,
    validated_write,
)
from okrsite.authoring_changes import refuse_changes
from okrsite.authoring_kind import kind_meant
from okrsite.authoring_line_ends import as_editable, read_as_written
from okrsite.authoring_notes import as_typed, say_when_read
from okrsite.authoring_prompts import SCISSORS as SCISSORS
from okrsite.authoring_prompts import (
    MomentType,
    _answer_checker,
    _ask,
    _edit_note,
    _parse_set,
    _prompt_values,
    stamp_now,
)
from okrsite.authoring_refusals import (
    file_there,
    key_result_meant,
    not_edited,
    refuse_flags_not_taken,
    refuse_goal_value_without_figure,
    refuse_id_of_other_kind,
    refuse_same_key_result,
    refuse_unread_target,
)
from okrsite.authoring_repeats import counts_nowhere, same_checkin
from okrsite.authoring_targets import (
    _id_from_name,
    _in_existing_folders,
    _milestones_named,
    _one_target,
    _parent_named,
    _person_or_team_id,
    _ticked,
    id_typed_as_path,
    value_in_unit,
    values_in_units,
)
from okrsite.checkin_figures import figures_as_read, goal_current_as_read, typed_figure
from okrsite.checkin_stamp import NoLaterStamp, checkin_stamp
from okrsite.checkin_ticks import ticks_recorded
from okrsite.default_cycle_ended import ended_default_cycle_note
from okrsite.diagnostics import Diagnostic, format_report, summary_line
from okrsite.pipeline import LoadResult, ParseCache


def interactive() -> bool:
    """Prompts and the editor only when a person is at a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _root(site: Path | None) -> Path:
    from okrsite.cli import resolve_site

    return resolve_site(site)


def shown_path(root: Path, rel: str) -> str:
    """A file of the site as the person can use it where they ran the command:
    relative to the current folder when it is inside it, so ``git add`` of
    the printed path works from a monorepo's top (``okrs/content/…``, not the
    site-relative ``content/…`` that names no file there), and in the site's
    own folder it is ``content/…`` as before. From a folder outside the site
    (``--site /abs/path``) it stays relative to the site: a ``../../…``
    climbing out of the current folder reads worse than the site's own
    path."""
    path = root.resolve() / rel
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return rel


def report(
    outcome: Outcome,
    what: str,
    unwritten: Callable[[Diagnostic], Diagnostic] | None = None,
    root: Path | None = None,
) -> None:
    """Print what the loader found; exit 1 if it refused the file. When it
    refused, ``unwritten`` says where each finding is instead of a place in
    a file that was never written (:func:`_as_typed`). ``root``: the site,
    whose written files are named from the current folder (:func:`shown_path`)."""
    if outcome.errors and unwritten is not None:
        outcome = Outcome(
            outcome.written,
            [unwritten(d) for d in outcome.errors],
            [unwritten(d) for d in outcome.warnings],
        )
    if outcome.warnings:
        click.echo(format_report(outcome.warnings), err=True)
    if outcome.errors:
        click.echo(format_report(outcome.errors), err=True)
        click.echo(
            f"okrsite: {what} not written: {summary_line([*outcome.errors, *outcome.warnings])} "
            "(as okrsite check would report them); nothing was changed",
            err=True,
        )
        sys.exit(1)
    for rel in outcome.written:
        click.echo(f"okrsite: wrote {rel if root is None else shown_path(root, rel)}")


def record_checkin(
    root: Path,
    target: str,
    *,
    sets: tuple[str, ...] = (),
    value: str | None = None,
    confidence: str | None = None,
    note: str | None = None,
    moment: date | datetime | None = None,
    author: str | None = None,
) -> None:
    """Record a check-in of an objective, KPI or SMART goal (see ``okrsite checkin``)."""
    typed = _parse_set(sets)
    base, cache = load_for_writing(root)
    p = base.scored.portfolio
    language = base.config.language
    values: dict[str, Any] = {
        key: typed_figure(f"--set {key}={raw}", raw, language) for key, raw in typed.items()
    }
    named = _one_target(base, target)
    if named != target:
        click.echo(f"okrsite: {target!r} is {named}", err=True)
        target = named
    refuse_unread_target(base, target)
    kind = kind_meant(p, target, sets, value)
    keys: dict[str, str] = {}
    if kind == "objective" and target in p.objectives:
        keys = {key: key_result_meant(p.objectives[target], key) for key in values}
        for key, kr_id in keys.items():
            if kr_id != key:
                click.echo(f"okrsite: {key!r} is key result {kr_id}", err=True)
        refuse_same_key_result(keys, typed)
        values = {keys[key]: value for key, value in values.items()}
        values = values_in_units(
            p.objectives[target], {keys[key]: raw for key, raw in typed.items()}, values
        )
        milestone_values = len(values)
        ticks = _milestones_named(p.objectives[target], values)
        milestone_values -= len(values)  # values that named milestones, ticked now or before
    else:
        ticks, milestone_values = [], 0
    refuse_changes(base, kind, target, {keys.get(k, k): (k, r) for k, r in typed.items()}, value)
    if kind == "goal":
        refused = [
            flag
            for flag, given in (
                ("--set", sets),
                ("--confidence", confidence is not None),
                ("--note", note is not None),
                ("--date", moment is not None),
                ("--author", author is not None),
            )
            if given
        ]
        return _goal_value(root, base, cache, target, value, refused)
    if kind == "kpi" and sets:
        raise click.UsageError(f"{target!r} is a KPI: give its reading with --value V")
    if kind == "objective" and value is not None:
        raise click.UsageError(
            f"{target!r} is an objective: give key-result values with --set KR=VALUE"
        )
    ask = interactive()
    now = stamp_now()
    day = moment.date() if isinstance(moment, datetime) else moment or now.date()
    rel = checkin_file(root, base.config.content_dir, target, day)
    try:
        stamp = checkin_stamp(p, kind, target, moment, now, rel.rpartition("/")[0])
    except NoLaterStamp as exc:
        raise click.UsageError(str(exc)) from None
    when = stamp.when

    def one_answer(**given: Any) -> dict[str, str]:
        """The check-in with one answer alone, for :func:`_answer_checker`."""
        return {rel: checkin_text(kind, target, when, author=author, **given)}

    check = _answer_checker(root, base, cache, one_answer)
    kpi_value: Any = None if value is None else typed_figure(f"--value {value}", value, language)
    # 1,6 Mio. beside the KPI's unit: Mio. EUR is 1.6, as its check-in file reads it
    kpi_unit = p.kpis[target].unit if kind == "kpi" else ""
    if value is not None:
        kpi_value = value_in_unit(value, kpi_value, kpi_unit)
    if kind == "kpi" and value is None:
        if not ask:
            raise click.UsageError(f"give the KPI's reading: okrsite checkin {target} --value V")
        kpi_value = _ask(
            f"{p.kpis[target].title}: value",
            lambda raw: value_in_unit(raw, number_or_text(raw, language), kpi_unit),
            lambda answer: check(value=answer),
            required=True,
            language=language,
        )
    obj = p.objectives.get(target) if kind == "objective" else None
    if kind == "objective" and ask and not values and obj is not None:
        values = _prompt_values(obj, language, check)
    said_confidence: Any = (
        None
        if confidence is None
        else typed_figure(f"--confidence {confidence}", confidence, language, confidence_value)
    )
    if said_confidence is not None and confidence_share(number_or_text(confidence or "", language)):
        click.echo(f"okrsite: {confidence} is read as {said_confidence}/10", err=True)
    if confidence is None and ask and kind == "objective":
        said_confidence = _ask(
            "Confidence 0-10 or low/medium/high",
            lambda raw: confidence_value(raw, language),
            lambda answer: check(confidence=answer),
        )
    if note is None and ask:
        note = _edit_note(target)
    if note is not None and not note.strip():
        note = None  # --note "": no note, not a check-in that records nothing
    edits: dict[str, str] = {}
    if ticks and obj is not None:
        edits = _ticked(root, obj, ticks)
        # runbooks: Train the team: the check-in records when it was ticked,
        # for "What changed" and the feed (a tick alone too)
        values = {**values, **ticks_recorded(obj, ticks)}
    if kind == "objective" and not values and note is None and said_confidence is None:
        if edits:  # a tick no check-in can record: the objective's file is all that changes
            report(
                validated_write(root, edits, replace=edits, base=base, cache=cache),
                "objective",
                root=root,
            )
            return
        if milestone_values:  # every milestone named is done already (said): nothing to change
            return
        raise click.UsageError("nothing to record: give --set KR=VALUE, --confidence or --note")

    def text_at(moment: date | datetime, figures: dict[str, Any], reading: Any) -> str:
        return checkin_text(
            kind,
            target,
            moment,
            values=figures,
            value=reading,
            confidence=said_confidence,
            author=author,
            note=note,
        )

    values, kpi_value = figures_as_read(
        root, base, cache, rel, lambda vs, v: text_at(when, vs, v), values, kpi_value, beside=edits
    )
    text = text_at(when, values, kpi_value)
    repeated = None if edits else same_checkin(root, rel, text)
    if repeated is None and not edits and stamp.after is not None:
        # run again: the same check-in, stamped after the day's last, which is it
        repeated = same_checkin(root, rel, text_at(stamp.after, values, kpi_value))
    if repeated is not None:  # a repeated shell command: the check-in is there already
        click.echo(
            f"okrsite: {shown_path(root, repeated)} is this same check-in (date, values, "
            "confidence and note): not written twice; nothing was changed"
        )
        return
    outcome = validated_write(root, {rel: text, **edits}, replace=edits, base=base, cache=cache)
    report(outcome, "check-in", as_typed(rel, obj, typed, keys, value, confidence), root)
    if stamp.note:  # written (report exits otherwise): which time it got, and why
        click.echo(stamp.note, err=True)
    say_when_read(base, outcome, kind, target, when, rel)
    if (nowhere := counts_nowhere(p, kind, target)) is not None:
        click.echo(nowhere, err=True)


def _goal_value(
    root: Path,
    base: LoadResult,
    cache: ParseCache,
    target: str,
    value: str | None,
    refused: list[str],
) -> None:
    """A SMART goal's check-in: its measure's current value, written in the
    goal's file. The file keeps no date, author, note or confidence for it,
    so those flags are refused rather than dropped in silence (git records
    who committed the value, and when)."""
    if refused:
        raise click.UsageError(
            f"{target!r} is a SMART goal: its check-in is its measure's current value, "
            f"--value V, which its file keeps without {', '.join(refused)} "
            "(git's commit says who changed it, and when)"
        )
    goal = base.scored.portfolio.goals[target]
    asked = "V" if value is None else shlex.quote(value)
    if goal.measure is None or goal.measure.target is None:
        # a current value beside no target measures nothing: the goal's
        # progress would stay 0 and the command would seem to have worked
        add = (
            "give it a measure with a target first, e.g. measure: {start: 0, target: 12, "
            "unit: chapters} (or target: beside its title)"
            if goal.measure is None
            else "add target: to its measure first"
        )
        click.echo(
            f"okrsite: {shown_path(root, goal.file)}: goal {target} has no target, so a current value would "
            f"measure nothing; {add}, then run okrsite checkin {target} --value {asked} "
            "again; nothing was changed",
            err=True,
        )
        sys.exit(1)
    language = base.config.language
    old = read_as_written(root / goal.file)
    text, written = as_editable(old)

    def edited(current: Any) -> str:
        new = set_goal_current(text, current)
        if new is None:
            raise not_edited(goal.file, "its measure's current value", text, "edit it by hand")
        return written.restore(new)  # its line endings and byte-order mark as written

    if value is None:
        if not interactive():
            raise click.UsageError(
                f"give the goal's current value: okrsite checkin {target} --value V"
            )
        edited(0)  # a file this cannot edit is said before anything is asked
        check = _answer_checker(root, base, cache, lambda answer: {goal.file: edited(answer)})
        unit = goal.measure.unit
        # read as --value reads it: 1.6M beside unit: M EUR is 1.6, not 1600000
        current = _ask(
            f"{goal.title}: current value",
            lambda raw: value_in_unit(raw, number_or_text(raw, language), unit),
            check,
            required=True,
            language=language,
        )
    else:
        current = typed_figure(f"--value {value}", value, language)
        refuse_goal_value_without_figure(target, value, current)
        current = value_in_unit(value, current, goal.measure.unit)  # 1.6M beside M EUR: 1.6
    # written as the number the loader reads (€1,400,000 beside unit: M EUR: 1.4)
    current = goal_current_as_read(root, base, cache, goal.file, edited, current)
    new = edited(current)
    if new == old:
        click.echo(
            f"okrsite: {shown_path(root, goal.file)} already has current: {current}; "
            "nothing to change"
        )
        return
    report(
        validated_write(root, {goal.file: new}, replace=[goal.file], base=base, cache=cache),
        "goal",
        root=root,
    )


@click.command()
@click.argument("target", metavar="ID")
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="KR=VALUE",
    help="Objective: a key result's new value (repeatable).",
)
@click.option(
    "--value",
    default=None,
    metavar="V",
    help="KPI: its reading. SMART goal: its measure's current value.",
)
@click.option(
    "--confidence",
    default=None,
    metavar="C",
    help="Confidence 0-10 (7, 7/10, 4/5, 8 of 10, 70%), or low, medium, high.",
)
@click.option(
    "--note",
    default=None,
    help="What happened, plans, problems (Markdown). On a terminal, the editor opens without it.",
)
@click.option(
    "--date",
    "moment",
    type=MomentType(),
    default=None,
    help="Date, and time of day if you like, of the check-in (default: now), as a check-in "
    "file's date: is written: 2026-11-29, 29.11.2026, 2026-11-29T14:05, 2026-11-29 2:05 pm; "
    "a zone after the time is kept as typed (2026-11-29T14:05+01:00), a time without one is "
    "your local time, written with your UTC offset on that day. A date alone is stamped "
    "now when it is today, else the minute after that day's last timed check-in (the second "
    "after one at 23:59; refused after 23:59:59), so it is read as the day's latest; give a "
    "time to place it earlier.",
)
@click.option("--author", default=None, help="Who checks in: a name or a person id.")
@click.option(
    "--site", type=click.Path(file_okay=False, path_type=Path), default=None, help="Site folder."
)
def checkin(
    target: str,
    sets: tuple[str, ...],
    value: str | None,
    confidence: str | None,
    note: str | None,
    moment: date | datetime | None,
    author: str | None,
    site: Path | None,
) -> None:
    """Record a check-in for an objective, KPI or SMART goal ID.

    \b
    okrsite checkin sales/emea --set revenue=1.4 --confidence high
    okrsite checkin nps --value 42
    okrsite checkin handbook --value 7        (sets the goal's measure current)
    okrsite checkin "Grow EMEA revenue" --set "Revenue=1.4"   (by title)

    The file is checked by the same loader as okrsite check before it is
    written; if the loader finds a new error, it is printed and nothing is
    written. Check-ins of one day are kept in order: the file gets the time
    of day and a name after every check-in of that day.
    """
    record_checkin(
        _root(site),
        target,
        sets=sets,
        value=value,
        confidence=confidence,
        note=note,
        moment=moment,
        author=author,
    )


@click.command()
@click.argument(
    "kind", type=click.Choice(["objective", "kpi", "goal", "checkin", "person", "team"])
)
@click.argument("record_id", metavar="ID")
@click.option("--title", help="Title (default: made from the id).")
@click.option(
    "--parent",
    help="Objective: parent objective or objective#kr. Goal: what it supports. Team: its parent.",
)
@click.option(
    "--cycle",
    help="Objective, goal: cycle, e.g. 2026-Q1 (default: default_cycle, else the current quarter).",
)
@click.option("--owner", help="Owner: a name (Uma Diaz) or a person id.")
@click.option("--team", help="Team: a name or a team id.")
@click.option(
    "--set", "sets", multiple=True, metavar="KR=VALUE", help="checkin: as okrsite checkin."
)
@click.option("--value", default=None, metavar="V", help="checkin: as okrsite checkin.")
@click.option("--confidence", default=None, metavar="C", help="checkin: as okrsite checkin.")
@click.option("--note", default=None, help="checkin: as okrsite checkin.")
@click.option(
    "--date", "moment", type=MomentType(), default=None, help="checkin: as okrsite checkin."
)
@click.option("--author", default=None, help="checkin: as okrsite checkin.")
@click.option(
    "--site", type=click.Path(file_okay=False, path_type=Path), default=None, help="Site folder."
)
def new(
    kind: str,
    record_id: str,
    title: str | None,
    parent: str | None,
    cycle: str | None,
    owner: str | None,
    team: str | None,
    sets: tuple[str, ...],
    value: str | None,
    confidence: str | None,
    note: str | None,
    moment: date | datetime | None,
    author: str | None,
    site: Path | None,
) -> None:
    """Write a new KIND file with id ID that okrsite check accepts (never overwrites).

    Only what you give is written as values; what is left to decide is shown
    as commented examples in the file. For a check-in, ID is the objective,
    KPI or SMART goal it reports on, and it works as okrsite checkin (on a
    terminal it asks for the values it needs). For a person or team, ID is
    the name ("José Álvarez"): the file is named by the id the name becomes
    (people/jose-alvarez.md), its title is the name as written; a person
    takes --team, a team --owner (its lead) and --parent.
    """
    from okrsite.cycle_names import part_with_year, quarter_of
    from okrsite.scaffold import KINDS, ScaffoldError, new_record_text

    root = _root(site)
    if kind == "checkin":
        return record_checkin(
            root,
            record_id,
            sets=sets,
            value=value,
            confidence=confidence,
            note=note,
            moment=moment,
            author=author,
        )
    if sets or value is not None or confidence is not None or note is not None:
        raise click.UsageError(
            "--set, --value, --confidence and --note are for 'okrsite new checkin'"
        )
    refuse_flags_not_taken(kind, parent, cycle)
    base, cache = load_for_writing(root)
    if cycle and cycle not in base.config.cycles:  # --cycle Q4: with the year it means
        meant = part_with_year(cycle, base.config.cycles, base.config.as_of or date.today())
        if meant is not None:
            click.echo(f"okrsite: --cycle {cycle!r} is written as {meant}", err=True)
            cycle = meant
    content_dir = base.config.content_dir
    record_id = id_typed_as_path(record_id, content_dir, (KINDS[kind],))
    if kind not in ("person", "team"):
        record_id, title = _id_from_name(record_id, title)
    written_as, p = None, base.scored.portfolio
    if kind in ("person", "team"):
        record_id, title = _person_or_team_id(kind, record_id, title, base)
    else:  # into Vertrieb/ (or Customer Success/) when it is there, not beside it
        record_id, written_as = _in_existing_folders(root, base.config.content_dir, kind, record_id)
    if parent:
        parent = _parent_named(p, id_typed_as_path(parent, content_dir), kind)
    try:
        rel, text = new_record_text(
            base.config.content_dir,
            kind,
            record_id,
            title=title,
            parent=parent,
            cycle=cycle or base.config.default_cycle,
            owner=owner,
            team=team,
            today=base.config.as_of,  # the current quarter as the site is judged
            language=base.config.language,
            cycles=base.config.cycles,
        )
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    rel = written_as or rel
    if file_there(root, rel, shown_path(root, rel)):  # a name too long for one: OKR009 below
        if kind in ("person", "team"):  # the name is that file's: another id would be a second
            raise click.UsageError(
                f"{shown_path(root, rel)} already exists: it is the {kind} that name names; okrsite never "
                "overwrites a file: edit it to change it"
            )
        raise click.UsageError(
            f"{shown_path(root, rel)} already exists; okrsite never overwrites a file: choose another id"
        )
    refuse_id_of_other_kind(base, kind, rel, lambda file: shown_path(root, file))
    # a goal's supports: naming nothing is a warning in a file (the goal is not R), but
    # typed on the command line it is a typo: refused, as an objective's --parent is
    refused = ("OKR303",) if kind == "goal" and parent else ()
    outcome = validated_write(root, {rel: text}, base=base, cache=cache, refuse=refused)
    report(outcome, kind, root=root)
    if not cycle and kind in ("objective", "goal"):  # written into default_cycle: still running?
        now = base.config.as_of or date.today()  # as the site is judged
        ended = ended_default_cycle_note(
            base.config, now, quarter_of(now, base.config.cycles), f"the {kind}"
        )
        if ended:
            click.echo(f"okrsite: note: {ended}", err=True)
