"""What the authoring commands refuse before they write anything.

A check-in of a record whose own file the site does not read
(:func:`refuse_unread_target`), flags of ``okrsite new`` that the kind
of file asked for does not take (:func:`refuse_flags_not_taken`), and a new
objective or KPI given the id of a KPI or objective the site has
(:func:`refuse_id_of_other_kind`). Whether the file a typed id names is
there is asked so that no answer of the system is a traceback
(:func:`file_there`).

``okrsite checkin`` may be given the id of an objective, KPI or SMART goal
whose file has errors of its own (front matter that is no YAML, a key
result without an id): the loader sets such a file aside, so it cannot
check a check-in of it against its key results, and ``okrsite check``
counts no check-in of it. Written, such a check-in would seem recorded
and be read by nothing. So the command refuses it (exit 1): it prints that
file's own errors, at their lines, and says to fix that file first.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import click

from okrsite.authoring_tabs import tab_indented_line
from okrsite.diagnostics import format_report
from okrsite.model import Objective, Portfolio
from okrsite.parse import kind_and_id_from_path
from okrsite.path_probe import file_exists
from okrsite.pipeline import LoadResult

_KINDS = ("objective", "kpi", "goal")


def read_by_site(p: Portfolio, target: str) -> bool:
    """Whether ``target`` is an objective, KPI or SMART goal the site read."""
    return target in p.objectives or target in p.kpis or target in p.goals


def refuse_unread_target(base: LoadResult, target: str) -> None:
    """Exit 1, with the errors of ``target``'s own file(s), when the site
    did not read the record ``target`` names (its file was set aside for
    them); return when it did."""
    p = base.scored.portfolio
    if read_by_site(p, target):
        return
    content_dir = base.config.content_dir
    errors = [
        d
        for d in base.diagnostics
        if d.is_error
        and d.file
        and kind_and_id_from_path(d.file, content_dir) in {(k, target) for k in _KINDS}
    ]
    files = sorted({str(d.file) for d in errors})
    if errors:
        click.echo(format_report(errors), err=True)
    where = ", ".join(files) if files else f"the file of {target}"
    click.echo(
        f"okrsite: {where} has errors of its own (above), so the site does not read "
        f"{target}, and a check-in of it could be neither checked nor counted: fix "
        f"{'that file' if len(files) < 2 else 'those files'} first (okrsite check lists "
        "its errors), then run okrsite checkin again; nothing was written",
        err=True,
    )
    sys.exit(1)


#: what each kind of file without a cycle takes, for the refusal that lists it
_TAKES = {
    "kpi": "a KPI takes --title, --owner and --team",
    "person": "a person takes --title and --team",
    "team": "a team takes --title, --owner (its lead) and --parent (the team it belongs to)",
}


def refuse_flags_not_taken(kind: str, parent: str | None, cycle: str | None) -> None:
    """``okrsite new kpi churn --parent emea --cycle 2026-Q4``: a KPI has no
    parent and no cycle (it is measured across cycles; an objective's key
    result or a goal's ``supports:`` names it, and its readings are dated),
    so a KPI file takes neither key: the command refuses them (exit 2), as
    it refuses a person's or team's flags that do not apply, rather than
    drop ``--cycle`` in silence or write ``supports:``, a key the loader
    ignores in a KPI (OKR111). A person's or team's ``--cycle`` is refused
    so too (their ``--parent``, :mod:`okrsite.scaffold`)."""
    if kind not in _TAKES:
        return
    flags = (("--parent", parent), ("--cycle", cycle)) if kind == "kpi" else (("--cycle", cycle),)
    given = [flag for flag, value in flags if value]
    if given:
        why = (
            ": it belongs to no cycle (its readings are dated) and to no parent (an "
            "objective's key result names it with kpi:, a goal with supports:)"
            if kind == "kpi"
            else ": it belongs to no cycle"
        )
        raise click.UsageError(f"{_TAKES[kind]}, not " + " or ".join(given) + why)


#: the kind whose id a new file of each kind may not take, with how a message names it
_SHARED_ID_WITH = {"objective": ("kpi", "a KPI"), "kpi": ("objective", "an objective")}


def refuse_id_of_other_kind(
    base: LoadResult, kind: str, rel: str, shown: Callable[[str], str]
) -> None:
    """``okrsite new objective nps`` beside ``content/kpis/nps.md``: an
    objective and a KPI of one id can be written, but then ``okrsite
    checkin nps`` cannot tell which is meant (it refuses, naming both) and
    ``supports: nps`` names both (OKR317). The one moment to choose another
    id is before the second file exists, so the command refuses it (exit
    2), naming the file that has the id and an id that is free; nothing is
    written. ``rel`` is the new file's site-relative path (its id is the
    one the loader will give it); ``shown`` writes a path as the person can
    use it. A file of the other kind set aside for errors of its own counts
    too: it has the id once it is fixed."""
    if kind not in _SHARED_ID_WITH:
        return
    content_dir = base.config.content_dir
    _, rid = kind_and_id_from_path(rel, content_dir)
    if not rid:
        return
    other, other_name = _SHARED_ID_WITH[kind]
    p = base.scored.portfolio
    table = p.kpis if other == "kpi" else p.objectives
    files = [table[rid].file] if rid in table else []
    if not files:
        files = sorted(
            {
                str(d.file)
                for d in base.diagnostics
                if d.file and kind_and_id_from_path(d.file, content_dir) == (other, rid)
            }
        )
    if not files:
        return
    taken = set(p.objectives) | set(p.kpis)
    free = f"{rid}-{kind}"
    n = 2
    while free in taken:
        free = f"{rid}-{kind}-{n}"
        n += 1
    this = "an objective" if kind == "objective" else "a KPI"
    raise click.UsageError(
        f"{shown(files[0])} is already {other_name} with the id {rid}: {this} of that id "
        f"too would share it (okrsite checkin {rid} could not tell which is meant, and "
        f"supports: {rid} would name both, OKR317); choose another id, such as {free}; "
        "nothing was written"
    )


def not_edited(file: str, what: str, text: str, by_hand: str) -> click.ClickException:
    """The refusal (exit 1) when a command cannot edit a file people wrote:
    the file, what was to change, why when okrsite knows (TOML front matter,
    which it reads but never rewrites; tab indentation it could not keep),
    and what to write by hand."""
    tabbed = tab_indented_line(text.lstrip("\ufeff"))
    if text.lstrip("\ufeff").startswith("+++"):
        why = "its front matter is TOML (+++), which okrsite reads but does not rewrite"
    elif tabbed is not None:
        why = (
            f"its front matter is indented with tabs (OKR017, line {tabbed}), and okrsite "
            "found no line it can rewrite safely keeping them"
        )
        by_hand = f"indent it with spaces and run the command again, or {by_hand}"
    else:
        why = "okrsite found no line it can rewrite safely in this file's front matter"
    return click.ClickException(f"{file}: {what} could not be written: {why}; {by_hand}")


def refuse_set_twice(key: str, first: str, second: str, typed: tuple[str, str] = ("", "")) -> None:
    """Two ``--set`` values for one key result (``--set uptime=99.6 --set
    uptime=99.7``, or by its id and its title): which one was meant, only
    the person knows, and a check-in file giving both is OKR111's warning
    (one is ignored). Refused (exit 1), both values named; nothing written.
    ``typed``: the two names as typed, when they differ from ``key``."""
    names = [name for name in typed if name and name != key]
    one, other = typed if names else (key, key)
    given = f"--set {shlex.quote(f'{one}={first}')} and --set {shlex.quote(f'{other}={second}')}"
    click.echo(
        f"okrsite: {given} both give key result {key} a value ({first.strip()} and "
        f"{second.strip()}); give it once, with the value you mean; nothing was written",
        err=True,
    )
    sys.exit(1)


def refuse_same_key_result(keys: dict[str, str], typed: dict[str, str]) -> None:
    """``--set "raise availability=99.7" --set uptime=99.6``: two names
    (a title and an id) of one key result, each with a value: refused as
    the same name twice is (:func:`refuse_set_twice`)."""
    seen: dict[str, str] = {}
    for name, kr_id in keys.items():
        if kr_id in seen:
            first = seen[kr_id]
            refuse_set_twice(kr_id, typed[first], typed[name], (first, name))
        seen[kr_id] = name


def key_result_meant(obj: Objective, key: str) -> str:
    """The id of the key result ``--set KEY=…`` names: as the loader names
    one (:func:`~okrsite.named_targets.key_result_named`: its id, its title
    or the start of it in whole words), else by the start of its title with
    the last word cut short (``Raise avail`` for "Raise availability from
    99% to 99.9%"), as people type it, else by whole words inside its title
    (``newsletter`` for "Grow newsletter subscribers"), when that fits one
    key result alone and is four letters or more (``re`` is a fragment that
    names nothing). A name that fits several is refused naming each (exit
    2); one that fits none is left to the loader (OKR304, with the key
    results it has)."""
    from okrsite.named_targets import key_result_named
    from okrsite.slug import slugify

    found = key_result_named(obj, key)
    ids = [kr.id for kr in obj.key_results]
    if found != key or key in ids:
        return found
    wanted = slugify(key)
    if len(wanted.replace("-", "")) < 4:  # re, ab: a fragment, no name (OKR304 lists them)
        return key
    titles = [(kr, slugify(kr.title)) for kr in obj.key_results]
    fits = [kr for kr, title in titles if title.startswith(wanted)]
    how = "the start of the titles of"
    if not fits:
        # whole words inside one title (``newsletter`` for "Grow newsletter
        # subscribers from 1,200 to 5,000"): what people remember of it
        fits = [kr for kr, title in titles if f"-{wanted}-" in f"-{title}-"]
        how = "in the titles of"
    if len(fits) == 1:
        return fits[0].id
    if fits:
        raise click.UsageError(
            f"--set {key}=…: {key!r} is {how} "
            + " and ".join(f"{kr.id} ({kr.title!r})" for kr in fits)
            + ": give the key result's id or more of its title"
        )
    return key


def refuse_goal_value_without_figure(target: str, raw: str, current: object) -> None:
    """A goal's ``--value`` with no figure in it (``--value abc``) is a usage
    error (exit 2) that names the value given: the command would write it
    into the goal's file and the loader would then blame that file's
    ``current:`` line, which still holds the old value and was not changed."""
    if not isinstance(current, str) or any(c.isdigit() for c in current):
        return
    raise click.UsageError(
        f"--value {shlex.quote(raw)} is not a number: give the goal's current value "
        f"as a figure, e.g. okrsite checkin {shlex.quote(target)} --value 42"
    )


def file_there(root: Path, rel: str, shown: str) -> bool:
    """Whether the file ``rel`` a typed id names exists. A name too long to be
    one is not asked about (``False``: the loader refuses the id, OKR009,
    nothing written); a path the system will not look up (a folder that may
    not be read) stops the command (exit 1), naming it."""
    try:
        return file_exists(root, rel)
    except OSError as exc:
        raise click.ClickException(
            f"cannot tell whether {shown} exists: {exc.strerror or exc}; nothing was changed"
        ) from None
