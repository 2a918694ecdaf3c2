"""A value typed as a change (``--value +1``) is refused, naming the value meant.

okrsite records what a figure *is*, not by how much it moved: a check-in's
value is the key result's or KPI's new value, and a SMART goal's
``--value`` overwrites its ``current:``. Read as a number, ``+1`` is 1 (the
sign is dropped), so "one more chapter" would silently become "one
chapter", and a goal at 7 of 12 would fall to 1. People write changes so in
chat and in OKR tools that count increments, so on the command line (and at
the terminal's prompts, :func:`okrsite.authoring_prompts._ask`) a value
starting with ``+`` is refused (exit 2), with the sum it would be worked
out from the current value the site shows. A ``+`` written in a file stays
YAML's (a positive number): only what is typed at a command is read so.
"""

from __future__ import annotations

from collections.abc import Mapping

import click

from okrsite.authoring import number_or_text
from okrsite.pipeline import LoadResult

#: said for every value typed as a change, at a prompt as on the command line
NEW_VALUE_NOT_CHANGE = "okrsite records the new value, not a change"


def typed_as_change(raw: str) -> bool:
    """Whether ``raw`` is written as a change (``+1``, ``+2.5%``)."""
    return raw.strip().startswith("+")


def _shown(number: float) -> str:
    exact = float(f"{number:.12g}")  # 7.1 + 0.2: 7.3, never 7.300000000000001
    return str(int(exact)) if exact.is_integer() else repr(exact)


def change_refused(raw: str, current: float | None, flag: str, language: str | None) -> str:
    """The refusal of ``raw`` (``+1``) given as ``flag`` (``--value``,
    ``--set self-serve=``): the current value, and the flag with the sum
    when the change is a plain number; else what to give instead."""
    delta = number_or_text(raw.strip()[1:], language)
    if current is None:
        return (
            f"{flag}{raw}: {NEW_VALUE_NOT_CHANGE}, and there is no current value yet: "
            f"give the value it is now ({flag}V)"
        )
    if isinstance(delta, bool) or not isinstance(delta, (int, float)):
        return (
            f"{flag}{raw}: {NEW_VALUE_NOT_CHANGE}: the current value is {_shown(current)}; "
            f"give the value it is now ({flag}V)"
        )
    # a figure that may be signed (an NPS of +35, a margin of +2%) is typed
    # so as well: both readings are named, the user picks
    return (
        f"{flag}{raw}: {NEW_VALUE_NOT_CHANGE}: the current value is {_shown(current)}, "
        f"so {raw.strip()} more would be {flag}{_shown(current + delta)}; "
        f"if the value is {raw.strip()}, write {flag}{_shown(delta)}"
    )


def refuse_changes(
    base: LoadResult,
    kind: str,
    target: str,
    sets: Mapping[str, tuple[str, str]],
    value: str | None,
) -> None:
    """A usage error (exit 2) for the first value typed as a change:
    ``sets`` maps a key result's id to (its name as typed, its value as
    typed); ``value`` is ``--value`` as typed. Nothing is written."""
    scored, language = base.scored, base.config.language
    if kind == "objective" and target in scored.objectives:
        krs = scored.objectives[target].key_results
        for kr_id, (key, raw) in sets.items():
            if typed_as_change(raw):
                was = krs[kr_id].current if kr_id in krs else None
                raise click.UsageError(change_refused(raw, was, f"--set {key}=", language))
    if value is None or not typed_as_change(value):
        return
    now: float | None = None
    if kind == "kpi" and target in scored.kpis:
        now = scored.kpis[target].value
    goal = base.scored.portfolio.goals.get(target) if kind == "goal" else None
    if goal is not None and goal.measure is not None:
        now = goal.measure.current
    raise click.UsageError(change_refused(value, now, "--value ", language))
