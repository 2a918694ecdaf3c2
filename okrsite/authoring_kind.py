"""Whether a check-in is an objective's, a KPI's or a SMART goal's.

Split from :mod:`okrsite.authoring_cli`: an id is one record's, except that
an objective, a KPI and a goal may share one, and then the flags given say
which is meant, or the command refuses naming each file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from okrsite.model import Portfolio

#: what each kind of record takes on the command line, for a refusal that lists them
_TAKES = {
    "objective": "key-result values with --set KR=VALUE for the objective",
    "kpi": "its reading with --value V for the KPI",
    "goal": "its current value with --value V for the SMART goal",
}
_KIND_NAMES = {"objective": "an objective", "kpi": "a KPI", "goal": "a SMART goal"}


def kind_meant(p: Portfolio, target: str, sets: tuple[str, ...], value: str | None) -> str:
    """Whether the check-in of ``target`` is an objective's, a KPI's or a
    SMART goal's. An id is one record's, except that an objective, a KPI and
    a goal may share one (``objectives/umsatz.md`` and ``kpis/umsatz.md``):
    then the flags say which is meant, ``--set`` the objective's and
    ``--value`` the KPI's (or goal's), and where they do not (only
    ``--confidence`` or ``--note``, or a KPI and a goal both), the command
    refuses, naming each. An id of no record the site read (a file set aside
    for errors of its own) is a KPI's with ``--value`` alone, else an
    objective's, as the loader then judges."""
    tables: dict[str, Mapping[str, Any]] = {
        "objective": p.objectives,
        "kpi": p.kpis,
        "goal": p.goals,
    }
    kinds = [kind for kind, table in tables.items() if target in table]
    if len(kinds) == 1:
        return kinds[0]
    if not kinds:
        return "kpi" if value is not None and not sets else "objective"
    if sets and "objective" in kinds:
        return "objective"
    readings = [kind for kind in kinds if kind != "objective"]
    if value is not None and not sets and len(readings) == 1:
        return readings[0]
    files = {kind: str(getattr(tables[kind][target], "file", "")) for kind in kinds}
    raise click.UsageError(
        f"{target!r} is "
        + " and ".join(f"{_KIND_NAMES[kind]} ({files[kind]})" for kind in kinds)
        + ": give "
        + ", or ".join(_TAKES[kind] for kind in kinds)
    )
