"""What an authoring command writes to, from what was typed on the command line.

Split from :mod:`okrsite.authoring_cli`: the record a check-in is for,
named by its id, its title or part of it; the id a name typed for
``okrsite new`` becomes (a person's, a team's, a path of names); a parent
named by its title; the milestones a ``--set`` ticks by their names; and a
``--set`` figure typed with a magnitude, counted in its key result's unit.
Each says what it read, and refuses a name that is not one record.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click

from okrsite.model import Objective, Portfolio
from okrsite.named_targets import (
    folded,
    key_result_named,
    milestones_named,
    target_guess,
    targets_named,
)
from okrsite.parse import kind_and_id_from_path
from okrsite.pipeline import LoadResult
from okrsite.slug import slugify

RECORD_FOLDERS = ("objectives", "kpis", "goals")


def id_typed_as_path(name: str, content_dir: str, folders: tuple[str, ...] = RECORD_FOLDERS) -> str:
    """``content/objectives/company/x.md`` (as the shell completes a file's
    path), ``./content/kpis/nps.md`` or ``sales/emea.md``: the id the file
    has (``company/x``), for every command that takes an id. A leading
    ``./``, the site's content folder with one of ``folders`` after it and
    ``.md`` are left out (no id ends in ``.md``); anything else is as typed."""
    text = name.strip()
    while text.startswith("./"):
        text = text[2:]
    prefix = content_dir.strip("/").removeprefix("./")
    if prefix not in ("", "."):
        head, sep, rest = text.partition(prefix + "/")
        folder, slash, tail = rest.partition("/")
        if not head and sep and folder in folders and tail:
            text = tail
    return text.removesuffix(".md") if text.endswith(".md") and len(text) > 3 else text


def _id_from_name(rid: str, title: str | None) -> tuple[str, str | None]:
    """``okrsite new objective "Customer Success/Renewals Q4"``: an ID typed
    as names (spaces, accents, capitals, punctuation) is the id those names
    become, as an owner's name becomes a person id (``customer-success/renewals-q4``),
    and its last part as typed is the title unless ``--title`` gives one. One
    word is a name too (``Qualität`` is ``qualitat``, as ``Kundenzahl Süd``
    is ``kundenzahl-sud`` and ``new team "Vertrieb"`` writes ``vertrieb``):
    a file named ``Qualität.md`` would give a URL of ``Qualit%C3%A4t``. The
    command says so; an ID that is already a lower-case id (``sales/emea``,
    ``q4_plan``) is kept as typed, as ``owner:`` keeps one."""
    from okrsite.parse import ID_RE

    if rid.endswith(".md") or (
        rid.isascii() and not any(c.isupper() for c in rid) and ID_RE.match(rid)
    ):
        return rid, title
    parts = [part.strip() for part in rid.strip().split("/")]
    slugs = [slugify(part) for part in parts]
    new_id = "/".join(slugs)
    if not all(slugs) or not ID_RE.match(new_id):
        return rid, title  # refused with the forms an id takes
    if new_id == rid:  # a name in a script with no case (目标): already its id
        return rid, title
    click.echo(f"okrsite: {rid!r} is written as the id {new_id}", err=True)
    return new_id, title or parts[-1]


def _in_existing_folders(
    root: Path, content_dir: str, kind: str, rid: str
) -> tuple[str, str | None]:
    """``okrsite new objective vertrieb/messe-2027`` beside the folder
    ``Vertrieb/``: the file goes into that folder (``Vertrieb/messe-2027``),
    as macOS and Windows would put it, so its id spells the folder as the
    ids beside it do and the site writes one folder of pages, not two
    (``vertrieb/`` and ``Vertrieb/``, one folder on a Mac). Beside a folder
    whose name folds to the id's part (``Customer Success/`` for
    ``customer-success/onboarding``) the file goes into it too, and its id
    is its path folded, as its neighbours' are. The id, and the file's
    site-relative path when that is not the id's own (in a folder whose
    name is no id); says so."""
    from okrsite.id_spellings import existing_spelling
    from okrsite.parse_names import path_id
    from okrsite.scaffold import KINDS

    if "/" not in rid or rid.endswith(".md") or kind not in KINDS:
        return rid, None
    prefix = f"{content_dir.strip('/')}/{KINDS[kind]}/"
    kept = existing_spelling(root, prefix + rid)[len(prefix) :]
    if kept == rid:
        return rid, None
    new_id = path_id(kept)
    click.echo(
        f"okrsite: {prefix}{kept.rpartition('/')[0]}/ is there already, written so: "
        f"the id is {new_id}",
        err=True,
    )
    return new_id, (None if new_id == kept else f"{prefix}{kept}.md")


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
    that exists, naming that file's id alone (not first the folded name's,
    ``jurgen-gross`` beside ``juergen-gross``); a line naming several
    people is refused."""
    from okrsite.parse import first_name_first, name_to_id, people_in_one_line, without_note
    from okrsite.parse_names import says_no_one
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
        if says_no_one(written):  # owner: n/a names no one: no file people/n/a.md
            raise click.UsageError(
                f"{name!r} is a word for no one, not a person's name (an owner: line "
                "reads it as no owner): give the person's name"
            )
    rid = name_to_id(written)
    if not rid:
        raise click.UsageError(f"{name!r} has no letter or digit to name a file by")
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
    if rid != name:  # said after the refusal above, which names the id the name is
        click.echo(f"okrsite: {name!r} is {rid}", err=True)
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


def values_in_units(
    obj: Objective, typed: dict[str, str], values: dict[str, Any]
) -> dict[str, Any]:
    """``values`` (by key result id) with each figure that was typed with a
    magnitude and no money (``--set users=17k``, ``1.5 Mio``; ``typed``: as
    typed, by key result id) counted in its key result's ``unit:`` where
    that unit holds a magnitude (``k``, ``M``, ``k€``): 17, which the file
    reads as 17 k, not the whole 17000 the figure is elsewhere, which
    beside ``unit: k`` would read as 17,000 k. A figure typed with its
    money (``$17M``) is written as typed already, and the file counts it
    in its unit itself; any other value is left as it is."""
    out = dict(values)
    for kr in obj.key_results:
        raw = typed.get(kr.id)
        if raw is not None and kr.id in values:
            out[kr.id] = value_in_unit(raw, values[kr.id], kr.unit)
    return out


def value_in_unit(raw: str, value: Any, unit: str) -> Any:
    """One figure of :func:`values_in_units`: ``value`` (read from ``raw``,
    as typed) counted in ``unit`` when typed with a magnitude and no money
    and ``unit`` holds one (``1.6M`` beside ``unit: M EUR``: 1.6); a SMART
    goal's ``--value`` is counted so in its measure's unit too."""
    from okrsite.parse_figures import currency_of, magnitude_written, unit_multiplier

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    written = magnitude_written(raw)
    times = unit_multiplier(unit) if unit else 1.0
    if written is None or currency_of(written) or times == 1:
        return value
    counted = float(f"{value / times:.12g}")  # 16500 / 1000: 16.5, never 16.499999…
    return int(counted) if counted.is_integer() else counted


def _ticked(root: Path, obj: Objective, ticks: list[tuple[int, int]]) -> dict[str, str]:
    """The objective's file with the milestones ``ticks`` names marked done,
    its line endings and byte-order mark as written."""
    from okrsite.authoring import tick_milestone
    from okrsite.authoring_line_ends import read_for_editing
    from okrsite.authoring_refusals import not_edited

    text, written = read_for_editing(root / obj.file)
    for kr_index, ms_index in ticks:
        new = tick_milestone(text, kr_index, ms_index)
        kr = next(k for k in obj.key_results if k.index == kr_index)
        if new is None:
            raise not_edited(
                obj.file,
                f"the tick of milestone {kr.milestones[ms_index].title!r} of {kr.id}",
                text,
                "set its done: true by hand",
            )
        click.echo(
            f"okrsite: ticked milestone {kr.milestones[ms_index].title!r} of {kr.id} in {obj.file}",
            err=True,
        )
        text = new
    return {obj.file: written.restore(text)}


def _parent_named(p: Portfolio, name: str, kind: str) -> str:
    """``--parent`` as people name it, as ``okrsite checkin`` takes its ID:
    an objective (or, for a goal's ``supports:``, a KPI) by its title or the
    last part of its id in any case (:func:`_named`), and a key result after
    ``#`` by its title or the start of it. The file gets the id, and the
    command says which it took. A name that fits several is refused with
    them all; one that fits none is refused (exit 1): the start of a title
    or a key result's title alone with the one it may mean
    (:func:`refuse_parent_guessed`), anything else by the loader's OKR303
    with its own "did you mean" (a goal's too: ``okrsite new`` counts that
    warning as an error there). A file's path (``content/objectives/x.md``)
    is its id: the caller passes it through :func:`id_typed_as_path`."""
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
    if not found:
        refuse_parent_guessed(p, name, kind, allowed)
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


def refuse_parent_guessed(p: Portfolio, name: str, kind: str, allowed: set[str]) -> None:
    """``--parent "Renew"`` (the start of the title ``Renew: the big
    accounts``) or ``--parent "Raise NPS"`` (a key result's title without
    its objective) names nothing, and the loader's near-id guess finds
    neither: refused here (exit 1, as the loader's OKR303 is) with the
    record it may mean, so nothing is written. A name with no such guess
    is left to the loader, whose OKR303 refuses it with its own guess."""
    head, sep, kr_name = name.partition("#")
    wanted = folded(head.strip())
    if sep or len(wanted) < 3:
        return
    guesses = sorted(
        rid for rid in allowed if folded(_title_of(p, rid)).startswith(wanted)
    ) + sorted(
        f"{oid}#{kr.id}"
        for oid, obj in p.objectives.items()
        for kr in obj.key_results
        if folded(kr.title).startswith(wanted)
    )
    if not guesses:
        return
    meant = " or ".join(
        f"{g} ({_title_of(p, g.partition('#')[0])!r}"
        + (f", key result {_kr_title(p, g)!r})" if "#" in g else ")")
        for g in guesses[:3]
    )
    click.echo(
        f"Error: --parent {name!r} names no "
        + ("objective or KPI" if kind == "goal" else "objective")
        + f" by its id or whole title; did you mean {meant}? "
        f"Give its id (or title); the {kind} was not written; nothing was changed",
        err=True,
    )
    sys.exit(1)


def _kr_title(p: Portfolio, ref: str) -> str:
    oid, _, kid = ref.partition("#")
    return next((kr.title for kr in p.objectives[oid].key_results if kr.id == kid), kid)


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
    if not found and "/" in name:  # Vertrieb/Messe 2027, as okrsite new took it
        found = _path_named(p, name, also)
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


def _path_named(p: Portfolio, name: str, also: set[str] | frozenset[str]) -> list[str]:
    """The ids a name written as a file's path folds to, as the file's id
    does (``Vertrieb/Messe 2027`` is ``vertrieb/messe-2027``), in any letter
    case (``Vertrieb/messe-2027``: one folder on macOS and Windows)."""
    from okrsite.id_spellings import spelling_key
    from okrsite.parse_names import folded_ref

    meant = folded_ref(name)
    if meant is None or "#" in meant:
        return []
    key = spelling_key(meant)
    ids = [*also, *p.objectives, *p.kpis, *p.goals]
    return sorted({rid for rid in ids if spelling_key(rid) == key})


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
    by id, so the command can say what is wrong with them and refuse the
    check-in (:func:`~okrsite.authoring_refusals.refuse_unread_target`)."""
    p = base.scored.portfolio
    content_dir = base.config.content_dir
    name = id_typed_as_path(name, content_dir)
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
