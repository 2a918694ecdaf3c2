"""The cycle names a site counts in, as its commands suggest them and its hints name them.

A site with ``fiscal_year_start`` counts its quarters in fiscal years: the
quarter of 5 December 2026 on a site whose year starts in February is
``FY2027-Q4``, not the calendar ``2026-Q4`` no objective of it uses. So
``okrsite new`` writes the fiscal quarter, ``okrsite import`` gives a row
with only a Due date its fiscal quarter, and every hint about a cycle
okrsite does not know (OKR302, IMP108, ``okrsite carry``) names the forms
this site's cycles take, in the year of ``as_of``: one rule here, so no
command suggests the calendar to a fiscal site.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from okrsite.cycles import FiscalCycles, calendar_cycle, fiscal_cycle, fiscal_name
from okrsite.diagnostics import Diagnostic
from okrsite.model import Cycle

#: how the hint of a fiscal name on a site without fiscal years begins
_SET_FISCAL = "set fiscal_year_start"


def fiscal_start(cycles: Mapping[str, Cycle] | None) -> int | None:
    """The month the site's fiscal year starts in, ``None`` where it counts calendar years."""
    return cycles.start_month if isinstance(cycles, FiscalCycles) else None


def fiscal_year_of(day: date, start_month: int) -> int:
    """The fiscal year holding ``day``, named by the calendar year it ends in
    (as :func:`okrsite.cycles.fiscal_name` names it)."""
    return day.year + 1 if start_month > 1 and day.month >= start_month else day.year


def quarter_of(day: date, cycles: Mapping[str, Cycle] | None = None) -> str:
    """The name of the quarter holding ``day``: the fiscal one on a site with
    ``fiscal_year_start`` (``FY2027-Q4``), else the calendar one (``2026-Q4``)."""
    start = fiscal_start(cycles)
    if start is None:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"FY{fiscal_year_of(day, start)}-Q{(day.month - start) % 12 // 3 + 1}"


#: OKR101's hint for an objective without ``cycle:``, as the parser writes
#: it: :func:`with_current_cycle` names the quarter (the parser knows no date)
MISSING_CYCLE_HINT = "add 'cycle: <the current quarter>' or set default_cycle in okrsite.toml"


def with_current_cycle(
    diags: Sequence[Diagnostic], cycles: Mapping[str, Cycle] | None, day: date
) -> list[Diagnostic]:
    """``diags`` with OKR101's hint for a missing ``cycle:`` naming the quarter
    of ``day`` (as_of) in the site's naming, as ``okrsite new`` writes it: a
    fixed example would be a quarter long ended, scored "missed" at once."""
    hint = MISSING_CYCLE_HINT.replace("<the current quarter>", quarter_of(day, cycles))
    return [replace(d, hint=hint) if d.hint == MISSING_CYCLE_HINT else d for d in diags]


#: a quarter or half written without its year (``Q4``, ``h1``; French ``T4``, ``S2``)
_PART_ALONE = re.compile(r"[QqTt][1-4]|[HhSs][12]")


def _part_alone(written: str) -> str | None:
    """``Q4``, ``h1``, French ``T4``, ``S2`` written without a year, as the
    quarter or half it names (``Q4``, ``H1``); ``None`` for any other name."""
    text = written.strip()
    if not _PART_ALONE.fullmatch(text):
        return None
    return text.upper().replace("T", "Q").replace("S", "H")


def part_with_year(written: str, cycles: Mapping[str, Cycle] | None, day: date) -> str | None:
    """``Q1`` typed on a command line as the quarter it means: the first of
    that name, in this year or the next (fiscal on a fiscal site), that has
    not ended on ``day``. ``okrsite new objective --cycle Q1`` typed in
    December plans next year's first quarter, ``--cycle Q4`` the running one;
    the file gets the name with its year (``2027-Q1``), which does not move.
    ``None`` for any other name. (A file's ``cycle: Q4`` stays an error: it
    is read again next year, when it would mean another quarter.)"""
    part = _part_alone(written)
    if part is None:
        return None
    start = fiscal_start(cycles)
    year = day.year if start is None else fiscal_year_of(day, start)
    for candidate in (year, year + 1):
        name = f"{candidate}-{part}" if start is None else f"FY{candidate}-{part}"
        found = calendar_cycle(name) if start is None else fiscal_cycle(name, start)
        if found is not None and found.end >= day:
            return name
    return None


def quarter_span(day: date, cycles: Mapping[str, Cycle] | None = None) -> Cycle:
    """The quarter :func:`quarter_of` names, with its dates."""
    name = quarter_of(day, cycles)
    start = fiscal_start(cycles)
    found = calendar_cycle(name) if start is None else fiscal_cycle(name, start)
    assert found is not None
    return found


def cycle_forms(cycles: Mapping[str, Cycle] | None, day: date) -> str:
    """The names of this site's cycles, as examples in the year of ``day``:
    ``2028, 2028-H1, 2028-Q1 or 2028-03``; on a fiscal site its fiscal year,
    halves and quarters first (``FY2028``, ``FY2028-H1``/``FY2028-H2``,
    ``FY2028-Q1`` … ``FY2028-Q4``, also written ``FY28 Q1`` or ``Q1 FY28``)."""
    start = fiscal_start(cycles)
    if start is None:
        y = day.year
        return f"{y}, {y}-H1, {y}-Q1 or {y}-03"
    fy = fiscal_year_of(day, start)
    return (
        f"the fiscal year FY{fy}, its halves FY{fy}-H1 and FY{fy}-H2 or its quarters "
        f"FY{fy}-Q1 … FY{fy}-Q4 (also written FY{fy % 100:02d} Q1 or Q1 FY{fy % 100:02d}), "
        f"or a calendar month, {day.year}-{day.month:02d}"
    )


def unknown_cycle_hint(
    name: str, cycles: Mapping[str, Cycle] | None, day: date, define: str | None = None
) -> str:
    """The hint of a cycle name a site does not know, in the site's own forms.

    ``Q4`` alone (or ``T4``, French) asks for its year (the fiscal one on a fiscal site); a
    fiscal name on a site without ``fiscal_year_start`` asks for that
    setting; a fiscal-looking name on a fiscal site that is none
    (``FY2027-Q5``) names the quarters and halves a fiscal year has; any
    other lists the forms and, with ``define`` (the TOML key of the name),
    how to define it in ``okrsite.toml``."""
    written = name.strip()
    start = fiscal_start(cycles)
    part = _part_alone(written)
    if part is not None:
        year = f"FY{fiscal_year_of(day, start)}" if start is not None else str(day.year)
        return f"a quarter or half needs its year: write it like {year}-{part}"
    if start is None and fiscal_name(written) is not None:
        return (
            f"{_SET_FISCAL} in okrsite.toml to the month your fiscal year starts "
            "(fiscal_year_start = 4 for April): fiscal years, halves and quarters are then "
            "known by their names"
        )
    if start is not None and re.search(r"(?i)(?<![A-Za-z])FY", written):
        return f"a fiscal year has quarters Q1 to Q4 and halves H1 and H2: use {cycle_forms(cycles, day)}"
    use = f"use {cycle_forms(cycles, day)}"
    if define is None:
        return f"{use}, or define it in okrsite.toml"
    return f"{use}, or define it in okrsite.toml as [cycles.{define}] with start and end dates"


def with_fiscal_setting_refused(
    diags: list[Diagnostic], config_diags: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """``diags`` where ``fiscal_year_start`` is set but refused (CFG004): the
    hint of each fiscal cycle name okrsite does not know (OKR302, and OKR104
    of a goal's ``due:``) points at
    that setting's problem, not at setting it, which is done."""
    refused = next(
        (d for d in config_diags if d.code == "CFG004" and "fiscal_year_start" in d.message),
        None,
    )
    if refused is None:
        return diags  # nearly every site: the findings as they are
    where = f"okrsite.toml:{refused.line}" if refused.line else "okrsite.toml"
    hint = (
        f"fiscal_year_start is set but not read ({where}, CFG004: {refused.message}): write "
        'it as a month, fiscal_year_start = 4 or fiscal_year_start = "April", and fiscal '
        "years, halves and quarters are known by their names"
    )
    return [
        replace(d, hint=hint)
        if d.code in ("OKR302", "OKR104") and (d.hint or "").startswith(_SET_FISCAL)
        else d
        for d in diags
    ]
