"""What ``okrsite checkin`` says about a check-in beside writing it.

Split from :mod:`okrsite.authoring_cli`: where a finding in a check-in not
written yet is (the option that gave the value, not a line of a file that
does not exist), and the notes after writing one that is not read as the
latest of its day or not counted yet, so the check-in never seems lost.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import click

from okrsite.authoring import Outcome
from okrsite.diagnostics import Diagnostic
from okrsite.model import CheckIn, Objective, Portfolio
from okrsite.pipeline import LoadResult
from okrsite.resolve import checkin_order


def say_when_read(
    base: LoadResult, outcome: Outcome, kind: str, target: str, when: date | datetime, rel: str
) -> None:
    """After a check-in is written, a note where it is not read as the
    latest of its day (no time of day), or not counted yet (dated after
    the site's as_of, or after today)."""
    p = base.scored.portfolio
    day = when.date() if isinstance(when, datetime) else when
    # the loader's OKR311 already says it when the new name sorts after a timed one
    warned = any(d.code == "OKR311" and d.file == rel for d in outcome.warnings)
    if not isinstance(when, datetime) and not warned:
        read_after = read_after_new(p, kind, target, day, rel)
        if read_after:
            shown = ", ".join(
                c.file.rsplit("/", 1)[-1] + (f" ({c.time}{c.zone})" if c.time else "")
                for c in read_after
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


def as_typed(
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


def read_after_new(p: Portfolio, kind: str, target: str, day: date, rel: str) -> list[CheckIn]:
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
