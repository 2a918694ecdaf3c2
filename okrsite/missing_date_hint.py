"""The hint of OKR101 for a check-in without ``date:``, naming a day that fits.

The parser knows no date, so it writes a placeholder; the pipeline, which
knows as_of, fills it in (as :func:`okrsite.cycle_names.with_current_cycle`
names the current quarter for a missing ``cycle:``). A fixed example day
was soon a day outside every running cycle: pasted as told, it earned
OKR309 ("outside its objective's cycle"). A file whose name holds a day
anywhere (``support-first-response-2026-11-17.md``, which is not read as
its date: only a name that starts with one is) is offered that day, as the
one its writer most likely meant; any other gets as_of's day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from okrsite.diagnostics import Diagnostic

#: what the parser writes where the day goes; :func:`with_missing_date_day` fills it
DAY_PLACEHOLDER = "<the day of as_of>"

_DAY_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def missing_date_hint(key: str) -> str:
    """OKR101's hint for a missing ``key`` that holds a day, as the parser writes it."""
    return f"add '{key}: {DAY_PLACEHOLDER}' (year-month-day)"


def day_in_name(file: str | None) -> date | None:
    """The last valid day written in the file's name, if any: the day a hint
    offers, and the one OKR104's hint for a time alone says the file is named for."""
    if not file:
        return None
    name = file.rsplit("/", 1)[-1]
    for found in reversed(_DAY_IN_NAME.findall(name)):
        try:
            return date(int(found[0]), int(found[1]), int(found[2]))
        except ValueError:
            continue
    return None


def with_missing_date_day(diags: Sequence[Diagnostic], as_of: date) -> list[Diagnostic]:
    """``diags`` with the placeholder of a missing day's hint replaced by the
    day the file's name holds, else by as_of's day."""
    out: list[Diagnostic] = []
    for d in diags:
        if d.hint and DAY_PLACEHOLDER in d.hint:
            day = day_in_name(d.file) or as_of
            d = replace(d, hint=d.hint.replace(DAY_PLACEHOLDER, day.isoformat()))
        out.append(d)
    return out
