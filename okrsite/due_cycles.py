"""A goal's ``due:`` naming a cycle of the site: ``FY27 Q4``, ``end of FY2027``, ``Sprint 7``.

``due:`` may name any cycle as cycles are written, due on its last day. A
calendar period (``Q4 2026``) is read where the file is parsed (the French
``T4 2026`` and ``S1 2026`` here, as a sprint may be named so), but a
fiscal cycle is one only where ``okrsite.toml`` sets ``fiscal_year_start``,
and a custom one only where it defines it, and parsing (cached per file)
knows neither. So parsing keeps such a ``due:`` as written
(:attr:`okrsite.model.Goal.due_cycle`, :func:`cycle_named`) and resolving
gives the goal that cycle's last day (:func:`resolve_due_cycles`), or says
OKR104 with a hint in the site's own cycle names: "names Q4 but no year"
was said of ``FY27 Q4``, whose year is there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from okrsite import cycles as cycles_mod
from okrsite.cycle_names import fiscal_start, unknown_cycle_hint
from okrsite.diagnostics import Diagnostic, error
from okrsite.due_words import without_deadline_words
from okrsite.model import Cycle, Goal
from okrsite.parse_messages import _date_hint, shown_value, time_alone
from okrsite.written_dates import MONTHS, read_date

#: what makes a ``due:`` a date written wrong, said where it is parsed: digits
#: parted like a date's (``2026-02-30``, ``12.11.``) or a time of day
_DATE_LIKE = re.compile(r"\d\s*[-./:]\s*\d|\d\s*(?:am|pm)\b", re.I)


def cycle_named(value: Any) -> str | None:
    """The ``due:`` text, as written, when it may name a cycle of the site
    (a fiscal or custom one, known only once the site's settings are): no
    date and no calendar period, and nothing a date's reading has a
    hint for (a month's name, digits parted like a date's, a time)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = without_deadline_words(value) or value.strip()
    if read_date(text) is not None or time_alone(text) is not None:
        return None
    if cycles_mod.french_period(text) is not None:
        return value.strip()  # S1 2026: a cycle of okrsite.toml so named, else the half
    if cycles_mod.calendar_cycle(cycles_mod.canonical(text)) is not None:
        return None  # Q4 2026: read where it is parsed
    if cycles_mod.fiscal_name(text) is not None:
        return value.strip()  # FY27 Q4: never a date, whatever digits it has
    words = re.findall(r"[^\W\d_]+", text.lower())
    if _DATE_LIKE.search(text) or any(w.rstrip(".") in MONTHS for w in words):
        return None
    return value.strip()


def due_cycle_end(written: str, cycles: Any) -> Cycle | None:
    """The cycle ``due:`` names among the site's (``cycles``: the configured
    ones, fiscal ones too where ``fiscal_year_start`` is set)."""
    name = without_deadline_words(written) or written.strip()
    return cycles_mod.lookup(cycles_mod.canonical(name, cycles), cycles)


def resolve_due_cycles(goals: dict[str, Goal], cycles: Any, day: date) -> list[Diagnostic]:
    """Give each goal whose ``due:`` names a cycle that cycle's last day; one
    naming none the site knows is OKR104, with a hint in its own names."""
    diags: list[Diagnostic] = []
    for gid, goal in list(goals.items()):
        if goal.due_cycle is None:
            continue
        found = due_cycle_end(goal.due_cycle, cycles)
        if found is not None:
            goals[gid] = replace(goal, due=found.end)
            continue
        diags.append(
            error(
                "OKR104",
                f"due must be a real date like 2026-02-10, got {shown_value(goal.due_cycle)}",
                goal.file,
                hint=_unknown_due_hint(goal.due_cycle, cycles, day),
                key_path=("due",),
            )
        )
    return diags


def _unknown_due_hint(written: str, cycles: Any, day: date) -> str:
    """A fiscal name's hint names the site's fiscal forms (or asks for
    ``fiscal_year_start``), as does ``Q4`` alone on a fiscal site; anything
    else gets the hint of a date not read, whose example the load puts in
    the year of as_of."""
    name = without_deadline_words(written) or written.strip()
    fiscal = fiscal_start(cycles) is not None
    if fiscal and re.fullmatch(r"\s*(?:[Qq][1-4]|[Hh][12])\s*", name):
        return unknown_cycle_hint(name, cycles, day) + " (due on its last day)"
    if cycles_mod.fiscal_name(name) is not None or (
        fiscal and re.search(r"(?i)(?<![A-Za-z])FY", name)
    ):
        return (
            unknown_cycle_hint(name, cycles, day)
            + " (due on its last day), or write a date like 2026-02-10"
        )
    return _date_hint(written, period=True)
