"""What the authoring commands refuse before they write anything.

A check-in of a record whose own file the site does not read
(:func:`refuse_unread_target`), and flags of ``okrsite new`` that the kind
of file asked for does not take (:func:`refuse_flags_not_taken`).

``okrsite checkin`` may be given the id of an objective, KPI or SMART goal
whose file has errors of its own (front matter that is no YAML, a key
result without an id): the loader sets such a file aside, so it cannot
check a check-in of it against its key results, and ``okrsite check``
counts no check-in of it. Written, such a check-in would seem recorded
and be read by nothing. So the command refuses it (exit 1): it prints that
file's own errors, at their lines, and says to fix that file first.
"""

from __future__ import annotations

import sys

import click

from okrsite.diagnostics import format_report
from okrsite.model import Portfolio
from okrsite.parse import kind_and_id_from_path
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


def not_edited(file: str, what: str, text: str, by_hand: str) -> click.ClickException:
    """The refusal (exit 1) when a command cannot edit a file people wrote:
    the file, what was to change, why when okrsite knows (TOML front matter,
    which it reads but never rewrites), and what to write by hand."""
    if text.lstrip("\ufeff").startswith("+++"):
        why = "its front matter is TOML (+++), which okrsite reads but does not rewrite"
    else:
        why = "okrsite found no line it can rewrite safely in this file's front matter"
    return click.ClickException(f"{file}: {what} could not be written: {why}; {by_hand}")
