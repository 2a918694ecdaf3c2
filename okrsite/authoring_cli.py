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

import re
import shlex
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import click

from okrsite.authoring import (
    Outcome,
    checkin_file,
    checkin_text,
    confidence_value,
    findings,
    load_for_writing,
    number_or_text,
    set_goal_current,
    validated_write,
)
from okrsite.diagnostics import Diagnostic, format_report, summary_line
from okrsite.model import CheckIn, Objective, Portfolio
from okrsite.named_targets import (
    folded,
    key_result_named,
    milestones_named,
    target_guess,
    targets_named,
)
from okrsite.parse import kind_and_id_from_path
from okrsite.pipeline import LoadResult, ParseCache
from okrsite.resolve import checkin_order
from okrsite.slug import slugify
from okrsite.written_dates import (
    MOMENT_FORMS,
    read_date,
    relative_day,
    timed,
    year_last_readings,
)

#: how the editor's note template marks what is not part of the note (as git does)
SCISSORS = "# ------------------------ >8 ------------------------"
_PROMPTED_KINDS = ("numeric", "boolean", "stay_above", "stay_below")


def interactive() -> bool:
    """Prompts and the editor only when a person is at a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


class MomentType(click.ParamType):  # type: ignore[type-arg]
    """``--date``: exactly what a check-in file's ``date:`` takes, read by the
    same functions (:mod:`okrsite.written_dates`), so a date that a file
    accepts is never refused on the command line (``18.11.2026``,
    ``2026-11-18 4:30 pm``), and one a file refuses is refused here before
    anything is loaded. On the command line only, ``today`` and ``yesterday``
    (with a time too: ``yesterday 4:30 pm``) name the day counted from the
    machine's clock, as a person checking in late types it; a file keeps the
    date itself, which does not move on the next day. The file gets it as ``2026-11-18`` or
    ``2026-11-18T16:30``, as the command always wrote it."""

    name = "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> date | datetime:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        word, _, rest = text.partition(" ")
        named = relative_day(word)
        if named is not None:  # yesterday 4:30 pm: the day's date, then its time as written
            text = f"{named} {rest}".strip()
        split = timed(text)
        written, clock = split if split is not None else (text, "")
        day = read_date(written)
        if day is None:
            readings = year_last_readings(written)
            if len(readings) > 1:
                first, second = readings
                self.fail(
                    f"{value!r} names two days: {first.day} {first:%B %Y} (day first) or "
                    f"{second:%B} {second.day}, {second.year} (month first); write the one you mean as "
                    f"{first} or {second}",
                    param,
                    ctx,
                )
            self.fail(
                f"{value!r} is not a date; write it as {MOMENT_FORMS}, or today or yesterday",
                param,
                ctx,
            )
        if clock is None:
            self.fail(
                f"{value!r} has no such time of day; write it 24-hour, e.g. "
                f"{day}T14:05, or on a 12-hour clock, {day} 2:05 pm",
                param,
                ctx,
            )
        if not clock:
            return day
        return datetime.combine(day, time.fromisoformat(clock))


def _root(site: Path | None) -> Path:
    from okrsite.cli import resolve_site

    return resolve_site(site)


def _parse_set(items: tuple[str, ...]) -> dict[str, str]:
    """``--set KR=VALUE`` as typed: the values are read once the site's
    language is known (:func:`~okrsite.authoring.number_or_text`)."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip() or not raw.strip():
            raise click.BadParameter(
                f"{item!r}: write KR=VALUE, e.g. --set churn=4.1", param_hint="--set"
            )
        out[key.strip()] = raw
    return out


def _edit_note(target: str) -> str | None:
    text = click.edit(
        f"\n\n{SCISSORS}\n# Write the check-in note for {target} above this line (Markdown):\n"
        "# what happened, plans, problems. Everything from the line above down is removed.\n"
        "# An empty note records the check-in without one.\n",
        extension=".md",
    )
    if text is None:
        return None
    return text.split(SCISSORS, 1)[0].strip() or None


#: checks one answer typed at a prompt: the check-in or file it would make,
#: laid over the site; raises :class:`click.BadParameter` with what the loader says
Check = Callable[..., None]


def _answer_checker(
    root: Path, base: LoadResult, cache: ParseCache, files: Callable[..., dict[str, str]]
) -> Check:
    """A check of one answer, as the loader judges it: ``files`` makes what
    the command would write with that answer alone, and the loader's new
    errors are the answer's problem. The prompt says it at once and asks
    again (click's ``value_proc``), so nothing typed after it is thrown
    away, and no error points into a file that was never written."""

    def check(*args: Any, **kwargs: Any) -> None:
        errors, _ = findings(root, files(*args, **kwargs), base=base, cache=cache)
        if errors:
            raise click.BadParameter("; ".join(_said(d) for d in errors))

    return check


def _said(d: Diagnostic) -> str:
    """A diagnostic of an answer, without the place in a file not written:
    the prompt is where it is."""
    return f"{d.message} ({d.code}" + (f"; hint: {d.hint})" if d.hint else ")")


def _ask(
    question: str,
    read: Callable[[str], Any],
    check: Callable[[Any], None],
    *,
    required: bool = False,
) -> Any:
    """Ask ``question`` until the answer, read by ``read``, passes ``check``;
    unless ``required``, Enter skips it (``None``)."""

    def answer(raw: str) -> Any:
        if not raw.strip():
            return None
        value = read(raw)
        check(value)
        return value

    if required:
        return click.prompt(question, value_proc=answer)
    return click.prompt(
        f"{question} (Enter to skip)", default="", show_default=False, value_proc=answer
    )


def _prompt_values(obj: Objective, language: str, check: Check) -> dict[str, Any]:
    """Each key result that takes a value, asked in turn; each answer is
    checked as the loader reads it alone before the next is asked."""
    values: dict[str, Any] = {}

    def read(raw: str) -> Any:
        return number_or_text(raw, language)

    for kr in obj.key_results:
        if kr.kind not in _PROMPTED_KINDS:
            continue
        how = " (1 done, 0 not)" if kr.kind == "boolean" else (f" [{kr.unit}]" if kr.unit else "")

        def alone(answer: Any, kid: str = kr.id) -> None:
            check(values={kid: answer})

        value = _ask(f"{kr.id}: {kr.title}{how}", read, alone)
        if value is not None:
            values[kr.id] = value
    return values


def report(
    outcome: Outcome, what: str, unwritten: Callable[[Diagnostic], Diagnostic] | None = None
) -> None:
    """Print what the loader found; exit 1 if it refused the file. When it
    refused, ``unwritten`` says where each finding is instead of a place in
    a file that was never written (:func:`_as_typed`)."""
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
        click.echo(f"okrsite: wrote {rel}")


def _id_from_name(rid: str, title: str | None) -> tuple[str, str | None]:
    """``okrsite new objective "Customer Success/Renewals Q4"``: an ID typed
    as names (spaces, accents, punctuation) is the id those names become, as
    an owner's name becomes a person id (``customer-success/renewals-q4``),
    and its last part as typed is the title unless ``--title`` gives one. The
    command says so; an ID that is already usable (``Sales/EMEA``) is kept."""
    from okrsite.parse import ID_RE

    if ID_RE.match(rid) or rid.endswith(".md"):
        return rid, title
    parts = [part.strip() for part in rid.strip().split("/")]
    slugs = [slugify(part) for part in parts]
    new_id = "/".join(slugs)
    if not all(slugs) or not ID_RE.match(new_id):
        return rid, title  # refused with the forms an id takes
    click.echo(f"okrsite: {rid!r} is written as the id {new_id}", err=True)
    return new_id, title or parts[-1]


def _person_or_team_id(
    kind: str, name: str, title: str | None, base: LoadResult
) -> tuple[str, str | None]:
    """``okrsite new person "José Álvarez"``: the file is named by the id the
    name becomes where an ``owner:`` names a person (``jose-alvarez``), read
    by the parser's own functions: what people write after a name (``Uma
    Diaz (PM)``, ``Uma Diaz <uma@example.com>``) left out and a name written
    last name first (``Diaz, Uma``) turned round, so all of them are
    ``uma-diaz``. A team's brackets are part of its name (``Sales (EMEA)``
    is ``sales-emea``), as for ``team:``. The name so read is the title
    unless ``--title`` gives one; an id (``uma-diaz``) is kept, with a title
    made from it. A name that the site reads as a file of another id (its
    title, a person's email or handle) is that file, and refused as one
    that exists; a line naming several people is refused."""
    from okrsite.parse import first_name_first, name_to_id, people_in_one_line, without_note
    from okrsite.resolve import title_aliases

    written = " ".join(name.split())
    if kind == "person":
        several = people_in_one_line(written)
        if isinstance(several, list):
            raise click.UsageError(
                f"{name!r} names {len(several)} people ("
                + ", ".join(repr(one) for one in several)
                + "), as an owner: line reads it; okrsite new person writes one person's "
                "file: run it once for each"
            )
        written = first_name_first(without_note(written))
    rid = name_to_id(written)
    if not rid:
        raise click.UsageError(f"{name!r} has no letter or digit to name a file by")
    if rid != name:
        click.echo(f"okrsite: {name!r} is {rid}", err=True)
    p = base.scored.portfolio
    table: dict[str, Any] = dict(p.people if kind == "person" else p.teams)
    if rid not in table:
        other = title_aliases(table, {rid}).get(rid)
        if other is not None:
            raise click.UsageError(
                f"{name!r} is the {kind} {other}: {table[other].file} already exists, and "
                f"{'an owner' if kind == 'person' else 'a team'}: written so names it (by its "
                "title" + (", email or handle" if kind == "person" else "") + "); "
                "okrsite never writes a second file for it"
            )
    if rid == written:
        return rid, title
    return rid, title or written


#: a milestone typed as a task list writes it (``[x] Review``, ``[ ] Draft``,
#: ``✓ Review``), as a milestone's line of text may be written
_BOXED = re.compile(r"\s*(?:\[(?P<box>[ xX✓✔]?)\]|(?P<tick>[✅✓✔☑]))\s*(?P<title>\S.*)", re.S)


def _unboxed(typed: str) -> tuple[str, bool]:
    """The milestone name in ``typed`` and whether it asks to tick it:
    ``[x] Review`` and ``✓ Review`` tick Review, as a bare ``Review`` does;
    ``[ ] Review`` asks for it not done."""
    found = _BOXED.fullmatch(typed)
    if found is None:
        return typed, True
    ticked = found["tick"] is not None or (found["box"] or " ").strip() != ""
    return found["title"].strip(), ticked


def _milestones_named(obj: Objective, values: dict[str, Any]) -> list[tuple[int, int]]:
    """``--set "crm=Migrate the data"``: a checklist key result's milestone
    named by its title (or the start of it, in any case) is ticked in the
    objective's file, as a person ticks it there; a check-in takes no value
    for a checklist. Returns ``(key result index, milestone index)`` pairs
    and takes those values out of ``values``. A name may be typed as the
    file writes a done milestone (``[x] Migrate the data``); ``[ ] Migrate
    the data`` asks for it not done, which is refused for a done one (the
    command never unticks) and said for one that is not. A text naming no
    milestone is refused with the milestones it could name (a usage error,
    exit 2, as an ID naming nothing is); a number is left to the loader
    (OKR307, exit 1)."""
    ticks = []
    for kr in obj.key_results:
        typed = values.get(kr.id)
        if kr.kind != "milestones" or not isinstance(typed, str):
            continue
        name, tick = _unboxed(typed)
        found = milestones_named(kr.milestones, name)
        if len(found) != 1:
            raise click.UsageError(
                f"key result {kr.id} ({kr.title!r}) is a checklist: --set {kr.id}=MILESTONE "
                f"ticks one milestone, and {name!r} names "
                + ("several" if found else "none")
                + " of them: "
                + ", ".join(repr(m.title) for m in kr.milestones)
            )
        milestone = kr.milestones[found[0]]
        del values[kr.id]
        if not tick:  # [ ] Review: okrsite checkin ticks milestones, never unticks one
            if milestone.done:
                raise click.UsageError(
                    f"{typed!r} asks for milestone {milestone.title!r} of {kr.id} not done, "
                    "and okrsite checkin only ticks milestones: to untick it, set its "
                    f'done: false in {obj.file} (or write it there as "[ ] {milestone.title}"); '
                    "nothing was changed"
                )
            click.echo(
                f"okrsite: milestone {milestone.title!r} of {kr.id} is not done already", err=True
            )
            continue
        if milestone.done:
            click.echo(
                f"okrsite: milestone {milestone.title!r} of {kr.id} is done already", err=True
            )
            continue
        ticks.append((kr.index, found[0]))
    return ticks


def _ticked(root: Path, obj: Objective, ticks: list[tuple[int, int]]) -> dict[str, str]:
    """The objective's file with the milestones ``ticks`` names marked done."""
    from okrsite.authoring import tick_milestone

    text = (root / obj.file).read_text(encoding="utf-8")
    for kr_index, ms_index in ticks:
        new = tick_milestone(text, kr_index, ms_index)
        kr = next(k for k in obj.key_results if k.index == kr_index)
        if new is None:
            raise click.UsageError(
                f"{obj.file}: milestone {kr.milestones[ms_index].title!r} of {kr.id} could not "
                "be ticked in this file; set its done: true by hand"
            )
        click.echo(
            f"okrsite: ticked milestone {kr.milestones[ms_index].title!r} of {kr.id} in {obj.file}",
            err=True,
        )
        text = new
    return {obj.file: text}


def _parent_named(p: Portfolio, name: str, kind: str) -> str:
    """``--parent`` as people name it, as ``okrsite checkin`` takes its ID:
    an objective (or, for a goal's ``supports:``, a KPI) by its title or the
    last part of its id in any case (:func:`_named`), and a key result after
    ``#`` by its title or the start of it. The file gets the id, and the
    command says which it took. A name that fits several is refused with
    them all; one that fits none is written as given, and the loader
    refuses it with its own "did you mean" hint."""
    head, sep, kr_name = name.partition("#")
    head, kr_name = head.strip(), kr_name.strip()
    allowed = {*p.objectives, *p.kpis} if kind == "goal" else set(p.objectives)
    found = [rid for rid in _named(p, head) if rid in allowed]
    if len(found) > 1:
        raise click.UsageError(
            f"--parent {head!r} fits {len(found)} "
            + ("objectives or KPIs" if kind == "goal" else "objectives")
            + ": "
            + _listed(p, found)
            + "; give the whole id of the one you mean"
        )
    if len(found) != 1:
        return name
    rid = found[0]
    if rid != head:
        click.echo(f"okrsite: {head!r} is {rid}", err=True)
    if not sep:
        return rid
    obj = p.objectives.get(rid)
    kr_id = key_result_named(obj, kr_name) if obj is not None else kr_name
    if kr_id != kr_name:
        click.echo(f"okrsite: {kr_name!r} is key result {kr_id}", err=True)
    return f"{rid}#{kr_id}"


def _named(p: Portfolio, name: str, also: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Every objective, KPI or SMART goal ``name`` may name, sorted.

    The whole id names that one alone. Any other name is matched as the last
    part of an id, the first of those ways that fits deciding
    (:func:`~okrsite.named_targets.targets_named`: ``faster-support`` as
    written before ``FASTER-SUPPORT`` folded), and as a title (``Win more
    trials``), which counts beside it, whatever way fitted. An objective
    carried on (``carried_from:`` one of those, as ``okrsite carry`` writes
    it) is named by its ancestor's names too: after a carry the name of the
    ended objective fits its draft in the new cycle as well, and a check-in
    by it must not land in the cycle that ended unasked (it would change
    that cycle's final figures)."""
    found = targets_named(p, name, also=also)
    if found == [name]:
        return found
    slug = slugify(name)
    named = set(found)
    if slug:
        for table in (p.objectives, p.kpis, p.goals):
            for rid, record in table.items():
                if slugify(str(getattr(record, "title", ""))) == slug:
                    named.add(rid)
    while named:
        more = {oid for oid, obj in p.objectives.items() if obj.carried_from in named} - named
        if not more:
            break
        named |= more
    return sorted(named)


def _listed(p: Portfolio, rids: list[str]) -> str:
    """``id ('Title')`` of each; with its cycle where their cycles differ (an
    objective and the draft it was carried into)."""
    cycles = {
        rid: getattr(p.objectives.get(rid) or p.goals.get(rid), "cycle", None) for rid in rids
    }
    differ = len(set(cycles.values())) > 1
    return ", ".join(
        f"{rid} ({_title_of(p, rid)!r}"
        + (f", {cycles[rid]}" if differ and cycles[rid] else "")
        + ")"
        for rid in rids
    )


def _title_of(p: Portfolio, rid: str) -> str:
    record = p.objectives.get(rid) or p.kpis.get(rid) or p.goals.get(rid)
    return str(getattr(record, "title", rid))


def _one_target(base: LoadResult, name: str) -> str:
    """The id of the one objective, KPI or SMART goal ``name`` names
    (:func:`_named`); a usage error naming
    them all when it fits several, or what was tried and the nearest when it
    fits none. Refused here, not by the loader: the loader could only say
    that a check-in file that was never written names an objective that does
    not exist. Files set aside for errors of their own may still be named
    by id, as the loader accepts check-ins of them."""
    p = base.scored.portfolio
    content_dir = base.config.content_dir
    aside = {
        rid
        for d in base.diagnostics
        if d.is_error and d.file
        for kind, rid in [kind_and_id_from_path(d.file, content_dir)]
        if kind in ("objective", "kpi", "goal") and rid
    }
    found = _named(p, name, also=aside)
    if len(found) == 1:
        return found[0]
    if found:
        raise click.UsageError(
            f"{name!r} fits {len(found)} objectives, KPIs or SMART goals: "
            + _listed(p, found)
            + "; give the whole id of the one you mean"
        )
    guess = target_guess(p, name)
    forms = [f"{folded(name)!r} (in any case)"] if folded(name) != name else []
    if slugify(name) not in (name, folded(name)):
        forms.append(f"{slugify(name)!r} (as a slug, without accents)")
    raise click.UsageError(
        f"no single objective, KPI or SMART goal is named {name!r}: tried it as an id "
        "and as the last part of one, as written"
        + "".join(f" and as {form}" for form in forms)
        + ", and as a title"
        + (
            f"; did you mean {guess} ({_title_of(p, guess)!r})?"
            if guess
            else f"; their ids are file paths under {content_dir.strip('/')}/objectives, "
            "kpis and goals, without .md"
        )
    )


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
    values: dict[str, Any] = {key: number_or_text(raw, language) for key, raw in typed.items()}
    named = _one_target(base, target)
    if named != target:
        click.echo(f"okrsite: {target!r} is {named}", err=True)
        target = named
    keys: dict[str, str] = {}
    if target in p.objectives:
        keys = {key: key_result_named(p.objectives[target], key) for key in values}
        for key, kr_id in keys.items():
            if kr_id != key:
                click.echo(f"okrsite: {key!r} is key result {kr_id}", err=True)
        values = {keys[key]: value for key, value in values.items()}
        milestone_values = len(values)
        ticks = _milestones_named(p.objectives[target], values)
        milestone_values -= len(values)  # values that named milestones, ticked now or before
    else:
        ticks, milestone_values = [], 0
    if target in p.goals:
        return _goal_value(root, base, cache, target, value, sets, confidence, note)
    kind = "kpi" if target in p.kpis or (value is not None and not sets) else "objective"
    if kind == "kpi" and sets:
        raise click.UsageError(f"{target!r} is a KPI: give its reading with --value V")
    if kind == "objective" and value is not None:
        raise click.UsageError(f"{target!r} is an objective: give key results with --set KR=VALUE")
    ask = interactive()
    when: date | datetime = moment or datetime.now().replace(second=0, microsecond=0)
    day = when.date() if isinstance(when, datetime) else when
    rel = checkin_file(root, base.config.content_dir, target, day)

    def one_answer(**given: Any) -> dict[str, str]:
        """The check-in with one answer alone, for :func:`_answer_checker`."""
        return {rel: checkin_text(kind, target, when, author=author, **given)}

    check = _answer_checker(root, base, cache, one_answer)
    kpi_value: Any = None if value is None else number_or_text(value, language)
    if kind == "kpi" and value is None:
        if not ask:
            raise click.UsageError(f"give the KPI's reading: okrsite checkin {target} --value V")
        kpi_value = _ask(
            f"{p.kpis[target].title}: value",
            lambda raw: number_or_text(raw, language),
            lambda answer: check(value=answer),
            required=True,
        )
    obj = p.objectives.get(target)
    if kind == "objective" and ask and not values and obj is not None:
        values = _prompt_values(obj, language, check)
    said_confidence: Any = None if confidence is None else confidence_value(confidence, language)
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
    if kind == "objective" and not values and note is None and said_confidence is None:
        if edits:  # only milestones ticked: the objective's file is all that changes
            report(validated_write(root, edits, replace=edits, base=base, cache=cache), "objective")
            return
        if milestone_values:  # every milestone named is done already (said): nothing to change
            return
        raise click.UsageError("nothing to record: give --set KR=VALUE, --confidence or --note")
    text = checkin_text(
        kind,
        target,
        when,
        values=values,
        value=kpi_value,
        confidence=said_confidence,
        author=author,
        note=note,
    )
    outcome = validated_write(root, {rel: text, **edits}, replace=edits, base=base, cache=cache)
    report(outcome, "check-in", _as_typed(rel, obj, typed, keys, value, confidence))
    # the loader's OKR311 already says it when the new name sorts after a timed one
    warned = any(d.code == "OKR311" and d.file == rel for d in outcome.warnings)
    if not isinstance(when, datetime) and not warned:
        read_after = _read_after(p, kind, target, day, rel)
        if read_after:
            shown = ", ".join(
                c.file.rsplit("/", 1)[-1] + (f" ({c.time})" if c.time else "") for c in read_after
            )
            click.echo(
                f"okrsite: note: this check-in has no time of day, so it is read before "
                f"{shown} of the same day, whose values stay that day's last; if it came "
                f"after them, add the time of day to its date in {rel} (date: {day}THH:MM)",
                err=True,
            )
    pinned = base.config.as_of
    if pinned is not None and day > pinned:
        # written, but every figure is as of the pinned day: say so, or the
        # check-in seems lost
        click.echo(
            f"okrsite: note: okrsite.toml sets as_of = {pinned}, so this check-in of {day} "
            f"counts only in builds as of {day} or later (okrsite build --as-of {day}, or "
            "remove as_of from okrsite.toml to build as of today)",
            err=True,
        )
    elif pinned is None and day > date.today():
        # dated ahead (a typo in the year, or planned): nothing counts it yet
        click.echo(
            f"okrsite: note: this check-in is dated {day}, after today; pages and exports "
            f"count it from that day on (builds as of today leave it out)",
            err=True,
        )


def _as_typed(
    rel: str,
    obj: Objective | None,
    typed: dict[str, str],
    keys: dict[str, str],
    value: str | None,
    confidence: str | None,
) -> Callable[[Diagnostic], Diagnostic]:
    """Where a finding in the check-in ``rel`` that was not written is: the
    option that gave the value (``--set kr1=20``), and for a key result's
    value the key result and the objective file it is in, instead of a line
    of a file that does not exist. Findings elsewhere are left as they are."""
    given = {keys.get(key, key): f"{key}={raw}" for key, raw in typed.items()}

    def place(d: Diagnostic) -> Diagnostic:
        if d.file != rel:
            return d
        path = d.key_path or ()
        key = str(path[-1]) if path else ""
        unwritten = f"{rel} not written"
        if key in given and path in ((key,), ("values", key)):
            where = f"--set {shlex.quote(given[key])}"
            if obj is not None and obj.key_result(key) is not None:
                unwritten = f"key result {key} of {obj.file}; {unwritten}"
        elif path == ("value",) and value is not None:
            where = f"--value {shlex.quote(value)}"
        elif path == ("confidence",) and confidence is not None:
            where = f"--confidence {shlex.quote(confidence)}"
        else:
            where = "the check-in"
        return replace(d, file=f"{where} ({unwritten})", line=None, column=None)

    return place


def _read_after(p: Portfolio, kind: str, target: str, day: date, rel: str) -> list[CheckIn]:
    """The check-ins of ``target`` on ``day`` that a new one without a time,
    written to ``rel``, is read before.

    The file name is chosen after every ``DAY.md``/``DAY-N.md`` of the day,
    but a check-in without a time counts from the start of its day, so one
    stamped with a time (``okrsite checkin`` stamps the time of day) or one
    written by hand as ``DAY-afternoon.md`` still comes after it: the new
    values would silently not be the day's, as a backfilled check-in
    usually means them to be.
    """
    new = checkin_order(CheckIn(id="", file=rel, date=day))
    return [
        c
        for c in p.checkins
        if c.date == day
        and (c.kpi if kind == "kpi" else c.objective) == target
        and checkin_order(c) > new
    ]


def _goal_value(
    root: Path,
    base: LoadResult,
    cache: ParseCache,
    target: str,
    value: str | None,
    sets: tuple[str, ...],
    confidence: str | None,
    note: str | None,
) -> None:
    if sets or confidence is not None or note is not None:
        raise click.UsageError(
            f"{target!r} is a SMART goal: its check-in is its measure's current value, --value V"
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
            f"okrsite: {goal.file}: goal {target} has no target, so a current value would "
            f"measure nothing; {add}, then run okrsite checkin {target} --value {asked} "
            "again; nothing was changed",
            err=True,
        )
        sys.exit(1)
    language = base.config.language
    old = (root / goal.file).read_text(encoding="utf-8")

    def edited(current: Any) -> str:
        new = set_goal_current(old, current)
        if new is None:
            raise click.UsageError(
                f"{goal.file}: its measure: could not be updated; edit it by hand"
            )
        return new

    if value is None:
        if not interactive():
            raise click.UsageError(
                f"give the goal's current value: okrsite checkin {target} --value V"
            )
        edited(0)  # a file this cannot edit is said before anything is asked
        check = _answer_checker(root, base, cache, lambda answer: {goal.file: edited(answer)})
        current = _ask(
            f"{goal.title}: current value",
            lambda raw: number_or_text(raw, language),
            check,
            required=True,
        )
    else:
        current = number_or_text(value, language)
    new = edited(current)
    if new == old:
        click.echo(f"okrsite: {goal.file} already has current: {current}; nothing to change")
        return
    report(
        validated_write(root, {goal.file: new}, replace=[goal.file], base=base, cache=cache),
        "goal",
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
    "--confidence", default=None, metavar="C", help="Confidence 0-10, or low, medium, high."
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
    "file's date: is written: 2026-11-29, 29.11.2026, 2026-11-29T14:05, 2026-11-29 2:05 pm.",
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
    "--parent", help="Objective: parent objective or objective#kr. Goal: what it supports."
)
@click.option(
    "--cycle", help="Cycle, e.g. 2026-Q1 (default: default_cycle, else the current quarter)."
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
    from okrsite.scaffold import ScaffoldError, new_record_text

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
    if kind not in ("person", "team"):
        record_id, title = _id_from_name(record_id, title)
    base, cache = load_for_writing(root)
    if kind in ("person", "team"):
        record_id, title = _person_or_team_id(kind, record_id, title, base)
    if parent:
        parent = _parent_named(base.scored.portfolio, parent, kind)
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
        )
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    if (root / rel).exists():
        if kind in ("person", "team"):  # the name is that file's: another id would be a second
            raise click.UsageError(
                f"{rel} already exists: it is the {kind} that name names; okrsite never "
                "overwrites a file: edit it to change it"
            )
        raise click.UsageError(
            f"{rel} already exists; okrsite never overwrites a file: choose another id"
        )
    report(validated_write(root, {rel: text}, base=base, cache=cache), kind)
